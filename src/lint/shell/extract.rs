//! The shell texts of a job file, as upstart hands them to `/bin/sh -e`,
//! and the way back from a byte of one to a byte of the `.conf`.

use crate::ast::{ProcessBody, ProcessKind, StanzaKind, Word};
use crate::facts::shell::runs_through_shell;
use crate::load::ParsedFile;
use crate::source::Span;
use std::ops::Range;

/// Where an embedded shell text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A `script … end script` block.
    Block,
    /// An `exec` line that contains shell characters.
    Exec,
}

/// One shell text that upstart hands to `/bin/sh -e`, with the way back to
/// the `.conf`.
#[derive(Clone, Debug)]
pub struct Embedded {
    pub process: ProcessKind,
    pub origin: Origin,
    /// The text the shell reads.
    pub text: String,
    /// Blocks: the words `end script`; exec lines: the end of the command.
    pub end: Span,
    /// Blocks: where the file goes on after the `end script` line.
    pub after: usize,
    /// Bytes of indentation upstart stripped from every block line.
    pub indent: usize,
    /// Text offset → file offset: `(text_start, file_start)` runs in which
    /// both advance together, sorted by `text_start`.
    runs: Vec<(usize, usize)>,
}

impl Embedded {
    /// The `.conf` byte offset of byte `at` of [`Embedded::text`]. Bytes the
    /// file does not have (the `exec ` prefix) map to the command's start.
    #[must_use]
    pub fn to_file(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|&(t, _)| t <= at);
        match i.checked_sub(1) {
            Some(i) => self.runs[i].1 + (at - self.runs[i].0),
            None => self.runs.first().map_or(0, |r| r.1),
        }
    }

    /// The `.conf` span of a byte range of the text.
    #[must_use]
    pub fn span(&self, range: Range<usize>) -> Span {
        let start = self.to_file(range.start);
        let end = if range.end > range.start {
            self.to_file(range.end - 1) + 1
        } else {
            start
        };
        Span::new(start, end.max(start))
    }

    /// The text offset of a 1-based line and 1-based column counted in
    /// characters (a TAB is one column), clamped to the line.
    #[must_use]
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let mut start = 0;
        for _ in 1..line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let line_text = &self.text[start..];
        let line_text = &line_text[..line_text.find('\n').unwrap_or(line_text.len())];
        let col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        start + col
    }
}

/// Every shell text of a job file, in file order.
#[must_use]
pub fn extract(file: &ParsedFile) -> Vec<Embedded> {
    let text = file.source.text();
    file.parsed
        .job
        .stanzas()
        .filter_map(|stanza| {
            let StanzaKind::Process { process, body } = &stanza.kind else {
                return None;
            };
            match body {
                ProcessBody::Script {
                    body_span, indent, ..
                } => block(text, *process, stanza.span, *body_span, *indent),
                ProcessBody::Exec { command, .. } => exec(text, *process, command),
            }
        })
        .collect()
}

/// The text of a `script … end script` block (`stanza` from `script` to
/// `end script`, `body` the lines between): each line less the indentation
/// upstart strips.
fn block(
    text: &str,
    process: ProcessKind,
    stanza: Span,
    body: Span,
    indent: usize,
) -> Option<Embedded> {
    let raw = text.get(body.start..body.end)?;
    let mut shell = String::with_capacity(raw.len());
    let mut runs = Vec::new();
    let mut at = body.start;
    for line in raw.split_inclusive('\n') {
        let cut = indent.min(line.len());
        let cut = if line.is_char_boundary(cut) { cut } else { 0 };
        runs.push((shell.len(), at + cut));
        shell.push_str(&line[cut..]);
        at += line.len();
    }
    runs.push((shell.len(), body.end));
    let end_words = stanza.end.max(body.end);
    let lead = text[body.end..end_words]
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
        .count();
    let after = text[end_words..]
        .find('\n')
        .map_or(text.len(), |i| end_words + i + 1);
    Some(Embedded {
        process,
        origin: Origin::Block,
        text: shell,
        end: Span::new(body.end + lead, end_words),
        after,
        indent,
        runs,
    })
}

/// The text of an `exec` line that runs through the shell: `exec COMMAND`.
fn exec(text: &str, process: ProcessKind, command: &Word) -> Option<Embedded> {
    if !runs_through_shell(&command.value) {
        return None;
    }
    let span = command.span;
    let raw = text.get(span.start..span.end).unwrap_or("");
    let mut shell = String::from("exec ");
    let mut runs = Vec::new();
    if let Some(offsets) = command_offsets(raw, &command.value) {
        for (k, &off) in offsets.iter().enumerate() {
            let t = shell.len() + k;
            let continues = k > 0 && offsets[k - 1] + 1 == off;
            if !continues {
                runs.push((t, span.start + off));
            }
        }
    } else {
        runs.push((shell.len(), span.start));
    }
    shell.push_str(&command.value);
    runs.push((shell.len(), span.end));
    Some(Embedded {
        process,
        origin: Origin::Exec,
        text: shell,
        end: Span::point(span.end),
        after: span.end,
        indent: 0,
        runs,
    })
}

/// For each byte of `value`, the offset in `raw` (the text of an `exec`
/// command's span) it comes from, through upstart's tokenizer (continuation
/// lines are joined there, a line break becomes one space mapped to the
/// byte after it). `None` when the bytes do not map one to one: the text
/// read back is not `value` (invalid UTF-8), or upstart stores something
/// else than the text says (a garbled escape, a NUL byte).
fn command_offsets(raw: &str, value: &str) -> Option<Vec<usize>> {
    let (tok, offsets) = crate::syntax::command_offsets(raw.as_bytes())?;
    (tok.garbled.is_empty() && tok.nul.is_none() && tok.value == value.as_bytes())
        .then_some(offsets)
}
