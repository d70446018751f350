//! The parser must never panic, its spans must stay inside the input, and a
//! file that parses cleanly (and has no NUL byte) must print to text that parses to the same job.
#![no_main]

use libfuzzer_sys::fuzz_target;
use upstart_tools::ast::eq_ignoring_spans;
use upstart_tools::diag::Diagnostic;
use upstart_tools::print::print;
use upstart_tools::source::SourceFile;
use upstart_tools::syntax::{parse, parse_str};

fuzz_target!(|data: &[u8]| {
    let parsed = parse(data);
    let source = SourceFile::new("fuzz.conf", data.to_vec());
    for e in &parsed.errors {
        assert!(e.span.start <= e.span.end && e.span.end <= data.len());
        let _ = Diagnostic::from_parse(&source, e).render(false, 80);
    }
    // NUL bytes make libnih truncate script lines (strncat), which no text
    // can reproduce; `fmt` refuses such files, so the round trip skips them.
    if !parsed.has_errors() && std::str::from_utf8(data).is_ok() && !data.contains(&0) {
        let text = print(&parsed.job).expect("a clean job prints");
        let again = parse_str(&text);
        assert!(!again.has_errors(), "printed text has errors:\n{text}");
        assert!(eq_ignoring_spans(&again.job, &parsed.job), "round trip:\n{text}");
    }
});
