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
    match format {
        Format::Human => human::render(diags, options),
        Format::Concise => concise::render(diags, options.color),
        Format::Json => json::render(diags),
        Format::Github => github::render(diags),
        Format::Sarif => sarif::render(diags),
    }
}

pub(crate) use crate::diag::concise::full_message;

/// `n thing` / `n things`.
pub(crate) fn plural(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
