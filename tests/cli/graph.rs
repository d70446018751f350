//! `upstart-tools graph`: the DOT of the fixture job set (golden), SVG with
//! and without Graphviz, a broken job beside good ones, the corpus.

use crate::common::{Test, assert_snapshot, corpus_dir, fixture};

/// The goldens this file writes (checked for staleness in snapshots.rs).
pub(crate) const SNAPSHOTS: &[&str] = &["graph-fixtures"];

fn have_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn fixture_job_set_graph_matches_the_golden() {
    // Run from the fixture directory so job names are stable.
    let out = Test::new("upstart-tools")
        .args(["graph", "."])
        .current_dir(fixture("graph"))
        .expect_status(0)
        .run();
    assert_snapshot(
        SNAPSHOTS[0],
        "fixtures/graph/",
        "upstart-tools graph . (in fixtures/graph)",
        &out.stdout,
    );
}

#[test]
fn svg_is_rendered_by_dot() {
    if !have_dot() {
        eprintln!("skipped: Graphviz's dot is not installed");
        return;
    }
    let out = Test::new("upstart-tools")
        .args(["graph", "--format", "svg", "-o"])
        .tmp_arg("jobs.svg")
        .arg(fixture("graph"))
        .expect_status(0)
        .run();
    let text = std::fs::read_to_string(out.path("jobs.svg")).unwrap_or_default();
    assert!(text.contains("<svg") && text.contains(">web<"), "{text}");
    // An existing file is not replaced without --force.
    out.next("upstart-tools")
        .args(["graph", "--format", "svg", "-o"])
        .tmp_arg("jobs.svg")
        .arg(fixture("graph"))
        .expect_status(2)
        .stderr_contains("use --force")
        .run();
}

#[test]
fn svg_without_dot_says_how_to_get_it() {
    Test::new("upstart-tools")
        .args(["graph", "--format", "svg"])
        .arg(fixture("graph"))
        .env("PATH", "/nonexistent")
        .expect_status(2)
        .stderr_contains("needs Graphviz's `dot`")
        .stderr_contains("apt-get install graphviz")
        .expect_stdout("")
        .run();
}

#[test]
fn a_broken_job_is_reported_and_the_others_are_drawn() {
    Test::new("upstart-tools")
        .file("good.conf", "start on started other\nexec /bin/true\n")
        .file("other.conf", "start on startup\nexec /bin/true\n")
        .file("bad.conf", "start on (startup\nexec /bin/true\n")
        .arg("graph")
        .tmp_arg("")
        .expect_status(1)
        .stderr_contains("bad.conf")
        .stderr_contains("not drawn")
        .stdout_contains("\"job:other\" -> \"job:good\" [label=\"started\"];")
        .stdout_lacks("job:bad")
        .run();
}

#[test]
fn the_corpus_graphs_and_renders() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let out = Test::new("upstart-tools").arg("graph").arg(&dir).run();
    assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
    let dot = &out.stdout;
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
