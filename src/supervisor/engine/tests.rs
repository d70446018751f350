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
        assert!(
            got == want,
            "log differs\n--- upstart\n{}\n--- engine\n{}",
            want.join("\n"),
            got.join("\n")
        );
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
        "Quiescing due to shutdown request
         b goal changed from start to stop
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
         Handling stopped event
         Quiesce shutdown sequence took <1 second",
    );
    assert!(t.finished);
    assert!(t.timers.is_empty());
}

// 02: `starting a` blocks a until the hook service runs and the hook task
// ends; `started` blocks nothing; emit returns when a is running.
#[test]
fn s02_starting_blocks() {
    let mut t = T::new(&[
        (
            "a",
            "start on go\npre-start exec /s a-pre\nexec /s a-main\n",
        ),
        ("after", "start on started a\ntask\nexec /s after\n"),
        (
            "hook_svc",
            "start on starting a\npre-start exec /s hp\nexec /s hm\n",
        ),
        ("hook_task", "start on starting a\ntask\nexec /s ht\n"),
    ]);
    let go = t.emit("go", &["X=1"]);
    t.ok(1);
    assert_eq!(t.status("a", &[]), "a start/starting\nrc=0");
    assert_eq!(
        t.status("hook_svc", &[]),
        "hook_svc start/pre-start, process 2\nrc=0"
    );
    t.clear();
    t.exit(1, 0);
    t.expect(&format!(
        "hook_task main process (P1) exited normally
         hook_task goal changed from start to stop
         hook_task state changed from running to stopping
         Handling stopping event
         {}
         Handling stopped event",
        stop_lines("hook_task")
    ));
    assert!(t.reply(go).is_none());
    t.exit(2, 0);
    t.expect(
        "hook_svc pre-start process (P2) exited normally
         hook_svc state changed from pre-start to spawning
         hook_svc main process (P3)
         hook_svc state changed from spawning to spawned",
    );
    t.ok(3);
    t.expect(
        "hook_svc state changed from spawned to post-starting
         hook_svc state changed from post-starting to post-start
         hook_svc state changed from post-start to running
         a state changed from starting to security-spawning
         a state changed from security-spawning to security
         a state changed from security to pre-starting
         a pre-start process (P4)
         a state changed from pre-starting to pre-start
         Handling started event",
    );
    t.exit(4, 0);
    assert!(t.reply(go).is_none());
    t.ok(5);
    // a running: the go event finishes though `after` (a task on started a) runs.
    assert_eq!(t.out(go), "rc=0");
    assert_eq!(
        t.list(),
        "hook_task stop/waiting\nhook_svc start/running, process 3\na start/running, process 5\nafter start/spawned, process 6\nrc=0"
    );
    assert_eq!(t.var(5, "UPSTART_EVENTS").as_deref(), Some("go"));
    assert_eq!(t.var(5, "X").as_deref(), Some("1"));
}

// 04: job event variables, failure results, exported variables, Event failed.
#[test]
fn s04_job_event_env() {
    let mut t = T::new(&[
        (
            "f_exit",
            "start on go\nenv FOO=fooval\nenv BAR=barval\nexport FOO\nexec /s f_exit\n",
        ),
        (
            "f_prestart",
            "start on go\npre-start exec /s pre\nexec /s m\n",
        ),
        (
            "obs_stopped",
            "start on stopped JOB=f_*\ninstance $JOB\ntask\nexec /s obs\n",
        ),
        (
            "obs_stopping",
            "start on stopping JOB=f_*\ninstance $JOB\ntask\nexec /s obs\n",
        ),
    ]);
    let go = t.emit("go", &[]);
    // f_prestart (bin 4) before f_exit (bin 5): its pre-start is pid 1.
    t.ok(2);
    t.exit(1, 1);
    assert!(
        t.log
            .iter()
            .any(|l| l == "init: f_prestart pre-start process (1) terminated with status 1")
    );
    // obs_stopping (f_prestart) runs and holds the stopping event
    let obs = t.e.spawner.spawned.len();
    let obs = i32::try_from(obs).unwrap();
    assert_eq!(t.var(obs, "RESULT").as_deref(), Some("failed"));
    assert_eq!(t.var(obs, "PROCESS").as_deref(), Some("pre-start"));
    assert_eq!(t.var(obs, "EXIT_STATUS").as_deref(), Some("1"));
    assert_eq!(t.var(obs, "INSTANCE").as_deref(), Some(""));
    assert_eq!(
        t.var(obs, "UPSTART_INSTANCE").as_deref(),
        Some("f_prestart")
    );
    t.ok(obs);
    t.exit(obs, 0);
    let obs2 = i32::try_from(t.e.spawner.spawned.len()).unwrap();
    t.ok(obs2);
    t.exit(obs2, 0);
    // go failed: emit gets Event failed, go/failed follows.
    t.exit(2, 3);
    let n = i32::try_from(t.e.spawner.spawned.len()).unwrap();
    assert_eq!(t.var(n, "EXIT_STATUS").as_deref(), Some("3"));
    assert_eq!(t.var(n, "FOO").as_deref(), Some("fooval"));
    assert_eq!(t.var(n, "BAR"), None);
    let keys: Vec<String> = t.env_of(n).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys[..7],
        strings(&[
            "PATH",
            "JOB",
            "INSTANCE",
            "RESULT",
            "PROCESS",
            "EXIT_STATUS",
            "FOO"
        ])
    );
    for p in (obs2 + 1)..=n {
        t.ok(p);
        t.exit(p, 0);
    }
    assert_eq!(t.out(go), "initctl: Event failed\nrc=1");
    assert!(t.log.iter().any(|l| l == "Handling go/failed event"));
}

