//! The `[Service]` section: instance, type and hooks, restart, console, and
//! the settings that only matter to processes.

use super::*;

/// The stanzas of `r` that only matter to processes, each with the place
/// of the first of its stanzas in the file.
pub(super) fn process_settings(r: &Resolved<'_>) -> Vec<(&'static str, Span)> {
    let first = |spans: Vec<Span>| {
        spans
            .into_iter()
            .min_by_key(|s| s.start)
            .unwrap_or_default()
    };
    let at = |keywords: &[&str]| {
        first(
            keywords
                .iter()
                .filter_map(|k| r.places.get(k).copied())
                .collect(),
        )
    };
    let checks: [(&'static str, bool, Span); 16] = [
        ("respawn", r.respawn, at(&["respawn"])),
        (
            "respawn limit",
            r.respawn_limit.is_some(),
            at(&["respawn limit"]),
        ),
        (
            "normal exit",
            !r.normal_exit.is_empty(),
            at(&["normal exit"]),
        ),
        ("task", r.task, at(&["task"])),
        ("expect", r.expect.is_some(), at(&["expect"])),
        (
            "kill",
            r.kill_timeout.is_some() || r.kill_signal.is_some(),
            at(&["kill timeout", "kill signal"]),
        ),
        (
            "reload signal",
            r.reload_signal.is_some(),
            at(&["reload signal"]),
        ),
        ("env", !r.env.is_empty(), at(&["env"])),
        ("umask", r.umask.is_some(), at(&["umask"])),
        ("nice", r.nice.is_some(), at(&["nice"])),
        ("oom", r.oom.is_some(), at(&["oom"])),
        (
            "limit",
            !r.limits.is_empty(),
            first(r.limit_places.values().copied().collect()),
        ),
        (
            "chdir/chroot",
            r.chdir.is_some() || r.chroot.is_some(),
            at(&["chdir", "chroot"]),
        ),
        (
            "setuid/setgid",
            r.setuid.is_some() || r.setgid.is_some(),
            at(&["setuid", "setgid"]),
        ),
        ("console", r.console.is_some(), at(&["console"])),
        (
            "apparmor switch",
            r.apparmor_switch.is_some(),
            at(&["apparmor switch"]),
        ),
    ];
    checks
        .into_iter()
        .filter(|(_, present, _)| *present)
        .map(|(name, _, span)| (name, span))
        .collect()
}

/// `instance $VAR` → a template with `Environment=VAR=%I`. The assignment
/// is written after those of the `env` stanzas: upstart's start
/// environment (`start JOB VAR=VALUE`) overrides an `env VAR=default`, and
/// in systemd the later assignment wins.
pub(super) fn instance(c: &mut Ctx, r: &Resolved<'_>) -> bool {
    let Some(inst) = r.instance else { return false };
    let text = inst.value.trim();
    let var = text
        .strip_prefix("${")
        .and_then(|t| t.strip_suffix('}'))
        .or_else(|| text.strip_prefix('$'))
        .filter(|v| env_name_is_valid(v));
    match var {
        Some(v) => {
            c.instance_env = Some(format!("\"{v}=%I\""));
            c.notes.push(format!(
                "instances are started as `systemctl start {}@VALUE.service` (was `start {} {v}=VALUE`)",
                unit_name(&c.job),
                c.job
            ));
        }
        None => {
            c.loss(
                Code::UL507,
                Severity::Warning,
                inst.span,
                "Instance name is not a single variable",
            )
            .help("a template carries one string (%I); split it in the unit or convert by hand");
            c.instance_env = Some("\"UPSTART_INSTANCE=%I\"".to_string());
        }
    }
    true
}

pub(super) fn service(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    service_type(c, r, has_main);
    environment(c, r);
    setuid_nobody(c, r);
    if let Some(e) = c.instance_env.take() {
        c.unit.set("Service", "Environment", e);
    }
    credentials_and_places(c, r);
    limits(c, r);
    kill(c, r);
    restart(c, r, has_main);
    processes(c, r, has_main);
    reload(c, r, has_main);
    console(c, r);
    other_stanzas(c, r);
}

/// `Type=` (and `RemainAfterExit=`) from `task`, `expect` and whether the
/// job has a main process.
fn service_type(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    if r.task && matches!(r.expect, Some(ExpectMode::Fork | ExpectMode::Daemon)) {
        c.loss(
            Code::UL501,
            Severity::Warning,
            r.place("expect"),
            "`expect fork|daemon` on a task is dropped (Type=oneshot)",
        )
        .help(
            "a task should run in the foreground; systemd waits for the oneshot's process to exit",
        );
    }
    let u = &mut c.unit;
    // Type. A job with only hooks stays "running" like upstart's: a oneshot
    // that remains after exit.
    let typ = if !has_main || r.task {
        "oneshot"
    } else {
        match r.expect {
            Some(ExpectMode::Fork | ExpectMode::Daemon) => "forking",
            _ => "simple",
        }
    };
    u.set("Service", "Type", typ);
    if !has_main {
        u.set("Service", "RemainAfterExit", "yes");
    }
    if r.expect == Some(ExpectMode::Stop) {
        c.loss(Code::UL501, Severity::Warning, r.place("expect"), "`expect stop` has no systemd equivalent")
            .help("systemd has no SIGSTOP readiness protocol: use Type=notify if the daemon speaks sd_notify");
    }
}

/// `env` as `Environment=` / `PassEnvironment=`.
fn environment(c: &mut Ctx, r: &Resolved<'_>) {
    for v in &r.env {
        if !env_name_is_valid(&v.key) {
            c.loss(
                Code::UL501,
                Severity::Warning,
                v.span,
                format!("`env {}`: systemd does not accept this variable name", v.key),
            )
            .help("systemd takes only names of letters, digits and `_`, not starting with a digit: rename the variable (and its uses)");
            continue;
        }
        match &v.value {
            Some(val) => c
                .unit
                .set("Service", "Environment", env_assignment(&v.key, val)),
            None => {
                c.unit.set("Service", "PassEnvironment", plain(&v.key));
                c.loss(Code::UL509, Severity::Warning, v.span, format!("`env {}` takes the value from the service manager", v.key))
                    .help("systemd's PID 1 environment is nearly empty: set the value with Environment= instead");
            }
        }
    }
}

/// `setuid nobody`, which systemd-analyze calls unsafe (`UL515`).
fn setuid_nobody(c: &mut Ctx, r: &Resolved<'_>) {
    // systemd-analyze verify: "Special user nobody configured, this is not
    // safe!" (systemd 252 warns for the user name only, not for 65534 or
    // a `nogroup` group). The unit keeps what the job says.
    if r.setuid.is_some_and(|w| w.value == "nobody") {
        c.loss(
            Code::UL515,
            Severity::Info,
            r.place("setuid"),
            "`setuid nobody` became User=nobody, which systemd calls unsafe",
        )
        .help("every service running as nobody can signal the others and use their files; consider DynamicUser=yes instead of User=nobody: a transient UID (61184-65519) allocated at each start, so files it creates are not owned by nobody (and must not outlive the service); it implies ProtectSystem=strict, ProtectHome=read-only, PrivateTmp=yes, RemoveIPC=yes and NoNewPrivileges=yes, so state must go in StateDirectory=/CacheDirectory=/LogsDirectory=/RuntimeDirectory= or ReadWritePaths=");
    }
}

/// `setuid`, `setgid`, `chroot`, `chdir`, `umask`, `nice`, `oom score`.
fn credentials_and_places(c: &mut Ctx, r: &Resolved<'_>) {
    let u = &mut c.unit;
    if let Some(w) = r.setuid {
        u.set("Service", "User", plain(&w.value));
    }
    if let Some(w) = r.setgid {
        u.set("Service", "Group", plain(&w.value));
    }
    // Upstart's init runs in `/`, so a relative directory is relative to
    // `/`; systemd refuses relative paths, so `chdir` is made absolute.
    if let Some(w) = r.chroot {
        u.set("Service", "RootDirectory", plain(&absolute(&w.value)));
    }
    if let Some(w) = r.chdir {
        u.set("Service", "WorkingDirectory", plain(&absolute(&w.value)));
    }
    if let Some(m) = r.umask {
        u.set("Service", "UMask", format!("{m:04o}"));
    }
    if let Some(n) = r.nice {
        u.set("Service", "Nice", n.to_string());
    }
    if let Some(o) = r.oom {
        u.set("Service", "OOMScoreAdjust", o.score().to_string());
    }
}

/// `limit` as `Limit*=`.
fn limits(c: &mut Ctx, r: &Resolved<'_>) {
    for (res, (soft, hard)) in &r.limits {
        let key = format!("Limit{}", res.as_str().to_ascii_uppercase());
        let val = |v: &LimitValue| match v {
            LimitValue::Unlimited | LimitValue::Value(u64::MAX) => "infinity".to_string(),
            LimitValue::Value(n) => n.to_string(),
        };
        let num = |v: &LimitValue| match v {
            LimitValue::Unlimited => u64::MAX,
            LimitValue::Value(n) => *n,
        };
        if num(soft) > num(hard) {
            // setrlimit() refuses it when upstart spawns the job; systemd
            // ignores the setting with a warning.
            c.loss(
                Code::UL501,
                Severity::Warning,
                r.limit_places.get(res).copied().unwrap_or_default(),
                format!("`limit {}` has its soft value above the hard one: dropped", res.as_str()),
            )
            .help("upstart fails every start of this job (setrlimit: EINVAL) and systemd ignores such a limit; fix the values");
            continue;
        }
        let u = &mut c.unit;
        let value = if soft == hard {
            val(soft)
        } else {
            format!("{}:{}", val(soft), val(hard))
        };
        u.set("Service", &key, value);
    }
}

/// `kill signal` and `kill timeout`.
fn kill(c: &mut Ctx, r: &Resolved<'_>) {
    let u = &mut c.unit;
    if let Some(s) = r.kill_signal {
        u.set("Service", "KillSignal", sig(s.number, s.name.as_deref()));
    }
    match r.kill_timeout {
        Some(0) => {
            u.set("Service", "TimeoutStopSec", "1ms");
            c.loss(
                Code::UL513,
                Severity::Info,
                r.place("kill timeout"),
                "`kill timeout 0` became TimeoutStopSec=1ms",
            )
            .help("TimeoutStopSec=0 would mean no timeout at all in systemd");
        }
        Some(n) => u.set("Service", "TimeoutStopSec", n.to_string()),
        // Keep upstart's default of 5 s rather than systemd's 90 s.
        None => u.set("Service", "TimeoutStopSec", "5"),
    }
}

/// `ExecReload=`: upstart's `reload` sends SIGHUP unless told otherwise.
fn reload(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    if has_main {
        let s = r.reload_signal.map_or_else(
            || "SIGHUP".to_string(),
            |s| sig(s.number, s.name.as_deref()),
        );
        let bare = s.trim_start_matches("SIG");
        c.unit.set(
            "Service",
            "ExecReload",
            format!("/bin/kill -{bare} $MAINPID"),
        );
    }
}

/// `apparmor switch`, and the stanzas that are not converted (`cgroup`,
/// `debug`, ChromiumOS `import`/`tmpfiles`).
fn other_stanzas(c: &mut Ctx, r: &Resolved<'_>) {
    if let Some(p) = r.apparmor_switch {
        c.unit.set("Service", "AppArmorProfile", plain(&p.value));
    }
    if !r.cgroups.is_empty() {
        c.loss(
            Code::UL501,
            Severity::Warning,
            r.place("cgroup"),
            "`cgroup` is not converted",
        )
        .help("use systemd resource control (MemoryMax=, CPUWeight=, Slice=) by hand");
    }
    if r.debug {
        c.loss(
            Code::UL501,
            Severity::Info,
            r.place("debug"),
            "`debug` is dropped",
        );
    }
    for w in r.imports.iter().chain(r.tmpfiles.iter()) {
        c.loss(Code::UL501, Severity::Warning, w.span, "ChromiumOS `import`/`tmpfiles` are not converted")
            .help("tmpfiles: use systemd-tmpfiles (tmpfiles.d); import: pass the variable with Environment=");
    }
}

pub(super) fn restart(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    if !has_main {
        return;
    }
    let codes: Vec<String> = r
        .normal_exit
        .iter()
        .map(|s| match s {
            ExitStatus::Signal { signal } => sig(signal.number, signal.name.as_deref()),
            ExitStatus::Code { code, .. } if *code > 255 && code % 256 == 0 => {
                sig(code / 256, None)
            }
            ExitStatus::Code { code, .. } => code.to_string(),
        })
        .collect();
    if r.respawn {
        c.unit.set(
            "Service",
            "Restart",
            if r.task { "on-failure" } else { "always" },
        );
        if !codes.is_empty() {
            c.unit
                .set("Service", "RestartPreventExitStatus", codes.join(" "));
        }
        let (count, interval) = r.respawn_limit_values();
        if count == 0 || interval == 0 {
            c.unit.set("Unit", "StartLimitIntervalSec", "0");
        } else {
            c.unit
                .set("Unit", "StartLimitIntervalSec", interval.to_string());
            c.unit
                .set("Unit", "StartLimitBurst", (count + 1).to_string());
            c.loss(
                Code::UL508,
                Severity::Info,
                // Upstart's default limit has no stanza: point at `respawn`.
                if r.respawn_limit.is_some() {
                    r.place("respawn limit")
                } else {
                    r.place("respawn")
                },
                format!(
                    "respawn limit {count} in {interval} s became StartLimitBurst={}",
                    count + 1
                ),
            )
            .help("systemd counts every start, the first one too, so the burst is one higher");
        }
    } else if let Some(RespawnLimit::Count { count, .. }) = r.respawn_limit {
        c.loss(
            Code::UL501,
            Severity::Warning,
            count.span,
            "`respawn limit` without `respawn` is dropped",
        )
        .help("upstart never respawns this job either; add `respawn` if it should");
    }
    let success: Vec<&String> = codes.iter().filter(|s| *s != "0").collect();
    if !success.is_empty() {
        c.unit.set(
            "Service",
            "SuccessExitStatus",
            success
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
}

pub(super) fn console(c: &mut Ctx, r: &Resolved<'_>) {
    let u = &mut c.unit;
    match r.console {
        Some(ConsoleMode::None) => {
            u.set("Service", "StandardOutput", "null");
            u.set("Service", "StandardError", "null");
        }
        Some(ConsoleMode::Output) => {
            u.set("Service", "StandardOutput", "tty");
            u.set("Service", "StandardError", "tty");
            u.set("Service", "TTYPath", "/dev/console");
        }
        Some(ConsoleMode::Owner) => {
            u.set("Service", "StandardInput", "tty-force");
            u.set("Service", "StandardOutput", "inherit");
            u.set("Service", "StandardError", "inherit");
            u.set("Service", "TTYPath", "/dev/console");
        }
        // `console log` (upstart's default): the journal.
        Some(ConsoleMode::Log) | None => {
            if r.console == Some(ConsoleMode::Log) {
                c.loss(Code::UL506, Severity::Info, r.place("console"), "`console log` output goes to the journal")
                    .help("it was /var/log/upstart/JOB.log through a pty; programs may now buffer their output");
            }
        }
    }
}
