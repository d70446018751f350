//! Parse errors. Each kind has upstart's own wording (init/errors.h and
//! libnih's nih/errors.h) and a code in the `UL0xx` (syntax and file) and
//! `UL1xx` (values) families of the rule registry, so the linter reports parse errors like any other rule.

use crate::diag::{Code, Diagnostic, Severity};
use crate::source::{SourceFile, Span};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// ET: a required token is missing.
    ExpectedToken,
    /// UT: text after the last argument.
    UnexpectedToken,
    /// TS: `\` is the last byte of the file.
    TrailingSlash,
    /// UQ: end of file inside quotes.
    UnterminatedQuote,
    /// UB: end of file before `end script`.
    UnterminatedBlock,
    /// US on the stanza keyword.
    UnknownStanza,
    /// US on a stanza that older upstart releases had.
    RemovedStanza,
    /// US on a sub-keyword or enumerated value (`kill foo`, `expect foo`).
    UnknownSubKeyword,
    /// US on an unknown `limit` resource.
    UnknownLimitResource,
    /// II
    IllegalInterval,
    /// IX
    IllegalExitStatus,
    /// IG
    IllegalSignal,
    /// IU
    IllegalUmask,
    /// IN
    IllegalNice,
    /// IO, legacy `oom N` form.
    IllegalOom,
    /// IO, `oom score N` form.
    IllegalOomScore,
    /// IL on `limit` values.
    IllegalLimit,
    /// IL on the `respawn limit` count.
    IllegalRespawnCount,
    /// EE
    ExpectedEvent,
    /// EO
    ExpectedOperator,
    /// EV
    ExpectedVariable,
    /// MP
    MismatchedParens,
    /// Our own limit: expressions deeper than [`crate::syntax::MAX_EXPR_DEPTH`].
    NestingTooDeep,
    /// `end script` outside a block (upstart: Unknown stanza on `end`).
    StrayEndScript,
    /// Indented lines ending in `end script` with no line opening the
    /// block: one error for all of them (upstart: Unknown stanza on the
    /// first line).
    UnopenedBlock,
    /// A UTF-8 byte-order mark glued to the first keyword (upstart: Unknown stanza).
    ByteOrderMark,
    /// Bytes that are not UTF-8 (upstart accepts them; shown here as U+FFFD).
    InvalidUtf8,
    /// ChromiumOS's `import`/`tmpfiles`: upstream upstart rejects the file
    /// (an error unless the dialect is `chromeos`).
    VendorStanza,
    /// A blank (or line break) before a `\X` escape, which libnih copies
    /// wrongly: upstart stores a different value (docs/language.md#lexing).
    GarbledEscape,
    /// A number that upstart stores in a C `int` or `mode_t`, where it wraps.
    WrappedNumber,
    /// A NUL byte: it ends a value (C strings) or acts as a blank.
    NulInValue,
}

