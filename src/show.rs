//! The job as upstart stores it: what `parse_job()` leaves in its `JobClass`
//! after every stanza of the `.conf` (and a clean `.override`) is applied.
//!
//! [`Stored`] has exactly the shape of the conformance data recorded from
//! upstart 1.13.2 itself (numbers as upstart keeps them: enum values, signal
//! numbers, `nice` −21 for unset, limits keyed by `RLIMIT_*` number), so a
//! comparison with upstart is a plain equality. [`Named`] is the same job
//! for people and scripts (names instead of enum numbers), and [`text`] a
//! listing for the terminal.

use crate::ast::{
    ConsoleMode, EventArg, EventExpr, ExitStatus, ExpectMode, LimitValue, ProcessBody, ProcessKind,
    Resolved, Resource,
};
use crate::syntax::values::signal_name;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// `RLIM_INFINITY` on Linux.
const UNLIMITED: u64 = u64::MAX;

/// The command upstart runs for `apparmor load PROFILE` (init/apparmor.h).
const APPARMOR_PARSER: &str = "/sbin/apparmor_parser -r -W";

/// upstart's defaults (init/job_class.h).
const DEFAULT_KILL_TIMEOUT: u64 = 5;
const DEFAULT_KILL_SIGNAL: i64 = 15;
const DEFAULT_RELOAD_SIGNAL: i64 = 1;
const DEFAULT_UMASK: u32 = 0o022;
/// `nice` is unset.
const NICE_UNSET: i32 = -21;

/// One process slot: exactly what upstart hands to the shell or to exec.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredProcess {
    pub script: bool,
    pub command: String,
}

/// An event expression node as upstart stores it: a match is
/// `[name, arg...]`, an operator `{"op", "l", "r"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum StoredExpr {
    Match(Vec<String>),
    Op {
        op: &'static str,
        l: Box<StoredExpr>,
        r: Box<StoredExpr>,
    },
}

/// The job exactly as upstart 1.13.2 stores it (the shape of the
/// conformance data's `values.jsonl`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stored {
    pub file: String,
    pub instance: String,
    pub description: Option<String>,
    pub author: Option<String>,
    pub version: Option<String>,
    pub usage: Option<String>,
    pub chroot: Option<String>,
    pub chdir: Option<String>,
    pub setuid: Option<String>,
    pub setgid: Option<String>,
    pub apparmor_switch: Option<String>,
    pub env: Vec<String>,
    pub export: Vec<String>,
    pub emits: Vec<String>,
    pub start_on: Option<StoredExpr>,
    pub stop_on: Option<StoredExpr>,
    pub process: BTreeMap<&'static str, StoredProcess>,
    /// 0 none, 1 stop, 2 daemon, 3 fork.
    pub expect: u8,
    pub task: u8,
    pub kill_timeout: u64,
    pub kill_signal: i64,
    pub reload_signal: i64,
    pub respawn: u8,
    pub respawn_limit: u64,
    pub respawn_interval: u64,
    /// Exit codes as written, signals as `signal << 8`.
    pub normalexit: Vec<i64>,
    /// 0 none, 1 output, 2 owner, 3 log.
    pub console: u8,
    pub umask: u32,
    pub nice: i32,
    pub oom_score_adj: i32,
    /// Always 0: init honours `debug` only when started with `--debug`.
    pub debug: u8,
    /// `RLIMIT_*` number → `["unlimited" when the soft limit is, soft, hard]`.
    pub limits: BTreeMap<String, (&'static str, u64, u64)>,
}

/// The Linux `RLIMIT_*` number of a resource (asm-generic/resource.h).
#[must_use]
pub fn rlimit_number(r: Resource) -> u32 {
    match r {
        Resource::Cpu => 0,
        Resource::Fsize => 1,
        Resource::Data => 2,
        Resource::Stack => 3,
        Resource::Core => 4,
        Resource::Rss => 5,
        Resource::Nproc => 6,
        Resource::Nofile => 7,
        Resource::Memlock => 8,
        Resource::As => 9,
        Resource::Sigpending => 11,
        Resource::Msgqueue => 12,
        Resource::Nice => 13,
        Resource::Rtprio => 14,
    }
}

