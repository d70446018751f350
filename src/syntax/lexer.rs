//! libnih's configuration tokenizer (nih/config.c), byte for byte.
//!
//! Character tests mirror C's `strchr(SET, c)`, which is also true for a NUL
//! byte: a NUL therefore acts as whitespace and as a token delimiter, and at
//! the start of a token it ends the line like a comment. That is what
//! upstart 1.13.2 does with such files, so we do the same.

use super::error::{ErrorKind, ParseError};
use crate::source::Span;
use compact_str::CompactString;
use nom::bytes::complete::{tag, take_till, take_while};
use nom::{IResult, Parser};
use std::borrow::Cow;

/// Whitespace: space, TAB, CR (and NUL, see the module comment).
pub(crate) const fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | 0)
}

/// Delimiter sets (`NIH_CONFIG_CNLWS`, `NIH_CONFIG_CNL`, and the event
/// expression set with parentheses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delims {
    /// WS, `#`, NL: argument tokens and keywords.
    Cnlws,
    /// `#`, NL: command text.
    Cnl,
    /// WS, `#`, NL, `(`, `)`: event-expression tokens.
    Paren,
}

impl Delims {
    const fn contains(self, c: u8) -> bool {
        match self {
            Self::Cnlws => matches!(c, b' ' | b'\t' | b'\r' | b'#' | b'\n' | 0),
            Self::Cnl => matches!(c, b'#' | b'\n' | 0),
            Self::Paren => matches!(c, b' ' | b'\t' | b'\r' | b'#' | b'\n' | b'(' | b')' | 0),
        }
    }
}

/// A scanned token: its value (dequoted or raw) and where it lies.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    /// The value as upstart stores it: a C string, so it ends at the first
    /// NUL byte that reached it (see `nul`). Borrowed from the source when
    /// the value is the text as written (no quote, escape or line break in
    /// it: nearly every token), so that scanning a token allocates nothing.
    pub value: Cow<'a, [u8]>,
    /// libnih's token length, which decides "Expected token". It is not
    /// always `value.len()`: `""\`⏎ has length 1 and an empty value.
    pub len: usize,
    pub span: Span,
    /// Backslashes of `\X` escapes whose preceding blanks (or line break)
    /// libnih copied wrongly (docs/language.md#lexing): the value differs from the text.
    pub garbled: Vec<usize>,
    /// The NUL byte that ended the value, when one did.
    pub nul: Option<usize>,
}

impl Token<'_> {
    /// The value as text (invalid UTF-8 replaced), borrowed when it is UTF-8.
    pub(crate) fn str(&self) -> Cow<'_, str> {
        utf8(&self.value)
    }

    pub(crate) fn text(&self) -> String {
        self.str().into_owned()
    }

    /// The value as a compact string: inline, with no allocation, up to 24 bytes.
    pub(crate) fn compact(&self) -> CompactString {
        compact(&self.value)
    }
}

/// `String::from_utf8_lossy`, but through `str::from_utf8` first: its
/// check of a short ASCII value is much cheaper than the lossy iterator
/// (a tenth of the parse time before), and nearly every value is UTF-8.
pub(crate) fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// [`utf8`] as a compact string (inline, with no allocation, up to 24 bytes).
pub(crate) fn compact(bytes: &[u8]) -> CompactString {
    match std::str::from_utf8(bytes) {
        Ok(text) => CompactString::new(text),
        Err(_) => CompactString::from_utf8_lossy(bytes),
    }
}

/// What a byte is to [`Cursor::plain`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plain {
    Content,
    /// Whitespace that is no delimiter (in command text).
    Blank,
    Delimiter,
    /// A backslash or a quote: the general scan decides.
    Special,
}

/// [`Plain`] for every byte, one table per [`Delims`] (in its order): a
/// lookup instead of three tests per byte of a token.
const PLAIN: [[Plain; 256]; 3] = [
    plain_classes(Delims::Cnlws),
    plain_classes(Delims::Cnl),
    plain_classes(Delims::Paren),
];

