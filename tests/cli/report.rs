//! `upstart2systemd --report FILE`: the golden Markdown report of
//! `fixtures/report/`, HTML that escapes what a job controls and loads
//! nothing, totals that add up to the losses listed and to the losses
//! printed on stderr, the report beside `-o DIR` and `--check`, and the
//! corpus. A headless Chromium, when installed, opens the HTML.

use crate::common::{Output, Test, assert_snapshot, corpus_dir, fixture};
use std::collections::BTreeMap;

/// The goldens this file writes (checked for staleness in snapshots.rs).
pub(crate) const SNAPSHOTS: &[&str] = &["report-fixtures"];

/// `upstart2systemd [extra] --report <tmp>/NAME .` in fixtures/report.
fn report_of_fixtures(name: &str, extra: &[&str]) -> Output {
    Test::new("upstart2systemd")
        .args(extra)
        .arg("--report")
        .tmp_arg(name)
        .arg(".")
        .current_dir(fixture("report"))
        .run()
}

#[test]
fn fixture_report_matches_the_golden() {
    let out = report_of_fixtures("report.md", &[]);
    // broken.conf is rejected: exit 1, the others converted.
    assert_eq!(out.status, Some(1), "{}", out.report());
    assert!(
        out.stderr.contains("upstart2systemd: report written to ")
            && out
                .stderr
                .contains(": 7 jobs, 3 clean, 0 with an error, 3 with a warning, 1 not converted"),
        "{}",
        out.report()
    );
    assert_snapshot(
        SNAPSHOTS[0],
        "fixtures/report/",
        "upstart2systemd --report report.md . (in fixtures/report)",
        &out.read("report.md"),
    );
}

/// The figures of a Markdown report: the totals line and the rows of the
/// per-job loss tables, by severity.
fn figures(md: &str) -> (BTreeMap<&'static str, usize>, BTreeMap<&'static str, usize>) {
    let mut totals = BTreeMap::new();
    let line = md
        .lines()
        .find(|l| l.starts_with("Losses of meaning: **"))
        .unwrap_or_else(|| panic!("no totals line:\n{md}"));
    let words: Vec<&str> = line
        .trim_start_matches("Losses of meaning: **")
        .trim_end_matches("**.")
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.chunks(2) {
        let n: usize = pair[0].parse().unwrap_or_else(|e| panic!("{line}: {e}"));
        let sev = match pair[1].trim_end_matches('s') {
            "error" => "error",
            "warning" => "warning",
            "info" => "info",
            other => panic!("{other} in {line}"),
        };
        totals.insert(sev, n);
    }
    let mut rows = BTreeMap::new();
    let section = md
        .split("## Losses by job")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap_or_default();
    for l in section.lines() {
        for (cell, sev) in [
            ("| **error** |", "error"),
            ("| warning |", "warning"),
            ("| info |", "info"),
        ] {
            if l.starts_with(cell) {
                *rows.entry(sev).or_insert(0) += 1;
            }
        }
    }
    for sev in ["error", "warning", "info"] {
        rows.entry(sev).or_insert(0);
    }
    (totals, rows)
}

/// The losses printed on stderr (`file:line:col: warning[UL502] ...`), by
/// severity.
fn printed(stderr: &str) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for sev in ["error", "warning", "info"] {
        let n = stderr
            .lines()
            .filter(|l| l.contains(&format!(": {sev}[UL5")))
            .count();
        out.insert(sev, n);
    }
    out
}

#[test]
fn totals_equal_the_losses_listed_and_printed() {
    let out = report_of_fixtures("r.md", &[]);
    let md = out.read("r.md");
    let (totals, rows) = figures(&md);
    assert_eq!(totals, rows, "{md}");
    assert_eq!(totals, printed(&out.stderr), "{}", out.report());
    assert_eq!(totals.values().sum::<usize>(), 6, "{md}");
}

