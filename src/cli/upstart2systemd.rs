//! `upstart2systemd` / `upstart-tools convert`: upstart jobs → systemd units.
//!
//! One job and no `-o`: its units on stdout (several units each after a
//! `# NAME` header), diagnostics on stderr. `-o DIR`: one file per unit,
//! written atomically, never over a different file without `--force`.
//! `--check` / `--diff` compare with `DIR` and write nothing. `--report
//! FILE` writes the migration report of the whole set (`cli::report`),
//! with the units or, without `-o`, instead of them.
//!
//! Exit status (the rule of every command, see `Status`): 0 nothing at
//! error level; 1 an error-level diagnostic (a parse error, an error-level
//! conversion loss, a job not converted), a difference under `--check` or
//! `--diff`, or a failed `--verify`; 2 usage or I/O error. Warnings and
//! infos do not change it. The worst one wins; every other job is still
//! converted.

use super::report::{ReportFormat, Sink, format_of, rejected};
use super::walk::Entry;
use super::write::{WriteArgs, WriteHelp, create_output_dir, plural};
use super::{Status, eprint, stderr_color, write_stdout};
use crate::convert::{Conversion, Loss, from_override, to_systemd};
use crate::diag::Diagnostic;
use crate::load::{FileKind, LoadedJob, ParsedFile, file_kind, job_name};
use crate::report::UnitsFate;
use crate::syntax::Dialect;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files (`.conf`) or directories of them (walked; job names are
    /// relative to the directory). A `.override` beside a job is merged first.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    write: WriteArgs<UnitsHelp>,
    /// Run `systemd-analyze verify` on the units when it is installed (exit 1 if it fails).
    #[arg(long)]
    verify: bool,
    /// Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`.
    #[arg(long, value_enum)]
    dialect: Option<super::DialectArg>,
    /// Write a migration report of the whole job set to FILE (`-`: stdout): each job's units, every loss of meaning with its severity and what to do by hand, the event → systemd mapping, totals and the job graph. Without -o no unit is written (report only)
    #[arg(long, value_name = "FILE", help_heading = "Report")]
    report: Option<PathBuf>,
    /// The report's format; by default from FILE's extension (.md, .html)
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "report",
        help_heading = "Report"
    )]
    report_format: Option<ReportFormat>,
}

/// The write options' help: units are written.
#[derive(Debug)]
pub(crate) struct UnitsHelp;

impl WriteHelp for UnitsHelp {
    const OUTPUT: &'static str = "Write the units into DIR (`JOB.service`, `JOB@.service` for instance jobs, event targets beside them) instead of printing them";
    const FORCE: &'static str =
        "Overwrite units in DIR that differ from the conversion (and an existing --report FILE)";
    const CHECK: &'static str =
        "Exit 1 when a unit in DIR differs from what would be written (writes nothing)";
}

/// A job to convert.
pub(crate) struct JobInput {
    pub(crate) name: String,
    pub(crate) path: PathBuf,
}

/// A unit produced in this run.
struct Produced {
    /// Its text, kept only for `--verify`: a run over thousands of jobs
    /// holds a digest of each unit, not the unit.
    text: Option<String>,
    /// What tells two texts apart when another job produces the same unit.
    digest: (usize, u64),
    /// The job that produced it first.
    job: String,
}

impl Produced {
    fn new(text: String, job: &str, keep: bool) -> Self {
        Self {
            digest: digest(&text),
            text: keep.then_some(text),
            job: job.to_string(),
        }
    }
}

/// A unit text's length and SipHash.
fn digest(text: &str) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    (text.len(), h.finish())
}

