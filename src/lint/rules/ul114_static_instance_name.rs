use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags an `instance` value without any `$VARIABLE`.
    ///
    /// ## Why is this bad?
    /// The instance name is expanded against each start's environment; a
    /// constant name means every start asks for the same instance, so only
    /// one can ever run ("Job is already running") — the same as having no
    /// `instance` stanza, but confusing.
    ///
    /// ## Example
    /// ```text
    /// instance worker
    /// ```
    ///
    /// ## Use instead
    /// Name instances after a variable given at start (`start app WORKER=3`)
    /// or carried by the start event:
    /// ```text
    /// instance $WORKER
    /// ```
    code: UL114,
    name: "static-instance-name",
    severity: Info,
    default: true,
    summary: "`instance` value without `$VAR`: only one instance can exist",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::Instance { name } = &s.kind else {
            continue;
        };
        if name.value.contains('$') {
            continue;
        }
        out.add(Code::UL114, name.span, "Instance name without a variable")
            .label(format!(
                "every start asks for the instance `{}`, so only one can run",
                name.value
            ))
            .help(
                "probably meant `instance $NAME`, with NAME given at start or by the start event",
            );
    }
}
