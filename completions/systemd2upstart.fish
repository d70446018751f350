complete -c systemd2upstart -s o -l output -d 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them' -r -F
complete -c systemd2upstart -l force -d 'Overwrite jobs in DIR that differ from the conversion'
complete -c systemd2upstart -l check -d 'Exit 1 when a job in DIR differs from what would be written (writes nothing)'
complete -c systemd2upstart -l diff -d 'Print unified diffs between DIR and the conversion (writes nothing)'
complete -c systemd2upstart -s h -l help -d 'Print help (see more with \'--help\')'
complete -c systemd2upstart -s V -l version -d 'Print version'
