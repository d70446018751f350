use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use super::event_matches;
use crate::ast::StanzaKind;
use crate::diag::Code;
use crate::facts::events;

rule! {
    /// ## What it does
    /// Flags an event named exactly like a job of the set (`start on mysql`)
    /// when no job declares `emits mysql` and it is not a standard event.
    ///
    /// ## Why is this bad?
    /// Jobs do not emit their own name: upstart emits `starting`, `started`,
    /// `stopping` and `stopped` with `JOB=mysql`. The condition never
    /// becomes true.
    ///
    /// ## Example
    /// ```text
    /// start on mysql
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on started mysql
    /// ```
    code: UL303,
    name: "job-name-as-event",
    severity: Warning,
    default: true,
    summary: "a bare event equal to a job name that nothing emits",
    check: Check::Set(check),
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    // Sets: looked up for every event of every job.
    let job_names: std::collections::HashSet<&str> =
        set.jobs.iter().map(|j| j.name.as_str()).collect();
    let declared: std::collections::HashSet<&str> = set
        .jobs
        .iter()
        .flat_map(|c| c.job().stanzas())
        .filter_map(|s| match &s.kind {
            StanzaKind::Emits { events } => Some(events.iter().map(|e| e.value.as_str())),
            _ => None,
        })
        .flatten()
        .collect();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        for event in event_matches(ctx.job()) {
            let name = event.name.as_str();
            if events::is_standard_event(name)
                || declared.contains(&name)
                || set.known_events.contains(name)
                || !job_names.contains(name)
            {
                continue;
            }
            out.add(
                ctx.index,
                Code::UL303,
                event.name_span,
                "Job name used as an event",
            )
            .label(format!(
                "`{name}` is a job, and jobs do not emit their own name"
            ))
            .help(format!(
                "write `started {name}` (or `starting`, `stopping`, `stopped`)"
            ));
        }
    }
}
