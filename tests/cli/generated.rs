//! Committed generated files (man pages, completions) must be current.

use crate::common::root;
use upstart_tools::cli::generate::all_files;

#[test]
fn man_pages_and_completions_are_current() {
    let mut stale = Vec::new();
    for (rel, expected) in all_files() {
        let path = root().join(&rel);
        match std::fs::read_to_string(&path) {
            Ok(actual) if actual == expected => {}
            Ok(_) => stale.push(format!("{} is stale", rel.display())),
            Err(e) => stale.push(format!("{} is missing ({e})", rel.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nregenerate with: cargo run --bin upstart-tools -- generate all .",
        stale.join("\n")
    );
}

#[test]
fn bash_completions_are_valid_bash() {
    for (rel, _) in all_files() {
        if rel.extension().is_some_and(|e| e == "bash") {
            let status = std::process::Command::new("bash")
                .arg("-n")
                .arg(root().join(&rel))
                .status()
                .unwrap_or_else(|e| panic!("bash: {e}"));
            assert!(status.success(), "{} is not valid bash", rel.display());
        }
    }
}

#[test]
fn man_page_documents_the_commands() {
    let page = std::fs::read_to_string(root().join("man/upstart-tools.1")).unwrap_or_default();
    for needle in ["parse", "fmt", "lint"] {
        assert!(page.contains(needle), "man page lacks {needle}");
    }
}
