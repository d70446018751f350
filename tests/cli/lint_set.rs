//! Cross-file rules (UL3xx), UL216 and UL601: a positive and a negative
//! job set each, under `fixtures/lint/<CODE>/{bad,good}/`.

use crate::common::Test;

/// (file name, line, column) of every finding for `code`, linting the directory.
fn findings(dir: &str, code: &str) -> Vec<(String, u64, u64)> {
    let doc = Test::new("upstart-lint")
        .args(["--isolated", "--shellcheck", "off", "--format", "json"])
        .arg(format!("fixtures/lint/{dir}"))
        .utf8_stdout()
        .run()
        .json();
    doc["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            let file = d["file"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            (
                file,
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn check(code: &str, bad: &[(&str, u64, u64)]) {
    let got = findings(&format!("{code}/bad"), code);
    let want: Vec<(String, u64, u64)> = bad
        .iter()
        .map(|(f, l, c)| ((*f).to_string(), *l, *c))
        .collect();
    assert_eq!(got, want, "{code}: positive case");
    let none = findings(&format!("{code}/good"), code);
    assert!(none.is_empty(), "{code}: negative case reported {none:?}");
}

#[test]
fn ul216_emit_not_declared() {
    check("UL216", &[("app.conf", 4, 28)]);
}

#[test]
fn ul301_unknown_job() {
    check("UL301", &[("web.conf", 2, 18)]);
}

#[test]
fn ul302_unknown_event() {
    check("UL302", &[("worker.conf", 2, 10), ("worker.conf", 2, 24)]);
}

#[test]
fn ul302_suggests_the_standard_event() {
    Test::new("upstart-lint")
        .args(["--isolated", "--format", "json", "fixtures/lint/UL302/bad"])
        .stdout_contains("did you mean `filesystem`?")
        .run();
}

#[test]
fn ul303_job_name_as_event() {
    check("UL303", &[("web.conf", 2, 10)]);
    // The more specific rule replaces UL302 there.
    assert!(findings("UL303/bad", "UL302").is_empty());
}

#[test]
fn ul304_start_cycle() {
    check(
        "UL304",
        &[("a.conf", 2, 18), ("b.conf", 2, 18), ("c.conf", 2, 19)],
    );
}

#[test]
fn ul305_self_reference() {
    check("UL305", &[("myjob.conf", 2, 18)]);
}

#[test]
fn ul306_orphan_override() {
    check("UL306", &[("nginx.override", 1, 1)]);
}

#[test]
fn ul308_console_owner_conflict() {
    check("UL308", &[("tty1.conf", 2, 9), ("tty2.conf", 2, 9)]);
}

#[test]
fn context_siblings_resolve_cross_file_rules() {
    // Given one file, the linter reads its directory's other jobs for context
    // (pre-commit passes only the changed files) but reports on that file only.
    Test::new("upstart-lint")
        .args([
            "--isolated",
            "--format",
            "concise",
            "fixtures/lint/UL301/good/web.conf",
        ])
        .stdout_lacks("UL301") // mysql.conf is a sibling
        .stdout_lacks("mysql.conf") // siblings are not reported
        .run();
    Test::new("upstart-lint")
        .args([
            "--isolated",
            "--no-context",
            "--format",
            "concise",
            "fixtures/lint/UL301/good/web.conf",
        ])
        .stdout_contains("UL301")
        .run();
}

#[test]
fn ul601_ignored_file() {
    // Named like jobs, not loaded; README and a script are no jobs at all.
    check(
        "UL601",
        &[
            ("web.conf.dpkg-old", 0, 0),
            ("web.conf~", 0, 0),
            ("web.override.orig", 0, 0),
        ],
    );
    // Info: the exit status stays 0, and the job beside them is linted.
    Test::new("upstart-lint")
        .args(["--isolated", "--shellcheck", "off", "--format", "concise"])
        .arg("fixtures/lint/UL601/bad")
        .expect_status(0)
        .stdout_contains("fixtures/lint/UL601/bad/web.conf~: info[UL601] Ignored file")
        .run();
    // --ignore turns it off like any rule.
    Test::new("upstart-lint")
        .args(["--isolated", "--shellcheck", "off", "--ignore", "UL601"])
        .arg("fixtures/lint/UL601/bad")
        .stdout_lacks("UL601")
        .run();
}
