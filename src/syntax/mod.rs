//! Text → AST. Follows upstart 1.13.2's parser (init/parse_job.c on top of
//! libnih's nih/config.c) but never stops at the first error: each failing
//! stanza becomes [`StanzaKind::Invalid`], its error is recorded, and parsing
//! resumes at the next line.

pub mod error;
mod event;
mod lexer;
mod recovery;
pub mod script;
mod stanzas;
pub mod values;

pub use error::{ErrorKind, ParseError};

use crate::ast::{
    Comment, Item, Job, LimitValue, ProcessBody, ProcessKind, Signal, Spanned, Stanza, StanzaKind,
    Word,
};
use crate::source::Span;
use compact_str::CompactString;
pub(crate) use lexer::command_offsets;
use lexer::{Cursor, Token, expected_token};
use serde::Serialize;
use values::{Number, signal_from_name, strtol, strtoul};

/// Deepest `start on`/`stop on` expression (tree depth or open parentheses)
/// we accept. Upstart has no limit; real jobs stay under 10. The cap keeps
/// recursion over the tree bounded on hostile input.
pub const MAX_EXPR_DEPTH: usize = 256;

/// Which upstart reads the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// Upstream upstart 1.13.2: `import` and `tmpfiles` are unknown stanzas.
    #[default]
    Upstream,
    /// ChromiumOS's patched upstart, which also loads `import` and `tmpfiles`.
    Chromeos,
}

impl Dialect {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upstream => "upstream",
            Self::Chromeos => "chromeos",
        }
    }
}

/// The result of parsing one file: the job (with [`StanzaKind::Invalid`] where
/// stanzas failed) and every problem found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Parsed {
    pub job: Job,
    pub errors: Vec<ParseError>,
}

impl Parsed {
    /// True when upstart 1.13.2 would reject the file.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(ParseError::rejects)
    }

    /// The result for `dialect`: ChromiumOS's upstart loads `import` and
    /// `tmpfiles`, so their errors go.
    #[must_use]
    pub fn for_dialect(mut self, dialect: Dialect) -> Self {
        if dialect == Dialect::Chromeos {
            self.errors.retain(|e| e.kind != ErrorKind::VendorStanza);
        }
        self
    }
}

/// Parse a job file. Never panics and never stops early.
#[must_use]
pub fn parse(src: &[u8]) -> Parsed {
    // At most one item per line: reserved at once, the items are never
    // copied as the list grows, and pages past the last are never touched.
    let lines = src.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut parser = Parser::new(src, lines);
    parser.file(None);
    let mut errors = parser.errors;
    errors.append(&mut parser.cur.notes);
    nul_bytes(src, &mut errors);
    if let Err(e) = std::str::from_utf8(src) {
        let at = e.valid_up_to();
        errors.push(
            ParseError::new(
                ErrorKind::InvalidUtf8,
                Span::new(at, at + e.error_len().unwrap_or(1)),
                "this byte is not UTF-8",
            )
            .help("upstart accepts any bytes, but tools shown this file will see U+FFFD; convert it to UTF-8"),
        );
    }
    // Identical errors at one place are reported once (taplo's add_error).
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    errors.dedup_by(|a, b| a.kind == b.kind && a.span == b.span);
    recovery::unopened_blocks(src, &mut errors);
    let mut items = parser.items;
    items.shrink_to_fit();
    Parsed {
        job: Job { items },
        errors,
    }
}

/// Parse a job file and hand each item of [`parse`]'s job to `each` as
/// soon as it is complete, in order, keeping none of them (and no error):
/// a check that reads a job item by item holds one item at a time.
pub fn for_each_item(src: &[u8], mut each: impl FnMut(Item)) {
    Parser::new(src, 0).file(Some(&mut each));
}

