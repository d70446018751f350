//! The command-line contract of `upstart-lint`: output formats, exit
//! status, configuration, inline suppressions, unreadable inputs, fixes,
//! the pre-commit manifest and the README's rules table.

use crate::common::{Output, Test, assert_snapshot, root};
use serde_json::Value;
use upstart_tools::lint::registry;

/// The snapshots this file writes (`snapshots.rs` checks none is stale).
pub(crate) const SNAPSHOTS: &[&str] = &[
    "lint_format__human",
    "lint_format__concise",
    "lint_format__json",
    "lint_format__github",
    "lint_format__sarif",
];

const FORMATS: &[&str] = &["human", "concise", "json", "github", "sarif"];

/// Options that make a run independent of the machine: no config file
/// from outside the test, no shellcheck.
const ISOLATED: &[&str] = &["--isolated", "--shellcheck", "off"];

/// A JSON run that reads the configuration files, for one file at a time.
const CONFIGURED_JSON: &[&str] = &["--shellcheck", "off", "--no-context", "--format", "json"];

/// The `diagnostics` of a `--format json` run.
fn diagnostics(out: &Output) -> Vec<Value> {
    out.json()["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no `diagnostics` array\n{}", out.report()))
        .clone()
}

/// (file name, line, code) of each diagnostic of a JSON run.
fn findings(out: &Output) -> Vec<(String, u64, String)> {
    diagnostics(out)
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or_default();
            (
                file.rsplit('/').next().unwrap_or(file).to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn codes(out: &Output) -> Vec<String> {
    findings(out).into_iter().map(|(_, _, c)| c).collect()
}

// Jobs with one kind of finding each. Every job has a description and
// absolute paths, so only the intended rule fires.
const CLEAN: &str = "description \"clean\"\nstart on filesystem\ntask\nexec /bin/true\n";
const ERROR: &str = "description \"error\"\nstart on filesystem\ntask\nnice 99\nexec /bin/true\n";
const WARNING: &str = "description \"warning\"\nstart on my_event\ntask\nexec /bin/true\n";
const INFO: &str = "description \"info\"\nstart on filesystem\ntask\nexec /bin/true\npost-start exec initctl emit info-ready\n";

// ---------------------------------------------------------------- formats

/// The SARIF log with the parts that change with every rule or release
/// replaced (`rules` and `ruleIndex` are checked on their own, below).
fn redact_sarif(mut doc: Value) -> String {
    let driver = &mut doc["runs"][0]["tool"]["driver"];
    driver["rules"] = Value::String("[every rule of the registry]".into());
    driver["version"] = Value::String("[version]".into());
    if let Some(results) = doc["runs"][0]["results"].as_array_mut() {
        for r in results {
            r["ruleIndex"] = Value::String("[index of ruleId in rules]".into());
        }
    }
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| panic!("{e}"));
    format!("{text}\n")
}

#[test]
fn every_format_matches_its_snapshot_and_exits_the_same() {
    for format in FORMATS {
        // An error means exit 1 in every format.
        let out = Test::new("upstart-lint")
            .args(ISOLATED)
            .args(["--format", format, "fixtures/lint/formats"])
            .utf8_stdout()
            .expect_status(1)
            .expect_stderr("")
            .run();
        let text = if *format == "sarif" {
            redact_sarif(out.json())
        } else {
            out.stdout.clone()
        };
        let redacted = if *format == "sarif" {
            " (version, rules and ruleIndex redacted)"
        } else {
            ""
        };
        assert_snapshot(
            &format!("lint_format__{format}"),
            "fixtures/lint/formats/",
            &format!("{}{redacted}", out.command),
            &text,
        );
    }
}

#[test]
fn the_format_fixtures_have_each_severity() {
    let out = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--format", "json", "fixtures/lint/formats"])
        .utf8_stdout()
        .run();
    let diags = diagnostics(&out);
    for severity in ["error", "warning", "info"] {
        assert!(
            diags.iter().any(|d| d["severity"] == severity),
            "no {severity} in fixtures/lint/formats: {diags:#?}"
        );
    }
}

#[test]
fn json_is_versioned_with_one_based_positions() {
    let doc = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--format", "json", "fixtures/lint/formats"])
        .utf8_stdout()
        .run()
        .json();
    assert_eq!(doc["version"], 1);
    let diags = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    assert!(!diags.is_empty());
    for d in &diags {
        for key in [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "severity",
            "code",
            "message",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
        assert!(d["column"].as_u64().is_some_and(|c| c >= 1), "{d}");
        assert!(d["end_line"].as_u64() >= d["line"].as_u64(), "{d}");
    }
    // `nice 99`: the value starts at column 6 and ends before column 8.
    let nice = diags
        .iter()
        .find(|d| d["code"] == "UL104")
        .unwrap_or_else(|| panic!("no UL104 in {diags:#?}"));
    assert_eq!(
        (
            &nice["line"],
            &nice["column"],
            &nice["end_line"],
            &nice["end_column"]
        ),
        (
            &Value::from(6),
            &Value::from(6),
            &Value::from(6),
            &Value::from(8)
        )
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(
            "job.conf",
            "description \"café ☕\"\nstart on (filesystem and évènement)\nexec /bin/true\n",
        )
        .current_dir_in_tempdir()
        .args(ISOLATED)
        .args(["--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    let d = diagnostics(&out)
        .into_iter()
        .find(|d| d["code"] == "UL302")
        .unwrap_or_else(|| panic!("no UL302:\n{}", out.stdout));
    // `start on (filesystem and ` is 25 characters; `évènement` is 9 characters (11 bytes).
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(26), Some(35))
    );
    let doc = out
        .next("upstart-lint")
        .args(ISOLATED)
        .args(["--format", "sarif", "job.conf"])
        .utf8_stdout()
        .run()
        .json();
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
    let region = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(26), Some(35))
    );
}

#[test]
fn sarif_has_the_required_fields_and_every_rule() {
    let doc = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--format", "sarif", "fixtures/lint/formats"])
        .utf8_stdout()
        .run()
        .json();
    assert_eq!(doc["version"], "2.1.0");
    assert!(
        doc["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0"))
    );
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "upstart-lint");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let readme = std::fs::read_to_string(root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"));
    for rule in registry::all() {
        let d = rules
            .iter()
            .find(|d| d["id"] == rule.code.as_str())
            .unwrap_or_else(|| panic!("{} is not in tool.driver.rules", rule.code));
        assert_eq!(d["name"], rule.name, "{}", rule.code);
        assert_eq!(d["shortDescription"]["text"], rule.summary, "{}", rule.code);
        assert_eq!(
            d["fullDescription"]["text"],
            rule.documentation().as_str(),
            "{}",
            rule.code
        );
        let level = match rule.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(d["defaultConfiguration"]["level"], level, "{}", rule.code);
        let anchor = rule.code.as_str().to_ascii_lowercase();
        assert_eq!(
            d["helpUri"],
            format!("https://github.com/upstart-tools/upstart-tools#{anchor}").as_str()
        );
        assert!(
            readme.contains(&format!("<a id=\"{anchor}\"></a>")),
            "README.md has no anchor for {} (helpUri would not resolve)",
            rule.code
        );
    }
    let results = run["results"].as_array().cloned().unwrap_or_default();
    assert!(!results.is_empty());
    for r in &results {
        let index = r["ruleIndex"]
            .as_u64()
            .unwrap_or_else(|| panic!("no ruleIndex: {r}"));
        let rule = &rules[usize::try_from(index).unwrap_or(usize::MAX)];
        assert_eq!(rule["id"], r["ruleId"], "ruleIndex points at its rule");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or("")));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.starts_with("fixtures/lint/formats/"))
        );
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                loc["region"][key].as_u64().is_some_and(|n| n >= 1),
                "{key} in {r}"
            );
        }
    }
}

