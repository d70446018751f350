//! AST → canonical upstart text that keeps comments.
//!
//! Canonical form: one stanza per line, no indentation, one space between
//! words, two spaces before a trailing comment, script bodies indented by four
//! spaces (unless the body's own layout forbids it, see [`script_body`]),
//! runs of blank lines collapsed to one. Values are re-quoted so that libnih
//! dequotes them to the same bytes: `parse(print(job))` equals `job` apart
//! from spans.

use crate::ast::{
    Comment, EventArg, EventExpr, EventMatch, ExitStatus, Item, Job, LimitValue, OnCondition, Oom,
    ProcessBody, ProcessKind, RespawnLimit, Signal, Stanza, StanzaKind,
};
use crate::source::Span;
use crate::syntax::script::strip_common_indent;
use std::fmt::Write as _;

/// Indentation the printer gives script bodies.
pub const SCRIPT_INDENT: &str = "    ";

/// A stanza with no canonical form: one that failed to parse, or one whose
/// comments no layout can keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintError {
    pub span: Span,
    pub keyword: String,
    /// Why, when the stanza itself is valid.
    pub reason: Option<&'static str>,
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.reason {
            Some(why) => write!(f, "cannot print `{}`: {why}", self.keyword),
            None => write!(f, "cannot print the invalid stanza `{}`", self.keyword),
        }
    }
}

impl std::error::Error for PrintError {}

/// Print a job in canonical form.
///
/// # Errors
/// When the job contains a [`StanzaKind::Invalid`] stanza.
pub fn print(job: &Job) -> Result<String, PrintError> {
    let mut out = String::new();
    for item in &job.items {
        match item {
            Item::Comment(c) => {
                out.push_str(&c.text);
                out.push('\n');
            }
            Item::Blank { .. } => out.push('\n'),
            Item::Stanza(s) => stanza(&mut out, s)?,
        }
    }
    Ok(out)
}

/// Why a file is left as it is by `fmt` (and the language server's
/// formatting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotFormatted {
    /// Upstart rejects the file: its errors come first.
    Errors,
    /// Bytes that are not UTF-8, which the text would replace.
    InvalidUtf8,
    /// NUL bytes, where upstart truncates script lines.
    Nul,
    /// A stanza with no canonical form.
    Print(PrintError),
    /// The canonical text would parse to another job (a bug).
    ChangesMeaning,
}

/// The canonical text of a parsed file (`bytes` as read), or why there is
/// none. The text is re-parsed and compared, so it never means something
/// else.
///
/// # Errors
/// See [`NotFormatted`].
pub fn canonical(parsed: &crate::syntax::Parsed, bytes: &[u8]) -> Result<String, NotFormatted> {
    use crate::syntax::ErrorKind;
    if parsed.has_errors() {
        return Err(NotFormatted::Errors);
    }
    if parsed
        .errors
        .iter()
        .any(|e| e.kind == ErrorKind::InvalidUtf8)
    {
        return Err(NotFormatted::InvalidUtf8);
    }
    if bytes.contains(&0) {
        return Err(NotFormatted::Nul);
    }
    let formatted = print(&parsed.job).map_err(NotFormatted::Print)?;
    // The text is re-parsed item by item, so that a second whole job is
    // never held beside the first (issue 20: twice the memory).
    let mut original = parsed.job.items.iter();
    let mut same = true;
    crate::syntax::for_each_item(formatted.as_bytes(), |item| {
        same = same
            && original
                .next()
                .is_some_and(|o| crate::ast::item_eq_ignoring_spans(&item, o));
    });
    if !same || original.next().is_some() {
        return Err(NotFormatted::ChangesMeaning);
    }
    Ok(formatted)
}

fn trailing(out: &mut String, comment: Option<&Comment>) {
    if let Some(c) = comment {
        out.push_str("  ");
        out.push_str(&c.text);
    }
}

