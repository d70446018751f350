//! Supervision of one job (`upstart-run`, in the foreground or detached by
//! [`detach`]): the
//! pre-start → main → post-start → running → pre-stop → killed → post-stop
//! sequence of upstart's state machine, respawn with its limit, and the kill
//! sequence. Waiting is event driven: every signal we care about (SIGCHLD,
//! SIGTERM, SIGINT, SIGHUP, SIGALRM for the kill timeout) is blocked and
//! taken with `sigwait`, so the supervisor sleeps until something happens.

pub mod control;
pub mod detach;
pub mod engine;
mod expand;
mod fast_spawn;
pub mod jobset;
pub mod show_config;
pub use log::{newest_log, print_tail as print_log_tail};
mod log;
mod resident;
mod spawn;

pub use expand::expand;

use crate::ast::{ConsoleMode, ExpectMode, ProcessKind, Resolved};
use crate::load::LoadedJob;
use log::Log;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, Signal, kill, killpg};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::collections::{HashMap, HashSet, VecDeque};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::time::Instant;

/// How to run a job.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Directory of `console log` files (`<job>.log`).
    pub log_dir: PathBuf,
    /// `KEY=VALUE` start environment (the variables of the events when
    /// `events` is not empty).
    pub env: Vec<(String, String)>,
    /// Names of the events that started the job (`UPSTART_EVENTS`); empty
    /// when started by command, as upstart leaves the variable unset then.
    pub events: Vec<String>,
    /// Log state changes to stderr.
    pub verbose: bool,
    /// After a requested stop, leave what the job left behind running, as
    /// upstart does (`--leave-leftovers`), instead of killing it.
    pub leave_leftovers: bool,
}

/// How the run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// The job ended normally or was stopped on request.
    Ok,
    /// The job failed; the text says which process and how.
    Failed(String),
    /// The job could not be started (e.g. its instance name did not expand).
    Error(String),
}

enum Ev {
    Exited(Pid, i64),
    Stopped(Pid, Signal),
    Stop,
    Reload,
    Alarm,
}

struct Sup<'a> {
    job: &'a LoadedJob,
    r: Resolved<'a>,
    opts: &'a RunOptions,
    sigs: SigSet,
    /// The blocked signals, read as events; `None` falls back to `sigwait`.
    sfd: Option<SignalFd>,
    /// `console log`: the terminal the job writes into.
    log: Option<Log>,
    queue: VecDeque<Ev>,
    exited: HashMap<Pid, i64>,
    main: Option<Pid>,
    /// Status of the main process and whether it ended by itself (goal start).
    main_end: Option<(i64, bool)>,
    stop_requested: bool,
    alarm_fired: bool,
    /// The expanded `instance` name (empty without one).
    instance: String,
    /// Helper processes (pre-start, post-start, ...) currently running.
    helpers: HashMap<Pid, &'static str>,
    /// Start-up pages dropped (see `resident`).
    shed: bool,
    /// `expect fork|daemon`: exits of the forking chain still expected.
    forks_left: u32,
    /// `expect stop`: still waiting for the main process to SIGSTOP itself.
    await_stop: bool,
}

