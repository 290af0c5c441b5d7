//! Suggestions (issue 16): learning the recommenders (with their five-fold self-evaluation) on
//! the example project and on 100 000 synthetic spans, and one 10 KB article's suggestions once
//! they are learned — what the window does in a thread after an edit, and in a frame.
//!
//! Run: `cargo bench --bench suggest`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::model::{Article, ArticleId, Project};
use glose::suggest::{Keep, Recommenders};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The binary's allocator (src/main.rs): learning makes millions of small allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn example() -> Project {
    let text = include_str!("../projects/example.ron");
    glose::store::from_str(text, std::path::Path::new("example.ron")).expect("example project").project
}

/// A 10 KB article made of the example's texts (French, English, Russian, Chinese), not
/// annotated, added to the project.
fn with_long_article(mut p: Project) -> (Project, ArticleId) {
    let mut text = String::new();
    for c in p.articles.iter().flat_map(|a| a.text.chars().chain("\n\n".chars())).cycle() {
        if text.len() + c.len_utf8() > 10_000 {
            break;
        }
        text.push(c);
    }
    let id = ArticleId(p.alloc_id());
    p.articles.push(std::sync::Arc::new(Article { id, title: "long".into(), text, ..Default::default() }));
    (p, id)
}

fn learn(c: &mut Criterion) {
    let mut g = c.benchmark_group("suggest");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    let p = example();
    g.bench_function("learn_example_97_spans", |b| b.iter(|| black_box(Recommenders::train(&p))));

    let (p, long) = with_long_article(example());
    let model = Recommenders::train(&p);
    let article = p.article(long).expect("long article").clone();
    eprintln!("article of {} bytes", article.text.len());
    g.bench_function("one_10kb_article", |b| b.iter(|| black_box(model.suggest(&p, &article, Keep::ClearOfAll))));

    // 100 000 spans: timed once (each learning takes seconds), printed for the README.
    let big = glose::synth::project(7, 1000, 2500, 100, 10);
    let start = Instant::now();
    let model = Recommenders::train(&big);
    eprintln!(
        "learn_100k_spans: {:.2} s (1 000 synthetic articles, {} annotated learned from)",
        start.elapsed().as_secs_f64(),
        model.learned_from()
    );
    g.finish();
}

criterion_group!(benches, learn);
criterion_main!(benches);
