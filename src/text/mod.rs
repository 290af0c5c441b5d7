//! Text offsets and words. Offsets everywhere are code points (Rust `char`), half-open;
//! this module converts them to bytes (for slicing and layout) and UTF-16 (for formats
//! that count that way), and snaps selections to whole words or grapheme clusters.

mod find;
mod offsets;
mod tokens;
mod words;

pub use find::{Finder, Pattern, joins_word};
pub use offsets::{CharCursor, CharMap};
pub use tokens::{Sentences, Token, tokens, tokens_cached};
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

/// `…left «hit» right…`: code points `start..end` of `text` with up to `context` code points on
/// each side, on one line (line breaks shown as spaces), cut at words where it can.
pub fn context_around(text: &str, start: usize, end: usize, context: usize) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let left_start = start.saturating_sub(context);
    let left = slice_chars(text, left_start, start).unwrap_or("");
    let hit = slice_chars(text, start, end).unwrap_or("");
    let len = text.chars().count();
    let right = slice_chars(text, end, (end + context).min(len)).unwrap_or("");
    // Drop the broken word at each cut end.
    let left = if left_start > 0 { left.split_once(char::is_whitespace).map_or(left, |(_, l)| l) } else { left };
    let right =
        if end + context < len { right.rsplit_once(char::is_whitespace).map_or(right, |(r, _)| r) } else { right };
    let (pre, post) = (if left_start > 0 { "…" } else { "" }, if end + context < len { "…" } else { "" });
    let (l, r) = (one_line(left), one_line(right));
    let (gap_l, gap_r) = (
        if left.ends_with(char::is_whitespace) && !l.is_empty() { " " } else { "" },
        if right.starts_with(char::is_whitespace) && !r.is_empty() { " " } else { "" },
    );
    format!("{pre}{l}{gap_l}«{}»{gap_r}{r}{post}", one_line(hit))
}

#[cfg(test)]
mod context_tests {
    use super::context_around;

    #[test]
    fn a_place_in_words_not_an_offset() {
        let t = "Le président russe Vladimir Poutine a vivement critiqué la suprématie occidentale.";
        let s = t.chars().take_while(|&c| c != 'V').count();
        let got = context_around(t, s, s + "Vladimir Poutine".chars().count(), 12);
        assert_eq!(got, "…russe «Vladimir Poutine» a vivement…");
        assert_eq!(context_around("Poutine\na dit", 0, 7, 30), "«Poutine» a dit");
    }
}
