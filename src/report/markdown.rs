//! The report as Markdown (GitHub/GitLab flavoured: tables, a Mermaid
//! graph they draw, `<details>` for long parts).
//!
//! Every string a job controls goes through [`code`] (a code span) or
//! [`cell`] (table text): no `|` ends a cell early, no line break ends a
//! row, no `<` starts HTML.

use super::{JobEntry, Outcome, Report, UnitsFate, code_title, empty_mapping_text, unit_list};
use crate::diag::Severity;
use std::fmt::Write as _;

/// The Markdown text of the report.
#[must_use]
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    header(r, &mut out);
    totals(r, &mut out);
    clean(r, &mut out);
    losses(r, &mut out);
    not_converted(r, &mut out);
    mapping(r, &mut out);
    units(r, &mut out);
    graph(r, &mut out);
    out
}

fn header(r: &Report, out: &mut String) {
    out.push_str("# Migration report: upstart → systemd\n\n");
    let inputs: Vec<String> = r.inputs.iter().map(|i| code(i)).collect();
    let _ = writeln!(
        out,
        "Made by `upstart2systemd --report` from {}. {}\n",
        inputs.join(", "),
        match &r.units {
            UnitsFate::Written(dir) => format!("Units written to {}.", code(dir)),
            UnitsFate::Compared(dir) => {
                format!(
                    "Units compared with {} (`--check`/`--diff`), not written.",
                    code(dir)
                )
            }
            UnitsFate::NotWritten =>
                "Units not written (report only: add `-o DIR` to write them).".to_string(),
        }
    );
}

fn totals(r: &Report, out: &mut String) {
    let t = r.totals();
    out.push_str("## Totals\n\n| | |\n|---|--:|\n");
    for (what, n) in [
        ("Jobs", t.jobs),
        ("Converted", t.converted),
        ("Not converted (upstart rejects them)", t.not_converted),
        ("Units", t.units),
        ("Clean (no warning or error)", t.clean),
        ("Jobs with an error", t.worst_error),
        ("Jobs with a warning (no error)", t.worst_warning),
        ("Jobs with infos only", t.worst_info),
    ] {
        let _ = writeln!(out, "| {what} | {n} |");
    }
    let _ = writeln!(
        out,
        "\nLosses of meaning: **{} error{}, {} warning{}, {} info{}**.\n",
        t.errors,
        plural(t.errors),
        t.warnings,
        plural(t.warnings),
        t.infos,
        plural(t.infos)
    );
    if t.per_code.is_empty() {
        return;
    }
    out.push_str("| Code | Rule | Severity | Losses | Jobs |\n|---|---|---|--:|--:|\n");
    for (code, c) in &t.per_code {
        let (name, _) = code_title(*code);
        let sev: Vec<&str> = c.severities.iter().rev().map(|s| s.as_str()).collect();
        let _ = writeln!(
            out,
            "| {code} | {name} | {} | {} | {} |",
            sev.join(", "),
            c.losses,
            c.jobs
        );
    }
    out.push('\n');
}

fn clean(r: &Report, out: &mut String) {
    let clean: Vec<&JobEntry> = r.jobs.iter().filter(|j| j.is_clean()).collect();
    let _ = writeln!(out, "## Jobs that convert cleanly ({})\n", clean.len());
    if clean.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    for j in clean {
        let _ = writeln!(out, "- {} → {}", code(&j.name), unit_list(j, code));
    }
    out.push('\n');
}

fn losses(r: &Report, out: &mut String) {
    let with: Vec<&JobEntry> = r.jobs.iter().filter(|j| !j.losses().is_empty()).collect();
    let _ = writeln!(out, "## Losses by job ({})\n", with.len());
    if with.is_empty() {
        out.push_str("None.\n\n");
    }
    for j in with {
        let _ = writeln!(out, "### {}\n", cell(&j.name));
        if let Some(d) = &j.description {
            let _ = writeln!(out, "{}  ", cell(d));
        }
        let _ = writeln!(out, "File {} → {}\n", code(&j.path), unit_list(j, code));
        out.push_str(
            "| Severity | Code | Line | What is lost | By hand |\n|---|---|--:|---|---|\n",
        );
        for l in j.losses() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                severity(l.severity),
                l.code,
                location(j, &l.file, l.line),
                cell(&l.message),
                l.help.as_deref().map_or_else(String::new, cell)
            );
        }
        if let Outcome::Converted { notes, .. } = &j.outcome
            && !notes.is_empty()
        {
            out.push_str("\nAfterwards:\n\n");
            for n in notes {
                let _ = writeln!(out, "- {}", cell(n));
            }
        }
        out.push('\n');
    }
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
    let _ = writeln!(out, "## Not converted ({})\n", failed.len());
    out.push_str("| Job | File | Why |\n|---|---|---|\n");
    for (j, why) in failed {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            code(&j.name),
            code(&j.path),
            cell(why)
        );
    }
    out.push('\n');
}