/// A warning at every NUL byte not already explained by the value it cut:
/// upstart reads NUL as a blank outside quotes (it separates words and ends
/// a stanza's command text), and in a script body it drops the rest of the
/// line. Reported once per line.
fn nul_bytes(src: &[u8], errors: &mut Vec<ParseError>) {
    if !src.contains(&0) {
        return;
    }
    let explained: std::collections::BTreeSet<usize> = errors
        .iter()
        .filter(|e| e.kind == ErrorKind::NulInValue)
        .map(|e| e.span.start)
        .collect();
    let mut line_start = 0;
    for line in src.split(|&b| b == b'\n') {
        let line_end = line_start + line.len();
        if let Some(i) = line.iter().position(|&b| b == 0)
            && explained.range(line_start..=line_end).next().is_none()
        {
            let at = line_start + i;
            errors.push(
                ParseError::new(
                    ErrorKind::NulInValue,
                    Span::new(at, at + 1),
                    "a NUL byte: upstart reads it as a blank here, or as the end of the line in a script",
                )
                .help("job files are text: remove the NUL byte"),
            );
        }
        line_start = line_end + 1;
    }
}

/// Whether upstart stores `text`, written after `exec `, as exactly this
/// command: no unbalanced quote, no garbled escape, no comment or line
/// break in it. A converter writes any other command as a script block,
/// whose text upstart passes to the shell untouched.
#[must_use]
pub fn command_reads_back(text: &str) -> bool {
    if text.contains(['\n', '\0']) || text.trim() != text || text.is_empty() {
        return false;
    }
    let mut cur = Cursor::new(text.as_bytes());
    match cur.command() {
        Ok(tok) => tok.value == text.as_bytes() && tok.garbled.is_empty() && cur.at_end(),
        Err(_) => false,
    }
}

/// Whether the line starting at `line` would end a script block.
#[must_use]
pub fn block_end_at(line: &[u8]) -> bool {
    lexer::block_end(line).is_some()
}

/// Parse job text given as a string.
#[must_use]
pub fn parse_str(src: &str) -> Parsed {
    parse(src.as_bytes())
}

struct Parser<'a> {
    cur: Cursor<'a>,
    items: Vec<Item>,
    errors: Vec<ParseError>,
    /// End of the last token consumed (the stanza's span ends there).
    last_end: usize,
}

/// What a stanza handler produces.
/// The trailing comment comes boxed, as the stanza keeps it: the result
/// is moved through every handler, and most stanzas have none.
type Handled = Result<(StanzaKind, Option<Box<Comment>>), ParseError>;

impl<'a> Parser<'a> {
    fn new(src: &'a [u8], items: usize) -> Self {
        Self {
            cur: Cursor::new(src),
            items: Vec::with_capacity(items),
            errors: Vec::new(),
            last_end: 0,
        }
    }

