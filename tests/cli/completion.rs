//! The committed completion scripts complete what a user types, asked in the
//! real shells: bash's completion function is called with `COMP_WORDS` and
//! `COMP_CWORD` set, for every (sub)command path of every binary, and what
//! it puts in `COMPREPLY` is compared with the clap definition; fish is
//! asked with `complete -C`, and zsh with a TAB typed on a pseudo-terminal,
//! for an option's values, rule codes and the subcommands. Hidden subcommands (`generate`) are never
//! offered, and the arguments that take rule codes offer the registry's
//! codes rather than file names.

use crate::common::root;
use clap_complete::Shell;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use upstart_tools::cli::generate::{BINARIES, RULE_CODE_VALUE_NAMES, command, completion_path};
use upstart_tools::lint::registry;

/// One question to the completion function: the words on the line, the
/// last one being completed.
struct Query {
    words: Vec<String>,
    check: Check,
}

enum Check {
    /// Exactly these words are offered.
    Exactly(BTreeSet<String>),
    /// At least these words, and none of the forbidden ones.
    Includes {
        wanted: BTreeSet<String>,
        forbidden: BTreeSet<String>,
    },
}

fn set<I: IntoIterator<Item = S>, S: Into<String>>(words: I) -> BTreeSet<String> {
    words.into_iter().map(Into::into).collect()
}

fn rule_codes() -> BTreeSet<String> {
    set(registry::all().iter().map(|r| r.code.as_str()))
}

fn takes_rule_codes(arg: &clap::Arg) -> bool {
    arg.get_value_names().is_some_and(|names| {
        names
            .iter()
            .any(|n| RULE_CODE_VALUE_NAMES.contains(&n.as_str()))
    })
}

/// The questions for one (sub)command at `path` (the words typed so far):
/// its flags and subcommands, and the values of each of its options.
/// `full` is the same command as defined (built), hidden subcommands
/// included.
fn queries_for(path: &[String], full: &clap::Command, out: &mut Vec<Query>) {
    let visible_subs: Vec<&clap::Command> = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .collect();
    let hidden = set(full
        .get_subcommands()
        .filter(|s| s.is_hide_set())
        .map(|s| s.get_name().to_string()));
    let visible_args: Vec<&clap::Arg> = full.get_arguments().filter(|a| !a.is_hide_set()).collect();
    let longs = set(visible_args
        .iter()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}")));
    // The empty word: every flag and subcommand, no hidden subcommand.
    let mut wanted = longs.clone();
    wanted.extend(
        visible_args
            .iter()
            .filter_map(|a| a.get_short())
            .map(|s| format!("-{s}")),
    );
    wanted.extend(visible_subs.iter().map(|s| s.get_name().to_string()));
    let mut words = path.to_vec();
    words.push(String::new());
    out.push(Query {
        words,
        check: Check::Includes {
            wanted,
            forbidden: hidden.clone(),
        },
    });
    // `--`: exactly the long flags.
    let mut words = path.to_vec();
    words.push("--".into());
    out.push(Query {
        words,
        check: Check::Exactly(longs),
    });
    // The value of each option: its possible values, or the rule codes.
    for arg in &visible_args {
        let Some(long) = arg.get_long() else { continue };
        if !arg.get_action().takes_values() {
            continue;
        }
        let values = if takes_rule_codes(arg) {
            rule_codes()
        } else {
            let values = set(arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string()));
            if values.is_empty() {
                continue; // a file, a name: bash offers file names
            }
            values
        };
        let mut words = path.to_vec();
        words.extend([format!("--{long}"), String::new()]);
        out.push(Query {
            words,
            check: Check::Exactly(values),
        });
    }
    for sub in visible_subs {
        if full.get_name() == "help" || sub.get_name() == "help" {
            continue; // clap's help tree only lists names
        }
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        queries_for(&sub_path, sub, out);
    }
}

/// Single-quoted for bash.
fn quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Ask bash: load the script, call the completion function once per query
/// (in a directory holding one file, `job.conf`, which must never be offered
/// where values are expected), return each query's `COMPREPLY`.
fn ask_bash(binary: &str, queries: &[Query]) -> Vec<BTreeSet<String>> {
    let script = root().join(completion_path(binary, Shell::Bash));
    let function = format!("_{}", binary.replace('-', "__"));
    let mut text = format!(
        "source {}\n\
         q() {{ COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()\n\
         {function} \"$1\" \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"; echo @@END; }}\n",
        quoted(&script.to_string_lossy())
    );
    for q in queries {
        let words: Vec<String> = q.words.iter().map(|w| quoted(w)).collect();
        writeln!(text, "q {}", words.join(" ")).expect("write to String");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("job.conf"), "exec true\n").expect("write");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&text)
        .current_dir(dir.path())
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let answers: Vec<BTreeSet<String>> = stdout
        .split("@@END\n")
        .map(|a| set(a.lines().filter(|l| !l.is_empty())))
        .take(queries.len())
        .collect();
    assert_eq!(answers.len(), queries.len(), "bash answered:\n{stdout}");
    answers
}

fn bash_installed() -> bool {
    let ok = std::process::Command::new("bash")
        .args(["-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: bash is not installed");
    }
    ok
}

