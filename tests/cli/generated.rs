//! Committed generated files (man pages, completions) must be current, the
//! staleness check must notice a changed flag, and each completion script
//! must load in its shell where that shell is installed.

use crate::common::{Test, root};
use clap_complete::Shell;
use std::path::PathBuf;
use upstart_tools::cli::generate::{
    BINARIES, SHELLS, all_files, command, completion_of, completion_path, man_page_of, stale_files,
};

#[test]
fn man_pages_and_completions_are_current() {
    let stale = stale_files(&root(), &all_files());
    assert!(
        stale.is_empty(),
        "{}\nregenerate with: cargo run --bin upstart-tools -- generate all .",
        stale.join("\n")
    );
}

#[test]
fn every_binary_has_a_man_page_and_five_completions() {
    let files: Vec<PathBuf> = all_files().into_iter().map(|(p, _)| p).collect();
    for bin in BINARIES {
        assert!(
            files.contains(&PathBuf::from(format!("man/{bin}.1"))),
            "{bin}.1"
        );
        for shell in SHELLS {
            assert!(
                files.contains(&completion_path(bin, *shell)),
                "{bin} {shell}"
            );
        }
    }
    assert_eq!(SHELLS.len(), 5);
}

/// The check is only worth something if a changed flag makes it fail.
#[test]
fn a_changed_flag_makes_the_staleness_check_fail() {
    let changed = || {
        command("upstart-lint")
            .expect("upstart-lint is a binary")
            .arg(
                clap::Arg::new("new-flag")
                    .long("new-flag")
                    .help("a flag added later"),
            )
    };
    let mut expected = vec![(
        PathBuf::from("man/upstart-lint.1"),
        man_page_of(changed()).expect("man page"),
    )];
    for shell in SHELLS {
        expected.push((
            completion_path("upstart-lint", *shell),
            completion_of(changed(), *shell).expect("completion"),
        ));
    }
    let stale = stale_files(&root(), &expected);
    assert_eq!(stale.len(), 1 + SHELLS.len(), "{stale:?}");
    assert!(stale.iter().all(|s| s.ends_with("is stale")), "{stale:?}");
}

#[test]
fn completions_and_man_commands_print_the_committed_files() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let parsed: Shell = shell.parse().expect("shell name");
        let committed = std::fs::read(root().join(completion_path("upstart-run", parsed)))
            .expect("committed completion");
        Test::new("upstart-tools")
            .args(["completions", shell, "--bin", "upstart-run"])
            .expect_status(0)
            .expect_stdout_bytes(committed)
            .run();
    }
    let committed = std::fs::read(root().join("man/upstart-tools.1")).expect("man page");
    Test::new("upstart-tools")
        .arg("man")
        .expect_status(0)
        .expect_stdout_bytes(committed)
        .run();
    for (name, file) in [
        ("upstart-lint.toml", "man/upstart-lint.toml.5"),
        ("upstart-lint-rules", "man/upstart-lint-rules.7"),
    ] {
        let committed = std::fs::read(root().join(file)).expect("man page");
        Test::new("upstart-tools")
            .args(["man", name])
            .expect_status(0)
            .expect_stdout_bytes(committed)
            .run();
    }
    // An unknown binary is a usage error.
    Test::new("upstart-tools")
        .args(["man", "nope"])
        .expect_status(2)
        .run();
}

fn shell_installed(shell: &str) -> bool {
    runs(shell, &["-c", "exit 0"])
}

/// Whether `program ARGS` runs and succeeds; says "skipped" when not.
fn runs(program: &str, args: &[&str]) -> bool {
    let found = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: {program} is not installed");
    }
    found
}

/// Run `script` in `shell` and return stdout; panics with stderr on failure.
fn run_in(shell: &str, args: &[&str], script: &str) -> String {
    let out = std::process::Command::new(shell)
        .args(args)
        .arg(script)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("{shell}: {e}"));
    assert!(
        out.status.success(),
        "{shell} failed on:\n{script}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bash_completions_load_and_complete_subcommands() {
    if !shell_installed("bash") {
        return;
    }
    for bin in BINARIES {
        let file = completion_path(bin, Shell::Bash);
        let out = run_in(
            "bash",
            &["-c"],
            &format!("source {} && complete -p {bin}", file.display()),
        );
        assert!(out.contains(bin), "{bin}: {out}");
    }
    // Ask the loaded function for the words after `upstart-tools `.
    let out = run_in(
        "bash",
        &["-c"],
        "source completions/upstart-tools.bash
         COMP_WORDS=(upstart-tools ''); COMP_CWORD=1
         _upstart__tools upstart-tools '' upstart-tools
         printf '%s\\n' \"${COMPREPLY[@]}\"",
    );
    for sub in ["lint", "convert", "exec", "completions", "man"] {
        assert!(out.lines().any(|l| l == sub), "bash offers no {sub}: {out}");
    }
}

#[test]
fn zsh_completions_load() {
    if !shell_installed("zsh") {
        return;
    }
    for bin in BINARIES {
        let file = completion_path(bin, Shell::Zsh);
        // Loading defines the completion function without errors.
        let out = run_in(
            "zsh",
            &["-f", "-c"],
            &format!(
                "autoload -U compinit && compinit -u -D && source {} && whence -w _{bin}",
                file.display()
            ),
        );
        assert!(out.contains("function"), "{bin}: {out}");
    }
}

#[test]
fn fish_completions_load_and_complete_subcommands() {
    if !shell_installed("fish") {
        return;
    }
    let out = run_in(
        "fish",
        &["--no-config", "-c"],
        "source completions/upstart-tools.fish; complete -C 'upstart-tools '",
    );
    for sub in ["lint", "convert", "exec", "completions", "man"] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{sub}\t"))),
            "fish offers no {sub}: {out}"
        );
    }
    let out = run_in(
        "fish",
        &["--no-config", "-c"],
        "source completions/upstart-lint.fish; complete -C 'upstart-lint --for'",
    );
    assert!(out.contains("--format"), "{out}");
}