fn limit_number(v: LimitValue) -> u64 {
    match v {
        LimitValue::Unlimited => UNLIMITED,
        LimitValue::Value(n) => n,
    }
}

fn process_name(p: ProcessKind) -> &'static str {
    match p {
        ProcessKind::Main => "main",
        ProcessKind::PreStart => "pre-start",
        ProcessKind::PostStart => "post-start",
        ProcessKind::PreStop => "pre-stop",
        ProcessKind::PostStop => "post-stop",
    }
}

/// The expression tree, built without recursion (trees can be deep).
fn stored_expr(expr: &EventExpr) -> StoredExpr {
    enum Step<'a> {
        Visit(&'a EventExpr),
        Build(&'static str),
    }
    let mut steps = vec![Step::Visit(expr)];
    let mut built: Vec<StoredExpr> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Visit(EventExpr::Match { event, .. }) => {
                let mut v = Vec::with_capacity(event.args.len() + 1);
                v.push(event.name.clone());
                v.extend(event.args.iter().map(EventArg::text));
                built.push(StoredExpr::Match(v));
            }
            Step::Visit(EventExpr::Op { op, lhs, rhs, .. }) => {
                steps.push(Step::Build(op.as_str()));
                steps.push(Step::Visit(rhs));
                steps.push(Step::Visit(lhs));
            }
            Step::Build(op) => {
                let r = built.pop();
                let l = built.pop();
                if let (Some(l), Some(r)) = (l, r) {
                    built.push(StoredExpr::Op {
                        op,
                        l: Box::new(l),
                        r: Box::new(r),
                    });
                }
            }
        }
    }
    built.pop().unwrap_or(StoredExpr::Match(Vec::new()))
}

impl Stored {
    /// The job upstart stores for `resolved`, reported as `file`.
    #[must_use]
    pub fn new(file: &str, r: &Resolved<'_>) -> Self {
        let text = |w: Option<&crate::ast::Word>| w.map(|w| w.value.to_string());
        let mut process = BTreeMap::new();
        for (kind, body) in &r.processes {
            let (script, command) = match body {
                ProcessBody::Exec { command, .. } => (false, command.value.to_string()),
                ProcessBody::Script { body, .. } => (true, body.clone()),
            };
            process.insert(process_name(*kind), StoredProcess { script, command });
        }
        if let Some(profile) = r.apparmor_load {
            process.insert(
                "security",
                StoredProcess {
                    script: false,
                    command: format!("{APPARMOR_PARSER} {}", profile.value),
                },
            );
        }
        let (respawn_limit, respawn_interval) = r.respawn_limit_values();
        Self {
            file: file.to_string(),
            instance: r.instance.map(|w| w.value.to_string()).unwrap_or_default(),
            description: text(r.description),
            author: text(r.author),
            version: text(r.version),
            usage: text(r.usage),
            chroot: text(r.chroot),
            chdir: text(r.chdir),
            setuid: text(r.setuid),
            setgid: text(r.setgid),
            apparmor_switch: text(r.apparmor_switch),
            env: r
                .env
                .iter()
                .map(|e| match &e.value {
                    Some(v) => format!("{}={v}", e.key),
                    None => e.key.to_string(),
                })
                .collect(),
            export: r.export.iter().map(|w| w.value.to_string()).collect(),
            emits: r.emits.iter().map(|w| w.value.to_string()).collect(),
            start_on: r.start_on.map(|on| stored_expr(&on.expr)),
            stop_on: r.stop_on.map(|on| stored_expr(&on.expr)),
            process,
            expect: match r.expect {
                None | Some(ExpectMode::None) => 0,
                Some(ExpectMode::Stop) => 1,
                Some(ExpectMode::Daemon) => 2,
                Some(ExpectMode::Fork) => 3,
            },
            task: u8::from(r.task),
            kill_timeout: r.kill_timeout.unwrap_or(DEFAULT_KILL_TIMEOUT),
            kill_signal: r.kill_signal.map_or(DEFAULT_KILL_SIGNAL, |s| s.number),
            reload_signal: r.reload_signal.map_or(DEFAULT_RELOAD_SIGNAL, |s| s.number),
            respawn: u8::from(r.respawn),
            respawn_limit,
            respawn_interval,
            normalexit: r.normal_exit.iter().map(|s| s.encoded()).collect(),
            console: match r.console {
                Some(ConsoleMode::None) => 0,
                Some(ConsoleMode::Output) => 1,
                Some(ConsoleMode::Owner) => 2,
                None | Some(ConsoleMode::Log) => 3,
            },
            umask: r.umask.unwrap_or(DEFAULT_UMASK),
            nice: r.nice.unwrap_or(NICE_UNSET),
            oom_score_adj: r.oom.map_or(0, crate::ast::Oom::score),
            // `debug` sets the flag only when init itself runs with
            // `--debug` (`debug_stanza_enabled`); a normal init ignores it.
            debug: 0,
            limits: r
                .limits
                .iter()
                .map(|(res, (soft, hard))| {
                    let (soft, hard) = (limit_number(*soft), limit_number(*hard));
                    (
                        rlimit_number(*res).to_string(),
                        (if soft == UNLIMITED { "unlimited" } else { "" }, soft, hard),
                    )
                })
                .collect(),
        }
    }
}

