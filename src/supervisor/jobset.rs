//! Running a whole job set: the driver of the event engine. The engine
//! decides (events, goals, states, initctl's answers); this file does what
//! it asks with real processes, signals, timers, pseudo-terminals and the
//! control socket, and feeds back what happened.
//!
//! One thread, one `poll` over the signalfd, the control socket and its
//! connections, and the `console log` terminals; the timeout is the next
//! kill timer, so an idle job set makes no wake-up at all.

use super::control;
use super::control::protocol::{Reply, Request};
use super::control::server::Server;
use super::engine::{Action, Engine, Exit, JobClass, SpawnRequest, Spawner, TimerId};
use super::log::Log;
use super::spawn;
use crate::ast::ConsoleMode;
use crate::load::LoadedJob;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::collections::HashMap;
use std::os::fd::{AsFd, BorrowedFd};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How to run a job set.
#[derive(Clone, Debug)]
pub struct SetOptions {
    /// Directory of `console log` files.
    pub log_dir: PathBuf,
    /// Print upstart's `-v` account on stderr.
    pub verbose: bool,
    /// The control socket.
    pub control: PathBuf,
    /// The first event (upstart's `--startup-event`).
    pub startup_event: String,
    /// `KEY=VALUE` of the startup event.
    pub startup_env: Vec<(String, String)>,
}

/// How the run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetOutcome {
    /// Stopped on SIGTERM/SIGINT, every job stopped.
    Stopped,
    /// The job set could not run (the message says why).
    Error(String),
}

/// The driver's side of spawning: real processes for the engine.
struct RealSpawner {
    /// The job of each engine class, by class index (a reload appends).
    jobs: Vec<LoadedJob>,
    logs: HashMap<(String, String), Log>,
    log_dir: PathBuf,
    /// `UPSTART_TOOLS_CONTROL=<socket>`, added to every process so that
    /// `initctl`/`start`/... inside a job reach this job set (upstart's
    /// session init adds `UPSTART_SESSION` for the same reason).
    control_var: (String, String),
    /// Exec outcomes to report to the engine after the current input.
    outcomes: Vec<(i32, Result<(), String>)>,
    /// Main processes of `expect stop` jobs that have not stopped yet.
    await_stop: std::collections::HashSet<i32>,
    /// `expect stop` main processes sent SIGCONT, whose continuation is
    /// still to be logged.
    continuing: std::collections::HashSet<i32>,
    /// `expect fork|daemon` main processes whose forks are awaited, by the
    /// pid followed now.
    traced: HashMap<i32, Trace>,
    /// Live processes spawned here (not adopted orphans).
    live: std::collections::HashSet<i32>,
    /// The name of the job of a traced or `expect stop` process, as the
    /// `-v` account writes it.
    names: HashMap<i32, String>,
    /// Pids handed out for processes that never started: above any real
    /// pid (the kernel's limit is 2^22), so they cannot collide.
    next_unstarted: i32,
}

/// An `expect fork|daemon` main process whose forks are followed with the
/// child-subreaper bit (upstart uses ptrace): when the followed process
/// exits, the child it left (reparented to us) is the fork.
struct Trace {
    /// Forks still expected (fork 1, daemon 2).
    forks_left: u32,
    /// Every pid of the chain so far: a fork stays in one of their sessions.
    chain: Vec<i32>,
    /// Our children when the main process was spawned: not its forks.
    before: std::collections::HashSet<i32>,
}

/// Our children (we are single-threaded; every task is read anyway).
fn children() -> Vec<i32> {
    let mut out = Vec::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for t in tasks.flatten() {
        if let Ok(text) = std::fs::read_to_string(t.path().join("children")) {
            out.extend(
                text.split_whitespace()
                    .filter_map(|p| p.parse::<i32>().ok()),
            );
        }
    }
    out
}

/// `(session id, is a zombie)` of `pid`.
fn session_of(pid: i32) -> Option<(i32, bool)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // state ppid pgrp session
    let sid = f.get(3)?.parse().ok()?;
    Some((sid, f.first() == Some(&"Z")))
}

fn display_name(job: &str, instance: &str) -> String {
    if instance.is_empty() {
        job.to_string()
    } else {
        format!("{job} ({instance})")
    }
}

impl RealSpawner {
    fn log_for(&mut self, job: &str, instance: &str) -> Result<&Log, String> {
        let key = (job.to_string(), instance.to_string());
        if !self.logs.contains_key(&key) {
            let path = self.log_dir.join(spawn::log_name(job, instance));
            let log =
                Log::new(job, path).map_err(|e| format!("cannot make the log terminal: {e}"))?;
            self.logs.insert(key.clone(), log);
        }
        self.logs
            .get(&key)
            .ok_or_else(|| "log terminal missing".to_string())
    }