pub(crate) fn run(args: &Args) -> Status {
    let report = match &args.report {
        Some(path) => match report_target(path, args) {
            Ok(format) => Some((path, format)),
            Err(why) => {
                eprint(&why);
                return Status::Error;
            }
        },
        None => None,
    };
    let mut sink = report.map(|_| Sink::default());
    let (jobs, mut status) = collect(&args.paths);
    let dialect = args.dialect.map_or_else(Dialect::default, Into::into);
    // Without -o, the units go to stdout, unless a report is all that is asked.
    let to_stdout = args.write.output.is_none() && report.is_none();
    if to_stdout && jobs.len() > 1 {
        eprint(&format!(
            "upstart2systemd: {} jobs given: use -o DIR to write their units, or --report FILE for a report only (stdout takes one job)\n",
            jobs.len()
        ));
        return Status::Error;
    }
    let writes = args.write.writes();
    if !create_output_dir(args.write.output.as_deref(), writes) {
        return Status::Error;
    }

    let mut produced: BTreeMap<String, Produced> = BTreeMap::new();
    let (mut converted, mut failed) = (0usize, 0usize);
    let mut batch = args.write.batch();
    // Units in DIR that now hold the conversion (verified there).
    let mut on_disk: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let several = jobs.len() > 1;
    for job in &jobs {
        let Some(conv) = convert_one(job, several, dialect, &mut status, sink.as_mut()) else {
            failed += 1;
            continue;
        };
        converted += 1;
        if to_stdout {
            if print_units(&conv).is_err() {
                return Status::Error;
            }
            for unit in &conv.units {
                produced.insert(
                    unit.file_name.clone(),
                    Produced::new(unit.unit.render(), &job.name, args.verify),
                );
            }
            continue;
        }
        let Some(batch) = batch.as_mut() else {
            continue;
        };
        for unit in &conv.units {
            let text = unit.unit.render();
            if let Some(p) = produced.get(&unit.file_name) {
                if p.digest != digest(&text) {
                    eprint(&format!(
                        "{}: error: job `{}` also produces {} with other contents; not written\n",
                        job.path.display(),
                        p.job,
                        unit.file_name
                    ));
                    status = Status::Error;
                }
                continue;
            }
            if batch.place(&unit.file_name, &text, &mut status) {
                on_disk.insert(unit.file_name.clone());
            }
            produced.insert(
                unit.file_name.clone(),
                Produced::new(text, &job.name, args.verify),
            );
        }
    }

    if let (Some(dir), Some(batch)) = (&args.write.output, batch) {
        let what = batch.finish(&mut status);
        let units = produced.len();
        eprint(&format!(
            "upstart2systemd: {converted} job{} converted into {units} unit{} in {} ({what}){}\n",
            plural(converted),
            plural(units),
            dir.display(),
            if failed > 0 {
                format!(", {failed} not converted")
            } else {
                String::new()
            }
        ));
    }

    if let (Some((path, format)), Some(sink)) = (report, sink) {
        let fate = match &args.write.output {
            Some(dir) if writes => UnitsFate::Written(dir.display().to_string()),
            Some(dir) => UnitsFate::Compared(dir.display().to_string()),
            None => UnitsFate::NotWritten,
        };
        status = status.max(sink.write(path, format, &args.paths, fate));
    }

    if args.verify {
        let units: Vec<(String, String)> = produced
            .into_iter()
            .filter(|(name, _)| !writes || on_disk.contains(name))
            .filter_map(|(name, p)| p.text.map(|text| (name, text)))
            .collect();
        if !units.is_empty() {
            status = status.max(verify(
                args.write.output.as_deref().filter(|_| writes),
                &units,
            ));
        }
    }
    status
}

/// The report's format, or why the report cannot be written (checked
/// before any work: an existing file is kept without --force).
fn report_target(path: &Path, args: &Args) -> Result<ReportFormat, String> {
    let format = format_of(path, args.report_format)?;
    if path.as_os_str() != "-" && path.exists() && !args.write.force {
        return Err(format!(
            "{}: error: exists; not overwritten (use --force)\n",
            path.display()
        ));
    }
    Ok(format)
}

