//! Embedded shell (UL401–UL408): a positive and a negative fixture per rule
//! under `fixtures/lint/<CODE>/`, with the exact line and column of every
//! finding; the mapping back to the `.conf` (CRLF, TAB indentation, `exec`
//! continuation lines); shellcheck batching and mapping with a fake
//! shellcheck (always) and the real one (skipped when it is not installed);
//! and the real-world corpus.

use crate::common::{bin, corpus_dir, files_in, fixture};
use std::path::{Path, PathBuf};
use upstart_tools::ast::{ProcessBody, StanzaKind};
use upstart_tools::diag::Diagnostic;
use upstart_tools::diag::Severity;
use upstart_tools::lint::config::{Config, Overrides, ShellcheckMode};
use upstart_tools::lint::shell::{Origin, extract};
use upstart_tools::lint::{Input, lint};
use upstart_tools::load::{ParsedFile, job_name};

use Severity::{Error, Info, Warning};

fn config(shellcheck: ShellcheckMode, path: Option<&Path>) -> Config {
    let overrides = Overrides {
        shellcheck: Some(shellcheck),
        shellcheck_path: path.map(|p| p.display().to_string()),
        ..Overrides::default()
    };
    Config::build(None, &overrides).unwrap_or_else(|e| panic!("config: {e}"))
}

fn lint_paths(paths: &[PathBuf], config: Config) -> Vec<Diagnostic> {
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Input {
                name: job_name(p, None),
                file: ParsedFile::from_bytes(p, bytes),
                config: 0,
                report: true,
            }
        })
        .collect();
    lint(&inputs, &[config]).diagnostics
}

/// (code, line, column, severity) of the UL4xx findings, in report order.
fn shell_findings(diags: &[Diagnostic]) -> Vec<(String, usize, usize, Severity)> {
    diags
        .iter()
        .filter(|d| d.code.starts_with("UL4"))
        .map(|d| (d.code.to_string(), d.line, d.column, d.severity))
        .collect()
}

fn lint_fixture(rel: &str) -> Vec<Diagnostic> {
    lint_paths(&[fixture(rel)], config(ShellcheckMode::Off, None))
}

type Expected = &'static [(&'static str, usize, usize, Severity)];

/// Every UL4xx finding each positive fixture must produce (shellcheck off).
const POSITIVE: &[(&str, Expected)] = &[
    (
        "lint/UL401/bad.conf",
        &[
            // A missing `fi` is found at the end of the block: the `end
            // script` line.
            ("UL401", 8, 1, Error),
            // TAB-indented block: `esca` is not `esac`; the newline after it
            // is where dash says "expecting )".
            ("UL401", 14, 6, Error),
            ("UL401", 18, 24, Error),
        ],
    ),
    // Warnings: dash reads an unclosed here-document to the end and runs
    // the command; it never parses text after `exec PROGRAM` or `exit 0`.
    (
        "lint/UL401/unreached.conf",
        &[
            ("UL401", 6, 25, Warning),
            ("UL401", 13, 5, Warning),
            ("UL401", 19, 25, Warning),
        ],
    ),
    // CRLF: the carriage returns stay in the text; the column is exact.
    ("lint/UL401/crlf.conf", &[("UL401", 5, 8, Error)]),
    (
        "lint/UL402/bad.conf",
        &[
            // At the end of the line: the `$(` is never closed.
            ("UL402", 5, 45, Error),
            ("UL402", 7, 36, Error),
            // On the continuation line of the `exec`.
            ("UL402", 10, 18, Error),
        ],
    ),
    ("lint/UL403/bad.conf", &[("UL403", 9, 1, Warning)]),
    ("lint/UL404/bad.conf", &[("UL404", 9, 1, Error)]),
    ("lint/UL404/quote.conf", &[("UL404", 5, 1, Error)]),
    ("lint/UL406/bad.conf", &[("UL406", 7, 5, Warning)]),
    (
        "lint/UL407/bad.conf",
        &[
            ("UL407", 6, 5, Warning),   // [[
            ("UL407", 6, 30, Warning),  // source
            ("UL407", 7, 18, Warning),  // ==
            ("UL407", 8, 14, Warning),  // $'…'
            ("UL407", 10, 18, Warning), // ${PLUGINS[0]}
            ("UL407", 11, 36, Warning), // &>
        ],
    ),
    ("lint/UL408/bad.conf", &[("UL408", 8, 5, Info)]),
];

