//! `upstart-tools show`: the job as upstart stores it, in the three formats;
//! `--dialect` on every command that reads jobs; what upstart2systemd says
//! when upstart stores a value other than the one written.
//! (The comparison with upstart itself is tests/cli/conformance.rs.)

use crate::common::{assert_snapshot, bin};
use serde_json::Value;

/// The snapshots this file writes.
pub const SNAPSHOTS: &[&str] = &["show__text"];

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin("upstart-tools")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &std::path::Path, name: &str, text: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.display().to_string()
}

#[test]
fn text_lists_every_setting_as_upstart_uses_it() {
    let mut all = String::new();
    for f in [
        "fixtures/parse/ok/sandbox.conf",
        "fixtures/parse/ok/metadata-and-instance.conf",
        "fixtures/parse/ok/process-script-forms.conf",
    ] {
        let (code, out, err) = run(&["show", f]);
        assert_eq!(code, Some(0), "{f}: {err}");
        all.push_str(&format!("# upstart-tools show {f}\n{out}\n"));
    }
    assert_snapshot("show__text", &all);
}

#[test]
fn json_names_values_and_upstart_json_keeps_upstarts_numbers() {
    let f = "fixtures/parse/ok/kill-and-reload.conf";
    let (code, out, err) = run(&["show", "--format", "json", f]);
    assert_eq!(code, Some(0), "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["version"], 1);
    let job = &doc["jobs"][0];
    assert_eq!(job["name"], "kill-and-reload");
    assert_eq!(job["kill_signal"], "QUIT");
    assert_eq!(job["reload_signal"], "USR2");
    assert_eq!(job["expect"], "daemon");
    assert_eq!(job["umask"], "0022");
    assert_eq!(job["nice"], Value::Null);

    let (code, out, err) = run(&["show", "--format", "upstart-json", f]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().count(), 1, "one object a line");
    let job: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(job["kill_signal"], 3);
    assert_eq!(job["reload_signal"], 12);
    assert_eq!(job["expect"], 2);
    assert_eq!(job["umask"], 18);
    assert_eq!(job["nice"], -21, "unset");
    assert_eq!(job["console"], 3, "log is the default");
    assert_eq!(
        job["start_on"],
        serde_json::json!({"op": "and", "l": ["runlevel", "[2345]"], "r": ["net-device-up", "IFACE!=lo"]})
    );
}

#[test]
fn the_override_is_merged_and_a_rejected_job_is_not_shown() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let conf = write(
        d.path(),
        "web.conf",
        b"description \"web\"\nenv A=1\nnice 5\nexec /usr/bin/web\n",
    );
    write(d.path(), "web.override", b"env B=2\nnice -5\nmanual\n");
    let (code, out, err) = run(&["show", "--format", "upstart-json", &conf]);
    assert_eq!(code, Some(0), "{err}");
    let job: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(
        job["env"],
        serde_json::json!(["A=1", "B=2"]),
        "env accumulates"
    );
    assert_eq!(job["nice"], -5, "the override's nice wins");

    let (code, out, _) = run(&["show", "--no-override", "--format", "upstart-json", &conf]);
    assert_eq!(code, Some(0));
    assert!(out.contains("\"nice\":5"), "{out}");

    let bad = write(
        d.path(),
        "bad.conf",
        b"descripton \"typo\"\nexec /bin/true\n",
    );
    let (code, out, err) = run(&["show", &bad, &conf]);
    assert_eq!(code, Some(1), "a rejected job: exit 1");
    assert!(err.contains("error[UL003]"), "{err}");
    assert!(!out.contains("bad.conf"), "not shown: {out}");
    assert!(out.contains("web.conf"), "the other job still is: {out}");
}

#[test]
fn what_upstart_stores_is_shown_and_explained() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let f = write(
        d.path(),
        "odd.conf",
        b"env Q=\"say \\\"hi\\\"\"\nnice 4294967295\nkill timeout \"5\0x\"\nexec /bin/true\n",
    );
    let (code, out, err) = run(&["show", "--format", "upstart-json", &f]);
    assert_eq!(code, Some(0), "upstart loads it: {err}");
    let job: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(job["env"], serde_json::json!(["Q=say\\\\\"hi\\\""]));
    assert_eq!(job["nice"], -1);
    assert_eq!(job["kill_timeout"], 5);
    for code in ["warning[UL117]", "warning[UL118]", "warning[UL119]"] {
        assert!(err.contains(code), "{code} in {err}");
    }
}

#[test]
fn chromiumos_jobs_need_their_dialect_everywhere() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let f = write(
        d.path(),
        "cros.conf",
        b"description \"cros\"\nimport DEVICE\ntmpfiles /usr/lib/tmpfiles.d/x.conf\nexec /usr/bin/app\n",
    );
    for cmd in [
        &["parse"][..],
        &["show"],
        &["lint", "--isolated"],
        &["convert"],
    ] {
        // lint reports on stdout, the other commands on stderr.
        let (code, out, err) = run(&[cmd, &[f.as_str()]].concat());
        let said = format!("{out}{err}");
        assert_eq!(
            code,
            Some(1),
            "{cmd:?}: upstream upstart rejects it: {said}"
        );
        assert!(said.contains("UL014"), "{cmd:?}: {said}");
        assert!(
            said.contains("--dialect chromeos"),
            "{cmd:?} names the way out: {said}"
        );
        let (code, out, err) = run(&[cmd, &["--dialect", "chromeos", f.as_str()]].concat());
        assert_eq!(code, Some(0), "{cmd:?} --dialect chromeos: {out}{err}");
        assert!(
            !err.contains("UL014") && !out.contains("UL014"),
            "{cmd:?}: {out}{err}"
        );
    }
}

#[test]
fn upstart2systemd_carries_upstarts_value_and_says_why() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let f = write(
        d.path(),
        "greet.conf",
        b"description \"greeter\"\nenv GREETING=\"say \\\"hi\\\"\"\nexec /usr/bin/greet\n",
    );
    let out = bin("upstart2systemd")
        .arg(&f)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // upstart stores `say\\"hi\"`; systemd's quoting doubles each backslash.
    assert!(
        stdout.contains(r#"Environment="GREETING=say\\\\\"hi\\\"""#),
        "{stdout}"
    );
    assert!(stderr.contains("warning[UL117]"), "{stderr}");
}
