use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;
use crate::source::Span;
use std::collections::BTreeMap;

rule! {
    /// ## What it does
    /// Finds jobs whose `start on` conditions wait for each other through
    /// `starting`/`started` events: A starts on `started B` and B starts on
    /// `started A` (or a longer loop).
    ///
    /// ## Why is this bad?
    /// Neither job can start on its own, so none of them ever starts
    /// automatically; the loop is easy to build by accident across files.
    ///
    /// ## Example
    /// `a.conf`: `start on started b`, `b.conf`: `start on started a`.
    ///
    /// ## Use instead
    /// Break the loop: start one of them on a system event
    /// (`start on runlevel [2345]`) and let the other follow it.
    code: UL304,
    name: "start-cycle",
    severity: Warning,
    default: true,
    summary: "jobs whose `start on` conditions wait for each other in a loop",
    check: Check::Set(check),
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    let index: BTreeMap<&str, usize> = set
        .jobs
        .iter()
        .filter(|c| !c.is_override)
        .map(|c| (c.name.as_str(), c.index))
        .collect();
    // Edges: job → (job it waits for, span of that name).
    let mut edges: BTreeMap<usize, Vec<(usize, Span)>> = BTreeMap::new();
    for ctx in set.jobs.iter().filter(|c| !c.is_override) {
        for s in ctx.job().stanzas() {
            let StanzaKind::StartOn { on } = &s.kind else {
                continue;
            };
            for event in on.expr.events() {
                if !matches!(event.name.as_str(), "starting" | "started") {
                    continue;
                }
                if let Some(target) = event.named_job()
                    && let Some(&to) = index.get(target.name)
                    && to != ctx.index
                {
                    edges.entry(ctx.index).or_default().push((to, target.span));
                }
            }
        }
    }
    // Report each job that lies on a cycle, at its edge into the cycle.
    for (&from, targets) in &edges {
        if !set.jobs.get(from).is_some_and(|c| c.report) {
            continue;
        }
        for &(to, span) in targets {
            if let Some(path) = path_back(&edges, to, from) {
                let names: Vec<&str> = std::iter::once(from)
                    .chain(path)
                    .filter_map(|i| set.jobs.get(i).map(|c| c.name.as_str()))
                    .collect();
                out.add(from, Code::UL304, span, "Start cycle")
                    .label(format!(
                        "waits for a job that waits for this one: {}",
                        names.join(" → ")
                    ))
                    .help(
                        "start one job of the loop on a system event so the others can follow it",
                    );
                break;
            }
        }
    }
}

/// A path of jobs from `start` back to `goal`, if there is one.
fn path_back(
    edges: &BTreeMap<usize, Vec<(usize, Span)>>,
    start: usize,
    goal: usize,
) -> Option<Vec<usize>> {
    let mut stack = vec![(start, vec![start])];
    let mut seen = std::collections::BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        if node == goal {
            return Some(path);
        }
        if !seen.insert(node) {
            continue;
        }
        for &(next, _) in edges.get(&node).map_or(&[][..], Vec::as_slice) {
            let mut p = path.clone();
            p.push(next);
            stack.push((next, p));
        }
    }
    None
}
