//! `upstart-tools fmt`: canonical layout of job files.

use super::files::{unified_diff, write_atomic};
use super::walk::{Entry, expand};
use super::{Status, eprint, stderr_color, write_stdout};
use crate::diag::Diagnostic;
use crate::load::{ParsedFile, read_file};
use crate::print::{NotFormatted, canonical};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files, or directories to walk for `.conf` and `.override`
    /// files as upstart does (`-` reads standard input).
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Exit 1 and show a diff when a file is not in canonical form.
    #[arg(long, conflicts_with = "write")]
    check: bool,
    /// Rewrite files in place (atomically) instead of printing them.
    #[arg(long)]
    write: bool,
}

enum Mode {
    Print,
    Check,
    Write,
}

pub(crate) fn run(args: Args) -> Status {
    let mode = if args.check {
        Mode::Check
    } else if args.write {
        Mode::Write
    } else {
        Mode::Print
    };
    if matches!(mode, Mode::Write) && args.files.iter().any(|f| f.as_os_str() == "-") {
        eprint("upstart-tools fmt: --write cannot rewrite standard input\n");
        return Status::Error;
    }
    let mut status = Status::Clean;
    for entry in expand(&args.files, |_| true) {
        status = status.max(match entry {
            Entry::File { path, .. } => one(&path, &mode),
            Entry::Unreadable { path, why } => {
                eprint(&format!(
                    "{}: error[UL903] cannot read: {why}\n",
                    path.display()
                ));
                Status::Error
            }
            Entry::Ignored { .. } => Status::Clean,
        });
    }
    status
}

fn one(path: &Path, mode: &Mode) -> Status {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        read_file(path)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprint(&format!("{name}: error[UL903] cannot read: {e}\n"));
            return Status::Error;
        }
    };
    let file = ParsedFile::from_bytes(path, bytes);
    let formatted = match canonical(&file.parsed, file.source.bytes()) {
        Ok(text) => text,
        Err(NotFormatted::Errors) => {
            for e in &file.parsed.errors {
                eprint(&Diagnostic::from_parse(&file.source, e).render(stderr_color(), 100));
            }
            eprint(&format!(
                "{name}: not formatted: fix the errors above first\n"
            ));
            return Status::Problems;
        }
        Err(NotFormatted::InvalidUtf8) => {
            eprint(&format!(
                "{name}: not formatted: the file has bytes that are not UTF-8 and formatting would replace them\n"
            ));
            return Status::Problems;
        }
        Err(NotFormatted::Nul) => {
            eprint(&format!(
                "{name}: not formatted: the file has NUL bytes, which upstart truncates script lines at; remove them first\n"
            ));
            return Status::Problems;
        }
        Err(NotFormatted::Print(e)) => {
            let (line, col) = file.source.line_col(e.span.start);
            eprint(&format!("{name}:{line}:{col}: not formatted: {e}\n"));
            return Status::Problems;
        }
        Err(NotFormatted::ChangesMeaning) => {
            // Never hand back text that means something else.
            eprint(&format!(
                "{name}: not formatted: the canonical form would change the job's meaning (a bug in upstart-tools; please report it)\n"
            ));
            return Status::Problems;
        }
    };
    let original = file.source.text();
    match mode {
        Mode::Print => {
            if let Err(e) = write_stdout(&formatted) {
                eprint(&format!("upstart-tools fmt: cannot write output: {e}\n"));
                return Status::Error;
            }
            Status::Clean
        }
        Mode::Check => {
            if formatted == original {
                return Status::Clean;
            }
            let diff = unified_diff(
                Some(original),
                &formatted,
                &name,
                &format!("{name} (formatted)"),
            );
            if let Err(e) = write_stdout(&diff) {
                eprint(&format!("upstart-tools fmt: cannot write output: {e}\n"));
                return Status::Error;
            }
            eprint(&format!("would reformat {name}\n"));
            Status::Problems
        }
        Mode::Write => {
            if formatted == original {
                return Status::Clean;
            }
            match write_atomic(path, formatted.as_bytes()) {
                Ok(()) => {
                    eprint(&format!("reformatted {name}\n"));
                    Status::Clean
                }
                Err(e) => {
                    eprint(&format!("{name}: error: cannot write: {e}\n"));
                    Status::Error
                }
            }
        }
    }
}
