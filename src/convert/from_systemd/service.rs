//! The `[Service]` section: type, restart policy, console, environment,
//! resource limits, kill and the processes.

use super::*;

/// What `Type=` and `RemainAfterExit=` make of the service.
struct ServiceKind {
    /// `Type=` and where its value is.
    typ: Option<(String, Span)>,
    oneshot: bool,
    /// Whether the job has a main process (not a oneshot that remains).
    has_main: bool,
}

pub(super) fn service(c: &mut Ctx<'_>, instance_env: &Option<String>) {
    let kind = service_kind(c);
    let (respawn, normal) = restart_policy(c, kind.oneshot);
    respawn_limit(c, respawn);
    normal_exit(c, &normal);
    console(c);
    environment(c, instance_env);
    identity_and_places(c);
    resources(c);
    kill(c);
    reload(c);
    let (procs, guards, start_count, stop_count) = process_table(c, kind.has_main);
    add_processes(c, &kind, procs, &guards);
    refuse_without_start(c, &kind, start_count, stop_count);
    drop_orphan_options(c);
}

/// `Type=` and `RemainAfterExit=`: `task`, `expect fork`, or what is lost.
fn service_kind(c: &mut Ctx<'_>) -> ServiceKind {
    let typ = c
        .last("Service", "Type")
        .map(|e| (e.value.clone(), e.value_span));
    let remain = c
        .last("Service", "RemainAfterExit")
        .is_some_and(|e| matches!(e.value.as_str(), "yes" | "true" | "1" | "on"));
    // Without `Type=`, a service with no ExecStart= systemd accepts is a
    // oneshot (systemd's `service_add_extras`).
    let no_start = c.unit.values("Service", "ExecStart").iter().all(|e| {
        crate::convert::systemd_unit::parse_exec(&e.value).map_or(true, |cmds| cmds.is_empty())
    });
    let oneshot = typ.as_ref().is_some_and(|(t, _)| t == "oneshot") || (typ.is_none() && no_start);
    let has_main = !(oneshot && remain);
    if remain
        && !oneshot
        && let Some(e) = c.unit.last("Service", "RemainAfterExit")
    {
        c.loss(
            Code::UL701,
            Severity::Warning,
            e.value_span,
            "`RemainAfterExit=` with a main process has no upstart equivalent".into(),
        );
    }
    match &typ {
        Some((t, _)) if t == "oneshot" && has_main => c.items.push(item(StanzaKind::Task)),
        Some((t, span)) if t == "forking" => {
            c.items.push(item(StanzaKind::Expect {
                mode: Spanned::new(ExpectMode::Fork, Span::default()),
            }));
            if let Some(p) = c.last("Service", "PIDFile") {
                c.loss(
                    Code::UL703,
                    Severity::Warning,
                    p.value_span,
                    "`PIDFile=` has no upstart equivalent".into(),
                );
                c.help("upstart follows the fork count: check `expect fork` (one fork) against `expect daemon` (two)");
            }
            let _ = span;
        }
        Some((t, span)) if matches!(t.as_str(), "notify" | "dbus" | "idle" | "exec") => {
            let sev = match t.as_str() {
                "notify" => Severity::Error,
                "dbus" => Severity::Warning,
                _ => Severity::Info,
            };
            c.loss(
                Code::UL703,
                sev,
                *span,
                format!("`Type={t}` is not supported: the job is a simple service"),
            );
        }
        Some((t, span)) if t != "simple" && t != "oneshot" => {
            c.loss(
                Code::UL703,
                Severity::Warning,
                *span,
                format!("`Type={t}` is not known"),
            );
        }
        _ => {}
    }

    ServiceKind {
        typ,
        oneshot,
        has_main,
    }
}

