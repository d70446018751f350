use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `start on` events sent by upstart's bridges: `socket`
    /// (upstart-socket-bridge), `file` (upstart-file-bridge), `dbus`
    /// (upstart-dbus-bridge) and the udev events such as `net-device-added`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Their systemd forms are other unit types, which a conversion of the job
    /// alone does not write: a `.socket` unit (and the program must read
    /// `LISTEN_FDS` instead of `UPSTART_FDS`), a `.path` unit, D-Bus activation,
    /// or a udev rule with `ENV{SYSTEMD_WANTS}`. The converted service has no
    /// trigger and never starts.
    ///
    /// ## Example
    /// ```text
    /// start on socket PROTO=inet PORT=8080 ADDR=127.0.0.1
    /// exec /usr/sbin/appd --inetd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # the daemon listens itself (or write appd.socket by hand)
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd --listen 127.0.0.1:8080
    /// ```
    code: UL503,
    name: "bridge-event",
    severity: Warning,
    default: false,
    summary: "event from an upstart bridge (socket, file, dbus, udev) that needs another unit type",
    check: Check::Pass(Pass::Conversion),
}