#[test]
fn html_escapes_every_string_a_job_controls() {
    let hostile = "<img src=x onerror=alert(1)>";
    let out = Test::new("upstart2systemd")
        .file(
            &format!("{hostile}.conf"),
            "description \"</td><script>alert('d')</script> & \\\"q\\\"\"\nstart on <b>ev</b> and started \"<i>j</i>\"\nexport X\nexec /bin/true\n",
        )
        .arg("--report")
        .tmp_arg("r.html")
        .tmp_arg("")
        .run();
    assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
    let html = out.read("r.html");
    for raw in ["<img", "<script", "<b>ev", "<i>j", "onerror=alert(1)>"] {
        assert!(!html.contains(raw), "raw `{raw}` in the HTML:\n{html}");
    }
    assert!(
        html.contains("<p><em>&lt;/td&gt;&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt; &amp;"),
        "{html}"
    );
    assert!(
        html.contains(
            "<h3 id=\"job-0-_img_src_x_onerror_alert_1__\">&lt;img src=x onerror=alert(1)&gt;</h3>"
        ),
        "{html}"
    );
    // Graphviz escapes its labels too: the SVG is inlined, not refused.
    if have_dot() {
        assert!(html.contains("<svg width="), "{html}");
    }
    check_html(&html);
}

/// No resource outside the file: no http(s) URL anywhere, no element or
/// CSS that fetches, and a policy that forbids fetching.
fn assert_offline(html: &str) {
    for needle in [
        "http://", "https://", "<link", "<script", "<iframe", "<img", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(needle), "`{needle}` in the HTML");
    }
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"")
    );
}

