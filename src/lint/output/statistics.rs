//! `--statistics`: how many findings of each code, most frequent first, as
//! ruff's `--statistics` prints them, instead of the findings:
//!
//! ```text
//! 357  UL405 SC2086  info     shellcheck
//! 187  UL301         warning  unknown-job
//!   2  UL011         warning  crlf-line-endings [*]
//! ```
//!
//! shellcheck's findings (UL405) are counted per shellcheck code. `[*]`
//! marks a code with findings `--fix` can fix. The severity is the highest
//! among the code's findings. With `--format json`:
//!
//! ```json
//! {"version": 1, "statistics": [{"code": "UL405", "shellcheck": "SC2086",
//!   "name": "shellcheck", "severity": "info", "count": 357, "fixable": 0}]}
//! ```
//!
//! where `shellcheck` is `null` for other codes and `fixable` counts the
//! findings with a fix.

use crate::diag::{Diagnostic, Severity};
use crate::lint::registry;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The findings of one code (and shellcheck code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub shellcheck: Option<String>,
    pub name: &'static str,
    pub severity: Severity,
    pub count: usize,
    pub fixable: usize,
}

/// The rows, most frequent first, then by code.
#[must_use]
pub fn rows(diags: &[Diagnostic]) -> Vec<Row> {
    let mut by_key: BTreeMap<(String, Option<String>), Row> = BTreeMap::new();
    for d in diags {
        let shellcheck = registry::shellcheck_code_of(d);
        let row = by_key
            .entry((d.code.to_string(), shellcheck.clone()))
            .or_insert_with(|| Row {
                code: d.code.to_string(),
                shellcheck,
                name: registry::find(d.code).map_or("", |r| r.name),
                severity: d.severity,
                count: 0,
                fixable: 0,
            });
        row.count += d.findings();
        row.fixable += usize::from(d.fix.is_some());
        row.severity = row.severity.max(d.severity);
    }
    let mut rows: Vec<Row> = by_key.into_values().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.count));
    rows
}

/// The table as text (empty when there is no finding).
#[must_use]
pub fn render_text(diags: &[Diagnostic]) -> String {
    let rows = rows(diags);
    let count_width = rows.iter().map(|r| r.count.to_string().len()).max();
    let Some(count_width) = count_width else {
        return String::new();
    };
    let key = |r: &Row| match &r.shellcheck {
        Some(sc) => format!("{} {sc}", r.code),
        None => r.code.clone(),
    };
    let key_width = rows.iter().map(|r| key(r).len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        let fix = if r.fixable > 0 { " [*]" } else { "" };
        let line = format!(
            "{:>count_width$}  {:<key_width$}  {:<7}  {}{fix}",
            r.count,
            key(r),
            r.severity.as_str(),
            r.name
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The table as a JSON document (schema version 1).
#[must_use]
pub fn render_json(diags: &[Diagnostic]) -> String {
    let items: Vec<Value> = rows(diags)
        .iter()
        .map(|r| {
            json!({
                "code": r.code,
                "shellcheck": r.shellcheck,
                "name": r.name,
                "severity": r.severity,
                "count": r.count,
                "fixable": r.fixable,
            })
        })
        .collect();
    let doc = json!({"version": super::json::VERSION, "statistics": items});
    // A `Value` always serialises; the fallback is never used.
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    format!("{text}\n")
}
