//! `.upstart-lint.toml` / `upstart-lint.toml`.
//!
//! Discovery ([`discover`]): for each input, the directory holding it, then
//! its ancestors; in each directory `.upstart-lint.toml` is looked for
//! before `upstart-lint.toml`, the first found wins, and the search stops
//! after the repository root (a directory holding `.git`, `.hg` or `.svn`).
//! `--config FILE` uses that file for every input; `--isolated` uses none.
//! Files are not merged with each other.
//!
//! Command-line options override the file: `--select` replaces the file's
//! `select`; the lists `--extend-select`, `--ignore`, `--known-event` and
//! `--known-job` are added to the file's; scalars (`--fail-on`,
//! `--target-version`, `--dialect`, `--shellcheck`) replace the file's.
//!
//! Unknown keys, bad values and unknown rule codes are errors that name the
//! file, line and column (the linter then exits 2).
//!
//! ```toml
//! select = ["UL"]                  # codes or prefixes; default: rules that are on by default
//! extend-select = ["UL3"]          # added to select (e.g. opt-in rules)
//! ignore = ["UL603"]               # never reported
//! fail-on = "error"                # "warning" (default) or "error"
//! known-events = ["my_event"]      # emitted by something outside the job set
//! known-jobs = ["mysql"]           # jobs that exist but are not linted
//! target-version = "1.5"           # oldest upstart the jobs must load on
//! dialect = "chromeos"             # "upstream" (default) or "chromeos"
//! shellcheck = "off"               # "auto" (default), "on" or "off"
//! shellcheck-path = "/usr/local/bin/shellcheck"
//!
//! [per-file-ignores]               # glob relative to this file → codes
//! "legacy/*.conf" = ["UL2"]
//!
//! [severity]                       # code or prefix → error, warning or info
//! UL302 = "error"
//! ```
//!
//! Errors that make upstart reject a file (syntax errors) are always
//! reported as errors: `ignore`, `per-file-ignores`, `select`, `severity`
//! and inline suppressions do not apply to them.

use super::registry::{self, Rule};
use crate::diag::Diagnostic;
use crate::diag::Severity;
use crate::syntax::ErrorKind;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The config file names, in the order they are looked for in a directory.
pub const FILE_NAMES: &[&str] = &[".upstart-lint.toml", "upstart-lint.toml"];

/// One key of the configuration file, as its documentation (the man pages
/// upstart-lint(1) and upstart-lint.toml(5)) describes it.
pub struct Key {
    /// The key as written in the file.
    pub name: &'static str,
    /// What its value is.
    pub value: &'static str,
    /// What it does (plain text; `code` in backquotes).
    pub doc: &'static str,
}

/// Every key of [`ConfigFile`], in the order the documentation lists them.
/// A test checks that this is exactly the set of keys the file accepts.
pub const KEYS: &[Key] = &[
    Key {
        name: "select",
        value: "list of codes or prefixes",
        doc: "The rules to run instead of the default ones (the rules marked on by default in upstart-lint-rules(7)). `[\"UL\"]` selects every rule, the opt-in UL5xx conversion rules too. `--select` replaces it.",
    },
    Key {
        name: "extend-select",
        value: "list of codes or prefixes",
        doc: "Rules to run in addition to `select`, e.g. `[\"UL5\"]`. `--extend-select` adds to it.",
    },
    Key {
        name: "ignore",
        value: "list of codes or prefixes",
        doc: "Rules never to report. `--ignore` adds to it. Syntax errors cannot be ignored.",
    },
    Key {
        name: "per-file-ignores",
        value: "table: glob = list of codes",
        doc: "Codes not reported for the files a glob matches; globs are relative to the directory of the configuration file, e.g. `\"legacy/*.conf\" = [\"UL2\"]`.",
    },
    Key {
        name: "severity",
        value: "table: code or prefix = \"error\", \"warning\" or \"info\"",
        doc: "The severity to report a rule with, e.g. `UL302 = \"error\"`. Syntax errors stay errors.",
    },
    Key {
        name: "known-events",
        value: "list of event names",
        doc: "Events that exist although no linted job declares them with `emits` (emitted by a program outside the job set). `--known-event` adds to it.",
    },
    Key {
        name: "known-jobs",
        value: "list of job names",
        doc: "Jobs that exist although they are not in the linted set (installed elsewhere). `--known-job` adds to it.",
    },
    Key {
        name: "target-version",
        value: "string",
        doc: "The oldest upstart the jobs must load on, e.g. `\"1.5\"` for Ubuntu 12.04 (default 1.13): stanzas newer than it are reported (UL218).",
    },
    Key {
        name: "dialect",
        value: "\"upstream\" or \"chromeos\"",
        doc: "Which upstart reads the jobs: upstream upstart 1.13.2 (default), or ChromiumOS's, which also loads `import` and `tmpfiles`.",
    },
    Key {
        name: "fail-on",
        value: "\"warning\" or \"error\"",
        doc: "The lowest severity that makes the exit status 1 (default `warning`; info never does).",
    },
    Key {
        name: "shellcheck",
        value: "\"auto\", \"on\" or \"off\"",
        doc: "Run shellcheck on the embedded shell (UL405): `auto` (default) when it is on PATH, `on` always (a warning says so when it is not found), `off` never.",
    },
    Key {
        name: "shellcheck-path",
        value: "string",
        doc: "The shellcheck program to run (default: `shellcheck` on PATH).",
    },
];

