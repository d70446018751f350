//! `pre-start` guards: the leading lines of a `pre-start` script written as
//! `TEST || { stop; exit 0; }` (or `TEST && { stop; exit 0; }`), upstart's
//! idiom for "this job does not run here". Under upstart `stop` from the
//! job's own pre-start ends the start quietly; under systemd there is no
//! `stop` command and the line fails the unit. systemd skips a unit the same
//! quiet way with a `Condition…=` (a file test, checked before anything
//! runs) or `ExecCondition=` (any command: exit 1–254 skips the unit).
//! upstart2systemd turns such lines into conditions, and systemd2upstart
//! writes conditions back as such lines.

/// One guard line and what it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guard {
    /// The line as written (trimmed), for diagnostics.
    pub line: String,
    /// Byte offset of the line in the script body.
    pub offset: usize,
    pub becomes: Becomes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Becomes {
    /// `[Unit]` keys and values (already escaped), all of which must hold.
    /// `approximate` names what the systemd test checks differently.
    Conditions {
        keys: Vec<(&'static str, String)>,
        approximate: Option<&'static str>,
    },
    /// A shell script for `ExecCondition=`: exit 0 starts the unit, exit 1
    /// skips it.
    Exec(String),
}

/// The guards at the top of a script body (blank and comment lines before
/// and between them are passed over), and the byte offset where the rest of
/// the body begins. `file_tests` is false where systemd's `Condition…=`
/// would test another file system or user than upstart's pre-start did
/// (`chroot`, `setuid`, `setgid`): every guard becomes `ExecCondition=`.
#[must_use]
pub fn leading_guards(body: &str, file_tests: bool) -> (Vec<Guard>, usize) {
    let mut guards = Vec::new();
    let mut rest = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let Some(becomes) = parse_guard(text, file_tests) else {
            break;
        };
        guards.push(Guard {
            line: text.to_string(),
            offset: start,
            becomes,
        });
        rest = offset;
    }
    (guards, rest)
}

/// A shell token of one line: a word (its value after quote removal, and
/// whether any of it could expand) or an operator.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word { value: String, literal: bool },
    Op(&'static str),
}

/// The tokens of a line up to an unquoted comment, with the byte offset of
/// each; None when a quote is left open (a multi-line construct).
fn tokens(line: &str) -> Option<Vec<(usize, Token)>> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b' ' || c == b'\t' {
            i += 1;
            continue;
        }
        if c == b'#' {
            break;
        }
        let two = line.get(i..i + 2);
        if let Some(op) = ["||", "&&"].into_iter().find(|op| two == Some(op)) {
            out.push((i, Token::Op(op)));
            i += 2;
            continue;
        }
        if let Some(op) = [";", "|", "&", "(", ")", "<", ">"]
            .into_iter()
            .find(|op| op.as_bytes()[0] == c)
        {
            out.push((i, Token::Op(op)));
            i += 1;
            continue;
        }
        let start = i;
        let mut value = Vec::new();
        let mut literal = true;
        while i < bytes.len() {
            let c = bytes[i];
            match c {
                b' ' | b'\t' | b';' | b'|' | b'&' | b'(' | b')' | b'<' | b'>' => break,
                b'\'' => {
                    let end = i + 1 + line.get(i + 1..)?.find('\'')?;
                    value.extend_from_slice(&bytes[i + 1..end]);
                    i = end + 1;
                }
                b'"' => {
                    i += 1;
                    loop {
                        let c = *bytes.get(i)?;
                        match c {
                            b'"' => break,
                            b'\\'
                                if matches!(bytes.get(i + 1), Some(b'$' | b'`' | b'"' | b'\\')) =>
                            {
                                value.push(bytes[i + 1]);
                                i += 2;
                                continue;
                            }
                            b'$' | b'`' => literal = false,
                            _ => {}
                        }
                        value.push(c);
                        i += 1;
                    }
                    i += 1;
                }
                b'\\' => {
                    value.push(*bytes.get(i + 1)?);
                    i += 2;
                }
                b'$' | b'`' | b'*' | b'?' | b'[' | b'~' => {
                    // `[` alone is the test command, not a glob.
                    if !(c == b'['
                        && i == start
                        && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')))
                    {
                        literal = false;
                    }
                    value.push(c);
                    i += 1;
                }
                _ => {
                    value.push(c);
                    i += 1;
                }
            }
        }
        let value = String::from_utf8(value).ok()?;
        out.push((start, Token::Word { value, literal }));
    }
    Some(out)
}

