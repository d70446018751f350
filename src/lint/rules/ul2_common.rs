//! Helpers shared by the UL0xx–UL2xx and UL6xx single-job rules (not a rule):
//! finding stanzas. The shell lexer they use is [`crate::shell`].

use super::super::JobCtx;
use crate::ast::{ExpectMode, Job, ProcessBody, ProcessKind, Stanza, StanzaKind};
use crate::source::Span;

/// The last stanza of `job` for which `pred` holds.
pub(super) fn last_stanza(job: &Job, pred: impl Fn(&StanzaKind) -> bool) -> Option<&Stanza> {
    job.stanzas().filter(|s| pred(&s.kind)).last()
}

/// The stanza of this file that holds `body` (the effective process of the
/// resolved job), if it is in this file.
pub(super) fn stanza_of_body<'a>(ctx: &'a JobCtx<'_>, body: &ProcessBody) -> Option<&'a Stanza> {
    ctx.job().stanzas().find(|s| match &s.kind {
        StanzaKind::Process { body: b, .. } => std::ptr::eq(b, body),
        _ => false,
    })
}

/// Where to report a finding about the job as a whole: the keyword of the
/// first stanza found by `preds` (tried in order), else the start of the file.
pub(super) fn anchor(job: &Job, preds: &[&dyn Fn(&StanzaKind) -> bool]) -> Span {
    preds
        .iter()
        .find_map(|p| last_stanza(job, p))
        .map_or(Span::new(0, 0), |s| s.keyword_span)
}

/// `expect fork` or `expect daemon`.
pub(super) fn tracks_forks(mode: Option<ExpectMode>) -> bool {
    matches!(mode, Some(ExpectMode::Fork | ExpectMode::Daemon))
}

/// The `expect` stanza of this file, if any.
pub(super) fn is_expect(k: &StanzaKind) -> bool {
    matches!(k, StanzaKind::Expect { .. })
}

/// A main `exec`/`script` stanza.
pub(super) fn is_main(k: &StanzaKind) -> bool {
    matches!(
        k,
        StanzaKind::Process {
            process: ProcessKind::Main,
            ..
        }
    )
}

/// The text of a process as written in this file (`exec` command with its
/// continuations, or script body lines) with its span; for a process that
/// comes from the other file of a `.conf`/`.override` pair, its stored text
/// and no span.
pub(super) fn process_text<'a>(
    ctx: &'a JobCtx<'_>,
    body: &'a ProcessBody,
) -> (&'a str, Option<Span>) {
    if stanza_of_body(ctx, body).is_none() {
        return match body {
            ProcessBody::Exec { command, .. } => (command.value.as_str(), None),
            ProcessBody::Script { body, .. } => (body.as_str(), None),
        };
    }
    let span = match body {
        ProcessBody::Exec { command, .. } => command.span,
        ProcessBody::Script { body_span, .. } => *body_span,
    };
    (ctx.text(span), Some(span))
}

pub(super) use crate::shell::{Tok, basename, commands, lex, script_flow};
