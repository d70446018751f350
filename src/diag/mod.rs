//! Diagnostics: a problem at a span of a file, its severity, and the two
//! renderers every command uses: the miette report with the source snippet
//! ([`Diagnostic::render`]) and the one-line form ([`concise`]).

mod code;
pub mod concise;

pub use code::Code;

use crate::source::{SourceFile, Span};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use serde::Serialize;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One diagnostic, ready to render or serialise.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip)]
    related: Vec<(Span, String)>,
    #[serde(skip)]
    source: Option<miette::NamedSource<std::sync::Arc<str>>>,
    /// A safe automatic fix: replacements of byte ranges of the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// The shellcheck code (2086 for SC2086) of a finding shellcheck
    /// reported (UL405); its message starts with the code too.
    #[serde(skip)]
    pub shellcheck: Option<u32>,
    /// What upstart itself logs for this problem, when the problem is one
    /// upstart rejects the file for (a parse error); `message` is our
    /// title, which says what is wrong where upstart's text does not.
    #[serde(rename = "upstart_message", skip_serializing_if = "Option::is_none")]
    pub upstart: Option<&'static str>,
    /// Not a finding but the summary of this many identical ones (same
    /// code, same file) that the linter counted instead of listing them,
    /// past `lint::CAP`; 0 for a finding.
    #[serde(skip)]
    pub summarised: usize,
}

/// Edits that fix a diagnostic; `--fix` applies them.
#[derive(Clone, Debug, Serialize)]
pub struct Fix {
    pub description: String,
    pub edits: Vec<Edit>,
}

/// Replace `span` of the original file with `text`.
#[derive(Clone, Debug, Serialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

impl Diagnostic {
    /// A diagnostic at `span` of `source`.
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        source: &SourceFile,
        code: Code,
        severity: Severity,
        message: String,
        detail: String,
        help: Option<String>,
        span: Span,
        related: &[(Span, String)],
    ) -> Self {
        let span = visible(source, span);
        let (line, column) = source.line_col(span.start);
        let (end_line, end_column) = source.line_col(span.end);
        Self {
            file: source.name.clone(),
            code,
            severity,
            message,
            detail,
            help,
            span,
            line,
            column,
            end_line,
            end_column,
            related: related
                .iter()
                .map(|(s, l)| (visible(source, *s), l.clone()))
                .collect(),
            source: Some(source.to_miette()),
            fix: None,
            shellcheck: None,
            upstart: None,
            summarised: 0,
        }
    }

    /// The diagnostic without its file's text: it still has its location,
    /// its JSON and its concise line, but no snippet. For a caller that
    /// holds many diagnostics and never renders a report (each would keep
    /// its whole file alive).
    #[must_use]
    pub fn without_source(mut self) -> Self {
        self.source = None;
        self
    }

    /// A problem with a whole file (unreadable, not a job file).
    #[must_use]
    pub fn file_error(file: &str, code: Code, message: String) -> Self {
        Self {
            file: file.to_string(),
            code,
            severity: Severity::Error,
            message,
            detail: String::new(),
            help: None,
            span: Span::default(),
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
            related: Vec::new(),
            source: None,
            fix: None,
            shellcheck: None,
            upstart: None,
            summarised: 0,
        }
    }

    /// How many findings the diagnostic stands for: one, or those of a
    /// summary ([`Diagnostic::summarised`]).
    #[must_use]
    pub fn findings(&self) -> usize {
        self.summarised.max(1)
    }

    /// The related labels (span, text).
    #[must_use]
    pub fn related(&self) -> &[(Span, String)] {
        &self.related
    }

    /// The report: a first line naming the place, severity, code and
    /// message (the [`concise`] line without the detail, as ruff's full
    /// format does), then miette's source snippet with the label, the
    /// help and, for a parse error, upstart's own message.
    #[must_use]
    pub fn render(&self, color: bool, width: usize) -> String {
        if self.source.is_none() {
            return format!("{}\n", concise::line(self));
        }
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut handler = GraphicalReportHandler::new_themed(theme).with_width(width);
        if let Some(upstart) = self.upstart {
            handler = handler.with_footer(format!("upstart's own message: {upstart}"));
        }
        let mut report = String::new();
        if handler.render_report(&mut report, &Snippet(self)).is_err() {
            return format!("{}\n", concise::line(self));
        }
        // miette starts with the message (`  × Unknown stanza`, wrapped);
        // the heading says it, so the report starts at the snippet box.
        let body = report
            .find('\u{256d}')
            .and_then(|at| report[..at].rfind('\n').map(|nl| &report[nl + 1..]))
            .unwrap_or(&report);
        format!("{}\n{body}", concise::heading(self, color))
    }
}

/// A diagnostic as miette renders it under our own heading: no code line.
struct Snippet<'a>(&'a Diagnostic);

impl std::fmt::Debug for Snippet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl std::fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.0, f)
    }
}

impl std::error::Error for Snippet<'_> {}

impl miette::Diagnostic for Snippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.0)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        miette::Diagnostic::help(self.0)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        miette::Diagnostic::source_code(self.0)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        miette::Diagnostic::labels(self.0)
    }
}

/// A span that renderers can draw: inside the file, and not past its last
/// character (miette draws no label there), so an "end of file" position
/// becomes the last character of the last non-empty line.
fn visible(source: &SourceFile, span: Span) -> Span {
    let span = source.clamp(span);
    let text = source.text();
    if span.start < text.len() || text.is_empty() {
        return span;
    }
    let end = text.trim_end_matches(['\n', '\r']).len();
    match text[..end].char_indices().next_back() {
        Some((start, _)) => Span::new(start, end),
        None => Span::new(0, 0),
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(
            (!self.detail.is_empty()).then(|| self.detail.clone()),
            (self.span.start, self.span.len()),
        );
        let related = self
            .related
            .iter()
            .map(|(s, l)| LabeledSpan::new_with_span(Some(l.clone()), (s.start, s.len())));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