/// Supervise `job` in the foreground until it stops.
#[must_use]
pub fn run(job: &LoadedJob, opts: &RunOptions) -> RunOutcome {
    let mut sigs = SigSet::empty();
    for s in [
        Signal::SIGCHLD,
        Signal::SIGTERM,
        Signal::SIGINT,
        Signal::SIGHUP,
        Signal::SIGALRM,
    ] {
        sigs.add(s);
    }
    let r = job.resolved();
    if let Err(e) = spawn::identity(&r) {
        return RunOutcome::Failed(e);
    }
    let instance = match r.instance {
        Some(w) => {
            let env = spawn::start_environment(&r, opts);
            match expand(&w.value, &env) {
                Ok(i) => i,
                Err(e) => return RunOutcome::Error(e),
            }
        }
        None => String::new(),
    };
    // Orphans of the job (the parents of `expect fork|daemon` exit) are
    // reparented to us, so we can follow them and kill them on stop.
    // SAFETY: plain prctl call with integer arguments.
    unsafe {
        nix::libc::prctl(nix::libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    }
    if let Err(e) = sigs.thread_block() {
        return RunOutcome::Failed(format!("cannot block signals: {e}"));
    }
    let log = if r.console.unwrap_or(ConsoleMode::Log) == ConsoleMode::Log {
        let path = opts.log_dir.join(spawn::log_name(&job.name, &instance));
        match Log::new(&job.name, path) {
            Ok(l) => Some(l),
            Err(e) => return RunOutcome::Error(format!("cannot make the log terminal: {e}")),
        }
    } else {
        None
    };
    let sfd = SignalFd::with_flags(&sigs, SfdFlags::SFD_NONBLOCK | SfdFlags::SFD_CLOEXEC).ok();
    let mut sup = Sup {
        job,
        r,
        opts,
        sigs,
        sfd,
        log,
        queue: VecDeque::new(),
        exited: HashMap::new(),
        main: None,
        main_end: None,
        stop_requested: false,
        alarm_fired: false,
        instance,
        helpers: HashMap::new(),
        shed: false,
        forks_left: 0,
        await_stop: false,
    };
    let out = sup.supervise();
    // Every process is reaped: what they wrote is all in the terminal.
    if let Some(l) = &mut sup.log {
        l.drain();
    }
    let _ = sigs.thread_unblock();
    out
}

fn describe(status: i64) -> String {
    if status >= 256 {
        let n = i32::try_from(status >> 8).unwrap_or(0);
        match Signal::try_from(n) {
            Ok(s) => format!("killed by {} signal", &s.as_str()[3..]),
            Err(_) => format!("killed by signal {n}"),
        }
    } else {
        format!("terminated with status {status}")
    }
}

impl Sup<'_> {
    fn log(&self, msg: &str) {
        if self.opts.verbose {
            if self.instance.is_empty() {
                eprintln!("{} {msg}", self.job.name);
            } else {
                eprintln!("{} ({}) {msg}", self.job.name, self.instance);
            }
        }
    }

    fn next_event(&mut self) -> Ev {
        loop {
            if let Some(ev) = self.queue.pop_front() {
                return ev;
            }
            match self.wait_signals() {
                Some(sigs) => sigs.into_iter().for_each(|s| self.on_signal(s)),
                None => {
                    if let Ok(s) = self.sigs.wait() {
                        self.on_signal(s);
                    }
                }
            }
        }
    }

    /// Sleep until a signal or log output arrives (no timeout: an idle job
    /// costs no wake-ups); move the output to the log and return the
    /// signals. `None` when the signalfd is unusable.
    fn wait_signals(&mut self) -> Option<Vec<Signal>> {
        // The first time the job runs with nothing else to do, the pages
        // only start-up needed leave our resident set.
        if !self.shed && self.main.is_some() && self.helpers.is_empty() {
            self.shed = true;
            resident::shed_startup_pages();
        }
        let sfd = self.sfd.as_ref()?;
        let (sig_ready, log_ready) = {
            let mut fds = vec![PollFd::new(sfd.as_fd(), PollFlags::POLLIN)];
            if let Some(l) = &self.log {
                fds.push(PollFd::new(l.read_fd(), PollFlags::POLLIN));
            }
            match poll(&mut fds, PollTimeout::NONE) {
                Ok(_) => {}
                Err(nix::errno::Errno::EINTR) => return Some(Vec::new()),
                Err(_) => return None,
            }
            let ready = |f: &PollFd| f.revents().is_some_and(|r| !r.is_empty());
            (ready(&fds[0]), fds.get(1).is_some_and(ready))
        };
        if log_ready && let Some(l) = &mut self.log {
            l.drain();
        }
        let mut out = Vec::new();
        if sig_ready {
            while let Ok(Some(info)) = sfd.read_signal() {
                if let Ok(s) = Signal::try_from(i32::try_from(info.ssi_signo).unwrap_or(0)) {
                    out.push(s);
                }
            }
        }
        Some(out)
    }

    fn on_signal(&mut self, sig: Signal) {
        match sig {
            Signal::SIGCHLD => loop {
                match waitpid(None, Some(WaitPidFlag::WNOHANG | WaitPidFlag::WUNTRACED)) {
                    Ok(WaitStatus::Exited(pid, code)) => {
                        self.queue.push_back(Ev::Exited(pid, i64::from(code)));
                    }
                    Ok(WaitStatus::Signaled(pid, s, _)) => {
                        self.queue.push_back(Ev::Exited(pid, (s as i64) << 8));
                    }
                    Ok(WaitStatus::Stopped(pid, s)) => {
                        self.queue.push_back(Ev::Stopped(pid, s));
                    }
                    Ok(WaitStatus::StillAlive) | Err(_) => break,
                    Ok(_) => {}
                }
            },
            Signal::SIGTERM | Signal::SIGINT => self.queue.push_back(Ev::Stop),
            Signal::SIGHUP => self.queue.push_back(Ev::Reload),
            Signal::SIGALRM => self.queue.push_back(Ev::Alarm),
            _ => {}
        }
    }

    /// Take one event and record what it means.
    fn step(&mut self) {
        match self.next_event() {
            Ev::Exited(pid, st) if self.forks_left > 0 && !self.helpers.contains_key(&pid) => {
                self.chain_exit(pid, st);
            }
            Ev::Stopped(pid, sig) => {
                if self.await_stop && Some(pid) == self.main && sig == Signal::SIGSTOP {
                    self.await_stop = false;
                    self.log(&format!("main process ({pid}) stopped itself"));
                    let _ = kill(pid, Signal::SIGCONT);
                }
            }
            Ev::Exited(pid, st) => {
                if Some(pid) == self.main {
                    self.await_stop = false;
                    self.main = None;
                    self.log(&format!("main process ({pid}) {}", describe(st)));
                    self.main_end = Some((st, !self.stop_requested));
                } else {
                    self.exited.insert(pid, st);
                }
            }
            Ev::Stop => {
                if self.stop_requested {
                    // Upstart's operator could kill a hung helper by pid; ours
                    // gets a second stop request instead.
                    for (pid, name) in &self.helpers {
                        eprintln!("{}: killing the {name} process ({pid})", self.job.name);
                        let _ =
                            killpg(*pid, Signal::SIGKILL).or_else(|_| kill(*pid, Signal::SIGKILL));
                    }
                } else {
                    self.log("goal changed from start to stop");
                    // Upstart never interrupts a running pre-start, post-start,
                    // pre-stop or post-stop (and has no timeout for them).
                    for (pid, name) in &self.helpers {
                        eprintln!(
                            "{}: waiting for the {name} process ({pid}) to end, as upstart does; \
                             send SIGTERM or SIGINT again to kill it",
                            self.job.name
                        );
                    }
                }
                self.stop_requested = true;
            }
            Ev::Reload => {
                if let Some(pid) = self.main {
                    let sig = self
                        .r
                        .reload_signal
                        .and_then(|s| i32::try_from(s.number).ok())
                        .and_then(|n| Signal::try_from(n).ok())
                        .unwrap_or(Signal::SIGHUP);
                    let _ = kill(pid, sig);
                }
            }
            Ev::Alarm => self.alarm_fired = true,
        }
    }

    /// Run a helper process (not main) to its end; `None` if it could not be spawned.
    fn run_helper(&mut self, kind: ProcessKind) -> Option<Result<i64, String>> {
        let body = self.r.processes.get(&kind).copied()?;
        let name = kind_name(kind);
        let pid = match spawn::spawn(
            self.job,
            &self.r,
            self.opts,
            &self.instance,
            body,
            self.log.as_ref(),
        ) {
            Ok(pid) => pid,
            Err(e) => {
                eprintln!("{}: failed to spawn {name} process: {e}", self.job.name);
                return Some(Err(e));
            }
        };
        self.log(&format!("{name} process ({pid})"));
        self.helpers.insert(pid, name);
        loop {
            if let Some(st) = self.exited.remove(&pid) {
                self.helpers.remove(&pid);
                if st != 0 {
                    self.log(&format!("{name} process ({pid}) {}", describe(st)));
                }
                return Some(Ok(st));
            }
            self.step();
        }
    }

    /// Our children other than running helpers: `(pid, is_zombie)`. With
    /// the subreaper bit, these are the main process and the job's orphans.
    fn adopted(&self) -> Vec<(Pid, bool)> {
        let me = std::process::id();
        // The kernel's list of our children (CONFIG_PROC_CHILDREN): one read
        // instead of a scan of every process, which would dominate the
        // respawn gap. The supervisor is single-threaded, so the main
        // thread's list is all of them.
        let listed = std::fs::read_to_string(format!("/proc/{me}/task/{me}/children"));
        let candidates: Vec<i32> = match &listed {
            Ok(text) => text
                .split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect(),
            Err(_) => std::fs::read_dir("/proc")
                .map(|dir| {
                    dir.flatten()
                        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let me = i32::try_from(me).unwrap_or(0);
        let mut out = Vec::new();
        for pid in candidates {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
                continue;
            };
            let mut f = rest.split_whitespace();
            let state = f.next().unwrap_or("");
            let ppid = f.next().and_then(|p| p.parse::<i32>().ok());
            let pid = Pid::from_raw(pid);
            if ppid == Some(me) && !self.helpers.contains_key(&pid) {
                out.push((pid, state == "Z"));
            }
        }
        out
    }

    /// Adopted processes other than the main one (live ones only unless
    /// `zombies`).
    fn orphans(&self, zombies: bool) -> Vec<Pid> {
        self.adopted()
            .into_iter()
            .filter(|(p, zombie)| (zombies || !zombie) && Some(*p) != self.main)
            .map(|(p, _)| p)
            .collect()
    }

    /// `expect fork|daemon`: a process of the forking chain exited; follow
    /// the chain to the process it left behind (reparented to us).
    fn chain_exit(&mut self, pid: Pid, st: i64) {
        self.forks_left -= 1;
        let kids = self.adopted();
        let next = kids
            .iter()
            .find(|(_, zombie)| !zombie)
            .or(kids.first())
            .map(|(p, _)| *p);
        match next {
            Some(p) => {
                self.main = Some(p);
                if self.forks_left == 0 {
                    self.log(&format!("main process is now ({p})"));
                }
            }
            None => {
                self.forks_left = 0;
                self.main = None;
                self.log(&format!("main process ({pid}) {}", describe(st)));
                self.main_end = Some((st, !self.stop_requested));
            }
        }
    }

    /// Send `sig` to the main process's group and to every orphan of the job
    /// (and its group, for those that made their own) not in `done`; whether
    /// any was sent. The pids signalled are added to `done`.
    fn signal_all(&self, sig: Signal, done: &mut HashSet<Pid>) -> bool {
        let mut sent = false;
        if let Some(pid) = self.main
            && done.insert(pid)
        {
            sent |= killpg(pid, sig).or_else(|_| kill(pid, sig)).is_ok();
        }
        // Processes that escaped the group: ours to stop, unless the user
        // asked for upstart's way (`--leave-leftovers`).
        let orphans = if self.opts.leave_leftovers {
            Vec::new()
        } else {
            self.orphans(false)
        };
        for p in orphans {
            if done.insert(p) {
                let _ = killpg(p, sig);
                sent |= kill(p, sig).is_ok();
            }
        }
        sent
    }

    /// The kill sequence (docs/language.md#kill), extended to the orphans the job left with
    /// us: upstart leaves them running, we don't. Processes reparented to us
    /// while we wait (children of the dying main process) get the signal too.
    fn kill_main(&mut self) {
        if self.main.is_none() && self.orphans(true).is_empty() {
            return;
        }
        let sig = self
            .r
            .kill_signal
            .and_then(|s| i32::try_from(s.number).ok())
            .and_then(|n| Signal::try_from(n).ok())
            .unwrap_or(Signal::SIGTERM);
        let timeout = self.r.kill_timeout.unwrap_or(5);
        self.alarm_fired = false;
        let mut signalled = HashSet::new();
        let mut armed = false;
        let mut killed = false;
        // Until everything is reaped (a zombie's SIGCHLD is still pending).
        loop {
            if killed {
                let _ = self.signal_all(Signal::SIGKILL, &mut signalled);
            } else if self.signal_all(sig, &mut signalled) && !armed {
                armed = true;
                if timeout == 0 {
                    self.alarm_fired = true;
                } else {
                    nix::unistd::alarm::set(u32::try_from(timeout).unwrap_or(u32::MAX));
                }
            }
            if self.alarm_fired && !killed {
                self.log("killed after kill timeout");
                signalled.clear();
                killed = true;
                continue;
            }
            // Upstart cancels the kill timer as soon as the main process is
            // reaped; what is left of its group (or escaped it) does not
            // delay post-stop. Those are killed when the job is done
            // (`kill_leftovers`).
            if self.main.is_none() {
                break;
            }
            self.step();
        }
        nix::unistd::alarm::cancel();
    }

    /// After a requested stop: processes the job left behind (its group,
    /// or escaped with setsid and reparented to us) get TERM, then KILL
    /// after the kill timeout. Upstart leaves them running; we don't,
    /// since nothing would supervise them after upstart-run exits.
    fn kill_leftovers(&mut self) {
        if self.orphans(true).is_empty() {
            return;
        }
        let timeout = self.r.kill_timeout.unwrap_or(5);
        let mut signalled = HashSet::new();
        self.alarm_fired = timeout == 0;
        if timeout > 0 {
            nix::unistd::alarm::set(u32::try_from(timeout).unwrap_or(u32::MAX));
        }
        let mut killed = false;
        loop {
            let sig = if killed {
                Signal::SIGKILL
            } else {
                Signal::SIGTERM
            };
            let _ = self.signal_all(sig, &mut signalled);
            if self.alarm_fired && !killed {
                signalled.clear();
                killed = true;
                continue;
            }
            if self.orphans(true).is_empty() {
                break;
            }
            self.step();
        }
        nix::unistd::alarm::cancel();
    }

    fn supervise(&mut self) -> RunOutcome {
        let (limit_count, limit_interval) = self.r.respawn_limit_values();
        let mut window: Option<Instant> = None;
        let mut count = 0u64;
        let mut failure: Option<String> = None;
        loop {
            self.main_end = None;
            let mut respawn = false;
            // pre-start
            match self.run_helper(ProcessKind::PreStart) {
                Some(Ok(0)) | None => {}
                Some(Ok(st)) => {
                    failure.get_or_insert(format!("pre-start process {}", describe(st)));
                    self.stop_requested = true;
                }
                Some(Err(e)) => {
                    failure.get_or_insert(format!("pre-start process failed to spawn: {e}"));
                    self.stop_requested = true;
                }
            }
            if !self.stop_requested {
                // spawned
                if let Some(body) = self.r.main() {
                    match spawn::spawn(
                        self.job,
                        &self.r,
                        self.opts,
                        &self.instance,
                        body,
                        self.log.as_ref(),
                    ) {
                        Ok(pid) => {
                            self.main = Some(pid);
                            self.log(&format!("main process ({pid})"));
                            match self.r.expect {
                                Some(ExpectMode::Fork) => self.forks_left = 1,
                                Some(ExpectMode::Daemon) => self.forks_left = 2,
                                Some(ExpectMode::Stop) => self.await_stop = true,
                                _ => {}
                            }
                        }
                        Err(e) => {
                            eprintln!("{}: failed to spawn main process: {e}", self.job.name);
                            failure.get_or_insert(format!("main process failed to spawn: {e}"));
                            self.stop_requested = true;
                        }
                    }
                }
                // spawned: wait for the expected forks / SIGSTOP (docs/language.md#expect)
                let expecting = self.forks_left > 0 || self.await_stop;
                while !self.stop_requested
                    && self.main_end.is_none()
                    && (self.forks_left > 0 || self.await_stop)
                {
                    self.step();
                }
                self.forks_left = 0;
                self.await_stop = false;
                // post-start: its result is ignored
                let died_spawning = expecting && self.main_end.is_some();
                if !self.stop_requested && !died_spawning {
                    let _ = self.run_helper(ProcessKind::PostStart);
                }
                // A stop asked for before `running` (during pre-start,
                // spawned or post-start) goes to stopping without pre-stop,
                // as upstart's state machine does.
                let stopped_before_running = self.stop_requested;
                // running
                if self.main_end.is_none() && !self.stop_requested {
                    self.log("state changed to running");
                }
                let has_main = self.r.main().is_some();
                while !self.stop_requested
                    && self.main_end.is_none()
                    && (self.main.is_some() || (!has_main && !self.r.task))
                {
                    self.step();
                }
                // The main process ended by itself: classify (docs/language.md#termination).
                if let Some((st, by_itself)) = self.main_end
                    && by_itself
                {
                    let task = self.r.task;
                    let candidate = st != 0 || (self.r.respawn && !task);
                    let normal = self.r.normal_exit.iter().any(|e| e.encoded() == st);
                    let failed = candidate && !normal;
                    if failed && self.r.respawn {
                        let runaway = if limit_count == 0 || limit_interval == 0 {
                            false
                        } else {
                            match window {
                                Some(w) if w.elapsed().as_secs() < limit_interval => {
                                    count += 1;
                                    count > limit_count
                                }
                                _ => {
                                    window = Some(Instant::now());
                                    count = 1;
                                    false
                                }
                            }
                        };
                        if runaway {
                            self.log("respawning too fast, stopped");
                            if !self.opts.verbose {
                                eprintln!("{} respawning too fast, stopped", self.job.name);
                            }
                            failure.get_or_insert("respawning too fast".to_string());
                        } else {
                            self.log("main process ended, respawning");
                            respawn = true;
                        }
                    } else if failed {
                        failure.get_or_insert(format!("main process {}", describe(st)));
                    }
                }
                // pre-stop only from running, while the main process is alive
                if self.stop_requested && !stopped_before_running && self.main.is_some() {
                    let _ = self.run_helper(ProcessKind::PreStop);
                }
                // killed: only when there is a main process to kill. A main
                // process that ended by itself leaves nothing to wait for:
                // post-stop (or the respawn) follows at once, as under
                // upstart, even if processes it left behind still run.
                if self.main.is_some() {
                    self.kill_main();
                }
            }
            // post-stop
            match self.run_helper(ProcessKind::PostStop) {
                Some(Ok(0)) | None => {}
                Some(Ok(st)) => {
                    failure.get_or_insert(format!("post-stop process {}", describe(st)));
                    respawn = false;
                }
                Some(Err(e)) => {
                    failure.get_or_insert(format!("post-stop process failed to spawn: {e}"));
                    respawn = false;
                }
            }
            if !respawn || self.stop_requested {
                break;
            }
        }
        if self.stop_requested && !self.opts.leave_leftovers {
            self.kill_leftovers();
        }
        self.log("state changed to waiting");
        match failure {
            Some(f) => RunOutcome::Failed(f),
            None => RunOutcome::Ok,
        }
    }
}

fn kind_name(kind: ProcessKind) -> &'static str {
    match kind {
        ProcessKind::Main => "main",
        ProcessKind::PreStart => "pre-start",
        ProcessKind::PostStart => "post-start",
        ProcessKind::PreStop => "pre-stop",
        ProcessKind::PostStop => "post-stop",
    }
}