/// Whether the stanza holds an empty token where upstart requires one.
/// Upstart accepts such a value only through a quirk of libnih's token
/// length (`""\` at the end of a line followed by a blank one, or a NUL
/// byte right after an escape), which no canonical layout reproduces.
fn has_empty_token(kind: &StanzaKind) -> bool {
    let empty = |w: &crate::ast::Word| w.value.is_empty();
    match kind {
        StanzaKind::Instance { name: w }
        | StanzaKind::Description { text: w }
        | StanzaKind::Author { text: w }
        | StanzaKind::Version { text: w }
        | StanzaKind::Usage { text: w }
        | StanzaKind::Chroot { dir: w }
        | StanzaKind::Chdir { dir: w }
        | StanzaKind::Setuid { user: w }
        | StanzaKind::Setgid { group: w }
        | StanzaKind::ApparmorLoad { profile: w }
        | StanzaKind::ApparmorSwitch { profile: w }
        | StanzaKind::Import { var: w } => empty(w),
        StanzaKind::Env { var } => var.key.is_empty() && var.value.is_none(),
        StanzaKind::Export { names: ws }
        | StanzaKind::Emits { events: ws }
        | StanzaKind::Tmpfiles { paths: ws } => ws.iter().any(empty),
        StanzaKind::Cgroup {
            controller,
            name,
            key,
            value,
        } => [
            Some(controller),
            name.as_deref(),
            key.as_deref(),
            value.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(empty),
        StanzaKind::StartOn { on } | StanzaKind::StopOn { on } => {
            on.expr.events().iter().any(|e| {
                e.name.is_empty()
                    || e.args.iter().any(
                        |a| matches!(a, EventArg::Positional { pattern, .. } if pattern.is_empty()),
                    )
            })
        }
        _ => false,
    }
}

/// A `script` block (with the hook prefix, `pre-start ` etc.): the body in
/// canonical indentation, and the comments after `script` and `end script`.
fn script_block(
    out: &mut String,
    s: &Stanza,
    prefix: &str,
    body: &str,
    end_comment: Option<&Comment>,
) -> Result<(), PrintError> {
    let text = script_body(body);
    // Only a NUL byte can leave a body line that reads `end script`;
    // printed, it would close the block early.
    let mut at = 0;
    while at < text.len() {
        if crate::syntax::block_end_at(&text.as_bytes()[at..]) {
            return Err(PrintError {
                span: s.span,
                keyword: s.kind.keyword().to_string(),
                reason: Some("a line of the script reads `end script` (left by a NUL byte)"),
            });
        }
        at += text[at..].find('\n').map_or(text.len() - at, |i| i + 1);
    }
    out.push_str(prefix);
    out.push_str("script");
    trailing(out, s.comment.as_deref());
    out.push('\n');
    out.push_str(&text);
    out.push_str("end script");
    trailing(out, end_comment);
    out.push('\n');
    Ok(())
}

fn stanza(out: &mut String, s: &Stanza) -> Result<(), PrintError> {
    if has_empty_token(&s.kind) {
        return Err(PrintError {
            span: s.span,
            keyword: s.kind.keyword().to_string(),
            reason: Some(
                "an empty value that upstart reads only through a quirk (`\"\"\\` at a line end, or a NUL byte)",
            ),
        });
    }
    let line = match &s.kind {
        StanzaKind::Instance { name: w }
        | StanzaKind::Description { text: w }
        | StanzaKind::Author { text: w }
        | StanzaKind::Version { text: w }
        | StanzaKind::Usage { text: w }
        | StanzaKind::Chroot { dir: w }
        | StanzaKind::Chdir { dir: w }
        | StanzaKind::Setuid { user: w }
        | StanzaKind::Setgid { group: w }
        | StanzaKind::ApparmorLoad { profile: w }
        | StanzaKind::ApparmorSwitch { profile: w }
        | StanzaKind::Import { var: w } => format!("{} {}", s.kind.keyword(), quote(&w.value)),
        StanzaKind::Env { var } => match &var.value {
            Some(v) => format!("env {}={}", quote_seg(&var.key), quote_seg(v)),
            None => format!("env {}", quote(&var.key)),
        },
        StanzaKind::Export { names: ws }
        | StanzaKind::Emits { events: ws }
        | StanzaKind::Tmpfiles { paths: ws } => {
            let words: Vec<String> = ws.iter().map(|w| quote(&w.value)).collect();
            format!("{} {}", s.kind.keyword(), words.join(" "))
        }
        StanzaKind::StartOn { on } | StanzaKind::StopOn { on } => {
            let prefix = format!("{} ", s.kind.keyword());
            on_condition(&prefix, on).map_err(|why| PrintError {
                span: s.span,
                keyword: s.kind.keyword().to_string(),
                reason: Some(why),
            })?
        }
        StanzaKind::Process { process, body } => {
            let prefix = match process {
                ProcessKind::Main => String::new(),
                p => format!("{} ", p.keyword()),
            };
            match body {
                ProcessBody::Exec {
                    written: Some(text),
                    ..
                } => format!("{prefix}exec {text}"),
                ProcessBody::Exec { command, .. } => format!("{prefix}exec {}", command.value),
                ProcessBody::Script {
                    body, end_comment, ..
                } => return script_block(out, s, &prefix, body, end_comment.as_deref()),
            }
        }
        StanzaKind::Expect { mode } => format!("expect {}", mode.value.as_str()),
        StanzaKind::Task => "task".into(),
        StanzaKind::Respawn => "respawn".into(),
        StanzaKind::Manual => "manual".into(),
        StanzaKind::Debug => "debug".into(),
        StanzaKind::RespawnLimit { limit } => match limit {
            RespawnLimit::Unlimited { .. } => "respawn limit unlimited".into(),
            RespawnLimit::Count { count, interval } => {
                format!("respawn limit {} {}", count.value, interval.value)
            }
        },
        StanzaKind::KillTimeout { seconds } => format!("kill timeout {}", seconds.value),
        StanzaKind::KillSignal { signal: sig } => format!("kill signal {}", signal(sig)),
        StanzaKind::ReloadSignal { signal: sig } => format!("reload signal {}", signal(sig)),
        StanzaKind::NormalExit { statuses } => {
            let values: Vec<String> = statuses
                .iter()
                .map(|st| match st {
                    ExitStatus::Code { code, .. } => code.to_string(),
                    ExitStatus::Signal { signal: sig } => signal(sig),
                })
                .collect();
            format!("normal exit {}", values.join(" "))
        }
        StanzaKind::Console { mode } => format!("console {}", mode.value.as_str()),
        StanzaKind::Umask { mask } => {
            if mask.value == 0 {
                "umask 0".into()
            } else {
                format!("umask 0{:o}", mask.value)
            }
        }
        StanzaKind::Nice { value } => format!("nice {}", value.value),
        StanzaKind::Oom { oom } => match oom.value {
            Oom::Adjust { adj } => format!("oom {adj}"),
            Oom::Never => "oom never".into(),
            Oom::Score { score } => format!("oom score {score}"),
            Oom::ScoreNever => "oom score never".into(),
        },
        StanzaKind::Limit {
            resource,
            soft,
            hard,
        } => format!(
            "limit {} {} {}",
            resource.value.as_str(),
            limit(soft.value),
            limit(hard.value)
        ),
        StanzaKind::Cgroup {
            controller,
            name,
            key,
            value,
        } => {
            let mut line = format!("cgroup {}", quote(&controller.value));
            for w in [name, key, value].into_iter().flatten() {
                line.push(' ');
                line.push_str(&quote(&w.value));
            }
            line
        }
        StanzaKind::Invalid { keyword } => {
            return Err(PrintError {
                span: s.span,
                keyword: keyword.to_string(),
                reason: None,
            });
        }
    };
    out.push_str(&line);
    trailing(out, s.comment.as_deref());
    out.push('\n');
    Ok(())
}

fn signal(sig: &Signal) -> String {
    match &sig.name {
        Some(name) => quote(name),
        None => sig.number.to_string(),
    }
}

fn limit(v: LimitValue) -> String {
    match v {
        LimitValue::Unlimited => "unlimited".into(),
        LimitValue::Value(n) => n.to_string(),
    }
}

/// A script body laid out so that libnih's indentation rule gives it back
/// unchanged: indented by [`SCRIPT_INDENT`] when that round-trips (it does
/// not when the body has an empty line, which disables stripping), else
/// verbatim.
#[must_use]
pub fn script_body(body: &str) -> String {
    let mut body = body.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    if body.split_inclusive('\n').all(|l| l != "\n") {
        let indented: String = body
            .split_inclusive('\n')
            .map(|l| format!("{SCRIPT_INDENT}{l}"))
            .collect();
        if strip_common_indent(&indented) == body {
            return indented;
        }
    }
    // Verbatim, unless the indentation rule would strip it: then no text
    // gives this body back (only a NUL byte, which cuts a line short, can
    // produce one). Print the body upstart would read from the verbatim
    // text, taken to its fixed point so that printing is stable.
    let mut stripped = strip_common_indent(&body);
    if stripped == body {
        return body;
    }
    while stripped != body {
        body = stripped;
        stripped = strip_common_indent(&body);
    }
    // A fixed point of the rule: this call returns at the latest above.
    script_body(&body)
}

/// Longest `start on`/`stop on` line before the printer wraps it.
pub const EXPR_WIDTH: usize = 80;

fn on_condition(prefix: &str, on: &OnCondition) -> Result<String, &'static str> {
    let mut pieces = Vec::new();
    expr_pieces(&on.expr, &mut pieces, false);
    let indent = " ".repeat(prefix.len() + 1);
    let one_line = join_pieces(prefix, &pieces, |_, _| None);
    if on.comments.is_empty() {
        if one_line.len() <= EXPR_WIDTH {
            return Ok(one_line);
        }
        // Too long: break before each operator of the outermost chain and
        // of the groups directly inside it. Inside parentheses a newline is
        // allowed; outside them a backslash-newline is (both are whitespace
        // to upstart). Nested lines are indented one more space.
        let root_parens = on.expr.parens();
        let mut depth = 0u32;
        let mut depths = Vec::with_capacity(pieces.len());
        for piece in &pieces {
            if piece == ")" {
                depth = depth.saturating_sub(1);
            }
            depths.push(depth);
            if piece == "(" {
                depth += 1;
            }
        }
        let is_op = |i: usize| i > 0 && (pieces[i] == "and" || pieces[i] == "or");
        let mut breaks: Vec<usize> = (0..pieces.len())
            .filter(|&i| is_op(i) && depths[i] == root_parens)
            .collect();
        // A line that is still too long also breaks inside its groups.
        let mut bounds = vec![0];
        bounds.extend(&breaks);
        bounds.push(pieces.len());
        for w in bounds.windows(2) {
            let width = join_pieces("", &pieces[w[0]..w[1]], |_, _| None).len() + indent.len();
            if width > EXPR_WIDTH {
                breaks.extend((w[0]..w[1]).filter(|&i| is_op(i) && depths[i] == root_parens + 1));
            }
        }
        return Ok(join_pieces(prefix, &pieces, |i, _| {
            if !breaks.contains(&i) {
                return None;
            }
            let d = depths[i];
            let glue = if d > 0 { "\n" } else { " \\\n" };
            let extra = " ".repeat(usize::try_from(d - root_parens).unwrap_or(0));
            Some(format!("{glue}{indent}{extra}"))
        }));
    }
    // Two comments after one piece were on two lines inside one event match
    // (`x #` newline `arg #`); the printer keeps a match on one line, and a
    // line holding only a comment is an error inside parentheses.
    for (i, c) in on.comments.iter().enumerate() {
        if on.comments[..i]
            .iter()
            .any(|d| d.after_piece == c.after_piece)
        {
            return Err("two comments inside one event match; move one after the match");
        }
    }
    // Comments inside parentheses end their line, after the piece they
    // followed in the file.
    let mut line = prefix.to_string();
    let mut fresh = true;
    for (i, piece) in pieces.iter().enumerate() {
        if !fresh && piece != ")" {
            line.push(' ');
        }
        line.push_str(piece);
        fresh = piece == "(";
        let count = i + 1;
        let mut wrapped = false;
        for c in on.comments.iter().filter(|c| c.after_piece == count) {
            line.push_str("  ");
            line.push_str(&c.comment.text);
            line.push('\n');
            line.push_str(&indent);
            wrapped = true;
        }
        if wrapped {
            fresh = true;
        }
    }
    Ok(line)
}

