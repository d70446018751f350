//! Hostile inputs for every binary that reads files: each bad input gets a
//! diagnostic naming it, the good file beside it is still processed, the
//! run ends within its time bound and the exit code follows the table.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

const GOOD_JOB: &str = "description \"good\"\nexec /bin/true\n";
const GOOD_UNIT: &str = "[Unit]\nDescription=good\n[Service]\nExecStart=/bin/true\n";

/// One file-reading command and how to see that its good input was done.
struct Tool {
    name: &'static str,
    bin: &'static str,
    args: &'static [&'static str],
    /// Extension of its input files.
    ext: &'static str,
    /// Takes directories (and walks them).
    walks: bool,
}

const TOOLS: &[Tool] = &[
    Tool {
        name: "lint",
        bin: "upstart-lint",
        args: &["--format", "concise"],
        ext: "conf",
        walks: true,
    },
    Tool {
        name: "upstart2systemd",
        bin: "upstart2systemd",
        args: &["-o", "OUT"],
        ext: "conf",
        walks: true,
    },
    Tool {
        name: "systemd2upstart",
        bin: "systemd2upstart",
        args: &["-o", "OUT"],
        ext: "service",
        walks: true,
    },
    Tool {
        name: "parse",
        bin: "upstart-tools",
        args: &["parse"],
        ext: "conf",
        walks: false,
    },
    Tool {
        name: "fmt",
        bin: "upstart-tools",
        args: &["fmt"],
        ext: "conf",
        walks: false,
    },
];

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    out_dir: PathBuf,
}

fn run(t: &Tool, work: &Path, inputs: &[PathBuf]) -> Outcome {
    let out_dir = work.join("out");
    let mut cmd = Command::cargo_bin(t.bin).unwrap_or_else(|e| panic!("{e}"));
    for a in t.args {
        if *a == "OUT" {
            cmd.arg(&out_dir);
        } else {
            cmd.arg(a);
        }
    }
    cmd.args(inputs)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_mins(1));
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    Outcome {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        out_dir,
    }
}

fn good(t: &Tool, dir: &Path) -> PathBuf {
    let p = dir.join(format!("good.{}", t.ext));
    let text = if t.ext == "conf" { GOOD_JOB } else { GOOD_UNIT };
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p
}

/// The good file was processed: its output exists or is printed.
fn good_done(t: &Tool, o: &Outcome) -> bool {
    match t.name {
        "upstart2systemd" => o.out_dir.join("good.service").is_file(),
        "systemd2upstart" => o.out_dir.join("good.conf").is_file(),
        "parse" => o.stdout.contains("\"name\":\"good\""),
        "fmt" => o.stdout.contains("description good"),
        // lint says nothing about a clean file: it must not be named.
        _ => !o.stderr.contains("good.conf") && !o.stdout.contains("good.conf"),
    }
}

/// Run every tool on a good file and the bad input `make` creates; the bad
/// one must be reported (its name in stderr), the good one processed, and
/// the exit code be `want` (the table's "problems" or "error" status).
fn check(case: &str, make: impl Fn(&Tool, &Path) -> PathBuf, want: &[i32]) {
    for t in TOOLS {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let work = d.path();
        let inputs = work.join("in");
        std::fs::create_dir(&inputs).unwrap_or_else(|e| panic!("{e}"));
        let g = good(t, &inputs);
        let bad = make(t, &inputs);
        let o = run(t, work, &[g, bad.clone()]);
        let shown = bad.display().to_string();
        assert!(
            o.stderr.contains(&shown) || o.stdout.contains(&shown),
            "{case}/{}: {shown} not reported\nstdout: {}\nstderr: {}",
            t.name,
            o.stdout,
            o.stderr
        );
        assert!(
            good_done(t, &o),
            "{case}/{}: the good file was not processed\nstdout: {}\nstderr: {}",
            t.name,
            o.stdout,
            o.stderr
        );
        assert!(
            o.code.is_some_and(|c| want.contains(&c)),
            "{case}/{}: exit {:?}, want one of {want:?}\nstderr: {}",
            t.name,
            o.code,
            o.stderr
        );
        assert!(
            !o.stderr.contains("panicked"),
            "{case}/{}: {}",
            t.name,
            o.stderr
        );
    }
}