/// The file as written. Unknown keys are errors.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Codes or prefixes to run instead of the default-on rules.
    pub select: Option<Vec<Spanned<String>>>,
    /// Codes or prefixes to run in addition (e.g. opt-in rules).
    #[serde(default)]
    pub extend_select: Vec<Spanned<String>>,
    /// Codes or prefixes never to report.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Glob (relative to the config file) → codes not reported for those files.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// Code or prefix → severity to report it with.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Severity>,
    /// Events that exist although no linted job declares them in `emits`.
    #[serde(default)]
    pub known_events: Vec<String>,
    /// Jobs that exist although they are not in the linted set.
    #[serde(default)]
    pub known_jobs: Vec<String>,
    /// Oldest upstart the jobs must load on (e.g. "1.5" for Ubuntu 12.04).
    pub target_version: Option<Spanned<String>>,
    /// `upstream` (default) or `chromeos` (allows `import` and `tmpfiles`).
    pub dialect: Option<Dialect>,
    /// Lowest severity that makes the exit status 1 (`warning` or `error`).
    pub fail_on: Option<FailOn>,
    /// Run shellcheck on embedded shell: `auto` (when on PATH), `on`, `off`.
    pub shellcheck: Option<ShellcheckMode>,
    /// The shellcheck program.
    pub shellcheck_path: Option<String>,
}

pub use crate::syntax::Dialect;

/// When shellcheck runs (UL405).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShellcheckMode {
    /// Run it when it is on PATH.
    #[default]
    Auto,
    On,
    Off,
}

/// The lowest severity that fails the run. Info never does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    #[default]
    Warning,
}

impl FailOn {
    #[must_use]
    pub fn severity(self) -> Severity {
        match self {
            Self::Error => Severity::Error,
            Self::Warning => Severity::Warning,
        }
    }
}

/// Settings given on the command line, applied over every config file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub known_events: Vec<String>,
    pub known_jobs: Vec<String>,
    pub target_version: Option<String>,
    pub dialect: Option<Dialect>,
    /// Clamped to at least `warning`: info never fails a run.
    pub fail_on: Option<Severity>,
    pub shellcheck: Option<ShellcheckMode>,
    pub shellcheck_path: Option<String>,
}

/// The effective configuration for some inputs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    per_file_ignores: Vec<(GlobSet, Vec<String>)>,
    /// The config file's directory, absolute (globs are relative to it).
    base_dir: PathBuf,
    /// Code or prefix → severity; the longest matching pattern wins.
    pub severity: BTreeMap<String, Severity>,
    pub known_events: Vec<String>,
    pub known_jobs: Vec<String>,
    /// Parsed `target-version`, e.g. `[1, 5]`.
    pub target_version: Vec<u32>,
    pub dialect: Dialect,
    /// `Warning` or `Error`, never `Info`.
    pub fail_on: Severity,
    pub shellcheck: ShellcheckMode,
    pub shellcheck_path: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            select: None,
            extend_select: Vec::new(),
            ignore: Vec::new(),
            per_file_ignores: Vec::new(),
            base_dir: absolute(Path::new(".")),
            severity: BTreeMap::new(),
            known_events: Vec::new(),
            known_jobs: Vec::new(),
            target_version: vec![1, 13],
            dialect: Dialect::Upstream,
            fail_on: Severity::Warning,
            shellcheck: ShellcheckMode::Auto,
            shellcheck_path: "shellcheck".into(),
        }
    }
}

