use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a script block whose last command is an `&&` list, such as
    /// `[ -r /etc/default/app ] && . /etc/default/app` (found by UL401's
    /// pass).
    ///
    /// ## Why is this bad?
    /// `set -e` does not stop the script when the command before `&&` fails,
    /// but that failure is then the status of the last command, so the block
    /// exits non-zero: a `pre-start` that fails stops the job from starting,
    /// and a main script that fails counts as a failure (and respawns). The
    /// job works only while the tested condition holds.
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     mkdir -p /run/app
    ///     [ -r /etc/default/app ] && . /etc/default/app
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// pre-start script
    ///     mkdir -p /run/app
    ///     if [ -r /etc/default/app ]; then . /etc/default/app; fi
    /// end script
    /// ```
    /// or append `|| true` to the list.
    code: UL406,
    name: "errexit-trailing-and",
    severity: Warning,
    default: true,
    summary: "a block ends with `A && B`: its exit status fails the process when A is false",
    check: Check::Pass(Pass::Shell),
}
