//! The edge cases of upstart's job-file syntax, one table per family
//! (keywords, comments and quoting, exec and process stanzas, script blocks,
//! keyword values, numbers and limits, environment, event expressions,
//! instances, supervision). Each case is named for the behaviour it pins.
//!
//! Each case holds a job text plus other inputs showing the same behaviour,
//! and the expected outcome of each: either "parses cleanly and this check
//! holds", or "upstart rejects it with exactly these errors". Upstart stops
//! at its first error; our parser recovers and goes on, so where recovery
//! finds a second error in the same text it is listed too, with a comment.
//!
//! Run-time cases (instances, supervision) are checked at this layer through
//! the parse-time facts they rely on: the AST and the resolved job.
//!
//! One `#[test]` per family runs every case of that family and reports all
//! failing cases at once, by name.

use std::collections::BTreeSet;
use upstart_tools::ast::{
    ConsoleMode, EventArg, EventExpr, ExpectMode, LimitValue, OnCondition, Oom, ProcessBody,
    ProcessKind, Resolved, Resource, RespawnLimit, Stanza, StanzaKind, Word, resolve,
};
use upstart_tools::source::SourceFile;
use upstart_tools::syntax::{ErrorKind, Parsed, parse, parse_str};

use ErrorKind as K;

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

/// A check on a cleanly parsed (or partly rejected) input.
type Check = fn(&Ctx) -> Result<(), String>;

/// One expected parse error.
struct Want {
    kind: ErrorKind,
    /// 1-based line of the error's span start.
    line: usize,
    /// The source text at the span start begins with this; `""` means the
    /// span is at the very end of the input.
    at: &'static str,
}

const fn want(kind: ErrorKind, line: usize, at: &'static str) -> Want {
    Want { kind, line, at }
}

struct Outcome {
    /// Exactly these diagnostics, in file order; empty = the file is valid
    /// (no error and no warning).
    errors: Vec<Want>,
    /// Upstart loads the file (the diagnostics are warnings).
    accepted: bool,
    check: Option<Check>,
}

impl Outcome {
    /// Also run `check` on the (partial) result.
    fn and(mut self, check: Check) -> Self {
        self.check = Some(check);
        self
    }
}

/// Parses with no diagnostic at all, and `check` holds.
fn valid(check: Check) -> Outcome {
    Outcome {
        errors: Vec::new(),
        accepted: true,
        check: Some(check),
    }
}

/// Upstart loads the file, which draws exactly these warnings, and `check`
/// holds.
fn warns(warnings: impl Into<Vec<Want>>, check: Check) -> Outcome {
    Outcome {
        errors: warnings.into(),
        accepted: true,
        check: Some(check),
    }
}

/// Upstart rejects the file: exactly these errors.
fn rejects(errors: impl Into<Vec<Want>>) -> Outcome {
    Outcome {
        errors: errors.into(),
        accepted: false,
        check: None,
    }
}

struct Case {
    /// The behaviour, in our words.
    name: &'static str,
    /// `(job text, outcome)`; the first is the main example.
    inputs: Vec<(&'static str, Outcome)>,
}

fn case(name: &'static str, src: &'static str, outcome: Outcome) -> Case {
    Case {
        name,
        inputs: vec![(src, outcome)],
    }
}

impl Case {
    /// Another input showing the same behaviour.
    fn also(mut self, src: &'static str, outcome: Outcome) -> Self {
        self.inputs.push((src, outcome));
        self
    }
}

/// What a check sees: the parse of the text, and helpers.
struct Ctx {
    parsed: Parsed,
    file: SourceFile,
}

impl Ctx {
    fn new(src: &'static str) -> Self {
        Self {
            parsed: parse(src.as_bytes()),
            file: SourceFile::new("edge.conf", src.as_bytes().to_vec()),
        }
    }

    fn line(&self, offset: usize) -> usize {
        self.file.line_col(offset).0
    }

    fn resolved(&self) -> Resolved<'_> {
        resolve(&[&self.parsed.job])
    }

    /// The stanza keywords in file order (`Invalid` shows its keyword too).
    fn keywords(&self) -> Vec<&str> {
        self.parsed
            .job
            .stanzas()
            .map(|s| s.kind.keyword())
            .collect()
    }

    fn stanzas(&self) -> Vec<&Stanza> {
        self.parsed.job.stanzas().collect()
    }

    /// The one stanza of the file.
    fn only(&self) -> Result<&StanzaKind, String> {
        match self.stanzas().as_slice() {
            [one] => Ok(&one.kind),
            _ => Err(format!(
                "expected exactly one stanza, got {:?}",
                self.keywords()
            )),
        }
    }

    /// The `n`th stanza (0-based).
    fn nth(&self, n: usize) -> Result<&Stanza, String> {
        self.parsed
            .job
            .stanzas()
            .nth(n)
            .ok_or_else(|| format!("expected a stanza #{n}, got {:?}", self.keywords()))
    }
}

/// Every mismatch between `src`'s parse and `outcome`.
fn verify(src: &'static str, outcome: &Outcome) -> Result<(), String> {
    let ctx = Ctx::new(src);
    let got = &ctx.parsed.errors;
    let describe = |e: &upstart_tools::syntax::ParseError| {
        format!(
            "{:?} line {} at {:?}",
            e.kind,
            ctx.line(e.span.start),
            &src[e.span.start.min(src.len())..(e.span.start + 12).min(src.len())]
        )
    };
    if got.len() != outcome.errors.len() {
        return Err(format!(
            "expected {} error(s) {:?}, got [{}]",
            outcome.errors.len(),
            outcome
                .errors
                .iter()
                .map(|w| format!("{:?} line {} at {:?}", w.kind, w.line, w.at))
                .collect::<Vec<_>>(),
            got.iter().map(describe).collect::<Vec<_>>().join(", ")
        ));
    }
    for (e, w) in got.iter().zip(&outcome.errors) {
        let rest = src.get(e.span.start..).unwrap_or("");
        let at_ok = if w.at.is_empty() {
            rest.is_empty()
        } else {
            rest.starts_with(w.at)
        };
        if e.kind != w.kind || ctx.line(e.span.start) != w.line || !at_ok {
            return Err(format!(
                "expected {:?} line {} at {:?}, got {}",
                w.kind,
                w.line,
                w.at,
                describe(e)
            ));
        }
        if let Some(text) = upstart_message(e.kind)
            && e.message() != text
        {
            return Err(format!(
                "{:?}: message {:?}, upstart says {text:?}",
                e.kind,
                e.message()
            ));
        }
    }
    if outcome.accepted && ctx.parsed.has_errors() {
        return Err("has_errors() is true although upstart loads the file".into());
    }
    if !outcome.accepted && !ctx.parsed.has_errors() {
        return Err("has_errors() is false although upstart rejects the file".into());
    }
    match outcome.check {
        Some(check) => check(&ctx),
        None => Ok(()),
    }
}

/// Upstart's diagnostic for each error (as upstart prints it), written out here
/// independently of `ErrorKind::upstart_message`.
fn upstart_message(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        K::ExpectedToken => "Expected token",
        K::UnexpectedToken => "Unexpected token",
        K::TrailingSlash => "Trailing slash in file",
        K::UnterminatedQuote => "Unterminated quoted string",
        K::UnterminatedBlock => "Unterminated block",
        K::UnknownStanza
        | K::RemovedStanza
        | K::UnknownSubKeyword
        | K::UnknownLimitResource
        | K::StrayEndScript
        | K::UnopenedBlock => "Unknown stanza",
        K::IllegalInterval => "Illegal interval, expected number of seconds",
        K::IllegalExitStatus => "Illegal exit status, expected integer",
        K::IllegalSignal => "Illegal signal status, expected integer",
        K::IllegalUmask => "Illegal file creation mask, expected octal integer",
        K::IllegalNice => "Illegal nice value, expected -20 to 19",
        K::IllegalOom => "Illegal oom adjustment, expected -16 to 15 or 'never'",
        K::IllegalOomScore => "Illegal oom score adjustment, expected -999 to 1000 or 'never'",
        K::IllegalLimit | K::IllegalRespawnCount => {
            "Illegal limit, expected 'unlimited' or integer"
        }
        K::ExpectedEvent => "Expected event",
        K::ExpectedOperator => "Expected operator",
        K::ExpectedVariable => "Expected variable name before value",
        K::MismatchedParens => "Mismatched parentheses",
        // Our own diagnostics; no case expects them.
        K::NestingTooDeep
        | K::ByteOrderMark
        | K::InvalidUtf8
        | K::VendorStanza
        | K::GarbledEscape
        | K::WrappedNumber
        | K::NulInValue => return None,
    })
}

