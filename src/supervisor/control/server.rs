//! The control socket `upstart-run` listens on.
//!
//! Nothing here blocks the driver for long. The listening socket and every
//! connection still sending its request are non-blocking: the driver polls
//! [`Server::fds`] (with at most [`Server::poll_timeout`]) and calls
//! [`Server::accept_ready`] when one is readable, which accepts, reads what
//! has arrived and hands out each complete request. A connection that has
//! not sent its whole line within [`READ_TIMEOUT`], or sends more than
//! [`MAX_REQUEST`] bytes, gets an error reply and is closed. Requests wait
//! for [`Server::reply`], which writes the answer (a client that has gone
//! away is ignored, without SIGPIPE) and closes the connection.
//!
//! Only our own user and root may talk to us: the socket file is 0600 in a
//! 0700 directory, and the peer's uid (`SO_PEERCRED`) is checked as well.

use super::protocol::{ClientId, Reply, Request};
use nix::sys::socket::{MsgFlags, getsockopt, send, sockopt};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, ErrorKind, Read};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest request line accepted.
pub const MAX_REQUEST: usize = 64 * 1024;
/// How long a connection may take to send its request line.
pub const READ_TIMEOUT: Duration = Duration::from_secs(1);
/// How long writing a reply may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(1);

/// Who sent a request (`SO_PEERCRED`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Peer {
    pub pid: i32,
    pub uid: u32,
}

/// A connection still sending its request line.
struct Reading {
    stream: UnixStream,
    buf: Vec<u8>,
    peer: Peer,
    deadline: Instant,
}

/// The listening control socket and its connections.
pub struct Server {
    path: PathBuf,
    listener: UnixListener,
    /// (device, inode) of the socket file we created: Drop removes only it.
    file: (u64, u64),
    next_id: ClientId,
    reading: BTreeMap<ClientId, Reading>,
    /// Requests handed out, waiting for their reply.
    waiting: HashMap<ClientId, UnixStream>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("path", &self.path)
            .field("reading", &self.reading.len())
            .field("waiting", &self.waiting.len())
            .finish_non_exhaustive()
    }
}

fn error(kind: ErrorKind, message: String) -> io::Error {
    io::Error::new(kind, message)
}

fn ours(uid: u32) -> bool {
    uid == 0 || uid == nix::unistd::geteuid().as_raw()
}

/// Create `dir` (0700, with missing parents) if it is missing; refuse a
/// directory owned by another user (someone could replace our socket).
fn private_dir(dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| error(e.kind(), format!("cannot create {}: {e}", dir.display())))?;
    }
    let meta =
        std::fs::metadata(dir).map_err(|e| error(e.kind(), format!("{}: {e}", dir.display())))?;
    if !meta.is_dir() {
        return Err(error(
            ErrorKind::NotADirectory,
            format!("{} is not a directory", dir.display()),
        ));
    }
    if !ours(meta.uid()) {
        return Err(error(
            ErrorKind::PermissionDenied,
            format!(
                "{} belongs to uid {}, not to us: not putting the control socket there",
                dir.display(),
                meta.uid()
            ),
        ));
    }
    Ok(())
}

