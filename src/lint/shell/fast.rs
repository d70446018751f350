//! A conservative recognizer that proves, without yash-syntax, that a shell
//! text has nothing to report.
//!
//! yash-syntax costs about 800 000 instructions per corpus text (it lexes one
//! character at a time through `async` functions and gives every character
//! a reference-counted location). Almost every text is clean, so
//! [`is_clean`] reads a subset of the POSIX grammar in one pass over the
//! bytes and answers `true` only when yash would parse the whole text
//! without an error **and** [`super::yash::analyze`] would find nothing:
//! no bash syntax, no trailing `&&`, nothing after a top-level `exec`.
//! Anything outside that subset (an unusual operator, a bash expansion, a
//! non-ASCII byte, a here-document inside `$(…)`, …) answers `false` and
//! the text goes through yash as before, so findings cannot change: the
//! subset only has to be exact about what it accepts. The unit tests and
//! `tests::fast_path_agrees_with_yash_on_the_corpus` compare both on every
//! corpus text.

use super::extract::Origin;

/// Keywords yash recognises at command position.
const KEYWORDS: [&[u8]; 18] = [
    b"!",
    b"[[",
    b"case",
    b"do",
    b"done",
    b"elif",
    b"else",
    b"esac",
    b"fi",
    b"for",
    b"function",
    b"if",
    b"in",
    b"then",
    b"until",
    b"while",
    b"{",
    b"}",
];

/// Whether yash's analysis of `text` certainly yields no note.
#[must_use]
pub(super) fn is_clean(text: &str, origin: Origin) -> bool {
    let s = text.as_bytes();
    // yash's blanks are Unicode white space (CR, VT, FF, …), dash's only
    // space and TAB; and `\\` before a newline differs in subtle ways.
    // Branch-free, so that it vectorises: this scan is a third of the cost.
    #[expect(
        clippy::needless_bitwise_bool,
        reason = "no branch, so that it vectorises"
    )]
    let odd = s.iter().fold(false, |odd, &b| {
        odd | (b >= 0x7f) | ((b < 0x20) & (b != b'\t') & (b != b'\n'))
    });
    if odd || s.split(|&b| b == b'\n').any(|l| l.ends_with(b"\\\\")) {
        return false;
    }
    let mut p = P {
        s,
        i: 0,
        heredocs: Vec::new(),
        depth: 0,
        items: Vec::new(),
        cache: None,
    };
    p.program(origin).is_some()
}

/// What a top-level item tells UL406 and UL408.
#[derive(Clone, Copy)]
struct Item {
    /// Ends with `&` (run in the background).
    background: bool,
    /// The last `&&`/`||` operator is `&&`.
    ends_and: bool,
    /// A lone unconditional simple command `exec WORD…`.
    exec: bool,
}

/// A token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Eof,
    Newline,
    Op(Op),
    /// A word from `start` to `end`; `literal` when yash would see only
    /// plain characters.
    Word {
        start: usize,
        end: usize,
        literal: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    And,
    AndAnd,
    Bar,
    BarBar,
    Semi,
    SemiSemi,
    Open,
    Close,
    /// `<`, `>`, `>>`, `<&`, `>&`, `<>`, `>|`.
    Redir,
    /// `<<` or `<<-` (true).
    HereDoc(bool),
}

/// Not sure: leave the text to yash.
type R<T> = Option<T>;

