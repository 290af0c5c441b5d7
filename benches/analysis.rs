//! Analysis figures: agreement on 10 000 spans of two annotators, and shared passages between
//! two 100 KB articles that reuse each other's text. Run: `cargo bench --bench analysis`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::analysis::{agreement, shared};
use glose::synth;
use std::hint::black_box;

fn agreement_10k(c: &mut Criterion) {
    // 100 articles × 100 spans; the synthetic generator credits three annotators.
    let p = synth::project(5, 100, 2500, 100, 0);
    let busy = agreement::busiest_annotators(&p);
    let spans = p.all_spans().count();
    eprintln!("agreement over {spans} spans, annotators {busy:?}");
    c.bench_function("agreement_10k_spans", |b| b.iter(|| black_box(agreement::agreement(&p, &busy[0], &busy[1]))));
}

fn shared_100kb(c: &mut Criterion) {
    let mut rng = synth::Rng::new(9);
    let (a, _) = synth::text(&mut rng, 100_000);
    // B: A's second half, lightly edited, then new text.
    let half: String = a.chars().skip(50_000).collect();
    let (fresh, _) = synth::text(&mut rng, 50_000);
    let b = format!("{}\n\n{fresh}", half.replace("said", "declared"));
    eprintln!("texts of {} and {} characters", a.chars().count(), b.chars().count());
    c.bench_function("shared_passages_100kb", |bch| bch.iter(|| black_box(shared::shared_passages(&a, &b))));
}

/// Corpus search (View → Corpus overview → Search) over 1 000 articles: a word, and a regular
/// expression, case-insensitive, up to 2 000 hits with their context.
fn search_1000_articles(c: &mut Criterion) {
    use glose::analysis::corpus::{Query, search};
    let p = synth::project(7, 1000, 2500, 100, 10);
    let word = Query { pattern: glose::text::Pattern::literal("intelligence"), ..Default::default() };
    let regex = Query {
        pattern: glose::text::Pattern {
            text: r"\b(Putin|Poutine)\b|Китай".into(), regex: true, ..Default::default()
        },
        ..Default::default()
    };
    eprintln!(
        "hits: {} and {}",
        search(&p, &word, 40, 2000).unwrap().len(),
        search(&p, &regex, 40, 2000).unwrap().len()
    );
    c.bench_function("search_1000_articles_word", |b| b.iter(|| black_box(search(&p, &word, 40, 2000))));
    c.bench_function("search_1000_articles_regex", |b| b.iter(|| black_box(search(&p, &regex, 40, 2000))));
    // A word that is nowhere: every text is read to the end.
    let none = Query { pattern: glose::text::Pattern::literal("Zanzibar"), ..Default::default() };
    c.bench_function("search_1000_articles_no_hit", |b| b.iter(|| black_box(search(&p, &none, 40, 2000))));
}

/// Correcting the text of a 1 MB article with 5 000 spans: one OCR fix in the middle (the
/// common start and end are cut off before diffing), and a fix at each end (the whole middle is
/// diffed). What the correction window computes on every keystroke.
fn retext_1mb(c: &mut Criterion) {
    let p = synth::project(3, 1, 1_000_000, 5000, 0);
    let a = &p.articles[0];
    let mid = a.text.char_indices().nth(500_000).map_or(0, |(b, _)| b);
    let local = format!("{}X{}", &a.text[..mid], &a.text[mid..]);
    let both_ends = format!("X{}Y", a.text);
    // Cutting 100 000 characters (a tenth of the text, with the spans on it) out of the middle.
    let cut = |n: usize| a.text.char_indices().nth(n).map_or(0, |(b, _)| b);
    let deleted = format!("{}{}", &a.text[..cut(400_000)], &a.text[cut(500_000)..]);
    let r = glose::edit::retext(a, &local);
    eprintln!("local fix: {} spans moved, {} marked", r.moved, r.flagged.len());
    c.bench_function("retext_1mb_5000_spans_local_fix", |b| b.iter(|| black_box(glose::edit::retext(a, &local))));
    c.bench_function("retext_1mb_5000_spans_fix_at_both_ends", |b| {
        b.iter(|| black_box(glose::edit::retext(a, &both_ends)))
    });
    c.bench_function("retext_1mb_5000_spans_cut_100k_chars", |b| {
        b.iter(|| black_box(glose::edit::retext(a, &deleted)))
    });
}

criterion_group!(benches, agreement_10k, shared_100kb, search_1000_articles, retext_1mb);
criterion_main!(benches);
