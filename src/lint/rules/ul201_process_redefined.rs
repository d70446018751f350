use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ProcessKind, Stanza, StanzaKind};
use crate::diag::Code;
use std::collections::BTreeMap;

rule! {
    /// ## What it does
    /// Flags a process defined twice in one file: `exec` and `script` (they
    /// share the main-process slot), two `exec` lines, or two definitions of
    /// the same hook (`pre-start exec …` and `pre-start script`, …).
    ///
    /// An `.override` replacing a process of its `.conf` is the intended way
    /// to change a job and is not flagged; only repeats within one file are.
    ///
    /// ## Why is this bad?
    /// Upstart silently keeps the definition that comes last and discards
    /// the earlier one. Whatever the earlier one was meant to do never runs,
    /// and readers see code that is dead.
    ///
    /// A warning, not an error: upstart loads the job and runs the last
    /// definition, which may well be the one its author wants; only the
    /// reader can tell whether the discarded one mattered.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/sbin/saned
    /// script
    ///     [ -r /etc/default/saned ] && . /etc/default/saned
    ///     exec /usr/sbin/saned $OPTIONS
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// Keep one definition:
    /// ```text
    /// script
    ///     [ -r /etc/default/saned ] && . /etc/default/saned
    ///     exec /usr/sbin/saned $OPTIONS
    /// end script
    /// ```
    code: UL201,
    name: "process-redefined",
    severity: Warning,
    default: true,
    summary: "two definitions of one process (`exec` + `script`, two `pre-start`, …): the earlier is discarded",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let mut last: BTreeMap<ProcessKind, &Stanza> = BTreeMap::new();
    for s in ctx.job().stanzas() {
        let StanzaKind::Process { process, .. } = &s.kind else {
            continue;
        };
        if let Some(first) = last.insert(*process, s) {
            let what = |st: &Stanza| format!("`{}`", keyword(st));
            let slot = match process {
                ProcessKind::Main => "main process".to_string(),
                p => format!("`{}` process", p.keyword()),
            };
            let line = ctx.source().line_col(first.span.start).0;
            out.add(
                Code::UL201,
                s.keyword_span,
                format!("The {slot} is defined twice"),
            )
            .label(format!(
                "this {} replaces the {} of line {line}",
                what(s),
                what(first)
            ))
            .related(first.keyword_span, "first definition here, discarded")
            .help("keep one definition: upstart silently uses the last one");
        }
    }
}

/// `exec`, `script`, `pre-start exec`, `post-stop script`, …
fn keyword(s: &Stanza) -> String {
    match &s.kind {
        StanzaKind::Process {
            process: ProcessKind::Main,
            ..
        } => s.kind.keyword().to_string(),
        StanzaKind::Process { process, body } => {
            let form = match body {
                crate::ast::ProcessBody::Exec { .. } => "exec",
                crate::ast::ProcessBody::Script { .. } => "script",
            };
            format!("{} {form}", process.keyword())
        }
        other => other.keyword().to_string(),
    }
}
