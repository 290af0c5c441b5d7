//! Frame time of the reader, headless: egui `Context::run_ui` plus tessellation, on the
//! longest article of the example project and on synthetic 10 KB and 1 MB articles (AccessKit
//! off, then on for 1 MB). Steady frames (scrolling), the frame after a span is added or
//! removed, and the first frame after opening the article.
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
    rev: glose::edit::Revision,
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

/// Steady frames while scrolling, the frame right after adding (then removing) a span, and the
/// first frame after opening the article, for article `index` of `project`.
fn bench_article(c: &mut Criterion, group: &str, project: &Project, index: usize, accesskit: bool) {
    let article = &project.articles[index];
    eprintln!("{group}: {} characters, {} spans", article.text.chars().count(), article.spans.len());
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    if accesskit {
        ctx.enable_accesskit();
    }
    let mut reader = Reader::default();
    let mut state = ReaderState::default();
    let opened = History::new().revisions();
    // Warm up the font atlas.
    for _ in 0..3 {
        frame(&ctx, &mut reader, &mut state, project, index, opened, 0.0, 900.0);
    }
    let mut g = c.benchmark_group(group);
    let mut dir = 1.0;
    g.bench_function("steady_frame_scrolling", |b| {
        b.iter(|| {
            dir = -dir;
            black_box(frame(&ctx, &mut reader, &mut state, project, index, opened, 20.0 * dir, 900.0))
        })
    });
    // Adding a span, then removing it: each is a new revision (the marks change, the layout not).
    let mut p2 = project.clone();
    let mut history = History::new();
    let aid = p2.articles[index].id;
    let label = p2.schema.labels[0].id;
    let mut adding = true;
    g.bench_function("frame_after_adding_or_removing_a_span", |b| {
        b.iter(|| {
            if adding {
                let id = SpanId(p2.alloc_id());
                let span = Span { id, fragments: vec![Fragment::new(10, 20)], label, ..Default::default() };
                history.apply(&mut p2, Command::AddSpan { article: aid, span, relations: vec![] }).expect("add");
            } else {
                history.undo(&mut p2).expect("undo");
            }
            adding = !adding;
            black_box(frame(&ctx, &mut reader, &mut state, &p2, index, history.revisions(), 0.0, 900.0))
        })
    });
    // A width egui's own galley cache has not seen in the previous frame: a cold layout.
    let mut width = 900.0;
    g.bench_function("first_frame_after_opening", |b| {
        b.iter(|| {
            width = if width == 900.0 { 901.0 } else { 900.0 };
            let mut fresh = Reader::default();
            let mut st = ReaderState::default();
            black_box(frame(&ctx, &mut fresh, &mut st, project, index, opened, 0.0, width))
        })
    });
    g.finish();
}

fn reader_example(c: &mut Criterion) {
    let project = glose::store::load(std::path::Path::new("projects/example.ron")).expect("example").project;
    let (index, _) =
        project.articles.iter().enumerate().max_by_key(|(_, a)| a.text.chars().count()).expect("an article");
    bench_article(c, "reader_example_longest", &project, index, false);
}

/// Synthetic articles (seeded, multilingual): 10 KB with 50 spans and 1 MB with 5 000 spans
/// (the same span density). The reader lays out only the paragraphs near the screen, so the
/// steady frame should not follow the article's length.
fn reader_synthetic(c: &mut Criterion) {
    let small = glose::synth::project(3, 1, 10_000, 50, 0);
    bench_article(c, "reader_10kb_50_spans", &small, 0, false);
    let big = glose::synth::project(3, 1, 1_000_000, 5000, 0);
    bench_article(c, "reader_1mb_5000_spans", &big, 0, false);
    // The same with AccessKit on (what a screen reader or kittest sees): every visible glyph
    // run becomes a node.
    bench_article(c, "reader_1mb_5000_spans_accesskit", &big, 0, true);
}

/// The article list of a 1 000-article project: a steady frame while scrolling it, and the
/// frame after the filter changes (the list is filtered again over every title and text).
fn article_list_1000(c: &mut Criterion) {
    use glose::ui::{GloseApp, Settings};
    let project = glose::synth::project(7, 1000, 2500, 100, 10);
    let ctx = egui::Context::default();
    glose::ui::install_fonts(&ctx);
    let mut app = GloseApp::new(Settings::default());
    app.replace_session(glose::store::Session::new(project));
    let run = |app: &mut GloseApp, scroll: f32| {
        let out = ctx.run_ui(raw_input(scroll, 1400.0), |ui| app.run_frame(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    };
    for _ in 0..3 {
        run(&mut app, 0.0);
    }
    let mut g = c.benchmark_group("article_list_1000_articles");
    let mut dir = 1.0;
    g.bench_function("steady_frame_scrolling", |b| {
        b.iter(|| {
            dir = -dir;
            black_box(run(&mut app, 40.0 * dir))
        })
    });
    let mut long = false;
    g.bench_function("frame_after_typing_in_the_filter", |b| {
        b.iter(|| {
            long = !long;
            app.set_article_filter(if long { "Paris" } else { "Pari" });
            black_box(run(&mut app, 0.0))
        })
    });
    g.finish();
}

/// The window's words: 100 messages a frame might draw (a plain one, one with a plural, one
/// with a number to group), in English and in French (`t!` looks each up in the thread's Fluent
/// bundle and formats it).
fn messages(c: &mut Criterion) {
    use glose::t;
    use glose::ui::i18n::{Lang, set_current};
    for lang in Lang::ALL {
        set_current(lang);
        c.bench_function(&format!("100 messages, {}", lang.tag()), |b| {
            b.iter(|| {
                let mut n = 0;
                for i in 0..34usize {
                    n += t!("menu-file").len();
                    n += t!("count-spans", n = black_box(i)).len();
                    n += t!("articles-articles-2", rows_len = black_box(12_345 + i), all = 50_000).len();
                }
                black_box(n)
            })
        });
    }
    set_current(Lang::En);
}

criterion_group!(benches, reader_example, reader_synthetic, article_list_1000, messages);
criterion_main!(benches);