const fn plain_classes(delims: Delims) -> [Plain; 256] {
    let mut table = [Plain::Content; 256];
    let mut c = 0u8;
    loop {
        table[c as usize] = if c == b'\\' || c == b'"' || c == b'\'' {
            Plain::Special
        } else if delims.contains(c) {
            Plain::Delimiter
        } else if is_ws(c) {
            Plain::Blank
        } else {
            Plain::Content
        };
        if c == u8::MAX {
            return table;
        }
        c += 1;
    }
}

/// nom: a run of whitespace (possibly empty).
fn ws0(input: &[u8]) -> IResult<&[u8], &[u8]> {
    take_while(is_ws)(input)
}

/// nom: a `#` comment up to (not including) the newline.
/// Trailing CRs (CRLF files) are consumed but not part of the text.
fn comment(input: &[u8]) -> IResult<&[u8], &[u8]> {
    let (rest, text) =
        nom::combinator::recognize((tag("#"), take_till(|c| c == b'\n'))).parse(input)?;
    let keep = text.iter().rposition(|&c| c != b'\r').map_or(0, |i| i + 1);
    Ok((rest, &text[..keep]))
}

/// A position in a file being tokenized.
#[derive(Clone, Debug)]
pub(crate) struct Cursor<'a> {
    pub src: &'a [u8],
    pub pos: usize,
    /// Warnings about values upstart stores differently from how they are
    /// written (garbled escapes, NUL bytes), in the order found.
    pub notes: Vec<ParseError>,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a [u8]) -> Self {
        Self {
            src,
            pos: 0,
            notes: Vec::new(),
        }
    }

    /// A cursor at `pos` for looking ahead: the notes it takes are dropped
    /// (cheaper than a clone, which copies this cursor's notes).
    pub(crate) fn probe(&self, pos: usize) -> Cursor<'a> {
        Cursor {
            src: self.src,
            pos,
            notes: Vec::new(),
        }
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn rest(&self) -> &'a [u8] {
        &self.src[self.pos.min(self.src.len())..]
    }

    /// Advance past what a nom parser consumed.
    fn run<O>(&mut self, parser: impl Fn(&'a [u8]) -> IResult<&'a [u8], O>) -> Option<O> {
        let rest = self.rest();
        match parser(rest) {
            Ok((remaining, out)) => {
                self.pos += rest.len() - remaining.len();
                Some(out)
            }
            Err(_) => None,
        }
    }

    /// Skip plain whitespace (no continuations), as `nih_config_parse_file`.
    pub(crate) fn skip_ws(&mut self) {
        self.run(ws0);
    }

    /// `nih_config_has_token`: not at EOF, `#` or NL.
    pub(crate) fn has_token(&self) -> bool {
        self.peek().is_some_and(|c| !Delims::Cnl.contains(c))
    }

    /// `nih_config_skip_whitespace`: whitespace and backslash-newlines.
    pub(crate) fn skip_whitespace(&mut self) {
        loop {
            self.skip_ws();
            if self.rest().starts_with(b"\\\n") {
                self.pos += 2;
            } else {
                break;
            }
        }
    }

    /// `nih_config_next_line`: skip to just past the next newline (or EOF).
    pub(crate) fn next_line(&mut self) {
        match self.rest().iter().position(|&c| c == b'\n') {
            Some(i) => self.pos += i + 1,
            None => self.pos = self.src.len(),
        }
    }

    /// The comment at the cursor, if any, without consuming it.
    pub(crate) fn peek_comment(&self) -> Option<(CompactString, Span)> {
        let rest = self.rest();
        comment(rest)
            .ok()
            .map(|(_, text)| (compact(text), Span::new(self.pos, self.pos + text.len())))
    }

    /// `nih_config_skip_comment`: at a comment, NL or EOF, skip to the next
    /// line and return the comment; otherwise report "Unexpected token".
    pub(crate) fn skip_comment(&mut self) -> Result<Option<(CompactString, Span)>, ParseError> {
        if self.has_token() {
            let start = self.pos;
            let end = self.scan_extent(start);
            return Err(ParseError::new(
                ErrorKind::UnexpectedToken,
                Span::new(start, end),
                EXTRA_ARGUMENT,
            ));
        }
        let comment = self.peek_comment();
        self.next_line();
        Ok(comment)
    }

    /// The end of the raw token starting at `start` (for error spans).
    fn scan_extent(&self, start: usize) -> usize {
        match self.probe(start).token(Delims::Cnlws, false) {
            Ok(tok) if !tok.span.is_empty() => tok.span.end,
            _ => (start + 1).min(self.src.len()),
        }
    }

    /// `nih_config_token`: scan one token from the cursor, stopping at an
    /// unquoted, unescaped delimiter. With `dequote`, quote characters are
    /// removed and `\\` / backslash-whitespace reduced; otherwise every byte
    /// is kept. A newline inside quotes, or an escaped newline, becomes a
    /// single space together with the whitespace around it. Trailing
    /// whitespace is dropped. The cursor stops at the delimiter.
    ///
    /// The copy follows libnih byte for byte, including its slip (docs/language.md#lexing):
    /// for an escape `\X` (X not `\`, a blank or a newline) the backslash
    /// is written at once, and the blanks before it are then copied from an
    /// offset that does not count it, so the last blank becomes a
    /// backslash (`a \"b` → `a\\"b`); after a line break the space lands
    /// after the backslash (`a\\`⏎`\"b` → `a\\ "b`).
    pub(crate) fn token(&mut self, delims: Delims, dequote: bool) -> Result<Token<'a>, ParseError> {
        self.scan(delims, dequote, None)
    }

    /// [`Cursor::token`], also recording in `at` (when given) the offset of
    /// `src` that each byte of the value comes from.
    fn scan(
        &mut self,
        delims: Delims,
        dequote: bool,
        mut at: Option<&mut Vec<usize>>,
    ) -> Result<Token<'a>, ParseError> {
        if at.is_none()
            && let Some(tok) = self.plain(delims)
        {
            return Ok(tok);
        }
        let mut mark = |from: std::ops::Range<usize>| {
            if let Some(at) = at.as_deref_mut() {
                at.extend(from);
            }
        };
        let src = self.src;
        let start = self.pos;
        let mut out = Vec::new();
        // The names of nih_config_token's counters.
        let (mut ws, mut nlws, mut qc) = (0usize, 0usize, 0usize);
        let mut nl = false;
        let mut slash = false;
        let mut quote = 0u8;
        let mut quote_start = start;
        let mut p = start;
        let mut last_content_end = start;
        let mut garbled = Vec::new();
        while p < src.len() {
            let c = src[p];
            let mut extra = 0usize;
            let mut is_quote = false;
            if slash {
                slash = false;
                if c == b'\n' {
                    nlws += 1;
                    nl = true;
                    p += 1;
                    continue;
                } else if c == b'\\' || is_ws(c) {
                    extra = 1;
                    if dequote {
                        qc += 1;
                    }
                } else {
                    if ws > 0 || nl {
                        garbled.push(p - 1);
                    }
                    out.push(b'\\');
                    mark(p - 1..p);
                }
            } else if c == b'\\' {
                slash = true;
                p += 1;
                continue;
            } else if quote != 0 {
                if c == quote {
                    quote = 0;
                    is_quote = true;
                } else if c == b'\n' {
                    nl = true;
                    p += 1;
                    continue;
                } else if is_ws(c) {
                    ws += 1;
                    p += 1;
                    continue;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
                quote_start = p;
                is_quote = true;
            } else if delims.contains(c) {
                break;
            } else if is_ws(c) {
                ws += 1;
                p += 1;
                continue;
            }

            if nl {
                nlws += ws;
                out.push(b' ');
                mark(p..p + 1);
            } else if ws > 0 {
                // libnih's `file + p - ws - extra`: right for `\\` and
                // `\<blank>` (extra = 1), one byte late after `\X`.
                let from = p - ws - extra;
                out.extend_from_slice(&src[from..from + ws]);
                mark(from..from + ws);
            }
            if extra > 0 && !dequote {
                out.extend_from_slice(&src[p - extra..p]);
                mark(p - extra..p);
            }
            if !(is_quote && dequote) {
                out.push(c);
                mark(p..p + 1);
            }
            if is_quote && dequote {
                qc += 1;
            }
            ws = 0;
            nl = false;
            p += 1;
            last_content_end = p;
        }
        self.pos = p;
        if slash {
            return Err(ParseError::new(
                ErrorKind::TrailingSlash,
                Span::new(p.saturating_sub(1), p),
                "the file ends with a backslash",
            )
            .help("remove the final `\\` or add the text it was meant to continue"));
        }
        if quote != 0 {
            return Err(ParseError::new(
                ErrorKind::UnterminatedQuote,
                Span::new(quote_start, quote_start + 1),
                format!("this `{}` is never closed", quote as char),
            )
            .help(format!(
                "add the closing `{}`; quoted values may span lines, so a missing quote swallows the rest of the file",
                quote as char
            )));
        }
        let len = (p - start).saturating_sub(ws + nlws + qc);
        // The value is a C string: it ends at the first NUL that was copied.
        let nul = out.iter().position(|&b| b == 0).map(|i| {
            out.truncate(i);
            if let Some(at) = at {
                at.truncate(i);
            }
            nul_offset(src, start, p)
        });
        let tok = Token {
            value: Cow::Owned(out),
            len,
            span: Span::new(start, last_content_end.max(start)),
            garbled,
            nul,
        };
        self.note(&tok, dequote);
        Ok(tok)
    }

    /// The common case of [`Cursor::scan`]: no backslash or quote before
    /// the delimiter. Then the loop there copies every byte up to the last
    /// one that is not a blank, so the value is that text of the source,
    /// borrowed; a NUL is a delimiter, so none reaches the value. `None`
    /// (cursor unmoved) when a backslash or quote comes first.
    fn plain(&mut self, delims: Delims) -> Option<Token<'a>> {
        let src = self.src;
        let start = self.pos;
        let mut p = start;
        let mut content_end = start;
        let classes = &PLAIN[delims as usize];
        while let Some(&c) = src.get(p) {
            match classes[usize::from(c)] {
                Plain::Special => return None,
                Plain::Delimiter => break,
                Plain::Blank => p += 1,
                Plain::Content => {
                    p += 1;
                    content_end = p;
                }
            }
        }
        self.pos = p;
        Some(Token {
            value: Cow::Borrowed(&src[start..content_end]),
            len: content_end - start,
            span: Span::new(start, content_end),
            garbled: Vec::new(),
            nul: None,
        })
    }

    /// Record what upstart stores when it differs from what is written.
    fn note(&mut self, tok: &Token, dequote: bool) {
        if tok.garbled.is_empty() && tok.nul.is_none() {
            return;
        }
        let stored = show_bytes(&tok.value);
        if let Some(at) = tok.nul {
            self.notes.push(
                ParseError::new(
                    ErrorKind::NulInValue,
                    Span::new(at, at + 1),
                    format!("a NUL byte ends this value: upstart stores `{stored}`"),
                )
                .help("upstart keeps values as C strings; remove the NUL byte (and what follows it, if it was not meant to be read)"),
            );
        }
        if let Some(&first) = tok.garbled.first() {
            let blanks_from = self.src[tok.span.start..first]
                .iter()
                .rposition(|&b| !is_ws(b) && b != b'\n' && b != b'\\')
                .map_or(tok.span.start, |i| tok.span.start + i + 1);
            let help = if dequote {
                match suggested_quoting(&self.src[tok.span.start..tok.span.end]) {
                    Some(fix) => format!(
                        "upstart's tokenizer garbles the blank before a backslash escape; write the value in single quotes instead of escaping: {fix}"
                    ),
                    None => "upstart's tokenizer garbles the blank before a backslash escape; write the value in single quotes instead of escaping quotes".to_string(),
                }
            } else {
                "upstart's tokenizer garbles the blank before a backslash escape: move the command into a `script` block (`script`, `exec COMMAND`, `end script`), whose text upstart passes to the shell unchanged".to_string()
            };
            let mut err = ParseError::new(
                ErrorKind::GarbledEscape,
                Span::new(blanks_from.min(first), first + 1),
                format!("upstart stores `{stored}`, not the text as written"),
            )
            .help(help);
            for &other in &tok.garbled[1..] {
                err = err.related(Span::new(other, other + 1), "garbled here too");
            }
            self.notes.push(err);
        }
    }

    /// `nih_config_next_token`: a non-empty token, then skip whitespace
    /// (including backslash-newlines). An empty token is "Expected token".
    pub(crate) fn next_token(
        &mut self,
        delims: Delims,
        dequote: bool,
    ) -> Result<Token<'a>, ParseError> {
        let tok = self.token(delims, dequote)?;
        if tok.len == 0 {
            return Err(expected_token(tok.span.start));
        }
        self.skip_whitespace();
        Ok(tok)
    }

    /// `nih_config_next_arg`: a dequoted argument.
    pub(crate) fn next_arg(&mut self) -> Result<Token<'a>, ParseError> {
        self.next_token(Delims::Cnlws, true)
    }

    /// A raw (not dequoted) word, used for keywords and sub-keywords.
    pub(crate) fn next_raw(&mut self) -> Result<Token<'a>, ParseError> {
        self.next_token(Delims::Cnlws, false)
    }

    /// `nih_config_parse_command`: the command text of `exec`.
    pub(crate) fn command(&mut self) -> Result<Token<'a>, ParseError> {
        self.token(Delims::Cnl, false)
    }
}