/// `Restart=` and the exit statuses that count as normal: whether the job
/// respawns, and its `normal exit` list.
fn restart_policy(c: &mut Ctx<'_>, oneshot: bool) -> (bool, Vec<String>) {
    let mut respawn = false;
    let mut normal: Vec<String> = Vec::new();
    if let Some(e) = c.last("Service", "Restart") {
        match e.value.as_str() {
            "no" => {}
            "always" => respawn = true,
            "on-failure" => {
                respawn = true;
                if !oneshot {
                    normal.extend(["0", "TERM", "HUP", "INT", "PIPE"].map(str::to_string));
                }
            }
            other => {
                respawn = true;
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("`Restart={other}` is approximated by `respawn`"),
                );
            }
        }
    }
    for key in ["RestartPreventExitStatus", "SuccessExitStatus"] {
        for (v, e) in c.list("Service", key) {
            let v = v.trim_start_matches("SIG").to_string();
            // systemd takes 0-255 or a signal name and ignores the rest.
            let named = crate::syntax::values::SIGNALS.iter().any(|(n, _)| *n == v);
            if v.parse::<u8>().is_err() && !named {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!(
                        "`{key}={v}`: not an exit status (0-255) or signal name; systemd ignores it"
                    ),
                );
                continue;
            }
            if !normal.contains(&v) {
                normal.push(v);
            }
        }
    }
    (respawn, normal)
}

/// `StartLimitIntervalSec=`/`StartLimitBurst=` as `respawn` and `respawn limit`.
fn respawn_limit(c: &mut Ctx<'_>, respawn: bool) {
    // StartLimitBurst=1 allows the first start only: a restart always hits
    // the start limit and the unit fails. upstart's `respawn limit 0` means
    // no limit at all, so the nearest job does not respawn.
    let burst_one = c
        .last("Unit", "StartLimitBurst")
        .or_else(|| c.last("Service", "StartLimitBurst"))
        .filter(|e| e.value.trim().parse::<u64>() == Ok(1))
        .map(|e| e.value_span);
    if let (true, Some(span)) = (respawn, burst_one) {
        c.loss(
            Code::UL702,
            Severity::Warning,
            span,
            "`StartLimitBurst=1` allows no restart: the job does not respawn (upstart's `respawn limit 0` would mean no limit)".to_string(),
        );
    }
    if respawn && burst_one.is_none() {
        c.items.push(item(StanzaKind::Respawn));
        let interval = c
            .last("Unit", "StartLimitIntervalSec")
            .or_else(|| c.last("Service", "StartLimitInterval"))
            .map(|e| (e.value.clone(), e.value_span));
        let burst = c
            .last("Unit", "StartLimitBurst")
            .or_else(|| c.last("Service", "StartLimitBurst"))
            .map(|e| (e.value.clone(), e.value_span));
        // upstart reads both numbers with strtol: at most i64::MAX.
        let iv = interval
            .as_ref()
            .and_then(|(v, _)| timespan(v))
            .filter(|s| *s < 9.0e18);
        if iv == Some(0.0) {
            c.items.push(item(StanzaKind::RespawnLimit {
                limit: RespawnLimit::Unlimited {
                    span: Span::default(),
                },
            }));
        } else if interval.is_some() || burst.is_some() {
            let b = burst
                .as_ref()
                .and_then(|(v, _)| v.trim().parse::<u64>().ok())
                .filter(|b| i64::try_from(*b).is_ok());
            // systemd's defaults: 10 s, 5 starts (so 4 restarts). upstart
            // keeps the count in a C int: a larger one is no limit anyway.
            let count = b
                .unwrap_or(5)
                .saturating_sub(1)
                .min(u64::from(i32::MAX.unsigned_abs()));
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let secs = iv.unwrap_or(10.0).round() as u64;
            if count == 0 {
                c.items.push(item(StanzaKind::RespawnLimit {
                    limit: RespawnLimit::Unlimited {
                        span: Span::default(),
                    },
                }));
            } else {
                c.items.push(item(StanzaKind::RespawnLimit {
                    limit: RespawnLimit::Count {
                        count: Spanned::new(count, Span::default()),
                        interval: Spanned::new(secs.max(1), Span::default()),
                    },
                }));
            }
        }
    } else if !respawn {
        for (sec, key) in [
            ("Unit", "StartLimitIntervalSec"),
            ("Unit", "StartLimitBurst"),
            ("Service", "StartLimitInterval"),
            ("Service", "StartLimitBurst"),
        ] {
            if let Some(e) = c.last(sec, key) {
                c.loss(
                    Code::UL701,
                    Severity::Info,
                    e.value_span,
                    format!("`{key}=` without `Restart=` has no upstart equivalent"),
                );
            }
        }
    }
}