#[test]
fn github_escapes_data_and_properties() {
    // `%` in data; `,` and `:` in a property value (the file name).
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(
            "a,b:c.conf",
            "description \"x\"\nstart on app%ready\ntask\nexec /bin/true\n",
        )
        .current_dir_in_tempdir()
        .args(ISOLATED)
        .args(["--format", "github", "a,b:c.conf"])
        .utf8_stdout()
        .expect_status(1)
        .run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    let line = lines[0];
    assert!(
        line.starts_with(
            "::warning file=a%2Cb%3Ac.conf,line=2,col=10,endLine=2,endColumn=19,title=UL302::"
        ),
        "{line}"
    );
    let message = line.split_once("title=UL302::").map_or("", |(_, m)| m);
    assert!(
        message.contains("`app%25ready` is not a standard event"),
        "{line}"
    );
    assert!(!message.contains("app%ready"), "unescaped % in {line}");
    // The help is on a second line of the annotation: LF is escaped.
    assert!(message.contains("%0Ahelp: "), "{line}");
}

#[test]
fn github_says_when_annotations_would_be_dropped() {
    let events = |n: usize| {
        (1..=n)
            .map(|i| format!("ev{i}"))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(
            "ten.conf",
            format!(
                "description \"x\"\nstart on ({})\nexec /bin/true\n",
                events(10)
            ),
        )
        .file(
            "eleven/job.conf",
            format!(
                "description \"x\"\nstart on ({})\nexec /bin/true\n",
                events(11)
            ),
        )
        .current_dir_in_tempdir()
        .args(ISOLATED)
        .args(["--format", "github", "ten.conf"])
        .utf8_stdout()
        .stdout_lacks("sarif") // 10 warnings fit
        .run();
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.starts_with("::warning "))
            .count(),
        10
    );
    let out = out
        .next("upstart-lint")
        .args(ISOLATED)
        .args(["--format", "github", "eleven/job.conf"])
        .utf8_stdout()
        .run();
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.starts_with("::warning "))
            .count(),
        11
    );
    let notice: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| !l.starts_with("::"))
        .collect();
    assert_eq!(notice.len(), 1, "one notice line: {}", out.stdout);
    assert!(
        notice[0].contains("11 warnings") && notice[0].contains("--format sarif"),
        "{}",
        notice[0]
    );
}

