//! The report as one HTML file that opens in a browser with no network:
//! the style is inline, there is no script and no font to fetch, and a
//! Content-Security-Policy (`default-src 'none'`) forbids loading anything
//! should a string slip through. Every string a job controls goes through
//! [`esc`]; the graph is the SVG Graphviz drew (its prolog and namespace
//! URIs dropped, refused if it holds a script), else its DOT text.

use super::{JobEntry, Outcome, Report, UnitsFate, code_title, empty_mapping_text, unit_list};
use crate::diag::Severity;
use std::fmt::Write as _;

const STYLE: &str = "
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.page { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; padding: 0 1.5rem 2rem; }
@media (max-width: 1000px) { .page { grid-template-columns: 1fr; } }
aside { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; border-left: 1px solid var(--line); padding-left: 1rem; }
aside svg { max-width: none; height: auto; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; }
code, pre { font: 12px/1.4 ui-monospace, monospace; }
pre { background: #f6f8fa; padding: .6rem; overflow: auto; }
.error { color: #b00020; font-weight: bold; }
.warning { color: #9a6700; }
.info { color: var(--muted); }
.muted { color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: .6rem; }
.totals div { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; }
.totals b { display: block; font-size: 1.3rem; }
";

/// The HTML text of the report.
#[must_use]
pub fn render(r: &Report) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Migration report: upstart → systemd</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    header(r, &mut out);
    out.push_str("<div class=\"page\">\n<main>\n");
    totals(r, &mut out);
    clean(r, &mut out);
    losses(r, &mut out);
    not_converted(r, &mut out);
    mapping(r, &mut out);
    units(r, &mut out);
    out.push_str("</main>\n");
    graph(r, &mut out);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn header(r: &Report, out: &mut String) {
    let inputs: Vec<String> = r.inputs.iter().map(|i| code(i)).collect();
    let fate = match &r.units {
        UnitsFate::Written(dir) => format!("Units written to {}.", code(dir)),
        UnitsFate::Compared(dir) => format!(
            "Units compared with {} (<code>--check</code>/<code>--diff</code>), not written.",
            code(dir)
        ),
        UnitsFate::NotWritten => {
            "Units not written (report only: add <code>-o DIR</code> to write them).".to_string()
        }
    };
    let _ = writeln!(
        out,
        "<header>\n<h1>Migration report: upstart → systemd</h1>\n<p class=\"muted\">Made by <code>upstart2systemd --report</code> from {}. {fate}</p>\n</header>",
        inputs.join(", ")
    );
}

fn totals(r: &Report, out: &mut String) {
    let t = r.totals();
    out.push_str("<section id=\"totals\">\n<h2>Totals</h2>\n<div class=\"totals\">\n");
    for (what, n) in [
        ("jobs", t.jobs),
        ("converted", t.converted),
        ("not converted", t.not_converted),
        ("units", t.units),
        ("clean", t.clean),
        ("with an error", t.worst_error),
        ("with a warning", t.worst_warning),
        ("infos only", t.worst_info),
    ] {
        let _ = writeln!(out, "<div><b>{n}</b>{what}</div>");
    }
    let _ = writeln!(
        out,
        "</div>\n<p>Losses of meaning: <span class=\"error\">{} error(s)</span>, <span class=\"warning\">{} warning(s)</span>, <span class=\"info\">{} info(s)</span>. Clean: converted with no warning or error.</p>",
        t.errors, t.warnings, t.infos
    );
    if !t.per_code.is_empty() {
        out.push_str("<table>\n<tr><th>Code</th><th>Rule</th><th>Severity</th><th>Losses</th><th>Jobs</th><th>Summary</th></tr>\n");
        for (code, c) in &t.per_code {
            let (name, summary) = code_title(*code);
            let sev: Vec<String> = c.severities.iter().rev().map(|s| severity(*s)).collect();
            let _ = writeln!(
                out,
                "<tr><td><code>{code}</code></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                esc(name),
                sev.join(", "),
                c.losses,
                c.jobs,
                rich(summary)
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

fn clean(r: &Report, out: &mut String) {
    let clean: Vec<&JobEntry> = r.jobs.iter().filter(|j| j.is_clean()).collect();
    let _ = writeln!(
        out,
        "<section id=\"clean\">\n<h2>Jobs that convert cleanly ({})</h2>",
        clean.len()
    );
    if clean.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for j in clean {
            let _ = writeln!(out, "<li>{} → {}</li>", code(&j.name), unit_list(j, code));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn losses(r: &Report, out: &mut String) {
    let with: Vec<(usize, &JobEntry)> = r
        .jobs
        .iter()
        .enumerate()
        .filter(|(_, j)| !j.losses().is_empty())
        .collect();
    let _ = writeln!(
        out,
        "<section id=\"losses\">\n<h2>Losses by job ({})</h2>",
        with.len()
    );
    if with.is_empty() {
        out.push_str("<p>None.</p>\n");
    }
    for (i, j) in with {
        let _ = writeln!(
            out,
            "<h3 id=\"{}\">{}</h3>",
            anchor(i, &j.name),
            esc(&j.name)
        );
        if let Some(d) = &j.description {
            let _ = writeln!(out, "<p><em>{}</em></p>", esc(d));
        }
        let _ = writeln!(
            out,
            "<p>File {} → {}</p>",
            code(&j.path),
            unit_list(j, code)
        );
        out.push_str("<table>\n<tr><th>Severity</th><th>Code</th><th>Line</th><th>What is lost</th><th>By hand</th></tr>\n");
        for l in j.losses() {
            let at = if l.file == j.path {
                l.line.to_string()
            } else {
                format!("{}:{}", code(&l.file), l.line)
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><code>{}</code></td><td class=\"n\">{at}</td><td>{}</td><td>{}</td></tr>",
                severity(l.severity),
                l.code,
                rich(&l.message),
                l.help.as_deref().map_or_else(String::new, rich)
            );
        }
        out.push_str("</table>\n");
        if let Outcome::Converted { notes, .. } = &j.outcome
            && !notes.is_empty()
        {
            out.push_str("<p>Afterwards:</p>\n<ul>\n");
            for n in notes {
                let _ = writeln!(out, "<li>{}</li>", rich(n));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</section>\n");
}

fn not_converted(r: &Report, out: &mut String) {
    let failed: Vec<(&JobEntry, &String)> = r
        .jobs
        .iter()
        .filter_map(|j| match &j.outcome {
            Outcome::NotConverted { reason } => Some((j, reason)),
            Outcome::Converted { .. } => None,
        })
        .collect();
    if failed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"not-converted\">\n<h2>Not converted ({})</h2>\n<table>\n<tr><th>Job</th><th>File</th><th>Why</th></tr>",
        failed.len()
    );
    for (j, why) in failed {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            code(&j.name),
            code(&j.path),
            rich(why)
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn mapping(r: &Report, out: &mut String) {
    let rows = r.mapping();
    out.push_str("<section id=\"mapping\">\n<h2>Event → systemd mapping</h2>\n");
    if rows.is_empty() {
        out.push_str(
            "<p>No job has <code>start on</code> or <code>stop on</code>.</p>\n</section>\n",
        );
        return;
    }
    out.push_str("<table>\n<tr><th>Stanza</th><th>Event</th><th>Became</th><th>Losses</th><th>Jobs</th></tr>\n");
    for row in &rows {
        let (became, losses, jobs) = row.cells(code);
        let became = became.unwrap_or_else(|| {
            format!(
                "<span class=\"muted\">{}</span>",
                esc(empty_mapping_text(row))
            )
        });
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{became}</td><td>{losses}</td><td>{jobs}</td></tr>",
            row.stanza,
            code(&row.event),
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn units(r: &Report, out: &mut String) {
    out.push_str("<section id=\"units\">\n<h2>Every job and its units</h2>\n<table>\n<tr><th>Job</th><th>File</th><th>Units</th><th>Worst loss</th></tr>\n");
    for (i, j) in r.jobs.iter().enumerate() {
        let worst = match (&j.outcome, j.worst()) {
            (Outcome::NotConverted { .. }, _) => "not converted".to_string(),
            (_, Some(s)) => format!("<a href=\"#{}\">{}</a>", anchor(i, &j.name), severity(s)),
            (_, None) => "none".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{worst}</td></tr>",
            code(&j.name),
            code(&j.path),
            unit_list(j, code)
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn graph(r: &Report, out: &mut String) {
    out.push_str("<aside id=\"graph\">\n<h2>Job graph</h2>\n<p class=\"muted\">Jobs are boxes (dashed: named by a job event, not in the set), events ellipses; solid arrows start a job, dashed red ones stop it, blue ones are <code>emits</code>. <code>upstart-tools graph --focus JOB</code> draws one job's neighbourhood.</p>\n");
    match r.graph.svg.as_deref().and_then(inline_svg) {
        Some(svg) => {
            out.push_str(&svg);
            out.push_str("\n<details><summary>Graphviz DOT</summary>\n");
        }
        None => out.push_str(
            "<p>Graphviz's <code>dot</code> was not found to draw the graph: here is its DOT text (<code>dot -Tsvg</code> draws it).</p>\n<details open><summary>Graphviz DOT</summary>\n",
        ),
    }
    let _ = writeln!(
        out,
        "<pre>{}</pre>\n</details>\n</aside>",
        esc(&r.graph.dot)
    );
}

/// Graphviz's SVG made fit for inlining: from `<svg` on (no XML prolog,
/// doctype or comments), without the namespace attributes
/// (inline SVG needs none), and None when it holds what it should not (a
/// script, an event handler, a reference to anything outside it).
#[must_use]
pub fn inline_svg(svg: &str) -> Option<String> {
    let start = svg.find("<svg")?;
    // Graphviz's comments (the node ids) are not needed.
    let mut s = String::with_capacity(svg.len() - start);
    let mut rest = &svg[start..];
    while let Some(at) = rest.find("<!--") {
        s.push_str(&rest[..at]);
        rest = rest[at..].split_once("-->").map_or("", |(_, r)| r);
    }
    s.push_str(rest);
    for attr in [
        " xmlns=\"http://www.w3.org/2000/svg\"",
        " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
    ] {
        s = s.replacen(attr, "", 1);
    }
    // Only the tags matter: text is escaped, so a raw `<` starts a tag.
    let refused = s.split('<').skip(1).any(|piece| {
        let tag = piece
            .split('>')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        ["script", "foreignobject", "image", "href=", "url("]
            .iter()
            .any(|bad| tag.contains(bad))
            || tag
                .match_indices(|c: char| c.is_ascii_whitespace())
                .any(|(i, _)| {
                    // An event handler attribute: ` onload=`.
                    let rest = &tag[i + 1..];
                    let name = rest.len()
                        - rest
                            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                            .len();
                    rest.starts_with("on") && name > 2 && rest[name..].starts_with('=')
                })
    });
    (!refused).then_some(s)
}

fn severity(s: Severity) -> String {
    format!("<span class=\"{0}\">{0}</span>", s.as_str())
}

fn code(s: &str) -> String {
    format!("<code>{}</code>", esc(s))
}

/// The `id` of the `i`th job's section: its index (unique) and its name
/// with letters, digits, `-`, `_` kept, the rest `_` (readable).
fn anchor(i: usize, name: &str) -> String {
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("job-{i}-{id}")
}

/// Text of the tools (a loss's message and help, a note) escaped, with its
/// backticked parts as `<code>`.
fn rich(s: &str) -> String {
    let escaped = esc(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An unpaired backtick: left as it is.
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Text escaped for HTML content and quoted attribute values.
#[must_use]
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
