//! The engine against upstart 1.13.2's own runs (the events/ scenarios of
//! the conformance data): job texts embedded, pids handed out 1, 2, 3...
//! so that `(P1)` in upstart's log is `(1)` here.

use super::*;
use crate::load::{LoadedJob, ParsedFile};

#[derive(Debug, Default)]
struct Fake {
    next: i32,
    spawned: Vec<SpawnRequest>,
}

impl Spawner for Fake {
    fn spawn(&mut self, req: &SpawnRequest) -> i32 {
        self.next += 1;
        self.spawned.push(req.clone());
        self.next
    }
}

struct T {
    e: Engine<Fake>,
    log: Vec<String>,
    replies: Vec<(ClientId, Reply)>,
    kills: Vec<(i32, i32, bool)>,
    timers: Vec<(TimerId, u64)>,
    finished: bool,
    client: ClientId,
}

fn class(name: &str, text: &str) -> JobClass {
    let conf = ParsedFile::from_bytes(format!("{name}.conf"), text.as_bytes().to_vec());
    assert!(!conf.parsed.has_errors(), "{name}: {:?}", conf.parsed);
    let job = LoadedJob {
        name: name.to_string(),
        conf,
        override_file: None,
    };
    JobClass::from_loaded(&job, &[])
}

fn sv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

impl T {
    fn new(jobs: &[(&str, &str)]) -> Self {
        let classes = jobs.iter().map(|(n, t)| class(n, t)).collect();
        let e = Engine::new(classes, sv(&[("PATH", "/bin")]), Fake::default());
        Self {
            e,
            log: Vec::new(),
            replies: Vec::new(),
            kills: Vec::new(),
            timers: Vec::new(),
            finished: false,
            client: 0,
        }
    }

    fn take(&mut self) {
        for a in self.e.drain() {
            match a {
                Action::Log(l) => self.log.push(l),
                Action::Reply(c, r) => self.replies.push((c, r)),
                Action::Kill { pid, signal, group } => self.kills.push((pid, signal, group)),
                Action::StartTimer { id, seconds } => self.timers.push((id, seconds)),
                Action::CancelTimer { id } => self.timers.retain(|(t, _)| *t != id),
                Action::Finished => self.finished = true,
            }
        }
    }

    fn emit(&mut self, name: &str, env: &[&str]) -> ClientId {
        self.req(Request::Emit {
            event: name.into(),
            env: strings(env),
            wait: true,
        })
    }

    fn emit_nowait(&mut self, name: &str, env: &[&str]) -> ClientId {
        self.req(Request::Emit {
            event: name.into(),
            env: strings(env),
            wait: false,
        })
    }

    fn init_event(&mut self, name: &str) {
        self.e.emit(name, Vec::new(), None);
        self.take();
    }

    fn req(&mut self, r: Request) -> ClientId {
        self.client += 1;
        self.e.request(self.client, r, &[]);
        self.take();
        self.client
    }

    fn start(&mut self, job: &str, env: &[&str]) -> ClientId {
        self.req(Request::Start {
            job: Some(job.into()),
            env: strings(env),
            wait: true,
        })
    }

    fn stop(&mut self, job: &str, env: &[&str]) -> ClientId {
        self.req(Request::Stop {
            job: Some(job.into()),
            env: strings(env),
            wait: true,
        })
    }

    fn text(&mut self, r: Request) -> String {
        let c = self.req(r);
        let rep = self.reply(c).expect("an immediate reply");
        format!("{}{}rc={}", rep.stdout, rep.stderr, rep.status)
    }

    fn list(&mut self) -> String {
        self.text(Request::List)
    }

    fn status(&mut self, job: &str, env: &[&str]) -> String {
        self.text(Request::Status {
            job: job.into(),
            env: strings(env),
        })
    }

    /// initctl's output for `client` (stdout, stderr, rc), once replied.
    fn reply(&self, client: ClientId) -> Option<Reply> {
        self.replies
            .iter()
            .find(|(c, _)| *c == client)
            .map(|(_, r)| r.clone())
    }

    fn out(&self, client: ClientId) -> String {
        let r = self.reply(client).expect("replied");
        format!("{}{}rc={}", r.stdout, r.stderr, r.status)
    }

    fn ok(&mut self, pid: i32) {
        self.e.exec_ok(pid);
        self.take();
    }

    fn exit(&mut self, pid: i32, code: i32) {
        self.e.exited(pid, Exit::Code(code));
        self.take();
    }

    fn killed(&mut self, pid: i32, sig: i32) {
        self.e.exited(pid, Exit::Signal(sig));
        self.take();
    }