/// A small well-formedness check of the HTML the report writes: every
/// element opened is closed in order (void elements and `/>` aside), no
/// stray `<` or `&`.
fn check_html(html: &str) {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link"];
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .unwrap_or_else(|| panic!("no doctype"));
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find(['<', '&']) {
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix('&') {
            let entity = after.split(';').next().unwrap_or_default();
            assert!(
                entity.len() < 8
                    && entity
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#'),
                "a stray `&` at {:?}",
                &tail[..tail.len().min(40)]
            );
            rest = after;
            continue;
        }
        if tail.starts_with("<!--") {
            rest = tail.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        let end = tail
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag at {tail:.40}"));
        let tag = &tail[1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            !name.is_empty(),
            "a stray `<` at {:?}",
            &tail[..tail.len().min(40)]
        );
        if let Some(closed) = tag.strip_prefix('/') {
            let closed = closed.trim();
            assert_eq!(
                stack.pop().as_deref(),
                Some(closed),
                "</{closed}> closes nothing open"
            );
        } else if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        // The style element's text is CSS, not markup.
        rest = if tag == "style" {
            tail.split_once("</style>").map_or("", |(_, r)| r)
        } else {
            &tail[end + 1..]
        };
        if tag == "style" {
            stack.pop();
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

fn have_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn html_needs_no_network_and_inlines_the_graph() {
    let out = report_of_fixtures("r.html", &[]);
    let html = out.read("r.html");
    assert_offline(&html);
    check_html(&html);
    assert!(
        html.contains("<h1>Migration report: upstart → systemd</h1>"),
        "{html}"
    );
    if have_dot() {
        assert!(
            html.contains("<aside id=\"graph\">\n<h2>Job graph</h2>"),
            "{html}"
        );
        assert!(html.contains("<svg width="), "the SVG is inlined:\n{html}");
    } else {
        eprintln!("Graphviz's dot is not installed: the DOT text is shown");
        assert!(html.contains("<pre>digraph upstart {"), "{html}");
    }
    // Without Graphviz: the DOT text, escaped, in a details block.
    let out = Test::new("upstart2systemd")
        .arg("--report")
        .tmp_arg("r.html")
        .arg(".")
        .current_dir(fixture("report"))
        .env("PATH", "/nonexistent")
        .run();
    let html = out.read("r.html");
    assert!(!html.contains("<svg"), "{html}");
    assert!(
        html.contains("<details open><summary>Graphviz DOT</summary>\n<pre>digraph upstart {"),
        "{html}"
    );
    assert!(html.contains("&quot;job:web&quot;"), "{html}");
    assert_offline(&html);
    check_html(&html);
}

#[test]
fn a_headless_browser_opens_the_html() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        eprintln!("skipped: no Chromium installed (apt-get install chromium)");
        return;
    };
    let out = report_of_fixtures("r.html", &[]);
    let page = out.path("r.html");
    let dom = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            // No name resolves: a fetch would fail, and the page must not need one.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("{browser}: {e}"));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("<h1>Migration report: upstart → systemd</h1>"),
        "{dom}"
    );
    // The browser built the tables and the graph the file describes.
    assert!(dom.contains("<td><code>UL503</code></td>"), "{dom}");
    assert!(dom.contains("<section id=\"mapping\">"), "{dom}");
    if have_dot() {
        assert!(dom.contains("<svg"), "{dom}");
    }
}

#[test]
fn the_report_goes_beside_the_units_or_instead_of_them() {
    // -o DIR: units written, and the report says so.
    let out = report_of_fixtures("r.md", &["-o", "/dev/null/never"]);
    assert_eq!(
        out.status,
        Some(2),
        "an unwritable DIR is an error:\n{}",
        out.report()
    );
    let out = Test::new("upstart2systemd")
        .arg("-o")
        .tmp_arg("units")
        .arg("--report")
        .tmp_arg("r.md")
        .arg(fixture("report"))
        .run();
    assert_eq!(out.status, Some(1), "{}", out.report());
    let md = out.read("r.md");
    assert!(md.contains("Units written to `"), "{md}");
    assert!(out.path("units/web.service").is_file());
    // --check: compared, not written; the report is still written.
    let out = out
        .next("upstart2systemd")
        .args(["--check", "-o"])
        .tmp_arg("units")
        .arg("--report")
        .tmp_arg("r2.md")
        .arg(fixture("report"))
        .run();
    let md = out.read("r2.md");
    assert!(md.contains("Units compared with `"), "{md}");
    // Without -o: a report only, nothing on stdout, several jobs allowed.
    let out = report_of_fixtures("r.md", &[]);
    assert_eq!(out.stdout, "");
    assert!(out.read("r.md").contains("Units not written (report only"));
}

#[test]
fn an_existing_report_is_kept_and_the_format_must_be_known() {
    Test::new("upstart2systemd")
        .file("r.md", "mine\n")
        .arg("--report")
        .tmp_arg("r.md")
        .arg(fixture("report/clean.conf"))
        .expect_status(2)
        .stderr_contains("exists; not overwritten (use --force)")
        .run();
    Test::new("upstart2systemd")
        .arg("--report")
        .tmp_arg("report.txt")
        .arg(fixture("report/clean.conf"))
        .expect_status(2)
        .stderr_contains("end it in .md or .html, or give --report-format md|html")
        .run();
    let out = Test::new("upstart2systemd")
        .args(["--report-format", "html", "--report"])
        .tmp_arg("report.txt")
        .arg(fixture("report/clean.conf"))
        .expect_status(0)
        .run();
    assert!(out.read("report.txt").starts_with("<!DOCTYPE html>"));
    // `-`: the report on stdout, Markdown unless told.
    Test::new("upstart2systemd")
        .args(["--report", "-"])
        .arg(fixture("report/clean.conf"))
        .expect_status(0)
        .stdout_contains("# Migration report: upstart → systemd")
        .stderr_contains("report written to standard output: 1 job, 1 clean")
        .run();
    // --report-format needs --report.
    Test::new("upstart2systemd")
        .args(["--report-format", "md"])
        .arg(fixture("report/clean.conf"))
        .expect_status(2)
        .run();
}

#[test]
fn the_corpus_report() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let out = Test::new("upstart2systemd")
        .arg("--report")
        .tmp_arg("corpus.md")
        .arg(&dir)
        .run();
    assert!(out.status.is_some_and(|c| c <= 1), "{}", out.report());
    let md = out.read("corpus.md");
    assert!(md.contains("| Jobs | 387 |"), "{md:.2000}");
    let (totals, rows) = figures(&md);
    assert_eq!(totals, rows);
    assert_eq!(totals, printed(&out.stderr));
    // 760 edges: more than Mermaid draws; the DOT instead.
    assert!(md.contains("Too many edges for Mermaid"), "{md:.2000}");
    let out = out
        .next("upstart2systemd")
        .arg("--report")
        .tmp_arg("corpus.html")
        .arg(&dir)
        .run();
    let html = out.read("corpus.html");
    check_html(&html);
    assert!(html.contains("<div><b>387</b>jobs</div>"), "{html:.3000}");
    // Job text of the corpus may hold URLs (descriptions, comments); none
    // is a resource: no element or CSS fetches.
    for needle in [
        "<link", "<script", "<iframe", "<img", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(needle), "`{needle}` in the corpus HTML");
    }
}
