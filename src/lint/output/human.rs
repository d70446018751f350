//! `--format human` (the default): a miette report per diagnostic, with the
//! source snippet, the label under the offending text and the help, then one
//! summary line:
//!
//! ```text
//! 2 files checked: 1 error, 1 warning, 0 info; 1 fixable with --fix
//! ```
//!
//! Colour is used only on a terminal and never when `NO_COLOR` is set (the
//! caller decides, see [`super::Options::color`]); without colour the
//! report is plain text with the same layout. The width is fixed so that
//! output does not depend on the terminal.

use super::{Options, plural};
use crate::diag::Diagnostic;
use crate::diag::Severity;

/// Columns the reports are wrapped at.
pub const WIDTH: usize = 100;

#[must_use]
pub fn render(diags: &[Diagnostic], options: Options) -> String {
    let mut out = String::new();
    for d in diags {
        // A whole-file problem has no snippet to show.
        let report = if d.line == 0 {
            String::new()
        } else {
            d.render(options.color, WIDTH)
        };
        if report.trim().is_empty() {
            out.push_str(&crate::diag::concise::line(d));
            out.push('\n');
        } else {
            out.push_str(&report);
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    out.push_str(&summary(diags, options.files));
    out
}

/// `N files checked: E errors, W warnings, I info[; F fixable with --fix]`
#[must_use]
pub fn summary(diags: &[Diagnostic], files: usize) -> String {
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    let mut line = format!(
        "{} checked: {}, {}, {} info",
        plural(files, "file", "files"),
        plural(count(Severity::Error), "error", "errors"),
        plural(count(Severity::Warning), "warning", "warnings"),
        count(Severity::Info)
    );
    let fixable = diags.iter().filter(|d| d.fix.is_some()).count();
    if fixable > 0 {
        line.push_str(&format!("; {fixable} fixable with --fix"));
    }
    line.push('\n');
    line
}
