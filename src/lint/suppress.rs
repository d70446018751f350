//! Inline suppressions:
//!
//! - `# upstart-lint: disable=UL202,UL209 -- reason` silences those codes on
//!   the comment's own line and on the line after it (so it can trail a
//!   stanza or sit on the line above). Inside a script block it is an
//!   ordinary shell comment and works the same way.
//! - `# upstart-lint: disable-file=UL302` silences them in the whole file.
//!
//! Codes may be prefixes (`UL2`); shellcheck codes (`SC2086`) are accepted.
//! Errors that make upstart reject the file cannot be silenced. A
//! suppression that silenced nothing (UL901), names an unknown code (UL902)
//! or cannot be read (UL904) is itself reported.

use super::config::{Config, is_syntax_error};
use super::registry;
use crate::diag::Diagnostic;
use crate::source::{SourceFile, Span};
use crate::syntax::Severity;

const MARKER: &str = "upstart-lint:";

#[derive(Debug)]
struct Directive {
    /// 1-based line of the comment.
    line: usize,
    span: Span,
    whole_file: bool,
    codes: Vec<(String, Span)>,
    used: Vec<bool>,
}

/// Find the directives of a file (in comments, including shell comments in
/// script bodies).
fn directives(source: &SourceFile) -> (Vec<Directive>, Vec<(Span, String)>) {
    let text = source.text();
    let mut found = Vec::new();
    let mut malformed = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let Some(hash) = line.find('#') else { continue };
        let comment = &line[hash + 1..];
        let trimmed = comment.trim_start();
        let Some(rest) = trimmed.strip_prefix(MARKER) else { continue };
        let rest_start = start + hash + 1 + (comment.len() - trimmed.len()) + MARKER.len();
        let body = rest.trim_end_matches(['\n', '\r']);
        let span = Span::new(start + hash, start + hash + 1 + comment.trim_end_matches(['\n', '\r']).len());
        // The reason after ` -- ` is free text.
        let directive = body.split(" -- ").next().unwrap_or("").trim();
        let (whole_file, list) = if let Some(l) = directive.strip_prefix("disable-file=") {
            (true, l)
        } else if let Some(l) = directive.strip_prefix("disable=") {
            (false, l)
        } else {
            malformed.push((span, body.trim().to_string()));
            continue;
        };
        let list_start = rest_start + body.find(list).unwrap_or(0);
        let mut codes = Vec::new();
        let mut pos = list_start;
        for code in list.split(',') {
            let trimmed_code = code.trim();
            let lead = code.len() - code.trim_start().len();
            if !trimmed_code.is_empty() {
                codes.push((
                    trimmed_code.to_string(),
                    Span::new(pos + lead, pos + lead + trimmed_code.len()),
                ));
            }
            pos += code.len() + 1;
        }
        if codes.is_empty() {
            malformed.push((span, body.trim().to_string()));
            continue;
        }
        let used = vec![false; codes.len()];
        found.push(Directive {
            line: i + 1,
            span,
            whole_file,
            codes,
            used,
        });
    }
    (found, malformed)
}

/// Drop suppressed diagnostics and add the suppression diagnostics.
#[must_use]
pub fn apply(source: &SourceFile, diags: Vec<Diagnostic>, config: &Config) -> Vec<Diagnostic> {
    let (mut dirs, malformed) = directives(source);
    let mut kept = Vec::with_capacity(diags.len());
    for d in diags {
        let mut silenced = false;
        if !is_syntax_error(&d.code) {
            for dir in &mut dirs {
                if !dir.whole_file && d.line != dir.line && d.line != dir.line + 1 {
                    continue;
                }
                for (k, (code, _)) in dir.codes.iter().enumerate() {
                    if registry::matches(code, &d.code) {
                        dir.used[k] = true;
                        silenced = true;
                    }
                }
            }
        }
        if !silenced {
            kept.push(d);
        }
    }
    let mut meta = |code: &'static str, span: Span, message: &str, label: String, help: &str| {
        if config.enabled_code(code) {
            let sev = registry::find(code).map_or(Severity::Warning, |r| r.severity);
            kept.push(Diagnostic::new(
                source,
                code,
                config.severity_of(code, sev),
                message.to_string(),
                label,
                Some(help.to_string()),
                span,
                &[],
            ));
        }
    };
    for (span, body) in malformed {
        meta(
            "UL904",
            span,
            "Malformed suppression",
            format!("`{body}` is not `disable=CODES` or `disable-file=CODES`"),
            "write `# upstart-lint: disable=UL202 -- reason`",
        );
    }
    for dir in &dirs {
        for (k, (code, span)) in dir.codes.iter().enumerate() {
            if !registry::is_known_pattern(code) {
                meta(
                    "UL902",
                    *span,
                    "Unknown rule in suppression",
                    format!("`{code}` is not a rule code"),
                    "check the code with `upstart-lint --explain CODE`",
                );
            } else if is_syntax_error(code) {
                meta(
                    "UL904",
                    *span,
                    "Malformed suppression",
                    format!("`{code}` is an error upstart rejects the file for; it cannot be silenced"),
                    "fix the error instead",
                );
            } else if !dir.used[k] {
                meta(
                    "UL901",
                    *span,
                    "Unused suppression",
                    format!("nothing reported `{code}` here"),
                    "remove the code from the comment (or the comment)",
                );
            }
        }
        let _ = dir.span;
    }
    kept
}
