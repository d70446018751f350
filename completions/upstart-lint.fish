complete -c upstart-lint -l format -d 'Output format' -r -f -a "human\t'miette reports with the source snippet'
concise\t'One line per problem: `file:line:col: severity[CODE]: message`'
json\t'`{"version":1,"diagnostics":[...]}`'"
complete -c upstart-lint -l stdin-filename -d 'File name to report for standard input' -r
complete -c upstart-lint -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-lint -s V -l version -d 'Print version'
