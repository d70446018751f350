//! `upstart2systemd` / `upstart-tools convert`.

use super::{Status, eprint, stderr_color, write_stdout};
use crate::convert::to_systemd;
use crate::diag::Diagnostic;
use crate::load::{FileKind, LoadedJob, file_kind, job_name};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files (`.conf`) or directories of them; a `.override` beside a job is merged first.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Write the units into this directory instead of printing one unit.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Overwrite units that already exist in the output directory.
    #[arg(long)]
    force: bool,
    /// Exit 1 when a unit on disk differs from what would be written (nothing is written).
    #[arg(long, conflicts_with = "diff")]
    check: bool,
    /// Print unified diffs against the units on disk (nothing is written).
    #[arg(long)]
    diff: bool,
    /// Run `systemd-analyze verify` on the written units when it is installed.
    #[arg(long)]
    verify: bool,
}

struct Job {
    name: String,
    path: PathBuf,
}

pub(crate) fn run(args: &Args) -> Status {
    let mut jobs = Vec::new();
    let mut status = Status::Clean;
    for p in &args.paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
            {
                match e {
                    Ok(e)
                        if e.file_type().is_file()
                            && file_kind(e.path()) == Some(FileKind::Conf) =>
                    {
                        jobs.push(Job {
                            name: job_name(e.path(), Some(p)),
                            path: e.path().to_path_buf(),
                        });
                    }
                    Ok(_) => {}
                    Err(err) => {
                        eprint(&format!("upstart2systemd: {err}\n"));
                        status = Status::Error;
                    }
                }
            }
        } else {
            jobs.push(Job {
                name: job_name(p, None),
                path: p.clone(),
            });
        }
    }
    let to_stdout = args.output.is_none() && !args.check && !args.diff;
    if to_stdout && jobs.len() > 1 {
        eprint("upstart2systemd: several jobs need -o DIR\n");
        return Status::Error;
    }
    let out_dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut written = Vec::new();
    for job in &jobs {
        let loaded = match LoadedJob::load(&job.path, job.name.clone()) {
            Ok(l) => l,
            Err(e) => {
                eprint(&format!(
                    "{}: error[UL903] cannot read: {e}\n",
                    job.path.display()
                ));
                status = Status::Error;
                continue;
            }
        };
        if loaded.conf.parsed.has_errors() {
            for e in &loaded.conf.parsed.errors {
                eprint(&Diagnostic::from_parse(&loaded.conf.source, e).render(stderr_color(), 100));
            }
            eprint(&format!(
                "{}: not converted: upstart rejects this job\n",
                job.path.display()
            ));
            status = status.max(Status::Problems);
            continue;
        }
        let conv = to_systemd(&job.name, &loaded.resolved());
        for loss in &conv.losses {
            let d = Diagnostic::new(
                &loaded.conf.source,
                loss.code,
                loss.severity,
                loss.message.clone(),
                String::new(),
                loss.help.clone(),
                loss.span,
                &[],
            );
            eprint(&format!("{}\n", crate::lint::output::concise::line(&d)));
            if let Some(h) = &d.help {
                eprint(&format!("  help: {h}\n"));
            }
        }
        for note in &conv.notes {
            eprint(&format!("note: {note}\n"));
        }
        for unit in &conv.units {
            let text = unit.unit.render();
            if to_stdout {
                let header = if conv.units.len() > 1 {
                    format!("# {}\n", unit.file_name)
                } else {
                    String::new()
                };
                if write_stdout(&format!("{header}{text}")).is_err() {
                    return Status::Error;
                }
                if conv.units.len() > 1 {
                    let _ = write_stdout("\n");
                }
                continue;
            }
            let target = out_dir.join(&unit.file_name);
            let existing = std::fs::read_to_string(&target).ok();
            if args.check {
                if existing.as_deref() != Some(text.as_str()) {
                    eprint(&format!("{} would change\n", target.display()));
                    status = status.max(Status::Problems);
                }
                continue;
            }
            if args.diff {
                let old = existing.unwrap_or_default();
                if old != text {
                    let d = similar::TextDiff::from_lines(&old, &text)
                        .unified_diff()
                        .header(
                            &target.display().to_string(),
                            &format!("{} (converted)", target.display()),
                        )
                        .to_string();
                    let _ = write_stdout(&d);
                }
                continue;
            }
            if existing.is_some() && !args.force {
                if existing.as_deref() == Some(text.as_str()) {
                    continue;
                }
                eprint(&format!(
                    "{}: exists; not overwritten (use --force)\n",
                    target.display()
                ));
                status = Status::Error;
                continue;
            }
            if let Err(e) = write_new(&out_dir, &target, &text) {
                eprint(&format!("{}: cannot write: {e}\n", target.display()));
                status = Status::Error;
                continue;
            }
            written.push(target);
        }
    }
    if args.verify && !written.is_empty() {
        status = status.max(verify(&written));
    }
    status
}

/// Write atomically: a temporary file in the directory, then a rename.
fn write_new(dir: &Path, target: &Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())?;
    tmp.as_file().sync_all()?;
    let perms = std::os::unix::fs::PermissionsExt::from_mode(0o644);
    std::fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

fn verify(units: &[PathBuf]) -> Status {
    let out = std::process::Command::new("systemd-analyze")
        .args(["verify", "--man=no", "--recursive-errors=no"])
        .args(units)
        .output();
    match out {
        Ok(o) => {
            let text = String::from_utf8_lossy(&o.stderr);
            eprint(&text);
            if o.status.success() {
                Status::Clean
            } else {
                Status::Problems
            }
        }
        Err(e) => {
            eprint(&format!(
                "upstart2systemd: --verify: systemd-analyze not available ({e})\n"
            ));
            Status::Clean
        }
    }
}