    fn env_of(&self, pid: i32) -> Vec<(String, String)> {
        self.e.spawner.spawned[usize::try_from(pid - 1).unwrap()]
            .env
            .clone()
    }

    fn var(&self, pid: i32, key: &str) -> Option<String> {
        self.env_of(pid)
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The log since the last call, checked against upstart's own lines
    /// (`(Pn)` is pid n here).
    #[track_caller]
    fn expect(&mut self, upstart: &str) {
        let want: Vec<String> = upstart
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| l.replace("(P", "("))
            .collect();
        let got = std::mem::take(&mut self.log);
        if got != want {
            panic!(
                "log differs\n--- upstart\n{}\n--- engine\n{}",
                want.join("\n"),
                got.join("\n")
            );
        }
    }

    fn clear(&mut self) {
        self.log.clear();
    }
}

fn start_lines(job: &str, pid: i32) -> String {
    format!(
        "{job} state changed from starting to security-spawning
         {job} state changed from security-spawning to security
         {job} state changed from security to pre-starting
         {job} state changed from pre-starting to pre-start
         {job} state changed from pre-start to spawning
         {job} main process (P{pid})
         {job} state changed from spawning to spawned"
    )
}

fn running_lines(job: &str) -> String {
    format!(
        "{job} state changed from spawned to post-starting
         {job} state changed from post-starting to post-start
         {job} state changed from post-start to running"
    )
}

fn stop_lines(job: &str) -> String {
    format!(
        "{job} state changed from stopping to killed
         {job} state changed from killed to post-stopping
         {job} state changed from post-stopping to post-stop
         {job} state changed from post-stop to waiting"
    )
}

// 01: startup chain; hash order of classes (d before a); list format.
#[test]
fn s01_startup_chain() {
    let mut t = T::new(&[
        ("a", "start on startup\ntask\nexec /s a --sleep 0.5\n"),
        ("b", "start on stopped a\nexec /s b --sleep 30\n"),
        ("c", "start on started b\ntask\nexec /s c\n"),
        ("d", "start on startup or stopped c\ntask\nexec /s d\n"),
    ]);
    t.init_event("startup");
    t.expect(&format!(
        "Handling startup event
         d goal changed from stop to start
         d state changed from waiting to starting
         a goal changed from stop to start
         a state changed from waiting to starting
         Handling starting event
         {}
         Handling starting event
         {}",
        start_lines("d", 1),
        start_lines("a", 2)
    ));
    t.ok(1);
    t.ok(2);
    t.expect(&format!(
        "{}\nHandling started event\n{}\nHandling started event",
        running_lines("d"),
        running_lines("a")
    ));
    t.exit(1, 0);
    t.expect(&format!(
        "d main process (P1) exited normally
         d goal changed from start to stop
         d state changed from running to stopping
         Handling stopping event
         {}
         Handling stopped event",
        stop_lines("d")
    ));
    t.exit(2, 0);
    t.expect(&format!(
        "a main process (P2) exited normally
         a goal changed from start to stop
         a state changed from running to stopping
         Handling stopping event
         {}
         Handling stopped event
         b goal changed from stop to start
         b state changed from waiting to starting
         Handling starting event
         {}",
        stop_lines("a"),
        start_lines("b", 3)
    ));
    t.ok(3);
    t.clear();
    t.ok(4);
    t.exit(4, 0);
    t.ok(5);
    t.exit(5, 0);
    t.clear();
    assert_eq!(
        t.list(),
        "d stop/waiting\nc stop/waiting\nb start/running, process 3\na stop/waiting\nrc=0"
    );
    assert_eq!(t.status("a", &[]), "a stop/waiting\nrc=0");
    // shutdown: b stopped, TERM, then Finished.
    t.e.shutdown(Some("session-end"));
    t.take();
    t.expect(
        "b goal changed from start to stop
         b state changed from running to pre-stopping
         b state changed from pre-stopping to pre-stop
         b state changed from pre-stop to stopping
         Handling session-end event
         Handling stopping event
         b state changed from stopping to killed
         Sending TERM signal to b main process (P3)",
    );
    assert_eq!(t.kills, vec![(3, 15, true)]);
    assert!(!t.finished);
    t.killed(3, 15);
    t.expect(
        "init: b main process (P3) killed by TERM signal
         b state changed from killed to post-stopping
         b state changed from post-stopping to post-stop
         b state changed from post-stop to waiting
         Handling stopped event",
    );
    assert!(t.finished);
    assert!(t.timers.is_empty());
}
