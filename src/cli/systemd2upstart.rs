//! `systemd2upstart` / `upstart-tools systemd2upstart`: systemd units →
//! upstart jobs.
//!
//! One unit and no `-o`: its job on stdout, diagnostics on stderr. `-o
//! DIR`: one `NAME.conf` per unit (a template `foo@.service` gives
//! `foo.conf`, or `foo@.conf` beside `foo.service`, see `job_file_name`),
//! written atomically, never over a different file without
//! `--force`. `--check` / `--diff` compare with `DIR` and write nothing.
//! Drop-ins (`NAME.d/*.conf` beside a unit) are merged first.
//!
//! Exit status (the rule of every command, see `Status`): 0 nothing at
//! error level; 1 an error-level diagnostic (a syntax error in a unit —
//! systemd ignores the line, and so does the conversion, which still
//! happens —, an error-level conversion loss, a unit not converted) or a
//! difference under `--check` or `--diff`; 2 usage or I/O error. Warnings
//! and infos do not change it. The worst one wins; every other unit is
//! still converted.

use super::write::{WriteArgs, WriteHelp, create_output_dir, plural};
use super::{Status, eprint, write_stdout};
use crate::convert::Loss;
use crate::convert::from_systemd::from_systemd;
use crate::convert::systemd_unit::{UnitFile, dropin_paths, load_with_dropins, parse_unit};
use crate::source::{SourceFile, Span};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const NAME: &str = "systemd2upstart";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Unit files or directories of them (their `*.service` files). Drop-ins
    /// in `UNIT.d/*.conf` beside a unit are merged first.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    write: WriteArgs<JobsHelp>,
}

/// The write options' help: jobs are written.
#[derive(Debug)]
pub(crate) struct JobsHelp;

impl WriteHelp for JobsHelp {
    const OUTPUT: &'static str = "Write the jobs into DIR (`NAME.conf`; a template `NAME@.service` gives `NAME.conf` with an `instance` stanza, or `NAME@.conf` when `NAME.service` is converted too) instead of printing them";
    const FORCE: &'static str = "Overwrite jobs in DIR that differ from the conversion";
    const CHECK: &'static str =
        "Exit 1 when a job in DIR differs from what would be written (writes nothing)";
}

/// The job file name for a unit: `foo.service`, `foo@.service` and
/// `foo@bar.service` all give `foo.conf` — except a template `foo@.service`
/// when `foo.conf` is another job's: the plain `foo.service` is converted
/// in the same run (one of `plain`, the names of the run's units), or the
/// template names the job `foo` in its events (`PartOf=foo.service` →
/// `stop on stopping foo`; `refers_to_prefix`). The template then gives
/// `foo@.conf`, the job `foo@`: upstart loads any `*.conf`, and `@` is a
/// legal character in a job name.
#[must_use]
pub(crate) fn job_file_name(
    unit_name: &str,
    plain: &BTreeSet<String>,
    refers_to_prefix: bool,
) -> String {
    let stem = unit_name
        .rfind('.')
        .filter(|&dot| dot > 0)
        .map_or(unit_name, |dot| &unit_name[..dot]);
    let (prefix, instance) = stem.split_once('@').unwrap_or((stem, ""));
    let suffix = &unit_name[stem.len()..];
    if !prefix.is_empty()
        && instance.is_empty()
        && stem.ends_with('@')
        && (refers_to_prefix || plain.contains(&format!("{prefix}{suffix}")))
    {
        return format!("{prefix}@.conf");
    }
    format!("{prefix}.conf")
}

/// Whether the job's `start on`/`stop on` names `name` as an event or as
/// the job of a job event (`stopping NAME`).
fn refers_to(job: &crate::ast::Job, name: &str) -> bool {
    job.stanzas().any(|s| {
        let (crate::ast::StanzaKind::StartOn { on } | crate::ast::StanzaKind::StopOn { on }) =
            &s.kind
        else {
            return false;
        };
        on.expr.events().iter().any(|e| {
            e.name == name
                || e.args.first().is_some_and(|a| {
                    matches!(a, crate::ast::EventArg::Positional { pattern, .. } if pattern == name)
                })
        })
    })
}

