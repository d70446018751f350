use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ProcessBody, StanzaKind};
use crate::diag::Code;
use crate::source::Span;
use globset::Glob;

rule! {
    /// ## What it does
    /// Finds `initctl emit NAME` in the job's `exec` lines and script blocks
    /// where the job has no `emits NAME` stanza (globs in `emits` count).
    ///
    /// ## Why is this bad?
    /// `emits` is how upstart's own tools (`initctl check-config`,
    /// `show-config`) and this linter learn which events exist. Without it,
    /// every job waiting for the event looks like it waits for nothing.
    ///
    /// ## Example
    /// ```text
    /// post-start exec initctl emit app-ready
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// emits app-ready
    /// post-start exec initctl emit app-ready
    /// ```
    code: UL216,
    name: "emit-not-declared",
    severity: Info,
    default: true,
    summary: "the job runs `initctl emit X` but has no `emits X`",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    // The `emits` patterns are compiled only for a job that emits: most
    // jobs do not, and a glob costs more to build than the whole scan.
    let declared = std::cell::OnceCell::new();
    let declared = || {
        declared.get_or_init(|| {
            ctx.resolved
                .emits
                .iter()
                .filter_map(|w| {
                    Glob::new(&w.value)
                        .ok()
                        .map(|g| (w.value.clone(), g.compile_matcher()))
                })
                .collect::<Vec<_>>()
        })
    };
    for s in ctx.job().stanzas() {
        let StanzaKind::Process { body, .. } = &s.kind else {
            continue;
        };
        let span = match body {
            ProcessBody::Exec { command, .. } => command.span,
            ProcessBody::Script { body_span, .. } => *body_span,
        };
        for (name, at) in emitted(ctx.text(span), span.start) {
            if name.contains('$')
                || declared()
                    .iter()
                    .any(|(d, m)| *d == name || m.is_match(&name))
            {
                continue;
            }
            out.add(Code::UL216, at, "Event emitted but not declared")
                .label(format!("this job emits `{name}` without `emits {name}`"))
                .help(format!("add a line `emits {name}` to the job"));
        }
    }
}

fn emitted(text: &str, base: usize) -> Vec<(String, Span)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("initctl") {
        let start = from + i;
        from = start + "initctl".len();
        let rest = &text[from..];
        let mut words = rest.split([' ', '\t']).filter(|w| !w.is_empty());
        if words.next() != Some("emit") {
            continue;
        }
        let Some(name) = words.find(|w| !w.starts_with('-')) else {
            continue;
        };
        let name = name.trim_end_matches([';', '\n', '\r', '&', '|', ')']);
        let name = name.trim_matches(['"', '\'']);
        if name.is_empty() {
            continue;
        }
        let at = rest.find(name).map_or(from, |k| from + k);
        found.push((
            name.to_string(),
            Span::new(base + at, base + at + name.len()),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_emit_names() {
        let v = super::emitted("x; initctl emit --no-wait app-ready FOO=1\n", 10);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "app-ready");
        assert_eq!(v[0].1.start, 10 + 26);
    }
}