#[test]
fn positive_fixtures_report_code_line_column_and_severity() {
    for (rel, expected) in POSITIVE {
        let got = shell_findings(&lint_fixture(rel));
        let want: Vec<_> = expected
            .iter()
            .map(|(c, l, col, s)| ((*c).to_string(), *l, *col, *s))
            .collect();
        assert_eq!(got, want, "{rel}");
    }
}

#[test]
fn negative_fixtures_have_no_shell_findings() {
    for code in [
        "UL401", "UL402", "UL403", "UL404", "UL406", "UL407", "UL408",
    ] {
        let rel = format!("lint/{code}/good.conf");
        let got = shell_findings(&lint_fixture(&rel));
        assert!(got.is_empty(), "{rel}: {got:?}");
    }
}

#[test]
fn every_shell_rule_has_fixtures() {
    for code in [
        "UL401", "UL402", "UL403", "UL404", "UL405", "UL406", "UL407", "UL408",
    ] {
        for name in ["bad.conf", "good.conf"] {
            let p = fixture(&format!("lint/{code}/{name}"));
            assert!(p.is_file(), "{} is missing", p.display());
        }
    }
}

/// The 1-based line of a byte offset of a fixture.
fn line_of(rel: &str, offset: usize) -> usize {
    let bytes = std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[test]
fn messages_and_related_labels() {
    let diags = lint_fixture("lint/UL401/bad.conf");
    let fi = diags
        .iter()
        .find(|d| d.code == "UL401" && d.line == 8)
        .unwrap_or_else(|| panic!("no UL401 on line 8: {diags:?}"));
    assert_eq!(fi.detail, "the `if` command is missing its closing `fi`");
    let related: Vec<(usize, &str)> = fi
        .related()
        .iter()
        .map(|(s, l)| (line_of("lint/UL401/bad.conf", s.start), l.as_str()))
        .collect();
    assert_eq!(related, vec![(6, "the `if` command started here")]);

    let diags = lint_fixture("lint/UL403/bad.conf");
    let d = diags
        .iter()
        .find(|d| d.code == "UL403")
        .unwrap_or_else(|| panic!("no UL403: {diags:?}"));
    assert!(d.detail.contains("`    EOT`, not `EOT`"), "{}", d.detail);
    let lines: Vec<usize> = d
        .related()
        .iter()
        .map(|(s, _)| line_of("lint/UL403/bad.conf", s.start))
        .collect();
    // The here-document's operator, and the empty line that turned the
    // stripping off.
    assert_eq!(lines, vec![6, 8]);

    let diags = lint_fixture("lint/UL404/bad.conf");
    let d = diags
        .iter()
        .find(|d| d.code == "UL404")
        .unwrap_or_else(|| panic!("no UL404: {diags:?}"));
    assert!(d.detail.contains("here-document `EOF`"), "{}", d.detail);
    // Upstart goes on to read the rest as stanzas: the parser says so too.
    assert!(
        diags.iter().any(|d| d.code == "UL003" && d.line == 10),
        "{diags:?}"
    );

    let diags = lint_fixture("lint/UL408/bad.conf");
    let d = diags
        .iter()
        .find(|d| d.code == "UL408")
        .unwrap_or_else(|| panic!("no UL408: {diags:?}"));
    let exec_line: Vec<usize> = d
        .related()
        .iter()
        .map(|(s, _)| line_of("lint/UL408/bad.conf", s.start))
        .collect();
    assert_eq!(exec_line, vec![7]);
}

#[test]
fn binary_reports_exact_positions() {
    let out = bin("upstart-lint")
        .args([
            "--isolated",
            "--no-context",
            "--shellcheck",
            "off",
            "--format",
            "concise",
        ])
        .arg("fixtures/lint/UL401/crlf.conf")
        .arg("fixtures/lint/UL402/bad.conf")
        .output()
        .unwrap_or_else(|e| panic!("upstart-lint: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for want in [
        "fixtures/lint/UL401/crlf.conf:5:8: error[UL401] Shell syntax error: the compound command delimiter is unmatched",
        "fixtures/lint/UL402/bad.conf:5:45: error[UL402] Shell syntax error: the command substitution is not closed",
        "fixtures/lint/UL402/bad.conf:10:18: error[UL402]",
    ] {
        assert!(
            stdout.lines().any(|l| l.starts_with(want)),
            "missing `{want}` in:\n{stdout}"
        );
    }
}

#[test]
fn ignoring_a_shell_rule_silences_it() {
    let overrides = Overrides {
        shellcheck: Some(ShellcheckMode::Off),
        ignore: vec!["UL407".into()],
        ..Overrides::default()
    };
    let config = Config::build(None, &overrides).unwrap_or_else(|e| panic!("config: {e}"));
    let diags = lint_paths(&[fixture("lint/UL407/bad.conf")], config);
    assert!(shell_findings(&diags).is_empty(), "{diags:?}");
}

// ------------------------------------------------------------ shellcheck

/// A stand-in for shellcheck that logs each run and reports, for every file
/// it is given, one finding per level at line 2, column 1 (the first line of
/// the text: line 1 is the `#!/bin/sh -e` prefix).
fn fake_shellcheck(dir: &Path, output: &str) -> PathBuf {
    let log = dir.join("runs.log");
    let script = dir.join("fake-shellcheck");
    let body = match output {
        "findings" => r#"printf '{"comments":['
sep=
for f in "$@"; do
  case "$f" in *.sh) ;; *) continue ;; esac
  for l in error:1001 warning:1002 style:1003; do
    printf '%s{"file":"%s","line":2,"column":1,"endLine":2,"endColumn":3,"level":"%s","code":%s,"message":"fake %s"}' "$sep" "$f" "${l%%:*}" "${l#*:}" "${l%%:*}"
    sep=,
  done
done
printf ']}\n'"#
            .to_string(),
        _ => "echo 'this is not json'".to_string(),
    };
    let text = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\n{body}\nexit 1\n",
        log.display()
    );
    std::fs::write(&script, text).unwrap_or_else(|e| panic!("{}: {e}", script.display()));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", script.display()));
    script
}

