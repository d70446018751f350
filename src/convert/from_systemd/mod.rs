//! systemd unit → upstart job, the reverse of `to_systemd`: a unit this
//! tool wrote converts back to the job it came from.
//!
//! Every directive is either mapped or reported as a [`Loss`]; none is
//! dropped silently. Loss codes (the `UL7xx` family, registered as
//! `systemd2upstart` rules in the lint registry):
//!
//! * `UL701` no-upstart-equivalent — the directive has no upstart form
//!   (sandboxing, sockets, `RestartSec=`, `ExecReload=` other than a kill,
//!   Exec prefixes `@ + ! !!`, `TimeoutStopSec=infinity`…).
//! * `UL702` dependency-approximated — ordering/requirement dependencies
//!   that upstart's events only approximate (`Before=`/`After=` alone,
//!   `Requires=`, `Wants=` of other units, `Restart=on-abnormal`…).
//! * `UL703` type-not-supported — `Type=notify|dbus|idle|exec`, non-service
//!   unit types (`.socket`, `.timer`, `.path`, `.mount`…), `PIDFile=`.
//! * `UL704` environment-file — `EnvironmentFile=` is not read.
//! * `UL705` condition-dropped — `Condition*=`/`Assert*=` other than the
//!   file tests that become pre-start guards; `ExecCondition=` that cannot.
//! * `UL706` unknown-key — a key this converter does not know.
//! * `UL707` exec-variable-split — a whole-word `$NAME` in a command, which
//!   systemd splits into words honouring quotes and backslashes in the
//!   value and the shell splits at blanks only (the job turns globbing off
//!   with `set -f` so that the pieces are not file patterns); a word
//!   systemd drops (`$NAME/x`).
//!
//! `$` in commands follows systemd 252's `replace_env_argv`: a word that is
//! exactly `$NAME` becomes the value split at blanks (no word when empty or
//! unset) — lowered to an unquoted `$NAME` after `set -f`; `${NAME}` is
//! the value inside one word — lowered to `"${NAME}"`; `$NAME` inside a
//! longer word, `${NAME:-x}` and `$$` (→ `$`) are text.
//!
//! Each loss points at the entry's value span in the unit file.

use super::Loss;
use super::guard;
use super::systemd_unit::{Entry, ExecPrefixes, UnitFile};
use crate::ast::{
    Comment, ConsoleMode, EnvVar, EventArg, EventExpr, EventMatch, ExitStatus, ExpectMode, Item,
    Job, LimitValue, OnCondition, Oom, Operator, ProcessBody, ProcessKind, Resource, RespawnLimit,
    Signal, Spanned, Stanza, StanzaKind, Word,
};
use crate::diag::Code;
use crate::diag::Severity;
use crate::source::Span;
use crate::syntax::values::{signal_from_name, signal_name};
use std::collections::BTreeSet;

mod conditions;
mod events;
mod exec;
mod process;
mod service;
mod shell_text;
mod specifiers;
#[cfg(test)]
mod tests;
mod values;

use conditions::*;
use events::*;
use exec::*;
use service::*;
use shell_text::*;
use specifiers::*;
use values::*;

/// The result of converting one unit.
#[derive(Clone, Debug, Default)]
pub struct FromSystemd {
    pub job: Job,
    pub losses: Vec<Loss>,
}

