
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'systemd2upstart' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'systemd2upstart'
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
        'systemd2upstart' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite jobs in DIR that differ from the conversion')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 when a job in DIR differs from what would be written (writes nothing)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print unified diffs between DIR and the conversion (writes nothing)')
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
