//! Fuzz target `article_markdown`: the check is `glose::checks::run("article_markdown", …)`, shared with `tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| glose::checks::run("article_markdown", data));