/// The command text of an `exec` line scanned from `src` as
/// [`Cursor::command`] scans it, with the offset in `src` that each byte of
/// its value comes from (a line break that becomes a space maps to the byte
/// after it). `None` when the text does not scan.
pub(crate) fn command_offsets(src: &[u8]) -> Option<(Token<'_>, Vec<usize>)> {
    let mut at = Vec::with_capacity(src.len());
    let tok = Cursor::new(src)
        .scan(Delims::Cnl, false, Some(&mut at))
        .ok()?;
    Some((tok, at))
}

/// A value for a message: long values cut, control characters escaped.
fn show_bytes(value: &[u8]) -> String {
    const MAX: usize = 80;
    let text = String::from_utf8_lossy(value);
    let mut out = String::new();
    for c in text.chars().take(MAX) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

/// The value a garbled argument was meant to hold (blanks kept, `\"` and
/// `\'` read as the quote itself), written in single quotes so that libnih
/// stores it unchanged. None when the intended value holds a single quote.
fn suggested_quoting(text: &[u8]) -> Option<String> {
    let mut value = Vec::new();
    let mut quote = 0u8;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == b'\\' && i + 1 < text.len() {
            let next = text[i + 1];
            match next {
                b'\n' => value.push(b' '),
                b'"' | b'\'' | b'\\' => value.push(next),
                _ if is_ws(next) => value.push(next),
                _ => value.extend_from_slice(&[c, next]),
            }
            i += 2;
            continue;
        }
        if quote != 0 && c == quote {
            quote = 0;
        } else if quote == 0 && (c == b'"' || c == b'\'') {
            quote = c;
        } else {
            value.push(c);
        }
        i += 1;
    }
    if value.contains(&b'\'') || value.contains(&0) {
        return None;
    }
    let text = String::from_utf8_lossy(&value);
    Some(format!("`'{}'`", text.replace('\\', "\\\\")))
}