fn shell_fixtures() -> Vec<PathBuf> {
    [
        "UL405/bad.conf",
        "UL406/bad.conf",
        "UL407/bad.conf",
        "UL402/good.conf",
    ]
    .iter()
    .map(|r| fixture(&format!("lint/{r}")))
    .collect()
}

#[test]
fn shellcheck_runs_once_for_all_blocks_and_maps_every_finding() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let fake = fake_shellcheck(dir.path(), "findings");
    let diags = lint_paths(&shell_fixtures(), config(ShellcheckMode::On, Some(&fake)));
    let log = std::fs::read_to_string(dir.path().join("runs.log")).unwrap_or_default();
    assert_eq!(
        log.lines().count(),
        1,
        "one shellcheck process for the run:\n{log}"
    );
    let args = log.lines().next().unwrap_or("");
    for want in [
        "--norc",
        "--shell=dash",
        "--format=json1",
        "--exclude=SC2164,",
    ] {
        assert!(args.contains(want), "`{want}` not in `{args}`");
    }
    // UL405/bad: a block and a shell-run exec; UL406/bad: a block (its exec
    // has no shell characters); UL407/bad: a block; UL402/good: two of its
    // three exec lines run through the shell.
    assert_eq!(args.matches(".sh").count(), 6, "{args}");

    let at = |file: &str, line: usize| -> Vec<(usize, Severity, String)> {
        diags
            .iter()
            .filter(|d| d.code == "UL405" && d.file.ends_with(file) && d.line == line)
            .map(|d| (d.column, d.severity, d.message.clone()))
            .collect()
    };
    let levels = |col: usize| {
        vec![
            // shellcheck's "error" is a warning at most (heuristics).
            (col, Warning, "SC1001: fake error".to_string()),
            (col, Warning, "SC1002: fake warning".to_string()),
            (col, Info, "SC1003: fake style".to_string()),
        ]
    };
    // Block: the first body line, after the stripped indentation.
    assert_eq!(at("UL406/bad.conf", 6), levels(5));
    // Exec line: the `exec ` prefix maps to the start of the command.
    assert_eq!(at("UL405/bad.conf", 14), levels(6));
    assert_eq!(at("UL402/good.conf", 5), levels(6));
    // `pre-stop exec …` continued on the next line: its command's start.
    assert_eq!(at("UL402/good.conf", 9), levels(15));
    assert_eq!(diags.iter().filter(|d| d.code == "UL405").count(), 6 * 3);
    // UL407 is left to shellcheck when it runs.
    assert!(diags.iter().all(|d| d.code != "UL407"), "{diags:?}");
}

