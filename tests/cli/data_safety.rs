//! Data safety of everything that writes: no overwrite unless asked, atomic
//! replacement in the same directory (no temporary file left), the old mode
//! kept, no write through a symlink out of the output directory, and output
//! names from file names only.

use assert_cmd::Command;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const JOB: &str = "description \"../../etc/passwd\"\nexec /usr/bin/daemon\n";
const UNIT: &str =
    "[Unit]\nDescription=../../etc/passwd\n[Service]\nExecStart=/usr/bin/daemon ../x\n";

fn cmd(bin: &str) -> Command {
    let mut c = Command::cargo_bin(bin).unwrap_or_else(|e| panic!("{e}"));
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(30));
    c
}

fn write(p: &Path, text: &str) {
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
}

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
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let input = d.path().join(format!("in/web.{ext_in}"));
        write(&input, text);
        let out = d.path().join("out");
        let target = out.join(format!("web.{ext_out}"));
        write(&target, "hand-written, keep me\n");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        let r = cmd(bin)
            .arg("-o")
            .arg(&out)
            .arg(&input)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{bin}: {err}");
        assert!(
            err.contains("not overwritten (use --force)"),
            "{bin}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("hand-written, keep me\n")
        );
        let r = cmd(bin)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .arg(&input)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            r.status.code().is_some_and(|c| c <= 1),
            "{bin}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        assert_ne!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("hand-written, keep me\n")
        );
        assert_eq!(mode(&target), 0o600, "{bin}: the mode was not kept");
        assert_eq!(
            files_under(&out),
            vec![target.clone()],
            "{bin}: stray files in the output"
        );
    }
}

#[test]
fn converters_refuse_to_write_through_a_symlink_out_of_the_output_directory() {
    for (bin, ext_in, ext_out, text) in CONVERTERS {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let a = d.path().join(format!("in/a.{ext_in}"));
        let b = d.path().join(format!("in/b.{ext_in}"));
        write(&a, text);
        write(&b, text);
        let out = d.path().join("out");
        let elsewhere = d.path().join(format!("elsewhere/a.{ext_out}"));
        write(&elsewhere, "outside, keep me\n");
        std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
        let link = out.join(format!("a.{ext_out}"));
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap_or_else(|e| panic!("{e}"));
        let r = cmd(bin)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .args([&a, &b])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{bin}: {err}");
        assert!(
            err.contains("a symlink to") && err.contains("outside"),
            "{bin}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&elsewhere).ok().as_deref(),
            Some("outside, keep me\n")
        );
        assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        // The other output is written.
        assert!(out.join(format!("b.{ext_out}")).is_file(), "{bin}: {err}");
    }
}

#[test]
fn converters_write_through_a_symlink_inside_the_output_directory() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = d.path().join("in/web.conf");
    write(&input, JOB);
    let out = d.path().join("out");
    let real = out.join("real/web.service");
    write(&real, "old\n");
    let link = out.join("web.service");
    std::os::unix::fs::symlink("real/web.service", &link).unwrap_or_else(|e| panic!("{e}"));
    let r = cmd("upstart2systemd")
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        r.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(std::fs::read_to_string(&real).is_ok_and(|t| t.contains("ExecStart=/usr/bin/daemon")));
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
}

#[test]
fn output_names_come_from_file_names_and_stay_in_the_output_directory() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Nested job names (`net/apache`), a name that is all dots, and contents
    // that mention paths: every output lands directly in OUT.
    write(&d.path().join("init/net/apache.conf"), JOB);
    write(&d.path().join("init/...conf"), JOB);
    write(&d.path().join("init/plain.conf"), JOB);
    let out = d.path().join("out");
    let r = cmd("upstart2systemd")
        .arg("-o")
        .arg(&out)
        .arg(d.path().join("init"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(r.status.code().is_some_and(|c| c <= 2), "{err}");
    let made = files_under(&out);
    assert!(!made.is_empty(), "{err}");
    for f in &made {
        assert_eq!(
            f.parent(),
            Some(out.as_path()),
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
    let all = files_under(d.path());
    assert!(
        all.iter()
            .all(|f| f.starts_with(&out) || f.starts_with(d.path().join("init"))),
        "{all:?}"
    );
    // systemd2upstart: a unit's job name is its file name.
    let units = d.path().join("units");
    write(&units.join("db.service"), UNIT);
    let out2 = d.path().join("out2");
    let r = cmd("systemd2upstart")
        .arg("-o")
        .arg(&out2)
        .arg(&units)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        r.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert_eq!(files_under(&out2), vec![out2.join("db.conf")]);
}

#[test]
fn fmt_write_and_lint_fix_keep_the_mode_and_leave_no_temporary_file() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let job = d.path().join("job.conf");
    write(&job, "description   \"x\"\nexec   /bin/true\n");
    std::fs::set_permissions(&job, std::fs::Permissions::from_mode(0o640))
        .unwrap_or_else(|e| panic!("{e}"));
    let r = cmd("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&job)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&job).ok().as_deref(),
        Some("description x\nexec /bin/true\n")
    );
    assert_eq!(mode(&job), 0o640);
    assert_eq!(files_under(d.path()), vec![job.clone()]);
    // A safe fix: the deprecated `oom` stanza becomes `oom score`, or any
    // other fix the linter has; the mode stays whatever it rewrites.
    let fixable = d.path().join("fix.conf");
    write(&fixable, "description \"x\"\nexec /bin/true\noom -5\n");
    std::fs::set_permissions(&fixable, std::fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read_to_string(&fixable).unwrap_or_default();
    let _ = cmd("upstart-lint")
        .arg("--fix")
        .arg(&fixable)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let after = std::fs::read_to_string(&fixable).unwrap_or_default();
    assert_ne!(before, after, "no fix applied; pick a fixable input");
    assert_eq!(mode(&fixable), 0o600);
    assert_eq!(files_under(d.path()), vec![fixable.clone(), job.clone()]);
}

#[test]
fn fmt_write_does_not_write_through_a_symlink_out_of_its_directory() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let outside = d.path().join("elsewhere/job.conf");
    write(&outside, "description   \"x\"\nexec   /bin/true\n");
    let init = d.path().join("init");
    std::fs::create_dir_all(&init).unwrap_or_else(|e| panic!("{e}"));
    let link = init.join("job.conf");
    std::os::unix::fs::symlink(&outside, &link).unwrap_or_else(|e| panic!("{e}"));
    let r = cmd("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&link)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&r.stderr);
    assert_ne!(r.status.code(), Some(0), "{err}");
    assert!(err.contains("outside"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&outside).ok().as_deref(),
        Some("description   \"x\"\nexec   /bin/true\n")
    );
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
    if nix::unistd::Uid::effective().is_root() {
        // Root ignores a read-only directory. An output directory that
        // cannot exist (under a character device) is the failure instead:
        // exit 2, nothing written.
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let input = d.path().join("web.conf");
        write(&input, JOB);
        let r = cmd("upstart2systemd")
            .arg("-o")
            .arg("/dev/null/out")
            .arg(&input)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            r.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
        return;
    }
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let job = d.path().join("ro/job.conf");
    write(&job, "description   \"x\"\nexec   /bin/true\n");
    let ro = d.path().join("ro");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555))
        .unwrap_or_else(|e| panic!("{e}"));
    let r = cmd("upstart-tools")
        .args(["fmt", "--write"])
        .arg(&job)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(r.status.code(), Some(0));
    assert_eq!(files_under(&ro), vec![job.clone()]);
    assert_eq!(
        std::fs::read_to_string(&job).ok().as_deref(),
        Some("description   \"x\"\nexec   /bin/true\n")
    );
}
