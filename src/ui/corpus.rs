//! View → Corpus overview: the whole project at once. Actors × articles, label counts per
//! article (a chart), labels sharing sentences, search with keyword-in-context results (jump,
//! or label a hit), and the alliance network (drag the actors, click an edge for its passages).
//! The numbers come from `analysis::corpus`; this file only shows them.

use super::derived::Cached;
use super::{Action, GloseApp, color32};
use crate::analysis::corpus::{self, Edge, Hit, Query};
use crate::edit::Command;
use crate::model::{ArticleId, EntityId, Fragment, LabelId, Span, SpanId};
use egui::{Color32, Pos2, Sense, Stroke, vec2};
use egui_extras::{Column, TableBuilder};

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum CorpusTab {
    #[default]
    Actors,
    Labels,
    Cooccurrence,
    Search,
    Network,
}

/// A search of the whole project in a thread, on a copy of the project (15 ms for 1 000
/// articles), with its progress and a cancel flag.
pub struct SearchJob {
    pub total: usize,
    pub progress: crate::progress::Progress,
    rx: std::sync::mpsc::Receiver<Result<Vec<Hit>, String>>,
}

impl SearchJob {
    fn start(project: &crate::model::Project, q: Query, ctx: &egui::Context) -> SearchJob {
        let snapshot = project.clone();
        let total = snapshot.articles.len();
        let progress = crate::progress::Progress::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let (shared, ctx) = (progress.clone(), ctx.clone());
        std::thread::spawn(move || {
            let go_on = |i: usize| {
                shared.set_done(i);
                !shared.cancelled()
            };
            let result = corpus::search_with(&snapshot, &q, 40, 2000, &go_on);
            shared.set_done(total);
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        SearchJob { total, progress, rx }
    }

    /// Waits for the result (tests, and nothing else).
    pub fn wait(&self) -> Option<Result<Vec<Hit>, String>> {
        self.rx.recv().ok()
    }
}

/// The window's state, kept between frames.
#[derive(Default)]
pub struct CorpusState {
    pub tab: CorpusTab,
    pub query: String,
    pub regex: bool,
    pub case_sensitive: bool,
    pub whole_words: bool,
    pub label_filter: Option<LabelId>,
    pub entity_filter: Option<EntityId>,
    pub annotator_filter: Option<String>,
    pub hits: Vec<Hit>,
    pub search_error: Option<String>,
    /// The search running in the background, if any.
    pub search_job: Option<SearchJob>,
    /// Label given to a hit by its "Label" button.
    pub hit_label: Option<LabelId>,
    /// Node positions (unit square) by actor, and the revision they were laid out for.
    pub layout: Vec<(EntityId, Pos2)>,
    layout_revision: Option<u64>,
    pub selected_edge: Option<usize>,
    /// Each tab's numbers, computed once per revision (not per frame).
    matrix: Cached<(), corpus::ActorMatrix>,
    label_counts: Cached<(), corpus::LabelCounts>,
    cooccurrence: Cached<(), std::collections::BTreeMap<(LabelId, LabelId), usize>>,
    network: Cached<(), Vec<Edge>>,
}

pub fn corpus_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    if !app.corpus_open {
        return;
    }
    let mut open = true;
    let mut st = std::mem::take(&mut app.corpus);
    egui::Window::new("Corpus overview").open(&mut open).default_size([760.0, 560.0]).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut st.tab, CorpusTab::Actors, "Actors × articles");
            ui.selectable_value(&mut st.tab, CorpusTab::Labels, "Label counts");
            ui.selectable_value(&mut st.tab, CorpusTab::Cooccurrence, "Co-occurrence");
            ui.selectable_value(&mut st.tab, CorpusTab::Search, "Search");
            ui.selectable_value(&mut st.tab, CorpusTab::Network, "Alliance network");
        });
        ui.separator();
        match st.tab {
            CorpusTab::Actors => actors_ui(app, &mut st, ui),
            CorpusTab::Labels => labels_ui(app, &mut st, ui),
            CorpusTab::Cooccurrence => cooccurrence_ui(app, &mut st, ui),
            CorpusTab::Search => search_ui(app, &mut st, ui),
            CorpusTab::Network => network_ui(app, &mut st, ui),
        }
    });
    app.corpus = st;
    app.corpus_open = open;
}

fn short(title: &str) -> String {
    crate::text::ellipsize(title, 18)
}

