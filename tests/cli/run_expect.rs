//! `upstart-run --foreground`: `expect fork|daemon|stop` and instances.
//! Real processes, bounded polling (10 s), no timing assertions; every
//! process a job records is SIGKILLed at the end whatever happened.

use assert_cmd::Command;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn job(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(format!("{name}.conf"));
    std::fs::write(&p, text).unwrap();
    p
}

fn wait_for(what: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if what() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    what()
}

fn read_pid(p: &Path) -> Option<Pid> {
    std::fs::read_to_string(p)
        .ok()?
        .trim()
        .parse()
        .ok()
        .map(Pid::from_raw)
}

fn alive(pid: Pid) -> bool {
    // A zombie still answers kill(pid, 0): count it as gone.
    kill(pid, None).is_ok()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            s.rfind(')')
                .is_some_and(|i| s[i + 1..].trim_start().starts_with('Z'))
        })
}

struct Outcome {
    ready: bool,
    still_running: bool,
    code: Option<i32>,
    recorded: Option<Pid>,
    recorded_gone: bool,
}

/// Run `conf`, wait for `ready`, note whether the supervisor is still
/// running, SIGTERM it, and check the pid recorded in `pidfile` is gone.
fn run_and_stop(dir: &Path, conf: &Path, ready: &Path, pidfile: &Path) -> Outcome {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(dir)
        .arg(conf)
        .spawn()
        .unwrap();
    let sup = Pid::from_raw(i32::try_from(child.id()).unwrap());
    let ready_seen = wait_for(|| ready.exists() && read_pid(pidfile).is_some());
    let still_running = matches!(child.try_wait(), Ok(None));
    let recorded = read_pid(pidfile);
    let _ = kill(sup, Signal::SIGTERM);
    let start = Instant::now();
    let code = loop {
        if let Ok(Some(st)) = child.try_wait() {
            break st.code();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = kill(Pid::from_raw(-sup.as_raw()), Signal::SIGKILL);
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let recorded_gone = recorded.is_none_or(|p| wait_for(|| !alive(p)));
    if let Some(p) = recorded
        && !recorded_gone
    {
        let _ = kill(p, Signal::SIGKILL);
    }
    Outcome {
        ready: ready_seen,
        still_running,
        code,
        recorded,
        recorded_gone,
    }
}

fn check(o: &Outcome) {
    assert!(o.ready, "post-start never ran / pid never recorded");
    assert!(o.still_running, "the supervisor exited after the fork");
    assert!(o.recorded.is_some());
    assert!(o.recorded_gone, "the job's process survived the stop");
    assert_eq!(o.code, Some(0));
}

#[test]
fn expect_fork_follows_the_child_and_kills_it_on_stop() {
    let d = tempfile::tempdir().unwrap();
    let ready = d.path().join("ready");
    let pidfile = d.path().join("pid");
    let c = job(
        d.path(),
        "f",
        &format!(
            "expect fork\nconsole none\nscript\n  sleep 60 &\n  echo $! > {p}\n  exit 0\nend script\npost-start exec touch {r}\n",
            p = pidfile.display(),
            r = ready.display()
        ),
    );
    check(&run_and_stop(d.path(), &c, &ready, &pidfile));
}

#[test]
fn expect_daemon_kills_the_escaped_grandchild_on_stop() {
    let d = tempfile::tempdir().unwrap();
    let ready = d.path().join("ready");
    let pidfile = d.path().join("pid");
    let tmp = d.path().join("pid.tmp");
    let c = job(
        d.path(),
        "d",
        &format!(
            "expect daemon\nconsole none\nexec /bin/sh -c '(setsid sleep 60 & echo $! > {t}; mv {t} {p}) & exit 0'\npost-start exec touch {r}\n",
            t = tmp.display(),
            p = pidfile.display(),
            r = ready.display()
        ),
    );
    check(&run_and_stop(d.path(), &c, &ready, &pidfile));
}

#[test]
fn expect_stop_waits_for_sigstop_then_continues() {
    let d = tempfile::tempdir().unwrap();
    let ready = d.path().join("ready");
    let pidfile = d.path().join("pid");
    let c = job(
        d.path(),
        "s",
        &format!(
            "expect stop\nconsole none\nexec /bin/sh -c 'echo $$ > {p}; kill -STOP $$; exec sleep 60'\npost-start exec touch {r}\n",
            p = pidfile.display(),
            r = ready.display()
        ),
    );
    let o = run_and_stop(d.path(), &c, &ready, &pidfile);
    check(&o);
}

#[test]
fn instance_names_the_log_and_sets_upstart_instance() {
    let d = tempfile::tempdir().unwrap();
    let c = job(
        d.path(),
        "i",
        "instance ${NAME}-$N\ntask\nexec /bin/sh -c 'echo \"$UPSTART_INSTANCE\"'\n",
    );
    Command::cargo_bin("upstart-run")
        .unwrap()
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .args(["NAME=a/b", "N=1"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0);
    let log = std::fs::read_to_string(d.path().join("i-a_b-1.log")).unwrap();
    // A terminal, as under upstart: lines end in \r\n.
    assert_eq!(log, "a/b-1\r\n");
}

#[test]
fn instance_with_an_unknown_variable_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let c = job(d.path(), "i", "instance $NAME\ntask\nexec /bin/true\n");
    let a = Command::cargo_bin("upstart-run")
        .unwrap()
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .arg("OTHER=1")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("Unknown parameter: NAME"), "{err}");
}
