//! A newspaper's year: a project folder of many articles (100 spans and 10 relations each),
//! generated from a seed — open, validate, save after one edit, save everything, and search
//! words, phrases and regular expressions through the words' index.
//!
//! Run: `cargo bench --bench scale` (5 000 articles, 500 000 spans); the README's figures:
//! `GLOSE_SCALE_ARTICLES=50000 cargo bench --bench scale` (5 000 000 spans; a few minutes to
//! generate, about 1 GB on disk in a temporary folder).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use glose::analysis::corpus::{Query, search, search_indexed};
use glose::analysis::search_index::SearchIndex;
use glose::store::{self, folder};
use glose::{model, synth, text::Pattern};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn query(text: &str, regex: bool) -> Query {
    let pattern = Pattern { text: text.into(), regex, ..Default::default() };
    Query { pattern, label: None, entity: None, annotator: None }
}

fn scale(c: &mut Criterion) {
    let articles: usize = std::env::var("GLOSE_SCALE_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let started = Instant::now();
    let project = synth::project(7, articles, 4000, 100, 10);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("year.glose");
    let (_, mut state) = folder::save(&project, &path, None).expect("save");
    drop(project);
    eprintln!(
        "project folder: {articles} articles × 4 000 characters, {} spans, written in {:.1} s",
        articles * 100,
        started.elapsed().as_secs_f64()
    );
    let mut g = c.benchmark_group(format!("folder_{articles}_articles"));
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    // What opening costs (freeing the project when the window closes is not part of it).
    g.bench_function("open", |b| b.iter_with_large_drop(|| store::load(&path).expect("load")));
    // What `glose validate` does: read, parse, check every invariant.
    g.bench_function("glose_validate", |b| {
        b.iter(|| {
            let loaded = store::load(black_box(&path)).expect("load");
            black_box(model::validate(&loaded.project))
        })
    });
    let mut project = store::load(&path).expect("load").project;
    // The window's save after one edit: one article changed since the last save.
    let mut n = 0;
    g.bench_function("save_after_one_edit", |b| {
        b.iter(|| {
            n += 1;
            let k = n % project.articles.len();
            let a = std::sync::Arc::make_mut(&mut project.articles[k]);
            a.spans[0].note = format!("edit {n}");
            let (saved, next) = folder::save(&project, &path, Some(&state)).expect("save");
            state = next;
            black_box(saved)
        })
    });
    // Save As into a new folder each time; the copies are removed at the end, not in between:
    // on a file system without a journal, ext4 skips recently freed inodes when it creates
    // files, which made a save just after removing 100 000 files three times slower.
    let mut copies = 0;
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("save_everything", |b| {
        b.iter(|| {
            copies += 1;
            let out = dir.path().join(format!("copy-{copies}.glose"));
            black_box(folder::save(&project, &out, None).expect("save"))
        })
    });
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("index_words", |b| b.iter(|| black_box(SearchIndex::build(&project))));
    let index = SearchIndex::build(&project);
    eprintln!("index: {} distinct words", index.len());
    // A name (rare, as names are), a phrase, a phrase with a name; up to the window's 2 000 hits.
    let name = synth::name(&mut synth::Rng::new(99));
    for (label, text) in [("word", name.as_str()), ("phrase", "joint declaration"), ("name_phrase", "Kalomi Tre")] {
        let q = query(text, false);
        let hits = search_indexed(&project, &index, &q, 40, 2000).expect("search");
        eprintln!("{label} {text:?}: {} hits", hits.len());
        g.bench_function(format!("search_{label}_indexed"), |b| {
            b.iter(|| black_box(search_indexed(&project, &index, &q, 40, 2000).expect("search")))
        });
    }
    let q = query(&name, false);
    g.bench_function("search_word_reading_every_article", |b| {
        b.iter(|| black_box(search(&project, &q, 40, 2000).expect("search")))
    });
    let q = query(r"\bKa\w+ Tre\w+", true);
    g.bench_function("search_regex_reading_every_article", |b| {
        b.iter(|| black_box(search(&project, &q, 40, 2000).expect("search")))
    });
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
