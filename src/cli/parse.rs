//! `upstart-tools parse FILE...`: the AST as versioned JSON.

use super::Status;
use super::walk::{Entry, expand};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::load::{FileKind, ParsedFile, override_path, read_file};
use crate::syntax::Dialect;
use serde::Serialize;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files, or directories to walk for `.conf` files as upstart does
    /// (`-` reads standard input).
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Do not parse the `.override` file beside each `.conf`.
    #[arg(long)]
    no_override: bool,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`.
    #[arg(long, value_enum)]
    dialect: Option<super::DialectArg>,
}

/// The JSON document; `version` changes only with an incompatible layout.
#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    jobs: Vec<JobOut<'a>>,
    errors: Vec<Diagnostic>,
}

#[derive(Serialize)]
struct JobOut<'a> {
    file: String,
    name: String,
    ast: &'a crate::ast::Job,
    #[serde(skip_serializing_if = "Option::is_none")]
    r#override: Option<OverrideOut<'a>>,
}

#[derive(Serialize)]
struct OverrideOut<'a> {
    file: String,
    ast: &'a crate::ast::Job,
}

/// The jobs named by `paths` (directories walked as upstart does), each
/// with the `.override` beside it unless `no_override`, parsed for
/// `dialect`; and a UL903 diagnostic for each input that could not be read.
pub(super) struct Loaded {
    pub files: Vec<(ParsedFile, Option<ParsedFile>, String)>,
    pub errors: Vec<Diagnostic>,
    pub io_failed: bool,
}

pub(super) fn read_jobs(paths: &[PathBuf], no_override: bool, dialect: Dialect) -> Loaded {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut io_failed = false;
    let parsed = |f: ParsedFile| ParsedFile {
        parsed: f.parsed.for_dialect(dialect),
        ..f
    };
    for entry in expand(paths, |k| k == FileKind::Conf) {
        let (path, name) = match entry {
            Entry::File { path, name } => (path, name),
            Entry::Unreadable { path, why } => {
                io_failed = true;
                errors.push(Diagnostic::file_error(
                    &path.display().to_string(),
                    Code::UL903,
                    format!("cannot read: {why}"),
                ));
                continue;
            }
            Entry::Ignored { .. } => continue,
        };
        let path = &path;
        let is_stdin = path.as_os_str() == "-";
        let bytes = if is_stdin {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            read_file(path)
        };
        match bytes {
            Ok(bytes) => {
                let conf = parsed(ParsedFile::from_bytes(path, bytes));
                let ovr_path = override_path(path);
                let ovr = if no_override || is_stdin || !ovr_path.is_file() {
                    None
                } else {
                    match ParsedFile::read(&ovr_path) {
                        Ok(o) => Some(parsed(o)),
                        Err(e) => {
                            io_failed = true;
                            errors.push(Diagnostic::file_error(
                                &ovr_path.display().to_string(),
                                Code::UL903,
                                format!("cannot read: {e}"),
                            ));
                            None
                        }
                    }
                };
                files.push((conf, ovr, name));
            }
            Err(e) => {
                io_failed = true;
                errors.push(Diagnostic::file_error(
                    &path.display().to_string(),
                    Code::UL903,
                    format!("cannot read: {e}"),
                ));
            }
        }
    }
    Loaded {
        files,
        errors,
        io_failed,
    }
}

pub(crate) fn run(args: Args) -> Status {
    let Loaded {
        files,
        mut errors,
        io_failed,
    } = read_jobs(
        &args.files,
        args.no_override,
        args.dialect.map_or_else(Dialect::default, Into::into),
    );
    let mut problems = false;
    let mut jobs = Vec::new();
    for (conf, ovr, name) in &files {
        for f in std::iter::once(conf).chain(ovr.iter()) {
            problems |= f.parsed.has_errors();
            errors.extend(
                f.parsed
                    .errors
                    .iter()
                    .map(|e| Diagnostic::from_parse(&f.source, e)),
            );
        }
        jobs.push(JobOut {
            file: conf.source.name.clone(),
            name: name.clone(),
            ast: &conf.parsed.job,
            r#override: ovr.as_ref().map(|o| OverrideOut {
                file: o.source.name.clone(),
                ast: &o.parsed.job,
            }),
        });
    }
    for d in &errors {
        super::eprint(&format!("{}\n", crate::diag::concise::line(d)));
    }
    let out = Output {
        version: 1,
        jobs,
        errors,
    };
    // Written as serialised: the JSON, many times the size of the jobs, is
    // never held whole.
    let mut stdout = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let written = if args.pretty {
        serde_json::to_writer_pretty(&mut stdout, &out)
    } else {
        serde_json::to_writer(&mut stdout, &out)
    };
    let written = written
        .map_err(std::io::Error::from)
        .and_then(|()| std::io::Write::write_all(&mut stdout, b"\n"))
        .and_then(|()| std::io::Write::flush(&mut stdout));
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            super::eprint(&format!("upstart-tools: cannot write output: {e}\n"));
            return Status::Error;
        }
        Ok(()) => {}
    }
    if io_failed {
        Status::Error
    } else if problems {
        Status::Problems
    } else {
        Status::Clean
    }
}
