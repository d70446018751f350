use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::{Tok, basename, commands, lex, tracks_forks};
use crate::ast::{ProcessBody, ProcessKind, RespawnLimit, StanzaKind};
use crate::diag::Code;
use crate::diag::Severity;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags a service whose main process puts its program in the
    /// background: an `exec` line ending in `&` (also `nohup … &`), a script
    /// block whose last command ends in `&`, or `start-stop-daemon
    /// --background` as the `exec` line or the script's last command.
    ///
    /// What upstart does then decides the severity:
    ///
    /// - **error** when the job has `respawn` and `normal exit` does not
    ///   list 0: the shell (or `start-stop-daemon`) exits 0 at once, which
    ///   is not a normal end for a respawning service, so upstart respawns
    ///   the job again and again, starting another copy of the program each
    ///   time, until the respawn limit stops the job as failed (or forever
    ///   with `respawn limit unlimited`).
    /// - **warning** otherwise: upstart sees the main process end at once
    ///   and considers the job finished (`started` and then `stopped`) while
    ///   the program runs on outside its tracking.
    ///
    /// Not flagged:
    /// - a `task`: a task is done when its main process exits, so a helper
    ///   backgrounded at the end of its script (Ubuntu's `mounted-run`
    ///   seeds the motd that way) is left running on purpose;
    /// - a trailing `&` with `expect fork` or `expect daemon`: upstart
    ///   follows the shell's backgrounding fork and tracks the program from
    ///   its `exec` on (fragile, but it works).
    ///
    /// `start-stop-daemon --background` with `expect fork`/`daemon` stays a
    /// warning: whether upstart ends up tracking the program depends on how
    /// many times that `start-stop-daemon` version forks.
    ///
    /// ## Why is this bad?
    /// Upstart supervises the main process itself. Once the shell has
    /// backgrounded the program and exited, `stop`, `stop on` and `status`
    /// no longer reach the program, `respawn` cannot restart it when it
    /// dies, and jobs waiting for `stopped` run while it is still up.
    ///
    /// ## Example
    /// ```text
    /// respawn
    /// exec /usr/bin/app --serve &
    /// ```
    ///
    /// ## Use instead
    /// Run the program in the foreground:
    /// ```text
    /// respawn
    /// exec /usr/bin/app --serve
    /// ```
    /// If it insists on forking, add the matching `expect fork` or `expect
    /// daemon` instead of backgrounding it. A job that only has to launch
    /// something and be done is a `task`.
    code: UL206,
    name: "backgrounded-main",
    severity: Warning,
    default: true,
    summary: "a service's main process ends with `&` or `start-stop-daemon --background`: upstart loses the program (error when it respawns)",
    check: Check::Job(check),
}

/// How the main process backgrounds its program.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// A trailing `&`.
    Ampersand,
    /// `start-stop-daemon --background`.
    StartStopDaemon,
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let r = &ctx.resolved;
    // A task is done when its main process exits: what it leaves running in
    // the background is left on purpose.
    if r.task {
        return;
    }
    // Upstart respawns a service whose main process exits, with status 0
    // too, unless `normal exit` lists that status.
    let respawns = r.respawn && !r.normal_exit.iter().any(|e| e.encoded() == 0);
    // `respawn limit unlimited`, or 0 in either number, disables the limit.
    let until = match r.respawn_limit {
        Some(RespawnLimit::Unlimited { .. }) => "forever (the respawn limit is off)",
        Some(RespawnLimit::Count { count, interval })
            if count.value == 0 || interval.value == 0 =>
        {
            "forever (the respawn limit is off)"
        }
        _ => "until the respawn limit stops it as failed",
    };
    for s in ctx.job().stanzas() {
        let StanzaKind::Process {
            process: ProcessKind::Main,
            body,
        } = &s.kind
        else {
            continue;
        };
        let span = match body {
            ProcessBody::Exec { command, .. } => command.span,
            ProcessBody::Script { body_span, .. } => *body_span,
        };
        let toks = lex(ctx.text(span));
        let at = |t: &Tok| Span::new(span.start + t.start, span.start + t.end);
        let mut end = toks.len();
        while end > 0 && toks[end - 1].op && matches!(toks[end - 1].text.as_str(), "\n" | ";") {
            end -= 1;
        }
        let toks = &toks[..end];
        let found = if let Some(last) = toks.last().filter(|t| t.op && t.text == "&") {
            // With `expect fork`/`daemon` upstart follows the shell's
            // backgrounding fork; the exec after it ends the tracking on
            // the program (fragile, but it works).
            if tracks_forks(r.expect) {
                continue;
            }
            Some((How::Ampersand, at(last)))
        } else {
            commands(toks).last().and_then(|cmd| {
                let is_ssd = cmd
                    .iter()
                    .take(3)
                    .any(|t| basename(&t.unquoted()) == "start-stop-daemon");
                is_ssd
                    .then(|| {
                        cmd.iter()
                            .find(|t| matches!(t.unquoted().as_str(), "--background" | "-b"))
                    })
                    .flatten()
                    .map(|flag| (How::StartStopDaemon, at(flag)))
            })
        };
        let Some((how, at)) = found else { continue };
        report(
            out,
            how,
            at,
            respawns.then_some(until),
            tracks_forks(r.expect),
        );
    }
}

/// `respawns`: how long upstart respawns the job, when it does.
fn report(out: &mut JobFindings, how: How, at: Span, respawns: Option<&str>, tracks_forks: bool) {
    let what = match how {
        How::Ampersand => "`&` lets the shell exit at once",
        How::StartStopDaemon => {
            "`start-stop-daemon --background` detaches the program and exits at once"
        }
    };
    let f = out.add(Code::UL206, at, "Main process put in the background");
    if how == How::StartStopDaemon && tracks_forks {
        f.label(format!(
            "{what}: whether `expect` makes upstart track the program depends on how many times this `start-stop-daemon` forks"
        ))
        .help("exec the program directly in the foreground (with `expect` only if it forks by itself); `start-stop-daemon` duplicates what upstart does");
    } else if let Some(until) = respawns {
        f.label(format!(
            "{what}: upstart respawns the job again and again, starting another copy of the program each time, {until}"
        ))
        .help(match how {
            How::Ampersand => "remove the `&` and run the program in the foreground (use `expect fork`/`daemon` if it forks by itself)",
            How::StartStopDaemon => "exec the program directly in the foreground; `start-stop-daemon` duplicates what upstart does",
        })
        .severity(Severity::Error);
    } else {
        f.label(format!(
            "{what}: upstart considers the job finished while the program runs on untracked; `stop`, `stop on` and `status` do not reach it"
        ))
        .help(match how {
            How::Ampersand => "remove the `&` and run the program in the foreground (use `expect fork`/`daemon` if it forks by itself); a job that only launches it and is done is a `task`",
            How::StartStopDaemon => "exec the program directly in the foreground; `start-stop-daemon` duplicates what upstart does; a job that only launches it and is done is a `task`",
        });
    }
}
