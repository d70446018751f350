//! One exit-status rule for every command (README "Exit codes"): 0 nothing
//! at error level and no difference under `--check`/`--diff`; 1 an
//! error-level diagnostic (a parse error, an error-level conversion loss, a
//! job not converted) or a difference under `--check`/`--diff`; 2 usage,
//! configuration or I/O error. Warnings and infos do not change the status
//! of the converters, `parse` and `fmt`; `upstart-lint` has `--fail-on`.

use std::path::Path;

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(bin: &str, args: &[&str], dir: &Path) -> Out {
    let out = crate::common::bin(bin)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{bin}: {e}"));
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for (rel, text) in files {
        let p = t.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }
    t
}

fn assert_code(out: &Out, code: i32, what: &str) {
    assert_eq!(
        out.code,
        Some(code),
        "{what}\nstdout:\n{}\nstderr:\n{}",
        out.stdout,
        out.stderr
    );
}

/// A unit whose conversion has an error-level loss (sandboxing upstart
/// cannot apply), one with warnings only, and one without any loss.
const SANDBOXED: &str = "[Service]\nExecStart=/usr/sbin/d\nPrivateTmp=yes\n";
const WARNED: &str = "[Service]\nExecStart=/usr/sbin/d\nRestartSec=5\n";
const CLEAN_UNIT: &str = "[Service]\nExecStart=/usr/sbin/d\n";

#[test]
fn systemd2upstart_follows_the_rule() {
    let t = dir(&[
        ("e/a.service", SANDBOXED),
        ("w/a.service", WARNED),
        ("c/a.service", CLEAN_UNIT),
    ]);
    let p = t.path();
    let out = run("systemd2upstart", &["e/a.service"], p);
    assert_code(&out, 1, "an error-level loss");
    assert!(out.stderr.contains("error[UL701]"), "{}", out.stderr);
    assert!(out.stdout.contains("exec /usr/sbin/d"), "still converted");
    let out = run("systemd2upstart", &["w/a.service"], p);
    assert_code(&out, 0, "warnings only");
    assert!(out.stderr.contains("warning[UL701]"), "{}", out.stderr);
    assert!(!out.stderr.contains("error"), "{}", out.stderr);
    // -o DIR: the same, and the run still writes the job.
    let out = run("systemd2upstart", &["-o", "out-e", "e"], p);
    assert_code(&out, 1, "an error-level loss, -o");
    assert!(p.join("out-e/a.conf").is_file());
    // --check / --diff: a difference is 1, none is 0.
    let out = run("systemd2upstart", &["-o", "out", "c"], p);
    assert_code(&out, 0, "written");
    let out = run("systemd2upstart", &["-o", "out", "--check", "c"], p);
    assert_code(&out, 0, "--check, no difference");
    let out = run("systemd2upstart", &["-o", "out", "--diff", "c"], p);
    assert_code(&out, 0, "--diff, no difference");
    assert!(out.stdout.is_empty());
    std::fs::write(p.join("out/a.conf"), "# edited\n").unwrap_or_else(|e| panic!("{e}"));
    let out = run("systemd2upstart", &["-o", "out", "--check", "c"], p);
    assert_code(&out, 1, "--check, a difference");
    let out = run("systemd2upstart", &["-o", "out", "--diff", "c"], p);
    assert_code(&out, 1, "--diff, a difference");
    assert!(out.stdout.contains("-# edited"), "{}", out.stdout);
    // A unit with a syntax error: an error, 1; converted all the same.
    let t2 = dir(&[("b.service", "[Service]\nExecStart=/bin/true\ngarbage\n")]);
    let out = run("systemd2upstart", &["b.service"], t2.path());
    assert_code(&out, 1, "a syntax error");
    assert!(
        out.stderr.contains(":3:1: error: missing `=`"),
        "{}",
        out.stderr
    );
    // Usage and I/O errors are 2.
    assert_code(
        &run("systemd2upstart", &["missing.service"], p),
        2,
        "unreadable",
    );
    assert_code(&run("systemd2upstart", &["--bogus"], p), 2, "usage");
}

