use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `chdir`, `chroot` or `apparmor load` path that does not start
    /// with `/`.
    ///
    /// ## Why is this bad?
    /// Upstart does not expand or resolve these values: a relative path is
    /// taken relative to init's working directory (`/`), and a `$VAR` stays
    /// literal. The job then fails to start ("unable to change working
    /// directory", "unable to change root directory") or loads the wrong
    /// AppArmor profile.
    ///
    /// ## Example
    /// ```text
    /// chdir srv/app
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// chdir /srv/app
    /// ```
    code: UL112,
    name: "relative-path",
    severity: Warning,
    default: true,
    summary: "relative `chdir`, `chroot` or `apparmor load` path",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let (word, what) = match &s.kind {
            StanzaKind::Chdir { dir } => (dir, "chdir"),
            StanzaKind::Chroot { dir } => (dir, "chroot"),
            StanzaKind::ApparmorLoad { profile } => (profile, "apparmor load"),
            _ => continue,
        };
        if word.value.starts_with('/') {
            continue;
        }
        let why = if word.value.starts_with('$') || word.value.starts_with('~') {
            "upstart does not expand variables or `~` here"
        } else {
            "a relative path is resolved against init's working directory, `/`"
        };
        out.add(
            Code::UL112,
            word.span,
            format!("`{what}` needs an absolute path"),
        )
        .label(format!("`{}` is not absolute: {why}", word.value))
        .help("write the full path, starting with `/`");
    }
}
