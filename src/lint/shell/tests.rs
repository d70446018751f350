//! Tests of the embedded-shell checks: extraction and the mapping back to
//! the file, and the notes of the in-process analysis.

use super::*;
use crate::diag::Severity;
use crate::load::ParsedFile;

fn file(text: &str) -> ParsedFile {
    ParsedFile::from_bytes("t.conf", text.as_bytes().to_vec())
}

/// The (line, column) in the file of text byte `at`.
fn file_pos(f: &ParsedFile, e: &Embedded, at: usize) -> (usize, usize) {
    f.source.line_col(e.to_file(at))
}

#[test]
fn block_lines_map_to_conf_lines_with_indent() {
    let f = file("description x\nscript\n    echo $A\n      if x; then\n    fi\nend script\n");
    let e = &extract(&f)[0];
    assert_eq!(e.text, "echo $A\n  if x; then\nfi\n");
    assert_eq!(e.indent, 4);
    let dollar = e.text.find('$').expect("a $ in the text");
    assert_eq!(file_pos(&f, e, dollar), (3, 10));
    let fi = e.text.find("fi").expect("fi in the text");
    assert_eq!(file_pos(&f, e, fi), (5, 5));
    // The end of the text is the `end script` line.
    assert_eq!(file_pos(&f, e, e.text.len()), (6, 1));
    assert_eq!(f.source.line_col(e.end.start), (6, 1));
}

#[test]
fn crlf_block_keeps_carriage_returns_and_maps_exactly() {
    let f = file("script\r\n  a=1\r\n  echo \"$a\"\r\nend script\r\nrespawn\r\n");
    let e = &extract(&f)[0];
    assert_eq!(e.text, "a=1\r\necho \"$a\"\r\n");
    let q = e.text.find('"').expect("a quote");
    assert_eq!(file_pos(&f, e, q), (3, 8));
    assert_eq!(e.offset_of(2, 6), q);
    assert_eq!(f.source.line_col(e.after), (5, 1));
}

#[test]
fn tab_indented_block_strips_tabs_and_shellcheck_columns_count_a_tab_as_one() {
    let f = file("pre-start script\n\tif [ -f x ]; then\n\t\trm $X\n\tfi\nend script\n");
    let e = &extract(&f)[0];
    assert_eq!(e.indent, 1);
    assert_eq!(e.text, "if [ -f x ]; then\n\trm $X\nfi\n");
    // shellcheck: line 2, column 5 is `$` (TAB, r, m, space, $).
    let at = e.offset_of(2, 5);
    assert_eq!(&e.text[at..=at], "$");
    assert_eq!(file_pos(&f, e, at), (3, 6));
}

#[test]
fn empty_line_disables_stripping() {
    let f = file("script\n    a\n\n    b\nend script\n");
    let e = &extract(&f)[0];
    assert_eq!(e.indent, 0);
    assert_eq!(e.text, "    a\n\n    b\n");
    assert_eq!(file_pos(&f, e, e.text.find('b').expect("b")), (4, 5));
}

#[test]
fn exec_lines_map_through_the_prefix_and_continuations() {
    let f = file("exec /bin/foo --opt=\"$A\" \\\n   --b $C  # comment\nstop on x\n");
    let e = &extract(&f)[0];
    assert_eq!(e.origin, Origin::Exec);
    assert_eq!(e.text, "exec /bin/foo --opt=\"$A\" --b $C");
    // The prefix maps to the command's start.
    assert_eq!(file_pos(&f, e, 0), (1, 6));
    let a = e.text.find("$A").expect("$A");
    assert_eq!(file_pos(&f, e, a), (1, 22));
    let c = e.text.find("$C").expect("$C");
    assert_eq!(file_pos(&f, e, c), (2, 8));
    let b = e.text.find("--b").expect("--b");
    assert_eq!(file_pos(&f, e, b), (2, 4));
}