/// Run every case of `family`; fail once, listing them all.
fn check_family(family: &str, cases: Vec<Case>) {
    assert!(!cases.is_empty(), "no cases for family {family}");
    let mut failures = Vec::new();
    for case in &cases {
        for (i, (src, outcome)) in case.inputs.iter().enumerate() {
            if let Err(why) = verify(src, outcome) {
                failures.push(format!("{} (input {}: {src:?}): {why}", case.name, i + 1));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s) in family {family}:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// Check helpers
// ---------------------------------------------------------------------------

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

macro_rules! ensure_eq {
    ($actual:expr, $expected:expr $(,)?) => {
        // `match` keeps temporaries alive, as in `assert_eq!`.
        match (&$actual, &$expected) {
            (actual, expected) => {
                if actual != expected {
                    return Err(format!(
                        "{}: got {:?}, want {:?}",
                        stringify!($actual),
                        actual,
                        expected
                    ));
                }
            }
        }
    };
}

fn text(word: Option<&Word>) -> Option<&str> {
    word.map(|w| w.value.as_str())
}

/// The command of an `exec`-form process.
fn exec<'r>(r: &'r Resolved<'_>, kind: ProcessKind) -> Result<&'r str, String> {
    match r.processes.get(&kind) {
        Some(ProcessBody::Exec { command, .. }) => Ok(&command.value),
        other => Err(format!("{kind:?}: expected an exec, got {other:?}")),
    }
}

/// The body of a `script`-form process.
fn script<'r>(r: &'r Resolved<'_>, kind: ProcessKind) -> Result<&'r str, String> {
    match r.processes.get(&kind) {
        Some(ProcessBody::Script { body, .. }) => Ok(body),
        other => Err(format!("{kind:?}: expected a script, got {other:?}")),
    }
}

fn main_exec<'r>(r: &'r Resolved<'_>) -> Result<&'r str, String> {
    exec(r, ProcessKind::Main)
}

/// The process slots that are filled, in run order (pre-start, main, …).
fn slots(r: &Resolved<'_>) -> Vec<ProcessKind> {
    ProcessKind::ALL
        .into_iter()
        .filter(|k| r.processes.contains_key(k))
        .collect()
}

/// An event expression as a compact string: `and(or(a, b), c)`; an event
/// with arguments is `name[arg, …]`, a positional argument is its pattern, a
/// named one `<KEY>=pattern` or `<KEY>!=pattern` (the key in angle brackets,
/// so that the split is visible).
fn tree(expr: &EventExpr) -> String {
    match expr {
        EventExpr::Match { event, .. } if event.args.is_empty() => event.name.clone(),
        EventExpr::Match { event, .. } => {
            let args: Vec<String> = event
                .args
                .iter()
                .map(|a| match a {
                    EventArg::Positional { pattern, .. } => pattern.clone(),
                    EventArg::Named {
                        key,
                        negated,
                        pattern,
                        ..
                    } => format!("<{key}>{}{pattern}", if *negated { "!=" } else { "=" }),
                })
                .collect();
            format!("{}[{}]", event.name, args.join(", "))
        }
        EventExpr::Op { op, lhs, rhs, .. } => {
            format!("{}({}, {})", op.as_str(), tree(lhs), tree(rhs))
        }
    }
}

fn on(cond: Option<&OnCondition>) -> Option<String> {
    cond.map(|c| tree(&c.expr))
}

/// `KEY=VALUE`, or `KEY` for a valueless `env`.
fn env(r: &Resolved<'_>) -> Vec<String> {
    r.env
        .iter()
        .map(|v| match &v.value {
            Some(value) => format!("{}={value}", v.key),
            None => v.key.to_string(),
        })
        .collect()
}

/// `normal exit` as upstart compares it (signals × 256).
fn normal_exit(r: &Resolved<'_>) -> Vec<i64> {
    r.normal_exit.iter().map(|s| s.encoded()).collect()
}

/// As upstart decides: an `exec` command containing any of these bytes runs through
/// `/bin/sh -e -c "exec …"`; otherwise it is split on blanks and execvp'd.
fn needs_shell(command: &str) -> bool {
    command
        .bytes()
        .any(|c| b"~`!$^&*()=|\\{}[];\"'<>?".contains(&c))
}

/// The resolved signal of `kill signal` / `reload signal` as (name, number).
fn signal(sig: Option<&upstart_tools::ast::Signal>) -> Option<(Option<&str>, i64)> {
    sig.map(|s| (s.name.as_deref(), s.number))
}

/// (controller, name, key, value) of a `cgroup` stanza.
type CgroupFields<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn cgroup_fields(kind: &StanzaKind) -> Result<CgroupFields<'_>, String> {
    match kind {
        StanzaKind::Cgroup {
            controller,
            name,
            key,
            value,
        } => Ok((
            &controller.value,
            text(name.as_deref()),
            text(key.as_deref()),
            text(value.as_deref()),
        )),
        other => Err(format!("expected a cgroup stanza, got {other:?}")),
    }
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/// The override read after the `.conf` (see "an override's manual and env
/// apply after the conf").
const FOO_OVERRIDE: &str = "# foo.override\nmanual\nenv B=2\n";

/// Keywords, and how the words of a stanza are read.
#[allow(clippy::too_many_lines)] // it is a table
fn keywords_and_stanza_words_cases() -> Vec<Case> {
    vec![
        case(
            "a quoted keyword is not a keyword",
            "\"exec\" /bin/true\n",
            rejects([want(K::UnknownStanza, 1, "\"exec\"")]),
        ),
        case(
            "keywords are case-sensitive",
            "Task\n",
            rejects([want(K::UnknownStanza, 1, "Task")]),
        ),
        case(
            "argument-less stanzas share a line and manual cancels an earlier start on",
            "start on startup\nmanual task\nexec /bin/true\n",
            valid(|c| {
                ensure_eq!(c.keywords(), ["start on", "manual", "task", "exec"]);
                let r = c.resolved();
                ensure!(
                    r.start_on.is_none(),
                    "manual must cancel the earlier start on"
                );
                ensure!(r.manual && r.task, "both manual and task are set");
                ensure_eq!(main_exec(&r)?, "/bin/true");
                Ok(())
            }),
        ),
        case(
            "a word after manual is read as the next (unknown) stanza",
            "manual junk\n",
            rejects([want(K::UnknownStanza, 1, "junk")]).and(|c| {
                ensure_eq!(c.keywords(), ["manual", "junk"]);
                Ok(())
            }),
        ),
        case(
            "a start on after manual applies again",
            "manual\nstart on startup\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(on(r.start_on), Some("startup".to_string()));
                ensure!(r.manual, "manual is still recorded");
                Ok(())
            }),
        ),
        case(
            "an argument-less stanza rejects an extra word",
            "task now\n",
            rejects([want(K::UnexpectedToken, 1, "now")]),
        ),
        case(
            "an unquoted description is one word",
            "description my great job\n",
            rejects([want(K::UnexpectedToken, 1, "great")]),
        ),
        case(
            "an empty quoted value counts as no value",
            "description \"\"\n",
            rejects([want(K::ExpectedToken, 1, "\"\"")]),
        ),
    ]
}

/// Comments, quoting, escapes, line continuation and line ends.
#[allow(clippy::too_many_lines)] // it is a table
fn comments_quoting_and_continuation_cases() -> Vec<Case> {
    vec![
        case(
            "a hash inside a word starts a comment",
            "description foo#bar\n",
            valid(|c| {
                ensure_eq!(text(c.resolved().description), Some("foo"));
                Ok(())
            }),
        ),
        case(
            "a backslash-escaped hash stays in the value",
            "description foo\\#bar\n",
            valid(|c| {
                ensure_eq!(text(c.resolved().description), Some("foo\\#bar"));
                Ok(())
            }),
        ),
        case(
            "an escaped quote after a blank turns the blank into a backslash",
            "description \"say \\\"hi\\\"\"\n",
            // The blank before `\"` becomes a backslash (checked against
            // upstart 1.13.2's own parser); UL117 says so.
            warns([want(K::GarbledEscape, 1, " \\\"hi")], |c| {
                ensure_eq!(text(c.resolved().description), Some("say\\\\\"hi\\\""));
                Ok(())
            }),
        )
        .also(
            "exec /bin/echo a \\\"b\\\"\n",
            warns([want(K::GarbledEscape, 1, " \\\"b")], |c| {
                ensure_eq!(main_exec(&c.resolved())?, "/bin/echo a\\\\\"b\\\"");
                Ok(())
            }),
        )
        .also(
            "description \"a\n  \\\"b\"\n",
            warns([want(K::GarbledEscape, 1, "\n  \\\"b")], |c| {
                ensure_eq!(text(c.resolved().description), Some("a\\ \"b"));
                Ok(())
            }),
        ),
        case(
            "a backslash-newline inside a word joins the lines",
            "description foo\\\nbar\n",
            valid(|c| {
                ensure_eq!(text(c.resolved().description), Some("foo bar"));
                ensure_eq!(c.keywords(), ["description"]);
                Ok(())
            }),
        ),
        case(
            "a backslash-newline continues a stanza's arguments",
            "respawn\nrespawn limit 10 \\\n    30\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.respawn, "respawn is set");
                ensure_eq!(r.respawn_limit_values(), (10, 30));
                Ok(())
            }),
        ),
        case(
            "a quoted value may span lines",
            "description \"first\n      second\"\ntask\n",
            valid(|c| {
                ensure_eq!(text(c.resolved().description), Some("first second"));
                let task = c.nth(1)?;
                ensure_eq!(task.kind, StanzaKind::Task);
                ensure_eq!(c.line(task.keyword_span.start), 3);
                Ok(())
            }),
        ),
        // No trailing newline: the file ends right after the backslash.
        case(
            "a backslash at the very end of the file is a trailing slash",
            "exec /bin/foo \\",
            rejects([want(K::TrailingSlash, 1, "\\")]),
        ),
        case(
            "an unterminated quote is an error",
            "description \"never closed\n",
            rejects([want(K::UnterminatedQuote, 1, "\"never")]),
        ),
        case(
            "CRLF line ends: the CR is a blank, except in script bodies",
            "task\r\nexec /bin/true\r\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.task, "task is set");
                // The CR before LF is whitespace, not part of the command.
                ensure_eq!(main_exec(&r)?, "/bin/true");
                Ok(())
            }),
        )
        .also(
            "script\r\n    echo hi\r\nend script\r\n",
            valid(|c| {
                // Script bodies keep the CR: the shell sees `echo hi\r`.
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "echo hi\r\n");
                Ok(())
            }),
        ),
        case(
            "leading blanks and trailing comments are allowed",
            "   # comment\n\tstart on startup   # trailing comment\n   exec /bin/true\n",
            valid(|c| {
                ensure_eq!(c.keywords(), ["start on", "exec"]);
                let r = c.resolved();
                ensure_eq!(on(r.start_on), Some("startup".to_string()));
                ensure_eq!(main_exec(&r)?, "/bin/true");
                let comment = c.nth(0)?.comment.as_ref().map(|cm| cm.text.as_str());
                ensure_eq!(comment, Some("# trailing comment"));
                Ok(())
            }),
        ),
        case(
            "an empty file is a valid job that does nothing",
            "",
            valid(|c| {
                ensure!(c.parsed.job.items.is_empty(), "an empty file has no items");
                let r = c.resolved();
                ensure!(r.processes.is_empty(), "no processes");
                ensure!(r.start_on.is_none(), "never auto-started");
                Ok(())
            }),
        ),
    ]
}

