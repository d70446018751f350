//! `console log`: every process of the job writes into one pseudo-terminal
//! that the supervisor drains into `<log dir>/<job>.log`, as upstart's own
//! logger does. A terminal, not a pipe: programs line-buffer their output
//! on a terminal (a Python program killed by TERM keeps what it printed),
//! and lines end in `\r\n` in the log exactly as under upstart. The job never writes the file itself, so a log that cannot be
//! written (full disk, read-only or missing directory) is reported by the
//! supervisor and the job keeps running instead of dying on EPIPE/ENOSPC.

use nix::fcntl::{FcntlArg, OFlag, fcntl};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

pub(super) struct Log {
    job: String,
    path: PathBuf,
    /// The pty's master side, read by us.
    read: File,
    /// The pty's slave side, duplicated into each process as stdout and
    /// stderr. Holding it open keeps the master readable between processes.
    write: OwnedFd,
    file: Option<File>,
    /// The last error reported, so a full disk is reported once, not per line.
    reported: Option<ErrorKind>,
}

impl Log {
    /// A log for `job` written to `path` (created on the first output, as
    /// upstart does: a job that prints nothing leaves no file).
    ///
    /// # Errors
    /// When the pseudo-terminal cannot be made.
    pub(super) fn new(job: &str, path: PathBuf) -> nix::Result<Self> {
        let pty = nix::pty::openpty(None, None)?;
        let (read, write) = (pty.master, pty.slave);
        for fd in [&read, &write] {
            fcntl(fd, FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC))?;
        }
        // Only our end is non-blocking: the job's writes block when the
        // terminal's buffer is full, and lose nothing.
        fcntl(&read, FcntlArg::F_SETFL(OFlag::O_NONBLOCK))?;
        Ok(Self {
            job: job.to_string(),
            path,
            read: File::from(read),
            write,
            file: None,
            reported: None,
        })
    }

    /// A write end for one process's stdout or stderr.
    ///
    /// # Errors
    /// When the descriptor cannot be duplicated.
    pub(super) fn writer(&self) -> std::io::Result<OwnedFd> {
        self.write.try_clone()
    }

    /// The terminal's writing side, as a job's stdout and stderr.
    pub(super) fn write_fd(&self) -> BorrowedFd<'_> {
        self.write.as_fd()
    }

    pub(super) fn read_fd(&self) -> BorrowedFd<'_> {
        self.read.as_fd()
    }

    /// Move everything in the pipe to the log file.
    pub(super) fn drain(&mut self) {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match self.read.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => self.append(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // WouldBlock: drained. (EIO cannot happen while we hold
                // the slave side.)
                Err(_) => return,
            }
        }
    }

    fn append(&mut self, bytes: &[u8]) {
        let res = self.open().and_then(|f| f.write_all(bytes));
        match res {
            Ok(()) => self.reported = None,
            Err(e) => {
                // Reopen next time: the file may have been removed or rotated.
                self.file = None;
                if self.reported != Some(e.kind()) {
                    eprintln!(
                        "{}: cannot write log {}: {e}; output is discarded until it can be written",
                        self.job,
                        self.path.display()
                    );
                    self.reported = Some(e.kind());
                }
            }
        }
    }

    fn open(&mut self) -> std::io::Result<&mut File> {
        if self.file.is_none() {
            if let Some(dir) = self.path.parent()
                && !dir.as_os_str().is_empty()
                && !dir.exists()
            {
                // /var/log/upstart is missing on hosts without upstart.
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o755)
                    .create(dir)?;
            }
            let f = OpenOptions::new()
                .append(true)
                .create(true)
                .mode(0o640)
                .open(&self.path)?;
            // 0640 whatever our umask, as upstart's log files are.
            if f.metadata()?.len() == 0 {
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(0o640))?;
            }
            self.file = Some(f);
        }
        self.file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("log file not open"))
    }
}

/// The newest log of `job` in `dir`: `<job>.log`, or an instance's
/// `<job>-<instance>.log` (named as `spawn::log_name` names them).
#[must_use]
pub fn newest_log(dir: &std::path::Path, job: &str) -> Option<PathBuf> {
    let plain = super::spawn::log_name(job, "");
    let instance_prefix = format!("{}-", plain.trim_end_matches(".log"));
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name == plain || (name.starts_with(&instance_prefix) && name.ends_with(".log"))
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

/// The reason a job failed is usually in its log, a file the user may never
/// have heard of: print its last lines on stderr, and where it is.
pub fn print_tail(path: &std::path::Path) {
    let Some(lines) = last_lines(path, 10) else {
        return;
    };
    eprintln!("upstart-run: the last lines of {}:", path.display());
    for line in lines {
        eprintln!("  | {line}");
    }
}

/// The last `n` lines of the log at `path`, without the terminal's `\r`.
fn last_lines(path: &std::path::Path, n: usize) -> Option<Vec<String>> {
    use std::io::{Seek, SeekFrom};
    let mut f = File::open(path).ok()?;
    // The end is enough: a log can be large.
    let len = f.metadata().ok()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(16 * 1024)))
        .ok()?;
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let start = lines.len().saturating_sub(n);
    Some(lines[start..].iter().map(|l| (*l).to_string()).collect())
}
