//! `--format concise`: one line per diagnostic ([`crate::diag::concise`]).

use crate::diag::{Diagnostic, concise::line};

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("{}\n", line(d))).collect()
}
