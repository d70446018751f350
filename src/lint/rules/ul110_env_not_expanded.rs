use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags an `env` value that contains a variable reference (`$NAME`,
    /// `${NAME}`, `$(command)`) or a backquote.
    ///
    /// ## Why is this bad?
    /// Upstart stores `env` values literally: no variable, command or tilde
    /// expansion happens. `env PATH=$PATH:/opt/bin` sets PATH to the
    /// eleven characters `$PATH:/opt/bin`, after which every command
    /// without a `/` fails to be found.
    ///
    /// ## Example
    /// ```text
    /// env PATH=$PATH:/opt/app/bin
    /// exec app
    /// ```
    ///
    /// ## Use instead
    /// Spell the value out, or build it inside the script where the shell
    /// expands it:
    /// ```text
    /// script
    ///     PATH=$PATH:/opt/app/bin
    ///     exec app
    /// end script
    /// ```
    code: UL110,
    name: "env-not-expanded",
    severity: Warning,
    default: true,
    summary: "`env` value with `$VAR`, `${…}`, `$(…)` or backquotes, which upstart stores literally",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::Env { var } = &s.kind else {
            continue;
        };
        let Some(value) = &var.value else { continue };
        let Some(reference) = reference(value) else {
            continue;
        };
        out.add(Code::UL110, var.span, "`env` values are not expanded")
            .label(format!("`{}` stays literally `{reference}`", var.key))
            .help("upstart stores `env` values as written; set the value inside a script block, where the shell expands it");
    }
}

/// The first expansion in `value`: `$` before a name, `{`, `(` or a digit,
/// or a backquote.
fn reference(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let expands = match c {
            b'`' => true,
            b'$' => b
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || matches!(n, b'_' | b'{' | b'(')),
            _ => false,
        };
        if expands {
            let rest = &value[i..];
            let len = if c == b'`' {
                rest[1..].find('`').map_or(1, |k| k + 2)
            } else if rest.starts_with("${") {
                rest.find('}').map_or(rest.len(), |k| k + 1)
            } else if rest.starts_with("$(") {
                rest.find(')').map_or(rest.len(), |k| k + 1)
            } else {
                1 + rest[1..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                    .unwrap_or(rest.len() - 1)
            };
            return Some(&rest[..len]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_references() {
        assert_eq!(super::reference("$PATH:/x"), Some("$PATH"));
        assert_eq!(super::reference("a${HOME}/b"), Some("${HOME}"));
        assert_eq!(super::reference("`date`x"), Some("`date`"));
        assert_eq!(super::reference("/x.${A:+$A.}y"), Some("${A:+$A.}"));
        assert_eq!(super::reference("5$ off"), None);
        assert_eq!(super::reference("plain"), None);
    }
}
