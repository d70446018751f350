//! What `upstart-tools ctl` (and its `initctl`, `start`, `stop`, ...
//! names) says to a running `upstart-run` job set, and what it hears back.
//!
//! One request per connection: the client writes one JSON line, the server
//! answers with one JSON line when the request is done (for `start`, when
//! the job is running or, for a task, finished; for `emit`, when the event
//! has finished), then closes. The server renders initctl's own text, so
//! the client only prints `stdout` and `stderr` and exits with `status`.

use serde::{Deserialize, Serialize};

/// An initctl verb with its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verb", rename_all = "kebab-case")]
pub enum Request {
    /// `emit EVENT [KEY=VALUE]...`; `wait: false` is `--no-wait`.
    Emit {
        event: String,
        env: Vec<String>,
        wait: bool,
    },
    /// `start JOB [KEY=VALUE]...`; without a job, the caller's own
    /// (`UPSTART_JOB`/`UPSTART_INSTANCE` of a job process), never waiting.
    Start {
        job: Option<String>,
        env: Vec<String>,
        wait: bool,
    },
    Stop {
        job: Option<String>,
        env: Vec<String>,
        wait: bool,
    },
    Restart {
        job: Option<String>,
        env: Vec<String>,
        wait: bool,
    },
    Reload {
        job: Option<String>,
        env: Vec<String>,
    },
    Status {
        job: String,
        env: Vec<String>,
    },
    List,
    ReloadConfiguration,
    ShowConfig {
        jobs: Vec<String>,
        enumerate: bool,
    },
    /// `check-config [-w] [-i EVENT,...] [JOB]`.
    CheckConfig {
        jobs: Vec<String>,
        /// Events taken as emitted (`--ignore-events`).
        #[serde(default)]
        ignore: Vec<String>,
        /// An `or` needs both sides reachable (`--warn`).
        #[serde(default)]
        warn: bool,
    },
    Version,
}

/// The answer: what initctl would print, and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

impl Reply {
    /// Success with `text` on stdout.
    #[must_use]
    pub fn ok(text: impl Into<String>) -> Self {
        Self {
            stdout: text.into(),
            stderr: String::new(),
            status: 0,
        }
    }

    /// initctl's error form: `initctl: MESSAGE` on stderr, status 1.
    #[must_use]
    pub fn error(message: &str) -> Self {
        Self {
            stdout: String::new(),
            stderr: format!("initctl: {message}\n"),
            status: 1,
        }
    }
}

/// Identifies a connected client until its reply is sent.
pub type ClientId = u64;
