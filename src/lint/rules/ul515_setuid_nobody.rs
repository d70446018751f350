use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `setuid nobody`, which `upstart2systemd` converts to
    /// `User=nobody`: `systemd-analyze verify` then warns "Special user
    /// nobody configured, this is not safe!" on the unit. The unit is
    /// written as the job says; this note gives the alternative.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// `nobody` is shared: every service that runs as `nobody` can signal
    /// and trace the others' processes and read or change their files, and
    /// `nobody` is also the user NFS maps unknown and root users to. systemd
    /// offers a user of the service's own instead: with `DynamicUser=yes`
    /// (and no `User=nobody`, since an existing user of the configured name
    /// is used as it is) it allocates a transient UID and GID from
    /// 61184–65519 at each start and releases them at the stop. What changes
    /// for the service (systemd.exec(5)):
    ///
    /// - files it creates belong to that transient UID, not to `nobody`, and
    ///   the UID is recycled for other units later, so it must not leave
    ///   files behind outside its own directories;
    /// - `ProtectSystem=strict` and `ProtectHome=read-only` are implied: it
    ///   can write only to `StateDirectory=` (`/var/lib/NAME`),
    ///   `CacheDirectory=`, `LogsDirectory=`, `RuntimeDirectory=` (owned by
    ///   the dynamic user and kept safe from UID reuse) or paths listed in
    ///   `ReadWritePaths=`, so persistent state must move there;
    /// - `PrivateTmp=yes` and `RemoveIPC=yes` are implied: its `/tmp`,
    ///   `/var/tmp` and System V / POSIX IPC objects disappear at the stop;
    /// - `NoNewPrivileges=yes` and `RestrictSUIDSGID=yes` are implied:
    ///   setuid programs it runs gain nothing, and it cannot create
    ///   setuid/setgid files.
    ///
    /// ## Example
    /// ```text
    /// setuid nobody
    /// exec /usr/sbin/appd --foreground
    /// ```
    ///
    /// ## Use instead
    /// Keep the job as it is and change the converted unit by hand:
    /// ```text
    /// [Service]
    /// DynamicUser=yes
    /// StateDirectory=appd
    /// ExecStart=/usr/sbin/appd --foreground
    /// ```
    /// or give the service a system user of its own (`setuid appd`, with
    /// the account created by the package).
    code: UL515,
    name: "setuid-nobody",
    severity: Info,
    default: false,
    summary: "`setuid nobody` becomes `User=nobody`, which systemd calls unsafe; `DynamicUser=yes` is the alternative",
    check: Check::Pass(Pass::Conversion),
}
