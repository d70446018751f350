//! `--format concise`: one line per diagnostic ([`crate::diag::concise`]),
//! coloured like the human format's heading when colour is on.

use crate::diag::{Diagnostic, concise::colored_line};

#[must_use]
pub fn render(diags: &[Diagnostic], color: bool) -> String {
    diags
        .iter()
        .map(|d| format!("{}\n", colored_line(d, color)))
        .collect()
}

/// [`render`], written one line at a time.
pub(crate) fn write(
    diags: &[Diagnostic],
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in diags {
        writeln!(out, "{}", colored_line(d, color))?;
    }
    Ok(())
}
