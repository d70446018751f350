//! Source text and byte spans. Spans always index the ORIGINAL bytes of a file;
//! line and column are computed only when a diagnostic is rendered.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original file.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(into = "[usize; 2]", from = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Spans serialise as `[start, end]`.
impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span::new(start, end)
    }
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// A zero-width span at `at` (used for "expected token" errors).
    #[must_use]
    pub fn point(at: usize) -> Self {
        Self { start: at, end: at }
    }

    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// One input file: its display name, its raw bytes and a line index.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    /// The bytes, kept apart only when they are not valid UTF-8 (otherwise
    /// they are `display`'s, and the file is held once).
    raw: Option<Vec<u8>>,
    /// The bytes with every byte of an invalid UTF-8 sequence replaced by
    /// `?`, so that it has exactly the same length and spans index it
    /// unchanged. Shared, so that every diagnostic of the file refers to
    /// one copy.
    display: std::sync::Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    #[must_use]
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        let (display, raw): (std::sync::Arc<str>, _) = match String::from_utf8(bytes) {
            Ok(text) => (text.into(), None),
            Err(e) => {
                let bytes = e.into_bytes();
                (display_text(&bytes).into(), Some(bytes))
            }
        };
        let mut line_starts = vec![0];
        line_starts.extend(
            display
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self {
            name: name.into(),
            raw,
            display,
            line_starts,
        }
    }

    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        self.raw.as_deref().unwrap_or(self.display.as_bytes())
    }

    /// The text for display; identical to the bytes when they are valid UTF-8.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.display
    }

    /// Clamp a span so that it lies inside the file (renderers panic otherwise).
    #[must_use]
    pub fn clamp(&self, span: Span) -> Span {
        let len = self.display.len();
        let mut start = span.start.min(len);
        let mut end = span.end.min(len).max(start);
        while start > 0 && !self.display.is_char_boundary(start) {
            start -= 1;
        }
        while end < len && !self.display.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(Span::point(offset)).start;
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self.display[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The miette source for rendering diagnostics.
    #[must_use]
    pub fn to_miette(&self) -> miette::NamedSource<std::sync::Arc<str>> {
        miette::NamedSource::new(self.name.clone(), self.display.clone())
    }
}

fn display_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            out.push('?');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_chars() {
        let f = SourceFile::new("x", "ab\nçd\n".as_bytes().to_vec());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(100), (3, 1));
    }

    #[test]
    fn invalid_utf8_keeps_offsets() {
        let f = SourceFile::new("x", b"a\xffb\n".to_vec());
        assert_eq!(f.text(), "a?b\n");
        assert_eq!(f.line_col(2), (1, 3));
    }

    #[test]
    fn clamp_never_exceeds_len() {
        let f = SourceFile::new("x", b"abc".to_vec());
        assert_eq!(f.clamp(Span::new(2, 10)), Span::new(2, 3));
        assert_eq!(f.clamp(Span::new(10, 12)), Span::new(3, 3));
    }
}
