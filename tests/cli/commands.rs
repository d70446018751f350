//! The command-line contract: outputs, exit codes, and file safety.

use crate::common::bin;
use std::os::unix::fs::PermissionsExt;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

#[test]
fn parse_prints_versioned_json_and_exits_0_when_clean() {
    let out = bin("upstart-tools")
        .args(["parse", "fixtures/my_program.conf"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out.stdout);
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
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = tmp.path().join("bad.conf");
    std::fs::write(&path, "respwan\nnice 99\nexec /bin/true\n").unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .arg("parse")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out.stdout);
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
    assert_eq!(errors[1]["column"], 6);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.conf:2:6: error[UL104] Illegal nice value, expected -20 to 19"),
        "{stderr}"
    );
}

#[test]
fn parse_exits_2_on_unreadable_input_and_goes_on() {
    let out = bin("upstart-tools")
        .args([
            "parse",
            "fixtures/does-not-exist.conf",
            "fixtures/my_program.conf",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
    assert_eq!(
        doc["jobs"].as_array().map(Vec::len),
        Some(1),
        "the readable file is still parsed"
    );
    assert_eq!(doc["errors"][0]["code"], "UL903");
    let out = bin("upstart-tools")
        .args(["parse"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn parse_reads_stdin_and_includes_overrides() {
    let out = bin("upstart-tools")
        .args(["parse", "-"])
        .write_stdin("task\nexec /bin/true\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&out.stdout)["jobs"][0]["ast"]["items"][0]["stanza"],
        "task"
    );

    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        tmp.path().join("foo.conf"),
        "start on startup\nexec /usr/bin/foo\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tmp.path().join("foo.override"), "manual\n").unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .arg("parse")
        .arg(tmp.path().join("foo.conf"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&out.stdout)["jobs"][0]["override"]["ast"]["items"][0]["stanza"],
        "manual"
    );
}

const UGLY: &str = "  description   \"a job\"   # what\n\n\n\nstart on (a\n   or b)\nscript\n\techo hi\nend script\n";
const CANONICAL: &str =
    "description \"a job\"  # what\n\nstart on (a or b)\nscript\n    echo hi\nend script\n";

#[test]
fn fmt_prints_canonical_form_and_is_idempotent() {
    let out = bin("upstart-tools")
        .args(["fmt", "-"])
        .write_stdin(UGLY)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), CANONICAL);
    let out = bin("upstart-tools")
        .args(["fmt", "-"])
        .write_stdin(CANONICAL)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&out.stdout), CANONICAL);
}

#[test]
fn fmt_check_reports_a_diff_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ugly = tmp.path().join("ugly.conf");
    let clean = tmp.path().join("clean.conf");
    std::fs::write(&ugly, UGLY).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&clean, CANONICAL).unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .args(["fmt", "--check"])
        .arg(&clean)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let out = bin("upstart-tools")
        .args(["fmt", "--check"])
        .arg(&clean)
        .arg(&ugly)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("-\techo hi") && diff.contains("+    echo hi"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(&ugly).ok().as_deref(),
        Some(UGLY),
        "--check never writes"
    );
}