fn actors_ui(app: &mut GloseApp, st: &mut CorpusState, ui: &mut egui::Ui) {
    let rev = app.doc.history().revision();
    let p = app.project();
    let m = st.matrix.get(rev, (), || corpus::actor_matrix(p));
    let titles: Vec<String> =
        m.articles.iter().map(|a| p.article(*a).map_or(String::new(), |a| short(&a.title))).collect();
    let names: Vec<String> = m.actors.iter().map(|e| p.entity(*e).map_or(String::new(), |e| e.name.clone())).collect();
    let mut jump: Option<(EntityId, ArticleId)> = None;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table =
            TableBuilder::new(ui).id_salt("actor-matrix").striped(true).column(Column::auto().at_least(140.0));
        for _ in &titles {
            table = table.column(Column::auto().at_least(60.0));
        }
        table = table.column(Column::auto());
        table
            .header(36.0, |mut h| {
                h.col(|ui| {
                    ui.strong("Actor");
                });
                for t in &titles {
                    h.col(|ui| {
                        ui.strong(t);
                    });
                }
                h.col(|ui| {
                    ui.strong("Total");
                });
            })
            .body(|body| {
                body.rows(20.0, names.len(), |mut row| {
                    let i = row.index();
                    row.col(|ui| {
                        ui.label(&names[i]);
                    });
                    for (j, n) in m.counts[i].iter().enumerate() {
                        row.col(|ui| {
                            if *n > 0 {
                                if ui.link(n.to_string()).on_hover_text("Jump to the first mention").clicked() {
                                    jump = Some((m.actors[i], m.articles[j]));
                                }
                            } else {
                                ui.weak("·");
                            }
                        });
                    }
                    row.col(|ui| {
                        ui.strong(m.counts[i].iter().sum::<usize>().to_string());
                    });
                });
            });
    });
    if let Some((e, a)) = jump
        && let Some(s) = app.project().article(a).and_then(|art| art.spans.iter().find(|s| s.entity == Some(e)))
    {
        app.act(Action::JumpToSpan(s.id));
    }
}

fn labels_ui(app: &mut GloseApp, st: &mut CorpusState, ui: &mut egui::Ui) {
    let rev = app.doc.history().revision();
    let p = app.project();
    let counted = st.label_counts.get(rev, (), || corpus::label_counts(p));
    let (labels, rows) = (&counted.0, &counted.1);
    let titles: Vec<String> =
        rows.iter().map(|(a, _)| p.article(*a).map_or(String::new(), |a| short(&a.title))).collect();
    let mut charts: Vec<egui_plot::BarChart> = Vec::new();
    for (k, l) in labels.iter().enumerate() {
        let label = p.schema.label(*l);
        let bars: Vec<egui_plot::Bar> = rows
            .iter()
            .enumerate()
            .map(|(i, (_, counts))| egui_plot::Bar::new(i as f64, counts[k] as f64).name(&titles[i]).width(0.7))
            .collect();
        let mut chart = egui_plot::BarChart::new(label.map_or("?", |l| l.name.as_str()), bars)
            .color(label.map_or(Color32::GRAY, |l| color32(l.color)));
        let below: Vec<&egui_plot::BarChart> = charts.iter().collect();
        chart = chart.stack_on(&below);
        charts.push(chart);
    }
    ui.label("Spans per label in each article (stacked).");
    let titles2 = titles.clone();
    egui_plot::Plot::new("label-counts")
        .legend(egui_plot::Legend::default())
        .height(360.0)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                titles2.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
}

fn cooccurrence_ui(app: &mut GloseApp, st: &mut CorpusState, ui: &mut egui::Ui) {
    let rev = app.doc.history().revision();
    let p = app.project();
    let co = st.cooccurrence.get(rev, (), || corpus::cooccurrence(p));
    ui.label("How many sentences hold spans of both labels.");
    let labels: Vec<(LabelId, String)> = p.schema.labels.iter().map(|l| (l.id, l.name.clone())).collect();
    egui::Grid::new("cooc").striped(true).show(ui, |ui| {
        ui.label("");
        for (_, n) in &labels {
            ui.strong(n);
        }
        ui.end_row();
        for (a, na) in &labels {
            ui.strong(na);
            for (b, _) in &labels {
                let key = if a <= b { (*a, *b) } else { (*b, *a) };
                let n = co.get(&key).copied().unwrap_or(0);
                if n == 0 {
                    ui.weak("·")
                } else {
                    ui.label(n.to_string())
                };
            }
            ui.end_row();
        }
    });
}

/// Takes in a finished search.
pub fn take_result(st: &mut CorpusState, result: Result<Vec<Hit>, String>) {
    match result {
        Ok(h) => {
            st.hits = h;
            st.search_error = None;
        }
        Err(e) => st.search_error = Some(e),
    }
}