/// `exec` lines and the process stanzas (pre-start, post-stop, ...).
#[allow(clippy::too_many_lines)] // it is a table
fn exec_and_process_stanzas_cases() -> Vec<Case> {
    vec![
        case(
            "exec followed only by a comment has no command",
            "exec   # TODO\n",
            rejects([want(K::ExpectedToken, 1, "# TODO")]),
        ),
        case(
            "a hash in an exec line starts a comment",
            "exec /usr/bin/tool --color=#00ff00\n",
            valid(|c| {
                ensure_eq!(main_exec(&c.resolved())?, "/usr/bin/tool --color=");
                Ok(())
            }),
        ),
        case(
            "exec keeps quotes and inner blanks for the shell",
            "exec /bin/echo \"a  b\"\n",
            valid(|c| {
                let r = c.resolved();
                let command = main_exec(&r)?;
                // Quotes and the double blank are kept for the shell.
                ensure_eq!(command, "/bin/echo \"a  b\"");
                ensure!(needs_shell(command), "quotes force the shell");
                Ok(())
            }),
        ),
        case(
            "exec keeps an option with an equals sign whole",
            "exec /usr/sbin/mydaemon --pidfile=/run/mydaemon.pid\n",
            valid(|c| {
                let r = c.resolved();
                let command = main_exec(&r)?;
                ensure_eq!(command, "/usr/sbin/mydaemon --pidfile=/run/mydaemon.pid");
                ensure!(needs_shell(command), "`=` forces the shell");
                Ok(())
            }),
        ),
        case(
            "exec splits its arguments on blanks",
            "exec /sbin/getty -8 38400 tty1\n",
            valid(|c| {
                let r = c.resolved();
                let command = main_exec(&r)?;
                ensure!(!needs_shell(command), "{command:?} runs without a shell");
                ensure_eq!(
                    command.split_whitespace().collect::<Vec<_>>(),
                    ["/sbin/getty", "-8", "38400", "tty1"]
                );
                Ok(())
            }),
        ),
        case(
            "a backslash-newline in exec joins with a blank",
            "exec /bin/foo --long\\\noption\n",
            valid(|c| {
                ensure_eq!(main_exec(&c.resolved())?, "/bin/foo --long option");
                Ok(())
            }),
        ),
        case(
            "the later of exec and script defines the main process",
            "exec /bin/true\nscript\n    echo\nend script\n",
            valid(|c| {
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "echo\n");
                Ok(())
            }),
        )
        .also(
            "script\n    echo\nend script\nexec /bin/true\n",
            valid(|c| {
                ensure_eq!(main_exec(&c.resolved())?, "/bin/true");
                Ok(())
            }),
        ),
        case(
            "a process stanza needs exec or script",
            "pre-start\n",
            rejects([want(K::ExpectedToken, 1, "\n")]),
        )
        .also(
            "pre-start foo\n",
            rejects([want(K::UnknownSubKeyword, 1, "foo")]),
        )
        .also(
            "pre-start exec\n",
            rejects([want(K::ExpectedToken, 1, "\n")]),
        )
        .also(
            "pre-start \"exec\" x\n",
            rejects([want(K::UnknownSubKeyword, 1, "\"exec\"")]),
        ),
        case(
            "pre-start and post-stop without a main process",
            "start on runlevel [2345]\nstop on runlevel [!2345]\npre-start exec /sbin/ifup -a\npost-stop exec /sbin/ifdown -a\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.main().is_none(), "no main process");
                ensure_eq!(slots(&r), [ProcessKind::PreStart, ProcessKind::PostStop]);
                ensure_eq!(exec(&r, ProcessKind::PreStart)?, "/sbin/ifup -a");
                ensure_eq!(exec(&r, ProcessKind::PostStop)?, "/sbin/ifdown -a");
                ensure_eq!(on(r.start_on), Some("runlevel[[2345]]".to_string()));
                ensure_eq!(on(r.stop_on), Some("runlevel[[!2345]]".to_string()));
                ensure!(!r.task, "a service");
                Ok(())
            }),
        ),
        case(
            "a task may have only a pre-start process",
            "task\npre-start exec /bin/true\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.task, "a task");
                ensure!(r.main().is_none(), "no main process");
                ensure_eq!(exec(&r, ProcessKind::PreStart)?, "/bin/true");
                Ok(())
            }),
        ),
    ]
}

