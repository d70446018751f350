//! The client side: send one request, wait for its reply.

use super::protocol::{Reply, Request};
use nix::sys::socket::{MsgFlags, send as send_bytes};
use std::io::{self, ErrorKind, Read};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::path::Path;

/// Send `request` to the server listening on `path` and wait for its reply
/// (as initctl does, without a time limit: `start` waits for the job).
///
/// # Errors
/// No server listens on `path` (the message says how to start one), the
/// socket cannot be reached, or the server closed without a valid reply.
pub fn send(path: &Path, request: &Request) -> io::Result<Reply> {
    let mut stream = UnixStream::connect(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound | ErrorKind::ConnectionRefused => io::Error::new(
            e.kind(),
            format!(
                "no upstart-run is listening on {}: start one with `upstart-run --foreground DIR`",
                path.display()
            ),
        ),
        _ => io::Error::new(
            e.kind(),
            format!("cannot connect to {}: {e}", path.display()),
        ),
    })?;
    let mut line = serde_json::to_vec(request)?;
    line.push(b'\n');
    // A server that refuses us (permission) may close before reading: the
    // write then fails (without SIGPIPE) and its answer is still read.
    let mut rest = &line[..];
    while !rest.is_empty() {
        match send_bytes(stream.as_raw_fd(), rest, MsgFlags::MSG_NOSIGNAL) {
            Ok(0) => break,
            Ok(n) => rest = &rest[n..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(_) => break,
        }
    }
    let mut text = Vec::new();
    let read = stream.read_to_end(&mut text);
    let first = text.split(|&b| b == b'\n').next().unwrap_or_default();
    if first.is_empty() {
        let why = match read {
            Err(e) => e.to_string(),
            Ok(_) => "no answer".to_string(),
        };
        return Err(io::Error::new(
            ErrorKind::UnexpectedEof,
            format!(
                "the upstart-run listening on {} closed the connection: {why}",
                path.display()
            ),
        ));
    }
    serde_json::from_slice(first).map_err(|e| {
        io::Error::new(
            ErrorKind::InvalidData,
            format!(
                "the upstart-run listening on {} answered something else than a reply: {e}",
                path.display()
            ),
        )
    })
}