impl Server {
    /// Listen on `path`: create its directory (0700) if missing, replace a
    /// stale socket (one nothing listens on), refuse when another server
    /// listens there or the path is not a socket, and make the socket file
    /// 0600. The socket is non-blocking and close-on-exec.
    ///
    /// # Errors
    /// The directory cannot be made or is another user's, another server
    /// listens on `path`, `path` is something else than a socket, or the
    /// socket cannot be bound.
    pub fn bind(path: &Path) -> io::Result<Self> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        private_dir(dir)?;
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_socket() => match UnixStream::connect(path) {
                Ok(_) => {
                    return Err(error(
                        ErrorKind::AddrInUse,
                        format!(
                            "another upstart-run is listening on {}: stop it, or give this one another --control PATH",
                            path.display()
                        ),
                    ));
                }
                Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
                    std::fs::remove_file(path).map_err(|e| {
                        error(
                            e.kind(),
                            format!("cannot remove stale socket {}: {e}", path.display()),
                        )
                    })?;
                }
                Err(e) => {
                    return Err(error(
                        e.kind(),
                        format!("cannot check socket {}: {e}", path.display()),
                    ));
                }
            },
            Ok(_) => {
                return Err(error(
                    ErrorKind::AlreadyExists,
                    format!(
                        "{} exists and is not a socket: not replacing it",
                        path.display()
                    ),
                ));
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(error(e.kind(), format!("{}: {e}", path.display()))),
        }
        // std binds with SOCK_CLOEXEC.
        let listener = UnixListener::bind(path).map_err(|e| {
            error(
                e.kind(),
                format!("cannot listen on {}: {e}", path.display()),
            )
        })?;
        let made = (|| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
            listener.set_nonblocking(true)?;
            std::fs::symlink_metadata(path)
        })();
        let meta = match made {
            Ok(m) => m,
            Err(e) => {
                let _ = std::fs::remove_file(path);
                return Err(error(e.kind(), format!("{}: {e}", path.display())));
            }
        };
        Ok(Self {
            path: path.to_path_buf(),
            listener,
            file: (meta.dev(), meta.ino()),
            next_id: 1,
            reading: BTreeMap::new(),
            waiting: HashMap::new(),
        })
    }

    /// The socket's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The listening socket: readable when a client connects.
    #[must_use]
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.listener.as_fd()
    }

    /// Every descriptor to poll for reading: the listening socket and the
    /// connections still sending their request. Call
    /// [`accept_ready`](Self::accept_ready) when any is readable.
    #[must_use]
    pub fn fds(&self) -> Vec<BorrowedFd<'_>> {
        std::iter::once(self.listener.as_fd())
            .chain(self.reading.values().map(|r| r.stream.as_fd()))
            .collect()
    }

    /// How long the driver may sleep before [`accept_ready`](Self::accept_ready)
    /// must run again to time out a silent connection; `None` when no
    /// connection is being read.
    #[must_use]
    pub fn poll_timeout(&self) -> Option<Duration> {
        let now = Instant::now();
        self.reading
            .values()
            .map(|r| r.deadline.saturating_duration_since(now))
            .min()
    }

    /// Requests handed out and not answered yet.
    #[must_use]
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Accept pending connections, read what they have sent, and return
    /// the complete requests in the order they connected. Each must get a
    /// [`reply`](Self::reply). A peer that is neither our user nor root,
    /// a malformed or oversized line, and a connection silent past
    /// [`READ_TIMEOUT`] are answered with an error here and closed.
    pub fn accept_ready(&mut self) -> Vec<(ClientId, Request, Peer)> {
        self.accept_pending();
        let now = Instant::now();
        let mut done = Vec::new();
        let ids: Vec<ClientId> = self.reading.keys().copied().collect();
        for id in ids {
            let Some(mut conn) = self.reading.remove(&id) else {
                continue;
            };
            match read_some(&mut conn) {
                Progress::Line(line) => match serde_json::from_slice::<Request>(&line) {
                    Ok(request) => {
                        let _ = conn.stream.set_nonblocking(false);
                        done.push((id, request, conn.peer));
                        self.waiting.insert(id, conn.stream);
                    }
                    Err(e) => answer(
                        &conn.stream,
                        &Reply::error(&format!("malformed request: {e}")),
                    ),
                },
                Progress::TooLong => answer(
                    &conn.stream,
                    &Reply::error(&format!(
                        "request longer than {MAX_REQUEST} bytes: not read"
                    )),
                ),
                Progress::Closed => {}
                Progress::More if now >= conn.deadline => answer(
                    &conn.stream,
                    &Reply::error(&format!(
                        "no complete request within {} s: closed",
                        READ_TIMEOUT.as_secs()
                    )),
                ),
                Progress::More => {
                    self.reading.insert(id, conn);
                }
            }
        }
        done
    }

    fn accept_pending(&mut self) {
        loop {
            let stream = match self.listener.accept() {
                Ok((s, _)) => s,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                // WouldBlock, or a failure (e.g. EMFILE) that the next
                // readable event retries.
                Err(_) => return,
            };
            let Ok(cred) = getsockopt(&stream, sockopt::PeerCredentials) else {
                continue;
            };
            let peer = Peer {
                pid: cred.pid(),
                uid: cred.uid(),
            };
            if !ours(peer.uid) {
                answer(&stream, &Reply::error("Permission denied"));
                continue;
            }
            if stream.set_nonblocking(true).is_err() {
                continue;
            }
            let id = self.next_id;
            self.next_id += 1;
            self.reading.insert(
                id,
                Reading {
                    stream,
                    buf: Vec::new(),
                    peer,
                    deadline: Instant::now() + READ_TIMEOUT,
                },
            );
        }
    }

    /// Answer request `id` and close its connection. An unknown id (already
    /// answered) and a client that went away are ignored.
    pub fn reply(&mut self, id: ClientId, reply: &Reply) {
        if let Some(stream) = self.waiting.remove(&id) {
            answer(&stream, reply);
        }
    }

    /// Wait until one of [`fds`](Self::fds) is readable or `timeout` (or
    /// the next read deadline) passes. For a server with nothing else to
    /// watch; the driver polls `fds` in its own loop instead.
    ///
    /// # Errors
    /// When `poll` fails (other than by a signal).
    pub fn wait(&self, timeout: Duration) -> io::Result<()> {
        use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
        let timeout = self.poll_timeout().map_or(timeout, |t| t.min(timeout));
        let fds = self.fds();
        let mut polled: Vec<PollFd> = fds
            .iter()
            .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
            .collect();
        let ms = u16::try_from(timeout.as_millis()).unwrap_or(u16::MAX);
        match poll(&mut polled, PollTimeout::from(ms)) {
            Ok(_) | Err(nix::errno::Errno::EINTR) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Only the file we made: another server may have replaced it.
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.file) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

enum Progress {
    /// A complete request line (without its newline).
    Line(Vec<u8>),
    /// Nothing more to read now; the line is not complete.
    More,
    /// More than [`MAX_REQUEST`] bytes without a newline.
    TooLong,
    /// The client closed without sending anything (or a read failed).
    Closed,
}

fn read_some(conn: &mut Reading) -> Progress {
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = conn.buf.iter().position(|&b| b == b'\n') {
            conn.buf.truncate(end);
            return Progress::Line(std::mem::take(&mut conn.buf));
        }
        if conn.buf.len() > MAX_REQUEST {
            return Progress::TooLong;
        }
        match conn.stream.read(&mut chunk) {
            // A last line without its newline is still a request.
            Ok(0) if conn.buf.is_empty() => return Progress::Closed,
            Ok(0) => return Progress::Line(std::mem::take(&mut conn.buf)),
            Ok(n) => conn.buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => return Progress::More,
            Err(_) => return Progress::Closed,
        }
    }
}