/// The `normal exit` stanza of the statuses `restart_policy` collected.
fn normal_exit(c: &mut Ctx<'_>, normal: &[String]) {
    if !normal.is_empty() {
        let statuses: Vec<ExitStatus> = normal
            .iter()
            .filter_map(|v| match v.parse::<u8>() {
                Ok(code) => Some(ExitStatus::Code {
                    code: i64::from(code),
                    span: Span::default(),
                }),
                // Only names are left (anything else was reported above).
                Err(_) => signal(v).map(|signal| ExitStatus::Signal { signal }),
            })
            .collect();
        if !statuses.is_empty() {
            c.items.push(item(StanzaKind::NormalExit { statuses }));
        }
    }
}

/// `StandardOutput=`, `StandardError=`, `StandardInput=`, `TTYPath=` as `console`.
fn console(c: &mut Ctx<'_>) {
    let out = c.last("Service", "StandardOutput").map(|e| e.value.clone());
    if let Some(e) = c.last("Service", "StandardError")
        && Some(&e.value) != out.as_ref()
        && e.value != "inherit"
    {
        c.loss(
            Code::UL701,
            Severity::Warning,
            e.value_span,
            "upstart sends standard error where standard output goes".into(),
        );
    }
    let input = c
        .unit
        .last("Service", "StandardInput")
        .map(|e| e.value.clone());
    let tty = c.last("Service", "TTYPath");
    let console = if input.as_deref() == Some("tty-force") {
        c.mark("Service", "StandardInput");
        Some(ConsoleMode::Owner)
    } else {
        match out.as_deref() {
            Some("null") => Some(ConsoleMode::None),
            Some("tty") => Some(ConsoleMode::Output),
            Some("journal" | "kmsg" | "syslog" | "inherit" | "journal+console") => {
                Some(ConsoleMode::Log)
            }
            Some(other) => {
                if let Some(e) = c.unit.last("Service", "StandardOutput") {
                    c.loss(
                        Code::UL701,
                        Severity::Warning,
                        e.value_span,
                        format!("`StandardOutput={other}` has no upstart equivalent"),
                    );
                }
                None
            }
            None => None,
        }
    };
    if let Some(t) = tty
        && t.value != "/dev/console"
    {
        c.loss(
            Code::UL701,
            Severity::Warning,
            t.value_span,
            "upstart's console is /dev/console".into(),
        );
    }
    if let Some(mode) = console {
        c.items.push(item(StanzaKind::Console {
            mode: Spanned::new(mode, Span::default()),
        }));
    }
}

/// `Environment=` and `PassEnvironment=` as `env` (the template's instance
/// variable, `instance_env`, is the instance stanza's, not an `env`).
fn environment(c: &mut Ctx<'_>, instance_env: &Option<String>) {
    for e in c.values("Service", "Environment") {
        for w in split_words(&e.value) {
            let Some((k, v)) = w.split_once('=') else {
                c.loss(
                    Code::UL706,
                    Severity::Warning,
                    e.value_span,
                    format!("`Environment={w}` has no `=`"),
                );
                continue;
            };
            if instance_env.as_deref() == Some(k) && matches!(v, "%I" | "%i") {
                continue;
            }
            // systemd's env_name_is_valid: letters, digits and `_`, not
            // starting with a digit; it ignores any other assignment.
            let valid = k.chars().next().is_some_and(|c| !c.is_ascii_digit())
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid {
                c.loss(
                    Code::UL706,
                    Severity::Warning,
                    e.value_span,
                    format!(
                        "`Environment={}`: not a variable name systemd accepts; it ignores the assignment",
                        k.replace(['\n', '\r'], " ")
                    ),
                );
                continue;
            }
            if v.contains(['\n', '\r']) {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("`{k}=`: a line break in the value becomes a blank (upstart values are one line)"),
                );
            }
            let raw = v;
            let v = c.spec(v);
            if expands(&v) {
                // As written (systemd does not expand `$` here either), or
                // the instance name a specifier gave, which `env` cannot.
                let (sev, why) = if expands(raw) {
                    (
                        Severity::Info,
                        "systemd does not expand `$` in Environment= either: the value is the same text in both",
                    )
                } else {
                    (
                        Severity::Warning,
                        "systemd put the instance name here; upstart's `env` cannot",
                    )
                };
                c.loss(
                    Code::UL709,
                    sev,
                    e.value_span,
                    format!(
                        "`env {k}={}` is stored as written, `$` and all: {why} (upstart-lint: UL110)",
                        v.replace(['\n', '\r'], " ")
                    ),
                );
                c.help("to build a value from other variables, set it in the scripts that use it");
            }
            c.items.push(item(StanzaKind::Env {
                var: EnvVar {
                    key: k.into(),
                    value: Some(v.replace(['\n', '\r'], " ").into()),
                    span: Span::default(),
                },
            }));
        }
    }
    for (k, _) in c.list("Service", "PassEnvironment") {
        c.items.push(item(StanzaKind::Env {
            var: EnvVar {
                key: k.into(),
                value: None,
                span: Span::default(),
            },
        }));
    }
}

