//! systemd unit → upstart job (spec/conversion.md A.7, the reverse of A.2).
//!
//! Every directive is either mapped or reported as a [`Loss`]; none is
//! dropped silently. Loss codes (the `UL7xx` family, reserved for
//! `systemd2upstart` in lint.md):
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
    env: std::collections::BTreeMap<String, String>,
    /// Whether an `EnvironmentFile=` may give other values.
    env_file: bool,
}

fn word(s: &str) -> Word {
    Spanned::new(s.to_string(), Span::default())
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
            name: signal_name(n).map(str::to_string),
            number: n,
            span: Span::default(),
        });
    }
    let number = signal_from_name(bare)?;
    Some(Signal {
        name: Some(bare.trim_start_matches("SIG").to_string()),
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

    /// Resolve specifiers (A.7.3) in `s`: the instance becomes `$VAR`, the
    /// run-time ones a command substitution (`$(hostname)`).
    fn spec(&self, s: &str) -> String {
        let inst = self.instance_var();
        self.spec_tokens(s)
            .iter()
            .map(|t| match t {
                Tok::Ch(c) => c.to_string(),
                Tok::Inst => format!("${inst}"),
                Tok::Run(cmd) => format!("$({cmd})"),
            })
            .collect()
    }

    /// The instance variable's name (`INSTANCE` outside a template).
    fn instance_var(&self) -> String {
        self.instance
            .clone()
            .unwrap_or_else(|| "INSTANCE".to_string())
    }

    /// `s` with its specifiers resolved (A.7.3), as tokens: the instance
    /// name and the values only known at run time stay apart from the text,
    /// so that `$` expansion (which systemd does after specifiers) reads
    /// them as text, and the shell quoting leaves them unquoted.
    fn spec_tokens(&self, s: &str) -> Vec<Tok> {
        let name = &self.unit.name;
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(a, _)| a);
        let prefix = stem.split_once('@').map_or(stem, |(p, _)| p);
        // An instance's own unit file (`getty@tty1.service`): its instance
        // is known text, not a variable.
        let own = stem
            .split_once('@')
            .map(|(_, i)| i)
            .filter(|i| !i.is_empty());
        let mut out = Vec::new();
        let text = |out: &mut Vec<Tok>, t: &str| out.extend(t.chars().map(Tok::Ch));
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(Tok::Ch(c));
                continue;
            }
            match chars.next() {
                Some('%') | None => out.push(Tok::Ch('%')),
                Some('i') if own.is_some() => text(&mut out, own.unwrap_or_default()),
                Some('I') if own.is_some() => text(
                    &mut out,
                    &crate::convert::systemd_unit::unescape_unit_part(own.unwrap_or_default()),
                ),
                Some('i' | 'I') => out.push(Tok::Inst),
                Some('n') => text(&mut out, name),
                Some('N') => text(&mut out, stem),
                Some('p' | 'P' | 'j' | 'J') => text(&mut out, prefix),
                Some('f') if own.is_some() => {
                    let part = crate::convert::systemd_unit::unescape_unit_part(own.unwrap_or_default());
                    if !part.starts_with('/') {
                        out.push(Tok::Ch('/'));
                    }
                    text(&mut out, &part);
                }
                Some('f') => {
                    out.push(Tok::Ch('/'));
                    out.push(Tok::Inst);
                }
                Some('t') => text(&mut out, "/run"),
                Some('S') => text(&mut out, "/var/lib"),
                Some('C') => text(&mut out, "/var/cache"),
                Some('L') => text(&mut out, "/var/log"),
                Some('E') => text(&mut out, "/etc"),
                Some('T') => text(&mut out, "/tmp"),
                Some('V') => text(&mut out, "/var/tmp"),
                Some('u' | 'g') => text(&mut out, "root"),
                Some('U' | 'G') => out.push(Tok::Ch('0')),
                Some('h') => text(&mut out, "/root"),
                Some('s') => text(&mut out, "/bin/sh"),
                Some('H') => out.push(Tok::Run("hostname")),
                Some('l') => out.push(Tok::Run("hostname -s")),
                Some('m') => out.push(Tok::Run("cat /etc/machine-id")),
                Some('b') => out.push(Tok::Run("cat /proc/sys/kernel/random/boot_id")),
                Some('v') => out.push(Tok::Run("uname -r")),
                Some(other) => {
                    out.push(Tok::Ch('%'));
                    out.push(Tok::Ch(other));
                }
            }
        }
        out
    }
}

/// The specifiers [`Ctx::spec_tokens`] resolves.
const KNOWN_SPECIFIERS: &str = "%iInNpPjJftSCLETVuUgGhsHlmbv";

/// A specifier the conversion does not resolve (`%c`, the unit's control
/// group; `%o`, the OS id; …) stays as written in the job, where it means
/// nothing: reported once per entry.
fn unknown_specifiers(c: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for s in &c.unit.sections {
        for e in &s.entries {
            let mut chars = e.value.chars();
            let mut unknown: Vec<char> = Vec::new();
            while let Some(ch) = chars.next() {
                if ch == '%'
                    && let Some(next) = chars.next()
                    && !KNOWN_SPECIFIERS.contains(next)
                    && !unknown.contains(&next)
                {
                    unknown.push(next);
                }
            }
            if !unknown.is_empty() {
                found.push((e.key.clone(), e.value_span, unknown));
            }
        }
    }
    for (key, span, unknown) in found {
        let list: Vec<String> = unknown.iter().map(|u| format!("`%{u}`")).collect();
        c.loss(
            Code::UL702,
            Severity::Warning,
            span,
            format!(
                "{} in `{key}=`: a specifier systemd resolves and the job keeps as text",
                list.join(", ")
            ),
        );
        c.help("write the value it stands for (see systemd.unit(5), \"Specifiers\")");
    }
}

/// A character of a value after specifiers, or a value that stands for a
/// specifier (see [`Ctx::spec_tokens`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Ch(char),
    /// `%i`/`%I`: the instance name (the instance variable in upstart).
    Inst,
    /// A value known only at run time: the output of this command.
    Run(&'static str),
}

/// A plain value (`Description=`, paths): specifiers resolved, the extra
/// backslash `plain()` adds to a value ending in an odd run removed.
fn plain_value(c: &Ctx<'_>, v: &str) -> String {
    let mut s = c.spec(v);
    let run = s.len() - s.trim_end_matches('\\').len();
    if run >= 2 && run.is_multiple_of(2) {
        s.pop();
    }
    s
}

/// Split a value into words as systemd does (quotes, C escapes).
fn split_words(s: &str) -> Vec<(String, bool)> {
    // (word, had_quotes)
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut w = String::new();
        let mut quoted = false;
        let mut quote: Option<char> = None;
        while let Some(&c) = chars.peek() {
            if quote.is_none() && c.is_whitespace() {
                break;
            }
            chars.next();
            match c {
                '"' | '\'' if quote.is_none() => {
                    quote = Some(c);
                    quoted = true;
                }
                q if Some(q) == quote => quote = None,
                '\\' => {
                    // systemd's C escapes (never a NUL); an unknown one keeps
                    // its backslash.
                    let rest: Vec<char> = chars.clone().take(9).collect();
                    match crate::convert::systemd_unit::c_unescape_one(&rest) {
                        Some((ch, used)) => {
                            w.push(ch);
                            for _ in 0..used {
                                chars.next();
                            }
                        }
                        None => {
                            w.push('\\');
                            if let Some(next) = chars.next() {
                                w.push(next);
                            }
                        }
                    }
                }
                c => w.push(c),
            }
        }
        out.push((w, quoted));
    }
    out
}

/// A piece of an Exec argument that systemd passes as one word.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Lit(String),
    /// `${NAME}`, or the instance name: the value, inside this one word.
    Var(String),
    /// A value known only at run time (`%H`): this command's output.
    Run(&'static str),
}

