//! What the syntax tree of a shell text shows: bash syntax dash rejects,
//! bashisms, a trailing `&&` under `set -e`, text after `exec` or `exit`.

use super::yash::{At, Chars, Note, Subject, syntax_code};
use crate::diag::Code;
use crate::diag::Severity;
use std::ops::Range;
use yash_syntax::source::Location;
use yash_syntax::syntax::{
    AndOr, CaseContinuation, Command, CompoundCommand, List, MaybeLiteral, Modifier, Redir,
    RedirBody, RedirOp, SimpleCommand, Text, TextUnit, Value, Word, WordUnit,
};

/// How the shell stops reading its text early (see [`shell_end`]).
#[derive(Clone, Debug)]
struct End {
    /// The command's first word (`exec` or `exit`).
    at: Range<usize>,
    /// `exec`, or the status of `exit`: `Some(n)` for a literal number
    /// (`exit` alone is 0), `None` when it is computed (`exit $RC`).
    exit: Option<Option<u32>>,
}

/// The first command of `list` after which the shell reads no more of its
/// text: an unconditional top-level `exec PROGRAM` (the shell is replaced)
/// or `exit` (not in the background, not in an `&&`/`||` list, not
/// negated).
fn shell_end(list: &List, chars: &Chars) -> Option<End> {
    list.0.iter().find_map(|item| {
        let and_or = &item.and_or;
        if item.async_flag.is_some() || !and_or.rest.is_empty() || and_or.first.negation {
            return None;
        }
        let [command] = and_or.first.commands.as_slice() else {
            return None;
        };
        let Command::Simple(simple) = command.as_ref() else {
            return None;
        };
        let (first, _) = simple.words.first()?;
        let at = chars.range(&first.location);
        match first.to_string_if_literal().as_deref() {
            Some("exec") if simple.words.len() >= 2 => Some(End { at, exit: None }),
            Some("exit") => {
                let status = match simple.words.get(1) {
                    None => Some(0),
                    Some((w, _)) => w.to_string_if_literal().and_then(|t| t.parse().ok()),
                };
                Some(End {
                    at,
                    exit: Some(status),
                })
            }
            _ => None,
        }
    })
}

/// A syntax error on a command line after `end`: dash reads and runs a
/// script one command line at a time, so it never gets there. When the
/// shell ends there as the program of `exec`, or with `exit` (status 0 or
/// computed), the error makes nothing fail: dead text, a warning. A
/// literal non-zero `exit` fails the block there every time: the error
/// stays, with that `exit` shown.
fn unreached(note: &mut Note, end: &End) {
    let word = if end.exit.is_some() { "exit" } else { "exec" };
    note.related.push((
        At::Text(end.at.clone()),
        format!("the shell stops reading here (`{word}`)"),
    ));
    let how = match end.exit {
        None => "is replaced by the program of an earlier `exec`",
        Some(Some(n)) if n != 0 => {
            note.label = format!(
                "{}; the shell never gets here: an earlier `exit {n}` fails the block every time",
                note.label
            );
            note.help = Some(format!(
                "the shell reads one command line at a time and stops at `exit {n}`, so the block fails there every time and this text never runs: fix both"
            ));
            return;
        }
        Some(_) => "exits at an earlier `exit`",
    };
    note.severity = Some(Severity::Warning);
    note.label = format!("{}; never reached: the shell {how}", note.label);
    note.help = Some(format!(
        "the shell reads one command line at a time and stops at `{word}`, so this text is dead: fix it or remove it"
    ));
}

/// Mark the last note unreached when a command line before the error (all
/// of `lists`) ends the shell.
pub(super) fn mark_if_unreached(lists: &[List], chars: &Chars, notes: &mut [Note]) {
    if let (Some(end), Some(note)) = (
        lists.iter().find_map(|l| shell_end(l, chars)),
        notes.last_mut(),
    ) {
        unreached(note, &end);
    }
}

/// Bashisms and bash syntax that yash accepts but dash does not.
pub(super) fn walk_lists(
    lists: &[List],
    subject: &Subject<'_>,
    chars: &Chars,
    notes: &mut Vec<Note>,
) {
    let mut end = None;
    for list in lists {
        let from = notes.len();
        Walker {
            subject,
            chars,
            notes,
        }
        .list(list);
        if let Some(end) = &end {
            let code = syntax_code(subject.origin);
            for note in notes[from..].iter_mut().filter(|n| n.code == code) {
                unreached(note, end);
            }
        }
        if end.is_none() {
            end = shell_end(list, chars);
        }
    }
}

struct Walker<'a, 'b> {
    subject: &'a Subject<'b>,
    chars: &'a Chars,
    notes: &'a mut Vec<Note>,
}

impl Walker<'_, '_> {
    fn bashism(&mut self, at: Range<usize>, label: &str, help: &str) {
        self.notes.push(Note {
            code: Code::UL407,
            at: At::Text(at),
            message: "Bash syntax in a `/bin/sh` script".into(),
            label: label.into(),
            help: Some(help.into()),
            severity: None,
            related: Vec::new(),
        });
    }

