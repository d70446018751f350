//! `upstart-tools ctl` and its initctl names against a fake job set: the
//! library's own control `Server` in a thread, answering canned replies and
//! recording what it was asked. Real sockets in temporary directories; every
//! command and server loop is bounded in time.

use assert_cmd::cargo::cargo_bin;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use upstart_tools::supervisor::control::protocol::{Reply, Request};
use upstart_tools::supervisor::control::server::{Peer, Server};
use upstart_tools::supervisor::control::{caller_env, client};

const LIMIT: Duration = Duration::from_secs(20);

/// A job set that answers every request with `answer(request)`.
struct Fake {
    /// Holds the socket's directory as long as the fake lives.
    _dir: tempfile::TempDir,
    path: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Vec<(Request, Peer)>>>,
}

impl Fake {
    fn start(answer: fn(&Request) -> Reply) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("run/control");
        let mut server = Server::bind(&path).expect("bind");
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let end = Instant::now() + Duration::from_mins(2);
            let mut seen = Vec::new();
            while !flag.load(Ordering::SeqCst) && Instant::now() < end {
                server.wait(Duration::from_millis(20)).expect("poll");
                for (id, request, peer) in server.accept_ready() {
                    server.reply(id, &answer(&request));
                    seen.push((request, peer));
                }
            }
            seen
        });
        Self {
            _dir: dir,
            path,
            stop,
            thread: Some(thread),
        }
    }

    /// Stop the server; what it was asked, in order.
    fn finish(mut self) -> Vec<(Request, Peer)> {
        self.stop.store(true, Ordering::SeqCst);
        self.thread
            .take()
            .expect("thread")
            .join()
            .expect("server thread")
    }

    fn control(&self) -> &str {
        self.path.to_str().expect("utf-8 path")
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `program ARGS` with no job-process variables and no control variables.
fn cmd(program: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(program);
    c.args(args)
        .env_remove("UPSTART_JOB")
        .env_remove("UPSTART_INSTANCE")
        .env_remove("UPSTART_TOOLS_CONTROL")
        .env_remove("XDG_RUNTIME_DIR")
        .timeout(LIMIT);
    c
}

fn ctl(args: &[&str]) -> assert_cmd::Command {
    let mut all = vec!["ctl"];
    all.extend_from_slice(args);
    cmd(&cargo_bin("upstart-tools"), &all)
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_string()).collect()
}

fn ok(_: &Request) -> Reply {
    Reply::ok("")
}

#[test]
fn each_verb_and_option_form_sends_its_request() {
    let fake = Fake::start(ok);
    let c = fake.control().to_string();
    let cases: Vec<(Vec<&str>, Request)> = vec![
        (
            vec!["emit", "ev", "A=1", "B=2"],
            Request::Emit {
                event: "ev".into(),
                env: s(&["A=1", "B=2"]),
                wait: true,
            },
        ),
        (
            vec!["emit", "-n", "ev"],
            Request::Emit {
                event: "ev".into(),
                env: vec![],
                wait: false,
            },
        ),
        (
            vec!["emit", "ev", "K=V", "--no-wait"],
            Request::Emit {
                event: "ev".into(),
                env: s(&["K=V"]),
                wait: false,
            },
        ),
        (
            vec!["start", "web"],
            Request::Start {
                job: Some("web".into()),
                env: vec![],
                wait: true,
            },
        ),
        (
            vec!["start", "-n", "w", "N=1", "X=a b"],
            Request::Start {
                job: Some("w".into()),
                env: s(&["N=1", "X=a b"]),
                wait: false,
            },
        ),
        (
            // Not checked by the client: the server says `Env must be KEY=VALUE pairs`.
            vec!["stop", "w", "FOO"],
            Request::Stop {
                job: Some("w".into()),
                env: s(&["FOO"]),
                wait: true,
            },
        ),
        (
            vec!["stop", "--no-wait", "w"],
            Request::Stop {
                job: Some("w".into()),
                env: vec![],
                wait: false,
            },
        ),
        (
            vec!["restart", "w", "B=2"],
            Request::Restart {
                job: Some("w".into()),
                env: s(&["B=2"]),
                wait: true,
            },
        ),
        (
            vec!["restart", "-n", "w"],
            Request::Restart {
                job: Some("w".into()),
                env: vec![],
                wait: false,
            },
        ),
        (
            vec!["reload", "w", "N=1"],
            Request::Reload {
                job: Some("w".into()),
                env: s(&["N=1"]),
            },
        ),
        (
            vec!["status", "w", "N=1"],
            Request::Status {
                job: "w".into(),
                env: s(&["N=1"]),
            },
        ),
        (vec!["list"], Request::List),
        (vec!["reload-configuration"], Request::ReloadConfiguration),
        (vec!["version"], Request::Version),
        (
            vec!["show-config"],
            Request::ShowConfig {
                jobs: vec![],
                enumerate: false,
            },
        ),
        (
            vec!["show-config", "-e", "a", "b"],
            Request::ShowConfig {
                jobs: s(&["a", "b"]),
                enumerate: true,
            },
        ),
        (
            vec!["show-config", "--enumerate", "a"],
            Request::ShowConfig {
                jobs: s(&["a"]),
                enumerate: true,
            },
        ),
        (
            vec!["check-config", "a"],
            Request::CheckConfig {
                jobs: s(&["a"]),
                ignore: vec![],
                warn: false,
            },
        ),
        (
            vec!["check-config", "-w", "-i", "x,y", "--ignore-events", "z"],
            Request::CheckConfig {
                jobs: vec![],
                ignore: s(&["x", "y", "z"]),
                warn: true,
            },
        ),
    ];
    for (args, _) in &cases {
        // --control before the verb.
        let mut all = vec!["--control", &c];
        all.extend_from_slice(args);
        ctl(&all).assert().code(0).stdout("").stderr("");
    }
    // --control after the verb, and from the environment.
    ctl(&["list", "--control", &c]).assert().code(0);
    ctl(&["list"])
        .env("UPSTART_TOOLS_CONTROL", &c)
        .assert()
        .code(0);
    let seen = fake.finish();
    let mut expected: Vec<Request> = cases.into_iter().map(|(_, r)| r).collect();
    expected.extend([Request::List, Request::List]);
    let got: Vec<Request> = seen.iter().map(|(r, _)| r.clone()).collect();
    assert_eq!(got, expected);
    let me = nix::unistd::geteuid().as_raw();
    assert!(
        seen.iter().all(|(_, p)| p.uid == me && p.pid > 0),
        "{seen:?}"
    );
}