// 05: `and` holds the first event; tree order of variables; a second
// matching event is not taken.
#[test]
fn s05_and() {
    let mut t = T::new(&[("c", "start on a and b\ntask\nexec /s c\n")]);
    let b = t.emit("b", &["K=from_b", "BONLY=1"]);
    assert!(t.reply(b).is_none());
    assert_eq!(t.status("c", &[]), "c stop/waiting\nrc=0");
    let a = t.emit("a", &["K=from_a", "AONLY=1"]);
    assert_eq!(
        t.env_of(1),
        sv(&[
            ("PATH", "/bin"),
            ("K", "from_b"),
            ("AONLY", "1"),
            ("BONLY", "1"),
            ("UPSTART_EVENTS", "a b"),
            ("UPSTART_JOB", "c"),
            ("UPSTART_INSTANCE", ""),
        ])
    );
    t.ok(1);
    assert!(t.reply(a).is_none() && t.reply(b).is_none());
    t.exit(1, 0);
    assert_eq!(t.out(a), "rc=0");
    assert_eq!(t.out(b), "rc=0");
    // a held; a second a returns at once; b fires with the first a.
    let a2 = t.emit("a", &["ANUM=2"]);
    assert!(t.reply(a2).is_none());
    let a3 = t.emit("a", &["ANUM=3"]);
    assert_eq!(t.out(a3), "rc=0");
    t.emit("b", &["BNUM=2"]);
    assert_eq!(t.var(2, "ANUM").as_deref(), Some("2"));
}

// 08: stop on with a value, $VAR in stop on from the instance env, $VAR in
// start on never matching, and `stop on down and down2`.
#[test]
fn s08_stop_on() {
    let mut t = T::new(&[
        (
            "s",
            "start on up\nstop on down MODE=fast\npre-stop exec /s pre\npost-stop exec /s post\nexec /s m\n",
        ),
        (
            "s2",
            "start on up\nenv WANT=slow\nstop on down MODE=$WANT\npost-stop exec /s post\nexec /s m\n",
        ),
        ("s3", "env WANT=fast\nstart on up MODE=$WANT\nexec /s m\n"),
    ]);
    t.emit("up", &["MODE=fast"]);
    let pids: Vec<(String, i32)> =
        t.e.spawner
            .spawned
            .iter()
            .zip(1..)
            .map(|(r, p)| (r.job.clone(), p))
            .collect();
    assert_eq!(pids.len(), 2, "s3 never starts: {pids:?}");
    for (_, p) in &pids {
        t.ok(*p);
    }
    let pid = |j: &str| pids.iter().find(|(n, _)| n == j).unwrap().1;
    let medium = t.emit("down", &["MODE=medium"]);
    assert_eq!(t.out(medium), "rc=0");
    t.emit("down", &["MODE=fast", "X=1"]);
    // pre-stop sees the stop event's variables
    let pre = i32::try_from(t.e.spawner.spawned.len()).unwrap();
    assert_eq!(
        t.e.spawner.spawned[usize::try_from(pre - 1).unwrap()].kind,
        ProcessKind::PreStop
    );
    assert_eq!(t.var(pre, "X").as_deref(), Some("1"));
    assert_eq!(t.var(pre, "MODE").as_deref(), Some("fast"));
    assert_eq!(t.var(pre, "UPSTART_STOP_EVENTS").as_deref(), Some("down"));
    t.exit(pre, 0);
    t.clear();
    t.killed(pid("s"), 15);
    let post = i32::try_from(t.e.spawner.spawned.len()).unwrap();
    // keys keep their place: MODE stays where the start env had it
    let keys: Vec<String> = t.env_of(post).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        strings(&[
            "PATH",
            "MODE",
            "UPSTART_EVENTS",
            "X",
            "UPSTART_STOP_EVENTS",
            "UPSTART_JOB",
            "UPSTART_INSTANCE"
        ])
    );
    t.exit(post, 0);
    t.emit("down", &["MODE=slow"]);
    assert!(t.kills.iter().any(|k| k.0 == pid("s2")));
}

// 09: emit --no-wait returns at once; a waiting emit waits for a task to end.
#[test]
fn s09_emit_wait_nowait() {
    let mut t = T::new(&[
        ("tsk", "start on ev2\ntask\nexec /s tsk\n"),
        (
            "bad",
            "start on ev3\npre-start exec /s bad-pre\nexec /s bad\n",
        ),
        ("on_failed", "start on ev3/failed\ntask\nexec /s onf\n"),
    ]);
    let c = t.emit_nowait("ev2", &["B=2"]);
    assert_eq!(t.out(c), "rc=0");
    assert_eq!(t.status("tsk", &[]), "tsk start/spawned, process 1\nrc=0");
    t.ok(1);
    t.exit(1, 0);
    let c = t.emit("ev2", &["B=3"]);
    assert!(t.reply(c).is_none());
    t.ok(2);
    t.exit(2, 0);
    assert_eq!(t.out(c), "rc=0");
    let c = t.emit("nobody", &["K=V"]);
    assert_eq!(t.out(c), "rc=0");
    let c = t.emit("ev3", &["C=4"]);
    t.exit(3, 1);
    assert_eq!(t.out(c), "initctl: Event failed\nrc=1");
    assert!(t.log.iter().any(|l| l == "Handling ev3/failed event"));
    // on_failed got the same variables
    assert_eq!(t.var(4, "C").as_deref(), Some("4"));
    assert_eq!(t.var(4, "UPSTART_EVENTS").as_deref(), Some("ev3/failed"));
}

