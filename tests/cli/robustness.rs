//! Hostile and unusual input: the parser never panics, never hangs on
//! deep nesting, and keeps reporting with the right spans.

use upstart_tools::ast::{Item, ProcessBody, StanzaKind};
use upstart_tools::diag::Diagnostic;
use upstart_tools::source::SourceFile;
use upstart_tools::syntax::{ErrorKind, parse};

fn kinds(bytes: &[u8]) -> Vec<ErrorKind> {
    parse(bytes).errors.iter().map(|e| e.kind).collect()
}

/// Render every diagnostic, as the CLI would; must not panic either.
fn render_all(bytes: &[u8]) -> String {
    let source = SourceFile::new("t.conf", bytes.to_vec());
    parse(bytes)
        .errors
        .iter()
        .map(|e| Diagnostic::from_parse(&source, e).render(false, 80))
        .collect()
}

#[test]
fn non_utf8_is_a_warning_and_values_are_kept_lossily() {
    let src = b"description \"caf\xe9\"\nexec /bin/true\n";
    let parsed = parse(src);
    assert_eq!(kinds(src), vec![ErrorKind::InvalidUtf8]);
    assert!(!parsed.has_errors(), "upstart accepts any bytes");
    let Some(StanzaKind::Description { text }) = parsed.job.stanzas().next().map(|s| &s.kind)
    else {
        panic!("expected a description: {:?}", parsed.job)
    };
    assert_eq!(text.value, "caf\u{FFFD}");
    assert!(render_all(src).contains("UL012"));
}

#[test]
fn nul_bytes_act_as_libnih_treats_them() {
    // In libnih a NUL matches strchr(WS/delimiters): it ends a token.
    let parsed = parse(b"description ab\0cd\n");
    assert_eq!(
        parsed.errors.iter().map(|e| e.kind).collect::<Vec<_>>(),
        vec![ErrorKind::NulInValue, ErrorKind::UnexpectedToken]
    );
    // Inside quotes it ends the value: C strings (upstart stores 5).
    let parsed = parse(b"kill timeout \"5\0x\"\n");
    assert!(!parsed.has_errors(), "{:?}", parsed.errors);
    assert_eq!(
        kinds(b"kill timeout \"5\0x\"\n"),
        vec![ErrorKind::NulInValue]
    );
    assert!(matches!(
        parsed.job.stanzas().next().map(|s| &s.kind),
        Some(StanzaKind::KillTimeout { seconds }) if seconds.value == 5
    ));
    // An empty value left by the NUL reads as 0, as C's strtoul does.
    let parsed = parse(b"kill signal \"\0\"\n");
    assert!(!parsed.has_errors(), "{:?}", parsed.errors);
    // Inside a script body the line is cut at the NUL (strncat).
    let parsed = parse(b"script\n  echo a\0b\n  echo c\nend script\n");
    let Some(StanzaKind::Process {
        body: ProcessBody::Script { body, .. },
        ..
    }) = parsed.job.stanzas().next().map(|s| &s.kind)
    else {
        panic!("expected a script: {parsed:?}")
    };
    assert_eq!(body, "echo aecho c\n");
    render_all(b"\0\0\0exec\0 x\n\0");
}

#[test]
fn crlf_and_missing_final_newline() {
    let parsed = parse(b"task\r\nexec /bin/true\r\n");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let parsed = parse(b"script\r\n  echo hi\r\nend script\r\n");
    let Some(StanzaKind::Process {
        body: ProcessBody::Script { body, .. },
        ..
    }) = parsed.job.stanzas().next().map(|s| &s.kind)
    else {
        panic!("expected a script: {parsed:?}")
    };
    assert_eq!(body, "echo hi\r\n", "the shell sees the CR");
    let parsed = parse(b"task\nexec /bin/true");
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.job.stanzas().count(), 2);
    // An unterminated block at EOF renders without panicking.
    assert!(render_all(b"script\n  echo").contains("UL001"));
}

#[test]
fn deep_parentheses_are_accepted_as_upstart_does() {
    // Upstart has no nesting limit, and neither have we: parentheses live
    // on an explicit stack and become a count on the node they wrap.
    let mut src = b"start on ".to_vec();
    src.extend(std::iter::repeat_n(b'(', 100_000));
    src.extend_from_slice(b"a");
    src.extend(std::iter::repeat_n(b')', 100_000));
    src.extend_from_slice(b"\nexec /bin/true\n");
    let parsed = parse(&src);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let Some(StanzaKind::StartOn { on }) = parsed.job.stanzas().next().map(|s| &s.kind) else {
        panic!("expected start on")
    };
    assert_eq!(on.expr.parens(), 100_000);
    assert!(upstart_tools::print::print(&parsed.job).is_ok());
}

