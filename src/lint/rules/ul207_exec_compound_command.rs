use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::lex;
use crate::ast::{ProcessBody, ProcessKind, StanzaKind};
use crate::diag::Code;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags an `exec` line (main process or hook) with `;`, `&&` or `||`
    /// outside quotes followed by more commands, and a main `exec` line with
    /// a pipe `|`.
    ///
    /// ## Why is this bad?
    /// Upstart runs such a line as `sh -e -c "exec LINE"`. The `exec`
    /// replaces the shell with the first program, so nothing after `;`,
    /// `&&` or `||` ever runs. With a pipe, each side runs in a child of the
    /// shell and upstart tracks the shell rather than the program, so
    /// `expect`, `stop` and `status` act on the wrong process.
    ///
    /// ## Example
    /// ```text
    /// pre-start exec mkdir -p /run/app && chown app /run/app
    /// exec /usr/bin/app | logger -t app
    /// ```
    ///
    /// ## Use instead
    /// Use a script block (and no `expect` for a main script), or `console
    /// log` instead of a pipe to a logger:
    /// ```text
    /// pre-start script
    ///     mkdir -p /run/app
    ///     chown app /run/app
    /// end script
    /// console log
    /// exec /usr/bin/app
    /// ```
    code: UL207,
    name: "exec-compound-command",
    severity: Warning,
    default: true,
    summary: "`exec` line with `;`, `&&`, `||` or `|`: it runs as `sh -c \"exec …\"`, so the rest never runs",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::Process {
            process,
            body: ProcessBody::Exec { command, .. },
        } = &s.kind
        else {
            continue;
        };
        let toks = lex(ctx.text(command.span));
        // A pipe only matters for the main process, whose PID upstart tracks.
        let main = *process == ProcessKind::Main;
        let Some(i) = toks.iter().position(|t| {
            t.op && (matches!(t.text.as_str(), ";" | "&&" | "||") || (main && t.text == "|"))
        }) else {
            continue;
        };
        // Something must follow: `exec foo;` alone is harmless.
        if !toks[i + 1..].iter().any(|t| !t.op) {
            continue;
        }
        let op = &toks[i];
        let at = Span::new(command.span.start + op.start, command.span.start + op.end);
        let label = if op.text == "|" {
            "the pipe runs the program in a child of the shell: upstart tracks the shell, not the program".to_string()
        } else {
            format!(
                "`exec` replaces the shell, so nothing after `{}` ever runs",
                op.text
            )
        };
        let stanza = match process {
            ProcessKind::Main => "script".to_string(),
            p => format!("{} script", p.keyword()),
        };
        out.add(Code::UL207, at, "Compound command in an `exec` line")
            .label(label)
            .help(format!(
                "use a `{stanza}` … `end script` block for several commands"
            ));
    }
}
