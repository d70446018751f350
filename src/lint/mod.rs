//! The linter: every parse error plus the rules of the registry, over one
//! job file or a whole job set, with configuration and suppressions applied.

pub mod config;
pub mod fix;
pub mod output;
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
use crate::syntax::ErrorKind;
use config::{Config, Dialect};
use registry::Check;
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
    }
}

/// Findings of a job rule (all in the job's own file).
#[derive(Default)]
pub struct JobFindings {
    findings: Vec<Finding>,
}

impl JobFindings {
    pub fn add(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Finding {
        self.findings.push(finding(code, span, message.into()));
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

/// Findings of a set rule, each in the file of one job of the set.
#[derive(Default)]
pub struct SetFindings {
    findings: Vec<(usize, Finding)>,
}

impl SetFindings {
    pub fn add(
        &mut self,
        job: usize,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.findings
            .push((job, finding(code, span, message.into())));
        let last = self.findings.len() - 1;
        &mut self.findings[last].1
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
    let default_config = Config::default();
    let config_of = |i: &Input| configs.get(i.config).unwrap_or(&default_config);

    // Pair each .override with the .conf beside it.
    let mut conf_of: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for (i, input) in inputs.iter().enumerate() {
        if file_kind(&input.file.path) == Some(FileKind::Conf) {
            conf_of.insert(input.file.path.with_extension(""), i);
        }
    }
    let mut override_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut orphans = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if file_kind(&input.file.path) == Some(FileKind::Override) {
            match conf_of.get(&input.file.path.with_extension("")) {
                Some(&c) => {
                    override_of.insert(c, i);
                }
                None => orphans.push(i),
            }
        }
    }
    let conf_for_override: BTreeMap<usize, usize> =
        override_of.iter().map(|(c, o)| (*o, *c)).collect();

    let ctxs: Vec<JobCtx<'_>> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let is_override = file_kind(&input.file.path) == Some(FileKind::Override);
            let (conf, ovr) = if is_override {
                (conf_for_override.get(&i).copied(), Some(i))
            } else {
                (Some(i), override_of.get(&i).copied())
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
                config: config_of(input),
                report: input.report,
            }
        })
        .collect();

    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); inputs.len()];
    let rules = registry::all();

    for ctx in ctxs.iter().filter(|c| c.report) {
        let diags = &mut per_file[ctx.index];
        for err in &ctx.file.parsed.errors {
            if err.kind == ErrorKind::VendorStanza && ctx.config.dialect == Dialect::Chromeos {
                continue;
            }
            let mut d = Diagnostic::from_parse(&ctx.file.source, err);
            d.severity = ctx.config.severity_of(err.code(), d.severity);
            d.fix = fix::for_parse_error(ctx, err);
            diags.push(d);
        }
        let mut out = JobFindings::default();
        for rule in rules {
            if let Check::Job(check) = rule.check
                && ctx.config.enabled(rule)
            {
                check(ctx, &mut out);
            }
        }
        for f in out.findings {
            diags.push(to_diagnostic(ctx, f));
        }
    }
    for &o in &orphans {
        let ctx = &ctxs[o];
        if ctx.report && ctx.config.enabled_code(Code::UL306.as_str()) {
            let mut f = finding(
                Code::UL306,
                Span::new(0, 0),
                "Override without a job".to_string(),
            );
            f.label(format!("no `{}.conf` beside this override", ctx.name))
                .help("upstart ignores an override whose .conf is missing: rename it or remove it");
            per_file[o].push(to_diagnostic(ctx, f));
        }
    }

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
    };
    let mut out = SetFindings::default();
    for rule in rules {
        // A set rule runs when some config enables it (findings are still
        // filtered per file below).
        let wanted = |c: &Config| {
            c.enabled(rule)
                // UL401's pass reports every in-process shell rule.
                || rule.code == Code::UL401
                    && rules
                        .iter()
                        .any(|r| r.code.starts_with("UL40") && r.code != Code::UL405 && c.enabled(r))
        };
        if let Check::Set(check) = rule.check
            && (configs.is_empty() && wanted(&default_config) || configs.iter().any(wanted))
        {
            check(&set, &mut out);
        }
    }
    for (job, f) in out.findings {
        let Some(ctx) = ctxs.get(job) else { continue };
        if ctx.report && registry::find(f.code).is_some_and(|r| ctx.config.enabled(r)) {
            per_file[job].push(to_diagnostic(ctx, f));
        }
    }

    let mut diagnostics = Vec::new();
    for ctx in ctxs.iter().filter(|c| c.report) {
        let mut diags = std::mem::take(&mut per_file[ctx.index]);
        diags.retain(|d| !ctx.config.ignores(&ctx.file.path, d));
        diags = suppress::apply(&ctx.file.source, diags, ctx.config);
        diagnostics.extend(diags);
    }
    diagnostics.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.code.as_str()).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.code.as_str(),
        ))
    });
    LintResult {
        diagnostics,
        files: inputs.iter().filter(|i| i.report).count(),
    }
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
    d
}
