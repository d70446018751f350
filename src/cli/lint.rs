//! `upstart-lint` / `upstart-tools lint`.

use super::{Status, eprint, stderr_color, write_stdout};
use crate::diag::Diagnostic;
use crate::lint::config::{Config, Dialect, Overrides, ShellcheckMode, discover};
use crate::lint::output::{Format, render};
use crate::lint::{Input, lint, registry};
use crate::load::{ParsedFile, file_kind, job_name, read_file};
use crate::syntax::Severity;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Job files or directories (walked for `*.conf` and `*.override`); `-` reads standard input.
    #[arg(value_name = "PATH", required_unless_present = "explain")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human", help_heading = "Output")]
    format: Format,
    /// Print the documentation of a rule and exit.
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
    #[arg(long, value_delimiter = ',', value_name = "CODES", help_heading = "Rules")]
    select: Option<Vec<String>>,
    /// Rules to run in addition.
    #[arg(long, value_delimiter = ',', value_name = "CODES", help_heading = "Rules")]
    extend_select: Vec<String>,
    /// Rules never to report.
    #[arg(long, value_delimiter = ',', value_name = "CODES", help_heading = "Rules")]
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
    /// Job-file dialect (`chromeos` allows `import` and `tmpfiles`).
    #[arg(long, value_enum, help_heading = "Rules")]
    dialect: Option<Dialect>,
    /// Run shellcheck on embedded shell: auto (when on PATH), on, off.
    #[arg(long, value_enum, help_heading = "Rules")]
    shellcheck: Option<ShellcheckMode>,
    /// Lowest severity that makes the exit status 1 (default: warning).
    #[arg(long, value_enum, help_heading = "Exit status")]
    fail_on: Option<FailOn>,
    /// Exit 0 even when problems are found (2 still means usage or I/O errors).
    #[arg(long, help_heading = "Exit status")]
    exit_zero: bool,
    /// Apply safe fixes to the files (atomically).
    #[arg(long, help_heading = "Fixes")]
    fix: bool,
    /// Show the safe fixes as a unified diff without writing.
    #[arg(long, conflicts_with = "fix", help_heading = "Fixes")]
    diff: bool,
}

pub(crate) fn run(args: Args) -> Status {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        known_events: args.known_event.clone(),
        known_jobs: args.known_job.clone(),
        target_version: args.target_version.clone(),
        dialect: args.dialect,
        fail_on: args.fail_on.map(|f| match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
        }),
        shellcheck: args.shellcheck,
        shellcheck_path: None,
    };
    let mut configs = Configs::new(&args, overrides);
    if let Err(e) = configs.check_explicit() {
        eprint(&format!("upstart-lint: {e}\n"));
        return Status::Error;
    }
    let mut inputs: Vec<Input> = Vec::new();
    let mut io_errors: Vec<Diagnostic> = Vec::new();
    let mut given: BTreeSet<PathBuf> = BTreeSet::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => {
                    let name = PathBuf::from(&args.stdin_filename);
                    let dir = name.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                    let Some(config) = configs.for_dir(dir) else { return Status::Error };
                    inputs.push(Input {
                        name: job_name(&name, None),
                        file: ParsedFile::from_bytes(&name, buf),
                        config,
                        report: true,
                    });
                }
                Err(e) => io_errors.push(unreadable("-", &e.to_string())),
            }
            continue;
        }
        if path.is_dir() {
            walk(path, &mut configs, &mut inputs, &mut io_errors, &mut given);
            if configs.failed {
                return Status::Error;
            }
            continue;
        }
        let name = job_name(path, None);
        match read_input(path) {
            Ok(file) => {
                let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let Some(config) = configs.for_dir(dir) else { return Status::Error };
                given.insert(path.clone());
                inputs.push(Input {
                    file,
                    name,
                    config,
                    report: true,
                });
            }
            Err(msg) => io_errors.push(unreadable(&path.display().to_string(), &msg)),
        }
    }
    if !args.no_context {
        add_context(&mut inputs, &given);
    }
    let result = lint(&inputs, &configs.list);
    let mut diagnostics = result.diagnostics;
    if args.fix || args.diff {
        match fixes(&inputs, &mut diagnostics, args.fix) {
            Ok(diff) if args.diff => {
                if write_stdout(&diff).is_err() {
                    return Status::Error;
                }
                return if diff.is_empty() { Status::Clean } else { Status::Problems };
            }
            Ok(_) => {}
            Err(e) => {
                eprint(&format!("upstart-lint: {e}\n"));
                return Status::Error;
            }
        }
    }
    let io_failed = !io_errors.is_empty();
    io_errors.extend(diagnostics);
    let diagnostics = io_errors;
    let text = render(args.format, &diagnostics, result.files, stderr_color());
    if let Err(e) = write_stdout(&text) {
        eprint(&format!("upstart-lint: cannot write output: {e}\n"));
        return Status::Error;
    }
    let fail_on = configs.fail_on();
    if io_failed {
        Status::Error
    } else if !args.exit_zero && diagnostics.iter().any(|d| d.severity >= fail_on) {
        Status::Problems
    } else {
        Status::Clean
    }
}

fn explain(code: &str) -> Status {
    match registry::find(&code.to_ascii_uppercase()) {
        Some(rule) => {
            let text = format!(
                "# {} {}\n\nSeverity: {} · {} by default\n\n{}\n\n{}\n",
                rule.code,
                rule.name,
                rule.severity.as_str(),
                if rule.default { "on" } else { "off" },
                rule.summary,
                rule.documentation()
            );
            if write_stdout(&text).is_err() {
                return Status::Error;
            }
            Status::Clean
        }
        None => {
            eprint(&format!("upstart-lint: no rule `{code}`; codes are listed in the README\n"));
            Status::Error
        }
    }
}

