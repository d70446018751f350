//! One upstart process (`exec` or `script`) for the commands of one
//! `Exec*=` key, with what it cannot carry reported.

use super::*;

impl Ctx<'_> {
    /// One upstart process for `cmds`; `ignore_ok`: upstart ignores this
    /// process's failure anyway (post-start, pre-stop).
    pub(super) fn process(
        &mut self,
        cmds: &[Cmd],
        ignore_ok: bool,
        what: &str,
    ) -> Option<ProcessBody> {
        for cmd in cmds {
            self.report_prefixes(cmd, ignore_ok, what);
        }
        match cmds {
            [] => None,
            [cmd] => Some(self.one_command(cmd, ignore_ok, what)),
            _ => {
                let mut lines: Vec<String> = Vec::new();
                let mut noglob = false;
                for cmd in cmds {
                    if !noglob && !cmd.split_vars().is_empty() {
                        lines.push("set -f".to_string());
                        noglob = true;
                    }
                    lines.push(or_true(cmd, cmd_text(cmd), ignore_ok));
                }
                let span = cmds[0].entry;
                Some(script(self.safe_script(lines.join("\n"), span)))
            }
        }
    }

    /// Report what the Exec prefixes of `cmd` and its `$MAINPID` lose in the
    /// process of `what` (`ignore_ok`: upstart ignores its failure anyway),
    /// and its words ([`Ctx::report_words`]).
    fn report_prefixes(&mut self, cmd: &Cmd, ignore_ok: bool, what: &str) {
        let p = cmd.prefixes;
        if p.argv0 || p.privileged || p.no_setuid {
            self.loss(
                Code::UL701,
                Severity::Warning,
                cmd.entry,
                format!("the Exec prefix `@`, `+` or `!` of {what} has no upstart equivalent"),
            );
            self.help(
                "every process of a job runs with the same setuid/setgid; `exec -a` needs bash",
            );
        }
        if !p.ignore_failure && ignore_ok {
            self.loss(
                Code::UL701,
                Severity::Info,
                cmd.entry,
                format!("upstart ignores the failure of {what}"),
            );
        }
        self.report_words(cmd, what);
        if cmd.argv.iter().any(mentions_mainpid) {
            self.loss(
                Code::UL701,
                Severity::Warning,
                cmd.entry,
                "`$MAINPID` has no upstart equivalent".into(),
            );
            self.help("use pidof or a pid file");
        }
    }

    /// The process of one command: an `sh -c` body as a script (or an
    /// `exec` line when it is one), else the command as an `exec` line, or
    /// a script when the shell must split its variables, ignore its failure
    /// or would read the line otherwise.
    fn one_command(&mut self, cmd: &Cmd, ignore_ok: bool, what: &str) -> ProcessBody {
        if let Some((body, e)) = shell_body(cmd) {
            if !e {
                self.loss(
                    Code::UL701,
                    Severity::Info,
                    cmd.entry,
                    format!("`sh -c` of {what} became a script, run with `sh -e`"),
                );
            }
            let one_line = !body.trim_end_matches('\n').contains('\n');
            if let Some(rest) = body.strip_prefix("exec ")
                && one_line
                && !rest.contains('#')
                && crate::convert::to_systemd::needs_shell(rest)
                && crate::syntax::command_reads_back(rest.trim_end_matches('\n'))
                && (!cmd.prefixes.ignore_failure || ignore_ok)
            {
                return exec(rest.trim_end_matches('\n').to_string());
            }
            let body = if cmd.prefixes.ignore_failure && !ignore_ok {
                format!("( {} ) || true", body.trim_end_matches('\n'))
            } else {
                body
            };
            return script(self.safe_script(body, cmd.entry));
        }
        let text = cmd_text(cmd);
        if !cmd.split_vars().is_empty() {
            // The shell must split `$NAME` but not glob its pieces.
            let line = if cmd.prefixes.ignore_failure && !ignore_ok {
                format!("{text} || true")
            } else {
                format!("exec {text}")
            };
            script(self.safe_script(format!("set -f\n{line}"), cmd.entry))
        } else if cmd.prefixes.ignore_failure && !ignore_ok
            || text.contains(['\n', '\r'])
            || !crate::syntax::command_reads_back(&text)
        {
            let line = or_true(cmd, text, ignore_ok);
            script(self.safe_script(line, cmd.entry))
        } else {
            exec(text)
        }
    }

    /// Report what the shell cannot do exactly as systemd does with the
    /// words of `cmd`: a `$NAME` word whose value may hold quotes or
    /// backslashes (systemd removes them when it splits the value; the
    /// shell does not), and the words systemd drops.
    pub(super) fn report_words(&mut self, cmd: &Cmd, what: &str) {
        // `$MAINPID` is reported as such (`process`).
        for var in cmd.split_vars().into_iter().filter(|v| *v != "MAINPID") {
            let known = if self.env_file {
                None
            } else {
                self.env_value(var).cloned()
            };
            match known {
                Some(v) if !v.contains(['"', '\'', '\\', '\r']) => {}
                Some(v) => {
                    self.loss(
                        Code::UL707,
                        Severity::Warning,
                        cmd.entry,
                        format!(
                            "`${var}` in {what}: systemd removes the quotes and backslashes of its value `{}` when it splits it into words; the shell splits it at blanks only",
                            v.replace(['\n', '\r'], " ")
                        ),
                    );
                    self.help("write the words of the value into the command, or quote it with `${NAME}` if it is one argument");
                }
                None => {
                    self.loss(
                        Code::UL707,
                        Severity::Info,
                        cmd.entry,
                        format!(
                            "`${var}` in {what} is split at blanks by the shell, with globbing off (`set -f`), as systemd splits it; systemd also removes quotes and backslashes in the value, the shell does not"
                        ),
                    );
                    self.help("a value such as `-o \"a b\"` gives systemd the words `-o` and `a b`, and the shell `-o`, `\"a` and `b\"`");
                }
            }
        }
        for a in &cmd.argv {
            if let Arg::Dropped(w) = a {
                self.loss(
                    Code::UL707,
                    Severity::Info,
                    cmd.entry,
                    format!(
                        "the word `{w}` of {what} is left out, as systemd leaves it out: it reads `$` at the start of a word as a variable named by the rest of the word, and no variable has that name"
                    ),
                );
                self.help("in the unit, `${NAME}` followed by text is what substitutes a variable inside a word");
            }
        }
    }

    /// A body with no line that upstart would read as `end script`.
    pub(super) fn safe_script(&mut self, body: String, span: Span) -> String {
        if body.lines().any(|l| l.trim() == "end script") {
            self.loss(
                Code::UL701,
                Severity::Warning,
                span,
                "a line `end script` in the command was rewritten".into(),
            );
            body.lines()
                .map(|l| {
                    if l.trim() == "end script" {
                        format!("{l} ;")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            body
        }
    }

    pub(super) fn cmds(&mut self, key: &str) -> Vec<Cmd> {
        let entries = self.values("Service", key);
        let mut out = Vec::new();
        for e in entries {
            out.extend(parse_exec(self, e));
        }
        out
    }
}

/// The shell line of `cmd`: with `|| true` when systemd ignores its failure
/// (the `-` prefix) and upstart would not.
fn or_true(cmd: &Cmd, line: String, ignore_ok: bool) -> String {
    if cmd.prefixes.ignore_failure && !ignore_ok {
        format!("{line} || true")
    } else {
        line
    }
}
