//! Upstart job → systemd units (spec/conversion.md Part A, escaping per
//! Part B). Every loss of meaning becomes a [`Loss`] with a `UL5xx` code, so
//! `upstart-lint --select UL5` can report the same findings.

use super::guard;
use super::unit_writer::{
    Unit, env_assignment, exec_program, exec_word, path_unit_name, plain, unit_name,
};
use crate::ast::{
    ConsoleMode, EventArg, EventExpr, EventMatch, ExitStatus, ExpectMode, LimitValue, Operator,
    ProcessBody, ProcessKind, Resolved, RespawnLimit,
};
use crate::diag::Code;
use crate::diag::Severity;
use crate::facts::events;
use crate::source::Span;
use crate::syntax::values::signal_name;

/// One lost or changed piece of meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// A unit file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputUnit {
    /// File name, e.g. `web.service`, `tty@.service`, `my_event.target`.
    pub file_name: String,
    pub unit: Unit,
}

/// The result of converting one job.
#[derive(Clone, Debug, Default)]
pub struct Conversion {
    /// The service (or target) first, then generated event targets.
    pub units: Vec<OutputUnit>,
    pub losses: Vec<Loss>,
    /// What the user must do by hand (enable, start an event target…).
    pub notes: Vec<String>,
}

/// Whether upstart runs this command text through the shell.
pub use crate::facts::shell::runs_through_shell as needs_shell;

/// Variables upstart provides that are empty under systemd.
const UPSTART_VARS: &[&str] = &[
    "UPSTART_JOB",
    "UPSTART_INSTANCE",
    "UPSTART_EVENTS",
    "UPSTART_STOP_EVENTS",
    "UPSTART_FDS",
];

/// The first of upstart's job-control commands (`start`, `stop`, …) that a
/// shell text runs as a command: the first word of a line or of a command
/// after `;`, `&&`, `||`, `|`, and after `{`, `(`, `!`, `if`, `then`, `do`,
/// `else`…. A heuristic over words, good enough to point at the process.
fn job_control_command(text: &str) -> Option<(&'static str, usize)> {
    const COMMANDS: [&str; 5] = ["start", "stop", "restart", "reload", "status"];
    const BEFORE: [&str; 11] = [
        "{", "(", "!", "then", "do", "else", "time", "if", "elif", "while", "until",
    ];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let code = line.split(" #").next().unwrap_or(line).trim_start();
        if code.starts_with('#') {
            continue;
        }
        // `start|restart) …` is a case pattern, not a command.
        let code = match code.find(')') {
            Some(i) if !code[..i].contains(['(', ' ', '\t']) => &code[i + 1..],
            _ => code,
        };
        for part in code.split([';', '|', '&']) {
            let first = part.split_whitespace().find(|w| !BEFORE.contains(w));
            if let Some(cmd) = COMMANDS.iter().find(|c| first == Some(**c)) {
                return Some((cmd, start));
            }
        }
    }
    None
}

struct Ctx {
    unit: Unit,
    losses: Vec<Loss>,
    notes: Vec<String>,
    extra: Vec<OutputUnit>,
    job: String,
    /// The template's `Environment="VAR=%I"`, written after the `env`
    /// stanzas (see [`instance`]).
    instance_env: Option<String>,
}

impl Ctx {
    fn loss(
        &mut self,
        code: Code,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Loss {
        self.losses.push(Loss {
            code,
            severity,
            span,
            message: message.into(),
            help: None,
        });
        let i = self.losses.len() - 1;
        &mut self.losses[i]
    }
}

impl Loss {
    fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}

/// The `Exec*=` value that runs what upstart runs for this process.
#[must_use]
pub fn exec_line(body: &ProcessBody) -> String {
    exec_line_in(body, "/")
}

/// [`exec_line`] for a process that upstart runs in the directory `cwd`
/// (absolute): `execvp` finds a relative program path with a `/` there,
/// while systemd refuses such a path.
#[must_use]
pub fn exec_line_in(body: &ProcessBody, cwd: &str) -> String {
    match body {
        ProcessBody::Exec { command, .. } => {
            let cmd = command.value.as_str();
            if needs_shell(cmd) {
                format!("/bin/sh -ec {}", exec_word(&format!("exec {cmd}")))
            } else {
                let mut words = cmd.split([' ', '\t', '\r', '\n']).filter(|w| !w.is_empty());
                let program = words.next().map(|p| {
                    if p.contains('/') && !p.starts_with('/') {
                        format!("{}/{p}", cwd.trim_end_matches('/'))
                    } else {
                        p.to_string()
                    }
                });
                let mut out = program.as_deref().map(exec_program).unwrap_or_default();
                for w in words {
                    out.push(' ');
                    out.push_str(&exec_word(w));
                }
                out
            }
        }
        ProcessBody::Script { body, .. } => {
            // A one-line script is given to `sh -c` without its newline, as
            // upstart does; a longer one keeps every byte.
            let single = body.trim_end_matches('\n');
            let text = if single.contains('\n') {
                body.as_str()
            } else {
                single
            };
            format!("/bin/sh -ec {}", exec_word(text))
        }
    }
}

/// Whether systemd accepts `name` in `Environment=`/`PassEnvironment=`.
fn env_name_is_valid(name: &str) -> bool {
    name.starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '_')
        && name
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

/// A directory as upstart uses it: relative to `/`, where init runs.
fn absolute(dir: &str) -> String {
    if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("/{dir}")
    }
}

