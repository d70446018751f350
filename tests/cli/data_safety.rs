//! Data safety of everything that writes: no overwrite unless asked, atomic
//! replacement in the same directory (no temporary file left), the old mode
//! kept, no write through a symlink out of the output directory, and output
//! names from file names only.

use crate::common::Test;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const JOB: &str = "description \"../../etc/passwd\"\nexec /usr/bin/daemon\n";
const UNIT: &str =
    "[Unit]\nDescription=../../etc/passwd\n[Service]\nExecStart=/usr/bin/daemon ../x\n";

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).map_or(0, |m| m.permissions().mode() & 0o7777)
}

/// Every file under `dir` (no temporary `.upstart-tools-*` may remain).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().to_path_buf())
        .collect();
    v.sort();
    v
}

/// The two converters: binary, input extension, output extension, text.
const CONVERTERS: &[(&str, &str, &str, &str)] = &[
    ("upstart2systemd", "conf", "service", JOB),
    ("systemd2upstart", "service", "conf", UNIT),
];

#[test]
fn converters_never_overwrite_unless_forced_and_keep_the_mode() {
    for (bin, ext_in, ext_out, text) in CONVERTERS {
        let input = format!("in/web.{ext_in}");
        let target = format!("out/web.{ext_out}");
        let out = Test::new(bin)
            .file(&input, text)
            .file(&target, "hand-written, keep me\n")
            .mode(&target, 0o600)
            .arg("-o")
            .tmp_arg("out")
            .tmp_arg(&input)
            .expect_status(2)
            .stderr_contains("not overwritten (use --force)")
            .run();
        assert_eq!(out.read(&target), "hand-written, keep me\n");
        let out = out
            .next(bin)
            .arg("-o")
            .tmp_arg("out")
            .arg("--force")
            .tmp_arg(&input)
            .run();
        assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
        assert_ne!(
            std::fs::read_to_string(out.path(&target)).ok().as_deref(),
            Some("hand-written, keep me\n")
        );
        assert_eq!(
            mode(&out.path(&target)),
            0o600,
            "{bin}: the mode was not kept"
        );
        assert_eq!(
            files_under(&out.path("out")),
            vec![out.path(&target)],
            "{bin}: stray files in the output"
        );
    }
}

#[test]
fn converters_refuse_to_write_through_a_symlink_out_of_the_output_directory() {
    for (bin, ext_in, ext_out, text) in CONVERTERS {
        let elsewhere = format!("elsewhere/a.{ext_out}");
        let link = format!("out/a.{ext_out}");
        let test = Test::new(bin)
            .file(&format!("in/a.{ext_in}"), text)
            .file(&format!("in/b.{ext_in}"), text)
            .file(&elsewhere, "outside, keep me\n")
            .dir("out");
        let target = test.path(&elsewhere);
        let out = test
            .symlink(target, &link)
            .arg("-o")
            .tmp_arg("out")
            .arg("--force")
            .tmp_arg(&format!("in/a.{ext_in}"))
            .tmp_arg(&format!("in/b.{ext_in}"))
            .expect_status(2)
            .stderr_contains("a symlink to")
            .stderr_contains("outside")
            .run();
        assert_eq!(out.read(&elsewhere), "outside, keep me\n");
        assert!(
            std::fs::symlink_metadata(out.path(&link)).is_ok_and(|m| m.file_type().is_symlink())
        );
        // The other output is written.
        assert!(
            out.path(&format!("out/b.{ext_out}")).is_file(),
            "{bin}: {}",
            out.stderr
        );
    }
}

#[test]
fn converters_write_through_a_symlink_inside_the_output_directory() {
    let out = Test::new("upstart2systemd")
        .file("in/web.conf", JOB)
        .file("out/real/web.service", "old\n")
        .symlink("real/web.service", "out/web.service")
        .arg("-o")
        .tmp_arg("out")
        .arg("--force")
        .tmp_arg("in/web.conf")
        .run();
    assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
    assert!(
        out.read("out/real/web.service")
            .contains("ExecStart=/usr/bin/daemon")
    );
    assert!(
        std::fs::symlink_metadata(out.path("out/web.service"))
            .is_ok_and(|m| m.file_type().is_symlink())
    );
}

