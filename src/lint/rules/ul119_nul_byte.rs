use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports NUL bytes in a job file and what upstart makes of them.
    /// Reported by the parser, which reads the file as upstart does.
    ///
    /// Upstart keeps values as C strings, so a NUL inside a value ends it
    /// (`kill timeout "5<NUL>x"` is 5, `description "a<NUL>b"` is `a`).
    /// Outside quotes its tokenizer treats NUL as a blank that also ends an
    /// `exec` line, and in a script body the rest of the line, newline
    /// included, is dropped.
    ///
    /// ## Why is this bad?
    /// A NUL byte is invisible in most editors: the job gets a value, a
    /// command or a script that differs from what the file seems to say.
    ///
    /// ## Example
    /// ```text
    /// kill timeout "5<NUL>x"
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// kill timeout 5
    /// ```
    code: UL119,
    name: "nul-byte",
    severity: Warning,
    default: true,
    summary: "NUL byte: upstart ends the value there (C strings), or reads it as a blank",
    check: Check::Pass(Pass::Parse),
}
