//! Code actions: the linter's safe fixes (what `upstart-lint --fix`
//! applies), all of them at once, and the suppression comments of
//! `lint::suppress` written for a finding, on its line or for the file.

use super::diagnostics::to_lsp;
use super::text::LineIndex;
use crate::ast::{ProcessBody, StanzaKind};
use crate::diag::{Code, Diagnostic};
use crate::lint::config::is_syntax_diagnostic;
use crate::lint::registry::shellcheck_code_of;
use crate::load::ParsedFile;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The actions for the diagnostics of `file` that touch `range`.
pub(crate) fn actions(
    uri: &Uri,
    file: &ParsedFile,
    diagnostics: &[Diagnostic],
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let text = file.source.text();
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    };
    for d in diagnostics {
        let lsp = to_lsp(d, &index, uri);
        if lsp.range.start > range.end || range.start > lsp.range.end {
            continue;
        }
        if let Some(fix) = &d.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(index.range(e.span.start, e.span.end), e.text.clone()))
                .collect();
            out.push(action(
                capitalise(&fix.description),
                CodeActionKind::QUICKFIX,
                &lsp,
                edit(edits),
                true,
            ));
        }
        if is_syntax_diagnostic(d) || matches!(d.code, Code::UL901 | Code::UL902 | Code::UL904) {
            continue;
        }
        let code = shellcheck_code_of(d).unwrap_or_else(|| d.code.to_string());
        if let Some(e) = line_suppression(file, &index, d, &code) {
            out.push(action(
                format!("Suppress {code} on this line"),
                CodeActionKind::QUICKFIX,
                &lsp,
                edit(vec![e]),
                false,
            ));
        }
        out.push(action(
            format!("Suppress {code} in this file"),
            CodeActionKind::QUICKFIX,
            &lsp,
            edit(vec![file_suppression(&index, &code)]),
            false,
        ));
    }
    if diagnostics.iter().filter(|d| d.fix.is_some()).count() > 1 {
        let (fixed, _) = crate::lint::fix::apply(text, diagnostics);
        if fixed != text {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Apply every safe fix (upstart-lint --fix)".into(),
                kind: Some(CodeActionKind::SOURCE_FIX_ALL),
                edit: Some(edit(vec![TextEdit::new(index.range(0, text.len()), fixed)])),
                ..CodeAction::default()
            }));
        }
    }
    out
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostic: &lsp_types::Diagnostic,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The comment that silences `code` on the diagnostic's line: a
/// `# upstart-lint: disable=CODE` line above it (or the code added to such
/// a line already there); on a later line of a multi-line `start on` or
/// `stop on`, a trailing comment (a comment line there would end the
/// expression). `None` where no comment can go (a continued line).
fn line_suppression(
    file: &ParsedFile,
    index: &LineIndex<'_>,
    d: &Diagnostic,
    code: &str,
) -> Option<TextEdit> {
    let at = d.span.start;
    let line = index.line_of(at);
    let text = index.line_text(line);
    let stanza = file
        .parsed
        .job
        .stanzas()
        .find(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1));
    let in_body = stanza.is_some_and(|s| match &s.kind {
        StanzaKind::Process {
            body: ProcessBody::Script { body_span, .. },
            ..
        } => body_span.start <= at && at < body_span.end,
        _ => false,
    });
    if let Some(s) = stanza
        && !in_body
        && index.line_of(s.span.start) != line
    {
        let expression = matches!(
            s.kind,
            StanzaKind::StartOn { .. } | StanzaKind::StopOn { .. }
        );
        let trimmed = text.trim_end_matches([' ', '\t', '\r']);
        if !expression || trimmed.ends_with('\\') || text.contains('#') {
            return None;
        }
        let end = index.line_start(line) + trimmed.len();
        let position = index.position(end);
        return Some(TextEdit::new(
            Range::new(position, position),
            format!("  # upstart-lint: disable={code}"),
        ));
    }
    if line > 0
        && let Some(edit) = extend_directive(index, line - 1, "disable=", code)
    {
        return edit;
    }
    let indent: String = text
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .collect();
    let start = Position::new(line as u32, 0);
    Some(TextEdit::new(
        Range::new(start, start),
        format!("{indent}# upstart-lint: disable={code}\n"),
    ))
}

/// `# upstart-lint: disable-file=CODE` at the top of the file, or the code
/// added to such a comment already there.
fn file_suppression(index: &LineIndex<'_>, code: &str) -> TextEdit {
    for line in 0..index.lines() {
        if let Some(Some(edit)) = extend_directive(index, line, "disable-file=", code) {
            return edit;
        }
    }
    let start = Position::new(0, 0);
    TextEdit::new(
        Range::new(start, start),
        format!("# upstart-lint: disable-file={code}\n"),
    )
}

/// When `line` is a comment line holding the directive `key` (`disable=`),
/// the edit that adds `code` to its list (`Some(None)`: it is already
/// there).
fn extend_directive(
    index: &LineIndex<'_>,
    line: usize,
    key: &str,
    code: &str,
) -> Option<Option<TextEdit>> {
    let text = index.line_text(line);
    let comment = text.trim_start_matches([' ', '\t']);
    let rest = comment.strip_prefix('#')?.trim_start();
    let rest = rest.strip_prefix("upstart-lint:")?.trim_start();
    let list = rest.strip_prefix(key)?;
    let list_end = list.find("--").unwrap_or(list.len());
    let codes = list[..list_end].trim_end_matches([' ', '\t', '\r']);
    if codes.split(',').any(|c| c.trim() == code) {
        return Some(None);
    }
    let offset = text.len() - list.len() + codes.len();
    let position = index.position(index.line_start(line) + offset);
    Some(Some(TextEdit::new(
        Range::new(position, position),
        format!(",{code}"),
    )))
}
