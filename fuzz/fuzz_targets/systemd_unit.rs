#![no_main]
//! See upstart_tools::fuzzing::systemd_unit for the properties checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    upstart_tools::fuzzing::systemd_unit(data);
});