/// A limit value for people: `unlimited` or the number.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum NamedLimit {
    Unlimited(&'static str),
    Value(u64),
}

fn named_limit(v: LimitValue) -> NamedLimit {
    match limit_number(v) {
        UNLIMITED => NamedLimit::Unlimited("unlimited"),
        n => NamedLimit::Value(n),
    }
}

/// A signal or exit status for people: its name when it has one.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum NamedStatus {
    Code(i64),
    Signal(String),
}

fn named_signal(number: i64) -> NamedStatus {
    match signal_name(number) {
        Some(name) => NamedStatus::Signal(name.to_string()),
        None => NamedStatus::Code(number),
    }
}

/// The same job for people and scripts: names instead of enum numbers,
/// `null` for what is not set, and what [`Stored`] leaves out (`manual`,
/// `apparmor load`, `cgroup`, ChromiumOS's `import` and `tmpfiles`).
#[derive(Clone, Debug, Serialize)]
pub struct Named {
    pub file: String,
    pub name: String,
    pub instance: String,
    pub description: Option<String>,
    pub author: Option<String>,
    pub version: Option<String>,
    pub usage: Option<String>,
    pub env: Vec<String>,
    pub export: Vec<String>,
    pub emits: Vec<String>,
    pub start_on: Option<StoredExpr>,
    pub stop_on: Option<StoredExpr>,
    pub manual: bool,
    pub process: BTreeMap<&'static str, StoredProcess>,
    pub task: bool,
    pub expect: &'static str,
    pub respawn: bool,
    /// `null` when unlimited.
    pub respawn_limit: Option<(u64, u64)>,
    pub normal_exit: Vec<NamedStatus>,
    pub kill_timeout: u64,
    pub kill_signal: NamedStatus,
    pub reload_signal: NamedStatus,
    pub console: &'static str,
    /// Octal, as written in a job.
    pub umask: String,
    pub nice: Option<i32>,
    pub oom_score_adj: i32,
    pub limits: BTreeMap<&'static str, (NamedLimit, NamedLimit)>,
    pub chroot: Option<String>,
    pub chdir: Option<String>,
    pub setuid: Option<String>,
    pub setgid: Option<String>,
    pub apparmor_load: Option<String>,
    pub apparmor_switch: Option<String>,
    pub cgroups: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    pub debug: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub import: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tmpfiles: Vec<String>,
}

