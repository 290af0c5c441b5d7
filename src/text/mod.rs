//! Text offsets and words. Offsets everywhere are code points (Rust `char`), half-open;
//! this module converts them to bytes (for slicing and layout) and UTF-16 (for formats
//! that count that way), and snaps selections to whole words or grapheme clusters.

mod find;
mod offsets;
mod tokens;
mod words;

pub use find::{Finder, Pattern, joins_word};
pub use offsets::CharMap;
pub use tokens::tokens;
pub use words::{
    is_blank, snap_to_graphemes, snap_to_graphemes_in, snap_to_words, snap_to_words_in, word_at, word_at_in, word_step,
};

/// Code point offset of `byte` in `text` (which must be a char boundary).
pub fn char_of_byte(text: &str, byte: usize) -> Option<usize> {
    if !text.is_char_boundary(byte) {
        return None;
    }
    Some(text[..byte].chars().count())
}

/// Byte offset of code point `ch` in `text`; `ch == len` gives `text.len()`.
pub fn byte_of_char(text: &str, ch: usize) -> Option<usize> {
    if ch == 0 {
        return Some(0);
    }
    match text.char_indices().nth(ch) {
        Some((b, _)) => Some(b),
        None => (text.chars().count() == ch).then_some(text.len()),
    }
}

/// Slice `text` by code points, `None` when out of range or reversed.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let b0 = byte_of_char(text, start)?;
    let len = byte_of_char(&text[b0..], end - start)?;
    Some(&text[b0..b0 + len])
}

/// Shortens text for lists and labels: "Vladimir Putin said th…", on one line.
pub fn ellipsize(s: &str, max: usize) -> String {
    let one_line: String = s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
