//! `.upstart-lint.toml` / `upstart-lint.toml`: found upward from each input
//! (stopping at the repository root), or given with `--config`; ignored with
//! `--isolated`. Command-line options override the file. Lists given on the
//! command line (`--ignore`, `--extend-select`, known events and jobs) are
//! added to the file's; `--select` replaces the file's `select`.

use super::registry::{self, Rule};
use crate::syntax::Severity;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The config file names, in the order they are looked for in a directory.
pub const FILE_NAMES: &[&str] = &[".upstart-lint.toml", "upstart-lint.toml"];

/// The file as written. Unknown keys are errors.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Codes or prefixes to run instead of the default-on rules.
    pub select: Option<Vec<String>>,
    /// Codes or prefixes to run in addition (e.g. opt-in rules).
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Codes or prefixes never to report.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Glob (relative to the config file) → codes not reported for those files.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Code → severity to report it with.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Events that exist although no linted job declares them in `emits`.
    #[serde(default)]
    pub known_events: Vec<String>,
    /// Jobs that exist although they are not in the linted set.
    #[serde(default)]
    pub known_jobs: Vec<String>,
    /// Oldest upstart the jobs must load on (e.g. "1.5" for Ubuntu 12.04).
    pub target_version: Option<String>,
    /// `upstream` (default) or `chromeos` (allows `import` and `tmpfiles`).
    pub dialect: Option<Dialect>,
    /// Lowest severity that makes the exit status 1 (`warning` or `error`).
    pub fail_on: Option<Severity>,
    /// Run shellcheck on embedded shell: `auto` (when on PATH), `on`, `off`.
    pub shellcheck: Option<ShellcheckMode>,
    /// The shellcheck program.
    pub shellcheck_path: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    #[default]
    Upstream,
    Chromeos,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ShellcheckMode {
    /// Run it when it is on PATH.
    #[default]
    Auto,
    On,
    Off,
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
    base_dir: PathBuf,
    pub severity: BTreeMap<String, Severity>,
    pub known_events: Vec<String>,
    pub known_jobs: Vec<String>,
    /// Parsed `target-version`, e.g. `[1, 5]`.
    pub target_version: Vec<u32>,
    pub dialect: Dialect,
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
            base_dir: PathBuf::from("."),
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
        .map(|p| p.trim().parse::<u32>().map_err(|_| format!("`{v}` is not a version like 1.13")))
        .collect()
}

impl Config {
    /// Build from an optional file (read from `path`) and command-line overrides.
    ///
    /// # Errors
    /// A message naming the file, the line and what is wrong.
    pub fn build(file: Option<(&Path, ConfigFile)>, o: &Overrides) -> Result<Self, String> {
        let (path, f) = match file {
            Some((p, f)) => (Some(p.to_path_buf()), f),
            None => (None, ConfigFile::default()),
        };
        let name = path.as_ref().map_or_else(|| "command line".to_string(), |p| p.display().to_string());
        let base_dir = path
            .as_ref()
            .and_then(|p| p.parent())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut per_file_ignores = Vec::new();
        for (glob, codes) in &f.per_file_ignores {
            let mut b = GlobSetBuilder::new();
            b.add(Glob::new(glob).map_err(|e| format!("{name}: per-file-ignores: {e}"))?);
            let set = b.build().map_err(|e| format!("{name}: per-file-ignores: {e}"))?;
            per_file_ignores.push((set, codes.clone()));
        }
        let check_codes = |list: &[String], key: &str| -> Result<(), String> {
            match list.iter().find(|c| !registry::is_known_pattern(c) && *c != "ALL") {
                Some(c) => Err(format!("{name}: {key}: `{c}` is not a rule code or prefix (see `upstart-lint --explain CODE`)")),
                None => Ok(()),
            }
        };
        let select = o.select.clone().or(f.select);
        if let Some(s) = &select {
            check_codes(s, "select")?;
        }
        let mut extend_select = f.extend_select;
        extend_select.extend(o.extend_select.iter().cloned());
        check_codes(&extend_select, "extend-select")?;
        let mut ignore = f.ignore;
        ignore.extend(o.ignore.iter().cloned());
        check_codes(&ignore, "ignore")?;
        for codes in f.per_file_ignores.values() {
            check_codes(codes, "per-file-ignores")?;
        }
        let severity_codes: Vec<String> = f.severity.keys().cloned().collect();
        check_codes(&severity_codes, "severity")?;
        let target = o.target_version.clone().or(f.target_version);
        let target_version = match target {
            Some(v) => parse_version(&v).map_err(|e| format!("{name}: target-version: {e}"))?,
            None => vec![1, 13],
        };
        let mut known_events = f.known_events;
        known_events.extend(o.known_events.iter().cloned());
        let mut known_jobs = f.known_jobs;
        known_jobs.extend(o.known_jobs.iter().cloned());
        Ok(Self {
            path,
            select,
            extend_select,
            ignore,
            per_file_ignores,
            base_dir,
            severity: f.severity,
            known_events,
            known_jobs,
            target_version,
            dialect: o.dialect.or(f.dialect).unwrap_or_default(),
            fail_on: o.fail_on.or(f.fail_on).unwrap_or(Severity::Warning),
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
    /// I/O or TOML errors (with line and column), unknown keys, bad codes.
    pub fn load(path: &Path, o: &Overrides) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| line_col(&text, s.start))
                .unwrap_or((1, 1));
            format!("{}:{line}:{col}: {}", path.display(), e.message())
        })?;
        Self::build(Some((path, file)), o)
    }

    /// Whether `rule` runs for files under this config.
    #[must_use]
    pub fn enabled(&self, rule: &Rule) -> bool {
        let selected = match &self.select {
            Some(list) => list.iter().any(|p| registry::matches(p, rule.code)),
            None => rule.default,
        } || self.extend_select.iter().any(|p| registry::matches(p, rule.code));
        // `needs-newer-upstart` only means something with an older target.
        selected && !self.ignore.iter().any(|p| registry::matches(p, rule.code))
    }

    /// [`Config::enabled`] by code.
    #[must_use]
    pub fn enabled_code(&self, code: &str) -> bool {
        registry::find(code).is_some_and(|r| self.enabled(r))
    }

    /// Severity to report `code` with.
    #[must_use]
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity.get(code).copied().unwrap_or(default)
    }

    /// Whether `per-file-ignores` or `ignore` drop `code` for `path`.
    #[must_use]
    pub fn ignored_for_file(&self, path: &Path, code: &str) -> bool {
        if is_syntax_error(code) {
            return false;
        }
        if self.ignore.iter().any(|p| registry::matches(p, code)) {
            return true;
        }
        let rel = path.strip_prefix(&self.base_dir).unwrap_or(path);
        let rel = rel.strip_prefix("./").unwrap_or(rel);
        self.per_file_ignores
            .iter()
            .any(|(set, codes)| (set.is_match(rel) || set.is_match(path)) && codes.iter().any(|p| registry::matches(p, code)))
    }
}

/// Parse errors that make upstart reject the file are never silenced.
#[must_use]
pub fn is_syntax_error(code: &str) -> bool {
    registry::find(code)
        .is_some_and(|r| matches!(r.check, registry::Check::Parse) && r.severity == Severity::Error)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The config file for inputs in `dir`: the first of [`FILE_NAMES`] found in
/// `dir` or an ancestor, stopping after the repository root (a directory
/// holding `.git`, `.hg` or `.svn`).
#[must_use]
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    for d in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if [".git", ".hg", ".svn"].iter().any(|v| d.join(v).exists()) {
            return None;
        }
    }
    None
}
