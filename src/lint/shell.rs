//! Embedded shell: script blocks and `exec` lines that upstart runs through
//! `/bin/sh -e`.
//!
//! **Extraction** ([`extract`]) mimics upstart exactly: a block's text is its
//! body after libnih's common-indentation stripping (re-derived from the
//! file so that every byte maps back), and an `exec` line runs through the
//! shell iff its command contains one of [`SHELL_CHARS`], as `exec COMMAND`.
//! [`Embedded::to_file`] maps a byte of that text back to a byte of the
//! `.conf`: body line *k* is the *k*-th line of the block, shifted by the
//! stripped indentation; an `exec` line's text is mapped byte by byte through
//! libnih's command tokenizer (continuation lines are joined there). Two
//! deliberate differences from the bytes upstart runs: invalid UTF-8 is `?`
//! (the linter's display text), and a NUL byte does not cut its line short.
//!
//! **Syntax checking in-process with `yash-syntax`** (a maintained POSIX
//! shell parser; its async API is driven by polling once with a no-op waker,
//! since in-memory input never waits). Measured with `cargo bench --bench
//! shell` on the corpus (`../shared/corpus/upstart`: 330 script blocks and
//! 66 shell-run `exec` lines, 145 KB of shell; 2-core development machine):
//!
//! | checker | whole corpus | rejects |
//! |---|---|---|
//! | `sh -n -c` (dash), one process per text | 293 ms | 1 text (193-openvpn-instance, pre-start) |
//! | yash-syntax, one thread | 27 ms | raw: the same text, plus 2 that dash accepts |
//! | yash-syntax, 2 worker threads ([`analyze_all`], the default) | 15 ms | after the handling below: the same 1 text |
//!
//! (The whole `upstart-lint` run over the corpus, release build, goes from
//! 70 ms to 90 ms with this pass.)
//!
//! yash-syntax is the default (and only) path: a process per block cannot
//! meet the 50 ms budget for the corpus, and only the parser gives the
//! syntax tree that UL403/UL404/UL406/UL407/UL408 need. Its differences
//! from dash (`/bin/sh` on Debian, Ubuntu and ChromiumOS) are handled here,
//! so that no finding is a false positive of the parser:
//!
//! - yash rejects bash forms that dash accepts at parse time and fails on at
//!   run time: `[[` (a command that does not exist in dash) and `${a[@]}`,
//!   `${x:0:1}`, `${x/a/b}`, `${!x}` … ("Bad substitution"). These are
//!   reported as bashisms (UL407, a warning), then blanked out and the text
//!   parsed again, so the rest of the block is still checked. The two
//!   corpus blocks that yash alone rejects (379/380-vdr, `${PLUGINS[@]}`)
//!   are of this kind. A function body that is a simple command
//!   (`f() echo`), accepted by dash, ends the check without a finding.
//! - yash accepts bash forms that dash rejects: arrays `a=(…)`, here-strings
//!   `<<<`, case fall-through `;&`. They are found in the syntax tree and
//!   reported as syntax errors, as dash would.
//! - dash reads an unterminated here-document to the end of the script;
//!   yash rejects it. That is where UL403 (the terminator is indented) and
//!   UL404 (`end script` cut the here-document) come from; otherwise it is a
//!   syntax error.
//!
//! **shellcheck** (UL405) runs once per lint run over every block
//! ([`check_shellcheck`]), each written to its own file in a temporary
//! directory with `#!/bin/sh -e` as its first line (the shebang's `-e`
//! gives shellcheck upstart's errexit semantics, and a `# shellcheck
//! disable=` at the top of a block still applies to the whole block).
//!
//! All UL4xx findings except UL405 come from one pass over the job set,
//! [`check_in_process`] ([`Pass::Shell`]); UL405 comes from
//! [`check_shellcheck`] ([`Pass::Shellcheck`]).

use super::config::{Config, ShellcheckMode};
use super::registry::Pass;
use super::{SetCtx, SetFindings};
use crate::ast::{ProcessBody, ProcessKind, StanzaKind};
use crate::diag::Code;
use crate::diag::Severity;
use crate::load::ParsedFile;
use crate::source::Span;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use yash_syntax::parser::lex::Lexer;
use yash_syntax::parser::{ErrorCause, Parser, SyntaxError};
use yash_syntax::source::{Location, Source};
use yash_syntax::syntax::{
    AndOr, CaseContinuation, Command, CompoundCommand, List, MaybeLiteral, Modifier, Redir,
    RedirBody, RedirOp, SimpleCommand, Text, TextUnit, Value, Word, WordUnit,
};

