//! Inline suppressions, written in comments:
//!
//! - `# upstart-lint: disable=UL302,UL301 -- reason` silences those codes on
//!   the comment's own line and on the line after it, so it can trail a
//!   stanza or sit on the line above one. Inside a script block it is an
//!   ordinary shell comment and works the same way (on shellcheck findings
//!   too: `disable=SC2086`).
//! - `# upstart-lint: disable-file=UL302 -- reason` silences them in the
//!   whole file.
//!
//! Codes may be prefixes (`UL3`); a blanket `ALL` is refused. The reason
//! after ` -- ` is free text and optional. Errors that make upstart reject
//! the file (syntax errors) cannot be silenced.
//!
//! Suppressions are checked too: one that names an unknown code (UL902),
//! one that silenced nothing (UL901), and one that cannot be read or names
//! a syntax error (UL904) are reported.

use super::config::{Config, is_known_pattern, is_syntax_diagnostic, is_syntax_error};
use super::registry;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::diag::Severity;
use crate::source::{SourceFile, Span};
use std::path::Path;

const TOOL: &str = "upstart-lint";

#[derive(Debug)]
struct Directive {
    /// 1-based line of the comment.
    line: usize,
    whole_file: bool,
    codes: Vec<(String, Span)>,
    used: Vec<bool>,
}

#[derive(Debug)]
struct Malformed {
    span: Span,
    label: String,
}

/// A comment that addresses the tool: `# upstart-lint...`. Returns the
/// offset of `#` and of the text after the tool name, within `line`.
fn addressed(line: &str) -> Option<(usize, usize)> {
    for (hash, _) in line.match_indices('#') {
        let after = &line[hash + 1..];
        let trimmed = after.trim_start();
        if trimmed.starts_with(TOOL) {
            let rest = hash + 1 + (after.len() - trimmed.len()) + TOOL.len();
            return Some((hash, rest));
        }
    }
    None
}

/// Parse the codes of `disable=…` starting at `pos` of `line` (offset
/// `base` in the file). Grammar: `CODE (, CODE)* [ -- reason]`.
fn codes(line: &str, mut pos: usize, base: usize) -> Result<Vec<(String, Span)>, String> {
    let bytes = line.as_bytes();
    let skip_blanks = |mut p: usize| {
        while p < bytes.len() && matches!(bytes[p], b' ' | b'\t') {
            p += 1;
        }
        p
    };
    let mut out = Vec::new();
    loop {
        pos = skip_blanks(pos);
        let start = pos;
        while pos < bytes.len() && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_') {
            pos += 1;
        }
        if pos == start {
            return Err(if out.is_empty() {
                "no codes after `=`".into()
            } else {
                "a code must follow `,`".into()
            });
        }
        out.push((
            line[start..pos].to_string(),
            Span::new(base + start, base + pos),
        ));
        pos = skip_blanks(pos);
        if pos < bytes.len() && bytes[pos] == b',' {
            pos += 1;
            continue;
        }
        break;
    }
    let rest = line[pos..].trim_end_matches(['\n', '\r']);
    if rest.is_empty() || rest.starts_with("--") {
        Ok(out)
    } else {
        Err(format!(
            "unexpected `{}` after the codes (separate codes with `,`, and a reason with ` -- `)",
            rest.trim()
        ))
    }
}

/// Find the directives of a file (in comments, including shell comments in
/// script bodies) and the comments that address the tool but cannot be read.
fn directives(source: &SourceFile) -> (Vec<Directive>, Vec<Malformed>) {
    let text = source.text();
    let mut found = Vec::new();
    let mut malformed = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let base = offset;
        offset += line.len();
        let Some((hash, rest)) = addressed(line) else {
            continue;
        };
        let comment_end = line.trim_end_matches(['\n', '\r']).len();
        let span = Span::new(base + hash, base + comment_end);
        let after = &line[rest..];
        let Some(body) = after.strip_prefix(':') else {
            // `# upstart-lint disable=…` (no colon) is a typo; any other
            // mention of the tool in a comment is prose.
            if after.trim_start().starts_with("disable") {
                malformed.push(Malformed {
                    span,
                    label: "missing `:` after `upstart-lint`".into(),
                });
            }
            continue;
        };
        let lead = body.len() - body.trim_start().len();
        let word_at = rest + 1 + lead;
        let word = &line[word_at..];
        let (whole_file, key_len) = if word.starts_with("disable-file") {
            (true, "disable-file".len())
        } else if word.starts_with("disable") {
            (false, "disable".len())
        } else {
            let shown: String = word
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            malformed.push(Malformed {
                span,
                label: format!("`{shown}` is not `disable=CODES` or `disable-file=CODES`"),
            });
            continue;
        };
        let after_key = &line[word_at + key_len..];
        let eq_lead = after_key.len() - after_key.trim_start_matches([' ', '\t']).len();
        if !after_key[eq_lead..].starts_with('=') {
            malformed.push(Malformed {
                span,
                label: "expected `=` and the codes after the directive".into(),
            });
            continue;
        }
        match codes(line, word_at + key_len + eq_lead + 1, base) {
            Ok(codes) => {
                let used = vec![false; codes.len()];
                found.push(Directive {
                    line: i + 1,
                    whole_file,
                    codes,
                    used,
                });
            }
            Err(label) => malformed.push(Malformed { span, label }),
        }
    }
    (found, malformed)
}

