//! The one-line form of a diagnostic, for every command's stderr and for
//! `upstart-lint --format concise`:
//!
//! ```text
//! path:line:col: severity[CODE] message: detail
//! path: error[UL903] Unreadable input: ...        (a whole-file problem)
//! ```
//!
//! When the help has a "did you mean" suggestion, the line ends with it:
//! `... \`descripton\` is not a stanza (did you mean \`description\`?)`.
//!
//! The path is exactly as given on the command line (or found by walking a
//! directory given there).

use super::{Diagnostic, Severity};

/// The message with its detail (the label text), as one line of prose.
#[must_use]
pub fn full_message(d: &Diagnostic) -> String {
    if d.detail.is_empty() {
        d.message.clone()
    } else {
        format!("{}: {}", d.message, d.detail)
    }
}

/// One diagnostic as one line (without the newline).
#[must_use]
pub fn line(d: &Diagnostic) -> String {
    colored_line(d, false)
}

/// [`fn@line`], with the path bold and the severity and code in the
/// severity's colour when `color` is set.
#[must_use]
pub fn colored_line(d: &Diagnostic, color: bool) -> String {
    let mut message = full_message(d).replace(['\n', '\r'], " ");
    if let Some(suggestion) = d.help.as_deref().and_then(did_you_mean) {
        message.push_str(&format!(" ({suggestion})"));
    }
    format!("{} {message}", prefix(d, color))
}

/// The first line of a report: the place, severity, code and message,
/// without the detail (the report's label shows it). With `color`, the
/// path is bold and the severity and code take the severity's colour.
#[must_use]
pub fn heading(d: &Diagnostic, color: bool) -> String {
    let message = d.message.replace(['\n', '\r'], " ");
    if color {
        format!("{} \x1b[1m{message}\x1b[0m", prefix(d, true))
    } else {
        format!("{} {message}", prefix(d, false))
    }
}

/// `path:line:col: severity[CODE]` (`path: severity[CODE]` for a
/// whole-file problem).
fn prefix(d: &Diagnostic, color: bool) -> String {
    let place = if d.line == 0 {
        d.file.clone()
    } else {
        format!("{}:{}:{}", d.file, d.line, d.column)
    };
    let kind = format!("{}[{}]", d.severity.as_str(), d.code);
    if color {
        let hue = match d.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        format!("\x1b[1m{place}:\x1b[0m \x1b[1;{hue}m{kind}\x1b[0m")
    } else {
        format!("{place}: {kind}")
    }
}

/// The "did you mean `x`?" part of a help text, if it has one.
fn did_you_mean(help: &str) -> Option<&str> {
    let start = help.find("did you mean")?;
    let rest = &help[start..];
    let end = rest.find('?').map_or(rest.len(), |i| i + 1);
    Some(&rest[..end])
}