// 11: instances, stop on N=$N, initctl errors and texts.
#[test]
fn s11_instances() {
    let mut t = T::new(&[(
        "w",
        "instance $N\nstart on spawn\nstop on kill N=$N\npost-stop exec /s post\nexec /s w\n",
    )]);
    t.emit("spawn", &["N=1"]);
    t.ok(1);
    t.emit("spawn", &["N=2"]);
    t.ok(2);
    assert_eq!(
        t.list(),
        "w (2) start/running, process 2\nw (1) start/running, process 1\nrc=0"
    );
    assert_eq!(
        t.status("w", &["N=1"]),
        "w (1) start/running, process 1\nrc=0"
    );
    assert_eq!(t.status("w", &[]), "initctl: Unknown parameter: N\nrc=1");
    let c = t.emit("spawn", &["N=1", "X=again"]);
    assert_eq!(t.out(c), "rc=0");
    let c = t.start("w", &["N=1"]);
    assert_eq!(t.out(c), "initctl: Job is already running: w (1)\nrc=1");
    let c = t.start("w", &[]);
    assert_eq!(t.out(c), "initctl: Unknown parameter: N\nrc=1");
    let c = t.start("w", &["N=3", "EXTRA=x"]);
    t.ok(3);
    assert_eq!(t.out(c), "w (3) start/running, process 3\nrc=0");
    let c = t.stop("w", &["N=1"]);
    t.killed(1, 15);
    t.exit(4, 0);
    assert_eq!(t.out(c), "w stop/waiting\nrc=0");
    let c = t.stop("w", &["N=9"]);
    assert_eq!(t.out(c), "initctl: Unknown instance: 9\nrc=1");
    let c = t.emit("kill", &["N=2"]);
    t.killed(2, 15);
    t.exit(5, 0);
    assert_eq!(t.out(c), "rc=0");
    assert_eq!(t.list(), "w (3) start/running, process 3\nrc=0");
    t.clear();
    let c = t.emit("spawn", &[]);
    t.expect(
        "Handling spawn event
         init: Failed to obtain w instance: Unknown parameter: N",
    );
    assert_eq!(t.out(c), "rc=0");
}

// 12: manual drops only the start on before it; stop on still applies.
#[test]
fn s12_manual() {
    let mut t = T::new(&[
        ("m", "start on go\nmanual\nexec /s m\n"),
        ("m2", "start on go\nstop on halt\nmanual\nexec /s m2\n"),
        ("m3", "manual\nstart on go\nexec /s m3\n"),
    ]);
    t.emit("go", &[]);
    t.ok(1);
    assert_eq!(
        t.list(),
        "m stop/waiting\nm2 stop/waiting\nm3 start/running, process 1\nrc=0"
    );
    let c = t.start("m2", &[]);
    t.ok(2);
    assert_eq!(t.out(c), "m2 start/running, process 2\nrc=0");
    let c = t.emit("halt", &[]);
    t.killed(2, 15);
    assert_eq!(t.out(c), "rc=0");
    assert_eq!(t.status("m2", &[]), "m2 stop/waiting\nrc=0");
}

// 15: a respawn emits stopping (RESULT=ok), runs post-stop, then starting
// and started, never stopped; dependents are stopped and started again.
#[test]
fn s15_respawn_dependents() {
    let mut t = T::new(&[
        (
            "dep",
            "start on started r\nstop on stopping r\nexec /s dep\n",
        ),
        (
            "r",
            "start on go\nrespawn\npost-stop exec /s post\nexec /s r\n",
        ),
    ]);
    t.emit("go", &[]);
    t.ok(1);
    t.ok(2);
    assert_eq!(t.e.spawner.spawned[1].job, "dep");
    t.clear();
    t.exit(1, 0);
    t.expect(
        "r main process (P1) exited normally
         init: r main process ended, respawning
         r state changed from running to stopping
         Handling stopping event
         dep goal changed from start to stop
         dep state changed from running to pre-stopping
         dep state changed from pre-stopping to pre-stop
         dep state changed from pre-stop to stopping
         Handling stopping event
         dep state changed from stopping to killed
         Sending TERM signal to dep main process (P2)",
    );
    t.killed(2, 15);
    assert!(t.log.iter().any(|l| l == "r post-stop process (3)"));
    t.clear();
    t.exit(3, 0);
    t.expect(
        "r post-stop process (P3) exited normally
         r state changed from post-stop to starting
         Handling starting event
         r state changed from starting to security-spawning
         r state changed from security-spawning to security
         r state changed from security to pre-starting
         r state changed from pre-starting to pre-start
         r state changed from pre-start to spawning
         r main process (P4)
         r state changed from spawning to spawned",
    );
    t.ok(4);
    assert!(
        t.log
            .iter()
            .any(|l| l == "dep goal changed from stop to start")
    );
    assert!(
        !t.log.iter().any(|l| l.contains("Handling stopped"))
            || t.log
                .iter()
                .filter(|l| l.contains("Handling stopped"))
                .count()
                == 1
    );
}

// 15 bis: the respawn limit (window anchored at the first respawn).
#[test]
fn respawn_limit() {
    let mut t = T::new(&[("r", "respawn\nrespawn limit 2 5\nexec /s r\n")]);
    t.e.now(100);
    t.start("r", &[]);
    t.ok(1);
    t.exit(1, 0);
    t.ok(2);
    t.e.now(104);
    t.exit(2, 0);
    t.ok(3);
    t.clear();
    t.exit(3, 0);
    t.expect(
        "r main process (P3) exited normally
         init: r respawning too fast, stopped
         r goal changed from start to stop
         r state changed from running to stopping
         Handling stopping event
         r state changed from stopping to killed
         r state changed from killed to post-stopping
         r state changed from post-stopping to post-stop
         r state changed from post-stop to waiting
         Handling stopped event",
    );
}

// The respawn limit with the driver's clock at 0 (seconds since the job
// set started): the window opened at second 0 counts (lifecycle s02).
#[test]
fn respawn_limit_from_second_zero() {
    let mut t = T::new(&[("r", "respawn\nrespawn limit 2 5\nexec /s r\n")]);
    t.e.now(0);
    t.start("r", &[]);
    t.ok(1);
    t.exit(1, 0);
    t.ok(2);
    t.exit(2, 0);
    t.ok(3);
    t.clear();
    t.exit(3, 0);
    t.expect(
        "r main process (P3) exited normally
         init: r respawning too fast, stopped
         r goal changed from start to stop
         r state changed from running to stopping
         Handling stopping event
         r state changed from stopping to killed
         r state changed from killed to post-stopping
         r state changed from post-stopping to post-stop
         r state changed from post-stop to waiting
         Handling stopped event",
    );
}

