use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Parses every script block the way `/bin/sh` will read it, after
    /// upstart's own extraction (the block ends at the first `end script`
    /// line, and the common indentation is stripped), and reports a syntax
    /// error at its exact line and column in the `.conf`, with the parser's
    /// message. Bash syntax that dash rejects (`function f`, arrays
    /// `a=(…)`, `<<<`, `<(…)`, `;&`) is a syntax error too.
    ///
    /// Two cases are warnings, because the shell does not fail on them:
    /// - a syntax error after an unconditional top-level `exec PROGRAM`,
    ///   `exit` or `exit 0` (or `exit $VAR`) on an earlier line: dash reads
    ///   and runs a script one command line at a time, so it never gets
    ///   there (after a literal `exit 1` the block fails there every time,
    ///   and the error stays);
    /// - a here-document that is never closed: dash reads the rest of the
    ///   text into it as the command's input and runs the command.
    ///
    /// The check runs in-process (yash-syntax, a POSIX shell parser), so it
    /// needs no shell on the machine. This rule's pass also finds UL402–UL404
    /// and UL406–UL408.
    ///
    /// ## Why is this bad?
    /// Upstart does not look inside blocks: the job loads fine and then its
    /// process fails every time it runs, often at boot, with the reason only
    /// in the job's log.
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     if [ -f /etc/default/app ]; then
    ///         . /etc/default/app
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// pre-start script
    ///     if [ -f /etc/default/app ]; then
    ///         . /etc/default/app
    ///     fi
    /// end script
    /// ```
    code: UL401,
    name: "shell-syntax",
    severity: Error,
    default: true,
    summary: "a script block is not valid `/bin/sh` syntax",
    check: Check::Pass(Pass::Shell),
}
