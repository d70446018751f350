//! `upstart-lint` / `upstart-tools lint`: for now the syntax checks, i.e.
//! every parse error of every file as a diagnostic.

use super::{Status, eprint, stderr_color, write_stdout};
use crate::diag::Diagnostic;
use crate::load::{ParsedFile, file_kind, read_file};
use crate::syntax::Severity;
use std::io::Read;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// miette reports with the source snippet.
    Human,
    /// One line per problem: `file:line:col: severity[CODE]: message`.
    Concise,
    /// `{"version":1,"diagnostics":[...]}`.
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files or directories (walked for `*.conf` and `*.override`); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// File name to report for standard input.
    #[arg(long, value_name = "NAME", default_value = "-")]
    stdin_filename: String,
}

pub(crate) fn run(args: Args) -> Status {
    let mut diags = Vec::new();
    let mut io_failed = false;
    let mut inputs = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => inputs.push(ParsedFile::from_bytes(&args.stdin_filename, buf)),
                Err(e) => {
                    io_failed = true;
                    diags.push(Diagnostic::file_error(
                        "-",
                        "UL901",
                        format!("cannot read: {e}"),
                    ));
                }
            }
            continue;
        }
        if path.is_dir() {
            let mut walk: Vec<_> = walkdir::WalkDir::new(path)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .collect();
            for entry in walk.drain(..) {
                match entry {
                    Ok(e) if e.file_type().is_file() && file_kind(e.path()).is_some() => {
                        match read_file(e.path()) {
                            Ok(bytes) => inputs.push(ParsedFile::from_bytes(e.path(), bytes)),
                            Err(err) => {
                                io_failed = true;
                                diags.push(Diagnostic::file_error(
                                    &e.path().display().to_string(),
                                    "UL901",
                                    format!("cannot read: {err}"),
                                ));
                            }
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        io_failed = true;
                        let p = err.path().map_or_else(
                            || path.display().to_string(),
                            |p| p.display().to_string(),
                        );
                        diags.push(Diagnostic::file_error(
                            &p,
                            "UL901",
                            format!("cannot read: {err}"),
                        ));
                    }
                }
            }
            continue;
        }
        match read_file(path) {
            Ok(bytes) => inputs.push(ParsedFile::from_bytes(path, bytes)),
            Err(e) => {
                io_failed = true;
                diags.push(Diagnostic::file_error(
                    &path.display().to_string(),
                    "UL901",
                    format!("cannot read: {e}"),
                ));
            }
        }
    }
    for f in &inputs {
        diags.extend(
            f.parsed
                .errors
                .iter()
                .map(|e| Diagnostic::from_parse(&f.source, e)),
        );
    }
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let text = match args.format {
        Format::Human => {
            let color = stderr_color();
            let mut s: String = diags.iter().map(|d| d.render(color, 100)).collect();
            s.push_str(&format!(
                "{} file(s) checked, {} problem(s)\n",
                inputs.len(),
                diags.len()
            ));
            s
        }
        Format::Concise => diags.iter().map(|d| format!("{}\n", d.concise())).collect(),
        Format::Json => {
            let doc = serde_json::json!({"version": 1, "diagnostics": diags});
            format!("{doc}\n")
        }
    };
    if let Err(e) = write_stdout(&text) {
        eprint(&format!("upstart-lint: cannot write output: {e}\n"));
        return Status::Error;
    }
    if io_failed {
        Status::Error
    } else if errors {
        Status::Problems
    } else {
        Status::Clean
    }
}
