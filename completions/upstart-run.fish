complete -c upstart-run -l pidfile -d 'Write the supervisor\'s pid to FILE (after detaching)' -r -F
complete -c upstart-run -l log-dir -d 'Directory for `console log` output (<job>.log) [default: $UPSTART_LOGDIR, else /var/log/upstart]' -r -F
complete -c upstart-run -l event -d 'Start the job as if event NAME had started it: sets UPSTART_EVENTS (repeat for several), and KEY=VALUE become the event\'s variables' -r
complete -c upstart-run -l control -d 'The control socket of a job set, for `upstart-tools ctl` and the initctl names [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]' -r -F
complete -c upstart-run -l startup-event -d 'The first event of a job set (upstart\'s --startup-event)' -r
complete -c upstart-run -l foreground -d 'Stay in the foreground (default: detach and supervise in the background)'
complete -c upstart-run -s v -l verbose -d 'Log state changes to stderr'
complete -c upstart-run -l leave-leftovers -d 'After a requested stop, leave the processes the job left behind running, as upstart does (default: TERM, then KILL after the kill timeout)'
complete -c upstart-run -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-run -s V -l version -d 'Print version'