#[test]
fn unusable_shellcheck_is_skipped_and_bashisms_stay_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let broken = fake_shellcheck(dir.path(), "garbage");
    let diags = lint_paths(&shell_fixtures(), config(ShellcheckMode::On, Some(&broken)));
    assert!(diags.iter().all(|d| d.code != "UL405"), "{diags:?}");
    // Missing program: shellcheck does not run, so UL407 does.
    let missing = dir.path().join("no-such-shellcheck");
    let diags = lint_paths(
        &shell_fixtures(),
        config(ShellcheckMode::Auto, Some(&missing)),
    );
    assert!(diags.iter().all(|d| d.code != "UL405"));
    assert!(diags.iter().any(|d| d.code == "UL407"), "{diags:?}");
    // Off: no process at all.
    let off = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let fake = fake_shellcheck(off.path(), "findings");
    let diags = lint_paths(&shell_fixtures(), config(ShellcheckMode::Off, Some(&fake)));
    assert!(!off.path().join("runs.log").exists());
    assert!(diags.iter().any(|d| d.code == "UL407"), "{diags:?}");
}

/// The real shellcheck, or `None` (printing that the test skipped).
fn real_shellcheck() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|d| d.join("shellcheck"))
        .find(|p| p.is_file());
    if found.is_none() {
        eprintln!("skipped: shellcheck is not installed");
    }
    found
}

#[test]
fn real_shellcheck_findings_are_mapped_with_their_levels() {
    let Some(program) = real_shellcheck() else {
        return;
    };
    let diags = lint_paths(
        &[fixture("lint/UL405/bad.conf")],
        config(ShellcheckMode::On, Some(&program)),
    );
    let got: Vec<(usize, usize, Severity, String)> = diags
        .iter()
        .filter(|d| d.code == "UL405")
        .map(|d| {
            let sc = d.message.split(':').next().unwrap_or("").to_string();
            (d.line, d.column, d.severity, sc)
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (6, 11, Info, "SC2086".to_string()),    // rm -f $PIDFILE
            (7, 13, Warning, "SC2144".to_string()), // [ -f glob ]
            // Line 10, `cd` without `|| exit`: SC2164 is excluded.
            (11, 5, Warning, "SC2034".to_string()), // unused=1
            (14, 29, Info, "SC2086".to_string()),   // the exec line
        ]
    );
    // `# shellcheck disable=` inside a block keeps working, at the top of
    // a block for the whole block.
    let diags = lint_paths(
        &[fixture("lint/UL405/good.conf")],
        config(ShellcheckMode::On, Some(&program)),
    );
    assert!(diags.iter().all(|d| d.code != "UL405"), "{diags:?}");
}

#[test]
fn real_shellcheck_agrees_with_the_bashism_positions() {
    let Some(program) = real_shellcheck() else {
        return;
    };
    let rel = "lint/UL407/bad.conf";
    let sc: Vec<(usize, usize)> =
        lint_paths(&[fixture(rel)], config(ShellcheckMode::On, Some(&program)))
            .iter()
            .filter(|d| d.code == "UL405" && d.message.starts_with("SC30"))
            .map(|d| (d.line, d.column))
            .collect();
    let ours: Vec<(usize, usize)> = shell_findings(&lint_fixture(rel))
        .iter()
        .map(|(_, l, c, _)| (*l, *c))
        .collect();
    assert_eq!(sc, ours);
}

// ---------------------------------------------------------------- corpus

