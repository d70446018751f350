use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports an `end script` line outside any script block. Reported by the
    /// parser (upstart reads `end` as a stanza: "Unknown stanza").
    ///
    /// It usually means the block's opener is missing or misspelt
    /// (`scirpt`, `pre-start` without `script`), or a block was closed twice.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file. When the opener is missing, the
    /// lines of the intended block are also read as stanzas.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/bin/foo
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// Remove the line, or add the missing opener:
    /// ```text
    /// script
    ///     exec /usr/bin/foo
    /// end script
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL002,
    name: "stray-end-script",
    severity: Error,
    default: true,
    summary: "`end script` outside any script block",
    check: Check::Pass(Pass::Parse),
}