pub use crate::facts::shell::{SHELL_CHARS, runs_through_shell};

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
    let mut out = Vec::new();
    for stanza in file.parsed.job.stanzas() {
        let StanzaKind::Process { process, body } = &stanza.kind else {
            continue;
        };
        match body {
            ProcessBody::Script {
                body_span, indent, ..
            } => {
                let Some(raw) = text.get(body_span.start..body_span.end) else {
                    continue;
                };
                let mut shell = String::with_capacity(raw.len());
                let mut runs = Vec::new();
                let mut at = body_span.start;
                for line in raw.split_inclusive('\n') {
                    let cut = (*indent).min(line.len());
                    let cut = if line.is_char_boundary(cut) { cut } else { 0 };
                    runs.push((shell.len(), at + cut));
                    shell.push_str(&line[cut..]);
                    at += line.len();
                }
                runs.push((shell.len(), body_span.end));
                let end_words = stanza.span.end.max(body_span.end);
                let lead = text[body_span.end..end_words]
                    .bytes()
                    .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
                    .count();
                let after = text[end_words..]
                    .find('\n')
                    .map_or(text.len(), |i| end_words + i + 1);
                out.push(Embedded {
                    process: *process,
                    origin: Origin::Block,
                    text: shell,
                    end: Span::new(body_span.end + lead, end_words),
                    after,
                    indent: *indent,
                    runs,
                });
            }
            ProcessBody::Exec { command, .. } => {
                if !runs_through_shell(&command.value) {
                    continue;
                }
                let span = command.span;
                let raw = text.get(span.start..span.end).unwrap_or("");
                let (value, offsets) = command_bytes(raw.as_bytes(), span.start);
                let mut shell = String::from("exec ");
                let mut runs = Vec::new();
                if value == command.value.as_bytes() {
                    for (k, &off) in offsets.iter().enumerate() {
                        let t = shell.len() + k;
                        let continues = k > 0 && offsets[k - 1] + 1 == off;
                        if !continues {
                            runs.push((t, off));
                        }
                    }
                } else {
                    runs.push((shell.len(), span.start));
                }
                shell.push_str(&command.value);
                runs.push((shell.len(), span.end));
                out.push(Embedded {
                    process: *process,
                    origin: Origin::Exec,
                    text: shell,
                    end: Span::point(span.end),
                    after: span.end,
                    indent: 0,
                    runs,
                });
            }
        }
    }
    out
}

