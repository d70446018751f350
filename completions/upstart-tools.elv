
use builtin;
use str;

set edit:completion:arg-completer[upstart-tools] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'upstart-tools'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'upstart-tools'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand parse 'Print the AST of job files as versioned JSON'
            cand fmt 'Print job files in canonical form, check or rewrite them'
            cand show 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers'
            cand convert 'Convert upstart jobs to systemd units'
            cand lint 'Report the problems of job files'
            cand rules 'List every rule: code, name, severity, on by default, fixable, summary'
            cand exec 'Run a job under supervision with the semantics of upstart'
            cand systemd2upstart 'Convert systemd units to upstart jobs'
            cand graph 'Draw the graph of jobs and events (Graphviz DOT or SVG)'
            cand ctl 'Control a running `upstart-run` job set with initctl''s commands'
            cand install-compat 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary'
            cand lsp 'Run the language server (LSP over stdio) for editors'
            cand completions 'Print the shell completion script of a binary'
            cand man 'Print the man page (roff) of a binary'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'upstart-tools;parse'= {
            cand --dialect 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`'
            cand --no-override 'Do not parse the `.override` file beside each `.conf`'
            cand --pretty 'Indent the JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;fmt'= {
            cand --check 'Exit 1 and show a diff when a file is not in canonical form'
            cand --write 'Rewrite files in place (atomically) instead of printing them'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;show'= {
            cand --format 'Output format'
            cand --dialect 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`'
            cand --no-override 'Do not merge the `.override` file beside each `.conf`'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;convert'= {
            cand -o 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them'
            cand --output 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them'
            cand --dialect 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`'
            cand --report 'Write a migration report of the whole job set to FILE (`-`: stdout): each job''s units, every loss of meaning with its severity and what to do by hand, the event → systemd mapping, totals and the job graph. Without -o no unit is written (report only)'
            cand --report-format 'The report''s format; by default from FILE''s extension (.md, .html)'
            cand --force 'Overwrite units in DIR that differ from the conversion (and an existing --report FILE)'
            cand --check 'Exit 1 when a unit in DIR differs from what would be written (writes nothing)'
            cand --diff 'Print unified diffs between DIR and the conversion (writes nothing)'
            cand --verify 'Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;lint'= {
            cand --format 'Output format'
            cand -S 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status'
            cand --severity 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status'
            cand --color 'Colour the human and concise formats: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --explain 'Print the documentation of a rule (or how a shellcheck SC code is reported) and exit'
            cand --stdin-filename 'File name to report for standard input (also used to find the config)'
            cand --config 'Use this config file instead of searching for one'
            cand --select 'Rules to run instead of the default ones (codes or prefixes, comma-separated)'
            cand --extend-select 'Rules to run in addition'
            cand --ignore 'Rules never to report'
            cand --known-event 'An event that exists although no linted job declares it (repeatable)'
            cand --known-job 'A job that exists although it is not linted (repeatable)'
            cand --target-version 'Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13)'
            cand --dialect 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`'
            cand --shellcheck 'Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on'
            cand --fail-on 'Lowest severity that makes the exit status 1 (default: warning; info never does). Only shown findings count; syntax errors always do'
            cand -q 'Print the findings only: no summary line and no progress'
            cand --quiet 'Print the findings only: no summary line and no progress'
            cand --statistics 'Print the number of findings per code instead of the findings (JSON with --format json)'
            cand --no-context 'Do not load the sibling jobs of the given files as context for cross-file rules'
            cand --isolated 'Ignore config files'
            cand --exit-zero 'Exit 0 even when problems are found (2 still means usage, config or I/O errors)'
            cand --fix 'Apply safe fixes to the files (atomically), then report what is left'
            cand --diff 'Print the safe fixes as a unified diff without writing; exit 1 when there are any'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;rules'= {
            cand --format 'Output format'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;exec'= {
            cand --pidfile 'Write the supervisor''s pid to FILE (after detaching)'
            cand --log-dir 'Directory for `console log` output (<job>.log) [default: $UPSTART_LOGDIR, else /var/log/upstart]'
            cand --event 'Start the job as if event NAME had started it: sets UPSTART_EVENTS (repeat for several), and KEY=VALUE become the event''s variables'
            cand --control 'The control socket of a job set, for `upstart-tools ctl` and the initctl names [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand --startup-event 'The first event of a job set (upstart''s --startup-event)'
            cand --foreground 'Stay in the foreground (default: detach and supervise in the background)'
            cand -v 'Log state changes to stderr'
            cand --verbose 'Log state changes to stderr'
            cand --leave-leftovers 'After a requested stop, leave the processes the job left behind running, as upstart does (default: TERM, then KILL after the kill timeout)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;systemd2upstart'= {
            cand -o 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them'
            cand --output 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them'
            cand --force 'Overwrite jobs in DIR that differ from the conversion'
            cand --check 'Exit 1 when a job in DIR differs from what would be written (writes nothing)'
            cand --diff 'Print unified diffs between DIR and the conversion (writes nothing)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;graph'= {
            cand --format 'Output format'
            cand -o 'Write to FILE (atomically) instead of standard output'
            cand --output 'Write to FILE (atomically) instead of standard output'
            cand --focus 'Draw only the neighbourhood of this job or event (`job:NAME` or `event:NAME` when both exist); repeatable'
            cand --depth 'With --focus: how many edges to follow back (what leads to it) and forward (what it leads to); a job that starts on an event another job emits is 2 away'
            cand --group-by 'Group nodes into boxes (DOT clusters)'
            cand --force 'Replace FILE when it exists'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start job (without JOB, inside a job process: that job, without waiting)'
            cand stop 'Stop job (without JOB, inside a job process: that job, without waiting)'
            cand restart 'Restart job'
            cand reload 'Send the job''s reload signal (SIGHUP by default) to its main process'
            cand status 'Query status of job'
            cand list 'List known jobs'
            cand emit 'Emit an event'
            cand reload-configuration 'Reload the configuration of the job set'
            cand version 'Request the version of the server'
            cand show-config 'Show emits, start on and stop on details for job configurations'
            cand check-config 'Check for unreachable jobs/event conditions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'upstart-tools;ctl;start'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -n 'Do not wait for the job to reach its goal before exiting'
            cand --no-wait 'Do not wait for the job to reach its goal before exiting'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;stop'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -n 'Do not wait for the job to reach its goal before exiting'
            cand --no-wait 'Do not wait for the job to reach its goal before exiting'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;restart'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -n 'Do not wait for the job to reach its goal before exiting'
            cand --no-wait 'Do not wait for the job to reach its goal before exiting'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;reload'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;status'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;list'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;emit'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -n 'Do not wait for the event to finish before exiting'
            cand --no-wait 'Do not wait for the event to finish before exiting'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;reload-configuration'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;version'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;show-config'= {
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -e 'Enumerate the events and jobs causing each job to start and stop'
            cand --enumerate 'Enumerate the events and jobs causing each job to start and stop'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;check-config'= {
            cand -i 'Take these events as emitted (comma-separated)'
            cand --ignore-events 'Take these events as emitted (comma-separated)'
            cand --control 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]'
            cand -w 'Report an `or` with any unreachable side (default: only when neither side can happen)'
            cand --warn 'Report an `or` with any unreachable side (default: only when neither side can happen)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;ctl;help'= {
            cand start 'Start job (without JOB, inside a job process: that job, without waiting)'
            cand stop 'Stop job (without JOB, inside a job process: that job, without waiting)'
            cand restart 'Restart job'
            cand reload 'Send the job''s reload signal (SIGHUP by default) to its main process'
            cand status 'Query status of job'
            cand list 'List known jobs'
            cand emit 'Emit an event'
            cand reload-configuration 'Reload the configuration of the job set'
            cand version 'Request the version of the server'
            cand show-config 'Show emits, start on and stop on details for job configurations'
            cand check-config 'Check for unreachable jobs/event conditions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'upstart-tools;ctl;help;start'= {
        }
        &'upstart-tools;ctl;help;stop'= {
        }
        &'upstart-tools;ctl;help;restart'= {
        }
        &'upstart-tools;ctl;help;reload'= {
        }
        &'upstart-tools;ctl;help;status'= {
        }
        &'upstart-tools;ctl;help;list'= {
        }
        &'upstart-tools;ctl;help;emit'= {
        }
        &'upstart-tools;ctl;help;reload-configuration'= {
        }
        &'upstart-tools;ctl;help;version'= {
        }
        &'upstart-tools;ctl;help;show-config'= {
        }
        &'upstart-tools;ctl;help;check-config'= {
        }
        &'upstart-tools;ctl;help;help'= {
        }
        &'upstart-tools;install-compat'= {
            cand --force 'Replace a file of one of those names that is not already our symlink'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;lsp'= {
            cand --stdio 'Speak the protocol on standard input and output (the only transport; accepted for clients that pass it)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;completions'= {
            cand --bin 'The binary to complete'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;man'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'upstart-tools;help'= {
            cand parse 'Print the AST of job files as versioned JSON'
            cand fmt 'Print job files in canonical form, check or rewrite them'
            cand show 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers'
            cand convert 'Convert upstart jobs to systemd units'
            cand lint 'Report the problems of job files'
            cand rules 'List every rule: code, name, severity, on by default, fixable, summary'
            cand exec 'Run a job under supervision with the semantics of upstart'
            cand systemd2upstart 'Convert systemd units to upstart jobs'
            cand graph 'Draw the graph of jobs and events (Graphviz DOT or SVG)'
            cand ctl 'Control a running `upstart-run` job set with initctl''s commands'
            cand install-compat 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary'
            cand lsp 'Run the language server (LSP over stdio) for editors'
            cand completions 'Print the shell completion script of a binary'
            cand man 'Print the man page (roff) of a binary'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'upstart-tools;help;parse'= {
        }
        &'upstart-tools;help;fmt'= {
        }
        &'upstart-tools;help;show'= {
        }
        &'upstart-tools;help;convert'= {
        }
        &'upstart-tools;help;lint'= {
        }
        &'upstart-tools;help;rules'= {
        }
        &'upstart-tools;help;exec'= {
        }
        &'upstart-tools;help;systemd2upstart'= {
        }
        &'upstart-tools;help;graph'= {
        }
        &'upstart-tools;help;ctl'= {
            cand start 'Start job (without JOB, inside a job process: that job, without waiting)'
            cand stop 'Stop job (without JOB, inside a job process: that job, without waiting)'
            cand restart 'Restart job'
            cand reload 'Send the job''s reload signal (SIGHUP by default) to its main process'
            cand status 'Query status of job'
            cand list 'List known jobs'
            cand emit 'Emit an event'
            cand reload-configuration 'Reload the configuration of the job set'
            cand version 'Request the version of the server'
            cand show-config 'Show emits, start on and stop on details for job configurations'
            cand check-config 'Check for unreachable jobs/event conditions'
        }
        &'upstart-tools;help;ctl;start'= {
        }
        &'upstart-tools;help;ctl;stop'= {
        }
        &'upstart-tools;help;ctl;restart'= {
        }
        &'upstart-tools;help;ctl;reload'= {
        }
        &'upstart-tools;help;ctl;status'= {
        }
        &'upstart-tools;help;ctl;list'= {
        }
        &'upstart-tools;help;ctl;emit'= {
        }
        &'upstart-tools;help;ctl;reload-configuration'= {
        }
        &'upstart-tools;help;ctl;version'= {
        }
        &'upstart-tools;help;ctl;show-config'= {
        }
        &'upstart-tools;help;ctl;check-config'= {
        }
        &'upstart-tools;help;install-compat'= {
        }
        &'upstart-tools;help;lsp'= {
        }
        &'upstart-tools;help;completions'= {
        }
        &'upstart-tools;help;man'= {
        }
        &'upstart-tools;help;help'= {
        }
    ]
    $completions[$command]
}
