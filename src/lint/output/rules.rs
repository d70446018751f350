//! `upstart-tools rules`: every rule of the registry, as a table or JSON.
//!
//! ```text
//! CODE   NAME                 SEVERITY  DEFAULT  FIX  SUMMARY
//! UL001  unterminated-block   error     on            a script block ...
//! UL011  crlf-line-endings    warning   on       yes  ...
//! ```
//!
//! JSON (schema version 1): `{"version": 1, "rules": [{"code", "name",
//! "severity", "default", "fixable", "summary", "pass"}]}`, where `pass`
//! says what reports the rule (`parse`, `job_rules`, `set_rules`, `shell`,
//! `shellcheck`, `conversion`, `suppressions`, `inputs`,
//! `systemd2upstart`).

use crate::lint::registry::{self, Pass};
use serde_json::{Value, json};

/// The table as text.
#[must_use]
pub fn render_text() -> String {
    let rules = registry::all();
    let name_width = rules.iter().map(|r| r.name.len()).max().unwrap_or(4);
    let mut out = format!(
        "{:<5}  {:<name_width$}  {:<8}  {:<7}  {:<3}  SUMMARY\n",
        "CODE", "NAME", "SEVERITY", "DEFAULT", "FIX"
    );
    for r in rules {
        out.push_str(&format!(
            "{:<5}  {:<name_width$}  {:<8}  {:<7}  {:<3}  {}\n",
            r.code.as_str(),
            r.name,
            r.severity.as_str(),
            if r.default { "on" } else { "off" },
            if r.fixable() { "yes" } else { "" },
            r.summary
        ));
    }
    out
}

/// The table as a JSON document.
#[must_use]
pub fn render_json() -> String {
    let items: Vec<Value> = registry::all()
        .iter()
        .map(|r| {
            json!({
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "default": r.default,
                "fixable": r.fixable(),
                "summary": r.summary,
                "pass": pass_name(r.pass()),
            })
        })
        .collect();
    let doc = json!({"version": super::json::VERSION, "rules": items});
    // A `Value` always serialises; the fallback is never used.
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    format!("{text}\n")
}

fn pass_name(pass: Pass) -> &'static str {
    match pass {
        Pass::Parse => "parse",
        Pass::JobRules => "job_rules",
        Pass::SetRules => "set_rules",
        Pass::Shell => "shell",
        Pass::Shellcheck => "shellcheck",
        Pass::Conversion => "conversion",
        Pass::Suppressions => "suppressions",
        Pass::Inputs => "inputs",
        Pass::Systemd2upstart => "systemd2upstart",
    }
}
