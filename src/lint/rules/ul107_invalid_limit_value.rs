use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a soft or hard `limit` value that is neither `unlimited` nor
    /// an unsigned decimal integer (units such as `4k` or `1G`, fractions,
    /// words). Reported by the parser (upstart: "Illegal limit, expected
    /// 'unlimited' or integer"). A soft value above the hard one parses and
    /// is UL116.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// limit memlock 64k 64k
    /// ```
    ///
    /// ## Use instead
    /// Values are plain numbers in the resource's unit (bytes here):
    /// ```text
    /// limit memlock 65536 65536
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL107,
    name: "invalid-limit-value",
    severity: Error,
    default: true,
    summary: "`limit` soft/hard value neither an integer nor `unlimited`",
    check: Check::Pass(Pass::Parse),
}
