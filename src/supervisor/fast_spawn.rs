//! The common case of starting a job process without copying the
//! supervisor: glibc's `posix_spawn` (a `vfork`-style clone that shares our
//! memory until the exec) instead of `fork`. It does everything upstart's
//! child set-up does for a job without `limit`, `nice`, `oom score`,
//! `chroot`, `setuid` or `setgid`: a new session, the umask, every signal
//! at its default action and none blocked, stdin/stdout/stderr, no other
//! descriptor, the working directory, the environment in upstart's order.
//! Anything else, and any doubt (a program not found on the job's PATH, a
//! script without `#!` that execvp would hand to /bin/sh), goes through the
//! `fork` path in `spawn.rs`, which reports errors in full.

use nix::libc;
use std::ffi::{CStr, CString};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;

/// Where the standard descriptors of the process come from.
pub(super) enum Stdio<'a> {
    /// `/dev/null` for 0, 1 and 2 (`console none`).
    Null,
    /// Ours, as they are (`console output|owner`).
    Inherit,
    /// `/dev/null` for stdin, this descriptor for stdout and stderr
    /// (`console log`).
    Log(std::os::fd::BorrowedFd<'a>),
}

/// What the child needs, prepared before the spawn.
pub(super) struct Request<'a> {
    pub(super) argv: &'a [CString],
    pub(super) envp: &'a [CString],
    /// The job's `PATH` (execvp searches it, not ours).
    pub(super) path: Option<&'a str>,
    pub(super) chdir: &'a CStr,
    pub(super) umask: u32,
    pub(super) stdio: Stdio<'a>,
}

/// The result: `None` when this path does not apply (use `fork`).
pub(super) type Outcome = Option<Result<nix::unistd::Pid, std::io::Error>>;

/// Spawn `req` with `posix_spawn`; `None` when the fork path must do it.
pub(super) fn spawn(req: &Request<'_>) -> Outcome {
    let prog = resolve(req.argv.first()?, req.path)?;
    let mut argv: Vec<*mut libc::c_char> = req.argv.iter().map(|a| a.as_ptr().cast_mut()).collect();
    argv.push(std::ptr::null_mut());
    let mut envp: Vec<*mut libc::c_char> = req.envp.iter().map(|e| e.as_ptr().cast_mut()).collect();
    envp.push(std::ptr::null_mut());
    let null = c"/dev/null";
    // SAFETY: the attribute and action objects are initialised before use
    // and destroyed on every path; every pointer handed to glibc points
    // into `req`, `prog`, `argv` or `envp`, which outlive the call. The
    // umask is ours again before returning (single-threaded supervisor).
    unsafe {
        let mut attr: libc::posix_spawnattr_t = std::mem::zeroed();
        let mut acts: libc::posix_spawn_file_actions_t = std::mem::zeroed();
        if libc::posix_spawnattr_init(&raw mut attr) != 0 {
            return None;
        }
        if libc::posix_spawn_file_actions_init(&raw mut acts) != 0 {
            libc::posix_spawnattr_destroy(&raw mut attr);
            return None;
        }
        let mut ok = true;
        let mut all: libc::sigset_t = std::mem::zeroed();
        let mut none: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&raw mut all);
        // sigfillset leaves out glibc's own signals 32 and 33, and
        // posix_spawn would leave them ignored in the child; upstart
        // resets them too. The set is a plain bit mask (signal n is bit
        // n - 1), which posix_spawn reads as it is.
        let words = (&raw mut all).cast::<u64>();
        *words |= (1u64 << 31) | (1u64 << 32);
        libc::sigemptyset(&raw mut none);
        let flags = libc::POSIX_SPAWN_SETSID
            | libc::POSIX_SPAWN_SETSIGDEF as libc::c_short
            | libc::POSIX_SPAWN_SETSIGMASK as libc::c_short;
        ok &= libc::posix_spawnattr_setflags(&raw mut attr, flags) == 0;
        ok &= libc::posix_spawnattr_setsigdefault(&raw mut attr, &raw const all) == 0;
        ok &= libc::posix_spawnattr_setsigmask(&raw mut attr, &raw const none) == 0;
        let rd = libc::O_RDONLY;
        let wr = libc::O_WRONLY;
        match req.stdio {
            Stdio::Null => {
                ok &=
                    libc::posix_spawn_file_actions_addopen(&raw mut acts, 0, null.as_ptr(), rd, 0)
                        == 0;
                ok &=
                    libc::posix_spawn_file_actions_addopen(&raw mut acts, 1, null.as_ptr(), wr, 0)
                        == 0;
                ok &= libc::posix_spawn_file_actions_adddup2(&raw mut acts, 1, 2) == 0;
            }
            Stdio::Inherit => {}
            Stdio::Log(fd) => {
                let fd = fd.as_raw_fd();
                ok &=
                    libc::posix_spawn_file_actions_addopen(&raw mut acts, 0, null.as_ptr(), rd, 0)
                        == 0;
                ok &= libc::posix_spawn_file_actions_adddup2(&raw mut acts, fd, 1) == 0;
                ok &= libc::posix_spawn_file_actions_adddup2(&raw mut acts, fd, 2) == 0;
            }
        }
        // Only 0, 1 and 2 go through exec, as under upstart's init.
        ok &= libc::posix_spawn_file_actions_addclosefrom_np(&raw mut acts, 3) == 0;
        ok &= libc::posix_spawn_file_actions_addchdir_np(&raw mut acts, req.chdir.as_ptr()) == 0;
        let outcome = if ok {
            let old = libc::umask(req.umask);
            let mut pid: libc::pid_t = 0;
            let rc = libc::posix_spawn(
                &raw mut pid,
                prog.as_ptr(),
                &raw const acts,
                &raw const attr,
                argv.as_ptr(),
                envp.as_ptr(),
            );
            libc::umask(old);
            match rc {
                0 => Some(Ok(nix::unistd::Pid::from_raw(pid))),
                // execvp would run it with /bin/sh: the fork path does.
                libc::ENOEXEC => None,
                e => Some(Err(std::io::Error::from_raw_os_error(e))),
            }
        } else {
            None
        };
        libc::posix_spawn_file_actions_destroy(&raw mut acts);
        libc::posix_spawnattr_destroy(&raw mut attr);
        outcome
    }
}

