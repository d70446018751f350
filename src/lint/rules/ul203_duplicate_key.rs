use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;
use crate::source::Span;
use std::collections::BTreeMap;

rule! {
    /// ## What it does
    /// Flags the same `env` variable or the same `limit` resource set twice
    /// in one file. An `.override` setting them again is not flagged.
    ///
    /// ## Why is this bad?
    /// Only the last value is used (for `env`, the later entry replaces the
    /// earlier one when the environment is built). The first line is dead
    /// and misleads whoever reads the job.
    ///
    /// ## Example
    /// ```text
    /// env PORT=80
    /// limit nofile 1024 1024
    /// env PORT=8080
    /// limit nofile 65536 65536
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// env PORT=8080
    /// limit nofile 65536 65536
    /// ```
    code: UL203,
    name: "duplicate-key",
    severity: Warning,
    default: true,
    summary: "same `env` name or `limit` resource set twice: only the last value is used",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let mut env: BTreeMap<&str, Span> = BTreeMap::new();
    let mut limits: BTreeMap<&str, Span> = BTreeMap::new();
    for s in ctx.job().stanzas() {
        let (map, key, span, what) = match &s.kind {
            StanzaKind::Env { var } => (&mut env, var.key.as_str(), var.span, "variable"),
            StanzaKind::Limit { resource, .. } => {
                (&mut limits, resource.value.as_str(), resource.span, "limit")
            }
            _ => continue,
        };
        match map.get(key) {
            Some(first) => {
                let line = ctx.source().line_col(first.start).0;
                out.add(
                    Code::UL203,
                    span,
                    format!("The {what} `{key}` is set twice"),
                )
                .label(format!("this replaces the value set on line {line}"))
                .related(*first, "first set here, ignored")
                .help("only the last value is used: remove the other line");
                map.insert(key, span);
            }
            None => {
                map.insert(key, span);
            }
        }
    }
}
