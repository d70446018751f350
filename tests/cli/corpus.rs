//! The real-world corpus in `../shared/corpus/upstart` (absent in a user's
//! clone: then these tests print that they skipped).

use crate::common::{corpus_dir, files_in};
use upstart_tools::ast::eq_ignoring_spans;
use upstart_tools::print::print;
use upstart_tools::syntax::{Dialect, ErrorKind, Parsed, parse, parse_str};

/// Files that upstart 1.13.2 itself rejects (the corpus README's list).
const KNOWN_BAD: &[(&str, ErrorKind)] = &[
    ("153-dbeacon-instance.conf", ErrorKind::UnknownSubKeyword), // expect WHAT
    ("163-restorecond.conf", ErrorKind::UnknownSubKeyword),      // expect WHAT
    ("164-tarantool-instance.conf", ErrorKind::UnknownSubKeyword), // expect WHAT
    ("179-postfix-instance.conf", ErrorKind::UnknownStanza),     // `decription`
    ("183-elasticsearch.conf", ErrorKind::ExpectedToken),        // limit without hard value
    ("184-grafana.conf", ErrorKind::ExpectedToken),              // limit without hard value
    ("215-motd.conf", ErrorKind::ExpectedToken), // bare `pre-start`, shell outside a block
    ("218-nxlog.conf", ErrorKind::ExpectedToken), // `expect #TODO`
];

/// Other files that yield an error, each with the reason. Empty: every
/// other corpus file parses without error.
const OTHER_ERRORS: &[(&str, &str)] = &[];

fn parse_all() -> Option<Vec<(String, Vec<u8>, Parsed)>> {
    let dir = corpus_dir("upstart")?;
    let mut out = Vec::new();
    for path in files_in(&dir, "conf") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parsed = std::panic::catch_unwind(|| parse(&bytes))
            .unwrap_or_else(|_| panic!("the parser panicked on {name}"));
        out.push((name, bytes, parsed));
    }
    assert!(out.len() > 300, "corpus unexpectedly small: {}", out.len());
    Some(out)
}

#[test]
fn corpus_errors_are_exactly_the_known_ones() {
    let Some(files) = parse_all() else { return };
    let mut unexpected = Vec::new();
    for (name, _, parsed) in &files {
        // ChromiumOS jobs: see chromiumos_jobs_need_their_dialect.
        let parsed = &parsed.clone().for_dialect(Dialect::Chromeos);
        let known = KNOWN_BAD.iter().find(|(n, _)| n == name);
        let listed = OTHER_ERRORS.iter().any(|(n, _)| n == name);
        match (parsed.has_errors(), known) {
            (true, Some((_, kind))) => assert!(
                parsed.errors.iter().any(|e| e.kind == *kind),
                "{name}: expected {kind:?}, got {:?}",
                parsed.errors
            ),
            (false, Some(_)) => {
                unexpected.push(format!("{name}: known-bad file parsed without error"));
            }
            (true, None) if !listed => unexpected.push(format!(
                "{name}: {:?}",
                parsed
                    .errors
                    .iter()
                    .map(|e| (e.kind, e.span))
                    .collect::<Vec<_>>()
            )),
            _ => {}
        }
    }
    assert!(
        unexpected.is_empty(),
        "unexpected corpus results:\n{}",
        unexpected.join("\n")
    );
    let others = files.len() - KNOWN_BAD.len();
    let clean = files
        .iter()
        .filter(|(_, _, p)| !p.clone().for_dialect(Dialect::Chromeos).has_errors())
        .count();
    assert!(
        clean * 100 >= others * 97,
        "only {clean} of {others} non-known-bad files parse cleanly"
    );
}

#[test]
fn chromiumos_jobs_need_their_dialect() {
    let Some(files) = parse_all() else { return };
    let vendor: Vec<_> = files
        .iter()
        .filter(|(_, _, p)| p.errors.iter().any(|e| e.kind == ErrorKind::VendorStanza))
        .collect();
    assert_eq!(
        vendor.len(),
        16,
        "the corpus README lists 16 ChromiumOS jobs using import/tmpfiles"
    );
    for (name, _, parsed) in vendor {
        // Upstream upstart rejects them ("Unknown stanza")…
        assert!(parsed.has_errors(), "{name}");
        // …ChromiumOS's loads them.
        let chromeos = parsed.clone().for_dialect(Dialect::Chromeos);
        assert!(!chromeos.has_errors(), "{name}: {:?}", chromeos.errors);
    }
}

#[test]
fn corpus_fmt_is_stable_and_reparses() {
    let Some(files) = parse_all() else { return };
    let mut checked = 0;
    for (name, _, parsed) in files.iter().filter(|(_, _, p)| !p.has_errors()) {
        let once = print(&parsed.job).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = parse_str(&once);
        assert!(
            !again.has_errors(),
            "{name}: formatted text has errors: {:?}",
            again.errors
        );
        assert!(
            eq_ignoring_spans(&again.job, &parsed.job),
            "{name}: parse(print(job)) differs from job"
        );
        let twice = print(&again.job).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(once, twice, "{name}: fmt is not idempotent");
        checked += 1;
    }
    assert!(checked > 300);
}