#[test]
fn output_names_come_from_file_names_and_stay_in_the_output_directory() {
    // Nested job names (`net/apache`), a name that is all dots, and contents
    // that mention paths: every output lands directly in OUT.
    let out = Test::new("upstart2systemd")
        .file("init/net/apache.conf", JOB)
        .file("init/...conf", JOB)
        .file("init/plain.conf", JOB)
        .arg("-o")
        .tmp_arg("out")
        .tmp_arg("init")
        .run();
    assert!(out.status.is_some_and(|c| c <= 2), "{}", out.report());
    let dir = out.path("out");
    let made = files_under(&dir);
    assert!(!made.is_empty(), "{}", out.stderr);
    for f in &made {
        assert_eq!(
            f.parent(),
            Some(dir.as_path()),
            "{} is not directly in OUT",
            f.display()
        );
    }
    let names: Vec<String> = made
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert!(
        names.contains(&"net-apache.service".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"plain.service".to_string()), "{names:?}");
    // Nothing was written outside OUT and the inputs.
    let all = files_under(out.path("").as_path());
    assert!(
        all.iter()
            .all(|f| f.starts_with(&dir) || f.starts_with(out.path("init"))),
        "{all:?}"
    );
    // systemd2upstart: a unit's job name is its file name.
    let out = out
        .next("systemd2upstart")
        .file("units/db.service", UNIT)
        .arg("-o")
        .tmp_arg("out2")
        .tmp_arg("units")
        .run();
    assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
    assert_eq!(
        files_under(&out.path("out2")),
        vec![out.path("out2/db.conf")]
    );
}

#[test]
fn fmt_write_and_lint_fix_keep_the_mode_and_leave_no_temporary_file() {
    let out = Test::new("upstart-tools")
        .file("job.conf", "description   \"x\"\nexec   /bin/true\n")
        .mode("job.conf", 0o640)
        .args(["fmt", "--write"])
        .tmp_arg("job.conf")
        .expect_status(0)
        .run();
    assert_eq!(out.read("job.conf"), "description x\nexec /bin/true\n");
    assert_eq!(mode(&out.path("job.conf")), 0o640);
    assert_eq!(files_under(&out.path("")), vec![out.path("job.conf")]);
    // A safe fix: the deprecated `oom` stanza becomes `oom score`, or any
    // other fix the linter has; the mode stays whatever it rewrites.
    let before = "description \"x\"\nexec /bin/true\noom -5\n";
    let out = out
        .next("upstart-lint")
        .file("fix.conf", before)
        .mode("fix.conf", 0o600)
        .arg("--fix")
        .tmp_arg("fix.conf")
        .run();
    assert_ne!(
        out.read("fix.conf"),
        before,
        "no fix applied; pick a fixable input"
    );
    assert_eq!(mode(&out.path("fix.conf")), 0o600);
    assert_eq!(
        files_under(&out.path("")),
        vec![out.path("fix.conf"), out.path("job.conf")]
    );
}

#[test]
fn fmt_write_does_not_write_through_a_symlink_out_of_its_directory() {
    let test = Test::new("upstart-tools")
        .file(
            "elsewhere/job.conf",
            "description   \"x\"\nexec   /bin/true\n",
        )
        .dir("init");
    let outside = test.path("elsewhere/job.conf");
    let out = test
        .symlink(outside, "init/job.conf")
        .args(["fmt", "--write"])
        .tmp_arg("init/job.conf")
        .expect_status_not(0)
        .stderr_contains("outside")
        .run();
    assert_eq!(
        out.read("elsewhere/job.conf"),
        "description   \"x\"\nexec   /bin/true\n"
    );
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
    if nix::unistd::Uid::effective().is_root() {
        // Root ignores a read-only directory. An output directory that
        // cannot exist (under a character device) is the failure instead:
        // exit 2, nothing written.
        Test::new("upstart2systemd")
            .file("web.conf", JOB)
            .args(["-o", "/dev/null/out"])
            .tmp_arg("web.conf")
            .expect_status(2)
            .run();
        return;
    }
    let out = Test::new("upstart-tools")
        .file("ro/job.conf", "description   \"x\"\nexec   /bin/true\n")
        .mode("ro", 0o555)
        .args(["fmt", "--write"])
        .tmp_arg("ro/job.conf")
        .run();
    std::fs::set_permissions(out.path("ro"), std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(out.status, Some(0), "{}", out.report());
    assert_eq!(files_under(&out.path("ro")), vec![out.path("ro/job.conf")]);
    assert_eq!(
        out.read("ro/job.conf"),
        "description   \"x\"\nexec   /bin/true\n"
    );
}
