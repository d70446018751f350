//! `upstart-run`: run one job in the foreground under supervision.

use super::Status;
use crate::diag::Diagnostic;
use crate::exec::{RunOptions, RunOutcome};
use crate::load::LoadedJob;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Stay in the foreground (default: detach and supervise in the background).
    #[arg(long)]
    pub foreground: bool,
    /// Write the supervisor's pid to FILE (after detaching).
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// Directory for `console log` output (<job>.log).
    #[arg(long, value_name = "DIR")]
    pub log_dir: Option<PathBuf>,
    /// Start the job as if event NAME had started it: sets UPSTART_EVENTS
    /// (repeat for several), and KEY=VALUE become the event's variables.
    #[arg(long, value_name = "NAME")]
    pub event: Vec<String>,
    /// Log state changes to stderr.
    #[arg(short, long)]
    pub verbose: bool,
    /// The job file.
    pub file: PathBuf,
    /// KEY=VALUE start environment.
    pub env: Vec<String>,
}

pub fn run(args: &Args) -> Status {
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
        // The linter's concise form: the supervisor stays small (the
        // graphical renderer would be most of its resident code).
        for e in &job.conf.parsed.errors {
            let d = Diagnostic::from_parse(&job.conf.source, e);
            eprintln!("{}", crate::diag::concise::line(&d));
            if let Some(help) = &d.help {
                eprintln!("  help: {help}");
            }
        }
        return Status::Error;
    }
    let log_dir = args.log_dir.clone().unwrap_or_else(|| {
        std::env::var_os("UPSTART_LOGDIR")
            .map_or_else(|| PathBuf::from("/var/log/upstart"), PathBuf::from)
    });
    let mut opts = RunOptions {
        log_dir,
        env,
        events: args.event.clone(),
        verbose: args.verbose,
    };
    let mut pidfile = None;
    if !args.foreground {
        // Everything that can be a usage error is checked above, before detaching.
        opts.log_dir = absolute(&opts.log_dir);
        pidfile = args.pidfile.as_deref().map(absolute);
        match detach::detach(pidfile.as_deref()) {
            Ok(detach::Role::Launcher(code)) => return code,
            Ok(detach::Role::Supervisor) => {}
            Err(e) => {
                eprintln!("upstart-run: cannot detach: {e}");
                return Status::Problems;
            }
        }
    } else if let Some(p) = &args.pidfile {
        if let Err(e) = detach::write_pidfile(p) {
            eprintln!("upstart-run: {}: {e}", p.display());
            return Status::Problems;
        }
        pidfile = Some(p.clone());
    }
    let out = crate::exec::run(&job, &opts);
    if let Some(p) = pidfile {
        detach::remove_pidfile(&p);
    }
    match out {
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

fn absolute(p: &std::path::Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Double fork, `setsid`, stdio to /dev/null, chdir `/`, pidfile.
mod detach {
    use super::Status;
    use nix::sys::wait::waitpid;
    use nix::unistd::{ForkResult, chdir, fork, pipe, setsid};
    use std::fs::File;
    use std::io::{Read, Write};
    use std::path::Path;

    pub enum Role {
        /// The launching process: exit with this status.
        Launcher(Status),
        /// The detached supervisor: go on supervising.
        Supervisor,
    }

    pub fn write_pidfile(p: &Path) -> std::io::Result<()> {
        let tmp = p.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, format!("{}\n", std::process::id()))?;
        std::fs::rename(&tmp, p)
    }

    /// Remove the pidfile if it still names us.
    pub fn remove_pidfile(p: &Path) {
        let ours = std::process::id().to_string();
        if std::fs::read_to_string(p).is_ok_and(|s| s.trim() == ours) {
            let _ = std::fs::remove_file(p);
        }
    }

    /// Returns in the launcher (once the supervisor is running or has failed to
    /// start) and in the detached supervisor.
    pub fn detach(pidfile: Option<&Path>) -> Result<Role, String> {
        let (rd, wr) = pipe().map_err(|e| format!("pipe: {e}"))?;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // SAFETY: upstart-run is single-threaded here; the children only make
        // async-signal-safe calls before they either exit or carry on alone.
        match unsafe { fork() }.map_err(|e| format!("fork: {e}"))? {
            ForkResult::Parent { child } => {
                drop(wr);
                let _ = waitpid(child, None);
                let mut msg = String::new();
                let _ = File::from(rd).read_to_string(&mut msg);
                if msg == "ok" {
                    Ok(Role::Launcher(Status::Clean))
                } else if msg.is_empty() {
                    Err("the supervisor died before it started".into())
                } else {
                    Err(msg)
                }
            }
            ForkResult::Child => {
                drop(rd);
                let mut wr = File::from(wr);
                let fail = |wr: &mut File, m: String| -> ! {
                    let _ = wr.write_all(m.as_bytes());
                    std::process::exit(1)
                };
                if let Err(e) = setsid() {
                    fail(&mut wr, format!("setsid: {e}"));
                }
                // SAFETY: as above.
                match unsafe { fork() } {
                    Err(e) => fail(&mut wr, format!("fork: {e}")),
                    Ok(ForkResult::Parent { .. }) => std::process::exit(0),
                    Ok(ForkResult::Child) => {}
                }
                if let Err(e) = chdir("/") {
                    fail(&mut wr, format!("chdir /: {e}"));
                }
                if let Some(p) = pidfile
                    && let Err(e) = write_pidfile(p)
                {
                    fail(&mut wr, format!("{}: {e}", p.display()));
                }
                let null = match File::options().read(true).write(true).open("/dev/null") {
                    Ok(f) => f,
                    Err(e) => fail(&mut wr, format!("/dev/null: {e}")),
                };
                let r = nix::unistd::dup2_stdin(&null)
                    .and_then(|()| nix::unistd::dup2_stdout(&null))
                    .and_then(|()| nix::unistd::dup2_stderr(&null));
                if let Err(e) = r {
                    fail(&mut wr, format!("dup2: {e}"));
                }
                let _ = wr.write_all(b"ok");
                Ok(Role::Supervisor)
            }
        }
    }
}