/// Elvish has its `edit:` module only in an interactive session, so the
/// scripts are loaded in one, on a pty made by util-linux `script`.
#[test]
fn elvish_completions_load() {
    // `script -c` would write ./typescript: probe it with its output going
    // to /dev/null, as the test runs it.
    if !runs("script", &["-qec", "exit 0", "/dev/null"]) || !shell_installed("elvish") {
        return;
    }
    let mut input = String::new();
    for bin in BINARIES {
        let file = completion_path(bin, Shell::Elvish);
        input.push_str(&format!(
            "eval (slurp < {})\necho LOADED-{bin} (has-key $edit:completion:arg-completer {bin})\n",
            file.display()
        ));
    }
    input.push_str("exit\n");
    let mut child = std::process::Command::new("timeout")
        .args(["20", "script", "-qec", "elvish -norc", "/dev/null"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("elvish");
    let text = String::from_utf8_lossy(&out.stdout);
    for bin in BINARIES {
        assert!(
            text.contains(&format!("LOADED-{bin} $true")),
            "elvish did not load {bin}:\n{text}"
        );
    }
    assert!(!text.contains("Compilation error"), "{text}");
}

/// The PowerShell scripts, checked without PowerShell (CI has none): each
/// registers a native completer for its binary, has a case for every
/// (sub)command path listing each of its subcommands and options, and has
/// balanced quotes, braces and parentheses.
#[test]
fn powershell_completions_are_well_formed() {
    for bin in BINARIES {
        let file = completion_path(bin, Shell::PowerShell);
        let text = std::fs::read_to_string(root().join(&file))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let register =
            format!("Register-ArgumentCompleter -Native -CommandName '{bin}' -ScriptBlock {{");
        assert_eq!(
            text.matches(&register).count(),
            1,
            "{}: one `{register}`",
            file.display()
        );
        assert_balanced(&text, &file.display().to_string());
        let mut cmd = command(bin).unwrap_or_else(|| panic!("{bin} is a binary"));
        cmd.build();
        let mut checked = 0;
        check_ps_case(&text, &cmd, bin, &mut checked);
        assert!(checked > 0, "{bin}: nothing checked");
    }
}

/// The body of the `'label' { ... break }` case of a PowerShell script.
fn ps_case<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let head = format!("\n        '{label}' {{\n");
    let start = text.find(&head)? + head.len();
    let len = text[start..].find("\n            break\n        }")?;
    Some(&text[start..start + len])
}

fn check_ps_case(text: &str, cmd: &clap::Command, label: &str, checked: &mut usize) {
    let body = ps_case(text, label).unwrap_or_else(|| panic!("no case '{label}' in:\n{text}"));
    let listed = |word: &str, kind: &str| {
        let entry = format!("[CompletionResult]::new('{word}', ");
        body.lines()
            .any(|l| l.trim_start().starts_with(&entry) && l.contains(kind))
    };
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        if let Some(long) = arg.get_long() {
            let word = format!("--{long}");
            assert!(
                listed(&word, "ParameterName"),
                "'{label}' lacks {word}:\n{body}"
            );
            *checked += 1;
        }
        if let Some(short) = arg.get_short() {
            let word = format!("-{short}");
            assert!(
                listed(&word, "ParameterName"),
                "'{label}' lacks {word}:\n{body}"
            );
            *checked += 1;
        }
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        // clap's `help` tree mirrors the subcommands; `help help` is not
        // always generated.
        if cmd.get_name() == "help" && name == "help" {
            continue;
        }
        assert!(
            listed(name, "ParameterValue"),
            "'{label}' lacks subcommand {name}:\n{body}"
        );
        *checked += 1;
        check_ps_case(text, sub, &format!("{label};{name}"), checked);
    }
}

/// Quotes, braces and parentheses balance (PowerShell single-quoted strings
/// escape a quote by doubling it; nothing is counted inside them).
fn assert_balanced(text: &str, what: &str) {
    let mut stack = Vec::new();
    let mut in_quote = false;
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_quote {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    in_quote = false;
                }
            }
            continue;
        }
        match c {
            '\'' => in_quote = true,
            '{' | '(' | '[' => stack.push((c, line)),
            '}' | ')' | ']' => {
                let open = match c {
                    '}' => '{',
                    ')' => '(',
                    _ => '[',
                };
                match stack.pop() {
                    Some((o, _)) if o == open => {}
                    other => panic!("{what}:{line}: `{c}` closes {other:?}"),
                }
            }
            _ => {}
        }
    }
    assert!(!in_quote, "{what}: a quote is never closed");
    assert!(stack.is_empty(), "{what}: unclosed {stack:?}");
}

/// The structural test above runs everywhere; this one needs PowerShell.
#[test]
#[ignore = "needs pwsh"]
fn powershell_completions_load() {
    assert!(shell_installed("pwsh"), "pwsh is not installed");
    for bin in BINARIES {
        let file = completion_path(bin, Shell::PowerShell);
        run_in(
            "pwsh",
            &["-NoProfile", "-Command"],
            &format!(". ./{}", file.display()),
        );
    }
}

#[test]
fn man_page_documents_the_commands() {
    let page = std::fs::read_to_string(root().join("man/upstart-tools.1")).unwrap_or_default();
    for needle in ["parse", "fmt", "lint", "convert", "exec", "completions"] {
        assert!(page.contains(needle), "man page lacks {needle}");
    }
}