#[test]
fn exec_without_shell_characters_is_not_extracted() {
    let f = file("exec /usr/sbin/foo -n --bar\npost-stop exec rm -f /run/x\n");
    assert!(extract(&f).is_empty());
    assert!(runs_through_shell("foo --opt=1"));
    assert!(runs_through_shell("foo ~/x"));
    assert!(!runs_through_shell("foo -x /a/b"));
}

fn notes(text: &str) -> Vec<(String, String)> {
    let s = Subject {
        text,
        origin: Origin::Block,
        indent: 2,
        after: "",
    };
    analyze(&s)
        .into_iter()
        .map(|n| {
            let at = match n.at {
                At::Text(r) => text[r].to_string(),
                At::BlockEnd => "<end>".into(),
            };
            (n.code.to_string(), at)
        })
        .collect()
}

fn pair(code: &str, at: &str) -> (String, String) {
    (code.to_string(), at.to_string())
}

#[test]
fn syntax_errors_point_at_the_token() {
    assert_eq!(notes("if true; then\n  :\n"), vec![pair("UL401", "")]);
    assert_eq!(notes("echo a\n)\n"), vec![pair("UL401", ")")]);
    assert!(notes("if true; then :; fi\n").is_empty());
}

#[test]
fn bash_forms_dash_accepts_are_bashisms_and_checking_goes_on() {
    assert_eq!(
        notes("[[ -n $x ]] && echo\necho \"${A[@]}\"\nif x; then\n"),
        vec![
            pair("UL407", "[["),
            pair("UL407", "${A[@]}"),
            pair("UL401", ""),
        ]
    );
    assert_eq!(notes("x=${y:0:1}\n:\n"), vec![pair("UL407", "${y:0:1}")]);
}

#[test]
fn bash_forms_dash_rejects_are_syntax_errors() {
    assert_eq!(notes("a=(1 2)\n"), vec![pair("UL401", "a=(")]);
    assert_eq!(notes("cat <<< x\n"), vec![pair("UL401", "<<< x")]);
    assert_eq!(
        notes("function f { :; }\n"),
        vec![pair("UL401", "function")]
    );
}

#[test]
fn other_bashisms() {
    assert_eq!(notes("source /etc/x\n"), vec![pair("UL407", "source")]);
    assert_eq!(notes("[ \"$a\" == b ] || :\n"), vec![pair("UL407", "==")]);
    assert_eq!(notes("echo $'a\\n'\n"), vec![pair("UL407", "$'a\\n'")]);
    assert_eq!(notes("cmd &>/dev/null\n"), vec![pair("UL407", "&>")]);
    assert_eq!(notes("PATH+=:/x\n"), vec![pair("UL407", "PATH+=")]);
    assert!(notes("[ \"$a\" = b ] || :\n. /etc/x\necho ${x%.*} >/dev/null 2>&1\n").is_empty());
}

#[test]
fn trailing_and_and_unreachable_exec() {
    assert_eq!(
        notes("[ -r /etc/default/x ] && . /etc/default/x\n"),
        vec![pair("UL406", "[ -r /etc/default/x ] && . /etc/default/x")]
    );
    assert!(notes("[ -r x ] && . x\nexit 0\n").is_empty());
    assert!(notes("[ -r x ] || exit 0\n").is_empty());
    assert!(notes("[ -r x ] && . x &\n").is_empty());
    assert_eq!(
        notes("exec /usr/bin/app\necho done\nexit 1\n"),
        vec![pair("UL408", "echo")]
    );
    assert!(notes("exec >/dev/null 2>&1\necho x\n").is_empty());
    assert!(notes("if x; then exec a; fi\necho x\n").is_empty());
}

