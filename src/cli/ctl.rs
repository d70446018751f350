//! `upstart-tools ctl VERB ...`: initctl's commands, sent to a running
//! `upstart-run` job set over its control socket. The binary also answers
//! to the names `initctl`, `start`, `stop`, `restart`, `reload` and
//! `status` (see `upstart-tools install-compat`).
//!
//! Arguments are checked as initctl checks them before it talks to init
//! (a missing job or event name); everything else (`KEY=VALUE` form,
//! unknown jobs) is the server's answer, printed as it comes.

use crate::supervisor::control::{self, client, protocol::Request};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The control socket of the job set [default: $UPSTART_TOOLS_CONTROL,
    /// else $XDG_RUNTIME_DIR/upstart-tools/control, else
    /// /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control].
    #[arg(long, value_name = "PATH", global = true)]
    pub control: Option<PathBuf>,
    #[command(subcommand)]
    pub verb: Verb,
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum Verb {
    /// Start job (without JOB, inside a job process: that job, without waiting).
    Start(Waited),
    /// Stop job (without JOB, inside a job process: that job, without waiting).
    Stop(Waited),
    /// Restart job.
    Restart(Waited),
    /// Send the job's reload signal (SIGHUP by default) to its main process.
    Reload(Job),
    /// Query status of job.
    Status(Job),
    /// List known jobs.
    List,
    /// Emit an event.
    Emit(Emit),
    /// Reload the configuration of the job set.
    ReloadConfiguration,
    /// Request the version of the server.
    Version,
    /// Show emits, start on and stop on details for job configurations.
    ShowConfig {
        /// Enumerate the events and jobs causing each job to start and stop.
        #[arg(short, long)]
        enumerate: bool,
        /// Jobs to show (default: all).
        #[arg(value_name = "JOB")]
        jobs: Vec<String>,
    },
    /// Check for unreachable jobs/event conditions.
    CheckConfig {
        /// Take these events as emitted (comma-separated).
        #[arg(short, long = "ignore-events", value_name = "EVENT_LIST")]
        ignore_events: Vec<String>,
        /// Report an `or` with any unreachable side (default: only when
        /// neither side can happen).
        #[arg(short, long)]
        warn: bool,
        /// The job to check (default: all).
        #[arg(value_name = "JOB")]
        jobs: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
pub(super) struct Waited {
    /// Do not wait for the job to reach its goal before exiting.
    #[arg(short = 'n', long)]
    no_wait: bool,
    #[command(flatten)]
    job: Job,
}

#[derive(Debug, clap::Args)]
pub(super) struct Job {
    /// The job; KEY=VALUE select the instance and become its environment.
    #[arg(value_name = "JOB")]
    job: Option<String>,
    #[arg(value_name = "KEY=VALUE")]
    env: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct Emit {
    /// Do not wait for the event to finish before exiting.
    #[arg(short = 'n', long)]
    no_wait: bool,
    /// The event; KEY=VALUE are its variables.
    #[arg(value_name = "EVENT")]
    event: Option<String>,
    #[arg(value_name = "KEY=VALUE")]
    env: Vec<String>,
}

/// How the command was invoked, for its messages: `initctl: missing job
/// name` / ``Try `initctl --help' for more information.``
#[derive(Clone, Debug)]
pub(super) struct Names {
    /// The prefix of error lines (`initctl`, or `start` when run as `start`).
    pub program: String,
    /// The command `--help` is suggested on.
    pub help: String,
}

/// initctl's usage error: `PROGRAM: MESSAGE` and the help hint, status 1.
fn usage_error(names: &Names, message: &str) -> ExitCode {
    super::eprint(&format!(
        "{}: {message}\nTry `{} --help' for more information.\n",
        names.program, names.help
    ));
    ExitCode::from(1)
}

/// Job-less `start`/`stop`/`restart`/`reload` inside a job process:
/// `UPSTART_JOB` and `UPSTART_INSTANCE` must both be set, as for initctl.
fn caller() -> Option<(String, String)> {
    Some((
        std::env::var("UPSTART_JOB").ok()?,
        std::env::var("UPSTART_INSTANCE").ok()?,
    ))
}

/// The request for `verb`, or initctl's usage error.
fn request(verb: Verb, names: &Names) -> Result<Request, ExitCode> {
    let missing_job = || usage_error(names, "missing job name");
    // (job, env, wait) of a verb that may act on the caller's own job.
    let target = |job: Job, wait: bool| match job.job {
        Some(name) => Ok((Some(name), job.env, wait)),
        None => caller()
            .map(|(j, i)| (None, control::caller_env(&j, &i), false))
            .ok_or_else(missing_job),
    };
    Ok(match verb {
        Verb::Start(w) => {
            let (job, env, wait) = target(w.job, !w.no_wait)?;
            Request::Start { job, env, wait }
        }
        Verb::Stop(w) => {
            let (job, env, wait) = target(w.job, !w.no_wait)?;
            Request::Stop { job, env, wait }
        }
        Verb::Restart(w) => {
            let (job, env, wait) = target(w.job, !w.no_wait)?;
            Request::Restart { job, env, wait }
        }
        Verb::Reload(j) => {
            let (job, env, _) = target(j, false)?;
            Request::Reload { job, env }
        }
        Verb::Status(j) => match j.job {
            Some(job) => Request::Status { job, env: j.env },
            // The protocol names a status by job and KEY=VALUE only: the
            // caller's own job can be asked for when it is a singleton.
            None => match caller() {
                Some((job, instance)) if instance.is_empty() => Request::Status {
                    job,
                    env: Vec::new(),
                },
                _ => return Err(missing_job()),
            },
        },
        Verb::Emit(e) => match e.event {
            Some(event) if !event.is_empty() => Request::Emit {
                event,
                env: e.env,
                wait: !e.no_wait,
            },
            _ => return Err(usage_error(names, "missing event name")),
        },
        Verb::List => Request::List,
        Verb::ReloadConfiguration => Request::ReloadConfiguration,
        Verb::Version => Request::Version,
        Verb::ShowConfig { enumerate, jobs } => Request::ShowConfig { jobs, enumerate },
        Verb::CheckConfig {
            ignore_events,
            warn,
            jobs,
        } => Request::CheckConfig {
            jobs,
            ignore: ignore_events
                .iter()
                .flat_map(|list| list.split(','))
                .filter(|e| !e.is_empty())
                .map(str::to_string)
                .collect(),
            warn,
        },
    })
}

/// `text` with each line's leading `initctl: ` made `PROGRAM: `, as
/// initctl prints its name as invoked (`start: Job is already running`).
fn renamed(text: &str, program: &str) -> String {
    if program == "initctl" {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .map(|line| match line.strip_prefix("initctl: ") {
            Some(rest) => format!("{program}: {rest}"),
            None => line.to_string(),
        })
        .collect()
}

pub(super) fn run(args: Args, names: &Names) -> ExitCode {
    let path = control::resolve_path(args.control.as_deref());
    let request = match request(args.verb, names) {
        Ok(r) => r,
        Err(code) => return code,
    };
    match client::send(&path, &request) {
        Ok(reply) => {
            let _ = super::write_stdout(&reply.stdout);
            let _ = std::io::stderr()
                .lock()
                .write_all(renamed(&reply.stderr, &names.program).as_bytes());
            ExitCode::from(u8::try_from(reply.status).unwrap_or(1))
        }
        Err(e) => {
            super::eprint(&format!("{}: {e}\n", names.program));
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::renamed;

    #[test]
    fn error_lines_take_the_invoked_name() {
        assert_eq!(
            renamed(
                "initctl: Unknown parameter: N\nUsage: inst N=<name>\n",
                "start"
            ),
            "start: Unknown parameter: N\nUsage: inst N=<name>\n"
        );
        assert_eq!(renamed("initctl: x\n", "initctl"), "initctl: x\n");
    }
}
