//! The command-line contract: outputs, exit codes, and file safety.

use crate::common::Test;
use std::os::unix::fs::PermissionsExt;

#[test]
fn parse_prints_versioned_json_and_exits_0_when_clean() {
    let doc = Test::new("upstart-tools")
        .args(["parse", "fixtures/my_program.conf"])
        .expect_status(0)
        .run()
        .json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], serde_json::json!([]));
    assert_eq!(doc["jobs"][0]["name"], "my_program");
    let items = doc["jobs"][0]["ast"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(items.iter().any(|i| i["stanza"] == "respawn"), "{items:?}");
    assert!(
        items
            .iter()
            .any(|i| i["stanza"] == "start-on" && i["on"]["expr"]["name"] == "my_event")
    );
}

#[test]
fn parse_exits_1_on_errors_and_reports_every_one() {
    let out = Test::new("upstart-tools")
        .file("bad.conf", "respwan\nnice 99\nexec /bin/true\n")
        .arg("parse")
        .tmp_arg("bad.conf")
        .expect_status(1)
        .stderr_contains("bad.conf:2:6: error[UL104] Invalid nice value: `99` is not a nice value from -20 to 19")
        .run();
    let doc = out.json();
    let errors = doc["errors"].as_array().cloned().unwrap_or_default();
    let codes: Vec<_> = errors
        .iter()
        .map(|e| (e["code"].clone(), e["line"].clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (serde_json::json!("UL003"), serde_json::json!(1)),
            (serde_json::json!("UL104"), serde_json::json!(2))
        ]
    );
    assert_eq!(errors[0]["message"], "Unknown stanza");
    // Our title, and upstart's own message beside it.
    assert_eq!(errors[1]["message"], "Invalid nice value");
    assert_eq!(
        errors[1]["upstart_message"],
        "Illegal nice value, expected -20 to 19"
    );
    assert_eq!(errors[1]["column"], 6);
}

#[test]
fn parse_exits_2_on_unreadable_input_and_goes_on() {
    let doc = Test::new("upstart-tools")
        .args([
            "parse",
            "fixtures/does-not-exist.conf",
            "fixtures/my_program.conf",
        ])
        .expect_status(2)
        .run()
        .json();
    assert_eq!(
        doc["jobs"].as_array().map(Vec::len),
        Some(1),
        "the readable file is still parsed"
    );
    assert_eq!(doc["errors"][0]["code"], "UL903");
    // A usage error.
    Test::new("upstart-tools")
        .arg("parse")
        .expect_status(2)
        .run();
}

#[test]
fn parse_reads_stdin_and_includes_overrides() {
    let doc = Test::new("upstart-tools")
        .args(["parse", "-"])
        .stdin("task\nexec /bin/true\n")
        .expect_status(0)
        .run()
        .json();
    assert_eq!(doc["jobs"][0]["ast"]["items"][0]["stanza"], "task");

    let doc = Test::new("upstart-tools")
        .file("foo.conf", "start on startup\nexec /usr/bin/foo\n")
        .file("foo.override", "manual\n")
        .arg("parse")
        .tmp_arg("foo.conf")
        .expect_status(0)
        .run()
        .json();
    assert_eq!(
        doc["jobs"][0]["override"]["ast"]["items"][0]["stanza"],
        "manual"
    );
}

const UGLY: &str = "  description   \"a job\"   # what\n\n\n\nstart on (a\n   or b)\nscript\n\techo hi\nend script\n";
const CANONICAL: &str =
    "description \"a job\"  # what\n\nstart on (a or b)\nscript\n    echo hi\nend script\n";

#[test]
fn fmt_prints_canonical_form_and_is_idempotent() {
    Test::new("upstart-tools")
        .args(["fmt", "-"])
        .stdin(UGLY)
        .expect_status(0)
        .expect_stdout(CANONICAL)
        .run();
    Test::new("upstart-tools")
        .args(["fmt", "-"])
        .stdin(CANONICAL)
        .expect_stdout(CANONICAL)
        .run();
}

#[test]
fn fmt_check_reports_a_diff_and_exit_1() {
    let out = Test::new("upstart-tools")
        .file("ugly.conf", UGLY)
        .file("clean.conf", CANONICAL)
        .args(["fmt", "--check"])
        .tmp_arg("clean.conf")
        .expect_status(0)
        .run();
    let clean = out.path("clean.conf");
    let ugly = out.path("ugly.conf");
    let out = out
        .next("upstart-tools")
        .args(["fmt", "--check"])
        .arg(clean)
        .arg(ugly)
        .expect_status(1)
        .stdout_contains("-\techo hi")
        .stdout_contains("+    echo hi")
        .run();
    assert_eq!(out.read("ugly.conf"), UGLY, "--check never writes");
}

#[test]
fn fmt_write_rewrites_atomically_and_keeps_permissions() {
    let t = Test::new("upstart-tools")
        .file("job.conf", UGLY)
        .mode("job.conf", 0o640);
    let path = t.path("job.conf");
    let out = t
        .symlink(&path, "link.conf")
        .args(["fmt", "--write"])
        .tmp_arg("link.conf")
        .expect_status(0)
        .run();
    assert_eq!(out.read("job.conf"), CANONICAL);
    assert!(
        std::fs::symlink_metadata(out.path("link.conf")).is_ok_and(|m| m.file_type().is_symlink()),
        "the symlink stays a symlink"
    );
    let mode = std::fs::metadata(&path).map_or(0, |m| m.permissions().mode() & 0o777);
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(out.path(""))
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary file left behind: {leftovers:?}"
    );
}

