//! The systemd unit files that `systemd2upstart` reads: the parser
//! (systemd.syntax(7)) with spans, Exec-line parsing, specifiers and
//! drop-ins. The parser never panics and never stops at the first problem.
//! The units `upstart2systemd` writes are modelled by `unit_writer` instead.

use crate::source::Span;
use std::path::{Path, PathBuf};

/// One `Key=Value` assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    /// The value after continuation lines are joined (a line ending in `\`
    /// joins the next with one space; comment lines in between are dropped),
    /// leading/trailing blanks removed. Not yet unquoted.
    pub value: String,
    /// From the first to the last byte of the value in the file (it may
    /// span several lines).
    pub value_span: Span,
}

/// A `[Section]` with its entries in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitSection {
    pub name: String,
    pub span: Span,
    pub entries: Vec<Entry>,
}

/// A parsed unit file (after drop-ins are merged, if any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFile {
    /// Unit name, e.g. `foo.service`, `getty@.service`.
    pub name: String,
    pub sections: Vec<UnitSection>,
}

impl UnitFile {
    /// The values of `key` in `section`, in order, with list semantics: an
    /// empty assignment resets what came before.
    #[must_use]
    pub fn values(&self, section: &str, key: &str) -> Vec<&Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        for s in self.sections.iter().filter(|s| s.name == section) {
            for e in s.entries.iter().filter(|e| e.key == key) {
                if e.value.is_empty() {
                    out.clear();
                } else {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The last value of a single-valued `key` in `section`.
    #[must_use]
    pub fn last(&self, section: &str, key: &str) -> Option<&Entry> {
        self.values(section, key).into_iter().last()
    }
}

/// A problem in a unit file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitError {
    pub span: Span,
    pub message: String,
}

/// Exec-line prefixes (systemd.service(5)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExecPrefixes {
    /// `-`: failure ignored.
    pub ignore_failure: bool,
    /// `@`: the second word is `argv[0]`.
    pub argv0: bool,
    /// `:`: no environment variable substitution.
    pub no_env: bool,
    /// `+`: full privileges.
    pub privileged: bool,
    /// `!` / `!!`: no user/group change.
    pub no_setuid: bool,
}

/// One command of an `Exec*=` line: its argv after unquoting and C
/// escapes (specifiers already resolved by the caller if wanted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecCommand {
    pub prefixes: ExecPrefixes,
    pub argv: Vec<String>,
}

/// Blanks systemd strips around lines, keys and values.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Parse a unit file as systemd does (systemd.syntax(7)). `name` is the
/// unit name (`foo.service`). Spans are byte offsets into `text`. Every
/// problem is reported and the parse goes on; lines systemd would ignore
/// are left out of the result.
#[must_use]
pub fn parse_unit(name: &str, text: &[u8]) -> (UnitFile, Vec<UnitError>) {
    let mut unit = UnitFile {
        name: name.to_string(),
        sections: Vec::new(),
    };
    let mut errors = Vec::new();
    if let Err(e) = std::str::from_utf8(text) {
        let at = e.valid_up_to();
        errors.push(UnitError {
            span: Span::new(at, at + e.error_len().unwrap_or(1).min(text.len() - at)),
            message: "invalid UTF-8 (read with replacement characters)".to_string(),
        });
    }
    let mut offset = 0;
    if text.starts_with(b"\xEF\xBB\xBF") {
        offset = 3;
    }
    // The logical line being built: its bytes and each byte's offset in
    // `text` (a continuation's backslash becomes a space at its offset).
    let mut buf: Vec<u8> = Vec::new();
    let mut pos: Vec<usize> = Vec::new();
    let mut continuing = false;
    while offset < text.len() {
        // systemd's read_line() ends a line at `\n`, `\r` or NUL; the
        // following end-of-line bytes of other kinds belong to the same end
        // (`\r\n`, `\n\r`, `\0\n`), a repeated kind ends an empty line.
        let end = text[offset..]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'\r' | 0))
            .map_or(text.len(), |i| offset + i);
        let mut next = end;
        let mut seen = 0u8;
        while let Some(&b) = text.get(next) {
            let kind = match b {
                b'\n' => 1,
                b'\r' => 2,
                0 => 4,
                _ => 0,
            };
            if kind == 0 || seen & kind != 0 {
                break;
            }
            seen |= kind;
            next += 1;
        }
        let line_end = end;
        let line = &text[offset..line_end];
        let line_start = offset;
        offset = next.max(end + 1);
        if continuing {
            let first = line.iter().copied().find(|&b| !is_ws(b));
            if matches!(first, Some(b'#' | b';')) {
                continue;
            }
        }
        buf.extend_from_slice(line);
        pos.extend(line_start..line_end);
        let mut escaped = false;
        for &b in line {
            escaped = !escaped && b == b'\\';
        }
        if escaped {
            if let Some(last) = buf.last_mut() {
                *last = b' ';
            }
            continuing = true;
            continue;
        }
        parse_line(&buf, &pos, &mut unit, &mut errors);
        buf.clear();
        pos.clear();
        continuing = false;
    }
    if !buf.is_empty() {
        parse_line(&buf, &pos, &mut unit, &mut errors);
    }
    (unit, errors)
}

