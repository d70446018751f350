//! `upstart-run`: run one job, or a whole job set with upstart's event
//! engine, under supervision, detached (the default) or in the foreground
//! (`--foreground`).

use super::Status;
use crate::diag::Diagnostic;
use crate::load::LoadedJob;
use crate::supervisor::{RunOptions, RunOutcome, detach};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Stay in the foreground (default: detach and supervise in the background).
    #[arg(long)]
    pub foreground: bool,
    /// Write the supervisor's pid to FILE (after detaching).
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// Directory for `console log` output (<job>.log) [default:
    /// $UPSTART_LOGDIR, else /var/log/upstart].
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Start the job as if event NAME had started it: sets UPSTART_EVENTS
    /// (repeat for several), and KEY=VALUE become the event's variables.
    #[arg(long, value_name = "NAME")]
    pub event: Vec<String>,
    /// Log state changes to stderr.
    #[arg(short, long)]
    pub verbose: bool,
    /// After a requested stop, leave the processes the job left behind
    /// running, as upstart does (default: TERM, then KILL after the kill
    /// timeout).
    #[arg(long)]
    pub leave_leftovers: bool,
    /// The control socket of a job set, for `upstart-tools ctl` and the
    /// initctl names [default: $UPSTART_TOOLS_CONTROL, else
    /// $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control
    /// for root, else /tmp/upstart-tools-$UID/control].
    #[arg(long, value_name = "PATH")]
    pub control: Option<PathBuf>,
    /// The first event of a job set (upstart's --startup-event).
    #[arg(long, value_name = "NAME", default_value = "startup")]
    pub startup_event: String,
    /// The job file, or a directory of jobs (a job set: jobs start on
    /// events, as under upstart's init).
    pub file: PathBuf,
    /// More job files or directories (a job set), then KEY=VALUE: the start
    /// environment of a single job.
    #[arg(value_name = "PATH|KEY=VALUE")]
    pub env: Vec<String>,
}

impl Args {
    /// The job files and directories, and the `KEY=VALUE` arguments.
    pub(super) fn split(&self) -> (Vec<PathBuf>, Vec<String>) {
        let mut paths = vec![self.file.clone()];
        let mut env = Vec::new();
        for a in &self.env {
            if a.contains('=') {
                env.push(a.clone());
            } else {
                paths.push(PathBuf::from(a));
            }
        }
        (paths, env)
    }

    /// A job set: several paths, or a directory.
    fn is_set(&self) -> bool {
        let (paths, _) = self.split();
        paths.len() > 1 || paths.iter().any(|p| p.is_dir())
    }
}

pub(super) fn run(args: &Args) -> Status {
    if args.is_set() {
        return super::run_set::run(args);
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
    if let Some(bad) = args
        .event
        .iter()
        .find(|e| e.is_empty() || e.contains(char::is_whitespace) || e.contains('='))
    {
        eprintln!(
            "upstart-run: --event {bad:?}: an event name is one word without `=`; pass its variables as KEY=VALUE"
        );
        return Status::Error;
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
        report_errors(&job);
        return Status::Error;
    }
    let mut opts = RunOptions {
        log_dir: args.log_dir(),
        env,
        events: args.event.clone(),
        verbose: args.verbose,
        leave_leftovers: args.leave_leftovers,
    };
    if !args.foreground {
        opts.log_dir = absolute(&opts.log_dir);
    }
    let pidfile = match args.background() {
        Ok(p) => p,
        Err(status) => return status,
    };
    let out = crate::supervisor::run(&job, &opts);
    if let Some(p) = pidfile {
        detach::remove_pidfile(&p);
    }
    match out {
        RunOutcome::Ok => Status::Clean,
        RunOutcome::Failed(why) => {
            eprintln!("upstart-run: {} failed: {why}", job.name);
            if args.foreground
                && let Some(log) = crate::supervisor::newest_log(&opts.log_dir, &job.name)
            {
                crate::supervisor::print_log_tail(&log);
            }
            Status::Problems
        }
        RunOutcome::Error(why) => {
            eprintln!("upstart-run: {}: {why}", job.name);
            Status::Error
        }
    }
}

impl Args {
    /// `--log-dir`, else `$UPSTART_LOGDIR`, else upstart's directory.
    pub(super) fn log_dir(&self) -> PathBuf {
        self.log_dir.clone().unwrap_or_else(|| {
            std::env::var_os("UPSTART_LOGDIR")
                .map_or_else(|| PathBuf::from("/var/log/upstart"), PathBuf::from)
        })
    }

    /// Detach unless `--foreground` (every usage error must be checked
    /// before), and write the pidfile. The pidfile to remove at the end;
    /// `Err` with the status to exit with (the launcher's, or a failure).
    pub(super) fn background(&self) -> Result<Option<PathBuf>, Status> {
        if self.foreground {
            if let Some(p) = &self.pidfile
                && let Err(e) = detach::write_pidfile(p)
            {
                eprintln!("upstart-run: {}: {e}", p.display());
                return Err(Status::Problems);
            }
            return Ok(self.pidfile.clone());
        }
        let pidfile = self.pidfile.as_deref().map(absolute);
        match detach::detach(pidfile.as_deref()) {
            Ok(detach::Role::Launcher) => Err(Status::Clean),
            Ok(detach::Role::Supervisor) => Ok(pidfile),
            Err(e) => {
                eprintln!("upstart-run: cannot detach: {e}");
                Err(Status::Problems)
            }
        }
    }
}

/// A job's parse errors in the linter's concise form: the supervisor stays
/// small (the graphical renderer would be most of its resident code).
pub(super) fn report_errors(job: &LoadedJob) {
    for e in &job.conf.parsed.errors {
        let d = Diagnostic::from_parse(&job.conf.source, e);
        eprintln!("{}", crate::diag::concise::line(&d));
        if let Some(help) = &d.help {
            eprintln!("  help: {help}");
        }
    }
}

pub(super) fn absolute(p: &std::path::Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
