//! upstart → systemd → upstart: `to_systemd`, render, `parse_unit`,
//! `from_systemd`, print, parse again, and compare under [`normalise`].
//! Also: every unit of `../shared/corpus/systemd` and `/lib/systemd/system`
//! converts without panic to a job that parses without error.

use crate::common::{corpus_dir, files_in, fixture};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;
use upstart_tools::ast::{
    ConsoleMode, ExpectMode, LimitValue, ProcessBody, ProcessKind, Resolved, RespawnLimit, resolve,
};
use upstart_tools::convert::from_systemd::from_systemd;
use upstart_tools::convert::guard;
use upstart_tools::convert::systemd_unit::parse_unit;
use upstart_tools::convert::to_systemd::{needs_shell, to_systemd};
use upstart_tools::diag::Severity;
use upstart_tools::lint::config::Config;
use upstart_tools::lint::{Input, lint};
use upstart_tools::load::ParsedFile;
use upstart_tools::print::print;
use upstart_tools::syntax::Dialect;
use upstart_tools::syntax::{parse, parse_str};

/// Corpus files upstart itself rejects (as in corpus.rs).
const KNOWN_BAD: &[&str] = &[
    "153-dbeacon-instance.conf",
    "163-restorecond.conf",
    "164-tarantool-instance.conf",
    "179-postfix-instance.conf",
    "183-elasticsearch.conf",
    "184-grafana.conf",
    "215-motd.conf",
    "218-nxlog.conf",
];

/// Fixtures that do not round-trip exactly, each with the reason (a
/// documented loss of the forward or reverse mapping).
const FIXTURE_EXCEPTIONS: &[(&str, &str)] = &[
    (
        "env-bad-name.conf",
        "names systemd refuses are dropped by to_systemd (UL501)",
    ),
    (
        "expect-stop.conf",
        "`expect stop` has no systemd form (UL501): comes back as a simple service",
    ),
    (
        "hooks-all-no-main.conf",
        "upstart never runs the pre-stop of a job without a main process, systemd runs its ExecStop= (UL504): it comes back as what systemd runs, a post-stop",
    ),
    (
        "instance-compound.conf",
        "an instance that is not one variable becomes UPSTART_INSTANCE=%I (UL507)",
    ),
    (
        "limits.conf",
        "a limit with soft > hard is dropped by to_systemd (UL501)",
    ),
];

/// A process as text: `exec` commands with their words joined by one space
/// when upstart runs them without a shell (the forward mapping splits
/// them); a one-line script `exec CMD` whose CMD needs the shell is the
/// same as `exec CMD` (the forward mapping writes both as
/// `/bin/sh -ec "exec CMD"`).
fn process(body: &ProcessBody, cwd: &str) -> Value {
    match body {
        ProcessBody::Exec { command, .. } => {
            let cmd = command.value.as_str();
            if needs_shell(cmd) {
                json!({"exec": cmd})
            } else {
                let mut words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
                // A relative program path with a `/` is made absolute in the
                // job's directory (execvp would find it there).
                if let Some(p) = words.first_mut()
                    && p.contains('/')
                    && !p.starts_with('/')
                {
                    *p = format!("{}/{p}", cwd.trim_end_matches('/'));
                }
                json!({"exec": words.join(" ")})
            }
        }
        ProcessBody::Script { body, .. } => {
            let one = body.trim_end_matches('\n');
            if !one.contains('\n')
                && let Some(rest) = one.strip_prefix("exec ")
                && needs_shell(rest)
                && !rest.contains('#')
            {
                return json!({"exec": rest});
            }
            json!({"script": one})
        }
    }
}

fn absolute(dir: &str) -> String {
    if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("/{dir}")
    }
}

