
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'upstart-tools' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'upstart-tools'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'upstart-tools' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print the AST of job files as versioned JSON')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Print job files in canonical form, check or rewrite them')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert upstart jobs to systemd units')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Report the problems of job files')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List every rule: code, name, severity, on by default, fixable, summary')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a job under supervision with the semantics of upstart')
            [CompletionResult]::new('systemd2upstart', 'systemd2upstart', [CompletionResultType]::ParameterValue, 'Convert systemd units to upstart jobs')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw the graph of jobs and events (Graphviz DOT or SVG)')
            [CompletionResult]::new('ctl', 'ctl', [CompletionResultType]::ParameterValue, 'Control a running `upstart-run` job set with initctl''s commands')
            [CompletionResult]::new('install-compat', 'install-compat', [CompletionResultType]::ParameterValue, 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'Run the language server (LSP over stdio) for editors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script of a binary')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) of a binary')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'upstart-tools;parse' {
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--no-override', '--no-override', [CompletionResultType]::ParameterName, 'Do not parse the `.override` file beside each `.conf`')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Indent the JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;fmt' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 and show a diff when a file is not in canonical form')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Rewrite files in place (atomically) instead of printing them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--no-override', '--no-override', [CompletionResultType]::ParameterName, 'Do not merge the `.override` file beside each `.conf`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;convert' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write a migration report of the whole job set to FILE (`-`: stdout): each job''s units, every loss of meaning with its severity and what to do by hand, the event → systemd mapping, totals and the job graph. Without -o no unit is written (report only)')
            [CompletionResult]::new('--report-format', '--report-format', [CompletionResultType]::ParameterName, 'The report''s format; by default from FILE''s extension (.md, .html)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite units in DIR that differ from the conversion (and an existing --report FILE)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 when a unit in DIR differs from what would be written (writes nothing)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print unified diffs between DIR and the conversion (writes nothing)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;lint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the human and concise formats: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the documentation of a rule (or how a shellcheck SC code is reported) and exit')
            [CompletionResult]::new('--stdin-filename', '--stdin-filename', [CompletionResultType]::ParameterName, 'File name to report for standard input (also used to find the config)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of searching for one')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Rules to run instead of the default ones (codes or prefixes, comma-separated)')
            [CompletionResult]::new('--extend-select', '--extend-select', [CompletionResultType]::ParameterName, 'Rules to run in addition')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Rules never to report')
            [CompletionResult]::new('--known-event', '--known-event', [CompletionResultType]::ParameterName, 'An event that exists although no linted job declares it (repeatable)')
            [CompletionResult]::new('--known-job', '--known-job', [CompletionResultType]::ParameterName, 'A job that exists although it is not linted (repeatable)')
            [CompletionResult]::new('--target-version', '--target-version', [CompletionResultType]::ParameterName, 'Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13)')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--shellcheck', '--shellcheck', [CompletionResultType]::ParameterName, 'Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1 (default: warning; info never does). Only shown findings count; syntax errors always do')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print the findings only: no summary line and no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print the findings only: no summary line and no progress')
            [CompletionResult]::new('--statistics', '--statistics', [CompletionResultType]::ParameterName, 'Print the number of findings per code instead of the findings (JSON with --format json)')
            [CompletionResult]::new('--no-context', '--no-context', [CompletionResultType]::ParameterName, 'Do not load the sibling jobs of the given files as context for cross-file rules')
            [CompletionResult]::new('--isolated', '--isolated', [CompletionResultType]::ParameterName, 'Ignore config files')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Exit 0 even when problems are found (2 still means usage, config or I/O errors)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply safe fixes to the files (atomically), then report what is left')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print the safe fixes as a unified diff without writing; exit 1 when there are any')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;exec' {
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'Write the supervisor''s pid to FILE (after detaching)')
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'Directory for `console log` output (<job>.log) [default: $UPSTART_LOGDIR, else /var/log/upstart]')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Start the job as if event NAME had started it: sets UPSTART_EVENTS (repeat for several), and KEY=VALUE become the event''s variables')
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of a job set, for `upstart-tools ctl` and the initctl names [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('--startup-event', '--startup-event', [CompletionResultType]::ParameterName, 'The first event of a job set (upstart''s --startup-event)')
            [CompletionResult]::new('--foreground', '--foreground', [CompletionResultType]::ParameterName, 'Stay in the foreground (default: detach and supervise in the background)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log state changes to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log state changes to stderr')
            [CompletionResult]::new('--leave-leftovers', '--leave-leftovers', [CompletionResultType]::ParameterName, 'After a requested stop, leave the processes the job left behind running, as upstart does (default: TERM, then KILL after the kill timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;systemd2upstart' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite jobs in DIR that differ from the conversion')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 when a job in DIR differs from what would be written (writes nothing)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print unified diffs between DIR and the conversion (writes nothing)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;graph' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of standard output')
            [CompletionResult]::new('--focus', '--focus', [CompletionResultType]::ParameterName, 'Draw only the neighbourhood of this job or event (`job:NAME` or `event:NAME` when both exist); repeatable')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'With --focus: how many edges to follow back (what leads to it) and forward (what it leads to); a job that starts on an event another job emits is 2 away')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Group nodes into boxes (DOT clusters)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE when it exists')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart job')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Send the job''s reload signal (SIGHUP by default) to its main process')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Query status of job')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List known jobs')
            [CompletionResult]::new('emit', 'emit', [CompletionResultType]::ParameterValue, 'Emit an event')
            [CompletionResult]::new('reload-configuration', 'reload-configuration', [CompletionResultType]::ParameterValue, 'Reload the configuration of the job set')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Request the version of the server')
            [CompletionResult]::new('show-config', 'show-config', [CompletionResultType]::ParameterValue, 'Show emits, start on and stop on details for job configurations')
            [CompletionResult]::new('check-config', 'check-config', [CompletionResultType]::ParameterValue, 'Check for unreachable jobs/event conditions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'upstart-tools;ctl;start' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;stop' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;restart' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the job to reach its goal before exiting')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;reload' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;status' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;list' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;emit' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Do not wait for the event to finish before exiting')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the event to finish before exiting')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;reload-configuration' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;version' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;show-config' {
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Enumerate the events and jobs causing each job to start and stop')
            [CompletionResult]::new('--enumerate', '--enumerate', [CompletionResultType]::ParameterName, 'Enumerate the events and jobs causing each job to start and stop')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;check-config' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Take these events as emitted (comma-separated)')
            [CompletionResult]::new('--ignore-events', '--ignore-events', [CompletionResultType]::ParameterName, 'Take these events as emitted (comma-separated)')
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of the job set [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Report an `or` with any unreachable side (default: only when neither side can happen)')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Report an `or` with any unreachable side (default: only when neither side can happen)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;ctl;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart job')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Send the job''s reload signal (SIGHUP by default) to its main process')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Query status of job')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List known jobs')
            [CompletionResult]::new('emit', 'emit', [CompletionResultType]::ParameterValue, 'Emit an event')
            [CompletionResult]::new('reload-configuration', 'reload-configuration', [CompletionResultType]::ParameterValue, 'Reload the configuration of the job set')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Request the version of the server')
            [CompletionResult]::new('show-config', 'show-config', [CompletionResultType]::ParameterValue, 'Show emits, start on and stop on details for job configurations')
            [CompletionResult]::new('check-config', 'check-config', [CompletionResultType]::ParameterValue, 'Check for unreachable jobs/event conditions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'upstart-tools;ctl;help;start' {
            break
        }
        'upstart-tools;ctl;help;stop' {
            break
        }
        'upstart-tools;ctl;help;restart' {
            break
        }
        'upstart-tools;ctl;help;reload' {
            break
        }
        'upstart-tools;ctl;help;status' {
            break
        }
        'upstart-tools;ctl;help;list' {
            break
        }
        'upstart-tools;ctl;help;emit' {
            break
        }
        'upstart-tools;ctl;help;reload-configuration' {
            break
        }
        'upstart-tools;ctl;help;version' {
            break
        }
        'upstart-tools;ctl;help;show-config' {
            break
        }
        'upstart-tools;ctl;help;check-config' {
            break
        }
        'upstart-tools;ctl;help;help' {
            break
        }
        'upstart-tools;install-compat' {
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a file of one of those names that is not already our symlink')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;lsp' {
            [CompletionResult]::new('--stdio', '--stdio', [CompletionResultType]::ParameterName, 'Speak the protocol on standard input and output (the only transport; accepted for clients that pass it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;completions' {
            [CompletionResult]::new('--bin', '--bin', [CompletionResultType]::ParameterName, 'The binary to complete')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'upstart-tools;help' {
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print the AST of job files as versioned JSON')
            [CompletionResult]::new('fmt', 'fmt', [CompletionResultType]::ParameterValue, 'Print job files in canonical form, check or rewrite them')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each job as upstart stores it: last stanza wins, env list, processes, numbers')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert upstart jobs to systemd units')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Report the problems of job files')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List every rule: code, name, severity, on by default, fixable, summary')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a job under supervision with the semantics of upstart')
            [CompletionResult]::new('systemd2upstart', 'systemd2upstart', [CompletionResultType]::ParameterValue, 'Convert systemd units to upstart jobs')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw the graph of jobs and events (Graphviz DOT or SVG)')
            [CompletionResult]::new('ctl', 'ctl', [CompletionResultType]::ParameterValue, 'Control a running `upstart-run` job set with initctl''s commands')
            [CompletionResult]::new('install-compat', 'install-compat', [CompletionResultType]::ParameterValue, 'Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'Run the language server (LSP over stdio) for editors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script of a binary')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) of a binary')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'upstart-tools;help;parse' {
            break
        }
        'upstart-tools;help;fmt' {
            break
        }
        'upstart-tools;help;show' {
            break
        }
        'upstart-tools;help;convert' {
            break
        }
        'upstart-tools;help;lint' {
            break
        }
        'upstart-tools;help;rules' {
            break
        }
        'upstart-tools;help;exec' {
            break
        }
        'upstart-tools;help;systemd2upstart' {
            break
        }
        'upstart-tools;help;graph' {
            break
        }
        'upstart-tools;help;ctl' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop job (without JOB, inside a job process: that job, without waiting)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart job')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'Send the job''s reload signal (SIGHUP by default) to its main process')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Query status of job')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List known jobs')
            [CompletionResult]::new('emit', 'emit', [CompletionResultType]::ParameterValue, 'Emit an event')
            [CompletionResult]::new('reload-configuration', 'reload-configuration', [CompletionResultType]::ParameterValue, 'Reload the configuration of the job set')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Request the version of the server')
            [CompletionResult]::new('show-config', 'show-config', [CompletionResultType]::ParameterValue, 'Show emits, start on and stop on details for job configurations')
            [CompletionResult]::new('check-config', 'check-config', [CompletionResultType]::ParameterValue, 'Check for unreachable jobs/event conditions')
            break
        }
        'upstart-tools;help;ctl;start' {
            break
        }
        'upstart-tools;help;ctl;stop' {
            break
        }
        'upstart-tools;help;ctl;restart' {
            break
        }
        'upstart-tools;help;ctl;reload' {
            break
        }
        'upstart-tools;help;ctl;status' {
            break
        }
        'upstart-tools;help;ctl;list' {
            break
        }
        'upstart-tools;help;ctl;emit' {
            break
        }
        'upstart-tools;help;ctl;reload-configuration' {
            break
        }
        'upstart-tools;help;ctl;version' {
            break
        }
        'upstart-tools;help;ctl;show-config' {
            break
        }
        'upstart-tools;help;ctl;check-config' {
            break
        }
        'upstart-tools;help;install-compat' {
            break
        }
        'upstart-tools;help;lsp' {
            break
        }
        'upstart-tools;help;completions' {
            break
        }
        'upstart-tools;help;man' {
            break
        }
        'upstart-tools;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
