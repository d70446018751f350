//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`: file conditions on a plain path become
    /// `TEST || { stop; exit 0; }` lines at the top of pre-start, and
    /// `ExecCondition=` commands become such tests too (information: the
    /// failure modes differ); other conditions (`ConditionVirtualization=`,
    /// triggering `|PATH` conditions, `Assert…=`…) are left out.
    ///
    /// ## Why is this bad?
    /// The job starts where the unit would have been skipped.
    ///
    /// ## Example
    /// ```text
    /// [Unit]
    /// ConditionVirtualization=container
    /// ```
    ///
    /// ## Use instead
    /// Write the test into pre-start by hand (`systemd-detect-virt -cq ||
    /// { stop; exit 0; }`).
    code: UL705,
    name: "condition-dropped",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: a `Condition…=`/`Assert…=` that has no pre-start test",
    check: Check::Pass(Pass::Systemd2upstart),
}
