//! What exists without being declared: the standard events of upstart and
//! its Ubuntu bridges (upstart-events(7); docs/language.md#standard-events) and the jobs of
//! a standard Ubuntu system.

/// Events emitted by init, its bridges and the standard Ubuntu tools.
pub const STANDARD_EVENTS: &[&str] = &[
    // init itself
    "startup",
    "starting",
    "started",
    "stopping",
    "stopped",
    "control-alt-delete",
    "keyboard-request",
    "power-status-changed",
    "session-end",
    // system tools
    "runlevel",
    "mounting",
    "mounted",
    "virtual-filesystems",
    "local-filesystems",
    "remote-filesystems",
    "all-swaps",
    "filesystem",
    "device-not-ready",
    "net-device-up",
    "net-device-down",
    "static-network-up",
    "deconfiguring-networking",
    "unmounted-remote-filesystems",
    "socket",
    "file",
    "dbus",
    "dbus-activation",
    "container",
    "not-container",
    "failsafe-boot",
    "recovery",
    "desktop-session-start",
    "login-session-start",
    "desktop-shutdown",
    "rotate-logs",
    // session init
    "dconf",
    "desktop-start",
    "desktop-end",
    "xsession",
    ":sys:restarted",
];

/// udev-bridge actions: `<subsystem>-device-<action>`.
const UDEV_ACTIONS: &[&str] = &["added", "changed", "removed", "action"];

/// Whether `event` is emitted by upstart or a standard bridge/tool.
#[must_use]
pub fn is_standard_event(event: &str) -> bool {
    if STANDARD_EVENTS.contains(&event) {
        return true;
    }
    // `<event>/failed` follows any event whose job failed.
    if let Some(base) = event.strip_suffix("/failed") {
        return !base.ends_with("/failed") && !base.is_empty();
    }
    // The session's event bridge mirrors every system event as `:sys:<event>`.
    if let Some(sys) = event.strip_prefix(":sys:") {
        return is_standard_event(sys);
    }
    if let Some((subsystem, action)) = event.rsplit_once("-device-") {
        return !subsystem.is_empty() && UDEV_ACTIONS.contains(&action);
    }
    false
}

/// What an event may carry after the variables [`event_variables`] lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum More {
    /// Nothing: its emitter always sends these (or fewer).
    Nothing,
    /// Only from an unusual emitter: `telinit -e KEY=VALUE` adds variables
    /// to `runlevel`.
    Rarely,
    /// Anything: the variables a job exports (job events), the device's
    /// udev properties.
    Open,
}

/// The variables of a standard event, in emission order
/// (docs/language.md#events): positional argument *i* of an event match is compared with the
/// value of the *i*-th.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventVariables {
    /// Per position, the variable there; `A or B` where it depends on the
    /// emission (`socket`: PORT for inet, SOCKET_PATH for unix; `stopped`:
    /// EXIT_STATUS or EXIT_SIGNAL). Trailing ones may be absent
    /// (`PROCESS` only when the job failed, `MATCH` only for a glob).
    pub positions: &'static [&'static str],
    pub more: More,
}

impl EventVariables {
    /// Every variable name the event may carry.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.positions.iter().flat_map(|p| p.split(" or "))
    }
}

/// The variables of a standard event (`:sys:` mirrors and `<event>/failed`
/// carry those of the event); `None` for an event whose variables are not
/// documented (D-Bus bridge, display managers, session jobs) or that is not
/// standard.
#[must_use]
pub fn event_variables(event: &str) -> Option<EventVariables> {
    use More::{Nothing, Open, Rarely};
    if event == ":sys:restarted" {
        return Some(EventVariables {
            positions: &[],
            more: Nothing,
        });
    }
    if let Some(sys) = event.strip_prefix(":sys:") {
        return event_variables(sys).filter(|_| is_standard_event(event));
    }
    if let Some(base) = event.strip_suffix("/failed") {
        return event_variables(base).filter(|_| is_standard_event(event));
    }
    let (positions, more): (&'static [&'static str], More) = match event {
        "startup"
        | "control-alt-delete"
        | "keyboard-request"
        | "power-status-changed"
        | "virtual-filesystems"
        | "local-filesystems"
        | "remote-filesystems"
        | "all-swaps"
        | "filesystem"
        | "static-network-up"
        | "deconfiguring-networking"
        | "unmounted-remote-filesystems"
        | "not-container"
        | "failsafe-boot"
        | "rotate-logs" => (&[], Nothing),
        "session-end" => (&["TYPE"], Nothing),
        "starting" | "started" => (&["JOB", "INSTANCE"], Open),
        "stopping" | "stopped" => (
            &[
                "JOB",
                "INSTANCE",
                "RESULT",
                "PROCESS",
                "EXIT_STATUS or EXIT_SIGNAL",
            ],
            Open,
        ),
        "runlevel" => (&["RUNLEVEL", "PREVLEVEL", "INIT_HALT"], Rarely),
        "mounting" | "mounted" => (&["DEVICE", "MOUNTPOINT", "TYPE", "OPTIONS"], Nothing),
        "net-device-up" | "net-device-down" => {
            (&["IFACE", "LOGICAL", "ADDRFAM", "METHOD"], Nothing)
        }
        "socket" => (&["PROTO", "PORT or SOCKET_PATH", "ADDR"], Nothing),
        "file" => (&["FILE", "EVENT", "MATCH"], Nothing),
        "container" => (&["CONTAINER"], Nothing),
        "dconf" => (&["TYPE", "KEY", "VALUE"], Nothing),
        _ if event.contains("-device-") && is_standard_event(event) => (
            &["KERNEL", "DEVPATH", "DEVNAME", "SUBSYSTEM", "ACTION"],
            Open,
        ),
        _ => return None,
    };
    Some(EventVariables { positions, more })
}