fn mapping(r: &Report, out: &mut String) {
    let rows = r.mapping();
    out.push_str("## Event → systemd mapping\n\n");
    if rows.is_empty() {
        out.push_str("No job has `start on` or `stop on`.\n\n");
        return;
    }
    out.push_str("| Stanza | Event | Became | Losses | Jobs |\n|---|---|---|---|---|\n");
    for row in &rows {
        let (became, losses, jobs) = row.cells(code);
        let became = became.unwrap_or_else(|| empty_mapping_text(row).to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {became} | {losses} | {jobs} |",
            row.stanza,
            code(&row.event),
        );
    }
    out.push('\n');
}

fn units(r: &Report, out: &mut String) {
    out.push_str(
        "## Every job and its units\n\n| Job | File | Units | Worst loss |\n|---|---|---|---|\n",
    );
    for j in &r.jobs {
        let worst = match (&j.outcome, j.worst()) {
            (Outcome::NotConverted { .. }, _) => "not converted".to_string(),
            (_, Some(s)) => severity(s),
            (_, None) => "none".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {worst} |",
            code(&j.name),
            code(&j.path),
            unit_list(j, code)
        );
    }
    out.push('\n');
}

fn graph(r: &Report, out: &mut String) {
    out.push_str("## Job graph\n\n");
    out.push_str("Jobs are boxes (dashed: named by a job event, not in the set), events rounded; solid arrows start a job, dotted ones stop it, thick ones are `emits`. `upstart-tools graph --focus JOB` draws one job's neighbourhood.\n\n");
    match &r.graph.mermaid {
        Some(m) => {
            let _ = write!(
                out,
                "```mermaid\n{m}```\n\n`upstart-tools graph --group-by start PATH` gives it as Graphviz DOT.\n"
            );
        }
        None => {
            let _ = write!(
                out,
                "Too many edges for Mermaid to draw: the graph as Graphviz DOT (`dot -Tsvg` draws it).\n\n<details><summary>DOT</summary>\n\n{}\n\n</details>\n",
                fence(&r.graph.dot, "dot")
            );
        }
    }
}

/// `12`, or `web.override:3` when the loss is in another file than the job.
fn location(j: &JobEntry, file: &str, line: usize) -> String {
    if file == j.path {
        line.to_string()
    } else {
        format!("{}:{line}", code(file))
    }
}

fn severity(s: Severity) -> String {
    match s {
        Severity::Error => "**error**".to_string(),
        s => s.as_str().to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A code span of any text: delimited by more backticks than it contains
/// in a row, padded when it starts or ends with one; `|` escaped (a table
/// cell) and line breaks made spaces.
#[must_use]
pub fn code(s: &str) -> String {
    let s = one_line(s).replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let ticks = "`".repeat(longest + 1);
    if s.starts_with('`') || s.ends_with('`') || s.is_empty() {
        format!("{ticks} {s} {ticks}")
    } else {
        format!("{ticks}{s}{ticks}")
    }
}

/// Text for a table cell or a line: no HTML, no cell break, no line break.
/// The tools' messages quote job text in backticks, kept as code spans,
/// where `<` and `&` are literal already (an entity would show as typed);
/// with an unpaired backtick everything is escaped.
#[must_use]
pub fn cell(s: &str) -> String {
    let line = one_line(s).replace('|', "\\|");
    let parts: Vec<&str> = line.split('`').collect();
    let paired = !parts.len().is_multiple_of(2);
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            if paired && !i.is_multiple_of(2) {
                (*part).to_string()
            } else {
                part.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// A fenced block whose fence no line of the text can close.
fn fence(text: &str, lang: &str) -> String {
    let mut n = 3;
    while text.contains(&"`".repeat(n)) {
        n += 1;
    }
    let f = "`".repeat(n);
    let body = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    format!("{f}{lang}\n{body}{f}")
}