// 16: status and list formats with several processes.
#[test]
fn s16_status_list() {
    let mut t = T::new(&[
        (
            "in_poststart",
            "start on startup\npost-start exec /s p\nexec /s m\n",
        ),
        (
            "in_prestart",
            "start on startup\npre-start exec /s p\nexec /s m\n",
        ),
        (
            "poststart_nomain",
            "start on startup\npost-start exec /s p\n",
        ),
        ("never", "exec /s never\n"),
        ("inst", "instance $N\nexec /s inst\n"),
    ]);
    t.init_event("startup");
    for p in 1..=5 {
        t.ok(p);
    }
    let c = t.req(Request::Start {
        job: Some("inst".into()),
        env: strings(&["N=two"]),
        wait: false,
    });
    assert_eq!(t.out(c), "inst (two) start/spawned, process 5\nrc=0");
    let out = t.list();
    assert!(
        out.contains("in_poststart start/post-start, process 3\n\tpost-start process 4\n"),
        "{out}"
    );
    assert!(
        out.contains("poststart_nomain start/post-start, (post-start) process 2\n"),
        "{out}"
    );
    assert!(
        out.contains("in_prestart start/pre-start, process 1\n"),
        "{out}"
    );
    assert!(out.contains("never stop/waiting\n"), "{out}");
    assert_eq!(
        t.status("inst", &["N=nope"]),
        "initctl: Unknown instance: nope\nrc=1"
    );
    assert_eq!(
        t.status("nosuchjob", &[]),
        "initctl: Unknown job: nosuchjob\nrc=1"
    );
}

// 17: initctl errors.
#[test]
fn s17_initctl_errors() {
    let mut t = T::new(&[
        (
            "inst",
            "instance $N\nusage \"inst N=<name>\"\nexec /s inst\n",
        ),
        ("svc", "exec /s svc\n"),
        ("tsk", "task\nexec /s tsk --exit 2\n"),
    ]);
    let c = t.start("svc", &[]);
    t.ok(1);
    assert_eq!(t.out(c), "svc start/running, process 1\nrc=0");
    let c = t.start("svc", &[]);
    assert_eq!(t.out(c), "initctl: Job is already running: svc\nrc=1");
    let c = t.stop("svc", &[]);
    t.killed(1, 15);
    assert_eq!(t.out(c), "svc stop/waiting\nrc=0");
    let c = t.stop("svc", &[]);
    assert_eq!(t.out(c), "initctl: Unknown instance: \nrc=1");
    let c = t.req(Request::Restart {
        job: Some("svc".into()),
        env: vec![],
        wait: true,
    });
    assert_eq!(t.out(c), "initctl: Unknown instance: \nrc=1");
    let c = t.req(Request::Reload {
        job: Some("svc".into()),
        env: vec![],
    });
    assert_eq!(t.out(c), "initctl: Unknown instance: \nrc=1");
    let c = t.start("nosuchjob", &[]);
    assert_eq!(t.out(c), "initctl: Unknown job: nosuchjob\nrc=1");
    let c = t.start("svc", &["FOO"]);
    assert_eq!(t.out(c), "initctl: Env must be KEY=VALUE pairs\nrc=1");
    let c = t.start("tsk", &[]);
    t.ok(2);
    t.exit(2, 2);
    assert_eq!(t.out(c), "initctl: Job failed to start\nrc=1");
    let c = t.start("inst", &[]);
    assert_eq!(
        t.out(c),
        "initctl: Unknown parameter: N\nUsage: inst N=<name>\nrc=1"
    );
    let c = t.stop("inst", &["N=9"]);
    assert_eq!(t.out(c), "initctl: Unknown instance: 9\nrc=1");
    let c = t.emit("ev", &["FOO"]);
    assert_eq!(t.out(c), "initctl: Env must be KEY=VALUE pairs\nrc=1");
    let c = t.start("svc", &["A=1"]);
    t.ok(3);
    assert_eq!(t.out(c), "svc start/running, process 3\nrc=0");
    let c = t.req(Request::Restart {
        job: Some("svc".into()),
        env: strings(&["B=2"]),
        wait: true,
    });
    t.killed(3, 15);
    t.ok(4);
    assert_eq!(t.out(c), "svc start/running, process 4\nrc=0");
    assert_eq!(t.var(4, "B").as_deref(), Some("2"));
    assert_eq!(t.var(4, "A"), None);
}

// 19: an event in both start on and stop on.
#[test]
fn s19_same_event_start_stop() {
    let mut t = T::new(&[
        (
            "j",
            "start on ev\nstop on ev\npre-stop exec /s pre\npost-stop exec /s post\nexec /s j\n",
        ),
        (
            "j2",
            "start on ev\nstop on ev\npost-stop exec /s post\nexec /s j2\n",
        ),
    ]);
    t.emit("ev", &["N=1"]);
    let main = |t: &T, job: &str| {
        t.e.spawner
            .spawned
            .iter()
            .zip(1..)
            .filter(|(r, _)| r.job == job && r.kind == ProcessKind::Main)
            .map(|(_, p)| p)
            .last()
            .unwrap()
    };
    let (j1, j21) = (main(&t, "j"), main(&t, "j2"));
    t.ok(j1);
    t.ok(j21);
    t.clear();
    let c = t.emit("ev", &["N=2"]);
    // j2 (no pre-stop) is stopped; j runs pre-stop, and the start cancels the stop
    let pre =
        t.e.spawner
            .spawned
            .iter()
            .zip(1..)
            .find(|(r, _)| r.job == "j" && r.kind == ProcessKind::PreStop)
            .map(|(_, p)| p)
            .unwrap();
    t.exit(pre, 0);
    assert_eq!(
        t.status("j", &[]),
        format!("j start/running, process {j1}\nrc=0")
    );
    t.killed(j21, 15);
    let post = i32::try_from(t.e.spawner.spawned.len()).unwrap();
    t.exit(post, 0);
    let j22 = main(&t, "j2");
    assert_ne!(j21, j22);
    assert_eq!(t.var(j22, "N").as_deref(), Some("2"));
    t.ok(j22);
    assert_eq!(t.out(c), "rc=0");
    assert!(!t.log.iter().any(|l| l == "Handling stopped event"));
}

