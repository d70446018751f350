//! Embedded shell: script blocks and `exec` lines that upstart runs through
//! `/bin/sh -e`.
//!
//! **Extraction** ([`extract`]) mimics upstart exactly: a block's text is its
//! body after libnih's common-indentation stripping (re-derived from the
//! file so that every byte maps back), and an `exec` line runs through the
//! shell iff its command contains one of [`SHELL_CHARS`], as `exec COMMAND`.
//! [`Embedded::to_file`] maps a byte of that text back to a byte of the
//! `.conf`: body line *k* is the *k*-th line of the block, shifted by the
//! stripped indentation; an `exec` line's text is mapped byte by byte through
//! the parser's own tokenizer (continuation lines are joined there). Two
//! deliberate differences from the bytes upstart runs: invalid UTF-8 is `?`
//! (the linter's display text), and a NUL byte does not cut its line short.
//!
//! **Syntax checking in-process with `yash-syntax`** (a maintained POSIX
//! shell parser; its async API is driven by polling once with a no-op waker,
//! since in-memory input never waits). Texts are parsed on worker threads
//! ([`analyze_all`]); `cargo bench --bench shell` measures it.
//!
//! yash reads one character at a time through `async` functions and gives
//! each a reference-counted location: about 800 000 instructions for a
//! corpus text of 370 bytes (callgrind). So a text first goes through
//! `fast::is_clean`, a one-pass recognizer of a subset of the POSIX grammar
//! that proves, without building a tree, that yash would accept the text
//! and find nothing to report (385 of the corpus's 396 texts, about 25×
//! fewer instructions); every other text goes through yash as before, so
//! the findings are yash's, byte for byte ([`analyze_with_yash`] is the
//! path without the recognizer, which the tests compare with).
//!
//! yash-syntax is the default (and only) path: running `sh -n` once per
//! block is much slower, and only a parser gives the
//! syntax tree that UL403/UL404/UL406/UL407/UL408 need. Its differences
//! from dash (`/bin/sh` on Debian, Ubuntu and ChromiumOS) are handled here,
//! so that no finding is a false positive of the parser:
//!
//! - yash rejects bash forms that dash accepts at parse time and fails on at
//!   run time: `[[` (a command that does not exist in dash) and `${a[@]}`,
//!   `${x:0:1}`, `${x/a/b}`, `${!x}` … ("Bad substitution"). These are
//!   reported as bashisms (UL407, a warning), then blanked out and the text
//!   parsed again, so the rest of the block is still checked. A function
//!   body that is a simple command (`f() echo`), accepted by dash, ends the
//!   check without a finding.
//! - yash accepts bash forms that dash rejects: arrays `a=(…)`, here-strings
//!   `<<<`, case fall-through `;&`. They are found in the syntax tree and
//!   reported as syntax errors, as dash would.
//! - dash reads an unterminated here-document to the end of the script;
//!   yash rejects it. That is where UL403 (the terminator is indented) and
//!   UL404 (`end script` cut the here-document) come from; otherwise it is a
//!   syntax error.
//!
//! **shellcheck** (UL405) runs once per lint run over every block
//! (`check_shellcheck`), each written to its own file in a temporary
//! directory with `#!/bin/sh -e` as its first line (the shebang's `-e`
//! gives shellcheck upstart's errexit semantics, and a `# shellcheck
//! disable=` at the top of a block still applies to the whole block).
//!
//! All UL4xx findings except UL405 come from one pass over the job set,
//! `check_in_process` ([`Pass::Shell`]); UL405 comes from
//! `check_shellcheck` ([`Pass::Shellcheck`]).

mod extract;
mod fast;
mod shellcheck;
#[cfg(test)]
mod tests;
mod tree;
mod yash;

pub use crate::facts::shell::{SHELL_CHARS, runs_through_shell};
pub use extract::{Embedded, Origin, extract};
pub(crate) use shellcheck::check_shellcheck;
pub use shellcheck::{ShellcheckFinding, run_shellcheck};
pub use yash::{At, Note, Subject, analyze, analyze_all, analyze_with_yash};

use super::registry::Pass;
use super::{SetCtx, SetFindings};
use crate::diag::Code;
use shellcheck::Programs;

/// [`Pass::Shell`]: parse every embedded shell text of the reported jobs
/// and report UL401–UL404 and UL406–UL408.
pub(crate) fn check_in_process(set: &SetCtx<'_>, out: &mut SetFindings) {
    let mut programs = Programs::default();
    let mut texts: Vec<(usize, Embedded, bool)> = Vec::new();
    for ctx in set.jobs.iter().filter(|c| c.report) {
        if !Pass::Shell.rules().any(|r| ctx.config.enabled(r)) {
            continue;
        }
        // UL407 is for when shellcheck does not run (it reports bashisms).
        let bashisms = programs.shellcheck(ctx.config).is_none();
        texts.extend(
            extract(ctx.file)
                .into_iter()
                .map(|e| (ctx.index, e, bashisms)),
        );
    }
    let subjects: Vec<Subject<'_>> = texts
        .iter()
        .map(|(job, e, _)| Subject {
            text: &e.text,
            origin: e.origin,
            indent: e.indent,
            after: set.jobs[*job]
                .file
                .source
                .text()
                .get(e.after..)
                .unwrap_or(""),
        })
        .collect();
    let results = analyze_all(&subjects);
    for ((job, embedded, bashisms), notes) in texts.iter().zip(results) {
        for note in notes {
            if note.code == Code::UL407 && !bashisms {
                continue;
            }
            let span = |at: &At| match at {
                At::Text(r) => embedded.span(r.clone()),
                At::BlockEnd => embedded.end,
            };
            let f = out
                .add(*job, note.code, span(&note.at), note.message)
                .label(note.label);
            if let Some(help) = note.help {
                f.help(help);
            }
            if let Some(severity) = note.severity {
                f.severity(severity);
            }
            for (at, label) in &note.related {
                f.related(span(at), label.clone());
            }
        }
    }
}