/// One logical line (continuations joined); `pos[i]` is the offset of
/// `line[i]` in the file.
fn parse_line(line: &[u8], pos: &[usize], unit: &mut UnitFile, errors: &mut Vec<UnitError>) {
    let Some(start) = line.iter().position(|&b| !is_ws(b)) else {
        return;
    };
    let end = line
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| i + 1);
    let span = |a: usize, b: usize| Span::new(pos[a], pos[b - 1] + 1);
    let l = &line[start..end];
    if matches!(l[0], b'#' | b';') {
        return;
    }
    if l[0] == b'[' {
        if l.len() < 3 || l[l.len() - 1] != b']' {
            errors.push(UnitError {
                span: span(start, end),
                message: format!("invalid section header `{}`", lossy(l)),
            });
            return;
        }
        unit.sections.push(UnitSection {
            name: lossy(&l[1..l.len() - 1]),
            span: span(start, end),
            entries: Vec::new(),
        });
        return;
    }
    let Some(eq) = l.iter().position(|&b| b == b'=') else {
        errors.push(UnitError {
            span: span(start, end),
            message: format!("missing `=`: line ignored: `{}`", lossy(l)),
        });
        return;
    };
    let eq = start + eq;
    let key_end = line[start..eq]
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| start + i + 1);
    if key_end == start {
        errors.push(UnitError {
            span: span(start, end),
            message: "missing key before `=`: line ignored".to_string(),
        });
        return;
    }
    let Some(section) = unit.sections.last_mut() else {
        errors.push(UnitError {
            span: span(start, end),
            message: "assignment outside of any section: ignored".to_string(),
        });
        return;
    };
    let value_start = line[eq + 1..end]
        .iter()
        .position(|&b| !is_ws(b))
        .map_or(end, |i| eq + 1 + i);
    let value_span = if value_start < end {
        span(value_start, end)
    } else {
        Span::point(pos[eq] + 1)
    };
    section.entries.push(Entry {
        key: lossy(&line[start..key_end]),
        key_span: span(start, key_end),
        value: lossy(&line[value_start..end]),
        value_span,
    });
}