/// Parse `1.13` / `0.6.7` into numbers.
///
/// # Errors
/// When a part is not a number.
pub fn parse_version(v: &str) -> Result<Vec<u32>, String> {
    v.split('.')
        .map(|p| {
            p.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{v}` is not a version like 1.13"))
        })
        .collect()
}

/// Where a value sits, for error messages: `path:line:col` or `path`.
struct Locator<'a> {
    name: String,
    text: Option<&'a str>,
}

impl Locator<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> String {
        match self.text {
            Some(text) => {
                let (line, col) = line_col(text, span.start);
                format!("{}:{line}:{col}", self.name)
            }
            None => self.name.clone(),
        }
    }
}

/// Check that each pattern names at least one rule.
fn check_codes<'a>(
    list: impl IntoIterator<Item = (&'a str, Option<std::ops::Range<usize>>)>,
    key: &str,
    loc: &Locator<'_>,
) -> Result<(), String> {
    for (code, span) in list {
        if !is_known_pattern(code) {
            let place = span.map_or_else(|| loc.name.clone(), |s| loc.at(s));
            let hint = registry::all()
                .iter()
                .map(|r| r.code)
                .chain(PARSE_KINDS.iter().map(|k| k.code()))
                .find(|c| c.as_str().eq_ignore_ascii_case(code))
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            return Err(format!(
                "{place}: {key}: `{code}` is not a rule code or prefix{hint}; see `upstart-lint --explain CODE`"
            ));
        }
    }
    Ok(())
}

fn spanned(
    list: &[Spanned<String>],
) -> impl Iterator<Item = (&str, Option<std::ops::Range<usize>>)> {
    list.iter().map(|s| (s.get_ref().as_str(), Some(s.span())))
}

fn plain(list: &[String]) -> impl Iterator<Item = (&str, Option<std::ops::Range<usize>>)> {
    list.iter().map(|s| (s.as_str(), None))
}

fn values(list: Vec<Spanned<String>>) -> Vec<String> {
    list.into_iter().map(Spanned::into_inner).collect()
}

/// Check the codes given to `--select`, `--extend-select` and `--ignore`.
fn check_command_line_codes(o: &Overrides) -> Result<(), String> {
    let cli = Locator {
        name: "command line".into(),
        text: None,
    };
    if let Some(s) = &o.select {
        check_codes(plain(s), "--select", &cli)?;
    }
    check_codes(plain(&o.extend_select), "--extend-select", &cli)?;
    check_codes(plain(&o.ignore), "--ignore", &cli)
}

/// The file's `per-file-ignores`, each glob compiled.
fn per_file_ignores(
    table: &BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    loc: &Locator<'_>,
) -> Result<Vec<(GlobSet, Vec<String>)>, String> {
    let mut out = Vec::new();
    for (glob, codes) in table {
        let at = loc.at(glob.span());
        let set = Glob::new(glob.get_ref())
            .and_then(|g| GlobSetBuilder::new().add(g).build())
            .map_err(|e| format!("{at}: per-file-ignores: {e}"))?;
        check_codes(spanned(codes), "per-file-ignores", loc)?;
        out.push((set, codes.iter().map(|c| c.get_ref().clone()).collect()));
    }
    Ok(out)
}

/// Which rules run: the file's lists with the command line's over them.
struct Selection {
    select: Option<Vec<String>>,
    extend_select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// `--select` replaces the file's `select`; `--extend-select` and
    /// `--ignore` are added to the file's lists.
    fn merge(
        o: &Overrides,
        select: Option<Vec<Spanned<String>>>,
        extend_select: Vec<Spanned<String>>,
        ignore: Vec<Spanned<String>>,
        loc: &Locator<'_>,
    ) -> Result<Self, String> {
        let select = match (&o.select, select) {
            (Some(s), _) => Some(s.clone()),
            (None, Some(s)) => {
                check_codes(spanned(&s), "select", loc)?;
                Some(values(s))
            }
            (None, None) => None,
        };
        check_codes(spanned(&extend_select), "extend-select", loc)?;
        let mut extend_select = values(extend_select);
        extend_select.extend(o.extend_select.iter().cloned());
        check_codes(spanned(&ignore), "ignore", loc)?;
        let mut ignore = values(ignore);
        ignore.extend(o.ignore.iter().cloned());
        Ok(Self {
            select,
            extend_select,
            ignore,
        })
    }
}

/// The file's `[severity]` table; a syntax error cannot be lowered.
fn severities(
    table: BTreeMap<Spanned<String>, Severity>,
    loc: &Locator<'_>,
) -> Result<BTreeMap<String, Severity>, String> {
    let mut severity = BTreeMap::new();
    for (code, sev) in table {
        check_codes(
            [(code.get_ref().as_str(), Some(code.span()))],
            "severity",
            loc,
        )?;
        if is_syntax_error(code.get_ref()) && sev != Severity::Error {
            return Err(format!(
                "{}: severity: `{}` is an error that makes upstart reject the file; it is always reported as an error",
                loc.at(code.span()),
                code.get_ref()
            ));
        }
        severity.insert(code.into_inner(), sev);
    }
    Ok(severity)
}

/// `--target-version`, else the file's, else 1.13.
fn target_version(
    o: &Overrides,
    file: Option<Spanned<String>>,
    loc: &Locator<'_>,
) -> Result<Vec<u32>, String> {
    match (&o.target_version, file) {
        (Some(v), _) => {
            parse_version(v).map_err(|e| format!("command line: --target-version: {e}"))
        }
        (None, Some(v)) => parse_version(v.get_ref())
            .map_err(|e| format!("{}: target-version: {e}", loc.at(v.span()))),
        (None, None) => Ok(vec![1, 13]),
    }
}

impl Config {
    /// Build from an optional file (already read from `path`) and
    /// command-line overrides. Errors name the file but no line; use
    /// [`Config::load`] to get lines.
    ///
    /// # Errors
    /// Unknown codes, bad globs or versions.
    pub fn build(file: Option<(&Path, ConfigFile)>, o: &Overrides) -> Result<Self, String> {
        Self::build_from(file, None, o)
    }

    fn build_from(
        file: Option<(&Path, ConfigFile)>,
        text: Option<&str>,
        o: &Overrides,
    ) -> Result<Self, String> {
        let (path, f) = match file {
            Some((p, f)) => (Some(p.to_path_buf()), f),
            None => (None, ConfigFile::default()),
        };
        let loc = Locator {
            name: path
                .as_ref()
                .map_or_else(|| "command line".to_string(), |p| p.display().to_string()),
            text,
        };
        let base_dir = absolute(
            path.as_ref()
                .and_then(|p| p.parent())
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        );
        // Command-line codes first: their errors do not depend on the file.
        check_command_line_codes(o)?;
        let per_file_ignores = per_file_ignores(&f.per_file_ignores, &loc)?;
        let Selection {
            select,
            extend_select,
            ignore,
        } = Selection::merge(o, f.select, f.extend_select, f.ignore, &loc)?;
        let severity = severities(f.severity, &loc)?;
        let target_version = target_version(o, f.target_version, &loc)?;
        let mut known_events = f.known_events;
        known_events.extend(o.known_events.iter().cloned());
        let mut known_jobs = f.known_jobs;
        known_jobs.extend(o.known_jobs.iter().cloned());
        let fail_on = o
            .fail_on
            .or(f.fail_on.map(FailOn::severity))
            .unwrap_or(Severity::Warning)
            .max(Severity::Warning);
        Ok(Self {
            path,
            select,
            extend_select,
            ignore,
            per_file_ignores,
            base_dir,
            severity,
            known_events,
            known_jobs,
            target_version,
            dialect: o.dialect.or(f.dialect).unwrap_or_default(),
            fail_on,
            shellcheck: o.shellcheck.or(f.shellcheck).unwrap_or_default(),
            shellcheck_path: o
                .shellcheck_path
                .clone()
                .or(f.shellcheck_path)
                .unwrap_or_else(|| "shellcheck".into()),
        })
    }

    /// Read and build the config in `path`.
    ///
    /// # Errors
    /// I/O or TOML errors, unknown keys, bad values and unknown codes, each
    /// as `path:line:col: message`.
    pub fn load(path: &Path, o: &Overrides) -> Result<Self, String> {
        let bytes = crate::load::read_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{}: the configuration is not UTF-8 text", path.display()))?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
            format!(
                "{}:{line}:{col}: {}",
                path.display(),
                e.message().trim_end()
            )
        })?;
        Self::build_from(Some((path, file)), Some(&text), o)
    }

    /// Whether `rule` runs for files under this config.
    #[must_use]
    pub fn enabled(&self, rule: &Rule) -> bool {
        let selected = match &self.select {
            Some(list) => list.iter().any(|p| registry::matches(p, rule.code)),
            None => rule.default,
        } || self
            .extend_select
            .iter()
            .any(|p| registry::matches(p, rule.code));
        selected && !self.ignore.iter().any(|p| registry::matches(p, rule.code))
    }

    /// [`Config::enabled`] by code.
    #[must_use]
    pub fn enabled_code(&self, code: impl AsRef<str>) -> bool {
        let code = code.as_ref();
        registry::find(code).is_some_and(|r| self.enabled(r))
    }

    /// Severity to report `code` with: the `severity` entry with the longest
    /// matching code or prefix, else `default`. A syntax error stays an error.
    #[must_use]
    pub fn severity_of(&self, code: impl AsRef<str>, default: Severity) -> Severity {
        let code = code.as_ref();
        if default == Severity::Error && has_error_kind(code) {
            return Severity::Error;
        }
        self.severity
            .iter()
            .filter(|(p, _)| registry::matches(p, code))
            .max_by_key(|(p, _)| p.len())
            .map_or(default, |(_, s)| *s)
    }

    /// Whether this config drops `d` (found in `path`): not selected,
    /// `ignore`d, or in `per-file-ignores`. Syntax errors are never dropped.
    #[must_use]
    pub fn ignores(&self, path: &Path, d: &Diagnostic) -> bool {
        if is_syntax_diagnostic(d) {
            return false;
        }
        let code = d.code.as_str();
        let selected = match registry::find(code) {
            Some(rule) => self.enabled(rule),
            // Parse warnings and shellcheck codes: on unless `select` leaves them out.
            None => {
                self.select
                    .as_ref()
                    .is_none_or(|s| s.iter().any(|p| registry::matches(p, code)))
                    || self
                        .extend_select
                        .iter()
                        .any(|p| registry::matches(p, code))
            }
        };
        !selected
            || self.ignored_for_file(path, code)
            || registry::shellcheck_code_of(d).is_some_and(|sc| self.ignored_for_file(path, sc))
    }

    /// Whether `ignore` or `per-file-ignores` drop `code` for `path`
    /// (never for a syntax-error code).
    #[must_use]
    pub fn ignored_for_file(&self, path: &Path, code: impl AsRef<str>) -> bool {
        let code = code.as_ref();
        if is_syntax_error(code) {
            return false;
        }
        if self.ignore.iter().any(|p| registry::matches(p, code)) {
            return true;
        }
        if self.per_file_ignores.is_empty() {
            return false;
        }
        let abs = absolute(path);
        let rel = abs.strip_prefix(&self.base_dir).unwrap_or(path);
        let rel = rel.strip_prefix("./").unwrap_or(rel);
        self.per_file_ignores.iter().any(|(set, codes)| {
            (set.is_match(rel) || set.is_match(path))
                && codes.iter().any(|p| registry::matches(p, code))
        })
    }
}

/// Every parse error kind. The match in `_every_kind_is_listed` stops
/// compiling when a kind is added, as a reminder to list it here.
const PARSE_KINDS: &[ErrorKind] = &[
    ErrorKind::ExpectedToken,
    ErrorKind::UnexpectedToken,
    ErrorKind::TrailingSlash,
    ErrorKind::UnterminatedQuote,
    ErrorKind::UnterminatedBlock,
    ErrorKind::UnknownStanza,
    ErrorKind::RemovedStanza,
    ErrorKind::UnknownSubKeyword,
    ErrorKind::UnknownLimitResource,
    ErrorKind::IllegalInterval,
    ErrorKind::IllegalExitStatus,
    ErrorKind::IllegalSignal,
    ErrorKind::IllegalUmask,
    ErrorKind::IllegalNice,
    ErrorKind::IllegalOom,
    ErrorKind::IllegalOomScore,
    ErrorKind::IllegalLimit,
    ErrorKind::IllegalRespawnCount,
    ErrorKind::ExpectedEvent,
    ErrorKind::ExpectedOperator,
    ErrorKind::ExpectedVariable,
    ErrorKind::MismatchedParens,
    ErrorKind::NestingTooDeep,
    ErrorKind::StrayEndScript,
    ErrorKind::UnopenedBlock,
    ErrorKind::ByteOrderMark,
    ErrorKind::InvalidUtf8,
    ErrorKind::VendorStanza,
    ErrorKind::GarbledEscape,
    ErrorKind::WrappedNumber,
    ErrorKind::NulInValue,
];

const fn _every_kind_is_listed(kind: ErrorKind) {
    match kind {
        ErrorKind::ExpectedToken
        | ErrorKind::UnexpectedToken
        | ErrorKind::TrailingSlash
        | ErrorKind::UnterminatedQuote
        | ErrorKind::UnterminatedBlock
        | ErrorKind::UnknownStanza
        | ErrorKind::RemovedStanza
        | ErrorKind::UnknownSubKeyword
        | ErrorKind::UnknownLimitResource
        | ErrorKind::IllegalInterval
        | ErrorKind::IllegalExitStatus
        | ErrorKind::IllegalSignal
        | ErrorKind::IllegalUmask
        | ErrorKind::IllegalNice
        | ErrorKind::IllegalOom
        | ErrorKind::IllegalOomScore
        | ErrorKind::IllegalLimit
        | ErrorKind::IllegalRespawnCount
        | ErrorKind::ExpectedEvent
        | ErrorKind::ExpectedOperator
        | ErrorKind::ExpectedVariable
        | ErrorKind::MismatchedParens
        | ErrorKind::NestingTooDeep
        | ErrorKind::StrayEndScript
        | ErrorKind::UnopenedBlock
        | ErrorKind::ByteOrderMark
        | ErrorKind::InvalidUtf8
        | ErrorKind::VendorStanza
        | ErrorKind::GarbledEscape
        | ErrorKind::WrappedNumber
        | ErrorKind::NulInValue => {}
    }
}

/// Whether the parser reports `code` for some problem (parse codes may
/// have no rule in the registry).
#[must_use]
pub fn is_parse_code(code: &str) -> bool {
    PARSE_KINDS.iter().any(|k| k.code() == code)
}

/// Whether `code` is a syntax error: the parser reports it only for
/// problems that make upstart reject the file (UL012, which is also used
/// for the invalid-UTF-8 warning, is not).
#[must_use]
pub fn is_syntax_error(code: &str) -> bool {
    let mut kinds = PARSE_KINDS.iter().filter(|k| k.code() == code).peekable();
    kinds.peek().is_some() && kinds.all(|k| k.severity() == Severity::Error)
}

/// Whether `d` is a syntax error (a parse problem reported as an error):
/// it is always reported and always counts toward exit status 1.
#[must_use]
pub fn is_syntax_diagnostic(d: &Diagnostic) -> bool {
    d.severity == Severity::Error && has_error_kind(d.code.as_str())
}

/// Whether the parser reports `code` for some problem that makes upstart
/// reject the file.
fn has_error_kind(code: &str) -> bool {
    PARSE_KINDS
        .iter()
        .any(|k| k.code() == code && k.severity() == Severity::Error)
}

/// Whether `pattern` (a code, a prefix, or `ALL`) names at least one rule
/// or parse error, or is a shellcheck code.
#[must_use]
pub fn is_known_pattern(pattern: &str) -> bool {
    pattern == "ALL"
        || registry::is_known_pattern(pattern)
        || PARSE_KINDS
            .iter()
            .any(|k| registry::matches(pattern, k.code().as_str()))
}

/// 1-based line and column of a byte offset of the config text.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    crate::source::SourceFile::new("", text.as_bytes().to_vec()).line_col(offset)
}

/// `path` made absolute against the current directory, with symlinks in
/// its directory resolved when it exists (so it compares with config
/// directories found by [`discover`]).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(p) = std::fs::canonicalize(parent) {
            return p.join(name);
        }
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The config file for inputs in `dir`: the first of [`FILE_NAMES`] found in
/// `dir` or an ancestor, stopping after the repository root (a directory
/// holding `.git`, `.hg` or `.svn`). The path is relative to the current
/// directory when it lies below it, so messages stay short.
#[must_use]
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    for d in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                let short = cwd
                    .as_ref()
                    .and_then(|c| candidate.strip_prefix(c).ok())
                    .map(Path::to_path_buf);
                return Some(short.unwrap_or(candidate));
            }
        }
        if [".git", ".hg", ".svn"].iter().any(|v| d.join(v).exists()) {
            return None;
        }
    }
    None
}