/// Join expression pieces with single spaces (none inside parentheses);
/// `break_before` may replace the space before a piece with a line break.
fn join_pieces(
    prefix: &str,
    pieces: &[String],
    break_before: impl Fn(usize, &str) -> Option<String>,
) -> String {
    let mut line = prefix.to_string();
    let mut fresh = true;
    for (i, piece) in pieces.iter().enumerate() {
        if let Some(br) = break_before(i, piece) {
            line.push_str(&br);
        } else if !fresh && piece != ")" {
            line.push(' ');
        }
        line.push_str(piece);
        fresh = piece == "(";
    }
    line
}

fn expr_pieces(e: &EventExpr, out: &mut Vec<String>, force_parens: bool) {
    let parens = e.parens().max(u32::from(force_parens));
    for _ in 0..parens {
        out.push("(".into());
    }
    match e {
        EventExpr::Match { event, .. } => out.push(event_match(event)),
        EventExpr::Op { op, lhs, rhs, .. } => {
            expr_pieces(lhs, out, false);
            out.push(op.as_str().into());
            // Operators group to the left, so a compound right operand needs
            // parentheses (the parser never produces one without them).
            let rhs_needs = matches!(**rhs, EventExpr::Op { .. }) && rhs.parens() == 0;
            expr_pieces(rhs, out, rhs_needs);
        }
    }
    for _ in 0..parens {
        out.push(")".into());
    }
}

