//! `upstart-lint` / `upstart-tools lint`.
//!
//! Exit status, the same for every `--format`:
//!
//! | status | meaning |
//! |---|---|
//! | 0 | nothing shown at or above `--fail-on` (default `warning`; info never fails) |
//! | 1 | findings at or above `--fail-on`; syntax errors always count |
//! | 2 | usage error, bad config, or an input that could not be read (UL903) |
//!
//! `--exit-zero` turns 1 into 0, never 2. With `--diff`, 1 means "the safe
//! fixes would change a file". Display filters decide what is reported, and
//! only what is reported counts, as with shellcheck's `-S`: a finding
//! hidden by `--severity` does not make the status 1 (syntax errors are
//! errors, so no filter hides them). `--quiet` and `--statistics` change
//! the output only, never the status (as ruff's).

use super::walk::{Entry, describe};
use super::{Status, eprint, write_stdout};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::diag::Severity;
use crate::lint::config::{
    Config, FailOn, Overrides, ShellcheckMode, discover, is_syntax_diagnostic,
};
use crate::lint::output::{self, Format};
use crate::lint::{Input, LintResult, Progress, lint_with_progress, registry};
use crate::load::{ParsedFile, file_kind, job_name, read_file};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files or directories (walked for `*.conf` and `*.override`); `-` reads standard input. Without one, the current directory is linted (as ruff does).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human", help_heading = "Output")]
    format: FormatArg,
    /// Show only findings at this severity or above (shellcheck's -S); hidden findings do not change the exit status.
    #[arg(
        long,
        short = 'S',
        value_enum,
        value_name = "LEVEL",
        help_heading = "Output"
    )]
    severity: Option<SeverityArg>,
    /// Print the findings only: no summary line and no progress.
    #[arg(long, short = 'q', help_heading = "Output")]
    quiet: bool,
    /// Print the number of findings per code instead of the findings (JSON with --format json).
    #[arg(long, help_heading = "Output")]
    statistics: bool,
    /// Colour the human and concise formats: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        help_heading = "Output"
    )]
    color: ColorArg,
    /// Print the documentation of a rule (or how a shellcheck SC code is reported) and exit.
    #[arg(long, value_name = "CODE", help_heading = "Output")]
    explain: Option<String>,
    /// File name to report for standard input (also used to find the config).
    #[arg(long, value_name = "NAME", default_value = "-", help_heading = "Input")]
    stdin_filename: String,
    /// Do not load the sibling jobs of the given files as context for cross-file rules.
    #[arg(long, help_heading = "Input")]
    no_context: bool,
    /// Use this config file instead of searching for one.
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long, conflicts_with = "config", help_heading = "Configuration")]
    isolated: bool,
    /// Rules to run instead of the default ones (codes or prefixes, comma-separated).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "CODES",
        help_heading = "Rules"
    )]
    select: Option<Vec<String>>,
    /// Rules to run in addition.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "CODES",
        help_heading = "Rules"
    )]
    extend_select: Vec<String>,
    /// Rules never to report.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "CODES",
        help_heading = "Rules"
    )]
    ignore: Vec<String>,
    /// An event that exists although no linted job declares it (repeatable).
    #[arg(long, value_name = "EVENT", help_heading = "Rules")]
    known_event: Vec<String>,
    /// A job that exists although it is not linted (repeatable).
    #[arg(long, value_name = "JOB", help_heading = "Rules")]
    known_job: Vec<String>,
    /// Oldest upstart the jobs must load on, e.g. 1.5 for Ubuntu 12.04 (default 1.13).
    #[arg(long, value_name = "VERSION", help_heading = "Rules")]
    target_version: Option<String>,
    /// Which upstart reads the jobs: `upstream` (default) or `chromeos`, whose upstart also loads `import` and `tmpfiles`.
    #[arg(long, value_enum, help_heading = "Rules")]
    dialect: Option<super::DialectArg>,
    /// Run shellcheck on embedded shell: auto (when on PATH), on, off; bare `--shellcheck` means on.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "on", help_heading = "Rules")]
    shellcheck: Option<ShellcheckArg>,
    /// Lowest severity that makes the exit status 1 (default: warning; info never does). Only shown findings count; syntax errors always do.
    #[arg(long, value_enum, help_heading = "Exit status")]
    fail_on: Option<FailOnArg>,
    /// Exit 0 even when problems are found (2 still means usage, config or I/O errors).
    #[arg(long, help_heading = "Exit status")]
    exit_zero: bool,
    /// Apply safe fixes to the files (atomically), then report what is left.
    #[arg(long, help_heading = "Fixes")]
    fix: bool,
    /// Print the safe fixes as a unified diff without writing; exit 1 when there are any.
    #[arg(long, conflicts_with = "fix", help_heading = "Fixes")]
    diff: bool,
    /// No path was given: `.` is linted and its files are named without
    /// the `./` the walk puts in front.
    #[arg(skip)]
    implicit_dir: bool,
}