/// libnih's command tokenizer (`nih_config_token` without dequoting, as
/// `crate::syntax` runs it for `exec`) over the bytes of the command's span,
/// returning the command text and, for each of its bytes, the file offset it
/// came from. A continuation or a newline inside quotes becomes one space
/// (mapped to the byte after the break).
fn command_bytes(raw: &[u8], base: usize) -> (Vec<u8>, Vec<usize>) {
    let is_ws = |c: u8| matches!(c, b' ' | b'\t' | b'\r' | 0);
    let mut out = Vec::with_capacity(raw.len());
    let mut at = Vec::with_capacity(raw.len());
    let mut pending: Vec<usize> = Vec::new();
    let (mut nl, mut slash, mut quote) = (false, false, 0u8);
    let mut p = 0;
    while p < raw.len() {
        let c = raw[p];
        let mut keep_slash = false;
        if slash {
            slash = false;
            if c == b'\n' {
                nl = true;
                p += 1;
                continue;
            }
            keep_slash = true;
        } else if c == b'\\' {
            slash = true;
            p += 1;
            continue;
        } else if quote != 0 {
            if c == quote {
                quote = 0;
            } else if c == b'\n' {
                nl = true;
                p += 1;
                continue;
            } else if is_ws(c) {
                pending.push(p);
                p += 1;
                continue;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if is_ws(c) || c == b'\n' {
            pending.push(p);
            p += 1;
            continue;
        }
        if nl {
            out.push(b' ');
            at.push(base + p);
        } else {
            for &w in &pending {
                out.push(raw[w]);
                at.push(base + w);
            }
        }
        pending.clear();
        nl = false;
        if keep_slash {
            out.push(b'\\');
            at.push(base + p - 1);
        }
        out.push(c);
        at.push(base + p);
        p += 1;
    }
    (out, at)
}

// ---------------------------------------------------------------------------
// In-process analysis with yash-syntax.

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
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total: usize = subjects.iter().map(|s| s.text.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(8)
        .min(subjects.len());
    // Below ~16 KB a thread costs more than it saves.
    if threads < 2 || total < 16 * 1024 {
        return subjects.iter().map(analyze).collect();
    }
    let mut order: Vec<usize> = (0..subjects.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(subjects[i].text.len()));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Vec<Note>>> = Mutex::new(vec![Vec::new(); subjects.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    let notes = analyze(&subjects[i]);
                    if let Ok(mut r) = results.lock() {
                        r[i] = notes;
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
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
struct Chars {
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

    fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            None => char_index.min(self.len),
            Some(v) => v.get(char_index).copied().unwrap_or(self.len),
        }
    }

    fn range(&self, loc: &Location) -> Range<usize> {
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
fn syntax_code(origin: Origin) -> Code {
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
#[must_use]
pub fn analyze(subject: &Subject<'_>) -> Vec<Note> {
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

/// How the shell stops reading its text early (see [`shell_end`]).
#[derive(Clone, Debug)]
struct End {
    /// The command's first word (`exec` or `exit`).
    at: Range<usize>,
    /// `exec`, or the status of `exit`: `Some(n)` for a literal number
    /// (`exit` alone is 0), `None` when it is computed (`exit $RC`).
    exit: Option<Option<u32>>,
}

/// The first command of `list` after which the shell reads no more of its
/// text: an unconditional top-level `exec PROGRAM` (the shell is replaced)
/// or `exit` (not in the background, not in an `&&`/`||` list, not
/// negated).
fn shell_end(list: &List, chars: &Chars) -> Option<End> {
    list.0.iter().find_map(|item| {
        let and_or = &item.and_or;
        if item.async_flag.is_some() || !and_or.rest.is_empty() || and_or.first.negation {
            return None;
        }
        let [command] = and_or.first.commands.as_slice() else {
            return None;
        };
        let Command::Simple(simple) = command.as_ref() else {
            return None;
        };
        let (first, _) = simple.words.first()?;
        let at = chars.range(&first.location);
        match first.to_string_if_literal().as_deref() {
            Some("exec") if simple.words.len() >= 2 => Some(End { at, exit: None }),
            Some("exit") => {
                let status = match simple.words.get(1) {
                    None => Some(0),
                    Some((w, _)) => w.to_string_if_literal().and_then(|t| t.parse().ok()),
                };
                Some(End {
                    at,
                    exit: Some(status),
                })
            }
            _ => None,
        }
    })
}

/// A syntax error on a command line after `end`: dash reads and runs a
/// script one command line at a time, so it never gets there. When the
/// shell ends there as the program of `exec`, or with `exit` (status 0 or
/// computed), the error makes nothing fail: dead text, a warning. A
/// literal non-zero `exit` fails the block there every time: the error
/// stays, with that `exit` shown.
fn unreached(note: &mut Note, end: &End) {
    let word = if end.exit.is_some() { "exit" } else { "exec" };
    note.related.push((
        At::Text(end.at.clone()),
        format!("the shell stops reading here (`{word}`)"),
    ));
    let how = match end.exit {
        None => "is replaced by the program of an earlier `exec`",
        Some(Some(n)) if n != 0 => {
            note.label = format!(
                "{}; the shell never gets here: an earlier `exit {n}` fails the block every time",
                note.label
            );
            note.help = Some(format!(
                "the shell reads one command line at a time and stops at `exit {n}`, so the block fails there every time and this text never runs: fix both"
            ));
            return;
        }
        Some(_) => "exits at an earlier `exit`",
    };
    note.severity = Some(Severity::Warning);
    note.label = format!("{}; never reached: the shell {how}", note.label);
    note.help = Some(format!(
        "the shell reads one command line at a time and stops at `{word}`, so this text is dead: fix it or remove it"
    ));
}

/// Mark the last note unreached when a command line before the error (all
/// of `lists`) ends the shell.
fn mark_if_unreached(lists: &[List], chars: &Chars, notes: &mut [Note]) {
    if let (Some(end), Some(note)) = (
        lists.iter().find_map(|l| shell_end(l, chars)),
        notes.last_mut(),
    ) {
        unreached(note, &end);
    }
}

/// Bashisms and bash syntax that yash accepts but dash does not.
fn walk_lists(lists: &[List], subject: &Subject<'_>, chars: &Chars, notes: &mut Vec<Note>) {
    let mut end = None;
    for list in lists {
        let from = notes.len();
        Walker {
            subject,
            chars,
            notes,
        }
        .list(list);
        if let Some(end) = &end {
            let code = syntax_code(subject.origin);
            for note in notes[from..].iter_mut().filter(|n| n.code == code) {
                unreached(note, end);
            }
        }
        if end.is_none() {
            end = shell_end(list, chars);
        }
    }
}

struct Walker<'a, 'b> {
    subject: &'a Subject<'b>,
    chars: &'a Chars,
    notes: &'a mut Vec<Note>,
}

impl Walker<'_, '_> {
    fn bashism(&mut self, at: Range<usize>, label: &str, help: &str) {
        self.notes.push(Note {
            code: Code::UL407,
            at: At::Text(at),
            message: "Bash syntax in a `/bin/sh` script".into(),
            label: label.into(),
            help: Some(help.into()),
            severity: None,
            related: Vec::new(),
        });
    }

    fn rejected(&mut self, at: Range<usize>, label: &str) {
        self.notes.push(Note {
            code: syntax_code(self.subject.origin),
            at: At::Text(at),
            message: "Shell syntax error".into(),
            label: label.into(),
            help: Some("`/bin/sh` is dash on Debian and Ubuntu: use the POSIX form".into()),
            severity: None,
            related: Vec::new(),
        });
    }

    fn list(&mut self, list: &List) {
        for item in &list.0 {
            if let Some(flag) = &item.async_flag {
                let r = self.chars.range(flag);
                if self.subject.text[r.end..].starts_with('>') {
                    self.bashism(
                        r.start..r.end + 1,
                        "`&>` is bash: dash runs the command in the background and then truncates the file",
                        "write `>FILE 2>&1`",
                    );
                }
            }
            let and_or = &item.and_or;
            for pipeline in std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p))
            {
                for command in &pipeline.commands {
                    self.command(command);
                }
            }
        }
    }

    fn command(&mut self, command: &Command) {
        match command {
            Command::Simple(simple) => self.simple(simple),
            Command::Compound(full) => {
                self.compound(&full.command);
                self.redirs(&full.redirs);
            }
            Command::Function(f) => {
                self.compound(&f.body.command);
                self.redirs(&f.body.redirs);
            }
        }
    }

    fn compound(&mut self, command: &CompoundCommand) {
        match command {
            CompoundCommand::Grouping(list) => self.list(list),
            CompoundCommand::Subshell { body, .. } => self.list(body),
            CompoundCommand::For { values, body, .. } => {
                for v in values.iter().flatten() {
                    self.word(v);
                }
                self.list(body);
            }
            CompoundCommand::While { condition, body }
            | CompoundCommand::Until { condition, body } => {
                self.list(condition);
                self.list(body);
            }
            CompoundCommand::If {
                condition,
                body,
                elifs,
                r#else,
            } => {
                self.list(condition);
                self.list(body);
                for e in elifs {
                    self.list(&e.condition);
                    self.list(&e.body);
                }
                if let Some(e) = r#else {
                    self.list(e);
                }
            }
            CompoundCommand::Case { subject, items } => {
                self.word(subject);
                for item in items {
                    for p in &item.patterns {
                        self.word(p);
                    }
                    self.list(&item.body);
                    if item.continuation != CaseContinuation::Break
                        && let Some(p) = item.patterns.first()
                    {
                        let r = self.chars.range(&p.location);
                        self.rejected(
                            r,
                            "this case item ends with `;&` or `;;&`, which are bash: dash rejects them",
                        );
                    }
                }
            }
        }
    }

    fn simple(&mut self, simple: &SimpleCommand) {
        for assign in &simple.assigns {
            if assign.name.ends_with('+') {
                let r = self.chars.range(&assign.location);
                self.bashism(
                    r.start..r.start + assign.name.len() + 1,
                    "`NAME+=VALUE` is bash: dash runs it as a command, which does not exist",
                    "write `NAME=\"$NAME…\"`",
                );
            }
            match &assign.value {
                Value::Scalar(word) => self.word(word),
                Value::Array(words) => {
                    let r = self.chars.range(&assign.location);
                    let paren = usize::from(self.subject.text[r.end..].starts_with('('));
                    self.rejected(
                        r.start..r.end + paren,
                        "arrays are bash: dash rejects `NAME=(…)` (\"(\" unexpected)",
                    );
                    for w in words {
                        self.word(w);
                    }
                }
            }
        }
        let literal = |k: usize| {
            simple
                .words
                .get(k)
                .and_then(|(w, _)| w.to_string_if_literal())
        };
        if let (Some(name), Some((first, _))) = (literal(0), simple.words.first()) {
            let r = self.chars.range(&first.location);
            if name == "source" {
                self.bashism(
                    r,
                    "`source` is bash: dash has no such command (the job fails here)",
                    "use `. FILE`",
                );
            } else if (name == "[" || name == "test")
                && let Some((eq, _)) = simple
                    .words
                    .iter()
                    .skip(1)
                    .find(|(w, _)| w.to_string_if_literal().as_deref() == Some("=="))
            {
                let r = self.chars.range(&eq.location);
                self.bashism(
                    r,
                    "`==` is bash: dash's `[` says \"unexpected operator\" and the test is false",
                    "use `=`",
                );
            }
        }
        for (word, _) in &simple.words {
            self.word(word);
        }
        self.redirs(&simple.redirs);
    }

    fn redirs(&mut self, redirs: &[Redir]) {
        for redir in redirs {
            match &redir.body {
                RedirBody::Normal { operator, operand } => {
                    if *operator == RedirOp::String {
                        let r = self.chars.range(&operand.location);
                        let start = self.subject.text[..r.start].rfind("<<<").unwrap_or(r.start);
                        self.rejected(
                            start..r.end,
                            "here-strings `<<<` are bash: dash rejects them (\"redirection unexpected\")",
                        );
                    }
                    self.word(operand);
                }
                RedirBody::HereDoc(_) => {}
            }
        }
    }

    fn word(&mut self, word: &Word) {
        for unit in &word.units {
            match unit {
                WordUnit::DollarSingleQuote(_) => {
                    let r = self.chars.range(&word.location);
                    let text = &self.subject.text[r.clone()];
                    let start = text.find("$'").map_or(r.start, |i| r.start + i);
                    self.bashism(
                        start..r.end,
                        "`$'…'` is bash: dash keeps the `$` and does not interpret the escapes",
                        "use `printf` to produce special characters",
                    );
                }
                WordUnit::DoubleQuote(text) => self.text(text),
                WordUnit::Unquoted(unit) => self.text_unit(unit),
                WordUnit::SingleQuote(_) | WordUnit::Tilde { .. } => {}
            }
        }
    }

    fn text(&mut self, text: &Text) {
        for unit in &text.0 {
            self.text_unit(unit);
        }
    }

    fn text_unit(&mut self, unit: &TextUnit) {
        match unit {
            TextUnit::BracedParam(param) => match &param.modifier {
                Modifier::Switch(s) => self.word(&s.word),
                Modifier::Trim(t) => self.word(&t.pattern),
                Modifier::None | Modifier::Length => {}
            },
            TextUnit::Arith { content, .. } => self.text(content),
            _ => {}
        }
    }
}

/// Where a command starts (the first location the tree records in it).
fn command_start(command: &Command) -> Option<&Location> {
    fn list_start(list: &List) -> Option<&Location> {
        let item = list.0.first()?;
        item.and_or
            .first
            .commands
            .first()
            .and_then(|c| command_start(c))
    }
    match command {
        Command::Simple(s) => {
            let mut locs: Vec<&Location> = Vec::new();
            locs.extend(s.assigns.first().map(|a| &a.location));
            locs.extend(s.words.first().map(|(w, _)| &w.location));
            locs.extend(s.redirs.first().map(|r| &r.body.operand().location));
            locs.into_iter().min_by_key(|l| l.range.start)
        }
        Command::Compound(full) => match &full.command {
            CompoundCommand::Grouping(list) => list_start(list),
            CompoundCommand::Subshell { location, .. } => Some(location),
            CompoundCommand::For { name, .. } => Some(&name.location),
            CompoundCommand::While { condition, .. } | CompoundCommand::Until { condition, .. } => {
                list_start(condition)
            }
            CompoundCommand::If { condition, .. } => list_start(condition),
            CompoundCommand::Case { subject, .. } => Some(&subject.location),
        },
        Command::Function(f) => Some(&f.name.location),
    }
}

/// The byte range from `start` to the end of its line (without the newline).
fn to_line_end(text: &str, start: usize) -> Range<usize> {
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    start..end
}

/// UL406: the block's last command is `A && B`.
fn last_and(lists: &[List], chars: &Chars, text: &str, notes: &mut Vec<Note>) {
    let Some(item) = lists.iter().rev().find_map(|l| l.0.last()) else {
        return;
    };
    if item.async_flag.is_some() {
        return;
    }
    let Some((AndOr::AndThen, _)) = item.and_or.rest.last() else {
        return;
    };
    let Some(start) = item
        .and_or
        .first
        .commands
        .first()
        .and_then(|c| command_start(c))
    else {
        return;
    };
    let start = chars.range(start).start;
    notes.push(Note {
        code: Code::UL406,
        at: At::Text(to_line_end(text, start)),
        message: "The block ends with an `&&` list".into(),
        label: "when the command before `&&` fails, its status becomes the block's exit status and upstart treats the process as failed".into(),
        help: Some("write `if …; then …; fi`, or append `|| true`".into()),
        severity: None,
        related: Vec::new(),
    });
}

/// UL408: top-level commands after a top-level `exec PROGRAM`.
fn after_exec(lists: &[List], chars: &Chars, notes: &mut Vec<Note>) {
    let mut exec_at: Option<Range<usize>> = None;
    for item in lists.iter().flat_map(|l| l.0.iter()) {
        if let Some(exec) = &exec_at {
            let Some(start) = item
                .and_or
                .first
                .commands
                .first()
                .and_then(|c| command_start(c))
            else {
                continue;
            };
            notes.push(Note {
                code: Code::UL408,
                at: At::Text(chars.range(start)),
                message: "Command after `exec` never runs".into(),
                label: "`exec` above replaces the shell with the program, so this and what follows never run".into(),
                help: Some("move these commands before `exec`, or into `post-start` / `post-stop`".into()),
                severity: None,
                related: vec![(At::Text(exec.clone()), "the shell is replaced here".into())],
            });
            return;
        }
        let and_or = &item.and_or;
        if item.async_flag.is_some() || !and_or.rest.is_empty() || and_or.first.negation {
            continue;
        }
        let [command] = and_or.first.commands.as_slice() else {
            continue;
        };
        let Command::Simple(simple) = command.as_ref() else {
            continue;
        };
        if simple.words.len() >= 2
            && simple.words[0].0.to_string_if_literal().as_deref() == Some("exec")
        {
            exec_at = Some(chars.range(&simple.words[0].0.location));
        }
    }
}

// ---------------------------------------------------------------------------
// The set checks.

/// [`Pass::Shell`]: parse every embedded shell text of the reported jobs
/// and report UL401–UL404 and UL406–UL408.
pub(crate) fn check_in_process(set: &SetCtx<'_>, out: &mut SetFindings) {
    let mut programs = Programs::default();
    let mut texts: Vec<(usize, Embedded, bool)> = Vec::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        if !Pass::Shell.rules().any(|r| ctx.config.enabled(r)) {
            continue;
        }
        // UL407 is for when shellcheck does not run (it reports bashisms).
        let bashisms = programs.shellcheck(ctx.config).is_none();
        texts.extend(
            extract(ctx.file)
                .into_iter()
                .map(|e| (ctx.index, e, bashisms)),
        );
    }
    let subjects: Vec<Subject<'_>> = texts
        .iter()
        .map(|(job, e, _)| Subject {
            text: &e.text,
            origin: e.origin,
            indent: e.indent,
            after: set.jobs[*job]
                .file
                .source
                .text()
                .get(e.after..)
                .unwrap_or(""),
        })
        .collect();
    let results = analyze_all(&subjects);
    for ((job, embedded, bashisms), notes) in texts.iter().zip(results) {
        for note in notes {
            if note.code == Code::UL407 && !bashisms {
                continue;
            }
            let span = |at: &At| match at {
                At::Text(r) => embedded.span(r.clone()),
                At::BlockEnd => embedded.end,
            };
            let f = out
                .add(*job, note.code, span(&note.at), note.message)
                .label(note.label);
            if let Some(help) = note.help {
                f.help(help);
            }
            if let Some(severity) = note.severity {
                f.severity(severity);
            }
            for (at, label) in &note.related {
                f.related(span(at), label.clone());
            }
        }
    }
}

// ---------------------------------------------------------------------------
// shellcheck (UL405).

/// shellcheck codes not reported, each with the reason.
const SHELLCHECK_EXCLUDE: &[&str] = &[
    // "Use cd … || exit": moot, upstart runs every block with `sh -e`.
    "SC2164",
    // "VAR is referenced but not assigned": jobs get their variables from
    // `env`, `instance` and the event that started them.
    "SC2154",
    // "Can't follow non-constant source" / "Not following": the sourced files
    // (/etc/default/…) live on the target system, not here.
    "SC1090", "SC1091",
    // Pointers around a parse error ("The mentioned syntax error was in
    // this …", "Couldn't parse this …", "Fix any mentioned problems and try
    // again"): the error itself comes with its own code, and UL401/UL402
    // report it at the same place.
    "SC1009", "SC1072", "SC1073",
];

/// Where the shellcheck program of each config is (looked up once per run).
#[derive(Default)]
struct Programs {
    found: Vec<((ShellcheckMode, String), Option<PathBuf>)>,
}

impl Programs {
    /// The program to run for jobs under `config`, if shellcheck runs.
    fn shellcheck(&mut self, config: &Config) -> Option<PathBuf> {
        if config.shellcheck == ShellcheckMode::Off || !config.enabled_code(Code::UL405.as_str()) {
            return None;
        }
        let key = (config.shellcheck, config.shellcheck_path.clone());
        if let Some((_, p)) = self.found.iter().find(|(k, _)| *k == key) {
            return p.clone();
        }
        let p = find_program(&config.shellcheck_path);
        if p.is_none() && config.shellcheck == ShellcheckMode::On {
            eprintln!(
                "upstart-lint: warning: shellcheck is on but `{}` was not found; UL405 is skipped",
                config.shellcheck_path
            );
        }
        self.found.push((key, p.clone()));
        p
    }
}

/// `name` as a path, or searched on `PATH`.
fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// One finding of `shellcheck -f json1`.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Comment {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    level: String,
    code: u32,
    message: String,
}

#[derive(Debug, serde::Deserialize)]
struct Json1 {
    comments: Vec<Comment>,
}

/// The first line of every file given to shellcheck: upstart's `sh -e`.
const SHELLCHECK_PREFIX: &str = "#!/bin/sh -e\n";

/// Run `program` once over all `texts`; the findings per text.
///
/// # Errors
/// When the program cannot be run or its output cannot be read.
pub fn run_shellcheck(
    program: &Path,
    texts: &[&str],
) -> Result<Vec<Vec<ShellcheckFinding>>, String> {
    let mut per_text: Vec<Vec<ShellcheckFinding>> = vec![Vec::new(); texts.len()];
    if texts.is_empty() {
        return Ok(per_text);
    }
    let dir = tempfile::Builder::new()
        .prefix("upstart-lint-")
        .tempdir()
        .map_err(|e| format!("temporary directory: {e}"))?;
    let mut names = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let name = format!("{i}.sh");
        std::fs::write(dir.path().join(&name), format!("{SHELLCHECK_PREFIX}{text}"))
            .map_err(|e| format!("{}: {e}", dir.path().join(&name).display()))?;
        names.push(name);
    }
    let output = std::process::Command::new(program)
        .current_dir(dir.path())
        .args(["--norc", "--shell=dash", "--format=json1"])
        .arg(format!("--exclude={}", SHELLCHECK_EXCLUDE.join(",")))
        .arg("--")
        .args(&names)
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let json: Json1 = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "{}: unreadable output ({e}): {}",
            program.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )
    })?;
    for c in json.comments {
        let Some(i) = c
            .file
            .strip_suffix(".sh")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&i| i < texts.len())
        else {
            continue;
        };
        // shellcheck's "error" level holds heuristics (SC2144 `[ -f glob ]`
        // works when the glob matches one file, SC2068, SC2145 …), not
        // certain failures: a warning at most. The certain ones (dash cannot
        // parse the text) are UL401/UL402.
        let severity = match c.level.as_str() {
            "error" | "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        per_text[i].push(ShellcheckFinding {
            // Line 1 is the prefix.
            line: c.line.saturating_sub(1).max(1),
            column: c.column,
            end_line: c.end_line.saturating_sub(1).max(1),
            end_column: c.end_column,
            severity,
            code: c.code,
            message: c.message,
            level: c.level,
        });
    }
    Ok(per_text)
}

