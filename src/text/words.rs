//! Snapping a selection to whole words (UAX #29, with French elision split off) or to
//! whole grapheme clusters, so a highlight never cuts "👨🏻‍🚒" or "é" in half.

use super::CharMap;
use unicode_segmentation::UnicodeSegmentation;

/// Elided articles and pronouns: "l’IA" snaps to "IA", "d’Emmanuel" to "Emmanuel".
const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"];

/// True for text made only of white space (NBSP and NNBSP included).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn is_wordish(seg: &str) -> bool {
    seg.chars().any(char::is_alphanumeric)
}

/// Splits a UAX #29 word such as "l’IA" after an elided prefix.
pub(super) fn split_elision(seg: &str) -> Option<usize> {
    let (i, c) = seg.char_indices().find(|&(_, c)| c == '’' || c == '\'')?;
    let prefix = &seg[..i];
    let rest = &seg[i + c.len_utf8()..];
    let lower = prefix.to_lowercase();
    (ELISIONS.contains(&lower.as_str()) && !rest.is_empty()).then_some(i + c.len_utf8())
}

/// Word segments of `text[lo..hi]` as absolute byte ranges, elisions split off.
fn segments(text: &str, lo: usize, hi: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (o, seg) in text[lo..hi].split_word_bound_indices() {
        let start = lo + o;
        match split_elision(seg) {
            Some(cut) => {
                out.push((start, start + cut));
                out.push((start + cut, start + seg.len()));
            }
            None => out.push((start, start + seg.len())),
        }
    }
    out
}

/// The byte range of the line (between '\n's) around `[b0, b1)`, which bounds the work.
fn line_window(text: &str, b0: usize, b1: usize) -> (usize, usize) {
    let lo = text[..b0].rfind('\n').map_or(0, |i| i + 1);
    let hi = text[b1..].find('\n').map_or(text.len(), |i| b1 + i);
    (lo, hi.max(lo))
}

/// Widens `[start, end)` (code points) to whole words and trims surrounding blanks and
/// punctuation. A selection that holds no word at all is only trimmed of white space.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    snap_to_words_in(text, &CharMap::new(text), start, end)
}

/// [`snap_to_words`] with the text's map already built (many calls on one long text).
pub fn snap_to_words_in(text: &str, map: &CharMap, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = (start.min(map.char_len()), end.min(map.char_len()));
    let (start, end) = (start.min(end), start.max(end));
    let (Some(b0), Some(b1)) = (map.byte_of(text, start), map.byte_of(text, end)) else {
        return (start, end);
    };
    let (lo, hi) = line_window(text, b0, b1);
    let segs = segments(text, lo, hi);
    let mut words = segs.iter().filter(|&&(s, e)| s < b1.max(b0 + 1) && e > b0 && is_wordish(&text[s..e]));
    let Some(&(nb0, first_end)) = words.next() else {
        let (s, e) = trim_blank(text, map, start, end);
        return snap_to_graphemes_in(text, map, s, e);
    };
    let nb1 = words.next_back().map_or(first_end, |&(_, e)| e);
    let s = map.char_of_byte(text, nb0).unwrap_or(start);
    let e = map.char_of_byte(text, nb1).unwrap_or(end);
    // UAX #29 glues NNBSP (U+202F, ExtendNumLet) to words: "IA\u{202f}:" — trim it off.
    trim_blank(text, map, s, e.max(s))
}

/// Trims white space (including NBSP, NNBSP) at both ends of `[start, end)`.
fn trim_blank(text: &str, map: &CharMap, start: usize, end: usize) -> (usize, usize) {
    let Some(sel) = map.slice(text, start, end) else { return (start, end) };
    let lead = sel.chars().take_while(|c| c.is_whitespace()).count();
    let trail = sel.chars().rev().take_while(|c| c.is_whitespace()).count();
    let len = end - start;
    if lead >= len {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// Widens `[start, end)` (code points) outwards to grapheme cluster boundaries: an exact
/// selection still never splits a combining accent or an emoji sequence.
pub fn snap_to_graphemes(text: &str, start: usize, end: usize) -> (usize, usize) {
    snap_to_graphemes_in(text, &CharMap::new(text), start, end)
}

/// [`snap_to_graphemes`] with the text's map already built.
pub fn snap_to_graphemes_in(text: &str, map: &CharMap, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = (start.min(end).min(map.char_len()), end.max(start).min(map.char_len()));
    let (Some(b0), Some(b1)) = (map.byte_of(text, start), map.byte_of(text, end)) else {
        return (start, end);
    };
    let (lo, hi) = line_window(text, b0, b1);
    let mut nb0 = b0;
    let mut nb1 = b1;
    for (o, g) in text[lo..hi].grapheme_indices(true) {
        let (s, e) = (lo + o, lo + o + g.len());
        if s < b0 && b0 < e {
            nb0 = s;
        }
        if s < b1 && b1 < e {
            nb1 = e;
        }
    }
    (map.char_of_byte(text, nb0).unwrap_or(start), map.char_of_byte(text, nb1).unwrap_or(end))
}

/// The word around code point `pos` (for double-click), or `None` on a blank.
pub fn word_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    word_at_in(text, &CharMap::new(text), pos)
}

/// [`word_at`] with the text's map already built.
pub fn word_at_in(text: &str, map: &CharMap, pos: usize) -> Option<(usize, usize)> {
    let b = map.byte_of(text, pos)?;
    let (lo, hi) = line_window(text, b, b);
    let &(s, e) = segments(text, lo, hi).iter().find(|&&(s, e)| s <= b && b < e && is_wordish(&text[s..e]))?;
    Some((map.char_of_byte(text, s)?, map.char_of_byte(text, e)?))
}

/// The next (or previous) word boundary from code point `c`: past any blanks and punctuation,
/// then past the word (Ctrl+arrows, and growing or shrinking a span by a word).
pub fn word_step(text: &str, map: &CharMap, c: usize, forward: bool) -> usize {
    let len = map.char_len();
    let mut i = c.min(len);
    let is_word = |i: usize| map.slice(text, i, i + 1).is_some_and(|s| s.chars().any(char::is_alphanumeric));
    if forward {
        while i < len && !is_word(i) {
            i += 1;
        }
        while i < len && is_word(i) {
            i += 1;
        }
    } else {
        while i > 0 && !is_word(i - 1) {
            i -= 1;
        }
        while i > 0 && is_word(i - 1) {
            i -= 1;
        }
    }
    i
}
