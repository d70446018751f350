complete -c upstart2systemd -s o -l output -d 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them' -r -F
complete -c upstart2systemd -l dialect -d 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`' -r -f -a "upstream\t'Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors)'
chromeos\t'ChromiumOS\'s upstart, which also loads `import` and `tmpfiles`'"
complete -c upstart2systemd -l report -d 'Write a migration report of the whole job set to FILE (`-`: stdout): each job\'s units, every loss of meaning with its severity and what to do by hand, the event → systemd mapping, totals and the job graph. Without -o no unit is written (report only)' -r -F
complete -c upstart2systemd -l report-format -d 'The report\'s format; by default from FILE\'s extension (.md, .html)' -r -f -a "md\t'Markdown (GitHub/GitLab flavoured, with a Mermaid graph)'
html\t'One HTML file that needs no network (the graph as SVG when Graphviz is installed)'"
complete -c upstart2systemd -l force -d 'Overwrite units in DIR that differ from the conversion (and an existing --report FILE)'
complete -c upstart2systemd -l check -d 'Exit 1 when a unit in DIR differs from what would be written (writes nothing)'
complete -c upstart2systemd -l diff -d 'Print unified diffs between DIR and the conversion (writes nothing)'
complete -c upstart2systemd -l verify -d 'Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails)'
complete -c upstart2systemd -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart2systemd -s V -l version -d 'Print version'
