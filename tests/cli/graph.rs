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

/// The node ids of a DOT text (`"job:web"`, `"event:startup"`), in order.
fn dot_nodes(dot: &str) -> Vec<String> {
    dot.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"') && !l.contains(" -> "))
        .filter_map(|l| l.split(" [").next())
        .map(|id| id.trim_matches('"').to_string())
        .collect()
}

/// The clusters of a DOT text in order, each with its node ids.
fn dot_clusters(dot: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in dot.lines() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("subgraph \"") {
            let name = rest.split('"').next().unwrap_or_default().to_string();
            out.push((name, Vec::new()));
            inside = true;
        } else if l == "}" {
            inside = false;
        } else if inside
            && l.starts_with('"')
            && let Some(id) = l.split(" [").next()
            && let Some((_, members)) = out.last_mut()
        {
            members.push(id.trim_matches('"').to_string());
        }
    }
    out
}

fn graph_of_fixtures(args: &[&str]) -> String {
    Test::new("upstart-tools")
        .arg("graph")
        .args(args)
        .arg(".")
        .current_dir(fixture("graph"))
        .expect_status(0)
        .run()
        .stdout
}

#[test]
fn focus_draws_what_leads_to_a_job_and_what_it_leads_to() {
    // web starts on `started dbus and static-network-up`, stops on `stopping
    // dbus or runlevel [!2345]`, emits web-ready; worker follows it.
    let one = graph_of_fixtures(&["--focus", "web", "--depth", "1"]);
    assert_eq!(
        dot_nodes(&one),
        [
            "job:dbus",
            "job:web",
            "job:worker",
            "event:runlevel",
            "event:static-network-up",
            "event:web-ready"
        ],
        "{one}"
    );
    assert!(
        one.contains("\"job:web\" [label=\"web\", shape=box, style=filled, fillcolor=\"#dbe9f6\", penwidth=2.5"),
        "the focus is highlighted:\n{one}"
    );
    // Depth 2 adds who emits static-network-up (networking) and what
    // starts dbus (udev, local-filesystems), not the siblings of runlevel
    // (udev stops on it too, but is reached only as dbus's predecessor).
    let two = graph_of_fixtures(&["--focus", "web"]);
    assert_eq!(
        dot_nodes(&two),
        [
            "job:dbus",
            "job:networking",
            "job:udev",
            "job:web",
            "job:worker",
            "event:deconfiguring-networking",
            "event:local-filesystems",
            "event:runlevel",
            "event:static-network-up",
            "event:web-ready"
        ],
        "{two}"
    );
    // Every edge drawn joins two drawn nodes.
    let nodes = dot_nodes(&two);
    for line in two.lines().filter(|l| l.contains(" -> ")) {
        for end in line
            .trim()
            .trim_end_matches(';')
            .split(" [")
            .next()
            .unwrap_or_default()
            .split(" -> ")
        {
            assert!(nodes.contains(&end.trim_matches('"').to_string()), "{line}");
        }
    }
}

#[test]
fn focus_on_an_event_and_depth_zero() {
    let dot = graph_of_fixtures(&["--focus", "net-device-up", "--depth", "1"]);
    assert_eq!(
        dot_nodes(&dot),
        ["job:net/if-up", "job:networking", "event:net-device-up"],
        "{dot}"
    );
    let dot = graph_of_fixtures(&["--focus", "event:startup", "--depth", "0"]);
    assert_eq!(dot_nodes(&dot), ["event:startup"], "{dot}");
    // Two foci: the union of their neighbourhoods.
    let dot = graph_of_fixtures(&["--focus", "legacy", "--focus", "job:worker", "--depth", "1"]);
    let nodes = dot_nodes(&dot);
    assert_eq!(
        nodes
            .iter()
            .filter(|n| !n.starts_with("event:cache"))
            .collect::<Vec<_>>(),
        [
            "job:legacy",
            "job:web",
            "job:worker",
            "job:mysql",
            "event:web-ready"
        ],
        "{dot}"
    );
    assert_eq!(nodes.len(), 6, "legacy's odd event is drawn too:\n{dot}");
}

#[test]
fn focus_on_an_unknown_name_names_close_ones() {
    Test::new("upstart-tools")
        .args(["graph", "--focus", "wrker", "."])
        .current_dir(fixture("graph"))
        .expect_status(2)
        .stderr_contains("--focus wrker: no job or event of that name")
        .stderr_contains("did you mean `job:worker`?")
        .expect_stdout("")
        .run();
    Test::new("upstart-tools")
        .args(["graph", "--focus", "job:runlevel", "."])
        .current_dir(fixture("graph"))
        .expect_status(2)
        .stderr_contains("did you mean `event:runlevel`?")
        .run();
    // --depth means nothing without a focus.
    Test::new("upstart-tools")
        .args(["graph", "--depth", "3", "."])
        .current_dir(fixture("graph"))
        .expect_status(2)
        .stderr_contains("--focus")
        .run();
}