#[test]
fn corpus_texts_map_back_byte_for_byte() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let mut checked = 0;
    for path in files_in(&dir, "conf") {
        let file = ParsedFile::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let bodies: Vec<&str> = file
            .parsed
            .job
            .stanzas()
            .filter_map(|s| match &s.kind {
                StanzaKind::Process {
                    body: ProcessBody::Script { body, .. },
                    ..
                } => Some(body.as_str()),
                _ => None,
            })
            .collect();
        let texts = extract(&file);
        let blocks: Vec<&str> = texts
            .iter()
            .filter(|e| e.origin == Origin::Block)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            blocks,
            bodies,
            "{}: the text differs from upstart's body",
            path.display()
        );
        let source = file.source.bytes();
        for e in &texts {
            let skip = if e.origin == Origin::Exec {
                "exec ".len()
            } else {
                0
            };
            for (i, b) in e.text.bytes().enumerate().skip(skip) {
                // A joined continuation becomes one space in the text.
                if b == b' ' {
                    continue;
                }
                let at = e.to_file(i);
                assert_eq!(
                    source.get(at),
                    Some(&b),
                    "{}: text byte {i} of {:?} maps to offset {at}",
                    path.display(),
                    e.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "only {checked} bytes checked");
}

/// Every UL4xx finding on the corpus (shellcheck off): (file, code, line).
/// The errors are real defects:
const CORPUS: &[(&str, &str, usize)] = &[
    // pre-start: `test -r /etc/openvpn/$VPN.conf {` … `exit 1` … `}` — a
    // `}` with no `{` command (a missing `||`). dash never gets to the `}`:
    // `test` fails on the extra `{` (status 2, "unexpected operator") and
    // the top-level `exit 1` would fail the block anyway, so the pre-start
    // fails every time and no instance ever starts.
    ("193-openvpn-instance.conf", "UL401", 22),
    // `[ -n "$GETTY_ARGS" ] && exec /sbin/getty …` last: when no console
    // matched, the main script exits 1 (and respawns).
    ("334-tty-serial.conf", "UL406", 88),
    // pre-start `test -d /run/systemd/system && { stop; exit 0; }`: without
    // systemd the test is false, the pre-start exits 1 and the job never
    // starts.
    ("346-upstart-event-bridge.conf", "UL406", 16),
    // `${PLUGINS[@]}`: dash stops with "Bad substitution".
    ("379-vdr-exit-other.conf", "UL407", 48),
    ("379-vdr-exit-other.conf", "UL407", 54),
    ("380-vdr.conf", "UL407", 66),
];

#[test]
fn corpus_shell_findings_are_exactly_the_known_ones() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let files = files_in(&dir, "conf");
    let diags = lint_paths(&files, config(ShellcheckMode::Off, None));
    let got: Vec<(String, String, usize)> = diags
        .iter()
        .filter(|d| d.code.starts_with("UL4"))
        .map(|d| {
            let file = d.file.rsplit('/').next().unwrap_or(&d.file).to_string();
            (file, d.code.to_string(), d.line)
        })
        .collect();
    let want: Vec<(String, String, usize)> = CORPUS
        .iter()
        .map(|(f, c, l)| ((*f).to_string(), (*c).to_string(), *l))
        .collect();
    assert_eq!(got, want);
    // No UL401/UL402/UL404 error outside the list above.
    for d in diags
        .iter()
        .filter(|d| ["UL401", "UL402", "UL404"].contains(&d.code.as_str()))
    {
        assert_eq!(d.severity, Error);
    }
}

#[test]
fn shellcheck_codes_can_be_suppressed_and_ignored() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let fake = fake_shellcheck(dir.path(), "findings");
    let job = dir.path().join("job.conf");
    std::fs::write(
        &job,
        "description \"x\"\nscript\n    # upstart-lint: disable=SC1002 -- fake finding\n    echo hi\nend script\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let codes = |config: Config| -> Vec<String> {
        lint_paths(std::slice::from_ref(&job), config)
            .iter()
            .filter(|d| d.code == "UL405" || d.code == "UL901")
            .map(|d| d.message.split(':').next().unwrap_or("").to_string())
            .collect()
    };
    // The fake reports SC1001/SC1002/SC1003 on the comment's own line.
    assert_eq!(
        codes(config(ShellcheckMode::On, Some(&fake))),
        vec!["SC1001", "SC1003"]
    );
    let mut c = config(ShellcheckMode::On, Some(&fake));
    c.ignore.push("SC1003".into());
    assert_eq!(codes(c), vec!["SC1001"]);
}