/// `User=`, `Group=`, `RootDirectory=`, `WorkingDirectory=`, `AppArmorProfile=`.
fn identity_and_places(c: &mut Ctx<'_>) {
    for (key, idx) in [
        ("User", 0),
        ("Group", 1),
        ("RootDirectory", 2),
        ("WorkingDirectory", 3),
        ("AppArmorProfile", 4),
    ] {
        if let Some(e) = c.last("Service", key) {
            let mut v = plain_value(c, &e.value);
            if idx == 3 {
                if let Some(rest) = v.strip_prefix('-') {
                    v = rest.to_string();
                    c.loss(
                        Code::UL701,
                        Severity::Info,
                        e.value_span,
                        "the `-` of WorkingDirectory= (ignore a missing directory) is lost".into(),
                    );
                }
                if v == "~" {
                    v = "/root".into();
                }
            }
            // Empty resets the setting to systemd's default; upstart has no
            // empty argument (and `WorkingDirectory=-` is just the prefix).
            if v.is_empty() {
                continue;
            }
            let w = word(&v);
            c.items.push(item(match idx {
                0 => StanzaKind::Setuid { user: w },
                1 => StanzaKind::Setgid { group: w },
                2 => StanzaKind::Chroot { dir: w },
                3 => StanzaKind::Chdir { dir: w },
                _ => StanzaKind::ApparmorSwitch { profile: w },
            }));
        }
    }
}

/// `UMask=`, `Nice=`, `OOMScoreAdjust=` and the `Limit*=` keys.
fn resources(c: &mut Ctx<'_>) {
    if let Some(e) = c.last("Service", "UMask") {
        match u32::from_str_radix(e.value.trim(), 8) {
            Ok(m) if m <= 0o777 => c.items.push(item(StanzaKind::Umask {
                mask: Spanned::new(m, Span::default()),
            })),
            _ => c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("invalid `UMask={}`", e.value),
            ),
        }
    }
    if let Some(e) = c.last("Service", "Nice") {
        match e.value.trim().parse::<i32>() {
            Ok(n) if (-20..=19).contains(&n) => c.items.push(item(StanzaKind::Nice {
                value: Spanned::new(n, Span::default()),
            })),
            _ => c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("invalid `Nice={}`", e.value),
            ),
        }
    }
    if let Some(e) = c.last("Service", "OOMScoreAdjust") {
        match e.value.trim().parse::<i32>() {
            Ok(n) if (-1000..=1000).contains(&n) => c.items.push(item(StanzaKind::Oom {
                oom: Spanned::new(Oom::Score { score: n }, Span::default()),
            })),
            _ => c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("invalid `OOMScoreAdjust={}`", e.value),
            ),
        }
    }
    let limit_keys: Vec<String> = c
        .unit
        .sections
        .iter()
        .filter(|s| s.name == "Service")
        .flat_map(|s| s.entries.iter())
        .filter(|e| e.key.starts_with("Limit"))
        .map(|e| e.key.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for key in limit_keys {
        let Some(e) = c.last("Service", &key) else {
            continue;
        };
        let res = Resource::from_name(&key["Limit".len()..].to_ascii_lowercase());
        let (soft, hard) = e.value.split_once(':').unwrap_or((&e.value, &e.value));
        match (res, limit_value(soft), limit_value(hard)) {
            (Some(resource), Some(soft), Some(hard)) => c.items.push(item(StanzaKind::Limit {
                resource: Spanned::new(resource, Span::default()),
                soft: Box::new(Spanned::new(soft, Span::default())),
                hard: Box::new(Spanned::new(hard, Span::default())),
            })),
            (None, _, _) => c.loss(
                Code::UL701,
                Severity::Warning,
                e.value_span,
                format!("`{key}=` has no upstart equivalent"),
            ),
            _ => c.loss(
                Code::UL701,
                Severity::Warning,
                e.value_span,
                format!(
                    "`{key}={}` is not converted (time or unknown units)",
                    e.value
                ),
            ),
        }
    }
}

