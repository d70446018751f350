//! Single-job rules (UL0xx, UL1xx, UL2xx, UL6xx), including the parse-error
//! rules: a positive and a negative fixture each under
//! `fixtures/lint/<CODE>/{bad,good}.conf`; the registry; the safe fixes; the
//! `.conf`/`.override` semantics; and the real-world corpus.

use crate::common::{bin, corpus_dir, files_in, fixture};
use serde_json::Value;
use std::path::{Path, PathBuf};
use upstart_tools::diag::Diagnostic;
use upstart_tools::diag::Severity;
use upstart_tools::lint::config::{Config, Overrides, ShellcheckMode};
use upstart_tools::lint::registry::{self, Check, Pass};
use upstart_tools::lint::{Input, fix, lint};
use upstart_tools::load::{ParsedFile, job_name};
use upstart_tools::syntax::{ErrorKind, parse};

use Severity::{Error, Info, Warning};

/// (code, fixture file in `fixtures/lint/<code>/`, severity, lines) of every
/// finding of that code the fixture must produce.
const CASES: &[(&str, &str, Severity, &[usize])] = &[
    ("UL001", "bad.conf", Error, &[6]),
    ("UL002", "bad.conf", Error, &[3]),
    ("UL003", "bad.conf", Error, &[2]),
    ("UL004", "bad.conf", Error, &[2]),
    ("UL005", "bad.conf", Error, &[2]),
    ("UL006", "bad.conf", Error, &[1, 2]),
    ("UL007", "bad.conf", Error, &[2]),
    ("UL008", "bad.conf", Error, &[2]),
    ("UL009", "bad.conf", Error, &[2]),
    ("UL010", "bad.conf", Error, &[3]),
    // One finding for the stanza lines, one for the script block.
    ("UL011", "bad.conf", Warning, &[1, 5]),
    ("UL012", "bad.conf", Error, &[1]),
    // Invalid UTF-8 keeps the parser's own severity.
    ("UL012", "latin1.conf", Warning, &[1]),
    ("UL013", "bad.conf", Error, &[2]),
    ("UL014", "bad.conf", Error, &[2]),
    ("UL101", "bad.conf", Error, &[2]),
    ("UL102", "bad.conf", Error, &[2]),
    ("UL103", "bad.conf", Error, &[2]),
    ("UL104", "bad.conf", Error, &[2]),
    ("UL105", "bad.conf", Error, &[2]),
    ("UL106", "bad.conf", Error, &[2]),
    ("UL107", "bad.conf", Error, &[2]),
    ("UL108", "bad.conf", Warning, &[4]),
    ("UL109", "bad.conf", Warning, &[3, 4]),
    ("UL110", "bad.conf", Warning, &[2]),
    ("UL111", "bad.conf", Warning, &[2, 3]),
    ("UL112", "bad.conf", Warning, &[2]),
    ("UL114", "bad.conf", Info, &[2]),
    ("UL115", "bad.conf", Info, &[2]),
    ("UL116", "bad.conf", Warning, &[2, 3]),
    ("UL117", "bad.conf", Warning, &[2, 3]),
    ("UL118", "bad.conf", Warning, &[2, 4, 5, 5]),
    ("UL119", "bad.conf", Warning, &[2]),
    ("UL201", "bad.conf", Warning, &[3, 8]),
    ("UL202", "bad.conf", Warning, &[3, 6]),
    ("UL203", "bad.conf", Warning, &[4, 5]),
    ("UL204", "bad.conf", Warning, &[2]),
    ("UL205", "bad.conf", Warning, &[3]),
    // Respawned: the shell's exit 0 makes upstart respawn it in a loop.
    ("UL206", "bad.conf", Error, &[3]),
    // Not respawned: upstart loses the program, nothing fails.
    ("UL206", "service.conf", Warning, &[4]),
    ("UL207", "bad.conf", Warning, &[2, 3]),
    ("UL208", "bad.conf", Info, &[3]),
    ("UL209", "bad.conf", Warning, &[2]),
    ("UL210", "bad.conf", Warning, &[2]),
    ("UL211", "bad.conf", Warning, &[3, 4]),
    ("UL212", "bad.conf", Warning, &[3]),
    ("UL215", "bad.conf", Warning, &[2]),
    ("UL217", "bad.conf", Warning, &[2]),
    // Linted with `target-version` 1.3 (see `config_for`).
    ("UL218", "bad.conf", Warning, &[2, 3]),
    ("UL219", "bad.conf", Info, &[2]),
    ("UL220", "bad.conf", Info, &[2]),
    ("UL221", "bad.conf", Warning, &[2]),
    // `adn` (a mistyped `and`), a 5th argument of `net-device-up`, `OR`.
    ("UL222", "bad.conf", Warning, &[2, 3, 4]),
    // `$IFACE` and `${DEP}`: `start on` expands nothing.
    ("UL223", "bad.conf", Warning, &[3, 4]),
    ("UL602", ".web.conf", Warning, &[1]),
    ("UL603", "bad.conf", Info, &[1]),
];

