//! The one-line form of a diagnostic, for every command's stderr and for
//! `upstart-lint --format concise`:
//!
//! ```text
//! path:line:col: severity[CODE] message: detail
//! path: error[UL903] Unreadable input: ...        (a whole-file problem)
//! ```
//!
//! The path is exactly as given on the command line (or found by walking a
//! directory given there).

use super::Diagnostic;

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
    let sev = d.severity.as_str();
    let message = full_message(d).replace(['\n', '\r'], " ");
    if d.line == 0 {
        format!("{}: {sev}[{}] {message}", d.file, d.code)
    } else {
        format!(
            "{}:{}:{}: {sev}[{}] {message}",
            d.file, d.line, d.column, d.code
        )
    }
}