/// Where the NUL that cut a token's value lies in the file: a NUL can only
/// reach the value from inside quotes or escaped, and the first one in the
/// token's text is the one that ends the C string.
fn nul_offset(src: &[u8], start: usize, end: usize) -> usize {
    src[start..end]
        .iter()
        .position(|&b| b == 0)
        .map_or(start, |i| start + i)
}

pub(crate) fn expected_token(at: usize) -> ParseError {
    ParseError::new(ErrorKind::ExpectedToken, Span::point(at), EXPECTED_ARGUMENT)
}

/// The label of [`expected_token`]; the parser names the stanza instead
/// when it knows it.
pub(crate) const EXPECTED_ARGUMENT: &str = "expected an argument here";

/// The label of an extra argument ([`Cursor::skip_comment`]); the parser
/// names the stanza instead when it knows it.
pub(crate) const EXTRA_ARGUMENT: &str = "unexpected text after the last argument";

/// A recognised `end script` line.
pub(crate) struct BlockEnd<'a> {
    /// Bytes of the whole line, newline included.
    pub consumed: usize,
    /// Offset just after the word `script`.
    pub words_end: usize,
    pub comment: Option<&'a [u8]>,
}

/// nom: the `end script` terminator line, as `nih_config_block_end` checks
/// it: `WS* end WS+ script WS* [#…] (NL|EOF)`.
pub(crate) fn block_end(input: &[u8]) -> Option<BlockEnd<'_>> {
    // libnih wants at least 4 bytes from `end` and then a whitespace byte.
    let (rest, _) = ws0(input).ok()?;
    if rest.len() < 4 {
        return None;
    }
    let words: IResult<&[u8], _> = (tag("end"), take_while(is_ws), tag("script")).parse(rest);
    let (after_words, (_, gap, _)) = words.ok()?;
    if gap.is_empty() {
        return None;
    }
    let words_end = input.len() - after_words.len();
    let tail: IResult<&[u8], _> =
        (take_while(is_ws), nom::combinator::opt(comment)).parse(after_words);
    let (after, (_, comment)) = tail.ok()?;
    let consumed = input.len() - after.len();
    match after.first() {
        None => Some(BlockEnd {
            consumed,
            words_end,
            comment,
        }),
        Some(b'\n') => Some(BlockEnd {
            consumed: consumed + 1,
            words_end,
            comment,
        }),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(s: &str) -> String {
        let mut c = Cursor::new(s.as_bytes());
        c.token(Delims::Cnlws, true)
            .map(|t| t.text())
            .unwrap_or_default()
    }

    fn cmd(s: &str) -> String {
        let mut c = Cursor::new(s.as_bytes());
        c.command().map(|t| t.text()).unwrap_or_default()
    }

    #[test]
    fn dequoting_follows_libnih() {
        assert_eq!(arg("FOO=\"a b\"c"), "FOO=a bc");
        assert_eq!(arg("foo#bar"), "foo");
        assert_eq!(arg("foo\\#bar"), "foo\\#bar");
        // libnih's slip (docs/language.md#lexing): the blank before `\"` becomes a backslash.
        assert_eq!(arg("\"say \\\"hi\\\"\""), "say\\\\\"hi\\\"");
        assert_eq!(arg("\"a  \\\"b\""), "a\\ \\\"b");
        assert_eq!(arg("\"a\n  \\\"b\""), "a\\ \"b");
        assert_eq!(arg("a\\\\ b"), "a\\");
        assert_eq!(arg("'a \\\\b'"), "a \\b");
        assert_eq!(arg("a\\\\b"), "a\\b");
        assert_eq!(arg("a\\ b"), "a b");
        assert_eq!(arg("foo\\\nbar"), "foo bar");
        assert_eq!(arg("foo\\\n  bar"), "foo");
        assert_eq!(arg("\"first\n      second\""), "first second");
        assert_eq!(arg("'a\"b'"), "a\"b");
        assert_eq!(arg("\"\""), "");
    }

    #[test]
    fn command_text_keeps_quotes_and_inner_blanks() {
        assert_eq!(cmd("/bin/echo \"a  b\"   # c"), "/bin/echo \"a  b\"");
        assert_eq!(cmd("/bin/foo --long\\\noption"), "/bin/foo --long option");
        assert_eq!(cmd("tool --color=#00ff00"), "tool --color=");
        assert_eq!(cmd("a \\$x"), "a\\\\$x");
        assert_eq!(cmd("/bin/echo a \\\"b\\\""), "/bin/echo a\\\\\"b\\\"");
        assert_eq!(cmd("/bin/echo a\\\n\\\"b"), "/bin/echo a\\ \"b");
        assert_eq!(cmd("a\\$x"), "a\\$x");
    }

    #[test]
    fn a_nul_ends_the_value_and_the_token_length_decides_emptiness() {
        let mut c = Cursor::new(b"\"5\0x\"");
        let tok = c.token(Delims::Cnlws, true).map_err(|e| e.kind);
        assert_eq!(tok.as_ref().map(|t| t.value.to_vec()), Ok(b"5".to_vec()));
        assert_eq!(tok.map(|t| t.nul), Ok(Some(2)));
        assert_eq!(c.notes.len(), 1);
        // `""\`⏎ has libnih length 1: accepted as the empty string.
        let mut c = Cursor::new(b"\"\"\\\n x");
        let tok = c.token(Delims::Cnlws, true).map_err(|e| e.kind);
        assert_eq!(
            tok.map(|t| (t.value.into_owned(), t.len)),
            Ok((Vec::new(), 1))
        );
        // A lone backslash-newline is a token of length 1 with no text.
        let mut c = Cursor::new(b"\\\n\n");
        let tok = c.token(Delims::Cnlws, false).map_err(|e| e.kind);
        assert_eq!(
            tok.map(|t| (t.value.into_owned(), t.len)),
            Ok((Vec::new(), 1))
        );
    }

    #[test]
    fn errors_at_eof() {
        let mut c = Cursor::new(b"\"never");
        assert_eq!(
            c.token(Delims::Cnlws, true).map(|_| ()).unwrap_err().kind,
            ErrorKind::UnterminatedQuote
        );
        let mut c = Cursor::new(b"foo \\");
        assert_eq!(
            c.command().map(|_| ()).unwrap_err().kind,
            ErrorKind::TrailingSlash
        );
    }

    /// What a scan gives, comparable: the token (or the error) and where
    /// the cursor stopped.
    fn scanned(src: &[u8], delims: Delims, dequote: bool, general: bool) -> String {
        let mut c = Cursor::new(src);
        // Asking for the offsets skips the plain fast path.
        let mut offsets = Vec::new();
        let tok = c.scan(delims, dequote, general.then_some(&mut offsets));
        let tok = tok.map(|t| (t.value.into_owned(), t.len, t.span, t.garbled, t.nul));
        format!("{:?} at {}", tok.map_err(|e| (e.kind, e.span)), c.pos)
    }

    proptest::proptest! {
        // The fast path for tokens without quotes or backslashes must give
        // exactly what libnih's general scan gives, for every delimiter set.
        #[test]
        fn plain_tokens_scan_as_the_general_scan(
            text in "[a-z \t\r\n#()\\\"'\x00=-]{0,12}",
            dequote: bool,
        ) {
            for delims in [Delims::Cnlws, Delims::Cnl, Delims::Paren] {
                proptest::prop_assert_eq!(
                    scanned(text.as_bytes(), delims, dequote, false),
                    scanned(text.as_bytes(), delims, dequote, true),
                    "{:?}", delims
                );
            }
        }
    }

    #[test]
    fn block_terminator() {
        assert_eq!(block_end(b"end script\n").map(|x| x.consumed), Some(11));
        let end = block_end(b"  end \t script  # done\r\nx");
        assert_eq!(end.as_ref().map(|x| x.consumed), Some(24));
        assert_eq!(end.as_ref().map(|x| x.words_end), Some(14));
        assert_eq!(end.and_then(|x| x.comment), Some(&b"# done"[..]));
        assert_eq!(block_end(b"end script").map(|x| x.consumed), Some(10));
        assert!(block_end(b"endscript\n").is_none());
        assert!(block_end(b"end scripts\n").is_none());
        assert!(block_end(b"END SCRIPT\n").is_none());
    }
}
