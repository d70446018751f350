//! `--format github`: GitHub Actions workflow commands, one per diagnostic,
//! which the runner turns into annotations on the pull request:
//!
//! ```text
//! ::warning file=etc/init/web.conf,line=8,col=10,endLine=8,endColumn=18,title=UL302::Unknown event: ...
//! ```
//!
//! errors are `::error`, warnings `::warning`, info `::notice`. The message
//! is the message, its detail and, on a second line, the help. Escaping
//! follows the runner's rules: in the message `%`, CR and LF become `%25`,
//! `%0D`, `%0A`; in property values `:` and `,` also become `%3A`, `%2C`.
//! A whole-file problem (UL903) has `file=` only.
//!
//! GitHub shows at most [`PER_KIND_LIMIT`] annotations of each kind per step
//! and drops the rest silently, so when there are more a last plain line
//! says so and points to SARIF (code scanning shows every result).

use super::full_message;
use crate::diag::Diagnostic;
use crate::diag::Severity;

/// Annotations of one kind (error, warning, notice) GitHub shows per step.
pub const PER_KIND_LIMIT: usize = 10;

#[must_use]
pub fn render(diags: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail.
    let _ = write(diags, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`], written one command at a time.
pub(crate) fn write(diags: &[Diagnostic], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for d in diags {
        writeln!(out, "{}", command(d))?;
    }
    let over: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter_map(|s| {
            let n = diags.iter().filter(|d| d.severity == s).count();
            (n > PER_KIND_LIMIT).then(|| format!("{n} {}s", kind(s)))
        })
        .collect();
    if !over.is_empty() {
        writeln!(
            out,
            "upstart-lint: {} exceed GitHub's limit of {PER_KIND_LIMIT} annotations of each kind per step; the rest are only in this log. Use `--format sarif` with github/codeql-action/upload-sarif to see every finding.",
            over.join(" and ")
        )?;
    }
    Ok(())
}

/// The workflow command name for a severity.
#[must_use]
pub fn kind(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One workflow command (without the newline).
#[must_use]
pub fn command(d: &Diagnostic) -> String {
    let mut props = vec![format!("file={}", escape_property(&d.file))];
    if d.line > 0 {
        props.push(format!("line={}", d.line));
        props.push(format!("col={}", d.column));
        props.push(format!("endLine={}", d.end_line));
        props.push(format!("endColumn={}", d.end_column));
    }
    props.push(format!("title={}", escape_property(d.code.as_str())));
    let mut message = full_message(d);
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {}::{}",
        kind(d.severity),
        props.join(","),
        escape_data(&message)
    )
}

/// Escape the message of a workflow command.
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner_expects() {
        assert_eq!(escape_data("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
