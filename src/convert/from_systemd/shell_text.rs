//! Commands as `/bin/sh` text for upstart's `exec` and `script`: quoting,
//! the variables systemd expands, `sh -c` bodies taken back out.

use super::*;

/// Characters upstart's `exec` hands to the shell, plus blanks and `#`.
pub(super) fn needs_quote(s: &str) -> bool {
    s.is_empty()
        || s.contains(|ch: char| {
            ch.is_whitespace()
                || ch.is_control()
                || crate::convert::to_systemd::needs_shell(&ch.to_string())
                || ch == '#'
        })
}

pub(super) fn sh_quote(s: &str) -> String {
    if needs_quote(s) {
        single_quoted(s)
    } else {
        s.to_string()
    }
}

/// `'…'` for `/bin/sh`, with `'` and `\` written outside the quotes
/// (`'\''`, `'\\'`): upstart's parser reads a backslash inside quotes as
/// an escape, so `'\'` would leave the quote open.
pub(super) fn single_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for ch in s.chars() {
        match ch {
            '\'' => out.push_str("'\\''"),
            '\\' => out.push_str("'\\\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Whether the argument is or holds `$MAINPID` (also as text a shell
/// expands: systemd sets it in the environment of the commands it runs).
pub(super) fn mentions_mainpid(a: &Arg) -> bool {
    match a {
        Arg::Split(v) => v == "MAINPID",
        Arg::Word(segs) => segs.iter().any(|s| match s {
            Seg::Var(v) => v == "MAINPID",
            Seg::Lit(l) => l.contains("$MAINPID") || l.contains("${MAINPID}"),
            Seg::Run(_) => false,
        }),
        Arg::Dropped(_) => false,
    }
}

/// An argument as `/bin/sh` text; None for a word systemd drops.
pub(super) fn arg_text(arg: &Arg) -> Option<String> {
    let segs = match arg {
        Arg::Word(segs) => segs,
        // Unquoted: the shell splits it at blanks (with `set -f`, see
        // `Ctx::process`) and drops it when it is empty.
        Arg::Split(v) => return Some(format!("${v}")),
        Arg::Dropped(_) => return None,
    };
    Some(
        segs.iter()
            .map(|s| match s {
                Seg::Lit(l) => {
                    if segs.len() == 1 {
                        sh_quote(l)
                    } else if l.is_empty() {
                        String::new()
                    } else {
                        single_quoted(l)
                    }
                }
                Seg::Var(v) => format!("\"${{{v}}}\""),
                Seg::Run(cmd) => format!("\"$({cmd})\""),
            })
            .collect(),
    )
}

pub(super) fn cmd_text(cmd: &Cmd) -> String {
    cmd.argv
        .iter()
        .filter_map(arg_text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a word as the shell code it is (`sh -c BODY`): the
/// variables written `${NAME}`.
pub(super) fn raw_text(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Lit(l) => l.clone(),
            Seg::Var(v) => format!("${{{v}}}"),
            Seg::Run(cmd) => format!("$({cmd})"),
        })
        .collect()
}

/// `sh -c BODY` / `/bin/sh -ec BODY`: the body and whether `-e` was given.
pub(super) fn shell_body(cmd: &Cmd) -> Option<(String, bool)> {
    let [prog, flag, Arg::Word(body)] = cmd.argv.as_slice() else {
        return None;
    };
    if !matches!(prog.lit()?, "/bin/sh" | "sh" | "/usr/bin/sh") {
        return None;
    }
    let e = match flag.lit()? {
        "-ec" | "-ce" => true,
        "-c" => false,
        _ => return None,
    };
    Some((raw_text(body), e))
}

pub(super) fn script(body: String) -> ProcessBody {
    let mut body = body;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    // Upstart strips indentation common to every line unless a line is
    // empty: keep a body's own indentation with a trailing empty line.
    if crate::syntax::script::strip_common_indent(&body) != body {
        body.push('\n');
    }
    ProcessBody::Script {
        body,
        body_span: Span::default(),
        indent: 0,
        end_comment: None,
    }
}

pub(super) fn exec(text: String) -> ProcessBody {
    ProcessBody::Exec {
        command: word(&text),
        written: None,
    }
}