#[test]
fn without_a_job_the_callers_own_job_is_sent_never_waiting() {
    let fake = Fake::start(ok);
    let c = fake.control().to_string();
    for verb in ["start", "stop", "restart", "reload"] {
        ctl(&["--control", &c, verb])
            .env("UPSTART_JOB", "web")
            .env("UPSTART_INSTANCE", "")
            .assert()
            .code(0);
    }
    ctl(&["--control", &c, "stop"])
        .env("UPSTART_JOB", "w")
        .env("UPSTART_INSTANCE", "one")
        .assert()
        .code(0);
    // A singleton's status.
    ctl(&["--control", &c, "status"])
        .env("UPSTART_JOB", "web")
        .env("UPSTART_INSTANCE", "")
        .assert()
        .code(0);
    let got: Vec<Request> = fake.finish().into_iter().map(|(r, _)| r).collect();
    let own = caller_env("web", "");
    assert_eq!(
        got,
        vec![
            Request::Start {
                job: None,
                env: own.clone(),
                wait: false
            },
            Request::Stop {
                job: None,
                env: own.clone(),
                wait: false
            },
            Request::Restart {
                job: None,
                env: own.clone(),
                wait: false
            },
            Request::Reload {
                job: None,
                env: own
            },
            Request::Stop {
                job: None,
                env: caller_env("w", "one"),
                wait: false
            },
            Request::Status {
                job: "web".into(),
                env: vec![]
            },
        ]
    );
}

fn mixed(_: &Request) -> Reply {
    Reply {
        stdout: "svc start/running, process 42\n".into(),
        stderr: "initctl: Unknown parameter: N\nUsage: inst N=<name>\n".into(),
        status: 1,
    }
}

#[test]
fn the_reply_is_printed_and_its_status_returned() {
    let fake = Fake::start(mixed);
    ctl(&["--control", fake.control(), "start", "inst"])
        .assert()
        .code(1)
        .stdout("svc start/running, process 42\n")
        .stderr("initctl: Unknown parameter: N\nUsage: inst N=<name>\n");
    assert_eq!(fake.finish().len(), 1);
}

