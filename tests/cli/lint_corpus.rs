//! `upstart-lint` over the real-world corpus: no panic, and every
//! error-level finding outside upstart's own known-bad files is a real
//! defect listed here with its reason.

use crate::common::{corpus_dir, files_in};
use upstart_tools::diag::Severity;
use upstart_tools::lint::config::{Config, Overrides, ShellcheckMode};
use upstart_tools::lint::{Input, lint};
use upstart_tools::load::{ParsedFile, job_name};

/// Files upstart 1.13.2 itself rejects (the corpus README's list).
const KNOWN_BAD: &[&str] = &[
    "153-dbeacon-instance.conf",
    "163-restorecond.conf",
    "164-tarantool-instance.conf",
    "179-postfix-instance.conf",
    "183-elasticsearch.conf",
    "184-grafana.conf",
    "215-motd.conf",
    "218-nxlog.conf",
];

/// Error-level findings on other files: (file, code, why it is a real defect).
const REAL_DEFECTS: &[(&str, &str, &str)] = &[(
    "193-openvpn-instance.conf",
    "UL401",
    "pre-start `test -r … {` … `exit 1` … `}`: a `}` with no `{` command; `test` fails on the `{` and the top-level `exit 1` fails the block anyway, so no instance ever starts",
)];

#[test]
fn corpus_errors_are_known_bad_files_or_real_defects() {
    let Some(dir) = corpus_dir("upstart") else {
        return;
    };
    let inputs: Vec<Input> = files_in(&dir, "conf")
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Input {
                name: job_name(&p, None),
                file: ParsedFile::from_bytes(&p, bytes),
                config: 0,
                report: true,
            }
        })
        .collect();
    let overrides = Overrides {
        shellcheck: Some(ShellcheckMode::Off),
        ..Overrides::default()
    };
    let configs = vec![Config::build(None, &overrides).unwrap_or_else(|e| panic!("{e}"))];
    let result = std::panic::catch_unwind(|| lint(&inputs, &configs))
        .unwrap_or_else(|_| panic!("the linter panicked on the corpus"));
    assert_eq!(result.files, inputs.len());
    let mut unexpected = Vec::new();
    for d in result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        // ChromiumOS jobs (`import`, `tmpfiles`): upstream upstart rejects
        // them; corpus.rs checks that ChromiumOS's dialect accepts them.
        .filter(|d| d.code != "UL014")
    {
        let file = d.file.rsplit('/').next().unwrap_or(&d.file);
        if KNOWN_BAD.contains(&file)
            || REAL_DEFECTS
                .iter()
                .any(|(f, c, _)| *f == file && *c == d.code)
        {
            continue;
        }
        unexpected.push(format!(
            "{}:{}:{} {} {}: {}",
            file, d.line, d.column, d.code, d.message, d.detail
        ));
    }
    assert!(
        unexpected.is_empty(),
        "error-level findings that are neither known-bad nor listed as real defects:\n{}",
        unexpected.join("\n")
    );
    for bad in KNOWN_BAD {
        assert!(
            result
                .diagnostics
                .iter()
                .any(|d| d.file.ends_with(bad) && d.severity == Severity::Error),
            "{bad} should have an error"
        );
    }
}
