//! The event engine of a job set: upstart 1.13.2's init without its I/O
//! (docs/language.md#supervision). Events, `start on` / `stop on` with
//! latching, instances with goals and states, job events, blocking, and the
//! initctl commands with initctl's texts.
//!
//! The engine runs no process, opens no socket and reads no clock. A
//! driver feeds it inputs ([`Engine::emit`], [`Engine::request`],
//! [`Engine::exited`], ...) and executes the [`Action`]s it returns.
//!
//! One thing is synchronous: starting a process. Upstart forks at the moment
//! a state is entered and logs the pid at once; later decisions in the same
//! turn depend on that pid. So the driver lends a [`Spawner`] that forks and
//! returns the pid (upstart retries a failing fork forever); whether the
//! exec then succeeded is an input of its own ([`Engine::exec_ok`],
//! [`Engine::spawn_failed`]), as in upstart where it arrives later.

mod check_config;
mod class;
mod expr;
mod reload;
#[cfg(test)]
mod tests;

pub use class::JobClass;
pub use expr::{Arg, Node, fnmatch};

use super::control::protocol::{ClientId, Reply, Request};
use crate::ast::{ExpectMode, ProcessKind};

/// Identifies an event while it is queued.
pub type EventId = u64;
/// Identifies an instance for its life.
pub type JobId = u64;
/// Identifies a kill timer.
pub type TimerId = u64;

/// What the driver lends the engine to start a process.
pub trait Spawner {
    /// Fork a process for `req` and return its pid; the outcome of the exec
    /// is reported later ([`Engine::exec_ok`] / [`Engine::spawn_failed`]).
    fn spawn(&mut self, req: &SpawnRequest) -> i32;
}

/// A process to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpawnRequest {
    /// Index of the job's class, in the order the classes were given
    /// (`Engine::new`, then each `Engine::reload`): an instance started
    /// before a reload keeps running the definition it started with.
    pub class: usize,
    /// Class name.
    pub job: String,
    /// Instance name (empty for a singleton).
    pub instance: String,
    pub kind: ProcessKind,
    pub argv: Vec<String>,
    /// The complete environment (docs/language.md#environment), without
    /// `UPSTART_SESSION` (session mode only: the driver adds it).
    pub env: Vec<(String, String)>,
    /// `expect fork|daemon` on the main process: the driver must trace forks
    /// and call [`Engine::ready`] when the expected forks happened.
    pub trace: bool,
}

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Send `signal` to `pid`'s process group (`group`) or to `pid` alone.
    Kill {
        pid: i32,
        signal: i32,
        group: bool,
    },
    /// Call [`Engine::timer_fired`] with `id` after `seconds`.
    StartTimer {
        id: TimerId,
        seconds: u64,
    },
    CancelTimer {
        id: TimerId,
    },
    /// Answer a client.
    Reply(ClientId, Reply),
    /// One line of upstart's `-v` account (warnings carry `init: `).
    Log(String),
    /// After [`Engine::shutdown`]: no instance is left.
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    Stop,
    Start,
    Respawn,
}

impl Goal {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Goal::Stop => "stop",
            Goal::Start => "start",
            Goal::Respawn => "respawn",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Waiting,
    Starting,
    SecuritySpawning,
    Security,
    PreStarting,
    PreStart,
    Spawning,
    Spawned,
    PostStarting,
    PostStart,
    Running,
    PreStopping,
    PreStop,
    Stopping,
    Killed,
    PostStopping,
    PostStop,
}

impl State {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            State::Waiting => "waiting",
            State::Starting => "starting",
            State::SecuritySpawning => "security-spawning",
            State::Security => "security",
            State::PreStarting => "pre-starting",
            State::PreStart => "pre-start",
            State::Spawning => "spawning",
            State::Spawned => "spawned",
            State::PostStarting => "post-starting",
            State::PostStart => "post-start",
            State::Running => "running",
            State::PreStopping => "pre-stopping",
            State::PreStop => "pre-stop",
            State::Stopping => "stopping",
            State::Killed => "killed",
            State::PostStopping => "post-stopping",
            State::PostStop => "post-stop",
        }
    }
}

/// Process slots in upstart's order (the order of `status` lines).
const SLOTS: [ProcessKind; 5] = [
    ProcessKind::Main,
    ProcessKind::PreStart,
    ProcessKind::PostStart,
    ProcessKind::PreStop,
    ProcessKind::PostStop,
];

fn slot(kind: ProcessKind) -> usize {
    SLOTS.iter().position(|k| *k == kind).unwrap_or(0)
}

fn process_name(kind: ProcessKind) -> &'static str {
    kind.keyword()
}

/// Signal names as libnih prints them.
#[must_use]
pub fn signal_name(sig: i32) -> Option<&'static str> {
    const NAMES: [&str; 32] = [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
        "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];
    usize::try_from(sig)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .filter(|n| !n.is_empty())
}

/// Set `key` in an environment, replacing an existing entry in place.
pub fn env_set(env: &mut Vec<(String, String)>, key: &str, value: &str) {
    if let Some(e) = env.iter_mut().find(|(k, _)| k == key) {
        e.1 = value.to_string();
    } else {
        env.push((key.to_string(), value.to_string()));
    }
}

fn env_append(env: &mut Vec<(String, String)>, more: &[(String, String)]) {
    for (k, v) in more {
        env_set(env, k, v);
    }
}