fn body_span(body: &ProcessBody) -> Span {
    match body {
        ProcessBody::Exec { command, .. } => command.span,
        ProcessBody::Script { body_span, .. } => *body_span,
    }
}

fn body_text(body: &ProcessBody) -> &str {
    match body {
        ProcessBody::Exec { command, .. } => &command.value,
        ProcessBody::Script { body, .. } => body,
    }
}

fn sig(number: i64, name: Option<&str>) -> String {
    let bare = name.map(|n| n.trim_start_matches("SIG").to_string());
    match bare.or_else(|| signal_name(number).map(str::to_string)) {
        Some(n) => format!("SIG{n}"),
        None => number.to_string(),
    }
}

/// Convert a job (its effective definition) named `job`.
#[must_use]
pub fn to_systemd(job: &str, r: &Resolved<'_>) -> Conversion {
    let mut c = Ctx {
        unit: Unit::default(),
        losses: Vec::new(),
        notes: Vec::new(),
        extra: Vec::new(),
        job: job.to_string(),
        instance_env: None,
    };
    // Section order is fixed by first use.
    c.unit.sections.extend(
        ["Unit", "Service", "Install"].map(|n| super::unit_writer::Section {
            name: n.into(),
            entries: Vec::new(),
        }),
    );

    if let Some(d) = r.description {
        c.unit.set("Unit", "Description", plain(&d.value));
    }
    for (key, w) in [
        ("X-Upstart-Author", r.author),
        ("X-Upstart-Version", r.version),
        ("X-Upstart-Usage", r.usage),
    ] {
        if let Some(w) = w {
            c.unit.set("Unit", key, plain(&w.value));
        }
    }
    if !r.emits.is_empty() {
        let list: Vec<String> = r.emits.iter().map(|w| plain(&w.value)).collect();
        c.unit.set("Unit", "X-Upstart-Emits", list.join(" "));
    }
    if !r.export.is_empty() {
        let list: Vec<String> = r.export.iter().map(|w| plain(&w.value)).collect();
        c.unit.set("Unit", "X-Upstart-Export", list.join(" "));
        c.loss(Code::UL501, Severity::Warning, r.export[0].span, "`export` has no systemd equivalent")
            .help("systemd cannot pass a unit's variables to other units' activations; kept as X-Upstart-Export=");
    }

    let template = instance(&mut c, r);
    let has_main = r.main().is_some();
    let hooks: Vec<ProcessKind> = r
        .processes
        .keys()
        .copied()
        .filter(|k| *k != ProcessKind::Main)
        .collect();
    let is_target = !has_main && hooks.is_empty() && r.apparmor_load.is_none();

    start_on(&mut c, r);
    stop_on(&mut c, r);

    if is_target {
        // A job with no process only marks a state: a target. Settings for
        // processes have nothing to apply to; say which are dropped.
        let dropped = process_settings(r);
        if !dropped.is_empty() {
            let names: Vec<&str> = dropped.iter().map(|(n, _)| *n).collect();
            // The first of the dropped stanzas in the file.
            let first = dropped
                .iter()
                .map(|(_, s)| *s)
                .min_by_key(|s| s.start)
                .unwrap_or_default();
            c.loss(
                Code::UL501,
                Severity::Warning,
                first,
                format!("the job has no process: {} dropped", names.join(", ")),
            )
            .help("a target runs nothing; add the process or remove these stanzas");
        }
        let name = format!("{}.target", unit_name(job));
        let mut unit = strip_service(c.unit);
        if unit.get("Unit", "Description").is_none() {
            // An empty unit file is a masked unit for systemd.
            unit.set("Unit", "Description", plain(&format!("upstart job {job}")));
        }
        c.notes
            .push(format!("`{job}` has no process: converted to {name}"));
        if unit
            .sections
            .iter()
            .any(|s| s.name == "Install" && !s.entries.is_empty())
        {
            c.notes
                .push(format!("enable it with `systemctl enable {name}`"));
        }
        return finish(name, unit, c.losses, c.notes, c.extra);
    }

    service(&mut c, r, has_main);
    let name = if template {
        format!("{}@.service", unit_name(job))
    } else {
        format!("{}.service", unit_name(job))
    };
    if c.unit
        .sections
        .iter()
        .any(|s| s.name == "Install" && !s.entries.is_empty())
        && !r.manual
    {
        c.notes
            .push(format!("enable it with `systemctl enable {name}`"));
    }
    finish(name, c.unit, c.losses, c.notes, c.extra)
}

fn finish(
    name: String,
    unit: Unit,
    losses: Vec<Loss>,
    notes: Vec<String>,
    extra: Vec<OutputUnit>,
) -> Conversion {
    let mut units = vec![OutputUnit {
        file_name: name,
        unit,
    }];
    units.extend(extra);
    Conversion {
        units,
        losses,
        notes,
    }
}

fn strip_service(mut unit: Unit) -> Unit {
    unit.sections.retain(|s| s.name != "Service");
    unit
}

