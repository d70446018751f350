//! The systemd unit parser on real units, and the `systemd2upstart` CLI.

use crate::common::{corpus_dir, files_in};
use std::path::Path;
use upstart_tools::convert::systemd::{load_with_dropins, parse_exec, parse_unit};

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