/// Jobs of a standard Ubuntu (12.04–16.04) system, which other jobs commonly
/// name in `started JOB` / `stopping JOB`.
pub const STANDARD_JOBS: &[&str] = &[
    "acpid",
    "anacron",
    "apport",
    "atd",
    "avahi-daemon",
    "bluetooth",
    "console",
    "console-font",
    "console-setup",
    "container-detect",
    "control-alt-delete",
    "cron",
    "cups",
    "dbus",
    "dmesg",
    "failsafe",
    "flush-early-job-log",
    "friendly-recovery",
    "gdm",
    "hostname",
    "hwclock",
    "hwclock-save",
    "irqbalance",
    "kmod",
    "lightdm",
    "mountall",
    "mountall-net",
    "mountall-reboot",
    "mountall-shell",
    "mounted-debugfs",
    "mounted-dev",
    "mounted-proc",
    "mounted-run",
    "mounted-tmp",
    "mounted-var",
    "network-interface",
    "network-interface-container",
    "network-interface-security",
    "network-manager",
    "networking",
    "plymouth",
    "plymouth-log",
    "plymouth-ready",
    "plymouth-shutdown",
    "plymouth-splash",
    "plymouth-stop",
    "plymouth-upstart-bridge",
    "procps",
    "rc",
    "rc-sysinit",
    "rcS",
    "resolvconf",
    "rsyslog",
    "setvtrgb",
    "shutdown",
    "ssh",
    "systemd-logind",
    "tty1",
    "tty2",
    "tty3",
    "tty4",
    "tty5",
    "tty6",
    "udev",
    "udev-fallback-graphics",
    "udev-finish",
    "udevmonitor",
    "udevtrigger",
    "upstart-file-bridge",
    "upstart-socket-bridge",
    "upstart-udev-bridge",
    "ureadahead",
    "ureadahead-other",
    "wait-for-state",
];

/// The job events whose first argument (or `JOB=`) names a job.
pub const JOB_EVENTS: &[&str] = &["starting", "started", "stopping", "stopped"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_event_patterns() {
        assert!(is_standard_event("runlevel"));
        assert!(is_standard_event("net-device-added"));
        assert!(is_standard_event("graphics-device-added"));
        assert!(is_standard_event(":sys:runlevel"));
        assert!(is_standard_event("mounted/failed"));
        assert!(!is_standard_event("my_event"));
        assert!(!is_standard_event("-device-added"));
        assert!(!is_standard_event(":sys:my_event"));
    }

    #[test]
    fn event_variables_in_order() {
        let names = |e: &str| event_variables(e).map(|v| v.names().collect::<Vec<_>>());
        assert_eq!(
            names("runlevel"),
            Some(vec!["RUNLEVEL", "PREVLEVEL", "INIT_HALT"])
        );
        assert_eq!(names(":sys:runlevel"), names("runlevel"));
        assert_eq!(names("mounted/failed"), names("mounted"));
        assert_eq!(
            names("socket"),
            Some(vec!["PROTO", "PORT", "SOCKET_PATH", "ADDR"])
        );
        assert_eq!(names("startup"), Some(vec![]));
        assert_eq!(names(":sys:restarted"), Some(vec![]));
        assert_eq!(event_variables("started").map(|v| v.more), Some(More::Open));
        assert_eq!(
            event_variables("net-device-added").map(|v| v.more),
            Some(More::Open)
        );
        for unknown in [
            "dbus",
            "my-event",
            "restarted",
            ":sys:my-event",
            "x/failed/failed",
        ] {
            assert_eq!(event_variables(unknown), None, "{unknown}");
        }
    }
}