/// The rules this file covers: every registered UL0/UL1/UL2/UL6 code except
/// UL216 (tested with the job sets in `lint_set.rs`).
fn covered_codes() -> Vec<&'static str> {
    registry::all()
        .iter()
        .map(|r| r.code.as_str())
        .filter(|c| {
            ["UL0", "UL1", "UL2", "UL6"]
                .iter()
                .any(|p| c.starts_with(p))
                && *c != "UL216"
                // A directory entry, not a job: tests/cli/lint_set.rs.
                && *c != "UL601"
        })
        .collect()
}

fn config_for(code: &str) -> Config {
    let overrides = Overrides {
        shellcheck: Some(ShellcheckMode::Off),
        target_version: (code == "UL218").then(|| "1.3".to_string()),
        ..Overrides::default()
    };
    Config::build(None, &overrides).unwrap_or_else(|e| panic!("config: {e}"))
}

fn input(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Input {
    let path = path.into();
    Input {
        name: job_name(&path, None),
        file: ParsedFile::from_bytes(path, bytes),
        config: 0,
        report: true,
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lint_path(path: &Path, config: Config) -> Vec<Diagnostic> {
    lint(&[input(path, read(path))], &[config]).diagnostics
}

fn lint_text(name: &str, text: &str) -> Vec<Diagnostic> {
    lint(&[input(name, text.as_bytes().to_vec())], &[config_for("")]).diagnostics
}

fn codes(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{}@{}", d.code, d.line))
        .collect()
}

#[test]
fn positive_fixtures_report_code_severity_and_line() {
    for (code, file, severity, lines) in CASES {
        let path = fixture(&format!("lint/{code}/{file}"));
        let diags = lint_path(&path, config_for(code));
        let got: Vec<(Severity, usize)> = diags
            .iter()
            .filter(|d| d.code == *code)
            .map(|d| (d.severity, d.line))
            .collect();
        let want: Vec<(Severity, usize)> = lines.iter().map(|l| (*severity, *l)).collect();
        assert_eq!(
            got,
            want,
            "{code}/{file}: all findings were {:?}",
            codes(&diags)
        );
    }
}

#[test]
fn negative_fixtures_are_clean() {
    let mine = covered_codes();
    for code in &mine {
        let path = fixture(&format!("lint/{code}/good.conf"));
        let diags = lint_path(&path, config_for(code));
        let hits: Vec<String> = diags
            .iter()
            .filter(|d| mine.contains(&d.code.as_str()))
            .map(|d| format!("{}:{} {}: {}", d.code, d.line, d.message, d.detail))
            .collect();
        assert!(hits.is_empty(), "{code}/good.conf: {hits:?}");
    }
}

#[test]
fn every_rule_has_a_positive_case_with_its_default_severity() {
    for code in covered_codes() {
        let rule = registry::find(code).unwrap_or_else(|| panic!("{code} not registered"));
        let cases: Vec<_> = CASES.iter().filter(|c| c.0 == code).collect();
        assert!(!cases.is_empty(), "{code} has no positive fixture in CASES");
        // UL012's invalid-UTF-8 half keeps the parser's warning severity.
        assert!(
            cases.iter().any(|c| c.2 == rule.severity),
            "{code}: no case with the registry severity {:?}",
            rule.severity
        );
        assert!(
            fixture(&format!("lint/{code}/good.conf")).is_file(),
            "{code} has no negative fixture"
        );
    }
}

#[test]
fn binary_reports_the_fixtures_as_json() {
    // One run over every positive fixture (UL218 needs another target).
    let cases: Vec<_> = CASES.iter().filter(|c| c.0 != "UL218").collect();
    let out = bin("upstart-lint")
        .args([
            "--format",
            "json",
            "--isolated",
            "--no-context",
            "--shellcheck",
            "off",
        ])
        .args(
            cases
                .iter()
                .map(|(code, file, _, _)| format!("fixtures/lint/{code}/{file}")),
        )
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings make the exit status 1"
    );
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    let diags = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    for (code, file, severity, lines) in cases {
        let path = format!("fixtures/lint/{code}/{file}");
        let got: Vec<(String, u64)> = diags
            .iter()
            .filter(|d| {
                d["code"] == *code && d["file"].as_str().is_some_and(|f| f.ends_with(&path))
            })
            .map(|d| {
                (
                    d["severity"].as_str().unwrap_or("").to_string(),
                    d["line"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        let want: Vec<(String, u64)> = lines
            .iter()
            .map(|l| (severity.as_str().to_string(), *l as u64))
            .collect();
        assert_eq!(got, want, "{path}");
    }
}

#[test]
fn my_program_has_no_single_job_findings() {
    let mine = covered_codes();
    let diags = lint_path(&fixture("my_program.conf"), config_for(""));
    let hits: Vec<String> = diags
        .iter()
        .filter(|d| mine.contains(&d.code.as_str()))
        .map(upstart_tools::diag::concise::line)
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
}

// ---------------------------------------------------------------- registry

#[test]
fn registry_codes_are_unique_and_sorted() {
    let all = registry::all();
    for pair in all.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} must come before {} (unique, in code order)",
            pair[0].code,
            pair[1].code
        );
    }
    for r in all {
        assert!(
            r.code.as_str().len() == 5
                && r.code.starts_with("UL")
                && r.code.as_str()[2..].bytes().all(|b| b.is_ascii_digit()),
            "{}: not a ULnnn code",
            r.code
        );
        assert!(
            !r.name.is_empty() && !r.summary.is_empty(),
            "{}: name and summary",
            r.code
        );
        assert!(
            r.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: name `{}` is not kebab-case",
            r.code,
            r.name
        );
    }
}

#[test]
fn every_rule_documents_the_four_headings_in_order() {
    const HEADINGS: [&str; 4] = [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
    ];
    for r in registry::all() {
        let doc = r.documentation();
        let mut from = 0;
        for h in HEADINGS {
            let at = doc[from..]
                .lines()
                .scan(from, |pos, line| {
                    let start = *pos;
                    *pos += line.len() + 1;
                    Some((start, line))
                })
                .find(|(_, line)| line.trim_end() == h)
                .map(|(start, _)| start);
            let Some(at) = at else {
                panic!(
                    "{}: documentation lacks `{h}` (after the previous heading)",
                    r.code
                )
            };
            from = at + h.len();
        }
        assert!(
            doc.len() > from + 10,
            "{}: `## Use instead` is empty",
            r.code
        );
    }
}

/// Every [`ErrorKind`]; the exhaustive `match` stops compiling when a kind
/// is added without being listed here.
macro_rules! all_kinds {
    ($($k:ident),* $(,)?) => {{
        fn _exhaustive(k: ErrorKind) {
            match k {
                $(ErrorKind::$k)|* => {}
            }
        }
        vec![$(ErrorKind::$k),*]
    }};
}

#[test]
fn every_code_the_parser_emits_is_a_parse_rule_with_its_severity() {
    let kinds = all_kinds![
        ExpectedToken,
        UnexpectedToken,
        TrailingSlash,
        UnterminatedQuote,
        UnterminatedBlock,
        UnknownStanza,
        RemovedStanza,
        UnknownSubKeyword,
        UnknownLimitResource,
        IllegalInterval,
        IllegalExitStatus,
        IllegalSignal,
        IllegalUmask,
        IllegalNice,
        IllegalOom,
        IllegalOomScore,
        IllegalLimit,
        IllegalRespawnCount,
        ExpectedEvent,
        ExpectedOperator,
        ExpectedVariable,
        MismatchedParens,
        NestingTooDeep,
        StrayEndScript,
        UnopenedBlock,
        ByteOrderMark,
        InvalidUtf8,
        VendorStanza,
        GarbledEscape,
        WrappedNumber,
        NulInValue,
    ];
    for kind in kinds {
        let code = kind.code();
        let rule = registry::find(code)
            .unwrap_or_else(|| panic!("{kind:?} reports {code}, which is not registered"));
        assert!(
            matches!(rule.check, Check::Pass(Pass::Parse)),
            "{code} must be a parse rule"
        );
        // A code has one default severity: UL012 is an error (byte-order
        // mark) although invalid UTF-8 is reported as a warning.
        if kind != ErrorKind::InvalidUtf8 {
            assert_eq!(rule.severity, kind.severity(), "{code} ({kind:?})");
        }
    }
    for r in registry::all()
        .iter()
        .filter(|r| matches!(r.check, Check::Pass(Pass::Parse)))
    {
        assert!(r.default, "{}: parse errors are always reported", r.code);
    }
}

// ------------------------------------------------------------------- fixes

/// Apply each fix of `diags` on its own and return (code, fixed text).
fn fixed_versions(text: &str, diags: &[Diagnostic]) -> Vec<(String, String)> {
    diags
        .iter()
        .filter(|d| d.fix.is_some())
        .map(|d| {
            let (fixed, n) = fix::apply(text, std::slice::from_ref(d));
            assert_eq!(n, 1, "{}: the fix applies", d.code);
            (d.code.to_string(), fixed)
        })
        .collect()
}

fn error_count(text: &str) -> usize {
    parse(text.as_bytes())
        .errors
        .iter()
        .filter(|e| e.severity() == Severity::Error)
        .count()
}

#[test]
fn every_fix_reparses_with_fewer_problems() {
    let mut fixes = 0;
    for (code, file, _, _) in CASES {
        let path = fixture(&format!("lint/{code}/{file}"));
        let bytes = read(&path);
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let diags = lint_path(&path, config_for(code));
        for (fixed_code, fixed) in fixed_versions(&text, &diags) {
            fixes += 1;
            let before = error_count(&text);
            let after = error_count(&fixed);
            let was_parse_error = registry::find(&fixed_code)
                .is_some_and(|r| matches!(r.check, Check::Pass(Pass::Parse)));
            if was_parse_error {
                assert!(
                    after < before,
                    "{code}/{file}: {fixed_code} fix leaves {after} of {before} errors"
                );
            } else {
                assert!(
                    after <= before,
                    "{code}/{file}: {fixed_code} fix adds parse errors"
                );
                let count = |t: &str| {
                    lint(&[input(&path, t.as_bytes().to_vec())], &[config_for(code)])
                        .diagnostics
                        .iter()
                        .filter(|d| d.code == fixed_code.as_str())
                        .count()
                };
                assert!(
                    count(&fixed) < count(&text),
                    "{code}/{file}: {fixed_code} still reported after its fix"
                );
            }
        }
    }
    assert!(
        fixes >= 4,
        "the UL006, UL011, UL012 and UL217 fixes were exercised ({fixes})"
    );
}

#[test]
fn quoting_fix_for_multi_word_text() {
    let text = "description my great job\nauthor Jane Q. Public\nexec /usr/bin/app\n";
    let diags = lint_text("app.conf", text);
    let (fixed, n) = fix::apply(text, &diags);
    assert_eq!(n, 2, "{:?}", codes(&diags));
    assert_eq!(
        fixed,
        "description \"my great job\"\nauthor \"Jane Q. Public\"\nexec /usr/bin/app\n"
    );
    assert_eq!(error_count(&fixed), 0);
}

#[test]
fn quoting_fix_only_when_quoting_keeps_the_meaning() {
    for text in [
        "description my \"great\" job\n",
        "description my great job # note\n",
        "description my great \\\n  job\n",
        "env FOO=a b\n",
        "instance a b\n",
        "setuid a b\n",
    ] {
        let diags = lint_text("app.conf", text);
        assert!(
            diags.iter().any(|d| d.code == "UL006"),
            "{text:?}: {:?}",
            codes(&diags)
        );
        assert!(
            diags.iter().all(|d| d.fix.is_none() || d.code != "UL006"),
            "{text:?} must not be fixed"
        );
    }
}

#[test]
fn bom_fix_removes_exactly_the_mark() {
    let text = "\u{feff}description \"x\"\nexec /usr/bin/app\n";
    let diags = lint_text("app.conf", text);
    let bom: Vec<_> = diags.iter().filter(|d| d.code == "UL012").collect();
    assert_eq!(bom.len(), 1, "{:?}", codes(&diags));
    let (fixed, _) = fix::apply(text, &diags);
    assert_eq!(fixed, "description \"x\"\nexec /usr/bin/app\n");
}

#[test]
fn legacy_oom_fix_uses_upstarts_scaling() {
    for (adj, score) in [
        (-17, -1000),
        (-10, -588),
        (-1, -58),
        (0, 0),
        (1, 66),
        (15, 1000),
    ] {
        let text = format!("description \"x\"\noom {adj} # keep\nexec /usr/bin/app\n");
        let diags = lint_text("app.conf", &text);
        let (fixed, n) = fix::apply(&text, &diags);
        assert_eq!(n, 1, "oom {adj}: {:?}", codes(&diags));
        assert_eq!(
            fixed,
            format!("description \"x\"\noom score {score} # keep\nexec /usr/bin/app\n")
        );
    }
    // Not the score form, and not for targets without `oom score`.
    assert!(
        lint_text("app.conf", "oom score -5\n")
            .iter()
            .all(|d| d.code != "UL217")
    );
    let mut old = config_for("");
    old.target_version = vec![1, 2];
    let diags = lint(&[input("app.conf", b"oom -5\n".to_vec())], &[old]).diagnostics;
    assert!(
        diags.iter().all(|d| d.code != "UL217"),
        "{:?}",
        codes(&diags)
    );
}

#[test]
fn crlf_fix_converts_every_line_ending() {
    let path = fixture("lint/UL011/bad.conf");
    let text = String::from_utf8(read(&path)).unwrap_or_else(|e| panic!("{e}"));
    let diags = lint_path(&path, config_for("UL011"));
    let (fixed, n) = fix::apply(&text, &diags);
    assert_eq!(n, 2);
    assert_eq!(fixed, text.replace("\r\n", "\n"));
}

// --------------------------------------------------------------- semantics

#[test]
fn override_may_repeat_what_the_conf_says() {
    let conf = "start on runlevel [2345]\nrespawn limit 5 10\nenv PORT=80\nexec /usr/bin/app\n";
    let ovr = "description \"overridden\"\nstart on filesystem\nstop on runlevel [!2345]\nrespawn\nenv PORT=8080\nexec /usr/bin/app --port 8080\n";
    let inputs = [
        input("/virtual/app.conf", conf.as_bytes().to_vec()),
        input("/virtual/app.override", ovr.as_bytes().to_vec()),
    ];
    let diags = lint(&inputs, &[config_for("")]).diagnostics;
    let mine = covered_codes();
    let hits: Vec<String> = diags
        .iter()
        .filter(|d| mine.contains(&d.code.as_str()))
        .map(upstart_tools::diag::concise::line)
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
}

#[test]
fn job_level_findings_go_to_the_conf_and_repeats_to_their_file() {
    let conf = "respawn limit 5 10\nexec /usr/bin/app\n";
    let ovr = "start on filesystem\nstart on startup\n";
    let inputs = [
        input("/virtual/app.conf", conf.as_bytes().to_vec()),
        input("/virtual/app.override", ovr.as_bytes().to_vec()),
    ];
    let diags = lint(&inputs, &[config_for("")]).diagnostics;
    let at = |code: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.code == code)
            .map(|d| format!("{}:{}", d.file, d.line))
            .collect()
    };
    assert_eq!(at("UL603"), ["/virtual/app.conf:1"]);
    assert_eq!(at("UL221"), ["/virtual/app.conf:1"]);
    assert_eq!(at("UL202"), ["/virtual/app.override:2"]);
}

#[test]
fn processes_from_the_override_are_read_from_the_override() {
    // The conf's text at the override's offsets would be garbage: the rules
    // must read the override's own text.
    let conf = "description \"x\"\nexpect fork\nstart on startup\nexec /bin/app\n";
    let ovr = "script\n  mkdir -p /run/app\n  exec /usr/bin/app\nend script\n";
    let inputs = [
        input("/virtual/app.conf", conf.as_bytes().to_vec()),
        input("/virtual/app.override", ovr.as_bytes().to_vec()),
    ];
    let diags = lint(&inputs, &[config_for("")]).diagnostics;
    let at = |code: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.code == code)
            .map(|d| format!("{}:{}", d.file, d.line))
            .collect()
    };
    assert_eq!(at("UL204"), ["/virtual/app.conf:2"], "{:?}", codes(&diags));
    assert_eq!(at("UL220"), ["/virtual/app.conf:3"], "{:?}", codes(&diags));
}

