//! systemd's specifiers (`%i`, `%n`, `%H`…) in the values of a unit, as
//! the job writes them: known text, the instance variable, or a command
//! whose output systemd would have used.

use super::*;

impl Ctx<'_> {
    /// Resolve specifiers in `s`: the instance becomes `$VAR`, the
    /// run-time ones a command substitution (`$(hostname)`).
    pub(super) fn spec(&self, s: &str) -> String {
        let inst = self.instance_var();
        self.spec_tokens(s)
            .iter()
            .map(|t| match t {
                Tok::Ch(c) => c.to_string(),
                Tok::Inst => format!("${inst}"),
                Tok::Run(cmd) => format!("$({cmd})"),
            })
            .collect()
    }

    /// The instance variable's name (`INSTANCE` outside a template).
    pub(super) fn instance_var(&self) -> String {
        self.instance
            .clone()
            .unwrap_or_else(|| "INSTANCE".to_string())
    }

    /// `s` with its specifiers resolved, as tokens (see
    /// [`resolve_specifiers`]): the instance name and the values only known
    /// at run time stay apart from the text, so that `$` expansion reads
    /// them as text, and the shell quoting leaves them unquoted.
    pub(super) fn spec_tokens(&self, s: &str) -> Vec<Tok> {
        resolve_specifiers(s, &self.unit.name)
    }
}

/// A specifier the conversion does not resolve (`%c`, the unit's control
/// group; `%o`, the OS id; …) stays as written in the job, where it means
/// nothing: reported once per entry.
pub(super) fn unknown_specifiers(c: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for s in &c.unit.sections {
        for e in &s.entries {
            let mut chars = e.value.chars();
            let mut unknown: Vec<char> = Vec::new();
            while let Some(ch) = chars.next() {
                if ch == '%'
                    && let Some(next) = chars.next()
                    && !KNOWN_SPECIFIERS.contains(next)
                    && !unknown.contains(&next)
                {
                    unknown.push(next);
                }
            }
            if !unknown.is_empty() {
                found.push((e.key.clone(), e.value_span, unknown));
            }
        }
    }
    for (key, span, unknown) in found {
        let list: Vec<String> = unknown.iter().map(|u| format!("`%{u}`")).collect();
        c.loss(
            Code::UL702,
            Severity::Warning,
            span,
            format!(
                "{} in `{key}=`: a specifier systemd resolves and the job keeps as text",
                list.join(", ")
            ),
        );
        c.help("write the value it stands for (see systemd.unit(5), \"Specifiers\")");
    }
}

/// A character of a value after specifiers, or a value that stands for a
/// specifier.
pub(super) use crate::convert::systemd_unit::SpecToken as Tok;
use crate::convert::systemd_unit::{KNOWN_SPECIFIERS, resolve_specifiers};

/// A plain value (`Description=`, paths): specifiers resolved, the extra
/// backslash `plain()` adds to a value ending in an odd run removed.
pub(super) fn plain_value(c: &Ctx<'_>, v: &str) -> String {
    let mut s = c.spec(v);
    let run = s.len() - s.trim_end_matches('\\').len();
    if run >= 2 && run.is_multiple_of(2) {
        s.pop();
    }
    s
}
