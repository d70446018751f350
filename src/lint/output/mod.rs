//! Output formats, one file each. Every emitter turns the linter's own
//! diagnostics into text; none of them decides the exit status (that is the
//! same for every format, see `cli::lint`).
//!
//! Positions are 1-based lines and 1-based columns counted in characters
//! (Unicode code points). A diagnostic about a whole file (an unreadable
//! input) has line 0; each format says how it shows that.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;
pub mod statistics;

use crate::diag::Diagnostic;

/// The output formats (`--format`, whose help text is in `cli::lint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Per problem a heading line, the source snippet and help (colour per
    /// `--color`).
    Human,
    /// One line per problem (path, line, column, severity, code, message).
    Concise,
    /// A versioned JSON document.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

/// What an emitter needs besides the diagnostics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Files reported on (the human summary counts them).
    pub files: usize,
    /// ANSI colour (human and concise formats).
    pub color: bool,
    /// No summary line (human format).
    pub quiet: bool,
    /// Findings hidden by `--severity` (the human summary says how many).
    pub hidden: usize,
}

/// Render `diags` in `format`. The text ends with a newline when it is not
/// empty.
#[must_use]
pub fn render(format: Format, diags: &[Diagnostic], options: Options) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail.
    let _ = write(format, diags, options, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write `diags` in `format` to `out`, one diagnostic at a time: the text
/// of [`render`], byte for byte, without ever holding more than one
/// diagnostic's rendering (JSON and SARIF included: the document is
/// written as it goes and is still one valid document at the end).
///
/// # Errors
/// When `out` fails.
pub fn write(
    format: Format,
    diags: &[Diagnostic],
    options: Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(diags, options, out),
        Format::Concise => concise::write(diags, options.color, out),
        Format::Json => json::write(diags, out),
        Format::Github => github::write(diags, out),
        Format::Sarif => sarif::write(diags, out),
    }
}

/// Write `value` pretty-printed as serde_json prints it at `depth` levels
/// of two-space indentation inside a larger document (the first line
/// unindented, as after a key or at an array item's own indent).
pub(crate) fn write_nested(
    out: &mut dyn std::io::Write,
    value: &serde_json::Value,
    depth: usize,
) -> std::io::Result<()> {
    // A `Value` always serialises; the fallback is never used.
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    let indent = "  ".repeat(depth);
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    // JSON strings never hold a raw newline: every line break is layout.
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

pub(crate) use crate::diag::concise::full_message;

/// `n thing` / `n things`.
pub(crate) fn plural(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