/// `script` ... `end script` blocks.
#[allow(clippy::too_many_lines)] // it is a table
fn script_blocks_cases() -> Vec<Case> {
    vec![
        case(
            "a word after script is an error and the block is still consumed",
            "script now\n    true\nend script\n",
            rejects([want(K::UnexpectedToken, 1, "now")]).and(|c| {
                // The block is still consumed: its lines are not stanzas.
                ensure_eq!(c.keywords(), ["script"]);
                Ok(())
            }),
        )
        .also(
            "script   # a comment is fine\n    true\nend script\n",
            valid(|c| {
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "true\n");
                Ok(())
            }),
        ),
        case(
            "a script block without end script is unterminated",
            "script\n    echo never closed\n",
            rejects([want(K::UnterminatedBlock, 3, "")]),
        ),
        case(
            "end script may be indented, spaced and commented",
            "script\n    true\n    end   script   # done\n",
            valid(|c| {
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "true\n");
                let end_comment = match &c.only()? {
                    StanzaKind::Process {
                        body: ProcessBody::Script { end_comment, .. },
                        ..
                    } => end_comment.as_ref().map(|cm| cm.text.clone()),
                    other => return Err(format!("expected a script, got {other:?}")),
                };
                ensure_eq!(end_comment.as_deref(), Some("# done"));
                Ok(())
            }),
        ),
        case(
            "only an exact end script ends a block",
            "script\n    true\nendscript\nend scripts\nEND SCRIPT\n",
            rejects([want(K::UnterminatedBlock, 6, "")]),
        )
        .also(
            "script\n    true\nendscript\nend scripts\nEND SCRIPT\nend script\n",
            valid(|c| {
                // With a real terminator after them they are body lines;
                // they also cancel the indentation stripping.
                ensure_eq!(
                    script(&c.resolved(), ProcessKind::Main)?,
                    "    true\nendscript\nend scripts\nEND SCRIPT\n"
                );
                Ok(())
            }),
        ),
        case(
            "a here-document cannot hide end script",
            "script\n  cat <<EOF\nend script\nEOF\nend script\n",
            // Upstart stops at `EOF`; we also report the second `end script`.
            rejects([
                want(K::UnknownStanza, 4, "EOF"),
                want(K::StrayEndScript, 5, "end script"),
            ])
            .and(|c| {
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "cat <<EOF\n");
                Ok(())
            }),
        ),
        case(
            "blank lines inside a script are kept",
            "script\n    echo a\n\n    echo b\nend script\n",
            valid(|c| {
                ensure_eq!(
                    script(&c.resolved(), ProcessKind::Main)?,
                    "    echo a\n\n    echo b\n"
                );
                Ok(())
            }),
        ),
        // Line 2 is four spaces; line 3 is two spaces, a TAB and a space.
        case(
            "script indentation is stripped only when every line shares it",
            "script\n    a\n  \t b\nend script\n",
            valid(|c| {
                ensure_eq!(script(&c.resolved(), ProcessKind::Main)?, "  a\n\t b\n");
                Ok(())
            }),
        ),
        case(
            "a one-line script and a multi-line script are passed differently",
            "script\n    echo hi\nend script\n",
            valid(|c| {
                let r = c.resolved();
                let body = script(&r, ProcessKind::Main)?;
                ensure_eq!(body, "echo hi\n");
                // One line (trailing newlines aside): passed with `-c`.
                ensure!(!body.trim_end_matches('\n').contains('\n'), "single line");
                Ok(())
            }),
        )
        .also(
            "script\n    echo a\n    echo b\nend script\n",
            valid(|c| {
                let r = c.resolved();
                let body = script(&r, ProcessKind::Main)?;
                ensure_eq!(body, "echo a\necho b\n");
                ensure!(
                    body.trim_end_matches('\n').contains('\n'),
                    "two lines: fed through fd 9"
                );
                Ok(())
            }),
        ),
    ]
}

/// Stanzas whose values are keywords: kill, respawn, console, expect, cgroup, apparmor.
#[allow(clippy::too_many_lines)] // it is a table
fn keyword_values_cases() -> Vec<Case> {
    vec![
        case(
            "quoted sub-keywords: kill rejects them, expect and console accept them",
            "kill \"timeout\" 5\n",
            rejects([want(K::UnknownSubKeyword, 1, "\"timeout\"")]),
        )
        .also(
            "expect \"fork\"\n",
            valid(|c| {
                ensure_eq!(c.resolved().expect, Some(ExpectMode::Fork));
                Ok(())
            }),
        )
        .also(
            "console \"log\"\n",
            valid(|c| {
                ensure_eq!(c.resolved().console, Some(ConsoleMode::Log));
                Ok(())
            }),
        ),
        case(
            "the removed respawn-with-command form is rejected",
            "respawn /sbin/getty tty1\n",
            rejects([want(K::RemovedStanza, 1, "/sbin/getty")]),
        ),
        case(
            "console takes only its known modes",
            "console logged\n",
            rejects([want(K::UnknownSubKeyword, 1, "logged")]),
        )
        .also(
            "console wibble\n",
            rejects([want(K::UnknownSubKeyword, 1, "wibble")]),
        )
        .also(
            "console owner foo\n",
            rejects([want(K::UnexpectedToken, 1, "foo")]),
        ),
        case(
            "expect takes only its known modes and one word",
            "expect daemon foo\n",
            rejects([want(K::UnexpectedToken, 1, "foo")]),
        )
        .also(
            "expect foo\n",
            rejects([want(K::UnknownSubKeyword, 1, "foo")]),
        )
        .also(
            "expect none\n",
            valid(|c| {
                ensure_eq!(c.resolved().expect, Some(ExpectMode::None));
                Ok(())
            }),
        ),
        case(
            "cgroup takes a controller, an optional group, a key and a value",
            "cgroup memory mygroup limit_in_bytes 52428800 extra\n",
            rejects([want(K::UnexpectedToken, 1, "extra")]),
        )
        .also("cgroup\n", rejects([want(K::ExpectedToken, 1, "\n")]))
        .also(
            "cgroup memory\n",
            valid(|c| {
                ensure_eq!(cgroup_fields(c.only()?)?, ("memory", None, None, None));
                Ok(())
            }),
        )
        .also(
            "cgroup memory mygroup\n",
            valid(|c| {
                ensure_eq!(cgroup_fields(c.only()?)?, ("memory", Some("mygroup"), None, None));
                Ok(())
            }),
        )
        .also(
            "cgroup memory limit_in_bytes 52428800\n",
            valid(|c| {
                ensure_eq!(
                    cgroup_fields(c.only()?)?,
                    ("memory", None, Some("limit_in_bytes"), Some("52428800"))
                );
                Ok(())
            }),
        )
        .also(
            "cgroup memory mygroup limit_in_bytes 52428800\n",
            valid(|c| {
                ensure_eq!(
                    cgroup_fields(c.only()?)?,
                    ("memory", Some("mygroup"), Some("limit_in_bytes"), Some("52428800"))
                );
                Ok(())
            }),
        )
        .also(
            "cgroup memory mygroup limit_in_bytes 1\ncgroup memory mygroup limit_in_bytes 1\ncgroup memory mygroup limit_in_bytes 2\ncgroup memory mygroup swappiness 0\ncgroup memory other\n",
            valid(|c| {
                let r = c.resolved();
                let memory = r.cgroups.get("memory").ok_or("no memory controller")?;
                let names: Vec<&str> = memory.keys().map(String::as_str).collect();
                ensure_eq!(names, ["mygroup", "other"]);
                let mygroup = memory.get("mygroup").ok_or("no group `mygroup`")?;
                let keys: Vec<(&str, &str)> = mygroup
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                ensure_eq!(keys, [("limit_in_bytes", "2"), ("swappiness", "0")]);
                Ok(())
            }),
        ),
        case(
            "apparmor takes load with a profile or switch with a name",
            "apparmor switch /usr/sbin/cupsd extra\n",
            rejects([want(K::UnexpectedToken, 1, "extra")]),
        )
        .also("apparmor\n", rejects([want(K::ExpectedToken, 1, "\n")]))
        .also(
            "apparmor foo\n",
            rejects([want(K::UnknownSubKeyword, 1, "foo")]),
        )
        .also(
            "apparmor load\n",
            rejects([want(K::ExpectedToken, 1, "\n")]),
        )
        .also(
            "apparmor load /etc/apparmor.d/usr.sbin.cupsd\napparmor switch /usr/sbin/cupsd\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.apparmor_load), Some("/etc/apparmor.d/usr.sbin.cupsd"));
                ensure_eq!(text(r.apparmor_switch), Some("/usr/sbin/cupsd"));
                Ok(())
            }),
        ),
    ]
}

