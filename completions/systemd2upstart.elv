
use builtin;
use str;

set edit:completion:arg-completer[systemd2upstart] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'systemd2upstart'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'systemd2upstart'= {
            cand -o 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them'
            cand --output 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them'
            cand --force 'Overwrite jobs in DIR that differ from the conversion'
            cand --check 'Exit 1 when a job in DIR differs from what would be written (writes nothing)'
            cand --diff 'Print unified diffs between DIR and the conversion (writes nothing)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
