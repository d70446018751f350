//! `upstart-run DIR|FILE...`: a whole job set under upstart's event engine.
//! Jobs start on events (`startup` first), controlled with
//! `upstart-tools ctl` and the initctl names.

use super::Status;
use super::run::{Args, absolute, report_errors};
use super::walk::{Entry, expand};
use crate::load::{FileKind, LoadedJob};
use crate::supervisor::detach;
use crate::supervisor::jobset::{SetOptions, SetOutcome};
use std::path::PathBuf;

/// Load every job of `paths` with its override; jobs with errors are
/// reported in the linter's concise form and left out.
fn load(paths: &[PathBuf]) -> (Vec<LoadedJob>, bool) {
    let mut jobs: Vec<LoadedJob> = Vec::new();
    let mut problems = false;
    for entry in expand(paths, |k| k == FileKind::Conf) {
        match entry {
            Entry::File { path, name } => match LoadedJob::load(&path, name) {
                Ok(job) if job.conf.parsed.has_errors() => {
                    report_errors(&job);
                    eprintln!("upstart-run: {}: not started (errors above)", job.name);
                    problems = true;
                }
                Ok(job) => {
                    if jobs.iter().any(|j| j.name == job.name) {
                        eprintln!(
                            "upstart-run: {}: a job named {} is already loaded; this one is left out",
                            path.display(),
                            job.name
                        );
                        problems = true;
                    } else {
                        jobs.push(job);
                    }
                }
                Err(e) => {
                    eprintln!("upstart-run: {}: {e}", path.display());
                    problems = true;
                }
            },
            Entry::Unreadable { path, why } => {
                eprintln!("upstart-run: {}: {why}", path.display());
                problems = true;
            }
            Entry::Ignored { .. } => {}
        }
    }
    (jobs, problems)
}

pub(super) fn run(args: &Args) -> Status {
    let (paths, env) = args.split();
    if let Some(kv) = env.first() {
        eprintln!(
            "upstart-run: {kv}: KEY=VALUE is the start environment of a single job; a job set starts jobs on events (pass variables with `upstart-tools ctl emit EVENT KEY=VALUE`)"
        );
        return Status::Error;
    }
    if !args.event.is_empty() {
        eprintln!(
            "upstart-run: --event applies to a single job; a job set begins with --startup-event"
        );
        return Status::Error;
    }
    let (jobs, problems) = load(&paths);
    if jobs.is_empty() {
        let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "upstart-run: no job to run in {}: a job set needs readable `*.conf` files without errors (check them with `upstart-lint {}`)",
            given.join(", "),
            given.join(" ")
        );
        return Status::Error;
    }
    let log_dir = args.log_dir();
    let control = crate::supervisor::control::resolve_path(args.control.as_deref());
    let mut opts = SetOptions {
        log_dir,
        verbose: args.verbose,
        control,
        startup_event: args.startup_event.clone(),
        startup_env: Vec::new(),
    };
    if !args.foreground {
        opts.log_dir = absolute(&opts.log_dir);
        opts.control = absolute(&opts.control);
    }
    // A reload reads the same paths again; the job files are absolute in
    // the background, where the working directory is `/`.
    let reload_paths: Vec<PathBuf> = if args.foreground {
        paths.clone()
    } else {
        paths.iter().map(|p| absolute(p)).collect()
    };
    let pidfile = match args.background() {
        Ok(p) => p,
        Err(status) => return status,
    };
    let mut reload = || load(&reload_paths).0;
    let out = crate::supervisor::jobset::run(jobs, &opts, &mut reload);
    if let Some(p) = pidfile {
        detach::remove_pidfile(&p);
    }
    match out {
        SetOutcome::Stopped if problems => Status::Problems,
        SetOutcome::Stopped => Status::Clean,
        SetOutcome::Error(why) => {
            eprintln!("upstart-run: {why}");
            Status::Error
        }
    }
}
