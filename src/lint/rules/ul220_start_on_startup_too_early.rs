use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::process_text;
use crate::ast::{EventExpr, Operator, ProcessKind, StanzaKind};
use crate::diag::Code;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags a job that `startup` alone can start (`start on startup`, or
    /// `startup or …`) and whose main process or `pre-start` uses a program
    /// under `/usr`.
    ///
    /// ## Why is this bad?
    /// `startup` is the very first event, emitted before any filesystem
    /// beyond the root is mounted or remounted read-write. A separate `/usr`
    /// may not be there yet, and neither is the network.
    ///
    /// ## Example
    /// ```text
    /// start on startup
    /// exec /usr/bin/app
    /// ```
    ///
    /// ## Use instead
    /// Wait for the filesystems (and the network, if needed):
    /// ```text
    /// start on local-filesystems
    /// exec /usr/bin/app
    /// ```
    code: UL220,
    name: "start-on-startup-too-early",
    severity: Info,
    default: true,
    summary: "`start on startup` for a program under `/usr` (filesystems may not be mounted yet)",
    check: Check::Job(check),
}

/// Whether the `startup` event alone satisfies the expression.
fn startup_alone(e: &EventExpr) -> bool {
    match e {
        EventExpr::Match { event, .. } => event.name == "startup",
        EventExpr::Op { op, lhs, rhs, .. } => match op {
            Operator::Or => startup_alone(lhs) || startup_alone(rhs),
            Operator::And => startup_alone(lhs) && startup_alone(rhs),
        },
    }
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let r = &ctx.resolved;
    if ctx.is_override {
        return;
    }
    let Some(on) = r.start_on else { return };
    if !startup_alone(&on.expr) {
        return;
    }
    let uses_usr = [ProcessKind::Main, ProcessKind::PreStart]
        .iter()
        .filter_map(|p| r.processes.get(p))
        .any(|body| process_text(ctx, body).0.contains("/usr/"));
    if !uses_usr {
        return;
    }
    let stanza = ctx
        .job()
        .stanzas()
        .find(|s| matches!(&s.kind, StanzaKind::StartOn { on: o } if std::ptr::eq(o.as_ref(), on)));
    let at = stanza.map_or(Span::new(0, 0), |s| s.span);
    out.add(Code::UL220, at, "Started at `startup`, before filesystems are mounted")
        .label("this job runs a program under /usr, which may not be mounted at `startup`")
        .help("use `start on local-filesystems` (or `filesystem`, `static-network-up` if it needs the network)");
}