#[test]
fn human_output_has_no_colour_when_piped_even_without_no_color() {
    let out = Test::new("upstart-lint")
        .env_remove("NO_COLOR")
        .args(ISOLATED)
        .arg("fixtures/lint/formats")
        .stdout_lacks("\u{1b}") // ANSI escapes in piped output
        .stdout_contains("UL104")
        .stdout_contains("nice 99")
        .run();
    assert!(
        out.stdout
            .ends_with("2 files checked: 1 error, 2 warnings, 1 info\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn my_program_gets_exactly_one_warning_saying_how_to_declare_the_event() {
    let out = Test::new("upstart-lint")
        .args(["--format", "json", "fixtures/my_program.conf"])
        .utf8_stdout()
        .run();
    let diags = diagnostics(&out);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(
        (&d["code"], &d["severity"]),
        (&Value::from("UL302"), &Value::from("warning"))
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(8), Some(10))
    );
    assert!(
        d["detail"].as_str().is_some_and(|t| t.contains("my_event")),
        "{d}"
    );
    assert!(
        d["help"]
            .as_str()
            .is_some_and(|h| h.contains("emits my_event")),
        "{d}"
    );
    assert_eq!(out.status, Some(1), "a warning fails by default");
}

// ------------------------------------------------------------ exit status

#[test]
fn exit_status_table() {
    let mut project = Test::new("upstart-lint")
        .dir(".git")
        .file("clean/job.conf", CLEAN)
        .file("error/job.conf", ERROR)
        .file("warning/job.conf", WARNING)
        .file("info/job.conf", INFO)
        .into_tempdir();
    // (file, extra options, expected status)
    let table: &[(&str, &[&str], i32)] = &[
        ("clean", &[], 0),
        ("info", &[], 0),
        ("info", &["--fail-on", "warning"], 0),
        ("warning", &[], 1),
        ("warning", &["--fail-on", "warning"], 1),
        ("warning", &["--fail-on", "error"], 0),
        ("warning", &["--exit-zero"], 0),
        ("error", &[], 1),
        ("error", &["--fail-on", "error"], 1),
        ("error", &["--exit-zero"], 0),
        // Syntax errors count whatever is selected or ignored.
        ("error", &["--select", "UL3"], 1),
        ("error", &["--ignore", "UL1"], 1),
    ];
    for (name, extra, want) in table {
        for format in FORMATS {
            project = Test::with_tempdir("upstart-lint", project)
                .current_dir_in_tempdir()
                .args(ISOLATED)
                .args(["--no-context", "--format", format])
                .args(*extra)
                .arg(format!("{name}/job.conf"))
                .utf8_stdout()
                .expect_status(*want)
                .run()
                .tempdir;
        }
    }
    // The finding is still shown when it does not fail the run.
    Test::with_tempdir("upstart-lint", project)
        .current_dir_in_tempdir()
        .args(["--isolated", "--fail-on", "error", "--format", "concise"])
        .arg("warning/job.conf")
        .utf8_stdout()
        .stdout_contains("warning[UL302]")
        .run()
        .next("upstart-lint")
        .args(["--isolated", "--ignore", "UL1", "--format", "concise"])
        .arg("error/job.conf")
        .utf8_stdout()
        .stdout_contains("error[UL104]")
        .run();
}

#[test]
fn exit_status_2_for_usage_config_and_io_errors() {
    let mut project = Test::new("upstart-lint")
        .dir(".git")
        .file("job.conf", CLEAN)
        .into_tempdir();
    let cases: &[(&[&str], &str)] = &[
        (&["--format", "xml", "job.conf"], "invalid value 'xml'"),
        (&["--fix", "--diff", "job.conf"], "cannot be used with"),
        (
            &["--select", "UL999", "job.conf"],
            "`UL999` is not a rule code",
        ),
        (&["--config", "missing.toml", "job.conf"], "missing.toml"),
        (
            &["job.conf", "missing.conf"],
            "missing.conf: error[UL903] Unreadable input: no such file or directory",
        ),
        (&["--exit-zero", "job.conf", "missing.conf"], "UL903"),
        (&["--fail-on", "info", "job.conf"], "invalid value 'info'"),
    ];
    for (args, needle) in cases {
        let mut all = Vec::new();
        if !args.contains(&"--config") {
            all.push("--isolated");
        }
        if !args.contains(&"--format") {
            all.extend(["--format", "concise"]);
        }
        all.extend_from_slice(args);
        let out = Test::with_tempdir("upstart-lint", project)
            .current_dir_in_tempdir()
            .args(&all)
            .utf8_stdout()
            .expect_status(2)
            .run();
        assert!(
            out.stdout.contains(needle) || out.stderr.contains(needle),
            "no {needle:?}\n{}",
            out.report()
        );
        project = out.tempdir;
    }
}

// ---------------------------------------------------------- configuration

#[test]
fn config_is_found_upward_and_the_nearest_wins() {
    const DEEP: &str = "etc/init/deep/job.conf";
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(DEEP, WARNING)
        .current_dir_in_tempdir()
        .args(CONFIGURED_JSON)
        .arg(DEEP)
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL302"]);
    // In the repository root, found from a directory two levels down.
    let out = out
        .next("upstart-lint")
        .file("upstart-lint.toml", "known-events = [\"my_event\"]\n")
        .args(CONFIGURED_JSON)
        .arg(DEEP)
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    // `.upstart-lint.toml` is preferred over `upstart-lint.toml` in one directory.
    let out = out
        .next("upstart-lint")
        .file(".upstart-lint.toml", "# nothing known\n")
        .args(CONFIGURED_JSON)
        .arg(DEEP)
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL302"]);
    // A config nearer the file wins (files are not merged).
    let out = out
        .next("upstart-lint")
        .file(
            "etc/init/upstart-lint.toml",
            "known-events = [\"my_event\"]\n",
        )
        .args(CONFIGURED_JSON)
        .arg(DEEP)
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    // The same from inside the directory, and for standard input.
    let out = out
        .next("upstart-lint")
        .current_dir_in_tempdir_sub("etc/init/deep")
        .args(["--shellcheck", "off", "--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    let out = out
        .next("upstart-lint")
        .args(["--shellcheck", "off", "--format", "json"])
        .args(["--stdin-filename", "etc/init/deep/x.conf", "-"])
        .stdin(WARNING)
        .expect_status(0)
        .run();
    // --isolated ignores them all; --config names one.
    let out = out
        .next("upstart-lint")
        .args(CONFIGURED_JSON)
        .args(["--isolated", DEEP])
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL302"]);
    let out = out
        .next("upstart-lint")
        .file("other.toml", "ignore = [\"UL302\"]\n")
        .file("etc/init/upstart-lint.toml", "# nothing known\n")
        .args(CONFIGURED_JSON)
        .args(["--config", "other.toml", DEEP])
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
}

#[test]
fn config_discovery_stops_at_the_repository_root() {
    let out = Test::new("upstart-lint")
        .file(".upstart-lint.toml", "ignore = [\"UL302\"]\n")
        .dir("repo/.git")
        .file("repo/job.conf", WARNING)
        .current_dir_in_tempdir_sub("repo")
        .args(["--shellcheck", "off", "--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    assert_eq!(
        codes(&out),
        ["UL302"],
        "the config above the repository is not used"
    );
    // Without the .git marker the outer config applies.
    std::fs::remove_dir(out.path("repo/.git")).unwrap_or_else(|e| panic!("{e}"));
    let out = out
        .next("upstart-lint")
        .current_dir_in_tempdir_sub("repo")
        .args(["--shellcheck", "off", "--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
}

#[test]
fn config_select_ignore_and_prefixes() {
    // UL302 (warning), UL216 (info) and UL104 (a syntax error).
    let mut out = Test::new("upstart-lint")
        .dir(".git")
        .file(
            "job.conf",
            "description \"x\"\nstart on my_event\nnice 99\nexec /bin/true\npost-start exec initctl emit x-ready\n",
        )
        .current_dir_in_tempdir()
        .args(CONFIGURED_JSON)
        .arg("job.conf")
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL302", "UL104", "UL216"]);
    let cases: &[(&str, &[&str])] = &[
        ("select = [\"UL3\"]\n", &["UL302", "UL104"]),
        ("select = [\"UL216\"]\n", &["UL104", "UL216"]),
        ("ignore = [\"UL302\"]\n", &["UL104", "UL216"]),
        ("ignore = [\"UL3\", \"UL2\"]\n", &["UL104"]),
        ("ignore = [\"ALL\"]\n", &["UL104"]),
        (
            "select = [\"UL3\"]\nextend-select = [\"UL216\"]\n",
            &["UL302", "UL104", "UL216"],
        ),
    ];
    for (config, want) in cases {
        out = out
            .next("upstart-lint")
            .file(".upstart-lint.toml", config)
            .args(CONFIGURED_JSON)
            .arg("job.conf")
            .utf8_stdout()
            .expect_status_not(2)
            .run();
        assert_eq!(codes(&out), *want, "{config}");
    }
    // The command line: --select replaces the file's, --ignore adds to it.
    let out = out
        .next("upstart-lint")
        .file(".upstart-lint.toml", "select = [\"UL3\"]\n")
        .args(CONFIGURED_JSON)
        .args(["--select", "UL2", "job.conf"])
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL104", "UL216"]);
    let out = out
        .next("upstart-lint")
        .file(".upstart-lint.toml", "ignore = [\"UL216\"]\n")
        .args(CONFIGURED_JSON)
        .args(["--ignore", "UL302", "job.conf"])
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL104"]);
}

#[test]
fn config_per_file_ignores_are_relative_to_the_config() {
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file("init/legacy/old.conf", WARNING)
        .file("init/new.conf", WARNING)
        .file(
            "init/.upstart-lint.toml",
            "[per-file-ignores]\n\"legacy/*.conf\" = [\"UL30\"]\n",
        )
        .current_dir_in_tempdir()
        .args(["--shellcheck", "off", "--format", "json", "init"])
        .utf8_stdout()
        .run();
    assert_eq!(
        findings(&out),
        [("new.conf".to_string(), 2, "UL302".to_string())],
        "{}",
        out.stdout
    );
    // From another current directory too.
    let out = out
        .next("upstart-lint")
        .current_dir_in_tempdir_sub("init/legacy")
        .args(CONFIGURED_JSON)
        .arg("old.conf")
        .utf8_stdout()
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
}

#[test]
fn config_severity_overrides_change_severity_and_exit_status() {
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file("job.conf", WARNING)
        .file(".upstart-lint.toml", "[severity]\nUL302 = \"error\"\n")
        .current_dir_in_tempdir()
        .args(["--shellcheck", "off", "--format", "json"])
        .args(["--fail-on", "error", "job.conf"])
        .utf8_stdout()
        .expect_status(1)
        .run();
    assert_eq!(diagnostics(&out)[0]["severity"], "error");
    // A prefix applies too; the longest matching entry wins.
    let out = out
        .next("upstart-lint")
        .file(
            ".upstart-lint.toml",
            "[severity]\nUL3 = \"info\"\nUL30 = \"error\"\n",
        )
        .args(["--shellcheck", "off", "--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    assert_eq!(diagnostics(&out)[0]["severity"], "error");
    let out = out
        .next("upstart-lint")
        .file(".upstart-lint.toml", "[severity]\nUL3 = \"info\"\n")
        .args(["--shellcheck", "off", "--format", "json", "job.conf"])
        .utf8_stdout()
        .expect_status(0) // info never fails
        .run();
    assert_eq!(diagnostics(&out)[0]["severity"], "info");
    // fail-on in the file.
    let out = out
        .next("upstart-lint")
        .file(".upstart-lint.toml", "fail-on = \"error\"\n")
        .args(["--shellcheck", "off", "job.conf"])
        .utf8_stdout()
        .expect_status(0)
        .run();
    // A syntax error cannot be downgraded, even through a prefix.
    let out = out
        .next("upstart-lint")
        .file("bad/job.conf", ERROR)
        .file("bad/.upstart-lint.toml", "[severity]\nUL1 = \"info\"\n")
        .args(["--shellcheck", "off", "--format", "json", "bad/job.conf"])
        .utf8_stdout()
        .expect_status(1)
        .run();
    assert_eq!(diagnostics(&out)[0]["severity"], "error");
}

#[test]
fn config_known_jobs_target_version_dialect_and_shellcheck() {
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(
            "job.conf",
            "description \"x\"\nstart on started mysql\nexec /bin/true\n",
        )
        .file(
            "cros.conf",
            "description \"x\"\nstart on filesystem\nimport SERVICE\nexec /bin/true\n",
        )
        .current_dir_in_tempdir()
        .args(CONFIGURED_JSON)
        .arg("job.conf")
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL301"]);
    let out = out
        .next("upstart-lint")
        .args(CONFIGURED_JSON)
        .arg("cros.conf")
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL014"]);
    let out = out
        .next("upstart-lint")
        .file(
            ".upstart-lint.toml",
            "known-jobs = [\"mysql\"]\ntarget-version = \"1.5\"\ndialect = \"chromeos\"\nshellcheck = \"off\"\nshellcheck-path = \"/nonexistent/shellcheck\"\n",
        )
        .args(CONFIGURED_JSON)
        .arg("job.conf")
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    let out = out
        .next("upstart-lint")
        .args(CONFIGURED_JSON)
        .arg("cros.conf")
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
    // The command line wins over the file.
    let out = out
        .next("upstart-lint")
        .args(CONFIGURED_JSON)
        .args(["--dialect", "upstream", "cros.conf"])
        .utf8_stdout()
        .expect_status_not(2)
        .run();
    assert_eq!(codes(&out), ["UL014"]);
}

#[test]
fn config_errors_name_the_line_and_exit_2() {
    let mut project = Test::new("upstart-lint")
        .dir(".git")
        .file("job.conf", CLEAN)
        .into_tempdir();
    let cases: &[(&str, &str)] = &[
        (
            "select = [\"UL3\"]\n\nbogus = 1\n",
            ".upstart-lint.toml:3:1: unknown field `bogus`",
        ),
        (
            "[severity]\nUL302 = \"loud\"\n",
            ".upstart-lint.toml:2:9: unknown variant `loud`",
        ),
        (
            "ignore = [\"UL3\",\n  \"XX9\"]\n",
            ".upstart-lint.toml:2:3: ignore: `XX9` is not a rule code",
        ),
        ("select = [\"ul302\"]\n", "(did you mean `UL302`?)"),
        (
            "[severity]\nUL104 = \"warning\"\n",
            ".upstart-lint.toml:2:1: severity: `UL104` is an error",
        ),
        (
            "fail-on = \"info\"\n",
            ".upstart-lint.toml:1:11: unknown variant `info`",
        ),
        (
            "target-version = \"one.five\"\n",
            ".upstart-lint.toml:1:18: target-version: `one.five` is not a version",
        ),
        (
            "dialect = \"debian\"\n",
            ".upstart-lint.toml:1:11: unknown variant `debian`",
        ),
        (
            "shellcheck = \"sometimes\"\n",
            ".upstart-lint.toml:1:14: unknown variant `sometimes`",
        ),
        (
            "[per-file-ignores]\n\"a/[\" = [\"UL3\"]\n",
            ".upstart-lint.toml:2:1: per-file-ignores:",
        ),
        (
            "select = \"UL3\"\n",
            ".upstart-lint.toml:1:10: invalid type",
        ),
    ];
    for (config, needle) in cases {
        // Nothing is linted with a bad config.
        project = Test::with_tempdir("upstart-lint", project)
            .file(".upstart-lint.toml", config)
            .current_dir_in_tempdir()
            .arg("job.conf")
            .utf8_stdout()
            .expect_status(2)
            .stderr_contains(needle)
            .expect_stdout("")
            .run()
            .tempdir;
    }
}

// ----------------------------------------------------------- suppressions

/// (line, code) of each finding for a fixture of `fixtures/lint/suppress`.
fn suppress_findings(name: &str) -> (Option<i32>, Vec<(u64, String)>) {
    let out = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--no-context", "--format", "json"])
        .arg(format!("fixtures/lint/suppress/{name}.conf"))
        .utf8_stdout()
        .run();
    let found = findings(&out).into_iter().map(|(_, l, c)| (l, c)).collect();
    (out.status, found)
}

fn pairs(list: &[(u64, &str)]) -> Vec<(u64, String)> {
    list.iter().map(|(l, c)| (*l, (*c).to_string())).collect()
}

#[test]
fn suppression_trailing_a_stanza() {
    assert_eq!(suppress_findings("trailing"), (Some(0), vec![]));
}

#[test]
fn suppression_on_the_line_above_covers_only_the_next_line() {
    assert_eq!(
        suppress_findings("line-above"),
        (Some(1), pairs(&[(5, "UL302")]))
    );
}

#[test]
fn suppression_inside_a_script_block() {
    // Line 6 is silenced by the shell comment above it; line 7 is not.
    assert_eq!(
        suppress_findings("script-block"),
        (Some(0), pairs(&[(7, "UL216")]))
    );
}

#[test]
fn suppression_for_the_whole_file() {
    assert_eq!(suppress_findings("whole-file"), (Some(0), vec![]));
}

#[test]
fn syntax_errors_cannot_be_silenced() {
    assert_eq!(
        suppress_findings("syntax-error"),
        (Some(1), pairs(&[(2, "UL901"), (5, "UL104"), (5, "UL904")]))
    );
}

#[test]
fn bad_suppressions_are_reported() {
    let (code, found) = suppress_findings("meta");
    assert_eq!(
        found,
        pairs(&[
            (4, "UL902"),
            (5, "UL902"),
            (6, "UL901"),
            (7, "UL904"),
            (8, "UL904"),
            (9, "UL904"),
            (10, "UL904"),
        ])
    );
    assert_eq!(code, Some(1), "they are warnings");
    Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--no-context", "--format", "concise"])
        .arg("fixtures/lint/suppress/meta.conf")
        .utf8_stdout()
        .stdout_contains("`UL999` is not a rule code")
        .stdout_contains("nothing reported `UL302` on this line or the next")
        .stdout_contains("`disabel=UL302` is not `disable=CODES`")
        .stdout_contains("a blanket `ALL`")
        .stdout_contains("missing `:` after `upstart-lint`")
        .stdout_contains("unexpected `because -- text after the codes (UL904)` after the codes")
        .run();
    // The meta rules obey the config like any other.
    let out = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--no-context", "--ignore", "UL9", "--format", "json"])
        .arg("fixtures/lint/suppress/meta.conf")
        .utf8_stdout()
        .run();
    assert!(codes(&out).is_empty(), "{}", out.stdout);
}

// ------------------------------------------------------------- bad inputs

/// Whether this process can read a file with mode 000 (root can).
fn can_read_unreadable(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000))
        .unwrap_or_else(|e| panic!("{e}"));
    let readable = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap_or_else(|e| panic!("{e}"));
    readable
}

#[test]
fn each_bad_input_gives_one_ul903_and_the_rest_is_linted() {
    let mut test = Test::new("upstart-lint")
        .dir(".git")
        .dir("init/sub")
        .file("init/good.conf", WARNING)
        .file("init/README", "not a job\n")
        .file("init/binary.conf", b"description \"x\"\n\0\x01\x02")
        .symlink("nowhere.conf", "init/dangling.conf")
        // A dangling link upstart would not load is no input.
        .symlink("nowhere", "init/dangling-notes")
        .symlink("..", "init/sub/loop")
        .current_dir_in_tempdir();
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(test.path("init/fifo.conf"))
        .status()
        .is_ok_and(|s| s.success());
    if !made_fifo {
        eprintln!("skipped the FIFO case: mkfifo is not available");
    }
    let mut expected = vec![
        (
            "init/binary.conf",
            "binary file (NUL and control bytes), not a job file",
        ),
        (
            "init/dangling.conf",
            "dangling symlink (its target does not exist)",
        ),
        ("init/sub/loop", "symlink loop"),
    ];
    if made_fifo {
        expected.push(("init/fifo.conf", "a FIFO (named pipe), not a job file"));
    }
    if can_read_unreadable(&test.path("")) {
        eprintln!("skipped the permission case: running as root, mode 000 does not stop reads");
    } else {
        test = test
            .file("init/secret.conf", CLEAN)
            .mode("init/secret.conf", 0o000);
        expected.push(("init/secret.conf", "permission denied"));
    }
    expected.sort_unstable();

    let out = test
        .args(["--shellcheck", "off", "--format", "json", "init"])
        .utf8_stdout()
        .expect_status(2)
        .run();
    let diags = diagnostics(&out);
    let mut got: Vec<(String, String)> = diags
        .iter()
        .filter(|d| d["code"] == "UL903")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["detail"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got.len(),
        expected.len(),
        "one UL903 per bad input: {got:#?}"
    );
    for ((file, detail), (want_file, want_detail)) in got.iter().zip(&expected) {
        assert_eq!(file, want_file);
        assert!(detail.starts_with(want_detail), "{file}: {detail:?}");
    }
    for d in diags.iter().filter(|d| d["code"] == "UL903") {
        assert_eq!(
            (&d["severity"], &d["line"]),
            (&Value::from("error"), &Value::Null),
            "{d}"
        );
    }
    assert!(
        diags
            .iter()
            .any(|d| d["file"] == "init/good.conf" && d["code"] == "UL302"),
        "the good file is still linted: {diags:#?}"
    );

    // Named one by one on the command line: the same, one each.
    let named: Vec<&str> = expected
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| !f.ends_with("loop"))
        .collect();
    let out = out
        .next("upstart-lint")
        .args(["--shellcheck", "off", "--no-context", "--format", "concise"])
        .arg("init/good.conf")
        .args(&named)
        .utf8_stdout()
        .expect_status(2)
        .stdout_contains("init/good.conf:2:10: warning[UL302]")
        .run();
    assert_eq!(
        out.stdout.matches("[UL903]").count(),
        named.len(),
        "{}",
        out.stdout
    );

    // Whole-file problems in the other formats: no positions.
    let out = out
        .next("upstart-lint")
        .args(["--format", "github", "init/binary.conf"])
        .utf8_stdout()
        .run();
    assert!(
        out.stdout.starts_with(
            "::error file=init/binary.conf,title=UL903::Unreadable input: binary file"
        ),
        "{}",
        out.stdout
    );
    let out = out
        .next("upstart-lint")
        .args(["--format", "sarif", "init/binary.conf"])
        .utf8_stdout()
        .run();
    let location = &out.json()["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "init/binary.conf");
    assert!(location.get("region").is_none(), "{location}");
    let out = out
        .next("upstart-lint")
        .arg("init/binary.conf")
        .utf8_stdout()
        .run();
    assert!(
        out.stdout
            .starts_with("init/binary.conf: error[UL903] Unreadable input: binary file"),
        "{}",
        out.stdout
    );
}

// ------------------------------------------------------------------ fixes

#[test]
fn diff_shows_and_fix_applies_the_safe_fixes() {
    let text = "description \"x\"\nstart on filesystem\noom -17\nexec /bin/true\n";
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file("job.conf", text)
        .current_dir_in_tempdir()
        .args(ISOLATED)
        .args(["--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    let fixable: Vec<Value> = diagnostics(&out)
        .into_iter()
        .filter(|d| d["fixable"] == true)
        .collect();
    assert_eq!(fixable.len(), 1, "{}", out.stdout);
    assert_eq!(fixable[0]["code"], "UL217");

    // A fix to show: 1.
    let out = out
        .next("upstart-lint")
        .args(ISOLATED)
        .args(["--diff", "job.conf"])
        .utf8_stdout()
        .expect_status(1)
        .stdout_contains("-oom -17\n+oom score -1000\n")
        .run();
    assert_eq!(out.read("job.conf"), text, "--diff never writes");

    // Nothing left: 0.
    let out = out
        .next("upstart-lint")
        .args(ISOLATED)
        .args(["--fix", "--format", "concise", "job.conf"])
        .utf8_stdout()
        .expect_status(0)
        .stderr_contains("job.conf: applied 1 fix(es)")
        .run();
    assert_eq!(
        out.read("job.conf"),
        "description \"x\"\nstart on filesystem\noom score -1000\nexec /bin/true\n"
    );
    // No fix left.
    out.next("upstart-lint")
        .args(ISOLATED)
        .args(["--diff", "job.conf"])
        .utf8_stdout()
        .expect_status(0)
        .expect_stdout("")
        .run();
}

// --------------------------------------------------- generated and static

#[test]
fn readme_rules_table_is_current() {
    use upstart_tools::cli::generate::readme_with_rules;
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("README.md: {e}"));
    let expected = readme_with_rules(&readme).unwrap_or_else(|e| panic!("README.md: {e}"));
    if readme != expected {
        let diff = similar::TextDiff::from_lines(&readme, &expected)
            .unified_diff()
            .header("README.md", "README.md (generated)")
            .to_string();
        let shown: String = diff.lines().take(40).collect::<Vec<_>>().join("\n");
        panic!(
            "the rules table in README.md is stale:\n{shown}\nregenerate with: cargo run --bin upstart-tools -- generate rules-md"
        );
    }
    for rule in registry::all() {
        assert!(
            readme.contains(&format!("</a>{} | {} |", rule.code, rule.name)),
            "{} missing",
            rule.code
        );
    }
}

#[test]
fn generate_rules_md_rewrites_only_the_marked_section() {
    use upstart_tools::cli::generate::readme_with_rules;
    let text = "# Title\n\nintro\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\nafter\n";
    let out = Test::new("upstart-tools")
        .file("README.md", text)
        .args(["generate", "rules-md"])
        .tmp_arg("README.md")
        .expect_status(0)
        .run();
    let written = out.read("README.md");
    assert_eq!(
        written,
        format!(
            "# Title\n\nintro\n<!-- rules:start -->\n{}<!-- rules:end -->\n\nafter\n",
            registry::rules_markdown()
        )
    );
    assert!(!written.contains("old table"));
    assert!(readme_with_rules("no markers").is_err());
    assert!(readme_with_rules("<!-- rules:end --> <!-- rules:start -->").is_err());
    out.next("upstart-tools")
        .file("README.md", "no markers\n")
        .args(["generate", "rules-md"])
        .tmp_arg("README.md")
        .expect_status(2)
        .run();
}

#[test]
fn pre_commit_manifest_declares_the_hook() {
    let path = root().join(".pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let hook: Vec<&str> = text
        .split("\n- ")
        .find(|h| h.trim_start_matches("- ").starts_with("id: upstart-lint\n"))
        .unwrap_or_else(|| panic!("no hook `upstart-lint` in\n{text}"))
        .lines()
        .map(str::trim)
        .collect();
    for line in [
        "name: upstart-lint",
        "entry: upstart-lint",
        "language: rust",
        "require_serial: true",
        r"files: (^|/)init/.*\.(conf|override)$",
    ] {
        assert!(hook.contains(&line), "the hook lacks `{line}`: {hook:#?}");
    }
    // When pre-commit is installed, let it validate the manifest too.
    match std::process::Command::new("pre-commit")
        .args(["validate-manifest"])
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) => eprintln!("skipped `pre-commit validate-manifest`: pre-commit is not installed"),
    }
}

#[test]
fn readme_config_example_is_a_valid_config() {
    let readme = std::fs::read_to_string(root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"));
    let section = readme
        .split_once("### Configuration")
        .map_or("", |(_, rest)| rest);
    let example = section
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map_or_else(
            || panic!("no ```toml block in the README's Configuration section"),
            |(toml, _)| toml,
        );
    let out = Test::new("upstart-lint")
        .dir(".git")
        .file(".upstart-lint.toml", example)
        .file("job.conf", WARNING)
        .current_dir_in_tempdir()
        .args(["--format", "json", "job.conf"])
        .utf8_stdout()
        .run();
    assert_eq!(
        (out.status, codes(&out)),
        (Some(0), vec![]),
        "the README's example config\n{}",
        out.report()
    );
}

// ------------------------------------------------ the interface (issue 19)

/// A project with one job of each severity (and a `.git`, so no config
/// from outside the test is found).
fn three_severities() -> Test {
    Test::new("upstart-lint")
        .dir(".git")
        .file("error.conf", ERROR)
        .file("info.conf", INFO)
        .file("warning.conf", WARNING)
        .current_dir_in_tempdir()
}

#[test]
fn without_a_path_the_current_directory_is_linted() {
    three_severities()
        .args(ISOLATED)
        .args(["--format", "concise"])
        .utf8_stdout()
        .expect_status(1)
        .expect_stdout(
            "error.conf:4:6: error[UL104] Invalid nice value: `99` is not a nice value from -20 to 19\n\
             info.conf:5:30: info[UL216] Event emitted but not declared: this job emits `info-ready` without `emits info-ready`\n\
             warning.conf:2:10: warning[UL302] Unknown event: `my_event` is not a standard event and no job declares `emits my_event`\n",
        )
        .run();
    Test::new("upstart-lint")
        .arg("--help")
        .utf8_stdout()
        .stdout_contains("Without one, the current directory is linted (as ruff does)")
        .run();
}

#[test]
fn severity_hides_what_is_below_and_hidden_findings_do_not_fail() {
    // Only the error is shown, and it fails.
    three_severities()
        .args(ISOLATED)
        .args(["--format", "concise", "-S", "error"])
        .utf8_stdout()
        .expect_status(1)
        .expect_stdout(
            "error.conf:4:6: error[UL104] Invalid nice value: `99` is not a nice value from -20 to 19\n",
        )
        .run();
    // A warning hidden by --severity error does not make the status 1.
    let out = Test::new("upstart-lint")
        .file("warning.conf", WARNING)
        .args(ISOLATED)
        .args(["--severity", "error", "--format", "concise"])
        .tmp_arg("warning.conf")
        .utf8_stdout()
        .expect_status(0)
        .expect_stdout("")
        .run();
    // Shown, it does.
    Test::with_tempdir("upstart-lint", out.tempdir)
        .args(ISOLATED)
        .args(["--severity", "warning", "--format", "concise"])
        .tmp_arg("warning.conf")
        .expect_status(1)
        .run();
    // The human summary counts what is shown and says what is hidden.
    let out = three_severities()
        .args(ISOLATED)
        .args(["--severity", "warning"])
        .utf8_stdout()
        .expect_status(1)
        .run();
    assert!(
        out.stdout.ends_with(
            "3 files checked: 1 error, 1 warning, 0 info; 1 below --severity not shown\n"
        ),
        "{}",
        out.report()
    );
    assert!(!out.stdout.contains("UL216"), "{}", out.report());
}

#[test]
fn quiet_leaves_out_the_summary_not_the_findings_or_the_status() {
    let out = three_severities()
        .args(ISOLATED)
        .arg("--quiet")
        .utf8_stdout()
        .expect_status(1)
        .expect_stderr("")
        .run();
    assert!(!out.stdout.contains("checked"), "{}", out.report());
    for heading in [
        "error.conf:4:6: error[UL104] Invalid nice value\n",
        "info.conf:5:30: info[UL216] Event emitted but not declared\n",
        "warning.conf:2:10: warning[UL302] Unknown event\n",
    ] {
        assert!(
            out.stdout.contains(heading),
            "no {heading:?}\n{}",
            out.report()
        );
    }
    three_severities()
        .args(ISOLATED)
        .args(["-q", "--fail-on", "error", "warning.conf"])
        .expect_status(0)
        .run();
}

#[test]
fn statistics_count_each_code_in_text_and_json() {
    let project = Test::new("upstart-lint")
        .dir(".git")
        .file("a.conf", ERROR)
        .file("b.conf", ERROR)
        .file("c.conf", WARNING)
        .file(
            "d.conf",
            "description \"d\"\r\nstart on filesystem\r\ntask\r\nexec /bin/true\r\n",
        )
        .current_dir_in_tempdir();
    let out = project
        .args(ISOLATED)
        .arg("--statistics")
        .utf8_stdout()
        .expect_status(1)
        .expect_stdout(
            "2  UL104  error    nice-out-of-range\n\
             1  UL011  warning  crlf-line-endings [*]\n\
             1  UL302  warning  unknown-event\n",
        )
        .run();
    let doc = Test::with_tempdir("upstart-lint", out.tempdir)
        .current_dir_in_tempdir()
        .args(ISOLATED)
        .args(["--statistics", "--format", "json"])
        .utf8_stdout()
        .expect_status(1)
        .run()
        .json();
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["statistics"][0],
        serde_json::json!({"code": "UL104", "shellcheck": null, "name": "nice-out-of-range",
                           "severity": "error", "count": 2, "fixable": 0})
    );
    assert_eq!(doc["statistics"][1]["fixable"], 1);
}

#[test]
fn color_is_chosen_by_the_flag_then_by_the_terminal_and_no_color() {
    let run = |color: Option<&str>| {
        let mut t = Test::new("upstart-lint")
            .file("error.conf", ERROR)
            .args(ISOLATED)
            .tmp_arg("error.conf");
        if let Some(c) = color {
            t = t.args(["--color", c]);
        }
        // The builder sets NO_COLOR=1: `always` wins over it.
        t.utf8_stdout().expect_status(1).run().stdout
    };
    let always = run(Some("always"));
    assert!(
        always.contains("\x1b[1;31merror[UL104]\x1b[0m"),
        "{always:?}"
    );
    for plain in [run(Some("never")), run(Some("auto")), run(None)] {
        assert!(!plain.contains('\x1b'), "{plain:?}");
    }
    // Concise lines too; machine formats never.
    Test::new("upstart-lint")
        .file("error.conf", ERROR)
        .args(ISOLATED)
        .args(["--color", "always", "--format", "concise"])
        .tmp_arg("error.conf")
        .utf8_stdout()
        .stdout_contains(":4:6:\x1b[0m \x1b[1;31merror[UL104]\x1b[0m Invalid nice value")
        .run();
    let json = Test::new("upstart-lint")
        .file("error.conf", ERROR)
        .args(ISOLATED)
        .args(["--color", "always", "--format", "json"])
        .tmp_arg("error.conf")
        .utf8_stdout()
        .run()
        .stdout;
    assert!(!json.contains('\x1b'), "{json}");
    let auto_without_no_color = Test::new("upstart-lint")
        .file("error.conf", ERROR)
        .args(ISOLATED)
        .tmp_arg("error.conf")
        .env_remove("NO_COLOR")
        .utf8_stdout()
        .run()
        .stdout;
    assert!(
        !auto_without_no_color.contains('\x1b'),
        "stdout is not a terminal: {auto_without_no_color:?}"
    );
}

#[test]
fn a_human_report_starts_with_the_place_code_and_title() {
    let out = Test::new("upstart-lint")
        .file("job.conf", "description \"d\"\nrespwan\nexec /bin/true\n")
        .args(ISOLATED)
        .tmp_arg("job.conf")
        .utf8_stdout()
        .expect_status(1)
        .run();
    let path = out.path("job.conf").display().to_string();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(format!("{path}:2:1: error[UL003] Unknown stanza").as_str()),
        "{}",
        out.report()
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim() == "upstart's own message: Unknown stanza"),
        "{}",
        out.report()
    );
    // The concise line keeps the help's suggestion.
    Test::with_tempdir("upstart-lint", out.tempdir)
        .args(ISOLATED)
        .args(["--format", "concise"])
        .tmp_arg("job.conf")
        .utf8_stdout()
        .expect_status(1)
        .stdout_contains(
            "job.conf:2:1: error[UL003] Unknown stanza: `respwan` is not a stanza (did you mean `respawn`?)\n",
        )
        .run();
}

#[test]
fn shellcheck_titles_carry_no_level_label() {
    // A fake shellcheck that reports SC2144 at shellcheck's `error` level.
    let fake = "#!/bin/sh\ncat <<'EOF'\n{\"comments\":[{\"file\":\"0.sh\",\"line\":2,\"endLine\":2,\"column\":1,\"endColumn\":5,\"level\":\"error\",\"code\":2144,\"message\":\"-f doesn't work with globs. Use a for loop.\"}]}\nEOF\n";
    let project = Test::new("upstart-lint")
        .file("bin/shellcheck", fake)
        .mode("bin/shellcheck", 0o755)
        .file(
            "job.conf",
            "description \"d\"\nstart on filesystem\ntask\nscript\n  [ -f /x* ] && echo y || true\nend script\n",
        )
        .into_tempdir();
    let bin = project.path().join("bin");
    let config = project.path().join(".upstart-lint.toml");
    std::fs::write(
        &config,
        format!(
            "shellcheck = \"on\"\nshellcheck-path = \"{}/shellcheck\"\n",
            bin.display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = Test::with_tempdir("upstart-lint", project)
        .args(["--format", "concise", "--config"])
        .tmp_arg(".upstart-lint.toml")
        .tmp_arg("job.conf")
        .utf8_stdout()
        .run();
    assert!(
        out.stdout
            .contains("warning[UL405] SC2144: -f doesn't work with globs. Use a for loop.\n"),
        "{}",
        out.report()
    );
    assert!(!out.stdout.contains("shellcheck error"), "{}", out.report());
}

#[test]
fn rules_lists_every_code_with_its_properties() {
    let out = Test::new("upstart-tools")
        .arg("rules")
        .utf8_stdout()
        .expect_status(0)
        .run();
    let mut lines = out.stdout.lines();
    let header = lines.next().unwrap_or_default();
    for column in ["CODE", "NAME", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"] {
        assert!(header.contains(column), "{header}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), upstart_tools::diag::Code::ALL.len());
    let crlf = rows
        .iter()
        .find(|r| r.starts_with("UL011 "))
        .unwrap_or_else(|| panic!("{}", out.report()));
    let words: Vec<&str> = crlf.split_whitespace().collect();
    assert_eq!(
        &words[..5],
        ["UL011", "crlf-line-endings", "warning", "on", "yes"],
        "{crlf}"
    );

    let doc = Test::new("upstart-tools")
        .args(["rules", "--format", "json"])
        .utf8_stdout()
        .expect_status(0)
        .run()
        .json();
    assert_eq!(doc["version"], 1);
    let rules = doc["rules"].as_array().cloned().unwrap_or_default();
    let codes: Vec<&str> = rules.iter().filter_map(|r| r["code"].as_str()).collect();
    let all: Vec<&str> = upstart_tools::diag::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(codes, all);
    let ul405 = rules
        .iter()
        .find(|r| r["code"] == "UL405")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        ul405,
        serde_json::json!({"code": "UL405", "name": "shellcheck", "severity": "warning",
            "default": true, "fixable": false, "pass": "shellcheck",
            "summary": registry::find("UL405").map(|r| r.summary).unwrap_or_default()})
    );
}

#[test]
fn explain_works_for_every_code_and_says_where_the_others_are() {
    for code in upstart_tools::diag::Code::ALL {
        let out = Test::new("upstart-lint")
            .args(["--explain", code.as_str()])
            .utf8_stdout()
            .expect_status(0)
            .run();
        assert!(
            out.stdout.starts_with(&format!("# {code} ")) && out.stdout.contains("## What it does"),
            "{}",
            out.report()
        );
        assert!(!out.stdout.contains("README"), "{}", out.report());
    }
    Test::new("upstart-lint")
        .args(["--explain", "SC2086"])
        .utf8_stdout()
        .expect_status(0)
        .stdout_contains("reports it as UL405")
        .stdout_contains("https://www.shellcheck.net/wiki/SC2086")
        .stdout_contains("# UL405 shellcheck")
        .run();
    Test::new("upstart-lint")
        .args(["--explain", "UL999"])
        .expect_status(2)
        .expect_stdout("")
        .expect_stderr("upstart-lint: no rule `UL999`; `upstart-tools rules` lists every code (UL…), and SC… codes are shellcheck's\n")
        .run();
}

#[test]
fn every_fix_the_linter_offers_is_listed_as_fixable() {
    let out = Test::new("upstart-lint")
        .args(ISOLATED)
        .args([
            "--select",
            "ALL",
            "--format",
            "json",
            "fixtures/lint",
            "fixtures/parse",
        ])
        .utf8_stdout()
        .run();
    let fixable: std::collections::BTreeSet<String> = diagnostics(&out)
        .iter()
        .filter(|d| d["fixable"] == true)
        .filter_map(|d| d["code"].as_str().map(String::from))
        .collect();
    assert!(!fixable.is_empty(), "{}", out.report());
    for code in &fixable {
        assert!(
            registry::FIXABLE.iter().any(|c| c.as_str() == code),
            "{code} offers a fix but is not in registry::FIXABLE"
        );
    }
}

/// 120 jobs, each with a script block: enough files and shell texts for
/// a progress line.
fn many_jobs() -> Test {
    let mut t = Test::new("upstart-lint").dir(".git");
    for i in 0..120 {
        t = t.file(
            &format!("j{i:03}.conf"),
            "description \"j\"\nstart on filesystem\ntask\nscript\n  echo hi\nend script\n",
        );
    }
    t.current_dir_in_tempdir()
}

#[test]
fn progress_is_shown_on_a_terminal_only() {
    // Not a terminal: nothing on stderr.
    let out = many_jobs()
        .args(["--isolated", "--shellcheck", "auto"])
        .expect_status(0)
        .expect_stderr("")
        .run();
    // A terminal (util-linux's `script` gives stderr a pty).
    let script = std::path::Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: /usr/bin/script (util-linux) is absent, no pty to test with");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("upstart-lint");
    let run = |extra: &str| {
        let pty = std::process::Command::new(script)
            .args([
                "-qec",
                &format!("{} --isolated {extra} >/dev/null", bin.display()),
                "/dev/null",
            ])
            .current_dir(out.tempdir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap_or_else(|e| panic!("script: {e}"));
        String::from_utf8_lossy(&pty.stdout).into_owned()
    };
    let shown = run("--shellcheck off");
    assert!(
        shown.starts_with("\r\x1b[Kupstart-lint: checking 120 files…")
            && shown.ends_with("\r\x1b[K"),
        "{shown:?}"
    );
    assert_eq!(run("--shellcheck off --quiet"), "");
    // `--diff` lints too (and erases its line before it prints).
    let shown = run("--shellcheck off --diff");
    assert!(
        shown.starts_with("\r\x1b[Kupstart-lint: checking 120 files…")
            && shown.ends_with("\r\x1b[K"),
        "{shown:?}"
    );
    if which("shellcheck") {
        let shown = run("--shellcheck on");
        assert!(
            shown.contains("upstart-lint: shellcheck: 100/120 shell texts…"),
            "{shown:?}"
        );
    }
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

#[test]
fn a_script_block_without_its_opener_is_one_error() {
    // Corpus 215-motd: `pre-start` without `script` gave six errors.
    let Some(dir) = crate::common::corpus_dir("upstart") else {
        return;
    };
    let out = Test::new("upstart-lint")
        .args(ISOLATED)
        .args(["--no-context", "--format", "json", "-S", "error"])
        .arg(dir.join("215-motd.conf"))
        .utf8_stdout()
        .expect_status(1)
        .run();
    let found: Vec<(u64, String)> = findings(&out)
        .into_iter()
        .map(|(_, line, code)| (line, code))
        .collect();
    assert_eq!(found, [(5, "UL005".to_string())], "{}", out.report());
    let d = &diagnostics(&out)[0];
    assert_eq!(d["upstart_message"], "Expected token");
    assert_eq!(
        d["detail"],
        "`pre-start` without `script`: the lines below, up to `end script` on line 10, are its block"
    );
    assert_eq!(d["help"], "write `pre-start script`");
}
