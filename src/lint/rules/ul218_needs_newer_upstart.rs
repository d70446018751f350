use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ConsoleMode, Oom, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags stanzas that the upstart release given as `target-version` (in
    /// `.upstart-lint.toml`, or `--target-version`) does not know yet:
    ///
    /// | Stanza | Since |
    /// |---|---|
    /// | `manual`, `debug` | 0.6.7 |
    /// | `kill signal`, `oom score` | 1.3 |
    /// | `setuid`, `setgid`, `console log` | 1.4 |
    /// | `usage` | 1.5 |
    /// | `apparmor load`, `apparmor switch` | 1.9 |
    /// | `reload signal` | 1.10 |
    /// | `cgroup` | 1.13 |
    ///
    /// The default target is 1.13, where nothing is reported. Ubuntu 12.04
    /// shipped 1.5, 10.04 shipped 0.6.5.
    ///
    /// ## Why is this bad?
    /// An older upstart rejects the whole job file ("Unknown stanza"), so
    /// the job silently does not exist on those systems.
    ///
    /// ## Example
    /// With `target-version = "1.3"`:
    /// ```text
    /// setuid app
    /// exec /usr/bin/app
    /// ```
    ///
    /// ## Use instead
    /// Switch users in the command instead:
    /// ```text
    /// exec start-stop-daemon --start --chuid app --exec /usr/bin/app
    /// ```
    code: UL218,
    name: "needs-newer-upstart",
    severity: Warning,
    default: true,
    summary: "stanza newer than the configured `target-version` (e.g. `setuid` needs 1.4)",
    check: Check::Job(check),
}

/// The release that introduced a stanza, for those newer than 0.6.
fn since(kind: &StanzaKind) -> Option<(&'static [u32], &'static str)> {
    Some(match kind {
        StanzaKind::Manual => (&[0, 6, 7], "manual"),
        StanzaKind::Debug => (&[0, 6, 7], "debug"),
        StanzaKind::KillSignal { .. } => (&[1, 3], "kill signal"),
        StanzaKind::Oom { oom } if matches!(oom.value, Oom::Score { .. } | Oom::ScoreNever) => {
            (&[1, 3], "oom score")
        }
        StanzaKind::Setuid { .. } => (&[1, 4], "setuid"),
        StanzaKind::Setgid { .. } => (&[1, 4], "setgid"),
        StanzaKind::Console { mode } if mode.value == ConsoleMode::Log => (&[1, 4], "console log"),
        StanzaKind::Usage { .. } => (&[1, 5], "usage"),
        StanzaKind::ApparmorLoad { .. } => (&[1, 9], "apparmor load"),
        StanzaKind::ApparmorSwitch { .. } => (&[1, 9], "apparmor switch"),
        StanzaKind::ReloadSignal { .. } => (&[1, 10], "reload signal"),
        StanzaKind::Cgroup { .. } => (&[1, 13], "cgroup"),
        _ => return None,
    })
}

fn version(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let target = &ctx.config.target_version;
    for s in ctx.job().stanzas() {
        let Some((needed, what)) = since(&s.kind) else {
            continue;
        };
        if target.as_slice() >= needed {
            continue;
        }
        let help = match what {
            "setuid" | "setgid" => "drop it and switch users in the command (`start-stop-daemon --chuid`, `su -s /bin/sh -c`), or raise `target-version`".to_string(),
            "console log" => "use `console output` or redirect the output in a script, or raise `target-version`".to_string(),
            _ => format!("remove `{what}` for upstart {}, or raise `target-version`", version(target)),
        };
        out.add(
            Code::UL218,
            s.span,
            format!("`{what}` needs upstart {}", version(needed)),
        )
        .label(format!(
            "`{what}` appeared in upstart {}; upstart {} rejects the whole job",
            version(needed),
            version(target)
        ))
        .help(help);
    }
}
