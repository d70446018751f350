use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a script block (`script`, `pre-start script`, `post-start
    /// script`, `pre-stop script`, `post-stop script`) that reaches the end of
    /// the file without its closing `end script` line. Reported by the parser
    /// (upstart: "Unterminated block").
    ///
    /// Only a line of the form `end script` (any blanks around and between the
    /// two words, an optional `# comment` after them) closes a block. The test
    /// is textual and case-sensitive: `endscript`, `end scripts`, `END SCRIPT`
    /// and `end-script` are ordinary body lines.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file: the job does not exist at all, and
    /// `start` says "Unknown job".
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     mkdir -p /run/app
    /// endscript
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// pre-start script
    ///     mkdir -p /run/app
    /// end script
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL001,
    name: "unterminated-block",
    severity: Error,
    default: true,
    summary: "script block without a closing `end script` before the end of the file",
    check: Check::Pass(Pass::Parse),
}
