//! The linter: every parse error plus the rules of the registry, over one
//! job file or a whole job set, with configuration and suppressions applied.

pub mod config;
mod conversion;
pub mod fix;
pub mod output;
mod passes;
pub mod registry;
pub(crate) mod rules;
pub mod shell;
pub mod suppress;

use crate::ast::{Job, Resolved, resolve};
use crate::diag::Code;
use crate::diag::Severity;
use crate::diag::{Diagnostic, Fix};
use crate::load::{FileKind, ParsedFile, file_kind};
use crate::source::{SourceFile, Span};
use config::Config;
use registry::{Pass, Rule};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One file to lint.
pub struct Input {
    pub file: ParsedFile,
    /// Job name (relative path without extension, or the file stem).
    pub name: String,
    /// Index into the configs given to [`lint`].
    pub config: usize,
    /// False for sibling jobs loaded only as context for cross-file rules.
    pub report: bool,
}

/// What a rule reports; turned into a [`Diagnostic`] by the driver.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: Code,
    pub span: Span,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<(Span, String)>,
    pub fix: Option<Fix>,
    /// Overrides the rule's default severity (shellcheck's levels, UL405);
    /// the config's `[severity]` still wins.
    pub severity: Option<Severity>,
    /// The shellcheck code of a UL405 finding (2086 for SC2086).
    pub shellcheck: Option<u32>,
    /// Upstart's own message for a parse error (see
    /// [`Diagnostic::upstart`]).
    pub upstart: Option<&'static str>,
}

impl Finding {
    pub fn label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = label.into();
        self
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(&mut self, span: Span, label: impl Into<String>) -> &mut Self {
        self.related.push((span, label.into()));
        self
    }

    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }

    pub fn shellcheck(&mut self, code: u32) -> &mut Self {
        self.shellcheck = Some(code);
        self
    }
}

fn finding(code: Code, span: Span, message: String) -> Finding {
    Finding {
        code,
        span,
        message,
        label: String::new(),
        help: None,
        related: Vec::new(),
        fix: None,
        severity: None,
        shellcheck: None,
        upstart: None,
    }
}

/// Findings of one code listed per file; past it, [`SetFindings`] counts
/// them instead of keeping them, and the report ends the file's list of
/// that code with one summary (see [`Diagnostic::summarised`]). A file of
/// millions of identical lines thus costs a bounded report and bounded
/// memory; real jobs stay far below.
pub const CAP: usize = 1000;

/// Findings of a job rule (all in the job's own file).
#[derive(Default)]
pub struct JobFindings {
    inner: SetFindings,
}

impl JobFindings {
    pub fn add(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Finding {
        self.inner.add(0, code, span, message)
    }
}

/// Findings past [`CAP`] of one code (and shellcheck code) in one file:
/// how many, where the first was, and which severities they asked for.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Overflow {
    first: Span,
    count: usize,
    /// The severity overrides seen ([`Finding::severity`]): bit 0 for none
    /// (the rule's), bits 1 to 3 for info, warning and error.
    severities: u8,
}

impl Overflow {
    fn add(&mut self, other: Overflow) {
        if self.count == 0 || other.first < self.first {
            self.first = other.first;
        }
        self.count += other.count;
        self.severities |= other.severities;
    }

    fn of(f: &Finding) -> Self {
        let bit = match f.severity {
            None => 0,
            Some(Severity::Info) => 1,
            Some(Severity::Warning) => 2,
            Some(Severity::Error) => 3,
        };
        Self {
            first: f.span,
            count: 1,
            severities: 1 << bit,
        }
    }

    /// The severities the counted findings asked for.
    fn overrides(self) -> impl Iterator<Item = Option<Severity>> {
        [
            None,
            Some(Severity::Info),
            Some(Severity::Warning),
            Some(Severity::Error),
        ]
        .into_iter()
        .enumerate()
        .filter(move |(bit, _)| self.severities & (1 << bit) != 0)
        .map(|(_, s)| s)
    }
}

/// Findings of a set rule, each in the file of one job of the set; past
/// [`CAP`] of one code in one file they are counted, not kept.
#[derive(Default)]
pub struct SetFindings {
    findings: Vec<(usize, Finding)>,
    /// Findings kept per (job, code).
    kept: std::collections::HashMap<(usize, Code), usize>,
    /// The last finding past the cap, counted once the rule is done
    /// setting it (its severity and shellcheck code come after `add`).
    spare: Option<(usize, Finding)>,
    /// Findings counted per (job, code, shellcheck code).
    over: Counted,
}

