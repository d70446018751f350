//! In-process analysis of one shell text with yash-syntax: its syntax
//! errors as dash would see them, and its here-documents.

use super::extract::Origin;
use super::tree::{after_exec, last_and, mark_if_unreached, walk_lists};
use crate::diag::Code;
use crate::diag::Severity;
use std::ops::Range;
use std::rc::Rc;
use yash_syntax::parser::lex::Lexer;
use yash_syntax::parser::{ErrorCause, Parser, SyntaxError};
use yash_syntax::source::{Location, Source};
use yash_syntax::syntax::List;

/// Where a note points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// A byte range of the shell text.
    Text(Range<usize>),
    /// The block's `end script` line.
    BlockEnd,
}

/// A problem found in one shell text (turned into a finding by the caller).
#[derive(Clone, Debug)]
pub struct Note {
    pub code: Code,
    pub at: At,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<(At, String)>,
    /// Overrides the rule's severity (a syntax error the shell never
    /// reaches, a here-document dash reads to the end).
    pub severity: Option<Severity>,
}

/// What [`analyze`] needs to know about a shell text.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub text: &'a str,
    pub origin: Origin,
    pub indent: usize,
    /// The file after the block's `end script` line (for UL404).
    pub after: &'a str,
}

/// Analyse texts on worker threads (yash's syntax tree is not `Send`, so
/// each text is parsed and analysed on one thread and only notes come back).
#[must_use]
pub fn analyze_all(subjects: &[Subject<'_>]) -> Vec<Vec<Note>> {
    let total: usize = subjects.iter().map(|s| s.text.len()).sum();
    // Below ~16 KB a thread costs more than it saves.
    crate::par::map(subjects, total >= 16 * 1024, |s| s.text.len(), analyze)
}

/// Run a future that never waits (yash's parser over in-memory input).
fn now<F: std::future::Future>(future: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// Character index (yash locations) → byte offset of the text.
pub(super) struct Chars {
    /// `None` for ASCII text, where they are equal.
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl Chars {
    fn new(text: &str) -> Self {
        let bytes = (!text.is_ascii()).then(|| {
            let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            v.push(text.len());
            v
        });
        Self {
            bytes,
            len: text.len(),
        }
    }

    pub(super) fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            None => char_index.min(self.len),
            Some(v) => v.get(char_index).copied().unwrap_or(self.len),
        }
    }

    pub(super) fn range(&self, loc: &Location) -> Range<usize> {
        self.byte(loc.range.start)..self.byte(loc.range.end.max(loc.range.start))
    }
}

/// The outcome of parsing a text with yash: the top-level command lines read
/// before the first error, and that error.
struct Parsed {
    lists: Vec<List>,
    error: Option<yash_syntax::parser::Error>,
}

fn parse(text: &str) -> Option<Parsed> {
    let mut lexer = Lexer::from_memory(text, Rc::new(Source::Unknown));
    let mut parser = Parser::new(&mut lexer);
    let mut lists = Vec::new();
    loop {
        match now(parser.command_line())? {
            Ok(Some(list)) => lists.push(list),
            Ok(None) => return Some(Parsed { lists, error: None }),
            Err(e) => {
                return Some(Parsed {
                    lists,
                    error: Some(e),
                });
            }
        }
    }
}

/// Replace the characters `range` (character indices) of `text` with `_`,
/// keeping newlines, so that every location stays where it was.
fn blank(text: &str, range: Range<usize>) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if range.contains(&i) && c != '\n' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The code for a syntax error in this kind of text.
pub(super) fn syntax_code(origin: Origin) -> Code {
    match origin {
        Origin::Block => Code::UL401,
        Origin::Exec => Code::UL402,
    }
}

fn syntax_help(origin: Origin) -> String {
    match origin {
        Origin::Block => "upstart runs this block with `/bin/sh -e` (dash on Debian and Ubuntu): it fails at this point".into(),
        Origin::Exec => "this line contains shell characters, so upstart runs it as `/bin/sh -e -c \"exec …\"`: fix the quoting or the syntax".into(),
    }
}

/// Find the problems of one shell text.
///
/// Most texts are proved clean by `fast::is_clean` in one pass;
/// the rest go through yash-syntax ([`analyze_with_yash`]).
#[must_use]
pub fn analyze(subject: &Subject<'_>) -> Vec<Note> {
    if super::fast::is_clean(subject.text, subject.origin) {
        return Vec::new();
    }
    analyze_with_yash(subject)
}

/// Find the problems of one shell text with yash-syntax alone.
#[must_use]
pub fn analyze_with_yash(subject: &Subject<'_>) -> Vec<Note> {
    let mut notes = Vec::new();
    let chars = Chars::new(subject.text);
    let mut text = subject.text.to_string();
    // Each round blanks out one construct that dash accepts at parse time
    // (a bashism reported as UL407) and parses again.
    for _ in 0..64 {
        let Some(parsed) = parse(&text) else {
            return notes;
        };
        let Some(error) = parsed.error else {
            walk_lists(&parsed.lists, subject, &chars, &mut notes);
            if subject.origin == Origin::Block {
                last_and(&parsed.lists, &chars, subject.text, &mut notes);
                after_exec(&parsed.lists, &chars, &mut notes);
            }
            return notes;
        };
        let ErrorCause::Syntax(cause) = &error.cause else {
            return notes;
        };
        let class = classify(cause, &error.location, &text);
        // The command lines before the error, once: after a patch the next
        // round parses them again.
        if !matches!(class, Class::Patch { .. }) {
            walk_lists(&parsed.lists, subject, &chars, &mut notes);
        }
        match class {
            Class::Patch {
                chars: range,
                note_message,
                note_label,
                help,
            } => {
                let bytes = chars.byte(range.start)..chars.byte(range.end);
                notes.push(Note {
                    code: Code::UL407,
                    at: At::Text(bytes),
                    message: note_message,
                    label: note_label,
                    help: Some(help),
                    severity: None,
                    related: Vec::new(),
                });
                text = blank(&text, range);
            }
            Class::Silent => return notes,
            Class::HereDoc(op) => {
                here_doc(subject, &chars, &op, &mut notes);
                return notes;
            }
            Class::Quote(open, quote) => {
                let open = chars.range(&open);
                let at_end = chars.range(&error.location).start >= subject.text.len();
                if subject.origin == Origin::Block && at_end && cut_short(subject).contains(quote) {
                    notes.push(Note {
                        code: Code::UL404,
                        at: At::BlockEnd,
                        message: "`end script` inside a quoted string".into(),
                        label: format!(
                            "upstart ends the block here, inside the {} opened in the block; the lines after it are read as stanzas",
                            quote_name(quote)
                        ),
                        help: Some("change the text so that no line inside the string reads `end script`".into()),
                        severity: None,
                        related: vec![(At::Text(open), format!("the {} opens here", quote_name(quote)))],
                    });
                } else {
                    notes.push(syntax_note(subject, &chars, cause, &error.location));
                    mark_if_unreached(&parsed.lists, &chars, &mut notes);
                }
                return notes;
            }
            Class::BashOnly(message) => {
                notes.push(Note {
                    code: syntax_code(subject.origin),
                    at: At::Text(chars.range(&error.location)),
                    message: "Shell syntax error".into(),
                    label: message.into(),
                    help: Some("`/bin/sh` is dash on Debian and Ubuntu: use the POSIX form".into()),
                    severity: None,
                    related: Vec::new(),
                });
                mark_if_unreached(&parsed.lists, &chars, &mut notes);
                return notes;
            }
            Class::Syntax => {
                notes.push(syntax_note(subject, &chars, cause, &error.location));
                mark_if_unreached(&parsed.lists, &chars, &mut notes);
                return notes;
            }
        }
    }
    notes
}

/// The text after the block up to the next `end script` line (the rest of
/// the block as its author meant it, when an `end script` line inside a
/// here-document or string cut it short), or the rest of the file.
fn cut_short<'a>(subject: &Subject<'a>) -> &'a str {
    let mut end = 0;
    for line in subject.after.split_inclusive('\n') {
        end += line.len();
        let words: Vec<&str> = line
            .split('#')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if words == ["end", "script"] {
            break;
        }
    }
    &subject.after[..end]
}