/// Parse `KEY=VALUE` strings as upstart checks them (a key of letters,
/// digits and `_`, not starting with a digit, then `=`).
fn parse_env(list: &[String]) -> Option<Vec<(String, String)>> {
    list.iter()
        .map(|s| {
            let (k, v) = s.split_once('=')?;
            let valid = k
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            valid.then(|| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// libnih's string hash (FNV-1, 32 bits) modulo its default table size:
/// upstart walks classes and instances bin by bin, which fixes the order of
/// `list` and of the jobs an event reaches.
fn bin(name: &str) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for &b in name.as_bytes() {
        h = h.wrapping_mul(16_777_619);
        // C `char` is signed: bytes above 127 are sign-extended.
        #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
        let c = i32::from(b as i8) as u32;
        h ^= c;
    }
    h % 17
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Progress {
    Pending,
    Handling,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EventBlocked {
    /// The event holds the job in starting/stopping.
    Job(JobId),
    /// `initctl emit` waiting for the event to finish.
    Emit(ClientId),
}

#[derive(Debug)]
struct Event {
    id: EventId,
    name: String,
    env: Vec<(String, String)>,
    progress: Progress,
    blockers: u32,
    blocking: Vec<EventBlocked>,
    failed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Start,
    Stop,
    Restart,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JobBlocked {
    Event(EventId),
    Method(Method, ClientId),
}

/// Which process failed (`None`: the respawn limit).
type Failure = Option<ProcessKind>;

#[derive(Debug)]
struct Job {
    class: usize,
    name: String,
    seq: u64,
    goal: Goal,
    state: State,
    env: Vec<(String, String)>,
    start_env: Option<Vec<(String, String)>>,
    stop_env: Option<Vec<(String, String)>>,
    stop_on: Option<Node>,
    pid: [i32; 5],
    blocker: Option<EventId>,
    blocking: Vec<JobBlocked>,
    kill_timer: Option<TimerId>,
    failed: bool,
    failed_process: Failure,
    exit_status: i64,
    /// Start of the respawn window (`None`: no respawn yet).
    respawn_time: Option<u64>,
    respawn_count: u64,
}

/// A reply decided during an input, rendered when the input is done (as
/// initctl asks for the status after its call returned).
#[derive(Debug)]
enum PendingReply {
    Text(Reply),
    Status { class: usize, name: String },
}

/// The engine: every class, instance and queued event.
#[derive(Debug)]
pub struct Engine<S: Spawner> {
    classes: Vec<JobClass>,
    /// The registered classes (those events and requests reach), in
    /// upstart's hash order. `classes` also keeps definitions replaced or
    /// deleted by a reload while an instance of them still runs.
    class_order: Vec<usize>,
    /// The newest definition of each job name on disk (upstart's
    /// `conf_select_job`); absent when the file was deleted.
    latest: std::collections::BTreeMap<String, usize>,
    /// init's job environment (`PATH`, `TERM`, ...).
    base_env: Vec<(String, String)>,
    jobs: std::collections::BTreeMap<JobId, Job>,
    events: Vec<Event>,
    next_event: EventId,
    next_job: JobId,
    next_timer: TimerId,
    now: u64,
    shutting_down: bool,
    /// upstart's quiesce limit: when it fires, the instances left are
    /// reported (`job X failed to stop`) and the run is finished anyway.
    quiesce_timer: Option<TimerId>,
    /// When the shutdown began (`now`'s seconds), for `Quiesce ... took`.
    quiesce_start: u64,
    finished_sent: bool,
    actions: Vec<Action>,
    replies: Vec<(ClientId, PendingReply)>,
    spawner: S,
}

impl<S: Spawner> Engine<S> {
    /// An engine for `classes` with init's job environment `base_env`
    /// (`PATH` and `TERM`).
    pub fn new(classes: Vec<JobClass>, base_env: Vec<(String, String)>, spawner: S) -> Self {
        let mut class_order: Vec<usize> = (0..classes.len()).collect();
        class_order.sort_by_key(|&i| bin(&classes[i].name));
        let latest = classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        Self {
            classes,
            class_order,
            latest,
            base_env,
            jobs: std::collections::BTreeMap::new(),
            events: Vec::new(),
            next_event: 1,
            next_job: 1,
            next_timer: 1,
            now: 0,
            shutting_down: false,
            quiesce_timer: None,
            quiesce_start: 0,
            finished_sent: false,
            actions: Vec::new(),
            replies: Vec::new(),
            spawner,
        }
    }

    pub fn spawner(&mut self) -> &mut S {
        &mut self.spawner
    }

    #[must_use]
    pub fn classes(&self) -> &[JobClass] {
        &self.classes
    }

    /// Take the actions produced so far.
    pub fn drain(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
    }

    /// The monotonic clock in whole seconds (for the respawn limit).
    pub fn now(&mut self, seconds: u64) {
        self.now = seconds;
    }

    /// Emit an event (init's own, like `startup`); `waiting` gets a reply
    /// when it has finished.
    pub fn emit(&mut self, name: &str, env: Vec<(String, String)>, waiting: Option<ClientId>) {
        let id = self.new_event(name, env);
        if let Some(c) = waiting {
            self.event_mut(id)
                .expect("new event")
                .blocking
                .push(EventBlocked::Emit(c));
        }
        self.finish_input();
    }

    /// The exec of a process succeeded (upstart's child pipe closed).
    pub fn exec_ok(&mut self, pid: i32) {
        if let Some((id, kind)) = self.find_pid(pid) {
            let job = &self.jobs[&id];
            if job.state == State::Spawned
                && kind == ProcessKind::Main
                && self.classes[job.class].expect == ExpectMode::None
            {
                let next = self.next_state(id);
                self.change_state(id, next);
            }
        }
        self.finish_input();
    }

    /// The process could not be set up or exec'd.
    pub fn spawn_failed(&mut self, pid: i32, error: &str) {
        if let Some((id, kind)) = self.find_pid(pid) {
            let name = self.job_name(id);
            self.warn(format!(
                "Failed to spawn {name} {} process: {error}",
                process_name(kind)
            ));
            self.jobs.get_mut(&id).expect("job").pid[slot(kind)] = 0;
            match kind {
                ProcessKind::PostStart | ProcessKind::PreStop => {}
                _ => {
                    self.job_failed(id, Some(kind), -1);
                    self.change_goal(id, Goal::Stop);
                }
            }
            if self.jobs.contains_key(&id) {
                let next = self.next_state(id);
                self.change_state(id, next);
            }
        }
        self.finish_input();
    }

    /// `expect stop|fork|daemon`: the main process is ready (stopped itself,
    /// forked as expected). For `expect stop` the driver sends SIGCONT.
    pub fn ready(&mut self, pid: i32) {
        if let Some((id, ProcessKind::Main)) = self.find_pid(pid) {
            let state = self.jobs[&id].state;
            if matches!(state, State::Spawning | State::Spawned) {
                let next = self.next_state(id);
                self.change_state(id, next);
            }
        }
        self.finish_input();
    }

    /// `expect fork|daemon`: the tracked main process is now `new_pid`.
    pub fn main_pid_changed(&mut self, old_pid: i32, new_pid: i32) {
        if let Some((id, ProcessKind::Main)) = self.find_pid(old_pid) {
            self.jobs.get_mut(&id).expect("job").pid[0] = new_pid;
        }
    }

    /// A process of the job set ended.
    pub fn exited(&mut self, pid: i32, exit: Exit) {
        let Some((id, kind)) = self.find_pid(pid) else {
            self.finish_input();
            return;
        };
        let class = &self.classes[self.jobs[&id].class];
        let raw = match exit {
            Exit::Code(c) | Exit::Signal(c) => i64::from(c),
        };
        let normal = class.normal_exit.contains(&raw);
        let name = self.job_name(id);
        let pname = process_name(kind);
        let status = match exit {
            Exit::Code(0) => {
                self.info(format!("{name} {pname} process ({pid}) exited normally"));
                0
            }
            Exit::Code(c) => {
                self.log_at(
                    normal,
                    format!("{name} {pname} process ({pid}) terminated with status {c}"),
                );
                i64::from(c)
            }
            Exit::Signal(s) => {
                match signal_name(s) {
                    Some(sig) => self.log_at(
                        normal,
                        format!("{name} {pname} process ({pid}) killed by {sig} signal"),
                    ),
                    None => self.warn(format!(
                        "{name} {pname} process ({pid}) killed by signal {s}"
                    )),
                }
                i64::from(s) << 8
            }
        };
        self.process_terminated(id, kind, status);
        self.finish_input();
    }

    /// A kill timer expired: SIGKILL the process group.
    pub fn timer_fired(&mut self, timer: TimerId) {
        if self.quiesce_timer == Some(timer) {
            self.quiesce_timer = None;
            self.quiesce_expired();
            self.finish_input();
            return;
        }
        let found = self
            .jobs
            .iter()
            .find(|(_, j)| j.kill_timer == Some(timer))
            .map(|(id, _)| *id);
        if let Some(id) = found {
            let pid = self.jobs[&id].pid[0];
            self.jobs.get_mut(&id).expect("job").kill_timer = None;
            if pid > 0 {
                let name = self.job_name(id);
                self.info(format!(
                    "Sending KILL signal to {name} main process ({pid})"
                ));
                self.actions.push(Action::Kill {
                    pid,
                    signal: 9,
                    group: true,
                });
            }
        }
        self.finish_input();
    }

    /// Stop every instance (SIGTERM to init); respawning is disabled, and
    /// `event` (a session init's `session-end`) is emitted. [`Action::Finished`]
    /// follows when no instance is left.
    pub fn shutdown(&mut self, event: Option<&str>) {
        if !self.shutting_down {
            self.info("Quiescing due to shutdown request".to_string());
            self.quiesce_start = self.now;
            // upstart's quiesce() checks every second whether every job has
            // stopped, and gives up once more than the largest kill timeout
            // of any class has passed (a pre-start, post-start or post-stop
            // process is never signalled: a job running one cannot stop).
            let max_kill = self
                .classes
                .iter()
                .map(|c| c.kill_timeout)
                .max()
                .unwrap_or(5);
            let id = self.next_timer;
            self.next_timer += 1;
            self.quiesce_timer = Some(id);
            self.actions.push(Action::StartTimer {
                id,
                seconds: max_kill + 1,
            });
        }
        self.shutting_down = true;
        if let Some(e) = event {
            self.new_event(e, Vec::new());
        }
        for id in self.ordered_jobs() {
            if self.jobs.contains_key(&id) {
                self.change_goal(id, Goal::Stop);
            }
        }
        self.finish_input();
    }

    /// An initctl request. `caller_env` is the environment of the calling
    /// process (`UPSTART_JOB`, `UPSTART_INSTANCE`) for `start`/`stop`/...
    /// without a job name.
    pub fn request(&mut self, client: ClientId, req: Request, caller_env: &[(String, String)]) {
        let result = self.handle_request(client, req, caller_env);
        if let Err(msg) = result {
            self.replies
                .push((client, PendingReply::Text(Reply::error(&msg))));
        }
        self.finish_input();
    }

    /// The class names in upstart's own order (its hash table's), the
    /// order of `list` and `show-config`.
    #[must_use]
    pub fn class_names(&self) -> Vec<&str> {
        self.class_order
            .iter()
            .map(|&c| self.classes[c].name.as_str())
            .collect()
    }

    /// Status of one class: `status JOB` without arguments (a singleton
    /// without instance: `job stop/waiting`).
    #[must_use]
    pub fn status_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for &c in &self.class_order {
            let ids = self.class_jobs(c);
            if ids.is_empty() {
                out.push(format!("{} stop/waiting", self.classes[c].name));
            }
            for id in ids {
                out.push(self.status_of(id));
            }
        }
        out
    }

    // ---- inputs ------------------------------------------------------

    // One match over initctl's verbs, each arm as long as upstart's own
    // handler for it: cutting it would scatter the verbs, not simplify them.
    #[allow(clippy::too_many_lines)]
    fn handle_request(
        &mut self,
        client: ClientId,
        req: Request,
        caller_env: &[(String, String)],
    ) -> Result<(), String> {
        let own = || -> Result<(String, String), String> {
            let get = |k: &str| {
                caller_env
                    .iter()
                    .rev()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            match (get("UPSTART_JOB"), get("UPSTART_INSTANCE")) {
                (Some(j), Some(i)) => Ok((j, i)),
                _ => Err("missing job name\nTry `initctl --help' for more information.".into()),
            }
        };
        match req {
            Request::Emit { event, env, wait } => {
                if event.is_empty() {
                    return Err(
                        "missing event name\nTry `initctl --help' for more information.".into(),
                    );
                }
                let env = parse_env(&env).ok_or("Env must be KEY=VALUE pairs")?;
                let id = self.new_event(&event, env);
                if wait {
                    self.event_mut(id)
                        .expect("new event")
                        .blocking
                        .push(EventBlocked::Emit(client));
                } else {
                    self.reply_text(client, Reply::default());
                }
                Ok(())
            }
            Request::Start {
                job: Some(job),
                env,
                wait,
            } => {
                let c = self.class_by_name(&job)?;
                let env = parse_env(&env).ok_or("Env must be KEY=VALUE pairs")?;
                let mut start_env = self.class_environment(c);
                env_append(&mut start_env, &env);
                let name = self.instance_name(c, &start_env, true)?;
                let id = match self.find_job(c, &name) {
                    Some(id) => id,
                    None => self.new_job(c, &name),
                };
                if self.jobs[&id].goal == Goal::Start {
                    return Err(format!("Job is already running: {}", self.job_name(id)));
                }
                let j = self.jobs.get_mut(&id).expect("job");
                j.start_env = Some(start_env);
                self.job_finished(id, false);
                if wait {
                    self.block_method(id, Method::Start, client);
                }
                self.change_goal(id, Goal::Start);
                if !wait {
                    self.reply_status(client, c, &name);
                }
                Ok(())
            }
            Request::Start { job: None, .. } => {
                let (job, inst) = own()?;
                let c = self.class_by_name(&job)?;
                let id = self
                    .find_job(c, &inst)
                    .ok_or_else(|| format!("Unknown instance: {inst}"))?;
                if self.jobs[&id].goal == Goal::Start {
                    return Err(format!("Job is already running: {}", self.job_name(id)));
                }
                self.jobs.get_mut(&id).expect("job").start_env = None;
                self.job_finished(id, false);
                self.change_goal(id, Goal::Start);
                self.reply_status(client, c, &inst);
                Ok(())
            }
            Request::Stop {
                job: Some(job),
                env,
                wait,
            } => {
                let c = self.class_by_name(&job)?;
                let env = parse_env(&env).ok_or("Env must be KEY=VALUE pairs")?;
                let mut lookup = self.class_environment(c);
                env_append(&mut lookup, &env);
                let name = self.instance_name(c, &lookup, false)?;
                let id = self
                    .find_job(c, &name)
                    .ok_or_else(|| format!("Unknown instance: {name}"))?;
                if self.jobs[&id].goal == Goal::Stop {
                    return Err(format!(
                        "Job has already been stopped: {}",
                        self.job_name(id)
                    ));
                }
                self.jobs.get_mut(&id).expect("job").stop_env = Some(env);
                self.job_finished(id, false);
                if wait {
                    self.block_method(id, Method::Stop, client);
                }
                self.change_goal(id, Goal::Stop);
                if !wait {
                    self.reply_status(client, c, &name);
                }
                Ok(())
            }
            Request::Stop { job: None, .. } => {
                let (job, inst) = own()?;
                let c = self.class_by_name(&job)?;
                let id = self
                    .find_job(c, &inst)
                    .ok_or_else(|| format!("Unknown instance: {inst}"))?;
                if self.jobs[&id].goal == Goal::Stop {
                    return Err(format!(
                        "Job has already been stopped: {}",
                        self.job_name(id)
                    ));
                }
                self.jobs.get_mut(&id).expect("job").stop_env = None;
                self.job_finished(id, false);
                self.change_goal(id, Goal::Stop);
                self.reply_status(client, c, &inst);
                Ok(())
            }
            Request::Restart { job, env, wait } => {
                let (c, id, name, start_env) = match job {
                    Some(job) => {
                        let c = self.class_by_name(&job)?;
                        let env = parse_env(&env).ok_or("Env must be KEY=VALUE pairs")?;
                        let mut start_env = self.class_environment(c);
                        env_append(&mut start_env, &env);
                        let name = self.instance_name(c, &start_env, false)?;
                        let id = self
                            .find_job(c, &name)
                            .ok_or_else(|| format!("Unknown instance: {name}"))?;
                        if self.jobs[&id].goal == Goal::Stop {
                            // upstart names the instance alone here
                            return Err(format!("Job has already been stopped: {name}"));
                        }
                        (c, id, name, Some(start_env))
                    }
                    None => {
                        let (job, inst) = own()?;
                        let c = self.class_by_name(&job)?;
                        let id = self
                            .find_job(c, &inst)
                            .ok_or_else(|| format!("Unknown instance: {inst}"))?;
                        if self.jobs[&id].goal == Goal::Stop {
                            return Err(format!(
                                "Job has already been stopped: {}",
                                self.job_name(id)
                            ));
                        }
                        (c, id, inst, None)
                    }
                };
                let wait = wait && start_env.is_some();
                let j = self.jobs.get_mut(&id).expect("job");
                j.start_env = start_env;
                j.stop_env = None;
                self.job_finished(id, false);
                if wait {
                    self.block_method(id, Method::Restart, client);
                }
                self.change_goal(id, Goal::Stop);
                if self.jobs.contains_key(&id) {
                    self.change_goal(id, Goal::Start);
                }
                if !wait {
                    self.reply_status(client, c, &name);
                }
                Ok(())
            }
            Request::Reload { job, env } => {
                let (c, id) = match job {
                    Some(job) => {
                        let c = self.class_by_name(&job)?;
                        let id = self.get_instance(c, &env)?;
                        (c, id)
                    }
                    None => {
                        let (job, inst) = own()?;
                        let c = self.class_by_name(&job)?;
                        let id = self
                            .find_job(c, &inst)
                            .ok_or_else(|| format!("Unknown instance: {inst}"))?;
                        (c, id)
                    }
                };
                let pid = self.jobs[&id].pid[0];
                if pid <= 0 {
                    return Err(format!("Job is not running: {}", self.job_name(id)));
                }
                self.actions.push(Action::Kill {
                    pid,
                    signal: self.classes[c].reload_signal,
                    group: false,
                });
                self.reply_text(client, Reply::default());
                Ok(())
            }
            Request::Status { job, env } => {
                let c = self.class_by_name(&job)?;
                match self.get_instance(c, &env) {
                    Ok(id) => {
                        let line = self.status_of(id);
                        self.reply_text(client, Reply::ok(format!("{line}\n")));
                    }
                    Err(e) if env.is_empty() && e.starts_with("Unknown instance: ") => {
                        let line = format!("{} stop/waiting", self.classes[c].name);
                        self.reply_text(client, Reply::ok(format!("{line}\n")));
                    }
                    Err(e) => return Err(e),
                }
                Ok(())
            }
            Request::List => {
                let mut text = String::new();
                for line in self.status_lines() {
                    text.push_str(&line);
                    text.push('\n');
                }
                self.reply_text(client, Reply::ok(text));
                Ok(())
            }
            Request::Version => {
                self.reply_text(client, Reply::ok("init (upstart 1.13.2)\n"));
                Ok(())
            }
            Request::CheckConfig { jobs, ignore, warn } => {
                // initctl reads only its first argument.
                let reply = self.check_config(jobs.first().map(String::as_str), &ignore, warn);
                self.reply_text(client, reply);
                Ok(())
            }
            Request::ReloadConfiguration | Request::ShowConfig { .. } => {
                Err("this request is answered by the driver, not the engine".into())
            }
        }
    }

    /// `job_class_get_instance`: the instance named by `env`.
    fn get_instance(&self, c: usize, env: &[String]) -> Result<JobId, String> {
        let env = parse_env(env).ok_or("Env must be KEY=VALUE pairs")?;
        let mut full = self.class_environment(c);
        env_append(&mut full, &env);
        let name = self.instance_name(c, &full, true)?;
        self.find_job(c, &name)
            .ok_or_else(|| format!("Unknown instance: {name}"))
    }

    fn instance_name(
        &self,
        c: usize,
        env: &[(String, String)],
        usage: bool,
    ) -> Result<String, String> {
        let class = &self.classes[c];
        super::expand(&class.instance, env).map_err(|e| match (&class.usage, usage) {
            (Some(u), true) => format!("{e}\nUsage: {u}"),
            _ => e,
        })
    }

    fn class_by_name(&self, name: &str) -> Result<usize, String> {
        self.registered(name)
            .ok_or_else(|| format!("Unknown job: {name}"))
    }

    fn block_method(&mut self, id: JobId, m: Method, client: ClientId) {
        self.jobs
            .get_mut(&id)
            .expect("job")
            .blocking
            .push(JobBlocked::Method(m, client));
    }

    fn reply_text(&mut self, client: ClientId, reply: Reply) {
        self.replies.push((client, PendingReply::Text(reply)));
    }

    fn reply_status(&mut self, client: ClientId, class: usize, name: &str) {
        self.replies.push((
            client,
            PendingReply::Status {
                class,
                name: name.to_string(),
            },
        ));
    }

    /// Run the event queue to quiescence, then render the replies.
    fn finish_input(&mut self) {
        self.poll();
        for (client, r) in std::mem::take(&mut self.replies) {
            let reply = match r {
                PendingReply::Text(t) => t,
                PendingReply::Status { class, name } => {
                    let line = match self.find_job(class, &name) {
                        Some(id) => self.status_of(id),
                        None => format!("{} stop/waiting", self.classes[class].name),
                    };
                    Reply::ok(format!("{line}\n"))
                }
            };
            self.actions.push(Action::Reply(client, reply));
        }
        if self.shutting_down && self.jobs.is_empty() && !self.finished_sent {
            self.finished_sent = true;
            if let Some(id) = self.quiesce_timer.take() {
                self.actions.push(Action::CancelTimer { id });
            }
            self.quiesce_done();
        }
    }

    /// upstart's `quiesce_finalise`: how long it took (whole seconds of
    /// its clock: `<1 second`, `1 second`, `6 seconds`), then init exits.
    fn quiesce_done(&mut self) {
        let diff = self.now.saturating_sub(self.quiesce_start);
        let took = match diff {
            0 => "<1 second".to_string(),
            1 => "1 second".to_string(),
            n => format!("{n} seconds"),
        };
        self.info(format!("Quiesce shutdown sequence took {took}"));
        self.actions.push(Action::Finished);
    }

    /// The quiesce limit passed: upstart's `quiesce_show_slow_jobs` names
    /// every instance still there, and init exits regardless.
    fn quiesce_expired(&mut self) {
        if self.finished_sent {
            return;
        }
        for id in self.ordered_jobs() {
            let name = self.job_name(id);
            self.warn(format!("job {name} failed to stop"));
        }
        self.finished_sent = true;
        self.quiesce_done();
    }

    // ---- logging -----------------------------------------------------

    fn info(&mut self, line: String) {
        self.actions.push(Action::Log(line));
    }

    fn warn(&mut self, line: String) {
        self.actions.push(Action::Log(format!("init: {line}")));
    }

    fn log_at(&mut self, info: bool, line: String) {
        if info {
            self.info(line);
        } else {
            self.warn(line);
        }
    }

    // ---- lookups -----------------------------------------------------

    fn job_name(&self, id: JobId) -> String {
        let j = &self.jobs[&id];
        let class = &self.classes[j.class].name;
        if j.name.is_empty() {
            class.clone()
        } else {
            format!("{class} ({})", j.name)
        }
    }

    fn status_of(&self, id: JobId) -> String {
        let j = &self.jobs[&id];
        let mut s = format!(
            "{} {}/{}",
            self.job_name(id),
            j.goal.as_str(),
            j.state.as_str()
        );
        let procs: Vec<(ProcessKind, i32)> = SLOTS
            .iter()
            .zip(j.pid)
            .filter(|(_, p)| *p > 0)
            .map(|(k, p)| (*k, p))
            .collect();
        if let Some((first, rest)) = procs.split_first() {
            match first.0 {
                ProcessKind::Main | ProcessKind::PreStart | ProcessKind::PostStop => {
                    s.push_str(&format!(", process {}", first.1));
                }
                k => s.push_str(&format!(", ({}) process {}", process_name(k), first.1)),
            }
            for (k, p) in rest {
                s.push_str(&format!("\n\t{} process {p}", process_name(*k)));
            }
        }
        s
    }

    fn find_job(&self, class: usize, name: &str) -> Option<JobId> {
        self.jobs
            .iter()
            .find(|(_, j)| j.class == class && j.name == name)
            .map(|(id, _)| *id)
    }

    /// A class's instances in upstart's hash order.
    fn class_jobs(&self, class: usize) -> Vec<JobId> {
        let mut v: Vec<(u32, u64, JobId)> = self
            .jobs
            .iter()
            .filter(|(_, j)| j.class == class)
            .map(|(id, j)| (bin(&j.name), j.seq, *id))
            .collect();
        v.sort_unstable();
        v.into_iter().map(|(_, _, id)| id).collect()
    }

    fn ordered_jobs(&self) -> Vec<JobId> {
        self.class_order
            .iter()
            .flat_map(|&c| self.class_jobs(c))
            .collect()
    }

    fn find_pid(&self, pid: i32) -> Option<(JobId, ProcessKind)> {
        if pid <= 0 {
            return None;
        }
        self.jobs.iter().find_map(|(id, j)| {
            j.pid
                .iter()
                .position(|p| *p == pid)
                .map(|i| (*id, SLOTS[i]))
        })
    }

    fn event_mut(&mut self, id: EventId) -> Option<&mut Event> {
        self.events.iter_mut().find(|e| e.id == id)
    }

    fn class_environment(&self, c: usize) -> Vec<(String, String)> {
        let mut env = self.base_env.clone();
        env_append(&mut env, &self.classes[c].env);
        env
    }

    // ---- events ------------------------------------------------------

    fn new_event(&mut self, name: &str, env: Vec<(String, String)>) -> EventId {
        let id = self.next_event;
        self.next_event += 1;
        self.events.push(Event {
            id,
            name: name.to_string(),
            env,
            progress: Progress::Pending,
            blockers: 0,
            blocking: Vec::new(),
            failed: false,
        });
        id
    }

    fn block_event(&mut self, id: EventId) {
        if let Some(e) = self.event_mut(id) {
            e.blockers += 1;
        }
    }

    fn unblock_event(&mut self, id: EventId) {
        if let Some(e) = self.event_mut(id) {
            e.blockers = e.blockers.saturating_sub(1);
        }
    }

    /// upstart's `event_poll`: handle pending events, finish unblocked
    /// ones, until nothing changes.
    fn poll(&mut self) {
        loop {
            let mut again = false;
            let mut i = 0;
            while i < self.events.len() {
                let id = self.events[i].id;
                if self.events[i].progress == Progress::Pending {
                    self.event_pending(id);
                    again = true;
                }
                let Some(pos) = self.events.iter().position(|e| e.id == id) else {
                    continue;
                };
                let e = &mut self.events[pos];
                if e.progress == Progress::Handling && e.blockers == 0 {
                    e.progress = Progress::Finished;
                }
                if e.progress == Progress::Finished {
                    let event = self.events.remove(pos);
                    self.event_finished(event);
                    again = true;
                    i = pos;
                } else {
                    i = pos + 1;
                }
            }
            if !again {
                break;
            }
        }
    }

    fn event_pending(&mut self, id: EventId) {
        let (name, env) = {
            let e = self.event_mut(id).expect("event");
            e.progress = Progress::Handling;
            (e.name.clone(), e.env.clone())
        };
        self.info(format!("Handling {name} event"));
        for c in self.class_order.clone() {
            // Stop conditions of the instances first.
            for jid in self.class_jobs(c) {
                self.handle_stop_on(jid, id, &name, &env);
            }
            let mut held = Vec::new();
            let fired = match self.classes[c].start_on.as_mut() {
                Some(tree) => tree.handle(id, &name, &env, None, &mut held) && tree.value(),
                None => false,
            };
            for e in held {
                self.block_event(e);
            }
            if fired && !self.induct_job(c) {
                // upstart gives up on the remaining classes for this event
                return;
            }
        }
    }

    fn handle_stop_on(&mut self, jid: JobId, id: EventId, name: &str, env: &[(String, String)]) {
        let Some(job) = self.jobs.get_mut(&jid) else {
            return;
        };
        let Some(mut tree) = job.stop_on.take() else {
            return;
        };
        let mut held = Vec::new();
        let fired = tree.handle(id, name, env, Some(&job.env), &mut held) && tree.value();
        for e in held {
            self.block_event(e);
        }
        if fired {
            if self.jobs[&jid].goal != Goal::Stop {
                let stop_env = self.tree_environment(&tree, Vec::new(), "UPSTART_STOP_EVENTS");
                self.jobs.get_mut(&jid).expect("job").stop_env = Some(stop_env);
                self.job_finished(jid, false);
                self.block_tree_events(jid, &tree);
                // put the tree back before the goal change can destroy the job
                if let Some(j) = self.jobs.get_mut(&jid) {
                    j.stop_on = Some(tree.clone());
                }
                self.change_goal(jid, Goal::Stop);
                tree = match self.jobs.get_mut(&jid) {
                    Some(j) => j.stop_on.take().unwrap_or(tree),
                    None => tree,
                };
            }
            let mut released = Vec::new();
            tree.reset(&mut released);
            for e in released {
                self.unblock_event(e);
            }
        }
        if let Some(j) = self.jobs.get_mut(&jid) {
            j.stop_on = Some(tree);
        }
    }

    /// The environment of the events held by a fired tree, in tree order,
    /// laid over `env`, then `key=names`.
    fn tree_environment(
        &self,
        tree: &Node,
        mut env: Vec<(String, String)>,
        key: &str,
    ) -> Vec<(String, String)> {
        let mut ids = Vec::new();
        tree.true_events(&mut ids);
        let mut names = Vec::new();
        for id in ids {
            if let Some(e) = self.events.iter().find(|e| e.id == id) {
                env_append(&mut env, &e.env);
                names.push(e.name.clone());
            }
        }
        env_set(&mut env, key, &names.join(" "));
        env
    }

    /// The job holds (blocks) each event of the fired tree until it rests.
    fn block_tree_events(&mut self, jid: JobId, tree: &Node) {
        let mut ids = Vec::new();
        tree.true_events(&mut ids);
        for e in ids {
            self.block_event(e);
            if let Some(j) = self.jobs.get_mut(&jid) {
                j.blocking.push(JobBlocked::Event(e));
            }
        }
    }

    /// `job_class_induct_job`: start the instance the fired `start on` names.
    fn induct_job(&mut self, c: usize) -> bool {
        let tree = self.classes[c].start_on.take().expect("start on");
        let env = self.tree_environment(&tree, self.class_environment(c), "UPSTART_EVENTS");
        let ok = match super::expand(&self.classes[c].instance, &env) {
            Err(e) => {
                let cname = self.classes[c].name.clone();
                self.warn(format!("Failed to obtain {cname} instance: {e}"));
                false
            }
            Ok(name) => {
                let id = match self.find_job(c, &name) {
                    Some(id) => id,
                    None => self.new_job(c, &name),
                };
                if self.jobs[&id].goal != Goal::Start {
                    self.jobs.get_mut(&id).expect("job").start_env = Some(env);
                    self.job_finished(id, false);
                    self.block_tree_events(id, &tree);
                    self.classes[c].start_on = Some(tree.clone());
                    self.change_goal(id, Goal::Start);
                    self.classes[c].start_on.take();
                }
                true
            }
        };
        let mut tree = tree;
        let mut released = Vec::new();
        tree.reset(&mut released);
        for e in released {
            self.unblock_event(e);
        }
        self.classes[c].start_on = Some(tree);
        ok
    }

    fn event_finished(&mut self, event: Event) {
        for b in &event.blocking {
            match *b {
                EventBlocked::Job(jid) => {
                    if let Some(j) = self.jobs.get_mut(&jid) {
                        j.blocker = None;
                        let next = self.next_state(jid);
                        self.change_state(jid, next);
                    }
                }
                EventBlocked::Emit(client) => {
                    let reply = if event.failed {
                        Reply::error("Event failed")
                    } else {
                        Reply::default()
                    };
                    self.reply_text(client, reply);
                }
            }
        }
        if event.failed && !event.name.ends_with("/failed") {
            self.new_event(&format!("{}/failed", event.name), event.env);
        }
    }

    // ---- instances ---------------------------------------------------

    fn new_job(&mut self, c: usize, name: &str) -> JobId {
        let id = self.next_job;
        self.next_job += 1;
        let stop_on = self.classes[c].stop_on.clone().map(|mut t| {
            t.reset(&mut Vec::new());
            t
        });
        self.jobs.insert(
            id,
            Job {
                class: c,
                name: name.to_string(),
                seq: id,
                goal: Goal::Stop,
                state: State::Waiting,
                env: Vec::new(),
                start_env: None,
                stop_env: None,
                stop_on,
                pid: [0; 5],
                blocker: None,
                blocking: Vec::new(),
                kill_timer: None,
                failed: false,
                failed_process: None,
                exit_status: 0,
                respawn_time: None,
                respawn_count: 0,
            },
        );
        id
    }

    fn change_goal(&mut self, id: JobId, goal: Goal) {
        let Some(j) = self.jobs.get(&id) else {
            return;
        };
        if j.goal == goal {
            return;
        }
        let old = j.goal;
        let name = self.job_name(id);
        self.info(format!(
            "{name} goal changed from {} to {}",
            old.as_str(),
            goal.as_str()
        ));
        let j = self.jobs.get_mut(&id).expect("job");
        j.goal = goal;
        let state = j.state;
        match goal {
            Goal::Start if state == State::Waiting => {
                let next = self.next_state(id);
                self.change_state(id, next);
            }
            Goal::Stop if state == State::Running => {
                let next = self.next_state(id);
                self.change_state(id, next);
            }
            _ => {}
        }
    }

    fn has_process(&self, id: JobId, kind: ProcessKind) -> bool {
        self.classes[self.jobs[&id].class]
            .processes
            .contains_key(&kind)
    }

    #[allow(clippy::too_many_lines)]
    fn change_state(&mut self, id: JobId, mut target: State) {
        loop {
            let Some(j) = self.jobs.get(&id) else {
                return;
            };
            if j.state == target || j.blocker.is_some() {
                return;
            }
            let name = self.job_name(id);
            let old = j.state;
            self.info(format!(
                "{name} state changed from {} to {}",
                old.as_str(),
                target.as_str()
            ));
            self.jobs.get_mut(&id).expect("job").state = target;
            match target {
                State::Starting => {
                    let j = self.jobs.get_mut(&id).expect("job");
                    if let Some(env) = j.start_env.take() {
                        j.env = env;
                    }
                    j.stop_env = None;
                    j.failed = false;
                    j.failed_process = None;
                    j.exit_status = 0;
                    let e = self.emit_job_event(id);
                    self.jobs.get_mut(&id).expect("job").blocker = Some(e);
                }
                // AppArmor is not available: no security process.
                State::SecuritySpawning | State::Security => target = self.next_state(id),
                State::PreStarting => {
                    self.start_process(id, ProcessKind::PreStart);
                    target = self.next_state(id);
                }
                State::PreStart => {
                    if !self.has_process(id, ProcessKind::PreStart) {
                        target = self.next_state(id);
                    }
                }
                State::Spawning => {
                    self.start_process(id, ProcessKind::Main);
                    target = self.next_state(id);
                }
                State::Spawned => {
                    if !self.has_process(id, ProcessKind::Main) {
                        target = self.next_state(id);
                    }
                }
                State::PostStarting => {
                    self.start_process(id, ProcessKind::PostStart);
                    target = self.next_state(id);
                }
                State::PostStart => {
                    if !self.has_process(id, ProcessKind::PostStart) {
                        target = self.next_state(id);
                    }
                }
                State::Running => {
                    if old == State::PreStop {
                        self.jobs.get_mut(&id).expect("job").stop_env = None;
                        self.job_finished(id, false);
                    } else {
                        self.emit_job_event(id);
                        if !self.classes[self.jobs[&id].class].task {
                            self.job_finished(id, false);
                        }
                    }
                }
                State::PreStopping => {
                    self.start_process(id, ProcessKind::PreStop);
                    target = self.next_state(id);
                }
                State::PreStop => {
                    if !self.has_process(id, ProcessKind::PreStop) {
                        target = self.next_state(id);
                    }
                }
                State::Stopping => {
                    let e = self.emit_job_event(id);
                    self.jobs.get_mut(&id).expect("job").blocker = Some(e);
                }
                State::Killed => {
                    let pid = self.jobs[&id].pid[0];
                    if self.has_process(id, ProcessKind::Main) && pid > 0 {
                        self.kill_main(id);
                    } else {
                        target = self.next_state(id);
                    }
                }
                State::PostStopping => {
                    self.start_process(id, ProcessKind::PostStop);
                    target = self.next_state(id);
                }
                State::PostStop => {
                    if !self.has_process(id, ProcessKind::PostStop) {
                        target = self.next_state(id);
                    }
                }
                State::Waiting => {
                    self.emit_job_event(id);
                    self.job_finished(id, false);
                    let j = self.jobs.remove(&id).expect("job");
                    if let Some(mut tree) = j.stop_on {
                        let mut released = Vec::new();
                        tree.reset(&mut released);
                        for e in released {
                            self.unblock_event(e);
                        }
                    }
                    // A definition reloaded or deleted while this was its
                    // last instance takes effect now.
                    self.reconsider(j.class);
                    return;
                }
            }
        }
    }

    fn next_state(&mut self, id: JobId) -> State {
        let j = &self.jobs[&id];
        let (state, goal) = (j.state, j.goal);
        let stop = goal == Goal::Stop;
        match state {
            State::Waiting => State::Starting,
            // On the way up, a stop goal turns every step to stopping.
            State::Starting
            | State::SecuritySpawning
            | State::Security
            | State::PreStarting
            | State::PreStart
            | State::Spawning
            | State::Spawned
            | State::PostStarting
                if stop =>
            {
                State::Stopping
            }
            State::Starting => State::SecuritySpawning,
            State::SecuritySpawning => State::Security,
            State::Security => State::PreStarting,
            State::PreStarting => State::PreStart,
            State::PreStart => State::Spawning,
            State::Spawning => State::Spawned,
            State::Spawned => State::PostStarting,
            State::PostStarting => State::PostStart,
            // Leaving post-start or pre-stop: the goal decides; a respawn
            // asked for meanwhile goes down and up again.
            State::PostStart | State::PreStop => match goal {
                Goal::Stop => State::Stopping,
                Goal::Start => State::Running,
                Goal::Respawn => {
                    self.change_goal(id, Goal::Start);
                    State::Stopping
                }
            },
            State::Running => {
                if stop && self.has_process(id, ProcessKind::Main) && j.pid[0] > 0 {
                    State::PreStopping
                } else {
                    State::Stopping
                }
            }
            State::PreStopping => State::PreStop,
            State::Stopping => State::Killed,
            State::Killed => State::PostStopping,
            State::PostStopping => State::PostStop,
            State::PostStop if stop => State::Waiting,
            State::PostStop => State::Starting,
        }
    }

    fn job_failed(&mut self, id: JobId, process: Failure, status: i64) {
        let Some(j) = self.jobs.get_mut(&id) else {
            return;
        };
        if j.failed {
            return;
        }
        j.failed = true;
        j.failed_process = process;
        j.exit_status = status;
        self.job_finished(id, true);
    }

    /// Release everything the instance blocks (events, waiting commands).
    fn job_finished(&mut self, id: JobId, failed: bool) {
        let Some(j) = self.jobs.get_mut(&id) else {
            return;
        };
        let class = j.class;
        let name = j.name.clone();
        for b in std::mem::take(&mut j.blocking) {
            match b {
                JobBlocked::Event(e) => {
                    if let Some(ev) = self.event_mut(e) {
                        if failed {
                            ev.failed = true;
                        }
                        ev.blockers = ev.blockers.saturating_sub(1);
                    }
                }
                JobBlocked::Method(m, client) => {
                    if failed {
                        let msg = match m {
                            Method::Start => "Job failed to start",
                            Method::Stop => "Job failed while stopping",
                            Method::Restart => "Job failed to restart",
                        };
                        self.reply_text(client, Reply::error(msg));
                    } else {
                        self.reply_status(client, class, &name);
                    }
                }
            }
        }
    }

    /// Queue `starting`, `started`, `stopping` or `stopped` for the job.
    fn emit_job_event(&mut self, id: JobId) -> EventId {
        let j = &self.jobs[&id];
        let class = &self.classes[j.class];
        let (name, block, stop) = match j.state {
            State::Starting => ("starting", true, false),
            State::Running => ("started", false, false),
            State::Stopping => ("stopping", true, true),
            _ => ("stopped", false, true),
        };
        let mut env = Vec::new();
        env_set(&mut env, "JOB", &class.name);
        env_set(&mut env, "INSTANCE", &j.name);
        if stop && j.failed {
            env.push(("RESULT".into(), "failed".into()));
            match j.failed_process {
                Some(p) if j.exit_status != -1 => {
                    env_set(&mut env, "PROCESS", process_name(p));
                    if j.exit_status & !0xff != 0 {
                        let sig = i32::try_from(j.exit_status >> 8).unwrap_or(0);
                        match signal_name(sig) {
                            Some(s) => env_set(&mut env, "EXIT_SIGNAL", s),
                            None => env_set(&mut env, "EXIT_SIGNAL", &sig.to_string()),
                        }
                    } else {
                        env_set(&mut env, "EXIT_STATUS", &j.exit_status.to_string());
                    }
                }
                Some(p) => env_set(&mut env, "PROCESS", process_name(p)),
                None => env.push(("PROCESS".into(), "respawn".into())),
            }
        } else if stop {
            env.push(("RESULT".into(), "ok".into()));
        }
        for key in &class.export {
            if let Some((k, v)) = j.env.iter().find(|(k, _)| k == key)
                && !env.iter().any(|(ek, _)| ek == k)
            {
                env.push((k.clone(), v.clone()));
            }
        }
        let e = self.new_event(name, env);
        if block {
            self.event_mut(e)
                .expect("event")
                .blocking
                .push(EventBlocked::Job(id));
        }
        e
    }

    // ---- processes ---------------------------------------------------

    fn start_process(&mut self, id: JobId, kind: ProcessKind) {
        let j = &self.jobs[&id];
        let class = &self.classes[j.class];
        let Some(argv) = class.processes.get(&kind) else {
            return;
        };
        let mut env = j.env.clone();
        if matches!(kind, ProcessKind::PreStop | ProcessKind::PostStop)
            && let Some(stop) = &j.stop_env
        {
            env_append(&mut env, stop);
        }
        env_set(&mut env, "UPSTART_JOB", &class.name);
        env_set(&mut env, "UPSTART_INSTANCE", &j.name);
        let req = SpawnRequest {
            class: j.class,
            job: class.name.clone(),
            instance: j.name.clone(),
            kind,
            argv: argv.clone(),
            env,
            trace: kind == ProcessKind::Main
                && matches!(class.expect, ExpectMode::Fork | ExpectMode::Daemon),
        };
        let pid = self.spawner.spawn(&req);
        self.jobs.get_mut(&id).expect("job").pid[slot(kind)] = pid;
        let name = self.job_name(id);
        self.info(format!("{name} {} process ({pid})", process_name(kind)));
    }

    fn kill_main(&mut self, id: JobId) {
        let j = &self.jobs[&id];
        let class = &self.classes[j.class];
        let pid = j.pid[0];
        let signal = class.kill_signal;
        let seconds = class.kill_timeout;
        let sig = signal_name(signal).map_or_else(|| signal.to_string(), str::to_string);
        let name = self.job_name(id);
        self.info(format!(
            "Sending {sig} signal to {name} main process ({pid})"
        ));
        self.actions.push(Action::Kill {
            pid,
            signal,
            group: true,
        });
        let timer = self.next_timer;
        self.next_timer += 1;
        self.jobs.get_mut(&id).expect("job").kill_timer = Some(timer);
        self.actions.push(Action::StartTimer { id: timer, seconds });
    }

    /// upstart's respawn limit check (window anchored at its first respawn).
    fn runaway(&mut self, id: JobId) -> bool {
        let (limit, interval) = self.classes[self.jobs[&id].class].respawn_limit;
        if limit == 0 || interval == 0 {
            return false;
        }
        let now = self.now;
        let j = self.jobs.get_mut(&id).expect("job");
        // upstart's clock (CLOCK_MONOTONIC) is never near 0; ours may start
        // at 0, which must not read as "no window yet".
        if j.respawn_time
            .is_some_and(|t| now.saturating_sub(t) < interval)
        {
            j.respawn_count += 1;
            if j.respawn_count > limit {
                return true;
            }
        } else {
            j.respawn_time = Some(now);
            j.respawn_count = 1;
        }
        false
    }

    /// `job_process_terminated`.
    fn process_terminated(&mut self, id: JobId, kind: ProcessKind, status: i64) {
        let mut failed = false;
        let mut stop = false;
        let mut state = true;
        let j = &self.jobs[&id];
        let class = &self.classes[j.class];
        match kind {
            ProcessKind::Main => 'main: {
                if (j.state == State::PostStart
                    && class.processes.contains_key(&ProcessKind::PostStart)
                    && j.pid[slot(ProcessKind::PostStart)] > 0)
                    || (j.state == State::PreStop
                        && class.processes.contains_key(&ProcessKind::PreStop)
                        && j.pid[slot(ProcessKind::PreStop)] > 0)
                {
                    state = false;
                }
                if j.state == State::Killed {
                    break 'main;
                }
                if j.state == State::Stopping {
                    state = false;
                    break 'main;
                }
                if (status != 0 || (class.respawn && !class.task)) && j.goal == Goal::Start {
                    failed = !class.normal_exit.contains(&status);
                    if failed && class.respawn && !self.shutting_down {
                        if self.runaway(id) {
                            let name = self.job_name(id);
                            self.warn(format!("{name} respawning too fast, stopped"));
                            failed = false;
                            self.job_failed(id, None, 0);
                        } else {
                            let name = self.job_name(id);
                            self.warn(format!("{name} main process ended, respawning"));
                            if !state {
                                self.change_goal(id, Goal::Respawn);
                            }
                            // clear the pid and move on (respawn path)
                            self.after_terminated(id, kind, None, false, state);
                            return;
                        }
                    }
                }
                stop = true;
            }
            ProcessKind::PreStart | ProcessKind::PostStop => {
                if status != 0 {
                    failed = true;
                    stop = true;
                }
            }
            ProcessKind::PostStart | ProcessKind::PreStop => {}
        }
        self.after_terminated(id, kind, failed.then_some(status), stop, state);
    }

    fn after_terminated(
        &mut self,
        id: JobId,
        kind: ProcessKind,
        failed: Option<i64>,
        stop: bool,
        mut state: bool,
    ) {
        let Some(j) = self.jobs.get_mut(&id) else {
            return;
        };
        if let Some(t) = j.kill_timer.take() {
            self.actions.push(Action::CancelTimer { id: t });
        }
        let j = self.jobs.get_mut(&id).expect("job");
        j.pid[slot(kind)] = 0;
        if let Some(status) = failed {
            self.job_failed(id, Some(kind), status);
        }
        if stop {
            if self
                .jobs
                .get(&id)
                .is_some_and(|j| j.state == State::Running)
            {
                state = false;
            }
            self.change_goal(id, Goal::Stop);
        }
        if state && self.jobs.contains_key(&id) {
            let next = self.next_state(id);
            self.change_state(id, next);
        }
    }
}
