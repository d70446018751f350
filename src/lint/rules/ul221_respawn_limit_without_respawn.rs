use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::anchor;
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags `respawn limit` in a job without `respawn`. The check uses the
    /// job with its `.override` merged and reports on the `.conf`.
    ///
    /// ## Why is this bad?
    /// `respawn limit` only bounds respawning; it does not turn it on. The
    /// writer clearly wanted the job restarted when it dies, and it is not.
    ///
    /// ## Example
    /// ```text
    /// respawn limit 5 10
    /// exec /usr/bin/worker
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// respawn
    /// respawn limit 5 10
    /// exec /usr/bin/worker
    /// ```
    code: UL221,
    name: "respawn-limit-without-respawn",
    severity: Warning,
    default: true,
    summary: "`respawn limit` without `respawn`: the job is never respawned",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.is_override || ctx.resolved.respawn || ctx.resolved.respawn_limit.is_none() {
        return;
    }
    let at = anchor(
        ctx.job(),
        &[&|k| matches!(k, StanzaKind::RespawnLimit { .. })],
    );
    out.add(Code::UL221, at, "`respawn limit` without `respawn`")
        .label("`respawn limit` does not enable respawning: this job is never restarted")
        .help("add a line `respawn`, or remove `respawn limit`");
}
