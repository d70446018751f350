//! `upstart2systemd` / `upstart-tools convert`: the command-line contract
//! (stdout, `-o`, `--force`, `--check`, `--diff`, `--verify`, exit codes,
//! overrides, atomic writes) and the lint integration of the conversion
//! losses (UL5xx, off by default).

use crate::common::{bin, fixture, root};
use std::path::{Path, PathBuf};
use upstart_tools::diag::Diagnostic;
use upstart_tools::diag::Severity;
use upstart_tools::lint::config::{Config, Overrides, ShellcheckMode};
use upstart_tools::lint::registry;
use upstart_tools::lint::{Input, lint};
use upstart_tools::load::{ParsedFile, job_name};

/// The output of one run.
struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(binary: &str, args: &[&str], cwd: Option<&Path>) -> Out {
    let mut cmd = bin(binary);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = cmd
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{binary}: {e}"));
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn convert(args: &[&str]) -> Out {
    run("upstart2systemd", args, None)
}

/// A temporary directory of job files.
struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}")),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn s(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// The file names in `rel`, sorted (hidden ones too).
    fn list(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = match std::fs::read_dir(self.path(rel)) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        names
    }
}

const APACHE: &str =
    "description \"apache\"\nstart on runlevel [2345]\nexec /usr/sbin/apache2 -DFOREGROUND\n";
const TTY: &str = "description \"getty\"\ninstance $TTY\nrespawn\nexec /sbin/getty -8 38400 $TTY\n";
const EV: &str = "description \"ev\"\nstart on my_event\nexec /usr/bin/ev\n";

/// Jobs in `jobs/`: `net/apache` (a job in a subdirectory), `tty` (an
/// instance job) and `ev` (started by a custom event).
fn jobs() -> Tree {
    let t = Tree::new();
    t.write("jobs/net/apache.conf", APACHE);
    t.write("jobs/tty.conf", TTY);
    t.write("jobs/ev.conf", EV);
    t
}

const UNITS: [&str; 4] = [
    "ev.service",
    "my_event.target",
    "net-apache.service",
    "tty@.service",
];

// ------------------------------------------------------------------ stdout

