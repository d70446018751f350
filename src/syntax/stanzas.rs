//! One handler per stanza family: each reads the stanza's arguments after
//! its keyword, as the matching `stanza_*` function of init/parse_job.c
//! does, and returns the stanza or the error upstart would report.

use super::error::{ErrorKind, ParseError};
use super::lexer::expected_token;
use super::values::{Number, c_int, c_uint, signal_from_name, strtol, strtoul};
use super::{
    Handled, Parser, did_you_mean, event, seconds, show, unknown_sub, unknown_value,
    written_negative,
};
use crate::ast::{
    ConsoleMode, EnvVar, ExitStatus, ExpectMode, Oom, ProcessKind, Resource, RespawnLimit, Signal,
    Spanned, StanzaKind,
};
use crate::facts::stanzas::{REMOVED, STANZAS};
use crate::source::Span;
use compact_str::CompactString;

impl Parser<'_> {
    /// `env KEY[=VALUE]`
    pub(super) fn stanza_env(&mut self) -> Handled {
        // Split from the token's text (borrowed from the source unless
        // dequoting changed it): key and value are each made once.
        let tok = self.cur.next_arg()?;
        self.last_end = tok.span.end;
        let text = tok.str();
        // `=` is ASCII: a byte search, and the split lies on a char boundary.
        let var = match text.bytes().position(|b| b == b'=') {
            Some(eq) => EnvVar {
                key: CompactString::new(&text[..eq]),
                value: Some(CompactString::new(&text[eq + 1..])),
                span: tok.span,
            },
            None => EnvVar {
                key: CompactString::new(&text),
                value: None,
                span: tok.span,
            },
        };
        let comment = self.end()?;
        Ok((StanzaKind::Env { var }, comment))
    }

    /// `start on EXPR` / `stop on EXPR`
    pub(super) fn stanza_on(&mut self, name: &str) -> Handled {
        let sub = self.raw()?;
        if *sub.value != *b"on" {
            let mut err = unknown_sub(&sub, &format!("`{name}` must be followed by `on`"));
            if *sub.value == *b"script" {
                err = err.help(if name == "start" {
                    "`start script` was renamed `pre-start script` in 0.3.5"
                } else {
                    "`stop script` was renamed `post-stop script` in 0.3.5"
                });
            } else {
                err = err.help(format!("write `{name} on EVENT`"));
            }
            return Err(err);
        }
        if !self.cur.has_token() {
            return Err(expected_token(self.cur.pos).help(format!(
                "`{name} on` needs an event, e.g. `{name} on runlevel [2345]`"
            )));
        }
        let (on, comment, end) = event::parse_on(&mut self.cur)?;
        self.last_end = end;
        Ok((
            if name == "start" {
                StanzaKind::StartOn { on: Box::new(on) }
            } else {
                StanzaKind::StopOn { on: Box::new(on) }
            },
            comment,
        ))
    }

    /// `pre-start`, `post-start`, `pre-stop`, `post-stop`: `exec COMMAND` or a `script` block
    pub(super) fn stanza_hook(&mut self, name: &str, kw: Span) -> Handled {
        let process = match name {
            "pre-start" => ProcessKind::PreStart,
            "post-start" => ProcessKind::PostStart,
            "pre-stop" => ProcessKind::PreStop,
            _ => ProcessKind::PostStop,
        };
        let sub = self.raw().map_err(|e| {
            e.help(format!(
                "write `{name} exec COMMAND` or a `{name} script` … `end script` block"
            ))
        })?;
        match &*sub.value {
            b"exec" => self.exec(process),
            b"script" => self.script(process, kw.to(sub.span)),
            _ => Err(
                unknown_sub(&sub, &format!("`{name}` takes `exec COMMAND` or `script`")).help(
                    format!(
                        "write `{name} exec COMMAND` or a `{name} script` … `end script` block"
                    ),
                ),
            ),
        }
    }

    /// `expect stop|daemon|fork|none`
    pub(super) fn stanza_expect(&mut self) -> Handled {
        let tok = self.arg()?;
        let mode = match tok.value.as_str() {
            "stop" => ExpectMode::Stop,
            "daemon" => ExpectMode::Daemon,
            "fork" => ExpectMode::Fork,
            "none" => ExpectMode::None,
            _ => {
                return Err(unknown_value(
                    &tok,
                    "`expect` takes `fork`, `daemon`, `stop` or `none`",
                ));
            }
        };
        let comment = self.end()?;
        Ok((
            StanzaKind::Expect {
                mode: Spanned::new(mode, tok.span),
            },
            comment,
        ))
    }

    /// `respawn` and `respawn limit COUNT INTERVAL|unlimited` (the count is kept in a C int)
    pub(super) fn stanza_respawn(&mut self) -> Handled {
        if !self.cur.has_token() {
            return self.flag(StanzaKind::Respawn);
        }
        let sub = self.raw()?;
        if *sub.value != *b"limit" {
            if did_you_mean(&sub.str(), &["limit"]).is_some() {
                return Err(unknown_sub(
                    &sub,
                    "`respawn` takes no argument or `limit COUNT SECONDS`",
                )
                .help("did you mean `limit`?"));
            }
            return Err(ParseError::new(
                ErrorKind::RemovedStanza,
                sub.span,
                "`respawn COMMAND` was removed in 0.3.7",
            )
            .help("write `respawn` on its own line and `exec COMMAND` on another"));
        }
        let count = self.arg()?;
        if count.value == "unlimited" {
            let comment = self.end()?;
            return Ok((
                StanzaKind::RespawnLimit {
                    limit: RespawnLimit::Unlimited { span: count.span },
                },
                comment,
            ));
        }
        // Read as a `long`, kept in an `int`, then checked.
        let written = match strtol(&count.value, 10) {
            Number::Ok(n) => Some(n),
            _ => None,
        };
        let stored = written.map(c_int);
        let count_value = match (written, stored) {
            (Some(n), Some(stored)) if stored >= 0 => {
                if i128::from(stored) != n {
                    self.wrapped(
                        count.span,
                        stored,
                        if stored == 0 {
                            "the count is kept in a 32-bit C int, and 0 means no limit"
                        } else {
                            "the count is kept in a 32-bit C int"
                        },
                    );
                }
                u64::from(stored.unsigned_abs())
            }
            (Some(n), Some(stored)) if n >= 0 => {
                return Err(ParseError::new(
                    ErrorKind::IllegalRespawnCount,
                    count.span,
                    format!(
                        "`{}` wraps to {stored} in upstart's 32-bit count",
                        show(&count.value)
                    ),
                )
                .help("write a count below 2147483648, e.g. `respawn limit 10 5`, or `respawn limit unlimited`"));
            }
            _ => {
                return Err(ParseError::new(
                    ErrorKind::IllegalRespawnCount,
                    count.span,
                    "the respawn count must be a whole number ≥ 0",
                )
                .help("write `respawn limit COUNT SECONDS`, e.g. `respawn limit 10 5`, or `respawn limit unlimited`"));
            }
        };
        let interval = self.arg().map_err(|e| {
            e.help("`respawn limit` takes a count and an interval in seconds: `respawn limit 10 5`")
        })?;
        let interval_value = seconds(&interval)?;
        let comment = self.end()?;
        Ok((
            StanzaKind::RespawnLimit {
                limit: RespawnLimit::Count {
                    count: Spanned::new(count_value, count.span),
                    interval: Spanned::new(interval_value, interval.span),
                },
            },
            comment,
        ))
    }

    /// `kill timeout SECONDS` / `kill signal SIGNAL`
    pub(super) fn stanza_kill(&mut self) -> Handled {
        let sub = self.raw()?;
        match &*sub.value {
            b"timeout" => {
                let tok = self.arg()?;
                let secs = seconds(&tok)?;
                let comment = self.end()?;
                Ok((
                    StanzaKind::KillTimeout {
                        seconds: Spanned::new(secs, tok.span),
                    },
                    comment,
                ))
            }
            b"signal" => {
                let tok = self.arg()?;
                let signal = self.signal(&tok)?;
                let comment = self.end()?;
                Ok((StanzaKind::KillSignal { signal }, comment))
            }
            _ => Err(
                unknown_sub(&sub, "`kill` takes `timeout SECONDS` or `signal SIGNAL`")
                    .help("write `kill timeout 5` or `kill signal TERM`"),
            ),
        }
    }

    /// `reload signal SIGNAL`
    pub(super) fn stanza_reload(&mut self) -> Handled {
        let sub = self.raw()?;
        if *sub.value != *b"signal" {
            return Err(unknown_sub(&sub, "`reload` takes `signal SIGNAL`")
                .help("write `reload signal HUP`"));
        }
        let tok = self.arg()?;
        let signal = self.signal(&tok)?;
        let comment = self.end()?;
        Ok((StanzaKind::ReloadSignal { signal }, comment))
    }

    /// `normal exit STATUS...`
    pub(super) fn stanza_normal(&mut self) -> Handled {
        let sub = self.raw()?;
        if *sub.value != *b"exit" {
            return Err(unknown_sub(&sub, "`normal` takes `exit CODE...`")
                .help("write `normal exit 0 TERM`"));
        }
        if !self.cur.has_token() {
            return Err(expected_token(self.cur.pos)
                .help("list exit codes or signal names: `normal exit 0 1 TERM`"));
        }
        let mut statuses = Vec::new();
        while self.cur.has_token() {
            let tok = self.arg()?;
            if let Some(number) = signal_from_name(&tok.value) {
                statuses.push(ExitStatus::Signal {
                    signal: Signal {
                        name: Some(tok.value),
                        number,
                        span: tok.span,
                    },
                });
                continue;
            }
            match strtoul(&tok.value, 10) {
                Number::Ok(n) if n <= i128::from(i32::MAX) => {
                    if written_negative(&tok.value) && n != 0 {
                        self.wrapped(
                            tok.span,
                            n,
                            "upstart reads it as an unsigned number, where a minus sign wraps around",
                        );
                    }
                    statuses.push(ExitStatus::Code {
                        code: i64::try_from(n).unwrap_or(0),
                        span: tok.span,
                    });
                }
                _ => {
                    return Err(ParseError::new(
                        ErrorKind::IllegalExitStatus,
                        tok.span,
                        format!(
                            "`{}` is neither an exit code nor a signal name",
                            show(&tok.value)
                        ),
                    )
                    .help(
                        "use a number from 0 to 255 or an upper-case signal name such as `TERM`",
                    ));
                }
            }
        }
        let comment = self.end()?;
        Ok((StanzaKind::NormalExit { statuses }, comment))
    }

    /// `console none|output|owner|log`
    pub(super) fn stanza_console(&mut self) -> Handled {
        let tok = self.arg()?;
        let mode = match tok.value.as_str() {
            "none" => ConsoleMode::None,
            "output" => ConsoleMode::Output,
            "owner" => ConsoleMode::Owner,
            "log" => ConsoleMode::Log,
            "logged" => {
                return Err(unknown_value(&tok, "`console logged` was removed in 0.5.0")
                    .help("use `console log` (upstart ≥ 1.4) or `console output`"));
            }
            _ => {
                return Err(unknown_value(
                    &tok,
                    "`console` takes `log`, `output`, `owner` or `none`",
                ));
            }
        };
        let comment = self.end()?;
        Ok((
            StanzaKind::Console {
                mode: Spanned::new(mode, tok.span),
            },
            comment,
        ))
    }

    /// `umask OCTAL` (kept in a 32-bit `mode_t`)
    pub(super) fn stanza_umask(&mut self) -> Handled {
        let tok = self.arg()?;
        // Read as an unsigned long, kept in a 32-bit mode_t, then checked.
        let mask = match strtoul(&tok.value, 8) {
            Number::Ok(n) if c_uint(n) & !0o777 == 0 => {
                let stored = c_uint(n);
                if i128::from(stored) != n {
                    self.wrapped(
                        tok.span,
                        format!("{stored:03o}"),
                        "the mask is kept in a 32-bit mode_t",
                    );
                }
                stored
            }
            _ => {
                return Err(ParseError::new(
                    ErrorKind::IllegalUmask,
                    tok.span,
                    format!("`{}` is not an octal mask from 0 to 0777", show(&tok.value)),
                )
                .help("write octal digits only, e.g. `umask 022`"));
            }
        };
        let comment = self.end()?;
        Ok((
            StanzaKind::Umask {
                mask: Spanned::new(mask, tok.span),
            },
            comment,
        ))
    }

    /// `nice N` (kept in a C int)
    pub(super) fn stanza_nice(&mut self) -> Handled {
        let tok = self.arg()?;
        let value = match strtol(&tok.value, 10) {
            Number::Ok(n) if (-20..=19).contains(&c_int(n)) => {
                let stored = c_int(n);
                if i128::from(stored) != n {
                    self.wrapped(tok.span, stored, "the value is kept in a 32-bit C int");
                }
                stored
            }
            _ => {
                return Err(ParseError::new(
                    ErrorKind::IllegalNice,
                    tok.span,
                    format!("`{}` is not a nice value from -20 to 19", show(&tok.value)),
                )
                .help("-20 is the highest priority, 19 the lowest"));
            }
        };
        let comment = self.end()?;
        Ok((
            StanzaKind::Nice {
                value: Spanned::new(value, tok.span),
            },
            comment,
        ))
    }

    /// `oom ADJ|never` and `oom score SCORE|never` (kept in a C int)
    pub(super) fn stanza_oom(&mut self) -> Handled {
        let tok = self.arg()?;
        let (oom, span) = if tok.value == "score" {
            let val = self.arg()?;
            if val.value == "never" {
                (Oom::ScoreNever, tok.span.to(val.span))
            } else {
                match strtol(&val.value, 10) {
                    Number::Ok(n) if (-1000..=1000).contains(&c_int(n)) => {
                        let score = c_int(n);
                        if i128::from(score) != n {
                            self.wrapped(val.span, score, "the score is kept in a 32-bit C int");
                        }
                        (Oom::Score { score }, tok.span.to(val.span))
                    }
                    _ => {
                        return Err(ParseError::new(
                            ErrorKind::IllegalOomScore,
                            val.span,
                            format!("`{}` is not a score from -1000 to 1000", show(&val.value)),
                        )
                        .help(
                            "write `oom score N` with N from -1000 to 1000, or `oom score never`",
                        ));
                    }
                }
            }
        } else if tok.value == "never" {
            (Oom::Never, tok.span)
        } else {
            match strtol(&tok.value, 10) {
                Number::Ok(n) if (-17..=15).contains(&c_int(n)) => {
                    let adj = c_int(n);
                    if i128::from(adj) != n {
                        self.wrapped(tok.span, adj, "the adjustment is kept in a 32-bit C int");
                    }
                    (Oom::Adjust { adj }, tok.span)
                }
                _ => {
                    return Err(ParseError::new(
                        ErrorKind::IllegalOom,
                        tok.span,
                        format!("`{}` is not an adjustment from -17 to 15", show(&tok.value)),
                    )
                    .help("prefer `oom score N` (-1000 to 1000) or `oom score never`"));
                }
            }
        };
        let comment = self.end()?;
        Ok((
            StanzaKind::Oom {
                oom: Spanned::new(oom, span),
            },
            comment,
        ))
    }

    /// `limit RESOURCE SOFT HARD`
    pub(super) fn stanza_limit(&mut self) -> Handled {
        let res = self.arg()?;
        let Some(resource) = Resource::from_name(&res.value) else {
            let names: Vec<&str> = Resource::ALL.iter().map(|r| r.as_str()).collect();
            let mut err = ParseError::new(
                ErrorKind::UnknownLimitResource,
                res.span,
                format!("`{}` is not a resource limit", show(&res.value)),
            );
            err = match did_you_mean(&res.value, &names) {
                Some(s) => err.help(format!("did you mean `{s}`?")),
                None => err.help(format!("known resources: {}", names.join(", "))),
            };
            return Err(err);
        };
        let soft = self.arg().map_err(|e| {
            e.help(format!(
                "`limit` takes a soft and a hard value: `limit {} 4096 4096`",
                res.value
            ))
        })?;
        let soft_value = self.limit_value(&soft)?;
        let hard = self.arg().map_err(|e| {
            e.help(format!(
                "`limit` takes a soft and a hard value: `limit {} {} {}`",
                res.value,
                show(&soft.value),
                show(&soft.value)
            ))
        })?;
        let hard_value = self.limit_value(&hard)?;
        let comment = self.end()?;
        Ok((
            StanzaKind::Limit {
                resource: Spanned::new(resource, res.span),
                soft: Box::new(Spanned::new(soft_value, soft.span)),
                hard: Box::new(Spanned::new(hard_value, hard.span)),
            },
            comment,
        ))
    }

    /// `apparmor load PROFILE` / `apparmor switch NAME`
    pub(super) fn stanza_apparmor(&mut self) -> Handled {
        let sub = self.raw()?;
        let load = match &*sub.value {
            b"load" => true,
            b"switch" => false,
            _ => {
                return Err(unknown_sub(
                    &sub,
                    "`apparmor` takes `load PROFILE` or `switch NAME`",
                ));
            }
        };
        let profile = self.word()?;
        let comment = self.end()?;
        Ok((
            if load {
                StanzaKind::ApparmorLoad { profile }
            } else {
                StanzaKind::ApparmorSwitch { profile }
            },
            comment,
        ))
    }

    /// `cgroup CONTROLLER [NAME] [KEY VALUE]`
    pub(super) fn stanza_cgroup(&mut self) -> Handled {
        let controller = self.word()?;
        let mut rest = Vec::new();
        while rest.len() < 3 && self.cur.has_token() {
            rest.push(self.word()?);
        }
        let comment = self.end()?;
        let mut rest = rest.into_iter().map(Box::new);
        let (name, key, value) = match rest.len() {
            0 => (None, None, None),
            1 => (rest.next(), None, None),
            2 => (None, rest.next(), rest.next()),
            _ => (rest.next(), rest.next(), rest.next()),
        };
        Ok((
            StanzaKind::Cgroup {
                controller,
                name,
                key,
                value,
            },
            comment,
        ))
    }

    /// ChromiumOS's `import VAR`
    pub(super) fn stanza_import(&mut self, kw: Span) -> Handled {
        self.vendor(kw, "import");
        self.one_word(|var| StanzaKind::Import { var })
    }

    /// ChromiumOS's `tmpfiles PATH...`
    pub(super) fn stanza_tmpfiles(&mut self, kw: Span) -> Handled {
        self.vendor(kw, "tmpfiles");
        self.word_list(|paths| StanzaKind::Tmpfiles { paths })
    }

    /// A keyword upstart does not know: a removed stanza, a quoted one, a typo, shell text outside a block, or a stray `\`⏎.
    pub(super) fn unknown_keyword(&mut self, name: &str, kw: Span) -> Handled {
        if let Some((_, why)) = REMOVED.iter().find(|(n, _)| *n == name) {
            return Err(ParseError::new(
                ErrorKind::RemovedStanza,
                kw,
                format!("`{}` is not a stanza of upstart 1.13", show(name)),
            )
            .help(*why));
        }
        if self.src().get(kw.start) == Some(&b'\\') {
            // Where a stanza name is expected, `\`⏎ does not join
            // lines: upstart reads it as (the start of) the name.
            let detail = if name.is_empty() {
                "a lone `\\` at the end of a line: upstart reads it as a stanza with an empty name"
                    .to_string()
            } else {
                format!(
                    "a `\\` at the end of a line glues it to the next one: upstart reads the stanza name `{}`",
                    show(name)
                )
            };
            return Err(ParseError::new(ErrorKind::UnknownStanza, kw, detail).help(
                "remove the backslash: between stanzas a backslash-newline does not continue a line",
            ));
        }
        let mut err = ParseError::new(
            ErrorKind::UnknownStanza,
            kw,
            format!("`{}` is not a stanza", show(name)),
        );
        let unquoted = name.trim_matches(['"', '\'']);
        if unquoted != name && STANZAS.contains(&unquoted) {
            err = err.help(format!(
                "stanza names must not be quoted: write `{unquoted}`"
            ));
        } else if let Some(s) = did_you_mean(name, STANZAS) {
            err = err.help(format!("did you mean `{s}`?"));
        } else if name.starts_with(['"', '\'']) {
            err = err.help("stanza names must not be quoted");
        } else {
            err = err.help("shell commands belong inside a `script` … `end script` block");
        }
        Err(err)
    }
}
