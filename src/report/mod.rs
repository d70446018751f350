//! The migration report of `upstart2systemd --report FILE`: for a whole
//! job set, the units each job became, every loss of meaning with its
//! severity, code and the step to do by hand, the event → systemd mapping
//! used, the jobs that convert cleanly, totals at the top and the job
//! graph beside it. What a team puts in its migration ticket.
//!
//! [`Report`] is the data, filled by the command line from the conversions
//! it ran; [`markdown`] and [`html`] write it. The HTML opens with no
//! network: no external style, script or font, and a Content-Security-
//! Policy that forbids loading anything; every string a job controls is
//! escaped.

use crate::convert::EventMapping;
use crate::diag::{Code, Severity};
use std::collections::{BTreeMap, BTreeSet};

pub mod html;
pub mod markdown;

/// One loss of meaning, located in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LossEntry {
    pub code: Code,
    pub severity: Severity,
    /// The file the loss is in (the `.conf`, or the `.override` that causes it).
    pub file: String,
    pub line: usize,
    pub message: String,
    /// What to do by hand (the loss's help text).
    pub help: Option<String>,
}

/// What became of one job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Converted {
        /// The unit files, the job's own first.
        units: Vec<String>,
        losses: Vec<LossEntry>,
        /// What to do after installing the units (enable, ...).
        notes: Vec<String>,
        events: Vec<EventMapping>,
    },
    /// Upstart rejects the job (or it could not be read): no unit.
    NotConverted { reason: String },
}

/// One job of the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobEntry {
    pub name: String,
    /// The job file as given on the command line.
    pub path: String,
    pub description: Option<String>,
    pub outcome: Outcome,
}

impl JobEntry {
    /// The losses (none when not converted).
    #[must_use]
    pub fn losses(&self) -> &[LossEntry] {
        match &self.outcome {
            Outcome::Converted { losses, .. } => losses,
            Outcome::NotConverted { .. } => &[],
        }
    }

    /// Converted with no loss at warning or error level (an info only says
    /// how something was mapped).
    #[must_use]
    pub fn is_clean(&self) -> bool {
        matches!(self.outcome, Outcome::Converted { .. })
            && self.losses().iter().all(|l| l.severity == Severity::Info)
    }

    /// The most severe loss.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.losses().iter().map(|l| l.severity).max()
    }
}

/// The job graph as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphPart {
    /// Graphviz DOT (always).
    pub dot: String,
    /// The SVG `dot` drew, when Graphviz is installed (HTML).
    pub svg: Option<String>,
    /// The Mermaid flowchart, when the graph is small enough (Markdown).
    pub mermaid: Option<String>,
}

/// What happened to the units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitsFate {
    /// Written into this directory.
    Written(String),
    /// Compared with this directory (`--check` / `--diff`), not written.
    Compared(String),
    /// Not written (report only).
    NotWritten,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The paths given on the command line.
    pub inputs: Vec<String>,
    pub units: UnitsFate,
    pub jobs: Vec<JobEntry>,
    pub graph: GraphPart,
}

/// The count of losses of one code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeCount {
    pub losses: usize,
    /// The jobs with at least one.
    pub jobs: usize,
    /// The severities it was reported with (a code may be a warning in one
    /// job and an info in another).
    pub severities: BTreeSet<Severity>,
}

/// The figures at the top of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub jobs: usize,
    pub converted: usize,
    pub not_converted: usize,
    /// Unit files, counted once each (event targets are shared).
    pub units: usize,
    pub clean: usize,
    /// Jobs by their worst loss: error, warning, info only.
    pub worst_error: usize,
    pub worst_warning: usize,
    pub worst_info: usize,
    /// Losses by severity.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub per_code: BTreeMap<Code, CodeCount>,
}

/// One row of the event → systemd table: an event as written and what it
/// became, with the jobs that use it so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingRow {
    pub stanza: &'static str,
    pub event: String,
    pub directives: Vec<String>,
    pub losses: Vec<Code>,
    pub note: Option<&'static str>,
    pub jobs: Vec<String>,
}