fn word(t: &Token) -> Option<&str> {
    match t {
        Token::Word { value, .. } => Some(value),
        Token::Op(_) => None,
    }
}

/// `TEST || { stop; exit 0; }` or `TEST && { stop; exit 0; }`.
fn parse_guard(line: &str, file_tests: bool) -> Option<Becomes> {
    let toks = tokens(line)?;
    // The last `||`/`&&` separates the test from the action.
    let (at, (op_offset, op)) = toks
        .iter()
        .enumerate()
        .rev()
        .find_map(|(k, (o, t))| match t {
            Token::Op(op @ ("||" | "&&")) => Some((k, (*o, *op))),
            _ => None,
        })?;
    let action: Vec<&Token> = toks[at + 1..].iter().map(|(_, t)| t).collect();
    let stop_exit_0 = |a: &[&Token]| -> bool {
        let mut w = a.iter().map(|t| match t {
            Token::Word { value, .. } => value.as_str(),
            Token::Op(op) => op,
        });
        matches!(
            (w.next(), w.next(), w.next(), w.next(), w.next()),
            (Some("{"), Some("stop"), Some(";"), Some("exit"), Some("0"))
        ) && {
            let tail: Vec<&str> = w.collect();
            matches!(
                tail.as_slice(),
                ["}"] | [";", "}"] | ["}", ";"] | [";", "}", ";"]
            )
        }
    };
    if !stop_exit_0(&action) {
        return None;
    }
    let test: Vec<&Token> = toks[..at].iter().map(|(_, t)| t).collect();
    // A test that runs in the background or in sequence is not one test.
    if test.is_empty() || test.iter().any(|t| matches!(t, Token::Op(";" | "&"))) {
        return None;
    }
    let stop_when_true = op == "&&";
    if file_tests && let Some(becomes) = file_conditions(&test, stop_when_true) {
        return Some(becomes);
    }
    let test_text = line[..op_offset].trim_end();
    Some(Becomes::Exec(if stop_when_true {
        format!("{test_text}{EXEC_STOP_WHEN_TRUE}")
    } else {
        format!("{test_text}{EXEC_STOP_WHEN_FALSE}")
    }))
}

/// `test` operators that a `Condition…=` key checks the same way, or
/// nearly (said in the third column). No key tests for a regular file
/// (ConditionPathExists= would accept a directory): `-f` stays a command,
/// in ExecCondition=. systemd2upstart reads the table the other way.
pub const FILE_TESTS: [(&str, &str, Option<&str>); 5] = [
    ("-e", "ConditionPathExists", None),
    ("-d", "ConditionPathIsDirectory", None),
    ("-L", "ConditionPathIsSymbolicLink", None),
    (
        "-x",
        "ConditionFileIsExecutable",
        Some(
            "ConditionFileIsExecutable= also requires a regular file (test -x accepts a searchable directory)",
        ),
    ),
    (
        "-s",
        "ConditionFileNotEmpty",
        Some(
            "ConditionFileNotEmpty= also requires a regular file (test -s accepts any non-empty file)",
        ),
    ),
];

/// What follows the test in an `ExecCondition=` script (exit 1 skips the
/// unit), for `TEST || { stop; exit 0; }` and `TEST && { stop; exit 0; }`.
const EXEC_STOP_WHEN_FALSE: &str = " || exit 1";
const EXEC_STOP_WHEN_TRUE: &str = " && exit 1; exit 0";

/// An absolute path that means the same unquoted in a shell line and in a
/// `Condition…=` value.
#[must_use]
pub fn plain_path(path: &str) -> bool {
    path.starts_with('/')
        && path
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '\\' | '"' | '\'' | '$' | '`'))
}

/// The guard line for `TEST`: the form `leading_guards` reads.
#[must_use]
pub fn line(test: &str, stop_when_true: bool) -> String {
    let op = if stop_when_true { "&&" } else { "||" };
    format!("{test} {op} {{ stop; exit 0; }}")
}

