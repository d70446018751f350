//! Conventions every binary keeps (issue 7): `--version`, short and long
//! help, no colour off a terminal, a closed stdout ends quietly, and paths in
//! messages are printed as the user typed them.

use crate::common::Test;

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

// Runs here drop `NO_COLOR`, which a user's shell does not set.

#[test]
fn every_binary_and_subcommand_prints_its_version() {
    let version = env!("CARGO_PKG_VERSION");
    for bin in BINARIES {
        Test::new(bin)
            .env_remove("NO_COLOR")
            .arg("--version")
            .expect_status(0)
            .expect_stdout(&format!("{bin} {version}\n"))
            .run();
    }
    for sub in SUBCOMMANDS {
        Test::new("upstart-tools")
            .env_remove("NO_COLOR")
            .args([sub, "--version"])
            .expect_status(0)
            .stdout_contains(version)
            .run();
    }
}

#[test]
fn short_help_is_short_and_long_help_has_the_exit_codes() {
    for bin in BINARIES {
        let short = Test::new(bin)
            .env_remove("NO_COLOR")
            .arg("-h")
            .expect_status(0)
            .stdout_lacks("Exit codes:")
            .run();
        let long = Test::new(bin)
            .env_remove("NO_COLOR")
            .arg("--help")
            .expect_status(0)
            .stdout_contains("Exit codes:")
            .run();
        assert!(
            short.stdout.len() < long.stdout.len(),
            "{bin}: -h is not shorter than --help"
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
        // Close the reading end at once, as `| head -0` would.
        let out = Test::new(bin)
            .args(&args)
            .close_stdout()
            .stderr_lacks("panicked")
            .stderr_lacks("Broken pipe")
            .stderr_lacks("os error 32")
            .run();
        assert_ne!(out.status, Some(101), "panicked\n{}", out.report());
        assert!(out.status.is_some(), "killed by a signal\n{}", out.report());
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
        let out = Test::new(bin).env_remove("NO_COLOR").args(&args).run();
        for (stream, bytes) in [
            ("stdout", out.stdout_bytes.as_slice()),
            ("stderr", out.stderr.as_bytes()),
        ] {
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
        let out = Test::new(bin).env_remove("NO_COLOR").args(&args).run();
        let all = format!("{}{}", out.stdout, out.stderr);
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
        let out = Test::new(bin)
            .env_remove("NO_COLOR")
            .args(&args)
            .expect_status(2)
            .run();
        // upstart-lint reports unreadable inputs with its findings, on stdout.
        let all = format!("{}{}", out.stdout, out.stderr);
        let name = args.last().copied().unwrap_or_default();
        assert!(all.contains(name), "{bin} does not name {name}: {all}");
    }
}
