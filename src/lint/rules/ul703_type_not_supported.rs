//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`: `Type=notify` (an error: readiness is
    /// lost), `Type=dbus`, `idle`, `exec`, unit types other than services and
    /// targets (`.socket`, `.timer`, `.path`…), sections other than `[Unit]`,
    /// `[Service]` and `[Install]`, `PIDFile=`, and a `Type=forking` service
    /// whose ExecStart= is a shell script that forks before it `exec`s the
    /// daemon (upstart-lint would report UL204).
    ///
    /// ## Why is this bad?
    /// Upstart knows a job is ready when its main process runs (or forks the
    /// counted number of times with `expect fork`/`daemon`); it has no readiness
    /// notification, no socket activation and no timers. A forking script makes
    /// `expect fork` follow the wrong process.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// Type=notify
    /// ExecStart=/usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// Run the daemon in the foreground (`Type=simple`), or with a fork count
    /// upstart can follow; use cron for timers.
    code: UL703,
    name: "type-not-supported",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: a unit or service type upstart cannot reproduce (`notify`, sockets, timers, `PIDFile=`)",
    check: Check::Pass(Pass::Systemd2upstart),
}
