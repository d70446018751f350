//! A job class as the engine keeps it: owned values taken from the
//! resolved job (docs/language.md#supervision).

use super::expr::Node;
use crate::ast::{ExpectMode, ProcessKind, Resolved};
use crate::load::LoadedJob;
use std::collections::BTreeMap;

/// Everything the engine needs to know about a job file.
#[derive(Clone, Debug)]
pub struct JobClass {
    pub name: String,
    pub start_on: Option<Node>,
    pub stop_on: Option<Node>,
    /// argv of each process the job defines (`/bin/sh -e -c ...` for scripts).
    pub processes: BTreeMap<ProcessKind, Vec<String>>,
    pub task: bool,
    pub respawn: bool,
    /// (count, interval seconds); a zero disables the check.
    pub respawn_limit: (u64, u64),
    /// Statuses as upstart encodes them (code, or signal << 8).
    pub normal_exit: Vec<i64>,
    pub kill_signal: i32,
    pub kill_timeout: u64,
    pub reload_signal: i32,
    /// `env` stanzas in file order, valueless ones already taken from
    /// init's environment (or dropped when it has none).
    pub env: Vec<(String, String)>,
    pub export: Vec<String>,
    /// The `instance` template (empty for a singleton).
    pub instance: String,
    pub usage: Option<String>,
    pub expect: ExpectMode,
    pub manual: bool,
    /// `emits` patterns (`check-config` reads them).
    pub emits: Vec<String>,
}

impl JobClass {
    /// A class with no processes and no conditions (tests, synthetic jobs).
    #[must_use]
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_string(),
            start_on: None,
            stop_on: None,
            processes: BTreeMap::new(),
            task: false,
            respawn: false,
            respawn_limit: (10, 5),
            normal_exit: Vec::new(),
            kill_signal: 15,
            kill_timeout: 5,
            reload_signal: 1,
            env: Vec::new(),
            export: Vec::new(),
            instance: String::new(),
            usage: None,
            expect: ExpectMode::None,
            manual: false,
            emits: Vec::new(),
        }
    }

    /// The class of a loaded job; `init_env` supplies valueless `env KEY`.
    #[must_use]
    pub fn from_loaded(job: &LoadedJob, init_env: &[(String, String)]) -> Self {
        Self::from_resolved(&job.name, &job.resolved(), init_env)
    }

    #[must_use]
    pub fn from_resolved(name: &str, r: &Resolved<'_>, init_env: &[(String, String)]) -> Self {
        let mut env: Vec<(String, String)> = Vec::new();
        for e in &r.env {
            let value = match &e.value {
                Some(v) => Some(v.to_string()),
                None => init_env
                    .iter()
                    .rev()
                    .find(|(k, _)| *k == e.key)
                    .map(|(_, v)| v.clone()),
            };
            if let Some(v) = value {
                super::env_set(&mut env, &e.key, &v);
            }
        }
        Self {
            name: name.to_string(),
            start_on: r.start_on.map(|c| Node::from_ast(&c.expr)),
            stop_on: r.stop_on.map(|c| Node::from_ast(&c.expr)),
            processes: r
                .processes
                .iter()
                .map(|(k, body)| (*k, crate::supervisor::spawn::argv(body)))
                .collect(),
            task: r.task,
            respawn: r.respawn,
            respawn_limit: r.respawn_limit_values(),
            normal_exit: r.normal_exit.iter().map(|s| s.encoded()).collect(),
            kill_signal: r
                .kill_signal
                .map_or(15, |s| i32::try_from(s.number).unwrap_or(15)),
            kill_timeout: r.kill_timeout.unwrap_or(5),
            reload_signal: r
                .reload_signal
                .map_or(1, |s| i32::try_from(s.number).unwrap_or(1)),
            env,
            export: r.export.iter().map(|w| w.value.to_string()).collect(),
            instance: r.instance.map(|w| w.value.to_string()).unwrap_or_default(),
            usage: r.usage.map(|w| w.value.to_string()),
            expect: r.expect.unwrap_or(ExpectMode::None),
            manual: r.manual,
            emits: r.emits.iter().map(|w| w.value.to_string()).collect(),
        }
    }
}
