use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `debug` stanza.
    ///
    /// ## Why is this bad?
    /// `debug` is a developer aid: when init runs at debug log priority,
    /// every process of the job stops itself with SIGSTOP just before it
    /// executes, waiting for a debugger to attach. Left in a shipped job it
    /// does nothing most of the time and freezes the job the day someone
    /// raises init's log level.
    ///
    /// ## Example
    /// ```text
    /// debug
    /// exec /usr/bin/app
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// exec /usr/bin/app
    /// ```
    code: UL219,
    name: "debug-stanza",
    severity: Info,
    default: true,
    summary: "`debug` stanza left in (stops every process before exec at debug log level)",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        if matches!(s.kind, StanzaKind::Debug) {
            out.add(Code::UL219, s.keyword_span, "`debug` stanza")
                .label("with init at debug priority, each process of this job stops itself before exec")
                .help("remove it for production");
        }
    }
}
