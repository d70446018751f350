//! The properties the fuzzers in `fuzz/` check, kept here so that every
//! input a fuzzer ever found is replayed by `cargo test`
//! (`fuzz/regressions/<target>/`) against exactly the same checks. Each
//! function panics when a property fails; none may panic otherwise.

use crate::ast::{Item, Job, ProcessBody, StanzaKind, eq_ignoring_spans, resolve};
use crate::convert::from_systemd::from_systemd;
use crate::convert::systemd_unit::parse_unit;
use crate::convert::to_systemd;
use crate::diag::Diagnostic;
use crate::print::print;
use crate::source::SourceFile;
use crate::syntax::{Dialect, parse};

/// The upstart parser on any bytes: error and conversion-loss spans stay
/// inside the input and errors render as diagnostics; a job that parses
/// cleanly prints, the
/// printed text parses cleanly to the same job, and the converter accepts
/// it and writes units that systemd's syntax accepts.
pub fn job(data: &[u8]) {
    // ChromiumOS's dialect accepts a superset: `import`/`tmpfiles` get
    // printed and converted too.
    let parsed = parse(data).for_dialect(Dialect::Chromeos);
    let source = SourceFile::new("fuzz.conf", data.to_vec());
    for e in &parsed.errors {
        assert!(
            e.span.start <= e.span.end && e.span.end <= data.len(),
            "span {:?} outside the input",
            e.span
        );
    }
    // Rendering is the slow part; one diagnostic per input covers it.
    if let Some(e) = parsed.errors.first() {
        let _ = Diagnostic::from_parse(&source, e).render(false, 80);
    }
    let resolved = resolve(&[&parsed.job]);
    let conversion = to_systemd("fuzz", &resolved);
    // Loss positions are rebuilt from stanza and script-body spans: they
    // must stay inside the input.
    for l in &conversion.losses {
        assert!(
            l.span.start <= l.span.end && l.span.end <= data.len(),
            "{} span {:?} outside the input ({} bytes)",
            l.code,
            l.span,
            data.len()
        );
    }
    if parsed.has_errors() {
        return;
    }
    for unit in &conversion.units {
        let text = unit.unit.render();
        let (_, errors) = parse_unit(&unit.file_name, text.as_bytes());
        assert!(
            errors.is_empty(),
            "converted unit {} does not parse: {errors:?}\n{text}",
            unit.file_name
        );
    }
    let Ok(printed) = print(&parsed.job) else {
        return;
    };
    let again = parse(printed.as_bytes()).for_dialect(Dialect::Chromeos);
    assert!(
        !again.has_errors(),
        "printed job does not parse: {:?}\n{printed}",
        again.errors
    );
    if data.contains(&0) {
        // A NUL byte cuts a script line short and joins it to the next one
        // (libnih's `strncat`): the body upstart runs can then be one no
        // text lays out exactly (e.g. a single line starting with a blank,
        // whose blank the indentation rule would strip). The printer writes
        // the nearest text; it must be a fixed point.
        let reprinted = print(&again.job).ok();
        assert_eq!(
            reprinted.as_deref(),
            Some(printed.as_str()),
            "printing is not stable"
        );
        return;
    }
    assert!(
        eq_ignoring_spans(&final_newlines(&again.job), &final_newlines(&parsed.job)),
        "printing changed the job:\n{printed}"
    );
}

/// The event-expression parser, reached as upstart reaches it: after
/// `start on` and `stop on`.
pub fn event_expr(data: &[u8]) {
    for keyword in [&b"start on "[..], &b"stop on "[..]] {
        let mut text = keyword.to_vec();
        text.extend_from_slice(data);
        text.push(b'\n');
        job(&text);
    }
}

/// The systemd unit parser and the systemd → upstart converter on any
/// bytes: the job it writes is one upstart accepts.
pub fn systemd_unit(data: &[u8]) {
    let (unit, _) = parse_unit("fuzz.service", data);
    let converted = from_systemd(&unit);
    let Ok(text) = print(&converted.job) else {
        panic!("the converted job cannot be printed: {:?}", converted.job);
    };
    let again = parse(text.as_bytes());
    assert!(
        !again.has_errors(),
        "converted job does not parse: {:?}\n{text}",
        again.errors
    );
    // Upstart reads back exactly the job the converter meant: no escape
    // garbled by libnih (UL117), no value changed on the way.
    assert!(
        !again
            .errors
            .iter()
            .any(|e| e.kind == crate::syntax::ErrorKind::GarbledEscape),
        "upstart would garble the converted job: {:?}\n{text}",
        again.errors
    );
    assert!(
        eq_ignoring_spans(&final_newlines(&again.job), &final_newlines(&converted.job)),
        "upstart reads the converted job differently:\n{text}"
    );
}

/// A NUL byte ends a script line without its newline (libnih copies lines
/// with `strncat`), so a body can lack its final newline; the printer writes
/// it back, which `/bin/sh` reads the same. Compare with it restored.
fn final_newlines(job: &Job) -> Job {
    let mut job = job.clone();
    for item in &mut job.items {
        if let Item::Stanza(s) = item
            && let StanzaKind::Process {
                body: ProcessBody::Script { body, .. },
                ..
            } = &mut s.kind
            && !body.is_empty()
            && !body.ends_with('\n')
        {
            body.push('\n');
        }
    }
    job
}
