use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{EventArg, EventMatch, StanzaKind};
use crate::diag::Code;
use crate::source::Span;
use globset::Glob;

rule! {
    /// ## What it does
    /// Flags a service started by entering a normal runlevel (2–5) — `start
    /// on runlevel [2345]`, or `start on stopped rc RUNLEVEL=[2345]`, alone
    /// or inside a larger condition — that has no `stop on`. Tasks and jobs
    /// without a main process are not flagged: there is nothing to stop. The check uses the job with its
    /// `.override` merged and reports on the `.conf`.
    ///
    /// ## Why is this bad?
    /// Without `stop on`, nothing stops the service when the system goes to
    /// runlevel 0, 1 or 6: it is killed late in shutdown by the final
    /// SIGTERM/SIGKILL sweep instead of being stopped cleanly (data not
    /// flushed, dependent filesystems busy), and it keeps running in single
    /// user mode.
    ///
    /// ## Example
    /// ```text
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on runlevel [2345]
    /// stop on runlevel [!2345]
    /// exec /usr/sbin/appd
    /// ```
    code: UL209,
    name: "runlevel-start-without-stop",
    severity: Warning,
    default: true,
    summary: "service started on runlevel [2345] without any `stop on`",
    check: Check::Job(check),
}

/// Whether an event pattern (fnmatch, as upstart matches) matches one of
/// the normal runlevels.
fn matches_normal_runlevel(pattern: &str) -> bool {
    Glob::new(pattern)
        .map(|g| g.compile_matcher())
        .is_ok_and(|m| ["2", "3", "4", "5"].iter().any(|r| m.is_match(r)))
}

/// `runlevel [2345]` / `runlevel RUNLEVEL=[2345]`, or an event of the `rc`
/// job with such a RUNLEVEL.
fn enters_normal_runlevel(e: &EventMatch) -> bool {
    let runlevel_arg = |positional_index: Option<usize>| {
        let mut positional = 0;
        e.args.iter().find_map(|a| match a {
            EventArg::Positional { pattern, .. } => {
                let hit = Some(positional) == positional_index;
                positional += 1;
                hit.then(|| pattern.clone())
            }
            EventArg::Named {
                key,
                negated: false,
                pattern,
                ..
            } if key == "RUNLEVEL" => Some(pattern.clone()),
            EventArg::Named { .. } => None,
        })
    };
    match e.name.as_str() {
        // No argument: every runlevel change, 2–5 included.
        "runlevel" => runlevel_arg(Some(0)).is_none_or(|p| matches_normal_runlevel(&p)),
        "started" | "stopped" | "starting" | "stopping" => {
            let job_is_rc = matches!(e.args.first(), Some(EventArg::Positional { pattern, .. }) if pattern == "rc");
            job_is_rc && runlevel_arg(None).is_some_and(|p| matches_normal_runlevel(&p))
        }
        _ => false,
    }
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let r = &ctx.resolved;
    // Without a main process there is nothing to stop (pre-start-only jobs
    // just stay in the `running` state).
    if ctx.is_override || r.task || r.stop_on.is_some() || r.main().is_none() {
        return;
    }
    let Some(on) = r.start_on else { return };
    let Some(event) = on
        .expr
        .events()
        .into_iter()
        .find(|e| enters_normal_runlevel(e))
    else {
        return;
    };
    // Point at the event when the `start on` is in this file.
    let here = ctx
        .job()
        .stanzas()
        .any(|s| matches!(&s.kind, StanzaKind::StartOn { on: o } if std::ptr::eq(o.as_ref(), on)));
    let at = if here { event.span } else { Span::new(0, 0) };
    out.add(Code::UL209, at, "Started on a runlevel but never stopped")
        .label("the job starts when entering runlevel 2–5 and has no `stop on`")
        .help(
            "add `stop on runlevel [!2345]` so that shutdown and single-user mode stop it cleanly",
        );
}
