//! Safe automatic fixes (`--fix`, `--diff`).

use super::JobCtx;
use crate::ast::StanzaKind;
use crate::diag::{Diagnostic, Edit, Fix};
use crate::source::Span;
use crate::syntax::{ErrorKind, ParseError};

/// Stanzas whose one argument is free text, so that quoting several words
/// keeps their meaning.
const TEXT_STANZAS: &[&str] = &["description", "author", "usage", "version"];

/// A safe fix for a parse error, if there is one:
/// - UL006 on a multi-word `description`/`author`/`usage`/`version`: quote
///   the words (only when the rest of the line holds no quote, backslash or
///   `#`, whose meaning quoting would change);
/// - UL012 byte-order mark: remove it.
#[must_use]
pub fn for_parse_error(ctx: &JobCtx<'_>, err: &ParseError) -> Option<Fix> {
    match err.kind {
        ErrorKind::ByteOrderMark if ctx.source().bytes().starts_with(b"\xEF\xBB\xBF") => {
            Some(Fix {
                description: "remove the UTF-8 byte-order mark".to_string(),
                edits: vec![Edit {
                    span: Span::new(0, 3),
                    text: String::new(),
                }],
            })
        }
        ErrorKind::UnexpectedToken => quote_text(ctx, err),
        _ => None,
    }
}

/// `description my great job` → `description "my great job"`.
fn quote_text(ctx: &JobCtx<'_>, err: &ParseError) -> Option<Fix> {
    let text = ctx.source().text();
    // The failed stanza this error belongs to: the last one starting before it.
    let stanza = ctx
        .job()
        .stanzas()
        .filter(|s| s.keyword_span.end <= err.span.start)
        .last()?;
    let StanzaKind::Invalid { keyword } = &stanza.kind else {
        return None;
    };
    if !TEXT_STANZAS.contains(&keyword.as_str()) {
        return None;
    }
    let after = text.get(stanza.keyword_span.end..)?;
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    // The error must be on the keyword's own line.
    if err.span.start > stanza.keyword_span.end + line.len() {
        return None;
    }
    let value = line.trim_matches([' ', '\t', '\r']);
    if value.is_empty() || value.contains(['"', '\'', '#', '\\']) {
        return None;
    }
    let start =
        stanza.keyword_span.end + (line.len() - line.trim_start_matches([' ', '\t', '\r']).len());
    Some(Fix {
        description: format!("quote the {keyword}"),
        edits: vec![Edit {
            span: Span::new(start, start + value.len()),
            text: format!("\"{value}\""),
        }],
    })
}

/// Apply the fixes of `diags` to `text`. Overlapping edits are skipped (the
/// first one wins); returns the new text and how many fixes were applied.
#[must_use]
pub fn apply(text: &str, diags: &[Diagnostic]) -> (String, usize) {
    let mut edits: Vec<(&Edit, usize)> = Vec::new();
    let mut applied = 0;
    for (i, d) in diags.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        let overlaps = fix.edits.iter().any(|e| {
            edits.iter().any(|(o, _)| {
                e.span.start < o.span.end.max(o.span.start + 1)
                    && o.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if overlaps || fix.edits.iter().any(|e| e.span.end > text.len()) {
            continue;
        }
        edits.extend(fix.edits.iter().map(|e| (e, i)));
        applied += 1;
    }
    edits.sort_by_key(|(e, _)| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (e, _) in edits {
        if e.span.start < pos
            || !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end)
        {
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.text);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}