struct P<'a> {
    s: &'a [u8],
    i: usize,
    /// Pending here-documents: delimiter, `<<-`, quoted.
    heredocs: Vec<(&'a [u8], bool, bool)>,
    depth: usize,
    items: Vec<Item>,
    /// The last token lexed: where it starts, what it is, where it ends
    /// (the parser peeks at the same token several times).
    cache: Option<(usize, Tok, usize)>,
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_op_char(b: u8) -> bool {
    matches!(b, b'&' | b'|' | b';' | b'<' | b'>' | b'(' | b')' | b'\n')
}

/// Characters that make a word not a literal for yash.
fn is_special(b: u8) -> bool {
    matches!(b, b'\\' | b'\'' | b'"' | b'$' | b'`' | b'~')
}

fn check(ok: bool) -> R<()> {
    ok.then_some(())
}

impl<'a> P<'a> {
    /// The next byte, skipping line continuations as yash's lexer does.
    fn peek(&mut self) -> Option<u8> {
        while self.s.get(self.i) == Some(&b'\\') && self.s.get(self.i + 1) == Some(&b'\n') {
            self.i += 2;
        }
        self.s.get(self.i).copied()
    }

    fn bump(&mut self) {
        self.i += 1;
    }

    /// Skip blanks and a comment.
    fn skip_blanks(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.bump();
        }
        if self.peek() == Some(b'#') {
            // A comment ends at the newline, without line continuation.
            while self.i < self.s.len() && self.s[self.i] != b'\n' {
                self.i += 1;
            }
        }
    }

    fn word_text(&self, start: usize, end: usize) -> &'a [u8] {
        &self.s[start..end]
    }

    /// The next token, consumed.
    fn token(&mut self) -> R<Tok> {
        if let Some((at, t, end)) = self.cache
            && at == self.i
        {
            self.i = end;
            return Some(t);
        }
        let at = self.i;
        let t = self.lex()?;
        self.cache = Some((at, t, self.i));
        Some(t)
    }

    /// Lex the next token (a pure function of the position).
    fn lex(&mut self) -> R<Tok> {
        self.skip_blanks();
        let Some(b) = self.peek() else {
            return Some(Tok::Eof);
        };
        let two = |p: &mut Self, c: u8| {
            if p.peek() == Some(c) {
                p.bump();
                true
            } else {
                false
            }
        };
        self.bump();
        let op = match b {
            b'\n' => return Some(Tok::Newline),
            b'&' => {
                if two(self, b'&') {
                    Op::AndAnd
                } else {
                    Op::And
                }
            }
            b'|' => {
                if two(self, b'|') {
                    Op::BarBar
                } else {
                    Op::Bar
                }
            }
            b';' => {
                if two(self, b';') {
                    check(!matches!(self.peek(), Some(b'&' | b'|')))?;
                    Op::SemiSemi
                } else {
                    check(!matches!(self.peek(), Some(b'&' | b'|')))?;
                    Op::Semi
                }
            }
            b'(' => Op::Open,
            b')' => Op::Close,
            b'<' => match self.peek() {
                Some(b'<') => {
                    self.bump();
                    match self.peek() {
                        Some(b'-') => {
                            self.bump();
                            Op::HereDoc(true)
                        }
                        Some(b'<') => return None,
                        _ => Op::HereDoc(false),
                    }
                }
                Some(b'(') => return None,
                Some(b'&' | b'>') => {
                    self.bump();
                    Op::Redir
                }
                _ => Op::Redir,
            },
            b'>' => match self.peek() {
                Some(b'(') => return None,
                Some(b'>') => {
                    self.bump();
                    check(self.peek() != Some(b'|'))?;
                    Op::Redir
                }
                Some(b'&' | b'|') => {
                    self.bump();
                    Op::Redir
                }
                _ => Op::Redir,
            },
            _ => {
                self.i -= 1;
                return self.word();
            }
        };
        Some(Tok::Op(op))
    }

    /// The next token, not consumed.
    fn peek_token(&mut self) -> R<Tok> {
        let at = self.i;
        let t = self.token();
        self.i = at;
        t
    }

    fn word(&mut self) -> R<Tok> {
        let start = self.i;
        while let Some(b) = self.peek() {
            if b == b' ' || b == b'\t' || is_op_char(b) {
                break;
            }
            self.unit(b, false)?;
        }
        let end = self.i;
        let raw = self.word_text(start, end);
        let mut literal = !raw.iter().any(|&b| is_special(b));
        if !literal && raw.windows(2).any(|w| w == b"\\\n") {
            // A line continuation inside the word: yash may see a literal
            // (a keyword, `exec`…) that this scan does not.
            let joined: Vec<u8> = raw
                .split(|&b| b == b'\n')
                .flat_map(|l| l.strip_suffix(b"\\").unwrap_or(l).iter().copied())
                .collect();
            check(joined.iter().any(|&b| is_special(b)))?;
            literal = false;
        }
        Some(Tok::Word {
            start,
            end,
            literal,
        })
    }

    /// One unit of a word (unquoted, or inside double quotes when `dq`).
    fn unit(&mut self, b: u8, dq: bool) -> R<()> {
        match b {
            b'\\' => {
                self.bump();
                check(self.i < self.s.len())?;
                self.bump();
            }
            b'\'' if !dq => {
                self.bump();
                let close = self.s[self.i..].iter().position(|&c| c == b'\'')?;
                self.i += close + 1;
            }
            b'"' if !dq => {
                self.bump();
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.bump();
                            break;
                        }
                        c => self.unit(c, true)?,
                    }
                }
            }
            b'$' => {
                self.bump();
                self.dollar(dq)?;
            }
            b'`' => {
                self.bump();
                loop {
                    match self.peek()? {
                        b'`' => break,
                        b'\\' => {
                            self.bump();
                            check(self.i < self.s.len())?;
                            self.bump();
                        }
                        _ => self.bump(),
                    }
                }
                self.bump();
            }
            _ => self.bump(),
        }
        Some(())
    }

    /// After `$`.
    fn dollar(&mut self, dq: bool) -> R<()> {
        match self.peek() {
            Some(b'{') => {
                self.bump();
                self.braced(dq)
            }
            Some(b'(') => {
                self.bump();
                if self.peek() == Some(b'(') {
                    self.bump();
                    self.arith()
                } else {
                    self.command_subst()
                }
            }
            // A `$` before the closing quote is a plain `$`.
            Some(b'"') if dq => Some(()),
            Some(b'\'' | b'"') => None,
            Some(c) if is_name_start(c) => {
                while self.peek().is_some_and(is_name) {
                    self.bump();
                }
                Some(())
            }
            Some(c) if c.is_ascii_digit() || b"@*#?-$!".contains(&c) => {
                self.bump();
                Some(())
            }
            _ => Some(()),
        }
    }

    /// `${…}` after the brace: a name or positional parameter, with a
    /// POSIX modifier or `#` for its length.
    fn braced(&mut self, dq: bool) -> R<()> {
        let length = self.peek() == Some(b'#');
        if length {
            self.bump();
        }
        match self.peek()? {
            c if is_name_start(c) => {
                while self.peek().is_some_and(is_name) {
                    self.bump();
                }
            }
            c if c.is_ascii_digit() => {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.bump();
                }
            }
            _ => return None,
        }
        let c = self.peek()?;
        self.bump();
        match c {
            b'}' => return Some(()),
            _ if length => return None,
            b':' => {
                check(matches!(self.peek(), Some(b'-' | b'=' | b'?' | b'+')))?;
                self.bump();
            }
            b'-' | b'=' | b'?' | b'+' => {}
            b'#' | b'%' => {
                if self.peek() == Some(c) {
                    self.bump();
                }
                check(self.peek() != Some(b'}'))?;
            }
            _ => return None,
        }
        // The word, to the first `}`.
        loop {
            match self.peek()? {
                b'}' => {
                    self.bump();
                    return Some(());
                }
                b'{' => return None,
                b'\'' | b'"' if dq => return None,
                c => self.unit(c, dq)?,
            }
        }
    }

    /// `$((…))` after `$((`.
    fn arith(&mut self) -> R<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'(' => {
                    depth += 1;
                    self.bump();
                }
                b')' if depth > 0 => {
                    depth -= 1;
                    self.bump();
                }
                b')' => {
                    self.bump();
                    // Otherwise yash reads a command substitution instead.
                    check(self.peek() == Some(b')'))?;
                    self.bump();
                    return Some(());
                }
                b'\\' => {
                    self.bump();
                    if matches!(self.peek()?, b'$' | b'`' | b'\\') {
                        self.bump();
                    }
                }
                b'\'' | b'"' => self.bump(),
                c => self.unit(c, true)?,
            }
        }
    }

    /// `$(…)` after `$(`: a whole program to the closing parenthesis.
    fn command_subst(&mut self) -> R<()> {
        check(self.depth < 32 && self.heredocs.is_empty())?;
        self.depth += 1;
        let pending = self.heredocs.len();
        self.compound_list(false)?;
        check(self.heredocs.len() == pending)?;
        self.depth -= 1;
        check(self.token()? == Tok::Op(Op::Close))
    }

    /// Read the bodies of the pending here-documents after a newline.
    fn heredoc_bodies(&mut self) -> R<()> {
        for (delimiter, tabs, quoted) in std::mem::take(&mut self.heredocs) {
            loop {
                check(self.i < self.s.len())?;
                let rest = &self.s[self.i..];
                let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                let line = &rest[..len];
                let next = (self.i + len + 1).min(self.s.len());
                let content = if tabs {
                    let n = line.iter().take_while(|&&b| b == b'\t').count();
                    &line[n..]
                } else {
                    line
                };
                if content == delimiter {
                    self.i = next;
                    break;
                }
                if !quoted {
                    // Expansions must close on their line, and no line
                    // continuation may join lines.
                    check(line.last() != Some(&b'\\'))?;
                    let mut sub = P {
                        s: line,
                        i: 0,
                        heredocs: Vec::new(),
                        depth: self.depth + 1,
                        items: Vec::new(),
                        cache: None,
                    };
                    while let Some(b) = sub.peek() {
                        match b {
                            b'\\' => {
                                sub.bump();
                                if matches!(sub.peek(), Some(b'$' | b'`' | b'\\')) {
                                    sub.bump();
                                }
                            }
                            b'$' | b'`' => sub.unit(b, true)?,
                            _ => sub.bump(),
                        }
                    }
                    check(sub.heredocs.is_empty())?;
                }
                self.i = next;
            }
        }
        Some(())
    }

    /// Consume newlines (and the here-documents they end).
    fn linebreak(&mut self) -> R<()> {
        while self.peek_token()? == Tok::Newline {
            self.token()?;
            self.heredoc_bodies()?;
        }
        Some(())
    }

    fn keyword(&self, t: Tok) -> Option<&'a [u8]> {
        match t {
            Tok::Word {
                start,
                end,
                literal: true,
            } => {
                let w = self.word_text(start, end);
                KEYWORDS.contains(&w).then_some(w)
            }
            _ => None,
        }
    }

    /// Whether `t` ends a compound list.
    fn ends_list(&self, t: Tok) -> bool {
        matches!(t, Tok::Eof | Tok::Op(Op::Close | Op::SemiSemi))
            || self.keyword(t).is_some_and(|k| {
                matches!(
                    k,
                    b"then" | b"else" | b"elif" | b"fi" | b"do" | b"done" | b"esac" | b"}"
                )
            })
    }

    /// The whole text.
    fn program(&mut self, origin: Origin) -> R<()> {
        self.compound_list(true)?;
        check(self.token()? == Tok::Eof && self.heredocs.is_empty())?;
        if origin == Origin::Block {
            if let Some(last) = self.items.last() {
                check(last.background || !last.ends_and)?;
            }
            if let Some(k) = self.items.iter().position(|i| i.exec && !i.background) {
                check(k + 1 == self.items.len())?;
            }
        }
        Some(())
    }

    /// Items separated by `;`, `&` and newlines, up to a token that ends
    /// the list (not consumed); the number of items.
    fn compound_list(&mut self, top: bool) -> R<usize> {
        let mut n = 0;
        self.linebreak()?;
        loop {
            let t = self.peek_token()?;
            if self.ends_list(t) {
                return Some(n);
            }
            let mut item = self.and_or()?;
            n += 1;
            match self.peek_token()? {
                Tok::Op(Op::Semi) => {
                    self.token()?;
                }
                Tok::Op(Op::And) => {
                    self.token()?;
                    // `&>` is bash (UL407).
                    check(self.peek() != Some(b'>'))?;
                    item.background = true;
                }
                Tok::Newline => {}
                t if self.ends_list(t) => {
                    if top {
                        self.items.push(item);
                    }
                    return Some(n);
                }
                _ => return None,
            }
            if top {
                self.items.push(item);
            }
            self.linebreak()?;
        }
    }

    fn and_or(&mut self) -> R<Item> {
        let (negated, count, exec) = self.pipeline()?;
        let mut item = Item {
            background: false,
            ends_and: false,
            exec: exec && !negated && count == 1,
        };
        loop {
            match self.peek_token()? {
                Tok::Op(op @ (Op::AndAnd | Op::BarBar)) => {
                    self.token()?;
                    item.exec = false;
                    item.ends_and = op == Op::AndAnd;
                    self.linebreak()?;
                    self.pipeline()?;
                }
                _ => return Some(item),
            }
        }
    }

    /// Whether negated, the number of commands, and whether the first is
    /// `exec WORD…`.
    fn pipeline(&mut self) -> R<(bool, usize, bool)> {
        let t = self.peek_token()?;
        let negated = self.keyword(t) == Some(b"!");
        if negated {
            self.token()?;
        }
        let exec = self.command()?;
        let mut count = 1;
        while self.peek_token()? == Tok::Op(Op::Bar) {
            self.token()?;
            self.linebreak()?;
            self.command()?;
            count += 1;
        }
        Some((negated, count, exec))
    }

    /// One command; whether it is a simple command `exec WORD…`.
    fn command(&mut self) -> R<bool> {
        let t = self.peek_token()?;
        if t == Tok::Op(Op::Open) {
            self.token()?;
            // `((` may be arithmetic to other shells.
            check(self.peek() != Some(b'('))?;
            self.nonempty_list()?;
            check(self.token()? == Tok::Op(Op::Close))?;
            self.redirections()?;
            return Some(false);
        }
        if let Some(k) = self.keyword(t) {
            self.token()?;
            self.compound(k)?;
            self.redirections()?;
            return Some(false);
        }
        self.simple()
    }

    fn nonempty_list(&mut self) -> R<()> {
        check(self.compound_list(false)? > 0)
    }

    fn expect_keyword(&mut self, k: &[u8]) -> R<()> {
        let t = self.token()?;
        check(self.keyword(t) == Some(k))
    }

    /// A compound command after its keyword.
    fn compound(&mut self, k: &[u8]) -> R<()> {
        match k {
            b"{" => {
                self.nonempty_list()?;
                self.expect_keyword(b"}")
            }
            b"if" => {
                self.nonempty_list()?;
                self.expect_keyword(b"then")?;
                self.nonempty_list()?;
                loop {
                    let t = self.token()?;
                    match self.keyword(t)? {
                        b"elif" => {
                            self.nonempty_list()?;
                            self.expect_keyword(b"then")?;
                            self.nonempty_list()?;
                        }
                        b"else" => {
                            self.nonempty_list()?;
                            return self.expect_keyword(b"fi");
                        }
                        b"fi" => return Some(()),
                        _ => return None,
                    }
                }
            }
            b"while" | b"until" => {
                self.nonempty_list()?;
                self.do_group()
            }
            b"for" => self.for_loop(),
            b"case" => self.case(),
            _ => None,
        }
    }

    fn do_group(&mut self) -> R<()> {
        self.expect_keyword(b"do")?;
        self.nonempty_list()?;
        self.expect_keyword(b"done")
    }

    /// A plain word (not a keyword), consumed.
    fn plain_word(&mut self) -> R<()> {
        let t = self.token()?;
        check(matches!(t, Tok::Word { .. }) && self.keyword(t).is_none())
    }

    fn for_loop(&mut self) -> R<()> {
        match self.token()? {
            Tok::Word {
                start,
                end,
                literal: true,
            } => {
                let name = self.word_text(start, end);
                check(is_name_start(name[0]) && name.iter().all(|&b| is_name(b)))?;
            }
            _ => return None,
        }
        let t = self.token()?;
        match t {
            Tok::Op(Op::Semi) => self.linebreak()?,
            Tok::Newline => {
                self.heredoc_bodies()?;
                self.linebreak()?;
                let t = self.peek_token()?;
                check(self.keyword(t) == Some(b"do"))?;
            }
            _ if self.keyword(t) == Some(b"in") => {
                loop {
                    match self.peek_token()? {
                        Tok::Word { .. } => self.plain_word()?,
                        Tok::Op(Op::Semi) | Tok::Newline => {
                            self.token()?;
                            break;
                        }
                        _ => return None,
                    }
                }
                self.heredoc_bodies()?;
                self.linebreak()?;
            }
            _ if self.keyword(t) == Some(b"do") => {
                self.nonempty_list()?;
                return self.expect_keyword(b"done");
            }
            _ => return None,
        }
        self.do_group()
    }

    fn case(&mut self) -> R<()> {
        self.plain_word()?;
        self.expect_keyword(b"in")?;
        self.linebreak()?;
        loop {
            let t = self.token()?;
            if self.keyword(t) == Some(b"esac") {
                return Some(());
            }
            let mut t = t;
            if t == Tok::Op(Op::Open) {
                t = self.token()?;
            }
            // Patterns separated by `|`, to `)`.
            loop {
                check(matches!(t, Tok::Word { .. }) && self.keyword(t).is_none())?;
                match self.token()? {
                    Tok::Op(Op::Bar) => t = self.token()?,
                    Tok::Op(Op::Close) => break,
                    _ => return None,
                }
            }
            self.compound_list(false)?;
            let t = self.token()?;
            match t {
                Tok::Op(Op::SemiSemi) => self.linebreak()?,
                _ if self.keyword(t) == Some(b"esac") => return Some(()),
                _ => return None,
            }
        }
    }

    /// Redirections after a compound command.
    fn redirections(&mut self) -> R<()> {
        loop {
            match self.peek_token()? {
                Tok::Op(Op::Redir | Op::HereDoc(_)) => self.redirection(None)?,
                Tok::Word {
                    start,
                    end,
                    literal: true,
                } if self.io_number(start, end) => self.redirection(Some(end))?,
                _ => return Some(()),
            }
        }
    }

    /// Whether the word `start..end` is a file descriptor before `<`/`>`.
    fn io_number(&self, start: usize, end: usize) -> bool {
        self.s[start..end].iter().all(u8::is_ascii_digit)
            && matches!(self.s.get(end), Some(b'<' | b'>'))
    }

    /// A redirection (after its file descriptor, at `fd`).
    fn redirection(&mut self, fd: Option<usize>) -> R<()> {
        if let Some(end) = fd {
            self.i = end;
        }
        let Tok::Op(op) = self.token()? else {
            return None;
        };
        let t = self.token()?;
        let Tok::Word { start, end, .. } = t else {
            return None;
        };
        if let Op::HereDoc(tabs) = op {
            check(self.depth == 0)?;
            let raw = self.word_text(start, end);
            check(
                raw.iter()
                    .all(|&b| is_name(b) || matches!(b, b'.' | b'-' | b'\'' | b'"')),
            )?;
            let quoted = raw.iter().any(|&b| b == b'\'' || b == b'"');
            if quoted {
                // Only `'WORD'` or `"WORD"` as a whole.
                check(raw.len() >= 2 && raw[0] == raw[raw.len() - 1])?;
                let inner = &raw[1..raw.len() - 1];
                check(!inner.iter().any(|&b| b == b'\'' || b == b'"') && !inner.is_empty())?;
                self.heredocs.push((inner, tabs, true));
            } else {
                check(!raw.is_empty())?;
                self.heredocs.push((raw, tabs, false));
            }
        }
        Some(())
    }

    /// A simple command or a function definition; whether it is
    /// `exec WORD…`.
    fn simple(&mut self) -> R<bool> {
        let mut words = 0usize;
        let mut tokens = 0usize;
        let mut first: &[u8] = b"";
        let mut first_literal = false;
        let mut test = false;
        loop {
            match self.peek_token()? {
                Tok::Op(Op::Redir | Op::HereDoc(_)) => {
                    self.redirection(None)?;
                    tokens += 1;
                }
                Tok::Word {
                    start,
                    end,
                    literal,
                } => {
                    let raw = self.word_text(start, end);
                    if literal && self.io_number(start, end) {
                        self.redirection(Some(end))?;
                        tokens += 1;
                        continue;
                    }
                    // `{…}>` is a redirection to yash.
                    check(!(raw[0] == b'{' && matches!(self.s.get(end), Some(b'<' | b'>'))))?;
                    self.token()?;
                    let assignment = words == 0 && assignment_name(raw).is_some();
                    if words == 0 && !assignment {
                        // yash takes any literal text before `=` for a
                        // name (`a+=b`, `a-b=c`).
                        let eq = raw.iter().position(|&b| b == b'=');
                        check(
                            eq.is_none_or(|eq| eq == 0 || raw[..eq].iter().any(|&b| is_special(b))),
                        )?;
                    }
                    if assignment {
                        // `NAME=(…)` is an array.
                        check(self.s.get(end) != Some(&b'('))?;
                    } else {
                        if words == 0 {
                            first = raw;
                            first_literal = literal;
                            if literal {
                                // A keyword after assignments or
                                // redirections, `source`, `[[`, `function`.
                                check(!KEYWORDS.contains(&raw) || tokens == 0)?;
                                check(raw != b"source")?;
                                test = raw == b"[" || raw == b"test";
                            }
                        } else if test && literal {
                            check(raw != b"==")?;
                        }
                        words += 1;
                    }
                    tokens += 1;
                }
                Tok::Op(Op::Open) if words == 1 && tokens == 1 => {
                    return self.function(first, first_literal);
                }
                _ => break,
            }
        }
        check(tokens > 0)?;
        Some(first_literal && first == b"exec" && words >= 2)
    }

    /// `NAME ( ) linebreak compound-command redirections`.
    fn function(&mut self, name: &[u8], literal: bool) -> R<bool> {
        check(literal && is_name_start(name[0]) && name.iter().all(|&b| is_name(b)))?;
        self.token()?;
        check(self.token()? == Tok::Op(Op::Close))?;
        self.linebreak()?;
        let t = self.token()?;
        if t == Tok::Op(Op::Open) {
            check(self.peek() != Some(b'('))?;
            self.nonempty_list()?;
            check(self.token()? == Tok::Op(Op::Close))?;
        } else {
            let k = self.keyword(t)?;
            check(matches!(
                k,
                b"{" | b"if" | b"while" | b"until" | b"for" | b"case"
            ))?;
            self.compound(k)?;
        }
        self.redirections()?;
        Some(false)
    }
}

