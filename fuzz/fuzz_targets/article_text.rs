//! Fuzz target `article_text`: the check is `glose::checks::run("article_text", …)`, shared with `tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| glose::checks::run("article_text", data));