#[test]
fn rule_details() {
    let has = |text: &str, code: &str| lint_text("app.conf", text).iter().any(|d| d.code == code);
    // UL109: a multiple of 256 is death by a signal; beyond signal 64 it is not.
    assert!(!has("normal exit 3840\n", "UL109"));
    assert!(has("normal exit 25600\n", "UL109"));
    assert!(has("normal exit 0\nnormal exit 0\n", "UL109"));
    // UL204: a script that only sources and tests before `exec` is fine;
    // `expect stop` needs the script to exec its program.
    assert!(!has(
        "expect fork\nscript\n  . /etc/default/x\n  exec /usr/sbin/x\nend script\n",
        "UL204"
    ));
    assert!(has(
        "expect fork\nscript\n  exec /usr/sbin/x $(cat /etc/x.args)\nend script\n",
        "UL204"
    ));
    assert!(has(
        "expect stop\nscript\n  /usr/sbin/x\nend script\n",
        "UL204"
    ));
    assert!(!has(
        "expect stop\nscript\n  mkdir -p /run/x\n  exec /usr/sbin/x\nend script\n",
        "UL204"
    ));
    // UL205: one-letter flags only for programs known to use them.
    assert!(!has(
        "expect daemon\nexec /usr/sbin/avahi-daemon -D\n",
        "UL205"
    ));
    assert!(has("exec /usr/sbin/avahi-daemon -D\n", "UL205"));
    assert!(!has("exec /sbin/reboot -d -f\n", "UL205"));
    assert!(has("exec /usr/bin/app --daemon\n", "UL205"));
    assert!(!has(
        "expect fork\nexec minijail0 -i -- /usr/bin/app --foreground\n",
        "UL205"
    ));
    // UL206: a trailing `&` with `expect fork`/`daemon` is followed by
    // upstart (the exec after the shell's fork ends the tracking); a task
    // is done when its script exits, whatever it leaves behind.
    assert!(!has("expect fork\nexec /usr/bin/app &\n", "UL206"));
    assert!(!has("expect daemon\nexec /usr/bin/app &\n", "UL206"));
    assert!(has("script\n  /usr/bin/app &\nend script\n", "UL206"));
    assert!(!has(
        "task\nscript\n  /usr/bin/app &\nend script\n",
        "UL206"
    ));
    assert!(!has(
        "task\nrespawn\nexec start-stop-daemon --start --background --exec /usr/bin/app\n",
        "UL206"
    ));
    assert!(!has(
        "script\n  /usr/bin/app &\n  wait\nend script\n",
        "UL206"
    ));
    assert!(has(
        "exec start-stop-daemon --start --background --exec /usr/bin/app\n",
        "UL206"
    ));
    // UL207: a pipe in a hook is harmless.
    assert!(!has(
        "post-stop exec ifconfig eth0 down 2>&1 | logger\n",
        "UL207"
    ));
    assert!(has(
        "pre-start exec test -x /usr/bin/app || { stop; exit 0; }\n",
        "UL207"
    ));
    // UL209: tasks and jobs without a main process are not flagged; the
    // `rc` job's RUNLEVEL counts.
    assert!(!has(
        "start on runlevel [2345]\ntask\nexec /bin/true\n",
        "UL209"
    ));
    assert!(!has(
        "start on runlevel [2345]\npre-start exec /bin/true\n",
        "UL209"
    ));
    assert!(has(
        "start on stopped rc RUNLEVEL=[2345]\nexec /usr/sbin/x\n",
        "UL209"
    ));
    assert!(!has("start on runlevel [016]\nexec /usr/sbin/x\n", "UL209"));
    // UL211: hooks but no main process: only main-process options.
    assert!(has("pre-start exec /bin/true\nrespawn\n", "UL211"));
    assert!(!has("pre-start exec /bin/true\nsetuid app\n", "UL211"));
    // UL220: `startup and …` waits for the other event.
    assert!(!has(
        "start on startup and filesystem\nexec /usr/bin/app\n",
        "UL220"
    ));
    assert!(has(
        "start on startup or filesystem\nexec /usr/bin/app\n",
        "UL220"
    ));
    // UL116: `unlimited` and `-1` are the largest values.
    assert!(!has("limit core -1 unlimited\n", "UL116"));
    assert!(has("limit core -1 1024\n", "UL116"));
    // UL222: arguments within an event's variables, custom events, and
    // extra arguments of events that may carry more (exported variables)
    // unless they look like an operator or an event.
    for quiet in [
        "start on runlevel [2345]\nstop on runlevel [!2345]\n",
        "start on runlevel [2345] N\n",
        "start on started network-interface eth0\n",
        "start on stopped foo '' failed main 1\n",
        "start on stopped rc RUNLEVEL=[2345] and started dbus\n",
        "start on my-event a b c d e f\n",
        "start on started foo bar baz\n",
        "start on net-device-up eth0 eth0 inet static\n",
        "start on socket inet 80 0.0.0.0\n",
        "start on startup or filesystem\n",
    ] {
        assert!(
            !has(&format!("{quiet}exec /usr/bin/app\n"), "UL222"),
            "{quiet}"
        );
    }
    for loud in [
        "start on (started foo adn net-device-up)\n",
        "start on started foo nad stopped bar\n",
        "start on runlevel [2345] ro started foo\n",
        "start on filesystem AND started foo\n",
        "start on startup foo\n",
        "start on net-device-up eth0 eth0 inet static extra\n",
        "start on started foo bar net-device-up\n",
        "stop on started $A stopped $A\n",
        "start on :sys:runlevel [2345] Or :sys:started foo\n",
        "start on mounted/failed a b c d e\n",
    ] {
        assert!(
            has(&format!("{loud}exec /usr/bin/app\n"), "UL222"),
            "{loud}"
        );
    }
    // UL218 is silent at the default target (1.13).
    assert!(!has(
        "setuid app\ncgroup memory\nreload signal USR1\n",
        "UL218"
    ));
}

