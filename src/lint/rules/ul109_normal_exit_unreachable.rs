use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ExitStatus, StanzaKind};
use crate::diag::Code;
use crate::source::Span;

/// The highest signal number on Linux (SIGRTMAX).
const MAX_SIGNAL: i64 = 64;

rule! {
    /// ## What it does
    /// Flags `normal exit` values that can never match, and values listed
    /// twice.
    ///
    /// Upstart compares each value with the encoded termination status: an
    /// exit code is 0–255, and death by signal *s* is encoded as *s* × 256
    /// (a signal name such as `TERM` stands for 15 × 256 = 3840). So:
    /// - a number above 255 that is not a multiple of 256 never matches;
    /// - a multiple of 256 matches death by that signal (`256` = SIGHUP,
    ///   `3840` = SIGTERM) — this works and is not flagged, but the name is
    ///   clearer; a multiple beyond the last signal (64 × 256) never
    ///   matches;
    /// - a value listed twice (`TERM` and `3840` count as the same), across
    ///   all `normal exit` stanzas of the file, which accumulate.
    ///
    /// ## Why is this bad?
    /// The writer expected the job to count that status as a normal end; it
    /// will be treated as a failure (and respawned) instead.
    ///
    /// ## Example
    /// ```text
    /// normal exit 0 1000
    /// normal exit TERM 3840
    /// ```
    ///
    /// ## Use instead
    /// Exit statuses are 0–255; signals go by name:
    /// ```text
    /// normal exit 0 232 TERM
    /// ```
    code: UL109,
    name: "normal-exit-unreachable",
    severity: Warning,
    default: true,
    summary: "`normal exit` value that never matches (above 255 and not signal × 256) or is listed twice",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let mut seen: Vec<(i64, Span, String)> = Vec::new();
    for s in ctx.job().stanzas() {
        let StanzaKind::NormalExit { statuses } = &s.kind else {
            continue;
        };
        for status in statuses {
            let (span, shown) = match status {
                ExitStatus::Code { code, span } => (*span, code.to_string()),
                ExitStatus::Signal { signal } => (
                    signal.span,
                    signal
                        .name
                        .as_ref()
                        .map_or_else(|| signal.number.to_string(), ToString::to_string),
                ),
            };
            let encoded = status.encoded();
            if let ExitStatus::Code { code, .. } = status
                && *code > 255
            {
                let signal = code / 256;
                if code % 256 != 0 {
                    out.add(Code::UL109, span, "Exit status can never match")
                        .label(format!(
                            "`{code}` is neither an exit status (0–255) nor a signal × 256"
                        ))
                        .help("exit statuses are 0–255; to match death by a signal write its name, e.g. `TERM`");
                    continue;
                } else if signal > MAX_SIGNAL {
                    out.add(Code::UL109, span, "Exit status can never match")
                        .label(format!("`{code}` would be signal {signal} × 256, and there is no signal {signal}"))
                        .help("exit statuses are 0–255; to match death by a signal write its name, e.g. `TERM`");
                    continue;
                }
            }
            if let Some((_, first, first_shown)) = seen.iter().find(|(e, _, _)| *e == encoded) {
                let same = if *first_shown == shown {
                    String::new()
                } else {
                    format!(" (`{first_shown}` and `{shown}` are the same status)")
                };
                out.add(Code::UL109, span, "Exit status listed twice")
                    .label(format!("`{shown}` is already listed{same}"))
                    .related(*first, "first listed here")
                    .help("remove the repeated value");
                continue;
            }
            seen.push((encoded, span, shown));
        }
    }
}
