use super::super::registry::{Check, rule};

rule! {
    /// ## What it does
    /// Reports a `nice`, `oom`, `oom score`, `umask` or `respawn limit`
    /// count that upstart accepts only because it cuts the number to 32 bits
    /// before checking its range. Reported by the parser.
    ///
    /// Upstart reads these numbers with C's `strtol` into a 64-bit `long`
    /// and stores them in a 32-bit field first: `nice 4294967295` is nice
    /// -1, `oom score 4294967296` is 0, `umask 040000000000` is 0 and
    /// `respawn limit 4294967297 5` allows one respawn. A value that is
    /// still out of range after the cut is rejected (UL102–UL105): for
    /// example `respawn limit 2147483648 5`, which becomes negative.
    ///
    /// ## Why is this bad?
    /// The job loads, but with a value nobody wrote: the number in the file
    /// is out of range, and upstart silently uses what is left of it.
    ///
    /// ## Example
    /// ```text
    /// nice 4294967295
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// nice -1
    /// ```
    code: "UL117",
    name: "number-truncated",
    severity: Warning,
    default: true,
    summary: "number that upstart cuts to 32 bits before its range check (`nice 4294967295` is -1)",
    check: Check::Parse,
}