/// Numeric values: intervals, signals, counts, exit codes, umask, nice, oom, limits.
#[allow(clippy::too_many_lines)] // it is a table
fn numbers_and_limits_cases() -> Vec<Case> {
    vec![
        case(
            "kill timeout takes a non-negative number that fits",
            "kill timeout 99foo\n",
            rejects([want(K::IllegalInterval, 1, "99foo")]),
        )
        .also(
            "kill timeout -1\n",
            rejects([want(K::IllegalInterval, 1, "-1")]),
        )
        .also(
            "kill timeout 10000000000000000000\n",
            rejects([want(K::IllegalInterval, 1, "10000000000000000000")]),
        )
        .also(
            "kill timeout 0\n",
            valid(|c| {
                ensure_eq!(c.resolved().kill_timeout, Some(0));
                Ok(())
            }),
        ),
        case(
            "kill signal takes upper-case names with or without SIG, or numbers",
            "kill signal sigterm\n",
            rejects([want(K::IllegalSignal, 1, "sigterm")]),
        )
        .also(
            "kill signal TERM\n",
            valid(|c| {
                ensure_eq!(signal(c.resolved().kill_signal), Some((Some("TERM"), 15)));
                Ok(())
            }),
        )
        .also(
            "kill signal SIGTERM\n",
            valid(|c| {
                ensure_eq!(
                    signal(c.resolved().kill_signal),
                    Some((Some("SIGTERM"), 15))
                );
                Ok(())
            }),
        )
        .also(
            "kill signal 30\n",
            valid(|c| {
                ensure_eq!(signal(c.resolved().kill_signal), Some((None, 30)));
                Ok(())
            }),
        )
        .also(
            "kill signal 0\n",
            valid(|c| {
                ensure_eq!(signal(c.resolved().kill_signal), Some((None, 0)));
                Ok(())
            }),
        )
        .also(
            "kill signal 200\n",
            valid(|c| {
                ensure_eq!(signal(c.resolved().kill_signal), Some((None, 200)));
                Ok(())
            }),
        ),
        case(
            "respawn limit alone does not enable respawn",
            "respawn limit 5 10\nexec /usr/bin/worker\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(!r.respawn, "`respawn limit` alone does not enable respawn");
                ensure_eq!(r.respawn_limit_values(), (5, 10));
                ensure_eq!(main_exec(&r)?, "/usr/bin/worker");
                Ok(())
            }),
        ),
        case(
            "respawn limit takes a count and an interval, or unlimited",
            "respawn\nrespawn limit 10\n",
            rejects([want(K::ExpectedToken, 2, "\n")]),
        )
        .also(
            "respawn limit unlimited\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(
                    matches!(r.respawn_limit, Some(RespawnLimit::Unlimited { .. })),
                    "got {:?}",
                    r.respawn_limit
                );
                ensure_eq!(r.respawn_limit_values(), (0, 0));
                Ok(())
            }),
        )
        .also(
            "respawn limit 0 60\n",
            valid(|c| {
                // A zero count disables the limit.
                ensure_eq!(c.resolved().respawn_limit_values(), (0, 60));
                Ok(())
            }),
        )
        .also(
            "respawn limit 0 1 foo\n",
            rejects([want(K::UnexpectedToken, 1, "foo")]),
        )
        .also(
            "respawn limit -1 120\n",
            rejects([want(K::IllegalRespawnCount, 1, "-1")]),
        )
        .also(
            "respawn limit 10 -1\n",
            rejects([want(K::IllegalInterval, 1, "-1")]),
        ),
        case(
            "normal exit takes codes and signal names, accumulating",
            "normal exit 0 1 TERM SIGHUP 900\nnormal exit -1\n",
            rejects([want(K::IllegalExitStatus, 2, "-1")]).and(|c| {
                ensure_eq!(normal_exit(&c.resolved()), [0, 1, 15 * 256, 256, 900]);
                Ok(())
            }),
        )
        .also(
            "normal exit 0 1\nnormal exit TERM\nnormal exit SIGHUP 900\n",
            valid(|c| {
                ensure_eq!(normal_exit(&c.resolved()), [0, 1, 15 * 256, 256, 900]);
                Ok(())
            }),
        ),
        case(
            "umask takes an octal number up to 0777",
            "umask 999\n",
            rejects([want(K::IllegalUmask, 1, "999")]),
        )
        .also("umask foo\n", rejects([want(K::IllegalUmask, 1, "foo")]))
        .also("umask -1\n", rejects([want(K::IllegalUmask, 1, "-1")]))
        .also("umask 1000\n", rejects([want(K::IllegalUmask, 1, "1000")]))
        .also(
            "umask 755\n",
            valid(|c| {
                ensure_eq!(c.resolved().umask, Some(0o755));
                Ok(())
            }),
        )
        .also(
            "umask 0755\n",
            valid(|c| {
                ensure_eq!(c.resolved().umask, Some(0o755));
                Ok(())
            }),
        ),
        case(
            "nice takes -20 to 19",
            "nice 20\n",
            rejects([want(K::IllegalNice, 1, "20")]),
        )
        .also("nice -21\n", rejects([want(K::IllegalNice, 1, "-21")]))
        .also("nice 12foo\n", rejects([want(K::IllegalNice, 1, "12foo")]))
        .also(
            "nice -20\nnice 19\n",
            valid(|c| {
                ensure_eq!(c.resolved().nice, Some(19));
                Ok(())
            }),
        ),
        case(
            "oom takes -17 to 15 and oom score -1000 to 1000",
            "oom -17\n",
            valid(|c| {
                let oom = c.resolved().oom.ok_or("no oom value")?;
                ensure_eq!(oom, Oom::Adjust { adj: -17 });
                ensure_eq!(oom.score(), -1000);
                Ok(())
            }),
        )
        .also("oom 16\n", rejects([want(K::IllegalOom, 1, "16")]))
        .also(
            "oom score -1000\n",
            valid(|c| {
                let oom = c.resolved().oom.ok_or("no oom value")?;
                ensure_eq!(oom.score(), -1000);
                Ok(())
            }),
        )
        .also(
            "oom score 1200\n",
            rejects([want(K::IllegalOomScore, 1, "1200")]),
        )
        .also(
            "oom score 500 foo\n",
            rejects([want(K::UnexpectedToken, 1, "foo")]),
        ),
        case(
            "limit needs a known resource and two values",
            "limit nofile 4096\n",
            rejects([want(K::ExpectedToken, 1, "\n")]),
        )
        .also(
            "limit core 10\n",
            rejects([want(K::ExpectedToken, 1, "\n")]),
        )
        .also(
            "limit foo 1 2\n",
            rejects([want(K::UnknownLimitResource, 1, "foo")]),
        )
        .also(
            "limit as unlimited unlimited\n",
            valid(|c| {
                ensure_eq!(
                    c.resolved().limits.get(&Resource::As).copied(),
                    Some((LimitValue::Unlimited, LimitValue::Unlimited))
                );
                Ok(())
            }),
        )
        .also(
            "limit core -1 -1\n",
            warns(
                [
                    want(K::WrappedNumber, 1, "-1 -1"),
                    want(K::WrappedNumber, 1, "-1\n"),
                ],
                |c| {
                    // strtoul wraps -1 to ULONG_MAX: unlimited on 64-bit.
                    let max = LimitValue::Value(u64::MAX);
                    ensure_eq!(
                        c.resolved().limits.get(&Resource::Core).copied(),
                        Some((max, max))
                    );
                    Ok(())
                },
            ),
        ),
    ]
}

