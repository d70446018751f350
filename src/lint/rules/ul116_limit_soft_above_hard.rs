use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{LimitValue, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `limit RESOURCE SOFT HARD` whose soft value is above the hard
    /// one (`unlimited`, like `-1`, counts as the largest value).
    ///
    /// ## Why is this bad?
    /// Upstart does not check the order when it reads the file, but applies
    /// the limit with `setrlimit()` when it spawns each process, and the
    /// kernel refuses a soft limit above the hard one (EINVAL). Every start
    /// then fails with "unable to set … resource limit".
    ///
    /// ## Example
    /// ```text
    /// limit nofile 65536 1024
    /// ```
    ///
    /// ## Use instead
    /// The soft value must not exceed the hard one:
    /// ```text
    /// limit nofile 65536 65536
    /// ```
    code: UL116,
    name: "limit-soft-above-hard",
    severity: Warning,
    default: true,
    summary: "`limit` soft value above the hard value: setrlimit fails when the job starts",
    check: Check::Job(check),
}

fn value(v: LimitValue) -> u64 {
    match v {
        LimitValue::Unlimited => u64::MAX,
        LimitValue::Value(n) => n,
    }
}

fn shown(v: LimitValue) -> String {
    match v {
        LimitValue::Unlimited => "unlimited".to_string(),
        LimitValue::Value(u64::MAX) => "unlimited (-1)".to_string(),
        LimitValue::Value(n) => n.to_string(),
    }
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::Limit {
            resource,
            soft,
            hard,
        } = &s.kind
        else {
            continue;
        };
        if value(soft.value) <= value(hard.value) {
            continue;
        }
        out.add(Code::UL116, soft.span, "Soft limit above the hard limit")
            .label(format!(
                "soft {} is above hard {}: setrlimit fails and the job cannot start",
                shown(soft.value),
                shown(hard.value)
            ))
            .related(hard.span, "hard limit")
            .help(format!(
                "make the soft value at most the hard one, e.g. `limit {} {} {}`",
                resource.value.as_str(),
                shown(hard.value).split(' ').next().unwrap_or("unlimited"),
                shown(hard.value).split(' ').next().unwrap_or("unlimited")
            ));
    }
}