impl ErrorKind {
    /// Upstart's own message for this error.
    #[must_use]
    pub fn upstart_message(self) -> &'static str {
        match self {
            Self::ExpectedToken => "Expected token",
            Self::UnexpectedToken => "Unexpected token",
            Self::TrailingSlash => "Trailing slash in file",
            Self::UnterminatedQuote => "Unterminated quoted string",
            Self::UnterminatedBlock => "Unterminated block",
            Self::UnknownStanza
            | Self::RemovedStanza
            | Self::UnknownSubKeyword
            | Self::UnknownLimitResource
            | Self::StrayEndScript
            | Self::UnopenedBlock
            | Self::ByteOrderMark
            | Self::VendorStanza => "Unknown stanza",
            Self::IllegalInterval => "Illegal interval, expected number of seconds",
            Self::IllegalExitStatus => "Illegal exit status, expected integer",
            Self::IllegalSignal => "Illegal signal status, expected integer",
            Self::IllegalUmask => "Illegal file creation mask, expected octal integer",
            Self::IllegalNice => "Illegal nice value, expected -20 to 19",
            Self::IllegalOom => "Illegal oom adjustment, expected -16 to 15 or 'never'",
            Self::IllegalOomScore => {
                "Illegal oom score adjustment, expected -999 to 1000 or 'never'"
            }
            Self::IllegalLimit | Self::IllegalRespawnCount => {
                "Illegal limit, expected 'unlimited' or integer"
            }
            Self::ExpectedEvent => "Expected event",
            Self::ExpectedOperator => "Expected operator",
            Self::ExpectedVariable => "Expected variable name before value",
            Self::MismatchedParens => "Mismatched parentheses",
            Self::NestingTooDeep => "Event expression nested too deeply",
            Self::InvalidUtf8 => "Invalid UTF-8",
            Self::GarbledEscape => "Escape garbled by upstart's tokenizer",
            Self::WrappedNumber => "Number wraps in upstart's storage",
            Self::NulInValue => "NUL byte in the file",
        }
    }

    /// Our title for this error: what is wrong, in a few words. Upstart's
    /// own text ([`Self::upstart_message`]) is often the same for different
    /// problems ("Unknown stanza" for a bad sub-keyword, a stray
    /// `end script` or a byte-order mark), so diagnostics show this title
    /// and keep upstart's text beside it ([`Self::upstart_says`]).
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::ExpectedToken => "Missing argument",
            Self::UnexpectedToken => "Extra argument",
            Self::TrailingSlash => "Backslash at the end of the file",
            Self::UnterminatedQuote => "Unterminated quoted string",
            Self::UnterminatedBlock => "Unterminated script block",
            Self::UnknownStanza => "Unknown stanza",
            Self::RemovedStanza => "Removed stanza",
            Self::UnknownSubKeyword => "Unknown sub-keyword",
            Self::UnknownLimitResource => "Unknown limit resource",
            Self::IllegalInterval => "Invalid number of seconds",
            Self::IllegalExitStatus => "Invalid exit status",
            Self::IllegalSignal => "Unknown signal",
            Self::IllegalUmask => "Invalid umask",
            Self::IllegalNice => "Invalid nice value",
            Self::IllegalOom => "Invalid oom adjustment",
            Self::IllegalOomScore => "Invalid oom score",
            Self::IllegalLimit => "Invalid limit value",
            Self::IllegalRespawnCount => "Invalid respawn limit count",
            Self::ExpectedEvent => "Missing event",
            Self::ExpectedOperator => "Missing operator",
            Self::ExpectedVariable => "Positional argument after KEY=VALUE",
            Self::MismatchedParens => "Mismatched parentheses",
            Self::NestingTooDeep => "Event expression nested too deeply",
            Self::StrayEndScript => "`end script` outside a script block",
            Self::UnopenedBlock => "Script block without its opening line",
            Self::ByteOrderMark => "Byte-order mark before the first stanza",
            Self::InvalidUtf8 => "Invalid UTF-8",
            Self::VendorStanza => "ChromiumOS-only stanza",
            Self::GarbledEscape => "Escape garbled by upstart's tokenizer",
            Self::WrappedNumber => "Number wraps in upstart's storage",
            Self::NulInValue => "NUL byte in the file",
        }
    }

    /// What upstart 1.13.2 itself logs for this error
    /// (`init: FILE:LINE: MESSAGE`), when it reports one: None for the
    /// problems upstart accepts silently and for our own limits.
    #[must_use]
    pub fn upstart_says(self) -> Option<&'static str> {
        match self {
            Self::InvalidUtf8
            | Self::GarbledEscape
            | Self::WrappedNumber
            | Self::NulInValue
            | Self::NestingTooDeep => None,
            _ => Some(self.upstart_message()),
        }
    }

    /// The rule code: UL0xx for syntax, UL1xx for values.
    #[must_use]
    pub fn code(self) -> Code {
        match self {
            Self::UnterminatedBlock => Code::UL001,
            Self::StrayEndScript | Self::UnopenedBlock => Code::UL002,
            Self::UnknownStanza => Code::UL003,
            Self::RemovedStanza => Code::UL004,
            Self::ExpectedToken => Code::UL005,
            Self::UnexpectedToken => Code::UL006,
            Self::UnknownSubKeyword => Code::UL007,
            Self::UnterminatedQuote => Code::UL008,
            Self::TrailingSlash => Code::UL009,
            Self::ExpectedEvent
            | Self::ExpectedOperator
            | Self::ExpectedVariable
            | Self::MismatchedParens => Code::UL010,
            Self::ByteOrderMark | Self::InvalidUtf8 => Code::UL012,
            Self::NestingTooDeep => Code::UL013,
            Self::VendorStanza => Code::UL014,
            Self::IllegalSignal | Self::IllegalExitStatus => Code::UL101,
            Self::IllegalInterval | Self::IllegalRespawnCount => Code::UL102,
            Self::IllegalUmask => Code::UL103,
            Self::IllegalNice => Code::UL104,
            Self::IllegalOom | Self::IllegalOomScore => Code::UL105,
            Self::UnknownLimitResource => Code::UL106,
            Self::IllegalLimit => Code::UL107,
            Self::GarbledEscape => Code::UL117,
            Self::WrappedNumber => Code::UL118,
            Self::NulInValue => Code::UL119,
        }
    }

    /// Whether upstart rejects a file with this problem: every kind but
    /// the warnings about what upstart stores (and invalid UTF-8, which it
    /// does not check).
    #[must_use]
    pub fn rejects(self) -> bool {
        !matches!(
            self,
            Self::InvalidUtf8 | Self::GarbledEscape | Self::WrappedNumber | Self::NulInValue
        )
    }
}

/// One problem found while parsing, with the span it points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseError {
    pub kind: ErrorKind,
    pub span: Span,
    /// What exactly was wrong, in our words (the label under the span).
    pub detail: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Related places, e.g. the `(` that was never closed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<(Span, String)>,
}

impl ParseError {
    pub(crate) fn new(kind: ErrorKind, span: Span, detail: impl Into<String>) -> Self {
        Self {
            kind,
            span,
            detail: detail.into(),
            help: None,
            related: Vec::new(),
        }
    }

    #[must_use]
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub(crate) fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    /// Upstart's own message for this error (what `init` logs, compared
    /// with the recorded verdicts in `tests/cli/conformance.rs`); the
    /// diagnostics show [`Self::title`].
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.kind.upstart_message()
    }

    /// Our title for this error (see [`ErrorKind::title`]).
    #[must_use]
    pub fn title(&self) -> &'static str {
        self.kind.title()
    }

    #[must_use]
    pub fn code(&self) -> Code {
        self.kind.code()
    }

    /// Whether upstart rejects the file for this problem.
    #[must_use]
    pub fn rejects(&self) -> bool {
        self.kind.rejects()
    }
}

// The diagnostic layer sits below the parser and knows nothing of it: a
// parse error turns itself into a diagnostic here.
impl ErrorKind {
    /// The severity of a parse problem: an error when upstart rejects the
    /// file, a warning otherwise.
    #[must_use]
    pub fn severity(self) -> Severity {
        if self.rejects() {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

impl ParseError {
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl Diagnostic {
    /// A diagnostic for a parse error in `source`.
    #[must_use]
    pub fn from_parse(source: &SourceFile, err: &ParseError) -> Self {
        let mut d = Self::new(
            source,
            err.code(),
            err.severity(),
            err.title().to_string(),
            err.detail.clone(),
            err.help.clone(),
            err.span,
            &err.related,
        );
        d.upstart = err.kind.upstart_says();
        d
    }
}