// 20: after firing the whole tree is reset; `a and (b or c)` fires again,
// and a true `or` passes both events.
#[test]
fn s20_complex_refire() {
    let mut t = T::new(&[("j", "start on a and (b or c)\ntask\nexec /s j\n")]);
    t.emit_nowait("a", &["N=1"]);
    t.emit_nowait("b", &["N=2"]);
    t.ok(1);
    t.exit(1, 0);
    assert_eq!(t.var(1, "UPSTART_EVENTS").as_deref(), Some("a b"));
    t.emit_nowait("a", &["N=3"]);
    t.emit_nowait("c", &["N=4"]);
    assert_eq!(t.var(2, "UPSTART_EVENTS").as_deref(), Some("a c"));
    assert_eq!(t.var(2, "N").as_deref(), Some("4"));
    t.ok(2);
    t.exit(2, 0);
    t.emit_nowait("c", &["N=5"]);
    t.emit_nowait("a", &["N=6"]);
    assert_eq!(t.var(3, "UPSTART_EVENTS").as_deref(), Some("a c"));
    t.ok(3);
    t.exit(3, 0);
    t.emit_nowait("b", &["N=7", "BB=7"]);
    t.emit_nowait("c", &["N=8", "CC=8"]);
    t.emit_nowait("a", &["N=9", "AA=9"]);
    assert_eq!(t.var(4, "UPSTART_EVENTS").as_deref(), Some("a b c"));
    assert_eq!(
        t.env_of(4)[..5],
        sv(&[
            ("PATH", "/bin"),
            ("N", "8"),
            ("AA", "9"),
            ("BB", "7"),
            ("CC", "8")
        ])[..]
    );
}

// 22: a start during a pending stop releases the waiting stop with rc 0;
// reload in pre-start; already stopped.
#[test]
fn s22_pending_goal_errors() {
    let mut t = T::new(&[
        ("slowstart", "pre-start exec /s pre\nexec /s m\n"),
        ("slowstop", "pre-stop exec /s pre\nexec /s m\n"),
    ]);
    let c = t.start("slowstop", &[]);
    t.ok(1);
    assert_eq!(t.out(c), "slowstop start/running, process 1\nrc=0");
    let bg = t.stop("slowstop", &[]);
    let c = t.stop("slowstop", &[]);
    assert_eq!(
        t.out(c),
        "initctl: Job has already been stopped: slowstop\nrc=1"
    );
    assert_eq!(
        t.status("slowstop", &[]),
        "slowstop stop/pre-stop, process 1\n\tpre-stop process 2\nrc=0"
    );
    let c = t.start("slowstop", &[]);
    assert_eq!(
        t.out(bg),
        "slowstop start/pre-stop, process 1\n\tpre-stop process 2\nrc=0"
    );
    assert!(t.reply(c).is_none());
    t.exit(2, 0);
    assert_eq!(t.out(c), "slowstop start/running, process 1\nrc=0");
    let c = t.req(Request::Start {
        job: Some("slowstart".into()),
        env: vec![],
        wait: false,
    });
    assert_eq!(t.out(c), "slowstart start/pre-start, process 3\nrc=0");
    let c = t.req(Request::Reload {
        job: Some("slowstart".into()),
        env: vec![],
    });
    assert_eq!(t.out(c), "initctl: Job is not running: slowstart\nrc=1");
    let bg = t.stop("slowstart", &[]);
    t.exit(3, 0);
    assert_eq!(t.out(bg), "slowstart stop/waiting\nrc=0");
}

fn start_to_spawned(job: &str, pid: i32) -> String {
    format!(
        "{job} goal changed from stop to start
         {job} state changed from waiting to starting
         Handling starting event
         {}",
        start_lines(job, pid)
    )
}

// 03: `stopping a` blocks a before its main process is signalled: the task
// on `stopping a` runs to its end first; `stopped a` blocks nothing.
#[test]
fn s03_stopping_stopped() {
    let mut t = T::new(&[
        (
            "a",
            "start on go\nstop on halt\npre-stop exec /s pre\npost-stop exec /s post\nexec /s a\n",
        ),
        ("on_stopped", "start on stopped a\ntask\nexec /s x\n"),
        ("on_stopping", "start on stopping a\ntask\nexec /s y\n"),
    ]);
    t.emit("go", &[]);
    t.ok(1);
    t.clear();
    let halt = t.emit("halt", &["WHY=test"]);
    t.expect(
        "Handling halt event
         a goal changed from start to stop
         a state changed from running to pre-stopping
         a pre-stop process (P2)
         a state changed from pre-stopping to pre-stop",
    );
    assert_eq!(t.var(2, "WHY").as_deref(), Some("test"));
    assert_eq!(t.var(2, "UPSTART_STOP_EVENTS").as_deref(), Some("halt"));
    t.exit(2, 0);
    t.ok(3);
    t.exit(3, 0);
    t.expect(&format!(
        "a pre-stop process (P2) exited normally
         a state changed from pre-stop to stopping
         Handling stopping event
         {}
         on_stopping state changed from spawned to post-starting
         on_stopping state changed from post-starting to post-start
         on_stopping state changed from post-start to running
         Handling started event
         on_stopping main process (P3) exited normally
         on_stopping goal changed from start to stop
         on_stopping state changed from running to stopping
         Handling stopping event
         {}
         Handling stopped event
         a state changed from stopping to killed
         Sending TERM signal to a main process (P1)",
        start_to_spawned("on_stopping", 3),
        stop_lines("on_stopping")
    ));
    assert!(t.reply(halt).is_none());
    t.exit(1, 0);
    t.exit(4, 0);
    // halt finishes when a is stopped, though on_stopped still runs
    assert_eq!(t.out(halt), "rc=0");
    assert_eq!(
        t.status("on_stopped", &[]),
        "on_stopped start/spawned, process 5\nrc=0"
    );
    // the post-stop saw the stop event, main never does
    assert_eq!(t.var(4, "WHY").as_deref(), Some("test"));
    assert_eq!(t.var(1, "WHY"), None);
    assert_eq!(t.var(5, "RESULT").as_deref(), Some("ok"));
}

