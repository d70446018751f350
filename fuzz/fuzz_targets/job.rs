#![no_main]
//! See upstart_tools::fuzzing::job for the properties checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    upstart_tools::fuzzing::job(data);
});
