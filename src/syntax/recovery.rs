//! Recovery across lines: one mistake, one error.
//!
//! A script block whose opening line is missing (`pre-start` without
//! `script`, or no opener at all) makes every line of its body a stanza:
//! `if` is an unknown stanza, `stop` misses its `on`, and the `end script`
//! at the bottom is stray. Upstart rejects the file at the first of these
//! lines; the linter reports the one mistake instead of one error per line.

use super::{ErrorKind, ParseError};
use crate::source::Span;

/// The errors a failed block opener gives (`pre-start` alone: a missing
/// argument; `start script`: a bad sub-keyword; `scirpt`: unknown).
const SHELL_AS_STANZA: &[ErrorKind] = &[
    ErrorKind::UnknownStanza,
    ErrorKind::RemovedStanza,
    ErrorKind::ExpectedToken,
    ErrorKind::UnexpectedToken,
    ErrorKind::UnknownSubKeyword,
];

/// The stanzas that open a block with `script` after them.
const HOOKS: &[&str] = &["pre-start", "post-start", "pre-stop", "post-stop"];

/// For each stray `end script`, find the lines above it that read as a
/// script body (indented lines, blank lines and comments) and the line
/// that should have opened it, if it is there (a hook without `script`,
/// `start script`, a misspelt `script`); when they hold errors, keep only
/// the first, reworded to name the missing opener, and drop the rest with
/// the stray `end script`. A body written without indentation is left
/// alone: its lines cannot be told from stanzas. `errors` is sorted by
/// position; it stays so.
pub(super) fn unopened_blocks(src: &[u8], errors: &mut Vec<ParseError>) {
    let strays: Vec<Span> = errors
        .iter()
        .filter(|e| e.kind == ErrorKind::StrayEndScript)
        .map(|e| e.span)
        .collect();
    if strays.is_empty() {
        return;
    }
    let lines = Lines::new(src);
    for stray in strays {
        let end_line = lines.of(stray.start);
        let mut top = body_top(src, &lines, end_line);
        let opener = top
            .checked_sub(1)
            .filter(|&line| opens_block(src, &lines, errors, line));
        if let Some(line) = opener {
            top = line;
        }
        let in_body = |e: &ParseError| {
            let line = lines.of(e.span.start);
            e.rejects() && e.kind != ErrorKind::StrayEndScript && (top..end_line).contains(&line)
        };
        let Some(first) = errors.iter().position(in_body) else {
            continue;
        };
        let first_line = lines.of(errors[first].span.start);
        let reworded = if opener.is_some() {
            with_opener(
                src,
                &lines,
                errors[first].clone(),
                first_line,
                end_line,
                stray,
            )
        } else {
            without_opener(errors[first].span, first_line, end_line, stray)
        };
        let mut i = 0;
        errors.retain(|e| {
            let keep = i == first || !(in_body(e) || e.span == stray);
            i += 1;
            keep
        });
        if let Some(e) = errors.iter_mut().find(|e| e.span == reworded.span) {
            *e = reworded;
        }
    }
}

/// The first line of the body that ends at `end_line`: going up, every
/// line that is blank, a comment or indented.
fn body_top(src: &[u8], lines: &Lines, end_line: usize) -> usize {
    let mut top = end_line;
    while top > 0 {
        let line = lines.text(src, top - 1);
        let trimmed = line.trim_ascii_start();
        let body_like = trimmed.is_empty()
            || trimmed.starts_with(b"#")
            || line.first().is_some_and(|b| matches!(b, b' ' | b'\t'));
        if !body_like {
            break;
        }
        top -= 1;
    }
    top
}

/// Whether `line` failed as a stanza that was meant to open a block: a
/// hook (`pre-start`, …) without `script`, a line ending in `script`
/// (`start script`, upstart 0.3's name of `pre-start script`), or a
/// misspelt `script`.
fn opens_block(src: &[u8], lines: &Lines, errors: &[ParseError], line: usize) -> bool {
    let text = lines.text(src, line);
    let Some(err) = errors
        .iter()
        .find(|e| lines.of(e.span.start) == line && SHELL_AS_STANZA.contains(&e.kind))
    else {
        return false;
    };
    let words: Vec<&[u8]> = text
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .take_while(|w| !w.starts_with(b"#"))
        .collect();
    HOOKS.iter().any(|h| words.first() == Some(&h.as_bytes()))
        || words.last() == Some(&b"script".as_slice())
        || err
            .help
            .as_deref()
            .is_some_and(|h| h.contains("did you mean `script`"))
}