#[test]
fn group_by_start_puts_jobs_and_events_in_clusters_by_moment() {
    let dot = graph_of_fixtures(&["--group-by", "start"]);
    let clusters = dot_clusters(&dot);
    let members = |c: &str| {
        clusters
            .iter()
            .find(|(name, _)| name == c)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    };
    // In boot order; deconfiguring-networking is a standard event of no
    // earlier moment.
    assert_eq!(
        clusters.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        [
            "cluster_start_startup",
            "cluster_start_filesystems",
            "cluster_start_network",
            "cluster_start_runlevel",
            "cluster_start_system",
            "cluster_start_jobs",
            "cluster_start_custom"
        ],
        "{dot}"
    );
    assert_eq!(
        members("cluster_start_startup"),
        ["job:mountall", "event:startup"]
    );
    // `local-filesystems and net-device-up`: the later of the two.
    assert_eq!(
        members("cluster_start_network"),
        [
            "job:net/if-up",
            "job:networking",
            "event:net-device-up",
            "event:static-network-up"
        ]
    );
    assert_eq!(
        members("cluster_start_jobs"),
        ["job:dbus", "job:legacy", "job:web"],
        "{dot}"
    );
    // A job outside the set is in no cluster.
    assert!(
        clusters
            .iter()
            .all(|(_, m)| !m.contains(&"job:mysql".to_string()))
    );
    assert!(dot.contains("label=\"start on startup\";"), "{dot}");
}

#[test]
fn group_by_directory_boxes_the_jobs_of_a_subdirectory() {
    let dot = graph_of_fixtures(&["--group-by", "directory"]);
    let clusters = dot_clusters(&dot);
    assert_eq!(
        clusters,
        [(
            "cluster_dir_net".to_string(),
            vec!["job:net/if-up".to_string()]
        )],
        "{dot}"
    );
    assert!(dot.contains("label=\"net/\";"), "{dot}");
}

/// The `width` and `height` of an SVG in inches (Graphviz writes points).
fn svg_inches(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let at = svg
            .find(&format!(" {name}=\""))
            .unwrap_or_else(|| panic!("no {name} in the SVG"));
        let rest = &svg[at + name.len() + 3..];
        let value = rest.split('"').next().unwrap_or_default();
        value
            .trim_end_matches("pt")
            .parse::<f64>()
            .unwrap_or_else(|e| panic!("{name}={value}: {e}"))
            / 72.0
    };
    (attr("width"), attr("height"))
}

#[test]
fn the_corpus_drawing_stays_legible() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    if !have_dot() {
        eprintln!("skipped: Graphviz's dot is not installed");
        return;
    }
    for group in [None, Some("start")] {
        let mut t = Test::new("upstart-tools")
            .args(["graph", "--format", "svg", "-o"])
            .tmp_arg("all.svg");
        if let Some(g) = group {
            t = t.args(["--group-by", g]);
        }
        let out = t.arg(&dir).run();
        assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
        let svg = std::fs::read_to_string(out.path("all.svg")).unwrap_or_default();
        let (w, h) = svg_inches(&svg);
        eprintln!("corpus graph (--group-by {group:?}): {w:.1} x {h:.1} inches");
        // initctl2dot's layout gave 42 x 254 inches; this one about 27 x 85.
        assert!(
            w <= 45.0 && h <= 110.0 && w * h <= 3500.0,
            "the corpus graph is {w:.1} x {h:.1} inches"
        );
    }
    // A focus gives a drawing that fits a screen.
    let out = Test::new("upstart-tools")
        .args([
            "graph", "--format", "svg", "--focus", "runlevel", "--depth", "1",
        ])
        .arg(&dir)
        .run();
    let (w, h) = svg_inches(&out.stdout);
    assert!(
        w < 20.0 && h < 80.0,
        "--focus runlevel: {w:.1} x {h:.1} inches"
    );
}

#[test]
fn a_large_graph_uses_xlabels_and_chains_its_small_parts() {
    // One hub (runlevel, 20 jobs) and 45 jobs alone with their own event:
    // 111 nodes, 46 connected parts.
    let mut t = Test::new("upstart-tools");
    for i in 0..20 {
        t = t.file(
            &format!("hub{i:02}.conf"),
            "start on runlevel [2345]\nexec /bin/true\n",
        );
    }
    for i in 0..45 {
        t = t.file(
            &format!("alone{i:02}.conf"),
            format!("start on event{i:02} X=1\nexec /bin/true\n"),
        );
    }
    let out = t.arg("graph").tmp_arg("").expect_status(0).run();
    let dot = &out.stdout;
    assert!(dot.contains("[xlabel=\"[2345]\"]"), "{dot}");
    assert!(!dot.contains("[label=\"[2345]\"]"), "{dot}");
    // 45 small parts, 4 in a row (√45 / 2 rounded up): 12 rows, 33 links.
    let (_, tail) = dot
        .split_once("  // layout only: the small disconnected parts, a few in a row\n")
        .unwrap_or_else(|| panic!("no layout chain:\n{dot}"));
    let invisible: Vec<&str> = tail
        .lines()
        .filter(|l| l.contains("[style=invis]"))
        .collect();
    assert_eq!(invisible.len(), 33, "{tail}");
    // Each link leaves a job (no successor) for an event (no predecessor).
    assert!(
        invisible
            .iter()
            .all(|l| l.starts_with("  \"job:alone") && l.contains(" -> \"event:event")),
        "{tail}"
    );
}
