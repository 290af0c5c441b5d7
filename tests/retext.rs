//! Correcting an article's text: spans follow the diff, the stored quote checks them, and a span
//! whose text was changed or deleted is marked for review instead of moved onto other words.

use glose::edit::{Command, History, OffsetMap, REVIEW_ATTRIBUTE, retext};
use glose::model::{Article, Fragment, Project, validate};
use proptest::prelude::*;
use std::path::Path;

fn example() -> Project {
    glose::store::load(Path::new("projects/example.ron")).expect("example").project
}

fn chars_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect(needle);
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn article_with(p: &Project, needle: &str) -> Article {
    p.articles.iter().find(|a| a.spans.iter().any(|s| s.quote == needle)).map(|a| a.as_ref().clone()).expect(needle)
}

/// Is `start..end` (a deletion or replacement; an insertion when equal) clear of every span?
fn outside_spans(a: &Article, start: usize, end: usize) -> bool {
    a.spans
        .iter()
        .flat_map(|s| &s.fragments)
        .all(|f| if start == end { start <= f.start || start >= f.end } else { end <= f.start || start >= f.end })
}

/// Applies `(start, end, replacement)` edits (in code points, non-overlapping) to `text`.
fn edited(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut chars: Vec<char> = text.chars().collect();
    let mut last = usize::MAX;
    for (s, e, r) in edits {
        if e > last {
            continue; // overlaps an edit already made
        }
        chars.splice(s..e, r.chars());
        last = s;
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random edits outside spans — insertions, deletions, replacements, in any script, line
    /// breaks included — keep every span's quote identical and mark none for review; the command
    /// then validates, and undoing it gives the article back exactly.
    #[test]
    fn edits_outside_spans_keep_every_quote(
        which in 0usize..5,
        raw in prop::collection::vec((any::<u32>(), 0usize..12, "[a-zé’ 中Я\n.,«»]{0,8}"), 1..6),
    ) {
        let mut p = example();
        let a = p.articles[which % p.articles.len()].clone();
        let len = a.text.chars().count();
        let edits: Vec<(usize, usize, String)> = raw
            .into_iter()
            .map(|(at, n, r)| {
                let s = at as usize % (len + 1);
                (s, (s + n).min(len), r)
            })
            .filter(|(s, e, _)| outside_spans(&a, *s, *e))
            .collect();
        let new_text = edited(&a.text, edits);
        prop_assume!(!new_text.trim().is_empty());
        let r = retext(&a, &new_text);
        prop_assert!(r.flagged.is_empty(), "flagged {:?}", r.flagged);
        for (old, new) in a.spans.iter().zip(&r.spans) {
            prop_assert_eq!(&old.quote, &new.quote);
            prop_assert_eq!(old.id, new.id);
            prop_assert!(!new.attributes.contains_key(REVIEW_ATTRIBUTE));
        }
        let before = p.clone();
        let mut h = History::new();
        h.apply(&mut p, Command::SetArticleText { article: a.id, text: r.text, spans: r.spans }).unwrap();
        prop_assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        prop_assert_eq!(&p.article(a.id).unwrap().text, &new_text);
        h.undo(&mut p).unwrap();
        prop_assert_eq!(p, before);
    }
}

#[test]
fn an_ocr_fix_before_a_span_moves_it_and_keeps_its_text() {
    let p = example();
    let a = article_with(&p, "Emmanuel Macron");
    let (s, e) = chars_of(&a.text, "Emmanuel Macron");
    // OCR read "président" as "prësident" and "Le" as "L e": fixing both shifts the span by one.
    let scanned = a.text.replacen("Le président", "L e prësident", 1);
    let mut garbled = a.clone();
    garbled.text = scanned;
    for sp in &mut garbled.spans {
        for f in &mut sp.fragments {
            f.start += 1;
            f.end += 1;
        }
    }
    let r = retext(&garbled, &a.text);
    assert!(r.flagged.is_empty(), "{:?}", r.flagged);
    let span = r.spans.iter().find(|x| x.quote == "Emmanuel Macron").unwrap();
    assert_eq!(span.fragments, vec![Fragment::new(s, e)]);
    assert_eq!(r.spans, a.spans, "every span back where it belongs");
    assert!(r.moved > 0);
}

#[test]
fn changing_a_spans_own_text_marks_it_for_review_with_what_it_was() {
    let p = example();
    let a = article_with(&p, "Emmanuel Macron");
    let fixed = a.text.replacen("Emmanuel Macron", "Emmanuel Makron", 1);
    let r = retext(&a, &fixed);
    let span = r.spans.iter().find(|s| a.span(s.id).unwrap().quote == "Emmanuel Macron").unwrap();
    assert_eq!(span.quote, "Emmanuel Makron");
    let why = &span.attributes[REVIEW_ATTRIBUTE];
    assert!(why.contains("changed") && why.contains("«Emmanuel Macron»"), "{why}");
    assert!(r.flagged.contains(&span.id));
}

#[test]
fn a_deleted_span_stays_where_its_text_was_and_is_never_moved_onto_the_same_words_elsewhere() {
    let p = example();
    let a = article_with(&p, "Emmanuel Macron");
    let (s, e) = chars_of(&a.text, "Emmanuel Macron");
    // The same name again far below: a careless re-anchoring would jump there.
    let mut chars: Vec<char> = a.text.chars().collect();
    chars.drain(s..e);
    let fixed: String = chars.into_iter().collect::<String>() + "\n\nEmmanuel Macron.";
    let r = retext(&a, &fixed);
    let old = a.spans.iter().find(|x| x.quote == "Emmanuel Macron").unwrap();
    let span = r.spans.iter().find(|x| x.id == old.id).unwrap();
    assert!(span.attributes[REVIEW_ATTRIBUTE].contains("deleted"), "{span:?}");
    assert!(span.start() < s + 20, "kept near where its text was, not at {}", span.start());
    // Spans that only covered other text are untouched.
    let others = r.spans.iter().filter(|x| x.id != old.id && !r.flagged.contains(&x.id));
    assert!(others.count() >= a.spans.len() - 3);
}

#[test]
fn the_offset_map_keeps_insertions_at_span_edges_outside() {
    let m = OffsetMap::new("ab Putin cd", "ab  Putin! cd");
    assert_eq!((m.start(3), m.end(8)), (4, 9));
    let m = OffsetMap::new("abcdef", "abXYZdef");
    assert_eq!(m.start(3), 5, "a start inside a replaced stretch moves past it");
    assert_eq!(m.end(3), 2, "an end inside it moves before it");
}

#[test]
fn a_correction_that_removes_a_span_from_the_article_is_refused() {
    let mut p = example();
    let a = p.articles[0].clone();
    let mut r = retext(&a, &format!("{} ", a.text));
    r.spans.pop();
    let before = p.clone();
    let err = Command::SetArticleText { article: a.id, text: r.text, spans: r.spans }.apply(&mut p);
    assert!(err.is_err());
    assert_eq!(p, before);
    let blank = Command::SetArticleText { article: a.id, text: "  \n".into(), spans: vec![] }.apply(&mut p);
    assert!(blank.is_err());
}

/// Two edits in a Chinese article, one word apart at the start and far away at the end: the
/// diff library's Myers once placed the first deletion at the wrong end of the insertion, and
/// carrying spans through it panicked (found by the property test on the seed article).
#[test]
fn a_deletion_then_an_insertion_are_carried_in_order() {
    let p = example();
    let a = p.articles.iter().find(|a| a.language == "zh").unwrap().clone();
    let mut chars: Vec<char> = a.text.chars().collect();
    chars.splice(165..173, ".a中é".chars());
    chars.splice(11..19, "中’a".chars());
    let new_text: String = chars.into_iter().collect();
    let m = OffsetMap::new(&a.text, &new_text);
    // Old position 20 (just after the first edit) is new position 15, whatever the diff says.
    assert_eq!(m.start(20), 15);
    let r = retext(&a, &new_text);
    assert_eq!(r.spans.len(), a.spans.len());
}
