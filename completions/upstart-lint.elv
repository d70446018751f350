
use builtin;
use str;

set edit:completion:arg-completer[upstart-lint] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'upstart-lint'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'upstart-lint'= {
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
    ]
    $completions[$command]
}
