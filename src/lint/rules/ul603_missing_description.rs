use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::diag::Code;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags a job without a `description` stanza (in its `.conf` or its
    /// `.override`). Reported on the `.conf`.
    ///
    /// ## Why is this bad?
    /// `initctl show-config`, `initctl list` front-ends and converters
    /// (systemd's `Description=`) show it; without one, readers have only the
    /// file name to go by.
    ///
    /// ## Example
    /// ```text
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// description "App daemon: serves the app API on port 8080"
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd
    /// ```
    code: UL603,
    name: "missing-description",
    severity: Info,
    default: true,
    summary: "no `description` stanza",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    // A `description` line that failed to parse is reported by its own
    // error; saying it is missing would mislead.
    let failed = ctx.job().stanzas().any(|s| {
        matches!(&s.kind, crate::ast::StanzaKind::Invalid { keyword } if keyword == "description")
    });
    if ctx.is_override || ctx.resolved.description.is_some() || failed {
        return;
    }
    out.add(Code::UL603, Span::new(0, 0), "No `description`")
        .label("this job has no `description` stanza")
        .help("add a line such as `description \"what this job does\"`");
}