/// Drop suppressed diagnostics and add the diagnostics about suppressions.
#[must_use]
pub fn apply(source: &SourceFile, diags: Vec<Diagnostic>, config: &Config) -> Vec<Diagnostic> {
    let (mut dirs, malformed) = directives(source);
    let mut kept = Vec::with_capacity(diags.len());
    for d in diags {
        if !silence(&d, &mut dirs) {
            kept.push(d);
        }
    }
    let mut meta = Meta {
        source,
        config,
        out: &mut kept,
    };
    for m in malformed {
        meta.report(
            Code::UL904,
            m.span,
            "Malformed suppression",
            m.label,
            "write `# upstart-lint: disable=UL302 -- reason` (this line and the next) or `# upstart-lint: disable-file=UL302`",
        );
    }
    for dir in &dirs {
        for (k, (code, span)) in dir.codes.iter().enumerate() {
            if let Some((meta_code, message, label, help)) = code_problem(code, dir, k) {
                meta.report(meta_code, *span, message, label, &help);
            }
        }
    }
    kept
}

/// Whether a directive silences `d`; each code of a directive that does
/// is marked used. Syntax errors are never silenced.
fn silence(d: &Diagnostic, dirs: &mut [Directive]) -> bool {
    if is_syntax_diagnostic(d) {
        return false;
    }
    let mut silenced = false;
    for dir in dirs {
        if !dir.whole_file && d.line != dir.line && d.line != dir.line + 1 {
            continue;
        }
        for (k, (code, _)) in dir.codes.iter().enumerate() {
            if code != "ALL" && registry::matches_diagnostic(code, d) {
                dir.used[k] = true;
                silenced = true;
            }
        }
    }
    silenced
}

/// What is wrong with `code`, the `k`-th code of `dir`, if anything: the
/// meta rule, its message, the label and the help.
fn code_problem(
    code: &str,
    dir: &Directive,
    k: usize,
) -> Option<(Code, &'static str, String, String)> {
    if code == "ALL" {
        Some((
            Code::UL904,
            "Malformed suppression",
            "a blanket `ALL` would hide every future problem".into(),
            "name the codes to silence, e.g. `disable=UL302`".into(),
        ))
    } else if !is_known_pattern(code) {
        let upper = code.to_ascii_uppercase();
        let help = if upper != *code && is_known_pattern(&upper) {
            format!("codes are upper case: `{upper}`")
        } else {
            "check the code with `upstart-lint --explain CODE`".to_string()
        };
        Some((
            Code::UL902,
            "Unknown rule in suppression",
            format!("`{code}` is not a rule code"),
            help,
        ))
    } else if is_syntax_error(code) {
        Some((
            Code::UL904,
            "Malformed suppression",
            format!("`{code}` is an error upstart rejects the file for; it cannot be silenced"),
            "fix the error instead".into(),
        ))
    } else if !dir.used[k] {
        let scope = if dir.whole_file {
            "in this file"
        } else {
            "on this line or the next"
        };
        Some((
            Code::UL901,
            "Unused suppression",
            format!("nothing reported `{code}` {scope}"),
            "remove the code from the comment (or the comment)".into(),
        ))
    } else {
        None
    }
}

/// Reports the problems of the suppressions of one file (UL901, UL902,
/// UL904), as its config enables them.
struct Meta<'a> {
    source: &'a SourceFile,
    config: &'a Config,
    out: &'a mut Vec<Diagnostic>,
}

impl Meta<'_> {
    fn report(&mut self, code: Code, span: Span, message: &str, label: String, help: &str) {
        if !self.config.enabled_code(code) {
            return;
        }
        let sev = registry::find(code).map_or(Severity::Warning, |r| r.severity);
        let d = Diagnostic::new(
            self.source,
            code,
            self.config.severity_of(code, sev),
            message.to_string(),
            label,
            Some(help.to_string()),
            span,
            &[],
        );
        if !self.config.ignores(Path::new(&self.source.name), &d) {
            self.out.push(d);
        }
    }
}
