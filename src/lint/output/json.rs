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
//! A file with more than `lint::CAP` (1000) findings of one code lists
//! the first 1000; one more item, at the first of the others, stands for
//! them: its message says how many (`"4000 more UL203 findings in this
//! file"`) and its `summarised` field holds the number (the field is
//! absent from every other item).
//! New fields may be added within version 1; renaming or removing one bumps
//! `version`.

use crate::diag::Diagnostic;
use serde_json::{Value, json};

/// The schema version printed in `version`.
pub const VERSION: u32 = 1;

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail.
    let _ = write(diags, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`], written one diagnostic at a time: the document serde_json
/// pretty-prints (keys in order, two-space indent), never held whole.
pub(crate) fn write(diags: &[Diagnostic], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if diags.is_empty() {
        return write!(
            out,
            "{{\n  \"diagnostics\": [],\n  \"version\": {VERSION}\n}}\n"
        );
    }
    out.write_all(b"{\n  \"diagnostics\": [\n")?;
    for (i, d) in diags.iter().enumerate() {
        out.write_all(if i == 0 { b"    " } else { b",\n    " })?;
        super::write_nested(out, &item(d), 2)?;
    }
    write!(out, "\n  ],\n  \"version\": {VERSION}\n}}\n")
}

fn position(n: usize, whole_file: bool) -> Value {
    if whole_file { Value::Null } else { json!(n) }
}

fn item(d: &Diagnostic) -> Value {
    let whole_file = d.line == 0;
    let mut item = json!({
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
    });
    if d.summarised > 0 {
        item["summarised"] = json!(d.summarised);
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    /// The document as one `Value`, as it was built before it was streamed.
    fn whole(diags: &[Diagnostic]) -> String {
        let items: Vec<Value> = diags.iter().map(item).collect();
        let doc = json!({"version": VERSION, "diagnostics": items});
        format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        )
    }

    #[test]
    fn streamed_document_is_the_whole_one() {
        let source = crate::source::SourceFile::new("a \"b\".conf", b"env A=1\nenv A=1\n".to_vec());
        let mut d = Diagnostic::new(
            &source,
            Code::UL203,
            crate::diag::Severity::Warning,
            "The variable `A` is set twice\nnewline".into(),
            "detail".into(),
            Some("help".into()),
            crate::source::Span::new(12, 15),
            &[],
        );
        d.upstart = Some("Unknown stanza");
        let file = Diagnostic::file_error("x", Code::UL903, "Unreadable input".into());
        for diags in [vec![], vec![d.clone()], vec![d, file]] {
            let text = render(&diags);
            assert_eq!(text, whole(&diags));
            assert!(serde_json::from_str::<Value>(&text).is_ok());
        }
    }
}