/// One word of an Exec line as systemd expands it at exec time (systemd
/// 252 `replace_env_argv`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Arg {
    /// One argument.
    Word(Vec<Seg>),
    /// A word that is exactly `$NAME`: the value split at blanks into zero
    /// or more arguments (none when it is empty or unset).
    Split(String),
    /// A word that starts with `$` but is not `$NAME`, `${…}` or `$$…`
    /// (`$NAME/x`, a lone `$`): systemd looks up a variable named by the
    /// whole rest of the word, which cannot exist, and drops the word.
    Dropped(String),
}

impl Arg {
    /// The argument when it is one literal word.
    fn lit(&self) -> Option<&str> {
        match self {
            Arg::Word(segs) => match segs.as_slice() {
                [Seg::Lit(l)] => Some(l),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the argument is the variable `name` alone (`$NAME` or `${NAME}`).
    fn is_var(&self, name: &str) -> bool {
        match self {
            Arg::Split(v) => v == name,
            Arg::Word(segs) => matches!(segs.as_slice(), [Seg::Var(v)] if v == name),
            Arg::Dropped(_) => false,
        }
    }
}

#[derive(Clone, Debug)]
struct Cmd {
    prefixes: ExecPrefixes,
    argv: Vec<Arg>,
    entry: Span,
}

impl Cmd {
    /// The variables of whole-word `$NAME`s, in order, once each.
    fn split_vars(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.argv {
            if let Arg::Split(v) = a
                && !out.contains(&v.as_str())
            {
                out.push(v);
            }
        }
        out
    }
}

/// A name systemd accepts for an environment variable (`env_name_is_valid`).
fn env_name_ok(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The argument systemd makes of the word `w` (unquoted, before specifiers)
/// at exec time. `literal`: no `$` expansion (the `:` prefix, or the
/// executable itself, which systemd runs as written).
fn arg(c: &Ctx<'_>, w: &str, literal: bool) -> Arg {
    let toks = c.spec_tokens(w);
    if literal {
        return Arg::Word(pieces(toks.iter().copied(), &c.instance_var()));
    }
    // A word `$NAME`: the variable split into words (not `${…}`, not `$$…`).
    if toks.first() == Some(&Tok::Ch('$')) && !matches!(toks.get(1), Some(Tok::Ch('{' | '$'))) {
        let name: Option<String> = toks[1..]
            .iter()
            .map(|t| match t {
                Tok::Ch(ch) => Some(*ch),
                _ => None,
            })
            .collect();
        return match name {
            Some(n) if env_name_ok(&n) => Arg::Split(n),
            _ => Arg::Dropped(c.spec(w)),
        };
    }
    Arg::Word(expand_braces(&toks, &c.instance_var()))
}

/// systemd's `replace_env` without flags: `${NAME}` is replaced by the
/// value (nothing when unset, and nothing for a name no variable can have),
/// `$$` is `$`, anything else, `$NAME` and `${NAME:-x}` included, is
/// literal text.
fn expand_braces(toks: &[Tok], inst: &str) -> Vec<Seg> {
    let mut out: Vec<Tok> = Vec::new();
    let mut segs: Vec<Seg> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] != Tok::Ch('$') {
            out.push(toks[i]);
            i += 1;
            continue;
        }
        match toks.get(i + 1) {
            Some(Tok::Ch('$')) => {
                out.push(Tok::Ch('$'));
                i += 2;
            }
            Some(Tok::Ch('{')) => {
                // Up to `}`; a `:` first (`${A:-x}`) or no `}` leaves the
                // text as it is.
                let end = toks[i + 2..]
                    .iter()
                    .position(|t| matches!(t, Tok::Ch('}' | ':')))
                    .map(|p| i + 2 + p);
                match end {
                    Some(e) if toks[e] == Tok::Ch('}') => {
                        let name: Option<String> = toks[i + 2..e]
                            .iter()
                            .map(|t| match t {
                                Tok::Ch(ch) => Some(*ch),
                                _ => None,
                            })
                            .collect();
                        if let Some(n) = name.filter(|n| env_name_ok(n)) {
                            segs.extend(pieces(out.drain(..), inst));
                            segs.push(Seg::Var(n));
                        }
                        i = e + 1;
                    }
                    // systemd reads no `$` up to the `:` or the end.
                    Some(e) => {
                        out.extend_from_slice(&toks[i..=e]);
                        i = e + 1;
                    }
                    None => {
                        out.extend_from_slice(&toks[i..]);
                        i = toks.len();
                    }
                }
            }
            _ => {
                out.push(Tok::Ch('$'));
                i += 1;
            }
        }
    }
    segs.extend(pieces(out.drain(..), inst));
    if segs.is_empty() {
        segs.push(Seg::Lit(String::new()));
    }
    segs
}

/// Tokens as pieces of one word: runs of text, the instance, run-time values.
fn pieces(toks: impl Iterator<Item = Tok>, inst: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut lit = String::new();
    for t in toks {
        match t {
            Tok::Ch(ch) => lit.push(ch),
            Tok::Inst | Tok::Run(_) => {
                if !lit.is_empty() {
                    out.push(Seg::Lit(std::mem::take(&mut lit)));
                }
                out.push(match t {
                    Tok::Run(cmd) => Seg::Run(cmd),
                    _ => Seg::Var(inst.to_string()),
                });
            }
        }
    }
    if !lit.is_empty() {
        out.push(Seg::Lit(lit));
    }
    out
}

/// Parse an `Exec*=` value into commands with [`super::systemd_unit::parse_exec`];
/// with the `@` prefix the argv[0] name is dropped (reported by
/// [`Ctx::process`]). A line systemd refuses is reported (`UL706`).
fn parse_exec(c: &mut Ctx<'_>, e: &Entry) -> Vec<Cmd> {
    match super::systemd_unit::parse_exec(&e.value) {
        Ok(cmds) => cmds
            .into_iter()
            .filter(|cmd| !cmd.argv.is_empty())
            .map(|cmd| {
                let mut argv = cmd.argv;
                if cmd.prefixes.argv0 && argv.len() > 1 {
                    argv.remove(1);
                }
                Cmd {
                    prefixes: cmd.prefixes,
                    argv: argv
                        .iter()
                        .enumerate()
                        .map(|(i, w)| arg(c, w, i == 0 || cmd.prefixes.no_env))
                        .collect(),
                    entry: e.value_span,
                }
            })
            .collect(),
        Err(m) => {
            c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("`{}=` is invalid and not converted: {m}", e.key),
            );
            Vec::new()
        }
    }
}

/// Characters upstart's `exec` hands to the shell, plus blanks and `#`.
fn needs_quote(s: &str) -> bool {
    s.is_empty()
        || s.contains(|ch: char| {
            ch.is_whitespace()
                || ch.is_control()
                || super::to_systemd::needs_shell(&ch.to_string())
                || ch == '#'
        })
}

fn sh_quote(s: &str) -> String {
    if needs_quote(s) {
        single_quoted(s)
    } else {
        s.to_string()
    }
}

/// `'…'` for `/bin/sh`, with `'` and `\` written outside the quotes
/// (`'\''`, `'\\'`): upstart's parser reads a backslash inside quotes as
/// an escape, so `'\'` would leave the quote open.
fn single_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for ch in s.chars() {
        match ch {
            '\'' => out.push_str("'\\''"),
            '\\' => out.push_str("'\\\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Whether the argument is or holds `$MAINPID` (also as text a shell
/// expands: systemd sets it in the environment of the commands it runs).
fn mentions_mainpid(a: &Arg) -> bool {
    match a {
        Arg::Split(v) => v == "MAINPID",
        Arg::Word(segs) => segs.iter().any(|s| match s {
            Seg::Var(v) => v == "MAINPID",
            Seg::Lit(l) => l.contains("$MAINPID") || l.contains("${MAINPID}"),
            Seg::Run(_) => false,
        }),
        Arg::Dropped(_) => false,
    }
}

/// An argument as `/bin/sh` text; None for a word systemd drops.
fn arg_text(arg: &Arg) -> Option<String> {
    let segs = match arg {
        Arg::Word(segs) => segs,
        // Unquoted: the shell splits it at blanks (with `set -f`, see
        // `Ctx::process`) and drops it when it is empty.
        Arg::Split(v) => return Some(format!("${v}")),
        Arg::Dropped(_) => return None,
    };
    Some(
        segs.iter()
            .map(|s| match s {
                Seg::Lit(l) => {
                    if segs.len() == 1 {
                        sh_quote(l)
                    } else if l.is_empty() {
                        String::new()
                    } else {
                        single_quoted(l)
                    }
                }
                Seg::Var(v) => format!("\"${{{v}}}\""),
                Seg::Run(cmd) => format!("\"$({cmd})\""),
            })
            .collect(),
    )
}

fn cmd_text(cmd: &Cmd) -> String {
    cmd.argv
        .iter()
        .filter_map(arg_text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a word as the shell code it is (`sh -c BODY`): the
/// variables written `${NAME}`.
fn raw_text(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Lit(l) => l.clone(),
            Seg::Var(v) => format!("${{{v}}}"),
            Seg::Run(cmd) => format!("$({cmd})"),
        })
        .collect()
}

/// `sh -c BODY` / `/bin/sh -ec BODY`: the body and whether `-e` was given.
fn shell_body(cmd: &Cmd) -> Option<(String, bool)> {
    let [prog, flag, Arg::Word(body)] = cmd.argv.as_slice() else {
        return None;
    };
    if !matches!(prog.lit()?, "/bin/sh" | "sh" | "/usr/bin/sh") {
        return None;
    }
    let e = match flag.lit()? {
        "-ec" | "-ce" => true,
        "-c" => false,
        _ => return None,
    };
    Some((raw_text(body), e))
}

fn script(body: String) -> ProcessBody {
    let mut body = body;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    // Upstart strips indentation common to every line unless a line is
    // empty: keep a body's own indentation with a trailing empty line.
    if crate::syntax::script::strip_common_indent(&body) != body {
        body.push('\n');
    }
    ProcessBody::Script {
        body,
        body_span: Span::default(),
        indent: 0,
        end_comment: None,
    }
}

fn exec(text: String) -> ProcessBody {
    ProcessBody::Exec {
        command: word(&text),
        written: None,
    }
}

impl Ctx<'_> {
    /// One upstart process for `cmds`; `ignore_ok`: upstart ignores this
    /// process's failure anyway (post-start, pre-stop).
    fn process(&mut self, cmds: &[Cmd], ignore_ok: bool, what: &str) -> Option<ProcessBody> {
        for cmd in cmds {
            let p = cmd.prefixes;
            if p.argv0 || p.privileged || p.no_setuid {
                self.loss(
                    Code::UL701,
                    Severity::Warning,
                    cmd.entry,
                    format!("the Exec prefix `@`, `+` or `!` of {what} has no upstart equivalent"),
                );
                self.help(
                    "every process of a job runs with the same setuid/setgid; `exec -a` needs bash",
                );
            }
            if !p.ignore_failure && ignore_ok {
                self.loss(
                    Code::UL701,
                    Severity::Info,
                    cmd.entry,
                    format!("upstart ignores the failure of {what}"),
                );
            }
            self.report_words(cmd, what);
            if cmd.argv.iter().any(mentions_mainpid) {
                self.loss(
                    Code::UL701,
                    Severity::Warning,
                    cmd.entry,
                    "`$MAINPID` has no upstart equivalent".into(),
                );
                self.help("use pidof or a pid file");
            }
        }
        let guard = |cmd: &Cmd, line: String| {
            if cmd.prefixes.ignore_failure && !ignore_ok {
                format!("{line} || true")
            } else {
                line
            }
        };
        match cmds {
            [] => None,
            [cmd] => {
                if let Some((body, e)) = shell_body(cmd) {
                    if !e {
                        self.loss(
                            Code::UL701,
                            Severity::Info,
                            cmd.entry,
                            format!("`sh -c` of {what} became a script, run with `sh -e`"),
                        );
                    }
                    let one_line = !body.trim_end_matches('\n').contains('\n');
                    if let Some(rest) = body.strip_prefix("exec ")
                        && one_line
                        && !rest.contains('#')
                        && super::to_systemd::needs_shell(rest)
                        && crate::syntax::command_reads_back(rest.trim_end_matches('\n'))
                        && (!cmd.prefixes.ignore_failure || ignore_ok)
                    {
                        return Some(exec(rest.trim_end_matches('\n').to_string()));
                    }
                    let body = if cmd.prefixes.ignore_failure && !ignore_ok {
                        format!("( {} ) || true", body.trim_end_matches('\n'))
                    } else {
                        body
                    };
                    return Some(script(self.safe_script(body, cmd.entry)));
                }
                let text = cmd_text(cmd);
                if !cmd.split_vars().is_empty() {
                    // The shell must split `$NAME` but not glob its pieces.
                    let line = if cmd.prefixes.ignore_failure && !ignore_ok {
                        format!("{text} || true")
                    } else {
                        format!("exec {text}")
                    };
                    Some(script(
                        self.safe_script(format!("set -f\n{line}"), cmd.entry),
                    ))
                } else if cmd.prefixes.ignore_failure && !ignore_ok
                    || text.contains(['\n', '\r'])
                    || !crate::syntax::command_reads_back(&text)
                {
                    let line = guard(cmd, text);
                    Some(script(self.safe_script(line, cmd.entry)))
                } else {
                    Some(exec(text))
                }
            }
            _ => {
                let mut lines: Vec<String> = Vec::new();
                let mut noglob = false;
                for cmd in cmds {
                    if !noglob && !cmd.split_vars().is_empty() {
                        lines.push("set -f".to_string());
                        noglob = true;
                    }
                    lines.push(guard(cmd, cmd_text(cmd)));
                }
                let span = cmds[0].entry;
                Some(script(self.safe_script(lines.join("\n"), span)))
            }
        }
    }

    /// Report what the shell cannot do exactly as systemd does with the
    /// words of `cmd`: a `$NAME` word whose value may hold quotes or
    /// backslashes (systemd removes them when it splits the value; the
    /// shell does not), and the words systemd drops.
    fn report_words(&mut self, cmd: &Cmd, what: &str) {
        // `$MAINPID` is reported as such (`process`).
        for var in cmd.split_vars().into_iter().filter(|v| *v != "MAINPID") {
            let known = if self.env_file {
                None
            } else {
                self.env.get(var).cloned()
            };
            match known {
                Some(v) if !v.contains(['"', '\'', '\\', '\r']) => {}
                Some(v) => {
                    self.loss(
                        Code::UL707,
                        Severity::Warning,
                        cmd.entry,
                        format!(
                            "`${var}` in {what}: systemd removes the quotes and backslashes of its value `{}` when it splits it into words; the shell splits it at blanks only",
                            v.replace(['\n', '\r'], " ")
                        ),
                    );
                    self.help("write the words of the value into the command, or quote it with `${NAME}` if it is one argument");
                }
                None => {
                    self.loss(
                        Code::UL707,
                        Severity::Info,
                        cmd.entry,
                        format!(
                            "`${var}` in {what} is split at blanks by the shell, with globbing off (`set -f`), as systemd splits it; systemd also removes quotes and backslashes in the value, the shell does not"
                        ),
                    );
                    self.help("a value such as `-o \"a b\"` gives systemd the words `-o` and `a b`, and the shell `-o`, `\"a` and `b\"`");
                }
            }
        }
        for a in &cmd.argv {
            if let Arg::Dropped(w) = a {
                self.loss(
                    Code::UL707,
                    Severity::Info,
                    cmd.entry,
                    format!(
                        "the word `{w}` of {what} is left out, as systemd leaves it out: it reads `$` at the start of a word as a variable named by the rest of the word, and no variable has that name"
                    ),
                );
                self.help("in the unit, `${NAME}` followed by text is what substitutes a variable inside a word");
            }
        }
    }

    /// A body with no line that upstart would read as `end script`.
    fn safe_script(&mut self, body: String, span: Span) -> String {
        if body.lines().any(|l| l.trim() == "end script") {
            self.loss(
                Code::UL701,
                Severity::Warning,
                span,
                "a line `end script` in the command was rewritten".into(),
            );
            body.lines()
                .map(|l| {
                    if l.trim() == "end script" {
                        format!("{l} ;")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            body
        }
    }

    fn cmds(&mut self, key: &str) -> Vec<Cmd> {
        let entries = self.values("Service", key);
        let mut out = Vec::new();
        for e in entries {
            out.extend(parse_exec(self, e));
        }
        out
    }
}

/// Whether a value holds what a shell would expand (`$NAME`, `${…}`,
/// `$(…)`, backquotes): upstart's `env` keeps it as text (lint rule UL110).
fn expands(value: &str) -> bool {
    let b = value.as_bytes();
    b.iter().enumerate().any(|(i, &ch)| {
        ch == b'`'
            || (ch == b'$'
                && b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || matches!(n, b'_' | b'{' | b'(')))
    })
}

/// A time span in seconds (`90`, `1min 30s`, `500ms`); `None` when unparsable.
fn timespan(s: &str) -> Option<f64> {
    let mut total = 0.0;
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut rest = s;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let n_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let n: f64 = rest[..n_len].parse().ok()?;
        rest = rest[n_len..].trim_start();
        let u_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..u_len];
        rest = &rest[u_len..];
        let mult = match unit {
            "" | "s" | "sec" | "second" | "seconds" => 1.0,
            "us" | "usec" => 1e-6,
            "ms" | "msec" => 1e-3,
            "m" | "min" | "minute" | "minutes" => 60.0,
            "h" | "hr" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" => 86400.0,
            "w" | "week" | "weeks" => 604_800.0,
            _ => return None,
        };
        total += n * mult;
    }
    Some(total)
}

/// A `Limit*=` value (`infinity`, a number with an optional base-1024 suffix).
fn limit_value(s: &str) -> Option<LimitValue> {
    let s = s.trim();
    if s == "infinity" {
        return Some(LimitValue::Unlimited);
    }
    let (num, mult) = match s.chars().last()? {
        'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        'T' => (&s[..s.len() - 1], 1 << 40),
        'P' => (&s[..s.len() - 1], 1 << 50),
        'E' => (&s[..s.len() - 1], 1 << 60),
        _ => (s, 1),
    };
    let n: u64 = num.parse().ok()?;
    let v = n.checked_mul(mult)?;
    Some(if v == u64::MAX {
        LimitValue::Unlimited
    } else {
        LimitValue::Value(v)
    })
}

fn event(name: &str, args: &[&str]) -> EventExpr {
    EventExpr::Match {
        event: EventMatch {
            name: name.to_string(),
            name_span: Span::default(),
            args: args
                .iter()
                .map(|a| {
                    if a.contains('=') {
                        EventArg::from_token(a, Span::default())
                    } else {
                        EventArg::Positional {
                            pattern: (*a).to_string(),
                            span: Span::default(),
                        }
                    }
                })
                .collect(),
            span: Span::default(),
        },
        parens: 0,
    }
}

/// Most terms one `start on`/`stop on` chain gets: a chain of N terms is N
/// levels deep, and two chains nest, within the parser's depth limit.
const MAX_TERMS: usize = crate::syntax::MAX_EXPR_DEPTH / 2;

fn cap_terms(c: &mut Ctx<'_>, terms: &mut Vec<EventExpr>, which: &str) {
    if terms.len() > MAX_TERMS {
        c.loss(
            Code::UL702,
            Severity::Warning,
            Span::default(),
            format!(
                "{} conditions for `{which} on`: only the first {MAX_TERMS} are kept (upstart-tools refuses deeper expressions)",
                terms.len()
            ),
        );
        terms.truncate(MAX_TERMS);
    }
}

fn combine(op: Operator, terms: Vec<EventExpr>) -> Option<EventExpr> {
    let mut it = terms.into_iter();
    let mut acc = it.next()?;
    for t in it {
        let mut t = t;
        if matches!(t, EventExpr::Op { .. }) {
            *t.parens_mut() += 1;
        }
        acc = EventExpr::Op {
            op,
            lhs: Box::new(acc),
            rhs: Box::new(t),
            op_span: Span::default(),
            parens: 0,
        };
    }
    Some(acc)
}

fn on(expr: EventExpr) -> OnCondition {
    OnCondition {
        expr,
        comments: Vec::new(),
    }
}

/// Convert a unit (its merged definition).
#[must_use]
pub fn from_systemd(unit: &UnitFile) -> FromSystemd {
    let mut c = Ctx {
        unit,
        items: Vec::new(),
        losses: Vec::new(),
        handled: BTreeSet::new(),
        instance: None,
        env: std::collections::BTreeMap::new(),
        env_file: !unit.values("Service", "EnvironmentFile").is_empty(),
    };
    let suffix = unit.name.rsplit_once('.').map_or("", |(_, s)| s);
    let template = unit.name.contains("@.");
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

    unknown_specifiers(&mut c);

    // Template: find the instance variable.
    let mut instance_env: Option<String> = None;
    if template {
        for e in unit.values("Service", "Environment") {
            for (w, _) in split_words(&e.value) {
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
    for e in unit.values("Service", "Environment") {
        for (w, _) in split_words(&e.value) {
            if let Some((k, v)) = w.split_once('=') {
                let v = c.spec(v);
                c.env.insert(k.to_string(), v);
            }
        }
    }

    if let Some(d) = c.last("Unit", "Description") {
        let v = plain_value(&c, &d.value);
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
            text: format!("# Documentation: {}", d.value.replace(['\n', '\r'], " ")),
            span: Span::default(),
        }));
    }
    for (key, kind) in [
        ("X-Upstart-Author", 0),
        ("X-Upstart-Version", 1),
        ("X-Upstart-Usage", 2),
    ] {
        if let Some(e) = c.last("Unit", key) {
            let text = word(&plain_value(&c, &e.value));
            c.items.push(item(match kind {
                0 => StanzaKind::Author { text },
                1 => StanzaKind::Version { text },
                _ => StanzaKind::Usage { text },
            }));
        }
    }
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

    // Everything not handled is a loss.
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

    FromSystemd {
        job: Job { items: c.items },
        losses: c.losses,
    }
}

/// The list settings whose values are unit names.
const UNIT_LISTS: &[&str] = &[
    "WantedBy",
    "RequiredBy",
    "After",
    "Before",
    "Wants",
    "Requires",
    "PartOf",
    "BindsTo",
    "Conflicts",
];

/// systemd's `unit_name_is_valid` before specifiers are resolved: a
/// non-empty name of its allowed characters (`%` for specifiers) and a
/// suffix after the last dot.
fn unit_name_ok(name: &str) -> bool {
    let Some((stem, suffix)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && !suffix.is_empty()
        && name.len() <= 255
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b":-_.\\@%".contains(&b))
}

fn events(c: &mut Ctx<'_>) {
    let wanted: Vec<(String, &Entry)> = {
        let mut w = c.list("Install", "WantedBy");
        w.extend(c.list("Install", "RequiredBy"));
        w
    };
    let after: Vec<(String, &Entry)> = c.list("Unit", "After");
    let before: Vec<(String, &Entry)> = c.list("Unit", "Before");
    let wants: Vec<(String, &Entry)> = c.list("Unit", "Wants");
    let mut used: BTreeSet<String> = BTreeSet::new();
    let dd_no = c
        .last("Unit", "DefaultDependencies")
        .is_some_and(|e| matches!(e.value.as_str(), "no" | "false" | "0" | "off"));
    let has_after = |n: &str| after.iter().any(|(a, _)| a == n);
    let has_before = |n: &str| before.iter().any(|(a, _)| a == n);

    let mut start: Vec<EventExpr> = Vec::new();
    let mut stop_runlevel = false;
    let mut shutdown = false;
    for (t, e) in &wanted {
        let term = match t.as_str() {
            "multi-user.target" | "default.target" => {
                stop_runlevel = true;
                if has_after("rc-local.service") {
                    used.insert("rc-local.service".into());
                    event("stopped", &["rc", "RUNLEVEL=[2345]"])
                } else {
                    event("runlevel", &["[2345]"])
                }
            }
            "graphical.target" => {
                stop_runlevel = true;
                if has_after("display-manager.service") {
                    used.insert("display-manager.service".into());
                    event("desktop-session-start", &[])
                } else {
                    event("runlevel", &["[5]"])
                }
            }
            // Pulled in by multi-user.target: the gettys of runlevels 2-5.
            "getty.target" => {
                stop_runlevel = true;
                event("runlevel", &["[2345]"])
            }
            "sysinit.target" | "basic.target" => event("startup", &[]),
            "rescue.target" => event("runlevel", &["S"]),
            "halt.target" | "poweroff.target" | "reboot.target" => {
                if shutdown {
                    continue;
                }
                shutdown = true;
                used.insert("shutdown.target".into());
                event("runlevel", &["[06]"])
            }
            "ctrl-alt-del.target" => event("control-alt-delete", &[]),
            "kbrequest.target" => event("keyboard-request", &[]),
            "sigpwr.target" => event("power-status-changed", &[]),
            "local-fs.target" => event("local-filesystems", &[]),
            "remote-fs.target" => event("remote-filesystems", &[]),
            "network-online.target" | "network.target" => event("net-device-up", &["IFACE!=lo"]),
            // `.service` / `.target` alone name no unit: left to the loss below.
            s if s.len() > ".service".len() && s.ends_with(".service") => {
                let job = s.strip_suffix(".service").unwrap_or(s);
                used.insert(s.to_string());
                if has_before(s) {
                    event("starting", &[job])
                } else {
                    event("started", &[job])
                }
            }
            s if s.len() > ".target".len() && s.ends_with(".target") => {
                used.insert(s.to_string());
                let name = s.strip_suffix(".target").unwrap_or(s);
                if !crate::facts::events::STANDARD_EVENTS.contains(&name) {
                    c.loss(
                        Code::UL702,
                        Severity::Warning,
                        e.value_span,
                        format!(
                            "`{s}` becomes the event `{name}`: upstart has no targets, and nothing emits `{name}` unless a job runs `initctl emit {name}` (upstart-lint: UL302, and UL303 if a job is named `{name}`)"
                        ),
                    );
                    c.help(&format!(
                        "emit it where systemd reaches {s}, or start the job on a standard event"
                    ));
                }
                event(name, &[])
            }
            s => {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("installing into `{s}` has no upstart event"),
                );
                continue;
            }
        };
        if !start.contains(&term) {
            start.push(term);
        }
    }
    // Ordering on standard targets: extra `and` terms (A.7).
    let mut and_terms: Vec<EventExpr> = Vec::new();
    if !start.is_empty() {
        for (t, _) in &after {
            let term = match t.as_str() {
                "local-fs.target" => event("local-filesystems", &[]),
                "remote-fs.target" => event("remote-filesystems", &[]),
                "network-online.target" | "network.target" => {
                    event("net-device-up", &["IFACE!=lo"])
                }
                "swap.target" => event("all-swaps", &[]),
                _ => continue,
            };
            used.insert(t.clone());
            if !and_terms.contains(&term) {
                and_terms.push(term);
            }
        }
    }
    for (mp, e) in c.list("Unit", "RequiresMountsFor") {
        if start.is_empty() {
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`RequiresMountsFor={mp}` without an install target is not converted"),
            );
        } else {
            and_terms.push(event("mounted", &[&format!("MOUNTPOINT={mp}")]));
        }
    }
    if dd_no {
        used.insert("shutdown.target".into());
    }
    let mut stop: Vec<EventExpr> = Vec::new();
    if stop_runlevel {
        stop.push(event("runlevel", &["[!2345]"]));
    }
    for key in ["PartOf", "BindsTo", "Conflicts"] {
        for (t, e) in c.list("Unit", key) {
            if t == "shutdown.target" {
                continue;
            }
            if let Some(job) = t.strip_suffix(".service") {
                stop.push(event(
                    if key == "Conflicts" {
                        "starting"
                    } else {
                        "stopping"
                    },
                    &[job],
                ));
            } else {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("`{key}={t}` has no upstart equivalent"),
                );
            }
        }
    }
    for (key, list) in [("After", &after), ("Before", &before), ("Wants", &wants)] {
        for (t, e) in list.iter() {
            if used.contains(t) || (key == "Before" && t == "shutdown.target") {
                continue;
            }
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`{key}={t}` is only approximated by upstart's events"),
            );
            c.help("upstart has no dependency engine: add `and started X` or `pre-start exec start X || true` by hand");
        }
    }
    for key in ["Requires", "Requisite"] {
        for (t, e) in c.list("Unit", key) {
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`{key}={t}` is only approximated"),
            );
        }
    }
    cap_terms(c, &mut start, "start");
    cap_terms(c, &mut stop, "stop");
    let mut terms = Vec::new();
    if let Some(s) = combine(Operator::Or, start) {
        terms.push(s);
    }
    if !terms.is_empty() {
        terms.extend(and_terms);
    }
    cap_terms(c, &mut terms, "start");
    // A template is installed for the instances `systemctl enable` names;
    // an upstart event that does not carry the instance cannot start one.
    if c.unit.name.contains("@.") && !terms.is_empty() {
        let var = c.instance_var();
        let default = c
            .last("Install", "DefaultInstance")
            .map(|e| c.spec(e.value.trim()))
            .filter(|v| !v.is_empty() && !v.contains(char::is_whitespace));
        if let Some(v) = default {
            // `DefaultInstance=`: the instance the events start.
            c.items.push(item(StanzaKind::Env {
                var: EnvVar {
                    key: var,
                    value: Some(v),
                    span: Span::default(),
                },
            }));
        } else {
            let span = wanted
                .first()
                .map_or_else(Span::default, |(_, e)| e.value_span);
            c.loss(
                Code::UL702,
                Severity::Warning,
                span,
                "a template is installed for each instance `systemctl enable` names; the events of upstart cannot say which instance to start, so the job has no `start on` (upstart-lint: UL215)".to_string(),
            );
            c.help(&format!(
                "start instances with `start JOB {var}=NAME`, or add `env {var}=NAME` and a `start on` for one default instance"
            ));
            terms.clear();
        }
    }
    if let Some(expr) = combine(Operator::And, terms) {
        c.items.push(item(StanzaKind::StartOn { on: on(expr) }));
    }
    if let Some(expr) = combine(Operator::Or, stop) {
        c.items.push(item(StanzaKind::StopOn { on: on(expr) }));
    }
}

