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
            upstart__tools,generate)
                cmd="upstart__tools__subcmd__generate"
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
            upstart__tools__subcmd__generate,all)
                cmd="upstart__tools__subcmd__generate__subcmd__all"
                ;;
            upstart__tools__subcmd__generate,help)
                cmd="upstart__tools__subcmd__generate__subcmd__help"
                ;;
            upstart__tools__subcmd__generate,rules-md)
                cmd="upstart__tools__subcmd__generate__subcmd__rules__subcmd__md"
                ;;
            upstart__tools__subcmd__generate__subcmd__help,all)
                cmd="upstart__tools__subcmd__generate__subcmd__help__subcmd__all"
                ;;
            upstart__tools__subcmd__generate__subcmd__help,help)
                cmd="upstart__tools__subcmd__generate__subcmd__help__subcmd__help"
                ;;
            upstart__tools__subcmd__generate__subcmd__help,rules-md)
                cmd="upstart__tools__subcmd__generate__subcmd__help__subcmd__rules__subcmd__md"
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
            upstart__tools__subcmd__help,generate)
                cmd="upstart__tools__subcmd__help__subcmd__generate"
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
            upstart__tools__subcmd__help__subcmd__generate,all)
                cmd="upstart__tools__subcmd__help__subcmd__generate__subcmd__all"
                ;;
            upstart__tools__subcmd__help__subcmd__generate,rules-md)
                cmd="upstart__tools__subcmd__help__subcmd__generate__subcmd__rules__subcmd__md"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        upstart__tools)
            opts="-h -V --help --version parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help"
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
        upstart__subcmd__tools__subcmd__completions)
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
        upstart__subcmd__tools__subcmd__convert)
            opts="-o -h -V --output --force --check --diff --verify --dialect --help --version"
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
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__subcmd__tools__subcmd__ctl)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__check__subcmd__config)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__emit)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__check__subcmd__config)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__emit)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__help)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__list)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__reload)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__reload__subcmd__configuration)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__restart)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__show__subcmd__config)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__start)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__status)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__stop)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__help__subcmd__version)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__list)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__reload)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__reload__subcmd__configuration)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__restart)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__show__subcmd__config)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__start)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__status)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__stop)
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
        upstart__subcmd__tools__subcmd__ctl__subcmd__version)
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
        upstart__subcmd__tools__subcmd__exec)
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
        upstart__subcmd__tools__subcmd__fmt)
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
        upstart__subcmd__tools__subcmd__generate)
            opts="-h -V --help --version all rules-md help"
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
        upstart__subcmd__tools__subcmd__generate__subcmd__all)
            opts="-h -V --help --version"
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
        upstart__subcmd__tools__subcmd__generate__subcmd__help)
            opts="all rules-md help"
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
        upstart__subcmd__tools__subcmd__generate__subcmd__help__subcmd__all)
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
        upstart__subcmd__tools__subcmd__generate__subcmd__help__subcmd__help)
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
        upstart__subcmd__tools__subcmd__generate__subcmd__help__subcmd__rules__subcmd__md)
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
        upstart__subcmd__tools__subcmd__generate__subcmd__rules__subcmd__md)
            opts="-h -V --help --version"
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
        upstart__subcmd__tools__subcmd__graph)
            opts="-o -h -V --format --output --force --help --version"
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
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        upstart__subcmd__tools__subcmd__help)
            opts="parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help"
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
        upstart__subcmd__tools__subcmd__help__subcmd__completions)
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
        upstart__subcmd__tools__subcmd__help__subcmd__convert)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__check__subcmd__config)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__emit)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__list)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__reload)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__reload__subcmd__configuration)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__restart)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__show__subcmd__config)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__start)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__status)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__stop)
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
        upstart__subcmd__tools__subcmd__help__subcmd__ctl__subcmd__version)
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
        upstart__subcmd__tools__subcmd__help__subcmd__exec)
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
        upstart__subcmd__tools__subcmd__help__subcmd__fmt)
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
        upstart__subcmd__tools__subcmd__help__subcmd__generate)
            opts="all rules-md"
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
        upstart__subcmd__tools__subcmd__help__subcmd__generate__subcmd__all)
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
        upstart__subcmd__tools__subcmd__help__subcmd__generate__subcmd__rules__subcmd__md)
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
        upstart__subcmd__tools__subcmd__help__subcmd__graph)
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
        upstart__subcmd__tools__subcmd__help__subcmd__help)
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
        upstart__subcmd__tools__subcmd__help__subcmd__install__subcmd__compat)
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
        upstart__subcmd__tools__subcmd__help__subcmd__lint)
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
        upstart__subcmd__tools__subcmd__help__subcmd__lsp)
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
        upstart__subcmd__tools__subcmd__help__subcmd__man)
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
        upstart__subcmd__tools__subcmd__help__subcmd__parse)
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
        upstart__subcmd__tools__subcmd__help__subcmd__show)
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
        upstart__subcmd__tools__subcmd__help__subcmd__systemd2upstart)
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
        upstart__subcmd__tools__subcmd__install__subcmd__compat)
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
        upstart__subcmd__tools__subcmd__lint)
            opts="-h -V --format --explain --stdin-filename --no-context --config --isolated --select --extend-select --ignore --known-event --known-job --target-version --dialect --shellcheck --fail-on --exit-zero --fix --diff --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "human concise json github sarif" -- "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -f "${cur}"))
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
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --extend-select)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -f "${cur}"))
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
        upstart__subcmd__tools__subcmd__lsp)
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
        upstart__subcmd__tools__subcmd__man)
            opts="-h -V --help --version upstart-tools upstart-lint upstart2systemd systemd2upstart upstart-run"
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
        upstart__subcmd__tools__subcmd__parse)
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
        upstart__subcmd__tools__subcmd__show)
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
        upstart__subcmd__tools__subcmd__systemd2upstart)
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
