//! Duplicate-stanza semantics: what upstart 1.13.2 keeps when a stanza is
//! repeated, and how an `.override` file merges into its `.conf`.
//!
//! Upstart parses an override "into the same job object", so resolving the
//! stanzas of the `.conf` followed by those of the `.override` gives exactly
//! the merged job.

use super::{
    ConsoleMode, EnvVar, ExitStatus, ExpectMode, Job, LimitValue, OnCondition, Oom, ProcessBody,
    ProcessKind, Resource, RespawnLimit, Signal, Stanza, StanzaKind, Word,
};
use crate::source::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// The effective job definition after applying upstart's repeat rules.
/// Each field refers to the stanza that supplied it, so diagnostics can
/// point at it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Resolved<'a> {
    pub instance: Option<&'a Word>,
    pub description: Option<&'a Word>,
    pub author: Option<&'a Word>,
    pub version: Option<&'a Word>,
    pub usage: Option<&'a Word>,
    /// Accumulated in order; at run time a later key replaces an earlier one.
    pub env: Vec<&'a EnvVar>,
    pub export: Vec<&'a Word>,
    pub emits: Vec<&'a Word>,
    /// Last wins; cleared by a later `manual`.
    pub start_on: Option<&'a OnCondition>,
    pub stop_on: Option<&'a OnCondition>,
    /// Last `exec`/`script` (or `pre-start …` etc.) per slot.
    pub processes: BTreeMap<ProcessKind, &'a ProcessBody>,
    pub expect: Option<ExpectMode>,
    pub task: bool,
    pub respawn: bool,
    pub respawn_limit: Option<&'a RespawnLimit>,
    pub kill_timeout: Option<u64>,
    pub kill_signal: Option<&'a Signal>,
    pub reload_signal: Option<&'a Signal>,
    /// Accumulated in order.
    pub normal_exit: Vec<&'a ExitStatus>,
    pub console: Option<ConsoleMode>,
    pub umask: Option<u32>,
    pub nice: Option<i32>,
    /// `oom` and `oom score` share one value.
    pub oom: Option<Oom>,
    /// One entry per resource, last wins.
    pub limits: BTreeMap<Resource, (LimitValue, LimitValue)>,
    pub chroot: Option<&'a Word>,
    pub chdir: Option<&'a Word>,
    pub setuid: Option<&'a Word>,
    pub setgid: Option<&'a Word>,
    pub manual: bool,
    pub debug: bool,
    pub apparmor_load: Option<&'a Word>,
    pub apparmor_switch: Option<&'a Word>,
    /// controller → name ("" for the default) → key → value.
    pub cgroups: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
    pub imports: Vec<&'a Word>,
    pub tmpfiles: Vec<&'a Word>,
    /// Where the last stanza of each keyword is, for diagnostics about
    /// settings kept as bare values (`limit`: see `limit_places`).
    #[serde(skip)]
    pub places: BTreeMap<&'a str, Span>,
    /// Where the last `limit` stanza of each resource is.
    #[serde(skip)]
    pub limit_places: BTreeMap<Resource, Span>,
}

impl Resolved<'_> {
    /// The span of the last stanza with this keyword (see `places`); an
    /// empty span at the start of the file when there is none.
    #[must_use]
    pub fn place(&self, keyword: &str) -> Span {
        self.places.get(keyword).copied().unwrap_or_default()
    }

    #[must_use]
    pub fn main(&self) -> Option<&ProcessBody> {
        self.processes.get(&ProcessKind::Main).copied()
    }

    /// The respawn limit as (count, interval) seconds; `(0, 0)` is unlimited.
    /// Upstart's default is 10 respawns in 5 seconds.
    #[must_use]
    pub fn respawn_limit_values(&self) -> (u64, u64) {
        match self.respawn_limit {
            None => (10, 5),
            Some(RespawnLimit::Unlimited { .. }) => (0, 0),
            Some(RespawnLimit::Count { count, interval }) => (count.value, interval.value),
        }
    }
}

