//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`: `After=`/`Before=`/`Wants=`/`Requires=` of
    /// other units, `Restart=` values other than `always`/`on-failure`, an
    /// install target that is no upstart event (`WantedBy=foo.target` becomes
    /// `start on foo`, which nothing emits), and a template's `WantedBy=`, which
    /// upstart cannot honour without the instance's name (the job gets no
    /// `start on`; upstart-lint would report UL215).
    ///
    /// ## Why is this bad?
    /// Upstart has no dependency engine: it starts jobs on events. Ordering
    /// without an event to wait for is lost, and a job that starts on an event
    /// nobody emits never starts (upstart-lint UL302).
    ///
    /// ## Example
    /// ```text
    /// [Install]
    /// WantedBy=cloud-init.target
    /// ```
    ///
    /// ## Use instead
    /// Start the job on a standard event (`start on runlevel [2345]`,
    /// `started OTHER`), or emit the event where systemd reaches the target
    /// (`initctl emit cloud-init`).
    code: UL702,
    name: "dependency-approximated",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: an ordering or requirement that upstart's events only approximate",
    check: Check::Pass(Pass::Systemd2upstart),
}