// 18: stop on stopping db stops web before db gets its TERM; cache (stop on
// stopped db) is still running when `initctl stop db` returns.
#[test]
fn s18_stop_order() {
    let mut t = T::new(&[
        (
            "cache",
            "start on started db\nstop on stopped db\npost-stop exec /s cp\nexec /s cm\n",
        ),
        (
            "db",
            "start on go\npre-stop exec /s dpre\npost-stop exec /s dpost\nexec /s dm\n",
        ),
        (
            "web",
            "start on started db\nstop on stopping db\npre-stop exec /s wpre\npost-stop exec /s wpost\nexec /s wm\n",
        ),
    ]);
    t.emit("go", &[]);
    for p in 1..=3 {
        t.ok(p);
    }
    let who = |t: &T, p: i32| {
        let r = &t.e.spawner.spawned[usize::try_from(p - 1).unwrap()];
        format!("{} {}", r.job, r.kind.keyword())
    };
    assert_eq!(who(&t, 1), "db main");
    let c = t.stop("db", &[]);
    t.exit(4, 0); // db pre-stop
    assert_eq!(who(&t, 5), "web pre-stop");
    assert!(!t.kills.iter().any(|k| k.0 == 1));
    t.exit(5, 0);
    let web_main = if who(&t, 2) == "web main" { 2 } else { 3 };
    assert_eq!(t.kills, vec![(web_main, 15, true)]);
    t.killed(web_main, 15);
    assert_eq!(who(&t, 6), "web post-stop");
    t.exit(6, 0);
    assert_eq!(t.kills.last(), Some(&(1, 15, true)));
    t.killed(1, 15);
    t.exit(7, 0); // db post-stop
    assert_eq!(t.out(c), "db stop/waiting\nrc=0");
    let cache_main = 5 - web_main;
    assert_eq!(t.kills.last(), Some(&(cache_main, 15, true)));
}

// 21: start/stop command variables: start K=V replaces the env (PATH too),
// stop K=V reaches pre-stop and post-stop only.
#[test]
fn s21_start_stop_cmd_env() {
    let mut t = T::new(&[(
        "j",
        "start on go\nenv FOO=default\nenv KEEP=class\npre-stop exec /s pre\npost-stop exec /s post\nexec /s m\n",
    )]);
    let c = t.start("j", &["FOO=fromcmd", "PATH=/custom"]);
    t.ok(1);
    assert_eq!(t.out(c), "j start/running, process 1\nrc=0");
    assert_eq!(
        t.env_of(1),
        sv(&[
            ("PATH", "/custom"),
            ("FOO", "fromcmd"),
            ("KEEP", "class"),
            ("UPSTART_JOB", "j"),
            ("UPSTART_INSTANCE", ""),
        ])
    );
    t.stop("j", &["BAR=y"]);
    assert_eq!(t.var(2, "BAR").as_deref(), Some("y"));
    assert_eq!(t.var(2, "UPSTART_STOP_EVENTS"), None);
    t.exit(2, 0);
    t.killed(1, 15);
    assert_eq!(t.var(3, "BAR").as_deref(), Some("y"));
    t.exit(3, 0);
    t.emit("go", &["FOO=fromev"]);
    assert_eq!(t.var(4, "FOO").as_deref(), Some("fromev"));
    assert_eq!(t.var(4, "UPSTART_EVENTS").as_deref(), Some("go"));
    assert_eq!(t.var(4, "BAR"), None);
}

// 19 in upstart's words.
#[test]
fn s19_log() {
    let mut t = T::new(&[
        (
            "j",
            "start on ev\nstop on ev\npre-stop exec /s pre\npost-stop exec /s post\nexec /s j\n",
        ),
        (
            "j2",
            "start on ev\nstop on ev\npost-stop exec /s post\nexec /s j2\n",
        ),
    ]);
    t.emit("ev", &["N=1"]);
    t.ok(1);
    t.ok(2);
    t.clear();
    t.emit("ev", &["N=2"]);
    t.killed(2, 15);
    t.exit(3, 0);
    t.exit(4, 0);
    t.ok(5);
    t.expect(
        "Handling ev event
         j goal changed from start to stop
         j state changed from running to pre-stopping
         j pre-stop process (P3)
         j state changed from pre-stopping to pre-stop
         j goal changed from stop to start
         j2 goal changed from start to stop
         j2 state changed from running to pre-stopping
         j2 state changed from pre-stopping to pre-stop
         j2 state changed from pre-stop to stopping
         j2 goal changed from stop to start
         Handling stopping event
         j2 state changed from stopping to killed
         Sending TERM signal to j2 main process (P2)
         init: j2 main process (P2) killed by TERM signal
         j2 state changed from killed to post-stopping
         j2 post-stop process (P4)
         j2 state changed from post-stopping to post-stop
         j pre-stop process (P3) exited normally
         j state changed from pre-stop to running
         j2 post-stop process (P4) exited normally
         j2 state changed from post-stop to starting
         Handling starting event
         j2 state changed from starting to security-spawning
         j2 state changed from security-spawning to security
         j2 state changed from security to pre-starting
         j2 state changed from pre-starting to pre-start
         j2 state changed from pre-start to spawning
         j2 main process (P5)
         j2 state changed from spawning to spawned
         j2 state changed from spawned to post-starting
         j2 state changed from post-starting to post-start
         j2 state changed from post-start to running
         Handling started event",
    );
}

