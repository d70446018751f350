//! `upstart-tools graph`: the DOT of the fixture job set (golden), SVG with
//! and without Graphviz, a broken job beside good ones, the corpus.

use crate::common::{assert_snapshot, corpus_dir, fixture};
use assert_cmd::Command;
use std::time::Duration;

/// The goldens this file writes (checked for staleness in snapshots.rs).
pub const SNAPSHOTS: &[&str] = &["graph-fixtures"];

fn graph() -> Command {
    let mut c = Command::cargo_bin("upstart-tools").unwrap_or_else(|e| panic!("{e}"));
    c.arg("graph").timeout(Duration::from_secs(60));
    c
}

fn have_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn fixture_job_set_graph_matches_the_golden() {
    // Run from the fixture directory so job names are stable.
    let out = graph()
        .arg(".")
        .current_dir(fixture("graph"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_snapshot(
        SNAPSHOTS[0],
        "fixtures/graph/",
        "upstart-tools graph . (in fixtures/graph)",
        &String::from_utf8_lossy(&out.stdout),
    );
}

#[test]
fn svg_is_rendered_by_dot() {
    if !have_dot() {
        eprintln!("skipped: Graphviz's dot is not installed");
        return;
    }
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let svg = d.path().join("jobs.svg");
    let out = graph()
        .args(["--format", "svg", "-o"])
        .arg(&svg)
        .arg(fixture("graph"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    assert!(text.contains("<svg") && text.contains(">web<"), "{text}");
    // An existing file is not replaced without --force.
    let again = graph()
        .args(["--format", "svg", "-o"])
        .arg(&svg)
        .arg(fixture("graph"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("use --force"));
}

#[test]
fn svg_without_dot_says_how_to_get_it() {
    let out = graph()
        .args(["--format", "svg"])
        .arg(fixture("graph"))
        .env("PATH", "/nonexistent")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs Graphviz's `dot`") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_broken_job_is_reported_and_the_others_are_drawn() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        d.path().join("good.conf"),
        "start on started other\nexec /bin/true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        d.path().join("other.conf"),
        "start on startup\nexec /bin/true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        d.path().join("bad.conf"),
        "start on (startup\nexec /bin/true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = graph()
        .arg(d.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let dot = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad.conf") && err.contains("not drawn"),
        "{err}"
    );
    assert!(
        dot.contains("\"job:other\" -> \"job:good\" [label=\"started\"];"),
        "{dot}"
    );
    assert!(!dot.contains("job:bad"), "{dot}");
}

#[test]
fn the_corpus_graphs_and_renders() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let out = graph().arg(&dir).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dot = String::from_utf8_lossy(&out.stdout);
    assert!(dot.matches(" -> ").count() > 100, "few edges:\n{dot}");
    if !have_dot() {
        eprintln!("skipped rendering: Graphviz's dot is not installed");
        return;
    }
    let mut child = std::process::Command::new("dot")
        .args(["-Tsvg", "-o", "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin
            .write_all(dot.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let res = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        res.status.success(),
        "dot rejects the corpus graph: {}",
        String::from_utf8_lossy(&res.stderr)
    );
}
