//! The man pages are real ones: every binary's page has the sections a man
//! page has, the configuration file and the rules have their own pages,
//! each drawn from the one place the text lives (the configuration keys,
//! the rule registry), and `man` renders them without a warning.

use crate::common::root;
use upstart_tools::cli::generate::{BINARIES, all_files};
use upstart_tools::lint::config::{ConfigFile, KEYS};
use upstart_tools::lint::registry;

fn page(name: &str) -> String {
    let path = format!("man/{name}");
    all_files()
        .into_iter()
        .find(|(p, _)| p.to_string_lossy() == path)
        .unwrap_or_else(|| panic!("{path} is not generated"))
        .1
}

/// The `.SH` headings of a page, in order.
fn sections(roff: &str) -> Vec<String> {
    roff.lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .map(|h| h.trim_matches('"').to_string())
        .collect()
}

#[test]
fn every_binary_page_has_the_sections_of_a_man_page() {
    for bin in BINARIES {
        let roff = page(&format!("{bin}.1"));
        let found = sections(&roff);
        let mut wanted = vec!["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"];
        if *bin == "upstart-tools" {
            wanted.push("COMMANDS");
        }
        wanted.extend([
            "EXIT STATUS",
            "FILES",
            "ENVIRONMENT",
            "EXAMPLES",
            "SEE ALSO",
        ]);
        if matches!(*bin, "upstart2systemd" | "systemd2upstart") {
            wanted.retain(|s| *s != "FILES"); // they read no file of their own
        }
        assert_eq!(found, wanted, "{bin}.1");
        // Option arguments in the synopsis, not `[--format]` alone.
        let synopsis = roff
            .split(".SH SYNOPSIS")
            .nth(1)
            .or_else(|| roff.split(".SH \"SYNOPSIS\"").nth(1))
            .unwrap_or_default();
        let synopsis = synopsis.split(".SH").next().unwrap_or_default();
        if *bin == "upstart-lint" {
            assert!(
                synopsis.contains("\\fB\\-\\-format\\fR \\fIFORMAT\\fR"),
                "{synopsis}"
            );
        }
        // The hidden maintainer command is not documented.
        assert!(!roff.contains("generate"), "{bin}.1 mentions generate");
    }
}

#[test]
fn the_linter_pages_list_every_configuration_key() {
    for name in ["upstart-lint.1", "upstart-tools.1", "upstart-lint.toml.5"] {
        let roff = page(name);
        for key in KEYS {
            let term = format!("\\fB{}\\fR", key.name.replace('-', "\\-"));
            assert!(roff.contains(&term), "{name} lacks the key {}", key.name);
        }
    }
}

/// The documented keys are exactly the keys the file accepts: serde's error
/// for an unknown key lists every known one.
#[test]
fn the_documented_keys_are_the_accepted_keys() {
    let err = toml::from_str::<ConfigFile>("no-such-key = 1")
        .expect_err("an unknown key is an error")
        .to_string();
    let expected = err
        .split("expected one of")
        .nth(1)
        .unwrap_or_else(|| panic!("serde lists the keys: {err}"));
    let accepted: std::collections::BTreeSet<&str> =
        expected.split('`').skip(1).step_by(2).collect();
    let documented: std::collections::BTreeSet<&str> = KEYS.iter().map(|k| k.name).collect();
    assert_eq!(documented, accepted);
    // And each one parses where the page says it goes.
    for key in KEYS {
        assert!(
            accepted.contains(key.name),
            "{} is documented but not accepted",
            key.name
        );
    }
}

#[test]
fn the_rules_page_documents_every_rule_from_the_registry() {
    let roff = page("upstart-lint-rules.7");
    for rule in registry::all() {
        let heading = format!(
            ".SS \"{} \\- {}\"",
            rule.code,
            rule.name.replace('-', "\\-")
        );
        assert!(roff.contains(&heading), "no {heading}");
    }
    // The documentation itself, not only the table: a line of UL302's.
    assert!(roff.contains("Upstart compares event names literally"));
}

/// `man` renders each page, without a warning, as a user reads it.
#[test]
fn man_renders_every_page_without_warnings() {
    let ok = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "man is not installed (.ci/run installs man-db)"
        );
        eprintln!("skipped: man is not installed");
        return;
    }
    let mut rendered = 0;
    for (path, _) in all_files() {
        if !path.starts_with("man") {
            continue;
        }
        let out = std::process::Command::new("man")
            .args(["--warnings", "-l"])
            .arg(root().join(&path))
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .expect("man");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}: {stderr}", path.display());
        assert!(stderr.trim().is_empty(), "{}: {stderr}", path.display());
        assert!(stdout.contains("NAME"), "{}:\n{stdout}", path.display());
        rendered += 1;
    }
    assert_eq!(rendered, BINARIES.len() + 2);
}
