
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'upstart-lint' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'upstart-lint'
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
        'upstart-lint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Show only findings at this severity or above (shellcheck''s -S); hidden findings do not change the exit status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the human and concise formats: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the documentation of a rule (or how a shellcheck SC code is reported) and exit')
            [CompletionResult]::new('--stdin-filename', '--stdin-filename', [CompletionResultType]::ParameterName, 'File name to report for standard input (also used to find the config)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this config file instead of searching for one')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Rules to run instead of the default ones (codes or prefixes, comma-separated)')
            [CompletionResult]::new('--extend-select', '--extend-select', [CompletionResultType]::ParameterName, 'Rules to run in addition')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Rules never to report')
            [CompletionResult]::new('--known-event', '--known-event', [CompletionResultType]::ParameterName, 'An event that exists although no linted job declares it (repeatable)')
            [CompletionResult]::new('--known-job', '--known-job', [CompletionResultType]::ParameterName, 'A job that exists although it is not linted (repeatable)')
            [CompletionResult]::new('--target-version', '--target-version', [CompletionResultType]::ParameterName, 'Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13)')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`')
            [CompletionResult]::new('--shellcheck', '--shellcheck', [CompletionResultType]::ParameterName, 'Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1 (default: warning; info never does). Only shown findings count; syntax errors always do')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print the findings only: no summary line and no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print the findings only: no summary line and no progress')
            [CompletionResult]::new('--statistics', '--statistics', [CompletionResultType]::ParameterName, 'Print the number of findings per code instead of the findings (JSON with --format json)')
            [CompletionResult]::new('--no-context', '--no-context', [CompletionResultType]::ParameterName, 'Do not load the sibling jobs of the given files as context for cross-file rules')
            [CompletionResult]::new('--isolated', '--isolated', [CompletionResultType]::ParameterName, 'Ignore config files')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Exit 0 even when problems are found (2 still means usage, config or I/O errors)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply safe fixes to the files (atomically), then report what is left')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print the safe fixes as a unified diff without writing; exit 1 when there are any')
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
