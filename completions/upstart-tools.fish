# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_upstart_tools_global_optspecs
    string join \n h/help V/version
end

function __fish_upstart_tools_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_upstart_tools_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_upstart_tools_using_subcommand
    set -l cmd (__fish_upstart_tools_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "parse" -d 'Print the AST of job files as versioned JSON'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "fmt" -d 'Print job files in canonical form, check or rewrite them'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "show" -d 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "convert" -d 'Convert upstart jobs to systemd units'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "lint" -d 'Report the problems of job files'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "exec" -d 'Run a job under supervision with the semantics of upstart'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "systemd2upstart" -d 'Convert systemd units to upstart jobs'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "graph" -d 'Draw the graph of jobs and events (Graphviz DOT or SVG)'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "ctl" -d 'Control a running `upstart-run` job set with initctl\'s commands'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "install-compat" -d 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "lsp" -d 'Run the language server (LSP over stdio) for editors'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "completions" -d 'Print the shell completion script of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "man" -d 'Print the man page (roff) of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "generate" -d 'Write man pages or shell completions (for maintainers and packagers)'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -l no-override -d 'Do not parse the `.override` file beside each `.conf`'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -l pretty -d 'Indent the JSON'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -l check -d 'Exit 1 and show a diff when a file is not in canonical form'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -l write -d 'Rewrite files in place (atomically) instead of printing them'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand show" -l format -d 'Output format' -r -f -a "text\t'One setting a line, for people'
json\t'`{"version":1,"jobs":[…]}` with names for enum values and signals'
upstart-json\t'One JSON object a line, exactly as upstart stores the job: the shape of the conformance data recorded from upstart 1.13.2'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand show" -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand show" -l no-override -d 'Do not merge the `.override` file beside each `.conf`'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand show" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -s o -l output -d 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -l force -d 'Overwrite units in DIR that differ from the conversion'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -l check -d 'Exit 1 when a unit in DIR differs from what would be written (writes nothing)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -l diff -d 'Print unified diffs between DIR and the conversion (writes nothing)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -l verify -d 'Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand convert" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l format -d 'Output format' -r -f -a "human\t'Reports with the source snippet and help (colour on a terminal only)'
concise\t'One line per problem (path, line, column, severity, code, message)'
json\t'A versioned JSON document'
github\t'GitHub Actions workflow commands (annotations)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l explain -d 'Print the documentation of a rule and exit' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l stdin-filename -d 'File name to report for standard input (also used to find the config)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l config -d 'Use this config file instead of searching for one' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l select -d 'Rules to run instead of the default ones (codes or prefixes, comma-separated)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l extend-select -d 'Rules to run in addition' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l ignore -d 'Rules never to report' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l known-event -d 'An event that exists although no linted job declares it (repeatable)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l known-job -d 'A job that exists although it is not linted (repeatable)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l target-version -d 'Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l shellcheck -d 'Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on' -r -f -a "auto\t'Run it when it is on PATH'
on\t''
off\t''"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l fail-on -d 'Lowest severity that makes the exit status 1 (default: warning; info never does)' -r -f -a "error\t''
warning\t''"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l no-context -d 'Do not load the sibling jobs of the given files as context for cross-file rules'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l isolated -d 'Ignore config files'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l exit-zero -d 'Exit 0 even when problems are found (2 still means usage, config or I/O errors)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l fix -d 'Apply safe fixes to the files (atomically), then report what is left'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l diff -d 'Print the safe fixes as a unified diff without writing; exit 1 when there are any'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l pidfile -d 'Write the supervisor\'s pid to FILE (after detaching)' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l log-dir -d 'Directory for `console log` output (<job>.log) [default: $UPSTART_LOGDIR, else /var/log/upstart]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l event -d 'Start the job as if event NAME had started it: sets UPSTART_EVENTS (repeat for several), and KEY=VALUE become the event\'s variables' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l control -d 'The control socket of a job set, for `upstart-tools ctl` and the initctl names [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l startup-event -d 'The first event of a job set (upstart\'s --startup-event)' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l foreground -d 'Stay in the foreground (default: detach and supervise in the background)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -s v -l verbose -d 'Log state changes to stderr'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -l leave-leftovers -d 'After a requested stop, leave the processes the job left behind running, as upstart does (default: TERM, then KILL after the kill timeout)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand exec" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -s o -l output -d 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -l force -d 'Overwrite jobs in DIR that differ from the conversion'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -l check -d 'Exit 1 when a job in DIR differs from what would be written (writes nothing)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -l diff -d 'Print unified diffs between DIR and the conversion (writes nothing)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand systemd2upstart" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand graph" -l format -d 'Output format' -r -f -a "dot\t'Graphviz DOT text'
svg\t'SVG, rendered by Graphviz\'s `dot` (must be installed)'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand graph" -s o -l output -d 'Write to FILE (atomically) instead of standard output' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand graph" -l force -d 'Replace FILE when it exists'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand graph" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand graph" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "start" -d 'Start job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "stop" -d 'Stop job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "restart" -d 'Restart job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "reload" -d 'Send the job\'s reload signal (SIGHUP by default) to its main process'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "status" -d 'Query status of job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "list" -d 'List known jobs'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "emit" -d 'Emit an event'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "reload-configuration" -d 'Reload the configuration of the job set'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "version" -d 'Request the version of the server'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "show-config" -d 'Show emits, start on and stop on details for job configurations'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "check-config" -d 'Check for unreachable jobs/event conditions'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and not __fish_seen_subcommand_from start stop restart reload status list emit reload-configuration version show-config check-config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from start" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from start" -s n -l no-wait -d 'Do not wait for the job to reach its goal before exiting'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s n -l no-wait -d 'Do not wait for the job to reach its goal before exiting'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s n -l no-wait -d 'Do not wait for the job to reach its goal before exiting'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from status" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from list" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from emit" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from emit" -s n -l no-wait -d 'Do not wait for the event to finish before exiting'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from emit" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from emit" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload-configuration" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload-configuration" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from reload-configuration" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from version" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from show-config" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from show-config" -s e -l enumerate -d 'Enumerate the events and jobs causing each job to start and stop'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from show-config" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from show-config" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from check-config" -l control -d 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from check-config" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from check-config" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "reload" -d 'Send the job\'s reload signal (SIGHUP by default) to its main process'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "status" -d 'Query status of job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "list" -d 'List known jobs'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "emit" -d 'Emit an event'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "reload-configuration" -d 'Reload the configuration of the job set'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "version" -d 'Request the version of the server'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "show-config" -d 'Show emits, start on and stop on details for job configurations'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "check-config" -d 'Check for unreachable jobs/event conditions'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand ctl; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand install-compat" -l force -d 'Replace a file of one of those names that is not already our symlink'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand install-compat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand install-compat" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lsp" -l stdio -d 'Speak the protocol on standard input and output (the only transport; accepted for clients that pass it)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lsp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lsp" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand completions" -l bin -d 'The binary to complete' -r -f -a "upstart-tools\t''
upstart-lint\t''
upstart2systemd\t''
systemd2upstart\t''
upstart-run\t''"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand completions" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand completions" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand man" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand man" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all rules-md help" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all rules-md help" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all rules-md help" -f -a "all" -d 'Write every man page and completion script under DIR (the project root), and the rules table of DIR/README.md'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all rules-md help" -f -a "rules-md" -d 'Rewrite the rules table of a README (between the rules markers)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all rules-md help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from all" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from rules-md" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from rules-md" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "all" -d 'Write every man page and completion script under DIR (the project root), and the rules table of DIR/README.md'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "rules-md" -d 'Rewrite the rules table of a README (between the rules markers)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "parse" -d 'Print the AST of job files as versioned JSON'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "fmt" -d 'Print job files in canonical form, check or rewrite them'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "show" -d 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "convert" -d 'Convert upstart jobs to systemd units'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "lint" -d 'Report the problems of job files'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "exec" -d 'Run a job under supervision with the semantics of upstart'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "systemd2upstart" -d 'Convert systemd units to upstart jobs'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "graph" -d 'Draw the graph of jobs and events (Graphviz DOT or SVG)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "ctl" -d 'Control a running `upstart-run` job set with initctl\'s commands'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "install-compat" -d 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "lsp" -d 'Run the language server (LSP over stdio) for editors'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "completions" -d 'Print the shell completion script of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "man" -d 'Print the man page (roff) of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "generate" -d 'Write man pages or shell completions (for maintainers and packagers)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt show convert lint exec systemd2upstart graph ctl install-compat lsp completions man generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "start" -d 'Start job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "stop" -d 'Stop job (without JOB, inside a job process: that job, without waiting)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "restart" -d 'Restart job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reload" -d 'Send the job\'s reload signal (SIGHUP by default) to its main process'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "status" -d 'Query status of job'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list" -d 'List known jobs'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "emit" -d 'Emit an event'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reload-configuration" -d 'Reload the configuration of the job set'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "version" -d 'Request the version of the server'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "show-config" -d 'Show emits, start on and stop on details for job configurations'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "check-config" -d 'Check for unreachable jobs/event conditions'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "all" -d 'Write every man page and completion script under DIR (the project root), and the rules table of DIR/README.md'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "rules-md" -d 'Rewrite the rules table of a README (between the rules markers)'
