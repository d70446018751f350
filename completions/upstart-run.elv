
use builtin;
use str;

set edit:completion:arg-completer[upstart-run] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'upstart-run'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'upstart-run'= {
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
    ]
    $completions[$command]
}
