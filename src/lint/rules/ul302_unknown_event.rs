use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use super::event_matches;
use crate::ast::StanzaKind;
use crate::diag::Code;
use crate::facts::events;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashSet;

rule! {
    /// ## What it does
    /// Flags an event in `start on` / `stop on` that no one is known to emit:
    /// it is not a standard upstart event (upstart-events(7): `startup`,
    /// `runlevel`, `filesystem`, `net-device-up`, job events, udev-bridge
    /// `<subsystem>-device-<action>`, `:sys:` mirrors, `<event>/failed`, …),
    /// no job of the linted set declares it with `emits` (globs allowed), and
    /// it is not listed in `known-events` of the configuration.
    ///
    /// ## Why is this bad?
    /// Upstart compares event names literally. A misspelt event (`filesytem`),
    /// or one that its emitter never announces, leaves the job waiting
    /// forever without any error.
    ///
    /// ## Example
    /// ```text
    /// start on my_event
    /// ```
    ///
    /// ## Use instead
    /// Declare the event in the job that emits it, so tools can check the
    /// relationship:
    /// ```text
    /// emits my_event
    /// ```
    /// or list it under `known-events` in `.upstart-lint.toml` when a program
    /// outside the job set emits it (`initctl emit my_event`).
    code: UL302,
    name: "unknown-event",
    severity: Warning,
    default: true,
    summary: "event in `start on`/`stop on` that is neither standard, nor declared by `emits`, nor configured as known",
    check: Check::Set(check),
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    // Sets, not lists: the loop below asks for every event of every job
    // (a lookup in a list made the rule quadratic in the number of jobs).
    let mut declared: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for ctx in set.jobs {
        for s in ctx.job().stanzas() {
            if let StanzaKind::Emits { events } = &s.kind {
                declared.extend(
                    events
                        .iter()
                        .map(|e| e.value.as_str())
                        .filter(|e| seen.insert(*e)),
                );
            }
        }
    }
    let mut globs = GlobSetBuilder::new();
    // Every declared name is a pattern; GlobSet matches literal ones by hash.
    for pattern in &declared {
        if let Ok(g) = Glob::new(pattern) {
            globs.add(g);
        }
    }
    let globs = globs.build().unwrap_or_else(|_| GlobSet::empty());
    let job_names: HashSet<&str> = set.jobs.iter().map(|j| j.name.as_str()).collect();
    let mut candidates: Vec<&str> = events::STANDARD_EVENTS.to_vec();
    candidates.extend(declared.iter().copied());
    candidates.extend(set.known_events.iter().map(String::as_str));
    // The same unknown name recurs across jobs: suggest once per name.
    let mut suggestions: std::collections::HashMap<String, Option<&str>> =
        std::collections::HashMap::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        for event in event_matches(ctx.job()) {
            let name = event.name.as_str();
            // `$VAR` names are another problem (expansion), not this one.
            // A job's own name as an event is UL303's more specific finding.
            if name.contains('$')
                || job_names.contains(name)
                || events::is_standard_event(name)
                || set.known_events.contains(name)
                || seen.contains(name)
                || globs.is_match(name)
            {
                continue;
            }
            let f = out.add(ctx.index, Code::UL302, event.name_span, "Unknown event");
            f.label(format!(
                "`{name}` is not a standard event and no job declares `emits {name}`"
            ));
            match suggestions
                .entry(name.to_string())
                .or_insert_with(|| crate::syntax::did_you_mean(name, &candidates))
            {
                Some(s) => f.help(format!(
                    "did you mean `{s}`? Otherwise add `emits {name}` to the job that runs `initctl emit {name}`, or list it in `known-events`"
                )),
                None => f.help(format!(
                    "add `emits {name}` to the job that runs `initctl emit {name}`, or list `{name}` in `known-events` in .upstart-lint.toml"
                )),
            };
        }
    }
}
