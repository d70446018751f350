//! `Exec*=` lines as systemd runs them: words split and unquoted, `$`
//! expanded at exec time, prefixes read.

use super::*;
use crate::convert::systemd_unit::systemd_word;

/// Split a value (`Environment=`) into words as systemd does: quotes and C
/// escapes as in Exec lines ([`systemd_word`]), but any Unicode blank
/// separates words and an open quote ends the last word.
pub(super) fn split_words(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let (w, next, _) = systemd_word(&chars, i, char::is_whitespace);
        out.push(w);
        i = next;
    }
    out
}

/// A piece of an Exec argument that systemd passes as one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Seg {
    Lit(String),
    /// `${NAME}`, or the instance name: the value, inside this one word.
    Var(String),
    /// A value known only at run time (`%H`): this command's output.
    Run(&'static str),
}

/// One word of an Exec line as systemd expands it at exec time (systemd
/// 252 `replace_env_argv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Arg {
    /// One argument.
    Word(Vec<Seg>),
    /// A word that is exactly `$NAME`: the value split at blanks into zero
    /// or more arguments (none when it is empty or unset).
    Split(String),
    /// A word that starts with `$` but is not `$NAME`, `${…}` or `$$…`
    /// (`$NAME/x`, a lone `$`): systemd looks up a variable named by the
    /// whole rest of the word, which cannot exist, and drops the word.
    Dropped(String),
}

impl Arg {
    /// The argument when it is one literal word.
    pub(super) fn lit(&self) -> Option<&str> {
        match self {
            Arg::Word(segs) => match segs.as_slice() {
                [Seg::Lit(l)] => Some(l),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the argument is the variable `name` alone (`$NAME` or `${NAME}`).
    pub(super) fn is_var(&self, name: &str) -> bool {
        match self {
            Arg::Split(v) => v == name,
            Arg::Word(segs) => matches!(segs.as_slice(), [Seg::Var(v)] if v == name),
            Arg::Dropped(_) => false,
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct Cmd {
    pub(super) prefixes: ExecPrefixes,
    pub(super) argv: Vec<Arg>,
    pub(super) entry: Span,
}

impl Cmd {
    /// The variables of whole-word `$NAME`s, in order, once each.
    pub(super) fn split_vars(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.argv {
            if let Arg::Split(v) = a
                && !out.contains(&v.as_str())
            {
                out.push(v);
            }
        }
        out
    }
}

/// A name systemd accepts for an environment variable (`env_name_is_valid`).
pub(super) fn env_name_ok(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The argument systemd makes of the word `w` (unquoted, before specifiers)
/// at exec time. `literal`: no `$` expansion (the `:` prefix, or the
/// executable itself, which systemd runs as written).
pub(super) fn arg(c: &Ctx<'_>, w: &str, literal: bool) -> Arg {
    let toks = c.spec_tokens(w);
    if literal {
        return Arg::Word(pieces(toks.iter().copied(), &c.instance_var()));
    }
    // A word `$NAME`: the variable split into words (not `${…}`, not `$$…`).
    if toks.first() == Some(&Tok::Ch('$')) && !matches!(toks.get(1), Some(Tok::Ch('{' | '$'))) {
        let name: Option<String> = toks[1..]
            .iter()
            .map(|t| match t {
                Tok::Ch(ch) => Some(*ch),
                _ => None,
            })
            .collect();
        return match name {
            Some(n) if env_name_ok(&n) => Arg::Split(n),
            _ => Arg::Dropped(c.spec(w)),
        };
    }
    Arg::Word(expand_braces(&toks, &c.instance_var()))
}

/// systemd's `replace_env` without flags: `${NAME}` is replaced by the
/// value (nothing when unset, and nothing for a name no variable can have),
/// `$$` is `$`, anything else, `$NAME` and `${NAME:-x}` included, is
/// literal text.
pub(super) fn expand_braces(toks: &[Tok], inst: &str) -> Vec<Seg> {
    let mut out: Vec<Tok> = Vec::new();
    let mut segs: Vec<Seg> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] != Tok::Ch('$') {
            out.push(toks[i]);
            i += 1;
            continue;
        }
        match toks.get(i + 1) {
            Some(Tok::Ch('$')) => {
                out.push(Tok::Ch('$'));
                i += 2;
            }
            Some(Tok::Ch('{')) => {
                // Up to `}`; a `:` first (`${A:-x}`) or no `}` leaves the
                // text as it is.
                let end = toks[i + 2..]
                    .iter()
                    .position(|t| matches!(t, Tok::Ch('}' | ':')))
                    .map(|p| i + 2 + p);
                match end {
                    Some(e) if toks[e] == Tok::Ch('}') => {
                        let name: Option<String> = toks[i + 2..e]
                            .iter()
                            .map(|t| match t {
                                Tok::Ch(ch) => Some(*ch),
                                _ => None,
                            })
                            .collect();
                        if let Some(n) = name.filter(|n| env_name_ok(n)) {
                            segs.extend(pieces(out.drain(..), inst));
                            segs.push(Seg::Var(n));
                        }
                        i = e + 1;
                    }
                    // systemd reads no `$` up to the `:` or the end.
                    Some(e) => {
                        out.extend_from_slice(&toks[i..=e]);
                        i = e + 1;
                    }
                    None => {
                        out.extend_from_slice(&toks[i..]);
                        i = toks.len();
                    }
                }
            }
            _ => {
                out.push(Tok::Ch('$'));
                i += 1;
            }
        }
    }
    segs.extend(pieces(out.drain(..), inst));
    if segs.is_empty() {
        segs.push(Seg::Lit(String::new()));
    }
    segs
}

/// Tokens as pieces of one word: runs of text, the instance, run-time values.
pub(super) fn pieces(toks: impl Iterator<Item = Tok>, inst: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut lit = String::new();
    for t in toks {
        match t {
            Tok::Ch(ch) => lit.push(ch),
            Tok::Inst | Tok::Run(_) => {
                if !lit.is_empty() {
                    out.push(Seg::Lit(std::mem::take(&mut lit)));
                }
                out.push(match t {
                    Tok::Run(cmd) => Seg::Run(cmd),
                    _ => Seg::Var(inst.to_string()),
                });
            }
        }
    }
    if !lit.is_empty() {
        out.push(Seg::Lit(lit));
    }
    out
}

/// Parse an `Exec*=` value into commands with [`crate::convert::systemd_unit::parse_exec`];
/// with the `@` prefix the `argv[0]` name is dropped (reported by
/// [`Ctx::process`]). A line systemd refuses is reported (`UL706`).
pub(super) fn parse_exec(c: &mut Ctx<'_>, e: &Entry) -> Vec<Cmd> {
    match crate::convert::systemd_unit::parse_exec(&e.value) {
        Ok(cmds) => cmds
            .into_iter()
            .filter(|cmd| !cmd.argv.is_empty())
            .map(|cmd| {
                let mut argv = cmd.argv;
                if cmd.prefixes.argv0 && argv.len() > 1 {
                    argv.remove(1);
                }
                Cmd {
                    prefixes: cmd.prefixes,
                    argv: argv
                        .iter()
                        .enumerate()
                        .map(|(i, w)| arg(c, w, i == 0 || cmd.prefixes.no_env))
                        .collect(),
                    entry: e.value_span,
                }
            })
            .collect(),
        Err(m) => {
            c.loss(
                Code::UL706,
                Severity::Warning,
                e.value_span,
                format!("`{}=` is invalid and not converted: {m}", e.key),
            );
            Vec::new()
        }
    }
}