fn unreadable(path: &str, why: &str) -> Diagnostic {
    let mut d = Diagnostic::file_error(path, "UL903", format!("Unreadable input: {why}"));
    d.help = Some("check the path and its permissions; the other inputs were still linted".into());
    d
}

/// Read one input, refusing what is not a regular text file.
fn read_input(path: &Path) -> Result<ParsedFile, String> {
    let meta = std::fs::metadata(path).map_err(|e| match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => format!("dangling or looping symlink ({e})"),
        _ => e.to_string(),
    })?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, socket or device)".into());
    }
    let bytes = read_file(path).map_err(|e| e.to_string())?;
    // Like git: a NUL byte early on means a binary file, not a job.
    if bytes.iter().take(8000).any(|&b| b == 0) {
        return Err("binary file (it has NUL bytes), not a job file".into());
    }
    Ok(ParsedFile::from_bytes(path, bytes))
}

/// Directories upstart skips when it walks a configuration directory.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || matches!(name, "RCS" | "CVS" | "SCCS" | "lost+found")
        || name.ends_with(".dpkg-old")
        || name.ends_with(".dpkg-new")
}

fn walk(
    root: &Path,
    configs: &mut Configs,
    inputs: &mut Vec<Input>,
    io_errors: &mut Vec<Diagnostic>,
    given: &mut BTreeSet<PathBuf>,
) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_type().is_dir() || !e.file_name().to_str().is_some_and(skipped_dir));
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_dir() || file_kind(e.path()).is_none() {
                    continue;
                }
                match read_input(e.path()) {
                    Ok(file) => {
                        let dir = e.path().parent().unwrap_or(root);
                        let Some(config) = configs.for_dir(dir) else { return };
                        given.insert(e.path().to_path_buf());
                        inputs.push(Input {
                            name: job_name(e.path(), Some(root)),
                            file,
                            config,
                            report: true,
                        });
                    }
                    Err(msg) => io_errors.push(unreadable(&e.path().display().to_string(), &msg)),
                }
            }
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let why = if err.loop_ancestor().is_some() {
                    "symlink loop".to_string()
                } else {
                    err.io_error().map_or_else(|| err.to_string(), ToString::to_string)
                };
                io_errors.push(unreadable(&path, &why));
            }
        }
    }
}

/// The other jobs in the directories of the given files, read for the
/// cross-file rules only (pre-commit passes a few files at a time).
fn add_context(inputs: &mut Vec<Input>, given: &BTreeSet<PathBuf>) {
    let dirs: BTreeSet<PathBuf> = inputs
        .iter()
        .filter(|i| i.report)
        .filter_map(|i| i.file.path.parent().map(Path::to_path_buf))
        .collect();
    for dir in dirs {
        let dir_read = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir.clone() };
        let Ok(entries) = std::fs::read_dir(&dir_read) else { continue };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let p = if dir.as_os_str().is_empty() { p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p) } else { p };
            if given.contains(&p) || file_kind(&p).is_none() {
                continue;
            }
            if let Ok(file) = read_input(&p) {
                inputs.push(Input {
                    name: job_name(&p, None),
                    file,
                    config: inputs.first().map_or(0, |i| i.config),
                    report: false,
                });
            }
        }
    }
}

/// Apply or show the safe fixes. Fixed diagnostics are removed.
fn fixes(inputs: &[Input], diagnostics: &mut Vec<Diagnostic>, write: bool) -> Result<String, String> {
    let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.fix.is_some()) {
        by_file.entry(d.file.clone()).or_default().push(d.clone());
    }
    let mut diff = String::new();
    let mut fixed_files = BTreeSet::new();
    for input in inputs.iter().filter(|i| i.report) {
        let name = input.file.source.name.clone();
        let Some(diags) = by_file.get(&name) else { continue };
        if input.file.path.as_os_str() == "-" && write {
            continue;
        }
        let original = input.file.source.text();
        let (fixed, n) = crate::lint::fix::apply(original, diags);
        if n == 0 || fixed == original {
            continue;
        }
        if write {
            super::fmt::write_atomic(&input.file.path, fixed.as_bytes())
                .map_err(|e| format!("{name}: cannot write: {e}"))?;
            eprint(&format!("{name}: applied {n} fix(es)\n"));
        } else {
            diff.push_str(
                &similar::TextDiff::from_lines(original, &fixed)
                    .unified_diff()
                    .header(&name, &format!("{name} (fixed)"))
                    .to_string(),
            );
        }
        fixed_files.insert(name);
    }
    if write {
        diagnostics.retain(|d| !(d.fix.is_some() && fixed_files.contains(&d.file)));
    }
    Ok(diff)
}

/// Config files, one per directory that holds inputs, loaded once each.
struct Configs {
    list: Vec<Config>,
    by_path: BTreeMap<Option<PathBuf>, usize>,
    by_dir: BTreeMap<PathBuf, usize>,
    explicit: Option<PathBuf>,
    isolated: bool,
    overrides: Overrides,
    failed: bool,
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
            failed: false,
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
                self.failed = true;
                None
            }
        }
    }

    /// The strictest `fail-on` among the configs in use.
    fn fail_on(&self) -> Severity {
        self.list.iter().map(|c| c.fail_on).min().unwrap_or(Severity::Warning)
    }
}

