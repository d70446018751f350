use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

/// Longer than this delays shutdown noticeably.
const LONG: u64 = 300;

rule! {
    /// ## What it does
    /// Flags `kill timeout 0` and a `kill timeout` above 300 seconds.
    ///
    /// ## Why is this bad?
    /// - `0`: the process gets SIGKILL right after the stop signal, with no
    ///   time to flush data or remove its PID file.
    /// - Over five minutes: every stop (and every shutdown or reboot) may
    ///   wait that long for a process that hangs.
    ///
    /// ## Example
    /// ```text
    /// kill timeout 3600
    /// ```
    ///
    /// ## Use instead
    /// Give the process the time it really needs to exit cleanly:
    /// ```text
    /// kill timeout 30
    /// ```
    code: UL115,
    name: "suspicious-kill-timeout",
    severity: Info,
    default: true,
    summary: "`kill timeout 0` (immediate SIGKILL) or above 300 s (delays shutdown)",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::KillTimeout { seconds } = &s.kind else {
            continue;
        };
        let label = match seconds.value {
            0 => "the process is sent SIGKILL right after the stop signal".to_string(),
            n if n > LONG => format!("stopping (and shutdown) may wait {n} seconds for this job"),
            _ => continue,
        };
        out.add(Code::UL115, seconds.span, "Suspicious `kill timeout`")
            .label(label)
            .help("confirm the value: the default is 5 seconds");
    }
}
