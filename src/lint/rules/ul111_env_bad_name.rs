use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags an `env` or `export` variable name that the shell cannot use: an
    /// empty name, one starting with a digit, or one with characters other
    /// than letters, digits and `_` (`FOO-BAR`, `my.var`, `$FOO`).
    ///
    /// ## Why is this bad?
    /// Upstart puts the variable into the environment anyway, but scripts
    /// cannot read it (`$FOO-BAR` is `$FOO` followed by `-BAR`), and
    /// `export $FOO` exports a variable literally named `$FOO`, which is
    /// never set.
    ///
    /// ## Example
    /// ```text
    /// env LOG-LEVEL=debug
    /// export $PORT
    /// ```
    ///
    /// ## Use instead
    /// Names must match `[A-Za-z_][A-Za-z0-9_]*`:
    /// ```text
    /// env LOG_LEVEL=debug
    /// export PORT
    /// ```
    code: UL111,
    name: "env-bad-name",
    severity: Warning,
    default: true,
    summary: "`env`/`export` variable name not usable by `sh` (`FOO-BAR`, `2FOO`, empty, `$FOO`)",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        match &s.kind {
            StanzaKind::Env { var } if !is_name(&var.key) => {
                out.add(
                    Code::UL111,
                    var.span,
                    "Variable name not usable by the shell",
                )
                .label(if var.key.is_empty() {
                    "the variable name is empty".to_string()
                } else {
                    format!("`{}` is not a shell variable name", var.key)
                })
                .help("names must match `[A-Za-z_][A-Za-z0-9_]*`, e.g. `LOG_LEVEL`");
            }
            StanzaKind::Export { names } => {
                for name in names.iter().filter(|n| !is_name(&n.value)) {
                    let help = if name.value.starts_with('$') {
                        "`export` takes names, not values: write `export PORT`, not `export $PORT`"
                    } else if name.value.contains('=') {
                        "`export` takes names only: set the value with `env NAME=VALUE` and list `NAME` in `export`"
                    } else {
                        "names must match `[A-Za-z_][A-Za-z0-9_]*`"
                    };
                    out.add(
                        Code::UL111,
                        name.span,
                        "Variable name not usable by the shell",
                    )
                    .label(format!("`{}` is not a shell variable name", name.value))
                    .help(help);
                }
            }
            _ => {}
        }
    }
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
