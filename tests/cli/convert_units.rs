//! The upstart → systemd converter (stanza → directive mapping and systemd escaping),
//! proved three ways.
//!
//! * **Goldens.** Every `fixtures/convert/<stem>.conf` (written for these
//!   tests, never copied from the corpus) converts to
//!   `snapshots/convert__<stem>.snap`: each unit file of the conversion under
//!   its file name, then the losses (code, severity, message) and the notes.
//!   Together the fixtures use every stanza, every event form and every
//!   escape (`fixtures_cover_the_mapping_tables`).
//!   `UPDATE_SNAPSHOTS=1 cargo test --test cli convert_units` rewrites them;
//!   review `git diff snapshots/` against the spec before committing.
//! * **Oracle.** systemd's own unit loader reads the units (`systemd --test
//!   --user` as uid 65534, spec Appendix 4) and its dump must show, for every
//!   `Exec*=` command, the argv upstart would run, and for every
//!   `Environment=` the value upstart would set (plus `Description=` and
//!   `WorkingDirectory=`). The intended values are computed here from the
//!   parsed job, independently of the converter's escaping; the escape
//!   fixtures also carry hand-written bodies, independent of the parser.
//!   Done for the fixtures and for every valid corpus job.
//! * **Verify.** `systemd-analyze verify` says nothing about the units of the
//!   fixtures and of every valid corpus job, except that programs of the
//!   jobs are missing on this host.
//!
//! The systemd tests print `skipped: …` and pass when systemd, setpriv or
//! root (setpriv needs it to become uid 65534) are missing, or the corpus is
//! absent.

use crate::common::{assert_snapshot, corpus_dir, files_in, fixture, root};
use crate::systemd_oracle::{
    Arg, INSTANCE, TIMEOUT, exec_time, lit, parse_command_line, parse_section, systemd_dump,
    systemd_missing, unit_dir, unit_section,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use upstart_tools::ast::{EventExpr, ProcessBody, ProcessKind, Resolved, StanzaKind};
use upstart_tools::convert::{Conversion, guard, to_systemd};
use upstart_tools::load::{LoadedJob, job_name};
use upstart_tools::syntax::Dialect;
use upstart_tools::syntax::values::signal_name;

// ---------------------------------------------------------------------------
// Converting

/// One converted job.
struct Converted {
    /// `fixtures/convert/x.conf` or the corpus file name, for messages.
    label: String,
    job: LoadedJob,
    conv: Conversion,
}

impl Converted {
    fn units(&self) -> impl Iterator<Item = (&str, String)> {
        self.conv
            .units
            .iter()
            .map(|u| (u.file_name.as_str(), u.unit.render()))
    }

    /// The unit files, each under its name, for failure messages.
    fn text(&self) -> String {
        self.units()
            .map(|(name, text)| format!("# {name}\n{text}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn convert(path: &Path, label: String) -> Converted {
    // The corpus's ChromiumOS jobs are read as their upstart reads them.
    let job = LoadedJob::load(path, job_name(path, None))
        .unwrap_or_else(|e| panic!("cannot read {label}: {e}"))
        .for_dialect(Dialect::Chromeos);
    assert!(
        !job.conf.parsed.has_errors(),
        "{label} does not parse: {:?}",
        job.conf.parsed.errors
    );
    let conv = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        to_systemd(&job.name, &job.resolved())
    }))
    .unwrap_or_else(|_| panic!("the converter panicked on {label}"));
    Converted { label, job, conv }
}

fn fixture_files() -> Vec<PathBuf> {
    let files = files_in(&fixture("convert"), "conf");
    assert!(
        files.len() >= 40,
        "fixtures/convert has only {} jobs",
        files.len()
    );
    files
}

fn fixtures() -> Vec<Converted> {
    fixture_files()
        .iter()
        .map(|p| {
            let label = p
                .strip_prefix(root())
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned();
            convert(p, label)
        })
        .collect()
}

/// Every valid job of `../shared/corpus/upstart`: all but the `*-in.conf`
/// autoconf templates and the files upstart rejects (the 8 known-bad files of
/// corpus.rs, whose test proves that exactly those fail to parse).
fn corpus() -> Option<Vec<Converted>> {
    let dir = corpus_dir("upstart")?;
    let mut out = Vec::new();
    let mut rejected = Vec::new();
    for path in files_in(&dir, "conf") {
        let label = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if label.ends_with("-in.conf") {
            continue;
        }
        let job = LoadedJob::load(&path, job_name(&path, None))
            .unwrap_or_else(|e| panic!("cannot read {label}: {e}"))
            .for_dialect(Dialect::Chromeos);
        if job.conf.parsed.has_errors() {
            rejected.push(label);
            continue;
        }
        out.push(convert(&path, label));
    }
    assert_eq!(
        rejected.len(),
        8,
        "corpus jobs skipped as invalid (expected the 8 known-bad ones): {rejected:?}"
    );
    assert!(out.len() > 300, "corpus unexpectedly small: {}", out.len());
    Some(out)
}

// ---------------------------------------------------------------------------
// Goldens

fn golden(c: &Converted) -> String {
    let mut out = String::new();
    for (name, text) in c.units() {
        out.push_str(&format!("==> {name} <==\n{text}\n"));
    }
    out.push_str("==> losses <==\n");
    for l in &c.conv.losses {
        out.push_str(&format!(
            "{} {}: {}\n",
            l.code,
            l.severity.as_str(),
            l.message
        ));
    }
    out.push_str("==> notes <==\n");
    for n in &c.conv.notes {
        out.push_str(&format!("{n}\n"));
    }
    out
}

#[test]
fn fixtures_match_their_goldens() {
    for c in fixtures() {
        let stem = Path::new(&c.label)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("fixture name is not UTF-8: {}", c.label))
            .to_string();
        assert_snapshot(
            &format!("convert__{stem}"),
            &c.label,
            &format!(
                "to_systemd() of {} read with --dialect chromeos (as `upstart2systemd --dialect chromeos`), each unit under its name",
                c.label
            ),
            &golden(&c),
        );
    }
}