/// The jobs named by the command line, in order, and the status so far
/// (2 when a directory could not be walked or a path does not exist).
pub(crate) fn collect(paths: &[PathBuf]) -> (Vec<JobInput>, Status) {
    let mut jobs: Vec<JobInput> = Vec::new();
    let mut status = Status::Clean;
    let mut seen = std::collections::BTreeSet::new();
    let mut push = |jobs: &mut Vec<JobInput>, name: String, path: PathBuf| {
        if seen.insert(path.clone()) {
            jobs.push(JobInput { name, path });
        }
    };
    for p in paths {
        if p.is_dir() {
            for entry in super::walk::walk(p, |k| k == FileKind::Conf) {
                match entry {
                    Entry::File { path, name } => push(&mut jobs, name, path),
                    Entry::Unreadable { path, why } => {
                        eprint(&format!(
                            "{}: error[UL903] cannot read: {why}\n",
                            path.display()
                        ));
                        status = Status::Error;
                    }
                    // Upstart does not load it: neither is it converted.
                    Entry::Ignored { .. } => {}
                }
            }
        } else if file_kind(p) == Some(FileKind::Override) {
            // The job is the `.conf`; its override is merged into it.
            let conf = p.with_extension("conf");
            if conf.is_file() {
                push(&mut jobs, job_name(&conf, None), conf);
            } else {
                eprint(&format!(
                    "{}: error: an override needs its job: {} does not exist\n",
                    p.display(),
                    conf.display()
                ));
                status = Status::Error;
            }
        } else {
            push(&mut jobs, job_name(p, None), p.clone());
        }
    }
    (jobs, status)
}

/// Load, check and convert one job, printing its diagnostics and notes on
/// stderr. None when it is not converted (`status` says why).
fn convert_one(
    job: &JobInput,
    several: bool,
    dialect: Dialect,
    status: &mut Status,
    sink: Option<&mut Sink>,
) -> Option<Conversion> {
    let loaded = match LoadedJob::load(&job.path, job.name.clone()) {
        Ok(l) => l.for_dialect(dialect),
        Err(e) => {
            eprint(&format!(
                "{}: error[UL903] cannot read: {e}\n",
                job.path.display()
            ));
            *status = Status::Error;
            if let Some(sink) = sink {
                sink.not_converted(&job.name, &job.path, format!("cannot read: {e}"));
            }
            return None;
        }
    };
    if loaded.conf.parsed.has_errors() {
        if let Some(sink) = sink {
            sink.not_converted(&job.name, &job.path, rejected(&loaded));
        }
        print_parse_errors(&loaded.conf);
        eprint(&format!(
            "{}: not converted: upstart rejects this job (fix the errors above first)\n",
            job.path.display()
        ));
        *status = (*status).max(Status::Problems);
        return None;
    }
    if let Some(o) = loaded
        .override_file
        .as_ref()
        .filter(|o| o.parsed.has_errors())
    {
        // Upstart ignores an override it cannot parse; so does the conversion.
        print_parse_errors(o);
        eprint(&format!(
            "{}: warning: ignored, as upstart ignores it: the job is converted without it\n",
            o.path.display()
        ));
        *status = (*status).max(Status::Problems);
    }
    // What upstart stores differs from the text (a garbled escape, a
    // wrapped number, a NUL byte): the units carry upstart's value, and the
    // user hears why it differs from the file.
    for file in std::iter::once(&loaded.conf).chain(loaded.override_file.iter()) {
        if !file.parsed.has_errors() {
            for e in &file.parsed.errors {
                let d = Diagnostic::from_parse(&file.source, e);
                eprint(&format!("{}\n", crate::diag::concise::line(&d)));
            }
        }
    }
    let conv = to_systemd(&job.name, &loaded.resolved());
    let losses = loss_diagnostics(&loaded, &conv);
    print_losses(&losses);
    if let Some(sink) = sink {
        sink.converted(&loaded, &conv, &losses);
    }
    *status = (*status).max(super::loss_status(conv.losses.iter().map(|l| l.severity)));
    for note in &conv.notes {
        if several {
            eprint(&format!("{}: note: {note}\n", job.path.display()));
        } else {
            eprint(&format!("note: {note}\n"));
        }
    }
    Some(conv)
}

pub(crate) fn print_parse_errors(file: &ParsedFile) {
    for e in &file.parsed.errors {
        eprint(&Diagnostic::from_parse(&file.source, e).render(stderr_color(), 100));
    }
}

/// The losses as `file:line:col: severity[UL5xx] message` lines, each with
/// its `help:` line.
fn print_losses(diags: &[Diagnostic]) {
    for d in diags {
        let mut text = crate::diag::concise::line(d);
        text.push('\n');
        if let Some(h) = &d.help {
            text.push_str(&format!("  help: {h}\n"));
        }
        eprint(&text);
    }
}

