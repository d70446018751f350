//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart` (not by `upstart-lint`, which reads jobs):
    /// a directive of the unit that upstart cannot express is left out of the
    /// job. Sandboxing and privilege settings (`PrivateTmp=`, `ProtectSystem=`,
    /// `NoNewPrivileges=`, `CapabilityBoundingSet=`, `SystemCallFilter=`…) are
    /// errors; timers such as `RestartSec=`, `TimeoutStartSec=`, `KillMode=`,
    /// the Exec prefixes `@`, `+`, `!`, `$MAINPID` and `ExecReload=` commands
    /// other than a kill of the main process are warnings; what changes little
    /// (upstart ignores the failure of post-start and pre-stop, `sh -c` runs
    /// with `-e`) is information.
    ///
    /// ## Why is this bad?
    /// The job runs with fewer protections, or with other timing, than the
    /// unit: a service confined by systemd runs unconfined under upstart.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// ExecStart=/usr/sbin/appd
    /// PrivateTmp=yes
    /// ```
    ///
    /// ## Use instead
    /// Confine the daemon by other means (an AppArmor profile with `apparmor
    /// switch`, a `chroot`, `setuid`), or accept the loss knowingly.
    code: UL701,
    name: "no-upstart-equivalent",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: a directive with no upstart form (sandboxing, `RestartSec=`, Exec prefixes `@ + !`…)",
    check: Check::Pass(Pass::Systemd2upstart),
}
