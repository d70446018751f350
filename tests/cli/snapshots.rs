//! Golden (snapshot) tests over `fixtures/parse/` (style guide §2 and habit
//! 14), run through the real binaries from the project root with relative
//! paths, so that the goldens do not depend on the machine.
//!
//! | snapshot                    | fixture                         | content                          |
//! |-----------------------------|---------------------------------|----------------------------------|
//! | `parse__<stem>.snap`        | `fixtures/parse/ok/<stem>.conf` | `upstart-tools parse --pretty`   |
//! | `fmt__<stem>.snap`          | `fixtures/parse/ok/<stem>.conf` | `upstart-tools fmt`              |
//! | `lint__<stem>.snap`         | `fixtures/parse/err/<stem>.conf`| `upstart-lint` human diagnostics |
//! | `lint_format__<format>.snap`| `fixtures/lint/formats/`        | each `--format` (`lint_cli.rs`)  |
//! | `parse_errors__<stem>.snap` | `fixtures/parse/err/<stem>.conf`| the `errors` array of `parse`    |
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test cli snapshots` rewrites the goldens;
//! review `git diff snapshots/` before committing.

use crate::common::{Output, Test, assert_snapshot, files_in, fixture, root};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Snapshot families: name prefix → the fixture directory whose `<stem>.conf`
/// produces `<prefix><stem>.snap`. A new family of goldens must be listed
/// here, or `no_stale_snapshots` reports its files as unused.
const FAMILIES: &[(&str, &str)] = &[
    ("convert__", "convert"),
    ("parse__", "parse/ok"),
    ("fmt__", "parse/ok"),
    ("lint__", "parse/err"),
    ("parse_errors__", "parse/err"),
];

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_else(|| panic!("fixture name is not UTF-8: {}", path.display()))
        .to_string()
}

/// The fixture path relative to the project root, as the goldens show it.
fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or_else(|_| panic!("{} is outside the project", path.display()))
        .to_str()
        .unwrap_or_else(|| panic!("fixture path is not UTF-8: {}", path.display()))
        .to_string()
}

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let files = files_in(&fixture(dir), "conf");
    assert!(!files.is_empty(), "no fixtures in fixtures/{dir}");
    files
}

/// `upstart-tools parse --pretty FILE` (UTF-8 output): the run and its JSON.
fn parse(file: &str) -> (Output, Value) {
    let out = Test::new("upstart-tools")
        .args(["parse", "--pretty", file])
        .utf8_stdout()
        .run();
    let doc = out.json();
    (out, doc)
}

fn errors(doc: &Value, file: &str) -> Vec<Value> {
    doc["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: the parse JSON has no `errors` array"))
        .clone()
}

fn items(doc: &Value, file: &str) -> Vec<Value> {
    doc["jobs"][0]["ast"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: the parse JSON has no `jobs[0].ast.items`"))
        .clone()
}

#[test]
fn ok_fixtures_parse_clean_and_match_their_goldens() {
    for path in fixtures("parse/ok") {
        let file = relative(&path);
        let name = stem(&path);

        let (out, doc) = parse(&file);
        assert_eq!(out.status, Some(0), "parse failed\n{}", out.report());
        assert_eq!(
            errors(&doc, &file),
            Vec::<Value>::new(),
            "{file}: fixtures/parse/ok must have no errors and no warnings"
        );
        assert!(out.stderr.is_empty(), "parse wrote\n{}", out.report());
        assert_eq!(doc["jobs"][0]["file"], file.as_str());
        assert_snapshot(
            &format!("parse__{name}"),
            &file,
            &format!("upstart-tools parse --pretty {file}"),
            &out.stdout,
        );

        let out = Test::new("upstart-tools")
            .args(["fmt", &file])
            .utf8_stdout()
            .expect_status(0)
            .expect_stderr("")
            .run();
        assert_snapshot(
            &format!("fmt__{name}"),
            &file,
            &format!("upstart-tools fmt {file}"),
            &out.stdout,
        );

        // Lint rules may warn about these jobs (they name jobs and events
        // that do not exist), but nothing there is an error.
        let out = Test::new("upstart-lint")
            .args([
                "--shellcheck",
                "off",
                "--fail-on",
                "error",
                "--format",
                "json",
            ])
            .arg(&file)
            .utf8_stdout()
            .run();
        let lint = out.json();
        let lint_errors: Vec<&Value> = lint["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: the lint JSON has no `diagnostics`"))
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert_eq!(
            (out.status, lint_errors),
            (Some(0), Vec::<&Value>::new()),
            "{file}: fixtures/parse/ok must lint without errors:\n{}",
            out.stderr
        );
    }
}

/// (code, line, column) of each problem of a JSON document's list.
fn positions(list: &Value, file: &str) -> BTreeSet<(String, u64, u64)> {
    list.as_array()
        .unwrap_or_else(|| panic!("{file}: not a JSON list: {list}"))
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap_or_default().to_string(),
                e["line"].as_u64().unwrap_or_default(),
                e["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn err_fixtures_report_every_error_and_match_their_goldens() {
    for path in fixtures("parse/err") {
        let file = relative(&path);
        let name = stem(&path);

        let (out, doc) = parse(&file);
        let errs = errors(&doc, &file);
        assert!(
            errs.len() >= 2,
            "{file}: an err fixture must show recovery (at least two problems), got {errs:#?}"
        );
        assert!(
            errs.iter().any(|e| e["severity"] == "error"),
            "{file}: no problem of severity `error`: {errs:#?}"
        );
        assert_eq!(out.status, Some(1), "{file}: parse should exit 1");
        let text = serde_json::to_string_pretty(&errs)
            .unwrap_or_else(|e| panic!("{file}: cannot re-encode the errors: {e}"));
        assert_snapshot(
            &format!("parse_errors__{name}"),
            &file,
            &format!("upstart-tools parse --pretty {file} (its `errors` array)"),
            &format!("{text}\n"),
        );

        // The linter reports every parse problem (and may add findings of
        // its rules).
        let lint = Test::new("upstart-lint")
            .args(["--shellcheck", "off", "--format", "json", &file])
            .utf8_stdout()
            .run()
            .json();
        let parsed = positions(&Value::Array(errs.clone()), &file);
        let linted = positions(&lint["diagnostics"], &file);
        let missing: Vec<_> = parsed.difference(&linted).collect();
        assert!(
            missing.is_empty(),
            "{file}: parse problems the linter does not report: {missing:?}"
        );

        let out = Test::new("upstart-lint")
            .args(["--shellcheck", "off", &file])
            .utf8_stdout()
            .expect_status(1)
            .run();
        assert!(
            out.stdout
                .lines()
                .last()
                .is_some_and(|l| l.starts_with("1 file checked: ")),
            "{file}: no summary line:\n{}",
            out.stdout
        );
        assert_snapshot(
            &format!("lint__{name}"),
            &file,
            &format!("upstart-lint --shellcheck off {file}"),
            &out.stdout,
        );
    }
}

#[test]
fn no_stale_snapshots() {
    let dir = root().join("snapshots");
    let mut stale = Vec::new();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        let file_name = entry.file_name().to_string_lossy().into_owned();
        // Every file must be `<prefix><stem>.snap` for an existing fixture.
        let used = file_name.strip_suffix(".snap").is_some_and(|name| {
            crate::lint_cli::SNAPSHOTS.contains(&name)
                || crate::graph::SNAPSHOTS.contains(&name)
                || crate::show::SNAPSHOTS.contains(&name)
                || crate::report::SNAPSHOTS.contains(&name)
                || FAMILIES.iter().any(|(prefix, fixture_dir)| {
                    name.strip_prefix(prefix)
                        .is_some_and(|s| fixture(fixture_dir).join(format!("{s}.conf")).is_file())
                })
        });
        if !used {
            stale.push(file_name);
        }
    }
    stale.sort();
    assert!(
        stale.is_empty(),
        "snapshots that no test produces (delete them, or register their family in FAMILIES): {stale:?}"
    );
}

#[test]
fn my_program_parses_clean() {
    let file = "fixtures/my_program.conf";
    let (out, doc) = parse(file);
    assert_eq!(out.status, Some(0), "{}", out.report());
    assert_eq!(errors(&doc, file), Vec::<Value>::new(), "{file}");
    let stanzas: Vec<Value> = items(&doc, file)
        .into_iter()
        .filter(|i| i["item"] == "stanza")
        .collect();
    let kinds: Vec<&str> = stanzas
        .iter()
        .filter_map(|s| s["stanza"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["description", "start-on", "respawn", "process"],
        "{file}"
    );
    assert_eq!(stanzas[1]["on"]["expr"]["name"], "my_event");
    assert_eq!(stanzas[3]["process"], "main");
    assert_eq!(stanzas[3]["body"]["type"], "script");
    assert_eq!(
        stanzas[3]["body"]["body"],
        "cd /home/my_program/\nexec /usr/local/rvm/wrappers/my_app/ruby my_program.rb\n"
    );
}

/// The forms one stanza shows, named as in the coverage list below.
fn stanza_forms(s: &Value, out: &mut BTreeSet<String>) {
    let kind = s["stanza"].as_str().unwrap_or("?");
    let signal_form = |sig: &Value| match sig["name"].as_str() {
        Some(n) if n.starts_with("SIG") => "SIGNAME",
        Some(_) => "NAME",
        None => "NUMBER",
    };
    match kind {
        "env" => out.insert(match s["var"]["value"].as_str() {
            None => "env KEY".into(),
            Some("") => "env KEY=".into(),
            Some(_) => "env KEY=VALUE".into(),
        }),
        "start-on" | "stop-on" => {
            expr_forms(&s["on"]["expr"], out);
            if s["on"]["comments"]
                .as_array()
                .is_some_and(|c| !c.is_empty())
            {
                out.insert("event comment inside parentheses".into());
            }
            out.insert(kind.replace('-', " "))
        }
        "process" => out.insert(format!(
            "{} {}",
            s["process"].as_str().unwrap_or("?"),
            s["body"]["type"].as_str().unwrap_or("?")
        )),
        "expect" | "console" => out.insert(format!(
            "{kind} {}",
            s["mode"]["value"].as_str().unwrap_or("?")
        )),
        "respawn-limit" => out.insert(format!(
            "respawn limit {}",
            s["limit"]["type"].as_str().unwrap_or("?")
        )),
        "kill-signal" | "reload-signal" => {
            out.insert(format!("{kind} {}", signal_form(&s["signal"])))
        }
        "normal-exit" => {
            for st in s["statuses"].as_array().into_iter().flatten() {
                out.insert(match st["type"].as_str() {
                    Some("signal") => format!("normal exit {}", signal_form(&st["signal"])),
                    other => format!("normal exit {}", other.unwrap_or("?")),
                });
            }
            true
        }
        "oom" => out.insert(format!(
            "oom {}",
            s["oom"]["value"]["form"].as_str().unwrap_or("?")
        )),
        "limit" => {
            for v in [&s["soft"]["value"], &s["hard"]["value"]] {
                out.insert(if v == "unlimited" {
                    "limit unlimited".into()
                } else {
                    "limit number".into()
                });
            }
            out.insert(format!(
                "limit {}",
                s["resource"]["value"].as_str().unwrap_or("?")
            ))
        }
        "cgroup" => {
            let args = 1 + ["name", "key", "value"]
                .iter()
                .filter(|k| !s[**k].is_null())
                .count();
            out.insert(format!("cgroup {args} args"))
        }
        other => out.insert(other.to_string()),
    };
}

fn expr_forms(e: &Value, out: &mut BTreeSet<String>) {
    if e["parens"].as_u64().is_some_and(|p| p > 0) {
        out.insert("event parentheses".into());
    }
    if e["type"] == "op" {
        out.insert(format!("event {}", e["op"].as_str().unwrap_or("?")));
        expr_forms(&e["lhs"], out);
        expr_forms(&e["rhs"], out);
        return;
    }
    for arg in e["args"].as_array().into_iter().flatten() {
        let pattern = arg["pattern"].as_str().unwrap_or("");
        if pattern.contains(['*', '?', '[']) {
            out.insert("event glob".into());
        }
        out.insert(match (arg["type"].as_str(), arg["negated"].as_bool()) {
            (Some("named"), Some(true)) => "event KEY!=VALUE".into(),
            (Some("named"), _) => "event KEY=VALUE".into(),
            _ => "event positional".into(),
        });
    }
}

/// Together the ok fixtures use every stanza of upstart 1.13.2 in every
/// accepted form, and the layouts the lexer must handle.
#[test]
fn ok_fixtures_cover_every_stanza_and_form() {
    let mut seen = BTreeSet::new();
    for path in fixtures("parse/ok") {
        let file = relative(&path);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        if bytes.windows(2).any(|w| w == b"\r\n") {
            seen.insert("layout CRLF".to_string());
        }
        if bytes.last() != Some(&b'\n') {
            seen.insert("layout no final newline".to_string());
        }
        if bytes.contains(&b'\t') {
            seen.insert("layout tabs".to_string());
        }
        if bytes.windows(2).any(|w| w == b"\\\n") {
            seen.insert("layout backslash continuation".to_string());
        }
        let (_, doc) = parse(&file);
        for item in items(&doc, &file) {
            match item["item"].as_str() {
                Some("stanza") => {
                    stanza_forms(&item, &mut seen);
                    if !item["comment"].is_null() {
                        seen.insert("trailing comment".into());
                    }
                }
                Some("comment") => {
                    seen.insert("comment line".into());
                }
                _ => {}
            }
        }
    }
    let mut wanted: Vec<String> = [
        "instance",
        "description",
        "author",
        "version",
        "usage",
        "env KEY=VALUE",
        "env KEY=",
        "env KEY",
        "export",
        "start on",
        "stop on",
        "emits",
        "event and",
        "event or",
        "event parentheses",
        "event comment inside parentheses",
        "event positional",
        "event KEY=VALUE",
        "event KEY!=VALUE",
        "event glob",
        "main exec",
        "main script",
        "pre-start exec",
        "pre-start script",
        "post-start exec",
        "post-start script",
        "pre-stop exec",
        "pre-stop script",
        "post-stop exec",
        "post-stop script",
        "expect stop",
        "expect daemon",
        "expect fork",
        "expect none",
        "task",
        "kill-timeout",
        "kill-signal NAME",
        "kill-signal SIGNAME",
        "kill-signal NUMBER",
        "reload-signal NAME",
        "reload-signal SIGNAME",
        "reload-signal NUMBER",
        "respawn",
        "respawn limit count",
        "respawn limit unlimited",
        "normal exit code",
        "normal exit NAME",
        "normal exit SIGNAME",
        "console none",
        "console output",
        "console owner",
        "console log",
        "umask",
        "nice",
        "oom adjust",
        "oom never",
        "oom score",
        "oom score_never",
        "limit unlimited",
        "limit number",
        "chroot",
        "chdir",
        "setuid",
        "setgid",
        "debug",
        "manual",
        "apparmor-load",
        "apparmor-switch",
        "cgroup 1 args",
        "cgroup 2 args",
        "cgroup 3 args",
        "cgroup 4 args",
        "comment line",
        "trailing comment",
        "layout CRLF",
        "layout no final newline",
        "layout tabs",
        "layout backslash continuation",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    wanted.extend(
        [
            "as",
            "core",
            "cpu",
            "data",
            "fsize",
            "memlock",
            "msgqueue",
            "nice",
            "nofile",
            "nproc",
            "rss",
            "rtprio",
            "sigpending",
            "stack",
        ]
        .iter()
        .map(|r| format!("limit {r}")),
    );
    let missing: Vec<&String> = wanted.iter().filter(|w| !seen.contains(*w)).collect();
    assert!(
        missing.is_empty(),
        "fixtures/parse/ok no longer shows: {missing:?}\n(seen: {seen:?})"
    );
}

/// The err fixtures together raise every error kind of src/syntax/error.rs
/// that a job file can trigger (all but our own nesting limit, which needs a
/// 257-deep expression and is tested in robustness.rs).
#[test]
fn err_fixtures_cover_every_error_kind() {
    let mut seen = BTreeSet::new();
    for path in fixtures("parse/err") {
        let file = relative(&path);
        let (_, doc) = parse(&file);
        for e in errors(&doc, &file) {
            seen.insert(format!(
                "{} {}",
                e["code"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("?")
            ));
        }
    }
    // Our titles, one per kind (upstart's own messages, shared by several
    // kinds, are in `upstart_message`; conformance.rs compares them).
    let wanted = [
        "UL001 Unterminated script block",
        "UL002 `end script` outside a script block",
        "UL002 Script block without its opening line",
        "UL003 Unknown stanza",
        "UL004 Removed stanza",
        "UL005 Missing argument",
        "UL006 Extra argument",
        "UL007 Unknown sub-keyword",
        "UL008 Unterminated quoted string",
        "UL009 Backslash at the end of the file",
        "UL010 Missing event",
        "UL010 Missing operator",
        "UL010 Positional argument after KEY=VALUE",
        "UL010 Mismatched parentheses",
        "UL012 Byte-order mark before the first stanza",
        "UL012 Invalid UTF-8",
        "UL014 ChromiumOS-only stanza",
        "UL101 Unknown signal",
        "UL101 Invalid exit status",
        "UL102 Invalid number of seconds",
        "UL102 Invalid respawn limit count",
        "UL103 Invalid umask",
        "UL104 Invalid nice value",
        "UL105 Invalid oom adjustment",
        "UL105 Invalid oom score",
        "UL106 Unknown limit resource",
        "UL107 Invalid limit value",
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|w| !seen.contains(*w))
        .collect();
    assert!(
        missing.is_empty(),
        "fixtures/parse/err no longer raises: {missing:?}\n(seen: {seen:?})"
    );
}

#[test]
fn every_snapshot_names_its_input_and_command() {
    let dir = root().join("snapshots");
    let mut missing = Vec::new();
    for path in crate::common::files_in(&dir, "snap") {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let (header, _) = crate::common::split_snapshot(&text);
        if !header.contains("\n# command: ") {
            missing.push(path.display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "snapshots without a `# input:`/`# command:` header (re-run with UPDATE_SNAPSHOTS=1):\n{}",
        missing.join("\n")
    );
}
