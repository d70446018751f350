use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::{anchor, is_expect, is_main, process_text, script_flow};
use crate::ast::{ExpectMode, ProcessBody};
use crate::diag::Code;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags `expect fork`, `expect daemon` or `expect stop` when the main
    /// process is a `script` block that does not hand over to its program
    /// cleanly:
    /// - with `fork`/`daemon`: the script runs a child process before its
    ///   final `exec` (any program that is not a shell builtin, a pipe, `&`,
    ///   a `$(…)` substitution — also in the `exec` line's arguments), or it
    ///   never `exec`s its program;
    /// - with `stop`: the script never `exec`s its program, so the shell
    ///   itself never raises SIGSTOP.
    ///
    /// A script that only sets variables, sources files and tests
    /// conditions before `exec PROGRAM` keeps its PID and is fine.
    ///
    /// ## Why is this bad?
    /// Upstart traces the main process and follows its first (`fork`) or
    /// first two (`daemon`) forks. The shell's own forks count: upstart ends
    /// up tracking `mkdir` or `cat` instead of the daemon, declares the job
    /// dead (or respawns it) when that child exits, and `stop` signals the
    /// wrong process or hangs.
    ///
    /// ## Example
    /// ```text
    /// expect daemon
    /// script
    ///     mkdir -p /run/app
    ///     exec /usr/sbin/appd
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// Do the setup in `pre-start` and run the daemon with `exec`:
    /// ```text
    /// expect daemon
    /// pre-start exec mkdir -p /run/app
    /// exec /usr/sbin/appd
    /// ```
    code: UL204,
    name: "expect-with-script",
    severity: Warning,
    default: true,
    summary: "`expect fork|daemon|stop` with a main `script` that forks before (or never reaches) `exec`",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    if ctx.is_override {
        return;
    }
    let Some(mode) = ctx.resolved.expect else {
        return;
    };
    if mode == ExpectMode::None {
        return;
    }
    let Some(main @ ProcessBody::Script { .. }) = ctx.resolved.main() else {
        return;
    };
    // The file text when the script is in this file, so offsets map to it.
    let (text, script_span) = process_text(ctx, main);
    let flow = script_flow(text);
    let at = anchor(ctx.job(), &[&is_expect, &is_main]);
    let (label, related): (String, Option<(Span, String)>) = match (mode, &flow.fork) {
        (ExpectMode::Stop, _) if flow.execs => return,
        (ExpectMode::Stop, _) => (
            "`expect stop` waits for the main process to stop itself, but the script never `exec`s its program".to_string(),
            None,
        ),
        (_, Some((start, end, why))) => (
            format!(
                "`expect {}` follows the shell's forks: upstart will track the wrong process",
                mode.as_str()
            ),
            script_span.map(|b| {
                (
                    Span::new(b.start + start, b.start + end),
                    format!("{why}: upstart tracks this one"),
                )
            }),
        ),
        (_, None) if flow.execs => return,
        (_, None) => (
            format!(
                "`expect {}` with a script that never `exec`s its program: the shell's fork is tracked",
                mode.as_str()
            ),
            None,
        ),
    };
    let f = out.add(Code::UL204, at, "`expect` with a script block");
    f.label(label).help(
        "run the daemon with an `exec` stanza (or end the script with `exec PROGRAM` and nothing that forks before it); put setup in `pre-start`",
    );
    if let Some((span, text)) = related {
        f.related(span, text);
    }
}
