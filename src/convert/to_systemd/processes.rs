//! The job's processes as `Exec*=` lines, with the pre-start guards that
//! become `Condition…=` settings.

use super::*;

pub(super) fn processes(c: &mut Ctx, r: &Resolved<'_>, has_main: bool) {
    if let Some(p) = r.apparmor_load {
        c.unit.set(
            "Service",
            if has_main {
                "ExecStartPre"
            } else {
                "ExecStart"
            },
            format!("-/sbin/apparmor_parser -r -W {}", exec_word(&p.value)),
        );
    }
    // The directory upstart runs the processes in (relative to a chroot).
    let cwd = r
        .chdir
        .map_or_else(|| "/".to_string(), |d| absolute(&d.value));
    for kind in ProcessKind::ALL {
        let Some(body) = r.processes.get(&kind).copied() else {
            continue;
        };
        let lifted;
        let body = if kind == ProcessKind::PreStart && has_main {
            match lift_guards(c, r, body) {
                Some(None) => continue,
                Some(Some(rest)) => {
                    lifted = rest;
                    &lifted
                }
                None => body,
            }
        } else {
            body
        };
        let line = exec_line_in(body, &cwd);
        let (key, prefix) = exec_key(r, kind, has_main);
        c.unit.set("Service", key, format!("{prefix}{line}"));
        report_upstart_commands(c, body);
        report_ignored_failure(c, kind, key, body);
    }
}

/// The `Exec*=` key of a process and the prefix of its line (`-`: failure
/// ignored). Without a main process the unit is a oneshot that stays
/// active: the start hooks are its start, the stop hooks its stop. systemd
/// refuses a service without ExecStart= or ExecStop=, so a hook that is
/// alone there takes that place.
fn exec_key(r: &Resolved<'_>, kind: ProcessKind, has_main: bool) -> (&'static str, &'static str) {
    let has = |k| r.processes.contains_key(&k);
    match kind {
        ProcessKind::PreStart if has_main => ("ExecStartPre", ""),
        ProcessKind::PreStart | ProcessKind::Main => ("ExecStart", ""),
        ProcessKind::PostStart if has_main || has(ProcessKind::PreStart) => ("ExecStartPost", "-"),
        ProcessKind::PostStart => ("ExecStart", "-"),
        ProcessKind::PreStop => ("ExecStop", "-"),
        ProcessKind::PostStop
            if !has_main && r.processes.len() == 1 && r.apparmor_load.is_none() =>
        {
            ("ExecStop", "")
        }
        ProcessKind::PostStop => ("ExecStopPost", ""),
    }
}

/// upstart's variables, `initctl` and job-control commands in a process
/// (`UL512`): systemd has none of them.
fn report_upstart_commands(c: &mut Ctx, body: &ProcessBody) {
    let text = body_text(body);
    if UPSTART_VARS.iter().any(|v| text.contains(v)) || text.contains("initctl") {
        c.loss(
            Code::UL512,
            Severity::Warning,
            body_span(body),
            "the process uses upstart's variables or initctl",
        )
        .help("UPSTART_* variables are empty and initctl is absent under systemd: rewrite these lines");
    }
    if let Some((cmd, at)) = job_control_command(text) {
        let span = match body {
            ProcessBody::Script {
                body,
                body_span,
                indent,
                ..
            } => script_line_span(*body_span, *indent, body, at),
            ProcessBody::Exec { command, .. } => command.span,
        };
        c.loss(
            Code::UL512,
            Severity::Warning,
            span,
            format!("the process runs upstart's `{cmd}` command, which systemd does not have"),
        )
        .help(format!(
            "under systemd the line fails (command not found); use `systemctl {cmd} UNIT`, or for `stop; exit 0` at the top of pre-start a `TEST || {{ stop; exit 0; }}` guard line, which the conversion turns into a condition"
        ));
    }
}