pub(crate) fn run(args: &Args) -> Status {
    let (units, mut status) = collect(&args.paths);
    let to_stdout = args.write.output.is_none();
    if to_stdout && units.len() > 1 {
        eprint(&format!(
            "{NAME}: {} units given: use -o DIR to write their jobs (stdout takes one unit)\n",
            units.len()
        ));
        return Status::Error;
    }
    let writes = args.write.writes();
    if !create_output_dir(args.write.output.as_deref(), writes) {
        return Status::Error;
    }
    // The names of the units in this run (a template beside its plain unit
    // is renamed, see `job_file_name`).
    let names: BTreeSet<String> = units
        .iter()
        .filter_map(|u| u.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    // Job file name → (text, the unit that produced it).
    let mut produced: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    let (mut converted, mut failed) = (0usize, 0usize);
    let mut batch = args.write.batch();
    for path in &units {
        let Some((unit, job, text)) = convert_one(path, &mut status) else {
            failed += 1;
            continue;
        };
        converted += 1;
        let Some(batch) = batch.as_mut() else {
            if write_stdout(&text).is_err() {
                return Status::Error;
            }
            continue;
        };
        let prefix = job_file_name(&unit.name, &BTreeSet::new(), false);
        let prefix = prefix.trim_end_matches(".conf");
        let file_name = job_file_name(&unit.name, &names, refers_to(&job, prefix));
        if file_name.ends_with("@.conf") {
            let job_name = file_name.trim_end_matches(".conf");
            let var = instance_var(&text).unwrap_or_else(|| "INSTANCE".to_string());
            eprint(&format!(
                "{}: note: written as {file_name} (the job `{job_name}`): {prefix}.conf is the job of {prefix}.service{}; start an instance with `start {job_name} {var}=NAME`\n",
                path.display(),
                if names.contains(&format!("{prefix}.service")) {
                    ", converted in the same run"
                } else {
                    ", which this template names in its events"
                }
            ));
        }
        if let Some((other_text, other)) = produced.get(&file_name) {
            if *other_text != text {
                eprint(&format!(
                    "{}: error: {} also produces {file_name} with other contents; not written\n",
                    path.display(),
                    other.display()
                ));
                status = Status::Error;
            }
            continue;
        }
        produced.insert(file_name.clone(), (text.clone(), path.clone()));
        batch.place(&file_name, &text, &mut status);
    }
    if let (Some(dir), Some(batch)) = (&args.write.output, batch) {
        let what = batch.finish(&mut status);
        eprint(&format!(
            "{NAME}: {converted} unit{} converted into {} job{} in {} ({what}){}\n",
            plural(converted),
            produced.len(),
            plural(produced.len()),
            dir.display(),
            if failed > 0 {
                format!(", {failed} not converted")
            } else {
                String::new()
            }
        ));
    }
    status
}

/// The variable of the job's `instance $VAR` stanza.
fn instance_var(job: &str) -> Option<String> {
    job.lines().find_map(|l| {
        l.strip_prefix("instance $")
            .map(|v| v.trim_matches(|c| c == '{' || c == '}').to_string())
    })
}

/// The units named by the command line, in order (directories give their
/// `*.service` files, sorted), and the status so far.
fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Status) {
    let mut units = Vec::new();
    let mut status = Status::Clean;
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut found: Vec<PathBuf> = rd
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        // Not `is_file()`: a FIFO or a dangling link named
                        // *.service is reported when read, not skipped.
                        .filter(|f| !f.is_dir() && f.extension().is_some_and(|x| x == "service"))
                        .collect();
                    found.sort();
                    units.extend(found);
                }
                Err(e) => {
                    eprint(&format!("{}: cannot read: {e}\n", p.display()));
                    status = Status::Error;
                }
            }
        } else {
            units.push(p.clone());
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    units.retain(|u| seen.insert(u.clone()));
    (units, status)
}

/// Load one unit with its drop-ins, report its syntax errors and the
/// conversion's losses on stderr, and print the job. None when it is not
/// converted (`status` says why).
fn convert_one(path: &Path, status: &mut Status) -> Option<(UnitFile, crate::ast::Job, String)> {
    let (unit, errors) = match load_with_dropins(path) {
        Ok(r) => r,
        Err(e) => {
            eprint(&format!("{}: cannot read: {e}\n", path.display()));
            *status = Status::Error;
            return None;
        }
    };
    let files = SourceFiles::load(path);
    for (file, e) in &errors {
        let (line, col) = files.line_col(file, e.span);
        eprint(&format!(
            "{}:{line}:{col}: error: {} (systemd ignores this line; so does the conversion)\n",
            file.display(),
            e.message
        ));
        *status = (*status).max(Status::Problems);
    }
    let conv = from_systemd(&unit);
    files.print_losses(&unit, &conv.losses);
    *status = (*status).max(super::loss_status(conv.losses.iter().map(|l| l.severity)));
    match crate::print::print(&conv.job) {
        Ok(text) => Some((unit, conv.job, text)),
        Err(e) => {
            eprint(&format!(
                "{}: error: not converted: the job cannot be printed: {e} (a bug in {NAME})\n",
                path.display()
            ));
            *status = (*status).max(Status::Problems);
            None
        }
    }
}

