//! `--format concise`: one line per diagnostic, for editors and problem
//! matchers:
//!
//! ```text
//! path:line:col: severity[CODE] message: detail
//! path: error[UL903] Unreadable input: ...        (a whole-file problem)
//! ```
//!
//! The path is exactly as given on the command line (or found by walking a
//! directory given there).

use super::full_message;
use crate::diag::Diagnostic;

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("{}\n", line(d))).collect()
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
