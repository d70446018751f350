//! Spawning one job process the way upstart sets it up (docs/language.md#spawning), with
//! `std::process::Command` and a `pre_exec` hook for what std cannot do
//! (setsid, umask, nice, rlimits, OOM score, chroot, initgroups).
//!
//! Scripts run as `/bin/sh -e -c BODY /bin/sh` whatever their length
//! (upstart feeds multi-line scripts on fd 9 instead; the shell sees the same
//! text either way).

use super::RunOptions;
use super::log::Log;
use crate::ast::{ConsoleMode, LimitValue, ProcessBody, Resolved, Resource};
use crate::load::LoadedJob;
use nix::sys::resource::{Resource as R, setrlimit};
use nix::sys::signal::{SigSet, SigmaskHow, sigprocmask};
use nix::unistd::{Gid, Group, Pid, Uid, User};
use std::ffi::CString;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/bin:/usr/sbin:/sbin:/bin";

/// The argv upstart would run for a process body.
#[must_use]
pub(super) fn argv(body: &ProcessBody) -> Vec<String> {
    match body {
        ProcessBody::Exec { command, .. } => {
            let c = command.value.as_str();
            if crate::facts::shell::runs_through_shell(c) {
                sh(&format!("exec {c}"))
            } else {
                c.split([' ', '\t', '\r', '\n'])
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            }
        }
        ProcessBody::Script { body, .. } => sh(body.trim_end_matches('\n')),
    }
}

fn sh(text: &str) -> Vec<String> {
    ["/bin/sh", "-e", "-c", text, "/bin/sh"]
        .iter()
        .map(|s| (*s).to_string())
        .collect()
}

/// The process environment (docs/language.md#environment).
#[must_use]
pub(super) fn environment(
    job: &LoadedJob,
    r: &Resolved<'_>,
    opts: &RunOptions,
    instance: &str,
) -> Vec<(String, String)> {
    let mut env = start_environment(r, opts);
    let set = |env: &mut Vec<(String, String)>, k: &str, v: String| {
        env.retain(|(key, _)| key != k);
        env.push((k.to_string(), v));
    };
    set(&mut env, "UPSTART_JOB", job.name.clone());
    set(&mut env, "UPSTART_INSTANCE", instance.to_string());
    env
}

/// init's job environment: `PATH` (ours, or upstart's default) and `TERM`
/// when we have one.
#[must_use]
pub(super) fn init_environment() -> Vec<(String, String)> {
    let mut env = vec![(
        "PATH".to_string(),
        std::env::var("PATH").unwrap_or_else(|_| DEFAULT_PATH.to_string()),
    )];
    if let Ok(t) = std::env::var("TERM") {
        env.push(("TERM".to_string(), t));
    }
    env
}

/// The job class's environment with the start environment laid over it:
/// what upstart expands the `instance` name against (`job_class_start`),
/// before `UPSTART_JOB` and `UPSTART_INSTANCE` are added for the processes.
pub(super) fn start_environment(r: &Resolved<'_>, opts: &RunOptions) -> Vec<(String, String)> {
    let mut env = init_environment();
    let set = |env: &mut Vec<(String, String)>, k: &str, v: String| {
        env.retain(|(key, _)| key != k);
        env.push((k.to_string(), v));
    };
    for e in &r.env {
        match &e.value {
            Some(v) => set(&mut env, &e.key, v.to_string()),
            None => {
                if let Ok(v) = std::env::var(&e.key) {
                    set(&mut env, &e.key, v);
                }
            }
        }
    }
    for (k, v) in &opts.env {
        set(&mut env, k, v.clone());
    }
    if !opts.events.is_empty() {
        set(&mut env, "UPSTART_EVENTS", opts.events.join(" "));
    }
    env
}

/// `<job>.log` or `<job>-<instance>.log`, every `/` replaced by `_` (docs/language.md#console).
#[must_use]
pub(super) fn log_name(job: &str, instance: &str) -> String {
    let name = if instance.is_empty() {
        format!("{job}.log")
    } else {
        format!("{job}-{instance}.log")
    };
    name.replace('/', "_")
}

