use super::super::config::Dialect;
use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{ProcessKind, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags options that act on processes in a job that has none to act
    /// on. The check uses the job with its `.override` merged and reports
    /// on the `.conf`:
    /// - no process at all (an abstract job): `respawn`, `respawn limit`,
    ///   `expect`, `normal exit`, `kill`, `reload signal`, `console`,
    ///   `limit`, `setuid`, `setgid`, `umask`, `nice`, `oom`, `chroot`,
    ///   `chdir`, `apparmor switch`;
    /// - hooks (`pre-start`, …) but no main `exec`/`script`: the options
    ///   that only concern the main process (`respawn`, `respawn limit`,
    ///   `expect`, `normal exit`, `kill`, `reload signal`, `apparmor
    ///   switch`).
    ///
    /// With `dialect = "chromeos"`, `oom` is not flagged: ChromiumOS requires
    /// it in every job.
    ///
    /// ## Why is this bad?
    /// The options do nothing. Usually the `exec` line was lost or
    /// misspelt (`exce`, or a script block that failed to parse), or the
    /// options were copied from another job.
    ///
    /// ## Example
    /// ```text
    /// start on runlevel [2345]
    /// respawn
    /// ```
    ///
    /// ## Use instead
    /// Add the process, or remove the options:
    /// ```text
    /// start on runlevel [2345]
    /// respawn
    /// exec /usr/sbin/appd
    /// ```
    code: UL211,
    name: "process-options-without-process",
    severity: Warning,
    default: true,
    summary: "`respawn`, `expect`, `kill`, `limit`, `setuid`… in a job without a (main) process",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.is_override || ctx.resolved.main().is_some() {
        return;
    }
    // A job whose process failed to parse is reported by the parser.
    if ctx
        .job()
        .stanzas()
        .any(|s| matches!(&s.kind, StanzaKind::Invalid { .. }))
    {
        return;
    }
    let hooks = ProcessKind::ALL
        .iter()
        .any(|p| ctx.resolved.processes.contains_key(p));
    // ChromiumOS's own job linter wants an `oom` line in every job.
    let chromeos = ctx.config.dialect == Dialect::Chromeos;
    for s in ctx.job().stanzas() {
        if chromeos && matches!(s.kind, StanzaKind::Oom { .. }) {
            continue;
        }
        let flagged =
            s.kind.acts_on_main_process_only() || (!hooks && s.kind.acts_on_every_process());
        if !flagged {
            continue;
        }
        let keyword = s.kind.keyword();
        let label = if hooks {
            format!("`{keyword}` concerns the main process, and this job has none (only hooks)")
        } else {
            format!("`{keyword}` has no effect: the job runs no process at all")
        };
        out.add(
            Code::UL211,
            s.keyword_span,
            "Process option in a job without a process",
        )
        .label(label)
        .help("add the `exec` line or `script` block this option is for, or remove the option");
    }
}