/// [`Overflow`]s per (job, code, shellcheck code).
type Counted = BTreeMap<(usize, Code, Option<u32>), Overflow>;

impl SetFindings {
    pub fn add(
        &mut self,
        job: usize,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.settle();
        let f = finding(code, span, message.into());
        if self.keeps(job, code) {
            self.findings.push((job, f));
            let last = self.findings.len() - 1;
            &mut self.findings[last].1
        } else {
            &mut self.spare.insert((job, f)).1
        }
    }

    /// A finding built by the caller.
    pub(crate) fn push(&mut self, job: usize, finding: Finding) {
        self.settle();
        if self.keeps(job, finding.code) {
            self.findings.push((job, finding));
        } else {
            self.count(job, &finding);
        }
    }

    fn keeps(&mut self, job: usize, code: Code) -> bool {
        let kept = self.kept.entry((job, code)).or_insert(0);
        *kept += 1;
        *kept <= CAP
    }

    fn count(&mut self, job: usize, f: &Finding) {
        self.over
            .entry((job, f.code, f.shellcheck))
            .or_default()
            .add(Overflow::of(f));
    }

    fn settle(&mut self) {
        if let Some((job, f)) = self.spare.take() {
            self.count(job, &f);
        }
    }

    /// A job rule's findings, in `job`'s file.
    pub(crate) fn extend(&mut self, job: usize, mut found: JobFindings) {
        found.inner.settle();
        for (_, f) in found.inner.findings {
            self.push(job, f);
        }
        for ((_, code, sc), o) in found.inner.over {
            self.over.entry((job, code, sc)).or_default().add(o);
        }
    }

    /// Another pass's findings after these. Passes report disjoint codes,
    /// so the caps of one never count the other's findings.
    fn append(&mut self, mut other: SetFindings) {
        self.settle();
        other.settle();
        // Taken whole into an empty list: appending would hold the
        // findings twice while the list grows.
        if self.findings.is_empty() {
            self.findings = other.findings;
            self.kept = other.kept;
        } else {
            self.findings.append(&mut other.findings);
            self.kept.extend(other.kept);
        }
        for (key, o) in other.over {
            self.over.entry(key).or_default().add(o);
        }
    }

    /// The findings kept and those counted.
    fn into_parts(mut self) -> (Vec<(usize, Finding)>, Counted) {
        self.settle();
        (self.findings, self.over)
    }
}

/// One job file as the rules see it.
pub struct JobCtx<'a> {
    /// Position in [`SetCtx::jobs`].
    pub index: usize,
    pub file: &'a ParsedFile,
    pub name: String,
    pub is_override: bool,
    /// The effective job: the `.conf` with its clean `.override` merged.
    pub resolved: Resolved<'a>,
    pub config: &'a Config,
    /// Reported on (false for context-only siblings).
    pub report: bool,
}

impl JobCtx<'_> {
    #[must_use]
    pub fn job(&self) -> &Job {
        &self.file.parsed.job
    }

    #[must_use]
    pub fn source(&self) -> &SourceFile {
        &self.file.source
    }

    /// The text of a span of this file.
    #[must_use]
    pub fn text(&self, span: Span) -> &str {
        let span = self.source().clamp(span);
        self.source().text().get(span.start..span.end).unwrap_or("")
    }
}

/// The whole set of jobs linted together.
pub struct SetCtx<'a> {
    pub jobs: &'a [JobCtx<'a>],
    /// Events configured as known (union of every config's `known-events`).
    pub known_events: BTreeSet<String>,
    /// Jobs configured as known.
    pub known_jobs: BTreeSet<String>,
    /// The `.override` files with no `.conf` beside them (indexes into
    /// [`SetCtx::jobs`]).
    pub orphans: Vec<usize>,
    /// Told how far a long pass is (see [`lint_with_progress`]).
    pub progress: &'a (dyn Fn(Progress) + Sync),
}

/// How far a long run is, for a progress line: the command line shows it
/// on a terminal; the library never prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The passes start over `files` files.
    Files { files: usize },
    /// shellcheck has checked `done` of `total` shell texts.
    Shellcheck { done: usize, total: usize },
    /// The passes are over (a progress line can go).
    Done,
}

