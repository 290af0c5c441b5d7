//! Fuzz target `project_file`: the check is `glose::checks::run("project_file", …)`, shared with `tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| glose::checks::run("project_file", data));