/// Decode one C escape after a backslash (`rest` starts after the
/// backslash): the character and how many bytes of `rest` it used. None
/// for an unknown or invalid escape (systemd keeps those literally, with
/// a warning).
pub(crate) fn c_unescape_one(rest: &[char]) -> Option<(char, usize)> {
    let c = *rest.first()?;
    let simple = match c {
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\u{b}'),
        's' => Some(' '),
        '\\' | '"' | '\'' => Some(c),
        _ => None,
    };
    if let Some(s) = simple {
        return Some((s, 1));
    }
    let number = |digits: &[char], radix: u32| -> Option<u32> {
        digits.iter().try_fold(0u32, |acc, d| {
            Some(acc.checked_mul(radix)? + d.to_digit(radix)?)
        })
    };
    let (value, used) = match c {
        'x' => (number(rest.get(1..3)?, 16)?, 3),
        'u' => (number(rest.get(1..5)?, 16)?, 5),
        'U' => (number(rest.get(1..9)?, 16)?, 9),
        '0'..='3' => (number(rest.get(0..3)?, 8)?, 3),
        _ => return None,
    };
    if value == 0 {
        return None;
    }
    Some((char::from_u32(value)?, used))
}

/// Parse the value of an `Exec*=` line (systemd.service(5), "Command
/// lines") into its commands: prefixes before the executable, words split
/// at blanks, `"…"` and `'…'` quoting, C escapes inside and outside quotes
/// (unknown ones kept with their backslash, as systemd does after a
/// warning), a stand-alone `;` between commands and `\;` for a literal
/// `;` word. With the `@` prefix `argv` holds the words as written: the
/// executable, then the name it gets as `argv[0]`, then the arguments.
/// Specifiers and `$` variables are left alone.
///
/// # Errors
/// Unbalanced quotes, an empty executable after the prefixes, or a
/// relative executable path (`bin/foo`): systemd refuses the unit.
pub fn parse_exec(value: &str) -> Result<Vec<ExecCommand>, String> {
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    let mut commands = Vec::new();
    let mut current: Option<ExecCommand> = None;
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    loop {
        while i < chars.len() && ws(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let stand_alone = |at: usize| at >= chars.len() || ws(chars[at]);
        if chars[i] == ';' && stand_alone(i + 1) {
            i += 1;
            if let Some(c) = current.take() {
                commands.push(c);
            }
            continue;
        }
        let word = if chars[i] == '\\' && chars.get(i + 1) == Some(&';') && stand_alone(i + 2) {
            i += 2;
            ";".to_string()
        } else {
            let (w, next) = exec_word(&chars, i)?;
            i = next;
            w
        };
        match current.as_mut() {
            Some(c) => c.argv.push(word),
            None => current = Some(exec_first_word(&word)?),
        }
    }
    if let Some(c) = current {
        commands.push(c);
    }
    Ok(commands)
}

/// The command started by its first word: prefixes, then the executable.
fn exec_first_word(word: &str) -> Result<ExecCommand, String> {
    let mut p = ExecPrefixes::default();
    let mut rest = word;
    loop {
        if let Some(r) = rest.strip_prefix('-').filter(|_| !p.ignore_failure) {
            p.ignore_failure = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('@').filter(|_| !p.argv0) {
            p.argv0 = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix(':').filter(|_| !p.no_env) {
            p.no_env = true;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix('+')
            .filter(|_| !p.privileged && !p.no_setuid)
        {
            p.privileged = true;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("!!")
            .or_else(|| rest.strip_prefix('!'))
            .filter(|_| !p.privileged && !p.no_setuid)
        {
            p.no_setuid = true;
            rest = r;
        } else {
            break;
        }
    }
    if rest.is_empty() {
        return Err(format!("empty executable path in `{word}`"));
    }
    if !rest.starts_with('/') && !rest.starts_with('%') && rest.contains('/') {
        return Err(format!(
            "executable path `{rest}` is neither absolute nor a plain file name"
        ));
    }
    Ok(ExecCommand {
        prefixes: p,
        argv: vec![rest.to_string()],
    })
}

/// One word of an Exec line from `chars[start..]` (not a blank), see
/// [`systemd_word`]; an open quote is an error, as systemd refuses it there.
fn exec_word(chars: &[char], start: usize) -> Result<(String, usize), String> {
    let (out, i, open) = systemd_word(chars, start, |c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    if let Some(q) = open {
        let shown: String = chars[start..].iter().collect();
        return Err(format!("unbalanced quoting ({q}) in `{shown}`"));
    }
    Ok((out, i.min(chars.len())))
}

/// One word of a systemd value from `chars[start..]` (not at a blank), read
/// as systemd's `extract_first_word` with unquoting and C unescaping does:
/// `"…"` and `'…'` removed (also in the middle of a word), C escapes decoded
/// inside and outside quotes, an unknown escape kept with its backslash.
/// `blank` ends a word outside quotes. Returns the word, where the scan
/// stopped (possibly past the end after a final backslash), and the quote
/// left open at the end, if any. The one word splitter of systemd values:
/// Exec lines ([`parse_exec`]) and `Environment=` assignments
/// (systemd2upstart) both use it; shell text is split by [`crate::shell`].
pub(crate) fn systemd_word(
    chars: &[char],
    start: usize,
    blank: impl Fn(char) -> bool,
) -> (String, usize, Option<char>) {
    let mut out = String::new();
    let mut i = start;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match (quote, c) {
            (None, c) if blank(c) => break,
            (None, '"' | '\'') => {
                quote = Some(c);
                i += 1;
            }
            (Some(q), _) if c == q => {
                quote = None;
                i += 1;
            }
            (_, '\\') => match c_unescape_one(&chars[i + 1..]) {
                Some((d, used)) => {
                    out.push(d);
                    i += 1 + used;
                }
                None => {
                    out.push('\\');
                    if let Some(&next) = chars.get(i + 1) {
                        out.push(next);
                    }
                    i += 2;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    (out, i, quote)
}

/// systemd's unit-name unescaping: `-` is `/`, `\xNN` a byte.
pub(crate) fn unescape_unit_part(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'-' {
            out.push(b'/');
            i += 1;
        } else if b[i] == b'\\'
            && b.get(i + 1) == Some(&b'x')
            && let Some(v) = b
                .get(i + 2..i + 4)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    lossy(&out)
}

/// A piece of a value after its specifiers are resolved: text, or what
/// only an instance or the running system knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecToken {
    /// A character: written in the value, or from a specifier whose value
    /// the unit name or systemd's fixed paths give.
    Ch(char),
    /// `%i`/`%I` of a template (`foo@.service`): the instance name, known
    /// only when an instance starts.
    Inst,
    /// A value known only at run time (`%H`): the output of this command.
    Run(&'static str),
}

/// The specifiers [`resolve_specifiers`] resolves; any other `%x` is kept
/// as written.
pub const KNOWN_SPECIFIERS: &str = "%iInNpPjJftSCLETVuUgGhsHlmbv";

/// `s` with its specifiers resolved as systemd.unit(5) defines them for
/// the unit `unit_name` run by root, as tokens: the instance of a template
/// and the values only known at run time stay apart from the text, so that
/// `$` expansion (which systemd does after specifiers) reads them as text.
///
/// `%n` is the full unit name, `%N` the name without its type suffix, `%p`
/// the prefix (before `@`) and `%P` the prefix unescaped (`-` is `/`,
/// `\xNN` a byte); `%i` is the instance and `%I` the instance unescaped;
/// `%f` is the unescaped instance, or the unescaped prefix for a unit that
/// is not an instance, with `/` prepended. `%j`/`%J` are taken as the
/// prefix. `%%` is `%`, and a `%` at the end stays.
#[must_use]
pub fn resolve_specifiers(s: &str, unit_name: &str) -> Vec<SpecToken> {
    let stem = unit_name.rsplit_once('.').map_or(unit_name, |(a, _)| a);
    let prefix = stem.split_once('@').map_or(stem, |(p, _)| p);
    let template = stem.ends_with('@');
    // An instance's own unit file (`getty@tty1.service`): its instance
    // is known text, not a variable.
    let own = stem
        .split_once('@')
        .map(|(_, i)| i)
        .filter(|i| !i.is_empty());
    let mut out = Vec::new();
    let text = |out: &mut Vec<SpecToken>, t: &str| out.extend(t.chars().map(SpecToken::Ch));
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(SpecToken::Ch(c));
            continue;
        }
        match chars.next() {
            Some('%') | None => out.push(SpecToken::Ch('%')),
            Some('i') if own.is_some() => text(&mut out, own.unwrap_or_default()),
            Some('I') if own.is_some() => {
                text(&mut out, &unescape_unit_part(own.unwrap_or_default()));
            }
            Some('i' | 'I') => out.push(SpecToken::Inst),
            Some('n') => text(&mut out, unit_name),
            Some('N') => text(&mut out, stem),
            Some('p' | 'j' | 'J') => text(&mut out, prefix),
            Some('P') => text(&mut out, &unescape_unit_part(prefix)),
            Some('f') if template && own.is_none() => {
                out.push(SpecToken::Ch('/'));
                out.push(SpecToken::Inst);
            }
            Some('f') => {
                let part = unescape_unit_part(own.unwrap_or(prefix));
                if !part.starts_with('/') {
                    out.push(SpecToken::Ch('/'));
                }
                text(&mut out, &part);
            }
            Some('t') => text(&mut out, "/run"),
            Some('S') => text(&mut out, "/var/lib"),
            Some('C') => text(&mut out, "/var/cache"),
            Some('L') => text(&mut out, "/var/log"),
            Some('E') => text(&mut out, "/etc"),
            Some('T') => text(&mut out, "/tmp"),
            Some('V') => text(&mut out, "/var/tmp"),
            Some('u' | 'g') => text(&mut out, "root"),
            Some('U' | 'G') => out.push(SpecToken::Ch('0')),
            Some('h') => text(&mut out, "/root"),
            Some('s') => text(&mut out, "/bin/sh"),
            Some('H') => out.push(SpecToken::Run("hostname")),
            Some('l') => out.push(SpecToken::Run("hostname -s")),
            Some('m') => out.push(SpecToken::Run("cat /etc/machine-id")),
            Some('b') => out.push(SpecToken::Run("cat /proc/sys/kernel/random/boot_id")),
            Some('v') => out.push(SpecToken::Run("uname -r")),
            Some(other) => {
                out.push(SpecToken::Ch('%'));
                out.push(SpecToken::Ch(other));
            }
        }
    }
    out
}

/// Load the unit at `path` and merge its drop-ins: `NAME.d/*.conf` beside
/// it, in lexical order of file name, each one's entries appended to the
/// section of the same name (a section the unit lacks is added). The
/// errors are paired with the file they are in (spans of drop-in entries
/// are offsets into their drop-in, not the unit).
///
/// # Errors
/// The unit itself cannot be read. An unreadable drop-in or drop-in
/// directory is reported among the errors instead.
pub fn load_with_dropins(path: &Path) -> std::io::Result<(UnitFile, Vec<(PathBuf, UnitError)>)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = crate::load::read_file(path)?;
    let (mut unit, errs) = parse_unit(&name, &text);
    let mut errors: Vec<(PathBuf, UnitError)> =
        errs.into_iter().map(|e| (path.to_path_buf(), e)).collect();
    let dropins = match dropin_paths(path) {
        Ok(d) => d,
        Err((dir, e)) => {
            errors.push((
                dir,
                UnitError {
                    span: Span::point(0),
                    message: format!("cannot read drop-in directory: {e}"),
                },
            ));
            return Ok((unit, errors));
        }
    };
    for d in dropins {
        let text = match crate::load::read_file(&d) {
            Ok(t) => t,
            Err(e) => {
                errors.push((
                    d,
                    UnitError {
                        span: Span::point(0),
                        message: format!("cannot read drop-in: {e}"),
                    },
                ));
                continue;
            }
        };
        let (extra, errs) = parse_unit(&name, &text);
        errors.extend(errs.into_iter().map(|e| (d.clone(), e)));
        merge(&mut unit, extra);
    }
    Ok((unit, errors))
}

/// The drop-ins of the unit at `path`: `NAME.d/*.conf` beside it, sorted
/// by file name (none when the directory does not exist).
///
/// # Errors
/// The drop-in directory exists but cannot be read: its path and the error.
pub fn dropin_paths(path: &Path) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = path.with_file_name(format!("{name}.d"));
    let entries = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err((dir, e)),
    };
    let mut dropins: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conf") && !p.is_dir())
        .collect();
    dropins.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(dropins)
}

/// Append `extra`'s entries to the sections of `unit` with the same name.
fn merge(unit: &mut UnitFile, extra: UnitFile) {
    for s in extra.sections {
        match unit.sections.iter_mut().find(|u| u.name == s.name) {
            Some(u) => u.entries.extend(s.entries),
            None => unit.sections.push(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (UnitFile, Vec<UnitError>) {
        parse_unit("t.service", text.as_bytes())
    }

    fn argv(value: &str) -> Vec<Vec<String>> {
        parse_exec(value)
            .unwrap_or_else(|e| panic!("{value}: {e}"))
            .into_iter()
            .map(|c| c.argv)
            .collect()
    }

    #[test]
    fn sections_keys_comments_and_spans() {
        let text = "# c\n[Unit]\n  ; indented comment\nDescription = foo # x \n\n[Service]\nExecStart=/a\nExecStart=\nExecStart=/b\n";
        let (u, errs) = parse(text);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(u.sections.len(), 2);
        let d = &u.sections[0].entries[0];
        assert_eq!(
            (d.key.as_str(), d.value.as_str()),
            ("Description", "foo # x")
        );
        assert_eq!(&text[d.key_span.start..d.key_span.end], "Description");
        assert_eq!(&text[d.value_span.start..d.value_span.end], "foo # x");
        assert_eq!(
            &text[u.sections[1].span.start..u.sections[1].span.end],
            "[Service]"
        );
        assert_eq!(u.sections[1].entries.len(), 3);
        let last: Vec<&str> = u
            .values("Service", "ExecStart")
            .iter()
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(last, ["/b"]);
        // Case-sensitive section names.
        assert!(u.last("service", "ExecStart").is_none());
    }

    #[test]
    fn lines_end_at_newline_carriage_return_or_nul() {
        let (u, errors) =
            parse("[Service]\rExecStart=/a\0User=b\r\nGroup=c\n\rNice=1\n\nType=simple");
        assert!(errors.is_empty(), "{errors:?}");
        let get = |k: &str| u.last("Service", k).map(|e| e.value.as_str());
        assert_eq!(get("ExecStart"), Some("/a"));
        assert_eq!(get("User"), Some("b"));
        assert_eq!(get("Group"), Some("c"));
        assert_eq!(get("Nice"), Some("1"));
        assert_eq!(get("Type"), Some("simple"));
    }

    #[test]
    fn continuation_lines() {
        let text = "[S]\nA=one \\\n# skipped\n  two\\\nthree\nB=x\\\\\nC=y\n";
        let (u, errs) = parse(text);
        assert!(errs.is_empty(), "{errs:?}");
        let e = &u.sections[0].entries;
        assert_eq!(e[0].value, "one    two three");
        assert_eq!(
            &text[e[0].value_span.start..e[0].value_span.end],
            "one \\\n# skipped\n  two\\\nthree"
        );
        assert_eq!(e[1].value, "x\\\\");
        assert_eq!(e[2].value, "y");
        // A continuation at the end of the file still counts.
        let (u, _) = parse("[S]\nA=a\\");
        assert_eq!(u.sections[0].entries[0].value, "a");
    }

    #[test]
    fn crlf_line_ends() {
        let text = "[S]\r\nA=one\\\r\n two\r\nB = b \r\n";
        let (u, errs) = parse(text);
        assert!(errs.is_empty(), "{errs:?}");
        let e = &u.sections[0].entries;
        assert_eq!(u.sections[0].name, "S");
        assert_eq!(e[0].value, "one  two");
        assert_eq!(e[1].value, "b");
        assert_eq!(&text[e[1].value_span.start..e[1].value_span.end], "b");
    }

    #[test]
    fn errors_with_spans() {
        let text = "Early=1\n[S]\ngarbage line\n[bad\n=v\nOk=1\n";
        let (u, errs) = parse(text);
        let msgs: Vec<(&str, &str)> = errs
            .iter()
            .map(|e| (&text[e.span.start..e.span.end], e.message.as_str()))
            .collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert_eq!(msgs[0].0, "Early=1");
        assert!(msgs[0].1.contains("outside"));
        assert_eq!(msgs[1].0, "garbage line");
        assert!(msgs[1].1.contains("missing `=`"));
        assert_eq!(msgs[2].0, "[bad");
        assert_eq!(msgs[3].0, "=v");
        assert_eq!(u.sections[0].entries.len(), 1);
    }

    #[test]
    fn invalid_utf8_is_lossy_with_an_error() {
        let (u, errs) = parse_unit("t.service", b"[S]\nA=a\xffb\n");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].span, Span::new(7, 8));
        assert_eq!(u.sections[0].entries[0].value, "a\u{fffd}b");
        assert_eq!(u.sections[0].entries[0].value_span, Span::new(6, 9));
    }

    #[test]
    fn exec_b2_table() {
        assert_eq!(argv("/bin/date +%%s"), [["/bin/date", "+%%s"]]);
        assert_eq!(
            argv("/bin/e --opt=\"a b\" x'y z'"),
            [["/bin/e", "--opt=a b", "xy z"]]
        );
        assert_eq!(
            argv(r#"/bin/e "a\nb" 'c\td' e\x41f "\101" \s"#),
            [["/bin/e", "a\nb", "c\td", "eAf", "A", " "]]
        );
        assert_eq!(argv(r"/bin/e 'a\.b'"), [["/bin/e", r"a\.b"]]);
        assert_eq!(
            argv(r#"/bin/e "--price=\$5""#),
            [["/bin/e", r"--price=\$5"]]
        );
        assert!(parse_exec("/bin/echo 'unterminated").is_err());
        assert!(parse_exec("/bin/echo \"x").is_err());
        assert_eq!(
            argv("/bin/echo a; /bin/echo b ; /bin/echo c"),
            [
                vec!["/bin/echo", "a;", "/bin/echo", "b"],
                vec!["/bin/echo", "c"]
            ]
        );
        assert_eq!(argv("/bin/echo \";\" x"), [["/bin/echo", ";", "x"]]);
        assert_eq!(argv(r"/bin/echo \; x"), [["/bin/echo", ";", "x"]]);
        assert!(parse_exec("bin/foo").is_err());
        assert_eq!(argv("foo"), [["foo"]]);
        assert_eq!(argv(""), Vec::<Vec<String>>::new());
        assert_eq!(
            argv(r#"/bin/e "J=tab\there" "K=back\\slash""#),
            [["/bin/e", "J=tab\there", "K=back\\slash"]]
        );
    }

    #[test]
    fn exec_prefixes() {
        let c = parse_exec("-@/bin/sleep name 1").expect("valid");
        assert_eq!(c[0].argv, ["/bin/sleep", "name", "1"]);
        assert!(c[0].prefixes.ignore_failure && c[0].prefixes.argv0);
        assert!(!c[0].prefixes.privileged);
        let c = parse_exec(":!!/bin/x").expect("valid");
        assert!(c[0].prefixes.no_env && c[0].prefixes.no_setuid);
        assert_eq!(c[0].argv, ["/bin/x"]);
        let c = parse_exec("+-/bin/x").expect("valid");
        assert!(c[0].prefixes.privileged && c[0].prefixes.ignore_failure);
        assert!(parse_exec("-").is_err());
        assert!(
            parse_exec("+!/bin/x").is_err(),
            "`!` after `+` is part of the path"
        );
    }

    /// The tokens as text: the instance as `$I`, a run-time value as `$(cmd)`.
    fn resolved(s: &str, unit_name: &str) -> String {
        resolve_specifiers(s, unit_name)
            .iter()
            .map(|t| match t {
                SpecToken::Ch(c) => c.to_string(),
                SpecToken::Inst => "$I".to_string(),
                SpecToken::Run(cmd) => format!("$({cmd})"),
            })
            .collect()
    }

    #[test]
    fn specifiers() {
        let r = |s: &str| resolved(s, "getty@tty1.service");
        assert_eq!(
            r("%n %N %p %i %I"),
            "getty@tty1.service getty@tty1 getty tty1 tty1"
        );
        assert_eq!(r("100%% %z %"), "100% %z %");
        assert_eq!(r("%f"), "/tty1");
        assert_eq!(r("%H %t"), "$(hostname) /run");
        let r = |s: &str| resolved(s, "foo-bar@a-b\\x2dc.service");
        assert_eq!(r("%p|%i|%I|%f"), "foo-bar|a-b\\x2dc|a/b-c|/a/b-c");
        assert_eq!(resolved("%f %i.", "a-b.service"), "/a/b $I.");
        let r = |s: &str| resolved(s, "foo-bar@.service");
        assert_eq!(r("%i %I %f"), "$I $I /$I");
    }

    #[test]
    fn capital_p_is_the_unescaped_prefix() {
        // systemd.unit(5): %p is the prefix name, %P the same with escaping
        // removed (`-` is `/`, `\xNN` the byte).
        assert_eq!(resolved("%p %P", "foo-bar@a.service"), "foo-bar foo/bar");
        assert_eq!(resolved("%p %P", "foo-bar@.service"), "foo-bar foo/bar");
        assert_eq!(resolved("%P", "a\\x2db-c.service"), "a-b/c");
        assert_eq!(resolved("%P", "plain.service"), "plain");
    }

    #[test]
    fn dropins_are_merged_in_lexical_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let unit = dir.path().join("x.service");
        std::fs::write(&unit, "[Service]\nExecStart=/a\n").expect("write");
        let d = dir.path().join("x.service.d");
        std::fs::create_dir(&d).expect("mkdir");
        std::fs::write(d.join("20-b.conf"), "[Service]\nExecStart=\nExecStart=/c\n")
            .expect("write");
        std::fs::write(
            d.join("10-a.conf"),
            "[Service]\nExecStart=/b\n[Unit]\nDescription=d\nbad\n",
        )
        .expect("write");
        std::fs::write(d.join("ignored.txt"), "[Service]\nExecStart=/z\n").expect("write");
        let (u, errs) = load_with_dropins(&unit).expect("load");
        let vals: Vec<&str> = u.sections[0]
            .entries
            .iter()
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(vals, ["/a", "/b", "", "/c"]);
        assert_eq!(
            u.last("Unit", "Description").map(|e| e.value.as_str()),
            Some("d")
        );
        assert_eq!(errs.len(), 1);
        assert!(errs[0].0.ends_with("10-a.conf"));
        assert_eq!(u.name, "x.service");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let (u, errs) = parse_unit("p.service", &bytes);
            for s in &u.sections {
                proptest::prop_assert!(s.span.end <= bytes.len());
                for e in &s.entries {
                    proptest::prop_assert!(e.key_span.end <= bytes.len());
                    proptest::prop_assert!(e.value_span.end <= bytes.len());
                }
            }
            for e in &errs {
                proptest::prop_assert!(e.span.end <= bytes.len());
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse_exec(&text);
            let _ = resolve_specifiers(&text, "a@b.service");
        }

        #[test]
        fn never_panics_on_unit_like_text(s in "[\\[\\]=a-z \\\\#;\n\"'%x0-9-@!:+]{0,200}") {
            let (u, _) = parse_unit("p@i.service", s.as_bytes());
            for sec in &u.sections {
                for e in &sec.entries {
                    let _ = parse_exec(&e.value);
                    let _ = resolve_specifiers(&e.value, &u.name);
                }
            }
        }
    }
}