#[test]
fn ul206_severity_follows_what_upstart_does_with_the_exit() {
    let sev = |text: &str| -> Vec<Severity> {
        lint_text("app.conf", text)
            .iter()
            .filter(|d| d.code == "UL206")
            .map(|d| d.severity)
            .collect()
    };
    // Exit 0 of a respawning service respawns it: a loop, certainly.
    assert_eq!(sev("respawn\nexec /usr/bin/app &\n"), [Error]);
    assert_eq!(
        sev("respawn\nexec start-stop-daemon --start -b --exec /usr/bin/app\n"),
        [Error]
    );
    let diags = lint_text(
        "app.conf",
        "respawn\nrespawn limit unlimited\nexec /usr/bin/app &\n",
    );
    let d = diags.iter().find(|d| d.code == "UL206");
    assert!(
        d.is_some_and(
            |d| d.severity == Error && d.detail.ends_with("forever (the respawn limit is off)")
        ),
        "{d:?}"
    );
    // `normal exit 0`: the job just stops; the program is lost, no loop.
    assert_eq!(
        sev("respawn\nnormal exit 0\nexec /usr/bin/app &\n"),
        [Warning]
    );
    assert_eq!(sev("exec /usr/bin/app &\n"), [Warning]);
    // With `expect`, start-stop-daemon's own forks decide what is tracked.
    assert_eq!(
        sev(
            "respawn\nexpect daemon\nexec start-stop-daemon --start --background --exec /usr/bin/app\n"
        ),
        [Warning]
    );
    // Ubuntu's mounted-run: a task that backgrounds the motd seeding.
    let diags = lint_path(&fixture("lint/UL206/task.conf"), config_for("UL206"));
    assert!(
        diags.iter().all(|d| d.code != "UL206"),
        "{:?}",
        codes(&diags)
    );
}

