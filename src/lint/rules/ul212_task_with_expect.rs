use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::{anchor, is_expect, tracks_forks};
use crate::ast::{ExpectMode, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `task` with `expect fork` or `expect daemon`. The check uses
    /// the job with its `.override` merged and reports on the `.conf`.
    ///
    /// ## Why is this bad?
    /// A task is done when its main process ends, and everything started
    /// `on stopped TASK` waits for that. With `expect fork`/`daemon` upstart
    /// follows the program's forks and considers the work done when the
    /// forked child ends — or, if the program does not fork as declared,
    /// the task hangs in `start`.
    ///
    /// ## Example
    /// ```text
    /// task
    /// expect fork
    /// exec /usr/sbin/setup-once
    /// ```
    ///
    /// ## Use instead
    /// A task should run in the foreground:
    /// ```text
    /// task
    /// exec /usr/sbin/setup-once --foreground
    /// ```
    code: UL212,
    name: "task-with-expect",
    severity: Warning,
    default: true,
    summary: "`task` with `expect fork/daemon`: the task ends when the program forks",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.is_override || !ctx.resolved.task || !tracks_forks(ctx.resolved.expect) {
        return;
    }
    let mode = ctx.resolved.expect.map_or("fork", ExpectMode::as_str);
    let at = anchor(ctx.job(), &[&is_expect, &|k| matches!(k, StanzaKind::Task)]);
    out.add(Code::UL212, at, "`expect` on a task")
        .label(format!("`expect {mode}` makes upstart follow the program's forks, but a task should run to completion in the foreground"))
        .help("remove `expect` and run the program in the foreground");
}
