//! What exists without being declared: the standard events of upstart and
//! its Ubuntu bridges (upstart-events(7), spec/upstart.md §4) and the jobs of
//! a standard Ubuntu system.

/// Events emitted by init, its bridges and the standard Ubuntu tools.
pub const STANDARD_EVENTS: &[&str] = &[
    // init itself (§4.1)
    "startup",
    "starting",
    "started",
    "stopping",
    "stopped",
    "control-alt-delete",
    "keyboard-request",
    "power-status-changed",
    "session-end",
    // system tools (§4.2)
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
    // session init (§4.3)
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
}
