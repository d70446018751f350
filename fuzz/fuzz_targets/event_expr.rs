#![no_main]
//! See upstart_tools::fuzzing::event_expr for the properties checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    upstart_tools::fuzzing::event_expr(data);
});
