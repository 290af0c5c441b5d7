//! Whole-window frame times, headless (`Context::run_ui` of the real app plus tessellation),
//! on the synthetic 1 000-article / 100 000-span project with every window open at once:
//! Corpus overview (on each of its tabs), Compare annotators, Compare two articles and the
//! label editor, over the reader and both panels. A steady frame (nothing changes), and the
//! frame after an edit (a span added, then undone: a new revision every time). AccessKit off,
//! then on (what a screen reader or kittest sees).
//!
//! Run: `cargo bench --bench frames`; at a newspaper's year:
//! `GLOSE_FRAMES_ARTICLES=50000 cargo bench --bench frames` (100 spans per article: 5 000 000);
//! `GLOSE_FRAMES_TAB=actors` builds and measures only that tab; `GLOSE_FRAMES_SUGGESTIONS=off`
//! without suggestions (on, each edit has the recommenders learn again in a thread).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use glose::edit::Command;
use glose::model::{Fragment, Span, SpanId};
use glose::ui::{Action, CorpusTab, GloseApp, Settings, Window};
use std::hint::black_box;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    }
}

/// One frame of the whole window: run it, then tessellate what it painted.
fn frame(ctx: &egui::Context, app: &mut GloseApp) -> usize {
    let out = ctx.run_ui(input(), |ui| app.run_frame(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The app on the big project with every window open, the corpus overview on `tab`.
fn app_with_everything_open(ctx: &egui::Context, tab: CorpusTab) -> GloseApp {
    let articles = std::env::var("GLOSE_FRAMES_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let project = glose::synth::project(7, articles, 2500, 100, 10);
    let suggestions = std::env::var("GLOSE_FRAMES_SUGGESTIONS").map_or(true, |v| v != "off");
    let settings = Settings { suggestions, ..Settings::default() };
    let mut app = GloseApp::new(settings);
    app.replace_session(glose::store::Session::new(project));
    frame(ctx, &mut app);
    for w in [Window::Schema, Window::Annotators, Window::Compare] {
        app.act(Action::Show(w));
    }
    app.show_corpus_tab(tab);
    // Windows size themselves over a few frames; the derived figures are computed once.
    for _ in 0..6 {
        frame(ctx, &mut app);
    }
    app.finish_jobs();
    // The suggestions' recommenders learned (after an edit they learn again, in a thread).
    app.finish_suggestions();
    frame(ctx, &mut app);
    app
}

fn bench_tab(c: &mut Criterion, tab: CorpusTab, accesskit: bool) {
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    if accesskit {
        ctx.enable_accesskit();
    }
    let mut app = app_with_everything_open(&ctx, tab);
    let name = format!("all_windows_{tab:?}{}", if accesskit { "_accesskit" } else { "" }).to_lowercase();
    let mut g = c.benchmark_group(name);
    g.sample_size(20);
    g.bench_function("steady_frame", |b| b.iter(|| black_box(frame(&ctx, &mut app))));
    let article = app.current().expect("an article is open");
    let label = app.project().schema.labels[0].id;
    let mut adding = true;
    g.bench_function("frame_after_an_edit", |b| {
        b.iter(|| {
            if adding {
                let span =
                    Span { id: SpanId::NEW, fragments: vec![Fragment::new(10, 20)], label, ..Default::default() };
                assert!(app.apply(Command::AddSpan { article, span, relations: vec![] }));
            } else {
                app.undo();
            }
            adding = !adding;
            black_box(frame(&ctx, &mut app))
        })
    });
    g.finish();
}

fn all_windows(c: &mut Criterion) {
    // `GLOSE_FRAMES_TAB=actors` keeps one tab (each tab builds its project: minutes at 50 000).
    let only = std::env::var("GLOSE_FRAMES_TAB").ok().map(|t| t.to_lowercase());
    let wanted = |tab: CorpusTab| only.as_ref().is_none_or(|t| *t == format!("{tab:?}").to_lowercase());
    for tab in [CorpusTab::Actors, CorpusTab::Labels, CorpusTab::Cooccurrence, CorpusTab::Search, CorpusTab::Network] {
        if wanted(tab) {
            bench_tab(c, tab, false);
        }
    }
    for tab in [CorpusTab::Actors, CorpusTab::Network] {
        if wanted(tab) {
            bench_tab(c, tab, true);
        }
    }
}

/// The discourse network tab on 100 000 statements (500 actors, 200 claims): its steady frame
/// while the network is shown, two-mode (the 3 000 heaviest of some 63 000 ties drawn) and
/// one-mode.
fn discourse_tab(c: &mut Criterion) {
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    let mut app = GloseApp::new(Settings::default());
    app.replace_session(glose::store::Session::new(glose::synth::statements_project(5, 100_000, 500, 200)));
    frame(&ctx, &mut app);
    app.show_corpus_tab(CorpusTab::Discourse);
    for _ in 0..6 {
        frame(&ctx, &mut app);
        app.finish_jobs();
    }
    let mut g = c.benchmark_group("discourse_tab_100k_statements");
    g.sample_size(20);
    g.bench_function("steady_frame_two_mode", |b| b.iter(|| black_box(frame(&ctx, &mut app))));
    g.finish();
}

criterion_group!(benches, all_windows, discourse_tab);
criterion_main!(benches);