#[test]
fn ul222_says_which_operator_and_what_the_arguments_match() {
    let find = |text: &str| -> Diagnostic {
        let diags = lint_text("app.conf", text);
        diags
            .iter()
            .find(|d| d.code == "UL222")
            .cloned()
            .unwrap_or_else(|| panic!("no UL222 in {text:?}: {:?}", codes(&diags)))
    };
    let d = find("start on (started foo adn net-device-up)\nexec /usr/bin/app\n");
    assert_eq!(d.severity, Warning);
    assert_eq!((d.line, d.column), (1, 23));
    assert!(
        d.detail
            .contains("`adn` (2nd argument) must equal INSTANCE"),
        "{}",
        d.detail
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `and`: `started foo and net-device-up`?")
    );
    let d = find("stop on runlevel [!2345] OR stopping foo\nexec /usr/bin/app\n");
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `or`: `runlevel [!2345] or stopping foo`?")
    );
    // No operator typo: what the stray argument is compared with.
    let d = find("start on net-device-up eth0 eth0 inet static extra\nexec /usr/bin/app\n");
    assert!(
        d.detail
            .contains("`net-device-up` carries IFACE, LOGICAL, ADDRFAM, METHOD: `extra`, its 5th"),
        "{}",
        d.detail
    );
    let d = find("stop on started $A stopped $A\nexec /usr/bin/app\n");
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("`started $A or stopped $A`")),
        "{:?}",
        d.help
    );
}