fn event_forms(e: &EventExpr, on: &str, out: &mut BTreeSet<String>) {
    match e {
        EventExpr::Op { op, lhs, rhs, .. } => {
            out.insert(format!("{on} {op:?}").to_lowercase());
            event_forms(lhs, on, out);
            event_forms(rhs, on, out);
        }
        EventExpr::Match { event, .. } => {
            let name = match event.name.as_str() {
                n if n.ends_with("-device-added") => "DEV-device-added",
                n if upstart_tools::facts::events::is_standard_event(n) => n,
                _ => "CUSTOM",
            };
            out.insert(format!("{on} {name}"));
            for a in &event.args {
                if let upstart_tools::ast::EventArg::Named {
                    key,
                    negated,
                    pattern,
                    ..
                } = a
                {
                    let op = if *negated { "!=" } else { "=" };
                    let value = if key == "IFACE" {
                        pattern.as_str()
                    } else {
                        "V"
                    };
                    out.insert(format!("{on} {} {key}{op}{value}", event.name));
                } else if event.name == "runlevel" {
                    out.insert(format!("{on} runlevel {}", a_pattern(a)));
                }
            }
        }
    }
}

fn a_pattern(a: &upstart_tools::ast::EventArg) -> &str {
    match a {
        upstart_tools::ast::EventArg::Positional { pattern, .. }
        | upstart_tools::ast::EventArg::Named { pattern, .. } => pattern,
    }
}

