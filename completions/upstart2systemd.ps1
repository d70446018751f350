
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'upstart2systemd' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'upstart2systemd'
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
        'upstart2systemd' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write a migration report of the whole job set to FILE (`-`: stdout): each job''s units, every loss of meaning with its severity and what to do by hand, the event → systemd mapping, totals and the job graph. Without -o no unit is written (report only)')
            [CompletionResult]::new('--report-format', '--report-format', [CompletionResultType]::ParameterName, 'The report''s format; by default from FILE''s extension (.md, .html)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite units in DIR that differ from the conversion (and an existing --report FILE)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 when a unit in DIR differs from what would be written (writes nothing)')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print unified diffs between DIR and the conversion (writes nothing)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails)')
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