#[test]
fn here_documents() {
    let indented = "    cat <<EOT\n    x\n\n    EOT\n";
    let s = Subject {
        text: indented,
        origin: Origin::Block,
        indent: 0,
        after: "",
    };
    let n = analyze(&s);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(n[0].code, "UL403");
    assert_eq!(n[0].at, At::Text(21..28), "the whole `    EOT` line");
    assert_eq!(n[0].related.len(), 2);
    let cut = Subject {
        text: "cat <<EOF\n#!/bin/sh\n",
        origin: Origin::Block,
        indent: 0,
        after: "EOF\nend script\n",
    };
    let n = analyze(&cut);
    assert_eq!(n[0].code, "UL404");
    assert_eq!(n[0].at, At::BlockEnd);
    let never = Subject { after: "", ..cut };
    let n = analyze(&never);
    assert_eq!(n[0].code, "UL401");
    // dash reads it to the end of the text and runs the command.
    assert_eq!(n[0].severity, Some(Severity::Warning));
    assert!(notes("cat <<-EOF\n\tx\n\tEOF\ncat <<'E'\n$(\nE\n").is_empty());
}

/// (code, severity) of each note.
fn severities(text: &str) -> Vec<(&'static str, Option<Severity>)> {
    let s = Subject {
        text,
        origin: Origin::Block,
        indent: 0,
        after: "",
    };
    analyze(&s)
        .iter()
        .map(|n| (n.code.as_str(), n.severity))
        .collect()
}

#[test]
fn syntax_errors_after_exec_or_exit_are_never_reached() {
    const W: Option<Severity> = Some(Severity::Warning);
    // dash runs the text one command line at a time: it fails here.
    assert_eq!(severities("echo a\n}\n"), [("UL401", None)]);
    // It never reads past `exec PROGRAM` or `exit`.
    assert_eq!(severities("exec /usr/bin/app\n}\n"), [("UL401", W)]);
    assert_eq!(severities("exit 0\nif then\n"), [("UL401", W)]);
    assert_eq!(severities("exit\nif then\n"), [("UL401", W)]);
    assert_eq!(severities("exit $RC\nif then\n"), [("UL401", W)]);
    // A literal failing `exit` fails the block there every time
    // (193-openvpn-instance: `test -r F {`, `exit 1`, `}`).
    assert_eq!(severities("exit 1\n}\n"), [("UL401", None)]);
    assert_eq!(severities("exec /usr/bin/app\necho 'a\n"), [("UL401", W)]);
    assert_eq!(
        severities("exec /usr/bin/app\nfunction f { :; }\n"),
        [("UL401", W)]
    );
    // Found in the syntax tree (dash rejects it when it parses the line).
    assert_eq!(
        severities("exec /usr/bin/app\na=(1 2)\n"),
        [("UL401", W), ("UL408", None)]
    );
    // On the same command line as `exec`, dash parses it first.
    assert_eq!(
        severities("exec /usr/bin/app; a=(1 2)\n"),
        [("UL401", None), ("UL408", None)]
    );
    // Conditional, backgrounded or redirection-only `exec` goes on.
    for text in [
        "[ -x /usr/bin/app ] && exec /usr/bin/app\n}\n",
        "exec /usr/bin/app &\n}\n",
        "exec >/dev/null 2>&1\n}\n",
        "if true; then exec /usr/bin/app; fi\n}\n",
    ] {
        assert_eq!(severities(text), [("UL401", None)], "{text}");
    }
}

#[test]
fn quote_cut_by_end_script() {
    let s = Subject {
        text: "echo 'a\n",
        origin: Origin::Block,
        indent: 0,
        after: "b'\nend script\n",
    };
    let n = analyze(&s);
    assert_eq!(n[0].code, "UL404");
    let s = Subject { after: "", ..s };
    assert_eq!(analyze(&s)[0].code, "UL401");
    // A quote only after the next `end script` line is not this string's.
    let s = Subject {
        after: "exec x\nend script\ndescription \"it's\"\n",
        ..s
    };
    assert_eq!(analyze(&s)[0].code, "UL401");
}

#[test]
fn exec_texts_use_ul402() {
    let s = Subject {
        text: "exec /usr/bin/foo \"$(cat /etc/foo.args\n",
        origin: Origin::Exec,
        indent: 0,
        after: "",
    };
    assert_eq!(analyze(&s)[0].code, "UL402");
}

