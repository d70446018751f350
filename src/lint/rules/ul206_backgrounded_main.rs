use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::{Tok, basename, commands, lex};
use crate::ast::{ExpectMode, ProcessBody, ProcessKind, StanzaKind};
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags a main process that puts its program in the background: an
    /// `exec` line ending in `&` (also `nohup … &`), a script block whose
    /// last command ends in `&`, or `start-stop-daemon --background` as the
    /// `exec` line or the script's last command. A trailing `&` with `expect
    /// fork` is not flagged: upstart then follows the backgrounding fork to
    /// the program (fragile, but it works).
    ///
    /// ## Why is this bad?
    /// Upstart supervises the main process itself. When the shell
    /// backgrounds the program and exits, upstart sees the main process end
    /// at once: the job goes to `stop` (or respawns in a loop until the
    /// respawn limit), `stop` cannot signal the program, and `status` lies.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/bin/app --serve &
    /// ```
    ///
    /// ## Use instead
    /// Run the program in the foreground:
    /// ```text
    /// exec /usr/bin/app --serve
    /// ```
    /// If it insists on forking, add the matching `expect fork` or `expect
    /// daemon` instead of backgrounding it.
    code: "UL206",
    name: "backgrounded-main",
    severity: Error,
    default: true,
    summary: "main process ends with `&` or `start-stop-daemon --background`: upstart loses it",
    check: Check::Job(check),
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
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
        // With `expect fork` upstart follows the shell's backgrounding fork
        // to the program: fragile, but it works.
        let follows_fork = ctx.resolved.expect == Some(ExpectMode::Fork);
        if let Some(last) = toks
            .last()
            .filter(|t| t.op && t.text == "&" && !follows_fork)
        {
            out.add("UL206", at(last), "Main process put in the background")
                .label("`&` lets the shell exit at once: upstart thinks the job ended and loses the program")
                .help("remove the `&` and run the program in the foreground (use `expect fork`/`daemon` if it forks by itself)");
            continue;
        }
        let cmds = commands(toks);
        let Some(cmd) = cmds.last() else { continue };
        let is_ssd = cmd
            .iter()
            .take(3)
            .any(|t| basename(&t.unquoted()) == "start-stop-daemon");
        if !is_ssd {
            continue;
        }
        if let Some(flag) = cmd
            .iter()
            .find(|t| matches!(t.unquoted().as_str(), "--background" | "-b"))
        {
            out.add("UL206", at(flag), "Main process put in the background")
                .label("`start-stop-daemon --background` detaches the program: upstart sees the main process exit at once")
                .help("exec the program directly in the foreground; `start-stop-daemon` duplicates what upstart does");
        }
    }
}
