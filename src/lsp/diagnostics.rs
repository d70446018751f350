//! The linter's diagnostics as the protocol's: the same code, severity,
//! message and span (as a UTF-16 range), the related spans, the rule's
//! documentation link and the tags editors draw (faded for an unused
//! suppression or unreachable code, struck through for a removed stanza).

use super::text::LineIndex;
use crate::diag::{Code, Diagnostic, Severity, concise::full_message};
use crate::lint::output::sarif::help_uri;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString, Uri,
};

/// The `source` of every diagnostic the server publishes.
pub(crate) const SOURCE: &str = "upstart-lint";

pub(crate) fn to_lsp(d: &Diagnostic, index: &LineIndex<'_>, uri: &Uri) -> lsp_types::Diagnostic {
    let mut message = full_message(d);
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related()
        .iter()
        .map(|(span, label)| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(span.start, span.end)),
            message: label.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: index.range(d.span.start, d.span.end),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: help_uri(d.code.as_str())
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: tags(d.code),
        data: None,
    }
}

fn tags(code: Code) -> Option<Vec<DiagnosticTag>> {
    match code {
        // An unused suppression; code after `exec` that never runs.
        Code::UL901 | Code::UL408 => Some(vec![DiagnosticTag::UNNECESSARY]),
        // Stanzas upstart removed or replaced.
        Code::UL004 | Code::UL217 => Some(vec![DiagnosticTag::DEPRECATED]),
        _ => None,
    }
}
