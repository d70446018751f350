//! One exit-status rule for every command (README "Exit codes"): 0 nothing
//! at error level and no difference under `--check`/`--diff`; 1 an
//! error-level diagnostic (a parse error, an error-level conversion loss, a
//! job not converted) or a difference under `--check`/`--diff`; 2 usage,
//! configuration or I/O error. Warnings and infos do not change the status
//! of the converters, `parse` and `fmt`; `upstart-lint` has `--fail-on`,
//! and counts only what its display filters show.

use crate::common::Test;

/// A unit whose conversion has an error-level loss (sandboxing upstart
/// cannot apply), one with warnings only, and one without any loss.
const SANDBOXED: &str = "[Service]\nExecStart=/usr/sbin/d\nPrivateTmp=yes\n";
const WARNED: &str = "[Service]\nExecStart=/usr/sbin/d\nRestartSec=5\n";
const CLEAN_UNIT: &str = "[Service]\nExecStart=/usr/sbin/d\n";

#[test]
fn systemd2upstart_follows_the_rule() {
    // An error-level loss: 1, and the unit is still converted.
    let out = Test::new("systemd2upstart")
        .file("e/a.service", SANDBOXED)
        .file("w/a.service", WARNED)
        .file("c/a.service", CLEAN_UNIT)
        .current_dir_in_tempdir()
        .arg("e/a.service")
        .expect_status(1)
        .stderr_contains("error[UL701]")
        .stdout_contains("exec /usr/sbin/d")
        .run();
    // Warnings only: 0.
    let out = out
        .next("systemd2upstart")
        .arg("w/a.service")
        .expect_status(0)
        .stderr_contains("warning[UL701]")
        .stderr_lacks("error")
        .run();
    // -o DIR: the same, and the run still writes the job.
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out-e", "e"])
        .expect_status(1)
        .run();
    assert!(out.path("out-e/a.conf").is_file());
    // --check / --diff: a difference is 1, none is 0.
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out", "c"])
        .expect_status(0)
        .run();
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out", "--check", "c"])
        .expect_status(0)
        .run();
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out", "--diff", "c"])
        .expect_status(0)
        .expect_stdout("")
        .run();
    std::fs::write(out.path("out/a.conf"), "# edited\n").unwrap_or_else(|e| panic!("{e}"));
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out", "--check", "c"])
        .expect_status(1)
        .run();
    let out = out
        .next("systemd2upstart")
        .args(["-o", "out", "--diff", "c"])
        .expect_status(1)
        .stdout_contains("-# edited")
        .run();
    // Usage and I/O errors are 2.
    let out = out
        .next("systemd2upstart")
        .arg("missing.service")
        .expect_status(2)
        .run();
    out.next("systemd2upstart")
        .arg("--bogus")
        .expect_status(2)
        .run();
    // A unit with a syntax error: an error, 1; converted all the same.
    Test::new("systemd2upstart")
        .file("b.service", "[Service]\nExecStart=/bin/true\ngarbage\n")
        .current_dir_in_tempdir()
        .arg("b.service")
        .expect_status(1)
        .stderr_contains(":3:1: error: missing `=`")
        .run();
}

#[test]
fn upstart2systemd_follows_the_rule() {
    // A parse error: the job is not converted, 1.
    let out = Test::new("upstart2systemd")
        .file("bad/job.conf", "exec /usr/sbin/d\nbogus stanza\n")
        .file("warn/job.conf", "expect stop\nexec /usr/sbin/d\n")
        .file("ok/job.conf", "exec /usr/sbin/d\n")
        .current_dir_in_tempdir()
        .arg("bad/job.conf")
        .expect_status(1)
        .expect_stdout("")
        .run();
    // Loss warnings only: 0.
    let out = out
        .next("upstart2systemd")
        .arg("warn/job.conf")
        .expect_status(0)
        .stderr_contains("warning[UL501]")
        .run();
    // Written; then --check / --diff: a difference is 1, none is 0.
    let out = out
        .next("upstart2systemd")
        .args(["-o", "out", "ok"])
        .expect_status(0)
        .run();
    let out = out
        .next("upstart2systemd")
        .args(["-o", "out", "--check", "ok"])
        .expect_status(0)
        .run();
    let out = out
        .next("upstart2systemd")
        .args(["-o", "out", "--diff", "ok"])
        .expect_status(0)
        .run();
    std::fs::write(out.path("out/job.service"), "# edited\n").unwrap_or_else(|e| panic!("{e}"));
    let out = out
        .next("upstart2systemd")
        .args(["-o", "out", "--check", "ok"])
        .expect_status(1)
        .run();
    let out = out
        .next("upstart2systemd")
        .args(["-o", "out", "--diff", "ok"])
        .expect_status(1)
        .stdout_contains("-# edited")
        .run();
    // Unreadable: 2.
    out.next("upstart2systemd")
        .arg("missing.conf")
        .expect_status(2)
        .run();
}

/// `upstart-lint` isolated from the machine, on `file` with `extra` options.
fn lint_case(extra: &[&str], file: &str, status: i32) {
    Test::new("upstart-lint")
        .file("bad.conf", "exec /usr/sbin/d\nbogus stanza\n")
        // A nice value that wraps in upstart's int: a parse warning
        // (UL118), not an error.
        .file("wrap.conf", "nice 4294967295\nexec /usr/sbin/d\n")
        .current_dir_in_tempdir()
        .args(["--isolated", "--shellcheck", "off"])
        .args(extra)
        .arg(file)
        .expect_status(status)
        .run();
}

#[test]
fn lint_parse_and_fmt_follow_the_rule() {
    let tools = || {
        Test::new("upstart-tools")
            .file("bad.conf", "exec /usr/sbin/d\nbogus stanza\n")
            .file("wrap.conf", "nice 4294967295\nexec /usr/sbin/d\n")
            .file("ugly.conf", "exec    /usr/sbin/d\n")
            .file("ok.conf", "exec /usr/sbin/d\n")
            .current_dir_in_tempdir()
    };
    // parse: an error is 1, a warning 0.
    tools().args(["parse", "bad.conf"]).expect_status(1).run();
    tools()
        .args(["parse", "wrap.conf"])
        .expect_status(0)
        .stderr_contains("warning[UL118]")
        .run();
    // fmt: an error is 1, a warning 0; --check with a difference is 1.
    tools().args(["fmt", "bad.conf"]).expect_status(1).run();
    tools().args(["fmt", "wrap.conf"]).expect_status(0).run();
    tools()
        .args(["fmt", "--check", "ugly.conf"])
        .expect_status(1)
        .run();
    tools()
        .args(["fmt", "--check", "ok.conf"])
        .expect_status(0)
        .run();
    // lint: syntax errors always 1; a warning is 1 under the default
    // `--fail-on warning`, 0 under `--fail-on error`.
    lint_case(&[], "bad.conf", 1);
    lint_case(&["--fail-on", "error"], "bad.conf", 1);
    lint_case(&[], "wrap.conf", 1);
    lint_case(&["--fail-on", "error"], "wrap.conf", 0);
    lint_case(&[], "missing.conf", 2);
    // Only what is shown counts (shellcheck's -S): a warning hidden by
    // `--severity error` is 0; no filter hides a syntax error; --quiet and
    // --statistics change the output, not the status.
    lint_case(&["--severity", "error"], "wrap.conf", 0);
    lint_case(&["--severity", "error"], "bad.conf", 1);
    lint_case(&["--quiet"], "wrap.conf", 1);
    lint_case(&["--statistics"], "wrap.conf", 1);
    lint_case(&["--statistics", "--exit-zero"], "bad.conf", 0);
}