#[allow(clippy::too_many_lines)]
fn service(c: &mut Ctx<'_>, instance_env: &Option<String>) {
    let typ = c
        .last("Service", "Type")
        .map(|e| (e.value.clone(), e.value_span));
    let remain = c
        .last("Service", "RemainAfterExit")
        .is_some_and(|e| matches!(e.value.as_str(), "yes" | "true" | "1" | "on"));
    // Without `Type=`, a service with no ExecStart= systemd accepts is a
    // oneshot (systemd's `service_add_extras`).
    let no_start = c
        .unit
        .values("Service", "ExecStart")
        .iter()
        .all(|e| super::systemd_unit::parse_exec(&e.value).map_or(true, |cmds| cmds.is_empty()));
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

    // Restart.
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

    // Console.
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

    // Environment.
    for e in c.values("Service", "Environment") {
        for (w, _) in split_words(&e.value) {
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
                    key: k.to_string(),
                    value: Some(v.replace(['\n', '\r'], " ")),
                    span: Span::default(),
                },
            }));
        }
    }
    for (k, _) in c.list("Service", "PassEnvironment") {
        c.items.push(item(StanzaKind::Env {
            var: EnvVar {
                key: k,
                value: None,
                span: Span::default(),
            },
        }));
    }

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
                soft: Spanned::new(soft, Span::default()),
                hard: Spanned::new(hard, Span::default()),
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

    // Reload.
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

    // Processes.
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
    let mut procs: Vec<(ProcessKind, Vec<Cmd>, bool, &str)> = Vec::new();
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
    drop_orphan_options(c);
}

