//! Frame time of the reader, headless: egui `Context::run_ui` plus tessellation, on the
//! longest article of the example project. Steady frames (scrolling), the frame after a span
//! is added, and the first frame after opening the article.
//!
//! Run: `cargo bench --bench reader`.

use criterion::{Criterion, criterion_group, criterion_main};
use glose::edit::{Command, History};
use glose::model::{Fragment, Project, Span, SpanId};
use glose::ui::reader::{Reader, ReaderState};
use std::hint::black_box;

fn raw_input(scroll: f32, width: f32) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, 800.0))),
        ..Default::default()
    };
    if scroll != 0.0 {
        input.events.push(egui::Event::PointerMoved(egui::pos2(400.0, 400.0)));
        input.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, scroll),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    input
}

/// One full frame: run the UI, then tessellate what it painted.
#[allow(clippy::too_many_arguments)]
fn frame(
    ctx: &egui::Context,
    reader: &mut Reader,
    state: &mut ReaderState,
    project: &Project,
    index: usize,
    rev: u64,
    scroll: f32,
    width: f32,
) -> usize {
    let font = egui::FontId::proportional(16.0);
    let article = &project.articles[index];
    let out = ctx.run_ui(raw_input(scroll, width), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            reader.ui(ui, project, article, rev, state, &font, false);
        });
    });
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    prims.len()
}

fn reader_frames(c: &mut Criterion) {
    let project = glose::store::load(std::path::Path::new("projects/example.ron")).expect("example").project;
    let (index, article) =
        project.articles.iter().enumerate().max_by_key(|(_, a)| a.text.chars().count()).expect("an article");
    eprintln!(
        "longest example article: {:?}, {} characters, {} spans",
        article.title,
        article.text.chars().count(),
        article.spans.len()
    );
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    let mut reader = Reader::default();
    let mut state = ReaderState::default();
    // Warm up the font atlas.
    for _ in 0..3 {
        frame(&ctx, &mut reader, &mut state, &project, index, 0, 0.0, 900.0);
    }
    let mut g = c.benchmark_group("reader_example_longest");
    let mut dir = 1.0;
    g.bench_function("steady_frame_scrolling", |b| {
        b.iter(|| {
            dir = -dir;
            black_box(frame(&ctx, &mut reader, &mut state, &project, index, 0, 20.0 * dir, 900.0))
        })
    });
    // After adding a span: a new revision (the project changes, the layout does not).
    let mut p2 = project.clone();
    let mut history = History::new();
    let aid = p2.articles[index].id;
    let label = p2.schema.labels[0].id;
    let mut rev = 1;
    g.bench_function("frame_after_adding_a_span", |b| {
        b.iter(|| {
            let id = SpanId(p2.alloc_id());
            let span = Span { id, fragments: vec![Fragment::new(10, 20)], label, ..Default::default() };
            history.apply(&mut p2, Command::AddSpan { article: aid, span, relations: vec![] }).expect("add");
            rev += 1;
            let n = frame(&ctx, &mut reader, &mut state, &p2, index, rev, 0.0, 900.0);
            history.undo(&mut p2).expect("undo");
            black_box(n)
        })
    });
    // A width egui's own galley cache has not seen in the previous frame: a cold layout.
    let mut width = 900.0;
    g.bench_function("first_frame_after_opening", |b| {
        b.iter(|| {
            width = if width == 900.0 { 901.0 } else { 900.0 };
            let mut fresh = Reader::default();
            let mut st = ReaderState::default();
            black_box(frame(&ctx, &mut fresh, &mut st, &project, index, 0, 0.0, width))
        })
    });
    g.finish();
}

/// A 1 MB article with 5 000 spans (synthetic, seeded): the reader lays out only what is near
/// the screen, so the frame cost should not follow the article's length.
fn reader_frames_1mb(c: &mut Criterion) {
    let mut project = glose::synth::project(3, 1, 1_000_000, 5000, 0);
    project.articles[0].title = "1 MB".into();
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    let mut reader = Reader::default();
    let mut state = ReaderState::default();
    eprintln!(
        "synthetic article: {} characters, {} spans",
        project.articles[0].text.chars().count(),
        project.articles[0].spans.len()
    );
    for _ in 0..3 {
        frame(&ctx, &mut reader, &mut state, &project, 0, 0, 0.0, 900.0);
    }
    let mut g = c.benchmark_group("reader_1mb_5000_spans");
    let mut dir = 1.0;
    g.bench_function("steady_frame_scrolling", |b| {
        b.iter(|| {
            dir = -dir;
            black_box(frame(&ctx, &mut reader, &mut state, &project, 0, 0, 20.0 * dir, 900.0))
        })
    });
    let mut width = 900.0;
    g.bench_function("first_frame_after_opening", |b| {
        b.iter(|| {
            width = if width == 900.0 { 901.0 } else { 900.0 };
            let mut fresh = Reader::default();
            let mut st = ReaderState::default();
            black_box(frame(&ctx, &mut fresh, &mut st, &project, 0, 0, 0.0, width))
        })
    });
    g.finish();
}

criterion_group!(benches, reader_frames, reader_frames_1mb);
criterion_main!(benches);