/// `--format`: [`Format`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    // The doc comments are the `--help` text and land in the shell
    // completions: keep them free of quotes and colons.
    /// Per problem a heading line, the source snippet and help (colour per --color).
    Human,
    /// One line per problem (path, line, column, severity, code, message).
    Concise,
    /// A versioned JSON document.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => Self::Human,
            FormatArg::Concise => Self::Concise,
            FormatArg::Json => Self::Json,
            FormatArg::Github => Self::Github,
            FormatArg::Sarif => Self::Sarif,
        }
    }
}

/// `--severity`: the lowest severity shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Error => Self::Error,
            SeverityArg::Warning => Self::Warning,
            SeverityArg::Info => Self::Info,
        }
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even with NO_COLOR set or output to a file.
    Always,
    /// Never.
    Never,
}

/// `--shellcheck`: [`ShellcheckMode`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ShellcheckArg {
    /// Run it when it is on PATH.
    Auto,
    On,
    Off,
}

impl From<ShellcheckArg> for ShellcheckMode {
    fn from(m: ShellcheckArg) -> Self {
        match m {
            ShellcheckArg::Auto => Self::Auto,
            ShellcheckArg::On => Self::On,
            ShellcheckArg::Off => Self::Off,
        }
    }
}

/// `--fail-on`: [`FailOn`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> Self {
        match f {
            FailOnArg::Error => Self::Error,
            FailOnArg::Warning => Self::Warning,
        }
    }
}

/// Passes of fixing and re-linting before giving up on fixes that keep
/// producing new fixes.
const MAX_FIX_PASSES: usize = 10;

pub(crate) fn run(mut args: Args) -> Status {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    if args.paths.is_empty() {
        // As ruff: the current directory, its files named without `./`.
        args.paths.push(PathBuf::from("."));
        args.implicit_dir = true;
    }
    let mut configs = Configs::new(&args, args.overrides());
    if let Err(e) = configs.check_explicit() {
        eprint(&format!("upstart-lint: {e}\n"));
        return Status::Error;
    }
    let Some(Collected {
        mut inputs,
        unreadable,
        ignored,
        given,
        named,
        stdin,
    }) = collect(&args, &mut configs)
    else {
        return Status::Error;
    };
    if !args.no_context {
        add_context(&mut inputs, &given, &named);
    }

    let progress = ProgressLine::new(!args.quiet);
    let show = |p| progress.show(p);
    let result = if args.fix || args.diff {
        match fix(&mut inputs, stdin, &configs.list, args.fix, &show) {
            Ok((_, diff)) if args.diff => {
                return finish_diff(&diff, &unreadable);
            }
            Ok((result, _)) => result,
            Err(e) => {
                eprint(&format!("upstart-lint: {e}\n"));
                return Status::Error;
            }
        }
    } else {
        lint_with_progress(&inputs, &configs.list, &show)
    };
    progress.clear();

    let io_failed = !unreadable.is_empty();
    let mut diagnostics = unreadable;
    diagnostics.extend(ignored);
    diagnostics.extend(result.diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
    });
    let shown_from = args.severity.map_or(Severity::Info, Severity::from);
    let before = diagnostics.len();
    diagnostics.retain(|d| d.severity >= shown_from);
    let options = output::Options {
        files: result.files,
        color: color(args.color),
        quiet: args.quiet,
        hidden: before - diagnostics.len(),
    };
    if !print(&args, &diagnostics, options) {
        return Status::Error;
    }
    let status = if io_failed {
        Status::Error
    } else if fails(&configs, &inputs, &diagnostics) && !args.exit_zero {
        Status::Problems
    } else {
        Status::Clean
    };
    // The process ends with this command: its memory goes back to the
    // system at once, where freeing every job and diagnostic one by one
    // took a tenth of a corpus run.
    std::mem::forget(inputs);
    std::mem::forget(diagnostics);
    status
}