/// The fixtures together use every stanza in each form that maps
/// differently, every form of event condition, every shape of process
/// (exec, script, hooks) and every character systemd needs escaped, so the
/// goldens and the oracle see all of them.
// A checklist, one line per form: long by nature.
#[allow(clippy::too_many_lines)]
#[test]
fn fixtures_cover_the_mapping_tables() {
    let mut seen = BTreeSet::new();
    for c in fixtures() {
        let text = c.job.conf.source.text().to_string();
        for s in c.job.conf.parsed.job.stanzas() {
            let kw = s.kind.keyword().to_string();
            match &s.kind {
                StanzaKind::Process { process, body } => {
                    let form = match body {
                        ProcessBody::Exec { command, .. } if needs_shell(&command.value) => {
                            "exec-shell"
                        }
                        ProcessBody::Exec { .. } => "exec",
                        ProcessBody::Script { .. } => "script",
                    };
                    seen.insert(format!("{} {form}", process.keyword()));
                }
                StanzaKind::Expect { mode } => {
                    seen.insert(format!("expect {:?}", mode.value).to_lowercase());
                }
                StanzaKind::Console { mode } => {
                    seen.insert(format!("console {:?}", mode.value).to_lowercase());
                }
                StanzaKind::Oom { oom } => {
                    seen.insert(format!("oom {:?}", oom.value).to_lowercase());
                }
                StanzaKind::Env { var } => {
                    seen.insert(format!("env {}", var.value.is_some()));
                }
                StanzaKind::KillTimeout { seconds } if seconds.value == 0 => {
                    seen.insert("kill timeout 0".into());
                }
                StanzaKind::Limit { soft, .. }
                    if matches!(soft.value, upstart_tools::ast::LimitValue::Unlimited) =>
                {
                    seen.insert("limit unlimited".into());
                }
                StanzaKind::RespawnLimit {
                    limit: upstart_tools::ast::RespawnLimit::Unlimited { .. },
                } => {
                    seen.insert("respawn limit unlimited".into());
                }
                StanzaKind::StartOn { on } => event_forms(&on.expr, "start on", &mut seen),
                StanzaKind::StopOn { on } => event_forms(&on.expr, "stop on", &mut seen),
                _ => {}
            }
            seen.insert(kw);
        }
        let r = c.job.resolved();
        if r.main().is_none() && !r.processes.is_empty() {
            seen.insert("shape hooks only".into());
        }
        for (i, (name, _)) in c.units().enumerate() {
            if i > 0 {
                seen.insert("shape event target".into());
            } else if name.ends_with("@.service") {
                seen.insert("shape template".into());
            } else if name.ends_with(".target") {
                seen.insert("shape no process".into());
            }
        }
        for (what, needle) in [
            ("%", "%"),
            ("$$", "$$"),
            ("${X:-d}", ":-"),
            ("backslash", "\\"),
            ("double quote", "\""),
            ("single quote", "'"),
            ("tab", "\t"),
            (";", ";"),
            (";;", ";;"),
            ("heredoc", "<<'EOF'"),
            ("printf '%s'", "printf '%s"),
        ] {
            if text.contains(needle) {
                seen.insert(format!("escape {what}"));
            }
        }
        if text.lines().any(|l| l.trim() == "$CMD") {
            seen.insert("escape bare $CMD line".into());
        }
    }
    let mut wanted: Vec<String> = [
        // Stanzas, in each form that maps differently.
        "exec",
        "script",
        "main exec",
        "main exec-shell",
        "main script",
        "pre-start exec",
        "pre-start exec-shell",
        "pre-start script",
        "post-start exec",
        "post-start exec-shell",
        "post-start script",
        "pre-stop exec",
        "pre-stop exec-shell",
        "pre-stop script",
        "post-stop exec",
        "post-stop exec-shell",
        "post-stop script",
        "start on",
        "stop on",
        "manual",
        "task",
        "respawn",
        "respawn limit",
        "respawn limit unlimited",
        "normal exit",
        "expect fork",
        "expect daemon",
        "expect stop",
        "kill signal",
        "kill timeout",
        "kill timeout 0",
        "reload signal",
        "env true",
        "env false",
        "export",
        "chdir",
        "chroot",
        "setuid",
        "setgid",
        "umask",
        "nice",
        "oom score { score: -500 }",
        "oom scorenever",
        "oom adjust { adj: 10 }",
        "oom never",
        "limit",
        "limit unlimited",
        "console none",
        "console log",
        "console output",
        "console owner",
        "instance",
        "description",
        "author",
        "version",
        "usage",
        "emits",
        "apparmor load",
        "apparmor switch",
        "cgroup",
        "debug",
        // Process shapes.
        "shape hooks only",
        "shape no process",
        "shape template",
        "shape event target",
        // Event conditions.
        "start on runlevel [2345]",
        "start on runlevel [016]",
        "start on runlevel [06]",
        "start on runlevel [!2345]",
        "start on runlevel S",
        "start on runlevel 5",
        "start on startup",
        "start on virtual-filesystems",
        "start on local-filesystems",
        "start on remote-filesystems",
        "start on filesystem",
        "start on all-swaps",
        "start on mounted",
        "start on mounted MOUNTPOINT=V",
        "start on mounting",
        "start on net-device-up IFACE!=lo",
        "start on net-device-up IFACE=eth0",
        "start on static-network-up",
        "start on started",
        "start on starting",
        "start on stopping",
        "start on stopped",
        "start on stopped RESULT=V",
        "start on stopped RUNLEVEL=V",
        "start on CUSTOM",
        "start on and",
        "start on or",
        "start on socket",
        "start on file",
        "start on dbus",
        "start on DEV-device-added",
        "start on control-alt-delete",
        "start on keyboard-request",
        "start on power-status-changed",
        "start on desktop-session-start",
        "stop on runlevel [!2345]",
        "stop on runlevel [016]",
        "stop on starting",
        "stop on stopping",
        "stop on stopped",
        "stop on CUSTOM",
        "stop on net-device-down",
        "stop on or",
        // B.5 escapes.
        "escape %",
        "escape $$",
        "escape ${X:-d}",
        "escape backslash",
        "escape double quote",
        "escape single quote",
        "escape tab",
        "escape ;",
        "escape ;;",
        "escape heredoc",
        "escape printf '%s'",
        "escape bare $CMD line",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    wanted.sort();
    let missing: Vec<&String> = wanted.iter().filter(|w| !seen.contains(*w)).collect();
    assert!(
        missing.is_empty(),
        "fixtures/convert no longer shows: {missing:?}\n(seen: {seen:?})"
    );
}

/// Characters that make upstart run an `exec` line through `/bin/sh -e`
/// (docs/language.md#spawning): the test's own copy of the list.
fn needs_shell(command: &str) -> bool {
    command.contains([
        '~', '`', '!', '$', '^', '&', '*', '(', ')', '=', '|', '\\', '{', '}', '[', ']', ';', '"',
        '\'', '<', '>', '?',
    ])
}

// ---------------------------------------------------------------------------
// What the units must make systemd do (the oracle's expectations)

/// What systemd must have parsed for one unit.
#[derive(Debug, Default, PartialEq, Eq)]
struct Intent {
    /// `ExecStart` etc. → the commands' argvs, in order.
    exec: BTreeMap<String, Vec<Vec<Arg>>>,
    /// `Environment=` entries as systemd lists them (`KEY=VALUE`).
    env: Vec<String>,
    description: Option<String>,
    working_directory: Option<String>,
    /// `Condition…=` keys from `pre-start` guards, as systemd prints them
    /// (`KEY: [!]VALUE`).
    conditions: Vec<String>,
}

/// The argv upstart runs for a process (docs/language.md#spawning), for a
/// program run in `cwd`.
fn upstart_argv(body: &ProcessBody, cwd: &str) -> Vec<Arg> {
    match body {
        ProcessBody::Script { body, .. } => {
            // A script with no newline but trailing ones goes to `sh -c`
            // without them; a longer one is read as a file, every byte kept.
            let trimmed = body.trim_end_matches('\n');
            let text = if trimmed.contains('\n') {
                body.as_str()
            } else {
                trimmed
            };
            vec![lit("/bin/sh"), lit("-ec"), lit(text)]
        }
        ProcessBody::Exec { command, .. } if needs_shell(&command.value) => {
            vec![
                lit("/bin/sh"),
                lit("-ec"),
                Arg::Lit(format!("exec {}", command.value)),
            ]
        }
        ProcessBody::Exec { command, .. } => command
            .value
            .split([' ', '\t', '\r', '\n'])
            .filter(|w| !w.is_empty())
            .enumerate()
            .map(|(i, w)| {
                // execvp runs a relative path with a `/` from the working
                // directory; systemd wants it absolute.
                if i == 0 && w.contains('/') && !w.starts_with('/') {
                    Arg::Lit(format!("{}/{w}", cwd.trim_end_matches('/')))
                } else {
                    lit(w)
                }
            })
            .collect(),
    }
}

/// The `Exec*=` key each process lands in (the converter's mapping, and the process shapes for a
/// job without a main process: a oneshot whose start runs the start hooks
/// and whose stop runs the stop hooks).
fn exec_key(kind: ProcessKind, r: &Resolved<'_>) -> &'static str {
    let has = |k| r.processes.contains_key(&k);
    let has_main = has(ProcessKind::Main);
    match kind {
        ProcessKind::Main => "ExecStart",
        ProcessKind::PreStart if has_main => "ExecStartPre",
        ProcessKind::PreStart => "ExecStart",
        ProcessKind::PostStart if has_main || has(ProcessKind::PreStart) => "ExecStartPost",
        ProcessKind::PostStart => "ExecStart",
        ProcessKind::PreStop => "ExecStop",
        // With nothing else to run, post-stop is what the stop does.
        ProcessKind::PostStop
            if !has_main && r.processes.len() == 1 && r.apparmor_load.is_none() =>
        {
            "ExecStop"
        }
        ProcessKind::PostStop => "ExecStopPost",
    }
}

fn intent(c: &Converted) -> Intent {
    let r = c.job.resolved();
    let mut it = Intent::default();
    let has_main = r.main().is_some();
    // Upstart's init runs in `/`: a relative `chdir` is relative to it.
    let cwd = r.chdir.map(|d| {
        if d.value.starts_with('/') {
            d.value.to_string()
        } else {
            format!("/{}", d.value)
        }
    });
    if let Some(p) = r.apparmor_load {
        let key = if has_main {
            "ExecStartPre"
        } else {
            "ExecStart"
        };
        it.exec.entry(key.into()).or_default().push(vec![
            lit("/sbin/apparmor_parser"),
            lit("-r"),
            lit("-W"),
            lit(&p.value),
        ]);
    }
    for kind in [
        ProcessKind::PreStart,
        ProcessKind::Main,
        ProcessKind::PostStart,
        ProcessKind::PreStop,
        ProcessKind::PostStop,
    ] {
        if let Some(body) = r.processes.get(&kind) {
            // Leading `TEST || { stop; exit 0; }` lines of a pre-start
            // script skip the unit instead (which lines they are is
            // `guard`'s own unit tests' business): ExecCondition= runs the
            // test, a Condition…= is checked by systemd, the rest runs.
            let mut body = (*body).clone();
            if kind == ProcessKind::PreStart
                && has_main
                && let ProcessBody::Script { body: text, .. } = &mut body
            {
                let file_tests = r.chroot.is_none() && r.setuid.is_none() && r.setgid.is_none();
                let (guards, rest) = guard::leading_guards(text, file_tests);
                for g in &guards {
                    match &g.becomes {
                        guard::Becomes::Exec(script) => it
                            .exec
                            .entry("ExecCondition".into())
                            .or_default()
                            .push(vec![lit("/bin/sh"), lit("-ec"), lit(script)]),
                        guard::Becomes::Conditions { keys, .. } => it.conditions.extend(
                            keys.iter()
                                .map(|(k, v)| format!("{k}: {}", v.replace("%%", "%"))),
                        ),
                    }
                }
                if !guards.is_empty() {
                    *text = text[rest..].to_string();
                    if guard::nothing_left(text) {
                        continue;
                    }
                }
            }
            it.exec
                .entry(exec_key(kind, &r).into())
                .or_default()
                .push(upstart_argv(&body, cwd.as_deref().unwrap_or("/")));
        }
    }
    if has_main {
        // `reload` sends the reload signal (SIGHUP by default) to the main
        // process.
        let sig = r.reload_signal.map_or_else(
            || "HUP".to_string(),
            |s| match &s.name {
                Some(n) => n.trim_start_matches("SIG").to_string(),
                None => signal_name(s.number).map_or_else(|| s.number.to_string(), str::to_string),
            },
        );
        it.exec.insert(
            "ExecReload".into(),
            vec![vec![
                lit("/bin/kill"),
                Arg::Lit(format!("-{sig}")),
                Arg::Var("MAINPID".into()),
            ]],
        );
    }
    // Environment: `env` stanzas, then the instance variable (upstart's
    // start environment overrides an `env` default); a later value of a key
    // replaces the earlier one in place (as systemd keeps them).
    let mut env: Vec<(String, String)> = Vec::new();
    let mut set = |key: &str, value: &str| match env.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => value.clone_into(&mut slot.1),
        None => env.push((key.to_string(), value.to_string())),
    };
    for v in &r.env {
        // systemd cannot carry other names (the converter reports the loss).
        if !valid_env_name(&v.key) {
            continue;
        }
        if let Some(value) = &v.value {
            set(&v.key, value);
        }
    }
    if let Some(inst) = r.instance {
        let t = inst.value.trim();
        let var = t
            .strip_prefix("${")
            .and_then(|v| v.strip_suffix('}'))
            .or_else(|| t.strip_prefix('$'))
            .filter(|v| valid_env_name(v))
            .unwrap_or("UPSTART_INSTANCE");
        set(var, INSTANCE);
    }
    it.env = env.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    it.description = r.description.map(|d| {
        // systemd strips blanks around a value; a final backslash cannot be
        // written alone (it would join the next line), so the converter
        // doubles it (`description` → `Description=`, where `%` is a specifier).
        let mut v = d.value.trim().to_string();
        if (v.len() - v.trim_end_matches('\\').len()) % 2 == 1 {
            v.push('\\');
        }
        v
    });
    it.working_directory = cwd;
    it
}

/// A variable name systemd accepts: `[A-Za-z_][A-Za-z0-9_]*`.
fn valid_env_name(v: &str) -> bool {
    v.starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '_')
        && v.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

/// The bodies the escape fixtures must deliver to `/bin/sh -ec`, written out
/// by hand so that the oracle also holds if the parser changed.
fn hand_written(stem: &str) -> Vec<(&'static str, Vec<Arg>)> {
    let sh = |body: &str| vec![lit("/bin/sh"), lit("-ec"), lit(body)];
    match stem {
        // The heredoc lines are not indented, so libnih strips nothing.
        "escape-script" => vec![(
            "ExecStart",
            sh(concat!(
                "    # a comment line inside the script\n",
                "    set -u\n",
                "    printf '%s\\n' \"100% sure\" '%d %%' \"$$ is the shell's pid\"\n",
                "    NAME=${NAME:-default}; export NAME\n",
                "    echo \"tab:\tend\" 'single \\ back' \"double \\\\ back \\\" quote\" \\\n",
                "        continued\n",
                "    case \"$1\" in\n",
                "        start|'') echo go ;;\n",
                "        *) echo \"other: ${1}\" ;;\n",
                "    esac\n",
                "    cat <<'EOF' > /tmp/escape-heredoc\n",
                "literal $HOME and `date` and \\n and %n\n",
                "\ttab-indented line\n",
                "EOF\n",
                "    $CMD\n",
                "    exec /usr/bin/sleeper \"$@\" ; echo never\n",
            )),
        )],
        "escape-script-oneline" => vec![
            (
                "ExecStartPre",
                // The blank line turns indentation stripping off; the
                // trailing newlines still make it a one-line script.
                sh("    test -d /run/x || mkdir -m 0755 /run/x; echo \"50% $PATH\""),
            ),
            (
                "ExecStart",
                sh("exec /usr/bin/oneliner --level=100% \"$@\""),
            ),
            ("ExecStartPost", sh("$CMD")),
            ("ExecStopPost", sh("")),
        ],
        "escape-exec-plain" => vec![
            (
                "ExecStart",
                ["/usr/bin/date", "+%s%%", "-u", "--utc,iso", "@1700000000"]
                    .iter()
                    .map(|s| lit(s))
                    .collect(),
            ),
            (
                "ExecStartPost",
                ["/usr/bin/logger", "-t", "plain-%n\u{e9}t\u{e9}", "started"]
                    .iter()
                    .map(|s| lit(s))
                    .collect(),
            ),
        ],
        "escape-exec-shell" => vec![(
            "ExecStart",
            sh(
                "exec /usr/sbin/shelled --pidfile=/run/shelled.pid $OPTS \"a  b\" 'c $d' \\\\e > /var/log/shelled.log 2>&1",
            ),
        )],
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------
// What systemd parsed: the `systemd --test` dump (systemd_oracle.rs)

/// Add the units of `c` to `all` (one directory for many jobs); a unit of
/// the same name must have the same text (shared event targets).
fn collect_units(c: &Converted, all: &mut BTreeMap<String, String>) {
    for (name, text) in c.units() {
        if let Some(old) = all.get(name) {
            assert_eq!(old, &text, "{}: two different units named {name}", c.label);
        }
        all.insert(name.to_string(), text);
    }
}

/// The unit name systemd must load for the job's main unit: an instance of
/// a template.
fn load_name(c: &Converted) -> String {
    let first = &c.conv.units[0].file_name;
    match first.strip_suffix("@.service") {
        Some(t) => format!("{t}@{INSTANCE}.service"),
        None => first.clone(),
    }
}

/// Compare what systemd parsed for `c` with what upstart does; `None` when
/// they agree.
fn oracle_mismatch(c: &Converted, dump: &str) -> Option<String> {
    let name = load_name(c);
    let Some(section) = unit_section(dump, &name) else {
        return Some(format!("{name} is not in the dump"));
    };
    let parsed = match parse_section(section) {
        Ok(p) => p,
        Err(e) => return Some(format!("{name}: {e}")),
    };
    let want = intent(c);
    let mut problems = Vec::new();
    if parsed.load_state != "loaded" {
        problems.push(format!("load state {:?}", parsed.load_state));
    }
    if parsed.exec != want.exec {
        problems.push(format!(
            "Exec commands differ:\n  systemd: {:?}\n  upstart: {:?}",
            parsed.exec, want.exec
        ));
    }
    let stem = Path::new(&c.label)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    for (key, argv) in hand_written(stem) {
        if !parsed
            .exec
            .get(key)
            .is_some_and(|cmds| cmds.contains(&argv))
        {
            problems.push(format!(
                "{key}: the hand-written argv {argv:?} is not among {:?}",
                parsed.exec.get(key)
            ));
        }
    }
    if parsed.env != want.env {
        problems.push(format!(
            "Environment differs:\n  systemd: {:?}\n  upstart: {:?}",
            parsed.env, want.env
        ));
    }
    if let Some(d) = &want.description
        && parsed.description != *d
    {
        problems.push(format!(
            "Description: systemd {:?}, upstart {d:?}",
            parsed.description
        ));
    }
    if !want.conditions.is_empty() {
        let section = unit_section(dump, &load_name(c)).unwrap_or_default();
        for cond in &want.conditions {
            if !section.contains(&format!("\t\t{cond} untested\n")) {
                problems.push(format!("{cond}: not among systemd's conditions"));
            }
        }
    }
    if let Some(w) = &want.working_directory
        && parsed.working_directory != *w
    {
        problems.push(format!(
            "WorkingDirectory: systemd {:?}, upstart {w:?}",
            parsed.working_directory
        ));
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{name}: {}", problems.join("\n")))
    }
}

/// Load the units of `jobs` with systemd and compare every job's Exec argvs
/// and Environment values with upstart's.
fn oracle(jobs: &[Converted]) {
    let mut units = BTreeMap::new();
    let mut names = BTreeSet::new();
    for c in jobs {
        collect_units(c, &mut units);
        names.insert(load_name(c));
        for u in &c.conv.units[1..] {
            names.insert(u.file_name.clone());
        }
    }
    let dump = systemd_dump(&units, &names);
    let mut failures = Vec::new();
    for c in jobs {
        if let Some(m) = oracle_mismatch(c, &dump) {
            failures.push(format!("{}: {m}\n{}", c.label, c.text()));
        }
        for u in &c.conv.units[1..] {
            let loaded = unit_section(&dump, &u.file_name)
                .is_some_and(|s| s.contains("\t\tUnit Load State: loaded\n"));
            if !loaded {
                failures.push(format!("{}: {} did not load", c.label, u.file_name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} jobs are not what upstart runs:\n\n{}",
        failures.len(),
        jobs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn oracle_fixtures_load_as_upstart_runs_them() {
    if let Some(why) = systemd_missing("systemd") {
        eprintln!("skipped: {why}");
        return;
    }
    oracle(&fixtures());
}

#[test]
fn oracle_corpus_loads_as_upstart_runs_it() {
    if let Some(why) = systemd_missing("systemd") {
        eprintln!("skipped: {why}");
        return;
    }
    let Some(jobs) = corpus() else { return };
    oracle(&jobs);
}

/// The dump format the oracle parses, checked on arguments covering every
/// byte class, and proof that the oracle sees wrong escaping: `%s` not
/// doubled (systemd substitutes the user's shell), `${X}` and a whole-word
/// `$CMD` not doubled (systemd substitutes them at exec time).
#[test]
fn dump_format_is_understood() {
    if let Some(why) = systemd_missing("systemd") {
        eprintln!("skipped: {why}");
        return;
    }
    let every: String = (1u8..0x80)
        .filter(|b| !matches!(b, b'%' | b'$'))
        .map(|b| format!("\\x{b:02x}"))
        .collect();
    let unit = format!(
        "[Service]\nType=oneshot\n\
         ExecStart=/bin/echo \"{every}\" \"\u{e9}\u{1F600}\" \"\" ';' \"$$x $${{y}}\" 100%%\n\
         ExecStart=/bin/sh -ec \"printf %s ${{X}}\" \"$CMD\"\n"
    );
    let units = BTreeMap::from([("fmt.service".to_string(), unit)]);
    let dump = systemd_dump(&units, &BTreeSet::from(["fmt.service".to_string()]));
    let section = unit_section(&dump, "fmt.service")
        .unwrap_or_else(|| panic!("fmt.service is not in the dump:\n{dump}"));
    let lines: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("\t\t\tCommand Line: "))
        .collect();
    assert_eq!(lines.len(), 2, "{section}");
    let first = parse_command_line(lines[0]).unwrap_or_else(|e| panic!("{e}"));
    let bytes: String = (1u8..0x80)
        .filter(|b| !matches!(b, b'%' | b'$'))
        .map(char::from)
        .collect();
    assert_eq!(
        first,
        [
            "/bin/echo",
            &bytes,
            "\u{e9}\u{1F600}",
            "",
            ";",
            "$$x $${y}",
            "100%"
        ],
        "{}",
        lines[0]
    );
    assert_eq!(exec_time("$$x $${y}"), Ok(lit("$x ${y}")));
    // The broken line: `%s` became the shell of uid 65534, `${X}` would be
    // substituted and "$CMD" is a whole-word variable.
    let second = parse_command_line(lines[1]).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(second[2], "printf %s ${X}", "systemd left %s alone?");
    assert!(exec_time(&second[2]).is_err(), "{second:?}");
    assert_eq!(exec_time(&second[3]), Ok(Arg::Var("CMD".into())));
}

// ---------------------------------------------------------------------------
// systemd-analyze verify

/// Run `systemd-analyze verify` over the units of `jobs` (one directory, one
/// run) and fail on every message but the accepted ones:
///
/// * `Command X is not executable: No such file or directory`: the job's
///   program is not installed on this host;
/// * messages about units outside our directory (the host's own units);
/// * `Special user nobody configured, this is not safe!` for a unit whose
///   job says `setuid nobody`: systemd's advice, the conversion is faithful
///   and reports it (UL515, with the `DynamicUser=yes` alternative).
fn verify(jobs: &[Converted]) {
    let mut units = BTreeMap::new();
    for c in jobs {
        collect_units(c, &mut units);
    }
    let dir = unit_dir(&units);
    let files: Vec<String> = units.keys().map(|n| format!("./{n}")).collect();
    let out = Command::new("timeout")
        .arg(TIMEOUT)
        .args([
            "systemd-analyze",
            "verify",
            "--man=no",
            "--recursive-errors=no",
        ])
        .args(&files)
        .current_dir(dir.path())
        .env("SYSTEMD_LOG_COLOR", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run systemd-analyze: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(
        out.status.code(),
        Some(124),
        "systemd-analyze verify timed out"
    );
    let dir_text = dir.path().display().to_string();
    let mut bad = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let named: Vec<&Converted> = jobs
            .iter()
            .filter(|c| {
                c.conv.units.iter().any(|u| {
                    line.contains(&format!("/{}:", u.file_name))
                        || line.contains(&format!("{}:", u.file_name))
                        || line.contains(&format!(" {} ", u.file_name))
                })
            })
            .collect();
        let missing_program = line.contains(": Command ")
            && line.ends_with(" is not executable: No such file or directory");
        let host_unit = line.starts_with('/') && !line.starts_with(&dir_text);
        // Accepted only where the conversion says so (UL515, info).
        let nobody = line.ends_with("Special user nobody configured, this is not safe!")
            && !named.is_empty()
            && named.iter().all(|c| {
                c.job.resolved().setuid.is_some_and(|u| u.value == "nobody")
                    && c.conv.losses.iter().any(|l| l.code == "UL515")
            });
        if !(missing_program || host_unit || nobody) {
            let shown: Vec<String> = named
                .iter()
                .map(|c| format!("{}:\n{}", c.label, c.text()))
                .collect();
            bad.push(format!("{line}\n{}", shown.join("\n")));
        }
    }
    assert!(
        bad.is_empty(),
        "systemd-analyze verify complained:\n\n{}",
        bad.join("\n\n")
    );
}

#[test]
fn verify_accepts_the_fixtures() {
    if let Some(why) = systemd_missing("systemd-analyze") {
        eprintln!("skipped: {why}");
        return;
    }
    verify(&fixtures());
}

#[test]
fn verify_accepts_the_corpus() {
    if let Some(why) = systemd_missing("systemd-analyze") {
        eprintln!("skipped: {why}");
        return;
    }
    let Some(jobs) = corpus() else { return };
    verify(&jobs);
}

// ---------------------------------------------------------------------------
// The corpus without systemd

/// Every valid corpus job converts (no panic), to units with valid names
/// and content; prints how often each loss code occurs (run with
/// `--nocapture` to see the table).
#[test]
fn corpus_converts_and_counts_losses() {
    let Some(jobs) = corpus() else { return };
    let mut counts: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    let mut problems = Vec::new();
    for c in &jobs {
        for l in &c.conv.losses {
            let e = counts.entry(l.code.as_str()).or_default();
            e.0 += 1;
            e.1.insert(c.label.as_str());
        }
        for (name, text) in c.units() {
            if let Some(p) = unit_name_problem(name) {
                problems.push(format!("{}: {name}: {p}", c.label));
            }
            if !text.starts_with('[') || !text.contains("]\n") {
                problems.push(format!("{}: {name} has no section", c.label));
            }
        }
        let main = &c.conv.units[0];
        if main.file_name.ends_with(".service")
            && main.unit.get("Service", "ExecStart").is_none()
            && main.unit.get("Service", "ExecStop").is_none()
        {
            problems.push(format!("{}: {} runs nothing", c.label, main.file_name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    println!("loss codes over {} corpus jobs:", jobs.len());
    println!("code   occurrences  jobs");
    for (code, (n, files)) in &counts {
        println!("{code}  {n:>11}  {:>4}", files.len());
    }
}

/// Why `name` is not a valid unit file name, if it is not.
fn unit_name_problem(name: &str) -> Option<&'static str> {
    let Some((stem, _)) = name
        .strip_suffix(".service")
        .map(|s| (s, "service"))
        .or_else(|| name.strip_suffix(".target").map(|s| (s, "target")))
    else {
        return Some("neither .service nor .target");
    };
    if name.len() > 255 {
        return Some("longer than 255 bytes");
    }
    let (prefix, instance) = match stem.split_once('@') {
        Some((p, i)) => (p, Some(i)),
        None => (stem, None),
    };
    if prefix.is_empty() || instance.is_some_and(|i| i.contains('@')) {
        return Some("bad template name");
    }
    let ok = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b":-_.\\".contains(&b))
    };
    if !ok(prefix) || !instance.is_none_or(ok) {
        return Some("a character systemd does not allow in unit names");
    }
    None
}