/// The losses as diagnostics, in file order. A loss that only the
/// `.override` causes is located in the override.
fn loss_diagnostics(loaded: &LoadedJob, conv: &Conversion) -> Vec<Diagnostic> {
    let clean_override = loaded
        .override_file
        .as_ref()
        .filter(|o| !o.parsed.has_errors());
    let in_override: Vec<bool> = match clean_override {
        Some(_) => {
            let alone = crate::ast::resolve(&[&loaded.conf.parsed.job]);
            from_override(&conv.losses, &to_systemd(&loaded.name, &alone).losses)
        }
        None => vec![false; conv.losses.len()],
    };
    let mut diags: Vec<Diagnostic> = conv
        .losses
        .iter()
        .zip(in_override)
        .map(|(loss, ovr)| {
            let file = match clean_override {
                Some(o) if ovr => o,
                _ => &loaded.conf,
            };
            loss_diagnostic(file, loss)
        })
        .collect();
    diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diags
}

fn loss_diagnostic(file: &ParsedFile, loss: &Loss) -> Diagnostic {
    Diagnostic::new(
        &file.source,
        loss.code,
        loss.severity,
        loss.message.clone(),
        String::new(),
        loss.help.clone(),
        loss.span,
        &[],
    )
}

/// One job's units on stdout: a lone unit as is; several each after a
/// `# NAME` header line, separated by a blank line.
fn print_units(conv: &Conversion) -> std::io::Result<()> {
    let several = conv.units.len() > 1;
    let mut out = String::new();
    for (i, unit) in conv.units.iter().enumerate() {
        if several {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("# {}\n", unit.file_name));
        }
        out.push_str(&unit.unit.render());
    }
    if several {
        let names: Vec<&str> = conv.units.iter().map(|u| u.file_name.as_str()).collect();
        eprint(&format!(
            "note: {} units on stdout, each after its `# NAME` line ({}); -o DIR writes one file each\n",
            conv.units.len(),
            names.join(", ")
        ));
    }
    write_stdout(&out)
}

/// `systemd-analyze verify` on the units: those in `dir` when they were
/// written there, else copies in a temporary directory (whose path is
/// left out of the messages).
fn verify(dir: Option<&Path>, units: &[(String, String)]) -> Status {
    let tmp;
    let (base, shown) = match dir {
        Some(d) => (d.to_path_buf(), None),
        None => {
            tmp = match tempfile::Builder::new()
                .prefix("upstart2systemd-verify-")
                .tempdir()
            {
                Ok(t) => t,
                Err(e) => {
                    eprint(&format!(
                        "upstart2systemd: --verify: temporary directory: {e}\n"
                    ));
                    return Status::Error;
                }
            };
            for (name, text) in units {
                if let Err(e) = std::fs::write(tmp.path().join(name), text) {
                    eprint(&format!("upstart2systemd: --verify: {name}: {e}\n"));
                    return Status::Error;
                }
            }
            (tmp.path().to_path_buf(), Some(tmp.path().to_path_buf()))
        }
    };
    let out = std::process::Command::new("systemd-analyze")
        .args(["verify", "--man=no", "--recursive-errors=no"])
        .args(units.iter().map(|(name, _)| base.join(name)))
        .output();
    match out {
        Ok(o) => {
            let mut text = String::from_utf8_lossy(&o.stderr).into_owned();
            text.push_str(&String::from_utf8_lossy(&o.stdout));
            if let Some(t) = shown {
                text = text.replace(&format!("{}/", t.display()), "");
            }
            eprint(&text);
            if o.status.success() {
                eprint(&format!(
                    "upstart2systemd: systemd-analyze verify: {} unit{} OK\n",
                    units.len(),
                    plural(units.len())
                ));
                Status::Clean
            } else {
                eprint("upstart2systemd: systemd-analyze verify reported problems\n");
                Status::Problems
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprint("upstart2systemd: --verify: systemd-analyze is not installed; skipped\n");
            Status::Clean
        }
        Err(e) => {
            eprint(&format!(
                "upstart2systemd: --verify: systemd-analyze: {e}\n"
            ));
            Status::Error
        }
    }
}