    fn src(&self) -> &'a [u8] {
        self.cur.src
    }

    fn at_line_start(&self, pos: usize) -> bool {
        pos == 0 || self.src().get(pos - 1) == Some(&b'\n')
    }

    /// `nih_config_parse_file`, with recovery. With a `sink`, each item
    /// goes there once the next one begins (only the last item can still
    /// change: a blank line joins it, or a comment ends its line).
    fn file(&mut self, mut sink: Option<&mut dyn FnMut(Item)>) {
        // Whether the last item is a stanza that ended mid-line (`manual`,
        // `debug`), whose line may still hold a comment.
        let mut inline_owner = false;
        if self.src().starts_with(b"\xEF\xBB\xBF") {
            self.errors.push(
                ParseError::new(
                    ErrorKind::ByteOrderMark,
                    Span::new(0, 3),
                    "a UTF-8 byte-order mark is glued to the first stanza",
                )
                .help("upstart reads the mark as part of the keyword and rejects the file: remove the first three bytes"),
            );
            self.cur.pos = 3;
        }
        while !self.cur.at_end() {
            if let Some(sink) = sink.as_deref_mut()
                && self.items.len() > 1
            {
                let done = self.items.len() - 1;
                self.items.drain(..done).for_each(&mut *sink);
            }
            let line_start = self.cur.pos;
            let fresh_line = self.at_line_start(line_start);
            if fresh_line {
                inline_owner = false;
            }
            let progress = self.cur.pos;
            self.cur.skip_ws();
            if !self.cur.has_token() {
                match self.cur.peek_comment() {
                    Some((text, span)) => {
                        let comment = Comment { text, span };
                        match self.items.last_mut().filter(|_| inline_owner) {
                            Some(Item::Stanza(s)) if s.comment.is_none() => {
                                s.comment = Some(Box::new(comment));
                            }
                            _ => self.items.push(Item::Comment(comment)),
                        }
                    }
                    None if fresh_line && self.cur.peek() == Some(b'\n') => {
                        let span = Span::new(line_start, self.cur.pos + 1);
                        match self.items.last_mut() {
                            Some(Item::Blank { span: prev }) => *prev = prev.to(span),
                            _ => self.items.push(Item::Blank { span }),
                        }
                    }
                    None => {}
                }
                self.cur.next_line();
                inline_owner = false;
                continue;
            }
            inline_owner = self.stanza();
            debug_assert!(self.cur.pos > progress, "parser made no progress");
            if self.cur.pos <= progress {
                // Cannot happen; guard against looping forever on a bug.
                self.cur.next_line();
            }
        }
        if let Some(sink) = sink {
            self.items.drain(..).for_each(sink);
        }
    }

    /// Parse one stanza at the cursor. Returns true when it ended mid-line.
    fn stanza(&mut self) -> bool {
        let start = self.cur.pos;
        let keyword = match self.cur.next_raw() {
            Ok(tok) => tok,
            Err(err) => {
                // Only a quote in the keyword can fail: resume after its line.
                self.cur.pos = err.span.start.max(start);
                self.errors.push(err);
                self.recover_physical();
                return false;
            }
        };
        self.last_end = keyword.span.end;
        // Borrowed from the token unless it is not UTF-8.
        let name = lexer::utf8(&keyword.value);
        let result = self.dispatch(&name, &keyword);
        let inline = matches!(name.as_ref(), "manual" | "debug") && result.is_ok();
        let (kind, comment) = match result {
            Ok(ok) => ok,
            Err(mut err) => {
                // Name the stanza: the title already says that an argument
                // is missing or extra.
                if err.kind == ErrorKind::ExpectedToken && err.detail == lexer::EXPECTED_ARGUMENT {
                    err.detail = format!("`{name}` needs an argument here");
                }
                if err.kind == ErrorKind::UnexpectedToken && err.detail == lexer::EXTRA_ARGUMENT {
                    err.detail = format!("`{name}` takes no more arguments");
                }
                let unknown_keyword = matches!(
                    err.kind,
                    ErrorKind::UnknownStanza | ErrorKind::RemovedStanza | ErrorKind::StrayEndScript
                ) && err.span == keyword.span;
                let unterminated_quote = err.kind == ErrorKind::UnterminatedQuote;
                let quote_at = err.span.start;
                self.errors.push(err);
                if unterminated_quote {
                    // Upstart would read the rest of the file as the quoted
                    // text; go on from the line after the stray quote
                    // instead, to report the problems below it too.
                    self.cur.pos = quote_at.max(start);
                    self.recover_physical();
                } else if unknown_keyword {
                    self.recover_physical();
                } else {
                    self.recover_logical();
                }
                let end = self.last_end.max(keyword.span.end);
                self.items.push(Item::Stanza(Stanza {
                    kind: StanzaKind::Invalid {
                        keyword: CompactString::from(name),
                    },
                    span: Span::new(start, end),
                    keyword_span: keyword.span,
                    comment: None,
                }));
                return false;
            }
        };
        self.items.push(Item::Stanza(Stanza {
            kind,
            span: Span::new(start, self.last_end.max(keyword.span.end)),
            keyword_span: keyword.span,
            comment,
        }));
        inline
    }

    fn dispatch(&mut self, name: &str, keyword: &Token) -> Handled {
        let kw = keyword.span;
        match name {
            "instance" => self.one_word(|name| StanzaKind::Instance { name }),
            "description" => self.one_word(|text| StanzaKind::Description { text }),
            "author" => self.one_word(|text| StanzaKind::Author { text }),
            "version" => self.one_word(|text| StanzaKind::Version { text }),
            "usage" => self.one_word(|text| StanzaKind::Usage { text }),
            "chroot" => self.one_word(|dir| StanzaKind::Chroot { dir }),
            "chdir" => self.one_word(|dir| StanzaKind::Chdir { dir }),
            "setuid" => self.one_word(|user| StanzaKind::Setuid { user }),
            "setgid" => self.one_word(|group| StanzaKind::Setgid { group }),
            "env" => self.stanza_env(),
            "export" => self.word_list(|names| StanzaKind::Export { names }),
            "emits" => self.word_list(|events| StanzaKind::Emits { events }),
            "start" | "stop" => self.stanza_on(name),
            "exec" => self.exec(ProcessKind::Main),
            "script" => self.script(ProcessKind::Main, kw),
            "pre-start" | "post-start" | "pre-stop" | "post-stop" => self.stanza_hook(name, kw),
            "expect" => self.stanza_expect(),
            "task" => self.flag(StanzaKind::Task),
            "manual" => Ok((StanzaKind::Manual, None)),
            "debug" => Ok((StanzaKind::Debug, None)),
            "respawn" => self.stanza_respawn(),
            "kill" => self.stanza_kill(),
            "reload" => self.stanza_reload(),
            "normal" => self.stanza_normal(),
            "console" => self.stanza_console(),
            "umask" => self.stanza_umask(),
            "nice" => self.stanza_nice(),
            "oom" => self.stanza_oom(),
            "limit" => self.stanza_limit(),
            "apparmor" => self.stanza_apparmor(),
            "cgroup" => self.stanza_cgroup(),
            "import" => self.stanza_import(kw),
            "tmpfiles" => self.stanza_tmpfiles(kw),
            "end" if self.next_word_is(b"script") => Err(ParseError::new(
                ErrorKind::StrayEndScript,
                kw,
                "no open script block to close here",
            )
            .help("remove it, or add the `script` line that should open the block")),
            _ => self.unknown_keyword(name, kw),
        }
    }

    fn next_word_is(&self, word: &[u8]) -> bool {
        let mut probe = self.cur.probe(self.cur.pos);
        probe.next_raw().is_ok_and(|t| *t.value == *word)
    }

    fn vendor(&mut self, kw: Span, name: &str) {
        self.errors.push(
            ParseError::new(
                ErrorKind::VendorStanza,
                kw,
                format!("`{name}` is a stanza of ChromiumOS's upstart only (for its jobs: --dialect chromeos)"),
            )
            .help("upstream upstart rejects this job; for ChromiumOS jobs pass `--dialect chromeos`, or set `dialect = \"chromeos\"` in .upstart-lint.toml"),
        );
    }

    /// A number upstart stores differently from how it is written.
    fn wrapped(&mut self, span: Span, stored: impl std::fmt::Display, why: &str) {
        self.errors.push(
            ParseError::new(
                ErrorKind::WrappedNumber,
                span,
                format!("upstart stores {stored}: {why}"),
            )
            .help(format!(
                "write `{stored}` if that is what you mean; otherwise a value in range"
            )),
        );
    }

    /// `kill signal` / `reload signal`: a name, or a number read with
    /// `strtoul` (so a minus sign wraps) that must not exceed `INT_MAX`.
    fn signal(&mut self, tok: &Word) -> Result<Signal, ParseError> {
        if let Some(number) = signal_from_name(&tok.value) {
            return Ok(Signal {
                name: Some(tok.value.clone()),
                number,
                span: tok.span,
            });
        }
        match strtoul(&tok.value, 10) {
            Number::Ok(n) if n <= i128::from(i32::MAX) => {
                if written_negative(&tok.value) && n != 0 {
                    self.wrapped(
                        tok.span,
                        n,
                        "upstart reads it as an unsigned number, where a minus sign wraps around",
                    );
                }
                Ok(Signal {
                    name: None,
                    number: i64::try_from(n).unwrap_or(0),
                    span: tok.span,
                })
            }
            _ => {
                let upper = tok.value.to_ascii_uppercase();
                let help = if signal_from_name(&upper).is_some() {
                    format!("signal names are upper case: `{upper}`")
                } else {
                    "use a signal name such as `TERM` or `SIGTERM`, or a number".to_string()
                };
                Err(ParseError::new(
                    ErrorKind::IllegalSignal,
                    tok.span,
                    format!("`{}` is not a signal", show(&tok.value)),
                )
                .help(help))
            }
        }
    }

    /// A `limit` value: `unlimited`, or a number read with `strtoul`.
    fn limit_value(&mut self, tok: &Word) -> Result<LimitValue, ParseError> {
        if tok.value == "unlimited" {
            return Ok(LimitValue::Unlimited);
        }
        match strtoul(&tok.value, 10) {
            Number::Ok(n) => {
                let value = u64::try_from(n).unwrap_or(u64::MAX);
                if written_negative(&tok.value) && n != 0 {
                    let stored = if value == u64::MAX {
                        format!("{value} (unlimited)")
                    } else {
                        value.to_string()
                    };
                    self.wrapped(
                        tok.span,
                        stored,
                        "upstart reads it as an unsigned number, where a minus sign wraps around",
                    );
                }
                Ok(LimitValue::Value(value))
            }
            _ => Err(ParseError::new(
                ErrorKind::IllegalLimit,
                tok.span,
                format!("`{}` is neither `unlimited` nor a number", show(&tok.value)),
            )
            .help("write a number or `unlimited`")),
        }
    }

    /// A dequoted argument.
    fn arg(&mut self) -> Result<Word, ParseError> {
        let tok = self.cur.next_arg()?;
        self.last_end = tok.span.end;
        Ok(Spanned::new(tok.compact(), tok.span))
    }

    fn word(&mut self) -> Result<Word, ParseError> {
        self.arg()
    }

    fn raw(&mut self) -> Result<Token<'a>, ParseError> {
        let tok = self.cur.next_raw()?;
        self.last_end = tok.span.end;
        Ok(tok)
    }

    /// The end of a stanza: only a comment may remain on the line.
    fn end(&mut self) -> Result<Option<Box<Comment>>, ParseError> {
        let comment = self.cur.skip_comment()?;
        Ok(comment.map(|(text, span)| Box::new(Comment { text, span })))
    }

    fn one_word(&mut self, make: impl FnOnce(Word) -> StanzaKind) -> Handled {
        let word = self.word()?;
        let comment = self.end().map_err(|e| {
            e.help("this stanza takes one argument: quote it if it contains spaces")
        })?;
        Ok((make(word), comment))
    }

    fn word_list(&mut self, make: impl FnOnce(Vec<Word>) -> StanzaKind) -> Handled {
        if !self.cur.has_token() {
            return Err(expected_token(self.cur.pos));
        }
        let mut words = Vec::new();
        while self.cur.has_token() {
            words.push(self.word()?);
        }
        let comment = self.end()?;
        Ok((make(words), comment))
    }

    fn flag(&mut self, kind: StanzaKind) -> Handled {
        let keyword = kind.keyword().to_string();
        let comment = self
            .end()
            .map_err(|e| e.help(format!("`{keyword}` takes no argument")))?;
        Ok((kind, comment))
    }

    fn exec(&mut self, process: ProcessKind) -> Handled {
        if !self.cur.has_token() {
            return Err(expected_token(self.cur.pos).help("give the command to run after `exec`"));
        }
        let tok = self.cur.command()?;
        self.last_end = tok.span.end;
        // A garbled escape (UL117), or a NUL that cuts the text inside
        // quotes (UL119), leaves a value no other text produces: keep the
        // text, so that printing the job keeps what upstart runs.
        let written = (!tok.garbled.is_empty() || tok.nul.is_some())
            .then(|| String::from_utf8_lossy(&self.src()[tok.span.start..tok.span.end]).into());
        let comment = self.end()?;
        Ok((
            StanzaKind::Process {
                process,
                body: ProcessBody::Exec {
                    command: Spanned::new(tok.compact(), tok.span),
                    written,
                },
            },
            comment,
        ))
    }

    fn script(&mut self, process: ProcessKind, opener: Span) -> Handled {
        // Text after `script` is an error, but the block still follows: parse
        // it so that its lines are not taken for stanzas.
        let comment = match self.cur.skip_comment() {
            Ok(c) => c.map(|(text, span)| Box::new(Comment { text, span })),
            Err(err) => {
                self.errors
                    .push(err.help("only a comment may follow `script` on its line"));
                self.cur.next_line();
                None
            }
        };
        let block = script::parse_block(&mut self.cur)
            .map_err(|e| e.related(opener, "block opened here"))?;
        // The stanza's span ends with the words `end script`.
        self.last_end = block.end_words.max(opener.end);
        Ok((
            StanzaKind::Process {
                process,
                body: ProcessBody::Script {
                    body: block.body,
                    body_span: block.body_span,
                    indent: block.indent,
                    end_comment: block.end_comment.map(Box::new),
                },
            },
            comment,
        ))
    }

    /// After an error inside a known stanza: skip the rest of the logical
    /// line (quotes and continuations respected), or of the physical line
    /// when the quotes never close.
    fn recover_logical(&mut self) {
        if self.at_line_start(self.cur.pos) {
            return;
        }
        let save = self.cur.pos;
        if self.cur.command().is_err() {
            self.cur.pos = save;
            self.recover_physical();
            return;
        }
        self.cur.next_line();
    }

    /// After an unknown keyword: skip to the end of the physical line,
    /// following backslash-newline continuations.
    fn recover_physical(&mut self) {
        let src = self.src();
        let mut p = self.cur.pos;
        while p < src.len() {
            if src[p] == b'\\' && src.get(p + 1) == Some(&b'\n') {
                p += 2;
                continue;
            }
            if src[p] == b'\n' {
                p += 1;
                break;
            }
            p += 1;
        }
        self.cur.pos = p;
    }
}

