//! Offsets and word snapping on the texts researchers actually have: French typography,
//! emoji sequences, combining accents, Cyrillic, CJK and characters outside the BMP.

use glose::text::{CharMap, byte_of_char, char_of_byte, slice_chars, snap_to_graphemes, snap_to_words, word_at};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "l’IA",
    "d’Emmanuel",
    "\u{a0}",
    "\u{202f}",
    " ",
    "\n",
    "\r\n",
    "🤝",
    "👨🏻‍🚒",
    "🇷🇺",
    "e\u{301}",
    "é",
    "Путин",
    "ИИ",
    "习近平",
    "𠮷",
    "𝕏",
    "AI",
    ".",
    "«",
    "»",
    ",",
    "a",
    "Z9",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Texts long enough to cross several of `CharMap`'s checkpoints (every 64 code points), with
/// long runs of one kind of byte: the map counts eight bytes at a time between checkpoints.
fn long_text_strategy() -> impl Strategy<Value = String> {
    let run = (prop::sample::select(PIECES), 1usize..30).prop_map(|(p, n)| p.repeat(n));
    prop::collection::vec(run, 0..12).prop_map(|v| v.concat())
}

fn round_trip(text: &str) -> Result<(), TestCaseError> {
    let map = CharMap::new(text);
    let n = text.chars().count();
    prop_assert_eq!(map.char_len(), n);
    prop_assert_eq!(map.utf16_len(), text.encode_utf16().count());
    let mut u = 0;
    for (ch, (b, c)) in text.char_indices().enumerate() {
        prop_assert_eq!(map.byte_of(text, ch), Some(b));
        prop_assert_eq!(byte_of_char(text, ch), Some(b));
        prop_assert_eq!(map.char_of_byte(text, b), Some(ch));
        prop_assert_eq!(char_of_byte(text, b), Some(ch));
        prop_assert_eq!(map.utf16_of(text, ch), Some(u));
        prop_assert_eq!(map.char_of_utf16(text, u), Some(ch));
        if c.len_utf16() == 2 {
            // The middle of a surrogate pair is not a position.
            prop_assert_eq!(map.char_of_utf16(text, u + 1), None);
        }
        if c.len_utf8() > 1 {
            prop_assert_eq!(map.char_of_byte(text, b + 1), None);
        }
        u += c.len_utf16();
    }
    prop_assert_eq!(map.byte_of(text, n), Some(text.len()));
    prop_assert_eq!(map.byte_of(text, n + 1), None);
    prop_assert_eq!(map.char_of_utf16(text, map.utf16_len()), Some(n));
    Ok(())
}

proptest! {
    #[test]
    fn conversions_round_trip(text in text_strategy()) {
        round_trip(&text)?;
    }

    #[test]
    fn conversions_round_trip_across_checkpoints(text in long_text_strategy()) {
        round_trip(&text)?;
    }

    #[test]
    fn slices_match_char_iteration(text in text_strategy(), a in 0usize..60, b in 0usize..60) {
        let map = CharMap::new(&text);
        let (s, e) = (a.min(b), a.max(b));
        let expected: Option<String> = (e <= text.chars().count()).then(|| text.chars().skip(s).take(e - s).collect());
        prop_assert_eq!(map.slice(&text, s, e).map(str::to_string), expected.clone());
        prop_assert_eq!(slice_chars(&text, s, e).map(str::to_string), expected);
    }

    #[test]
    fn word_snap_stays_in_bounds_and_whole(text in text_strategy(), a in 0usize..60, b in 0usize..60) {
        let n = text.chars().count();
        let (s, e) = snap_to_words(&text, a.min(n), b.min(n));
        prop_assert!(s <= e && e <= n);
        let map = CharMap::new(&text);
        let sel = map.slice(&text, s, e).unwrap();
        // Never starts or ends on white space (NBSP and NNBSP included).
        prop_assert!(!sel.starts_with(char::is_whitespace));
        prop_assert!(!sel.ends_with(char::is_whitespace));
        // Never cuts a grapheme cluster.
        prop_assert_eq!(snap_to_graphemes(&text, s, e), (s, e));
    }

    #[test]
    fn grapheme_snap_widens_only(text in text_strategy(), a in 0usize..60, b in 0usize..60) {
        let n = text.chars().count();
        let (a, b) = (a.min(n).min(b.min(n)), a.min(n).max(b.min(n)));
        let (s, e) = snap_to_graphemes(&text, a, b);
        prop_assert!(s <= a && b <= e && e <= n);
        prop_assert_eq!(snap_to_graphemes(&text, s, e), (s, e));
    }
}

fn chars(text: &str, sub: &str) -> (usize, usize) {
    let b = text.find(sub).unwrap();
    let s = text[..b].chars().count();
    (s, s + sub.chars().count())
}

#[test]
fn snapping_widens_a_partial_word_to_the_whole_word() {
    let t = "Le président russe Vladimir Poutine a critiqué";
    let (s, _) = chars(t, "ladimir");
    let (_, e) = chars(t, "Pout");
    let (ws, we) = snap_to_words(t, s, e);
    assert_eq!(slice_chars(t, ws, we), Some("Vladimir Poutine"));
}

#[test]
fn snapping_splits_french_elision() {
    let t = "la suprématie dans le domaine de l’intelligence artificielle et d’Emmanuel Macron";
    let (s, e) = chars(t, "ntellig");
    let (ws, we) = snap_to_words(t, s, e);
    assert_eq!(slice_chars(t, ws, we), Some("intelligence"));
    let (s, e) = chars(t, "d’Emm");
    let (ws, we) = snap_to_words(t, s + 3, e);
    assert_eq!(slice_chars(t, ws, we), Some("Emmanuel"));
    // Selecting the elided article itself keeps it.
    let (s, e) = chars(t, "l’intelligence");
    assert_eq!(slice_chars(t, snap_to_words(t, s, e).0, snap_to_words(t, s, e).1), Some("l’intelligence"));
}

#[test]
fn snapping_trims_nbsp_and_punctuation_inside_guillemets() {
    let t = "il a dit «\u{a0}rester dans la course\u{a0}» hier";
    let (s, e) = chars(t, "«\u{a0}rester dans la course\u{a0}»");
    let (ws, we) = snap_to_words(t, s, e);
    assert_eq!(slice_chars(t, ws, we), Some("rester dans la course"));
}

#[test]
fn snapping_keeps_emoji_sequences_and_cyrillic_whole() {
    let t = "⚡️🇷🇺🤝🇨🇳 Россия и Китай 👨🏻‍🚒";
    let (s, e) = chars(t, "осси");
    assert_eq!(slice_chars(t, snap_to_words(t, s, e).0, snap_to_words(t, s, e).1), Some("Россия"));
    let (s, _) = chars(t, "👨🏻‍🚒");
    // One code point into the firefighter: exact selection widens to the whole cluster.
    let (gs, ge) = snap_to_graphemes(t, s + 1, s + 2);
    assert_eq!(slice_chars(t, gs, ge), Some("👨🏻‍🚒"));
}

#[test]
fn word_at_finds_cjk_and_combining_words() {
    let t = "Cafe\u{301} 习近平 𠮷野家";
    let (s, e) = word_at(t, 1).unwrap();
    assert_eq!(slice_chars(t, s, e), Some("Cafe\u{301}"));
    assert!(word_at(t, 5).is_none(), "a space is no word");
    let pos = t.chars().position(|c| c == '𠮷').unwrap();
    let (s, e) = word_at(t, pos).unwrap();
    assert!(slice_chars(t, s, e).unwrap().contains('𠮷'));
}