#[test]
fn my_program_prints_the_service_and_its_event_target() {
    let out = convert(&["fixtures/my_program.conf"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // Two files, each after its header, separated by a blank line.
    let (service, target) = out
        .stdout
        .split_once("\n\n# my_event.target\n")
        .unwrap_or_else(|| panic!("no `# my_event.target` header:\n{}", out.stdout));
    let service = service
        .strip_prefix("# my_program.service\n")
        .unwrap_or_else(|| panic!("no `# my_program.service` header first:\n{}", out.stdout));
    assert!(service.contains("\nRestart=always\n"), "{service}");
    assert!(service.contains("\nType=simple\n"), "{service}");
    let exec = service
        .lines()
        .find(|l| l.starts_with("ExecStart="))
        .unwrap_or_else(|| panic!("no ExecStart=:\n{service}"));
    assert!(
        exec.starts_with("ExecStart=/bin/sh -ec \"cd /home/my_program/\\n")
            && exec.contains("exec /usr/local/rvm/wrappers/my_app/ruby my_program.rb"),
        "the tutorial's script runs: {exec}"
    );
    assert!(
        service.ends_with("\n[Install]\nWantedBy=my_event.target"),
        "{service}"
    );
    assert!(service.contains("\nAfter=my_event.target\n"), "{service}");
    assert!(target.starts_with("[Unit]\n"), "{target}");
    assert!(target.contains("\nStopWhenUnneeded=yes\n"), "{target}");
    assert!(!target.contains("[Service]"), "{target}");
    // The note says how to start it; the losses name file:line:col.
    assert!(
        out.stderr.contains("systemctl start my_event.target"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("note: "), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("fixtures/my_program.conf:8:10: info[UL510] "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("\n  help: start it with"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_lone_unit_is_printed_without_a_header() {
    let t = Tree::new();
    let job = t.write("apache.conf", APACHE);
    let out = convert(&[&job.display().to_string()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("[Unit]\nDescription=apache\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("# "), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("\nExecStart=/usr/sbin/apache2 -DFOREGROUND\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("[Install]\nWantedBy=multi-user.target\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("note: enable it with `systemctl enable apache.service`"),
        "{}",
        out.stderr
    );
}

#[test]
fn several_jobs_need_an_output_directory() {
    let t = jobs();
    let out = convert(&[&t.s("jobs")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("-o DIR"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = convert(&["--check", "fixtures/my_program.conf"]);
    assert_eq!(out.code, Some(2), "--check needs -o: {}", out.stderr);
}

// ---------------------------------------------------------------- writing

#[test]
fn output_directory_gets_one_file_per_unit_with_escaped_names() {
    let t = jobs();
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(t.list("out"), UNITS, "{}", out.stderr);
    // Each file is what the job alone prints.
    let alone = convert(&[&t.s("jobs/net/apache.conf")]);
    assert_eq!(t.read("out/net-apache.service"), alone.stdout);
    let tty = t.read("out/tty@.service");
    assert!(tty.contains("\nEnvironment=\"TTY=%I\"\n"), "{tty}");
    // `$TTY` is shell syntax: run through sh, as upstart does.
    assert!(
        tty.contains("\nExecStart=/bin/sh -ec \"exec /sbin/getty -8 38400 $$TTY\"\n"),
        "{tty}"
    );
    assert!(
        t.read("out/my_event.target")
            .contains("StopWhenUnneeded=yes")
    );
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(t.path("out/ev.service"))
            .unwrap_or_else(|e| panic!("{e}"))
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o644);
    // Notes of several jobs name their file.
    assert!(out.stderr.contains("ev.conf: note: "), "{}", out.stderr);
    assert!(
        out.stderr.contains("3 jobs converted into 4 units"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_existing_different_file_is_not_overwritten_without_force() {
    let t = jobs();
    t.write("out/ev.service", "# mine\n");
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(t.read("out/ev.service"), "# mine\n", "untouched");
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(t.list("out"), UNITS, "the other units are written");

    let out = convert(&["-o", &t.s("out"), "--force", &t.s("jobs")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(t.read("out/ev.service").contains("ExecStart=/usr/bin/ev\n"));

    // Identical files are fine without --force.
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("0 written, 4 unchanged"),
        "{}",
        out.stderr
    );
}

#[test]
fn writes_leave_no_temporary_files() {
    let t = jobs();
    for _ in 0..2 {
        let out = convert(&["-o", &t.s("out"), "--force", &t.s("jobs")]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(t.list("out"), UNITS);
    }
    // A failed write (the target is a directory) leaves nothing behind.
    t.write("out2/ev.service/keep", "");
    let out = convert(&["-o", &t.s("out2"), "--force", &t.s("jobs/ev.conf")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("cannot"), "{}", out.stderr);
    assert_eq!(t.list("out2"), ["ev.service", "my_event.target"]);
}

#[test]
fn check_reports_differences_and_writes_nothing() {
    let t = jobs();
    let out = convert(&["--check", "-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("would be created"), "{}", out.stderr);
    assert!(t.list("out").is_empty(), "nothing written");

    assert_eq!(convert(&["-o", &t.s("out"), &t.s("jobs")]).code, Some(0));
    let out = convert(&["--check", "-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);

    t.write("out/ev.service", "# edited\n");
    let out = convert(&["--check", "-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("{}: would change", t.s("out/ev.service"))),
        "{}",
        out.stderr
    );
    assert_eq!(t.read("out/ev.service"), "# edited\n", "untouched");
}

#[test]
fn diff_prints_unified_diffs_and_writes_nothing() {
    let t = jobs();
    t.write("out/ev.service", "# edited\n");
    // A difference under --diff is exit 1, as under --check and as
    // `upstart-lint --diff` (one rule for every command).
    let out = convert(&["--diff", "-o", &t.s("out"), &t.s("jobs/ev.conf")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "--- {}\n+++ {}\n",
            t.s("out/ev.service"),
            t.s("out/ev.service")
        )),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\n-# edited\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains("\n+ExecStart=/usr/bin/ev\n"),
        "{}",
        out.stdout
    );
    // The missing target is diffed against /dev/null.
    assert!(out.stdout.contains("--- /dev/null\n"), "{}", out.stdout);
    assert_eq!(t.read("out/ev.service"), "# edited\n");
    assert_eq!(t.list("out"), ["ev.service"]);

    // --check --diff: both the diff and exit 1.
    let out = convert(&["--check", "--diff", "-o", &t.s("out"), &t.s("jobs/ev.conf")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.contains("-# edited"));

    // No difference, no diff.
    assert_eq!(
        convert(&["-o", &t.s("out"), "--force", &t.s("jobs/ev.conf")]).code,
        Some(0)
    );
    let out = convert(&["--diff", "-o", &t.s("out"), &t.s("jobs/ev.conf")]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(0), ""));
}

#[test]
fn units_of_the_same_name_with_other_contents_are_an_error() {
    let t = Tree::new();
    t.write("jobs/a/b.conf", "exec /usr/bin/one\n");
    t.write("jobs/a-b.conf", "exec /usr/bin/two\n");
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains("also produces a-b.service"),
        "{}",
        out.stderr
    );
    assert_eq!(t.list("out"), ["a-b.service"]);
}

// ------------------------------------------------------------- exit codes

#[test]
fn a_job_with_parse_errors_is_not_converted_and_the_others_are() {
    let t = jobs();
    t.write("jobs/broken.conf", "exec /usr/bin/x\nrespawn everything\n");
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(t.list("out"), UNITS, "broken.service is not written");
    assert!(
        out.stderr.contains("broken.conf: not converted"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("UL0"),
        "the parse error is shown: {}",
        out.stderr
    );
    assert!(out.stderr.contains("1 not converted"), "{}", out.stderr);

    // Alone, nothing on stdout.
    let out = convert(&[&t.s("jobs/broken.conf")]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(1), ""));
}

#[test]
fn a_missing_input_is_an_io_error() {
    let out = convert(&["fixtures/no-such-job.conf"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("no-such-job.conf"), "{}", out.stderr);
    assert!(out.stdout.is_empty());

    // With other jobs: they are converted, the status stays 2.
    let t = jobs();
    let out = convert(&["-o", &t.s("out"), "nope.conf", &t.s("jobs/ev.conf")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(t.list("out"), ["ev.service", "my_event.target"]);
}

#[test]
fn losses_are_warnings_and_exit_zero() {
    let t = Tree::new();
    let job = t.write(
        "j.conf",
        "start on runlevel [2345]\nstop on my_event\nexport X\nexec /bin/j\n",
    );
    let out = convert(&[&job.display().to_string()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let job = job.display().to_string();
    assert!(
        out.stderr.contains(&format!("{job}:2:9: warning[UL511] ")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("{job}:3:8: warning[UL501] ")),
        "{}",
        out.stderr
    );
    // In file order, whatever order the converter found them in.
    let at = |needle: &str| out.stderr.find(needle).unwrap_or(usize::MAX);
    assert!(at("[UL511]") < at("[UL501]"), "{}", out.stderr);
}

// --------------------------------------------------------------- overrides

#[test]
fn the_override_is_merged_first() {
    let t = Tree::new();
    t.write("jobs/web.conf", APACHE);
    let out = convert(&[&t.s("jobs/web.conf")]);
    assert!(
        out.stdout
            .contains("[Install]\nWantedBy=multi-user.target\n"),
        "{}",
        out.stdout
    );

    t.write("jobs/web.override", "manual\nenv PROXY\n");
    let out = convert(&[&t.s("jobs/web.conf")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        !out.stdout.contains("[Install]"),
        "manual drops [Install]: {}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\nPassEnvironment=PROXY\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stderr.contains("systemctl enable"), "{}", out.stderr);
    // A loss the override causes points into the override.
    assert!(
        out.stderr.contains(&format!(
            "{}:2:5: warning[UL509] ",
            t.s("jobs/web.override")
        )),
        "{}",
        out.stderr
    );

    // Naming the override converts its job.
    let via_override = convert(&[&t.s("jobs/web.override")]);
    assert_eq!(via_override.stdout, out.stdout);

    // Directories: the override is merged, not converted on its own.
    let out = convert(&["-o", &t.s("out"), &t.s("jobs")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(t.list("out"), ["web.service"]);
    assert!(!t.read("out/web.service").contains("[Install]"));
}

#[test]
fn an_override_with_errors_is_ignored_like_upstart_does() {
    let t = Tree::new();
    t.write("web.conf", APACHE);
    t.write("web.override", "manual\nrespawn everything\n");
    let out = convert(&[&t.s("web.conf")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stdout.contains("[Install]"),
        "converted without it: {}",
        out.stdout
    );
    assert!(
        out.stderr.contains("web.override: warning: ignored"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------- umbrella

#[test]
fn the_umbrella_command_behaves_the_same() {
    let direct = convert(&["fixtures/my_program.conf"]);
    let umbrella = run(
        "upstart-tools",
        &["convert", "fixtures/my_program.conf"],
        None,
    );
    assert_eq!(umbrella.code, direct.code);
    assert_eq!(umbrella.stdout, direct.stdout);
    assert_eq!(umbrella.stderr, direct.stderr);

    let t = jobs();
    let out = run(
        "upstart-tools",
        &["convert", "-o", &t.s("out"), &t.s("jobs")],
        None,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(t.list("out"), UNITS);
    let out = run(
        "upstart-tools",
        &["convert", "--check", "-o", &t.s("out"), &t.s("jobs")],
        None,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let out = run("upstart-tools", &["convert", "missing.conf"], None);
    assert_eq!(out.code, Some(2));
}

// ------------------------------------------------------------------ verify

fn has_systemd_analyze() -> bool {
    std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn verify_runs_systemd_analyze_when_installed() {
    let t = jobs();
    // Without systemd-analyze on PATH: skipped, status unchanged.
    let out = bin("upstart2systemd")
        .env("PATH", "")
        .args(["--verify", "fixtures/my_program.conf"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not installed; skipped"));

    if !has_systemd_analyze() {
        eprintln!("skipped: systemd-analyze is not installed");
        return;
    }
    let out = convert(&["--verify", "-o", &t.s("out"), &t.s("jobs/ev.conf")]);
    // /usr/bin/ev does not exist: systemd-analyze says so.
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("/usr/bin/ev"), "{}", out.stderr);

    t.write(
        "ok.conf",
        "start on my_event\nscript\n  echo hi\nend script\n",
    );
    let out = convert(&["--verify", "-o", &t.s("out2"), &t.s("ok.conf")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("2 units OK"), "{}", out.stderr);
    // On stdout: verified in a temporary directory whose path is not shown.
    let out = convert(&["--verify", &t.s("ok.conf")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("2 units OK"), "{}", out.stderr);
}

// ------------------------------------------------------- lint integration

/// (code, severity, line of the finding in `fixtures/lint/<code>/bad.conf`;
/// None where the converter gives no position yet).
const LOSS_CASES: &[(&str, Severity, Option<usize>)] = &[
    ("UL501", Severity::Warning, Some(3)),
    ("UL502", Severity::Warning, Some(2)),
    ("UL503", Severity::Warning, Some(2)),
    ("UL504", Severity::Warning, Some(4)),
    ("UL506", Severity::Info, Some(3)),
    ("UL507", Severity::Warning, Some(2)),
    ("UL508", Severity::Info, Some(4)),
    ("UL509", Severity::Warning, Some(3)),
    ("UL510", Severity::Info, Some(2)),
    ("UL511", Severity::Warning, Some(3)),
    ("UL512", Severity::Warning, Some(4)),
    ("UL513", Severity::Info, Some(3)),
    ("UL514", Severity::Info, Some(4)),
    ("UL515", Severity::Info, Some(4)),
];

fn config(select: Option<&str>) -> Config {
    let overrides = Overrides {
        shellcheck: Some(ShellcheckMode::Off),
        select: select.map(|s| vec![s.to_string()]),
        ..Overrides::default()
    };
    Config::build(None, &overrides).unwrap_or_else(|e| panic!("config: {e}"))
}

fn lint_files(paths: &[PathBuf], config: Config) -> Vec<Diagnostic> {
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| Input {
            name: job_name(p, None),
            file: ParsedFile::from_bytes(
                p,
                std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            ),
            config: 0,
            report: true,
        })
        .collect();
    lint(&inputs, &[config]).diagnostics
}

fn loss_codes(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.code.starts_with("UL5"))
        .map(|d| format!("{}@{}", d.code, d.line))
        .collect()
}

#[test]
fn every_loss_code_of_the_converter_is_an_opt_in_rule() {
    // The converter is the directory src/convert/to_systemd/: all its files.
    let dir = root().join("src/convert/to_systemd");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let src: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    let mut emitted: Vec<&str> = src
        .match_indices("Code::UL5")
        .filter_map(|(i, _)| src.get(i + 6..i + 11))
        .collect();
    emitted.sort_unstable();
    emitted.dedup();
    assert!(!emitted.is_empty());
    for code in &emitted {
        let rule = registry::find(code).unwrap_or_else(|| panic!("{code} is not registered"));
        assert!(!rule.default, "{code} must be off by default");
        assert!(
            LOSS_CASES.iter().any(|c| c.0 == *code),
            "{code} has no case in LOSS_CASES"
        );
    }
    for rule in registry::all().iter().filter(|r| r.code.starts_with("UL5")) {
        assert!(
            emitted.contains(&rule.code.as_str()),
            "{} is registered but the converter never emits it",
            rule.code
        );
    }
}

#[test]
fn loss_rules_report_only_when_selected() {
    for (code, severity, line) in LOSS_CASES {
        let bad = fixture(&format!("lint/{code}/bad.conf"));
        let good = fixture(&format!("lint/{code}/good.conf"));
        let default_run = lint_files(std::slice::from_ref(&bad), config(None));
        assert!(
            loss_codes(&default_run).is_empty(),
            "{code}: reported by default: {:?}",
            loss_codes(&default_run)
        );
        let selected = lint_files(std::slice::from_ref(&bad), config(Some("UL5")));
        let got: Vec<&Diagnostic> = selected.iter().filter(|d| d.code == *code).collect();
        assert_eq!(
            got.len(),
            1,
            "{code}/bad.conf: one finding; all were {:?}",
            loss_codes(&selected)
        );
        assert_eq!(got[0].severity, *severity, "{code}");
        if let Some(line) = line {
            assert_eq!(got[0].line, *line, "{code}: {}", got[0].message);
        }
        let clean = lint_files(std::slice::from_ref(&good), config(Some("UL5")));
        assert!(
            !clean.iter().any(|d| d.code == *code),
            "{code}/good.conf: {:?}",
            loss_codes(&clean)
        );
    }
}

#[test]
fn each_loss_rule_can_be_selected_alone() {
    // The conversion runs in the lowest enabled UL5xx rule; selecting a
    // higher one alone must still report it, and nothing else.
    for (code, _, _) in LOSS_CASES {
        let bad = fixture(&format!("lint/{code}/bad.conf"));
        let diags = lint_files(std::slice::from_ref(&bad), config(Some(code)));
        let got = loss_codes(&diags);
        assert!(!got.is_empty(), "--select {code}: nothing");
        assert!(
            got.iter().all(|c| c.starts_with(code)),
            "--select {code}: {got:?}"
        );
    }
}

#[test]
fn lint_and_converter_report_the_same_losses() {
    for (code, _, _) in LOSS_CASES {
        let path = format!("fixtures/lint/{code}/bad.conf");
        let lint_out = run(
            "upstart-lint",
            &[
                "--isolated",
                "--no-context",
                "--select",
                "UL5",
                "--format",
                "concise",
                &path,
            ],
            None,
        );
        let conv_out = convert(&[&path]);
        let loss_lines = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| l.contains("[UL5"))
                .map(str::to_string)
                .collect()
        };
        let from_lint = loss_lines(&lint_out.stdout);
        assert!(!from_lint.is_empty(), "{path}: {}", lint_out.stderr);
        assert_eq!(from_lint, loss_lines(&conv_out.stderr), "{path}");
    }
}

#[test]
fn the_lint_binary_runs_loss_rules_on_request() {
    let path = "fixtures/lint/UL511/bad.conf";
    let default_run = run(
        "upstart-lint",
        &["--isolated", "--format", "concise", path],
        None,
    );
    assert!(
        !default_run.stdout.contains("[UL511]"),
        "{}",
        default_run.stdout
    );
    let extended = run(
        "upstart-lint",
        &[
            "--isolated",
            "--format",
            "concise",
            "--extend-select",
            "UL5",
            path,
        ],
        None,
    );
    assert_eq!(extended.code, Some(1), "a warning fails the run");
    assert!(
        extended
            .stdout
            .contains("fixtures/lint/UL511/bad.conf:3:9: warning[UL511] "),
        "{}",
        extended.stdout
    );
    let ignored = run(
        "upstart-lint",
        &[
            "--isolated",
            "--format",
            "concise",
            "--extend-select",
            "UL5",
            "--ignore",
            "UL511",
            path,
        ],
        None,
    );
    assert!(!ignored.stdout.contains("[UL511]"), "{}", ignored.stdout);
}

#[test]
fn lint_locates_losses_the_override_causes() {
    let t = Tree::new();
    t.write("web.conf", APACHE);
    let ovr = t.write("web.override", "env PROXY\n");
    // Both files linted: in the override.
    let diags = lint_files(&[t.path("web.conf"), ovr.clone()], config(Some("UL5")));
    let ul509: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "UL509").collect();
    assert_eq!(ul509.len(), 1, "{:?}", loss_codes(&diags));
    assert_eq!(ul509[0].file, ovr.display().to_string());
    assert_eq!((ul509[0].line, ul509[0].column), (1, 5));

    // The .conf alone (its override read as context): on the .conf's first
    // line, naming the override.
    let out = run(
        "upstart-lint",
        &["--select", "UL5", "--format", "concise", "web.conf"],
        Some(&t.path("")),
    );
    assert!(
        out.stdout.contains("web.conf:1:1: warning[UL509] ")
            && out.stdout.contains("(caused by web.override)"),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

#[test]
fn the_corpus_of_fixtures_converts_like_it_lints() {
    // The job directory mode of the linter and of the converter agree on a
    // job set with a subdirectory.
    let t = jobs();
    let out = run(
        "upstart-lint",
        &[
            "--isolated",
            "--select",
            "UL5",
            "--format",
            "concise",
            "jobs",
        ],
        Some(&t.path("")),
    );
    assert!(
        out.stdout.contains("jobs/ev.conf:2:10: info[UL510] "),
        "{}",
        out.stdout
    );
    let conv = run("upstart2systemd", &["-o", "out", "jobs"], Some(&t.path("")));
    assert!(
        conv.stderr.contains("jobs/ev.conf:2:10: info[UL510] "),
        "{}",
        conv.stderr
    );
}