    fn rejected(&mut self, at: Range<usize>, label: &str) {
        self.notes.push(Note {
            code: syntax_code(self.subject.origin),
            at: At::Text(at),
            message: "Shell syntax error".into(),
            label: label.into(),
            help: Some("`/bin/sh` is dash on Debian and Ubuntu: use the POSIX form".into()),
            severity: None,
            related: Vec::new(),
        });
    }

    fn list(&mut self, list: &List) {
        for item in &list.0 {
            if let Some(flag) = &item.async_flag {
                let r = self.chars.range(flag);
                if self.subject.text[r.end..].starts_with('>') {
                    self.bashism(
                        r.start..r.end + 1,
                        "`&>` is bash: dash runs the command in the background and then truncates the file",
                        "write `>FILE 2>&1`",
                    );
                }
            }
            let and_or = &item.and_or;
            for pipeline in std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p))
            {
                for command in &pipeline.commands {
                    self.command(command);
                }
            }
        }
    }

    fn command(&mut self, command: &Command) {
        match command {
            Command::Simple(simple) => self.simple(simple),
            Command::Compound(full) => {
                self.compound(&full.command);
                self.redirs(&full.redirs);
            }
            Command::Function(f) => {
                self.compound(&f.body.command);
                self.redirs(&f.body.redirs);
            }
        }
    }

    fn compound(&mut self, command: &CompoundCommand) {
        match command {
            CompoundCommand::Grouping(list) => self.list(list),
            CompoundCommand::Subshell { body, .. } => self.list(body),
            CompoundCommand::For { values, body, .. } => {
                for v in values.iter().flatten() {
                    self.word(v);
                }
                self.list(body);
            }
            CompoundCommand::While { condition, body }
            | CompoundCommand::Until { condition, body } => {
                self.list(condition);
                self.list(body);
            }
            CompoundCommand::If {
                condition,
                body,
                elifs,
                r#else,
            } => {
                self.list(condition);
                self.list(body);
                for e in elifs {
                    self.list(&e.condition);
                    self.list(&e.body);
                }
                if let Some(e) = r#else {
                    self.list(e);
                }
            }
            CompoundCommand::Case { subject, items } => {
                self.word(subject);
                for item in items {
                    for p in &item.patterns {
                        self.word(p);
                    }
                    self.list(&item.body);
                    if item.continuation != CaseContinuation::Break
                        && let Some(p) = item.patterns.first()
                    {
                        let r = self.chars.range(&p.location);
                        self.rejected(
                            r,
                            "this case item ends with `;&` or `;;&`, which are bash: dash rejects them",
                        );
                    }
                }
            }
        }
    }

    fn simple(&mut self, simple: &SimpleCommand) {
        for assign in &simple.assigns {
            if assign.name.ends_with('+') {
                let r = self.chars.range(&assign.location);
                self.bashism(
                    r.start..r.start + assign.name.len() + 1,
                    "`NAME+=VALUE` is bash: dash runs it as a command, which does not exist",
                    "write `NAME=\"$NAME…\"`",
                );
            }
            match &assign.value {
                Value::Scalar(word) => self.word(word),
                Value::Array(words) => {
                    let r = self.chars.range(&assign.location);
                    let paren = usize::from(self.subject.text[r.end..].starts_with('('));
                    self.rejected(
                        r.start..r.end + paren,
                        "arrays are bash: dash rejects `NAME=(…)` (\"(\" unexpected)",
                    );
                    for w in words {
                        self.word(w);
                    }
                }
            }
        }
        let literal = |k: usize| {
            simple
                .words
                .get(k)
                .and_then(|(w, _)| w.to_string_if_literal())
        };
        if let (Some(name), Some((first, _))) = (literal(0), simple.words.first()) {
            let r = self.chars.range(&first.location);
            if name == "source" {
                self.bashism(
                    r,
                    "`source` is bash: dash has no such command (the job fails here)",
                    "use `. FILE`",
                );
            } else if (name == "[" || name == "test")
                && let Some((eq, _)) = simple
                    .words
                    .iter()
                    .skip(1)
                    .find(|(w, _)| w.to_string_if_literal().as_deref() == Some("=="))
            {
                let r = self.chars.range(&eq.location);
                self.bashism(
                    r,
                    "`==` is bash: dash's `[` says \"unexpected operator\" and the test is false",
                    "use `=`",
                );
            }
        }
        for (word, _) in &simple.words {
            self.word(word);
        }
        self.redirs(&simple.redirs);
    }

    fn redirs(&mut self, redirs: &[Redir]) {
        for redir in redirs {
            match &redir.body {
                RedirBody::Normal { operator, operand } => {
                    if *operator == RedirOp::String {
                        let r = self.chars.range(&operand.location);
                        let start = self.subject.text[..r.start].rfind("<<<").unwrap_or(r.start);
                        self.rejected(
                            start..r.end,
                            "here-strings `<<<` are bash: dash rejects them (\"redirection unexpected\")",
                        );
                    }
                    self.word(operand);
                }
                RedirBody::HereDoc(_) => {}
            }
        }
    }

    fn word(&mut self, word: &Word) {
        for unit in &word.units {
            match unit {
                WordUnit::DollarSingleQuote(_) => {
                    let r = self.chars.range(&word.location);
                    let text = &self.subject.text[r.clone()];
                    let start = text.find("$'").map_or(r.start, |i| r.start + i);
                    self.bashism(
                        start..r.end,
                        "`$'…'` is bash: dash keeps the `$` and does not interpret the escapes",
                        "use `printf` to produce special characters",
                    );
                }
                WordUnit::DoubleQuote(text) => self.text(text),
                WordUnit::Unquoted(unit) => self.text_unit(unit),
                WordUnit::SingleQuote(_) | WordUnit::Tilde { .. } => {}
            }
        }
    }

    fn text(&mut self, text: &Text) {
        for unit in &text.0 {
            self.text_unit(unit);
        }
    }

    fn text_unit(&mut self, unit: &TextUnit) {
        match unit {
            TextUnit::BracedParam(param) => match &param.modifier {
                Modifier::Switch(s) => self.word(&s.word),
                Modifier::Trim(t) => self.word(&t.pattern),
                Modifier::None | Modifier::Length => {}
            },
            TextUnit::Arith { content, .. } => self.text(content),
            _ => {}
        }
    }
}

