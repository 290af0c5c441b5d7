//! Core figures: loading, validating and saving a project of 1 000 imported-size articles
//! (100 000 spans, 10 000 relations), generated from a seed; nothing large is committed.
//!
//! Run: `cargo bench --bench core`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::{model, store, synth};
use std::hint::black_box;
use std::time::Duration;

fn thousand_articles(c: &mut Criterion) {
    let project = synth::project(7, 1000, 2500, 100, 10);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    store::save(&project, &path).expect("save");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("project: 1000 articles, 100000 spans, 10000 relations, {:.1} MB on disk", bytes as f64 / 1e6);

    let mut g = c.benchmark_group("project_1000_articles");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    // What `glose validate` does: read, parse, check every invariant.
    g.bench_function("glose_validate", |b| {
        b.iter(|| {
            let loaded = store::load(black_box(&path)).expect("load");
            black_box(model::validate(&loaded.project))
        })
    });
    g.bench_function("load", |b| b.iter(|| black_box(store::load(&path).expect("load"))));
    g.bench_function("validate_in_memory", |b| b.iter(|| black_box(model::validate(&project))));
    g.bench_function("save_atomic", |b| b.iter(|| black_box(store::save(&project, &path).expect("save"))));
    g.finish();
}

/// Each export format on 100 000 spans (1 000 articles) — the figure issue 4 asks for.
fn export_100k_spans(c: &mut Criterion) {
    use glose::export::{Format, Options, export};
    let project = synth::project(11, 1000, 2500, 100, 10);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("export_100k_spans");
    g.sample_size(10).measurement_time(Duration::from_secs(6));
    for (name, format) in Format::ALL {
        let out = if format.is_folder() { dir.path().join(name) } else { dir.path().join(format!("{name}.out")) };
        g.bench_function(name, |b| {
            b.iter(|| black_box(export(&project, format, &Options::default(), &out).expect("export")))
        });
    }
    g.finish();
}

criterion_group!(benches, thousand_articles, export_100k_spans);
criterion_main!(benches);
