//! `upstart-tools show [--format text|json|upstart-json] PATH...`: the job
//! as upstart resolves it (last stanza wins, `env` list, process table,
//! numbers as stored), which `initctl show-config` never showed in full.

use super::parse::{Loaded, read_jobs};
use super::{Status, eprint, write_stdout};
use crate::ast::resolve;
use crate::diag::Diagnostic;
use crate::diag::Severity;
use crate::show::{Named, Stored, text};
use crate::syntax::Dialect;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One setting a line, for people.
    #[default]
    Text,
    /// `{"version":1,"jobs":[…]}` with names for enum values and signals.
    Json,
    /// One JSON object a line, exactly as upstart stores the job: the shape
    /// of the conformance data recorded from upstart 1.13.2.
    UpstartJson,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files, or directories to walk for `.conf` files as upstart does
    /// (`-` reads standard input).
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Do not merge the `.override` file beside each `.conf`.
    #[arg(long)]
    no_override: bool,
    /// Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`.
    #[arg(long, value_enum)]
    dialect: Option<super::DialectArg>,
}

pub(crate) fn run(args: Args) -> Status {
    let Loaded {
        files,
        errors: mut diagnostics,
        io_failed,
    } = read_jobs(
        &args.files,
        args.no_override,
        args.dialect.map_or_else(Dialect::default, Into::into),
    );
    let mut rejected = false;
    let mut out = String::new();
    let mut named = Vec::new();
    for (conf, ovr, name) in &files {
        for f in std::iter::once(conf).chain(ovr.iter()) {
            diagnostics.extend(
                f.parsed
                    .errors
                    .iter()
                    .map(|e| Diagnostic::from_parse(&f.source, e)),
            );
        }
        // Upstart does not create a job whose file it rejects, and ignores
        // an override that it rejects (the `.conf` alone applies).
        if conf.parsed.has_errors() {
            rejected = true;
            continue;
        }
        let mut jobs = vec![&conf.parsed.job];
        match ovr {
            Some(o) if o.parsed.has_errors() => rejected = true,
            Some(o) => jobs.push(&o.parsed.job),
            None => {}
        }
        let resolved = resolve(&jobs);
        let file = conf.source.name.as_str();
        match args.format {
            Format::UpstartJson => match serde_json::to_string(&Stored::new(file, &resolved)) {
                Ok(line) => {
                    out.push_str(&line);
                    out.push('\n');
                }
                Err(e) => {
                    eprint(&format!("upstart-tools: cannot encode JSON: {e}\n"));
                    return Status::Error;
                }
            },
            Format::Json => named.push(Named::new(file, name, &resolved)),
            Format::Text => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&text(&Named::new(file, name, &resolved)));
            }
        }
    }
    if args.format == Format::Json {
        #[derive(serde::Serialize)]
        struct Doc<'a> {
            version: u32,
            jobs: &'a [Named],
        }
        match serde_json::to_string_pretty(&Doc {
            version: 1,
            jobs: &named,
        }) {
            Ok(text) => {
                out = text;
                out.push('\n');
            }
            Err(e) => {
                eprint(&format!("upstart-tools: cannot encode JSON: {e}\n"));
                return Status::Error;
            }
        }
    }
    for d in &diagnostics {
        eprint(&format!("{}\n", crate::diag::concise::line(d)));
    }
    if let Err(e) = write_stdout(&out) {
        eprint(&format!("upstart-tools: cannot write output: {e}\n"));
        return Status::Error;
    }
    let errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    if io_failed {
        Status::Error
    } else if rejected || errors {
        Status::Problems
    } else {
        Status::Clean
    }
}
