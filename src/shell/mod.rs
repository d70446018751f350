//! A small lexer for the shell text of `exec` lines and script blocks, and
//! what a script does before it replaces the shell (`exec PROGRAM`). Used
//! by the single-job lint rules and by systemd2upstart; the full syntax
//! check of embedded shell is the linter's ([`crate::lint::shell`]).

/// One token of shell text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// The word as written (quotes kept), or the operator.
    pub text: String,
    pub op: bool,
    /// Byte offsets into the lexed text.
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// A word that is a command separator or pipe (`;`, `&&`, `||`, `|`,
    /// `&`, a newline) — the end of a simple command.
    pub fn is_separator(&self) -> bool {
        self.op && matches!(self.text.as_str(), ";" | "&&" | "||" | "|" | "&" | "\n")
    }

    /// The word with its quotes removed (backslash escapes resolved).
    pub fn unquoted(&self) -> String {
        let mut out = String::new();
        let mut quote: Option<char> = None;
        let mut chars = self.text.chars();
        while let Some(c) = chars.next() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None | Some('"'), '\\') => {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// Split shell text into words and operators, roughly as `sh` does: quotes,
/// backslashes, `$(…)` and backquotes keep their content in one word; `#` at
/// the start of a word starts a comment; a backslash-newline is a blank;
/// redirections such as `2>&1` stay words. Newlines are `"\n"` operators.
pub fn lex(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    let flush = |out: &mut Vec<Tok>, start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            out.push(Tok {
                text: text[s..end].to_string(),
                op: false,
                start: s,
                end,
            });
        }
    };
    let op = |out: &mut Vec<Tok>, s: usize, len: usize| {
        out.push(Tok {
            text: text[s..s + len].to_string(),
            op: true,
            start: s,
            end: s + len,
        });
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' if b.get(i + 1) == Some(&b'\n') => {
                flush(&mut out, &mut start, i);
                i += 2;
            }
            b'\\' => {
                start.get_or_insert(i);
                i = (i + 2).min(b.len());
            }
            b'\'' => {
                start.get_or_insert(i);
                i = text[i + 1..].find('\'').map_or(b.len(), |k| i + 1 + k + 1);
            }
            b'"' | b'`' => {
                start.get_or_insert(i);
                i = closing(b, i + 1, c);
            }
            b'$' if b.get(i + 1) == Some(&b'(') => {
                start.get_or_insert(i);
                i = closing_paren(b, i + 2);
            }
            b'$' if b.get(i + 1) == Some(&b'{') => {
                start.get_or_insert(i);
                i = text[i..].find('}').map_or(b.len(), |k| i + k + 1);
            }
            b' ' | b'\t' | b'\r' => {
                flush(&mut out, &mut start, i);
                i += 1;
            }
            b'\n' => {
                flush(&mut out, &mut start, i);
                op(&mut out, i, 1);
                i += 1;
            }
            b'#' if start.is_none() => {
                i = text[i..].find('\n').map_or(b.len(), |k| i + k);
            }
            b'&' | b'|' if start.is_some() && i > 0 && matches!(b[i - 1], b'>' | b'<') => i += 1,
            b'&' if b.get(i + 1) == Some(&b'>') => {
                start.get_or_insert(i);
                i += 1;
            }
            b'&' | b'|' | b';' => {
                flush(&mut out, &mut start, i);
                let len = if c != b';' && b.get(i + 1) == Some(&c) {
                    2
                } else {
                    1
                };
                op(&mut out, i, len);
                i += len;
            }
            b'(' | b')' => {
                flush(&mut out, &mut start, i);
                op(&mut out, i, 1);
                i += 1;
            }
            _ => {
                start.get_or_insert(i);
                i += 1;
            }
        }
    }
    flush(&mut out, &mut start, b.len());
    out
}

/// The offset after the `quote` that closes a string starting at `from`.
fn closing(b: &[u8], mut i: usize, quote: u8) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The offset after the `)` that closes a `$(` whose content starts at `from`.
fn closing_paren(b: &[u8], mut i: usize) -> usize {
    let mut depth = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
            }
            b'"' | b'`' => {
                i = closing(b, i + 1, b[i]);
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The simple commands of lexed text: the words between separators
/// (parentheses of subshells and groups dropped).
pub fn commands(toks: &[Tok]) -> Vec<Vec<&Tok>> {
    toks.split(Tok::is_separator)
        .map(|c| c.iter().filter(|t| !t.op).collect::<Vec<_>>())
        .filter(|c| !c.is_empty())
        .collect()
}

/// The last path component of a program word (`/usr/sbin/sshd` → `sshd`).
pub fn basename(word: &str) -> &str {
    word.rsplit('/').next().unwrap_or(word)
}

/// Shell builtins and keywords of `dash`: running them does not fork.
const BUILTINS: &[&str] = &[
    ".", ":", "[", "test", "echo", "printf", "export", "unset", "set", "cd", "read", "local",
    "shift", "true", "false", "return", "exit", "ulimit", "umask", "trap", "readonly", "wait",
    "getopts", "hash", "type", "command", "break", "continue", "eval", "alias", "unalias",
];

/// Keywords after which the next word is a command again.
const LEADING_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "do", "while", "until", "{", "!",
];

/// Keywords that end a compound command.
const CLOSING_KEYWORDS: &[&str] = &["fi", "done", "esac", "}"];