/// `KillSignal=` and `TimeoutStopSec=`.
fn kill(c: &mut Ctx<'_>) {
    if let Some(e) = c.last("Service", "KillSignal") {
        match signal(&e.value) {
            Some(signal) => c.items.push(item(StanzaKind::KillSignal { signal })),
            None => c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("unknown signal `{}`", e.value),
            ),
        }
    }
    if let Some(e) = c.last("Service", "TimeoutStopSec") {
        let v = e.value.trim();
        if v == "infinity" || v == "0" {
            c.loss(
                Code::UL701,
                Severity::Warning,
                e.value_span,
                format!("`TimeoutStopSec={v}` (no timeout) has no upstart equivalent"),
            );
            c.help("upstart always sends SIGKILL after `kill timeout`: set a large one");
        } else {
            // upstart reads `kill timeout` with strtol: at most i64::MAX.
            match timespan(v).filter(|s| *s < 9.0e18) {
                Some(secs) => {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let n = if secs < 1.0 { 0 } else { secs.round() as u64 };
                    c.items.push(item(StanzaKind::KillTimeout {
                        seconds: Spanned::new(n, Span::default()),
                    }));
                }
                None => c.loss(
                    Code::UL706,
                    Severity::Warning,
                    e.value_span,
                    format!("invalid `TimeoutStopSec={v}`"),
                ),
            }
        }
    }
}

/// `ExecReload=`: a kill of the main process is `reload signal`.
fn reload(c: &mut Ctx<'_>) {
    let reload = c.cmds("ExecReload");
    if let [cmd] = reload.as_slice()
        && let Some(sig) = kill_signal(cmd)
    {
        if sig.number != 1 {
            c.items.push(item(StanzaKind::ReloadSignal { signal: sig }));
        }
    } else if let Some(cmd) = reload.first() {
        c.loss(
            Code::UL701,
            Severity::Warning,
            cmd.entry,
            "`ExecReload=` other than a kill of the main process has no upstart equivalent".into(),
        );
    }
}

