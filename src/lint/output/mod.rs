//! Output formats. Each turns the linter's own diagnostics into text; none
//! of them decides the exit status.

use crate::diag::Diagnostic;

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// miette reports with the source snippet (colour on a terminal).
    Human,
    /// One line per problem: `path:line:col: severity[CODE] message`.
    Concise,
    /// `{"version":1,"diagnostics":[...]}`.
    Json,
}

/// Render `diags` (from `files` linted files) in `format`.
#[must_use]
pub fn render(format: Format, diags: &[Diagnostic], files: usize, color: bool) -> String {
    match format {
        Format::Human => human(diags, files, color),
        Format::Concise => diags.iter().map(|d| format!("{}\n", concise(d))).collect(),
        Format::Json => json(diags),
    }
}

fn human(diags: &[Diagnostic], files: usize, color: bool) -> String {
    let mut out: String = diags.iter().map(|d| d.render(color, 100)).collect();
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    use crate::syntax::Severity;
    out.push_str(&format!(
        "{files} file(s) checked: {} error(s), {} warning(s), {} info\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    ));
    out
}

/// `path:line:col: severity[CODE] message: detail`
#[must_use]
pub fn concise(d: &Diagnostic) -> String {
    let mut s = if d.line == 0 {
        format!("{}: {}[{}] {}", d.file, d.severity.as_str(), d.code, d.message)
    } else {
        format!(
            "{}:{}:{}: {}[{}] {}",
            d.file,
            d.line,
            d.column,
            d.severity.as_str(),
            d.code,
            d.message
        )
    };
    if !d.detail.is_empty() {
        s.push_str(": ");
        s.push_str(&d.detail);
    }
    s
}

fn json(diags: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "detail": d.detail,
                "help": d.help,
                "span": [d.span.start, d.span.end],
                "fix": d.fix,
            })
        })
        .collect();
    format!("{}\n", serde_json::json!({"version": 1, "diagnostics": items}))
}
