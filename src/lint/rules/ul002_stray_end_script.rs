use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports an `end script` line outside any script block. Reported by the
    /// parser (upstart reads `end` as a stanza: "Unknown stanza").
    ///
    /// It usually means the block's opener is missing or misspelt
    /// (`scirpt`, `pre-start` without `script`), or a block was closed twice.
    ///
    /// When the opener is missing, upstart reads the lines of the intended
    /// block as stanzas (`if` is an unknown stanza, `stop` misses `on`). The
    /// linter reports that one mistake once: indented lines (and blank
    /// lines and comments) above a stray `end script` are taken as the
    /// block's body; when the line above them failed as an opener
    /// (`pre-start` without `script`, `start script`, a misspelt `script`),
    /// its error is the one reported, pointing at the `end script`;
    /// otherwise one "Script block without its opening line" error at the
    /// body's first line. A body written without indentation cannot be told
    /// from stanzas, so its lines are reported one by one.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file, at the first line of the
    /// intended block.
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
