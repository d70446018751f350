use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use crate::ast::{ConsoleMode, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags `console owner` in more than one job of the set.
    ///
    /// ## Why is this bad?
    /// `console owner` makes the process the owner of the system console;
    /// only one process can be, so the jobs fight over it (the later one
    /// loses keyboard signals such as Ctrl-C).
    ///
    /// ## Example
    /// Two getty-like jobs both with `console owner`.
    ///
    /// ## Use instead
    /// Keep `console owner` on one job; use `console output` elsewhere.
    code: UL308,
    name: "console-owner-conflict",
    severity: Warning,
    default: true,
    summary: "more than one job with `console owner`",
    check: Check::Set(check),
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    let owners: Vec<_> = set
        .jobs
        .iter()
        .filter(|c| c.resolved.console == Some(ConsoleMode::Owner))
        .collect();
    if owners.len() < 2 {
        return;
    }
    for ctx in owners.iter().filter(|c| c.report) {
        let others: Vec<&str> = owners
            .iter()
            .filter(|o| o.index != ctx.index)
            .map(|o| o.name.as_str())
            .collect();
        let span = ctx.job().stanzas().find_map(|s| match &s.kind {
            StanzaKind::Console { mode } if mode.value == ConsoleMode::Owner => Some(mode.span),
            _ => None,
        });
        if let Some(span) = span {
            out.add(ctx.index, Code::UL308, span, "Several jobs own the console")
                .label(format!("also `console owner`: {}", others.join(", ")))
                .help("keep `console owner` on one job and use `console output` on the others");
        }
    }
}
