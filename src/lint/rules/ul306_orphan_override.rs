use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags an `X.override` file with no `X.conf` beside it.
    ///
    /// ## Why is this bad?
    /// Upstart applies an override only to the job of the same name in the
    /// same directory; alone, it is silently ignored, so the change it was
    /// meant to make (often `manual`) does not happen.
    ///
    /// ## Example
    /// `nginx.override` in `/etc/init` without `nginx.conf`.
    ///
    /// ## Use instead
    /// Name the override after the job it changes, or remove it.
    code: UL306,
    name: "orphan-override",
    severity: Warning,
    default: true,
    summary: "an `X.override` with no `X.conf` beside it",
    check: Check::Set(check),
}

/// Each override the set has no `.conf` for (see [`SetCtx::orphans`]).
fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    for &o in &set.orphans {
        let name = &set.jobs[o].name;
        out.add(o, RULE.code, Span::new(0, 0), "Override without a job")
            .label(format!("no `{name}.conf` beside this override"))
            .help("upstart ignores an override whose .conf is missing: rename it or remove it");
    }
}
