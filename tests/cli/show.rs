//! `upstart-tools show`: the job as upstart stores it, in the three formats;
//! `--dialect` on every command that reads jobs; what upstart2systemd says
//! when upstart stores a value other than the one written.
//! (The comparison with upstart itself is tests/cli/conformance.rs.)

use crate::common::{Test, assert_snapshot};
use serde_json::Value;

/// The snapshots this file writes.
pub(crate) const SNAPSHOTS: &[&str] = &["show__text"];

#[test]
fn text_lists_every_setting_as_upstart_uses_it() {
    let mut all = String::new();
    for f in [
        "fixtures/parse/ok/sandbox.conf",
        "fixtures/parse/ok/metadata-and-instance.conf",
        "fixtures/parse/ok/process-script-forms.conf",
    ] {
        let out = Test::new("upstart-tools")
            .args(["show", f])
            .expect_status(0)
            .run();
        all.push_str(&format!("# upstart-tools show {f}\n{}\n", out.stdout));
    }
    assert_snapshot(
        "show__text",
        "fixtures/parse/ok/{sandbox,metadata-and-instance,process-script-forms}.conf",
        "upstart-tools show <each input>",
        &all,
    );
}

#[test]
fn json_names_values_and_upstart_json_keeps_upstarts_numbers() {
    let f = "fixtures/parse/ok/kill-and-reload.conf";
    let doc = Test::new("upstart-tools")
        .args(["show", "--format", "json", f])
        .expect_status(0)
        .run()
        .json();
    assert_eq!(doc["version"], 1);
    let job = &doc["jobs"][0];
    assert_eq!(job["name"], "kill-and-reload");
    assert_eq!(job["kill_signal"], "QUIT");
    assert_eq!(job["reload_signal"], "USR2");
    assert_eq!(job["expect"], "daemon");
    assert_eq!(job["umask"], "0022");
    assert_eq!(job["nice"], Value::Null);

    let out = Test::new("upstart-tools")
        .args(["show", "--format", "upstart-json", f])
        .expect_status(0)
        .run();
    assert_eq!(out.stdout.lines().count(), 1, "one object a line");
    let job = out.json();
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
    let web = || {
        Test::new("upstart-tools")
            .file(
                "web.conf",
                "description \"web\"\nenv A=1\nnice 5\nexec /usr/bin/web\n",
            )
            .file("web.override", "env B=2\nnice -5\nmanual\n")
            .file("bad.conf", "descripton \"typo\"\nexec /bin/true\n")
    };
    let job = web()
        .args(["show", "--format", "upstart-json"])
        .tmp_arg("web.conf")
        .expect_status(0)
        .run()
        .json();
    assert_eq!(
        job["env"],
        serde_json::json!(["A=1", "B=2"]),
        "env accumulates"
    );
    assert_eq!(job["nice"], -5, "the override's nice wins");

    web()
        .args(["show", "--no-override", "--format", "upstart-json"])
        .tmp_arg("web.conf")
        .expect_status(0)
        .stdout_contains("\"nice\":5")
        .run();

    // A rejected job: exit 1, not shown; the other job still is.
    web()
        .arg("show")
        .tmp_arg("bad.conf")
        .tmp_arg("web.conf")
        .expect_status(1)
        .stderr_contains("error[UL003]")
        .stdout_lacks("bad.conf")
        .stdout_contains("web.conf")
        .run();
}

#[test]
fn what_upstart_stores_is_shown_and_explained() {
    // upstart loads it.
    let out = Test::new("upstart-tools")
        .file(
            "odd.conf",
            b"env Q=\"say \\\"hi\\\"\"\nnice 4294967295\nkill timeout \"5\0x\"\nexec /bin/true\n",
        )
        .args(["show", "--format", "upstart-json"])
        .tmp_arg("odd.conf")
        .expect_status(0)
        .stderr_contains("warning[UL117]")
        .stderr_contains("warning[UL118]")
        .stderr_contains("warning[UL119]")
        .run();
    let job = out.json();
    assert_eq!(job["env"], serde_json::json!(["Q=say\\\\\"hi\\\""]));
    assert_eq!(job["nice"], -1);
    assert_eq!(job["kill_timeout"], 5);
}

#[test]
fn chromiumos_jobs_need_their_dialect_everywhere() {
    let cros = || {
        Test::new("upstart-tools").file(
            "cros.conf",
            "description \"cros\"\nimport DEVICE\ntmpfiles /usr/lib/tmpfiles.d/x.conf\nexec /usr/bin/app\n",
        )
    };
    for cmd in [
        &["parse"][..],
        &["show"],
        &["lint", "--isolated"],
        &["convert"],
    ] {
        // lint reports on stdout, the other commands on stderr.
        // Upstream upstart rejects it, and the report names the way out.
        let out = cros().args(cmd).tmp_arg("cros.conf").expect_status(1).run();
        let said = format!("{}{}", out.stdout, out.stderr);
        assert!(said.contains("UL014"), "{cmd:?}: {said}");
        assert!(
            said.contains("--dialect chromeos"),
            "{cmd:?} names the way out: {said}"
        );
        cros()
            .args(cmd)
            .args(["--dialect", "chromeos"])
            .tmp_arg("cros.conf")
            .expect_status(0)
            .stdout_lacks("UL014")
            .stderr_lacks("UL014")
            .run();
    }
}

#[test]
fn upstart2systemd_carries_upstarts_value_and_says_why() {
    // upstart stores `say\\"hi\"`; systemd's quoting doubles each backslash.
    Test::new("upstart2systemd")
        .file(
            "greet.conf",
            "description \"greeter\"\nenv GREETING=\"say \\\"hi\\\"\"\nexec /usr/bin/greet\n",
        )
        .tmp_arg("greet.conf")
        .expect_status(0)
        .stdout_contains(r#"Environment="GREETING=say\\\\\"hi\\\"""#)
        .stderr_contains("warning[UL117]")
        .run();
}