/// `env` and `export`.
#[allow(clippy::too_many_lines)] // it is a table
fn environment_cases() -> Vec<Case> {
    vec![
        case(
            "env takes one assignment",
            "env FOO=bar baz\n",
            rejects([want(K::UnexpectedToken, 1, "baz")]),
        ),
        case(
            "env values are literal, not expanded",
            "env PATH=$PATH:/opt/bin\nexec mytool\n",
            valid(|c| {
                let r = c.resolved();
                // Literal: no `$` expansion.
                ensure_eq!(env(&r), ["PATH=$PATH:/opt/bin"]);
                ensure_eq!(main_exec(&r)?, "mytool");
                Ok(())
            }),
        ),
        case(
            "env with a bare name passes the variable through",
            "env HTTP_PROXY\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(r.env.len(), 1);
                ensure_eq!(r.env[0].key, "HTTP_PROXY");
                ensure_eq!(r.env[0].value.as_deref(), None::<&str>);
                Ok(())
            }),
        ),
        case(
            "repeated env keeps both values in order",
            "env MODE=a\nenv MODE=b\n",
            valid(|c| {
                let r = c.resolved();
                // Both are kept in order; at run time the later one wins.
                ensure_eq!(env(&r), ["MODE=a", "MODE=b"]);
                let last = r.env.iter().rev().find(|v| v.key == "MODE");
                ensure_eq!(last.and_then(|v| v.value.as_deref()), Some("b"));
                Ok(())
            }),
        ),
        case(
            "export keeps a dollar sign literally",
            "export $FOO\n",
            valid(|c| {
                let names: Vec<&str> = c
                    .resolved()
                    .export
                    .iter()
                    .map(|w| w.value.as_str())
                    .collect();
                ensure_eq!(names, ["$FOO"]);
                Ok(())
            }),
        ),
        case(
            "a plain env assignment reaches the job",
            "env MODE=slow\nexec /usr/bin/demo\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(env(&r), ["MODE=slow"]);
                ensure_eq!(main_exec(&r)?, "/usr/bin/demo");
                Ok(())
            }),
        ),
    ]
}

/// `start on` / `stop on` event expressions.
#[allow(clippy::too_many_lines)] // it is a table
fn event_expressions_cases() -> Vec<Case> {
    vec![
        case(
            "malformed event expressions are rejected where they go wrong",
            "start on foo or (bar or foo\n",
            // The error points at the unclosed `(`; upstart reports the end
            // of input (line 2), which we keep as a related label.
            rejects([want(K::MismatchedParens, 1, "(bar")]).and(|c| {
                let err = c.parsed.errors.first().ok_or("no error")?;
                let ends = err
                    .related
                    .iter()
                    .map(|(span, _)| c.line(span.start))
                    .collect::<Vec<_>>();
                ensure_eq!(ends, [2]);
                Ok(())
            }),
        )
        .also("start\n", rejects([want(K::ExpectedToken, 1, "\n")]))
        .also(
            "start foo\n",
            rejects([want(K::UnknownSubKeyword, 1, "foo")]),
        )
        .also("start on\n", rejects([want(K::ExpectedToken, 1, "\n")]))
        .also(
            "start on or foo\n",
            rejects([want(K::ExpectedEvent, 1, "or foo")]),
        )
        .also(
            "start on foo or\n",
            rejects([want(K::ExpectedEvent, 1, "or\n")]),
        )
        .also(
            "start on foo or and bar\n",
            rejects([want(K::ExpectedEvent, 1, "or and")]),
        )
        .also(
            "start on foo or (or foo)\n",
            rejects([want(K::ExpectedEvent, 1, "or foo)")]),
        )
        .also(
            "start on foo or (bar or)\n",
            rejects([want(K::ExpectedEvent, 1, "or)")]),
        )
        .also(
            "start on foo or bar or foo)\n",
            rejects([want(K::MismatchedParens, 1, ")")]),
        )
        .also(
            "start on frodo (foo or bar)\n",
            rejects([want(K::ExpectedOperator, 1, "(foo")]),
        )
        .also(
            "start on (foo or bar) frodo\n",
            rejects([want(K::ExpectedOperator, 1, "frodo")]),
        )
        .also(
            "start on wibble foo KEY=bar baz\n",
            rejects([want(K::ExpectedVariable, 1, "baz")]),
        ),
        case(
            "and binds tighter than or, and arguments attach to the event",
            "start on a or b and c\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("and(or(a, b), c)".to_string())
                );
                Ok(())
            }),
        )
        .also(
            "start on a or b or c\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("or(or(a, b), c)".to_string())
                );
                Ok(())
            }),
        )
        .also(
            "start on a or (b or c)\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("or(a, or(b, c))".to_string())
                );
                Ok(())
            }),
        )
        .also(
            "start on wibble foo bar and wobble frodo bilbo\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("and(wibble[foo, bar], wobble[frodo, bilbo])".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "upper-case AND is an event argument, not an operator",
            "start on a AND b\n",
            valid(|c| {
                ensure_eq!(on(c.resolved().start_on), Some("a[AND, b]".to_string()));
                Ok(())
            }),
        ),
        case(
            "a quoted or is an event argument, not an operator",
            "start on a \"or\" b\n",
            valid(|c| {
                ensure_eq!(on(c.resolved().start_on), Some("a[or, b]".to_string()));
                Ok(())
            }),
        ),
        case(
            "an operator at the end of a line does not continue the expression",
            "start on filesystem and\n    net-device-up IFACE=eth0\n",
            // Upstart stops at the EE; we also reject line 2 as a stanza.
            rejects([
                want(K::ExpectedEvent, 1, "and\n"),
                want(K::UnknownStanza, 2, "net-device-up"),
            ]),
        ),
        case(
            "comments inside parentheses are kept",
            "start on (filesystem          # local disks\n          and net-device-up IFACE!=lo)\n",
            valid(|c| {
                let start_on = c.resolved().start_on.ok_or("no start on")?;
                ensure_eq!(
                    tree(&start_on.expr),
                    "and(filesystem, net-device-up[<IFACE>!=lo])"
                );
                ensure_eq!(start_on.expr.parens(), 1);
                let comments: Vec<&str> = start_on
                    .comments
                    .iter()
                    .map(|cm| cm.comment.text.as_str())
                    .collect();
                ensure_eq!(comments, ["# local disks"]);
                Ok(())
            }),
        ),
        case(
            "a blank line inside parentheses ends the stanza",
            "start on (filesystem\n\n          and static-network-up)\n",
            rejects([want(K::ExpectedToken, 2, "\n")]),
        ),
        case(
            "a backslash-newline continues an event expression",
            "start on filesystem and \\\n         static-network-up\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("and(filesystem, static-network-up)".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "a second start on replaces the first",
            "start on wibble or wiggle\nstart on waggle\n",
            valid(|c| {
                ensure_eq!(c.keywords(), ["start on", "start on"]);
                ensure_eq!(on(c.resolved().start_on), Some("waggle".to_string()));
                Ok(())
            }),
        ),
        case(
            "positional event arguments may not follow named ones",
            "start on custom KEY=1 extra\n",
            rejects([want(K::ExpectedVariable, 1, "extra")]),
        )
        .also(
            "start on custom extra KEY=1\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("custom[extra, <KEY>=1]".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "a not-equal event argument",
            "start on net-device-up IFACE!=lo\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("net-device-up[<IFACE>!=lo]".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "only the first not-equal sign of an argument is the operator",
            "start on custom MSG=a!=b\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("custom[<MSG=a>!=b]".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "a glob event name is kept literally",
            "start on *-device-added\n",
            valid(|c| {
                // The name is kept literally (never globbed), with no arguments.
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("*-device-added".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "variables in event expressions are kept unexpanded",
            "env PEER=mysql\nstart on started $PEER\nstop on stopping JOB=$PEER\n",
            valid(|c| {
                let r = c.resolved();
                // Kept unexpanded: matching expands (and, for start on, fails).
                ensure_eq!(on(r.start_on), Some("started[$PEER]".to_string()));
                ensure_eq!(on(r.stop_on), Some("stopping[<JOB>=$PEER]".to_string()));
                ensure_eq!(env(&r), ["PEER=mysql"]);
                Ok(())
            }),
        ),
        case(
            "runlevel patterns with brackets are event arguments",
            "start on runlevel [2345]\nstop on runlevel [!2345]\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(on(r.start_on), Some("runlevel[[2345]]".to_string()));
                ensure_eq!(on(r.stop_on), Some("runlevel[[!2345]]".to_string()));
                Ok(())
            }),
        ),
        case(
            "glob values in named event arguments are kept",
            "start on file FILE=/var/crash/*.crash EVENT=create\n",
            valid(|c| {
                ensure_eq!(
                    on(c.resolved().start_on),
                    Some("file[<FILE>=/var/crash/*.crash, <EVENT>=create]".to_string())
                );
                Ok(())
            }),
        ),
        case(
            "events are listed in tree order",
            "start on a and b\nexec /bin/sleep 60\n",
            valid(|c| {
                let r = c.resolved();
                let start_on = r.start_on.ok_or("no start on")?;
                ensure_eq!(tree(&start_on.expr), "and(a, b)");
                // Tree order gives UPSTART_EVENTS=a b.
                let names: Vec<&str> = start_on
                    .expr
                    .events()
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect();
                ensure_eq!(names, ["a", "b"]);
                ensure_eq!(main_exec(&r)?, "/bin/sleep 60");
                Ok(())
            }),
        ),
        case(
            "the same event may start and stop a job",
            "start on reconfigure\nstop on reconfigure\nexec /usr/sbin/svc\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(on(r.start_on), Some("reconfigure".to_string()));
                ensure_eq!(on(r.stop_on), Some("reconfigure".to_string()));
                ensure_eq!(main_exec(&r)?, "/usr/sbin/svc");
                Ok(())
            }),
        ),
    ]
}