#[test]
fn fmt_write_rewrites_atomically_and_keeps_permissions() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = tmp.path().join("job.conf");
    std::fs::write(&path, UGLY).unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))
        .unwrap_or_else(|e| panic!("{e}"));
    let link = tmp.path().join("link.conf");
    std::os::unix::fs::symlink(&path, &link).unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&link)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(CANONICAL)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false),
        "the symlink stays a symlink"
    );
    let mode = std::fs::metadata(&path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
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
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = tmp.path().join("bad.conf");
    let text = "description   x\nrespwan\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some(text));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UL003"));
    let latin1 = tmp.path().join("latin1.conf");
    std::fs::write(&latin1, b"description caf\xe9\n").unwrap_or_else(|e| panic!("{e}"));
    let out = bin("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&latin1)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1), "would lose the byte 0xE9");
    assert_eq!(
        std::fs::read(&latin1).ok(),
        Some(b"description caf\xe9\n".to_vec())
    );
    let out = bin("upstart-tools")
        .args(["fmt", "--write", "-"])
        .write_stdin("task\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lint_walks_directories_and_exits_by_severity() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path();
    std::fs::create_dir(dir.join("net")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("ok.conf"),
        "description \"ok\"\nstart on startup\ntask\nexec /bin/true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("net/bad.conf"),
        "description \"bad\"\nstart on filesystem\ntask\nnice 99\nexec /bin/true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("ignored.conf~"), "garbage here\n").unwrap_or_else(|e| panic!("{e}"));
    let lint = |path: &std::path::Path| {
        let out = bin("upstart-lint")
            .args(["--isolated", "--shellcheck", "off", "--format", "concise"])
            .arg(path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, stdout) = lint(dir);
    assert_eq!(code, Some(1), "{stdout}");
    // The backup is not read (its garbage is no error), only named: UL601.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stdout.contains("ignored.conf~: info[UL601] Ignored file"),
        "{stdout}"
    );
    // No colon after the bracket: `severity[CODE] message`.
    assert!(
        stdout.contains("net/bad.conf:4:6: error[UL104] Illegal nice value"),
        "{stdout}"
    );
    let (code, stdout) = lint(&dir.join("ok.conf"));
    assert_eq!(code, Some(0), "{stdout}");
    let (code, _) = lint(&dir.join("missing.conf"));
    assert_eq!(code, Some(2));
    // A symlink loop in the tree is an unreadable input (exit 2); the rest
    // is still linted.
    std::os::unix::fs::symlink(dir, dir.join("net/loop")).unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout) = lint(dir);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stdout.contains("net/loop: error[UL903] Unreadable input: symlink loop"),
        "{stdout}"
    );
    assert!(
        stdout.contains("net/bad.conf:4:6: error[UL104]"),
        "{stdout}"
    );
}

#[test]
fn lint_renders_miette_reports() {
    let out = bin("upstart-lint")
        .arg("-")
        .args(["--stdin-filename", "web.conf"])
        .write_stdin("description web\nkill signal sigterm\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "UL101",
        "Illegal signal status, expected integer",
        "web.conf:2:13",
        "kill signal sigterm",
        "signal names are upper case: `SIGTERM`",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in\n{stdout}");
    }
}

/// A job directory as upstart walks it: a job in a subdirectory with its
/// override, a job in a hidden directory (skipped), a dangling link and a
/// symlink loop (reported, the rest still processed).
fn job_tree() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path();
    for d in ["net", ".git"] {
        std::fs::create_dir(root.join(d)).unwrap_or_else(|e| panic!("{e}"));
    }
    for (name, text) in [
        ("top.conf", CANONICAL),
        ("net/up.conf", "exec /bin/true\n"),
        ("net/up.override", "start on  runlevel [2345]\n"),
        (".git/hidden.conf", "exec  /bin/false\n"),
        ("README", "not a job\n"),
    ] {
        std::fs::write(root.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    std::os::unix::fs::symlink("/nonexistent", root.join("net/gone.conf"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(root, root.join("net/loop")).unwrap_or_else(|e| panic!("{e}"));
    tmp
}

#[test]
fn parse_walks_directories_as_upstart_does() {
    let tmp = job_tree();
    let out = bin("upstart-tools")
        .arg("parse")
        .arg(tmp.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    // The dangling link and the loop are unreadable inputs: exit 2, after
    // every readable job has been printed.
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
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
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("gone.conf") && stderr.contains("dangling symlink"),
        "{stderr}"
    );
    assert!(stderr.contains("symlink loop"), "{stderr}");
}

#[test]
fn fmt_walks_directories_for_jobs_and_overrides() {
    let tmp = job_tree();
    let out = bin("upstart-tools")
        .args(["fmt", "--check"])
        .arg(tmp.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "unreadable entries win");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("would reformat") && stderr.contains("up.override"),
        "{stderr}"
    );
    assert!(diff.contains("+start on runlevel [2345]"), "{diff}");
    assert!(
        !stderr.contains("hidden.conf") && !diff.contains("hidden"),
        "{stderr}"
    );
    assert!(stderr.contains("dangling symlink"), "{stderr}");
    // --write fixes what it can read and leaves the skipped file alone.
    let out = bin("upstart-tools")
        .args(["fmt", "--write"])
        .arg(tmp.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let read = |p: &str| std::fs::read_to_string(tmp.path().join(p)).unwrap_or_default();
    assert_eq!(read("net/up.override"), "start on runlevel [2345]\n");
    assert_eq!(read(".git/hidden.conf"), "exec  /bin/false\n");
}