#[test]
fn compat_names_made_by_install_compat_act_as_ctl() {
    let bin = tempfile::tempdir().expect("tempdir");
    let dir = bin.path().to_str().expect("utf-8");
    let out = cmd(&cargo_bin("upstart-tools"), &["install-compat", dir])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    for name in ["initctl", "start", "stop", "restart", "reload", "status"] {
        let link = bin.path().join(name);
        assert_eq!(
            std::fs::read_link(&link).expect("a symlink"),
            cargo_bin("upstart-tools").canonicalize().expect("exe"),
            "{name}"
        );
        assert!(out.contains(&format!("{} -> ", link.display())), "{out}");
        assert!(out.contains("(created)"), "{out}");
    }
    // Again: nothing to do. A foreign file is refused, then replaced with --force.
    let again = cmd(&cargo_bin("upstart-tools"), &["install-compat", dir])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&again)
            .matches("(already there)")
            .count(),
        6
    );
    std::fs::remove_file(bin.path().join("stop")).expect("rm");
    std::fs::write(bin.path().join("stop"), "#!/bin/sh\n").expect("write");
    cmd(&cargo_bin("upstart-tools"), &["install-compat", dir])
        .assert()
        .code(2);
    assert!(bin.path().join("stop").is_file());
    assert!(!bin.path().join("stop").is_symlink());
    cmd(
        &cargo_bin("upstart-tools"),
        &["install-compat", "--force", dir],
    )
    .assert()
    .code(0);
    assert!(bin.path().join("stop").is_symlink());

    let fake = Fake::start(ok);
    let c = fake.control().to_string();
    let run = |name: &str, args: &[&str]| cmd(&bin.path().join(name), args);
    run("start", &["--control", &c, "web", "K=V"])
        .assert()
        .code(0);
    run("stop", &["-n", "web"])
        .env("UPSTART_TOOLS_CONTROL", &c)
        .assert()
        .code(0);
    run("restart", &["--control", &c, "web"]).assert().code(0);
    run("reload", &["--control", &c, "web"]).assert().code(0);
    run("status", &["--control", &c, "web"]).assert().code(0);
    run(
        "initctl",
        &["--control", &c, "emit", "--no-wait", "go", "A=1"],
    )
    .assert()
    .code(0);
    let got: Vec<Request> = fake.finish().into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        got,
        vec![
            Request::Start {
                job: Some("web".into()),
                env: s(&["K=V"]),
                wait: true
            },
            Request::Stop {
                job: Some("web".into()),
                env: vec![],
                wait: false
            },
            Request::Restart {
                job: Some("web".into()),
                env: vec![],
                wait: true
            },
            Request::Reload {
                job: Some("web".into()),
                env: vec![]
            },
            Request::Status {
                job: "web".into(),
                env: vec![]
            },
            Request::Emit {
                event: "go".into(),
                env: s(&["A=1"]),
                wait: false
            },
        ]
    );

    // Under its own name, an error line is prefixed as initctl prints it.
    let fake = Fake::start(mixed);
    run("start", &["--control", fake.control(), "inst"])
        .assert()
        .code(1)
        .stdout("svc start/running, process 42\n")
        .stderr("start: Unknown parameter: N\nUsage: inst N=<name>\n");
    // initctl's own argument errors, in its words, without asking the server.
    run("initctl", &["--control", fake.control(), "emit"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("initctl: missing event name\nTry `initctl --help' for more information.\n");
    run("status", &["--control", fake.control()])
        .assert()
        .code(1)
        .stderr("status: missing job name\nTry `status --help' for more information.\n");
    // An unknown option is an error with initctl's status, 1.
    run("initctl", &["--control", fake.control(), "list", "--bogus"])
        .assert()
        .code(1);
    assert_eq!(fake.finish().len(), 1);
}

#[test]
fn initctls_argument_errors_are_checked_before_sending() {
    let fake = Fake::start(ok);
    let c = fake.control().to_string();
    let hint = "Try `upstart-tools ctl --help' for more information.\n";
    ctl(&["--control", &c, "emit"])
        .assert()
        .code(1)
        .stderr(format!("initctl: missing event name\n{hint}"));
    ctl(&["--control", &c, "emit", "-n"])
        .assert()
        .code(1)
        .stderr(format!("initctl: missing event name\n{hint}"));
    for verb in ["start", "stop", "restart", "reload", "status"] {
        ctl(&["--control", &c, verb])
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("initctl: missing job name\n{hint}"));
    }
    // UPSTART_JOB alone is not enough: initctl wants UPSTART_INSTANCE too.
    ctl(&["--control", &c, "stop"])
        .env("UPSTART_JOB", "web")
        .assert()
        .code(1)
        .stderr(format!("initctl: missing job name\n{hint}"));
    assert!(fake.finish().is_empty(), "nothing reached the server");
}

