# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_upstart_tools_global_optspecs
    string join \n h/help V/version
end

function __fish_upstart_tools_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_upstart_tools_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_upstart_tools_using_subcommand
    set -l cmd (__fish_upstart_tools_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -s V -l version -d 'Print version'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "parse" -d 'Print the AST of job files as versioned JSON'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "fmt" -d 'Print job files in canonical form, check or rewrite them'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "lint" -d 'Report the problems of job files (syntax checks)'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "generate" -d 'Write man pages or shell completions (for maintainers and packagers)'
complete -c upstart-tools -n "__fish_upstart_tools_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -l no-override -d 'Do not parse the `.override` file beside each `.conf`'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -l pretty -d 'Indent the JSON'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand parse" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -l check -d 'Exit 1 and show a diff when a file is not in canonical form'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -l write -d 'Rewrite files in place (atomically) instead of printing them'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand fmt" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l format -d 'Output format' -r -f -a "human\t'miette reports with the source snippet'
concise\t'One line per problem: `file:line:col: severity[CODE]: message`'
json\t'`{"version":1,"diagnostics":[...]}`'"
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -l stdin-filename -d 'File name to report for standard input' -r
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all man completions help" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all man completions help" -f -a "all" -d 'Write every man page and completion script under DIR (the project root)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all man completions help" -f -a "man" -d 'Print the man page of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all man completions help" -f -a "completions" -d 'Print the completion script of a binary for a shell'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and not __fish_seen_subcommand_from all man completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "all" -d 'Write every man page and completion script under DIR (the project root)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "man" -d 'Print the man page of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "completions" -d 'Print the completion script of a binary for a shell'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt lint generate help" -f -a "parse" -d 'Print the AST of job files as versioned JSON'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt lint generate help" -f -a "fmt" -d 'Print job files in canonical form, check or rewrite them'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt lint generate help" -f -a "lint" -d 'Report the problems of job files (syntax checks)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt lint generate help" -f -a "generate" -d 'Write man pages or shell completions (for maintainers and packagers)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and not __fish_seen_subcommand_from parse fmt lint generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "all" -d 'Write every man page and completion script under DIR (the project root)'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Print the man page of a binary'
complete -c upstart-tools -n "__fish_upstart_tools_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Print the completion script of a binary for a shell'
