_upstart__tools() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="upstart__tools"
                ;;
            upstart__tools,completions)
                cmd="upstart__tools__subcmd__completions"
                ;;
            upstart__tools,convert)
                cmd="upstart__tools__subcmd__convert"
                ;;
            upstart__tools,ctl)
                cmd="upstart__tools__subcmd__ctl"
                ;;
            upstart__tools,exec)
                cmd="upstart__tools__subcmd__exec"
                ;;
            upstart__tools,fmt)
                cmd="upstart__tools__subcmd__fmt"
                ;;
            upstart__tools,graph)
                cmd="upstart__tools__subcmd__graph"
                ;;
            upstart__tools,help)
                cmd="upstart__tools__subcmd__help"
                ;;
            upstart__tools,install-compat)
                cmd="upstart__tools__subcmd__install__subcmd__compat"
                ;;
            upstart__tools,lint)
                cmd="upstart__tools__subcmd__lint"
                ;;
            upstart__tools,lsp)
                cmd="upstart__tools__subcmd__lsp"
                ;;
            upstart__tools,man)
                cmd="upstart__tools__subcmd__man"
                ;;
            upstart__tools,parse)
                cmd="upstart__tools__subcmd__parse"
                ;;
            upstart__tools,rules)
                cmd="upstart__tools__subcmd__rules"
                ;;
            upstart__tools,show)
                cmd="upstart__tools__subcmd__show"
                ;;
            upstart__tools,systemd2upstart)
                cmd="upstart__tools__subcmd__systemd2upstart"
                ;;
            upstart__tools__subcmd__ctl,check-config)
                cmd="upstart__tools__subcmd__ctl__subcmd__check__subcmd__config"
                ;;
            upstart__tools__subcmd__ctl,emit)
                cmd="upstart__tools__subcmd__ctl__subcmd__emit"
                ;;
            upstart__tools__subcmd__ctl,help)
                cmd="upstart__tools__subcmd__ctl__subcmd__help"
                ;;
            upstart__tools__subcmd__ctl,list)
                cmd="upstart__tools__subcmd__ctl__subcmd__list"
                ;;
            upstart__tools__subcmd__ctl,reload)
                cmd="upstart__tools__subcmd__ctl__subcmd__reload"
                ;;
            upstart__tools__subcmd__ctl,reload-configuration)
                cmd="upstart__tools__subcmd__ctl__subcmd__reload__subcmd__configuration"
                ;;
            upstart__tools__subcmd__ctl,restart)
                cmd="upstart__tools__subcmd__ctl__subcmd__restart"
                ;;
            upstart__tools__subcmd__ctl,show-config)
                cmd="upstart__tools__subcmd__ctl__subcmd__show__subcmd__config"
                ;;
            upstart__tools__subcmd__ctl,start)
                cmd="upstart__tools__subcmd__ctl__subcmd__start"
                ;;
            upstart__tools__subcmd__ctl,status)
                cmd="upstart__tools__subcmd__ctl__subcmd__status"
                ;;
            upstart__tools__subcmd__ctl,stop)
                cmd="upstart__tools__subcmd__ctl__subcmd__stop"
                ;;
            upstart__tools__subcmd__ctl,version)
                cmd="upstart__tools__subcmd__ctl__subcmd__version"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,check-config)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__check__subcmd__config"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,emit)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__emit"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,help)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__help"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,list)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__list"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,reload)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__reload"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,reload-configuration)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__reload__subcmd__configuration"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,restart)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__restart"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,show-config)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__show__subcmd__config"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,start)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__start"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,status)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__status"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,stop)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__stop"
                ;;
            upstart__tools__subcmd__ctl__subcmd__help,version)
                cmd="upstart__tools__subcmd__ctl__subcmd__help__subcmd__version"
                ;;
            upstart__tools__subcmd__help,completions)
                cmd="upstart__tools__subcmd__help__subcmd__completions"
                ;;
            upstart__tools__subcmd__help,convert)
                cmd="upstart__tools__subcmd__help__subcmd__convert"
                ;;
            upstart__tools__subcmd__help,ctl)
                cmd="upstart__tools__subcmd__help__subcmd__ctl"
                ;;
            upstart__tools__subcmd__help,exec)
                cmd="upstart__tools__subcmd__help__subcmd__exec"
                ;;
            upstart__tools__subcmd__help,fmt)
                cmd="upstart__tools__subcmd__help__subcmd__fmt"
                ;;
            upstart__tools__subcmd__help,graph)
                cmd="upstart__tools__subcmd__help__subcmd__graph"
                ;;
            upstart__tools__subcmd__help,help)
                cmd="upstart__tools__subcmd__help__subcmd__help"
                ;;
            upstart__tools__subcmd__help,install-compat)
                cmd="upstart__tools__subcmd__help__subcmd__install__subcmd__compat"
                ;;
            upstart__tools__subcmd__help,lint)
                cmd="upstart__tools__subcmd__help__subcmd__lint"
                ;;
            upstart__tools__subcmd__help,lsp)
                cmd="upstart__tools__subcmd__help__subcmd__lsp"
                ;;
            upstart__tools__subcmd__help,man)
                cmd="upstart__tools__subcmd__help__subcmd__man"
                ;;
            upstart__tools__subcmd__help,parse)
                cmd="upstart__tools__subcmd__help__subcmd__parse"
                ;;
            upstart__tools__subcmd__help,rules)
                cmd="upstart__tools__subcmd__help__subcmd__rules"
                ;;
            upstart__tools__subcmd__help,show)
                cmd="upstart__tools__subcmd__help__subcmd__show"
                ;;
            upstart__tools__subcmd__help,systemd2upstart)
                cmd="upstart__tools__subcmd__help__subcmd__systemd2upstart"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,check-config)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__check__subcmd__config"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,emit)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__emit"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,list)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__list"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,reload)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__reload"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,reload-configuration)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__reload__subcmd__configuration"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,restart)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__restart"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,show-config)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__show__subcmd__config"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,start)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__start"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,status)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__status"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,stop)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__stop"
                ;;
            upstart__tools__subcmd__help__subcmd__ctl,version)
                cmd="upstart__tools__subcmd__help__subcmd__ctl__subcmd__version"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        upstart__tools)
            opts="-h -V --help --version parse fmt show convert lint rules exec systemd2upstart graph ctl install-compat lsp completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__completions)
            opts="-h -V --bin --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --bin)
                    COMPREPLY=($(compgen -W "upstart-tools upstart-lint upstart2systemd systemd2upstart upstart-run" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__convert)
            opts="-o -h -V --output --force --check --diff --verify --dialect --report --report-format --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dialect)
                    COMPREPLY=($(compgen -W "upstream chromeos" -- "${cur}"))
                    return 0
                    ;;
                --report)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --report-format)
                    COMPREPLY=($(compgen -W "md html" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl)
            opts="-h -V --control --help --version start stop restart reload status list emit reload-configuration version show-config check-config help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__check__subcmd__config)
            opts="-i -w -h -V --ignore-events --warn --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --ignore-events)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__emit)
            opts="-n -h -V --no-wait --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help)
            opts="start stop restart reload status list emit reload-configuration version show-config check-config help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__check__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__emit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__reload)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__reload__subcmd__configuration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__restart)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__show__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__stop)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__list)
            opts="-h -V --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__reload)
            opts="-h -V --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__reload__subcmd__configuration)
            opts="-h -V --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__restart)
            opts="-n -h -V --no-wait --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__show__subcmd__config)
            opts="-e -h -V --enumerate --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__start)
            opts="-n -h -V --no-wait --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__status)
            opts="-h -V --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__stop)
            opts="-n -h -V --no-wait --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__ctl__subcmd__version)
            opts="-h -V --control --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__exec)
            opts="-v -h -V --foreground --pidfile --log-dir --event --verbose --leave-leftovers --control --startup-event --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pidfile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --control)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --startup-event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__fmt)
            opts="-h -V --check --write --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__graph)
            opts="-o -h -V --format --output --force --focus --depth --group-by --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "dot svg" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --focus)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --group-by)
                    COMPREPLY=($(compgen -W "directory start" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help)
            opts="parse fmt show convert lint rules exec systemd2upstart graph ctl install-compat lsp completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__convert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl)
            opts="start stop restart reload status list emit reload-configuration version show-config check-config"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__check__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__emit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__reload)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__reload__subcmd__configuration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__restart)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__show__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__stop)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__ctl__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__exec)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__fmt)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__graph)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__install__subcmd__compat)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__lsp)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__parse)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__rules)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__help__subcmd__systemd2upstart)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__install__subcmd__compat)
            opts="-h -V --force --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__lint)
            opts="-S -q -h -V --format --severity --quiet --statistics --color --explain --stdin-filename --no-context --config --isolated --select --extend-select --ignore --known-event --known-job --target-version --dialect --shellcheck --fail-on --exit-zero --fix --diff --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "human concise json github sarif" -- "${cur}"))
                    return 0
                    ;;
                --severity)
                    COMPREPLY=($(compgen -W "error warning info" -- "${cur}"))
                    return 0
                    ;;
                -S)
                    COMPREPLY=($(compgen -W "error warning info" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -W "UL001 UL002 UL003 UL004 UL005 UL006 UL007 UL008 UL009 UL010 UL011 UL012 UL013 UL014 UL101 UL102 UL103 UL104 UL105 UL106 UL107 UL108 UL109 UL110 UL111 UL112 UL114 UL115 UL116 UL117 UL118 UL119 UL201 UL202 UL203 UL204 UL205 UL206 UL207 UL208 UL209 UL210 UL211 UL212 UL215 UL216 UL217 UL218 UL219 UL220 UL221 UL222 UL223 UL301 UL302 UL303 UL304 UL305 UL306 UL308 UL401 UL402 UL403 UL404 UL405 UL406 UL407 UL408 UL501 UL502 UL503 UL504 UL506 UL507 UL508 UL509 UL510 UL511 UL512 UL513 UL514 UL515 UL601 UL602 UL603 UL701 UL702 UL703 UL704 UL705 UL706 UL707 UL708 UL709 UL901 UL902 UL903 UL904" -- "${cur}"))
                    return 0
                    ;;
                --stdin-filename)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --select)
                    COMPREPLY=($(compgen -W "UL001 UL002 UL003 UL004 UL005 UL006 UL007 UL008 UL009 UL010 UL011 UL012 UL013 UL014 UL101 UL102 UL103 UL104 UL105 UL106 UL107 UL108 UL109 UL110 UL111 UL112 UL114 UL115 UL116 UL117 UL118 UL119 UL201 UL202 UL203 UL204 UL205 UL206 UL207 UL208 UL209 UL210 UL211 UL212 UL215 UL216 UL217 UL218 UL219 UL220 UL221 UL222 UL223 UL301 UL302 UL303 UL304 UL305 UL306 UL308 UL401 UL402 UL403 UL404 UL405 UL406 UL407 UL408 UL501 UL502 UL503 UL504 UL506 UL507 UL508 UL509 UL510 UL511 UL512 UL513 UL514 UL515 UL601 UL602 UL603 UL701 UL702 UL703 UL704 UL705 UL706 UL707 UL708 UL709 UL901 UL902 UL903 UL904" -- "${cur}"))
                    return 0
                    ;;
                --extend-select)
                    COMPREPLY=($(compgen -W "UL001 UL002 UL003 UL004 UL005 UL006 UL007 UL008 UL009 UL010 UL011 UL012 UL013 UL014 UL101 UL102 UL103 UL104 UL105 UL106 UL107 UL108 UL109 UL110 UL111 UL112 UL114 UL115 UL116 UL117 UL118 UL119 UL201 UL202 UL203 UL204 UL205 UL206 UL207 UL208 UL209 UL210 UL211 UL212 UL215 UL216 UL217 UL218 UL219 UL220 UL221 UL222 UL223 UL301 UL302 UL303 UL304 UL305 UL306 UL308 UL401 UL402 UL403 UL404 UL405 UL406 UL407 UL408 UL501 UL502 UL503 UL504 UL506 UL507 UL508 UL509 UL510 UL511 UL512 UL513 UL514 UL515 UL601 UL602 UL603 UL701 UL702 UL703 UL704 UL705 UL706 UL707 UL708 UL709 UL901 UL902 UL903 UL904" -- "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -W "UL001 UL002 UL003 UL004 UL005 UL006 UL007 UL008 UL009 UL010 UL011 UL012 UL013 UL014 UL101 UL102 UL103 UL104 UL105 UL106 UL107 UL108 UL109 UL110 UL111 UL112 UL114 UL115 UL116 UL117 UL118 UL119 UL201 UL202 UL203 UL204 UL205 UL206 UL207 UL208 UL209 UL210 UL211 UL212 UL215 UL216 UL217 UL218 UL219 UL220 UL221 UL222 UL223 UL301 UL302 UL303 UL304 UL305 UL306 UL308 UL401 UL402 UL403 UL404 UL405 UL406 UL407 UL408 UL501 UL502 UL503 UL504 UL506 UL507 UL508 UL509 UL510 UL511 UL512 UL513 UL514 UL515 UL601 UL602 UL603 UL701 UL702 UL703 UL704 UL705 UL706 UL707 UL708 UL709 UL901 UL902 UL903 UL904" -- "${cur}"))
                    return 0
                    ;;
                --known-event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --known-job)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dialect)
                    COMPREPLY=($(compgen -W "upstream chromeos" -- "${cur}"))
                    return 0
                    ;;
                --shellcheck)
                    COMPREPLY=($(compgen -W "auto on off" -- "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "error warning" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__lsp)
            opts="-h -V --stdio --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__man)
            opts="-h -V --help --version upstart-tools upstart-lint upstart2systemd systemd2upstart upstart-run upstart-lint.toml upstart-lint-rules"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__parse)
            opts="-h -V --no-override --pretty --dialect --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dialect)
                    COMPREPLY=($(compgen -W "upstream chromeos" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__rules)
            opts="-h -V --format --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__show)
            opts="-h -V --format --no-override --dialect --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "text json upstart-json" -- "${cur}"))
                    return 0
                    ;;
                --dialect)
                    COMPREPLY=($(compgen -W "upstream chromeos" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__tools__subcmd__systemd2upstart)
            opts="-o -h -V --output --force --check --diff --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _upstart__tools -o nosort -o bashdefault -o default upstart-tools
else
    complete -F _upstart__tools -o bashdefault -o default upstart-tools
fi
