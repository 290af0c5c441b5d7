//! Times each export format on a synthetic project: `cargo run --release --example time_export [SPANS_PER_ARTICLE]`.
fn main() {
    let spans: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let project = glose::synth::project(11, 1000, 2500, spans, 10);
    let dir = tempfile::tempdir().expect("temp dir");
    let only = std::env::args().nth(2);
    for (name, format) in glose::export::Format::ALL {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let out = if format.is_folder() { dir.path().join(name) } else { dir.path().join(format!("{name}.out")) };
        let t = std::time::Instant::now();
        let r = glose::export::export(&project, format, &Default::default(), &out).expect("export");
        println!("{name:<14} {:>7.1} ms  {} spans", t.elapsed().as_secs_f64() * 1000.0, r.spans);
    }
}