/// The stanzas of `r` that only matter to processes, each with the place
/// of the first of its stanzas in the file.
fn process_settings(r: &Resolved<'_>) -> Vec<(&'static str, Span)> {
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
fn instance(c: &mut Ctx, r: &Resolved<'_>) -> bool {
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

fn service(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
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
    // Environment.
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
    if let Some(e) = c.instance_env.take() {
        c.unit.set("Service", "Environment", e);
    }
    let u = &mut c.unit;
    if let Some(w) = r.setuid {
        u.set("Service", "User", plain(&w.value));
    }
    if let Some(w) = r.setgid {
        u.set("Service", "Group", plain(&w.value));
    }
    // Upstart's init runs in `/`, so a relative directory is relative to
    // `/`; systemd refuses relative paths (spec A.2 `chdir`).
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
    let u = &mut c.unit;
    // Kill.
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
    // Respawn.
    restart(c, r, has_main);
    // Processes.
    processes(c, r, has_main);
    // Reload: upstart's `reload` sends SIGHUP unless told otherwise.
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
    console(c, r);
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

fn restart(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
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

fn processes(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    if let Some(p) = r.apparmor_load {
        c.unit.set(
            "Service",
            if has_main {
                "ExecStartPre"
            } else {
                "ExecStart"
            },
            format!("-/sbin/apparmor_parser -r -W {}", exec_word(&p.value)),
        );
    }
    // The directory upstart runs the processes in (relative to a chroot).
    let cwd = r
        .chdir
        .map_or_else(|| "/".to_string(), |d| absolute(&d.value));
    let has = |k| r.processes.contains_key(&k);
    for kind in ProcessKind::ALL {
        let Some(body) = r.processes.get(&kind).copied() else {
            continue;
        };
        let lifted;
        let body = if kind == ProcessKind::PreStart && has_main {
            match lift_guards(c, r, body) {
                Some(None) => continue,
                Some(Some(rest)) => {
                    lifted = rest;
                    &lifted
                }
                None => body,
            }
        } else {
            body
        };
        let line = exec_line_in(body, &cwd);
        // Without a main process the unit is a oneshot that stays active:
        // the start hooks are its start, the stop hooks its stop. systemd
        // refuses a service without ExecStart= or ExecStop=, so a hook that
        // is alone there takes that place.
        let (key, prefix) = match kind {
            ProcessKind::PreStart if has_main => ("ExecStartPre", ""),
            ProcessKind::PreStart | ProcessKind::Main => ("ExecStart", ""),
            ProcessKind::PostStart if has_main || has(ProcessKind::PreStart) => {
                ("ExecStartPost", "-")
            }
            ProcessKind::PostStart => ("ExecStart", "-"),
            ProcessKind::PreStop => ("ExecStop", "-"),
            ProcessKind::PostStop
                if !has_main && r.processes.len() == 1 && r.apparmor_load.is_none() =>
            {
                ("ExecStop", "")
            }
            ProcessKind::PostStop => ("ExecStopPost", ""),
        };
        c.unit.set("Service", key, format!("{prefix}{line}"));
        let text = body_text(body);
        if UPSTART_VARS.iter().any(|v| text.contains(v)) || text.contains("initctl") {
            c.loss(
                Code::UL512,
                Severity::Warning,
                body_span(body),
                "the process uses upstart's variables or initctl",
            )
            .help("UPSTART_* variables are empty and initctl is absent under systemd: rewrite these lines");
        }
        if let Some((cmd, at)) = job_control_command(text) {
            let span = match body {
                ProcessBody::Script {
                    body,
                    body_span,
                    indent,
                    ..
                } => script_line_span(*body_span, *indent, body, at),
                ProcessBody::Exec { command, .. } => command.span,
            };
            c.loss(
                Code::UL512,
                Severity::Warning,
                span,
                format!("the process runs upstart's `{cmd}` command, which systemd does not have"),
            )
            .help(format!(
                "under systemd the line fails (command not found); use `systemctl {cmd} UNIT`, or for `stop; exit 0` at the top of pre-start a `TEST || {{ stop; exit 0; }}` guard line, which the conversion turns into a condition"
            ));
        }
        match kind {
            ProcessKind::PostStart => {
                c.loss(
                    Code::UL504,
                    Severity::Info,
                    body_span(body),
                    format!("`post-start` became {key}=- (failure ignored, as in upstart)"),
                );
            }
            ProcessKind::PreStop => {
                c.loss(Code::UL504, Severity::Warning, body_span(body), "`pre-stop` became ExecStop=-")
                    .help("systemd runs ExecStop= on every stop, even when the main process already died; upstart ran pre-stop only while it was alive");
            }
            _ => {}
        }
    }
}

/// The text of the line at byte `at` of a script body, in the file. The
/// body lost `indent` bytes of every line but the empty ones (an empty line
/// is assumed empty in the file too); clamped to the block.
fn script_line_span(body_span: Span, indent: usize, text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let line = text[at..].split('\n').next().unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let start = (script_line_start(body_span, indent, text, at) + indent + lead).min(body_span.end);
    Span {
        start,
        end: (start + line.trim().len()).min(body_span.end),
    }
}

/// Where the line at byte `at` (a line start) of a script body starts in
/// the file: every non-empty line before it lost `indent` bytes.
fn script_line_start(body_span: Span, indent: usize, text: &str, at: usize) -> usize {
    let before = text[..at]
        .split_inclusive('\n')
        .filter(|l| *l != "\n")
        .count();
    (body_span.start + at + indent * before).min(body_span.end)
}

/// The guard lines at the top of a `pre-start` script as `Condition…=` and
/// `ExecCondition=` (see `guard`), each reported. None when there are none;
/// otherwise what is left of the script, if anything.
fn lift_guards(c: &mut Ctx, r: &Resolved<'_>, body: &ProcessBody) -> Option<Option<ProcessBody>> {
    let ProcessBody::Script {
        body: text,
        body_span,
        indent,
        ..
    } = body
    else {
        return None;
    };
    // Condition…= is checked by PID 1 on the host, as root; upstart ran the
    // test in the job's chroot, as its user.
    let file_tests = r.chroot.is_none() && r.setuid.is_none() && r.setgid.is_none();
    let (guards, rest) = guard::leading_guards(text, file_tests);
    if guards.is_empty() {
        return None;
    }
    let post_stop = r.processes.contains_key(&ProcessKind::PostStop);
    for g in &guards {
        let span = script_line_span(*body_span, *indent, text, g.offset);
        let (what, approximate) = match &g.becomes {
            guard::Becomes::Conditions { keys, approximate } => {
                for (k, v) in keys {
                    c.unit.set("Unit", k, v.clone());
                }
                let list: Vec<String> = keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
                (list.join(" "), *approximate)
            }
            guard::Becomes::Exec(script) => {
                c.unit.set(
                    "Service",
                    "ExecCondition",
                    format!("/bin/sh -ec {}", exec_word(script)),
                );
                ("ExecCondition= (systemd 243 or later)".to_string(), None)
            }
        };
        let mut help = String::from(
            "systemd skips the unit quietly when the condition fails, as `stop; exit 0` did; there is no `stop` command under systemd",
        );
        if let Some(a) = approximate {
            help.push_str("; ");
            help.push_str(a);
        }
        if post_stop {
            help.push_str("; upstart still ran post-stop after such a stop, systemd runs nothing");
        }
        c.loss(
            Code::UL514,
            Severity::Info,
            span,
            format!("pre-start guard `{}` became {what}", g.line),
        )
        .help(help);
    }
    let rest_text = &text[rest..];
    if guard::nothing_left(rest_text) {
        return Some(None);
    }
    Some(Some(ProcessBody::Script {
        body: rest_text.to_string(),
        // The rest starts on a later line of the block.
        body_span: Span {
            start: script_line_start(*body_span, *indent, text, rest),
            end: body_span.end,
        },
        indent: *indent,
        end_comment: None,
    }))
}

fn console(c: &mut Ctx, r: &Resolved<'_>) {
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

/// What the `start on` events translate to.
fn start_on(c: &mut Ctx, r: &Resolved<'_>) {
    let Some(on) = r.start_on else {
        if r.manual {
            c.loss(
                Code::UL501,
                Severity::Info,
                r.place("manual"),
                "`manual`: no [Install] section",
            )
            .help("the unit is only started by hand (systemctl start), like the job");
        }
        return;
    };
    if contains_and(&on.expr) {
        c.loss(Code::UL502, Severity::Warning, on.expr.events()[0].span, "`and` in `start on` is approximated")
            .help("systemd has no \"both events happened\" trigger: the unit is ordered after every operand and installed into the last one");
    }
    start_expr(c, &on.expr);
    if r.manual {
        c.unit.sections.retain(|s| s.name != "Install");
    }
}

/// Translate an event expression: `or` installs into every alternative;
/// `and` orders after every operand but installs only into the last one
/// that installs anywhere (spec A.6.6).
fn start_expr(c: &mut Ctx, e: &EventExpr) {
    match e {
        EventExpr::Match { event, .. } => start_event(c, event),
        EventExpr::Op { op, lhs, rhs, .. } if *op == Operator::And => {
            let saved = take_install(&mut c.unit);
            start_expr(c, lhs);
            let first = take_install(&mut c.unit);
            start_expr(c, rhs);
            let last = take_install(&mut c.unit);
            let chosen = if last.is_empty() { first } else { last };
            for entries in [saved, chosen] {
                for (key, value) in entries {
                    for v in value.split(' ') {
                        c.unit.add_to_list("Install", &key, v);
                    }
                }
            }
        }
        EventExpr::Op { lhs, rhs, .. } => {
            start_expr(c, lhs);
            start_expr(c, rhs);
        }
    }
}

/// Remove and return the entries of `[Install]`.
fn take_install(unit: &mut Unit) -> Vec<(String, String)> {
    unit.sections
        .iter_mut()
        .find(|s| s.name == "Install")
        .map(|s| std::mem::take(&mut s.entries))
        .unwrap_or_default()
}

/// Install a unit started on the runlevels `pattern` matches (spec A.6.2).
fn runlevel_install(c: &mut Ctx, pattern: Option<&str>, span: Span) {
    let levels = pattern.map_or_else(Vec::new, runlevels);
    let boot = levels.iter().any(|l| matches!(l, '2'..='5'));
    let u = &mut c.unit;
    if levels.is_empty() {
        u.add_to_list("Install", "WantedBy", "multi-user.target");
    } else if !boot && levels.iter().any(|l| matches!(l, '0' | '6')) {
        // Halt or reboot (perhaps with single-user, as `[!2345]`): a job
        // started at shutdown.
        u.add_to_list("Unit", "DefaultDependencies", "no");
        u.add_to_list("Unit", "Before", "shutdown.target");
        for t in ["halt.target", "poweroff.target", "reboot.target"] {
            u.add_to_list("Install", "WantedBy", t);
        }
        c.loss(Code::UL502, Severity::Warning, span, "a job started at shutdown became a unit wanted by halt/poweroff/reboot")
            .help("check the order: a RemainAfterExit=yes unit whose ExecStop= does the work is often better");
        if levels.iter().any(|l| matches!(l, '1' | 'S')) {
            c.loss(
                Code::UL502,
                Severity::Warning,
                span,
                "the single-user runlevels of this condition are not converted",
            )
            .help("add WantedBy=rescue.target if the job must also run when entering rescue mode");
        }
    } else if !boot {
        u.add_to_list("Install", "WantedBy", "rescue.target");
    } else if levels == ['5'] {
        u.add_to_list("Install", "WantedBy", "graphical.target");
    } else {
        u.add_to_list("Install", "WantedBy", "multi-user.target");
    }
}

fn contains_and(e: &EventExpr) -> bool {
    match e {
        EventExpr::Match { .. } => false,
        EventExpr::Op { op, lhs, rhs, .. } => {
            *op == Operator::And || contains_and(lhs) || contains_and(rhs)
        }
    }
}

fn positional(e: &EventMatch, i: usize) -> Option<&str> {
    e.args
        .iter()
        .filter_map(|a| match a {
            EventArg::Positional { pattern, .. } => Some(pattern.as_str()),
            EventArg::Named { .. } => None,
        })
        .nth(i)
}

fn named<'e>(e: &'e EventMatch, key: &str) -> Option<(&'e str, bool)> {
    e.args.iter().find_map(|a| match a {
        EventArg::Named {
            key: k,
            negated,
            pattern,
            ..
        } if k == key => Some((pattern.as_str(), *negated)),
        _ => None,
    })
}

/// The runlevels a glob such as `[2345]`, `[!016]`, `2` or `S` matches.
fn runlevels(pattern: &str) -> Vec<char> {
    let all = ['0', '1', '2', '3', '4', '5', '6', 'S'];
    let Some(inner) = pattern.strip_prefix('[').and_then(|p| p.strip_suffix(']')) else {
        return all
            .into_iter()
            .filter(|c| pattern == c.to_string() || pattern == "*")
            .collect();
    };
    let (negate, set) = match inner.strip_prefix(['!', '^']) {
        Some(s) => (true, s),
        None => (false, inner),
    };
    let mut chars: Vec<char> = Vec::new();
    let s: Vec<char> = set.chars().collect();
    let mut i = 0;
    while i < s.len() {
        if i + 2 < s.len() && s[i + 1] == '-' {
            let (a, b) = (s[i], s[i + 2]);
            chars.extend(all.iter().filter(|c| **c >= a && **c <= b));
            i += 3;
        } else {
            chars.push(s[i]);
            i += 1;
        }
    }
    all.into_iter()
        .filter(|c| chars.contains(c) != negate)
        .collect()
}

fn start_event(c: &mut Ctx, e: &EventMatch) {
    let u = &mut c.unit;
    let name = e.name.as_str();
    let job_arg =
        || positional(e, 0).or_else(|| named(e, "JOB").filter(|(_, n)| !n).map(|(p, _)| p));
    let stopped_rc = name == "stopped" && job_arg() == Some("rc");
    match name {
        "runlevel" => {
            let pattern = positional(e, 0)
                .or_else(|| named(e, "RUNLEVEL").filter(|(_, n)| !n).map(|(p, _)| p));
            runlevel_install(c, pattern, e.span);
        }
        "startup" | "virtual-filesystems" => {
            u.add_to_list("Unit", "DefaultDependencies", "no");
            u.add_to_list("Unit", "Conflicts", "shutdown.target");
            u.add_to_list("Unit", "Before", "shutdown.target");
            u.add_to_list("Install", "WantedBy", "sysinit.target");
        }
        "local-filesystems" => {
            u.add_to_list("Unit", "After", "local-fs.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "remote-filesystems" => {
            u.add_to_list("Unit", "After", "remote-fs.target");
            u.add_to_list("Unit", "Wants", "remote-fs.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "filesystem" => {
            for t in ["local-fs.target", "remote-fs.target", "swap.target"] {
                u.add_to_list("Unit", "After", t);
            }
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "all-swaps" => {
            u.add_to_list("Unit", "After", "swap.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "mounted" | "mounting" => {
            match named(e, "MOUNTPOINT") {
                Some((m, false)) if m.starts_with('/') && !m.contains(['*', '?', '[', '$']) => {
                    u.add_to_list("Unit", "RequiresMountsFor", &plain(m));
                }
                _ => {
                    c.loss(
                        Code::UL502,
                        Severity::Warning,
                        e.span,
                        format!("`{name}` without a fixed MOUNTPOINT is approximated"),
                    )
                    .help("systemd orders on mount units: add RequiresMountsFor=/path");
                    c.unit.add_to_list("Unit", "After", "local-fs.target");
                }
            }
            c.unit
                .add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "net-device-up" | "static-network-up" => {
            match named(e, "IFACE") {
                Some((iface, false)) if !iface.contains(['*', '?', '[', '$']) => {
                    let dev = format!(
                        "{}.device",
                        path_unit_name(&format!("/sys/subsystem/net/devices/{iface}"))
                    );
                    u.add_to_list("Unit", "BindsTo", &dev);
                    u.add_to_list("Unit", "After", &dev);
                    c.loss(
                        Code::UL502,
                        Severity::Warning,
                        e.span,
                        format!(
                            "`IFACE={iface}` became the device's presence, not its configuration"
                        ),
                    )
                    .help("use network-online.target if the address must be configured");
                }
                _ => {
                    u.add_to_list("Unit", "Wants", "network-online.target");
                    u.add_to_list("Unit", "After", "network-online.target");
                }
            }
            c.unit
                .add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "control-alt-delete" => u.add_to_list("Install", "WantedBy", "ctrl-alt-del.target"),
        "keyboard-request" => u.add_to_list("Install", "WantedBy", "kbrequest.target"),
        "power-status-changed" => u.add_to_list("Install", "WantedBy", "sigpwr.target"),
        "desktop-session-start" | "login-session-start" => {
            u.add_to_list("Unit", "After", "display-manager.service");
            u.add_to_list("Install", "WantedBy", "graphical.target");
        }
        "started" | "starting" => match job_arg() {
            Some(j) if !j.contains(['*', '?', '[', '$']) => {
                let svc = format!("{}.service", unit_name(j));
                u.add_to_list(
                    "Unit",
                    if name == "started" { "After" } else { "Before" },
                    &svc,
                );
                u.add_to_list("Install", "WantedBy", &svc);
            }
            _ => {
                c.loss(
                    Code::UL502,
                    Severity::Warning,
                    e.span,
                    format!("`{name}` without a fixed job name cannot be converted"),
                )
                .help("name the unit in After=/WantedBy= by hand");
            }
        },
        "stopped" if stopped_rc => {
            // rc has run the SysV scripts of the new runlevel: late jobs
            // such as gettys (spec A.6.2).
            u.add_to_list("Unit", "After", "rc-local.service");
            let pattern = named(e, "RUNLEVEL").filter(|(_, n)| !n).map(|(p, _)| p);
            runlevel_install(c, pattern, e.span);
        }
        "stopping" | "stopped" => {
            c.loss(Code::UL502, Severity::Warning, e.span, format!("`start on {name} JOB` has no direct systemd form"))
                .help("add to that unit a drop-in with OnSuccess=/OnFailure= (stopped) or ExecStop=-systemctl start --no-block (stopping)");
        }
        "socket" | "file" | "dbus" => {
            c.loss(Code::UL503, Severity::Warning, e.span, format!("the `{name}` bridge event needs a different unit type"))
                .help("socket → a .socket unit, file → a .path unit, dbus → D-Bus activation; the program may need changes (LISTEN_FDS)");
        }
        n if n.contains("-device-") && events::is_standard_event(n) => {
            c.loss(Code::UL503, Severity::Warning, e.span, format!("the udev event `{n}` needs a udev rule"))
                .help("TAG+=\"systemd\", ENV{SYSTEMD_WANTS}+=\"JOB.service\" in a udev rule, or a .device unit in WantedBy=");
        }
        n if events::is_standard_event(n) => {
            c.loss(
                Code::UL502,
                Severity::Warning,
                e.span,
                format!("the event `{n}` has no systemd equivalent"),
            )
            .help("install the unit into the target that matches the moment by hand");
        }
        n => {
            // A custom event (`initctl emit n`): a target to start instead.
            let target = format!("{}.target", unit_name(n));
            if !c.extra.iter().any(|x| x.file_name == target) {
                let mut t = Unit::default();
                t.set("Unit", "Description", plain(&format!("upstart event {n}")));
                t.set("Unit", "StopWhenUnneeded", "yes");
                c.extra.push(OutputUnit {
                    file_name: target.clone(),
                    unit: t,
                });
            }
            c.unit.add_to_list("Unit", "After", &target);
            c.unit.add_to_list("Install", "WantedBy", &target);
            c.notes.push(format!(
                "`initctl emit {n}` becomes `systemctl start {target}` (after `systemctl enable`); event variables are not passed"
            ));
            c.loss(Code::UL510, Severity::Info, e.span, format!("the event `{n}` became {target}"))
                .help(format!("start it with `systemctl start {target}` where the job was started by `initctl emit {n}`"));
        }
    }
    // The bridge events' variables are part of the UL503 finding already.
    let bridge = matches!(name, "socket" | "file" | "dbus") || name.contains("-device-");
    for a in &e.args {
        if let EventArg::Named { key, .. } = a
            && !bridge
            && !matches!(
                (name, key.as_str()),
                ("runlevel", "RUNLEVEL")
                    | (_, "JOB")
                    | ("mounted" | "mounting", "MOUNTPOINT")
                    | ("net-device-up", "IFACE")
            )
            && !(stopped_rc && key == "RUNLEVEL")
        {
            c.loss(
                Code::UL502,
                Severity::Warning,
                a.span(),
                format!("the filter `{key}` on `{name}` is dropped"),
            )
            .help("systemd cannot filter on event variables");
        }
    }
}

fn stop_on(c: &mut Ctx, r: &Resolved<'_>) {
    let Some(on) = r.stop_on else { return };
    for e in on.expr.events() {
        let name = e.name.as_str();
        let job = positional(e, 0).or_else(|| named(e, "JOB").filter(|(_, n)| !n).map(|(p, _)| p));
        match (name, job) {
            // Default dependencies already stop the unit at shutdown, which
            // is when these events come.
            (
                "runlevel"
                | "unmounting-filesystem"
                | "deconfiguring-networking"
                | "unmounted-remote-filesystems",
                _,
            ) => {}
            ("stopping" | "stopped", Some(j)) if !j.contains(['*', '?', '[', '$']) => {
                c.unit
                    .add_to_list("Unit", "PartOf", &format!("{}.service", unit_name(j)));
                if name == "stopped" {
                    c.loss(
                        Code::UL502,
                        Severity::Info,
                        e.span,
                        "`stop on stopped JOB` became PartOf= (stops with it, not after it)",
                    );
                }
            }
            ("starting", Some(j)) if !j.contains(['*', '?', '[', '$']) => {
                c.unit
                    .add_to_list("Unit", "Conflicts", &format!("{}.service", unit_name(j)));
            }
            _ => {
                c.loss(
                    Code::UL511,
                    Severity::Warning,
                    e.span,
                    format!("`stop on {name}` is not converted"),
                )
                .help(
                    "systemd stops units by dependencies: use PartOf=/Conflicts= by hand if needed",
                );
            }
        }
    }
}

#[cfg(test)]
mod loss_tests {
    use super::*;
    use crate::ast::resolve;
    use crate::syntax::parse_str;

    fn losses(src: &str) -> Vec<String> {
        let parsed = parse_str(src);
        assert!(!parsed.has_errors(), "{:?}", parsed.errors);
        to_systemd("j", &resolve(&[&parsed.job]))
            .losses
            .into_iter()
            .map(|l| format!("{} {}", l.code, l.message))
            .collect()
    }

    /// `start JOB VAR=x` overrides `env VAR=default` (the start environment
    /// comes after the `env` stanzas, upstart.md §5.8), so the instance
    /// value must be systemd's last assignment of the variable.
    #[test]
    fn the_instance_variable_overrides_its_env_default() {
        let parsed =
            parse_str("instance $IFACE\nenv IFACE=\"\"\nenv A=1\nexec /sbin/dhclient $IFACE\n");
        let conv = to_systemd("dhclient", &resolve(&[&parsed.job]));
        let env: Vec<&str> = conv.units[0].unit.sections[1]
            .entries
            .iter()
            .filter(|(k, _)| k == "Environment")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(env, ["\"IFACE=\"", "\"A=1\"", "\"IFACE=%I\""]);
    }

    #[test]
    fn a_job_without_process_reports_the_settings_it_drops() {
        let l = losses("start on runlevel [2345]\nrespawn\nnice 5\n");
        assert!(
            l.iter()
                .any(|m| m == "UL501 the job has no process: respawn, nice dropped"),
            "{l:?}"
        );
        assert!(
            losses("start on runlevel [2345]\n")
                .iter()
                .all(|m| !m.contains("no process"))
        );
    }

    #[test]
    fn expect_on_a_task_is_reported() {
        let l = losses("task\nexpect fork\nexec /usr/bin/x\n");
        assert!(
            l.iter()
                .any(|m| m.starts_with("UL501 `expect fork|daemon` on a task")),
            "{l:?}"
        );
        assert!(
            losses("expect fork\nexec /usr/bin/x\n")
                .iter()
                .all(|m| !m.contains("on a task"))
        );
    }

    fn convert(src: &str) -> Conversion {
        let parsed = parse_str(src);
        assert!(!parsed.has_errors(), "{:?}", parsed.errors);
        to_systemd("j", &resolve(&[&parsed.job]))
    }

    #[test]
    fn losses_point_at_their_stanza() {
        let src = "exec /usr/bin/x
respawn
respawn limit 3 9
kill timeout 0
console log
";
        let conv = convert(src);
        for (code, stanza) in [
            (Code::UL508, "respawn limit 3 9"),
            (Code::UL513, "kill timeout 0"),
            (Code::UL506, "console log"),
        ] {
            let loss = conv
                .losses
                .iter()
                .find(|l| l.code == code)
                .unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(&src[loss.span.start..loss.span.end], stanza, "{code}");
        }
    }

    #[test]
    fn pre_start_guards_become_conditions_and_the_rest_stays() {
        let src = "pre-start script\n    # only where installed\n    [ -x /usr/sbin/food ] || { stop; exit 0; }\n    [ \"$RUN\" = yes ] || { stop; exit 0; }\n    mkdir -p /run/food\nend script\nexec /usr/sbin/food\n";
        let conv = convert(src);
        let unit = &conv.units[0].unit;
        assert_eq!(
            unit.get("Unit", "ConditionFileIsExecutable"),
            Some("/usr/sbin/food")
        );
        assert_eq!(
            unit.get("Service", "ExecCondition"),
            Some("/bin/sh -ec \"[ \\\"$$RUN\\\" = yes ] || exit 1\"")
        );
        assert_eq!(
            unit.get("Service", "ExecStartPre"),
            Some("/bin/sh -ec \"mkdir -p /run/food\"")
        );
        let guards: Vec<&Loss> = conv
            .losses
            .iter()
            .filter(|l| l.code == Code::UL514)
            .collect();
        assert_eq!(guards.len(), 2, "{:?}", conv.losses);
        assert_eq!(
            &src[guards[0].span.start..guards[0].span.end],
            "[ -x /usr/sbin/food ] || { stop; exit 0; }"
        );
        assert!(
            conv.losses.iter().all(|l| l.code != Code::UL512),
            "{:?}",
            conv.losses
        );
    }

    #[test]
    fn a_pre_start_of_guards_only_leaves_no_exec_start_pre() {
        let conv = convert(
            "pre-start script\n  test -d /var/lib/x || { stop; exit 0; }\nend script\nexec /usr/bin/x\n",
        );
        let unit = &conv.units[0].unit;
        assert_eq!(
            unit.get("Unit", "ConditionPathIsDirectory"),
            Some("/var/lib/x")
        );
        assert_eq!(unit.get("Service", "ExecStartPre"), None);
    }

    #[test]
    fn setuid_nobody_is_kept_and_reported_with_the_dynamic_user_alternative() {
        let conv = convert("setuid nobody\nexec /usr/bin/x\n");
        let unit = &conv.units[0].unit;
        assert_eq!(unit.get("Service", "User"), Some("nobody"));
        assert_eq!(unit.get("Service", "DynamicUser"), None);
        let notes: Vec<&Loss> = conv
            .losses
            .iter()
            .filter(|l| l.code == Code::UL515)
            .collect();
        assert_eq!(notes.len(), 1, "{:?}", conv.losses);
        assert_eq!(notes[0].severity, Severity::Info);
        assert_eq!(
            notes[0].span,
            Span::new(0, 13),
            "the `setuid nobody` stanza"
        );
        let help = notes[0].help.as_deref().unwrap_or("");
        for want in [
            "DynamicUser=yes",
            "ProtectSystem=strict",
            "ProtectHome=read-only",
            "PrivateTmp=yes",
            "RemoveIPC=yes",
            "StateDirectory=",
        ] {
            assert!(help.contains(want), "{want} not in {help}");
        }
        // Another user, or nobody only as the group: nothing to say.
        for job in [
            "setuid appd\nexec /usr/bin/x\n",
            "setgid nogroup\nexec /usr/bin/x\n",
        ] {
            assert!(
                convert(job).losses.iter().all(|l| l.code != Code::UL515),
                "{job}"
            );
        }
    }

    #[test]
    fn guards_in_a_chroot_or_as_another_user_run_there() {
        let conv = convert(
            "setuid nobody\npre-start script\n  test -d /var/lib/x || { stop; exit 0; }\nend script\nexec /usr/bin/x\n",
        );
        let unit = &conv.units[0].unit;
        assert_eq!(unit.get("Unit", "ConditionPathIsDirectory"), None);
        assert_eq!(
            unit.get("Service", "ExecCondition"),
            Some("/bin/sh -ec \"test -d /var/lib/x || exit 1\"")
        );
    }

    #[test]
    fn job_control_commands_in_processes_are_reported() {
        for (text, cmd) in [
            ("stop; exit 0\n", Some("stop")),
            (
                "if status lightdm | grep running; then\n  stop\nfi\n",
                Some("status"),
            ),
            ("[ -f /x ] && { restart foo; }\n", Some("restart")),
            ("echo stop\n", None),
            ("case \"$1\" in\n  start) echo go ;;\nesac\n", None),
            (
                "case \"$1\" in\n  start|'') echo go ;;\n  stop) stop ;;\nesac\n",
                Some("stop"),
            ),
            ("# stop here\nexec /bin/x\n", None),
        ] {
            assert_eq!(job_control_command(text).map(|(c, _)| c), cmd, "{text}");
        }
        // The finding points at the line, past an empty one.
        let src = "script\n  echo hi\n\n  stop; exit 0\nend script\n";
        let conv = convert(src);
        let loss = conv
            .losses
            .iter()
            .find(|l| l.code == Code::UL512)
            .unwrap_or_else(|| panic!("no UL512: {:?}", conv.losses));
        assert_eq!(&src[loss.span.start..loss.span.end], "stop; exit 0");
        let l = losses("script\n  stop; exit 0\nend script\n");
        assert!(
            l.iter().any(|m| m
                == "UL512 the process runs upstart's `stop` command, which systemd does not have"),
            "{l:?}"
        );
    }
}