/// Resolve the stanzas of `jobs` in order (a `.conf` then its `.override`).
#[must_use]
pub fn resolve<'a>(jobs: &[&'a Job]) -> Resolved<'a> {
    let mut r = Resolved::default();
    for job in jobs {
        for stanza in job.stanzas() {
            apply(&mut r, stanza);
        }
    }
    r
}

fn apply<'a>(r: &mut Resolved<'a>, stanza: &'a Stanza) {
    if let StanzaKind::Limit { resource, .. } = &stanza.kind {
        r.limit_places.insert(resource.value, stanza.span);
    }
    r.places.insert(stanza.kind.keyword(), stanza.span);
    match &stanza.kind {
        StanzaKind::Instance { name } => r.instance = Some(name),
        StanzaKind::Description { text } => r.description = Some(text),
        StanzaKind::Author { text } => r.author = Some(text),
        StanzaKind::Version { text } => r.version = Some(text),
        StanzaKind::Usage { text } => r.usage = Some(text),
        StanzaKind::Env { var } => r.env.push(var),
        StanzaKind::Export { names } => r.export.extend(names),
        StanzaKind::StartOn { on } => r.start_on = Some(on),
        StanzaKind::StopOn { on } => r.stop_on = Some(on),
        StanzaKind::Emits { events } => r.emits.extend(events),
        StanzaKind::Process { process, body } => {
            r.processes.insert(*process, body);
        }
        StanzaKind::Expect { mode } => r.expect = Some(mode.value),
        StanzaKind::Task => r.task = true,
        StanzaKind::Respawn => r.respawn = true,
        StanzaKind::RespawnLimit { limit } => r.respawn_limit = Some(limit),
        StanzaKind::KillTimeout { seconds } => r.kill_timeout = Some(seconds.value),
        StanzaKind::KillSignal { signal } => r.kill_signal = Some(signal),
        StanzaKind::ReloadSignal { signal } => r.reload_signal = Some(signal),
        StanzaKind::NormalExit { statuses } => r.normal_exit.extend(statuses),
        StanzaKind::Console { mode } => r.console = Some(mode.value),
        StanzaKind::Umask { mask } => r.umask = Some(mask.value),
        StanzaKind::Nice { value } => r.nice = Some(value.value),
        StanzaKind::Oom { oom } => r.oom = Some(oom.value),
        StanzaKind::Limit {
            resource,
            soft,
            hard,
        } => {
            r.limits.insert(resource.value, (soft.value, hard.value));
        }
        StanzaKind::Chroot { dir } => r.chroot = Some(dir),
        StanzaKind::Chdir { dir } => r.chdir = Some(dir),
        StanzaKind::Setuid { user } => r.setuid = Some(user),
        StanzaKind::Setgid { group } => r.setgid = Some(group),
        StanzaKind::Manual => {
            // `manual` discards a `start on` seen before it, not a later one.
            r.manual = true;
            r.start_on = None;
        }
        StanzaKind::Debug => r.debug = true,
        StanzaKind::ApparmorLoad { profile } => r.apparmor_load = Some(profile),
        StanzaKind::ApparmorSwitch { profile } => r.apparmor_switch = Some(profile),
        StanzaKind::Cgroup {
            controller,
            name,
            key,
            value,
        } => {
            let names = r.cgroups.entry(controller.value.to_string()).or_default();
            let keys = names
                .entry(
                    name.as_ref()
                        .map(|n| n.value.to_string())
                        .unwrap_or_default(),
                )
                .or_default();
            if let (Some(k), Some(v)) = (key, value) {
                keys.insert(k.value.to_string(), v.value.to_string());
            }
        }
        StanzaKind::Import { var } => r.imports.push(var),
        StanzaKind::Tmpfiles { paths } => r.tmpfiles.extend(paths),
        StanzaKind::Invalid { .. } => {}
    }
}
