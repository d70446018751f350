//! `--format sarif`: a SARIF 2.1.0 log with one run, for GitHub code
//! scanning (`github/codeql-action/upload-sarif`) and other SARIF viewers.
//!
//! - `tool.driver.rules[]` lists every rule of the registry: `id`, `name`,
//!   `shortDescription` (the summary), `fullDescription` (the rule's
//!   documentation, Markdown), `help` (the summary as text, the
//!   documentation as Markdown), `defaultConfiguration` (`level`, `enabled`) and
//!   `helpUri` (the rule's row in the README). A result whose code is not in
//!   the registry (a parse error without its own rule, a shellcheck code)
//!   gets a short descriptor of its own, so every result has a rule.
//! - each result has `ruleId`, `ruleIndex`, `level` (`error`, `warning`,
//!   `note`), `message.text` (message, detail and help) and one location:
//!   `artifactLocation.uri` is the path as given (percent-encoded; absolute
//!   paths become `file://` URIs) and `region` has `startLine`,
//!   `startColumn`, `endLine`, `endColumn` (1-based; the end column is just
//!   past the last character). A whole-file problem has no region.
//! - `columnKind` is `unicodeCodePoints`: columns count characters.
//! - a safe fix becomes `fixes[]` with byte-offset replacements.
//! - the summary of the findings past `lint::CAP` of one code in one file
//!   (see the JSON format) is a result whose `properties.summarised` is
//!   their number.

use super::full_message;
use crate::diag::Diagnostic;
use crate::diag::Severity;
use crate::lint::registry::{self, Rule};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The project's home page; rule anchors are `#ul302` in its README.
pub const HOME: &str = "https://github.com/upstart-tools/upstart-tools";

/// The SARIF schema the log follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where a rule is documented: its anchor in the README's rules table.
#[must_use]
pub fn help_uri(code: &str) -> String {
    format!("{HOME}#{}", code.to_ascii_lowercase())
}

/// SARIF's name for a severity.
#[must_use]
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail.
    let _ = write(diags, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`], written one result at a time: the document of [`log`] as
/// serde_json pretty-prints it (keys in order, so the results come before
/// the tool, whose rule list ends with the descriptors of codes the
/// results brought), never held whole.
pub(crate) fn write(diags: &[Diagnostic], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut rules: Vec<Value> = registry::all().iter().map(descriptor).collect();
    let mut index: BTreeMap<String, usize> = registry::all()
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.to_string(), i))
        .collect();
    let schema = Value::from(SCHEMA);
    write!(
        out,
        "{{\n  \"$schema\": {schema},\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
    )?;
    for (i, d) in diags.iter().enumerate() {
        let rule_index = rule_index(&mut rules, &mut index, d);
        out.write_all(if i == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        super::write_nested(out, &result(d, Some(rule_index)), 4)?;
    }
    out.write_all(if diags.is_empty() {
        b"],\n      \"tool\": "
    } else {
        b"\n      ],\n      \"tool\": "
    })?;
    super::write_nested(out, &tool(rules), 3)?;
    out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
}

/// The index of `d`'s rule in `rules`, adding a short descriptor for a
/// code the registry does not have.
fn rule_index(
    rules: &mut Vec<Value>,
    index: &mut BTreeMap<String, usize>,
    d: &Diagnostic,
) -> usize {
    if let Some(&i) = index.get(d.code.as_str()) {
        return i;
    }
    index.insert(d.code.to_string(), rules.len());
    rules.push(json!({
        "id": d.code,
        "shortDescription": {"text": d.message},
        "defaultConfiguration": {"level": level(d.severity)},
    }));
    rules.len() - 1
}

fn tool(rules: Vec<Value>) -> Value {
    json!({"driver": {
        "name": "upstart-lint",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": HOME,
        "rules": rules,
    }})
}

/// The SARIF log as a JSON value.
#[must_use]
pub fn log(diags: &[Diagnostic]) -> Value {
    let mut rules: Vec<Value> = registry::all().iter().map(descriptor).collect();
    let mut index: BTreeMap<String, usize> = registry::all()
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.to_string(), i))
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let i = rule_index(&mut rules, &mut index, d);
            result(d, Some(i))
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": tool(rules),
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn descriptor(rule: &Rule) -> Value {
    let doc = rule.documentation();
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": rule.summary, "markdown": doc},
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": rule.default,
        },
        "helpUri": help_uri(rule.code.as_str()),
    })
}

fn result(d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let mut text = full_message(d);
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut physical = json!({"artifactLocation": {"uri": uri(&d.file)}});
    if d.line > 0 {
        physical["region"] = json!({
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        });
    }
    let mut r = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if d.summarised > 0 {
        r["properties"] = json!({"summarised": d.summarised});
    }
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": {"byteOffset": e.span.start, "byteLength": e.span.len()},
                    "insertedContent": {"text": e.text},
                })
            })
            .collect();
        r["fixes"] = json!([{
            "description": {"text": fix.description},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(&d.file)},
                "replacements": replacements,
            }],
        }]);
    }
    r
}

/// A path as a URI reference: relative paths stay relative, absolute ones
/// become `file://` URIs; bytes outside the unreserved set are
/// percent-encoded.
#[must_use]
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("etc/init/web.conf"), "etc/init/web.conf");
        assert_eq!(
            uri("/etc/init/my job.conf"),
            "file:///etc/init/my%20job.conf"
        );
        assert_eq!(uri("a%b:c"), "a%25b%3Ac");
        assert_eq!(help_uri("UL302"), format!("{HOME}#ul302"));
    }

    #[test]
    fn streamed_log_is_the_whole_one() {
        use crate::diag::Code;
        let source = crate::source::SourceFile::new("a b.conf", b"env A=1\nenv A=1\n".to_vec());
        let d = Diagnostic::new(
            &source,
            Code::UL203,
            Severity::Warning,
            "The variable `A` is set twice".into(),
            "detail".into(),
            Some("help".into()),
            crate::source::Span::new(12, 15),
            &[],
        );
        // SC2086 is not in the registry: it gets a descriptor of its own.
        let mut sc = d.clone();
        sc.code = Code::UL405;
        let file = Diagnostic::file_error("/x", Code::UL903, "Unreadable input".into());
        for diags in [vec![], vec![d.clone()], vec![d, sc, file]] {
            let text = render(&diags);
            let whole = serde_json::to_string_pretty(&log(&diags)).unwrap_or_default();
            assert_eq!(text, format!("{whole}\n"));
        }
    }
}
