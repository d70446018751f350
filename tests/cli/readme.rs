//! The README shows real behaviour: the conversion mapping table is checked
//! against the converter; every `console` example is run by
//! `readme_console.rs`.

use crate::common::root;
use assert_cmd::cargo::cargo_bin;
use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The text between two marker lines.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let a = text
        .find(start)
        .unwrap_or_else(|| panic!("README lacks {start}"));
    let b = text
        .find(end)
        .unwrap_or_else(|| panic!("README lacks {end}"));
    &text[a + start.len()..b]
}

/// The contents of every `code span` in a table cell (`\|` is a `|` that
/// does not end the cell).
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.replace("\\|", "|"))
        .collect()
}

#[test]
fn mapping_table_matches_the_converter() {
    let text = readme();
    let table = between(&text, "<!-- mapping:start -->", "<!-- mapping:end -->");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows = 0;
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        assert_eq!(cells.len(), 3, "malformed row: {line}");
        let stanza = code_spans(cells[0]).join("\n");
        let job = dir.path().join("job.conf");
        std::fs::write(
            &job,
            format!("{stanza}\nexec /usr/bin/daemon --foreground\n"),
        )
        .expect("write job");
        let out = Command::new(cargo_bin("upstart2systemd"))
            .arg(&job)
            .output()
            .expect("upstart2systemd");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stanza}: {stderr}");
        for directive in code_spans(cells[1]) {
            if directive == "[Install]" {
                // "no `[Install]` section"
                assert!(!stdout.contains("[Install]"), "{stanza}:\n{stdout}");
                continue;
            }
            assert!(
                stdout.lines().any(|l| l == directive),
                "`{stanza}` does not give `{directive}`:\n{stdout}"
            );
        }
        for code in cells[2].split_whitespace() {
            assert!(
                stderr.contains(&format!("[{code}]")),
                "`{stanza}` does not report {code}:\n{stderr}"
            );
        }
        rows += 1;
    }
    assert!(rows >= 40, "only {rows} mapping rows found");
}