impl SetCtx<'_> {
    /// The jobs reported on.
    pub fn reported(&self) -> impl Iterator<Item = &JobCtx<'_>> {
        self.jobs.iter().filter(|c| c.report)
    }

    /// Whether `rule` is enabled for some job reported on.
    #[must_use]
    pub fn wants(&self, rule: &Rule) -> bool {
        self.reported().any(|c| c.config.enabled(rule))
    }
}

/// The result of a lint run.
pub struct LintResult {
    pub diagnostics: Vec<Diagnostic>,
    /// Files reported on.
    pub files: usize,
}

/// Lint `inputs`. `configs[input.config]` applies to each input.
#[must_use]
pub fn lint(inputs: &[Input], configs: &[Config]) -> LintResult {
    lint_with_progress(inputs, configs, &|_| {})
}

/// [`lint`], telling `progress` how far it is.
#[must_use]
pub fn lint_with_progress(
    inputs: &[Input],
    configs: &[Config],
    progress: &(dyn Fn(Progress) + Sync),
) -> LintResult {
    let default_config = Config::default();
    let pairs = Pairs::of(inputs);
    let ctxs = job_contexts(inputs, configs, &default_config, &pairs);
    let set = SetCtx {
        jobs: &ctxs,
        known_events: configs
            .iter()
            .flat_map(|c| c.known_events.iter().cloned())
            .collect(),
        known_jobs: configs
            .iter()
            .flat_map(|c| c.known_jobs.iter().cloned())
            .collect(),
        orphans: pairs.orphans,
        progress,
    };
    progress(Progress::Files {
        files: inputs.iter().filter(|i| i.report).count(),
    });
    let found = run_passes(&set);
    progress(Progress::Done);
    LintResult {
        diagnostics: report(&ctxs, found),
        files: inputs.iter().filter(|i| i.report).count(),
    }
}

/// Each `.override` paired with the `.conf` beside it.
struct Pairs {
    /// `.conf` input → its `.override` input.
    override_of: BTreeMap<usize, usize>,
    /// `.override` input → its `.conf` input.
    conf_of: BTreeMap<usize, usize>,
    /// `.override` inputs without a `.conf`.
    orphans: Vec<usize>,
}

impl Pairs {
    fn of(inputs: &[Input]) -> Self {
        let kind = |i: &Input| file_kind(&i.file.path);
        let confs: BTreeMap<PathBuf, usize> = inputs
            .iter()
            .enumerate()
            .filter(|(_, input)| kind(input) == Some(FileKind::Conf))
            .map(|(i, input)| (input.file.path.with_extension(""), i))
            .collect();
        let mut override_of = BTreeMap::new();
        let mut orphans = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            if kind(input) == Some(FileKind::Override) {
                match confs.get(&input.file.path.with_extension("")) {
                    Some(&c) => {
                        override_of.insert(c, i);
                    }
                    None => orphans.push(i),
                }
            }
        }
        let conf_of = override_of.iter().map(|(c, o)| (*o, *c)).collect();
        Self {
            override_of,
            conf_of,
            orphans,
        }
    }
}

/// The rules' view of every input: the effective job of a `.conf` (or of
/// an `.override`) merges the pair.
fn job_contexts<'a>(
    inputs: &'a [Input],
    configs: &'a [Config],
    default_config: &'a Config,
    pairs: &Pairs,
) -> Vec<JobCtx<'a>> {
    let indexes: Vec<usize> = (0..inputs.len()).collect();
    // Resolving every job is a tenth of a run: spread over the cores.
    crate::par::map(
        &indexes,
        inputs.len() >= PARALLEL_FROM,
        |_| 1,
        |&i| {
            let input = &inputs[i];
            let is_override = file_kind(&input.file.path) == Some(FileKind::Override);
            let (conf, ovr) = if is_override {
                (pairs.conf_of.get(&i).copied(), Some(i))
            } else {
                (Some(i), pairs.override_of.get(&i).copied())
            };
            let mut jobs: Vec<&Job> = Vec::new();
            if let Some(c) = conf {
                jobs.push(&inputs[c].file.parsed.job);
            }
            if let Some(o) = ovr {
                // Upstart ignores an override that fails to parse.
                if !inputs[o].file.parsed.has_errors() || is_override {
                    jobs.push(&inputs[o].file.parsed.job);
                }
            }
            JobCtx {
                index: i,
                file: &input.file,
                name: input.name.clone(),
                is_override,
                resolved: resolve(&jobs),
                config: configs.get(input.config).unwrap_or(default_config),
                report: input.report,
            }
        },
    )
}

