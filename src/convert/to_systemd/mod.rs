//! Upstart job → systemd units: a `.service` (or a `.target` for a job
//! without processes) and the event targets it needs, values escaped as
//! systemd 252 reads them (see `unit_writer`). Every loss of meaning becomes a [`Loss`] with a `UL5xx` code, so
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

#[cfg(test)]
mod loss_tests;
mod processes;
mod service;
mod start_stop;

use processes::*;
use service::*;
use start_stop::*;

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
    /// What each event of `start on` and `stop on` became, in order.
    pub events: Vec<EventMapping>,
}

/// What one event of `start on` or `stop on` became in the unit (the
/// migration report's event → target table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMapping {
    /// `start on` or `stop on`.
    pub stanza: &'static str,
    /// The event match as written: `runlevel [2345]`, `started dbus`.
    pub event: String,
    /// The directives it added, `Key=value` one value each
    /// (`WantedBy=multi-user.target`); empty when it added none.
    pub directives: Vec<String>,
    /// The codes of the losses it caused, in order.
    pub losses: Vec<Code>,
    /// Why it needs no directive, when it needs none.
    pub note: Option<&'static str>,
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
    events: Vec<EventMapping>,
    /// Set while converting one event: why it needs no directive.
    event_note: Option<&'static str>,
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
        events: Vec::new(),
        event_note: None,
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
    unit_header(&mut c, r);

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
        return target(c, r, job);
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
    let unit = std::mem::take(&mut c.unit);
    finish(name, unit, c)
}

/// `description`, `author`, `version`, `usage`, `emits` and `export` in
/// `[Unit]`.
fn unit_header(c: &mut Ctx, r: &Resolved<'_>) {
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
}

/// A job with no process only marks a state: a target. Settings for
/// processes have nothing to apply to; say which are dropped.
fn target(mut c: Ctx, r: &Resolved<'_>, job: &str) -> Conversion {
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
    let mut unit = strip_service(std::mem::take(&mut c.unit));
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
    finish(name, unit, c)
}

/// The conversion: the unit `name`, then the event targets of `c`. (The
/// unit is passed apart: a target is `c.unit` without `[Service]`.)
fn finish(name: String, unit: Unit, c: Ctx) -> Conversion {
    let mut units = vec![OutputUnit {
        file_name: name,
        unit,
    }];
    units.extend(c.extra);
    Conversion {
        units,
        losses: c.losses,
        notes: c.notes,
        events: c.events,
    }
}

fn strip_service(mut unit: Unit) -> Unit {
    unit.sections.retain(|s| s.name != "Service");
    unit
}