// The restart quirk: with a pre-stop, restart only runs pre-stop.
#[test]
fn restart_with_pre_stop_keeps_main() {
    let mut t = T::new(&[("j", "pre-stop exec /s pre\nexec /s m\n")]);
    t.start("j", &[]);
    t.ok(1);
    let c = t.req(Request::Restart {
        job: Some("j".into()),
        env: vec![],
        wait: true,
    });
    t.exit(2, 0);
    assert_eq!(t.out(c), "j start/running, process 1\nrc=0");
    assert!(t.kills.is_empty());
}

// Kill timeout, a start from inside the job, and a spawn failure.
#[test]
fn kill_timer_caller_env_spawn_failure() {
    let mut t = T::new(&[
        ("k", "kill timeout 3\nkill signal INT\nexec /s m\n"),
        ("bad", "exec /nonexistent\n"),
    ]);
    t.start("k", &[]);
    t.ok(1);
    let stop = t.stop("k", &[]);
    assert_eq!(t.kills, vec![(1, 2, true)]);
    assert_eq!(t.timers, vec![(1, 3)]);
    t.clear();
    t.e.timer_fired(1);
    t.take();
    t.expect("Sending KILL signal to k main process (P1)");
    t.killed(1, 9);
    assert_eq!(t.out(stop), "k stop/waiting\nrc=0");
    // `start` with no job, from a process of k (nothing to start: no instance)
    t.client += 1;
    let c = t.client;
    t.e.request(
        c,
        Request::Start {
            job: None,
            env: vec![],
            wait: false,
        },
        &sv(&[("UPSTART_JOB", "k"), ("UPSTART_INSTANCE", "")]),
    );
    t.take();
    assert_eq!(t.out(c), "initctl: Unknown instance: \nrc=1");
    let c = t.start("bad", &[]);
    t.clear();
    t.e.spawn_failed(2, "unable to execute: No such file or directory");
    t.take();
    t.expect(
        "init: Failed to spawn bad main process: unable to execute: No such file or directory
         bad goal changed from start to stop
         bad state changed from spawned to stopping
         Handling stopping event
         bad state changed from stopping to killed
         bad state changed from killed to post-stopping
         bad state changed from post-stopping to post-stop
         bad state changed from post-stop to waiting
         Handling stopped event",
    );
    assert_eq!(t.out(c), "initctl: Job failed to start\nrc=1");
}

// 15: instance names from the job events' variables.
#[test]
fn s15_instance_names() {
    let mut t = T::new(&[
        (
            "on_stopping",
            "start on stopping r\ninstance $UPSTART_EVENTS-${RESULT:-none}\ntask\nexec /s x\n",
        ),
        ("r", "start on go\nrespawn\nexec /s r\n"),
    ]);
    t.emit("go", &[]);
    t.ok(1);
    t.exit(1, 0);
    assert!(
        t.log
            .iter()
            .any(|l| l == "on_stopping (stopping-ok) goal changed from stop to start"),
        "{:?}",
        t.log
    );
}

// 16's shutdown: jobs in pre-start, post-start and post-stop cannot stop
// (those processes are never signalled); init gives up once more than the
// largest kill timeout has passed (quiesce's one-second check: 6 s by
// default), names each instance left, and exits.
#[test]
fn quiesce_gives_up_on_jobs_that_cannot_stop() {
    let mut t = T::new(&[
        ("svc", "start on startup\nexec /s svc\n"),
        (
            "pre",
            "start on startup\npre-start exec /s pre\nexec /s m\n",
        ),
        ("slow", "kill timeout 9\nexec /s m\n"),
    ]);
    t.init_event("startup");
    // pre-start of `pre` is P1 (or P2): find which by the log.
    let pre = t
        .log
        .iter()
        .find_map(|l| l.strip_prefix("pre pre-start process ("))
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|p| p.parse::<i32>().ok())
        .expect("pre's pre-start");
    let svc = if pre == 1 { 2 } else { 1 };
    t.ok(1);
    t.ok(2);
    t.clear();
    t.e.shutdown(None);
    t.take();
    // The quiesce timer: the largest kill timeout (9, of a class with no
    // instance) plus one.
    assert!(t.timers.contains(&(1, 10)), "{:?}", t.timers);
    t.killed(svc, 15);
    assert!(!t.finished);
    t.clear();
    t.e.now(6);
    t.e.timer_fired(1);
    t.take();
    t.expect(
        "init: job pre failed to stop
         Quiesce shutdown sequence took 6 seconds",
    );
    assert!(t.finished);
    // All stopped in time: the timer is cancelled.
    let mut t = T::new(&[("svc", "start on startup\nexec /s svc\n")]);
    t.init_event("startup");
    t.ok(1);
    t.clear();
    t.e.shutdown(None);
    t.take();
    assert!(t.timers.contains(&(1, 6)), "{:?}", t.timers);
    assert_eq!(
        t.log.first().map(String::as_str),
        Some("Quiescing due to shutdown request")
    );
    t.e.now(1);
    t.killed(1, 15);
    assert_eq!(
        t.log.last().map(String::as_str),
        Some("Quiesce shutdown sequence took 1 second")
    );
    assert!(t.finished);
    assert!(t.timers.is_empty());
}

// ---- reload-configuration (job_class_consider / reconsider) ---------------

impl T {
    fn reload(&mut self, jobs: &[(&str, &str)]) {
        self.e
            .reload(jobs.iter().map(|(n, t)| class(n, t)).collect());
        self.take();
    }

    fn argv0(&self, pid: i32) -> String {
        self.e.spawner.spawned[usize::try_from(pid - 1).unwrap()].argv[0].clone()
    }
}

#[test]
fn reload_replaces_an_idle_job_at_once() {
    let mut t = T::new(&[("a", "start on x\nexec /old\n")]);
    t.reload(&[("a", "start on y\nexec /new\n")]);
    t.emit("x", &[]);
    assert!(
        t.e.spawner.spawned.is_empty(),
        "the old `start on x` is gone"
    );
    t.emit("y", &[]);
    assert_eq!(t.argv0(1), "/new");
    assert_eq!(t.status("a", &[]), "a start/spawned, process 1\nrc=0");
}