fn quote_name(quote: char) -> &'static str {
    match quote {
        '\'' => "single-quoted string",
        '"' => "double-quoted string",
        _ => "backquoted command",
    }
}

fn syntax_note(subject: &Subject<'_>, chars: &Chars, cause: &SyntaxError, at: &Location) -> Note {
    let mut related = Vec::new();
    if let Some((loc, label)) = cause.related_location() {
        related.push((At::Text(chars.range(loc)), label.to_string()));
    }
    use SyntaxError as E;
    let mut label = cause.message().to_string();
    // yash's label says more for these (which delimiter, which token).
    if matches!(
        cause,
        E::UnopenedGrouping
            | E::UnopenedSubshell
            | E::UnopenedLoop
            | E::UnopenedDoClause
            | E::UnopenedIf
            | E::UnopenedCase
            | E::InAsCommandName
            | E::MissingSeparator
            | E::RedundantToken
            | E::InvalidCommandToken
    ) {
        label = format!("{label}: {}", cause.label());
    }
    Note {
        code: syntax_code(subject.origin),
        at: At::Text(chars.range(at)),
        message: "Shell syntax error".into(),
        label,
        help: Some(syntax_help(subject.origin)),
        related,
        severity: None,
    }
}

/// How to treat a yash syntax error.
enum Class {
    /// dash rejects it too.
    Syntax,
    /// bash syntax that dash rejects (with a better message than yash's).
    BashOnly(&'static str),
    /// dash accepts it at parse time: report a bashism, blank these
    /// characters and parse again.
    Patch {
        chars: Range<usize>,
        note_message: String,
        note_label: String,
        help: String,
    },
    /// A here-document without its terminator (the location of its
    /// delimiter word, which yash calls the operator's).
    HereDoc(Location),
    /// An unclosed quote (opened here) with its character.
    Quote(Location, char),
    /// dash accepts it and we cannot look past it: stop without a finding.
    Silent,
}

fn classify(cause: &SyntaxError, at: &Location, text: &str) -> Class {
    use SyntaxError as E;
    match cause {
        E::UnsupportedDoubleBracketCommand => Class::Patch {
            chars: at.range.start..at.range.start + 2,
            note_message: "Bash syntax in a `/bin/sh` script".into(),
            note_label: "`[[` is bash: dash runs it as a command named `[[`, which does not exist"
                .into(),
            help: "use `[ … ]` (quote the variables) or `case` for patterns".into(),
        },
        E::UnclosedParam { .. }
        | E::EmptyParam
        | E::InvalidParam
        | E::InvalidModifier
        | E::MultipleModifier => {
            let from = match cause {
                E::UnclosedParam { opening_location } => opening_location.range.start + 1,
                _ => at.range.start + 1,
            };
            match braced_param(text, from) {
                Some(range) => Class::Patch {
                    chars: range,
                    note_message: "Bash syntax in a `/bin/sh` script".into(),
                    note_label: "bash-only parameter expansion: dash stops with \"Bad substitution\" when it runs this line".into(),
                    help: "`/bin/sh` is dash on Debian and Ubuntu: use POSIX expansions (`${x#…}`, `${x%…}`, `${x:-…}`), `cut`, `sed` or `expr`".into(),
                },
                None => Class::Syntax,
            }
        }
        E::UnsupportedFunctionDefinitionSyntax => Class::BashOnly(
            "`function NAME` is bash: dash rejects it, or runs `function` as a command that does not exist",
        ),
        E::UnsupportedProcessRedirection => {
            Class::BashOnly("process substitution `<(…)` / `>(…)` is bash: dash rejects it")
        }
        E::UnclosedHereDocContent { redir_op_location } => {
            Class::HereDoc(redir_op_location.clone())
        }
        E::UnclosedSingleQuote { opening_location } => Class::Quote(opening_location.clone(), '\''),
        E::UnclosedDoubleQuote { opening_location } => Class::Quote(opening_location.clone(), '"'),
        E::UnclosedBackquote { opening_location } => Class::Quote(opening_location.clone(), '`'),
        // dash accepts `f() simple-command` and treats `$'…'` as `$` and a
        // quoted string, whatever its escapes.
        E::InvalidFunctionBody
        | E::InvalidEscape
        | E::IncompleteControlEscape
        | E::IncompleteControlBackslashEscape
        | E::InvalidControlEscape
        | E::OctalEscapeOutOfRange
        | E::IncompleteHexEscape
        | E::IncompleteShortUnicodeEscape
        | E::IncompleteLongUnicodeEscape
        | E::UnicodeEscapeOutOfRange
        | E::UnclosedDollarSingleQuote { .. } => Class::Silent,
        _ => Class::Syntax,
    }
}

/// The character range of the `${…}` around character index `inside`, as
/// dash scans it (to the matching `}`), if it is closed.
fn braced_param(text: &str, inside: usize) -> Option<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    // The nearest `${` at or before `inside`.
    let mut start = inside.min(chars.len());
    loop {
        if start >= 1 && chars.get(start - 1) == Some(&'$') && chars.get(start) == Some(&'{') {
            start -= 1;
            break;
        }
        if start == 0 {
            return None;
        }
        start -= 1;
    }
    let mut depth = 0usize;
    let mut i = start + 1;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some('\'') => {}
            _ if c == '\\' => i += 1,
            None if c == '\'' || c == '"' => quote = Some(c),
            _ if c == '{' => depth += 1,
            _ if c == '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start..i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A here-document operator: where `<<` or `<<-` is, and its delimiter
/// with quotes removed.
struct HereDocOp {
    op: Range<usize>,
    delimiter: String,
}

/// The here-document whose delimiter word is the byte range `word`.
fn here_doc_op(text: &str, word: Range<usize>) -> Option<HereDocOp> {
    let raw = text.get(word.clone())?;
    let before = text[..word.start].trim_end_matches([' ', '\t']);
    let len = if before.ends_with("<<-") { 3 } else { 2 };
    let op = before.len().saturating_sub(len)..before.len();
    let mut delimiter = String::new();
    let mut quote: Option<char> = None;
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => delimiter.push(c),
            None => match c {
                '\'' | '"' => quote = Some(c),
                '\\' => delimiter.extend(chars.next()),
                _ => delimiter.push(c),
            },
        }
    }
    (!delimiter.is_empty()).then_some(HereDocOp { op, delimiter })
}

