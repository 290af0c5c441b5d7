//! Discourse networks at size: the statements table and DNA's networks over 100 000
//! statements by 500 actors on 200 claims through 2024, and 52 weekly windows over them.
//!
//! Run: `cargo bench --bench discourse`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::analysis::discourse::{self, Aggregation, NetworkOptions, NetworkType, Normalization, Window};
use glose::synth;
use std::hint::black_box;
use std::time::Duration;

fn networks(c: &mut Criterion) {
    let project = synth::statements_project(5, 100_000, 500, 200);
    let table = discourse::statements(&project, "Claim").expect("statements");
    let one = NetworkOptions {
        kind: NetworkType::Onemode,
        aggregation: Aggregation::Congruence,
        normalization: Normalization::Average,
        ..Default::default()
    };
    let weekly = NetworkOptions { window: Some(Window { days: 7, step: 7 }), ..one.clone() };
    let n = discourse::network(&table, &weekly).expect("network");
    eprintln!("100 000 statements, 500 actors, 200 claims: {} weekly windows", n.matrices.len());
    let mut g = c.benchmark_group("discourse_100k_statements");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("statements_table", |b| b.iter(|| black_box(discourse::statements(&project, "Claim"))));
    g.bench_function("table_and_one_mode_congruence", |b| {
        b.iter(|| {
            let t = discourse::statements(&project, "Claim").expect("statements");
            black_box(discourse::network(&t, &one).expect("network"))
        })
    });
    g.bench_function("two_mode", |b| b.iter(|| black_box(discourse::network(&table, &NetworkOptions::default()))));
    g.bench_function("one_mode_52_weekly_windows", |b| b.iter(|| black_box(discourse::network(&table, &weekly))));
    g.finish();
}

criterion_group!(benches, networks);
criterion_main!(benches);
