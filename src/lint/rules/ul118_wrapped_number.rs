use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a number that upstart stores as a different value because it
    /// keeps it in a 32-bit C type, or reads it as an unsigned number where
    /// a minus sign wraps around. Reported by the parser, with the value
    /// stored.
    ///
    /// Upstart reads numbers with C's `strtol`/`strtoul` (64 bits) and then
    /// assigns them to `int` or `mode_t` fields before checking their range:
    /// `nice 4294967295` is stored as -1, `oom score 4294967296` as 0,
    /// `umask 040000000000` as 0, `respawn limit 4294967296 5` as 0 (no
    /// limit at all); `limit nofile -1 -1` is unlimited, and `kill signal
    /// -18446744073709551615` is signal 1. (`respawn limit 2147483648 5`
    /// wraps to a negative count and upstart rejects the job: that is
    /// UL102.)
    ///
    /// ## Why is this bad?
    /// The job runs with a setting nobody wrote, usually the opposite of the
    /// intent (a huge limit that becomes "no limit").
    ///
    /// ## Example
    /// ```text
    /// respawn limit 4294967296 5
    /// nice 4294967295
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// respawn limit unlimited
    /// nice -1
    /// ```
    code: UL118,
    name: "wrapped-number",
    severity: Warning,
    default: true,
    summary: "number stored differently by upstart (32-bit C int or mode_t, or an unsigned read of a minus sign)",
    check: Check::Pass(Pass::Parse),
}