/// What a script does before it replaces the shell with `exec PROGRAM`.
pub struct ScriptFlow {
    /// The first place where the shell forks a child before the final
    /// `exec`: its offsets in the text and a description.
    pub fork: Option<(usize, usize, String)>,
    /// Whether the script reaches an `exec PROGRAM` at all.
    pub execs: bool,
}

/// Follow a script's commands up to its first `exec PROGRAM` (an `exec`
/// with only redirections does not count), noting the first command that
/// runs as a child process: a program that is not a builtin, a pipeline, a
/// background `&`, or a command substitution.
pub fn script_flow(text: &str) -> ScriptFlow {
    let toks = lex(text);
    let mut flow = ScriptFlow {
        fork: None,
        execs: false,
    };
    let note = |flow: &mut ScriptFlow, t: &Tok, why: String| {
        if flow.fork.is_none() {
            flow.fork = Some((t.start, t.end, why));
        }
    };
    let mut at_start = true;
    let mut in_case = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        i += 1;
        if t.op {
            if matches!(t.text.as_str(), "|" | "&") {
                note(
                    &mut flow,
                    t,
                    format!("`{}` runs commands in a child process", t.text),
                );
            }
            if t.is_separator() {
                at_start = true;
            }
            continue;
        }
        if t.text.contains("$(") || t.text.contains('`') {
            note(
                &mut flow,
                t,
                "the command substitution runs in a child process".to_string(),
            );
        }
        if !at_start {
            continue;
        }
        let word = t.unquoted();
        let is_assignment = word.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if is_assignment {
            continue;
        }
        if in_case > 0 {
            // A case pattern: `a)`, `start|restart)`.
            let mut j = i;
            while toks.get(j).is_some_and(|n| n.op && n.text == "|")
                && toks.get(j + 1).is_some_and(|n| !n.op)
            {
                j += 2;
            }
            if toks.get(j).is_some_and(|n| n.op && n.text == ")") {
                i = j + 1;
                continue;
            }
        }
        at_start = false;
        match word.as_str() {
            "case" => in_case += 1,
            "esac" => in_case = in_case.saturating_sub(1),
            "exec" => {
                let args: Vec<&Tok> = toks[i..].iter().take_while(|t| !t.is_separator()).collect();
                let redirect_only = args.iter().all(|a| a.op || is_redirection(&a.text));
                if !redirect_only {
                    for a in args {
                        if a.text.contains("$(") || a.text.contains('`') {
                            note(
                                &mut flow,
                                a,
                                "the command substitution runs in a child process".to_string(),
                            );
                        }
                    }
                    flow.execs = true;
                    return flow;
                }
            }
            w if LEADING_KEYWORDS.contains(&w) => at_start = true,
            w if CLOSING_KEYWORDS.contains(&w)
                || BUILTINS.contains(&w)
                || w == "for"
                || w == "in" => {}
            w => note(&mut flow, t, format!("`{w}` runs as a child process")),
        }
    }
    flow
}

/// `>file`, `2>&1`, `</dev/null`, `>>log`: a redirection word.
fn is_redirection(word: &str) -> bool {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.starts_with('>') || rest.starts_with('<') || rest.starts_with("&>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        lex(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn lexes_operators_outside_quotes() {
        assert_eq!(
            texts("a 'b;c' \"d|e\" f;g"),
            ["a", "'b;c'", "\"d|e\"", "f", ";", "g"]
        );
        assert_eq!(
            texts("foo >/dev/null 2>&1 &"),
            ["foo", ">/dev/null", "2>&1", "&"]
        );
        assert_eq!(
            texts("a && b || c | d"),
            ["a", "&&", "b", "||", "c", "|", "d"]
        );
        assert_eq!(
            texts("x=$(a; b) `c;d` \\; e"),
            ["x=$(a; b)", "`c;d`", "\\;", "e"]
        );
        assert_eq!(texts("a \\\n  b # c; d\ne"), ["a", "b", "\n", "e"]);
    }

    #[test]
    fn offsets_index_the_text() {
        let s = "exec  a; b";
        for t in lex(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn splits_commands_and_unquotes() {
        let toks = lex("[ -f x ] && . x\n( exec 'a b' )");
        let cmds = commands(&toks);
        assert_eq!(cmds.len(), 3);
        assert_eq!(cmds[2][0].text, "exec");
        assert_eq!(cmds[2][1].unquoted(), "a b");
    }

    #[test]
    fn follows_scripts_to_their_exec() {
        let f = script_flow("[ -r /etc/default/x ] && . /etc/default/x\nexec /usr/sbin/x $OPTS\n");
        assert!(f.execs && f.fork.is_none());
        let f = script_flow("mkdir -p /run/x\nexec /usr/sbin/x\n");
        assert!(f.execs);
        assert_eq!(f.fork.map(|(s, _, _)| s), Some(0));
        let f = script_flow("exec >/dev/null 2>&1\n/usr/sbin/x\n");
        assert!(!f.execs && f.fork.is_some());
        let f = script_flow("case $1 in\n  a|b) X=1 ;;\nesac\nexec x $(cat /y)\n");
        assert!(f.execs);
        assert!(
            f.fork
                .is_some_and(|(_, _, why)| why.contains("substitution"))
        );
    }
}