/// What must survive the round trip, as JSON.
///
/// Kept: description, author/version/usage, emits, export, instance (the
/// variable name), env (in order; a valueless `env K` too), processes
/// (exec text / script body, see [`process`]), task and respawn (only with
/// a main process), respawn limit (the effective values; a zero count or
/// interval is `unlimited`), normal exit (as the set of encoded statuses
/// other than 0), expect (`daemon` counts as `fork`: both become
/// `Type=forking`), console (unset = `log`), setuid, setgid, chroot and
/// chdir (made absolute), umask, nice, oom (as the score), limits (`-1`
/// = unlimited), kill signal (unset = TERM), kill timeout (unset = 5),
/// reload signal (unset = HUP; only with a main process), apparmor switch
/// and load.
///
/// A job with no process (and no `apparmor load`) becomes a target: its
/// process settings (instance, env, console, user, directories, limits, kill…) are
/// not compared. Trailing blanks of the description are not compared
/// (systemd trims values).
///
/// Dropped (not expected to survive): `start on`/`stop on` (events become
/// systemd dependencies and come back as runlevel/standard events only),
/// `manual`, comments and layout, `debug`, `cgroup`, ChromiumOS
/// `import`/`tmpfiles`.
fn normalise(r: &Resolved<'_>) -> Value {
    let has_main = r.main().is_some();
    let cwd = r
        .chdir
        .map_or_else(|| "/".to_string(), |d| absolute(&d.value));
    let mut procs = BTreeMap::new();
    for (k, b) in &r.processes {
        // Leading `TEST || { stop; exit 0; }` lines of pre-start become
        // conditions and come back in a canonical spelling (`test -x P`
        // as `[ -x P ]`): compare what they test, then the rest.
        if *k == ProcessKind::PreStart
            && has_main
            && let ProcessBody::Script { body, .. } = b
        {
            let file_tests = r.chroot.is_none() && r.setuid.is_none() && r.setgid.is_none();
            let (guards, rest) = guard::leading_guards(body, file_tests);
            if !guards.is_empty() {
                // systemd checks every Condition…= before any ExecCondition=.
                let mut guards = guards;
                guards.sort_by_key(|g| matches!(g.becomes, guard::Becomes::Exec(_)));
                let tests: Vec<String> =
                    guards.iter().map(|g| format!("{:?}", g.becomes)).collect();
                let rest = body[rest..].trim_end_matches('\n');
                let rest = if guard::nothing_left(rest) {
                    Value::Null
                } else {
                    json!(rest)
                };
                procs.insert(
                    k.keyword().to_string(),
                    json!({"guards": tests, "script": rest}),
                );
                continue;
            }
        }
        procs.insert(k.keyword().to_string(), process(b, &cwd));
    }
    let respawn = r.respawn && has_main;
    let limit = if respawn {
        match r.respawn_limit {
            Some(RespawnLimit::Unlimited { .. }) => json!("unlimited"),
            _ => {
                let (count, interval) = r.respawn_limit_values();
                if count == 0 || interval == 0 {
                    json!("unlimited")
                } else {
                    json!([count, interval])
                }
            }
        }
    } else {
        Value::Null
    };
    let mut normal: Vec<i64> = r
        .normal_exit
        .iter()
        .map(|s| s.encoded())
        .filter(|c| *c != 0)
        .collect();
    normal.sort_unstable();
    normal.dedup();
    let word = |w: Option<&upstart_tools::ast::Word>| w.map(|w| w.value.clone());
    let limits: BTreeMap<String, (String, String)> = r
        .limits
        .iter()
        .map(|(res, (s, h))| {
            let v = |v: &LimitValue| match v {
                LimitValue::Unlimited | LimitValue::Value(u64::MAX) => "unlimited".to_string(),
                LimitValue::Value(n) => n.to_string(),
            };
            (res.as_str().to_string(), (v(s), v(h)))
        })
        .collect();
    // Without any process, a job is a state: a target, which has no
    // process settings.
    let active = has_main || !r.processes.is_empty() || r.apparmor_load.is_some();
    let proc_only = |v: Value| if active { v } else { Value::Null };
    // Options for the main process act on nothing without one (lint rule
    // UL211): systemd2upstart leaves them out of such a job.
    let main_only = |v: Value| if has_main { v } else { Value::Null };
    json!({
        "description": r.description.map(|w| w.value.trim_end().to_string()),
        "author": word(r.author),
        "version": word(r.version),
        "usage": word(r.usage),
        "emits": r.emits.iter().map(|w| w.value.clone()).collect::<Vec<_>>(),
        "export": r.export.iter().map(|w| w.value.clone()).collect::<Vec<_>>(),
        "instance": proc_only(json!(r.instance.map(|w| w.value.trim().trim_start_matches('$').trim_start_matches('{').trim_end_matches('}').to_string()))),
        "env": proc_only(json!(r.env.iter().map(|e| (e.key.clone(), e.value.clone())).collect::<Vec<_>>())),
        "processes": procs,
        "task": r.task && has_main,
        "respawn": respawn,
        "respawn_limit": limit,
        "normal_exit": if has_main { normal } else { Vec::new() },
        "expect": match r.expect {
            Some(ExpectMode::Daemon | ExpectMode::Fork) if has_main && !r.task => "fork",
            Some(ExpectMode::Stop) => "stop",
            _ => "none",
        },
        "console": proc_only(json!(r.console.unwrap_or(ConsoleMode::Log).as_str())),
        "setuid": proc_only(json!(word(r.setuid))),
        "setgid": proc_only(json!(word(r.setgid))),
        "chroot": proc_only(json!(r.chroot.map(|w| absolute(&w.value)))),
        "chdir": proc_only(json!(r.chdir.map(|w| absolute(&w.value)))),
        "umask": proc_only(json!(r.umask)),
        "nice": proc_only(json!(r.nice)),
        "oom": proc_only(json!(r.oom.map(upstart_tools::ast::Oom::score))),
        "limits": proc_only(json!(limits)),
        "kill_signal": main_only(json!(r.kill_signal.map_or(15, |s| s.number))),
        "kill_timeout": main_only(json!(r.kill_timeout.unwrap_or(5))),
        "reload_signal": if has_main { r.reload_signal.map_or(1, |s| s.number) } else { 0 },
        "apparmor_switch": main_only(json!(word(r.apparmor_switch))),
        "apparmor_load": word(r.apparmor_load),
    })
}

