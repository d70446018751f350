//! `upstart2systemd --report FILE`: the migration report of the jobs a run
//! converts (or could not), written with the units or without them
//! (report only, or beside `--check`/`--diff`). The report itself is
//! `crate::report`; this file gathers its data during the run and writes
//! the file.

use super::{Status, eprint};
use crate::convert::Conversion;
use crate::diag::Diagnostic;
use crate::graph::{DotOptions, Graph, GroupBy};
use crate::load::LoadedJob;
use crate::report::{GraphPart, JobEntry, LossEntry, Outcome, Report, UnitsFate};
use std::path::{Path, PathBuf};

/// `--report-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    /// Markdown (GitHub/GitLab flavoured, with a Mermaid graph).
    Md,
    /// One HTML file that needs no network (the graph as SVG when Graphviz is installed).
    Html,
}

/// The report's format: `--report-format`, else FILE's extension
/// (Markdown for `-`, stdout).
pub(crate) fn format_of(path: &Path, given: Option<ReportFormat>) -> Result<ReportFormat, String> {
    if let Some(f) = given {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(ReportFormat::Md);
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("md" | "markdown") => Ok(ReportFormat::Md),
        Some("html" | "htm") => Ok(ReportFormat::Html),
        _ => Err(format!(
            "{}: error: --report: cannot tell the format from the name; end it in .md or .html, or give --report-format md|html",
            path.display()
        )),
    }
}

/// The report's data, gathered job by job.
#[derive(Default)]
pub(crate) struct Sink {
    jobs: Vec<JobEntry>,
    graph: Graph,
}

impl Sink {
    /// A job that was converted, with its losses as reported.
    pub(crate) fn converted(
        &mut self,
        loaded: &LoadedJob,
        conv: &Conversion,
        losses: &[Diagnostic],
    ) {
        let resolved = loaded.resolved();
        self.graph.add(&loaded.name, &resolved);
        self.jobs.push(JobEntry {
            name: loaded.name.clone(),
            path: loaded.conf.path.display().to_string(),
            description: resolved.description.map(|d| d.value.to_string()),
            outcome: Outcome::Converted {
                units: conv.units.iter().map(|u| u.file_name.clone()).collect(),
                losses: losses
                    .iter()
                    .map(|d| LossEntry {
                        code: d.code,
                        severity: d.severity,
                        file: d.file.clone(),
                        line: d.line,
                        message: d.message.clone(),
                        help: d.help.clone(),
                    })
                    .collect(),
                notes: conv.notes.clone(),
                events: conv.events.clone(),
            },
        });
    }

    /// A job that was not converted, and why.
    pub(crate) fn not_converted(&mut self, name: &str, path: &Path, reason: String) {
        self.jobs.push(JobEntry {
            name: name.to_string(),
            path: path.display().to_string(),
            description: None,
            outcome: Outcome::NotConverted { reason },
        });
    }

    /// Write the report to `path` (atomically; an existing file only with
    /// `force`), or to stdout for `-`. The status of the write; a summary
    /// line on stderr.
    pub(crate) fn write(
        self,
        path: &Path,
        format: ReportFormat,
        inputs: &[PathBuf],
        units: UnitsFate,
    ) -> Status {
        let dot = crate::graph::dot::render(
            &self.graph,
            &DotOptions {
                group_by: Some(GroupBy::Start),
            },
        );
        let svg = match format {
            ReportFormat::Html => super::graph::render_svg(&dot)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
            ReportFormat::Md => None,
        };
        let report = Report {
            inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
            units,
            graph: GraphPart {
                mermaid: crate::graph::mermaid::render(&self.graph),
                dot,
                svg,
            },
            jobs: self.jobs,
        };
        let text = match format {
            ReportFormat::Md => crate::report::markdown::render(&report),
            ReportFormat::Html => crate::report::html::render(&report),
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let written = if path.as_os_str() == "-" {
            super::write_stdout(&text)
        } else {
            super::files::create_atomic(path, dir, text.as_bytes())
        };
        if let Err(e) = written {
            eprint(&format!(
                "{}: error: cannot write the report: {e}\n",
                path.display()
            ));
            return Status::Error;
        }
        let t = report.totals();
        eprint(&format!(
            "upstart2systemd: report written to {}: {} job{}, {} clean, {} with an error, {} with a warning, {} not converted\n",
            if path.as_os_str() == "-" {
                "standard output".to_string()
            } else {
                path.display().to_string()
            },
            t.jobs,
            super::write::plural(t.jobs),
            t.clean,
            t.worst_error,
            t.worst_warning,
            t.not_converted
        ));
        Status::Clean
    }
}

/// The reason a job with parse errors is not converted: how many, and the
/// first.
pub(crate) fn rejected(loaded: &LoadedJob) -> String {
    let errors: Vec<Diagnostic> = loaded
        .conf
        .parsed
        .errors
        .iter()
        .map(|e| Diagnostic::from_parse(&loaded.conf.source, e))
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .collect();
    match errors.first() {
        Some(d) => format!(
            "upstart rejects it: {} error{}, the first {}[{}] at line {}: {}",
            errors.len(),
            super::write::plural(errors.len()),
            d.severity.as_str(),
            d.code,
            d.line,
            d.message
        ),
        None => "upstart rejects it".to_string(),
    }
}
