//! `upstart-run`: run one job in the foreground under supervision.

use super::Status;
use crate::diag::Diagnostic;
use crate::exec::{RunOptions, RunOutcome};
use crate::load::LoadedJob;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Stay in the foreground (required for now).
    #[arg(long)]
    pub foreground: bool,
    /// Directory for `console log` output (<job>.log).
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Log state changes to stderr.
    #[arg(short, long)]
    pub verbose: bool,
    /// The job file.
    pub file: PathBuf,
    /// KEY=VALUE start environment.
    pub env: Vec<String>,
}

pub fn run(args: &Args) -> Status {
    if !args.foreground {
        eprintln!("upstart-run: detaching is not implemented yet; use --foreground");
        return Status::Error;
    }
    let mut env = Vec::new();
    for kv in &args.env {
        match kv.split_once('=') {
            Some((k, v)) if !k.is_empty() => env.push((k.to_string(), v.to_string())),
            _ => {
                eprintln!("upstart-run: Env must be KEY=VALUE pairs: {kv}");
                return Status::Error;
            }
        }
    }
    let name = crate::load::job_name(&args.file, None);
    let job = match LoadedJob::load(&args.file, name) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("upstart-run: {}: {e}", args.file.display());
            return Status::Error;
        }
    };
    if job.conf.parsed.has_errors() {
        for e in &job.conf.parsed.errors {
            eprint!(
                "{}",
                Diagnostic::from_parse(&job.conf.source, e).render(false, 100)
            );
        }
        return Status::Error;
    }
    let log_dir = args.log_dir.clone().unwrap_or_else(|| {
        std::env::var_os("UPSTART_LOGDIR")
            .map_or_else(|| PathBuf::from("/var/log/upstart"), PathBuf::from)
    });
    let opts = RunOptions {
        log_dir,
        env,
        verbose: args.verbose,
    };
    match crate::exec::run(&job, &opts) {
        RunOutcome::Ok => Status::Clean,
        RunOutcome::Failed(why) => {
            eprintln!("upstart-run: {} failed: {why}", job.name);
            Status::Problems
        }
        RunOutcome::Error(why) => {
            eprintln!("upstart-run: {}: {why}", job.name);
            Status::Error
        }
    }
}
