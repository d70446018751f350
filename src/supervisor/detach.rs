//! Running in the background: a double fork, `setsid`, standard streams on
//! /dev/null, the working directory `/`, and the pidfile. The launching
//! process waits until the supervisor runs (or reports why it could not).

use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, chdir, fork, pipe, setsid};
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

pub enum Role {
    /// The launching process: the supervisor is running, exit 0.
    Launcher,
    /// The detached supervisor: go on supervising.
    Supervisor,
}

pub fn write_pidfile(p: &Path) -> std::io::Result<()> {
    let tmp = p.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, format!("{}\n", std::process::id()))?;
    std::fs::rename(&tmp, p)
}

/// Remove the pidfile if it still names us.
pub fn remove_pidfile(p: &Path) {
    let ours = std::process::id().to_string();
    if std::fs::read_to_string(p).is_ok_and(|s| s.trim() == ours) {
        let _ = std::fs::remove_file(p);
    }
}

/// Returns in the launcher (once the supervisor is running or has failed to
/// start) and in the detached supervisor.
pub fn detach(pidfile: Option<&Path>) -> Result<Role, String> {
    let (rd, wr) = pipe().map_err(|e| format!("pipe: {e}"))?;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: upstart-run is single-threaded here; the children only make
    // async-signal-safe calls before they either exit or carry on alone.
    match unsafe { fork() }.map_err(|e| format!("fork: {e}"))? {
        ForkResult::Parent { child } => {
            drop(wr);
            let _ = waitpid(child, None);
            let mut msg = String::new();
            let _ = File::from(rd).read_to_string(&mut msg);
            if msg == "ok" {
                Ok(Role::Launcher)
            } else if msg.is_empty() {
                Err("the supervisor died before it started".into())
            } else {
                Err(msg)
            }
        }
        ForkResult::Child => {
            drop(rd);
            let mut wr = File::from(wr);
            let fail = |wr: &mut File, m: String| -> ! {
                let _ = wr.write_all(m.as_bytes());
                std::process::exit(1)
            };
            if let Err(e) = setsid() {
                fail(&mut wr, format!("setsid: {e}"));
            }
            // SAFETY: as above.
            match unsafe { fork() } {
                Err(e) => fail(&mut wr, format!("fork: {e}")),
                Ok(ForkResult::Parent { .. }) => std::process::exit(0),
                Ok(ForkResult::Child) => {}
            }
            if let Err(e) = chdir("/") {
                fail(&mut wr, format!("chdir /: {e}"));
            }
            if let Some(p) = pidfile
                && let Err(e) = write_pidfile(p)
            {
                fail(&mut wr, format!("{}: {e}", p.display()));
            }
            let null = match File::options().read(true).write(true).open("/dev/null") {
                Ok(f) => f,
                Err(e) => fail(&mut wr, format!("/dev/null: {e}")),
            };
            let r = nix::unistd::dup2_stdin(&null)
                .and_then(|()| nix::unistd::dup2_stdout(&null))
                .and_then(|()| nix::unistd::dup2_stderr(&null));
            if let Err(e) = r {
                fail(&mut wr, format!("dup2: {e}"));
            }
            let _ = wr.write_all(b"ok");
            Ok(Role::Supervisor)
        }
    }
}