/// The guard line back from an `ExecCondition=` script this module wrote
/// (None for any other script).
#[must_use]
pub fn line_from_exec(script: &str) -> Option<String> {
    let script = script.trim_end();
    if let Some(test) = script.strip_suffix(EXEC_STOP_WHEN_FALSE) {
        Some(line(test, false))
    } else {
        script
            .strip_suffix(EXEC_STOP_WHEN_TRUE)
            .map(|test| line(test, true))
    }
}

/// Whether what is left of a script after its guards runs nothing (blank
/// and comment lines only).
#[must_use]
pub fn nothing_left(rest: &str) -> bool {
    rest.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// `[ [!] -OP PATH ]` or `test [!] -OP PATH [-a [!] -OP PATH]...` with
/// literal absolute paths, as `Condition…=` keys: only the tests a key
/// checks the same way (or nearly, said in `approximate`).
fn file_conditions(test: &[&Token], stop_when_true: bool) -> Option<Becomes> {
    let words: Vec<&str> = test.iter().map(|t| word(t)).collect::<Option<_>>()?;
    if test
        .iter()
        .any(|t| matches!(t, Token::Word { literal: false, .. }))
    {
        return None;
    }
    let (["[", inner @ .., "]"] | ["test", inner @ ..]) = words.as_slice() else {
        return None;
    };
    let terms: Vec<&[&str]> = inner.split(|w| *w == "-a").collect();
    // `A && B || stop` needs all of them; stopping when several hold at
    // once would need an "any of" that Condition… keys cannot say.
    if stop_when_true && terms.len() > 1 {
        return None;
    }
    let mut keys = Vec::new();
    let mut approximate = None;
    for term in terms {
        let (negated, op, path) = match term {
            ["!", op, path] => (true, *op, *path),
            [op, path] => (false, *op, *path),
            _ => return None,
        };
        let op = if op == "-h" { "-L" } else { op };
        let &(_, key, approx) = FILE_TESTS.iter().find(|(o, _, _)| *o == op)?;
        if !plain_path(path) {
            return None;
        }
        approximate = approximate.or(approx);
        let bang = if negated == stop_when_true { "" } else { "!" };
        keys.push((key, format!("{bang}{}", path.replace('%', "%%"))));
    }
    Some(Becomes::Conditions { keys, approximate })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Option<Becomes> {
        let (g, _) = leading_guards(&format!("{line}\n"), true);
        g.into_iter().next().map(|g| g.becomes)
    }

    fn cond(keys: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        keys.iter().map(|(k, v)| (*k, (*v).to_string())).collect()
    }

    #[test]
    fn file_tests_become_conditions() {
        let Some(Becomes::Conditions { keys, approximate }) =
            one("[ -x /usr/sbin/food ] || { stop; exit 0; }")
        else {
            panic!("not a condition")
        };
        assert_eq!(
            keys,
            cond(&[("ConditionFileIsExecutable", "/usr/sbin/food")])
        );
        assert!(approximate.is_some());
        let Some(Becomes::Conditions { keys, approximate }) =
            one("test -e /etc/ssh/sshd_not_to_be_run && { stop; exit 0; }")
        else {
            panic!("not a condition")
        };
        assert_eq!(
            keys,
            cond(&[("ConditionPathExists", "!/etc/ssh/sshd_not_to_be_run")])
        );
        assert_eq!(approximate, None);
        let Some(Becomes::Conditions { keys, .. }) =
            one("[ ! -e /etc/ldap/noslapd ] || { stop; exit 0; }")
        else {
            panic!("not a condition")
        };
        assert_eq!(keys, cond(&[("ConditionPathExists", "!/etc/ldap/noslapd")]));
        assert!(
            matches!(
                one("test -x /usr/bin/4s-backend -a -x '/usr/bin/4s httpd' || { stop; exit 0; }"),
                Some(Becomes::Exec(_))
            ),
            "a path with a blank is not a plain path"
        );
    }

    #[test]
    fn several_file_tests_all_must_hold() {
        let Some(Becomes::Conditions { keys, .. }) =
            one("test -x /usr/bin/4s-backend -a -d /var/lib/4s || { stop ; exit 0 ; }")
        else {
            panic!("not a condition")
        };
        assert_eq!(
            keys,
            cond(&[
                ("ConditionFileIsExecutable", "/usr/bin/4s-backend"),
                ("ConditionPathIsDirectory", "/var/lib/4s")
            ])
        );
    }

    #[test]
    fn other_tests_become_exec_conditions() {
        assert_eq!(
            one("[ \"x$RUN\" = \"xyes\" ] || { stop; exit 0; }"),
            Some(Becomes::Exec("[ \"x$RUN\" = \"xyes\" ] || exit 1".into()))
        );
        assert_eq!(
            one("[ -d $CONF ] || { stop; exit 0; }"),
            Some(Becomes::Exec("[ -d $CONF ] || exit 1".into())),
            "an expansion is not a literal path"
        );
        assert_eq!(
            one("lxc-wait -s RUNNING -n x -t 0 && { stop; exit 0; }"),
            Some(Becomes::Exec(
                "lxc-wait -s RUNNING -n x -t 0 && exit 1; exit 0".into()
            ))
        );
        assert_eq!(
            one("grep -q \"^use-ssh-agent$\" /etc/X11/Xsession.options || { stop; exit 0; }"),
            Some(Becomes::Exec(
                "grep -q \"^use-ssh-agent$\" /etc/X11/Xsession.options || exit 1".into()
            ))
        );
    }

    #[test]
    fn file_tests_are_exec_conditions_when_upstart_tested_elsewhere() {
        let (g, _) = leading_guards("[ -x /usr/sbin/food ] || { stop; exit 0; }\n", false);
        assert_eq!(
            g[0].becomes,
            Becomes::Exec("[ -x /usr/sbin/food ] || exit 1".into())
        );
    }

    #[test]
    fn exec_conditions_read_back_to_the_same_guard() {
        for guard in [
            "grep -q yes /etc/x || { stop; exit 0; }",
            "lxc-wait -s RUNNING -n x -t 0 && { stop; exit 0; }",
        ] {
            let Some(Becomes::Exec(script)) = one(guard) else {
                panic!("{guard}: not an ExecCondition")
            };
            assert_eq!(line_from_exec(&script).as_deref(), Some(guard));
        }
        assert_eq!(line_from_exec("/usr/bin/check --quiet"), None);
        // A quoted `$` is literal to test(1) but not on a line written back.
        assert!(!plain_path("/etc/$x"));
        assert!(matches!(
            one("[ -e '/etc/$x' ] || { stop; exit 0; }"),
            Some(Becomes::Exec(_))
        ));
    }

    #[test]
    fn only_leading_guards_are_taken() {
        let body = "# guard\n\n[ -x /a ] || { stop; exit 0; }\nmkdir -p /run/a\n[ -x /b ] || { stop; exit 0; }\n";
        let (g, rest) = leading_guards(body, true);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].offset, 9);
        assert_eq!(
            &body[rest..],
            "mkdir -p /run/a\n[ -x /b ] || { stop; exit 0; }\n"
        );
    }

    #[test]
    fn near_misses_are_not_guards() {
        for line in [
            "[ -x /a ] || { stop; exit 1; }",
            "[ -x /a ] || stop",
            "[ -x /a ] || { echo no; stop; exit 0; }",
            "test -x /a || {",
            "[ -x /a ]; stop; exit 0",
            "sleep 1 & [ -x /a ] || { stop; exit 0; }",
            "echo '[ -x /a ] || { stop; exit 0; }",
            "[ -x /a ] || { stop; exit 0; } && echo more",
        ] {
            assert_eq!(one(line), None, "{line}");
        }
    }

    #[test]
    fn relative_and_odd_paths_are_not_conditions() {
        for line in [
            "[ -x food ] || { stop; exit 0; }",
            "[ -x /usr/sbin/* ] || { stop; exit 0; }",
            "[ -r /etc/food.conf ] || { stop; exit 0; }",
            "[ -f /etc/food.conf ] || { stop; exit 0; }",
        ] {
            assert!(matches!(one(line), Some(Becomes::Exec(_))), "{line}");
        }
    }
}