fn resource(r: Resource) -> R {
    match r {
        Resource::As => R::RLIMIT_AS,
        Resource::Core => R::RLIMIT_CORE,
        Resource::Cpu => R::RLIMIT_CPU,
        Resource::Data => R::RLIMIT_DATA,
        Resource::Fsize => R::RLIMIT_FSIZE,
        Resource::Memlock => R::RLIMIT_MEMLOCK,
        Resource::Msgqueue => R::RLIMIT_MSGQUEUE,
        Resource::Nice => R::RLIMIT_NICE,
        Resource::Nofile => R::RLIMIT_NOFILE,
        Resource::Nproc => R::RLIMIT_NPROC,
        Resource::Rss => R::RLIMIT_RSS,
        Resource::Rtprio => R::RLIMIT_RTPRIO,
        Resource::Sigpending => R::RLIMIT_SIGPENDING,
        Resource::Stack => R::RLIMIT_STACK,
    }
}

fn limit(v: LimitValue) -> u64 {
    match v {
        LimitValue::Unlimited => nix::libc::RLIM_INFINITY,
        LimitValue::Value(n) => n,
    }
}

/// The uid, gid and initgroups name for `setuid`/`setgid`, checked before
/// anything starts: a job that needs root or names a missing user fails
/// with a message rather than with each process's spawn.
///
/// # Errors
/// Not root, or a user or group that does not exist.
pub(super) fn identity(r: &Resolved<'_>) -> Result<Option<Identity>, String> {
    if r.setuid.is_none() && r.setgid.is_none() {
        return Ok(None);
    }
    if !Uid::effective().is_root() {
        return Err(format!(
            "setuid/setgid need upstart-run to run as root (it runs as uid {}); run it with sudo or drop the stanzas",
            Uid::effective()
        ));
    }
    let user = match r.setuid {
        Some(u) => Some(User::from_name(&u.value).ok().flatten().ok_or_else(|| {
            format!(
                "setuid {}: no such user on this machine; create it or change the stanza",
                u.value
            )
        })?),
        None => None,
    };
    let gid =
        match r.setgid {
            Some(g) => Group::from_name(&g.value)
                .ok()
                .flatten()
                .ok_or_else(|| {
                    format!(
                        "setgid {}: no such group on this machine; create it or change the stanza",
                        g.value
                    )
                })?
                .gid,
            None => user.as_ref().map_or(Gid::effective(), |u| u.gid),
        };
    let name = user
        .as_ref()
        .and_then(|u| CString::new(u.name.as_str()).ok());
    Ok(Some((user.map(|u| u.uid), gid, name)))
}

/// `(uid, gid, user name for initgroups)`.
pub(super) type Identity = (Option<Uid>, Gid, Option<CString>);

/// Spawn one process of the job; its pid, or why it could not start.
///
/// # Errors
/// A message when the process could not be set up or executed.
pub(super) fn spawn(
    job: &LoadedJob,
    r: &Resolved<'_>,
    opts: &RunOptions,
    instance: &str,
    body: &ProcessBody,
    log: Option<&Log>,
) -> Result<Pid, String> {
    let env = environment(job, r, opts, instance);
    spawn_argv(r, &argv(body), &env, log)
}

/// The program, argv and environment of an exec, as C arrays built before
/// the fork (the child must not allocate).
struct ExecArgs {
    prog: CString,
    argv: Vec<*const nix::libc::c_char>,
    envp: Vec<*mut nix::libc::c_char>,
    /// Owners of the strings `argv` and `envp` point into.
    _strings: (Vec<CString>, Vec<CString>),
}

// SAFETY: the pointers point into the CStrings the struct owns (their heap
// buffers do not move with the struct) and are read only in the forked
// child, where no other thread exists.
unsafe impl Send for ExecArgs {}
// SAFETY: as for Send: nothing writes through the pointers.
unsafe impl Sync for ExecArgs {}

impl ExecArgs {
    fn new(prog: CString, argv: Vec<CString>, envp: Vec<CString>) -> Self {
        let mut argv_p: Vec<*const nix::libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
        argv_p.push(std::ptr::null());
        let mut envp_p: Vec<*mut nix::libc::c_char> =
            envp.iter().map(|e| e.as_ptr().cast_mut()).collect();
        envp_p.push(std::ptr::null_mut());
        Self {
            prog,
            argv: argv_p,
            envp: envp_p,
            _strings: (argv, envp),
        }
    }
}

/// Why a process did not start.
enum Failure {
    /// Before the fork (console, identity).
    Setup(String),
    /// In the child: its set-up or the exec (std reports both alike).
    Exec(String, std::io::Error),
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Self::Setup(s)
    }
}

