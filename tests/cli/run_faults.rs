//! `upstart-run` under faults and the less common start paths: events,
//! reload, setuid/setgid, stop requests during helpers, crash loops,
//! escaping children, a log that cannot be written. Real processes, every
//! wait bounded, everything started is stopped.

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn job(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(format!("{name}.conf"));
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p
}

fn wait_for(what: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if what() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The pids of the processes whose command line contains `mark`.
fn processes_with(mark: &str) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| {
                    std::fs::read(e.path().join("cmdline"))
                        .is_ok_and(|c| String::from_utf8_lossy(&c).contains(mark))
                })
                .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

fn alive(pid: i32) -> bool {
    // A zombie is dead for our purposes; only its parent can reap it.
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit_once(')')
            .is_some_and(|(_, r)| !r.trim_start().starts_with('Z'))
    })
}

/// A foreground supervisor whose stderr goes to `<dir>/stderr`; killed on drop.
struct Sup {
    child: Child,
    stderr: PathBuf,
}

impl Sup {
    fn start(dir: &Path, conf: &Path, extra: &[&str]) -> Self {
        let stderr = dir.join("stderr");
        let file = std::fs::File::create(&stderr).unwrap_or_else(|e| panic!("{e}"));
        let child = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
            .args(["--foreground", "--log-dir"])
            .arg(dir)
            .arg(conf)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::from(file))
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        Self { child, stderr }
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(i32::try_from(self.child.id()).unwrap_or(0))
    }

    fn signal(&self, sig: Signal) {
        let _ = kill(self.pid(), sig);
    }

    /// Exit code, or `None` if it did not exit within 20 s.
    fn wait(&mut self) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Ok(Some(st)) = self.child.try_wait() {
                return st.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    fn stderr(&self) -> String {
        read(&self.stderr)
    }
}

impl Drop for Sup {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn event_sets_upstart_events_and_its_variables() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = d.path().join("out");
    let c = job(
        d.path(),
        "e",
        &format!(
            "task\nscript\n  echo \"${{UPSTART_EVENTS-unset}} $IFACE\" >> {}\nend script\n",
            out.display()
        ),
    );
    let mut s = Sup::start(
        d.path(),
        &c,
        &[
            "--event",
            "net-device-up",
            "--event",
            "local-filesystems",
            "IFACE=eth0",
        ],
    );
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    // Started by command (no --event), upstart leaves UPSTART_EVENTS unset.
    let mut s = Sup::start(d.path(), &c, &["IFACE=eth1"]);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    assert_eq!(
        read(&out),
        "net-device-up local-filesystems eth0\nunset eth1\n"
    );
}

#[test]
fn an_event_name_with_spaces_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let marker = d.path().join("ran");
    let c = job(
        d.path(),
        "e",
        &format!("task\nexec touch {}\n", marker.display()),
    );
    let mut s = Sup::start(d.path(), &c, &["--event", "a b"]);
    assert_eq!(s.wait(), Some(2));
    assert!(s.stderr().contains("--event \"a b\""), "{}", s.stderr());
    assert!(!marker.exists(), "nothing may start on a usage error");
}