/// The progress line on standard error: only on a terminal, never with
/// `--quiet`, and only for a run long enough to need one; cleared when the
/// run ends, so it leaves nothing behind.
struct ProgressLine {
    on: bool,
    /// Atomic: the shell passes run on a thread of their own.
    shown: std::sync::atomic::AtomicBool,
}

/// Files, or shell texts for shellcheck, from which a run shows progress.
const PROGRESS_FROM: usize = 100;

impl ProgressLine {
    fn new(wanted: bool) -> Self {
        use std::io::IsTerminal;
        Self {
            on: wanted && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn show(&self, p: Progress) {
        if !self.on {
            return;
        }
        let text = match p {
            Progress::Done => {
                self.clear();
                return;
            }
            Progress::Files { files } if files >= PROGRESS_FROM => {
                format!("checking {files} files")
            }
            Progress::Shellcheck { done, total } if total >= PROGRESS_FROM => {
                format!("shellcheck: {done}/{total} shell texts")
            }
            _ => return,
        };
        eprint(&format!("\r\x1b[Kupstart-lint: {text}…"));
        self.shown.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    fn clear(&self) {
        if self.shown.swap(false, std::sync::atomic::Ordering::Relaxed) {
            eprint("\r\x1b[K");
        }
    }
}

impl Args {
    /// The settings of the command line that apply over every config file.
    fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            known_events: self.known_event.clone(),
            known_jobs: self.known_job.clone(),
            target_version: self.target_version.clone(),
            dialect: self.dialect.map(Into::into),
            fail_on: self.fail_on.map(|f| FailOn::from(f).severity()),
            shellcheck: self.shellcheck.map(Into::into),
            shellcheck_path: None,
        }
    }
}

/// Render the report (or `--statistics`) on standard output; false (said
/// on standard error) when it cannot be written.
fn print(args: &Args, diagnostics: &[Diagnostic], options: output::Options) -> bool {
    let format = Format::from(args.format);
    let written = if args.statistics {
        let text = if format == Format::Json {
            output::statistics::render_json(diagnostics)
        } else {
            output::statistics::render_text(diagnostics)
        };
        write_stdout(&text)
    } else {
        // Written as rendered, one diagnostic at a time: a report of
        // hundreds of MB is never held whole.
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        match output::write(format, diagnostics, options, &mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
        {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    };
    if let Err(e) = written {
        eprint(&format!("upstart-lint: cannot write output: {e}\n"));
        return false;
    }
    true
}

/// Whether some diagnostic makes the exit status 1 under the `fail-on` of
/// its file's config.
fn fails(configs: &Configs, inputs: &[Input], diagnostics: &[Diagnostic]) -> bool {
    let fail_on = configs.fail_on_by_file(inputs);
    diagnostics.iter().any(|d| {
        counts(
            d,
            fail_on
                .get(&d.file)
                .copied()
                .unwrap_or(configs.default_fail_on()),
        )
    })
}

/// Whether `d` makes the exit status 1 under `fail_on`. Syntax errors
/// always do; info never does.
fn counts(d: &Diagnostic, fail_on: Severity) -> bool {
    is_syntax_diagnostic(d) || (d.severity != Severity::Info && d.severity >= fail_on)
}

/// `--color`: `auto` colours only on a terminal, and never with `NO_COLOR`
/// set; `always` and `never` win over both.
fn color(when: ColorArg) -> bool {
    use std::io::IsTerminal;
    match when {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn explain(code: &str) -> Status {
    let code = code.to_ascii_uppercase();
    let text = if let Some(rule) = registry::find(&code) {
        explanation(rule)
    } else if registry::is_shellcheck_code(&code) {
        // Passed through from shellcheck: its wiki documents it, UL405 says
        // how the linter reports it.
        let ul405 = registry::find(Code::UL405.as_str()).map(explanation);
        format!(
            "# {code}\n\n{code} is shellcheck's code: upstart-lint reports it as UL405 with `{code}:` \
             first in the message, at the exact line of the job file. shellcheck documents it at \
             https://www.shellcheck.net/wiki/{code}\n\n{}",
            ul405.unwrap_or_default()
        )
    } else {
        eprint(&format!(
            "upstart-lint: no rule `{code}`; `upstart-tools rules` lists every code (UL…), and SC… codes are shellcheck's\n"
        ));
        return Status::Error;
    };
    if write_stdout(&text).is_err() {
        return Status::Error;
    }
    Status::Clean
}

/// `--explain`'s text for a rule.
fn explanation(rule: &registry::Rule) -> String {
    format!(
        "# {} {}\n\nSeverity: {} · {} by default{}\n\n{}\n\n{}\n",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        if rule.default { "on" } else { "off" },
        if rule.fixable() {
            " · fixable with --fix"
        } else {
            ""
        },
        rule.summary,
        rule.documentation()
    )
}

/// UL903 for an input that could not be linted.
fn unreadable(path: &str, why: &str) -> Diagnostic {
    let mut d = Diagnostic::file_error(path, Code::UL903, "Unreadable input".into());
    d.detail = why.to_string();
    d.help = Some("check the path and its permissions; the other inputs were still linted".into());
    d
}

/// Read one input, refusing what is not a regular text file.
/// [`read_file`] checks the type (one `stat` of the path, one of the open
/// handle); its answer is worded here.
fn read_input(path: &Path) -> Result<ParsedFile, String> {
    let bytes = read_file(path).map_err(|e| {
        use std::os::unix::fs::FileTypeExt;
        match crate::load::NotRegular::of(&e) {
            Some(t) if t.is_fifo() => "a FIFO (named pipe), not a job file".to_string(),
            Some(t) if t.is_socket() => "a socket, not a job file".to_string(),
            Some(t) if t.is_char_device() || t.is_block_device() => {
                "a device, not a job file".to_string()
            }
            Some(_) => "not a regular file".to_string(),
            // read_file's own words (a dangling symlink).
            None if e.get_ref().is_some() => e.to_string(),
            None => describe(&e),
        }
    })?;
    if looks_binary(&bytes) {
        return Err("binary file (NUL and control bytes), not a job file".into());
    }
    Ok(ParsedFile::from_bytes(path, bytes))
}

/// A binary file, not a job: like git, a NUL byte in the first 8000 bytes,
/// but only with many other control bytes around it. A job file with a
/// stray NUL is linted as upstart parses it (UL119 says what the NUL does).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8000)];
    if !head.contains(&0) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// The inputs of a run.
struct Collected {
    inputs: Vec<Input>,
    /// UL903 for each input that could not be read.
    unreadable: Vec<Diagnostic>,
    /// UL601 for each file upstart would not load.
    ignored: Vec<Diagnostic>,
    /// Paths linted (so context loading skips them).
    given: HashSet<PathBuf>,
    /// The inputs named on the command line (not found by a walk), read:
    /// their directories give the context.
    named: Vec<PathBuf>,
    /// The position of standard input among the inputs.
    stdin: Option<usize>,
}

/// One input of the command line or of a walk, in order, before its file
/// is read.
enum Slot {
    /// A job file; `named` on the command line, or found by a walk.
    File {
        path: PathBuf,
        name: String,
        named: bool,
    },
    Stdin(std::io::Result<Vec<u8>>),
    Unreadable {
        path: PathBuf,
        why: String,
    },
    Ignored(PathBuf),
}

/// Files from which reading and parsing is spread over the cores.
const PARALLEL_FROM: usize = 16;

/// Read every path of the command line. None after a config error (already
/// reported).
///
/// The paths are listed first; then the files are read and parsed on
/// every core; then, in command-line order again, each gets the config of
/// its directory (loaded on first use, so a broken config is reported for
/// the same input as when the files were read one by one).
fn collect(args: &Args, configs: &mut Configs) -> Option<Collected> {
    let mut given = HashSet::new();
    let mut slots = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            slots.push(Slot::Stdin(
                std::io::stdin().read_to_end(&mut buf).map(|_| buf),
            ));
        } else if path.is_dir() {
            walk(path, args.implicit_dir, &mut given, &mut slots);
        } else if given.insert(path.clone()) {
            slots.push(Slot::File {
                path: path.clone(),
                name: job_name(path, None),
                named: true,
            });
        }
    }
    let files = slots
        .iter()
        .filter(|s| matches!(s, Slot::File { .. }))
        .count();
    let read = crate::par::map(
        &slots,
        files >= PARALLEL_FROM,
        |_| 1,
        |slot| match slot {
            Slot::File { path, .. } => Some(read_input(path)),
            _ => None,
        },
    );
    let mut c = Collected {
        inputs: Vec::new(),
        unreadable: Vec::new(),
        ignored: Vec::new(),
        given,
        named: Vec::new(),
        stdin: None,
    };
    for (slot, read) in slots.into_iter().zip(read) {
        match (slot, read) {
            (Slot::File { path, name, named }, Some(Ok(file))) => {
                let config = configs.for_dir(parent_dir(&path))?;
                if named {
                    c.named.push(path);
                }
                c.inputs.push(Input {
                    file,
                    name,
                    config,
                    report: true,
                });
            }
            (Slot::File { path, .. }, Some(Err(why))) | (Slot::Unreadable { path, why }, _) => c
                .unreadable
                .push(unreadable(&path.display().to_string(), &why)),
            (Slot::File { .. }, None) => {}
            (Slot::Stdin(Ok(buf)), _) => {
                let name = PathBuf::from(&args.stdin_filename);
                let config = configs.for_dir(parent_dir(&name))?;
                c.named.push(name.clone());
                c.stdin = Some(c.inputs.len());
                c.inputs.push(Input {
                    name: job_name(&name, None),
                    file: ParsedFile::from_bytes(&name, buf),
                    config,
                    report: true,
                });
            }
            (Slot::Stdin(Err(e)), _) => c.unreadable.push(unreadable("-", &describe(&e))),
            (Slot::Ignored(path), _) => {
                let config = configs.for_dir(parent_dir(&path))?;
                if let Some(d) = ignored_file(&configs.list[config], &path) {
                    c.ignored.push(d);
                }
            }
        }
    }
    Some(c)
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// List a directory's inputs like upstart walks it (see `walk`).
fn walk(root: &Path, implicit: bool, given: &mut HashSet<PathBuf>, slots: &mut Vec<Slot>) {
    for entry in super::walk::walk(root, |_| true) {
        let entry = if implicit { without_dot(entry) } else { entry };
        match entry {
            Entry::File { path, name } => {
                if given.insert(path.clone()) {
                    slots.push(Slot::File {
                        path,
                        name,
                        named: false,
                    });
                }
            }
            Entry::Unreadable { path, why } => slots.push(Slot::Unreadable { path, why }),
            Entry::Ignored { path } => slots.push(Slot::Ignored(path)),
        }
    }
}

/// UL601 for a file of a walked directory that upstart does not load,
/// unless its config turns the rule off or ignores the file.
fn ignored_file(config: &crate::lint::config::Config, path: &Path) -> Option<Diagnostic> {
    if !config.enabled_code(Code::UL601.as_str()) {
        return None;
    }
    let mut d = Diagnostic::file_error(
        &path.display().to_string(),
        Code::UL601,
        "Ignored file".into(),
    );
    let default = registry::find(Code::UL601.as_str()).map_or(Severity::Info, |r| r.severity);
    d.severity = config.severity_of(Code::UL601.as_str(), default);
    d.detail = "upstart loads only files whose name ends in `.conf` or `.override`".into();
    d.help = Some("delete it if it is a copy; rename it to NAME.conf if it should run".into());
    (!config.ignores(path, &d)).then_some(d)
}

/// An entry of the walk of `.` with its `./` prefix removed.
fn without_dot(entry: Entry) -> Entry {
    let strip = |p: PathBuf| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p);
    match entry {
        Entry::File { path, name } => Entry::File {
            path: strip(path),
            name,
        },
        Entry::Unreadable { path, why } => Entry::Unreadable {
            path: strip(path),
            why,
        },
        Entry::Ignored { path } => Entry::Ignored { path: strip(path) },
    }
}

/// The other jobs in the directories of the given files, read for the
/// cross-file rules only (pre-commit passes a few files at a time).
///
/// Only the directories of files named on the command line are read: a
/// walked directory's jobs are all inputs already.
fn add_context(inputs: &mut Vec<Input>, given: &HashSet<PathBuf>, named: &[PathBuf]) {
    let dirs: BTreeSet<PathBuf> = named
        .iter()
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let mut paths = Vec::new();
    for dir in dirs {
        let dir_read = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir.clone()
        };
        let Ok(entries) = std::fs::read_dir(&dir_read) else {
            continue;
        };
        let mut listed: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        listed.sort();
        for p in listed {
            let p = if dir.as_os_str().is_empty() {
                p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            };
            if !given.contains(&p) && file_kind(&p).is_some() {
                paths.push(p);
            }
        }
    }
    let read = crate::par::map(
        &paths,
        paths.len() >= PARALLEL_FROM,
        |_| 1,
        |p| read_input(p).ok(),
    );
    let config = inputs.first().map_or(0, |i| i.config);
    for (p, file) in paths.iter().zip(read) {
        if let Some(file) = file {
            inputs.push(Input {
                name: job_name(p, None),
                file,
                config,
                report: false,
            });
        }
    }
}

/// Apply the safe fixes in memory and re-lint, until no fix is left (at
/// most [`MAX_FIX_PASSES`] passes); then write the changed files (`write`)
/// or return their unified diff. Files that are not valid UTF-8, and
/// standard input when writing, are left alone.
fn fix(
    inputs: &mut [Input],
    stdin_index: Option<usize>,
    configs: &[Config],
    write: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(LintResult, String), String> {
    let originals: Vec<String> = inputs
        .iter()
        .map(|i| i.file.source.text().to_string())
        .collect();
    let mut applied = vec![0usize; inputs.len()];
    let mut skipped = BTreeSet::new();
    let mut result = lint_with_progress(inputs, configs, progress);
    for _ in 0..MAX_FIX_PASSES {
        let mut by_file: BTreeMap<&str, Vec<Diagnostic>> = BTreeMap::new();
        for d in result.diagnostics.iter().filter(|d| d.fix.is_some()) {
            by_file.entry(d.file.as_str()).or_default().push(d.clone());
        }
        let mut changed = false;
        for (i, input) in inputs.iter_mut().enumerate() {
            let Some(diags) = by_file.get(input.file.source.name.as_str()) else {
                continue;
            };
            if !input.report {
                continue;
            }
            let stdin = stdin_index == Some(i);
            let not_utf8 = input.file.source.bytes() != input.file.source.text().as_bytes();
            if (write && stdin) || not_utf8 {
                skipped.insert((input.file.source.name.clone(), not_utf8));
                continue;
            }
            let text = input.file.source.text();
            let (fixed, n) = crate::lint::fix::apply(text, diags);
            if n == 0 || fixed == text {
                continue;
            }
            applied[i] += n;
            input.file = ParsedFile::from_bytes(input.file.path.clone(), fixed.into_bytes());
            changed = true;
        }
        if !changed {
            break;
        }
        result = lint_with_progress(inputs, configs, progress);
    }
    for (name, not_utf8) in &skipped {
        let why = if *not_utf8 {
            "it is not valid UTF-8"
        } else {
            "standard input cannot be rewritten (use --diff)"
        };
        eprint(&format!("{name}: fixes not applied: {why}\n"));
    }
    let mut diff = String::new();
    for (i, input) in inputs.iter().enumerate() {
        let now = input.file.source.text();
        if applied[i] == 0 || now == originals[i] {
            continue;
        }
        let name = &input.file.source.name;
        if write {
            super::files::write_atomic(&input.file.path, now.as_bytes())
                .map_err(|e| format!("{name}: cannot write: {e}"))?;
            eprint(&format!("{name}: applied {} fix(es)\n", applied[i]));
        } else {
            diff.push_str(&super::files::unified_diff(
                Some(originals[i].as_str()),
                now,
                name,
                &format!("{name} (fixed)"),
            ));
        }
    }
    Ok((result, diff))
}

/// `--diff`: print the diff; report unreadable inputs on stderr.
fn finish_diff(diff: &str, unreadable: &[Diagnostic]) -> Status {
    for d in unreadable {
        eprint(&format!("{}\n", crate::diag::concise::line(d)));
    }
    if let Err(e) = write_stdout(diff) {
        eprint(&format!("upstart-lint: cannot write output: {e}\n"));
        return Status::Error;
    }
    if !unreadable.is_empty() {
        Status::Error
    } else if diff.is_empty() {
        Status::Clean
    } else {
        Status::Problems
    }
}

/// Config files, one per directory that holds inputs, loaded once each.
struct Configs {
    list: Vec<Config>,
    by_path: BTreeMap<Option<PathBuf>, usize>,
    by_dir: BTreeMap<PathBuf, usize>,
    explicit: Option<PathBuf>,
    isolated: bool,
    overrides: Overrides,
}

impl Configs {
    fn new(args: &Args, overrides: Overrides) -> Self {
        Self {
            list: Vec::new(),
            by_path: BTreeMap::new(),
            by_dir: BTreeMap::new(),
            explicit: args.config.clone(),
            isolated: args.isolated,
            overrides,
        }
    }

    /// Load `--config` (and validate the command-line codes) up front.
    fn check_explicit(&mut self) -> Result<(), String> {
        let path = self.explicit.clone();
        self.load(path).map(|_| ())
    }

    fn load(&mut self, path: Option<PathBuf>) -> Result<usize, String> {
        if let Some(&i) = self.by_path.get(&path) {
            return Ok(i);
        }
        let config = match &path {
            Some(p) => Config::load(p, &self.overrides)?,
            None => Config::build(None, &self.overrides)?,
        };
        self.list.push(config);
        let i = self.list.len() - 1;
        self.by_path.insert(path, i);
        Ok(i)
    }

    /// The config index for inputs in `dir`; None after reporting a bad config.
    fn for_dir(&mut self, dir: &Path) -> Option<usize> {
        if let Some(&i) = self.by_dir.get(dir) {
            return Some(i);
        }
        let path = if self.isolated {
            None
        } else {
            self.explicit.clone().or_else(|| discover(dir))
        };
        match self.load(path) {
            Ok(i) => {
                self.by_dir.insert(dir.to_path_buf(), i);
                Some(i)
            }
            Err(e) => {
                eprint(&format!("upstart-lint: {e}\n"));
                None
            }
        }
    }

    /// Each reported file's `fail-on`, by the name its diagnostics carry.
    fn fail_on_by_file(&self, inputs: &[Input]) -> BTreeMap<String, Severity> {
        inputs
            .iter()
            .filter(|i| i.report)
            .filter_map(|i| {
                let config = self.list.get(i.config)?;
                Some((i.file.source.name.clone(), config.fail_on))
            })
            .collect()
    }

    /// `fail-on` for diagnostics that belong to no linted file (UL903).
    fn default_fail_on(&self) -> Severity {
        self.overrides
            .fail_on
            .unwrap_or(Severity::Warning)
            .max(Severity::Warning)
    }
}
