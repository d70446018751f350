//! `upstart-tools graph PATH...`: the job/event graph as DOT or SVG.

use super::upstart2systemd::{collect, print_parse_errors};
use super::{Status, eprint, write_stdout};
use crate::graph::Graph;
use crate::load::LoadedJob;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Graphviz DOT text.
    #[default]
    Dot,
    /// SVG, rendered by Graphviz's `dot` (must be installed).
    Svg,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files or directories (walked for .conf files, as upstart loads them).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE when it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Status {
    let (jobs, mut status) = collect(&args.paths);
    let loaded: Vec<LoadedJob> = jobs
        .iter()
        .filter_map(|j| match LoadedJob::load(&j.path, j.name.clone()) {
            Ok(l) => Some(l),
            Err(e) => {
                eprint(&format!(
                    "{}: error[UL903] cannot read: {e}\n",
                    j.path.display()
                ));
                status = Status::Error;
                None
            }
        })
        .collect();
    let mut graph = Graph::default();
    for job in &loaded {
        if job.conf.parsed.has_errors() {
            print_parse_errors(&job.conf);
            eprint(&format!(
                "{}: not drawn: upstart rejects this job (fix the errors above first)\n",
                job.conf.path.display()
            ));
            status = status.max(Status::Problems);
            continue;
        }
        graph.add(&job.name, &job.resolved());
    }
    let dot = graph.to_dot();
    let bytes = match args.format {
        Format::Dot => dot.into_bytes(),
        Format::Svg => match render_svg(&dot) {
            Ok(svg) => svg,
            Err(why) => {
                eprint(&format!("graph: {why}\n"));
                return Status::Error;
            }
        },
    };
    match &args.output {
        None => {
            if write_stdout(&String::from_utf8_lossy(&bytes)).is_err() {
                return Status::Error;
            }
        }
        Some(path) => {
            let shown = path.display();
            if path.exists() && !args.force {
                eprint(&format!(
                    "{shown}: error: exists; not overwritten (use --force)\n"
                ));
                return Status::Error;
            }
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            if let Err(e) = super::files::create_atomic(path, dir, &bytes) {
                eprint(&format!("{shown}: error: cannot write: {e}\n"));
                return Status::Error;
            }
        }
    }
    status
}

/// Pipe DOT through `dot -Tsvg`.
fn render_svg(dot: &str) -> Result<Vec<u8>, String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "--format svg needs Graphviz's `dot` on PATH; install graphviz (apt-get install graphviz) or use --format dot".to_string()
            } else {
                format!("cannot run dot: {e}")
            }
        })?;
    // A large graph can fill both pipes: write from a thread while reading.
    let mut stdin = child.stdin.take().ok_or("dot: no stdin")?;
    let text = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("dot failed: {e}"))?;
    let _ = writer.join();
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "dot failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}
