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
    let doc = log(diags);
    // A `Value` always serialises; the fallback is never used.
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    format!("{text}\n")
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
    for d in diags {
        if !index.contains_key(d.code.as_str()) {
            index.insert(d.code.to_string(), rules.len());
            rules.push(json!({
                "id": d.code,
                "shortDescription": {"text": d.message},
                "defaultConfiguration": {"level": level(d.severity)},
            }));
        }
    }
    let results: Vec<Value> = diags
        .iter()
        .map(|d| result(d, index.get(d.code.as_str()).copied()))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "upstart-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": HOME,
                "rules": rules,
            }},
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
}