/// The one error kept for a block whose opener failed: the opener's error,
/// pointing at the `end script` it goes with.
fn with_opener(
    src: &[u8],
    lines: &Lines,
    mut e: ParseError,
    first_line: usize,
    end_line: usize,
    stray: Span,
) -> ParseError {
    let keyword = first_word(lines.text(src, first_line));
    if HOOKS.contains(&keyword.as_str())
        && matches!(
            e.kind,
            ErrorKind::ExpectedToken | ErrorKind::UnknownSubKeyword
        )
    {
        e.detail = format!(
            "`{keyword}` without `script`: the lines below, up to `end script` on line {}, are its block",
            end_line + 1
        );
        e.help = Some(format!("write `{keyword} script`"));
    }
    e.related(stray, "the block ends here")
}

/// The one error for a body with no opener at all: at its first error.
fn without_opener(span: Span, first_line: usize, end_line: usize, stray: Span) -> ParseError {
    let last_body = end_line.saturating_sub(1).max(first_line);
    let lines_text = if last_body == first_line {
        format!("line {} looks", first_line + 1)
    } else {
        format!("lines {}–{} look", first_line + 1, last_body + 1)
    };
    ParseError::new(
        ErrorKind::UnopenedBlock,
        span,
        format!("{lines_text} like a script body, but no `script` line opens it"),
    )
    .help(format!(
        "add the line that opens the block (`script`, `pre-start script`, …) above line {}, or remove `end script` on line {}",
        first_line + 1,
        end_line + 1
    ))
    .related(stray, "the block ends here")
}

/// The first word of a line.
fn first_word(line: &[u8]) -> String {
    let word: Vec<u8> = line
        .trim_ascii_start()
        .iter()
        .copied()
        .take_while(|b| !b.is_ascii_whitespace() && *b != b'#')
        .collect();
    String::from_utf8_lossy(&word).into_owned()
}

/// Where each line starts.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(src: &[u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(
            src.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { starts }
    }

    /// The 0-based line of a byte offset.
    fn of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// A line's bytes without its newline.
    fn text<'a>(&self, src: &'a [u8], line: usize) -> &'a [u8] {
        let start = self.starts.get(line).copied().unwrap_or(src.len());
        let end = self
            .starts
            .get(line + 1)
            .map_or(src.len(), |&next| next - 1);
        src.get(start..end.max(start)).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::ErrorKind;

    fn kinds(src: &str) -> Vec<(ErrorKind, usize)> {
        let parsed = parse(src.as_bytes());
        parsed
            .errors
            .iter()
            .map(|e| {
                let line = src[..e.span.start].matches('\n').count() + 1;
                (e.kind, line)
            })
            .collect()
    }

    #[test]
    fn a_hook_without_script_is_one_error() {
        let src = "description \"d\"\n\npre-start\n\tif test -d /x; then\n\t\tstop\n\tfi\nend script\n\nexec /bin/true\n";
        assert_eq!(kinds(src), [(ErrorKind::ExpectedToken, 3)]);
        let parsed = parse(src.as_bytes());
        assert!(
            parsed.errors[0]
                .detail
                .contains("`pre-start` without `script`")
        );
        assert_eq!(parsed.errors[0].related.len(), 1);
    }

    #[test]
    fn a_body_without_any_opener_is_one_stray_end_script() {
        let src = "exec /bin/true\n  mkdir /run/x\n  echo hi\nend script\n";
        assert_eq!(kinds(src), [(ErrorKind::UnopenedBlock, 2)]);
    }

    #[test]
    fn unrelated_errors_above_the_body_stay() {
        let src = "nice 99\nexec /bin/true\n  echo hi\nend script\nend script\n";
        assert_eq!(
            kinds(src),
            [
                (ErrorKind::IllegalNice, 1),
                (ErrorKind::UnopenedBlock, 3),
                (ErrorKind::StrayEndScript, 5)
            ]
        );
    }

    #[test]
    fn unindented_stanza_errors_above_a_block_stay() {
        let src = "on startup\ndaemon\nstart script\n    echo old\nend script\n";
        assert_eq!(
            kinds(src),
            [
                (ErrorKind::RemovedStanza, 1),
                (ErrorKind::RemovedStanza, 2),
                (ErrorKind::UnknownSubKeyword, 3)
            ]
        );
    }

    #[test]
    fn an_unindented_body_is_left_alone() {
        let src = "exec /bin/true\nmkdir /run/x\nend script\n";
        assert_eq!(
            kinds(src),
            [
                (ErrorKind::UnknownStanza, 2),
                (ErrorKind::StrayEndScript, 3)
            ]
        );
    }

    #[test]
    fn a_lone_stray_end_script_stays() {
        let src = "exec /bin/true\nend script\n";
        assert_eq!(kinds(src), [(ErrorKind::StrayEndScript, 2)]);
    }
}
