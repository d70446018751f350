use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Finds a here-document whose terminator line is still indented after
    /// upstart removed the block's common indentation, so that it does not
    /// close the here-document. Upstart takes the indentation of the first
    /// body line and shortens it to what every later line repeats: one empty
    /// line in the block turns the stripping off altogether (found by
    /// UL401's pass).
    ///
    /// A warning until the stripping rule is confirmed on a real upstart
    /// (it is read from libnih's code, which no test covers).
    ///
    /// ## Why is this bad?
    /// `/bin/sh` reads the rest of the block into the here-document: the
    /// commands after it never run, and the file it writes gets them as
    /// text. `sh -n` says nothing.
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     cat > /run/app.conf <<EOT
    ///     port=80
    ///
    ///     EOT
    ///     chmod 600 /run/app.conf
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// Indent every line the same way, without empty lines (or use `<<-`
    /// with TAB indentation):
    /// ```text
    /// pre-start script
    ///     cat > /run/app.conf <<EOT
    ///     port=80
    ///     EOT
    ///     chmod 600 /run/app.conf
    /// end script
    /// ```
    code: UL403,
    name: "heredoc-indent-not-stripped",
    severity: Warning,
    default: true,
    summary: "a here-document terminator stays indented after upstart's stripping",
    check: Check::Pass(Pass::Shell),
}
