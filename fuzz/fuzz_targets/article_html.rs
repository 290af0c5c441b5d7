//! Fuzz target `article_html`: the check is `glose::checks::run("article_html", …)`, shared with `tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| glose::checks::run("article_html", data));
