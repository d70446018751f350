_upstart__lint() {
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
                cmd="upstart__lint"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        upstart__lint)
            opts="-S -q -h -V --format --severity --quiet --statistics --color --explain --stdin-filename --no-context --config --isolated --select --extend-select --ignore --known-event --known-job --target-version --dialect --shellcheck --fail-on --exit-zero --fix --diff --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
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
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _upstart__lint -o nosort -o bashdefault -o default upstart-lint
else
    complete -F _upstart__lint -o bashdefault -o default upstart-lint
fi