impl Report {
    /// The totals, computed from the jobs.
    #[must_use]
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            jobs: self.jobs.len(),
            ..Totals::default()
        };
        let mut units = BTreeSet::new();
        for job in &self.jobs {
            match &job.outcome {
                Outcome::Converted { units: u, .. } => {
                    t.converted += 1;
                    units.extend(u.iter());
                }
                Outcome::NotConverted { .. } => t.not_converted += 1,
            }
            if job.is_clean() {
                t.clean += 1;
            }
            match job.worst() {
                Some(Severity::Error) => t.worst_error += 1,
                Some(Severity::Warning) => t.worst_warning += 1,
                Some(Severity::Info) => t.worst_info += 1,
                None => {}
            }
            let mut codes = BTreeSet::new();
            for l in job.losses() {
                match l.severity {
                    Severity::Error => t.errors += 1,
                    Severity::Warning => t.warnings += 1,
                    Severity::Info => t.infos += 1,
                }
                let c = t.per_code.entry(l.code).or_default();
                c.losses += 1;
                c.severities.insert(l.severity);
                codes.insert(l.code);
            }
            for code in codes {
                t.per_code.entry(code).or_default().jobs += 1;
            }
        }
        t.units = units.len();
        t
    }

    /// The event → systemd mapping of every converted job, one row per
    /// distinct (stanza, event, result), `start on` first, then by event.
    #[must_use]
    pub fn mapping(&self) -> Vec<MappingRow> {
        type Key = (
            &'static str,
            String,
            Vec<String>,
            Vec<Code>,
            Option<&'static str>,
        );
        let mut rows: BTreeMap<Key, Vec<String>> = BTreeMap::new();
        for job in &self.jobs {
            if let Outcome::Converted { events, .. } = &job.outcome {
                for e in events {
                    let key = (
                        e.stanza,
                        e.event.clone(),
                        e.directives.clone(),
                        e.losses.clone(),
                        e.note,
                    );
                    let jobs = rows.entry(key).or_default();
                    if !jobs.contains(&job.name) {
                        jobs.push(job.name.clone());
                    }
                }
            }
        }
        let mut out: Vec<MappingRow> = rows
            .into_iter()
            .map(
                |((stanza, event, directives, losses, note), jobs)| MappingRow {
                    stanza,
                    event,
                    directives,
                    losses,
                    note,
                    jobs,
                },
            )
            .collect();
        // `start on` before `stop on`; otherwise the map's order.
        out.sort_by_key(|r| r.stanza != "start on");
        out
    }
}

/// The name and one-line summary of a code, for the per-code table.
#[must_use]
pub fn code_title(code: Code) -> (&'static str, &'static str) {
    crate::lint::registry::find(code.as_str()).map_or(("", ""), |r| (r.name, r.summary))
}

impl MappingRow {
    /// The row's cells after the stanza and event, with names quoted by
    /// the format's `code`: the directives it became (None when it became
    /// none: [`empty_mapping_text`] says why), the loss codes, the jobs.
    #[must_use]
    pub fn cells(&self, code: fn(&str) -> String) -> (Option<String>, String, String) {
        let join = |names: &mut dyn Iterator<Item = String>| names.collect::<Vec<_>>().join(" ");
        let became = (!self.directives.is_empty())
            .then(|| join(&mut self.directives.iter().map(|d| code(d))));
        let losses = join(&mut self.losses.iter().map(|c| c.as_str().to_string()));
        (became, losses, join(&mut self.jobs.iter().map(|j| code(j))))
    }
}

/// A job's units quoted by the format's `code`, or "no unit".
#[must_use]
pub fn unit_list(j: &JobEntry, code: fn(&str) -> String) -> String {
    match &j.outcome {
        Outcome::Converted { units, .. } => {
            units.iter().map(|u| code(u)).collect::<Vec<_>>().join(", ")
        }
        Outcome::NotConverted { .. } => "no unit".to_string(),
    }
}

/// What the mapping table says for an event that added no directive.
#[must_use]
pub fn empty_mapping_text(row: &MappingRow) -> &'static str {
    match (row.note, row.losses.is_empty()) {
        (Some(note), _) => note,
        (None, true) => "no directive of its own (see the other events of the job)",
        (None, false) => "not converted (see the losses)",
    }
}

#[cfg(test)]
mod tests;