fn bytes(name: &str, data: &[u8]) -> impl Fn(&Tool, &Path) -> PathBuf {
    let name = name.to_string();
    let data = data.to_vec();
    move |t, dir| {
        let p = dir.join(format!("{name}.{}", t.ext));
        std::fs::write(&p, &data).unwrap_or_else(|e| panic!("{e}"));
        p
    }
}

#[test]
fn fifo_is_refused_not_read() {
    check(
        "fifo",
        |t, dir| {
            let p = dir.join(format!("pipe.{}", t.ext));
            nix::unistd::mkfifo(&p, nix::sys::stat::Mode::from_bits_truncate(0o644))
                .unwrap_or_else(|e| panic!("{e}"));
            p
        },
        &[1, 2],
    );
}

#[test]
fn character_devices_are_refused_not_read() {
    for dev in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        check(
            dev,
            |t, dir| {
                let p = dir.join(format!("dev.{}", t.ext));
                std::os::unix::fs::symlink(dev, &p).unwrap_or_else(|e| panic!("{e}"));
                p
            },
            &[1, 2],
        );
    }
}

#[test]
fn a_socket_is_refused() {
    check(
        "socket",
        |t, dir| {
            let p = dir.join(format!("sock.{}", t.ext));
            let l = std::os::unix::net::UnixListener::bind(&p).unwrap_or_else(|e| panic!("{e}"));
            // The socket file stays after the listener is dropped.
            drop(l);
            p
        },
        &[1, 2],
    );
}

#[test]
fn a_dangling_symlink_is_reported() {
    check(
        "dangling",
        |t, dir| {
            let p = dir.join(format!("dangling.{}", t.ext));
            std::os::unix::fs::symlink(dir.join("nowhere"), &p).unwrap_or_else(|e| panic!("{e}"));
            p
        },
        &[1, 2],
    );
}

#[test]
fn an_unreadable_file_is_reported() {
    if nix::unistd::Uid::effective().is_root() {
        // Root reads a mode-000 file; a missing file is the unreadable case.
        check(
            "missing",
            |t, dir| dir.join(format!("missing.{}", t.ext)),
            &[1, 2],
        );
        return;
    }
    check(
        "unreadable",
        |t, dir| {
            let p = dir.join(format!("secret.{}", t.ext));
            std::fs::write(&p, GOOD_JOB).unwrap_or_else(|e| panic!("{e}"));
            std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o000))
                .unwrap_or_else(|e| panic!("{e}"));
            p
        },
        &[1, 2],
    );
}

/// Bytes that are odd but not unreadable: reported as problems in the file,
/// never a crash; the good file beside them is still done.
fn check_content(case: &str, name: &str, data: &[u8]) {
    for t in TOOLS {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let inputs = d.path().join("in");
        std::fs::create_dir(&inputs).unwrap_or_else(|e| panic!("{e}"));
        let g = good(t, &inputs);
        let bad = bytes(name, data)(t, &inputs);
        let o = run(t, d.path(), &[g, bad]);
        assert!(
            o.code.is_some_and(|c| (0..=2).contains(&c)),
            "{case}/{}: exit {:?}\n{}",
            t.name,
            o.code,
            o.stderr
        );
        assert!(
            !o.stderr.contains("panicked"),
            "{case}/{}: {}",
            t.name,
            o.stderr
        );
        assert!(
            good_done(t, &o),
            "{case}/{}: the good file was not processed\n{}",
            t.name,
            o.stderr
        );
    }
}