fn event_match(m: &EventMatch) -> String {
    let mut s = quote_event(&m.name);
    for arg in &m.args {
        s.push(' ');
        match arg {
            EventArg::Positional { pattern, .. } => s.push_str(&quote_event(pattern)),
            EventArg::Named {
                key,
                negated,
                pattern,
                ..
            } => {
                let _ = write!(
                    s,
                    "{}{}{}",
                    quote_seg_event(key),
                    if *negated { "!=" } else { "=" },
                    quote_seg_event(pattern)
                );
            }
        }
    }
    s
}

fn plain(c: char, event: bool) -> bool {
    !(matches!(c, ' ' | '\t' | '\r' | '\n' | '#' | '"' | '\'' | '\\' | '\0')
        || (event && matches!(c, '(' | ')')))
}

/// Quote a value so that libnih's dequoting yields it back.
#[must_use]
pub fn quote(value: &str) -> String {
    quote_with(value, false)
}

fn quote_event(value: &str) -> String {
    if value == "and" || value == "or" {
        return format!("\"{value}\"");
    }
    quote_with(value, true)
}

fn quote_seg(value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        quote_with(value, false)
    }
}

fn quote_seg_event(value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        quote_with(value, true)
    }
}

fn quote_with(value: &str, event: bool) -> String {
    if !value.is_empty() && value.chars().all(|c| plain(c, event)) {
        return value.to_string();
    }
    // Inside quotes only the quote character and `\` need care: prefer the
    // quote kind the value does not contain; a quote of the chosen kind is
    // written in the other kind (`"'"'"`), and `\` is doubled (libnih
    // reduces `\\` to `\`).
    let q = if value.contains('"') && !value.contains('\'') {
        '\''
    } else {
        '"'
    };
    let other = if q == '"' { '\'' } else { '"' };
    let mut out = String::with_capacity(value.len() + 2);
    out.push(q);
    for c in value.chars() {
        if c == q {
            out.extend([q, other, q, other, q]);
        } else if c == '\\' {
            out.push_str("\\\\");
        } else {
            out.push(c);
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_str;

    fn fmt(src: &str) -> String {
        print(&parse_str(src).job).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn an_empty_required_value_is_refused_not_printed_as_quotes() {
        // `""\`⏎ followed by a delimiter has libnih length 1: upstart
        // stores an empty description; `description ""` would be rejected.
        let parsed = parse_str("description \"\"\\\n\nexec /bin/true\n");
        assert!(!parsed.has_errors(), "{:?}", parsed.errors);
        let err = print(&parsed.job).map(|_| ()).unwrap_err();
        assert_eq!(err.keyword, "description");
        assert!(print(&parse_str("env KEY=\nexec /bin/true\n").job).is_ok());
    }

    #[test]
    fn canonical_layout() {
        assert_eq!(
            fmt("  task   # t\n\n\n\nexec  /bin/true\n"),
            "task  # t\n\nexec /bin/true\n"
        );
        assert_eq!(
            fmt("script\n\techo hi\nend script\n"),
            "script\n    echo hi\nend script\n"
        );
        assert_eq!(fmt("umask 22\n"), "umask 022\n");
    }

    #[test]
    fn quoting_round_trips() {
        for v in [
            "a b",
            "say \"hi\"",
            "it's",
            "a\\b",
            "x#y",
            " lead",
            "both \" and '",
        ] {
            let src = format!("description {}\n", quote(v));
            let job = parse_str(&src).job;
            match &job.items[0] {
                Item::Stanza(Stanza {
                    kind: StanzaKind::Description { text },
                    ..
                }) => assert_eq!(text.value, v, "{src}"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn long_expressions_wrap_at_the_outer_operators() {
        let long = "start on (stop-postgresql-clusters VERSION=$VERSION or deconfiguring-networking or (a and b) or runlevel [016])\n";
        assert_eq!(
            fmt(long),
            "start on (stop-postgresql-clusters VERSION=$VERSION\n          or deconfiguring-networking\n          or (a and b)\n          or runlevel [016])\n"
        );
        let bare = "start on starting cros-camera or starting cros-camera-algo or starting cros-camera-gpu-algo\n";
        assert_eq!(
            fmt(bare),
            "start on starting cros-camera \\\n          or starting cros-camera-algo \\\n          or starting cros-camera-gpu-algo\n"
        );
        for src in [long, bare] {
            let once = fmt(src);
            assert_eq!(fmt(&once), once);
            assert!(crate::ast::eq_ignoring_spans(
                &parse_str(&once).job,
                &parse_str(src).job
            ));
        }
    }

    #[test]
    fn expressions_keep_grouping_and_comments() {
        assert_eq!(fmt("start on (a or b)and c\n"), "start on (a or b) and c\n");
        assert_eq!(
            fmt("start on (filesystem   # disks\n   and net-device-up IFACE!=lo)\n"),
            "start on (filesystem  # disks\n          and net-device-up IFACE!=lo)\n"
        );
        assert_eq!(fmt("start on a \"or\" b\n"), "start on a \"or\" b\n");
    }
}