/// The name of an assignment word `NAME=…`; `None` for other words (and
/// for `NAME+=`, which this recognizer leaves to yash).
fn assignment_name(raw: &[u8]) -> Option<&[u8]> {
    let eq = raw.iter().position(|&b| b == b'=')?;
    let name = &raw[..eq];
    (!name.is_empty() && is_name_start(name[0]) && name.iter().all(|&b| is_name(b))).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(t: &str) -> bool {
        is_clean(t, Origin::Block)
    }

    #[test]
    fn accepts_ordinary_scripts() {
        for t in [
            "",
            "# only a comment\n",
            "echo hello\n",
            "a=1 b=$a\nexport a\n",
            "if [ -f /x ]; then\n  . /x\nelif true; then :; else echo no; fi\n",
            "for f in /a/* \"$b\"; do echo \"$f\" >&2; done\n",
            "for f; do :; done\nfor f\ndo :; done\n",
            "while read l; do echo $l; done < /etc/x\n",
            "case \"$1\" in\n  a|b) echo ab ;;\n  (c) ;;\n  *) exit 1\nesac\n",
            "f() {\n  echo ${1:-x} ${#2} ${x%%.*} ${y#*/} ${z:+\"q\"}\n}\nf a\n",
            "x=$(ls | grep -v \"a\" 2>/dev/null) || true\n",
            "y=`date +%s`; z=$((y + 1))\n",
            "cat <<EOF\nhello $USER\nEOF\ncat <<-'E'\n\t$not\n\tE\n",
            "exec /bin/daemon --flag \\\n  --other\n",
            "start-stop-daemon --start -- a && b || c\n",
            "( cd /; echo a ) &\nwait\n",
            "! grep -q x f\n",
            "a && b &\n",
            "grep -q \"^use$\" f || { stop; exit 0; }\n",
        ] {
            assert!(clean(t), "{t:?}");
            let subject = super::super::yash::Subject {
                text: t,
                origin: Origin::Block,
                indent: 0,
                after: "",
            };
            let notes = super::super::yash::analyze_with_yash(&subject);
            assert!(notes.is_empty(), "{t:?}: yash says {notes:?}");
        }
    }

    #[test]
    fn leaves_to_yash() {
        for t in [
            "[[ -f x ]] && echo\n",
            "echo ${x/a/b}\n",
            "echo ${!x}\n",
            "a=(1 2)\n",
            "cat <<< x\n",
            "source /x\n",
            "[ a == b ]\n",
            "echo $'\\n'\n",
            "a+=b\n",
            "echo &> /dev/null\n",
            "case x in a) ;& esac\n",
            "a && b\n",
            "exec foo\necho never\n",
            "if true; then\n",
            "echo 'open\n",
            "cat <<EOF\nno end\n",
            "function f { :; }\n",
            "echo <(ls)\n",
            "echo \u{e9}\n",
            "echo a\r\n",
            "x=1 if true; then :; fi\n",
            "{ echo a }\n",
            "f() echo\n",
        ] {
            assert!(!clean(t), "{t:?}");
        }
        // Not at the end of a block, or not a block.
        assert!(is_clean("a && b\n", Origin::Exec));
        assert!(clean("a && b\nc\n"));
        assert!(clean("exec a b\n"));
    }
}
