//! `--format human` (the default): per diagnostic a heading line naming the
//! place, severity, code and title (as ruff's full format), then miette's
//! source snippet with the label under the offending text, and the help;
//! then one summary line:
//!
//! ```text
//! etc/init/web.conf:8:10: warning[UL302] Unknown event
//!    ╭─[etc/init/web.conf:8:10]
//!  … snippet, label …
//!    ╰────
//!   help: …
//!
//! 2 files checked: 1 error, 1 warning, 0 info; 1 fixable with --fix
//! ```
//!
//! `--quiet` leaves the summary out; with `--severity`, it ends with how
//! many findings were hidden (`; 456 below --severity not shown`).
//!
//! Colour is used with `--color always`, or with `auto` (the default) on a
//! terminal when `NO_COLOR` is not set (the caller decides, see
//! [`super::Options::color`]); without colour the report is plain text with
//! the same layout. The width is fixed so that output does not depend on
//! the terminal.

use super::{Options, plural};
use crate::diag::Diagnostic;
use crate::diag::Severity;

/// Columns the reports are wrapped at.
pub const WIDTH: usize = 100;

#[must_use]
pub fn render(diags: &[Diagnostic], options: Options) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail.
    let _ = write(diags, options, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`], written one report at a time.
pub(crate) fn write(
    diags: &[Diagnostic],
    options: Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in diags {
        // A whole-file problem has no snippet to show.
        let mut report = if d.line == 0 {
            String::new()
        } else {
            d.render(options.color, WIDTH)
        };
        if report.trim().is_empty() {
            report = crate::diag::concise::line(d);
            report.push('\n');
        }
        // Every report ends with a blank line (the reports in one string
        // were separated so).
        if !report.ends_with("\n\n") {
            report.push('\n');
        }
        out.write_all(report.as_bytes())?;
    }
    if !options.quiet {
        out.write_all(summary(diags, options.files, options.hidden).as_bytes())?;
    }
    Ok(())
}

/// `N files checked: E errors, W warnings, I info[; F fixable with --fix][;
/// H below --severity not shown]`
#[must_use]
pub fn summary(diags: &[Diagnostic], files: usize, hidden: usize) -> String {
    // A summary of counted findings counts as the findings it stands for.
    let count = |s| {
        diags
            .iter()
            .filter(|d| d.severity == s)
            .map(Diagnostic::findings)
            .sum::<usize>()
    };
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
    if hidden > 0 {
        line.push_str(&format!("; {hidden} below --severity not shown"));
    }
    line.push('\n');
    line
}