#[test]
fn long_operator_chains_are_capped_too() {
    let mut src = b"start on a".to_vec();
    for _ in 0..100_000 {
        src.extend_from_slice(b" or a");
    }
    src.push(b'\n');
    assert_eq!(kinds(&src), vec![ErrorKind::NestingTooDeep]);
    // Just under the cap is fine.
    let mut src = b"start on a".to_vec();
    for _ in 0..200 {
        src.extend_from_slice(b" and b");
    }
    assert!(kinds(&src).is_empty());
}

#[test]
fn unbalanced_open_parens_swallow_nothing_silently() {
    let parsed = parse(b"start on (a or\n  b\nexec /bin/true\n");
    assert_eq!(
        parsed.errors.iter().map(|e| e.kind).collect::<Vec<_>>(),
        vec![ErrorKind::MismatchedParens]
    );
}

#[test]
fn twenty_megabyte_files_parse() {
    // Many stanzas.
    let line = b"env KEY=\"some value\"  # comment\n";
    let mut src = Vec::with_capacity(20 << 20);
    while src.len() < 20 << 20 {
        src.extend_from_slice(line);
    }
    let parsed = parse(&src);
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.job.items.len(), src.len() / line.len());
    // One huge token and one huge script body.
    let mut src = b"description ".to_vec();
    src.extend(std::iter::repeat_n(b'x', 20 << 20));
    src.push(b'\n');
    let parsed = parse(&src);
    assert!(parsed.errors.is_empty());
    let mut src = b"script\n".to_vec();
    for _ in 0..(20 << 20) / 16 {
        src.extend_from_slice(b"    echo hello\n");
    }
    src.extend_from_slice(b"end script\n");
    assert!(parse(&src).errors.is_empty());
    // A huge unknown keyword gets no did-you-mean (that would be quadratic).
    let mut src = vec![b'q'; 20 << 20];
    src.push(b'\n');
    assert_eq!(kinds(&src), vec![ErrorKind::UnknownStanza]);
}

#[test]
fn every_error_is_reported_in_one_pass() {
    let src = b"respwan\nnice 40\nkill timeout x\nstart on (a\nexec /bin/true\n";
    let parsed = parse(src);
    let kinds: Vec<_> = parsed.errors.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ErrorKind::UnknownStanza,
            ErrorKind::IllegalNice,
            ErrorKind::IllegalInterval,
            ErrorKind::MismatchedParens
        ]
    );
    assert_eq!(
        parsed.errors[0].help.as_deref(),
        Some("did you mean `respawn`?")
    );
    assert!(
        parsed
            .job
            .items
            .iter()
            .all(|i| matches!(i, Item::Stanza(_)))
    );
}

#[test]
fn a_backslash_newline_where_a_stanza_starts_is_an_unknown_stanza() {
    // Upstart reads `\`⏎ as the start of the stanza name (checked against
    // upstart 1.13.2's parser): an empty name before an empty line, the
    // name ` task` before `task`. Both are "Unknown stanza".
    for src in [
        &b"description \"x\"\n\\\n\nexec /bin/true\n"[..],
        b"\\\ntask\n",
    ] {
        let parsed = parse(src);
        assert_eq!(kinds(src), vec![ErrorKind::UnknownStanza], "{parsed:?}");
        assert!(render_all(src).contains("backslash"));
    }
    // Between the arguments of a stanza it does join lines.
    assert!(kinds(b"respawn limit 10 \\\n  5\n").is_empty());
}

#[test]
fn a_command_reads_back_only_when_upstart_stores_it_unchanged() {
    use upstart_tools::syntax::command_reads_back;
    assert!(command_reads_back("/bin/echo 'a b' \"c\" '#x'"));
    assert!(command_reads_back("/bin/echo a\\\"b"));
    assert!(
        !command_reads_back("/bin/echo \"unbalanced"),
        "unterminated quote"
    );
    assert!(
        !command_reads_back("/bin/echo a \\\"b"),
        "garbled by libnih (UL117)"
    );
    assert!(
        !command_reads_back("/bin/echo a # comment"),
        "a comment ends it"
    );
    assert!(!command_reads_back("/bin/echo a\nb"), "a line break");
    assert!(!command_reads_back(""), "nothing");
}
