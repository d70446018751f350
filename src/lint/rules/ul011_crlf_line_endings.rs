use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ProcessBody, StanzaKind};
use crate::diag::Code;
use crate::diag::{Edit, Fix};
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags carriage returns before line feeds (Windows line endings). Up to
    /// two findings per file: one for the lines of script blocks, one for
    /// the other lines. A safe fix converts the line endings to LF.
    ///
    /// ## Why is this bad?
    /// Upstart's stanza parser counts CR as a blank, so stanza lines still
    /// work. Script bodies, however, go to `/bin/sh` byte for byte: every
    /// line ends in `\r`, so `mkdir -p /run/app` creates `/run/app\r`,
    /// `exec app` looks for a program named `app\r`, and `fi\r` is a syntax
    /// error. CRs inside script blocks are the serious case (treat them as
    /// errors); the code's default severity is a warning for both findings,
    /// which `[severity]` in the configuration can raise.
    ///
    /// ## Example
    /// ```text
    /// pre-start script␍
    ///     mkdir -p /run/app␍
    /// end script␍
    /// ```
    ///
    /// ## Use instead
    /// The same file saved with LF line endings (`dos2unix`, or the safe
    /// fix).
    code: UL011,
    name: "crlf-line-endings",
    severity: Warning,
    default: true,
    summary: "CRLF line endings (script bodies hand the CR to `sh`)",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let bytes = ctx.source().bytes();
    let crs: Vec<usize> = bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"\r\n")
        .map(|(i, _)| i)
        .collect();
    if crs.is_empty() {
        return;
    }
    let blocks: Vec<Span> = ctx
        .job()
        .stanzas()
        .filter_map(|s| match &s.kind {
            StanzaKind::Process {
                body: ProcessBody::Script { body_span, .. },
                ..
            } => Some(*body_span),
            _ => None,
        })
        .collect();
    let (inside, outside): (Vec<usize>, Vec<usize>) = crs
        .into_iter()
        .partition(|&i| blocks.iter().any(|b| b.start <= i && i < b.end));
    let line_of = |i: usize| {
        let start = bytes[..i]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Span::new(start, i + 1)
    };
    let fix = |crs: &[usize]| Fix {
        description: "convert CRLF line endings to LF".to_string(),
        edits: crs
            .iter()
            .map(|&i| Edit {
                span: Span::new(i, i + 1),
                text: String::new(),
            })
            .collect(),
    };
    if let Some(&first) = inside.first() {
        out.add(
            Code::UL011,
            line_of(first),
            "CRLF line endings in a script block",
        )
        .label(format!(
            "{} script line(s) end in CR, which `sh` receives as part of the last word",
            inside.len()
        ))
        .help("convert the file to LF line endings (`dos2unix`); the safe fix does it")
        .fix(fix(&inside));
    }
    if let Some(&first) = outside.first() {
        out.add(Code::UL011, line_of(first), "CRLF line endings")
            .label(format!(
                "{} line(s) end in CR; upstart tolerates it in stanzas, but other tools may not",
                outside.len()
            ))
            .help("convert the file to LF line endings (`dos2unix`); the safe fix does it")
            .fix(fix(&outside));
    }
}
