//! Article import (html): any bytes give an article or an error, never a panic; the article's
//! text is what the reader shows, so it must be valid for offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = glose::import::article_from_bytes(glose::import::Kind::Html, data, "fuzz") {
        assert!(!article.text.trim().is_empty());
        let map = glose::text::CharMap::new(&article.text);
        assert_eq!(map.char_len(), article.text.chars().count());
    }
});