#[test]
fn odd_bytes_never_crash() {
    check_content(
        "non-utf8",
        "latin1",
        b"description \"caf\xe9\"\nexec /bin/true\n",
    );
    check_content("nul", "nul", b"exec /bin/true\0\nscript\n\0\nend script\n");
    check_content("crlf", "crlf", b"description \"x\"\r\nexec /bin/true\r\n");
    check_content("no final newline", "nonl", b"exec /bin/true");
    check_content("empty", "empty", b"");
    check_content(
        "binary",
        "binary",
        &(0u8..=255).cycle().take(4096).collect::<Vec<u8>>(),
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let mut text = b"start on ".to_vec();
    text.extend(std::iter::repeat_n(b'(', 100_000));
    text.extend(b"a");
    text.extend(std::iter::repeat_n(b')', 100_000));
    text.extend(b"\nexec /bin/true\n");
    check_content("nesting", "deep", &text);
}

#[test]
fn huge_inputs_finish() {
    // 100 000 stanzas.
    let mut many = String::new();
    for i in 0..100_000 {
        many.push_str(&format!("env V{i}=x\n"));
    }
    check_content("stanzas", "many", many.as_bytes());
    // A 20 MB file.
    let line = "# padding padding padding padding padding padding padding\n";
    let big: String = std::iter::repeat_n(line, 20 * 1024 * 1024 / line.len()).collect();
    check_content("20MB", "big", format!("{big}exec /bin/true\n").as_bytes());
}

#[test]
fn a_directory_symlink_loop_is_reported_once_and_the_walk_goes_on() {
    for t in TOOLS.iter().filter(|t| t.walks) {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let inputs = d.path().join("in");
        std::fs::create_dir_all(inputs.join("sub")).unwrap_or_else(|e| panic!("{e}"));
        good(t, &inputs);
        std::os::unix::fs::symlink(&inputs, inputs.join("sub/loop"))
            .unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(
            inputs.join("nowhere"),
            inputs.join(format!("dangling.{}", t.ext)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let o = run(t, d.path(), std::slice::from_ref(&inputs));
        assert!(!o.stderr.contains("panicked"), "{}: {}", t.name, o.stderr);
        assert!(
            good_done(t, &o),
            "{}: good file not processed\n{}",
            t.name,
            o.stderr
        );
        assert!(
            o.stderr.contains("dangling") || o.stdout.contains("dangling"),
            "{}: the dangling symlink is not reported\n{}",
            t.name,
            o.stderr
        );
        // systemd2upstart reads one directory level (units are not nested).
        let all = format!("{}{}", o.stdout, o.stderr);
        let loops = all.lines().filter(|l| l.contains("loop")).count();
        let want = usize::from(t.name != "systemd2upstart");
        assert_eq!(
            loops, want,
            "{}: the loop is reported {loops} times\n{}",
            t.name, o.stderr
        );
        assert!(
            o.code.is_some_and(|c| c == 1 || c == 2),
            "{}: {:?}",
            t.name,
            o.code
        );
    }
}

#[test]
fn a_fifo_inside_a_walked_directory_is_reported_and_skipped() {
    for t in TOOLS.iter().filter(|t| t.walks) {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let inputs = d.path().join("in");
        std::fs::create_dir(&inputs).unwrap_or_else(|e| panic!("{e}"));
        good(t, &inputs);
        nix::unistd::mkfifo(
            &inputs.join(format!("pipe.{}", t.ext)),
            nix::sys::stat::Mode::from_bits_truncate(0o644),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let o = run(t, d.path(), std::slice::from_ref(&inputs));
        assert!(
            good_done(t, &o),
            "{}: good file not processed\n{}",
            t.name,
            o.stderr
        );
        assert!(
            o.stderr.contains("pipe.") || o.stdout.contains("pipe."),
            "{}: the FIFO is not reported\n{}",
            t.name,
            o.stderr
        );
        assert!(
            o.code.is_some_and(|c| c == 1 || c == 2),
            "{}: {:?}",
            t.name,
            o.code
        );
    }
}

#[test]
fn upstart_run_refuses_non_regular_files_at_once() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let fifo = d.path().join("pipe.conf");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    for f in [fifo.as_path(), Path::new("/dev/zero")] {
        let out = Command::cargo_bin("upstart-run")
            .unwrap_or_else(|e| panic!("{e}"))
            .args(["--foreground", "--log-dir"])
            .arg(d.path())
            .arg(f)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", f.display());
        assert!(
            err.contains(&f.display().to_string()) && err.contains("not a regular file"),
            "{err}"
        );
    }
}
