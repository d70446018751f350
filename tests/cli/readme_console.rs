//! Every ```console example of the README is run, and must print exactly
//! what the README shows.
//!
//! A block is a transcript: `$ COMMAND` (run by `sh` from the project's
//! root, with the binaries of this build first on PATH), then `? N` when
//! its exit status is not 0, then what it prints, stdout and stderr in the
//! order written (one pipe for both, as on a terminal). Lines compare
//! without trailing blanks, which Markdown editors strip. A block tagged
//! ```console,ignore is shown but not run (an interactive session).
//!
//! After a deliberate change of output, rewrite the blocks from what the
//! commands print now, and review the result:
//!
//! ```sh
//! UPDATE_SNAPSHOTS=1 cargo test --test cli readme_console
//! git diff README.md
//! ```
//!
//! This is trycmd's Markdown format, run by hand: trycmd itself (tried
//! first) turns every `\` of a Markdown case's output into `/` (snapbox's
//! path filter, always on for `.md` cases), which breaks the unit's
//! `ExecStart=… \n …` line and would corrupt the README on overwrite.

use crate::common::root;
use assert_cmd::cargo::cargo_bin;
use std::fmt::Write as _;

/// One command of a console block and what the README says it prints.
struct Step {
    command: String,
    status: i32,
    output: Vec<String>,
}

/// A console block: where its body is in the README, and its steps.
struct Block {
    body: std::ops::Range<usize>,
    steps: Vec<Step>,
}

const FENCE: &str = "```console\n";

fn blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(at) = readme[from..].find(FENCE) {
        let start = from + at + FENCE.len();
        let len = readme[start..]
            .find("```")
            .unwrap_or_else(|| panic!("a ```console block is never closed"));
        let body = &readme[start..start + len];
        blocks.push(Block {
            body: start..start + len,
            steps: steps(body),
        });
        from = start + len + 3;
    }
    blocks
}

fn steps(body: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for line in body.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_string(),
                status: 0,
                output: Vec::new(),
            });
            continue;
        }
        let step = steps
            .last_mut()
            .unwrap_or_else(|| panic!("a ```console block starts with output: {line}"));
        match line.strip_prefix("? ") {
            Some(status) if step.output.is_empty() && step.status == 0 => {
                step.status = status
                    .trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("`? {status}` is not an exit status"));
            }
            _ => step.output.push(line.trim_end().to_string()),
        }
    }
    for step in &mut steps {
        while step.output.last().is_some_and(String::is_empty) {
            step.output.pop();
        }
    }
    steps
}

/// Run a command as the README's reader would, from the project's root.
fn run(command: &str) -> Step {
    let bin_dir = cargo_bin("upstart-tools")
        .parent()
        .expect("binary directory")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("sh");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut output: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while output.last().is_some_and(String::is_empty) {
        output.pop();
    }
    Step {
        command: command.to_string(),
        status: out.status.code().unwrap_or(-1),
        output,
    }
}

fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        writeln!(out, "$ {}", step.command).expect("write to String");
        if step.status != 0 {
            writeln!(out, "? {}", step.status).expect("write to String");
        }
        for line in &step.output {
            writeln!(out, "{line}").expect("write to String");
        }
    }
    out
}

#[test]
fn readme_console_examples_print_what_the_commands_print() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    // A `$ ` command in a block that is not run would be an example
    // nobody checks.
    let mut fence: Option<&str> = None;
    for line in readme.lines() {
        if let Some(info) = line.strip_prefix("```") {
            fence = if fence.is_some() { None } else { Some(info) };
        } else if let Some(info) = fence {
            assert!(
                !line.starts_with("$ ") || info == "console" || info == "console,ignore",
                "a ```{info} block shows a command; make it ```console, which this test runs: {line}"
            );
        }
    }
    let blocks = blocks(&readme);
    let mut updated = readme.clone();
    let mut failures = Vec::new();
    let mut ran = 0;
    // Back to front, so that rewriting a block keeps the earlier ranges.
    for block in blocks.iter().rev() {
        let actual: Vec<Step> = block.steps.iter().map(|s| run(&s.command)).collect();
        ran += actual.len();
        let want = render(&block.steps);
        let got = render(&actual);
        if want != got {
            let diff = similar::TextDiff::from_lines(&want, &got)
                .unified_diff()
                .header("README.md", "what the commands print")
                .to_string();
            failures.push(diff);
            updated.replace_range(block.body.clone(), &got);
        }
    }
    assert!(ran >= 5, "only {ran} README commands were run");
    if failures.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, updated).expect("write README.md");
        eprintln!("README.md: {} console blocks rewritten", failures.len());
        return;
    }
    panic!(
        "README examples differ from what the commands print \
         (UPDATE_SNAPSHOTS=1 rewrites them; review `git diff README.md`):\n{}",
        failures.join("\n")
    );
}