#[test]
fn a_running_job_keeps_its_definition_until_its_last_instance_stops() {
    let mut t = T::new(&[("a", "respawn\nexec /old\n")]);
    t.start("a", &[]);
    t.ok(1);
    t.reload(&[("a", "respawn\nexec /new\n")]);
    // The respawn still runs the definition the instance started with.
    t.exit(1, 0);
    assert_eq!(t.argv0(2), "/old");
    t.ok(2);
    t.stop("a", &[]);
    t.killed(2, 15);
    assert_eq!(t.status("a", &[]), "a stop/waiting\nrc=0");
    // Now the new definition is the job.
    t.start("a", &[]);
    assert_eq!(t.argv0(3), "/new");
}

#[test]
fn a_half_met_and_survives_a_reload() {
    let mut t = T::new(&[("j", "start on a and b\nexec /j\n")]);
    t.emit_nowait("a", &[]);
    t.reload(&[("j", "start on a and b\nexec /j\n")]);
    t.emit("b", &[]);
    assert_eq!(t.var(1, "UPSTART_EVENTS").as_deref(), Some("a b"));
}

#[test]
fn a_deleted_job_goes_when_it_stops_and_a_new_one_comes() {
    let mut t = T::new(&[("gone", "exec /g\n"), ("idle", "exec /i\n")]);
    t.start("gone", &[]);
    t.ok(1);
    t.reload(&[("fresh", "exec /f\n")]);
    assert_eq!(t.status("idle", &[]), "initctl: Unknown job: idle\nrc=1");
    // Still controllable while it runs.
    assert_eq!(t.status("gone", &[]), "gone start/running, process 1\nrc=0");
    t.stop("gone", &[]);
    t.killed(1, 15);
    assert_eq!(t.status("gone", &[]), "initctl: Unknown job: gone\nrc=1");
    assert_eq!(t.list(), "fresh stop/waiting\nrc=0");
}

#[test]
fn a_replaced_job_moves_to_the_end_of_its_hash_bin() {
    // Two names in the same bin of upstart's 17-bin class hash.
    let names: Vec<String> = (0..100).map(|i| format!("j{i}")).collect();
    let (first, second) = names
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            names[i + 1..]
                .iter()
                .find(|b| bin(a) == bin(b))
                .map(|b| (a.as_str(), b.as_str()))
        })
        .expect("two names share a bin");
    let mut t = T::new(&[(first, "exec /1\n"), (second, "exec /2\n")]);
    assert_eq!(
        t.list(),
        format!("{first} stop/waiting\n{second} stop/waiting\nrc=0")
    );
    t.start(second, &[]);
    t.ok(1);
    // `first` is replaced at once and re-added after `second`, which
    // keeps its place while it runs.
    t.reload(&[(first, "exec /1\n"), (second, "exec /2\n")]);
    assert_eq!(
        t.list(),
        format!("{second} start/running, process 1\n{first} stop/waiting\nrc=0")
    );
}

// ---- check-config (initctl's check_config_action) ---------------------

fn check(t: &mut T, jobs: &[&str], ignore: &[&str], warn: bool) -> String {
    t.text(Request::CheckConfig {
        jobs: strings(jobs),
        ignore: strings(ignore),
        warn,
    })
}

#[test]
fn check_config_reports_unknown_events_and_jobs_as_initctl_does() {
    let mut t = T::new(&[
        ("x", "start on started nosuch and foo-event\nexec /x\n"),
        ("net", "emits net-*\nexec /n\n"),
        (
            "y",
            "start on net-device-up or (a or b)\nstop on stopped x\nexec /y\n",
        ),
        (
            "z",
            "start on (a or b) and c\nstop on started $JOB\nexec /z\n",
        ),
        (
            "fine",
            "start on startup\nstop on runlevel [016]\nexec /f\n",
        ),
    ]);
    // initctl prints the right operand's errors first; `$JOB` and glob
    // emits are accepted; an `or` with one reachable side is fine.
    let blocks = [
        (
            "x",
            "x\n  start on: unknown event foo-event\n  start on: unknown job nosuch\n",
        ),
        ("fine", "fine\n  stop on: unknown event runlevel\n"),
        // The outer `or` is met, but initctl looks into every operator
        // below the root: `(a or b)` is in error on its own.
        (
            "y",
            "y\n  start on: unknown event b\n  start on: unknown event a\n",
        ),
        (
            "z",
            "z\n  start on: unknown event c\n  start on: unknown event b\n  start on: unknown event a\n",
        ),
    ];
    assert_eq!(
        check(&mut t, &[], &[], false),
        format!("{}rc=1", in_class_order(&t, &blocks))
    );
    // One job; ignored events count as emitted; `(a or b)` is met by `a`.
    assert_eq!(check(&mut t, &["y"], &["a"], false), "rc=0");
    assert_eq!(check(&mut t, &["fine"], &["runlevel"], false), "rc=0");
    // --warn: an `or` needs both sides.
    assert_eq!(
        check(&mut t, &["y"], &["a"], true),
        "y\n  start on: unknown event b\nrc=1"
    );
    assert_eq!(
        check(&mut t, &["nope"], &[], false),
        "initctl: Invalid job class: nope\nrc=1"
    );
    // c emitted: the `and` is met, the `or` under it too (b is known).
    let mut t = T::new(&[
        ("z", "start on (a or b) and c\nexec /z\n"),
        ("e", "emits b c\nexec /e\n"),
    ]);
    assert_eq!(check(&mut t, &[], &[], false), "rc=0");
    assert_eq!(
        check(&mut t, &[], &[], true),
        "z\n  start on: unknown event a\nrc=1"
    );
}

/// `blocks` (job, text) joined in the engine's class order (upstart's
/// hash order decides which job is printed first).
fn in_class_order(t: &T, blocks: &[(&str, &str)]) -> String {
    t.e.class_names()
        .iter()
        .filter_map(|n| blocks.iter().find(|(b, _)| b == n).map(|(_, text)| *text))
        .collect()
}