#[test]
fn the_conformance_texts_of_initctls_own_errors() {
    // `initctl status` and `initctl emit` as recorded from upstart 1.13.2.
    let Some(dir) = crate::common::shared_dir("conformance/events") else {
        return;
    };
    let bin = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(cargo_bin("upstart-tools"), bin.path().join("initctl"))
        .expect("symlink");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("conformance dir") {
        let Ok(text) = std::fs::read_to_string(entry.expect("entry").path().join("initctl.txt"))
        else {
            continue;
        };
        for block in text.split("$ initctl ").skip(1) {
            let (cmd_line, rest) = block.split_once('\n').expect("a command line");
            let args = cmd_line.split('#').next().unwrap_or("").trim();
            if args != "emit" && args != "status" {
                continue;
            }
            let (expected, rc) = rest.split_once("rc=").expect("rc line");
            let rc: i32 = rc.lines().next().unwrap_or("").parse().expect("rc");
            cmd(&bin.path().join("initctl"), &[args])
                .env("UPSTART_TOOLS_CONTROL", "/nonexistent/control")
                .assert()
                .code(rc)
                .stdout("")
                .stderr(expected.to_string());
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} recorded errors found");
}

#[test]
fn no_server_is_a_clear_error_and_the_path_rules_apply() {
    let t = tempfile::tempdir().expect("tempdir");
    let missing = t.path().join("none/control");
    let m = missing.to_str().expect("utf-8");
    let expect_path = |c: &mut assert_cmd::Command, path: &str| {
        c.assert().code(1).stdout("").stderr(format!(
            "initctl: no upstart-run is listening on {path}: start one with `upstart-run --foreground DIR`\n"
        ));
    };
    expect_path(&mut ctl(&["--control", m, "list"]), m);
    // --control > $UPSTART_TOOLS_CONTROL > $XDG_RUNTIME_DIR.
    let xdg = t.path().to_str().expect("utf-8");
    expect_path(
        ctl(&["--control", m, "list"])
            .env("UPSTART_TOOLS_CONTROL", "/elsewhere")
            .env("XDG_RUNTIME_DIR", xdg),
        m,
    );
    expect_path(
        ctl(&["list"])
            .env("UPSTART_TOOLS_CONTROL", m)
            .env("XDG_RUNTIME_DIR", xdg),
        m,
    );
    expect_path(
        ctl(&["list"]).env("XDG_RUNTIME_DIR", xdg),
        &format!("{xdg}/upstart-tools/control"),
    );
    // A stale socket (nothing listening) is the same error.
    let stale = t.path().join("stale");
    drop(UnixListener::bind(&stale).expect("bind"));
    expect_path(
        &mut ctl(&["--control", stale.to_str().expect("utf-8"), "version"]),
        stale.to_str().expect("utf-8"),
    );
    let e = client::send(&missing, &Request::List).expect_err("no server");
    assert!(e.to_string().contains("no upstart-run is listening"), "{e}");
}

#[test]
fn the_socket_is_private_and_one_server_holds_it() {
    let t = tempfile::tempdir().expect("tempdir");
    let path = t.path().join("made/control");
    let server = Server::bind(&path).expect("bind");
    let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&t.path().join("made")), 0o700);
    let e = Server::bind(&path).expect_err("a live socket is not taken over");
    assert_eq!(e.kind(), std::io::ErrorKind::AddrInUse);
    assert!(
        e.to_string().contains("another upstart-run is listening"),
        "{e}"
    );
    assert!(path.exists(), "the live socket is left alone");
    drop(server);
    assert!(!path.exists(), "dropping the server removes its socket");

    // A stale socket file (its server died without removing it) is replaced.
    let stale = t.path().join("stale");
    drop(UnixListener::bind(&stale).expect("bind"));
    assert!(stale.exists());
    let server = Server::bind(&stale).expect("a stale socket is replaced");
    assert_eq!(mode(&stale), 0o600);
    drop(server);
}

#[test]
fn a_malformed_request_gets_an_error_reply() {
    let fake = Fake::start(ok);
    for bad in [
        &b"nonsense\n"[..],
        b"{\"verb\":\"fly\"}\n",
        b"{\"verb\":\"emit\"}\n",
    ] {
        let mut c = UnixStream::connect(&fake.path).expect("connect");
        c.set_read_timeout(Some(LIMIT)).expect("timeout");
        c.write_all(bad).expect("write");
        let mut text = String::new();
        c.read_to_string(&mut text).expect("read");
        let reply: Reply = serde_json::from_str(text.trim_end()).expect("a reply");
        assert_eq!(reply.status, 1, "{reply:?}");
        assert!(
            reply.stderr.starts_with("initctl: malformed request"),
            "{reply:?}"
        );
    }
    // The server goes on answering.
    assert_eq!(
        client::send(&fake.path, &Request::Version).expect("send"),
        Reply::ok("")
    );
    assert_eq!(fake.finish().len(), 1);
}
