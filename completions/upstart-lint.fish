complete -c upstart-lint -l format -d 'Output format' -r -f -a "human\t'Per problem a heading line, the source snippet and help (colour per --color)'
concise\t'One line per problem (path, line, column, severity, code, message)'
json\t'A versioned JSON document'
github\t'GitHub Actions workflow commands (annotations)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'"
complete -c upstart-lint -s S -l severity -d 'Show only findings at this severity or above (shellcheck\'s -S); hidden findings do not change the exit status' -r -f -a "error\t''
warning\t''
info\t''"
complete -c upstart-lint -l color -d 'Colour the human and concise formats: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always, even with NO_COLOR set or output to a file'
never\t'Never'"
complete -c upstart-lint -l explain -d 'Print the documentation of a rule (or how a shellcheck SC code is reported) and exit' -r
complete -c upstart-lint -l stdin-filename -d 'File name to report for standard input (also used to find the config)' -r
complete -c upstart-lint -l config -d 'Use this config file instead of searching for one' -r -F
complete -c upstart-lint -l select -d 'Rules to run instead of the default ones (codes or prefixes, comma-separated)' -r
complete -c upstart-lint -l extend-select -d 'Rules to run in addition' -r
complete -c upstart-lint -l ignore -d 'Rules never to report' -r
complete -c upstart-lint -l known-event -d 'An event that exists although no linted job declares it (repeatable)' -r
complete -c upstart-lint -l known-job -d 'A job that exists although it is not linted (repeatable)' -r
complete -c upstart-lint -l target-version -d 'Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13)' -r
complete -c upstart-lint -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart-lint -l shellcheck -d 'Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on' -r -f -a "auto\t'Run it when it is on PATH'
on\t''
off\t''"
complete -c upstart-lint -l fail-on -d 'Lowest severity that makes the exit status 1 (default: warning; info never does). Only shown findings count; syntax errors always do' -r -f -a "error\t''
warning\t''"
complete -c upstart-lint -s q -l quiet -d 'Print the findings only: no summary line and no progress'
complete -c upstart-lint -l statistics -d 'Print the number of findings per code instead of the findings (JSON with --format json)'
complete -c upstart-lint -l no-context -d 'Do not load the sibling jobs of the given files as context for cross-file rules'
complete -c upstart-lint -l isolated -d 'Ignore config files'
complete -c upstart-lint -l exit-zero -d 'Exit 0 even when problems are found (2 still means usage, config or I/O errors)'
complete -c upstart-lint -l fix -d 'Apply safe fixes to the files (atomically), then report what is left'
complete -c upstart-lint -l diff -d 'Print the safe fixes as a unified diff without writing; exit 1 when there are any'
complete -c upstart-lint -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-lint -s V -l version -d 'Print version'
