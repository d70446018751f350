//! The systemd unit parser on real units, and the `systemd2upstart` CLI.

use crate::common::{corpus_dir, files_in};
use std::path::Path;
use upstart_tools::convert::systemd_unit::{load_with_dropins, parse_exec, parse_unit};

/// Parse every unit file in `dir`; the files with errors, with reasons.
fn parse_all(dir: &Path) -> (usize, Vec<String>) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|x| {
                    matches!(
                        x.to_str(),
                        Some("service" | "socket" | "target" | "timer" | "mount" | "path")
                    )
                })
        })
        .collect();
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let (unit, errors) = match load_with_dropins(f) {
            Ok(r) => r,
            Err(e) => {
                bad.push(format!("{}: cannot read: {e}", f.display()));
                continue;
            }
        };
        for (path, e) in &errors {
            bad.push(format!("{}:{:?}: {}", path.display(), e.span, e.message));
        }
        for s in &unit.sections {
            for e in s.entries.iter().filter(|e| e.key.starts_with("Exec")) {
                if let Err(m) = parse_exec(&e.value) {
                    bad.push(format!("{}: {}={}: {m}", f.display(), e.key, e.value));
                }
            }
        }
    }
    (files.len(), bad)
}

#[test]
fn shared_corpus_parses_without_errors() {
    let Some(dir) = corpus_dir("systemd") else {
        return;
    };
    let (n, bad) = parse_all(&dir);
    // Some corpus files are build templates (`@SBINDIR@/postfix`): their
    // Exec lines are refused by systemd too until the build substitutes
    // the placeholders. Anything else is a parser bug or a broken unit.
    let (templates, other): (Vec<&String>, Vec<&String>) =
        bad.iter().partition(|m| has_build_placeholder(m));
    let mut template_units: Vec<&str> = templates
        .iter()
        .filter_map(|m| m.split(": Exec").next())
        .collect();
    template_units.dedup();
    eprintln!(
        "{}: {n} units; {} with Exec lines refused for build placeholders (@VAR@): {} lines; {} other problems",
        dir.display(),
        template_units.len(),
        templates.len(),
        other.len()
    );
    assert!(n > 100, "corpus unexpectedly small: {n}");
    assert!(
        other.is_empty(),
        "units with errors:\n{}",
        other
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Whether a problem line is about an `@NAME@` build placeholder in argv[0].
fn has_build_placeholder(message: &str) -> bool {
    message
        .split_once("executable path `")
        .is_some_and(|(_, rest)| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                .collect();
            !name.is_empty() && rest[name.len()..].starts_with('@')
        })
}

#[test]
fn installed_units_parse_without_errors() {
    let dir = Path::new("/lib/systemd/system");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let (n, bad) = parse_all(dir);
    eprintln!("{}: {n} units, {} problems", dir.display(), bad.len());
    assert!(bad.is_empty(), "units with errors:\n{}", bad.join("\n"));
}

#[test]
fn corpus_values_round_trip_through_spans() {
    // Every single-line value is exactly the text its span covers.
    let Some(dir) = corpus_dir("systemd") else {
        return;
    };
    for f in files_in(&dir, "service") {
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let (unit, _) = parse_unit("x.service", &bytes);
        for s in &unit.sections {
            for e in &s.entries {
                let covered = String::from_utf8_lossy(&bytes[e.value_span.start..e.value_span.end]);
                if !covered.contains('\n') && !e.value.is_empty() {
                    assert_eq!(covered, e.value, "{}", f.display());
                }
                let key = String::from_utf8_lossy(&bytes[e.key_span.start..e.key_span.end]);
                assert_eq!(key, e.key, "{}", f.display());
            }
        }
    }
}

// ---- the systemd2upstart CLI -------------------------------------------

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn s2u_as(binary: &str, pre: &[&str], args: &[&str]) -> Out {
    let out = crate::common::bin(binary)
        .args(pre)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{binary}: {e}"));
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s2u(args: &[&str]) -> Out {
    s2u_as("systemd2upstart", &[], args)
}

const WEB: &str = "[Unit]\nDescription=Web server\n\n[Service]\nExecStart=/usr/sbin/web -f\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n";

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for (rel, text) in files {
        let p = dir.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }
    dir
}

fn path_str(dir: &tempfile::TempDir, rel: &str) -> String {
    dir.path().join(rel).display().to_string()
}

#[test]
fn cli_one_unit_on_stdout() {
    let t = tree(&[("web.service", WEB)]);
    let out = s2u(&[&path_str(&t, "web.service")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("description \"Web server\""),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("exec /usr/sbin/web -f") || out.stdout.contains("exec '/usr/sbin/web'"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("respawn"), "{}", out.stdout);
    // The printed job is valid upstart.
    let parsed = upstart_tools::syntax::parse(out.stdout.as_bytes());
    assert!(!parsed.has_errors(), "{:?}\n{}", parsed.errors, out.stdout);
    // The umbrella subcommand is the same command.
    let same = s2u_as(
        "upstart-tools",
        &["systemd2upstart"],
        &[&path_str(&t, "web.service")],
    );
    assert_eq!((same.code, same.stdout), (Some(0), out.stdout));
}

#[test]
fn cli_dropins_are_merged() {
    let t = tree(&[
        ("web.service", WEB),
        (
            "web.service.d/10-desc.conf",
            "[Unit]\nDescription=Overridden here\n",
        ),
    ]);
    let out = s2u(&[&path_str(&t, "web.service")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("description \"Overridden here\""),
        "{}",
        out.stdout
    );
}

#[test]
fn cli_syntax_errors_are_errors_and_exit_1() {
    let t = tree(&[(
        "bad.service",
        "[Service]\nExecStart=/bin/true\nthis is garbage\n",
    )]);
    let out = s2u(&[&path_str(&t, "bad.service")]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("bad.service:3:1: error: missing `=`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("/bin/true"),
        "still converted: {}",
        out.stdout
    );
}

#[test]
fn cli_usage_and_io_errors_exit_2() {
    let t = tree(&[("a.service", WEB), ("b.service", WEB)]);
    let out = s2u(&[&path_str(&t, "a.service"), &path_str(&t, "b.service")]);
    assert_eq!(out.code, Some(2), "two units need -o: {}", out.stderr);
    assert!(out.stderr.contains("use -o DIR"), "{}", out.stderr);
    let out = s2u(&[&path_str(&t, "missing.service")]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
    assert_eq!(s2u(&[]).code, Some(2));
    assert_eq!(
        s2u(&["--check", &path_str(&t, "a.service")]).code,
        Some(2),
        "--check needs -o"
    );
}

#[test]
fn cli_output_dir_force_check_diff() {
    let t = tree(&[
        ("units/web.service", WEB),
        (
            "units/getty@.service",
            "[Unit]\nDescription=Getty on %I\n[Service]\nExecStart=/sbin/agetty %I\n",
        ),
        ("units/ignored.socket", "[Socket]\nListenStream=80\n"),
    ]);
    let units = path_str(&t, "units");
    let outdir = path_str(&t, "out");
    // --check before anything is written: exit 1, nothing written.
    let out = s2u(&["-o", &outdir, "--check", &units]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("would be created"), "{}", out.stderr);
    assert!(!t.path().join("out").exists());
    // Write: a template gives NAME.conf; the .socket in a directory is skipped.
    let out = s2u(&["-o", &outdir, &units]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("2 units converted into 2 jobs"),
        "{}",
        out.stderr
    );
    let mut names: Vec<String> = std::fs::read_dir(t.path().join("out"))
        .unwrap_or_else(|e| panic!("read out: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["getty.conf", "web.conf"]);
    let getty = std::fs::read_to_string(t.path().join("out/getty.conf"))
        .unwrap_or_else(|e| panic!("read getty.conf: {e}"));
    assert!(getty.contains("instance"), "{getty}");
    // Same again: unchanged, exit 0; --check clean.
    let out = s2u(&["-o", &outdir, &units]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("0 written, 2 unchanged"),
        "{}",
        out.stderr
    );
    assert_eq!(s2u(&["-o", &outdir, "--check", &units]).code, Some(0));
    // A changed file is not overwritten without --force.
    let web = t.path().join("out/web.conf");
    std::fs::write(&web, "# mine\n").unwrap_or_else(|e| panic!("write: {e}"));
    let out = s2u(&["-o", &outdir, &units]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains("not overwritten (use --force)"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&web).unwrap_or_default(),
        "# mine\n"
    );
    // --diff shows it and writes nothing; --check reports it.
    let out = s2u(&["-o", &outdir, "--diff", &units]);
    assert_eq!(out.code, Some(1), "a difference: {}", out.stderr);
    assert!(
        out.stdout.contains("-# mine") && out.stdout.contains("+description \"Web server\""),
        "{}",
        out.stdout
    );
    let out = s2u(&["-o", &outdir, "--check", &units]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("web.conf: would change"),
        "{}",
        out.stderr
    );
    // --force overwrites, leaving no temporary file behind.
    let out = s2u(&["-o", &outdir, "--force", &units]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        std::fs::read_to_string(&web)
            .unwrap_or_default()
            .contains("Web server")
    );
    let leftovers = std::fs::read_dir(t.path().join("out"))
        .unwrap_or_else(|e| panic!("read out: {e}"))
        .count();
    assert_eq!(leftovers, 2);
}

#[test]
fn cli_template_beside_its_plain_unit_gets_its_own_job() {
    // foo.service owns foo.conf; foo@.service, converted in the same run,
    // becomes foo@.conf (the job `foo@`) with a note, both exit 0.
    let t = tree(&[
        ("u/foo.service", WEB),
        (
            "u/foo@.service",
            "[Service]\nEnvironment=PORT=%i\nExecStart=/bin/other --port ${PORT}\n",
        ),
    ]);
    let out = s2u(&["-o", &path_str(&t, "out"), &path_str(&t, "u")]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "foo@.service: note: written as foo@.conf (the job `foo@`): foo.conf is the job of foo.service, converted in the same run; start an instance with `start foo@ PORT=NAME`"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("2 units converted into 2 jobs"),
        "{}",
        out.stderr
    );
    let read = |n: &str| {
        std::fs::read_to_string(t.path().join("out").join(n))
            .unwrap_or_else(|e| panic!("read {n}: {e}"))
    };
    assert!(read("foo.conf").contains("Web server"));
    let template = read("foo@.conf");
    assert!(
        template.contains("instance $PORT\n") && template.contains("/bin/other --port"),
        "{template}"
    );
    // upstart loads it: a job file name the linter accepts (no UL602).
    let lint = crate::common::bin("upstart-lint")
        .args(["--format", "concise"])
        .arg(t.path().join("out"))
        .output()
        .unwrap_or_else(|e| panic!("upstart-lint: {e}"));
    let lint_out = String::from_utf8_lossy(&lint.stdout);
    assert!(!lint_out.contains("UL602"), "{lint_out}");
    // The template alone keeps the usual name.
    let alone = s2u(&[
        "-o",
        &path_str(&t, "alone"),
        &path_str(&t, "u/foo@.service"),
    ]);
    assert_eq!(alone.code, Some(0), "{}", alone.stderr);
    assert!(t.path().join("alone/foo.conf").is_file());
}

#[test]
fn cli_two_units_for_one_job_name_conflict() {
    // An instance unit file (foo@bar.service) and the plain unit both want
    // foo.conf: the second one is refused (exit 2, as a refused overwrite).
    let t = tree(&[
        ("u/foo.service", WEB),
        ("u/foo@bar.service", "[Service]\nExecStart=/bin/other x\n"),
    ]);
    let out = s2u(&["-o", &path_str(&t, "out"), &path_str(&t, "u")]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains("also produces foo.conf"),
        "{}",
        out.stderr
    );
}

#[test]
fn cli_whole_corpus_converts_to_valid_jobs() {
    let Some(dir) = corpus_dir("systemd") else {
        return;
    };
    let t = tree(&[]);
    let outdir = path_str(&t, "out");
    let out = s2u(&["-o", &outdir, &dir.display().to_string()]);
    assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
    let mut invalid = Vec::new();
    let mut count = 0;
    for f in files_in(&t.path().join("out"), "conf") {
        count += 1;
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let parsed = upstart_tools::syntax::parse(&bytes);
        if parsed.has_errors() {
            invalid.push(format!("{}: {:?}", f.display(), parsed.errors));
        }
    }
    assert!(count > 100, "only {count} jobs written: {}", out.stderr);
    assert!(
        invalid.is_empty(),
        "jobs upstart would reject:\n{}",
        invalid.join("\n")
    );
}