/// Run every pass that some reported job's config wants (one of its codes
/// enabled) or that always runs; the findings of all, in pass order.
///
/// The shell passes read only the shell texts and write only their own
/// codes: on a set worth it they run beside the others, on a second core.
fn run_passes(set: &SetCtx<'_>) -> SetFindings {
    let wanted: Vec<(usize, Pass, registry::Run)> = Pass::lint_passes()
        .into_iter()
        .enumerate()
        .filter(|(_, (pass, _))| pass.always() || pass.rules().any(|r| set.wants(r)))
        .map(|(i, (pass, run))| (i, pass, run))
        .collect();
    let (shell, rest): (Vec<_>, Vec<_>) = wanted
        .into_iter()
        .partition(|(_, pass, _)| matches!(pass, Pass::Shell | Pass::Shellcheck));
    let run_all = |passes: Vec<(usize, Pass, registry::Run)>| -> Vec<(usize, SetFindings)> {
        passes
            .into_iter()
            .map(|(i, _, run)| {
                let mut out = SetFindings::default();
                run(set, &mut out);
                (i, out)
            })
            .collect()
    };
    let parallel = !shell.is_empty() && set.reported().nth(PARALLEL_FROM - 1).is_some();
    let (mut found, beside) = crate::par::join(parallel, || run_all(rest), || run_all(shell));
    found.extend(beside);
    found.sort_by_key(|(i, _)| *i);
    let mut out = SetFindings::default();
    for (_, f) in found {
        out.append(f);
    }
    out
}

/// Jobs from which a run checks shell texts beside the other rules.
const PARALLEL_FROM: usize = 16;

/// The diagnostics of the reported files: each file keeps the findings its
/// config enables (and never drops a syntax error), less what its
/// suppression comments silence, plus what they report, plus one summary
/// per code past [`CAP`]; sorted.
fn report(ctxs: &[JobCtx<'_>], found: SetFindings) -> Vec<Diagnostic> {
    let (found, over) = found.into_parts();
    // Each file's findings and counts, handed to the worker that renders
    // the file (locations, snippets, suppression comments).
    type Found = (Vec<Finding>, Vec<((Code, Option<u32>), Overflow)>);
    let mut per_file: Vec<std::sync::Mutex<Found>> = (0..ctxs.len())
        .map(|_| std::sync::Mutex::new((Vec::new(), Vec::new())))
        .collect();
    for (job, f) in found {
        if let Some(Ok(slot)) = per_file.get_mut(job).map(std::sync::Mutex::get_mut) {
            slot.0.push(f);
        }
    }
    for ((job, code, sc), o) in over {
        if let Some(Ok(slot)) = per_file.get_mut(job).map(std::sync::Mutex::get_mut) {
            slot.1.push(((code, sc), o));
        }
    }
    let reported: Vec<&JobCtx<'_>> = ctxs.iter().filter(|c| c.report).collect();
    let rendered = crate::par::map(
        &reported,
        reported.len() >= PARALLEL_FROM,
        |_| 1,
        |ctx| {
            let (found, over) = per_file
                .get(ctx.index)
                .and_then(|m| m.lock().ok().map(|mut g| std::mem::take(&mut *g)))
                .unwrap_or_default();
            let mut diags: Vec<Diagnostic> = found
                .into_iter()
                .map(|f| to_diagnostic(ctx, f))
                .filter(|d| !ctx.config.ignores(&ctx.file.path, d))
                .collect();
            diags = suppress::apply(&ctx.file.source, diags, ctx.config);
            // Counted findings were never checked against suppression
            // comments: their summary is not either.
            diags.extend(
                over.into_iter()
                    .map(|((code, sc), o)| summary(ctx, code, sc, o))
                    .filter(|d| !ctx.config.ignores(&ctx.file.path, d)),
            );
            diags
        },
    );
    let mut diagnostics: Vec<Diagnostic> = rendered.into_iter().flatten().collect();
    sort(&mut diagnostics);
    diagnostics
}

/// The one diagnostic that stands for the `o.count` findings of `code`
/// past [`CAP`] in `ctx`'s file: at the first of them, with the highest
/// severity among them.
fn summary(ctx: &JobCtx<'_>, code: Code, shellcheck: Option<u32>, o: Overflow) -> Diagnostic {
    let rule = registry::find(code);
    let severity = o
        .overrides()
        .map(|s| {
            let default = s.unwrap_or_else(|| rule.map_or(Severity::Warning, |r| r.severity));
            ctx.config.severity_of(code, default)
        })
        .max()
        .unwrap_or(Severity::Warning);
    let what = match shellcheck {
        Some(sc) => format!("{code} (SC{sc})"),
        None => code.to_string(),
    };
    let mut d = Diagnostic::new(
        ctx.source(),
        code,
        severity,
        format!("{} more {what} findings in this file", o.count),
        format!(
            "listed up to {CAP} per code and file; these {} from here on are counted, not listed",
            o.count
        ),
        Some(
            "fix the listed ones and lint again to see the rest, or `--statistics` for the counts"
                .to_string(),
        ),
        o.first,
        &[],
    );
    d.shellcheck = shellcheck;
    d.summarised = o.count;
    d
}

/// By file, line, column, then code.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.code.as_str()).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.code.as_str(),
        ))
    });
}

