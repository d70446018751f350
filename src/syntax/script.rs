//! Script blocks: `nih_config_parse_block` with its common-indentation rule.

use super::error::{ErrorKind, ParseError};
use super::lexer::{Cursor, block_end, is_ws};
use crate::ast::Comment;
use crate::source::Span;

pub(crate) struct Block {
    pub body: String,
    pub body_span: Span,
    pub indent: usize,
    pub end_comment: Option<Comment>,
    /// Offset just after the `end script` words.
    pub end_words: usize,
}

/// Parse a block body starting at the line after `script`, up to and
/// including its `end script` line.
///
/// The indentation removed from every line is the leading whitespace of the
/// first line, shortened to the bytes that every later line repeats exactly;
/// an empty line therefore disables stripping altogether.
pub(crate) fn parse_block(cur: &mut Cursor<'_>) -> Result<Block, ParseError> {
    let src = cur.src;
    let start = cur.pos;
    let mut p = start;
    let mut ws = 0usize;
    let mut lines = 0usize;
    let (end, after, words_end, comment) = loop {
        if let Some(end) = block_end(&src[p..]) {
            let comment = end.comment.map(|c| {
                let offset = c.as_ptr() as usize - src.as_ptr() as usize;
                Comment {
                    text: compact_str::CompactString::from_utf8_lossy(c),
                    span: Span::new(offset, offset + c.len()),
                }
            });
            break (p, p + end.consumed, p + end.words_end, comment);
        }
        lines += 1;
        let line_start = p;
        if lines == 1 {
            while p < src.len() && is_ws(src[p]) {
                p += 1;
            }
            ws = p - line_start;
        } else {
            while p < src.len() && p - line_start < ws && src[start + p - line_start] == src[p] {
                p += 1;
            }
            ws = ws.min(p - line_start);
        }
        match src[p..].iter().position(|&c| c == b'\n') {
            Some(i) => p += i + 1,
            None => p = src.len(),
        }
        if p >= src.len() {
            cur.pos = src.len();
            return Err(ParseError::new(
                ErrorKind::UnterminatedBlock,
                Span::point(src.len()),
                "the file ends before `end script`",
            )
            .help(
                "add a line `end script` after the block; `endscript`, `end scripts` and `END SCRIPT` do not close it",
            ));
        }
    };
    let mut body = Vec::with_capacity(end - start);
    let mut pp = start;
    while pp < end {
        pp += ws;
        let line_start = pp;
        while pp < end && src[pp] != b'\n' {
            pp += 1;
        }
        pp += 1;
        let line = &src[line_start..pp.min(end)];
        // libnih copies each line with strncat, which stops at a NUL byte
        // (and so also drops that line's newline).
        match line.iter().position(|&c| c == 0) {
            Some(nul) => body.extend_from_slice(&line[..nul]),
            None => body.extend_from_slice(line),
        }
    }
    cur.pos = after;
    Ok(Block {
        // The bytes are moved, not copied, when they are UTF-8.
        body: String::from_utf8(body)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        body_span: Span::new(start, end),
        indent: ws,
        end_comment: comment,
        end_words: words_end,
    })
}

/// The body libnih would produce from these exact lines (used by the printer
/// to check that an indentation round-trips).
#[must_use]
pub fn strip_common_indent(text: &str) -> String {
    let src = text.as_bytes();
    let mut ws = 0usize;
    let mut first = true;
    let mut p = 0;
    while p < src.len() {
        let line_start = p;
        if first {
            while p < src.len() && is_ws(src[p]) {
                p += 1;
            }
            ws = p - line_start;
            first = false;
        } else {
            while p < src.len() && p - line_start < ws && src[p - line_start] == src[p] {
                p += 1;
            }
            ws = ws.min(p - line_start);
        }
        match src[p..].iter().position(|&c| c == b'\n') {
            Some(i) => p += i + 1,
            None => p = src.len(),
        }
    }
    text.split_inclusive('\n')
        .map(|line| line.get(ws..).unwrap_or(""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(s: &str) -> String {
        let mut c = Cursor::new(s.as_bytes());
        parse_block(&mut c).map_or_else(|e| format!("ERR {e:?}"), |b| b.body)
    }

    #[test]
    fn common_indentation() {
        assert_eq!(body("    echo\nend script\n"), "echo\n");
        assert_eq!(
            body("    this is\n  \t a test\nend script\n"),
            "  this is\n\t a test\n"
        );
        assert_eq!(body("    a\n\n    b\nend script\n"), "    a\n\n    b\n");
        assert_eq!(body("end script\n"), "");
        assert_eq!(body("  x\r\nend script\r\n"), "x\r\n");
    }

    #[test]
    fn unterminated() {
        assert!(body("echo\n").starts_with("ERR"));
        assert!(body("echo").starts_with("ERR"));
    }

    #[test]
    fn strip_matches_parser() {
        assert_eq!(strip_common_indent("    a\n    b\n"), "a\nb\n");
        assert_eq!(strip_common_indent("    a\n\n    b\n"), "    a\n\n    b\n");
    }
}
