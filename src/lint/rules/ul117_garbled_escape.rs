use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a blank (or a line break) right before a backslash escape
    /// such as `\"`, `\'` or `\$` in a value or an `exec` line, and shows
    /// the value upstart really stores. Reported by the parser.
    ///
    /// libnih, whose tokenizer upstart uses, writes the backslash of such an
    /// escape first and then copies the blanks before it from one byte too
    /// far: the last blank becomes a second backslash, and after a line
    /// break the space lands after the backslash. `"say \"hi\""` is stored
    /// as `say\\"hi\"`, and `exec /bin/echo a \"b\"` runs
    /// `/bin/echo a\\"b\"`, which the shell rejects as an unterminated
    /// string. `\\` and a backslash before a blank are not affected.
    ///
    /// ## Why is this bad?
    /// The job gets a value nobody wrote: environment variables, descriptions
    /// and commands differ from the text, and an `exec` line can fail to run
    /// at all. Every upstart since libnih's tokenizer was written does this,
    /// so the file cannot be fixed by upgrading.
    ///
    /// ## Example
    /// ```text
    /// env GREETING="say \"hi\""
    /// exec /bin/echo a \"b\"
    /// ```
    ///
    /// ## Use instead
    /// Single quotes keep double quotes literal, and a `script` block hands
    /// its text to the shell unchanged:
    /// ```text
    /// env GREETING='say "hi"'
    /// script
    ///     exec /bin/echo a \"b\"
    /// end script
    /// ```
    code: UL117,
    name: "garbled-escape",
    severity: Warning,
    default: true,
    summary: "blank before a backslash escape: upstart's tokenizer stores a different value than the one written",
    check: Check::Pass(Pass::Parse),
}
