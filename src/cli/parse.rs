//! `upstart-tools parse FILE...`: the AST as versioned JSON.

use super::Status;
use super::walk::{Entry, expand};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::load::{FileKind, ParsedFile, override_path, read_file};
use crate::syntax::Dialect;
use serde::Serialize;
use std::cell::{Cell, RefCell};
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
    jobs: Streamed<'a>,
    errors: Errors<'a>,
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
    for entry in expand(paths, |k| k == FileKind::Conf) {
        let (job, unread) = read_entry(entry, no_override, dialect);
        files.extend(job);
        errors.extend(unread);
    }
    Loaded {
        io_failed: !errors.is_empty(),
        files,
        errors,
    }
}

/// A job of [`read_jobs`]: the `.conf`, its `.override`, the job name.
type JobFiles = (ParsedFile, Option<ParsedFile>, String);

/// One entry of the walk, read and parsed: the job, if its `.conf` could
/// be read, and a UL903 diagnostic for each file that could not.
fn read_entry(
    entry: Entry,
    no_override: bool,
    dialect: Dialect,
) -> (Option<JobFiles>, Vec<Diagnostic>) {
    let unreadable = |path: &std::path::Path, why: &dyn std::fmt::Display| {
        Diagnostic::file_error(
            &path.display().to_string(),
            Code::UL903,
            format!("cannot read: {why}"),
        )
    };
    let parsed = |f: ParsedFile| ParsedFile {
        parsed: f.parsed.for_dialect(dialect),
        ..f
    };
    let (path, name) = match entry {
        Entry::File { path, name } => (path, name),
        Entry::Unreadable { path, why } => return (None, vec![unreadable(&path, &why)]),
        Entry::Ignored { .. } => return (None, Vec::new()),
    };
    let is_stdin = path.as_os_str() == "-";
    let bytes = if is_stdin {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        read_file(&path)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return (None, vec![unreadable(&path, &e)]),
    };
    let conf = parsed(ParsedFile::from_bytes(&path, bytes));
    let ovr_path = override_path(&path);
    let mut errors = Vec::new();
    let ovr = if no_override || is_stdin || !ovr_path.is_file() {
        None
    } else {
        match ParsedFile::read(&ovr_path) {
            Ok(o) => Some(parsed(o)),
            Err(e) => {
                errors.push(unreadable(&ovr_path, &e));
                None
            }
        }
    };
    (Some((conf, ovr, name)), errors)
}

/// The `jobs` array of the output, read, parsed and written one job at a
/// time: the run holds one job and its JSON, never the whole set.
struct Streamed<'a> {
    entries: RefCell<Vec<Entry>>,
    no_override: bool,
    dialect: Dialect,
    /// UL903 for what could not be read, in walk order.
    unread: &'a RefCell<Vec<Diagnostic>>,
    /// The parse errors of the jobs, in walk order.
    parse_errors: &'a RefCell<Vec<Diagnostic>>,
    /// Some file upstart would reject.
    problems: &'a Cell<bool>,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for entry in std::mem::take(&mut *self.entries.borrow_mut()) {
            let (job, unread) = read_entry(entry, self.no_override, self.dialect);
            self.unread.borrow_mut().extend(unread);
            let Some((conf, ovr, name)) = job else {
                continue;
            };
            for f in std::iter::once(&conf).chain(ovr.iter()) {
                self.problems
                    .set(self.problems.get() | f.parsed.has_errors());
                self.parse_errors.borrow_mut().extend(
                    f.parsed
                        .errors
                        .iter()
                        // Printed as JSON and concise lines only, after
                        // every job: the files' texts need not wait.
                        .map(|e| Diagnostic::from_parse(&f.source, e).without_source()),
                );
            }
            seq.serialize_element(&JobOut {
                file: conf.source.name.clone(),
                name,
                ast: &conf.parsed.job,
                r#override: ovr.as_ref().map(|o| OverrideOut {
                    file: o.source.name.clone(),
                    ast: &o.parsed.job,
                }),
            })?;
        }
        seq.end()
    }
}

/// The `errors` array: what could not be read, then the parse errors.
struct Errors<'a> {
    unread: &'a RefCell<Vec<Diagnostic>>,
    parse_errors: &'a RefCell<Vec<Diagnostic>>,
}

impl Serialize for Errors<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.unread
                .borrow()
                .iter()
                .chain(self.parse_errors.borrow().iter()),
        )
    }
}

pub(crate) fn run(args: Args) -> Status {
    let unread = RefCell::new(Vec::new());
    let parse_errors = RefCell::new(Vec::new());
    let problems = Cell::new(false);
    let out = Output {
        version: 1,
        jobs: Streamed {
            entries: RefCell::new(expand(&args.files, |k| k == FileKind::Conf)),
            no_override: args.no_override,
            dialect: args.dialect.map_or_else(Dialect::default, Into::into),
            unread: &unread,
            parse_errors: &parse_errors,
            problems: &problems,
        },
        errors: Errors {
            unread: &unread,
            parse_errors: &parse_errors,
        },
    };
    // Written as serialised: the JSON, many times the size of the jobs, is
    // never held whole, nor are the jobs.
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
    for d in unread.borrow().iter().chain(parse_errors.borrow().iter()) {
        super::eprint(&format!("{}\n", crate::diag::concise::line(d)));
    }
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            super::eprint(&format!("upstart-tools: cannot write output: {e}\n"));
            return Status::Error;
        }
        Ok(()) => {}
    }
    if !unread.borrow().is_empty() {
        Status::Error
    } else if problems.get() {
        Status::Problems
    } else {
        Status::Clean
    }
}
