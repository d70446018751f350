use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags `manual` followed, later in the same file, by `start on`.
    ///
    /// ## Why is this bad?
    /// `manual` only discards the `start on` conditions read *before* it. A
    /// `start on` after it is in effect, so the job still starts
    /// automatically — the opposite of what `manual` was put there for.
    ///
    /// ## Example
    /// ```text
    /// manual
    /// start on startup
    /// ```
    ///
    /// ## Use instead
    /// Put `manual` after `start on`, or better in the job's `.override`
    /// file, which is read after the `.conf`:
    /// ```text
    /// start on startup
    /// manual
    /// ```
    code: UL210,
    name: "manual-before-start-on",
    severity: Warning,
    default: true,
    summary: "`manual` before `start on` in the same file: it only clears earlier conditions",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let mut manual = None;
    for s in ctx.job().stanzas() {
        match &s.kind {
            StanzaKind::Manual => manual = Some(s),
            StanzaKind::StartOn { .. } => {
                if let Some(m) = manual.take() {
                    out.add(
                        Code::UL210,
                        m.keyword_span,
                        "`manual` has no effect on a later `start on`",
                    )
                    .label("`manual` only clears `start on` conditions above it")
                    .related(s.keyword_span, "this `start on` stays in effect")
                    .help("move `manual` below `start on`, or into the job's `.override` file");
                }
            }
            _ => {}
        }
    }
}