impl Named {
    #[must_use]
    pub fn new(file: &str, name: &str, r: &Resolved<'_>) -> Self {
        let s = Stored::new(file, r);
        let words = |ws: &[&crate::ast::Word]| ws.iter().map(|w| w.value.to_string()).collect();
        Self {
            file: s.file,
            name: name.to_string(),
            instance: s.instance,
            description: s.description,
            author: s.author,
            version: s.version,
            usage: s.usage,
            env: s.env,
            export: s.export,
            emits: s.emits,
            start_on: s.start_on,
            stop_on: s.stop_on,
            manual: r.manual,
            process: s.process,
            task: r.task,
            expect: r.expect.map_or("none", ExpectMode::as_str),
            respawn: r.respawn,
            respawn_limit: (s.respawn_limit != 0 && s.respawn_interval != 0)
                .then_some((s.respawn_limit, s.respawn_interval)),
            normal_exit: r
                .normal_exit
                .iter()
                .map(|e| match e {
                    ExitStatus::Code { code, .. } => NamedStatus::Code(*code),
                    ExitStatus::Signal { signal } => named_signal(signal.number),
                })
                .collect(),
            kill_timeout: s.kill_timeout,
            kill_signal: named_signal(s.kill_signal),
            reload_signal: named_signal(s.reload_signal),
            console: r.console.map_or("log", ConsoleMode::as_str),
            umask: format!("{:04o}", s.umask),
            nice: r.nice,
            oom_score_adj: s.oom_score_adj,
            limits: r
                .limits
                .iter()
                .map(|(res, (soft, hard))| (res.as_str(), (named_limit(*soft), named_limit(*hard))))
                .collect(),
            chroot: s.chroot,
            chdir: s.chdir,
            setuid: s.setuid,
            setgid: s.setgid,
            apparmor_load: r.apparmor_load.map(|w| w.value.to_string()),
            apparmor_switch: s.apparmor_switch,
            cgroups: r.cgroups.clone(),
            debug: r.debug,
            import: words(&r.imports),
            tmpfiles: words(&r.tmpfiles),
        }
    }
}

/// An expression in job-file syntax, fully parenthesised where upstart's
/// left-to-right grouping would otherwise not be obvious.
fn expr_text(e: &StoredExpr, out: &mut String) {
    match e {
        StoredExpr::Match(words) => {
            let quoted: Vec<String> = words.iter().map(|w| crate::print::quote(w)).collect();
            out.push_str(&quoted.join(" "));
        }
        StoredExpr::Op { op, l, r } => {
            for (i, side) in [l, r].into_iter().enumerate() {
                if i == 1 {
                    let _ = write!(out, " {op} ");
                }
                if matches!(**side, StoredExpr::Op { .. }) {
                    out.push('(');
                    expr_text(side, out);
                    out.push(')');
                } else {
                    expr_text(side, out);
                }
            }
        }
    }
}

