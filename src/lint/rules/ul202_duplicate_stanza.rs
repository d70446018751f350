use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{Stanza, StanzaKind};
use crate::diag::Code;
use std::collections::BTreeMap;

rule! {
    /// ## What it does
    /// Flags a single-valued stanza written twice in one file: `start on`,
    /// `stop on`, `description`, `author`, `version`, `usage`, `instance`,
    /// `expect`, `console`, `umask`, `nice`, `oom` (both forms share one
    /// value), `kill timeout`, `kill signal`, `reload signal`, `respawn
    /// limit`, `chroot`, `chdir`, `setuid`, `setgid`, `apparmor load`,
    /// `apparmor switch`. Repeated flags (`task`, `respawn`, `debug`) are
    /// reported as identical repeats.
    ///
    /// Processes are UL201; `env` names and `limit` resources are UL203;
    /// `env`, `export`, `emits` and `normal exit` accumulate and are never
    /// duplicates. An `.override` repeating a stanza of its `.conf` is how
    /// overrides work and is not flagged.
    ///
    /// ## Why is this bad?
    /// The last one wins and the earlier one is ignored without a word. With
    /// `start on` this typically means that a condition someone added is not
    /// in effect at all. An identical repeat is harmless but still noise.
    ///
    /// ## Example
    /// From a real template:
    /// ```text
    /// start on runlevel [2345]
    /// start on (started networking)
    /// ```
    ///
    /// ## Use instead
    /// Combine the conditions in one stanza:
    /// ```text
    /// start on (runlevel [2345] and started networking)
    /// ```
    code: UL202,
    name: "duplicate-stanza",
    severity: Warning,
    default: true,
    summary: "single-valued stanza written twice in a file: the last one silently wins",
    check: Check::Job(check),
}

/// The key under which repeats replace each other, for single-valued stanzas.
fn slot(kind: &StanzaKind) -> Option<&'static str> {
    Some(match kind {
        StanzaKind::Instance { .. } => "instance",
        StanzaKind::Description { .. } => "description",
        StanzaKind::Author { .. } => "author",
        StanzaKind::Version { .. } => "version",
        StanzaKind::Usage { .. } => "usage",
        StanzaKind::StartOn { .. } => "start on",
        StanzaKind::StopOn { .. } => "stop on",
        StanzaKind::Expect { .. } => "expect",
        StanzaKind::KillTimeout { .. } => "kill timeout",
        StanzaKind::KillSignal { .. } => "kill signal",
        StanzaKind::ReloadSignal { .. } => "reload signal",
        StanzaKind::RespawnLimit { .. } => "respawn limit",
        StanzaKind::Console { .. } => "console",
        StanzaKind::Umask { .. } => "umask",
        StanzaKind::Nice { .. } => "nice",
        StanzaKind::Oom { .. } => "oom",
        StanzaKind::Chroot { .. } => "chroot",
        StanzaKind::Chdir { .. } => "chdir",
        StanzaKind::Setuid { .. } => "setuid",
        StanzaKind::Setgid { .. } => "setgid",
        StanzaKind::ApparmorLoad { .. } => "apparmor load",
        StanzaKind::ApparmorSwitch { .. } => "apparmor switch",
        StanzaKind::Task => "task",
        StanzaKind::Respawn => "respawn",
        StanzaKind::Debug => "debug",
        _ => return None,
    })
}

/// The stanza's text with blanks and continuations collapsed, to tell an
/// identical repeat from a different value.
fn normalized(ctx: &JobCtx<'_>, s: &Stanza) -> String {
    ctx.text(s.span)
        .replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let mut seen: BTreeMap<&'static str, &Stanza> = BTreeMap::new();
    for s in ctx.job().stanzas() {
        let Some(key) = slot(&s.kind) else { continue };
        let Some(first) = seen.insert(key, s) else {
            continue;
        };
        let line = ctx.source().line_col(first.span.start).0;
        let flag = matches!(
            s.kind,
            StanzaKind::Task | StanzaKind::Respawn | StanzaKind::Debug
        );
        if flag || normalized(ctx, s) == normalized(ctx, first) {
            out.add(Code::UL202, s.keyword_span, format!("`{key}` repeated"))
                .label(format!(
                    "identical to line {line}: harmless, but one is enough"
                ))
                .related(first.keyword_span, "first written here")
                .help("remove one of them");
        } else {
            let help = if matches!(
                s.kind,
                StanzaKind::StartOn { .. } | StanzaKind::StopOn { .. }
            ) {
                format!("combine the conditions in one `{key}` with `and`/`or`")
            } else {
                "keep only the value you mean".to_string()
            };
            out.add(
                Code::UL202,
                s.keyword_span,
                format!("`{key}` given twice: the last one wins"),
            )
            .label(format!("this replaces the `{key}` of line {line}"))
            .related(first.keyword_span, "first written here, ignored")
            .help(help);
        }
    }
}