#[test]
fn non_ascii_locations_are_bytes() {
    let text = "echo é\nif x; then\n  )\n";
    assert_eq!(notes(text), vec![pair("UL401", ")")]);
}

#[test]
fn threads_give_the_same_results() {
    let texts: Vec<String> = (0..200)
        .map(|i| format!("echo {i}\n{}\n", if i % 7 == 0 { "fi" } else { ":" }).repeat(20))
        .collect();
    let subjects: Vec<Subject<'_>> = texts
        .iter()
        .map(|t| Subject {
            text: t,
            origin: Origin::Block,
            indent: 0,
            after: "",
        })
        .collect();
    let all = analyze_all(&subjects);
    for (s, n) in subjects.iter().zip(&all) {
        assert_eq!(n.len(), analyze(s).len());
    }
    assert_eq!(all.iter().filter(|n| !n.is_empty()).count(), 29);
}

/// The fast path (`fast::is_clean`) only skips texts yash finds nothing
/// in: on every shell text of the corpus, `analyze` gives the same notes as
/// yash-syntax alone, and most texts take the fast path.
#[test]
fn fast_path_agrees_with_yash_on_the_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/upstart");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is absent",
            dir.display()
        );
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let (mut texts, mut fast) = (0, 0);
    for p in &paths {
        let Ok(f) = ParsedFile::read(p) else {
            continue;
        };
        for e in extract(&f) {
            let subject = Subject {
                text: &e.text,
                origin: e.origin,
                indent: e.indent,
                after: f.source.text().get(e.after..).unwrap_or(""),
            };
            let old = format!("{:?}", analyze_with_yash(&subject));
            let new = format!("{:?}", analyze(&subject));
            assert_eq!(old, new, "{} {:?}", p.display(), e.text);
            texts += 1;
            fast += usize::from(super::fast::is_clean(&e.text, e.origin));
        }
    }
    eprintln!("{fast} of {texts} texts proved clean without yash");
    assert!(texts > 300 && fast * 10 >= texts * 9, "{fast} of {texts}");
}

/// Soundness of the fast path beyond the corpus as it is: corpus texts with
/// one deterministic mutation each (a byte deleted, or a shell character
/// inserted) are proved clean only when yash finds nothing in them either.
#[test]
fn fast_path_is_sound_on_mutated_corpus_texts() {
    const MUTATIONS: usize = 12;
    const INSERTS: &[&str] = &[
        "(", ")", "{", "}", ";", ";;", "&", "&&", "|", "'", "\"", "`", "$", "${", "$(", "\\", "\n",
        " ", "#", "<<", ">", "=", "+=", "fi", "done", "esac", "then", "do ", "in ", "!", "[[",
        "==", "exec a ", "}", "${x", "$((", "))", "\\\n",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/upstart");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % 1_000_003).unwrap_or(0)
    };
    let (mut tried, mut fast) = (0, 0);
    for p in &paths {
        let Ok(f) = ParsedFile::read(p) else {
            continue;
        };
        for e in extract(&f) {
            for _ in 0..MUTATIONS {
                let mut text = e.text.clone();
                let mut at = next() % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if next() % 3 == 0 && at < text.len() {
                    let len = text[at..].chars().next().map_or(1, char::len_utf8);
                    text.replace_range(at..at + len, "");
                } else {
                    text.insert_str(at, INSERTS[next() % INSERTS.len()]);
                }
                if !super::fast::is_clean(&text, e.origin) {
                    continue;
                }
                fast += 1;
                let subject = Subject {
                    text: &text,
                    origin: e.origin,
                    indent: e.indent,
                    after: "",
                };
                let notes = analyze_with_yash(&subject);
                assert!(notes.is_empty(), "{text:?}: yash says {notes:?}");
                tried += 1;
            }
        }
    }
    eprintln!("{fast} mutated texts proved clean, {tried} checked with yash");
}