fn search_ui(app: &mut GloseApp, st: &mut CorpusState, ui: &mut egui::Ui) {
    let mut run = false;
    ui.horizontal(|ui| {
        let label = ui.label("Search the project");
        let r = ui
            .add(egui::TextEdit::singleline(&mut st.query).desired_width(240.0).hint_text("word, phrase or regex"))
            .labelled_by(label.id);
        run |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        run |= ui.checkbox(&mut st.regex, "regex").changed();
        run |= ui.checkbox(&mut st.case_sensitive, "match case").changed();
        run |= ui.checkbox(&mut st.whole_words, "whole words").changed();
        run |= ui.button("Search").clicked();
    });
    ui.horizontal(|ui| {
        let p = app.project();
        let before = (st.label_filter, st.entity_filter, st.annotator_filter.clone());
        egui::ComboBox::from_label("inside label")
            .selected_text(st.label_filter.map_or("any".to_string(), |l| p.schema.label_name(l).to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.label_filter, None, "any");
                for l in &p.schema.labels {
                    ui.selectable_value(&mut st.label_filter, Some(l.id), &l.name);
                }
            });
        egui::ComboBox::from_label("linked to")
            .selected_text(
                st.entity_filter.and_then(|e| p.entity(e)).map_or("any actor".to_string(), |e| e.name.clone()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.entity_filter, None, "any actor");
                for e in &p.entities {
                    ui.selectable_value(&mut st.entity_filter, Some(e.id), &e.name);
                }
            });
        let annotators: Vec<String> = p.annotator_names().into_iter().map(str::to_string).collect();
        egui::ComboBox::from_label("by")
            .selected_text(st.annotator_filter.clone().unwrap_or_else(|| "anyone".into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.annotator_filter, None, "anyone");
                for a in annotators {
                    ui.selectable_value(&mut st.annotator_filter, Some(a.clone()), a);
                }
            });
        run |= before != (st.label_filter, st.entity_filter, st.annotator_filter.clone());
    });
    if run {
        let q = Query {
            pattern: crate::text::Pattern {
                text: st.query.clone(),
                regex: st.regex,
                case_sensitive: st.case_sensitive,
                whole_words: st.whole_words,
            },
            label: st.label_filter,
            entity: st.entity_filter,
            annotator: st.annotator_filter.clone(),
        };
        if let Some(old) = st.search_job.take() {
            old.progress.cancel();
        }
        st.search_job = Some(SearchJob::start(app.project(), q, ui.ctx()));
    }
    if let Some(job) = &st.search_job {
        match job.rx.try_recv() {
            Ok(result) => {
                st.search_job = None;
                take_result(st, result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ui.horizontal(|ui| {
                    super::menu::progress_row(ui, &job.progress, job.total, "Searching…", "Stop search")
                });
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => st.search_job = None,
        }
    }
    if let Some(e) = &st.search_error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} hit(s)", st.hits.len()));
        let p = app.project();
        egui::ComboBox::from_label("label hits as")
            .selected_text(st.hit_label.map_or("choose…".to_string(), |l| p.schema.label_name(l).to_string()))
            .show_ui(ui, |ui| {
                for l in &p.schema.labels {
                    ui.selectable_value(&mut st.hit_label, Some(l.id), &l.name);
                }
            });
    });
    let mut jump: Option<Hit> = None;
    let mut label: Option<Hit> = None;
    // Only the rows on screen are drawn: 2 000 hits cost what 20 do.
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical().max_height(380.0).show_rows(ui, row_height, st.hits.len(), |ui, rows| {
        for (i, h) in st.hits.iter().enumerate().skip(rows.start).take(rows.len()) {
            let title = app.project().article(h.article).map_or(String::new(), |a| short(&a.title));
            ui.horizontal(|ui| {
                ui.weak(title);
                ui.label(format!("…{}", h.left));
                if ui.link(egui::RichText::new(&h.matched).strong()).on_hover_text("Jump there").clicked() {
                    jump = Some(h.clone());
                }
                ui.label(format!("{}…", h.right));
                if st.hit_label.is_some() && ui.small_button(format!("Label hit {}", i + 1)).clicked() {
                    label = Some(h.clone());
                }
            });
        }
    });
    if let Some(h) = jump {
        app.act(Action::SelectArticle(h.article));
        app.act(Action::SelectRange { start: h.start, end: h.end });
    }
    if let (Some(h), Some(l)) = (label, st.hit_label) {
        let span = Span {
            id: SpanId(app.doc.alloc_id()),
            fragments: vec![Fragment::new(h.start, h.end)],
            label: l,
            annotator: app.settings.annotator.clone(),
            ..Default::default()
        };
        app.push(Command::AddSpan { article: h.article, span, relations: vec![] });
    }
}