/// The outcome of one round trip.
enum Trip {
    /// Same under [`normalise`].
    Exact,
    /// Different: both normalised forms.
    Differs(Value, Value),
}

/// Round-trip one job file. Panics (with the file name) when a step fails
/// in a way that is a bug: a unit that does not parse, a job that does not
/// print or parse.
fn round_trip(path: &Path) -> Option<Trip> {
    let label = path.display().to_string();
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{label}: {e}"));
    // The corpus's ChromiumOS jobs, as their upstart reads them.
    let parsed = parse(&bytes).for_dialect(Dialect::Chromeos);
    if parsed.has_errors() {
        return None;
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let r = resolve(&[&parsed.job]);
    let conv = to_systemd(&name, &r);
    let first = conv
        .units
        .first()
        .unwrap_or_else(|| panic!("{label}: no unit"));
    let text = first.unit.render();
    let (unit, errors) = parse_unit(&first.file_name, text.as_bytes());
    assert!(errors.is_empty(), "{label}: {errors:?}\n{text}");
    let back = std::panic::catch_unwind(|| from_systemd(&unit))
        .unwrap_or_else(|_| panic!("{label}: from_systemd panicked"));
    let job_text = print(&back.job).unwrap_or_else(|e| panic!("{label}: {e}"));
    let again = parse_str(&job_text);
    assert!(
        !again.has_errors(),
        "{label}: the produced job does not parse: {:?}\n{job_text}",
        again.errors
    );
    // The conversion adds no lint error (the original's own shell
    // findings may come back).
    let before = error_findings(&name, &String::from_utf8_lossy(&bytes));
    let lint_errors: Vec<String> = error_findings(&name, &job_text)
        .into_iter()
        .filter(|e| !before.contains(e))
        .collect();
    assert!(
        lint_errors.is_empty(),
        "{label}: the produced job has new lint errors: {lint_errors:?}\n{job_text}"
    );
    let a = normalise(&r);
    let b = normalise(&resolve(&[&again.job]));
    Some(if a == b {
        Trip::Exact
    } else {
        Trip::Differs(a, b)
    })
}

fn diff(a: &Value, b: &Value) -> String {
    let (Value::Object(a), Value::Object(b)) = (a, b) else {
        return format!("{a} vs {b}");
    };
    a.iter()
        .filter(|(k, v)| b.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}: {v} → {}", b.get(k).unwrap_or(&Value::Null)))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn fixtures_round_trip_through_systemd() {
    let files = files_in(&fixture("convert"), "conf");
    assert!(files.len() >= 40, "only {} fixtures", files.len());
    let mut exact = 0;
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let trip = round_trip(path).unwrap_or_else(|| panic!("{name} does not parse"));
        let excepted = FIXTURE_EXCEPTIONS.iter().any(|(n, _)| *n == name);
        match trip {
            Trip::Exact => {
                exact += 1;
                assert!(
                    !excepted,
                    "{name} is listed as an exception but round-trips"
                );
            }
            Trip::Differs(a, b) if !excepted => failures.push(format!("{name}: {}", diff(&a, &b))),
            Trip::Differs(..) => {}
        }
    }
    eprintln!(
        "fixtures: {exact}/{} round-trip exactly ({:.1} %)",
        files.len(),
        100.0 * f64::from(exact) / files.len() as f64
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_round_trips_through_systemd() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let mut total = 0u32;
    let mut exact = 0u32;
    let mut differ: BTreeMap<String, u32> = BTreeMap::new();
    for path in files_in(&dir, "conf") {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if KNOWN_BAD.contains(&name.as_str()) || name.ends_with("-in.conf") {
            continue;
        }
        let trip = round_trip(&path).unwrap_or_else(|| panic!("{name} does not parse"));
        total += 1;
        match trip {
            Trip::Exact => exact += 1,
            Trip::Differs(a, b) => {
                if std::env::var_os("ROUNDTRIP_VERBOSE").is_some() {
                    eprintln!("{name}: {}", diff(&a, &b));
                }
                let (Value::Object(a), Value::Object(b)) = (a, b) else {
                    continue;
                };
                for (k, v) in &a {
                    if b.get(k) != Some(v) {
                        *differ.entry(k.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    eprintln!(
        "corpus: {exact}/{total} jobs round-trip exactly ({:.1} %); fields that differ: {differ:?}",
        100.0 * f64::from(exact) / f64::from(total)
    );
    assert!(total > 300, "corpus unexpectedly small: {total}");
    // The only differences allowed are forward losses: `expect stop`
    // (UL501) and an instance that is not one variable (UL507).
    let unexplained: Vec<&String> = differ
        .keys()
        .filter(|k| !matches!(k.as_str(), "expect" | "instance"))
        .collect();
    assert!(
        unexplained.is_empty(),
        "fields lost in the round trip: {unexplained:?} (ROUNDTRIP_VERBOSE=1 lists the jobs)"
    );
}

/// Error-level findings of `upstart-lint` (default configuration) on a job.
fn error_findings(name: &str, text: &str) -> Vec<String> {
    let input = Input {
        file: ParsedFile::from_bytes(format!("{name}.conf"), text.as_bytes().to_vec()),
        name: name.to_string(),
        config: 0,
        report: true,
    };
    lint(&[input], &[Config::default()])
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

/// Convert every unit in `dir`: no panic, every job parses and lints
/// without error (ShellCheck findings on the unit's commands aside), every
/// loss span lies in the file; returns the number of units and adds the
/// losses to `counts` by code.
fn survey(dir: &Path, counts: &mut BTreeMap<&'static str, u32>) -> usize {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|x| {
                    matches!(
                        x.to_str(),
                        Some("service" | "socket" | "target" | "timer" | "mount" | "path")
                    )
                })
        })
        .collect();
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let label = f.display().to_string();
        let Ok(bytes) = std::fs::read(f) else {
            continue; // dangling symlinks (masked units)
        };
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (unit, _) = parse_unit(&name, &bytes);
        let back = std::panic::catch_unwind(|| from_systemd(&unit))
            .unwrap_or_else(|_| panic!("{label}: from_systemd panicked"));
        for l in &back.losses {
            *counts.entry(l.code.as_str()).or_default() += 1;
            if std::env::var_os("ROUNDTRIP_VERBOSE").is_some() {
                eprintln!("loss {} {}", l.code, l.message);
            }
            assert!(
                l.span.end <= bytes.len(),
                "{label}: loss span {:?} outside the file",
                l.span
            );
        }
        let job_text = print(&back.job).unwrap_or_else(|e| panic!("{label}: {e}"));
        let parsed = parse_str(&job_text);
        if parsed.has_errors() {
            bad.push(format!("{label}: {:?}\n{job_text}", parsed.errors));
            continue;
        }
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(a, _)| a);
        // Shell findings (UL405, ShellCheck) are about the unit's own
        // commands, not the conversion.
        let errs: Vec<String> = error_findings(stem, &job_text)
            .into_iter()
            .filter(|e| !e.starts_with("UL405 "))
            .collect();
        if !errs.is_empty() {
            bad.push(format!("{label}: lint errors {errs:?}\n{job_text}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    files.len()
}

#[test]
fn systemd_units_convert_to_valid_jobs() {
    let mut counts = BTreeMap::new();
    let mut total = 0;
    if let Some(dir) = corpus_dir("systemd") {
        let n = survey(&dir, &mut counts);
        assert!(n > 150, "corpus unexpectedly small: {n}");
        total += n;
    }
    let installed = Path::new("/lib/systemd/system");
    if installed.is_dir() {
        total += survey(installed, &mut counts);
    } else {
        eprintln!("skipped: {} is absent", installed.display());
    }
    let mut by_count: Vec<_> = counts.into_iter().collect();
    by_count.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    eprintln!("systemd → upstart: {total} units, losses by code: {by_count:?}");
}

/// One stanza of a generated job (text).
fn stanza() -> impl Strategy<Value = String> {
    let word = "[a-z][a-z0-9_.-]{0,8}";
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 %-]{0,20}".prop_map(|d| format!("description \"{}\"", d.trim_end())),
        ("[A-Z][A-Z0-9_]{0,6}", "[a-z0-9/ %$.-]{0,12}")
            .prop_map(|(k, v)| format!("env {k}=\"{v}\"")),
        word.prop_map(|u| format!("setuid {u}")),
        word.prop_map(|g| format!("setgid {g}")),
        word.prop_map(|d| format!("chdir /{d}")),
        (0u32..0o777).prop_map(|m| format!("umask {m:04o}")),
        (-20i32..20).prop_map(|n| format!("nice {n}")),
        (-1000i32..=1000).prop_map(|n| format!("oom score {n}")),
        (1u64..65536, 1u64..65536).prop_map(|(a, b)| format!(
            "limit nofile {} {}",
            a.min(b),
            a.max(b)
        )),
        prop::sample::select(vec!["TERM", "INT", "HUP", "USR1", "QUIT", "9"])
            .prop_map(|s| format!("kill signal {s}")),
        prop::sample::select(vec!["USR1", "USR2", "HUP", "TERM"])
            .prop_map(|s| format!("reload signal {s}")),
        (0u64..300).prop_map(|t| format!("kill timeout {t}")),
        Just("respawn".to_string()),
        (1u64..20, 1u64..100).prop_map(|(c, i)| format!("respawn limit {c} {i}")),
        Just("respawn limit unlimited".to_string()),
        Just("task".to_string()),
        Just("expect fork".to_string()),
        prop::sample::select(vec!["none", "output", "log"]).prop_map(|m| format!("console {m}")),
        prop::collection::vec(
            prop_oneof![
                (1i64..255).prop_map(|c| c.to_string()),
                prop::sample::select(vec!["TERM", "HUP", "SIGINT"]).prop_map(str::to_string)
            ],
            1..4
        )
        .prop_map(|v| format!("normal exit {}", v.join(" "))),
        Just("start on runlevel [2345]".to_string()),
        word.prop_map(|d| format!("author \"{d}\"")),
        "[A-Z][A-Z_]{0,5}".prop_map(|v| format!("instance ${v}")),
    ]
}

/// A process: plain exec, exec that needs the shell, or a script. No `&`:
/// whether a backgrounding main process lints as UL206 depends on `expect`
/// and `task`, and the round trip does not keep `expect` (to_systemd's
/// oneshot ignores it).
fn process_text(keyword: &'static str) -> impl Strategy<Value = String> {
    let arg = "[a-z0-9_./=-]{1,8}";
    prop_oneof![
        ("/usr/bin/[a-z]{1,6}", prop::collection::vec(arg, 0..4))
            .prop_map(move |(p, a)| format!("{keyword} exec {p} {}", a.join(" "))),
        ("/usr/bin/[a-z]{1,6}", "[a-z$ |>]{1,12}")
            .prop_map(move |(p, a)| format!("{keyword} exec {p} \"{a}\"")),
        prop::collection::vec("[a-z][a-z0-9 $|;>-]{0,20}", 1..4).prop_map(move |lines| {
            let body: String = lines
                .iter()
                .map(|l| format!("    {}\n", l.trim_end()))
                .collect();
            format!("{keyword} script\n{body}end script")
        }),
    ]
}

fn job() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(stanza(), 0..8),
        prop::option::of(process_text("")),
        prop::option::of(process_text("pre-start")),
        prop::option::of(process_text("post-stop")),
    )
        .prop_map(|(stanzas, main, pre, post)| {
            let mut lines = stanzas;
            for p in [main, pre, post].into_iter().flatten() {
                lines.push(p.trim_start().to_string());
            }
            let mut text = lines.join("\n");
            text.push('\n');
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn generated_jobs_round_trip_through_systemd(text in job()) {
        let parsed = parse_str(&text);
        prop_assume!(!parsed.has_errors());
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("gen.conf");
        std::fs::write(&path, &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match round_trip(&path) {
            Some(Trip::Exact) => {}
            Some(Trip::Differs(a, b)) => {
                prop_assert!(false, "{}\n--- job:\n{text}", diff(&a, &b));
            }
            None => prop_assert!(false, "does not parse"),
        }
    }
}