#[test]
fn fmt_never_touches_a_file_with_errors_or_stdin_with_write() {
    let text = "description   x\nrespwan\n";
    let out = Test::new("upstart-tools")
        .file("bad.conf", text)
        .args(["fmt", "--write"])
        .tmp_arg("bad.conf")
        .expect_status(1)
        .stderr_contains("UL003")
        .run();
    assert_eq!(out.read("bad.conf"), text);
    // Writing would lose the byte 0xE9.
    let out = Test::new("upstart-tools")
        .file("latin1.conf", b"description caf\xe9\n")
        .args(["fmt", "--write"])
        .tmp_arg("latin1.conf")
        .expect_status(1)
        .run();
    assert_eq!(
        std::fs::read(out.path("latin1.conf")).ok(),
        Some(b"description caf\xe9\n".to_vec())
    );
    Test::new("upstart-tools")
        .args(["fmt", "--write", "-"])
        .stdin("task\n")
        .expect_status(2)
        .run();
}

/// `upstart-lint`, isolated from the machine, in the concise format, on a
/// tree with a clean job, a job with an error in `net/`, and a backup file.
fn lint_tree() -> Test {
    Test::new("upstart-lint")
        .file(
            "ok.conf",
            "description \"ok\"\nstart on startup\ntask\nexec /bin/true\n",
        )
        .file(
            "net/bad.conf",
            "description \"bad\"\nstart on filesystem\ntask\nnice 99\nexec /bin/true\n",
        )
        .file("ignored.conf~", "garbage here\n")
        .args(["--isolated", "--shellcheck", "off", "--format", "concise"])
}

#[test]
fn lint_walks_directories_and_exits_by_severity() {
    let out = lint_tree()
        .tmp_arg("")
        .expect_status(1)
        // The backup is not read (its garbage is no error), only named: UL601.
        .stdout_contains("ignored.conf~: info[UL601] Ignored file")
        // No colon after the bracket: `severity[CODE] message`.
        .stdout_contains("net/bad.conf:4:6: error[UL104] Invalid nice value")
        .run();
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.report());
    lint_tree().tmp_arg("ok.conf").expect_status(0).run();
    lint_tree().tmp_arg("missing.conf").expect_status(2).run();
    // A symlink loop in the tree is an unreadable input (exit 2); the rest
    // is still linted.
    let t = lint_tree();
    let dir = t.path("");
    t.symlink(dir, "net/loop")
        .tmp_arg("")
        .expect_status(2)
        .stdout_contains("net/loop: error[UL903] Unreadable input: symlink loop")
        .stdout_contains("net/bad.conf:4:6: error[UL104]")
        .run();
}

#[test]
fn lint_renders_miette_reports() {
    Test::new("upstart-lint")
        .arg("-")
        .args(["--stdin-filename", "web.conf"])
        .stdin("description web\nkill signal sigterm\n")
        .expect_status(1)
        .stdout_contains("UL101")
        .stdout_contains("Illegal signal status, expected integer")
        .stdout_contains("web.conf:2:13")
        .stdout_contains("kill signal sigterm")
        .stdout_contains("signal names are upper case: `SIGTERM`")
        .run();
}

/// A job directory as upstart walks it: a job in a subdirectory with its
/// override, a job in a hidden directory (skipped), a dangling link and a
/// symlink loop (reported, the rest still processed).
fn job_tree() -> Test {
    let t = Test::new("upstart-tools")
        .file("top.conf", CANONICAL)
        .file("net/up.conf", "exec /bin/true\n")
        .file("net/up.override", "start on  runlevel [2345]\n")
        .file(".git/hidden.conf", "exec  /bin/false\n")
        .file("README", "not a job\n")
        .symlink("/nonexistent", "net/gone.conf");
    let root = t.path("");
    t.symlink(root, "net/loop")
}

#[test]
fn parse_walks_directories_as_upstart_does() {
    // The dangling link and the loop are unreadable inputs: exit 2, after
    // every readable job has been printed.
    let out = job_tree()
        .arg("parse")
        .tmp_arg("")
        .expect_status(2)
        .stderr_contains("gone.conf")
        .stderr_contains("dangling symlink")
        .stderr_contains("symlink loop")
        .run();
    let doc = out.json();
    let names: Vec<&str> = doc["jobs"]
        .as_array()
        .map(|a| a.iter().filter_map(|j| j["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        ["net/up", "top"],
        "relative names, hidden dir skipped"
    );
    assert_eq!(
        doc["jobs"][0]["override"]["ast"]["items"][0]["stanza"], "start-on",
        "the override beside a walked job is read"
    );
}

#[test]
fn fmt_walks_directories_for_jobs_and_overrides() {
    // Unreadable entries win: exit 2.
    let out = job_tree()
        .args(["fmt", "--check"])
        .tmp_arg("")
        .expect_status(2)
        .stderr_contains("would reformat")
        .stderr_contains("up.override")
        .stdout_contains("+start on runlevel [2345]")
        .stderr_lacks("hidden.conf")
        .stdout_lacks("hidden")
        .stderr_contains("dangling symlink")
        .run();
    // --write fixes what it can read and leaves the skipped file alone.
    let dir = out.path("");
    let out = out
        .next("upstart-tools")
        .args(["fmt", "--write"])
        .arg(dir)
        .expect_status(2)
        .run();
    assert_eq!(out.read("net/up.override"), "start on runlevel [2345]\n");
    assert_eq!(out.read(".git/hidden.conf"), "exec  /bin/false\n");
}
