//! shellcheck (UL405): running it over the embedded shell texts and
//! mapping its findings back to the job files.

use super::extract::{Embedded, extract};
use super::{SetCtx, SetFindings};
use crate::diag::Code;
use crate::diag::Severity;
use crate::lint::Progress;
use crate::lint::config::{Config, ShellcheckMode};
use std::path::{Path, PathBuf};

/// shellcheck codes not reported, each with the reason.
const SHELLCHECK_EXCLUDE: &[&str] = &[
    // "Use cd … || exit": moot, upstart runs every block with `sh -e`.
    "SC2164",
    // "VAR is referenced but not assigned": jobs get their variables from
    // `env`, `instance` and the event that started them.
    "SC2154",
    // "Can't follow non-constant source" / "Not following": the sourced files
    // (/etc/default/…) live on the target system, not here.
    "SC1090", "SC1091",
    // Pointers around a parse error ("The mentioned syntax error was in
    // this …", "Couldn't parse this …", "Fix any mentioned problems and try
    // again"): the error itself comes with its own code, and UL401/UL402
    // report it at the same place.
    "SC1009", "SC1072", "SC1073",
];

/// Where the shellcheck program of each config is (looked up once per run).
#[derive(Default)]
pub(super) struct Programs {
    found: Vec<((ShellcheckMode, String), Option<PathBuf>)>,
}

impl Programs {
    /// The program to run for jobs under `config`, if shellcheck runs.
    pub(super) fn shellcheck(&mut self, config: &Config) -> Option<PathBuf> {
        if config.shellcheck == ShellcheckMode::Off || !config.enabled_code(Code::UL405.as_str()) {
            return None;
        }
        let key = (config.shellcheck, config.shellcheck_path.clone());
        if let Some((_, p)) = self.found.iter().find(|(k, _)| *k == key) {
            return p.clone();
        }
        let p = find_program(&config.shellcheck_path);
        if p.is_none() && config.shellcheck == ShellcheckMode::On {
            eprintln!(
                "upstart-lint: warning: shellcheck is on but `{}` was not found; UL405 is skipped",
                config.shellcheck_path
            );
        }
        self.found.push((key, p.clone()));
        p
    }
}

/// `name` as a path, or searched on `PATH`.
fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// One finding of `shellcheck -f json1`.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Comment {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    level: String,
    code: u32,
    message: String,
}

#[derive(Debug, serde::Deserialize)]
struct Json1 {
    comments: Vec<Comment>,
}

/// Shell texts per shellcheck process: one process for a small run (most
/// runs), several for a large tree so that progress can be shown.
const SHELLCHECK_CHUNK: usize = 100;

/// The first line of every file given to shellcheck: upstart's `sh -e`.
const SHELLCHECK_PREFIX: &str = "#!/bin/sh -e\n";

/// Run `program` once over all `texts`; the findings per text.
///
/// # Errors
/// When the program cannot be run or its output cannot be read.
pub fn run_shellcheck(
    program: &Path,
    texts: &[&str],
) -> Result<Vec<Vec<ShellcheckFinding>>, String> {
    let mut per_text: Vec<Vec<ShellcheckFinding>> = vec![Vec::new(); texts.len()];
    if texts.is_empty() {
        return Ok(per_text);
    }
    let dir = tempfile::Builder::new()
        .prefix("upstart-lint-")
        .tempdir()
        .map_err(|e| format!("temporary directory: {e}"))?;
    let mut names = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let name = format!("{i}.sh");
        std::fs::write(dir.path().join(&name), format!("{SHELLCHECK_PREFIX}{text}"))
            .map_err(|e| format!("{}: {e}", dir.path().join(&name).display()))?;
        names.push(name);
    }
    let output = std::process::Command::new(program)
        .current_dir(dir.path())
        .args(["--norc", "--shell=dash", "--format=json1"])
        .arg(format!("--exclude={}", SHELLCHECK_EXCLUDE.join(",")))
        .arg("--")
        .args(&names)
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let json: Json1 = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "{}: unreadable output ({e}): {}",
            program.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )
    })?;
    for c in json.comments {
        let Some(i) = c
            .file
            .strip_suffix(".sh")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&i| i < texts.len())
        else {
            continue;
        };
        // shellcheck's "error" level holds heuristics (SC2144 `[ -f glob ]`
        // works when the glob matches one file, SC2068, SC2145 …), not
        // certain failures: a warning at most. The certain ones (dash cannot
        // parse the text) are UL401/UL402.
        let severity = match c.level.as_str() {
            "error" | "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        per_text[i].push(ShellcheckFinding {
            // Line 1 is the prefix.
            line: c.line.saturating_sub(1).max(1),
            column: c.column,
            end_line: c.end_line.saturating_sub(1).max(1),
            end_column: c.end_column,
            severity,
            code: c.code,
            message: c.message,
            level: c.level,
        });
    }
    Ok(per_text)
}

/// A shellcheck finding in a shell text (1-based lines, columns in
/// characters with a TAB counting one).
#[derive(Clone, Debug)]
pub struct ShellcheckFinding {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub code: u32,
    pub message: String,
    /// shellcheck's own level: `error`, `warning`, `info` or `style`.
    pub level: String,
}

/// [`Pass::Shellcheck`] (UL405): shellcheck over every embedded shell text
/// of the reported jobs that have it enabled, [`SHELLCHECK_CHUNK`] texts
/// per process, telling the run's progress after each.
pub(crate) fn check_shellcheck(set: &SetCtx<'_>, out: &mut SetFindings) {
    let mut programs = Programs::default();
    let mut groups: Vec<(PathBuf, Vec<(usize, Embedded)>)> = Vec::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        let Some(program) = programs.shellcheck(ctx.config) else {
            continue;
        };
        let texts = extract(ctx.file).into_iter().map(|e| (ctx.index, e));
        match groups.iter_mut().find(|(p, _)| *p == program) {
            Some((_, list)) => list.extend(texts),
            None => groups.push((program, texts.collect())),
        }
    }
    let total: usize = groups.iter().map(|(_, list)| list.len()).sum();
    let mut done = 0;
    for (program, list) in groups {
        let mut found = Vec::with_capacity(list.len());
        for chunk in list.chunks(SHELLCHECK_CHUNK) {
            (set.progress)(Progress::Shellcheck { done, total });
            let texts: Vec<&str> = chunk.iter().map(|(_, e)| e.text.as_str()).collect();
            match run_shellcheck(&program, &texts) {
                Ok(per_text) => found.extend(per_text),
                Err(e) => {
                    eprintln!("upstart-lint: warning: shellcheck failed, UL405 is skipped: {e}");
                    found.clear();
                    break;
                }
            }
            done += chunk.len();
        }
        for ((job, embedded), findings) in list.iter().zip(found) {
            for f in findings {
                let start = embedded.offset_of(f.line, f.column);
                let end = embedded.offset_of(f.end_line, f.end_column).max(start);
                let code = format!("SC{:04}", f.code);
                out.add(
                    *job,
                    Code::UL405,
                    embedded.span(start..end),
                    format!("{code}: {}", f.message),
                )
                .help(format!(
                    "see https://www.shellcheck.net/wiki/{code} (shellcheck's level: {})",
                    f.level
                ))
                .severity(f.severity)
                .shellcheck(f.code);
            }
        }
    }
}