/// An unterminated here-document: UL403, UL404 or a syntax error.
fn here_doc(subject: &Subject<'_>, chars: &Chars, word: &Location, notes: &mut Vec<Note>) {
    let text = subject.text;
    let word = chars.range(word);
    let Some(HereDocOp { op, delimiter }) = here_doc_op(text, word.clone()) else {
        return;
    };
    let opened = At::Text(op.start..word.end);
    let line_end = text[op.start..]
        .find('\n')
        .map_or(text.len(), |i| op.start + i + 1);
    // An indented terminator inside the block.
    let mut at = line_end;
    for line in text[line_end..].split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let trimmed = content.trim_start_matches([' ', '\t']);
        if trimmed == delimiter && subject.origin == Origin::Block {
            let lead = content.len() - trimmed.len();
            let mut related = vec![(opened.clone(), "the here-document opens here".to_string())];
            let mut why = String::new();
            if subject.indent == 0 {
                let mut offset = 0;
                for l in text.split_inclusive('\n') {
                    if l.trim_end_matches(['\n', '\r']).is_empty() {
                        related.push((
                            At::Text(offset..offset + l.len().saturating_sub(1)),
                            "this empty line makes upstart strip no indentation from the block"
                                .into(),
                        ));
                        why = " (an empty line in the block turned upstart's indentation stripping off)".into();
                        break;
                    }
                    offset += l.len();
                }
            }
            notes.push(Note {
                code: Code::UL403,
                at: At::Text(at..at + content.len()),
                message: "Here-document terminator is still indented".into(),
                label: format!(
                    "after upstart's stripping this line is `{}`, not `{delimiter}`{why}: the here-document runs to the end of the block",
                    &content[..lead + trimmed.len()].replace('\t', "\\t"),
                ),
                help: Some(
                    "indent every line of the block the same way, without empty lines, or use `<<-` with TAB indentation".into(),
                ),
                related,
                severity: None,
            });
            return;
        }
        at += line.len();
    }
    if subject.origin == Origin::Block
        && cut_short(subject)
            .lines()
            .any(|l| l.trim_matches([' ', '\t', '\r']) == delimiter)
    {
        notes.push(Note {
            code: Code::UL404,
            at: At::BlockEnd,
            message: "`end script` inside a here-document".into(),
            label: format!(
                "upstart ends the block here, inside the here-document `{delimiter}`; the lines after it are read as stanzas"
            ),
            help: Some("change the here-document so that none of its lines reads `end script`".into()),
            severity: None,
            related: vec![(opened, "the here-document opens here".into())],
        });
        return;
    }
    // dash accepts it: the rest of the text becomes the command's input,
    // and the command runs. Not a certain failure, so a warning.
    notes.push(Note {
        code: syntax_code(subject.origin),
        at: opened.clone(),
        message: "Here-document never closed".into(),
        label: format!("the here-document `{delimiter}` is never closed: dash reads the rest of the text into it as the command's input, so none of it runs as commands"),
        help: Some(format!("add a line reading exactly `{delimiter}` where the here-document ends")),
        severity: Some(Severity::Warning),
        related: Vec::new(),
    });
}
