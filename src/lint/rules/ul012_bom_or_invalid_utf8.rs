use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a UTF-8 byte-order mark at the start of the file, and bytes
    /// that are not valid UTF-8. Reported by the parser.
    ///
    /// - Byte-order mark (error): upstart reads the three bytes as part of
    ///   the first stanza name, which becomes unknown ("Unknown stanza"). A
    ///   safe fix removes the mark.
    /// - Invalid UTF-8 (warning): upstart accepts any bytes, but editors,
    ///   `initctl` output and this tool's reports show U+FFFD instead.
    ///
    /// The code's default severity is error; each diagnostic keeps the
    /// severity above.
    ///
    /// ## Why is this bad?
    /// A byte-order mark (added by some Windows editors) makes upstart reject
    /// the whole job although the file looks right in every editor.
    ///
    /// ## Example
    /// ```text
    /// \xEF\xBB\xBFdescription "x"
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// description "x"
    /// ```
    /// saved as UTF-8 without a byte-order mark.
    code: UL012,
    name: "bom-or-invalid-utf8",
    severity: Error,
    default: true,
    summary: "UTF-8 byte-order mark glued to the first stanza (error), or bytes that are not UTF-8 (warning)",
    check: Check::Pass(Pass::Parse),
}