/// Hooks whose failure the unit ignores with a `-` prefix (`UL504`).
fn report_ignored_failure(c: &mut Ctx, kind: ProcessKind, key: &str, body: &ProcessBody) {
    match kind {
        ProcessKind::PostStart => {
            c.loss(
                Code::UL504,
                Severity::Info,
                body_span(body),
                format!("`post-start` became {key}=- (failure ignored, as in upstart)"),
            );
        }
        ProcessKind::PreStop => {
            c.loss(Code::UL504, Severity::Warning, body_span(body), "`pre-stop` became ExecStop=-")
                .help("systemd runs ExecStop= on every stop, even when the main process already died; upstart ran pre-stop only while it was alive");
        }
        _ => {}
    }
}

/// The text of the line at byte `at` of a script body, in the file. The
/// body lost `indent` bytes of every line but the empty ones (an empty line
/// is assumed empty in the file too); clamped to the block.
pub(super) fn script_line_span(body_span: Span, indent: usize, text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let line = text[at..].split('\n').next().unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let start = (script_line_start(body_span, indent, text, at) + indent + lead).min(body_span.end);
    Span {
        start,
        end: (start + line.trim().len()).min(body_span.end),
    }
}

/// Where the line at byte `at` (a line start) of a script body starts in
/// the file: every non-empty line before it lost `indent` bytes.
pub(super) fn script_line_start(body_span: Span, indent: usize, text: &str, at: usize) -> usize {
    let before = text[..at]
        .split_inclusive('\n')
        .filter(|l| *l != "\n")
        .count();
    (body_span.start + at + indent * before).min(body_span.end)
}

/// The guard lines at the top of a `pre-start` script as `Condition…=` and
/// `ExecCondition=` (see `guard`), each reported. None when there are none;
/// otherwise what is left of the script, if anything.
pub(super) fn lift_guards(
    c: &mut Ctx,
    r: &Resolved<'_>,
    body: &ProcessBody,
) -> Option<Option<ProcessBody>> {
    let ProcessBody::Script {
        body: text,
        body_span,
        indent,
        ..
    } = body
    else {
        return None;
    };
    // Condition…= is checked by PID 1 on the host, as root; upstart ran the
    // test in the job's chroot, as its user.
    let file_tests = r.chroot.is_none() && r.setuid.is_none() && r.setgid.is_none();
    let (guards, rest) = guard::leading_guards(text, file_tests);
    if guards.is_empty() {
        return None;
    }
    let post_stop = r.processes.contains_key(&ProcessKind::PostStop);
    for g in &guards {
        let span = script_line_span(*body_span, *indent, text, g.offset);
        let (what, approximate) = match &g.becomes {
            guard::Becomes::Conditions { keys, approximate } => {
                for (k, v) in keys {
                    c.unit.set("Unit", k, v.clone());
                }
                let list: Vec<String> = keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
                (list.join(" "), *approximate)
            }
            guard::Becomes::Exec(script) => {
                c.unit.set(
                    "Service",
                    "ExecCondition",
                    format!("/bin/sh -ec {}", exec_word(script)),
                );
                ("ExecCondition= (systemd 243 or later)".to_string(), None)
            }
        };
        let mut help = String::from(
            "systemd skips the unit quietly when the condition fails, as `stop; exit 0` did; there is no `stop` command under systemd",
        );
        if let Some(a) = approximate {
            help.push_str("; ");
            help.push_str(a);
        }
        if post_stop {
            help.push_str("; upstart still ran post-stop after such a stop, systemd runs nothing");
        }
        c.loss(
            Code::UL514,
            Severity::Info,
            span,
            format!("pre-start guard `{}` became {what}", g.line),
        )
        .help(help);
    }
    let rest_text = &text[rest..];
    if guard::nothing_left(rest_text) {
        return Some(None);
    }
    Some(Some(ProcessBody::Script {
        body: rest_text.to_string(),
        // The rest starts on a later line of the block.
        body_span: Span {
            start: script_line_start(*body_span, *indent, text, rest),
            end: body_span.end,
        },
        indent: *indent,
        end_comment: None,
    }))
}