#[test]
fn related_labels_point_at_the_discarded_definition() {
    let text = "description \"x\"\nexec /usr/bin/a\nscript\n  exec /usr/bin/b\nend script\n";
    let diags = lint_text("app.conf", text);
    let d = diags
        .iter()
        .find(|d| d.code == "UL201")
        .unwrap_or_else(|| panic!("no UL201: {:?}", codes(&diags)));
    assert_eq!(d.severity, Warning);
    assert_eq!(d.line, 3);
    let related = d.related();
    assert_eq!(related.len(), 1);
    assert_eq!(&text[related[0].0.start..related[0].0.end], "exec");
    assert!(
        related[0].1.starts_with("first definition here"),
        "{}",
        related[0].1
    );
}

// ------------------------------------------------------------------ corpus

/// Error-level findings of these rules on the corpus outside upstart's own
/// known-bad files (the corpus README), each a real defect: none. (UL201 on
/// 201-saned, `exec` and `script` both defining the main process, is a
/// warning: upstart runs the later one, as the README says a linter should
/// warn.)
const REAL_DEFECTS: &[(&str, &str)] = &[];

/// Files upstart 1.13.2 itself rejects (corpus README).
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

#[test]
fn corpus_errors_of_single_job_rules_are_real_defects() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let inputs: Vec<Input> = files_in(&dir, "conf")
        .into_iter()
        .map(|p| {
            let bytes = read(&p);
            input(p, bytes)
        })
        .collect();
    let diags = lint(&inputs, &[config_for("")]).diagnostics;
    let mine = covered_codes();
    let base = |d: &Diagnostic| d.file.rsplit('/').next().unwrap_or(&d.file).to_string();
    let unexpected: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Error && mine.contains(&d.code.as_str()))
        // ChromiumOS jobs (`import`, `tmpfiles`): upstream upstart rejects
        // them; corpus.rs checks that ChromiumOS's dialect accepts them.
        .filter(|d| d.code != "UL014")
        .filter(|d| {
            let file = base(d);
            !KNOWN_BAD.contains(&file.as_str())
                && !REAL_DEFECTS.contains(&(file.as_str(), d.code.as_str()))
        })
        .map(upstart_tools::diag::concise::line)
        .collect();
    assert!(
        unexpected.is_empty(),
        "error-level findings on good corpus files:\n{}",
        unexpected.join("\n")
    );
    for (file, code) in REAL_DEFECTS {
        assert!(
            diags.iter().any(|d| base(d) == *file && d.code == *code),
            "{file} should still get {code}"
        );
    }
    assert!(
        diags
            .iter()
            .any(|d| base(d) == "201-saned.conf" && d.code == "UL201" && d.severity == Warning),
        "201-saned.conf should still get UL201 as a warning"
    );
}