/// Sandboxing and other directives with no upstart form (→ `UL701`).
const NO_EQUIVALENT: &[&str] = &[
    "PrivateTmp",
    "ProtectSystem",
    "ProtectHome",
    "PrivateDevices",
    "PrivateNetwork",
    "PrivateUsers",
    "NoNewPrivileges",
    "CapabilityBoundingSet",
    "AmbientCapabilities",
    "ReadOnlyPaths",
    "ReadWritePaths",
    "InaccessiblePaths",
    "ReadOnlyDirectories",
    "ReadWriteDirectories",
    "InaccessibleDirectories",
    "SystemCallFilter",
    "SystemCallArchitectures",
    "SystemCallErrorNumber",
    "RestrictAddressFamilies",
    "RestrictNamespaces",
    "RestrictRealtime",
    "RestrictSUIDSGID",
    "MemoryDenyWriteExecute",
    "LockPersonality",
    "ProtectKernelTunables",
    "ProtectKernelModules",
    "ProtectKernelLogs",
    "ProtectControlGroups",
    "ProtectClock",
    "ProtectHostname",
    "ProtectProc",
    "ProcSubset",
    "DevicePolicy",
    "DeviceAllow",
    "IPAddressDeny",
    "IPAddressAllow",
    "DynamicUser",
    "SupplementaryGroups",
    "RestartSec",
    "TimeoutStartSec",
    "TimeoutSec",
    "RuntimeMaxSec",
    "WatchdogSec",
    "NotifyAccess",
    "KillMode",
    "SendSIGKILL",
    "SendSIGHUP",
    "FinalKillSignal",
    "RestartForceExitStatus",
    "RuntimeDirectory",
    "RuntimeDirectoryMode",
    "RuntimeDirectoryPreserve",
    "StateDirectory",
    "LogsDirectory",
    "CacheDirectory",
    "ConfigurationDirectory",
    "Sockets",
    "BusName",
    "SyslogIdentifier",
    "SyslogFacility",
    "SyslogLevel",
    "LogLevelMax",
    "MemoryMax",
    "MemoryLimit",
    "MemoryHigh",
    "CPUWeight",
    "CPUShares",
    "CPUQuota",
    "TasksMax",
    "Slice",
    "Delegate",
    "CPUSchedulingPolicy",
    "CPUSchedulingPriority",
    "IOSchedulingClass",
    "IOSchedulingPriority",
    "CPUAffinity",
    "Alias",
    "Also",
    "DefaultInstance",
    "Documentation",
    "UnsetEnvironment",
    "StandardInput",
    "GuessMainPID",
    "OnFailure",
    "IgnoreSIGPIPE",
    "TTYReset",
    "TTYVHangup",
    "TTYVTDisallocate",
    "RefuseManualStart",
    "RefuseManualStop",
    "AllowIsolate",
    "StopWhenUnneeded",
    "JobTimeoutSec",
    "UtmpIdentifier",
    "PAMName",
    "KeyringMode",
    "FileDescriptorStoreMax",
    "PIDFile",
    "OnFailureJobMode",
    "IgnoreOnIsolate",
    "LoadCredential",
    "MountFlags",
    "JobTimeoutAction",
    "SuccessAction",
    "FailureAction",
    "StartLimitAction",
    "MemoryAccounting",
    "CPUAccounting",
    "StateDirectoryMode",
    "LogsDirectoryMode",
    "CacheDirectoryMode",
    "RemoveIPC",
    "ReloadPropagatedFrom",
    "PropagatesReloadTo",
    "WatchdogSignal",
    "RestartKillSignal",
    "PrivateMounts",
    "PermissionsStartOnly",
];

struct Ctx<'u> {
    unit: &'u UnitFile,
    items: Vec<Item>,
    losses: Vec<Loss>,
    /// `(section, key)` pairs handled (mapped or reported).
    handled: BTreeSet<(String, String)>,
    /// The instance variable of a template.
    instance: Option<String>,
    /// The values `Environment=` gives (specifiers resolved).
    env: std::cell::OnceCell<std::collections::BTreeMap<String, String>>,
    /// Whether an `EnvironmentFile=` may give other values.
    env_file: bool,
}

fn word(s: &str) -> Word {
    Spanned::new(s.into(), Span::default())
}

fn item(kind: StanzaKind) -> Item {
    Item::Stanza(Stanza {
        kind,
        span: Span::default(),
        keyword_span: Span::default(),
        comment: None,
    })
}

fn signal(name_or_number: &str) -> Option<Signal> {
    let bare = name_or_number.trim();
    if let Ok(n) = bare.parse::<i64>() {
        // Linux signals are 1-64, and 0 (kill's existence check) is what
        // upstart's `reload signal 0` converts to; nothing else is one.
        if !(0..=64).contains(&n) {
            return None;
        }
        return Some(Signal {
            name: signal_name(n).map(Into::into),
            number: n,
            span: Span::default(),
        });
    }
    let number = signal_from_name(bare)?;
    Some(Signal {
        name: Some(bare.trim_start_matches("SIG").into()),
        number,
        span: Span::default(),
    })
}

impl<'u> Ctx<'u> {
    fn loss(&mut self, code: Code, severity: Severity, span: Span, message: String) {
        self.losses.push(Loss {
            code,
            severity,
            span,
            message,
            help: None,
        });
    }

