//! `upstart-run` without `--foreground`: detach, pidfile, stop on SIGTERM.
//! Real processes, bounded polling, no timing assertions, always cleaned up.

use assert_cmd::Command;
use std::path::Path;
use std::time::{Duration, Instant};

/// Poll `cond` every 20 ms for up to 10 s.
fn wait_for(mut cond: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    cond()
}

/// Alive and not a zombie.
fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit_once(')').map(|(_, r)| r.trim_start().to_string()))
        .is_some_and(|r| !r.starts_with('Z'))
}

fn kill(pid: i32, sig: nix::sys::signal::Signal) {
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), sig);
}

/// Kills what the test started if an assertion fails half-way.
struct Guard(Vec<i32>);
impl Drop for Guard {
    fn drop(&mut self) {
        for &p in &self.0 {
            if p > 1 && alive(p) {
                kill(p, nix::sys::signal::Signal::SIGKILL);
            }
        }
    }
}

fn read_pid(p: &Path) -> Option<i32> {
    std::fs::read_to_string(p).ok()?.trim().parse().ok()
}

#[test]
fn detached_supervisor_writes_pidfile_and_stops_on_sigterm() {
    let d = tempfile::tempdir().unwrap();
    let running = d.path().join("running");
    let child_pid = d.path().join("child.pid");
    let post = d.path().join("post-stop");
    let pidfile = d.path().join("sup.pid");
    let conf = d.path().join("j.conf");
    std::fs::write(
        &conf,
        format!(
            "post-stop exec /bin/touch {post}\n\
             script\n  echo $$ > {cp}\n  touch {run}\n  exec sleep 1000\nend script\n",
            post = post.display(),
            cp = child_pid.display(),
            run = running.display()
        ),
    )
    .unwrap();
    Command::cargo_bin("upstart-run")
        .unwrap()
        .arg("--log-dir")
        .arg(d.path())
        .arg("--pidfile")
        .arg(&pidfile)
        .arg(&conf)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0);
    // The launcher returns only once the pidfile is written.
    let sup = read_pid(&pidfile).expect("pidfile written before the launcher exits");
    let mut guard = Guard(vec![sup]);
    assert!(wait_for(|| running.exists()), "the job never started");
    if let Some(c) = read_pid(&child_pid) {
        guard.0.push(c);
    }
    kill(sup, nix::sys::signal::Signal::SIGTERM);
    assert!(wait_for(|| !alive(sup)), "the supervisor did not exit");
    assert!(post.exists(), "post-stop did not run");
    if let Some(&c) = guard.0.get(1) {
        assert!(wait_for(|| !alive(c)), "the job was orphaned");
    }
}

#[test]
fn usage_errors_are_reported_before_detaching() {
    let d = tempfile::tempdir().unwrap();
    let pidfile = d.path().join("sup.pid");
    let conf = d.path().join("bad.conf");
    std::fs::write(&conf, "exec /bin/true\nnonsense stanza here\n").unwrap();
    Command::cargo_bin("upstart-run")
        .unwrap()
        .arg("--pidfile")
        .arg(&pidfile)
        .arg(&conf)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2);
    Command::cargo_bin("upstart-run")
        .unwrap()
        .arg("--pidfile")
        .arg(&pidfile)
        .arg(&conf)
        .arg("NOT_A_PAIR")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2);
    assert!(!pidfile.exists(), "nothing was detached");
}