fn to_diagnostic(ctx: &JobCtx<'_>, f: Finding) -> Diagnostic {
    let rule = registry::find(f.code);
    let default = f
        .severity
        .unwrap_or_else(|| rule.map_or(Severity::Warning, |r| r.severity));
    let mut d = Diagnostic::new(
        ctx.source(),
        f.code,
        ctx.config.severity_of(f.code, default),
        f.message,
        f.label,
        f.help,
        f.span,
        &f.related,
    );
    d.fix = f.fix;
    d.shellcheck = f.shellcheck;
    d.upstart = f.upstart;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::output::{self, Format};

    fn lint_text(text: &str) -> LintResult {
        let input = Input {
            file: ParsedFile::from_bytes("dup.conf", text.as_bytes().to_vec()),
            name: "dup".into(),
            config: 0,
            report: true,
        };
        lint(&[input], &[Config::default()])
    }

    #[test]
    fn findings_past_the_cap_are_summarised() {
        let n = CAP + 500;
        let result = lint_text(&"env A=1\n".repeat(n + 1));
        let ul203: Vec<&Diagnostic> = result
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::UL203)
            .collect();
        assert_eq!(ul203.len(), CAP + 1);
        let summary = ul203[CAP];
        assert_eq!(summary.summarised, 500);
        assert_eq!(summary.line, CAP + 2);
        assert_eq!(summary.message, "500 more UL203 findings in this file");
        assert!(ul203[..CAP].iter().all(|d| d.summarised == 0));
        // Every finding is still counted.
        let rows = output::statistics::rows(&result.diagnostics);
        assert_eq!(
            rows.iter().find(|r| r.code == "UL203").map(|r| r.count),
            Some(n)
        );
        let options = output::Options {
            files: 1,
            ..output::Options::default()
        };
        let human = output::render(Format::Human, &result.diagnostics, options);
        assert!(human.ends_with(&format!("1 file checked: 0 errors, {n} warnings, 1 info\n")));
        // The JSON is one document, and says it.
        let json = output::render(Format::Json, &result.diagnostics, options);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let items = doc["diagnostics"].as_array().map(Vec::len);
        assert_eq!(items, Some(CAP + 2));
        assert_eq!(doc["diagnostics"][CAP + 1]["summarised"], 500);
        assert!(doc["diagnostics"][0].get("summarised").is_none());
        let sarif = output::render(Format::Sarif, &result.diagnostics, options);
        let doc: serde_json::Value = serde_json::from_str(&sarif).unwrap_or_default();
        assert_eq!(
            doc["runs"][0]["results"][CAP + 1]["properties"]["summarised"],
            500
        );
    }

    #[test]
    fn below_the_cap_nothing_is_summarised() {
        let result = lint_text(&"env A=1\n".repeat(CAP + 1));
        assert!(result.diagnostics.iter().all(|d| d.summarised == 0));
        let ul203 = result.diagnostics.iter().filter(|d| d.code == Code::UL203);
        assert_eq!(ul203.count(), CAP);
    }
}