    fn help(&mut self, help: &str) {
        if let Some(l) = self.losses.last_mut() {
            l.help = Some(help.to_string());
        }
    }

    fn mark(&mut self, section: &str, key: &str) {
        self.handled.insert((section.to_string(), key.to_string()));
    }

    /// The last value of `key`, marked handled.
    fn last(&mut self, section: &str, key: &str) -> Option<&'u Entry> {
        self.mark(section, key);
        self.unit.last(section, key)
    }

    fn values(&mut self, section: &str, key: &str) -> Vec<&'u Entry> {
        self.mark(section, key);
        self.unit.values(section, key)
    }

    /// Space-separated list values (`After=`, `WantedBy=`…), each with the
    /// entry it came from.
    fn list(&mut self, section: &str, key: &str) -> Vec<(String, &'u Entry)> {
        let mut out = Vec::new();
        for e in self.values(section, key) {
            for v in e.value.split_whitespace() {
                if !UNIT_LISTS.contains(&key) || unit_name_ok(v) {
                    out.push((self.spec(v), e));
                } else {
                    // systemd ignores it too (unit_name_is_valid), and its
                    // text could not be an upstart event or job name.
                    self.loss(
                        Code::UL702,
                        Severity::Warning,
                        e.value_span,
                        format!("`{key}={v}`: not a valid unit name; systemd ignores it"),
                    );
                }
            }
        }
        out
    }
}

/// Convert a unit (its merged definition).
#[must_use]
pub fn from_systemd(unit: &UnitFile) -> FromSystemd {
    // About one stanza per entry: reserved at once, a unit of a million
    // `Environment=` lines never holds a half-copied list twice.
    let entries: usize = unit.sections.iter().map(|s| s.entries.len()).sum();
    let mut c = Ctx {
        unit,
        items: Vec::with_capacity(entries + 16),
        losses: Vec::new(),
        handled: BTreeSet::new(),
        instance: None,
        env: std::cell::OnceCell::new(),
        env_file: !unit.values("Service", "EnvironmentFile").is_empty(),
    };
    let suffix = unit.name.rsplit_once('.').map_or("", |(_, s)| s);
    unit_types(&mut c);
    unknown_specifiers(&mut c);
    let instance_env = template_environment(&mut c);
    header(&mut c, suffix);
    if let Some(v) = &c.instance {
        c.items.push(item(StanzaKind::Instance {
            name: word(&format!("${v}")),
        }));
    }

    events(&mut c);

    let emits = c.list("Unit", "X-Upstart-Emits");
    if !emits.is_empty() {
        c.items.push(item(StanzaKind::Emits {
            events: emits.iter().map(|(v, _)| word(v)).collect(),
        }));
    }
    let export = c.list("Unit", "X-Upstart-Export");
    if !export.is_empty() {
        c.items.push(item(StanzaKind::Export {
            names: export.iter().map(|(v, _)| word(v)).collect(),
        }));
    }

    service(&mut c, &instance_env);
    unhandled(&mut c);
    FromSystemd {
        job: Job { items: c.items },
        losses: c.losses,
    }
}

/// A unit that is not a service or target, and the sections other than
/// `[Unit]`, `[Service]` and `[Install]` (`UL703`).
fn unit_types(c: &mut Ctx<'_>) {
    let unit = c.unit;
    let suffix = unit.name.rsplit_once('.').map_or("", |(_, s)| s);
    if !matches!(suffix, "service" | "target") {
        c.loss(
            Code::UL703,
            Severity::Error,
            Span::default(),
            format!("a .{suffix} unit has no upstart equivalent"),
        );
        c.help("sockets: upstart-socket-bridge; timers: cron; paths: upstart-file-bridge");
    }
    for s in &unit.sections {
        if !matches!(s.name.as_str(), "Unit" | "Service" | "Install") {
            c.loss(
                Code::UL703,
                Severity::Error,
                s.span,
                format!("the [{}] section is not converted", s.name),
            );
            for e in &s.entries {
                c.mark(&s.name, &e.key);
            }
        }
    }
}

