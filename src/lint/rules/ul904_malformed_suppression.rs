use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags an `# upstart-lint:` comment that is not
    /// `disable=CODES [-- reason]` or `disable-file=CODES [-- reason]`, or
    /// that tries to silence an error for which upstart rejects the file.
    ///
    /// ## Why is this bad?
    /// A suppression that cannot be read silences nothing; one aimed at a
    /// syntax error cannot work, because upstart would not load the job.
    ///
    /// ## Example
    /// ```text
    /// # upstart-lint: ignore UL302
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # upstart-lint: disable=UL302 -- emitted by our deploy tool
    /// ```
    code: UL904,
    name: "malformed-suppression",
    severity: Warning,
    default: true,
    summary: "an `upstart-lint:` comment that cannot be read, or aims at a syntax error",
    check: Check::Pass(Pass::Suppressions),
}
