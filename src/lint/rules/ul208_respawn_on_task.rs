use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::anchor;
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a job that is both a `task` and `respawn`.
    ///
    /// ## Why is this bad?
    /// For a task, `respawn` means "run again until it exits normally": a
    /// task that keeps failing is rerun over and over (up to the respawn
    /// limit, by default 10 times in 5 seconds) and everything waiting on it
    /// waits too. That is sometimes intended, but often a copy-paste from a
    /// service.
    ///
    /// ## Example
    /// ```text
    /// task
    /// respawn
    /// exec /usr/bin/sync-once
    /// ```
    ///
    /// ## Use instead
    /// Remove `respawn`, or make the retry explicit and bounded:
    /// ```text
    /// task
    /// respawn
    /// respawn limit 3 60
    /// exec /usr/bin/sync-once
    /// ```
    code: UL208,
    name: "respawn-on-task",
    severity: Info,
    default: true,
    summary: "`task` with `respawn`: the task is rerun until it exits normally",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.is_override || !(ctx.resolved.task && ctx.resolved.respawn) {
        return;
    }
    let at = anchor(
        ctx.job(),
        &[&|k| matches!(k, StanzaKind::Respawn), &|k| {
            matches!(k, StanzaKind::Task)
        }],
    );
    let bounded = if ctx.resolved.respawn_limit.is_some() {
        ""
    } else {
        " (up to the default limit of 10 times in 5 seconds)"
    };
    out.add(Code::UL208, at, "`respawn` on a task")
        .label(format!("a failing task is rerun until it exits normally{bounded}"))
        .help("confirm you want retries and bound them with `respawn limit COUNT SECONDS`, or remove `respawn`");
}
