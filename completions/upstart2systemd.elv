
use builtin;
use str;

set edit:completion:arg-completer[upstart2systemd] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'upstart2systemd'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'upstart2systemd'= {
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
    ]
    $completions[$command]
}
