//! `upstart-tools lsp`: the language server, on stdin and stdout.

use super::{Status, eprint};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Speak the protocol on standard input and output (the only transport; accepted for clients that pass it).
    #[arg(long)]
    stdio: bool,
}

pub(crate) fn run(_args: &Args) -> Status {
    match crate::lsp::run() {
        Ok(true) => Status::Clean,
        // `exit` without `shutdown`, or the client went away: status 1,
        // as the protocol asks.
        Ok(false) => Status::Problems,
        Err(e) => {
            eprint(&format!("upstart-tools lsp: {e}\n"));
            Status::Error
        }
    }
}
