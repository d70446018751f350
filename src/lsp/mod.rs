//! `upstart-tools lsp`: a language server over stdio on the linter's AST,
//! rules and fixes, so an editor shows what `upstart-lint` reports, at the
//! same places, as the file is typed.
//!
//! The protocol is `lsp-server` (framing, the initialize handshake) and
//! `lsp-types` (the messages), the crates rust-analyzer is built on; the
//! loop here is single-threaded: each message is handled in turn, and a
//! handler that panics is answered with an error (and logged) while the
//! server goes on.
//!
//! Diagnostics are published on open and after every change, from the
//! same entry point as `upstart-lint` ([`crate::lint::lint`]) with the
//! other jobs of the set as context. On a change the passes that run an
//! external program (shellcheck) are left out, and run once the client has
//! been idle for [`IDLE`], as do the other open jobs whose context changed.

mod actions;
mod complete;
mod diagnostics;
mod navigate;
mod server;
mod state;
mod text;
mod uri;

pub use server::{CRASH_TEST_ENV, run};

/// How long the client must be quiet before the slow passes run.
pub const IDLE: std::time::Duration = std::time::Duration::from_millis(300);
