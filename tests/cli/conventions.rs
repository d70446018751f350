//! Conventions every binary keeps (issue 7): `--version`, short and long
//! help, no colour off a terminal, a closed stdout ends quietly, and paths in
//! messages are printed as the user typed them.

use crate::common::root;
use assert_cmd::cargo::cargo_bin;
use std::process::{Command, Stdio};

const BINARIES: &[&str] = &[
    "upstart-tools",
    "upstart-lint",
    "upstart2systemd",
    "systemd2upstart",
    "upstart-run",
];

const SUBCOMMANDS: &[&str] = &[
    "parse",
    "fmt",
    "lint",
    "convert",
    "exec",
    "systemd2upstart",
    "completions",
    "man",
];

fn output(bin: &str, args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin(bin))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .unwrap_or_else(|e| panic!("{bin}: {e}"))
}

#[test]
fn every_binary_and_subcommand_prints_its_version() {
    let version = env!("CARGO_PKG_VERSION");
    for bin in BINARIES {
        let out = output(bin, &["--version"]);
        assert!(out.status.success(), "{bin} --version");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{bin} {version}\n")
        );
    }
    for sub in SUBCOMMANDS {
        let out = output("upstart-tools", &[sub, "--version"]);
        assert!(out.status.success(), "upstart-tools {sub} --version");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(version),
            "upstart-tools {sub} --version"
        );
    }
}

#[test]
fn short_help_is_short_and_long_help_has_the_exit_codes() {
    for bin in BINARIES {
        let short = output(bin, &["-h"]);
        let long = output(bin, &["--help"]);
        assert!(short.status.success() && long.status.success(), "{bin}");
        let (short, long) = (
            String::from_utf8_lossy(&short.stdout),
            String::from_utf8_lossy(&long.stdout),
        );
        assert!(
            short.len() < long.len(),
            "{bin}: -h is not shorter than --help"
        );
        assert!(
            long.contains("Exit codes:"),
            "{bin} --help lacks the exit codes"
        );
        assert!(
            !short.contains("Exit codes:"),
            "{bin} -h shows the exit codes"
        );
    }
}

/// A directory of `n` jobs with problems and `n` units, so every command has
/// output, and the paths the tests pass.
struct JobSet {
    _dir: tempfile::TempDir,
    dir: String,
    jobs: Vec<String>,
    unit: String,
}

fn job_set(n: usize) -> JobSet {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut jobs = Vec::new();
    for i in 0..n {
        let job = dir.path().join(format!("job{i}.conf"));
        std::fs::write(
            &job,
            "start on runlevel [2345]\nexec /usr/bin/daemon --port 80 ; echo done\nbogus stanza\n",
        )
        .expect("write job");
        jobs.push(job.to_string_lossy().into_owned());
        std::fs::write(
            dir.path().join(format!("unit{i}.service")),
            "[Service]\nExecStart=/usr/bin/daemon\nPrivateTmp=yes\n",
        )
        .expect("write unit");
    }
    JobSet {
        dir: dir.path().to_string_lossy().into_owned(),
        unit: dir
            .path()
            .join("unit0.service")
            .to_string_lossy()
            .into_owned(),
        jobs,
        _dir: dir,
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let set = job_set(300);
    let mut parse_all = vec!["parse"];
    parse_all.extend(set.jobs.iter().map(String::as_str));
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("upstart-tools", parse_all),
        ("upstart-tools", vec!["fmt", "fixtures/my_program.conf"]),
        ("upstart-lint", vec![&set.dir]),
        ("upstart-lint", vec!["--format", "json", &set.dir]),
        ("upstart2systemd", vec![&set.jobs[0]]),
        ("systemd2upstart", vec![&set.unit]),
        ("upstart-tools", vec!["man"]),
        ("upstart-tools", vec!["completions", "bash"]),
        ("upstart-lint", vec!["--explain", "UL302"]),
    ];
    for (bin, args) in cases {
        let mut child = Command::new(cargo_bin(bin))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{bin}: {e}"));
        // Close the reading end at once, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(
            out.status.code(),
            Some(101),
            "{bin} {args:?} panicked: {stderr}"
        );
        assert!(
            out.status.code().is_some(),
            "{bin} {args:?} killed by a signal"
        );
        for noise in ["panicked", "Broken pipe", "os error 32"] {
            assert!(!stderr.contains(noise), "{bin} {args:?}: {stderr}");
        }
    }
}

#[test]
fn no_colour_off_a_terminal() {
    let set = job_set(2);
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("upstart-lint", vec![&set.dir]),
        ("upstart-tools", vec!["parse", &set.jobs[0]]),
        ("upstart2systemd", vec![&set.jobs[0]]),
        ("systemd2upstart", vec![&set.unit]),
        ("upstart-lint", vec!["--nope"]),
    ];
    for (bin, args) in cases {
        let out = output(bin, &args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !bytes.windows(2).any(|w| w == b"\x1b["),
                "{bin} {args:?} coloured its {stream} on a pipe"
            );
        }
    }
}

#[test]
fn paths_are_printed_as_typed() {
    let typed = "./fixtures/../fixtures/parse/err/missing-arguments.conf";
    for (bin, args) in [
        ("upstart-tools", vec!["parse", typed]),
        ("upstart-lint", vec!["--format", "concise", typed]),
        ("upstart2systemd", vec![typed]),
        ("upstart-run", vec!["--foreground", typed]),
    ] {
        let out = output(bin, &args);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            all.contains(typed),
            "{bin} {args:?} does not name {typed}:\n{all}"
        );
    }
    let missing = "./no/such/dir/../job.conf";
    for (bin, args) in [
        ("upstart-tools", vec!["parse", missing]),
        ("upstart-lint", vec![missing]),
        ("upstart2systemd", vec![missing]),
        ("systemd2upstart", vec!["./no/such.service"]),
        ("upstart-run", vec!["--foreground", missing]),
    ] {
        let out = output(bin, &args);
        assert_eq!(out.status.code(), Some(2), "{bin} {args:?}");
        // upstart-lint reports unreadable inputs with its findings, on stdout.
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let name = args.last().copied().unwrap_or_default();
        assert!(all.contains(name), "{bin} does not name {name}: {all}");
    }
}