#[test]
fn sighup_sends_the_reload_signal_to_the_main_process_only() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ready, got) = (d.path().join("ready"), d.path().join("got"));
    // A second process in the main process's group traps the signal too: it
    // must not receive it (upstart signals the main pid, not its group).
    let c = job(
        d.path(),
        "r",
        &format!(
            "reload signal USR1\nscript\n  (trap 'echo group >> {g}' USR1; while true; do sleep 0.05; done) &\n  trap 'echo main >> {g}' USR1\n  touch {r}\n  while true; do sleep 0.05; done\nend script\n",
            g = got.display(),
            r = ready.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert!(
        wait_for(|| ready.exists()),
        "job did not start: {}",
        s.stderr()
    );
    s.signal(Signal::SIGHUP);
    assert!(wait_for(|| read(&got).contains("main")), "{}", s.stderr());
    // Give a wrongly signalled group member time to write too.
    std::thread::sleep(Duration::from_millis(300));
    s.signal(Signal::SIGTERM);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    assert_eq!(read(&got), "main\n");
}

#[test]
fn setuid_and_setgid_apply_with_supplementary_groups_as_root() {
    use nix::unistd::{Group, User};
    if !nix::unistd::Uid::effective().is_root() {
        eprintln!("skipped: setuid/setgid need the tests to run as root");
        return;
    }
    let (Ok(Some(user)), Ok(Some(group))) =
        (User::from_name("nobody"), Group::from_name("nogroup"))
    else {
        eprintln!("skipped: no user nobody or group nogroup here");
        return;
    };
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // The job writes as nobody.
    std::fs::set_permissions(
        d.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o777),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ids = d.path().join("ids");
    let c = job(
        d.path(),
        "u",
        &format!(
            "setuid nobody\nsetgid nogroup\ntask\nscript\n  id -u > {f}\n  id -g >> {f}\n  id -G >> {f}\n  pwd >> {f}\nend script\n",
            f = ids.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    let got = read(&ids);
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.first(), Some(&user.uid.to_string().as_str()), "{got}");
    assert_eq!(lines.get(1), Some(&group.gid.to_string().as_str()), "{got}");
    // initgroups: nobody is in no supplementary group, so only the setgid one.
    assert_eq!(lines.get(2), Some(&group.gid.to_string().as_str()), "{got}");
    assert_eq!(lines.get(3), Some(&"/"), "{got}");
}

#[test]
fn setuid_to_a_missing_user_fails_before_anything_starts() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let marker = d.path().join("ran");
    let c = job(
        d.path(),
        "u",
        &format!(
            "setuid no-such-user-here\npre-start exec touch {m}\nexec touch {m}\npost-stop exec touch {m}\n",
            m = marker.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert_eq!(s.wait(), Some(1));
    let err = s.stderr();
    if nix::unistd::Uid::effective().is_root() {
        assert!(
            err.contains("setuid no-such-user-here: no such user"),
            "{err}"
        );
    } else {
        assert!(err.contains("need upstart-run to run as root"), "{err}");
    }
    assert!(!marker.exists(), "no process may run");
}

#[test]
fn a_job_that_needs_root_fails_clearly_without_it() {
    if !nix::unistd::Uid::effective().is_root() {
        // Covered by the missing-user test's non-root branch.
        eprintln!("skipped: this test drops root with setpriv");
        return;
    }
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = job(d.path(), "u", "setuid root\nexec /bin/true\n");
    std::fs::set_permissions(
        d.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: setpriv is not installed");
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(126) || out.status.code() == Some(127) {
        eprintln!("skipped: uid 65534 cannot execute the test binary here: {err}");
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("need upstart-run to run as root"), "{err}");
}

#[test]
fn sigterm_during_pre_start_lets_it_finish_then_runs_post_stop_only() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ready, order) = (d.path().join("ready"), d.path().join("order"));
    let c = job(
        d.path(),
        "p",
        &format!(
            "pre-start script\n  touch {r}\n  sleep 0.5\n  echo pre-start >> {o}\nend script\nscript\n  echo main >> {o}\n  exec sleep 60\nend script\npost-stop exec /bin/sh -c 'echo post-stop >> {o}'\n",
            r = ready.display(),
            o = order.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert!(wait_for(|| ready.exists()), "{}", s.stderr());
    s.signal(Signal::SIGTERM);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    // As upstart: the pre-start is not interrupted, main never starts.
    assert_eq!(read(&order), "pre-start\npost-stop\n");
    assert!(
        s.stderr().contains("waiting for the pre-start process"),
        "{}",
        s.stderr()
    );
}

#[test]
fn a_second_stop_request_kills_a_hung_pre_start() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (pidf, post) = (d.path().join("pid"), d.path().join("post"));
    let c = job(
        d.path(),
        "h",
        &format!(
            "pre-start script\n  echo $$ > {p}.tmp\n  mv {p}.tmp {p}\n  exec sleep 600\nend script\nexec sleep 600\npost-stop exec touch {q}\n",
            p = pidf.display(),
            q = post.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert!(wait_for(|| pidf.exists()), "{}", s.stderr());
    let pid: i32 = read(&pidf).trim().parse().unwrap_or(0);
    s.signal(Signal::SIGTERM);
    // The two requests must not merge into one pending signal.
    assert!(wait_for(|| s
        .stderr()
        .contains("send SIGTERM or SIGINT again")));
    s.signal(Signal::SIGINT);
    // Killed pre-start is a failed pre-start: exit 1, post-stop still runs.
    assert_eq!(s.wait(), Some(1), "{}", s.stderr());
    assert!(s.stderr().contains("killing the pre-start process"));
    assert!(post.exists(), "post-stop did not run");
    assert!(!alive(pid), "the hung pre-start ({pid}) survived");
}

#[test]
fn sigterm_during_post_stop_lets_it_finish() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ready, done) = (d.path().join("ready"), d.path().join("done"));
    let c = job(
        d.path(),
        "q",
        &format!(
            "task\nexec /bin/true\npost-stop script\n  touch {r}\n  sleep 0.5\n  echo finished > {f}\nend script\n",
            r = ready.display(),
            f = done.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert!(wait_for(|| ready.exists()), "{}", s.stderr());
    s.signal(Signal::SIGTERM);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    assert_eq!(read(&done), "finished\n");
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: Pid) -> u64 {
    let stat = read(Path::new(&format!("/proc/{pid}/stat")));
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    // Fields after the command: state is index 0, utime 11, stime 12.
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

#[test]
fn a_crash_loop_under_respawn_limit_unlimited_keeps_respawning_without_spinning() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let runs = d.path().join("runs");
    let c = job(
        d.path(),
        "c",
        &format!(
            "respawn\nrespawn limit unlimited\nscript\n  echo run >> {}\n  sleep 0.01\n  exit 1\nend script\n",
            runs.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    // Past the default limit (10 in 5 s), so `unlimited` was honoured.
    assert!(
        wait_for(|| read(&runs).lines().count() > 20),
        "only {} runs: {}",
        read(&runs).lines().count(),
        s.stderr()
    );
    let ticks = cpu_ticks(s.pid());
    let hz = 100; // USER_HZ on Linux
    let elapsed_ticks = {
        let stat = read(Path::new(&format!("/proc/{}/stat", s.pid())));
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r).to_string();
        let start: u64 = rest
            .split_whitespace()
            .nth(19)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let uptime: f64 = read(Path::new("/proc/uptime"))
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        (uptime * f64::from(hz)) as u64 - start
    };
    s.signal(Signal::SIGTERM);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    assert!(!s.stderr().contains("respawning too fast"));
    // A supervisor that polls or spins burns a whole core; one that sleeps
    // between exits uses a fraction of the wall time even in a crash loop.
    assert!(
        ticks * 2 < elapsed_ticks.max(1) + 2,
        "supervisor used {ticks} of {elapsed_ticks} ticks"
    );
}

#[test]
fn a_double_forked_child_that_escaped_the_group_is_killed_on_stop() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ready, esc) = (d.path().join("ready"), d.path().join("escaped"));
    // The intermediate process exits at once; the grandchild has its own
    // session, so killing the main process's group does not reach it.
    let c = job(
        d.path(),
        "x",
        &format!(
            "script\n  (setsid sh -c 'echo $$ > {e}.tmp; mv {e}.tmp {e}; exec sleep 600' &)\n  touch {r}\n  exec sleep 600\nend script\n",
            e = esc.display(),
            r = ready.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert!(
        wait_for(|| ready.exists() && esc.exists()),
        "{}",
        s.stderr()
    );
    let pid: i32 = read(&esc).trim().parse().unwrap_or(0);
    assert!(alive(pid));
    s.signal(Signal::SIGTERM);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    let gone = !alive(pid);
    if !gone {
        let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
    }
    assert!(gone, "escaped process {pid} outlived the supervisor");
}

#[test]
fn a_log_that_cannot_be_written_is_reported_once_and_the_job_keeps_running() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let done = d.path().join("done");
    // Every write to /dev/full fails with ENOSPC, like a full disk.
    std::os::unix::fs::symlink("/dev/full", d.path().join("full.log"))
        .unwrap_or_else(|e| panic!("{e}"));
    let c = job(
        d.path(),
        "full",
        &format!(
            "task\nscript\n  for i in 1 2 3 4 5; do echo line $i; echo err $i >&2; sleep 0.02; done\n  touch {}\nend script\n",
            done.display()
        ),
    );
    let mut s = Sup::start(d.path(), &c, &[]);
    assert_eq!(s.wait(), Some(0), "{}", s.stderr());
    assert!(done.exists(), "the job did not run to its end");
    let err = s.stderr();
    assert_eq!(err.matches("cannot write log").count(), 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(err.contains("full.log"), "{err}");
}

#[test]
fn the_log_directory_is_created_and_no_line_is_lost_when_the_job_exits() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let logs = d.path().join("var/log/upstart");
    let c = job(
        d.path(),
        "burst",
        "task\nscript\n  i=0\n  while [ $i -lt 20000 ]; do echo \"line $i\"; i=$((i+1)); done\n  echo last >&2\nend script\n",
    );
    let quiet = job(d.path(), "quiet", "task\nexec /bin/true\n");
    let out = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(&logs)
        .arg(&c)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let log = read(&logs.join("burst.log"));
    assert_eq!(log.lines().count(), 20001);
    assert!(log.starts_with("line 0\r\n") && log.ends_with("line 19999\r\nlast\r\n"));
    // As upstart: a job that prints nothing leaves no log file.
    let out = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(&logs)
        .arg(&quiet)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(!logs.join("quiet.log").exists());
}

#[test]
fn console_log_is_a_terminal_and_the_log_file_is_0640_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = job(
        d.path(),
        "tty",
        "task\nscript\n  if [ -t 1 ]; then echo stdout-is-a-tty; fi\n  if [ -t 2 ]; then echo stderr-is-a-tty >&2; fi\n  if [ -t 0 ]; then echo stdin-is-a-tty; fi\nend script\n",
    );
    // A umask of 077 would make a plain create 0600.
    let out = Command::new("sh")
        .arg("-c")
        .arg("umask 077; exec \"$0\" --foreground --log-dir \"$1\" \"$2\"")
        .arg(assert_cmd::cargo::cargo_bin("upstart-run"))
        .arg(d.path())
        .arg(&c)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let path = d.path().join("tty.log");
    // stdin is /dev/null under console log, as upstart does.
    assert_eq!(read(&path), "stdout-is-a-tty\r\nstderr-is-a-tty\r\n");
    let mode = std::fs::metadata(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn a_failed_job_shows_the_end_of_its_log_and_where_it_is() {
    // The tutorial's failure: the reason sits in a log file the user never
    // heard of, while the terminal said only "respawning too fast".
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = job(
        d.path(),
        "crashy",
        "respawn\nrespawn limit 2 5\nscript\n  echo \"boom: /etc/crashy.yml is missing\"\n  exit 3\nend script\n",
    );
    let out = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--log-dir"])
        .arg(d.path())
        .arg(&c)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crashy failed: respawning too fast"), "{err}");
    let log = d.path().join("crashy.log");
    assert!(
        err.contains(&format!("the last lines of {}:", log.display())),
        "{err}"
    );
    assert!(
        err.contains("  | boom: /etc/crashy.yml is missing\n"),
        "{err}"
    );
}

#[test]
fn a_stop_during_post_start_skips_pre_stop_as_upstart_does() {
    // Conformance lifecycle s34: stop while post-start runs → stopping,
    // without pre-stop; post-stop still runs.
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rec = d.path().join("rec");
    let r = rec.display();
    let c = job(
        d.path(),
        "ps",
        &format!(
            "console none\nexec sleep 1000\npost-start exec sh -c 'echo post-start >> {r}; sleep 1'\npre-stop exec sh -c 'echo pre-stop >> {r}'\npost-stop exec sh -c 'echo post-stop >> {r}'\n"
        ),
    );
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .arg("--foreground")
        .arg(&c)
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(wait_for(
        || std::fs::read_to_string(&rec).is_ok_and(|s| s.contains("post-start"))
    ));
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.code(), Some(0));
    assert_eq!(read(&rec), "post-start\npost-stop\n");
}

#[test]
fn a_respawn_does_not_wait_for_what_the_main_process_left_behind() {
    // Upstart: when the main process ends by itself, nothing is killed and
    // nothing waited for; the respawn follows at once (lifecycle s42/s43).
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let starts = d.path().join("starts");
    // A unique argument, to find the leftovers afterwards.
    let mark = format!("30.{}", std::process::id());
    let c = job(
        d.path(),
        "leaver",
        &format!(
            "console none\nrespawn\nrespawn limit 2 60\nscript\n  echo start >> {}\n  (trap '' TERM; exec sleep {mark}) &\n  exit 1\nend script\n",
            starts.display()
        ),
    );
    let out = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .arg("--foreground")
        .arg(&c)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let alive = processes_with(&mark);
    for pid in &alive {
        let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
    }
    // Three runs (the first and two respawns), then the limit.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(read(&starts).lines().count(), 3);
    // Not killed (and so not waited for) on the way: all three still run.
    assert_eq!(alive.len(), 3, "leftovers alive after the run: {alive:?}");
}

#[test]
fn leave_leftovers_keeps_escaped_processes_after_a_stop_as_upstart() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mark = format!("31.{}", std::process::id());
    let c = job(
        d.path(),
        "esc",
        &format!("console none\nscript\n  setsid sleep {mark} &\n  exec sleep 1000\nend script\n"),
    );
    let find = || processes_with(&mark);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--leave-leftovers"])
        .arg(&c)
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(wait_for(|| !find().is_empty()));
    let pid = Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
    let _ = kill(pid, Signal::SIGTERM);
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    let left = find();
    for p in &left {
        let _ = kill(Pid::from_raw(*p), Signal::SIGKILL);
    }
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        left.len(),
        1,
        "the escaped process should have been left running"
    );
}