/// Where a command starts (the first location the tree records in it).
fn command_start(command: &Command) -> Option<&Location> {
    fn list_start(list: &List) -> Option<&Location> {
        let item = list.0.first()?;
        item.and_or
            .first
            .commands
            .first()
            .and_then(|c| command_start(c))
    }
    match command {
        Command::Simple(s) => {
            let mut locs: Vec<&Location> = Vec::new();
            locs.extend(s.assigns.first().map(|a| &a.location));
            locs.extend(s.words.first().map(|(w, _)| &w.location));
            locs.extend(s.redirs.first().map(|r| &r.body.operand().location));
            locs.into_iter().min_by_key(|l| l.range.start)
        }
        Command::Compound(full) => match &full.command {
            CompoundCommand::Grouping(list) => list_start(list),
            CompoundCommand::Subshell { location, .. } => Some(location),
            CompoundCommand::For { name, .. } => Some(&name.location),
            CompoundCommand::While { condition, .. } | CompoundCommand::Until { condition, .. } => {
                list_start(condition)
            }
            CompoundCommand::If { condition, .. } => list_start(condition),
            CompoundCommand::Case { subject, .. } => Some(&subject.location),
        },
        Command::Function(f) => Some(&f.name.location),
    }
}

/// The byte range from `start` to the end of its line (without the newline).
fn to_line_end(text: &str, start: usize) -> Range<usize> {
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    start..end
}

/// UL406: the block's last command is `A && B`.
pub(super) fn last_and(lists: &[List], chars: &Chars, text: &str, notes: &mut Vec<Note>) {
    let Some(item) = lists.iter().rev().find_map(|l| l.0.last()) else {
        return;
    };
    if item.async_flag.is_some() {
        return;
    }
    let Some((AndOr::AndThen, _)) = item.and_or.rest.last() else {
        return;
    };
    let Some(start) = item
        .and_or
        .first
        .commands
        .first()
        .and_then(|c| command_start(c))
    else {
        return;
    };
    let start = chars.range(start).start;
    notes.push(Note {
        code: Code::UL406,
        at: At::Text(to_line_end(text, start)),
        message: "The block ends with an `&&` list".into(),
        label: "when the command before `&&` fails, its status becomes the block's exit status and upstart treats the process as failed".into(),
        help: Some("write `if …; then …; fi`, or append `|| true`".into()),
        severity: None,
        related: Vec::new(),
    });
}

/// UL408: top-level commands after a top-level `exec PROGRAM`.
pub(super) fn after_exec(lists: &[List], chars: &Chars, notes: &mut Vec<Note>) {
    let mut exec_at: Option<Range<usize>> = None;
    for item in lists.iter().flat_map(|l| l.0.iter()) {
        if let Some(exec) = &exec_at {
            let Some(start) = item
                .and_or
                .first
                .commands
                .first()
                .and_then(|c| command_start(c))
            else {
                continue;
            };
            notes.push(Note {
                code: Code::UL408,
                at: At::Text(chars.range(start)),
                message: "Command after `exec` never runs".into(),
                label: "`exec` above replaces the shell with the program, so this and what follows never run".into(),
                help: Some("move these commands before `exec`, or into `post-start` / `post-stop`".into()),
                severity: None,
                related: vec![(At::Text(exec.clone()), "the shell is replaced here".into())],
            });
            return;
        }
        let and_or = &item.and_or;
        if item.async_flag.is_some() || !and_or.rest.is_empty() || and_or.first.negation {
            continue;
        }
        let [command] = and_or.first.commands.as_slice() else {
            continue;
        };
        let Command::Simple(simple) = command.as_ref() else {
            continue;
        };
        if simple.words.len() >= 2
            && simple.words[0].0.to_string_if_literal().as_deref() == Some("exec")
        {
            exec_at = Some(chars.range(&simple.words[0].0.location));
        }
    }
}
