//! `upstart-tools rules`: every rule code with its name, default severity,
//! whether it runs by default, whether `--fix` fixes it, and its summary.

use super::{Status, eprint, write_stdout};
use crate::lint::output::rules;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// An aligned table, one rule a line.
    Text,
    /// A versioned JSON document.
    Json,
}

pub(crate) fn run(args: &Args) -> Status {
    let text = match args.format {
        FormatArg::Text => rules::render_text(),
        FormatArg::Json => rules::render_json(),
    };
    if let Err(e) = write_stdout(&text) {
        eprint(&format!("upstart-tools: cannot write output: {e}\n"));
        return Status::Error;
    }
    Status::Clean
}