/// Instance jobs.
#[allow(clippy::too_many_lines)] // it is a table
fn instances_cases() -> Vec<Case> {
    vec![
        case(
            "usage and instance name the instance variable",
            "usage \"getty TTY=ttyN\"\ninstance $TTY\nexec /sbin/getty 38400 $TTY\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.usage), Some("getty TTY=ttyN"));
                ensure_eq!(text(r.instance), Some("$TTY"));
                ensure_eq!(main_exec(&r)?, "/sbin/getty 38400 $TTY");
                Ok(())
            }),
        ),
        case(
            "instance keeps a default-value expansion",
            "instance ${TTY:-tty1}\nexec /sbin/getty 38400 ${TTY:-tty1}\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.instance), Some("${TTY:-tty1}"));
                ensure_eq!(main_exec(&r)?, "/sbin/getty 38400 ${TTY:-tty1}");
                Ok(())
            }),
        ),
        case(
            "an instance variable used in exec",
            "instance $SITE\nexec /usr/sbin/web --site $SITE\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.instance), Some("$SITE"));
                ensure_eq!(main_exec(&r)?, "/usr/sbin/web --site $SITE");
                Ok(())
            }),
        ),
        case(
            "an instance variable named NAME",
            "instance $NAME\nexec /usr/sbin/vpn $NAME\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.instance), Some("$NAME"));
                ensure_eq!(main_exec(&r)?, "/usr/sbin/vpn $NAME");
                Ok(())
            }),
        ),
    ]
}

