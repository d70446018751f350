//! `upstart-tools graph PATH...`: the job/event graph as DOT or SVG.

use super::upstart2systemd::{collect, print_parse_errors};
use super::{Status, eprint, write_stdout};
use crate::graph::focus::DEFAULT_DEPTH;
use crate::graph::{DotOptions, Graph, GroupBy};
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GroupArg {
    /// By the job's directory (`net/if-up` in `net/`).
    Directory,
    /// By the moment the job starts: startup, filesystems, devices, network, runlevel, other system events, other jobs, custom events, by hand.
    Start,
}

impl From<GroupArg> for GroupBy {
    fn from(g: GroupArg) -> Self {
        match g {
            GroupArg::Directory => Self::Directory,
            GroupArg::Start => Self::Start,
        }
    }
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
    /// Draw only the neighbourhood of this job or event (`job:NAME` or `event:NAME` when both exist); repeatable.
    #[arg(long, value_name = "JOB|EVENT")]
    focus: Vec<String>,
    /// With --focus: how many edges to follow back (what leads to it) and forward (what it leads to); a job that starts on an event another job emits is 2 away.
    #[arg(long, value_name = "N", requires = "focus", default_value_t = DEFAULT_DEPTH)]
    depth: usize,
    /// Group nodes into boxes (DOT clusters).
    #[arg(long, value_enum, value_name = "HOW")]
    group_by: Option<GroupArg>,
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
    if !args.focus.is_empty() {
        let mut roots = Vec::new();
        for name in &args.focus {
            match graph.find(name) {
                Ok(found) => roots.extend(found),
                Err(unknown) => {
                    eprint(&unknown_focus(&unknown));
                    return Status::Error;
                }
            }
        }
        graph = graph.neighbourhood(&roots, args.depth);
    }
    let dot = crate::graph::dot::render(
        &graph,
        &DotOptions {
            group_by: args.group_by.map(Into::into),
        },
    );
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

/// The error for a `--focus` that names no job or event of the graph.
fn unknown_focus(u: &crate::graph::focus::Unknown) -> String {
    let mut text = format!(
        "graph: error: --focus {}: no job or event of that name in the graph\n",
        u.name
    );
    if u.close.is_empty() {
        text.push_str(
            "  help: `upstart-tools graph PATH` lists every node (`job:NAME`, `event:NAME`)\n",
        );
    } else {
        text.push_str(&format!(
            "  help: did you mean {}?\n",
            u.close
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    text
}

/// Pipe DOT through `dot -Tsvg`.
pub(crate) fn render_svg(dot: &str) -> Result<Vec<u8>, String> {
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
