use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::on_conditions;
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `start on` / `stop on` condition that names the job itself in
    /// a job event (`start on stopped myjob` in `myjob.conf`).
    ///
    /// ## Why is this bad?
    /// `start on stopped SELF` restarts the job every time it stops (a loop
    /// that `stop` cannot end); `start on started SELF` can never fire.
    ///
    /// ## Example
    /// ```text
    /// start on stopped myjob
    /// ```
    ///
    /// ## Use instead
    /// Use `respawn` to restart a job that dies, and another job's events to
    /// start it.
    code: UL305,
    name: "self-reference",
    severity: Warning,
    default: true,
    summary: "a job's `start on`/`stop on` names the job itself",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for (s, on) in on_conditions(ctx.job()) {
        for event in on.expr.events() {
            if let Some(named) = event.named_job()
                && named.name == ctx.name
            {
                let span = named.span;
                let stanza = if matches!(s.kind, StanzaKind::StartOn { .. }) {
                    "start on"
                } else {
                    "stop on"
                };
                out.add(Code::UL305, span, "Job refers to itself")
                    .label(format!("`{stanza}` waits for an event of this job (`{}`)", ctx.name))
                    .help("use `respawn` to restart a job, and other jobs' events to start or stop it");
            }
        }
    }
}