    fn try_spawn(&mut self, req: &SpawnRequest) -> Result<i32, String> {
        let unknown = || format!("unknown job {}", req.job);
        let console = {
            let job = self.jobs.get(req.class).ok_or_else(unknown)?;
            job.resolved().console.unwrap_or(ConsoleMode::Log)
        };
        if console == ConsoleMode::Log {
            self.log_for(&req.job, &req.instance)?;
        }
        let job = self.jobs.get(req.class).ok_or_else(unknown)?;
        let r = job.resolved();
        let log = self.logs.get(&(req.job.clone(), req.instance.clone()));
        let mut env = req.env.clone();
        env.push(self.control_var.clone());
        let before: std::collections::HashSet<i32> = if req.trace {
            children().into_iter().collect()
        } else {
            std::collections::HashSet::new()
        };
        let pid = spawn::spawn_job_process(&r, &req.argv, &env, log)?.as_raw();
        let expect = r.expect;
        self.live.insert(pid);
        if req.kind == crate::ast::ProcessKind::Main {
            let forks = match expect {
                Some(crate::ast::ExpectMode::Stop) => {
                    self.await_stop.insert(pid);
                    0
                }
                Some(crate::ast::ExpectMode::Fork) => 1,
                Some(crate::ast::ExpectMode::Daemon) => 2,
                _ => 0,
            };
            if req.trace && forks > 0 {
                self.traced.insert(
                    pid,
                    Trace {
                        forks_left: forks,
                        chain: vec![pid],
                        before,
                    },
                );
            }
            if forks > 0 || expect == Some(crate::ast::ExpectMode::Stop) {
                self.names
                    .insert(pid, display_name(&req.job, &req.instance));
            }
        }
        Ok(pid)
    }
}

impl Spawner for RealSpawner {
    fn spawn(&mut self, req: &SpawnRequest) -> i32 {
        match self.try_spawn(req) {
            Ok(pid) => {
                self.outcomes.push((pid, Ok(())));
                pid
            }
            Err(e) => {
                let pid = self.next_unstarted;
                self.next_unstarted = self.next_unstarted.saturating_add(1);
                self.outcomes.push((pid, Err(e)));
                pid
            }
        }
    }
}

/// Run `jobs` as upstart's init would until SIGTERM or SIGINT has stopped
/// them all.
#[must_use]
pub fn run(
    jobs: Vec<LoadedJob>,
    opts: &SetOptions,
    reload: &mut dyn FnMut() -> Vec<LoadedJob>,
) -> SetOutcome {
    let mut sigs = SigSet::empty();
    for s in [
        Signal::SIGCHLD,
        Signal::SIGTERM,
        Signal::SIGINT,
        Signal::SIGHUP,
    ] {
        sigs.add(s);
    }
    if let Err(e) = sigs.thread_block() {
        return SetOutcome::Error(format!("cannot block signals: {e}"));
    }
    let sfd = match SignalFd::with_flags(&sigs, SfdFlags::SFD_NONBLOCK | SfdFlags::SFD_CLOEXEC) {
        Ok(s) => s,
        Err(e) => return SetOutcome::Error(format!("cannot read signals: {e}")),
    };
    // Processes the jobs leave behind are reparented to us, so they are
    // reaped (a container's PID 1 gets them anyway).
    // SAFETY: plain prctl call with integer arguments.
    unsafe {
        nix::libc::prctl(nix::libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    }
    let server = match Server::bind(&opts.control) {
        Ok(s) => s,
        Err(e) => {
            return SetOutcome::Error(format!("cannot listen on {}: {e}", opts.control.display()));
        }
    };
    let base_env = spawn::init_environment();
    let classes: Vec<JobClass> = jobs
        .iter()
        .map(|j| JobClass::from_loaded(j, &base_env))
        .collect();
    let spawner = RealSpawner {
        jobs,
        logs: HashMap::new(),
        log_dir: opts.log_dir.clone(),
        control_var: (
            control::PATH_VAR.to_string(),
            opts.control.display().to_string(),
        ),
        outcomes: Vec::new(),
        await_stop: std::collections::HashSet::new(),
        continuing: std::collections::HashSet::new(),
        traced: HashMap::new(),
        live: std::collections::HashSet::new(),
        names: HashMap::new(),
        next_unstarted: 1 << 23,
    };
    let mut driver = Driver {
        engine: Engine::new(classes, base_env, spawner),
        reload,
        server,
        sfd,
        timers: HashMap::new(),
        started: Instant::now(),
        verbose: opts.verbose,
        shutting_down: false,
        finished: false,
    };
    driver.tick();
    driver
        .engine
        .emit(&opts.startup_event, opts.startup_env.clone(), None);
    let out = driver.run();
    for log in driver.engine.spawner().logs.values_mut() {
        log.drain();
    }
    let _ = sigs.thread_unblock();
    out
}

/// The caller's own job of a `start`/`stop`/`restart`/`reload` without a
/// job name, as the client sends it (see `control`).
fn caller(request: &Request) -> Vec<(String, String)> {
    let (Request::Start { job: None, env, .. }
    | Request::Stop { job: None, env, .. }
    | Request::Restart { job: None, env, .. }
    | Request::Reload { job: None, env }) = request
    else {
        return Vec::new();
    };
    control::caller_of(env).map_or_else(Vec::new, |(job, instance)| {
        vec![
            ("UPSTART_JOB".to_string(), job),
            ("UPSTART_INSTANCE".to_string(), instance),
        ]
    })
}

struct Driver<'a> {
    engine: Engine<RealSpawner>,
    /// Reads the job set again (`reload-configuration`, SIGHUP).
    reload: &'a mut dyn FnMut() -> Vec<LoadedJob>,
    server: Server,
    sfd: SignalFd,
    timers: HashMap<TimerId, Instant>,
    started: Instant,
    verbose: bool,
    shutting_down: bool,
    finished: bool,
}