#[test]
fn upstart2systemd_follows_the_rule() {
    let t = dir(&[
        ("bad/job.conf", "exec /usr/sbin/d\nbogus stanza\n"),
        ("warn/job.conf", "expect stop\nexec /usr/sbin/d\n"),
        ("ok/job.conf", "exec /usr/sbin/d\n"),
    ]);
    let p = t.path();
    // A parse error: the job is not converted, 1.
    let out = run("upstart2systemd", &["bad/job.conf"], p);
    assert_code(&out, 1, "a parse error");
    assert!(out.stdout.is_empty());
    // Loss warnings only: 0.
    let out = run("upstart2systemd", &["warn/job.conf"], p);
    assert_code(&out, 0, "warnings only");
    assert!(out.stderr.contains("warning[UL501]"), "{}", out.stderr);
    let out = run("upstart2systemd", &["-o", "out", "ok"], p);
    assert_code(&out, 0, "written");
    assert_code(
        &run("upstart2systemd", &["-o", "out", "--check", "ok"], p),
        0,
        "--check, no difference",
    );
    assert_code(
        &run("upstart2systemd", &["-o", "out", "--diff", "ok"], p),
        0,
        "--diff, no difference",
    );
    std::fs::write(p.join("out/job.service"), "# edited\n").unwrap_or_else(|e| panic!("{e}"));
    assert_code(
        &run("upstart2systemd", &["-o", "out", "--check", "ok"], p),
        1,
        "--check, a difference",
    );
    let out = run("upstart2systemd", &["-o", "out", "--diff", "ok"], p);
    assert_code(&out, 1, "--diff, a difference");
    assert!(out.stdout.contains("-# edited"), "{}", out.stdout);
    assert_code(
        &run("upstart2systemd", &["missing.conf"], p),
        2,
        "unreadable",
    );
}

#[test]
fn lint_parse_and_fmt_follow_the_rule() {
    let t = dir(&[
        ("bad.conf", "exec /usr/sbin/d\nbogus stanza\n"),
        // A nice value that wraps in upstart's int: a parse warning
        // (UL118), not an error.
        ("wrap.conf", "nice 4294967295\nexec /usr/sbin/d\n"),
        ("ugly.conf", "exec    /usr/sbin/d\n"),
        ("ok.conf", "exec /usr/sbin/d\n"),
    ]);
    let p = t.path();
    // parse: an error is 1, a warning 0.
    assert_code(
        &run("upstart-tools", &["parse", "bad.conf"], p),
        1,
        "parse error",
    );
    let out = run("upstart-tools", &["parse", "wrap.conf"], p);
    assert_code(&out, 0, "parse warning only");
    assert!(out.stderr.contains("warning[UL118]"), "{}", out.stderr);
    // fmt: an error is 1, a warning 0; --check with a difference is 1.
    assert_code(
        &run("upstart-tools", &["fmt", "bad.conf"], p),
        1,
        "fmt of a parse error",
    );
    assert_code(
        &run("upstart-tools", &["fmt", "wrap.conf"], p),
        0,
        "fmt, warning only",
    );
    assert_code(
        &run("upstart-tools", &["fmt", "--check", "ugly.conf"], p),
        1,
        "fmt --check, a difference",
    );
    assert_code(
        &run("upstart-tools", &["fmt", "--check", "ok.conf"], p),
        0,
        "fmt --check, none",
    );
    // lint: syntax errors always 1; a warning is 1 under the default
    // `--fail-on warning`, 0 under `--fail-on error`.
    let iso = ["--isolated", "--shellcheck", "off"];
    let lint = |extra: &[&str], file: &str| {
        let mut args: Vec<&str> = iso.to_vec();
        args.extend_from_slice(extra);
        args.push(file);
        run("upstart-lint", &args, p)
    };
    assert_code(&lint(&[], "bad.conf"), 1, "lint, a syntax error");
    assert_code(
        &lint(&["--fail-on", "error"], "bad.conf"),
        1,
        "syntax errors always",
    );
    assert_code(
        &lint(&[], "wrap.conf"),
        1,
        "lint, a warning at --fail-on warning",
    );
    assert_code(
        &lint(&["--fail-on", "error"], "wrap.conf"),
        0,
        "lint, a warning at --fail-on error",
    );
    assert_code(&lint(&[], "missing.conf"), 2, "lint, unreadable");
}