/// One upstart process: its kind, commands, whether upstart ignores its
/// failure anyway, and the key it comes from.
type ProcessEntry = (ProcessKind, Vec<Cmd>, bool, &'static str);

/// The `Exec*=` commands sorted into upstart processes, the pre-start
/// guard lines, and the numbers of ExecStart= commands and ExecStop= entries.
fn process_table(
    c: &mut Ctx<'_>,
    has_main: bool,
) -> (Vec<ProcessEntry>, Vec<String>, usize, usize) {
    let pre = c.cmds("ExecStartPre");
    let start = c.cmds("ExecStart");
    let start_count = start.len();
    let stop_count = c.values("Service", "ExecStop").len();
    let post = c.cmds("ExecStartPost");
    let stop = c.cmds("ExecStop");
    let stop_post = c.cmds("ExecStopPost");
    // Conditions become `TEST || { stop; exit 0; }` lines at the top of
    // pre-start (the reverse of the forward mapping); without a main process
    // there is no pre-start to hold them.
    let guards = if has_main {
        guard_lines(c)
    } else {
        for e in c.values("Service", "ExecCondition") {
            c.loss(
                Code::UL705,
                Severity::Warning,
                e.value_span,
                "`ExecCondition=` is dropped (the unit has no ExecStart= to guard)".into(),
            );
        }
        Vec::new()
    };
    // `apparmor load` (the forward mapping's ExecStartPre=/ExecStart=).
    let (pre, start) = {
        let mut profile = None;
        let mut take = |cmds: Vec<Cmd>| -> Vec<Cmd> {
            cmds.into_iter()
                .filter(|cmd| {
                    let p = apparmor_profile(cmd);
                    if p.is_some() && profile.is_none() {
                        profile = p;
                        return false;
                    }
                    true
                })
                .collect()
        };
        let pre = take(pre);
        let start = take(start);
        if let Some(p) = profile {
            c.items
                .push(item(StanzaKind::ApparmorLoad { profile: word(&p) }));
        }
        (pre, start)
    };
    let mut procs: Vec<ProcessEntry> = Vec::new();
    if has_main {
        procs.push((ProcessKind::PreStart, pre, false, "ExecStartPre="));
        procs.push((ProcessKind::Main, start, false, "ExecStart="));
        procs.push((ProcessKind::PostStart, post, true, "ExecStartPost="));
        procs.push((ProcessKind::PreStop, stop, true, "ExecStop="));
        procs.push((ProcessKind::PostStop, stop_post, false, "ExecStopPost="));
    } else {
        // A oneshot that remains: start commands are its start, stop ones
        // its stop (the reverse of the forward mapping).
        let (late, early): (Vec<Cmd>, Vec<Cmd>) =
            start.into_iter().partition(|c| c.prefixes.ignore_failure);
        let mut pre_all = pre;
        pre_all.extend(early);
        let mut post_all = late;
        post_all.extend(post);
        // Upstart runs `pre-stop` only while a main process is alive: never
        // here. Every stop command goes to post-stop, in order (a `-`
        // prefix keeps its meaning there, see `process`).
        let mut post_stop = stop;
        post_stop.extend(stop_post);
        procs.push((ProcessKind::PreStart, pre_all, false, "ExecStart="));
        procs.push((ProcessKind::PostStart, post_all, true, "ExecStartPost="));
        procs.push((ProcessKind::PostStop, post_stop, false, "ExecStop="));
    }
    (procs, guards, start_count, stop_count)
}

/// The processes as `exec`/`script` stanzas, the guards at the top of pre-start.
fn add_processes(c: &mut Ctx<'_>, kind: &ServiceKind, procs: Vec<ProcessEntry>, guards: &[String]) {
    let (typ, oneshot) = (&kind.typ, kind.oneshot);
    let forking = typ.as_ref().is_some_and(|(t, _)| t == "forking");
    for (kind, mut cmds, ignore_ok, what) in procs {
        if kind == ProcessKind::Main && forking {
            expect_fork_main(c, &mut cmds);
        }
        if kind == ProcessKind::Main && cmds.len() > 1 && !oneshot {
            c.loss(
                Code::UL701,
                Severity::Warning,
                cmds[1].entry,
                "several ExecStart= outside a oneshot".into(),
            );
        }
        let body = c.process(&cmds, ignore_ok, what);
        let body = if kind == ProcessKind::PreStart && !guards.is_empty() {
            let mut text = guards.join("\n");
            match &body {
                Some(ProcessBody::Exec { command, .. }) => {
                    text.push('\n');
                    text.push_str(&command.value);
                }
                Some(ProcessBody::Script { body, .. }) => {
                    text.push('\n');
                    text.push_str(body);
                }
                None => {}
            }
            Some(script(text))
        } else {
            body
        };
        if kind == ProcessKind::Main
            && forking
            && let Some(ProcessBody::Script { body: text, .. }) = &body
        {
            let flow = crate::shell::script_flow(text);
            if flow.fork.is_some() || !flow.execs {
                c.loss(
                    Code::UL703,
                    Severity::Warning,
                    cmds.first().map_or_else(Span::default, |cmd| cmd.entry),
                    "`Type=forking` with a shell script as ExecStart=: `expect fork` follows the script's first fork, not the daemon's (upstart-lint: UL204)".into(),
                );
                c.help("end the script with `exec DAEMON` and nothing that forks before it; move the rest to pre-start");
            }
        }
        if let Some(body) = body {
            c.items.push(item(StanzaKind::Process {
                process: kind,
                body,
            }));
        }
    }
}

/// A unit systemd refuses to load for want of ExecStart= (`UL708`).
fn refuse_without_start(
    c: &mut Ctx<'_>,
    kind: &ServiceKind,
    start_count: usize,
    stop_count: usize,
) {
    let (typ, oneshot) = (&kind.typ, kind.oneshot);
    // systemd's `service_verify`: a service needs ExecStart=, ExecStop= or
    // SuccessAction=, and only a oneshot may lack ExecStart=.
    let refused = if !oneshot {
        Some("only a Type=oneshot service may lack ExecStart=")
    } else if stop_count == 0 && c.unit.last("Unit", "SuccessAction").is_none() {
        Some("a service needs ExecStart=, ExecStop= or SuccessAction=")
    } else {
        None
    };
    if let Some(why) = refused.filter(|_| start_count == 0 && c.unit.name.ends_with(".service")) {
        c.loss(
            Code::UL708,
            Severity::Error,
            c.unit
                .values("Service", "ExecStart")
                .first()
                .map(|e| e.value_span)
                .or_else(|| typ.as_ref().map(|(_, span)| *span))
                .unwrap_or_default(),
            format!("the unit has no ExecStart= that systemd accepts, and {why}: systemd refuses to load it, and the job has no main process"),
        );
        c.help("fix or add ExecStart= in the unit (a build placeholder such as @BINDIR@ is not a path), then convert it again");
    }
}

/// `Type=forking`: upstart's `expect fork` follows the forks of the main
/// process, so the daemon's command must be `exec`ed, not run by a shell
/// that ignores its failure (the `-` prefix).
pub(super) fn expect_fork_main(c: &mut Ctx<'_>, cmds: &mut [Cmd]) {
    if let [cmd] = cmds
        && cmd.prefixes.ignore_failure
        && shell_body(cmd).is_none()
    {
        cmd.prefixes.ignore_failure = false;
        c.loss(
            Code::UL701,
            Severity::Warning,
            cmd.entry,
            "the `-` of ExecStart= (ignore a failure) is lost: with `Type=forking` the job `exec`s the command so that `expect fork` follows its forks, and a failing start fails the job".into(),
        );
        c.help("a shell around it (`cmd || true`) would be the process upstart follows (upstart-lint: UL204)");
    }
}

/// A job without a main process (no ExecStart= converted, or a oneshot
/// that remains) has nothing for `respawn`, `expect`, `kill`… to act on,
/// and without any process nothing for `setuid`, `limit`, `console`…:
/// they are left out and reported (`UL708`).
pub(super) fn drop_orphan_options(c: &mut Ctx<'_>) {
    let procs: Vec<ProcessKind> = c
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Stanza(Stanza {
                kind: StanzaKind::Process { process, .. },
                ..
            }) => Some(*process),
            _ => None,
        })
        .collect();
    if procs.contains(&ProcessKind::Main) {
        return;
    }
    let no_process = procs.is_empty();
    let mut dropped: Vec<String> = Vec::new();
    c.items.retain(|i| match i {
        Item::Stanza(s)
            if s.kind.acts_on_main_process_only()
                || (no_process && s.kind.acts_on_every_process()) =>
        {
            let k = s.kind.keyword().to_string();
            if !dropped.contains(&k) {
                dropped.push(k);
            }
            false
        }
        _ => true,
    });
    if dropped.is_empty() {
        return;
    }
    let list = dropped
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = if no_process {
        "no process at all"
    } else {
        "no main process (only hooks)"
    };
    c.loss(
        Code::UL708,
        Severity::Warning,
        Span::default(),
        format!(
            "the job has {what}: {list} would act on nothing and {} left out (upstart-lint: UL211)",
            if dropped.len() == 1 { "is" } else { "are" }
        ),
    );
}

/// `-/sbin/apparmor_parser -r -W PROFILE` → PROFILE.
pub(super) fn apparmor_profile(cmd: &Cmd) -> Option<String> {
    if !cmd.prefixes.ignore_failure {
        return None;
    }
    let words: Vec<&str> = cmd.argv.iter().map(Arg::lit).collect::<Option<_>>()?;
    match words.as_slice() {
        [prog, r, w, profile] if *prog == "/sbin/apparmor_parser" && *r == "-r" && *w == "-W" => {
            Some((*profile).to_string())
        }
        _ => None,
    }
}

/// `/bin/kill -SIG $MAINPID` → SIG.
pub(super) fn kill_signal(cmd: &Cmd) -> Option<Signal> {
    let [prog, flag, pid] = cmd.argv.as_slice() else {
        return None;
    };
    if !matches!(prog.lit()?, "/bin/kill" | "kill" | "/usr/bin/kill") {
        return None;
    }
    if !pid.is_var("MAINPID") {
        return None;
    }
    let f = flag.lit()?;
    let s = f
        .strip_prefix("-s")
        .map_or(f.trim_start_matches('-'), |r| r);
    signal(s)
}