/// The job for the terminal: one setting a line, every value as upstart
/// uses it (defaults marked), processes last with their exact text.
#[must_use]
pub fn text(n: &Named) -> String {
    let mut out = String::new();
    let out_ref = &mut out;
    let mut line = |key: &str, value: String| row(out_ref, key, value);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    line("job", n.name.clone());
    line("file", n.file.clone());
    line(
        "instance",
        if n.instance.is_empty() {
            "(single instance)".into()
        } else {
            n.instance.clone()
        },
    );
    line("description", opt(&n.description));
    if n.author.is_some() {
        line("author", opt(&n.author));
    }
    if n.version.is_some() {
        line("version", opt(&n.version));
    }
    if n.usage.is_some() {
        line("usage", opt(&n.usage));
    }
    let on = |e: &Option<StoredExpr>| {
        e.as_ref().map_or_else(
            || "-".to_string(),
            |e| {
                let mut s = String::new();
                expr_text(e, &mut s);
                s
            },
        )
    };
    line(
        "start on",
        if n.manual && n.start_on.is_none() {
            "- (manual)".into()
        } else {
            on(&n.start_on)
        },
    );
    line("stop on", on(&n.stop_on));
    line("type", if n.task { "task" } else { "service" }.into());
    line("expect", n.expect.into());
    line(
        "respawn",
        match (n.respawn, n.respawn_limit) {
            (false, _) => "no".into(),
            (true, None) => "yes, no limit".into(),
            (true, Some((count, secs))) => format!("yes, at most {count} times in {secs} s"),
        },
    );
    let status = |s: &NamedStatus| match s {
        NamedStatus::Code(c) => c.to_string(),
        NamedStatus::Signal(name) => name.clone(),
    };
    if !n.normal_exit.is_empty() {
        line(
            "normal exit",
            n.normal_exit
                .iter()
                .map(status)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    line(
        "kill",
        format!(
            "{} after {} s, then KILL",
            status(&n.kill_signal),
            n.kill_timeout
        ),
    );
    line("reload signal", status(&n.reload_signal));
    line("console", n.console.into());
    line("umask", n.umask.clone());
    line(
        "nice",
        n.nice
            .map_or_else(|| "- (inherited)".into(), |v| v.to_string()),
    );
    if n.oom_score_adj != 0 {
        line("oom score", n.oom_score_adj.to_string());
    }
    let limit = |l: &NamedLimit| match l {
        NamedLimit::Unlimited(s) => (*s).to_string(),
        NamedLimit::Value(v) => v.to_string(),
    };
    for (res, (soft, hard)) in &n.limits {
        line(
            &format!("limit {res}"),
            format!("{} {}", limit(soft), limit(hard)),
        );
    }
    places_and_environment(&mut out, n);
    processes(&mut out, n);
    out
}

/// One `key value` row, keys in a column of 16.
fn row(out: &mut String, key: &str, value: String) {
    let _ = writeln!(out, "{key:<16} {value}");
}

/// Where and as whom the job runs, and what it carries: directories, user,
/// AppArmor, environment, exports, emitted events, cgroups.
fn places_and_environment(out: &mut String, n: &Named) {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let mut line = |key: &str, value: String| row(out, key, value);
    for (key, v) in [
        ("chroot", &n.chroot),
        ("chdir", &n.chdir),
        ("setuid", &n.setuid),
        ("setgid", &n.setgid),
        ("apparmor load", &n.apparmor_load),
        ("apparmor switch", &n.apparmor_switch),
    ] {
        if v.is_some() {
            line(key, opt(v));
        }
    }
    for e in &n.env {
        line("env", e.clone());
    }
    if !n.export.is_empty() {
        line("export", n.export.join(" "));
    }
    if !n.emits.is_empty() {
        line("emits", n.emits.join(" "));
    }
    for (controller, names) in &n.cgroups {
        for (name, keys) in names {
            let name = if name.is_empty() { "(default)" } else { name };
            if keys.is_empty() {
                line("cgroup", format!("{controller} {name}"));
            }
            for (k, v) in keys {
                line("cgroup", format!("{controller} {name} {k}={v}"));
            }
        }
    }
    for v in &n.import {
        line("import", v.clone());
    }
    for v in &n.tmpfiles {
        line("tmpfiles", v.clone());
    }
    if n.debug {
        line("debug", "yes".into());
    }
}

/// Every process, with the exact text upstart hands to the shell or execs.
fn processes(out: &mut String, n: &Named) {
    for kind in [
        "security",
        "pre-start",
        "main",
        "post-start",
        "pre-stop",
        "post-stop",
    ] {
        if let Some(p) = n.process.get(kind) {
            if p.script {
                let _ = writeln!(out, "{kind} script:");
                for l in p.command.lines() {
                    let _ = writeln!(out, "    {l}");
                }
            } else {
                let _ = writeln!(out, "{:<16} {}", format!("{kind} exec"), p.command);
            }
        }
    }
    if n.process.is_empty() {
        let _ = writeln!(out, "{:<16} none", "processes");
    }
}
