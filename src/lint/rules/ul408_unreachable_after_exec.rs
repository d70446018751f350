use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags commands that follow a top-level `exec PROGRAM` in a script
    /// block (not `exec` with only redirections, which keeps the shell, and
    /// not an `exec` inside `if`, a loop or a function). Reported at the
    /// first such command (found by UL401's pass).
    ///
    /// ## Why is this bad?
    /// `exec` replaces the shell with the program: the lines after it never
    /// run, which is rarely what their author expected (clean-up code,
    /// logging, a second daemon).
    ///
    /// ## Example
    /// ```text
    /// script
    ///     exec /usr/bin/app
    ///     rm -f /run/app.pid
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// script
    ///     exec /usr/bin/app
    /// end script
    /// post-stop exec rm -f /run/app.pid
    /// ```
    code: UL408,
    name: "unreachable-after-exec",
    severity: Info,
    default: true,
    summary: "commands after a top-level `exec PROGRAM` in a block never run",
    check: Check::Pass(Pass::Shell),
}
