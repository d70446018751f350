//! `upstart-run DIR`: a job set under the event engine, controlled with
//! `upstart-tools ctl` and the initctl names. Real processes, bounded in
//! time; every test stops its supervisor and checks that nothing it started
//! is left.

use assert_cmd::cargo::cargo_bin;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A running `upstart-run --foreground DIR` with its own control socket.
struct JobSet {
    dir: tempfile::TempDir,
    child: Option<Child>,
}

impl JobSet {
    /// Write `jobs` (name, text) under DIR/init and start the job set.
    fn start(jobs: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let init = dir.path().join("init");
        std::fs::create_dir_all(&init).unwrap_or_else(|e| panic!("{e}"));
        for (name, text) in jobs {
            std::fs::write(init.join(format!("{name}.conf")), text)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let mut set = Self { dir, child: None };
        // The initctl names, on the job set's PATH (see `path_var`).
        std::fs::create_dir_all(set.path("bin")).unwrap_or_else(|e| panic!("{e}"));
        let st = Command::new(cargo_bin("upstart-tools"))
            .arg("install-compat")
            .arg(set.path("bin"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(st.status.success(), "install-compat: {st:?}");
        let child = Command::new(cargo_bin("upstart-run"))
            .args(["--foreground", "-v", "--control"])
            .arg(set.control())
            .arg("--log-dir")
            .arg(set.path("logs"))
            .arg(&init)
            .env("PATH", set.path_var())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        set.child = Some(child);
        set.wait_for(|s| s.control().exists(), "the control socket");
        set
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn control(&self) -> PathBuf {
        self.path("ctl")
    }

    /// PATH for the job set: the initctl names first (`bin/`).
    fn path_var(&self) -> String {
        format!(
            "{}:{}",
            self.path("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }

    /// `upstart-tools ctl ARGS` against this job set.
    fn ctl(&self, args: &[&str]) -> Output {
        Command::new(cargo_bin("upstart-tools"))
            .arg("ctl")
            .arg("--control")
            .arg(self.control())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn ctl_ok(&self, args: &[&str]) -> String {
        let out = self.ctl(args);
        assert!(
            out.status.success(),
            "ctl {args:?}: {out:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, what: impl Fn(&Self) -> bool, name: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !what(self) {
            assert!(Instant::now() < deadline, "timed out waiting for {name}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGTERM, and the supervisor's exit status and stderr.
    fn stop(&mut self) -> (Option<i32>, String) {
        let mut child = self.child.take().unwrap_or_else(|| panic!("stopped twice"));
        let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("upstart-run did not stop on SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

impl Drop for JobSet {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn alive(pid: i32) -> bool {
    // A zombie still has /proc/PID: check its state.
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit(')')
            .next()
            .is_some_and(|r| !r.trim_start().starts_with('Z'))
    })
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `my_program start/running, process N` → N.
fn pid_of(status: &str) -> i32 {
    status
        .trim()
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no pid in {status:?}"))
}

const MY_PROGRAM: &str = "description \"my_program\"\nstart on my_event\nrespawn\nscript\n    echo \"hello from my_program\"\n    exec sleep 1000\nend script\n";

#[test]
fn the_tutorial_emit_status_restart_and_the_log() {
    let mut set = JobSet::start(&[("my_program", MY_PROGRAM)]);
    assert_eq!(
        set.ctl_ok(&["status", "my_program"]),
        "my_program stop/waiting\n"
    );
    assert_eq!(set.ctl_ok(&["emit", "my_event"]), "");
    let status = set.ctl_ok(&["status", "my_program"]);
    assert!(
        status.starts_with("my_program start/running, process "),
        "{status}"
    );
    let first = pid_of(&status);
    assert!(alive(first));
    let restarted = set.ctl_ok(&["restart", "my_program"]);
    let second = pid_of(&restarted);
    assert_ne!(first, second);
    assert!(alive(second));
    set.wait_for(|_| !alive(first), "the old process to go");
    // `console log` through a terminal, in --log-dir.
    set.wait_for(
        |s| {
            std::fs::read_to_string(s.path("logs/my_program.log"))
                .is_ok_and(|l| l.matches("hello from my_program\r\n").count() == 2)
        },
        "two runs in the log",
    );
    assert_eq!(
        set.ctl_ok(&["list"]),
        format!("my_program start/running, process {second}\n")
    );
    let (code, stderr) = set.stop();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!alive(second), "the job's process outlived the supervisor");
    // -v speaks upstart's words.
    assert!(stderr.contains("Handling my_event event\n"), "{stderr}");
    assert!(
        stderr.contains("my_program state changed from post-start to running\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "init: my_program main process ({second}) killed by TERM signal"
        )),
        "{stderr}"
    );
}

#[test]
fn initctl_names_inside_a_job_reach_the_job_set() {
    // A job that emits an event with `initctl emit`, as scripts do, and a
    // job that starts on it and records the variable it carries.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("got");
    let jobs = [
        (
            "pinger",
            "start on startup\ntask\nconsole none\nexec initctl emit ping X=from-pinger\n"
                .to_string(),
        ),
        (
            "ponger",
            format!(
                "start on ping\ntask\nconsole none\nexec sh -c 'echo \"$X $UPSTART_EVENTS\" > {}'\n",
                out.display()
            ),
        ),
    ];
    let jobs: Vec<(&str, &str)> = jobs.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let set = JobSet::start(&jobs);
    set.wait_for(|_| out.exists(), "ponger's record");
    assert_eq!(read(&out), "from-pinger ping\n");
    drop(set);
}

#[test]
fn sigterm_stops_every_job_and_runs_their_post_stops() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rec = dir.path().join("rec");
    let job = |name: &str| {
        format!(
            "start on startup\nconsole none\nexec sleep 1000\npost-stop exec sh -c 'echo {name} >> {}'\n",
            rec.display()
        )
    };
    let (a, b) = (job("a"), job("b"));
    let mut set = JobSet::start(&[("a", &a), ("b", &b)]);
    set.wait_for(
        |s| s.ctl_ok(&["list"]).matches("start/running").count() == 2,
        "both jobs running",
    );
    let pids: Vec<i32> = set.ctl_ok(&["list"]).lines().map(pid_of).collect();
    let (code, stderr) = set.stop();
    assert_eq!(code, Some(0), "{stderr}");
    let mut stopped: Vec<String> = read(&rec).lines().map(str::to_string).collect();
    stopped.sort();
    assert_eq!(stopped, ["a", "b"]);
    for pid in pids {
        assert!(!alive(pid));
    }
}

#[test]
fn a_job_with_errors_is_reported_and_left_out_the_rest_runs() {
    let mut set = JobSet::start(&[
        ("good", "start on startup\nconsole none\nexec sleep 1000\n"),
        (
            "bad",
            "start on startup\nexpect sometimes\nexec sleep 1000\n",
        ),
    ]);
    set.wait_for(
        |s| s.ctl_ok(&["status", "good"]).contains("start/running"),
        "good running",
    );
    let out = set.ctl(&["status", "bad"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "initctl: Unknown job: bad\n"
    );
    let (code, stderr) = set.stop();
    // Some job was left out: the run is not clean.
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("bad.conf:2:"), "{stderr}");
    assert!(stderr.contains("bad: not started"), "{stderr}");
}

#[test]
fn as_pid_1_in_a_new_pid_namespace_it_reaps_orphans_and_stops_on_sigterm() {
    if Command::new("unshare")
        .args(["--pid", "--fork", "--kill-child", "true"])
        .status()
        .map_or(true, |s| !s.success())
    {
        eprintln!("skipped: unshare --pid does not work here (needs root or user namespaces)");
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let init = dir.path().join("init");
    std::fs::create_dir_all(&init).unwrap_or_else(|e| panic!("{e}"));
    let rec = dir.path().join("rec");
    // The main process leaves a short-lived orphan behind: as PID 1 the
    // supervisor inherits it and must reap it.
    std::fs::write(
        init.join("svc.conf"),
        format!(
            "start on startup\nconsole none\nscript\n  (sleep 0.2 &)\n  echo $$ > {}\n  exec sleep 1000\nend script\npost-stop exec sh -c 'echo post-stop >> {}'\n",
            dir.path().join("pid").display(),
            rec.display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let control = dir.path().join("ctl");
    let mut child = Command::new("unshare")
        .args(["--pid", "--fork", "--kill-child"])
        .arg(cargo_bin("upstart-run"))
        .args(["--foreground", "--control"])
        .arg(&control)
        .arg(&init)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !dir.path().join("pid").exists() {
        assert!(Instant::now() < deadline, "svc never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The supervisor: unshare's child, PID 1 inside.
    let unshare = i32::try_from(child.id()).unwrap_or(0);
    let sup: i32 = read(Path::new(&format!(
        "/proc/{unshare}/task/{unshare}/children"
    )))
    .split_whitespace()
    .next()
    .and_then(|p| p.parse().ok())
    .unwrap_or_else(|| panic!("no supervisor under unshare"));
    let status = read(Path::new(&format!("/proc/{sup}/status")));
    assert!(
        status
            .lines()
            .any(|l| l.starts_with("NSpid:") && l.trim_end().ends_with("\t1")),
        "not PID 1 in its namespace: {status}"
    );
    // After the orphan's 0.2 s, no zombie child is left under PID 1.
    std::thread::sleep(Duration::from_millis(600));
    let children = read(Path::new(&format!("/proc/{sup}/task/{sup}/children")));
    for c in children.split_whitespace() {
        let stat = std::fs::read_to_string(format!("/proc/{c}/stat")).unwrap_or_default();
        assert!(
            !stat
                .rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z')),
            "zombie left under PID 1: {stat}"
        );
    }
    // docker stop: SIGTERM to PID 1 stops every job (post-stop runs) and
    // ends with status 0.
    let _ = nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(sup),
        nix::sys::signal::Signal::SIGTERM,
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let code = loop {
        if let Ok(Some(s)) = child.try_wait() {
            break s.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("PID 1 did not stop on SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(0));
    assert_eq!(read(&rec), "post-stop\n");
}

#[test]
fn a_job_that_gives_up_prints_the_warning_and_the_end_of_its_log() {
    let mut set = JobSet::start(&[(
        "crashy",
        "start on startup\nrespawn\nrespawn limit 2 5\nscript\n  echo \"boom: /etc/crashy.yml is missing\"\n  exit 3\nend script\n",
    )]);
    set.wait_for(
        |s| s.ctl_ok(&["status", "crashy"]) == "crashy stop/waiting\n",
        "crashy to give up",
    );
    let (code, stderr) = set.stop();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("init: crashy respawning too fast, stopped\n"),
        "{stderr}"
    );
    let log = set.path("logs/crashy.log");
    assert!(
        stderr.contains(&format!(
            "init: crashy respawning too fast, stopped\nupstart-run: the last lines of {}:\n",
            log.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("  | boom: /etc/crashy.yml is missing\n"),
        "{stderr}"
    );
}

#[test]
fn an_empty_job_set_says_where_it_looked_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("README"), "not a job").unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(cargo_bin("upstart-run"))
        .args(["--foreground", "--control"])
        .arg(dir.path().join("ctl"))
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("no job to run in {}", dir.path().display())),
        "{err}"
    );
    assert!(err.contains("upstart-lint"), "{err}");
}

#[test]
fn reload_configuration_and_sighup_read_the_job_files_again() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("ran");
    let job = |word: &str| {
        format!(
            "start on go\ntask\nconsole none\nexec sh -c 'echo {word} >> {}'\n",
            out.display()
        )
    };
    let mut set = JobSet::start(&[("t", &job("old"))]);
    let init = set.path("init");
    // Edited on disk: nothing changes until the configuration is reloaded.
    std::fs::write(init.join("t.conf"), job("new")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        init.join("added.conf"),
        "start on startup\nexec sleep 1000\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    set.ctl_ok(&["emit", "go"]);
    assert_eq!(read(&out), "old\n");
    assert_eq!(set.ctl_ok(&["reload-configuration"]), "");
    set.ctl_ok(&["emit", "go"]);
    assert_eq!(read(&out), "old\nnew\n");
    assert_eq!(set.ctl_ok(&["status", "added"]), "added stop/waiting\n");
    // A deleted file's job is gone after SIGHUP (init's reload signal).
    std::fs::remove_file(init.join("added.conf")).unwrap_or_else(|e| panic!("{e}"));
    let pid = set.child.as_ref().map_or(0, std::process::Child::id);
    let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).unwrap_or(0));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGHUP).unwrap_or_else(|e| panic!("{e}"));
    set.wait_for(
        |s| {
            String::from_utf8_lossy(&s.ctl(&["status", "added"]).stderr)
                == "initctl: Unknown job: added\n"
        },
        "the deleted job to go",
    );
    let (code, stderr) = set.stop();
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn check_config_names_what_no_job_emits() {
    let set = JobSet::start(&[
        ("web", "start on started db and net-up\nexec sleep 1000\n"),
        ("db", "start on startup\nexec sleep 1000\n"),
        ("cache", "start on started redis\nexec sleep 1000\n"),
    ]);
    let out = set.ctl(&["check-config"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Each job with a problem, then its conditions, in upstart's order.
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "  start on: unknown event net-up",
            "  start on: unknown job redis",
            "cache",
            "web",
        ],
        "{stdout}"
    );
    assert!(
        stdout.contains("web\n  start on: unknown event net-up\n"),
        "{stdout}"
    );
    let out = set.ctl(&["check-config", "--ignore-events", "net-up", "web"]);
    assert_eq!(
        (out.status.code(), out.stdout.len()),
        (Some(0), 0),
        "{out:?}"
    );
    let out = set.ctl(&["check-config", "nope"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "initctl: Invalid job class: nope\n"
    );
    drop(set);
}
