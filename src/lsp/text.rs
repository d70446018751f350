//! Positions as the Language Server Protocol counts them: a line and a
//! column in UTF-16 code units (the default `positionEncoding`), mapped to
//! and from the byte offsets every span of the crate uses. Lines end at
//! `\n`; a CR before it is an ordinary character of the line, as upstart
//! reads it (docs/language.md#lexing).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// The start offset of every line of a text.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { text, starts }
    }

    /// The position of a byte offset (clamped to the text, and moved back
    /// to a character boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    pub(crate) fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of a position; `None` when its line is past the
    /// end of the text. A column past the end of its line means the end
    /// of the line, as the protocol says.
    pub(crate) fn offset(&self, position: Position) -> Option<usize> {
        let line = position.line as usize;
        let start = *self.starts.get(line)?;
        let end = self.line_end(line);
        let mut units = 0usize;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= position.character as usize {
                return Some(start + i);
            }
            units += c.len_utf16();
        }
        Some(end)
    }

    /// The offset of the end of `line` (before its `\n`).
    pub(crate) fn line_end(&self, line: usize) -> usize {
        self.starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1)
    }

    /// The text of `line` without its `\n` (empty past the end).
    pub(crate) fn line_text(&self, line: usize) -> &'a str {
        match self.starts.get(line) {
            Some(&start) => &self.text[start..self.line_end(line)],
            None => "",
        }
    }

    /// The start offset of `line` (the end of the text past the end).
    pub(crate) fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The 0-based line of an offset.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset.min(self.text.len()))
            - 1
    }

    pub(crate) fn lines(&self) -> usize {
        self.starts.len()
    }
}

/// Apply one change of `textDocument/didChange`: the whole text, or a
/// range replaced. A range outside the text is clamped to it.
pub(crate) fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    let Some(range) = change.range else {
        *text = change.text;
        return;
    };
    let index = LineIndex::new(text);
    let end_of_text = text.len();
    let start = index.offset(range.start).unwrap_or(end_of_text);
    let end = index.offset(range.end).unwrap_or(end_of_text).max(start);
    text.replace_range(start..end, &change.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns() {
        // é is 2 bytes and 1 UTF-16 unit; 𝄞 is 4 bytes and 2 units.
        let text = "aé𝄞b\nx\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position::new(0, 0));
        assert_eq!(index.position(3), Position::new(0, 2));
        assert_eq!(index.position(7), Position::new(0, 4));
        assert_eq!(index.position(9), Position::new(1, 0));
        assert_eq!(index.position(11), Position::new(1, 2));
        assert_eq!(index.position(12), Position::new(2, 0));
        assert_eq!(index.offset(Position::new(0, 4)), Some(7));
        assert_eq!(index.offset(Position::new(0, 99)), Some(8));
        assert_eq!(index.offset(Position::new(2, 0)), Some(12));
        assert_eq!(index.offset(Position::new(3, 0)), None);
        // Inside a byte sequence the position falls back to its start.
        assert_eq!(index.position(2), Position::new(0, 1));
    }

    #[test]
    fn incremental_changes() {
        let mut text = "exec a\nscript\nend script\n".to_string();
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 5), Position::new(0, 6))),
                range_length: None,
                text: "bé".into(),
            },
        );
        assert_eq!(text, "exec bé\nscript\nend script\n");
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(1, 0), Position::new(9, 0))),
                range_length: None,
                text: String::new(),
            },
        );
        assert_eq!(text, "exec bé\n");
    }
}
