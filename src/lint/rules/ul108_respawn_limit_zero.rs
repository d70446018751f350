use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{RespawnLimit, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags `respawn limit COUNT INTERVAL` where COUNT or INTERVAL is `0`.
    ///
    /// ## Why is this bad?
    /// Upstart treats a zero in either place as *no limit at all*, exactly
    /// like `respawn limit unlimited`: a job that dies at once is restarted
    /// forever, as fast as it can fork. Writers usually mean the opposite
    /// ("0 tries"); one public template's comment says so.
    ///
    /// ## Example
    /// ```text
    /// respawn
    /// respawn limit 0 60
    /// ```
    ///
    /// ## Use instead
    /// To give up after N failures within a window:
    /// ```text
    /// respawn
    /// respawn limit 5 60
    /// ```
    /// or, when endless respawning is really wanted, say so:
    /// `respawn limit unlimited`. To not respawn at all, remove `respawn`.
    code: UL108,
    name: "respawn-limit-zero",
    severity: Warning,
    default: true,
    summary: "`respawn limit` with a zero count or interval, which means unlimited",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::RespawnLimit {
            limit: RespawnLimit::Count { count, interval },
        } = &s.kind
        else {
            continue;
        };
        let (zero, what) = if count.value == 0 {
            (count, "a count of 0")
        } else if interval.value == 0 {
            (interval, "an interval of 0")
        } else {
            continue;
        };
        out.add(Code::UL108, zero.span, "Zero in `respawn limit` means no limit")
            .label(format!("{what} disables the respawn limit: the job is restarted forever"))
            .help("to stop after N failures write `respawn limit N SECONDS`; for no limit write `respawn limit unlimited`");
    }
}