#[test]
fn bash_completes_every_subcommand_and_option_value() {
    if !bash_installed() {
        return;
    }
    let mut total = 0;
    for binary in BINARIES {
        let mut cmd = command(binary).expect("a binary");
        cmd.build();
        let mut queries = Vec::new();
        queries_for(&[(*binary).to_string()], &cmd, &mut queries);
        let answers = ask_bash(binary, &queries);
        let mut failures = Vec::new();
        for (q, got) in queries.iter().zip(&answers) {
            let line = q.words.join(" ");
            match &q.check {
                Check::Exactly(want) if want != got => {
                    failures.push(format!("`{line}<TAB>` offers {got:?}, expected {want:?}"));
                }
                Check::Includes { wanted, forbidden } => {
                    let missing: Vec<_> = wanted.difference(got).collect();
                    let offered: Vec<_> = forbidden.intersection(got).collect();
                    if !missing.is_empty() || !offered.is_empty() {
                        failures.push(format!(
                            "`{line}<TAB>` lacks {missing:?}, offers hidden {offered:?}"
                        ));
                    }
                }
                Check::Exactly(_) => {}
            }
        }
        assert!(failures.is_empty(), "{binary}:\n{}", failures.join("\n"));
        total += queries.len();
    }
    assert!(total > 70, "only {total} completions asked");
}

/// The bug of issue 19 (clap issue 6421), spelled out.
#[test]
fn bash_completes_lint_format_values_not_files() {
    if !bash_installed() {
        return;
    }
    let query = |words: &[&str], want: &[&str]| Query {
        words: words.iter().map(ToString::to_string).collect(),
        check: Check::Exactly(set(want.iter().copied())),
    };
    let queries = [
        query(
            &["upstart-tools", "lint", "--format", ""],
            &["human", "concise", "json", "github", "sarif"],
        ),
        query(
            &["upstart-tools", "lint", "--select", "UL30"],
            &[
                "UL301", "UL302", "UL303", "UL304", "UL305", "UL306", "UL308",
            ],
        ),
        query(&["upstart-tools", "ge"], &[]),
        query(&["upstart-tools", "help", "ge"], &[]),
    ];
    let answers = ask_bash("upstart-tools", &queries);
    for (q, got) in queries.iter().zip(&answers) {
        if let Check::Exactly(want) = &q.check {
            assert_eq!(got, want, "`{}<TAB>`", q.words.join(" "));
        }
    }
}

/// fish, asked as a user's `<TAB>` would ask it.
#[test]
fn fish_completes_option_values_and_rule_codes() {
    let ok = std::process::Command::new("fish")
        .args(["--no-config", "-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: fish is not installed");
        return;
    }
    let ask = |binary: &str, line: &str| -> BTreeSet<String> {
        let script = root().join(completion_path(binary, Shell::Fish));
        let out = std::process::Command::new("fish")
            .args(["--no-config", "-c"])
            .arg(format!(
                "source {}; complete -C {}",
                quoted(&script.to_string_lossy()),
                quoted(line)
            ))
            .output()
            .expect("fish");
        set(String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string()))
    };
    assert_eq!(
        ask("upstart-tools", "upstart-tools lint --format "),
        set(["human", "concise", "json", "github", "sarif"])
    );
    assert_eq!(
        ask("upstart-lint", "upstart-lint --ignore UL30"),
        set([
            "UL301", "UL302", "UL303", "UL304", "UL305", "UL306", "UL308"
        ])
    );
    let top = ask("upstart-tools", "upstart-tools ");
    assert!(top.contains("lint") && !top.contains("generate"), "{top:?}");
}

/// zsh, on a pseudo-terminal (zsh's zpty module) so that its line editor
/// completes as it does for a user: the line is typed, then TAB, and the
/// listed candidates (`word -- description`) are read back once the list
/// has come and half a second passed without output (30 s at most).
fn ask_zsh(binary: &str, line: &str) -> BTreeSet<String> {
    let script = root().join(completion_path(binary, Shell::Zsh));
    let setup = format!(
        "PS1='>'; autoload -U compinit; compinit -u -D; source {}; compdef _{binary} {binary}; \
         zstyle ':completion:*' list-prompt ''; setopt nolistbeep",
        quoted(&script.to_string_lossy())
    );
    let driver = format!(
        "zmodload zsh/zpty\n\
         zpty z zsh -f -i\n\
         zpty -w z {}\n\
         zpty -w -n z {}$'\\t'\n\
         out=''; quiet=0\n\
         for i in {{1..300}}; do\n\
           if zpty -r -t z chunk; then out+=$chunk; quiet=0; else sleep 0.1; (( quiet++ )); fi\n\
           [[ $out == *' -- '* && $quiet -ge 5 ]] && break\n\
         done\n\
         print -r -- \"$out\"\n\
         zpty -d z\n",
        quoted(&setup),
        quoted(line)
    );
    let out = std::process::Command::new("timeout")
        .args(["60", "zsh", "-f", "-c", &driver])
        .output()
        .expect("zsh");
    let text = without_escapes(&String::from_utf8_lossy(&out.stdout));
    set(text.split(['\r', '\n']).filter_map(|l| {
        let (word, rest) = l.trim_start().split_once(char::is_whitespace)?;
        rest.trim_start()
            .starts_with("-- ")
            .then(|| word.to_string())
    }))
}

/// The text without the terminal's control sequences (`ESC [ … letter`).
fn without_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn zsh_completes_option_values_and_rule_codes() {
    let ok = std::process::Command::new("zsh")
        .args(["-f", "-c", "zmodload zsh/zpty"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: zsh (with its zpty module) is not installed");
        return;
    }
    assert_eq!(
        ask_zsh("upstart-tools", "upstart-tools lint --format "),
        set(["human", "concise", "json", "github", "sarif"])
    );
    assert_eq!(
        ask_zsh("upstart-lint", "upstart-lint --ignore UL30"),
        set([
            "UL301", "UL302", "UL303", "UL304", "UL305", "UL306", "UL308"
        ])
    );
    let top = ask_zsh("upstart-tools", "upstart-tools ");
    assert!(top.contains("lint") && !top.contains("generate"), "{top:?}");
}