fn unknown_sub(tok: &Token, detail: &str) -> ParseError {
    ParseError::new(ErrorKind::UnknownSubKeyword, tok.span, detail.to_string())
}

fn unknown_value(tok: &Word, detail: &str) -> ParseError {
    ParseError::new(ErrorKind::UnknownSubKeyword, tok.span, detail.to_string())
}

fn seconds(tok: &Word) -> Result<u64, ParseError> {
    match strtol(&tok.value, 10) {
        Number::Ok(n) if n >= 0 => Ok(u64::try_from(n).unwrap_or(u64::MAX)),
        _ => Err(ParseError::new(
            ErrorKind::IllegalInterval,
            tok.span,
            format!("`{}` is not a whole number of seconds", show(&tok.value)),
        )
        .help("write plain seconds, e.g. `5`")),
    }
}

/// Whether a number was written with a minus sign (after C's leading blanks).
fn written_negative(text: &str) -> bool {
    text.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r'])
        .starts_with('-')
}

/// A user's value for a message: long values are cut so that a huge token
/// does not make a huge message.
fn show(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        return value.to_string();
    }
    let cut: String = value.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

/// The closest known name, if it is close enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
    // Edit distance is quadratic: a huge token is no typo anyway.
    if word.len() > 40 {
        return None;
    }
    // One edit (a transposition counts as one) for short names, two from
    // eight characters on; `foo` is not a typo of `oom`, nor `mkdir` of `chdir`.
    // Optimal string alignment (transpositions count one) allocates nothing,
    // and a length difference above two can never be close enough.
    let len = word.chars().count();
    let bag = Bag::of(word);
    names
        .iter()
        .filter(|n| n.len().abs_diff(len) <= 2)
        .filter(|n| bag.within(n, max_edits(n)))
        .map(|n| (strsim::osa_distance(word, n), *n))
        .filter(|(d, n)| *d <= max_edits(n) && *d < word.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// The edits that still make `name` a likely typo.
fn max_edits(name: &str) -> usize {
    if name.len() >= 8 { 2 } else { 1 }
}

/// The bytes of an ASCII word, counted: a cheap first test before the edit
/// distance. A name the lint compares against every job and event name
/// costs one pass over each candidate instead of a quadratic alignment
/// (the alignment was an eighth of a whole lint run of the corpus).
struct Bag {
    counts: Option<[u8; 128]>,
    len: usize,
}

impl Bag {
    fn of(word: &str) -> Self {
        let mut counts = [0u8; 128];
        let ascii = word.bytes().all(|b| {
            let ok = b.is_ascii();
            if ok {
                counts[usize::from(b)] += 1;
            }
            ok
        });
        Self {
            counts: ascii.then_some(counts),
            len: word.len(),
        }
    }

    /// False only when `name` is surely more than `max` edits away: each
    /// edit adds or removes at most one character on each side of the
    /// multiset difference (a transposition none), so that difference is a
    /// lower bound of the distance. Non-ASCII words are not filtered.
    fn within(&self, name: &str, max: usize) -> bool {
        let Some(mut counts) = self.counts else {
            return true;
        };
        if !name.is_ascii() {
            return true;
        }
        let mut only_in_name = 0;
        for b in name.bytes() {
            let c = &mut counts[usize::from(b)];
            if *c > 0 {
                *c -= 1;
            } else {
                only_in_name += 1;
                if only_in_name > max {
                    return false;
                }
            }
        }
        let shared = name.len() - only_in_name;
        self.len - shared <= max
    }
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;
    use proptest::prelude::*;

    /// `did_you_mean` without the bag prefilter: the answer it must keep.
    fn plain<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
        if word.len() > 40 {
            return None;
        }
        let len = word.chars().count();
        names
            .iter()
            .filter(|n| n.len().abs_diff(len) <= 2)
            .map(|n| (strsim::osa_distance(word, n), *n))
            .filter(|(d, n)| *d <= if n.len() >= 8 { 2 } else { 1 } && *d < word.len())
            .min_by_key(|(d, _)| *d)
            .map(|(_, n)| n)
    }

    #[test]
    fn typos_found_and_strangers_not() {
        let names = ["started", "stopped", "filesystem", "runlevel", "oom"];
        assert_eq!(did_you_mean("startd", &names), Some("started"));
        assert_eq!(did_you_mean("filesytsem", &names), Some("filesystem"));
        assert_eq!(did_you_mean("runlevle", &names), Some("runlevel"));
        assert_eq!(did_you_mean("foo", &names), None);
        assert_eq!(did_you_mean("stoped", &names), Some("stopped"));
        assert_eq!(did_you_mean("fïlesystem", &names), Some("filesystem"));
    }

    proptest! {
        // Small alphabets (with a non-ASCII letter) make near misses common.
        #[test]
        fn prefilter_keeps_every_answer(
            word in "[abcé-]{0,10}",
            names in proptest::collection::vec("[abcé-]{0,10}", 0..12),
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            prop_assert_eq!(did_you_mean(&word, &names), plain(&word, &names));
        }
    }
}
