//! One file per rule; this table lists them all, in code order.

use super::registry::Rule;
use crate::ast::{EventMatch, OnCondition, Stanza, StanzaKind};

mod ul216_emit_not_declared;
mod ul301_unknown_job;
mod ul302_unknown_event;
mod ul303_job_name_as_event;
mod ul304_start_cycle;
mod ul305_self_reference;
mod ul306_orphan_override;
mod ul308_console_owner_conflict;
mod ul901_unused_suppression;
mod ul902_unknown_rule_in_suppression;
mod ul903_unreadable_input;
mod ul904_malformed_suppression;

/// Every rule, ordered by code (a test checks the order and uniqueness).
pub(crate) static RULES: &[Rule] = &[
    // UL0xx syntax and file
    // UL1xx values
    // UL2xx single-job semantics
    ul216_emit_not_declared::RULE,
    // UL3xx job set
    ul301_unknown_job::RULE,
    ul302_unknown_event::RULE,
    ul303_job_name_as_event::RULE,
    ul304_start_cycle::RULE,
    ul305_self_reference::RULE,
    ul306_orphan_override::RULE,
    ul308_console_owner_conflict::RULE,
    // UL4xx embedded shell
    // UL6xx hygiene
    // UL9xx meta
    ul901_unused_suppression::RULE,
    ul902_unknown_rule_in_suppression::RULE,
    ul903_unreadable_input::RULE,
    ul904_malformed_suppression::RULE,
];

/// The `start on` / `stop on` stanzas of a job file with their conditions.
pub(crate) fn on_conditions(job: &crate::ast::Job) -> Vec<(&Stanza, &OnCondition)> {
    job.stanzas()
        .filter_map(|s| match &s.kind {
            StanzaKind::StartOn { on } | StanzaKind::StopOn { on } => Some((s, on)),
            _ => None,
        })
        .collect()
}

/// Every event match of every `start on` / `stop on` of a job file.
pub(crate) fn event_matches(job: &crate::ast::Job) -> Vec<&EventMatch> {
    on_conditions(job)
        .into_iter()
        .flat_map(|(_, on)| on.expr.events())
        .collect()
}