/// Spawn `argv` with exactly `env`, set up as the job `r` says (console,
/// umask, limits, chroot, chdir, identity, a session of its own).
///
/// # Errors
/// A message when the process could not be set up or executed (naming the
/// program).
pub(super) fn spawn_argv(
    r: &Resolved<'_>,
    argv: &[String],
    env: &[(String, String)],
    log: Option<&Log>,
) -> Result<Pid, String> {
    spawn_inner(r, argv, env, log).map_err(|f| match f {
        Failure::Setup(s) => s,
        Failure::Exec(prog, e) => format!("{prog}: {e}"),
    })
}

/// [`spawn_argv`] for the job-set engine: a failed exec is told in
/// upstart's words (`unable to execute: No such file or directory`).
///
/// # Errors
/// A message when the process could not be set up or executed.
pub(super) fn spawn_job_process(
    r: &Resolved<'_>,
    argv: &[String],
    env: &[(String, String)],
    log: Option<&Log>,
) -> Result<Pid, String> {
    spawn_inner(r, argv, env, log).map_err(|f| match f {
        Failure::Setup(s) => s,
        Failure::Exec(_, e) => format!(
            "unable to execute: {}",
            e.raw_os_error().map_or_else(
                || e.to_string(),
                |n| nix::errno::Errno::from_raw(n).desc().to_string()
            )
        ),
    })
}

/// `posix_spawn` for a job whose set-up it can do (see `fast_spawn`);
/// `None` when the fork path must run.
fn fast_path(
    r: &Resolved<'_>,
    argv: &[CString],
    envp: &[CString],
    env: &[(String, String)],
    umask: u32,
    log: Option<&Log>,
) -> super::fast_spawn::Outcome {
    use super::fast_spawn::{Request, Stdio, spawn};
    if !r.limits.is_empty()
        || r.nice.is_some()
        || r.oom.is_some()
        || r.chroot.is_some()
        || r.setuid.is_some()
        || r.setgid.is_some()
    {
        return None;
    }
    let stdio = match r.console.unwrap_or(ConsoleMode::Log) {
        ConsoleMode::None => Stdio::Null,
        ConsoleMode::Output | ConsoleMode::Owner => Stdio::Inherit,
        ConsoleMode::Log => log.map_or(Stdio::Null, |l| Stdio::Log(l.write_fd())),
    };
    let chdir = CString::new(r.chdir.map_or("/", |w| w.value.as_str())).ok()?;
    spawn(&Request {
        argv,
        envp,
        path: env
            .iter()
            .rev()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.as_str()),
        chdir: &chdir,
        umask,
        stdio,
    })
}

