//! `--format json`: one JSON document (pretty-printed), schema version 1.
//!
//! ```json
//! {"version": 1,
//!  "diagnostics": [{"file": "etc/init/web.conf", "line": 8, "column": 10,
//!                   "end_line": 8, "end_column": 18, "severity": "warning",
//!                   "code": "UL302", "message": "Unknown event",
//!                   "detail": "`my_event` is not ...", "help": "add ...",
//!                   "fixable": false, "upstart_message": null}]}
//! ```
//!
//! `line`/`column` are 1-based, columns in characters; `end_line`/
//! `end_column` point just past the last character. They are `null` for a
//! problem with a whole file (UL903). `help` is `null` when there is none.
//! `message` is our title of the problem; for a parse error upstart rejects
//! the file for, `upstart_message` is what upstart itself logs
//! (`"Unknown stanza"` for a stray `end script`), else `null`.
//! New fields may be added within version 1; renaming or removing one bumps
//! `version`.

use crate::diag::Diagnostic;
use serde_json::{Value, json};

/// The schema version printed in `version`.
pub const VERSION: u32 = 1;

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    let items: Vec<Value> = diags.iter().map(item).collect();
    let doc = json!({"version": VERSION, "diagnostics": items});
    // A `Value` always serialises; the fallback is never used.
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    format!("{text}\n")
}

fn position(n: usize, whole_file: bool) -> Value {
    if whole_file { Value::Null } else { json!(n) }
}

fn item(d: &Diagnostic) -> Value {
    let whole_file = d.line == 0;
    json!({
        "file": d.file,
        "line": position(d.line, whole_file),
        "column": position(d.column, whole_file),
        "end_line": position(d.end_line, whole_file),
        "end_column": position(d.end_column, whole_file),
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "detail": d.detail,
        "help": d.help,
        "fixable": d.fix.is_some(),
        "upstart_message": d.upstart,
    })
}