fn network_ui(app: &mut GloseApp, st: &mut CorpusState, ui: &mut egui::Ui) {
    let rev = app.doc.history().revision();
    let p = app.project();
    let edges = st.network.get(rev, (), || corpus::network(p, &corpus::network_types(p)));
    let mut actors: Vec<EntityId> = edges.iter().flat_map(|e| [e.a, e.b]).collect();
    actors.sort();
    actors.dedup();
    let rev = app.doc.history().revision();
    if st.layout_revision != Some(rev) || st.layout.iter().map(|(e, _)| *e).collect::<Vec<_>>() != actors {
        let idx = |e: EntityId| actors.iter().position(|&x| x == e).unwrap_or(0);
        let weighted: Vec<(usize, usize, f32)> =
            edges.iter().map(|e| (idx(e.a), idx(e.b), e.articles.len() as f32)).collect();
        let keep: std::collections::HashMap<EntityId, Pos2> = st.layout.iter().copied().collect();
        let fresh = corpus::force_layout(actors.len(), &weighted, 300);
        st.layout = actors
            .iter()
            .zip(fresh)
            .map(|(&e, (x, y))| (e, keep.get(&e).copied().unwrap_or(egui::pos2(x, y))))
            .collect();
        st.layout_revision = Some(rev);
    }
    ui.label("Actors linked by alliance (green) and opposes (red) relations; thicker edges are asserted by more articles. Drag an actor; click an edge.");
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 360.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let to_screen = |q: Pos2| rect.min + vec2(q.x * rect.width(), q.y * rect.height());
    let pos_of =
        |e: EntityId, layout: &[(EntityId, Pos2)]| layout.iter().find(|(x, _)| *x == e).map(|(_, q)| to_screen(*q));
    // Edges, with click detection by distance to the segment.
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let clicked = ui.input(|i| i.pointer.primary_clicked());
    for (k, e) in edges.iter().enumerate() {
        let (Some(a), Some(b)) = (pos_of(e.a, &st.layout), pos_of(e.b, &st.layout)) else { continue };
        let color = p.schema.relation_type(e.kind).map_or(Color32::GRAY, |t| color32(t.color));
        let w = 1.5 + 1.5 * e.articles.len() as f32;
        let selected = st.selected_edge == Some(k);
        painter.line_segment([a, b], Stroke::new(if selected { w + 2.0 } else { w }, color));
        if clicked
            && let Some(q) = pointer
            && rect.contains(q)
        {
            let ab = b - a;
            let t = ((q - a).dot(ab) / ab.length_sq().max(1.0)).clamp(0.0, 1.0);
            if (a + ab * t).distance(q) < 6.0 {
                st.selected_edge = Some(k);
            }
        }
    }
    // Nodes: draggable circles with names.
    for (i, (e, q)) in st.layout.clone().into_iter().enumerate() {
        let c = to_screen(q);
        let name = p.entity(e).map_or(String::new(), |x| x.name.clone());
        let r = ui.interact(
            egui::Rect::from_center_size(c, vec2(18.0, 18.0)),
            ui.scope_id().with(("node", e.0)),
            Sense::drag(),
        );
        let r = r.on_hover_text(&name);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Actor node {name}")));
        if r.dragged() {
            let d = r.drag_delta();
            let moved =
                egui::pos2((q.x + d.x / rect.width()).clamp(0.02, 0.98), (q.y + d.y / rect.height()).clamp(0.02, 0.98));
            st.layout[i].1 = moved;
        }
        painter.circle_filled(c, 8.0, ui.visuals().strong_text_color());
        painter.text(
            c + vec2(10.0, -10.0),
            egui::Align2::LEFT_BOTTOM,
            name,
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
    }
    // The passages behind the selected edge.
    if let Some(e) = st.selected_edge.and_then(|k| edges.get(k)) {
        let name = |id| p.entity(id).map_or(String::new(), |x| x.name.clone());
        ui.strong(format!(
            "{} — {} ({}, {} article(s))",
            name(e.a),
            name(e.b),
            p.schema.relation_type_name(e.kind),
            e.articles.len()
        ));
        let mut jump = None;
        for (a, from, to) in &e.passages {
            let Some(art) = p.article(*a) else { continue };
            let q = |s| art.span(s).map_or(String::new(), |s: &Span| crate::text::ellipsize(&s.quote, 50));
            ui.horizontal(|ui| {
                ui.weak(short(&art.title));
                if ui.link(format!("{} ↔ {}", q(*from), q(*to))).clicked() {
                    jump = Some(*from);
                }
            });
        }
        if let Some(s) = jump {
            app.act(Action::JumpToSpan(s));
        }
    }
}