/// execvp's search, in the job's PATH (glibc's default when it has none):
/// the first executable regular file. `None` when there is none (the fork
/// path then fails with execvp's own error).
fn resolve(prog: &CStr, path: Option<&str>) -> Option<CString> {
    let bytes = prog.to_bytes();
    if bytes.is_empty() {
        return None;
    }
    if bytes.contains(&b'/') {
        return Some(prog.to_owned());
    }
    let path = path.unwrap_or("/bin:/usr/bin");
    for dir in path.split(':') {
        // An empty entry is the current directory, as for execvp.
        let dir = if dir.is_empty() { "." } else { dir };
        let mut candidate = std::path::PathBuf::from(dir);
        candidate.push(std::ffi::OsStr::from_bytes(bytes));
        let Ok(meta) = std::fs::metadata(&candidate) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let c = CString::new(candidate.as_os_str().as_bytes()).ok()?;
        // SAFETY: `c` is a valid NUL-terminated string.
        if unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
            return Some(c);
        }
        // Not executable here: execvp would go on but end with EACCES;
        // leave that to the fork path.
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_is_execvps_in_the_jobs_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bin = dir.path().join("prog");
        std::fs::write(&bin, "#!/bin/sh\n").expect("write");
        let c = |s: &str| CString::new(s).expect("cstring");
        let path = format!("/nonexistent:{}", dir.path().display());
        // Not executable: left to the fork path.
        assert_eq!(resolve(&c("prog"), Some(&path)), None);
        std::fs::set_permissions(&bin, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .expect("chmod");
        assert_eq!(
            resolve(&c("prog"), Some(&path)),
            Some(c(&bin.display().to_string()))
        );
        assert_eq!(resolve(&c("./x"), None), Some(c("./x")));
        assert_eq!(resolve(&c("no-such-program-here"), None), None);
    }
}