fn spawn_inner(
    r: &Resolved<'_>,
    argv: &[String],
    env: &[(String, String)],
    log: Option<&Log>,
) -> Result<Pid, Failure> {
    let Some((prog, args)) = argv.split_first() else {
        return Err(Failure::Setup("empty command".to_string()));
    };
    // std's Command sorts the environment; upstart hands it over in its own
    // order (and programs can tell). So the child execs itself, with
    // upstart's execvp after replacing `environ`: PATH is searched in the
    // job's environment, as under upstart.
    let c = |s: &str| CString::new(s).map_err(|e| Failure::Setup(e.to_string()));
    let prog_c = c(prog)?;
    let argv_c: Vec<CString> = argv.iter().map(|a| c(a)).collect::<Result<_, _>>()?;
    let envp_c: Vec<CString> = env
        .iter()
        .map(|(k, v)| c(&format!("{k}={v}")))
        .collect::<Result<_, _>>()?;
    let umask = r.umask.unwrap_or(0o022);
    if let Some(out) = fast_path(r, &argv_c, &envp_c, env, umask, log) {
        return out.map_err(|e| Failure::Exec(prog.clone(), e));
    }
    let exec = ExecArgs::new(prog_c, argv_c, envp_c);
    // Upstart always sets the umask: 022 without a `umask` stanza, never the
    // caller's (see above).
    let mut cmd = Command::new(prog);
    cmd.args(args).env_clear();
    cmd.stdin(Stdio::null());
    match r.console.unwrap_or(ConsoleMode::Log) {
        ConsoleMode::None => {
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
        }
        ConsoleMode::Output | ConsoleMode::Owner => {
            cmd.stdin(Stdio::inherit());
        }
        ConsoleMode::Log => match log.map(Log::writer) {
            Some(Ok(w)) => {
                let w2 = w.try_clone().map_err(|e| e.to_string())?;
                cmd.stdout(Stdio::from(w)).stderr(Stdio::from(w2));
            }
            Some(Err(e)) => return Err(format!("cannot set up the log terminal: {e}").into()),
            None => {
                cmd.stdout(Stdio::null()).stderr(Stdio::null());
            }
        },
    }
    let nice = r.nice;
    let oom = r.oom.map(crate::ast::Oom::score);
    let limits: Vec<(R, u64, u64)> = r
        .limits
        .iter()
        .map(|(res, (soft, hard))| (resource(*res), limit(*soft), limit(*hard)))
        .collect();
    let chroot = r.chroot.map(|w| w.value.to_string());
    let chdir = r
        .chdir
        .map_or_else(|| "/".to_string(), |w| w.value.to_string());
    let ids = identity(r)?;
    let chroot_c = chroot
        .map(|c| CString::new(c).map_err(|e| e.to_string()))
        .transpose()?;
    let chdir_c = CString::new(chdir).map_err(|e| e.to_string())?;
    // SAFETY: the closure runs in the forked child of a single-threaded
    // supervisor; it only makes system calls (and one small write to /proc).
    unsafe {
        cmd.pre_exec(move || {
            // The whole struct is captured (it is Send), not its fields.
            let exec = &exec;
            nix::unistd::setsid()?;
            nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(umask));
            for (res, soft, hard) in &limits {
                setrlimit(*res, *soft, *hard)?;
            }
            if let Some(n) = nice {
                *nix::libc::__errno_location() = 0;
                nix::libc::setpriority(nix::libc::PRIO_PROCESS, 0, n);
            }
            if let Some(score) = oom {
                let _ = std::fs::write("/proc/self/oom_score_adj", score.to_string());
            }
            if let Some(c) = &chroot_c {
                nix::unistd::chroot(c.as_c_str())?;
            }
            nix::unistd::chdir(chdir_c.as_c_str())?;
            if let Some((uid, gid, name)) = &ids {
                if let Some(n) = name {
                    nix::unistd::initgroups(n, *gid)?;
                }
                nix::unistd::setgid(*gid)?;
                if let Some(u) = uid {
                    nix::unistd::setuid(*u)?;
                }
            }
            // As upstart's `nih_signal_reset`: every signal back to its
            // default action (a supervisor started with signals ignored does
            // not pass that on), and nothing blocked.
            // The system call itself: glibc refuses its own signals 32 and
            // 33, which a parent may have left ignored. An all-zero kernel
            // `struct sigaction` is SIG_DFL, no flags, nothing masked, on
            // every layout.
            let dfl = [0u64; 4];
            for sig in 1..=64 {
                if sig != nix::libc::SIGKILL && sig != nix::libc::SIGSTOP {
                    nix::libc::syscall(
                        nix::libc::SYS_rt_sigaction,
                        sig,
                        dfl.as_ptr(),
                        std::ptr::null::<u64>(),
                        8usize,
                    );
                }
            }
            sigprocmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None)?;
            // Descriptors the supervisor inherited (a jobserver pipe, a
            // test harness's files) are not the job's: only 0, 1 and 2 go
            // through exec, as under upstart's init. Marked close-on-exec
            // rather than closed, so that std's exec-error pipe still works.
            if nix::libc::syscall(
                nix::libc::SYS_close_range,
                3u32,
                u32::MAX,
                nix::libc::CLOSE_RANGE_CLOEXEC,
            ) != 0
            {
                for fd in 3..1024 {
                    nix::libc::fcntl(fd, nix::libc::F_SETFD, nix::libc::FD_CLOEXEC);
                }
            }
            // The exec itself (see above); it returns only on failure,
            // which std then reports as the spawn's error.
            nix::libc::environ = exec.envp.as_ptr().cast_mut();
            nix::libc::execvp(exec.prog.as_ptr(), exec.argv.as_ptr());
            Err(std::io::Error::last_os_error())
        });
    }
    let child = cmd.spawn().map_err(|e| Failure::Exec(prog.clone(), e))?;
    Ok(Pid::from_raw(i32::try_from(child.id()).unwrap_or(0)))
}
