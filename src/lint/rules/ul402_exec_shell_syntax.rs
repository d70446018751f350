use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Checks the shell syntax of every `exec` line that upstart runs through
    /// the shell: a command containing any of
    /// ``~ ` ! $ ^ & * ( ) = | \ { } [ ] ; " ' < > ?`` runs as
    /// `/bin/sh -e -c "exec COMMAND"`. The error is reported at its exact
    /// position on the `exec` line (found by UL401's pass). A here-document
    /// that is never closed is a warning (dash reads the rest of the line
    /// into it and runs the command).
    ///
    /// ## Why is this bad?
    /// The job loads, and then the process fails at once every time it is
    /// started: the shell cannot even parse the command.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/bin/foo "$(cat /etc/foo.args)
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// exec /usr/bin/foo "$(cat /etc/foo.args)"
    /// ```
    code: UL402,
    name: "exec-shell-syntax",
    severity: Error,
    default: true,
    summary: "an `exec` line that runs through `/bin/sh` is not valid shell",
    check: Check::Pass(Pass::Shell),
}
