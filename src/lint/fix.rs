//! Safe automatic fixes (`--fix`, `--diff`).

use super::JobCtx;
use crate::diag::{Diagnostic, Edit, Fix};
use crate::syntax::ParseError;

/// A safe fix for a parse error, if there is one (e.g. quoting a multi-word
/// `description`, removing a byte-order mark).
#[must_use]
pub fn for_parse_error(_ctx: &JobCtx<'_>, _err: &ParseError) -> Option<Fix> {
    None
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
            edits.iter().any(|(o, _)| e.span.start < o.span.end.max(o.span.start + 1) && o.span.start < e.span.end.max(e.span.start + 1))
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
        if e.span.start < pos || !text.is_char_boundary(e.span.start) || !text.is_char_boundary(e.span.end) {
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.text);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}