/// What supervision relies on: respawn, normal exit, hooks, signals, expect, overrides.
#[allow(clippy::too_many_lines)] // it is a table
fn supervision_cases() -> Vec<Case> {
    vec![
        case(
            "a respawning service without normal exit treats 0 as a failure",
            "respawn\nexec /bin/sh -c \"sleep 1; exit 0\"\n",
            valid(|c| {
                let r = c.resolved();
                // A respawning service with no `normal exit`: 0 is a failure.
                ensure!(r.respawn && !r.task, "respawning service");
                ensure!(r.normal_exit.is_empty(), "no normal exit");
                ensure_eq!(main_exec(&r)?, "/bin/sh -c \"sleep 1; exit 0\"");
                Ok(())
            }),
        ),
        case(
            "normal exit 0 makes a clean exit final for a respawning service",
            "respawn\nnormal exit 0\nexec /usr/bin/oneshot-ish\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.respawn, "respawn");
                ensure_eq!(normal_exit(&r), [0]);
                Ok(())
            }),
        ),
        case(
            "a respawning task has no normal exit by default",
            "task\nrespawn\nexec /usr/bin/retry-until-success\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.task && r.respawn, "respawning task");
                ensure!(r.normal_exit.is_empty(), "no normal exit");
                Ok(())
            }),
        ),
        case(
            "respawn with a tight limit",
            "respawn\nrespawn limit 2 10\nexec /bin/false\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.respawn, "respawn");
                ensure_eq!(r.respawn_limit_values(), (2, 10));
                Ok(())
            }),
        ),
        case(
            "a plain command is exec'd directly and a redirection forces the shell",
            "respawn\nexec /nonexistent/daemon\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(!needs_shell(main_exec(&r)?), "job A is exec'd directly");
                Ok(())
            }),
        )
        .also(
            "respawn\nexec /nonexistent/daemon >/dev/null\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(main_exec(&r)?, "/nonexistent/daemon >/dev/null");
                ensure!(needs_shell(main_exec(&r)?), "job B: `>` forces the shell");
                Ok(())
            }),
        ),
        case(
            "a failing pre-start with a main process and a post-stop",
            "pre-start exec /bin/sh -c \"exit 3\"\nexec /bin/sleep 100\npost-stop exec /usr/bin/logger cleaned\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(
                    slots(&r),
                    [
                        ProcessKind::PreStart,
                        ProcessKind::Main,
                        ProcessKind::PostStop
                    ]
                );
                ensure_eq!(exec(&r, ProcessKind::PreStart)?, "/bin/sh -c \"exit 3\"");
                ensure_eq!(exec(&r, ProcessKind::PostStop)?, "/usr/bin/logger cleaned");
                Ok(())
            }),
        ),
        case(
            "a failing post-start beside the main process",
            "post-start exec /bin/false\nexec /bin/sleep 100\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(slots(&r), [ProcessKind::Main, ProcessKind::PostStart]);
                ensure_eq!(exec(&r, ProcessKind::PostStart)?, "/bin/false");
                Ok(())
            }),
        ),
        case(
            "a pre-start script may stop the job",
            "pre-start script\n    [ -f /etc/enable-me ] || { stop; exit 0; }\nend script\nexec /bin/sleep 100\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(
                    script(&r, ProcessKind::PreStart)?,
                    "[ -f /etc/enable-me ] || { stop; exit 0; }\n"
                );
                ensure_eq!(main_exec(&r)?, "/bin/sleep 100");
                Ok(())
            }),
        ),
        case(
            "a pre-stop script may cancel the stop",
            "pre-stop script\n    [ -f /run/busy ] && start || true\nend script\nexec /bin/sleep 100\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(
                    script(&r, ProcessKind::PreStop)?,
                    "[ -f /run/busy ] && start || true\n"
                );
                ensure_eq!(main_exec(&r)?, "/bin/sleep 100");
                Ok(())
            }),
        ),
        case(
            "a pre-stop exec beside the main process",
            "pre-stop exec /bin/true\nexec /bin/sleep 1000\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(exec(&r, ProcessKind::PreStop)?, "/bin/true");
                ensure_eq!(main_exec(&r)?, "/bin/sleep 1000");
                Ok(())
            }),
        ),
        case(
            "pre-stop and post-stop around a short-lived main process",
            "pre-stop exec /usr/bin/logger pre-stop\nexec /bin/sh -c \"sleep 1\"\npost-stop exec /usr/bin/logger post-stop\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(
                    slots(&r),
                    [
                        ProcessKind::Main,
                        ProcessKind::PreStop,
                        ProcessKind::PostStop
                    ]
                );
                ensure_eq!(exec(&r, ProcessKind::PreStop)?, "/usr/bin/logger pre-stop");
                ensure_eq!(
                    exec(&r, ProcessKind::PostStop)?,
                    "/usr/bin/logger post-stop"
                );
                Ok(())
            }),
        ),
        case(
            "a respawning service gets the default limit of 10 in 5 seconds",
            "respawn\nexec /bin/sh -c \"sleep 1; exit 1\"\n",
            valid(|c| {
                let r = c.resolved();
                ensure!(r.respawn && !r.task, "respawning service");
                ensure_eq!(r.respawn_limit_values(), (10, 5));
                ensure_eq!(main_exec(&r)?, "/bin/sh -c \"sleep 1; exit 1\"");
                Ok(())
            }),
        ),
        case(
            "kill signal and kill timeout are recorded",
            "kill signal INT\nkill timeout 2\nexec /bin/sh -c \"trap '' INT; sleep 1000\"\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(signal(r.kill_signal), Some((Some("INT"), 2)));
                ensure_eq!(r.kill_timeout, Some(2));
                ensure_eq!(main_exec(&r)?, "/bin/sh -c \"trap '' INT; sleep 1000\"");
                Ok(())
            }),
        ),
        case(
            "kill timeout 0 is kept",
            "kill timeout 0\nexec /bin/sleep 1000\n",
            valid(|c| {
                ensure_eq!(c.resolved().kill_timeout, Some(0));
                Ok(())
            }),
        ),
        case(
            "reload signal is recorded apart from kill signal",
            "reload signal USR1\nexec /usr/sbin/server --foreground\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(signal(r.reload_signal), Some((Some("USR1"), 10)));
                ensure_eq!(r.kill_signal.map(|s| s.number), None::<i64>);
                Ok(())
            }),
        ),
        case(
            "expect fork on a respawning daemon",
            "expect fork\nrespawn\nexec /usr/sbin/double-forking-daemon\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(r.expect, Some(ExpectMode::Fork));
                ensure!(r.respawn, "respawn");
                Ok(())
            }),
        ),
        case(
            "expect daemon is recorded",
            "expect daemon\nexec /bin/sleep 1000\n",
            valid(|c| {
                ensure_eq!(c.resolved().expect, Some(ExpectMode::Daemon));
                Ok(())
            }),
        ),
        case(
            "expect stop is recorded with the command that stops itself",
            "expect stop\nexec /bin/sh -c \"kill -STOP $$; exec sleep 1000\"\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(r.expect, Some(ExpectMode::Stop));
                ensure_eq!(
                    main_exec(&r)?,
                    "/bin/sh -c \"kill -STOP $$; exec sleep 1000\""
                );
                Ok(())
            }),
        ),
        case(
            "normal exit stores a number as a plain exit code",
            "respawn\nnormal exit 3840\nexec /bin/sleep 1000\n",
            valid(|c| {
                let r = c.resolved();
                // 3840 = SIGTERM (15) × 256, the status of a death by SIGTERM;
                // it is stored as a plain code and compared as such.
                ensure_eq!(normal_exit(&r), [3840]);
                ensure_eq!(normal_exit(&r), [15 << 8]);
                ensure!(r.respawn, "respawn");
                Ok(())
            }),
        )
        .also(
            "normal exit TERM\n",
            valid(|c| {
                ensure_eq!(normal_exit(&c.resolved()), [3840]);
                Ok(())
            }),
        ),
        case(
            "setuid names a user that is checked only at run time",
            "setuid no-such-user\nexec /bin/true\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(text(r.setuid), Some("no-such-user"));
                ensure_eq!(main_exec(&r)?, "/bin/true");
                Ok(())
            }),
        ),
        case(
            "an override's manual and env apply after the conf",
            "# foo.conf\nstart on startup\nenv A=1\nexec /usr/bin/foo\n",
            valid(|c| {
                let alone = c.resolved();
                ensure_eq!(on(alone.start_on), Some("startup".to_string()));
                let over = parse_str(FOO_OVERRIDE);
                ensure!(over.errors.is_empty(), "override: {:?}", over.errors);
                let merged = resolve(&[&c.parsed.job, &over.job]);
                ensure!(
                    merged.start_on.is_none(),
                    "manual in the override cancels start on"
                );
                ensure!(merged.manual, "manual");
                ensure_eq!(env(&merged), ["A=1", "B=2"]);
                ensure_eq!(main_exec(&merged)?, "/usr/bin/foo");
                Ok(())
            }),
        ),
        case(
            "start on mounted with a named argument for a task",
            "start on mounted MOUNTPOINT=/srv\ntask\nexec /bin/false\n",
            valid(|c| {
                let r = c.resolved();
                ensure_eq!(
                    on(r.start_on),
                    Some("mounted[<MOUNTPOINT>=/srv]".to_string())
                );
                ensure!(r.task, "task");
                ensure_eq!(main_exec(&r)?, "/bin/false");
                Ok(())
            }),
        ),
    ]
}

/// Every family of cases, by name.
fn families() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        (
            "keywords_and_stanza_words",
            keywords_and_stanza_words_cases(),
        ),
        (
            "comments_quoting_and_continuation",
            comments_quoting_and_continuation_cases(),
        ),
        ("exec_and_process_stanzas", exec_and_process_stanzas_cases()),
        ("script_blocks", script_blocks_cases()),
        ("keyword_values", keyword_values_cases()),
        ("numbers_and_limits", numbers_and_limits_cases()),
        ("environment", environment_cases()),
        ("event_expressions", event_expressions_cases()),
        ("instances", instances_cases()),
        ("supervision", supervision_cases()),
    ]
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

/// Each case has a name of its own (failures are reported by name), and
/// no family is empty.
#[test]
fn every_case_has_a_unique_name() {
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for (family, cases) in families() {
        assert!(!cases.is_empty(), "no cases in {family}");
        for case in cases {
            assert!(!case.name.is_empty(), "a case of {family} has no name");
            assert!(seen.insert(case.name), "two cases named {:?}", case.name);
            total += 1;
        }
    }
    assert_eq!(
        total, 102,
        "a case was lost or added without updating this count"
    );
}

#[test]
fn keywords_and_stanza_words() {
    check_family(
        "keywords_and_stanza_words",
        keywords_and_stanza_words_cases(),
    );
}

#[test]
fn comments_quoting_and_continuation() {
    check_family(
        "comments_quoting_and_continuation",
        comments_quoting_and_continuation_cases(),
    );
}

#[test]
fn exec_and_process_stanzas() {
    check_family("exec_and_process_stanzas", exec_and_process_stanzas_cases());
}

#[test]
fn script_blocks() {
    check_family("script_blocks", script_blocks_cases());
}

#[test]
fn keyword_values() {
    check_family("keyword_values", keyword_values_cases());
}

#[test]
fn numbers_and_limits() {
    check_family("numbers_and_limits", numbers_and_limits_cases());
}

#[test]
fn environment() {
    check_family("environment", environment_cases());
}

#[test]
fn event_expressions() {
    check_family("event_expressions", event_expressions_cases());
}

#[test]
fn instances() {
    check_family("instances", instances_cases());
}

#[test]
fn supervision() {
    check_family("supervision", supervision_cases());
}