/// Write `reply` as one JSON line, blocking at most [`WRITE_TIMEOUT`] per
/// write; errors (the client went away) are ignored, and never raise
/// SIGPIPE (`MSG_NOSIGNAL`). The caller drops (closes) the stream.
fn answer(stream: &UnixStream, reply: &Reply) {
    let Ok(mut line) = serde_json::to_vec(reply) else {
        return;
    };
    line.push(b'\n');
    if stream.set_nonblocking(false).is_err()
        || stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
    {
        return;
    }
    let mut rest = &line[..];
    while !rest.is_empty() {
        match send(stream.as_raw_fd(), rest, MsgFlags::MSG_NOSIGNAL) {
            Ok(0) => return,
            Ok(n) => rest = &rest[n..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Run the server until `n` requests came or 5 s passed.
    fn collect(server: &mut Server, n: usize) -> Vec<(ClientId, Request, Peer)> {
        let end = Instant::now() + Duration::from_secs(5);
        let mut got = Vec::new();
        while got.len() < n && Instant::now() < end {
            server.wait(Duration::from_millis(50)).expect("poll");
            got.extend(server.accept_ready());
        }
        got
    }

    fn read_reply(stream: &mut UnixStream) -> Reply {
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut text = String::new();
        stream.read_to_string(&mut text).expect("read reply");
        serde_json::from_str(text.trim_end()).expect("reply JSON")
    }

    #[test]
    fn a_request_is_handed_out_and_answered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/control");
        let mut server = Server::bind(&path).expect("bind");
        let mode = std::fs::metadata(dir.path().join("sub"))
            .expect("dir")
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        let mut c = UnixStream::connect(&path).expect("connect");
        // Sent in two pieces: the server keeps the first until the newline.
        c.write_all(br#"{"verb":"li"#).expect("write");
        let got = collect(&mut server, 0);
        assert!(got.is_empty());
        c.write_all(b"st\"}\n").expect("write");
        let got = collect(&mut server, 1);
        assert_eq!(got.len(), 1);
        let (id, request, peer) = &got[0];
        assert_eq!(*request, Request::List);
        assert_eq!(peer.pid, i32::try_from(std::process::id()).expect("pid"));
        assert_eq!(server.waiting(), 1);
        server.reply(*id, &Reply::ok("x\n"));
        assert_eq!(read_reply(&mut c), Reply::ok("x\n"));
        assert_eq!(server.waiting(), 0);
        drop(server);
        assert!(!path.exists(), "Drop removes the socket");
    }

    #[test]
    fn a_silent_client_times_out_and_a_huge_one_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("control");
        let mut server = Server::bind(&path).expect("bind");
        let mut silent = UnixStream::connect(&path).expect("connect");
        let mut huge = UnixStream::connect(&path).expect("connect");
        let big = vec![b' '; MAX_REQUEST + 10];
        let writer = std::thread::spawn(move || {
            let _ = huge.write_all(&big);
            huge
        });
        let start = Instant::now();
        while server.poll_timeout().is_none() && start.elapsed() < Duration::from_secs(5) {
            server.wait(Duration::from_millis(50)).expect("poll");
            assert!(server.accept_ready().is_empty());
        }
        while server.poll_timeout().is_some() && start.elapsed() < Duration::from_secs(5) {
            server.wait(Duration::from_millis(200)).expect("poll");
            assert!(server.accept_ready().is_empty());
        }
        assert!(start.elapsed() >= READ_TIMEOUT);
        assert!(start.elapsed() < Duration::from_secs(4));
        let r = read_reply(&mut silent);
        assert!(r.stderr.contains("no complete request"), "{r:?}");
        let mut huge = writer.join().expect("writer");
        let r = read_reply(&mut huge);
        assert!(r.stderr.contains("longer than"), "{r:?}");
        assert_eq!(r.status, 1);
    }

    #[test]
    fn a_regular_file_is_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("control");
        std::fs::write(&path, "keep").expect("write");
        let e = Server::bind(&path).expect_err("not a socket");
        assert!(e.to_string().contains("not a socket"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep");
    }

    #[test]
    fn a_reply_to_a_client_that_left_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("control");
        let mut server = Server::bind(&path).expect("bind");
        let mut c = UnixStream::connect(&path).expect("connect");
        c.write_all(b"{\"verb\":\"version\"}\n").expect("write");
        let got = collect(&mut server, 1);
        drop(c);
        // No SIGPIPE, no panic.
        server.reply(got[0].0, &Reply::ok("a".repeat(1 << 20)));
        server.reply(got[0].0, &Reply::ok(""));
    }
}
