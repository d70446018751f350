use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports text after the last argument a stanza accepts (upstart:
    /// "Unexpected token"). Most stanzas take exactly one argument, so an
    /// unquoted value with spaces is the usual cause; text after `script` on
    /// the opener line is another.
    ///
    /// A safe fix quotes a multi-word `description`, `author`, `usage` or
    /// `version` when the rest of the line holds no quote, backslash or `#`.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// description my great job
    /// env FOO=a b
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// description "my great job"
    /// env FOO="a b"
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL006,
    name: "extra-argument",
    severity: Error,
    default: true,
    summary: "text after the last argument a stanza accepts (quote values with spaces)",
    check: Check::Pass(Pass::Parse),
}
