//! `upstart-run --foreground`: real processes, bounded waits, no timing assertions.

use assert_cmd::Command;
use std::path::Path;
use std::time::{Duration, Instant};

fn job(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(format!("{name}.conf"));
    std::fs::write(&p, text).unwrap();
    p
}

fn run(dir: &Path, conf: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("upstart-run")
        .unwrap()
        .args(["--foreground", "--log-dir"])
        .arg(dir)
        .arg(conf)
        .timeout(Duration::from_secs(20))
        .assert()
}

fn lines(p: &Path) -> usize {
    std::fs::read_to_string(p).map_or(0, |s| s.lines().count())
}

#[test]
fn task_exiting_zero_succeeds() {
    let d = tempfile::tempdir().unwrap();
    let c = job(d.path(), "t", "task\nexec /bin/true\n");
    run(d.path(), &c).code(0);
}

#[test]
fn main_failing_without_respawn_fails() {
    let d = tempfile::tempdir().unwrap();
    let c = job(d.path(), "s", "exec /bin/false\n");
    run(d.path(), &c).code(1);
}

#[test]
fn respawn_limit_stops_after_three_runs() {
    let d = tempfile::tempdir().unwrap();
    let count = d.path().join("count");
    let c = job(
        d.path(),
        "r",
        &format!(
            "respawn\nrespawn limit 2 10\nscript\n  echo x >> {}\n  exec /bin/false\nend script\n",
            count.display()
        ),
    );
    let a = run(d.path(), &c).code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("respawning too fast"), "{err}");
    assert_eq!(lines(&count), 3);
}

#[test]
fn normal_exit_is_not_respawned() {
    let d = tempfile::tempdir().unwrap();
    let count = d.path().join("count");
    let c = job(
        d.path(),
        "n",
        &format!(
            "respawn\nnormal exit 3\nscript\n  echo x >> {}\n  exit 3\nend script\n",
            count.display()
        ),
    );
    run(d.path(), &c).code(0);
    assert_eq!(lines(&count), 1);
}

#[test]
fn failed_pre_start_still_runs_post_stop() {
    let d = tempfile::tempdir().unwrap();
    let mark = d.path().join("post-stop");
    let c = job(
        d.path(),
        "p",
        &format!(
            "pre-start exec /bin/false\nexec /bin/true\npost-stop exec /usr/bin/touch {}\n",
            mark.display()
        ),
    );
    run(d.path(), &c).code(1);
    assert!(mark.exists());
}

#[test]
fn env_chdir_umask_and_log() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    let c = job(
        d.path(),
        "e",
        &format!(
            "task\nenv FOO=bar\nchdir {}\numask 027\nscript\n  echo \"$FOO $BAZ $UPSTART_JOB $(pwd) $(umask)\" > {}\n  echo logged\nend script\n",
            d.path().display(),
            out.display()
        ),
    );
    Command::cargo_bin("upstart-run")
        .unwrap()
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .arg("BAZ=qux")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0);
    let got = std::fs::read_to_string(&out).unwrap();
    assert_eq!(got.trim(), format!("bar qux e {} 0027", d.path().display()));
    let log = std::fs::read_to_string(d.path().join("e.log")).unwrap();
    assert!(log.contains("logged"));
}

#[test]
fn the_instance_name_expands_against_the_start_environment_only() {
    // upstart expands `instance` against the class and start environments
    // (job_class_start), then gives the processes UPSTART_JOB and
    // UPSTART_INSTANCE: a start argument named UPSTART_INSTANCE is seen by
    // the expansion, not replaced by an empty one first.
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    let c = job(
        d.path(),
        "getty",
        &format!(
            "task\ninstance $UPSTART_INSTANCE\nscript\n  echo \"$UPSTART_JOB $UPSTART_INSTANCE\" > {}\nend script\n",
            out.display()
        ),
    );
    Command::cargo_bin("upstart-run")
        .unwrap()
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .arg("UPSTART_INSTANCE=tty3")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0);
    let got = std::fs::read_to_string(&out).unwrap();
    assert_eq!(got.trim(), "getty tty3");
}

/// Start upstart-run, wait for `ready` to exist, SIGTERM it, return its exit code.
fn term_when_ready(dir: &Path, conf: &Path, ready: &Path) -> Option<i32> {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(dir)
        .arg(conf)
        .spawn()
        .unwrap();
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).unwrap());
    let start = Instant::now();
    while !ready.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st.code();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sigterm_runs_pre_stop_then_post_stop() {
    let d = tempfile::tempdir().unwrap();
    let ready = d.path().join("ready");
    let order = d.path().join("order");
    let c = job(
        d.path(),
        "s",
        &format!(
            "script\n  touch {r}\n  exec sleep 60\nend script\npre-stop exec /bin/sh -c 'echo pre-stop >> {o}'\npost-stop exec /bin/sh -c 'echo post-stop >> {o}'\n",
            r = ready.display(),
            o = order.display()
        ),
    );
    assert_eq!(term_when_ready(d.path(), &c, &ready), Some(0));
    assert_eq!(
        std::fs::read_to_string(&order).unwrap(),
        "pre-stop\npost-stop\n"
    );
}

#[test]
fn kill_timeout_escalates_to_sigkill() {
    let d = tempfile::tempdir().unwrap();
    let ready = d.path().join("ready");
    let c = job(
        d.path(),
        "k",
        &format!(
            "kill timeout 1\nscript\n  trap '' TERM\n  touch {}\n  while true; do sleep 1; done\nend script\n",
            ready.display()
        ),
    );
    assert_eq!(term_when_ready(d.path(), &c, &ready), Some(0));
}

/// The pids recorded by `fixtures/run/my_program.conf`.
fn pids(dir: &Path) -> Vec<i32> {
    std::fs::read_to_string(dir.join("pids"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

fn wait_for(what: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if what() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn the_tutorial_job_is_respawned_when_killed() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let conf = crate::common::fixture("run/my_program.conf");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&conf)
        .arg(format!("WORKDIR={}", d.path().display()))
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let supervisor = Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
    let started = wait_for(|| pids(d.path()).len() == 1);
    let first = pids(d.path()).first().copied();
    if let Some(p) = first {
        let _ = kill(Pid::from_raw(p), Signal::SIGKILL);
    }
    let respawned = wait_for(|| pids(d.path()).len() >= 2);
    let _ = kill(supervisor, Signal::SIGTERM);
    let start = Instant::now();
    let code = loop {
        if let Ok(Some(st)) = child.try_wait() {
            break st.code();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // Whatever happened, leave no process behind.
    for p in pids(d.path()) {
        let _ = kill(Pid::from_raw(p), Signal::SIGKILL);
    }
    assert!(started, "the main process never started");
    assert!(
        respawned,
        "the main process was not respawned: {:?}",
        pids(d.path())
    );
    let all = pids(d.path());
    assert_ne!(all.first(), all.get(1), "a new process, not the same pid");
    assert_eq!(code, Some(0), "stopped on request");
}

#[test]
fn the_umask_is_022_without_a_umask_stanza_whatever_the_callers() {
    // upstart sets it for every process (conformance lifecycle s17b_defaults).
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = d.path().join("umask");
    let conf = d.path().join("u.conf");
    std::fs::write(
        &conf,
        format!(
            "task\nconsole none\nexec sh -c 'umask > {}'\n",
            out.display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 077; exec \"$0\" --foreground \"$1\"")
        .arg(assert_cmd::cargo::cargo_bin("upstart-run"))
        .arg(&conf)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let got = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.trim(), "0022");
}
