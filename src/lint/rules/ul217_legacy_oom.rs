use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{Oom, StanzaKind};
use crate::diag::Code;
use crate::diag::{Edit, Fix};

rule! {
    /// ## What it does
    /// Flags the legacy `oom N` form (the old `oom_adj` scale, −17…15).
    /// Not reported when `target-version` is older than 1.3, which lacks
    /// `oom score`.
    ///
    /// A safe fix rewrites it as `oom score M` with upstart's own scaling:
    /// M = N × 1000 / 17 for negative N and N × 1000 / 15 for positive N
    /// (C integer division), so the process gets exactly the same
    /// `oom_score_adj` as before.
    ///
    /// ## Why is this bad?
    /// The man page no longer documents the form, the kernel deprecated the
    /// `oom_adj` scale, and readers take `oom -10` for a small adjustment
    /// when it means −588 of −1000.
    ///
    /// ## Example
    /// ```text
    /// oom -10
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// oom score -588
    /// ```
    code: UL217,
    name: "legacy-oom",
    severity: Warning,
    default: true,
    summary: "legacy `oom N` (oom_adj scale): use `oom score M` (safe fix keeps the value)",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.config.target_version.as_slice() < &[1, 3][..] {
        return;
    }
    for s in ctx.job().stanzas() {
        let StanzaKind::Oom { oom } = &s.kind else {
            continue;
        };
        let Oom::Adjust { adj } = oom.value else {
            continue;
        };
        let score = oom.value.score();
        let replacement = format!("oom score {score}");
        out.add(Code::UL217, s.span, "Legacy `oom` adjustment")
            .label(format!(
                "`oom {adj}` is on the old -17..15 scale; upstart applies it as `oom score {score}`"
            ))
            .help(format!("write `{replacement}`"))
            .fix(Fix {
                description: format!("replace `oom {adj}` with `{replacement}`"),
                edits: vec![Edit {
                    span: s.span,
                    text: replacement,
                }],
            });
    }
}