/// A shellcheck finding in a shell text (1-based lines, columns in
/// characters with a TAB counting one).
#[derive(Clone, Debug)]
pub struct ShellcheckFinding {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub code: u32,
    pub message: String,
    /// shellcheck's own level: `error`, `warning`, `info` or `style`.
    pub level: String,
}

/// [`Pass::Shellcheck`] (UL405): one shellcheck process for every embedded shell text
/// of the reported jobs that have it enabled.
pub(crate) fn check_shellcheck(set: &SetCtx<'_>, out: &mut SetFindings) {
    let mut programs = Programs::default();
    let mut groups: Vec<(PathBuf, Vec<(usize, Embedded)>)> = Vec::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        let Some(program) = programs.shellcheck(ctx.config) else {
            continue;
        };
        let texts = extract(ctx.file).into_iter().map(|e| (ctx.index, e));
        match groups.iter_mut().find(|(p, _)| *p == program) {
            Some((_, list)) => list.extend(texts),
            None => groups.push((program, texts.collect())),
        }
    }
    for (program, list) in groups {
        let texts: Vec<&str> = list.iter().map(|(_, e)| e.text.as_str()).collect();
        let found = match run_shellcheck(&program, &texts) {
            Ok(found) => found,
            Err(e) => {
                eprintln!("upstart-lint: warning: shellcheck failed, UL405 is skipped: {e}");
                continue;
            }
        };
        for ((job, embedded), findings) in list.iter().zip(found) {
            for f in findings {
                let start = embedded.offset_of(f.line, f.column);
                let end = embedded.offset_of(f.end_line, f.end_column).max(start);
                let code = format!("SC{:04}", f.code);
                out.add(
                    *job,
                    Code::UL405,
                    embedded.span(start..end),
                    format!("{code}: {}", f.message),
                )
                .label(format!("shellcheck {}", f.level))
                .help(format!("see https://www.shellcheck.net/wiki/{code}"))
                .severity(f.severity)
                .shellcheck(f.code);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> ParsedFile {
        ParsedFile::from_bytes("t.conf", text.as_bytes().to_vec())
    }

    /// The (line, column) in the file of text byte `at`.
    fn file_pos(f: &ParsedFile, e: &Embedded, at: usize) -> (usize, usize) {
        f.source.line_col(e.to_file(at))
    }

    #[test]
    fn block_lines_map_to_conf_lines_with_indent() {
        let f = file("description x\nscript\n    echo $A\n      if x; then\n    fi\nend script\n");
        let e = &extract(&f)[0];
        assert_eq!(e.text, "echo $A\n  if x; then\nfi\n");
        assert_eq!(e.indent, 4);
        let dollar = e.text.find('$').expect("a $ in the text");
        assert_eq!(file_pos(&f, e, dollar), (3, 10));
        let fi = e.text.find("fi").expect("fi in the text");
        assert_eq!(file_pos(&f, e, fi), (5, 5));
        // The end of the text is the `end script` line.
        assert_eq!(file_pos(&f, e, e.text.len()), (6, 1));
        assert_eq!(f.source.line_col(e.end.start), (6, 1));
    }

    #[test]
    fn crlf_block_keeps_carriage_returns_and_maps_exactly() {
        let f = file("script\r\n  a=1\r\n  echo \"$a\"\r\nend script\r\nrespawn\r\n");
        let e = &extract(&f)[0];
        assert_eq!(e.text, "a=1\r\necho \"$a\"\r\n");
        let q = e.text.find('"').expect("a quote");
        assert_eq!(file_pos(&f, e, q), (3, 8));
        assert_eq!(e.offset_of(2, 6), q);
        assert_eq!(f.source.line_col(e.after), (5, 1));
    }

    #[test]
    fn tab_indented_block_strips_tabs_and_shellcheck_columns_count_a_tab_as_one() {
        let f = file("pre-start script\n\tif [ -f x ]; then\n\t\trm $X\n\tfi\nend script\n");
        let e = &extract(&f)[0];
        assert_eq!(e.indent, 1);
        assert_eq!(e.text, "if [ -f x ]; then\n\trm $X\nfi\n");
        // shellcheck: line 2, column 5 is `$` (TAB, r, m, space, $).
        let at = e.offset_of(2, 5);
        assert_eq!(&e.text[at..=at], "$");
        assert_eq!(file_pos(&f, e, at), (3, 6));
    }

    #[test]
    fn empty_line_disables_stripping() {
        let f = file("script\n    a\n\n    b\nend script\n");
        let e = &extract(&f)[0];
        assert_eq!(e.indent, 0);
        assert_eq!(e.text, "    a\n\n    b\n");
        assert_eq!(file_pos(&f, e, e.text.find('b').expect("b")), (4, 5));
    }

    #[test]
    fn exec_lines_map_through_the_prefix_and_continuations() {
        let f = file("exec /bin/foo --opt=\"$A\" \\\n   --b $C  # comment\nstop on x\n");
        let e = &extract(&f)[0];
        assert_eq!(e.origin, Origin::Exec);
        assert_eq!(e.text, "exec /bin/foo --opt=\"$A\" --b $C");
        // The prefix maps to the command's start.
        assert_eq!(file_pos(&f, e, 0), (1, 6));
        let a = e.text.find("$A").expect("$A");
        assert_eq!(file_pos(&f, e, a), (1, 22));
        let c = e.text.find("$C").expect("$C");
        assert_eq!(file_pos(&f, e, c), (2, 8));
        let b = e.text.find("--b").expect("--b");
        assert_eq!(file_pos(&f, e, b), (2, 4));
    }

    #[test]
    fn exec_without_shell_characters_is_not_extracted() {
        let f = file("exec /usr/sbin/foo -n --bar\npost-stop exec rm -f /run/x\n");
        assert!(extract(&f).is_empty());
        assert!(runs_through_shell("foo --opt=1"));
        assert!(runs_through_shell("foo ~/x"));
        assert!(!runs_through_shell("foo -x /a/b"));
    }

    fn notes(text: &str) -> Vec<(String, String)> {
        let s = Subject {
            text,
            origin: Origin::Block,
            indent: 2,
            after: "",
        };
        analyze(&s)
            .into_iter()
            .map(|n| {
                let at = match n.at {
                    At::Text(r) => text[r].to_string(),
                    At::BlockEnd => "<end>".into(),
                };
                (n.code.to_string(), at)
            })
            .collect()
    }

    fn pair(code: &str, at: &str) -> (String, String) {
        (code.to_string(), at.to_string())
    }

    #[test]
    fn syntax_errors_point_at_the_token() {
        assert_eq!(notes("if true; then\n  :\n"), vec![pair("UL401", "")]);
        assert_eq!(notes("echo a\n)\n"), vec![pair("UL401", ")")]);
        assert!(notes("if true; then :; fi\n").is_empty());
    }

    #[test]
    fn bash_forms_dash_accepts_are_bashisms_and_checking_goes_on() {
        assert_eq!(
            notes("[[ -n $x ]] && echo\necho \"${A[@]}\"\nif x; then\n"),
            vec![
                pair("UL407", "[["),
                pair("UL407", "${A[@]}"),
                pair("UL401", ""),
            ]
        );
        assert_eq!(notes("x=${y:0:1}\n:\n"), vec![pair("UL407", "${y:0:1}")]);
    }

    #[test]
    fn bash_forms_dash_rejects_are_syntax_errors() {
        assert_eq!(notes("a=(1 2)\n"), vec![pair("UL401", "a=(")]);
        assert_eq!(notes("cat <<< x\n"), vec![pair("UL401", "<<< x")]);
        assert_eq!(
            notes("function f { :; }\n"),
            vec![pair("UL401", "function")]
        );
    }

    #[test]
    fn other_bashisms() {
        assert_eq!(notes("source /etc/x\n"), vec![pair("UL407", "source")]);
        assert_eq!(notes("[ \"$a\" == b ] || :\n"), vec![pair("UL407", "==")]);
        assert_eq!(notes("echo $'a\\n'\n"), vec![pair("UL407", "$'a\\n'")]);
        assert_eq!(notes("cmd &>/dev/null\n"), vec![pair("UL407", "&>")]);
        assert_eq!(notes("PATH+=:/x\n"), vec![pair("UL407", "PATH+=")]);
        assert!(notes("[ \"$a\" = b ] || :\n. /etc/x\necho ${x%.*} >/dev/null 2>&1\n").is_empty());
    }

    #[test]
    fn trailing_and_and_unreachable_exec() {
        assert_eq!(
            notes("[ -r /etc/default/x ] && . /etc/default/x\n"),
            vec![pair("UL406", "[ -r /etc/default/x ] && . /etc/default/x")]
        );
        assert!(notes("[ -r x ] && . x\nexit 0\n").is_empty());
        assert!(notes("[ -r x ] || exit 0\n").is_empty());
        assert!(notes("[ -r x ] && . x &\n").is_empty());
        assert_eq!(
            notes("exec /usr/bin/app\necho done\nexit 1\n"),
            vec![pair("UL408", "echo")]
        );
        assert!(notes("exec >/dev/null 2>&1\necho x\n").is_empty());
        assert!(notes("if x; then exec a; fi\necho x\n").is_empty());
    }

    #[test]
    fn here_documents() {
        let indented = "    cat <<EOT\n    x\n\n    EOT\n";
        let s = Subject {
            text: indented,
            origin: Origin::Block,
            indent: 0,
            after: "",
        };
        let n = analyze(&s);
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].code, "UL403");
        assert_eq!(n[0].at, At::Text(21..28), "the whole `    EOT` line");
        assert_eq!(n[0].related.len(), 2);
        let cut = Subject {
            text: "cat <<EOF\n#!/bin/sh\n",
            origin: Origin::Block,
            indent: 0,
            after: "EOF\nend script\n",
        };
        let n = analyze(&cut);
        assert_eq!(n[0].code, "UL404");
        assert_eq!(n[0].at, At::BlockEnd);
        let never = Subject { after: "", ..cut };
        let n = analyze(&never);
        assert_eq!(n[0].code, "UL401");
        // dash reads it to the end of the text and runs the command.
        assert_eq!(n[0].severity, Some(Severity::Warning));
        assert!(notes("cat <<-EOF\n\tx\n\tEOF\ncat <<'E'\n$(\nE\n").is_empty());
    }

    /// (code, severity) of each note.
    fn severities(text: &str) -> Vec<(&'static str, Option<Severity>)> {
        let s = Subject {
            text,
            origin: Origin::Block,
            indent: 0,
            after: "",
        };
        analyze(&s)
            .iter()
            .map(|n| (n.code.as_str(), n.severity))
            .collect()
    }

    #[test]
    fn syntax_errors_after_exec_or_exit_are_never_reached() {
        const W: Option<Severity> = Some(Severity::Warning);
        // dash runs the text one command line at a time: it fails here.
        assert_eq!(severities("echo a\n}\n"), [("UL401", None)]);
        // It never reads past `exec PROGRAM` or `exit`.
        assert_eq!(severities("exec /usr/bin/app\n}\n"), [("UL401", W)]);
        assert_eq!(severities("exit 0\nif then\n"), [("UL401", W)]);
        assert_eq!(severities("exit\nif then\n"), [("UL401", W)]);
        assert_eq!(severities("exit $RC\nif then\n"), [("UL401", W)]);
        // A literal failing `exit` fails the block there every time
        // (193-openvpn-instance: `test -r F {`, `exit 1`, `}`).
        assert_eq!(severities("exit 1\n}\n"), [("UL401", None)]);
        assert_eq!(severities("exec /usr/bin/app\necho 'a\n"), [("UL401", W)]);
        assert_eq!(
            severities("exec /usr/bin/app\nfunction f { :; }\n"),
            [("UL401", W)]
        );
        // Found in the syntax tree (dash rejects it when it parses the line).
        assert_eq!(
            severities("exec /usr/bin/app\na=(1 2)\n"),
            [("UL401", W), ("UL408", None)]
        );
        // On the same command line as `exec`, dash parses it first.
        assert_eq!(
            severities("exec /usr/bin/app; a=(1 2)\n"),
            [("UL401", None), ("UL408", None)]
        );
        // Conditional, backgrounded or redirection-only `exec` goes on.
        for text in [
            "[ -x /usr/bin/app ] && exec /usr/bin/app\n}\n",
            "exec /usr/bin/app &\n}\n",
            "exec >/dev/null 2>&1\n}\n",
            "if true; then exec /usr/bin/app; fi\n}\n",
        ] {
            assert_eq!(severities(text), [("UL401", None)], "{text}");
        }
    }

    #[test]
    fn quote_cut_by_end_script() {
        let s = Subject {
            text: "echo 'a\n",
            origin: Origin::Block,
            indent: 0,
            after: "b'\nend script\n",
        };
        let n = analyze(&s);
        assert_eq!(n[0].code, "UL404");
        let s = Subject { after: "", ..s };
        assert_eq!(analyze(&s)[0].code, "UL401");
        // A quote only after the next `end script` line is not this string's.
        let s = Subject {
            after: "exec x\nend script\ndescription \"it's\"\n",
            ..s
        };
        assert_eq!(analyze(&s)[0].code, "UL401");
    }

    #[test]
    fn exec_texts_use_ul402() {
        let s = Subject {
            text: "exec /usr/bin/foo \"$(cat /etc/foo.args\n",
            origin: Origin::Exec,
            indent: 0,
            after: "",
        };
        assert_eq!(analyze(&s)[0].code, "UL402");
    }

    #[test]
    fn non_ascii_locations_are_bytes() {
        let text = "echo é\nif x; then\n  )\n";
        assert_eq!(notes(text), vec![pair("UL401", ")")]);
    }

    #[test]
    fn threads_give_the_same_results() {
        let texts: Vec<String> = (0..200)
            .map(|i| format!("echo {i}\n{}\n", if i % 7 == 0 { "fi" } else { ":" }).repeat(20))
            .collect();
        let subjects: Vec<Subject<'_>> = texts
            .iter()
            .map(|t| Subject {
                text: t,
                origin: Origin::Block,
                indent: 0,
                after: "",
            })
            .collect();
        let all = analyze_all(&subjects);
        for (s, n) in subjects.iter().zip(&all) {
            assert_eq!(n.len(), analyze(s).len());
        }
        assert_eq!(all.iter().filter(|n| !n.is_empty()).count(), 29);
    }
}
