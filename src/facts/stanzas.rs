//! The stanza table of upstart 1.13.2's parser (init/parse_job.c), and the
//! stanzas of older releases it no longer knows.

/// Every stanza keyword of upstart 1.13.2, in its parser table order.
pub const STANZAS: &[&str] = &[
    "instance",
    "description",
    "author",
    "version",
    "env",
    "export",
    "start",
    "stop",
    "emits",
    "exec",
    "script",
    "pre-start",
    "post-start",
    "pre-stop",
    "post-stop",
    "expect",
    "task",
    "kill",
    "reload",
    "respawn",
    "normal",
    "console",
    "umask",
    "nice",
    "oom",
    "limit",
    "chroot",
    "chdir",
    "setuid",
    "setgid",
    "debug",
    "manual",
    "usage",
    "apparmor",
    "cgroup",
];

/// Stanzas of older upstart releases that 1.13.2 rejects, with the fix.
pub const REMOVED: &[(&str, &str)] = &[
    (
        "on",
        "`on EVENT` was removed in 0.3.7: use `start on EVENT`",
    ),
    ("normalexit", "renamed in 0.3.7: use `normal exit CODE...`"),
    (
        "service",
        "removed in 0.5.0: services are the default; delete the line",
    ),
    (
        "daemon",
        "removed in 0.5.0: use `expect daemon` (or `expect fork`)",
    ),
    (
        "pid",
        "`pid file`/`pid timeout` were removed in 0.5.0: use `expect fork` or `expect daemon`",
    ),
    (
        "depends",
        "removed in 0.3.2: use `start on started OTHER-JOB`",
    ),
    (
        "session",
        "`session leader` is not in upstart 1.13; every job process already leads its own session",
    ),
];
