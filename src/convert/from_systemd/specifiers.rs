//! systemd's specifiers (`%i`, `%n`, `%H`…) in the values of a unit, as
//! the job writes them: known text, the instance variable, or a command
//! whose output systemd would have used.

use super::*;

impl Ctx<'_> {
    /// Resolve specifiers (A.7.3) in `s`: the instance becomes `$VAR`, the
    /// run-time ones a command substitution (`$(hostname)`).
    pub(super) fn spec(&self, s: &str) -> String {
        let inst = self.instance_var();
        self.spec_tokens(s)
            .iter()
            .map(|t| match t {
                Tok::Ch(c) => c.to_string(),
                Tok::Inst => format!("${inst}"),
                Tok::Run(cmd) => format!("$({cmd})"),
            })
            .collect()
    }

    /// The instance variable's name (`INSTANCE` outside a template).
    pub(super) fn instance_var(&self) -> String {
        self.instance
            .clone()
            .unwrap_or_else(|| "INSTANCE".to_string())
    }

    /// `s` with its specifiers resolved (A.7.3), as tokens: the instance
    /// name and the values only known at run time stay apart from the text,
    /// so that `$` expansion (which systemd does after specifiers) reads
    /// them as text, and the shell quoting leaves them unquoted.
    pub(super) fn spec_tokens(&self, s: &str) -> Vec<Tok> {
        let name = &self.unit.name;
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(a, _)| a);
        let prefix = stem.split_once('@').map_or(stem, |(p, _)| p);
        // An instance's own unit file (`getty@tty1.service`): its instance
        // is known text, not a variable.
        let own = stem
            .split_once('@')
            .map(|(_, i)| i)
            .filter(|i| !i.is_empty());
        let mut out = Vec::new();
        let text = |out: &mut Vec<Tok>, t: &str| out.extend(t.chars().map(Tok::Ch));
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(Tok::Ch(c));
                continue;
            }
            match chars.next() {
                Some('%') | None => out.push(Tok::Ch('%')),
                Some('i') if own.is_some() => text(&mut out, own.unwrap_or_default()),
                Some('I') if own.is_some() => text(
                    &mut out,
                    &crate::convert::systemd_unit::unescape_unit_part(own.unwrap_or_default()),
                ),
                Some('i' | 'I') => out.push(Tok::Inst),
                Some('n') => text(&mut out, name),
                Some('N') => text(&mut out, stem),
                Some('p' | 'P' | 'j' | 'J') => text(&mut out, prefix),
                Some('f') if own.is_some() => {
                    let part = crate::convert::systemd_unit::unescape_unit_part(own.unwrap_or_default());
                    if !part.starts_with('/') {
                        out.push(Tok::Ch('/'));
                    }
                    text(&mut out, &part);
                }
                Some('f') => {
                    out.push(Tok::Ch('/'));
                    out.push(Tok::Inst);
                }
                Some('t') => text(&mut out, "/run"),
                Some('S') => text(&mut out, "/var/lib"),
                Some('C') => text(&mut out, "/var/cache"),
                Some('L') => text(&mut out, "/var/log"),
                Some('E') => text(&mut out, "/etc"),
                Some('T') => text(&mut out, "/tmp"),
                Some('V') => text(&mut out, "/var/tmp"),
                Some('u' | 'g') => text(&mut out, "root"),
                Some('U' | 'G') => out.push(Tok::Ch('0')),
                Some('h') => text(&mut out, "/root"),
                Some('s') => text(&mut out, "/bin/sh"),
                Some('H') => out.push(Tok::Run("hostname")),
                Some('l') => out.push(Tok::Run("hostname -s")),
                Some('m') => out.push(Tok::Run("cat /etc/machine-id")),
                Some('b') => out.push(Tok::Run("cat /proc/sys/kernel/random/boot_id")),
                Some('v') => out.push(Tok::Run("uname -r")),
                Some(other) => {
                    out.push(Tok::Ch('%'));
                    out.push(Tok::Ch(other));
                }
            }
        }
        out
    }
}

/// The specifiers [`Ctx::spec_tokens`] resolves.
pub(super) const KNOWN_SPECIFIERS: &str = "%iInNpPjJftSCLETVuUgGhsHlmbv";

/// A specifier the conversion does not resolve (`%c`, the unit's control
/// group; `%o`, the OS id; …) stays as written in the job, where it means
/// nothing: reported once per entry.
pub(super) fn unknown_specifiers(c: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for s in &c.unit.sections {
        for e in &s.entries {
            let mut chars = e.value.chars();
            let mut unknown: Vec<char> = Vec::new();
            while let Some(ch) = chars.next() {
                if ch == '%'
                    && let Some(next) = chars.next()
                    && !KNOWN_SPECIFIERS.contains(next)
                    && !unknown.contains(&next)
                {
                    unknown.push(next);
                }
            }
            if !unknown.is_empty() {
                found.push((e.key.clone(), e.value_span, unknown));
            }
        }
    }
    for (key, span, unknown) in found {
        let list: Vec<String> = unknown.iter().map(|u| format!("`%{u}`")).collect();
        c.loss(
            Code::UL702,
            Severity::Warning,
            span,
            format!(
                "{} in `{key}=`: a specifier systemd resolves and the job keeps as text",
                list.join(", ")
            ),
        );
        c.help("write the value it stands for (see systemd.unit(5), \"Specifiers\")");
    }
}

/// A character of a value after specifiers, or a value that stands for a
/// specifier (see [`Ctx::spec_tokens`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    Ch(char),
    /// `%i`/`%I`: the instance name (the instance variable in upstart).
    Inst,
    /// A value known only at run time: the output of this command.
    Run(&'static str),
}

/// A plain value (`Description=`, paths): specifiers resolved, the extra
/// backslash `plain()` adds to a value ending in an odd run removed.
pub(super) fn plain_value(c: &Ctx<'_>, v: &str) -> String {
    let mut s = c.spec(v);
    let run = s.len() - s.trim_end_matches('\\').len();
    if run >= 2 && run.is_multiple_of(2) {
        s.pop();
    }
    s
}
