//! Fuzz target `import_rtf`: the check is `glose::checks::run("import_rtf", …)`, shared with `tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| glose::checks::run("import_rtf", data));
