
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'upstart-run' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'upstart-run'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'upstart-run' {
            [CompletionResult]::new('--pidfile', '--pidfile', [CompletionResultType]::ParameterName, 'Write the supervisor''s pid to FILE (after detaching)')
            [CompletionResult]::new('--log-dir', '--log-dir', [CompletionResultType]::ParameterName, 'Directory for `console log` output (<job>.log) [default: $UPSTART_LOGDIR, else /var/log/upstart]')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Start the job as if event NAME had started it: sets UPSTART_EVENTS (repeat for several), and KEY=VALUE become the event''s variables')
            [CompletionResult]::new('--control', '--control', [CompletionResultType]::ParameterName, 'The control socket of a job set, for `upstart-tools ctl` and the initctl names [default: $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control]')
            [CompletionResult]::new('--startup-event', '--startup-event', [CompletionResultType]::ParameterName, 'The first event of a job set (upstart''s --startup-event)')
            [CompletionResult]::new('--foreground', '--foreground', [CompletionResultType]::ParameterName, 'Stay in the foreground (default: detach and supervise in the background)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log state changes to stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log state changes to stderr')
            [CompletionResult]::new('--leave-leftovers', '--leave-leftovers', [CompletionResultType]::ParameterName, 'After a requested stop, leave the processes the job left behind running, as upstart does (default: TERM, then KILL after the kill timeout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
