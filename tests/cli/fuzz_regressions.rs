//! Every input the fuzzers found (`fuzz/regressions/<target>/`) and every
//! seed they start from, replayed through the fuzzers' own checks
//! (`upstart_tools::fuzzing`), so a fixed crash stays fixed without
//! nightly Rust or cargo-fuzz.

use crate::common::{corpus_dir, root};
use std::path::{Path, PathBuf};
use upstart_tools::fuzzing;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    out.sort();
    out
}

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = root().join("fuzz/regressions").join(target);
    let found = files(&dir);
    for f in &found {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let r = std::panic::catch_unwind(|| check(&bytes));
        assert!(r.is_ok(), "{} fails again", f.display());
    }
    found.len()
}

#[test]
fn job_regressions() {
    eprintln!("{} job regressions", replay("job", fuzzing::job));
}

#[test]
fn event_expr_regressions() {
    eprintln!(
        "{} event regressions",
        replay("event_expr", fuzzing::event_expr)
    );
}

#[test]
fn systemd_unit_regressions() {
    eprintln!(
        "{} unit regressions",
        replay("systemd_unit", fuzzing::systemd_unit)
    );
}

/// The seeds: the fixtures (and the shared corpus, when present) hold the
/// properties too, so the fuzzers start from inputs that pass.
#[test]
fn seeds_hold_the_properties() {
    let mut jobs: Vec<PathBuf> = files(&root().join("fixtures"))
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "conf" || e == "override")
        })
        .collect();
    let mut units: Vec<PathBuf> = files(&root().join("fixtures"))
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "service" || e == "socket" || e == "timer")
        })
        .collect();
    if let Some(d) = corpus_dir("upstart") {
        jobs.extend(files(&d));
    }
    if let Some(d) = corpus_dir("systemd") {
        units.extend(files(&d));
    }
    let mut failures = Vec::new();
    for (list, check) in [
        (&jobs, fuzzing::job as fn(&[u8])),
        (&units, fuzzing::systemd_unit),
    ] {
        for f in list {
            let Ok(bytes) = std::fs::read(f) else {
                continue;
            };
            if std::panic::catch_unwind(|| check(&bytes)).is_err() {
                failures.push(f.display().to_string());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} seeds fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(jobs.len() > 10 && !units.is_empty());
}