/// The instance variable of a template (the `Environment=` name set to
/// `%i`/`%I`, else `INSTANCE`) and the values `Environment=` gives. The
/// variable named in `Environment=` is returned (None when there is none).
fn template_environment(c: &mut Ctx<'_>) -> Option<String> {
    let unit = c.unit;
    let template = unit.name.contains("@.");
    let mut instance_env: Option<String> = None;
    if template {
        for e in unit.values("Service", "Environment") {
            for w in split_words(&e.value) {
                if let Some((k, v)) = w.split_once('=')
                    && matches!(v, "%I" | "%i")
                    && instance_env.is_none()
                {
                    instance_env = Some(k.to_string());
                }
            }
        }
        c.instance = Some(instance_env.clone().unwrap_or_else(|| "INSTANCE".into()));
    }
    instance_env
}

impl Ctx<'_> {
    /// The value `Environment=` gives `var` (specifiers resolved). The
    /// table is built on the first question: only a unit whose commands
    /// name a variable asks, and a unit of a million `Environment=` lines
    /// need not hold them all twice.
    pub(super) fn env_value(&self, var: &str) -> Option<&String> {
        self.env
            .get_or_init(|| {
                let mut env = std::collections::BTreeMap::new();
                for e in self.unit.values("Service", "Environment") {
                    for w in split_words(&e.value) {
                        if let Some((k, v)) = w.split_once('=') {
                            env.insert(k.to_string(), self.spec(v));
                        }
                    }
                }
                env
            })
            .get(var)
    }
}

/// `Description=`, `Documentation=` and the `X-Upstart-` header keys.
fn header(c: &mut Ctx<'_>, suffix: &str) {
    let unit = c.unit;
    if let Some(d) = c.last("Unit", "Description") {
        let v = plain_value(c, &d.value);
        // The forward mapping's placeholder for a target (an empty unit
        // file would be masked) is not a description.
        let stem = unit.name.strip_suffix(".target").unwrap_or_default();
        if suffix != "target" || v != format!("upstart job {stem}") {
            c.items
                .push(item(StanzaKind::Description { text: word(&v) }));
        }
    }
    for d in c.values("Unit", "Documentation") {
        c.items.push(Item::Comment(Comment {
            text: compact_str::format_compact!(
                "# Documentation: {}",
                d.value.replace(['\n', '\r'], " ")
            ),
            span: Span::default(),
        }));
    }
    for (key, kind) in [
        ("X-Upstart-Author", 0),
        ("X-Upstart-Version", 1),
        ("X-Upstart-Usage", 2),
    ] {
        if let Some(e) = c.last("Unit", key) {
            let text = word(&plain_value(c, &e.value));
            c.items.push(item(match kind {
                0 => StanzaKind::Author { text },
                1 => StanzaKind::Version { text },
                _ => StanzaKind::Usage { text },
            }));
        }
    }
}

/// Every entry not handled is a loss: dropped conditions, `EnvironmentFile=`,
/// directives with no upstart form, and unknown keys.
fn unhandled(c: &mut Ctx<'_>) {
    let unit = c.unit;
    for s in &unit.sections {
        for e in &s.entries {
            if c.handled.contains(&(s.name.clone(), e.key.clone())) {
                continue;
            }
            c.mark(&s.name, &e.key);
            let k = e.key.as_str();
            let (code, sev, msg) = if k.starts_with("Condition") || k.starts_with("Assert") {
                (Code::UL705, Severity::Warning, format!("`{k}=` is dropped"))
            } else if k == "EnvironmentFile" {
                (
                    Code::UL704,
                    Severity::Warning,
                    "`EnvironmentFile=` is not read".to_string(),
                )
            } else if NO_EQUIVALENT.contains(&k) {
                let sev = if k.starts_with("Protect")
                    || k.starts_with("Private")
                    || k.starts_with("Restrict")
                    || k.contains("Capabilit")
                    || k.contains("Paths")
                    || k.starts_with("SystemCall")
                    || k == "NoNewPrivileges"
                {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                (
                    Code::UL701,
                    sev,
                    format!("`{k}=` has no upstart equivalent"),
                )
            } else {
                (
                    Code::UL706,
                    Severity::Warning,
                    format!("unknown key `{k}=` is dropped"),
                )
            };
            c.loss(code, sev, e.value_span, msg);
            if code == Code::UL704 {
                c.help("source it in the scripts: set -a; [ -r F ] && . F; set +a");
            }
        }
    }
}