/// The unit file and its drop-ins, to place diagnostics.
struct SourceFiles {
    /// The unit first, then its drop-ins in merge order, each with its own
    /// entries when there are drop-ins (a unit alone holds every loss, and
    /// is not parsed a second time).
    files: Vec<(PathBuf, SourceFile, Option<UnitFile>)>,
}

impl SourceFiles {
    fn load(path: &Path) -> Self {
        let mut all = vec![path.to_path_buf()];
        all.extend(dropin_paths(path).unwrap_or_default());
        let alone = all.len() == 1;
        let files = all
            .into_iter()
            .filter_map(|p| {
                let bytes = crate::load::read_file(&p).ok()?;
                let unit = (!alone).then(|| parse_unit("", &bytes).0);
                let source = SourceFile::new(p.display().to_string(), bytes);
                Some((p, source, unit))
            })
            .collect();
        Self { files }
    }

    fn line_col(&self, file: &Path, span: Span) -> (usize, usize) {
        self.files
            .iter()
            .find(|(p, _, _)| p == file)
            .map_or((1, 1), |(_, s, _)| s.line_col(s.clamp(span).start))
    }

    /// The file a loss is in: the unit, unless only a drop-in has an
    /// entry with the same key and value around its span.
    fn file_of(&self, merged: &UnitFile, span: Span) -> Option<&SourceFile> {
        let holds = |u: &UnitFile| {
            u.sections.iter().flat_map(|s| &s.entries).any(|e| {
                e.key_span.start <= span.start
                    && span.end <= e.value_span.end.max(e.key_span.end)
                    && merged
                        .sections
                        .iter()
                        .flat_map(|s| &s.entries)
                        .any(|m| m == e)
            })
        };
        self.files
            .iter()
            .find(|(_, _, u)| u.as_ref().is_some_and(holds))
            .or_else(|| self.files.first())
            .map(|(_, s, _)| s)
    }

    fn print_losses(&self, merged: &UnitFile, losses: &[Loss]) {
        let mut diags: Vec<crate::diag::Diagnostic> = losses
            .iter()
            .filter_map(|loss| {
                let source = self.file_of(merged, loss.span)?;
                Some(crate::diag::Diagnostic::new(
                    source,
                    loss.code,
                    loss.severity,
                    loss.message.clone(),
                    String::new(),
                    loss.help.clone(),
                    loss.span,
                    &[],
                ))
            })
            .collect();
        diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        for d in &diags {
            let mut text = crate::diag::concise::line(d);
            text.push('\n');
            if let Some(h) = &d.help {
                text.push_str(&format!("  help: {h}\n"));
            }
            eprint(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::job_file_name;
    use std::collections::BTreeSet;

    #[test]
    fn job_names() {
        let none = BTreeSet::new();
        assert_eq!(job_file_name("foo.service", &none, false), "foo.conf");
        assert_eq!(job_file_name("getty@.service", &none, false), "getty.conf");
        assert_eq!(
            job_file_name("getty@tty1.service", &none, false),
            "getty.conf"
        );
        assert_eq!(job_file_name("a.b.service", &none, false), "a.b.conf");
        assert_eq!(job_file_name("noext", &none, false), "noext.conf");
        // A template that names the job `foo` in its events.
        assert_eq!(job_file_name("foo@.service", &none, true), "foo@.conf");
        assert_eq!(job_file_name("foo.service", &none, true), "foo.conf");
        // A template converted with its plain unit gets its own name.
        let run: BTreeSet<String> = ["foo.service", "foo@.service", "bar@.service"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(job_file_name("foo@.service", &run, false), "foo@.conf");
        assert_eq!(job_file_name("foo.service", &run, false), "foo.conf");
        assert_eq!(job_file_name("bar@.service", &run, false), "bar.conf");
    }
}