impl Driver<'_> {
    /// Tell the engine the time (whole seconds, for the respawn limit).
    fn tick(&mut self) {
        self.engine.now(self.started.elapsed().as_secs());
    }

    fn run(&mut self) -> SetOutcome {
        loop {
            self.act();
            if self.finished {
                return SetOutcome::Stopped;
            }
            if let Err(e) = self.wait() {
                return SetOutcome::Error(e);
            }
        }
    }

    /// Carry out what the engine asked, and report exec outcomes, until it
    /// asks for nothing more.
    fn act(&mut self) {
        loop {
            let outcomes = std::mem::take(&mut self.engine.spawner().outcomes);
            for (pid, outcome) in outcomes {
                match outcome {
                    Ok(()) => self.engine.exec_ok(pid),
                    Err(e) => self.engine.spawn_failed(pid, &e),
                }
            }
            let actions = self.engine.drain();
            if actions.is_empty() && self.engine.spawner().outcomes.is_empty() {
                return;
            }
            for action in actions {
                self.perform(action);
            }
        }
    }

    fn perform(&mut self, action: Action) {
        match action {
            Action::Kill { pid, signal, group } => {
                let Ok(sig) = Signal::try_from(signal) else {
                    return;
                };
                // upstart's job_process_kill: the group the process is in
                // now (a fork of `expect fork` stays in the group of the
                // process it left), else the process alone.
                let pgid = nix::unistd::getpgid(Some(Pid::from_raw(pid))).map_or(pid, Pid::as_raw);
                let target = Pid::from_raw(if group { -pgid } else { pid });
                if nix::sys::signal::kill(target, sig).is_err() && group {
                    // No such group (the process left it): the process alone.
                    let _ = nix::sys::signal::kill(Pid::from_raw(pid), sig);
                }
            }
            Action::StartTimer { id, seconds } => {
                self.timers
                    .insert(id, Instant::now() + Duration::from_secs(seconds));
            }
            Action::CancelTimer { id } => {
                self.timers.remove(&id);
            }
            Action::Reply(client, reply) => self.server.reply(client, &reply),
            Action::Log(line) => self.log(&line),
            Action::Finished => self.finished = true,
        }
    }

    /// Block until something happens, then hand it to the engine.
    fn wait(&mut self) -> Result<(), String> {
        let now = Instant::now();
        let next_timer = self.timers.values().min().copied();
        let mut timeout = next_timer.map(|t| t.saturating_duration_since(now));
        if let Some(t) = self.server.poll_timeout() {
            timeout = Some(timeout.map_or(t, |x| x.min(t)));
        }
        let ready = {
            let mut fds: Vec<BorrowedFd<'_>> = vec![self.sfd.as_fd(), self.server.fd()];
            fds.extend(self.server.fds());
            fds.extend(self.engine.spawner().logs.values().map(Log::read_fd));
            let mut polled: Vec<PollFd<'_>> = fds
                .iter()
                .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
                .collect();
            let pt = timeout.map_or(PollTimeout::NONE, |t| {
                // Round up: waking before the deadline would spin.
                let ms = t.as_millis().saturating_add(1);
                PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX)
            });
            match poll(&mut polled, pt) {
                Ok(_) | Err(nix::errno::Errno::EINTR) => {}
                Err(e) => return Err(format!("poll: {e}")),
            }
            polled
                .iter()
                .map(|p| p.revents().is_some_and(|r| !r.is_empty()))
                .collect::<Vec<bool>>()
        };
        self.tick();
        if ready.first().copied().unwrap_or(false) {
            self.signals();
        }
        self.drain_logs();
        if ready.iter().skip(1).any(|r| *r) || self.server.poll_timeout().is_some() {
            self.requests();
        }
        self.expired_timers();
        Ok(())
    }

    fn signals(&mut self) {
        while let Ok(Some(info)) = self.sfd.read_signal() {
            let Ok(sig) = Signal::try_from(info.ssi_signo.cast_signed()) else {
                continue;
            };
            match sig {
                Signal::SIGCHLD => self.reap(),
                Signal::SIGTERM | Signal::SIGINT if !self.shutting_down => {
                    self.shutting_down = true;
                    self.engine.shutdown(None);
                }
                // init reloads its configuration on SIGHUP.
                Signal::SIGHUP if !self.shutting_down => self.reload_configuration(),
                _ => {}
            }
            self.act();
        }
    }

    /// Collect every child that ended (ours or reparented orphans) and
    /// tell the engine about the job processes among them.
    fn reap(&mut self) {
        loop {
            match waitpid(
                Pid::from_raw(-1),
                Some(WaitPidFlag::WNOHANG | WaitPidFlag::WUNTRACED | WaitPidFlag::WCONTINUED),
            ) {
                Ok(WaitStatus::Stopped(pid, Signal::SIGSTOP))
                    if self.engine.spawner().await_stop.remove(&pid.as_raw()) =>
                {
                    // `expect stop`: the job is ready; upstart continues it
                    // once the job has moved on (post-start spawned).
                    let raw = pid.as_raw();
                    let name = self.engine.spawner().names.get(&raw).cloned();
                    if let Some(name) = name {
                        self.log(&format!(
                            "{name} main process ({raw}) stopped by STOP signal"
                        ));
                    }
                    self.engine.ready(raw);
                    self.act();
                    self.engine.spawner().continuing.insert(raw);
                    let _ = nix::sys::signal::kill(pid, Signal::SIGCONT);
                }
                Ok(WaitStatus::Continued(pid)) => {
                    let raw = pid.as_raw();
                    if self.engine.spawner().continuing.remove(&raw) {
                        let name = self.engine.spawner().names.get(&raw).cloned();
                        if let Some(name) = name {
                            self.log(&format!(
                                "{name} main process ({raw}) continued by CONT signal"
                            ));
                        }
                    }
                }
                Ok(WaitStatus::Exited(pid, code)) => {
                    let raw = pid.as_raw();
                    if !self.followed(raw) {
                        self.forget(raw);
                        self.drain_logs();
                        self.engine.exited(raw, Exit::Code(code));
                    }
                }
                Ok(WaitStatus::Signaled(pid, sig, _)) => {
                    let raw = pid.as_raw();
                    if !self.followed(raw) {
                        self.forget(raw);
                        self.drain_logs();
                        self.engine.exited(raw, Exit::Signal(sig as i32));
                    }
                }
                Ok(WaitStatus::StillAlive) | Err(_) => return,
                Ok(_) => {}
            }
            self.act();
        }
    }

    /// Upstart's `-v` account with `-v`; its warnings (`init: ...`: a job
    /// that failed, respawned too fast, could not start) always, as upstart
    /// logs them to the console. When a job has given up, the end of its
    /// log follows with the log's path: the reason is usually there.
    fn log(&mut self, line: &str) {
        let warning = line.strip_prefix("init: ");
        if self.verbose || warning.is_some() {
            eprintln!("{line}");
        }
        if let Some(job) = warning.and_then(|w| w.strip_suffix(" respawning too fast, stopped")) {
            self.print_log_tail(job);
        }
    }

    /// The last lines of the log of `display` (`job` or `job (instance)`).
    fn print_log_tail(&mut self, display: &str) {
        let (job, instance) = match display.strip_suffix(')').and_then(|d| d.split_once(" (")) {
            Some((j, i)) => (j, i),
            None => (display, ""),
        };
        let dir = self.engine.spawner().log_dir.clone();
        let path = dir.join(spawn::log_name(job, instance));
        super::log::print_tail(&path);
    }

    /// A process that ended is no longer ours to follow.
    fn forget(&mut self, pid: i32) {
        let sp = self.engine.spawner();
        sp.live.remove(&pid);
        sp.await_stop.remove(&pid);
        sp.continuing.remove(&pid);
        sp.traced.remove(&pid);
        sp.names.remove(&pid);
    }

    /// `expect fork|daemon`: `pid` (followed) ended; if it left a child,
    /// that is its fork, and the main process now (upstart's `became new
    /// process`); after the expected forks the job is ready. Whether the
    /// exit was a fork (else it is the main process's end).
    fn followed(&mut self, pid: i32) -> bool {
        let sp = self.engine.spawner();
        let Some(trace) = sp.traced.get(&pid) else {
            return false;
        };
        let kids: Vec<(i32, i32, bool)> = children()
            .into_iter()
            .filter(|c| !sp.live.contains(c) && !trace.before.contains(c))
            .filter_map(|c| session_of(c).map(|(sid, zombie)| (c, sid, zombie)))
            .collect();
        // A chain member that already ended (a daemon's first child, gone
        // before we saw its parent's exit) comes first: its own exit is
        // the next fork. Else a live process in the chain's sessions, else
        // any new one.
        let next = kids
            .iter()
            .find(|(_, _, zombie)| *zombie)
            .or_else(|| {
                kids.iter()
                    .find(|(_, sid, zombie)| !zombie && trace.chain.contains(sid))
            })
            .or_else(|| kids.iter().find(|(_, _, zombie)| !zombie))
            .map(|(c, _, _)| *c);
        let Some(next) = next else {
            return false;
        };
        let mut trace = sp.traced.remove(&pid).expect("traced");
        let name = sp.names.remove(&pid).unwrap_or_default();
        sp.live.remove(&pid);
        sp.live.insert(next);
        trace.forks_left -= 1;
        trace.chain.push(next);
        let ready = trace.forks_left == 0;
        if !ready {
            sp.traced.insert(next, trace);
        }
        sp.names.insert(next, name.clone());
        self.log(&format!(
            "{name} main process ({pid}) became new process ({next})"
        ));
        self.engine.main_pid_changed(pid, next);
        if ready {
            self.engine.ready(next);
        }
        true
    }

    fn drain_logs(&mut self) {
        for log in self.engine.spawner().logs.values_mut() {
            log.drain();
        }
    }

    fn requests(&mut self) {
        for (client, request, _peer) in self.server.accept_ready() {
            match request {
                Request::ShowConfig { jobs, enumerate } => {
                    let reply = self.show_config(&jobs, enumerate);
                    self.server.reply(client, &reply);
                }
                Request::ReloadConfiguration => {
                    self.reload_configuration();
                    self.server.reply(client, &Reply::default());
                }
                request => {
                    let caller = caller(&request);
                    self.engine.request(client, request, &caller);
                }
            }
            self.act();
        }
    }

    /// Every job file read again and handed to the engine, which replaces
    /// each definition when its job is not running (see `engine/reload.rs`).
    fn reload_configuration(&mut self) {
        let jobs = (self.reload)();
        let base_env = spawn::init_environment();
        let classes = jobs
            .iter()
            .map(|j| JobClass::from_loaded(j, &base_env))
            .collect();
        self.engine.spawner().jobs.extend(jobs);
        self.engine.reload(classes);
    }

    /// `show-config [-e] [JOB]...`: every job in upstart's order, or the
    /// ones named.
    fn show_config(&mut self, names: &[String], enumerate: bool) -> Reply {
        let order: Vec<String> = if names.is_empty() {
            self.engine
                .class_names()
                .into_iter()
                .map(str::to_string)
                .collect()
        } else {
            names.to_vec()
        };
        let classes: Vec<Option<usize>> = order
            .iter()
            .map(|n| self.engine.registered_class(n))
            .collect();
        let spawner = self.engine.spawner();
        let mut jobs = Vec::new();
        for (name, class) in order.iter().zip(classes) {
            match class.and_then(|c| spawner.jobs.get(c)) {
                Some(job) => jobs.push((name.as_str(), job.resolved())),
                None => return Reply::error(&format!("Unknown job: {name}")),
            }
        }
        Reply::ok(super::show_config::render(&jobs, enumerate))
    }

    fn expired_timers(&mut self) {
        let now = Instant::now();
        let due: Vec<TimerId> = self
            .timers
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(id, _)| *id)
            .collect();
        for id in due {
            self.timers.remove(&id);
            self.engine.timer_fired(id);
            self.act();
        }
    }
}