/// `Type=forking`: upstart's `expect fork` follows the forks of the main
/// process, so the daemon's command must be `exec`ed, not run by a shell
/// that ignores its failure (the `-` prefix).
fn expect_fork_main(c: &mut Ctx<'_>, cmds: &mut [Cmd]) {
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

/// Options that act on the main process (upstart-lint UL211's list).
fn main_only(kind: &StanzaKind) -> bool {
    matches!(
        kind,
        StanzaKind::Respawn
            | StanzaKind::RespawnLimit { .. }
            | StanzaKind::Expect { .. }
            | StanzaKind::NormalExit { .. }
            | StanzaKind::KillTimeout { .. }
            | StanzaKind::KillSignal { .. }
            | StanzaKind::ReloadSignal { .. }
            | StanzaKind::ApparmorSwitch { .. }
    )
}

/// Options that act on every process of the job.
fn any_process(kind: &StanzaKind) -> bool {
    matches!(
        kind,
        StanzaKind::Console { .. }
            | StanzaKind::Limit { .. }
            | StanzaKind::Setuid { .. }
            | StanzaKind::Setgid { .. }
            | StanzaKind::Umask { .. }
            | StanzaKind::Nice { .. }
            | StanzaKind::Oom { .. }
            | StanzaKind::Chroot { .. }
            | StanzaKind::Chdir { .. }
    )
}

/// A job without a main process (no ExecStart= converted, or a oneshot
/// that remains) has nothing for `respawn`, `expect`, `kill`… to act on,
/// and without any process nothing for `setuid`, `limit`, `console`…:
/// they are left out and reported (`UL708`).
fn drop_orphan_options(c: &mut Ctx<'_>) {
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
        Item::Stanza(s) if main_only(&s.kind) || (no_process && any_process(&s.kind)) => {
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

/// `Condition…=` file tests and `ExecCondition=` commands as pre-start
/// guard lines (`guard` reads them back the same way); what has no such
/// form is reported.
fn guard_lines(c: &mut Ctx<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    // In the order of the file, as the forward mapping wrote them.
    let entries: Vec<(&Entry, &str, &str)> = c
        .unit
        .sections
        .iter()
        .filter(|s| s.name == "Unit")
        .flat_map(|s| s.entries.iter())
        .filter_map(|e| {
            guard::FILE_TESTS
                .iter()
                .find(|(_, key, _)| *key == e.key)
                .map(|(op, key, _)| (e, *key, *op))
        })
        .collect();
    for (e, key, op) in entries {
        c.mark("Unit", key);
        let value = c.spec(e.value.trim());
        let (bang, path) = match value.strip_prefix('!') {
            Some(p) => ("! ", p),
            None => ("", value.as_str()),
        };
        // A triggering condition (`|PATH`: any of them may hold) is not one
        // more test that must pass; it fails `plain_path` like other values.
        if guard::plain_path(path) {
            lines.push(guard::line(&format!("[ {bang}{op} {path} ]"), false));
        } else {
            c.loss(
                Code::UL705,
                Severity::Warning,
                e.value_span,
                format!("`{key}={}` is dropped", e.value.trim()),
            );
            c.help(
                "only a plain absolute path (optionally negated with `!`) becomes a pre-start test",
            );
        }
    }
    for cmd in c.cmds("ExecCondition") {
        c.report_words(&cmd, "ExecCondition=");
        let test = match shell_body(&cmd) {
            Some((body, true)) if !body.trim_end().contains('\n') => guard::line_from_exec(&body),
            _ => None,
        };
        let line = test.unwrap_or_else(|| {
            let text = cmd_text(&cmd);
            c.loss(
                Code::UL705,
                Severity::Info,
                cmd.entry,
                "`ExecCondition=` became a pre-start test that stops the job when it fails".into(),
            );
            c.help("systemd failed the unit when the command exited 255 or was killed; upstart stops the job quietly on any failure");
            guard::line(&text, false)
        });
        if line.contains(['\n', '\r']) {
            c.loss(
                Code::UL705,
                Severity::Warning,
                cmd.entry,
                "`ExecCondition=` is dropped (a command of several lines)".into(),
            );
        } else if cmd.split_vars().is_empty() {
            lines.push(line);
        } else {
            // The shell splits `$NAME` as systemd does, but must not glob.
            lines.push("set -f".to_string());
            lines.push(line);
            lines.push("set +f".to_string());
        }
    }
    lines
}

/// `-/sbin/apparmor_parser -r -W PROFILE` → PROFILE.
fn apparmor_profile(cmd: &Cmd) -> Option<String> {
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
fn kill_signal(cmd: &Cmd) -> Option<Signal> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::systemd_unit::UnitSection;

    fn unit(name: &str, text: &[(&str, &[(&str, &str)])]) -> UnitFile {
        UnitFile {
            name: name.into(),
            sections: text
                .iter()
                .map(|(s, es)| UnitSection {
                    name: (*s).into(),
                    span: Span::default(),
                    entries: es
                        .iter()
                        .map(|(k, v)| Entry {
                            key: (*k).into(),
                            key_span: Span::default(),
                            value: (*v).into(),
                            value_span: Span::default(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn text(u: &UnitFile) -> (String, Vec<&'static str>) {
        let r = from_systemd(u);
        let t = crate::print::print(&r.job).expect("printable");
        let parsed = crate::syntax::parse_str(&t);
        assert!(!parsed.has_errors(), "{t}\n{:?}", parsed.errors);
        (t, r.losses.iter().map(|l| l.code.as_str()).collect())
    }

    #[test]
    fn appendix_2() {
        let u = unit(
            "api.service",
            &[
                (
                    "Unit",
                    &[
                        ("Description", "Example API"),
                        ("After", "network-online.target"),
                        ("Wants", "network-online.target"),
                        ("StartLimitIntervalSec", "60"),
                        ("StartLimitBurst", "5"),
                    ],
                ),
                (
                    "Service",
                    &[
                        ("Type", "notify"),
                        ("User", "api"),
                        ("EnvironmentFile", "-/etc/default/api"),
                        ("Environment", "\"LOG_LEVEL=info\""),
                        ("ExecStartPre", "/usr/bin/api migrate"),
                        ("ExecStart", "/usr/bin/api serve --port ${PORT}"),
                        ("Restart", "on-failure"),
                        ("RestartSec", "5"),
                        ("TimeoutStopSec", "1min 30s"),
                        ("PrivateTmp", "yes"),
                        ("LimitNOFILE", "65536"),
                    ],
                ),
                ("Install", &[("WantedBy", "multi-user.target")]),
            ],
        );
        let (t, codes) = text(&u);
        for line in [
            "description \"Example API\"",
            "respawn limit 4 60",
            "setuid api",
            "env LOG_LEVEL=info",
            "limit nofile 65536 65536",
            "kill timeout 90",
            "pre-start exec /usr/bin/api migrate",
            "exec /usr/bin/api serve --port \"${PORT}\"",
            "stop on runlevel [!2345]",
            "normal exit 0 TERM HUP INT PIPE",
        ] {
            assert!(t.contains(line), "missing {line}:\n{t}");
        }
        assert!(
            t.contains("start on runlevel [2345] and net-device-up IFACE!=lo"),
            "{t}"
        );
        for code in ["UL703", "UL704", "UL701"] {
            assert!(codes.contains(&code), "{code} missing: {codes:?}");
        }
        assert_eq!(
            codes.iter().filter(|c| **c == "UL701").count(),
            2,
            "{codes:?}"
        );
    }

    #[test]
    fn shell_wrappers_and_templates() {
        let u = unit(
            "tty@.service",
            &[(
                "Service",
                &[
                    ("Environment", "\"TTY=%I\""),
                    ("ExecStart", "/bin/sh -ec \"exec getty 38400 $$TTY\""),
                    ("ExecStopPost", "/bin/sh -ec \"echo %i >/dev/null\""),
                    ("ExecReload", "/bin/kill -USR1 $MAINPID"),
                    ("Unknown", "x"),
                ],
            )],
        );
        let (t, codes) = text(&u);
        assert!(t.contains("instance $TTY\n"), "{t}");
        assert!(t.contains("exec getty 38400 $TTY\n"), "{t}");
        assert!(t.contains("echo ${TTY} >/dev/null"), "{t}");
        assert!(t.contains("reload signal USR1"), "{t}");
        assert!(!t.contains("env TTY"), "{t}");
        assert_eq!(codes, vec!["UL706"]);
    }

    fn parsed(name: &str, text: &str) -> (String, Vec<Loss>) {
        let (u, errors) = crate::convert::systemd_unit::parse_unit(name, text.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let r = from_systemd(&u);
        let t = crate::print::print(&r.job).expect("printable");
        let parsed = crate::syntax::parse_str(&t);
        assert!(!parsed.has_errors(), "{t}\n{:?}", parsed.errors);
        (t, r.losses)
    }

    #[test]
    fn conditions_become_pre_start_guards() {
        let text = "[Unit]\nConditionPathExists=!/etc/x/disabled\nConditionFileIsExecutable=/usr/sbin/xd\n\
            ConditionPathExists=|/etc/a\nConditionVirtualization=container\n\
            [Service]\nExecCondition=/bin/sh -ec \"grep -q yes /etc/x || exit 1\"\n\
            ExecCondition=/usr/bin/xd-check --quiet\nExecStartPre=/bin/mkdir -p /run/xd\n\
            ExecStart=/usr/sbin/xd\n";
        let (t, losses) = parsed("x.service", text);
        assert!(
            t.contains(
                "pre-start script\n    [ ! -e /etc/x/disabled ] || { stop; exit 0; }\n    \
                 [ -x /usr/sbin/xd ] || { stop; exit 0; }\n    \
                 grep -q yes /etc/x || { stop; exit 0; }\n    \
                 /usr/bin/xd-check --quiet || { stop; exit 0; }\n    \
                 /bin/mkdir -p /run/xd\nend script\n"
            ),
            "{t}"
        );
        let messages: Vec<String> = losses
            .iter()
            .filter(|l| l.code == "UL705")
            .map(|l| text[l.span.start..l.span.end].to_string())
            .collect();
        // A triggering condition, a key with no test, and the ExecCondition=
        // whose exit 255 systemd treated as a failure.
        assert_eq!(
            messages,
            ["|/etc/a", "/usr/bin/xd-check --quiet", "container"],
            "{losses:?}"
        );
    }

    #[test]
    fn types_hooks_and_dependencies() {
        let text = "[Unit]\nDescription=D\nPartOf=web.service\nAfter=db.service\n\
            [Service]\nType=forking\nPIDFile=/run/x.pid\nExecStart=/usr/sbin/xd -d\n\
            ExecStop=/usr/sbin/xd stop\nPrivateTmp=yes\nConditionPathExists=/etc/x\n\
            [Install]\nWantedBy=db.service\n";
        let (t, losses) = parsed("x.service", text);
        for line in [
            "expect fork\n",
            "exec /usr/sbin/xd -d\n",
            "pre-stop exec /usr/sbin/xd stop\n",
            "start on started db\n",
            "stop on stopping web\n",
        ] {
            assert!(t.contains(line), "missing {line}:\n{t}");
        }
        let codes: Vec<&str> = losses.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == "UL703").count(),
            1,
            "{codes:?}"
        );
        assert!(codes.contains(&"UL705"), "{codes:?}");
        // Every loss points at its value in the file.
        for l in &losses {
            let v = &text[l.span.start..l.span.end];
            assert!(
                ["/run/x.pid", "yes", "/etc/x", "/usr/sbin/xd stop"].contains(&v),
                "{}: {v:?}",
                l.message
            );
        }
    }

    #[test]
    fn oneshot_commands_and_remaining_units() {
        let (t, losses) = parsed(
            "s.service",
            "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=-/bin/b x\n\
             [Install]\nWantedBy=sysinit.target\n",
        );
        assert!(t.contains("task\n"), "{t}");
        assert!(
            t.contains("script\n    /bin/a\n    /bin/b x || true\nend script"),
            "{t}"
        );
        assert!(t.contains("start on startup\n"), "{t}");
        assert!(losses.is_empty(), "{losses:?}");
        let (t, _) = parsed(
            "r.service",
            "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/up\n\
             ExecStop=/bin/down\n[Install]\nWantedBy=graphical.target\n",
        );
        assert!(!t.contains("task"), "{t}");
        assert!(t.contains("pre-start exec /bin/up\n"), "{t}");
        assert!(t.contains("post-stop exec /bin/down\n"), "{t}");
        assert!(t.contains("start on runlevel [5]\n"), "{t}");
    }

    #[test]
    fn exec_words_are_requoted() {
        let (t, _) = parsed(
            "q.service",
            "[Service]\nExecStart=/bin/echo \"a b\" it\\'s 100%% $$HOME #x\n",
        );
        assert!(
            t.contains("exec /bin/echo 'a b' 'it'\\''s' 100% '$HOME' '#x'\n"),
            "{t}"
        );
    }

    /// The job's text and its losses' (code, severity).
    fn conv(text: &str) -> (String, Vec<(&'static str, Severity)>) {
        let (t, losses) = parsed("x.service", text);
        (
            t,
            losses
                .iter()
                .map(|l| (l.code.as_str(), l.severity))
                .collect(),
        )
    }

    #[test]
    fn whole_word_dollar_var_splits_without_globbing() {
        // sshd -D $SSHD_OPTS: no argument at all when SSHD_OPTS is empty,
        // several when it has blanks; `set -f` keeps `*` in it literal.
        let (t, losses) = conv(
            "[Service]\nEnvironmentFile=-/etc/default/ssh\nExecStart=/usr/sbin/sshd -D $SSHD_OPTS\n",
        );
        assert!(
            t.contains("script\n    set -f\n    exec /usr/sbin/sshd -D $SSHD_OPTS\nend script\n"),
            "{t}"
        );
        // The value comes from the file: quotes in it would split otherwise.
        assert!(losses.contains(&("UL707", Severity::Info)), "{losses:?}");
        // Known from Environment= and plain: exact, nothing to report.
        let (t, losses) =
            conv("[Service]\nEnvironment=\"OPTS=-a -b\"\nExecStart=/bin/prog $OPTS\n");
        assert!(t.contains("    set -f\n    exec /bin/prog $OPTS\n"), "{t}");
        assert!(losses.iter().all(|(c, _)| *c != "UL707"), "{losses:?}");
        // Known, with quotes systemd removes: reported.
        let (_, losses) =
            conv("[Service]\nEnvironment=\"OPTS=-o 'a b'\"\nExecStart=/bin/prog $OPTS\n");
        assert!(losses.contains(&("UL707", Severity::Warning)), "{losses:?}");
    }

    #[test]
    fn start_limit_burst_maps_to_what_upstart_can_store() {
        // Burst 1: no restart at all under systemd; upstart's `respawn limit
        // 0` would be no limit, so the job does not respawn (reported).
        let (t, losses) =
            conv("[Service]\nExecStart=/usr/bin/x\nRestart=always\nStartLimitBurst=1\n");
        assert!(!t.contains("respawn"), "{t}");
        assert!(losses.contains(&("UL702", Severity::Warning)), "{losses:?}");
        // A burst beyond upstart's C int: the largest count it keeps.
        let (t, _) = conv(
            "[Unit]\nStartLimitBurst=99999999999\n[Service]\nExecStart=/usr/bin/x\nRestart=always\n",
        );
        assert!(t.contains("respawn limit 2147483647 10\n"), "{t}");
        // The usual case: 5 starts in 10 s are 4 restarts.
        let (t, _) = conv("[Service]\nExecStart=/usr/bin/x\nRestart=always\nStartLimitBurst=5\n");
        assert!(t.contains("respawn\nrespawn limit 4 10\n"), "{t}");
    }

    #[test]
    fn braced_var_is_one_word() {
        let (t, losses) = conv("[Service]\nExecStart=/bin/prog ${A} --x=${B}y\n");
        assert!(
            t.contains("exec /bin/prog \"${A}\" '--x='\"${B}\"'y'\n"),
            "{t}"
        );
        assert!(losses.is_empty(), "{losses:?}");
    }

    #[test]
    fn dollar_var_inside_a_word_is_literal() {
        // systemd substitutes only `${NAME}` inside a word; `$NAME` there,
        // `${A:-d}` and `$$` are text (`$$` → `$`).
        let (t, _) = conv("[Service]\nExecStart=/bin/prog x$A ${A:-d} $$HOME a$$b\n");
        assert!(
            t.contains("exec /bin/prog 'x$A' '${A:-d}' '$HOME' 'a$b'\n"),
            "{t}"
        );
    }

    #[test]
    fn words_systemd_drops() {
        // `$X/y` names the variable `X/y`, a lone `$` the empty name: none
        // can be set, so systemd passes no argument for them.
        let (t, losses) = conv("[Service]\nExecStart=/bin/prog $X/y $ z\n");
        assert!(t.contains("exec /bin/prog z\n"), "{t}");
        assert_eq!(
            losses,
            [("UL707", Severity::Info), ("UL707", Severity::Info)],
            "{t}"
        );
        // `${not a name}` is an empty argument; the `:` prefix turns
        // expansion off; the executable itself is never expanded.
        let (t, _) =
            conv("[Service]\nExecStart=/bin/prog \"${a b}\"\nExecStartPre=:/bin/pre $A ${B}\n");
        assert!(t.contains("exec /bin/prog ''\n"), "{t}");
        assert!(t.contains("pre-start exec /bin/pre '$A' '${B}'\n"), "{t}");
    }

    #[test]
    fn split_vars_in_scripts_and_guards() {
        // Several commands: `set -f` before the first that needs it.
        let (t, _) = conv(
            "[Service]\nType=oneshot\nExecStart=/bin/a '*'\nExecStart=-/bin/b $OPTS\nExecStart=/bin/c $MORE\n",
        );
        assert!(
            t.contains("script\n    /bin/a '*'\n    set -f\n    /bin/b $OPTS || true\n    /bin/c $MORE\nend script"),
            "{t}"
        );
        // A guard with `$NAME`: globbing off around it only.
        let (t, _) = conv("[Service]\nExecCondition=/bin/check $OPTS\nExecStart=/bin/prog\n");
        assert!(
            t.contains("    set -f\n    /bin/check $OPTS || { stop; exit 0; }\n    set +f\n"),
            "{t}"
        );
        // The instance of a template is one word, as systemd resolves `%i`
        // before it runs anything.
        let (t, _) = parsed("t@.service", "[Service]\nExecStart=/bin/prog %i --tty=%I\n");
        assert!(
            t.contains("exec /bin/prog \"${INSTANCE}\" '--tty='\"${INSTANCE}\"\n"),
            "{t}"
        );
    }

    #[test]
    fn mainpid_as_a_whole_word() {
        let (t, losses) =
            conv("[Service]\nExecStart=/bin/d\nExecReload=/bin/kill -USR2 $MAINPID\n");
        assert!(t.contains("reload signal USR2\n"), "{t}");
        assert!(losses.is_empty(), "{losses:?}");
    }

    #[test]
    fn jobs_pass_the_linter_or_say_why() {
        // A refused ExecStart= (a build placeholder): systemd refuses the
        // unit (error), and the options for the missing process go.
        let (t, losses) = conv(
            "[Service]\nType=forking\nExecStart=@SBINDIR@/postfix start\nUser=postfix\n\
             KillSignal=INT\n[Install]\nWantedBy=multi-user.target\n",
        );
        assert!(
            !t.contains("expect") && !t.contains("setuid") && !t.contains("kill"),
            "{t}"
        );
        assert!(losses.contains(&("UL708", Severity::Error)), "{losses:?}");
        assert!(losses.contains(&("UL708", Severity::Warning)), "{losses:?}");
        // Without Type=, a unit with only SuccessAction= is a oneshot
        // systemd loads: no error.
        let (_, losses) = conv("[Unit]\nSuccessAction=reboot-force\n");
        assert!(!losses.iter().any(|(c, _)| *c == "UL708"), "{losses:?}");
        // A oneshot that remains has no main process: no `normal exit`.
        let (t, losses) = conv(
            "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/up\nSuccessExitStatus=76\n",
        );
        assert!(!t.contains("normal exit"), "{t}");
        assert!(losses.contains(&("UL708", Severity::Warning)), "{losses:?}");
        // Type=forking with `-`: the daemon is still exec'ed for `expect fork`.
        let (t, losses) = conv("[Service]\nType=forking\nExecStart=-/usr/sbin/d -b\n");
        assert!(
            t.contains("expect fork\n") && t.contains("exec /usr/sbin/d -b\n"),
            "{t}"
        );
        assert!(losses.contains(&("UL701", Severity::Warning)), "{losses:?}");
        // Environment= with `$`: the same text in both, said so.
        let (t, losses) = conv("[Service]\nEnvironment=PATH=${PATH}:/opt\nExecStart=/bin/d\n");
        assert!(t.contains("env PATH=${PATH}:/opt"), "{t}");
        assert_eq!(losses, [("UL709", Severity::Info)]);
    }

    #[test]
    fn templates_start_only_with_a_default_instance() {
        let (t, losses) = parsed(
            "w@.service",
            "[Service]\nExecStart=/bin/w %i\n[Install]\nWantedBy=multi-user.target\n",
        );
        assert!(!t.contains("start on"), "{t}");
        assert!(t.contains("stop on runlevel [!2345]"), "{t}");
        assert!(
            losses
                .iter()
                .any(|l| l.code == "UL702" && l.message.contains("UL215")),
            "{losses:?}"
        );
        let (t, losses) = parsed(
            "getty@.service",
            "[Service]\nExecStart=/sbin/agetty %I\n[Install]\nWantedBy=getty.target\nDefaultInstance=tty1\n",
        );
        assert!(t.contains("env INSTANCE=tty1\n"), "{t}");
        assert!(t.contains("start on runlevel [2345]\n"), "{t}");
        assert!(losses.is_empty(), "{losses:?}");
        // A target that is no upstart event is reported.
        let (t, losses) =
            conv("[Service]\nExecStart=/bin/d\n[Install]\nWantedBy=cloud-init.target\n");
        assert!(t.contains("start on cloud-init\n"), "{t}");
        assert_eq!(losses, [("UL702", Severity::Warning)]);
    }
}
