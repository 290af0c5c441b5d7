//! View → Corpus overview: the whole project at once. Actors × articles, label counts per
//! article (a chart), labels sharing sentences, search with keyword-in-context results (jump,
//! or label a hit), and the alliance network (drag the actors, click an edge for its passages).
//! The numbers come from `analysis::corpus`; this file only shows them.

use super::app::Action;
use super::color32;
use super::derived::{Background, repaint, shown_ui};
use super::view::ViewCx;
use crate::analysis::corpus::{self, Edge, Hit, Node, Query};
use crate::analysis::search_index::SearchIndex;
use crate::edit::Command;
use crate::model::{ArticleId, EntityId, Fragment, LabelId, Span, SpanId};
use crate::progress::{Job, Poll, Waker};
use egui::{Color32, Pos2, Sense, Stroke, pos2, vec2};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CorpusTab {
    #[default]
    Actors,
    Labels,
    Cooccurrence,
    Search,
    Network,
    Discourse,
    Suggestions,
}

/// A search of the whole project in a thread, on a copy of the project, with its progress and
/// a cancel flag. The words' index is built by the first search and brought up to date by the
/// next ones (in the same thread): a word or phrase then reads only the articles holding it.
type SearchJob = Job<Result<Vec<Hit>, String>>;
type SharedIndex = std::sync::Arc<std::sync::Mutex<Option<SearchIndex>>>;

fn start_search(project: &crate::model::Project, index: &SharedIndex, q: Query, ctx: &egui::Context) -> SearchJob {
    let snapshot = project.clone();
    let total = snapshot.articles.len();
    let ctx = ctx.clone();
    let wake: Waker = Box::new(move || ctx.request_repaint());
    let index = index.clone();
    Job::spawn(total, Some(wake), move |progress| {
        let go_on = |i: usize| {
            progress.set_done(i);
            !progress.cancelled()
        };
        let only = {
            let mut held = index.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match held.as_mut() {
                Some(ix) => {
                    ix.refresh(&snapshot);
                }
                None => *held = Some(SearchIndex::build(&snapshot)),
            }
            held.as_ref().and_then(|ix| ix.candidates(&q.pattern))
        };
        let result = corpus::search_in(&snapshot, &q, 40, 2000, only.as_ref(), &go_on);
        progress.set_done(total);
        result
    })
}

/// The window's state, kept between frames (and while it is closed).
#[derive(Default)]
pub struct CorpusWindow {
    open: bool,
    st: CorpusState,
}

#[derive(Default)]
struct CorpusState {
    tab: CorpusTab,
    query: String,
    regex: bool,
    case_sensitive: bool,
    whole_words: bool,
    label_filter: Option<LabelId>,
    entity_filter: Option<EntityId>,
    annotator_filter: Option<String>,
    hits: Vec<Hit>,
    search_error: Option<String>,
    /// The search running in the background, if any.
    search_job: Option<SearchJob>,
    /// The words' index of the project, for the searches.
    index: SharedIndex,
    /// Label given to a hit by its "Label" button.
    hit_label: Option<LabelId>,
    /// Node positions (unit square) by actor or unlinked mention.
    layout: Vec<(Node, Pos2)>,
    selected_edge: Option<usize>,
    /// Each tab's numbers, computed once per revision (not per frame).
    matrix: Background<(), corpus::ActorMatrix>,
    label_counts: Background<(), LabelChart>,
    cooccurrence: Background<(), std::collections::BTreeMap<(LabelId, LabelId), usize>>,
    network: Background<(), Vec<Edge>>,
    discourse: super::discourse::DiscourseState,
    suggestions: super::suggest::CorpusSuggestions,
}

impl CorpusWindow {
    pub fn open(&mut self) {
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn show_tab(&mut self, tab: CorpusTab) {
        self.open = true;
        self.st.tab = tab;
    }

    /// The last search's hits.
    pub fn hits(&self) -> &[Hit] {
        &self.st.hits
    }

    pub fn selected_edge(&self) -> Option<usize> {
        self.st.selected_edge
    }

    /// The network's node positions (unit square), by actor or unlinked mention.
    pub fn layout(&self) -> &[(Node, Pos2)] {
        &self.st.layout
    }

    /// Waits for the search and the figures being computed, if any, and takes them in.
    pub fn wait_jobs(&mut self) {
        let st = &mut self.st;
        st.matrix.wait();
        st.label_counts.wait();
        st.cooccurrence.wait();
        st.network.wait();
        st.discourse.wait();
        st.suggestions.wait();
        self.wait_search();
    }

    /// Writes the discourse network shown to `path` (by its extension); what to tell the user.
    pub fn save_network(&self, path: &std::path::Path, p: &crate::model::Project) -> Result<String, String> {
        self.st.discourse.save(path, p)
    }

    /// Waits for the search running, if any, and takes its hits.
    pub fn wait_search(&mut self) {
        if let Some(job) = self.st.search_job.take() {
            match job.wait() {
                Some(result) => self.st.take_result(result),
                None => self.st.search_error = Some(t!("corpus-search-stopped-unexpectedly")),
            }
        }
    }

    pub fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) {
        if !self.open {
            return;
        }
        let mut open = true;
        let st = &mut self.st;
        super::placed(egui::Window::new(t!("corpus-corpus-overview")), ctx)
            .open(&mut open)
            .default_size([760.0, 560.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut st.tab, CorpusTab::Actors, t!("corpus-actors-articles"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Labels, t!("corpus-label-counts"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Cooccurrence, t!("corpus-co-occurrence"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Search, t!("corpus-search"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Network, t!("corpus-alliance-network"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Discourse, t!("corpus-discourse-network"));
                    ui.selectable_value(&mut st.tab, CorpusTab::Suggestions, t!("corpus-suggestions"));
                });
                ui.separator();
                match st.tab {
                    CorpusTab::Actors => actors_ui(cx, st, ui),
                    CorpusTab::Labels => labels_ui(cx, st, ui),
                    CorpusTab::Cooccurrence => cooccurrence_ui(cx, st, ui),
                    CorpusTab::Search => st.search_ui(cx, ui),
                    CorpusTab::Network => network_ui(cx, st, ui),
                    CorpusTab::Discourse => super::discourse::discourse_ui(cx, &mut st.discourse, ui),
                    CorpusTab::Suggestions => st.suggestions.ui(cx, ui),
                }
            });
        self.open = open;
    }
}

/// A title cut to about 18 Latin letters' width (Chinese and Japanese characters count double:
/// a full-width title under a bar would hide its neighbours' and be left out of the axis).
fn short(title: &str) -> String {
    let width = |c: char| if (c as u32) >= 0x2E80 { 2 } else { 1 };
    let mut used = 0;
    let mut out = String::new();
    for c in title.chars() {
        if used + width(c) > 18 {
            out.push('…');
            return out;
        }
        used += width(c);
        out.push(c);
    }
    out
}

fn actors_ui(cx: &mut ViewCx<'_>, st: &mut CorpusState, ui: &mut egui::Ui) {
    let (rev, doc) = (cx.revision(), cx.doc);
    let p = doc.project();
    let threaded = cx.threaded();
    let shown = st.matrix.get(rev, (), p, threaded, repaint(ui.ctx()), |p, _| corpus::actor_matrix(p));
    let Some(m) = shown_ui(ui, shown) else { return };
    ui.weak(t!(
        "corpus-actors-articles-mentions-each-actor",
        actors_len = m.actors.len(),
        articles_len = m.articles.len()
    ));
    if let Some((e, a)) = matrix_grid_ui(ui, p, &m)
        && let Some(s) = p.article(a).and_then(|art| art.spans.iter().find(|s| s.entity == Some(e)))
    {
        cx.act(Action::JumpToSpan(s.id));
    }
}

/// Where a cell of the actor matrix grid is, in the grid's own coordinates.
struct Grid {
    name_w: f32,
    cell_w: f32,
    row_h: f32,
    head_h: f32,
}

impl Grid {
    fn cell(&self, origin: Pos2, row: usize, col: usize) -> egui::Rect {
        let min = origin + vec2(self.name_w + col as f32 * self.cell_w, self.head_h + row as f32 * self.row_h);
        egui::Rect::from_min_size(min, vec2(self.cell_w, self.row_h))
    }

    /// The rows and columns (not counting the headers) any part of which is in `view`.
    fn visible(&self, view: egui::Rect, rows: usize, cols: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let span = |from: f32, to: f32, size: f32, n: usize| {
            let a = (from / size).floor().max(0.0) as usize;
            a.min(n)..((to / size).ceil().max(0.0) as usize).min(n)
        };
        (
            span(view.min.y, view.max.y - self.head_h, self.row_h, rows),
            span(view.min.x, view.max.x - self.name_w, self.cell_w, cols),
        )
    }
}

/// The actor × article counts as a grid of which only the cells on screen are drawn (200
/// actors × 1 000 articles cost what a screenful does), actor names and article titles kept in
/// view while scrolling, totals last. Returns the cell clicked.
fn matrix_grid_ui(
    ui: &mut egui::Ui,
    p: &crate::model::Project,
    m: &corpus::ActorMatrix,
) -> Option<(EntityId, ArticleId)> {
    let g = Grid { name_w: 150.0, cell_w: 64.0, row_h: 20.0, head_h: 24.0 };
    let (rows, cols) = (m.actors.len(), m.articles.len() + 1);
    let size = vec2(g.name_w + cols as f32 * g.cell_w, g.head_h + rows as f32 * g.row_h);
    let mut jump = None;
    egui::ScrollArea::both().id_salt("actor-matrix").max_height(420.0).auto_shrink([false, true]).show_viewport(
        ui,
        |ui, view| {
            let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
            let origin = rect.min;
            let (rs, cs) = g.visible(view, rows, cols);
            let corner = origin + view.min.to_vec2();
            // Cells, clipped to the part the headers leave.
            let cells = egui::Rect::from_min_max(corner + vec2(g.name_w, g.head_h), origin + view.max.to_vec2());
            let mut cell_ui = ui.new_child(egui::UiBuilder::new().max_rect(cells));
            cell_ui.set_clip_rect(cells.intersect(ui.clip_rect()));
            for r in rs.clone() {
                for c in cs.clone() {
                    let at = g.cell(origin, r, c);
                    let total = c + 1 == cols;
                    let n = if total { m.counts[r].iter().sum() } else { m.counts[r][c] };
                    if total {
                        cell_ui.put(at, egui::Label::new(egui::RichText::new(n.to_string()).strong()));
                    } else if n == 0 {
                        cell_ui.put(at, egui::Label::new(egui::RichText::new("·").weak()));
                    } else if cell_ui
                        .put(at, egui::Link::new(n.to_string()))
                        .on_hover_text(t!("corpus-jump-first-mention"))
                        .clicked()
                    {
                        jump = Some((m.actors[r], m.articles[c]));
                    }
                }
            }
            // Headers on top: article titles along the top, actor names down the side.
            let bg = ui.visuals().window_fill;
            let top = egui::Rect::from_min_size(corner, vec2(view.width(), g.head_h));
            let side = egui::Rect::from_min_size(corner, vec2(g.name_w, view.height()));
            ui.painter().rect_filled(top, 0.0, bg);
            ui.painter().rect_filled(side, 0.0, bg);
            let mut head_ui = ui.new_child(egui::UiBuilder::new().max_rect(top));
            head_ui.set_clip_rect(
                egui::Rect::from_min_max(corner + vec2(g.name_w, 0.0), top.max).intersect(ui.clip_rect()),
            );
            for c in cs {
                let at = g.cell(origin, 0, c).translate(vec2(0.0, corner.y - origin.y - g.head_h));
                let (title, full) = match m.articles.get(c).and_then(|a| p.article(*a)) {
                    Some(a) => (short(&a.title), a.title.clone()),
                    None => (t!("corpus-total"), t!("corpus-mentions-all-articles")),
                };
                head_ui.put(at, egui::Label::new(egui::RichText::new(title).strong()).truncate()).on_hover_text(full);
            }
            let mut side_ui = ui.new_child(egui::UiBuilder::new().max_rect(side));
            side_ui.set_clip_rect(
                egui::Rect::from_min_max(corner + vec2(0.0, g.head_h), side.max).intersect(ui.clip_rect()),
            );
            for r in rs {
                let at = egui::Rect::from_min_size(
                    pos2(corner.x + 4.0, origin.y + g.head_h + r as f32 * g.row_h),
                    vec2(g.name_w - 8.0, g.row_h),
                );
                let name = p.entity(m.actors[r]).map_or("", |e| e.name.as_str());
                let left = egui::UiBuilder::new().max_rect(at).layout(egui::Layout::left_to_right(egui::Align::Center));
                side_ui.scope_builder(left, |ui| ui.add(egui::Label::new(name).truncate()));
            }
            ui.painter().text(
                corner + vec2(4.0, g.head_h / 2.0),
                egui::Align2::LEFT_CENTER,
                t!("corpus-actor"),
                egui::FontId::proportional(13.0),
                ui.visuals().strong_text_color(),
            );
        },
    );
    jump
}

/// The label chart's bars: one per article, or per month of publication when there are more
/// than [`BARS_PER_ARTICLE`] articles (a bar per article would be a wall), with their names.
struct LabelChart {
    labels: Vec<LabelId>,
    bars: Vec<(String, Vec<usize>)>,
    by_month: bool,
}

/// Up to this many articles, the label chart has a bar per article.
const BARS_PER_ARTICLE: usize = 60;

fn label_chart(p: &crate::model::Project, _: &()) -> LabelChart {
    let (labels, rows) = corpus::label_counts(p);
    let by_id: std::collections::HashMap<ArticleId, &crate::model::Article> =
        p.articles.iter().map(|a| (a.id, a.as_ref())).collect();
    let by_month = rows.len() > BARS_PER_ARTICLE;
    let bars = if by_month {
        let mut months: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
        for (a, counts) in &rows {
            let date = by_id.get(a).map_or("", |a| a.published.as_str());
            let month = date.get(..7).filter(|m| m.as_bytes().get(4) == Some(&b'-')).unwrap_or("undated");
            let sum = months.entry(month.to_string()).or_insert_with(|| vec![0; labels.len()]);
            for (s, c) in sum.iter_mut().zip(counts) {
                *s += c;
            }
        }
        months.into_iter().collect()
    } else {
        rows.iter().map(|(a, c)| (by_id.get(a).map_or(String::new(), |a| short(&a.title)), c.clone())).collect()
    };
    LabelChart { labels, bars, by_month }
}

fn labels_ui(cx: &mut ViewCx<'_>, st: &mut CorpusState, ui: &mut egui::Ui) {
    let (rev, threaded, doc) = (cx.revision(), cx.threaded(), cx.doc);
    let p = doc.project();
    let shown = st.label_counts.get(rev, (), p, threaded, repaint(ui.ctx()), label_chart);
    let Some(chart) = shown_ui(ui, shown) else { return };
    let mut charts: Vec<egui_plot::BarChart> = Vec::new();
    for (k, l) in chart.labels.iter().enumerate() {
        let label = p.schema.label(*l);
        let bars: Vec<egui_plot::Bar> = chart
            .bars
            .iter()
            .enumerate()
            .map(|(i, (name, counts))| egui_plot::Bar::new(i as f64, counts[k] as f64).name(name).width(0.7))
            .collect();
        let name = label.map_or("?", |l| l.name.as_str());
        let color = label.map_or(Color32::GRAY, |l| color32(l.color));
        let below: Vec<&egui_plot::BarChart> = charts.iter().collect();
        let stacked = egui_plot::BarChart::new(name, bars).color(color).stack_on(&below);
        charts.push(stacked);
    }
    ui.label(if chart.by_month {
        t!("corpus-spans-per-label-articles-each")
    } else {
        t!("corpus-spans-per-label-each-article")
    });
    let names: Vec<String> = chart.bars.iter().map(|(n, _)| n.clone()).collect();
    egui_plot::Plot::new("label-counts")
        .legend(egui_plot::Legend::default())
        .height(360.0)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            let whole = (mark.value - i).abs() < 1e-6 && i >= 0.0;
            if whole { names.get(i as usize).cloned().unwrap_or_default() } else { String::new() }
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
}

fn cooccurrence_ui(cx: &mut ViewCx<'_>, st: &mut CorpusState, ui: &mut egui::Ui) {
    let (rev, threaded, doc) = (cx.revision(), cx.threaded(), cx.doc);
    let p = doc.project();
    let shown = st.cooccurrence.get(rev, (), p, threaded, repaint(ui.ctx()), |p, _| corpus::cooccurrence(p));
    let Some(co) = shown_ui(ui, shown) else { return };
    ui.label(t!("corpus-how-many-sentences-hold-spans"));
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

impl CorpusState {
    /// Takes in a finished search.
    fn take_result(&mut self, result: Result<Vec<Hit>, String>) {
        match result {
            Ok(h) => {
                self.hits = h;
                self.search_error = None;
            }
            Err(e) => self.search_error = Some(e),
        }
    }

    fn search_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let counts = cx.counts();
        let run = self.query_ui(ui) | self.filters_ui(cx.project(), &counts.annotators, ui);
        if run {
            let q = Query {
                pattern: crate::text::Pattern {
                    text: self.query.clone(),
                    regex: self.regex,
                    case_sensitive: self.case_sensitive,
                    whole_words: self.whole_words,
                },
                label: self.label_filter,
                entity: self.entity_filter,
                annotator: self.annotator_filter.clone(),
            };
            if let Some(old) = self.search_job.take() {
                old.cancel();
            }
            self.search_job = Some(start_search(cx.project(), &self.index, q, ui.ctx()));
        }
        self.poll_search(ui);
        if let Some(e) = &self.search_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        self.results_ui(cx, ui);
    }

    /// The query and its options; true when the search should run.
    fn query_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            let label = ui.label(t!("corpus-search-project"));
            let field = egui::TextEdit::singleline(&mut self.query).desired_width(240.0);
            let r = ui.add(field.hint_text(t!("corpus-word-phrase-regex"))).labelled_by(label.id);
            let mut run = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            run |= ui.checkbox(&mut self.regex, "regex").changed(); // i18n-ok: the same word in French
            run |= ui.checkbox(&mut self.case_sensitive, t!("corpus-match-case")).changed();
            run |= ui.checkbox(&mut self.whole_words, t!("corpus-whole-words")).changed();
            run | ui.button(t!("corpus-search")).clicked()
        })
        .inner
    }

    /// Label, actor and annotator filters; true when one changed.
    fn filters_ui(&mut self, p: &crate::model::Project, annotators: &[String], ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            let before = (self.label_filter, self.entity_filter, self.annotator_filter.clone());
            let inside = self.label_filter.map_or("any".to_string(), |l| p.schema.label_name(l).to_string());
            super::combo(ui, &t!("corpus-inside-label"), inside, |ui| {
                ui.selectable_value(&mut self.label_filter, None, t!("corpus-any"));
                for l in &p.schema.labels {
                    ui.selectable_value(&mut self.label_filter, Some(l.id), &l.name);
                }
            });
            let actor = self.entity_filter.and_then(|e| p.entity(e)).map_or(t!("corpus-any-actor"), |e| e.name.clone());
            super::combo(ui, &t!("corpus-linked"), actor, |ui| {
                ui.selectable_value(&mut self.entity_filter, None, t!("corpus-any-actor"));
                for e in &p.entities {
                    ui.selectable_value(&mut self.entity_filter, Some(e.id), &e.name);
                }
            });
            let by = self.annotator_filter.clone().unwrap_or_else(|| t!("corpus-anyone"));
            super::combo(ui, &t!("corpus-by"), by, |ui| {
                ui.selectable_value(&mut self.annotator_filter, None, t!("corpus-anyone"));
                for a in annotators {
                    ui.selectable_value(&mut self.annotator_filter, Some(a.clone()), a);
                }
            });
            before != (self.label_filter, self.entity_filter, self.annotator_filter.clone())
        })
        .inner
    }

    /// Takes in the search when it is done; shows its progress until then.
    fn poll_search(&mut self, ui: &mut egui::Ui) {
        let Some(job) = &self.search_job else { return };
        match job.poll() {
            Poll::Done(result) => {
                self.search_job = None;
                self.take_result(result);
            }
            Poll::Running => {
                ui.horizontal(|ui| {
                    super::menu::progress_row(
                        ui,
                        &job.progress,
                        job.total,
                        &t!("corpus-searching"),
                        &t!("corpus-stop-search"),
                    )
                });
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            }
            Poll::Lost => {
                self.search_job = None;
                self.search_error = Some(t!("corpus-search-stopped-unexpectedly"));
            }
        }
    }

    /// The hits in context: jump to one, or label it.
    fn results_ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let p = cx.doc.project();
        ui.horizontal(|ui| {
            ui.label(t!("corpus-hit-s", n = self.hits.len()));
            let as_label = self.hit_label.map_or(t!("corpus-choose"), |l| p.schema.label_name(l).to_string());
            super::combo(ui, &t!("corpus-label-hits-as"), as_label, |ui| {
                for l in &p.schema.labels {
                    ui.selectable_value(&mut self.hit_label, Some(l.id), &l.name);
                }
            });
        });
        let mut jump: Option<&Hit> = None;
        let mut label: Option<&Hit> = None;
        // Only the rows on screen are drawn: 2 000 hits cost what 20 do.
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().max_height(380.0).show_rows(ui, row_height, self.hits.len(), |ui, rows| {
            for (i, h) in self.hits.iter().enumerate().skip(rows.start).take(rows.len()) {
                let title = p.article(h.article).map_or(String::new(), |a| short(&a.title));
                ui.horizontal(|ui| {
                    ui.add_sized([140.0, row_height], egui::Label::new(egui::RichText::new(title).weak()).truncate());
                    ui.add_space(10.0);
                    // Keyword in context: every hit starts at the same x, its left context
                    // right-aligned before it, no space added inside the words.
                    ui.spacing_mut().item_spacing.x = 0.0;
                    let left = left_context(ui, &h.left, KWIC_LEFT);
                    ui.allocate_ui_with_layout(
                        egui::vec2(KWIC_LEFT, row_height),
                        egui::Layout::right_to_left(egui::Align::Center),
                        |ui| ui.label(left),
                    );
                    if ui
                        .link(egui::RichText::new(&h.matched).strong())
                        .on_hover_text(t!("corpus-jump-there"))
                        .clicked()
                    {
                        jump = Some(h);
                    }
                    ui.add(egui::Label::new(format!("{}…", h.right)).truncate());
                    ui.spacing_mut().item_spacing.x = 8.0;
                    if self.hit_label.is_some() && ui.small_button(t!("corpus-label-hit", i = i + 1)).clicked() {
                        label = Some(h);
                    }
                });
            }
        });
        if let Some(h) = jump {
            cx.act(Action::SelectArticle(h.article));
            cx.act(Action::SelectRange { start: h.start, end: h.end });
        }
        if let (Some(h), Some(l)) = (label, self.hit_label) {
            let span = Span {
                id: SpanId::NEW,
                fragments: vec![Fragment::new(h.start, h.end)],
                label: l,
                annotator: cx.settings.annotator.clone(),
                ..Default::default()
            };
            cx.push(Command::AddSpan { article: h.article, span, relations: vec![] });
        }
    }
}

fn network_ui(cx: &mut ViewCx<'_>, st: &mut CorpusState, ui: &mut egui::Ui) {
    let (rev, doc) = (cx.revision(), cx.doc);
    let p = doc.project();
    let threaded = cx.threaded();
    let network = |p: &crate::model::Project, _: &()| corpus::network(p, &corpus::network_types(p));
    let shown = st.network.get(rev, (), p, threaded, repaint(ui.ctx()), network);
    let Some(edges) = shown_ui(ui, shown) else { return };
    st.lay_out(&edges);
    ui.label(t!("corpus-actors-linked-alliance-green-opposes"));
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 360.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    st.edges_ui(ui, p, &edges, rect, &painter);
    st.nodes_ui(ui, p, rect, &painter);
    if let Some(e) = st.selected_edge.and_then(|k| edges.get(k))
        && let Some(s) = edge_passages_ui(ui, p, e)
    {
        cx.act(Action::JumpToSpan(s));
    }
}

/// Where a point of the unit square is in `rect`.
fn to_screen(rect: egui::Rect, q: Pos2) -> Pos2 {
    rect.min + vec2(q.x * rect.width(), q.y * rect.height())
}

impl CorpusState {
    /// Places the actors of the network when they change (not on every edit: the layout is the
    /// costly part), keeping where the user dragged the ones still there.
    fn lay_out(&mut self, edges: &[Edge]) {
        let mut nodes: Vec<&Node> = edges.iter().flat_map(|e| [&e.a, &e.b]).collect();
        nodes.sort();
        nodes.dedup();
        if self.layout.iter().map(|(n, _)| n).eq(nodes.iter().copied()) {
            return;
        }
        let index: std::collections::HashMap<&Node, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let weighted: Vec<(usize, usize, f32)> =
            edges.iter().map(|e| (index[&e.a], index[&e.b], e.articles.len() as f32)).collect();
        let keep: std::collections::HashMap<&Node, Pos2> = self.layout.iter().map(|(n, q)| (n, *q)).collect();
        let fresh = corpus::force_layout(nodes.len(), &weighted, 300);
        let layout = nodes
            .iter()
            .zip(fresh)
            .map(|(&n, (x, y))| (n.clone(), keep.get(n).copied().unwrap_or(egui::pos2(x, y))))
            .collect();
        self.layout = layout;
    }

    /// The edges, with click detection by distance to the segment.
    fn edges_ui(
        &mut self,
        ui: &egui::Ui,
        p: &crate::model::Project,
        edges: &[Edge],
        rect: egui::Rect,
        painter: &egui::Painter,
    ) {
        // Thousands of edges between a few hundred actors: look each end up in a map, not a list.
        let at: std::collections::HashMap<&Node, Pos2> =
            self.layout.iter().map(|(n, q)| (n, to_screen(rect, *q))).collect();
        let pos_of = |n: &Node| at.get(n).copied();
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let clicked = ui.input(|i| i.pointer.primary_clicked());
        let mut chosen = None;
        for (k, e) in edges.iter().enumerate() {
            let (Some(a), Some(b)) = (pos_of(&e.a), pos_of(&e.b)) else { continue };
            let color = p.schema.relation_type(e.kind).map_or(Color32::GRAY, |t| color32(t.color));
            let w = 1.5 + 1.5 * e.articles.len() as f32;
            let selected = self.selected_edge == Some(k);
            painter.line_segment([a, b], Stroke::new(if selected { w + 2.0 } else { w }, color));
            if clicked
                && let Some(q) = pointer
                && rect.contains(q)
            {
                let ab = b - a;
                let t = ((q - a).dot(ab) / ab.length_sq().max(1.0)).clamp(0.0, 1.0);
                if (a + ab * t).distance(q) < 6.0 {
                    chosen = Some(k);
                }
            }
        }
        if chosen.is_some() {
            self.selected_edge = chosen;
        }
    }

    /// The actors: draggable circles with names.
    fn nodes_ui(&mut self, ui: &egui::Ui, p: &crate::model::Project, rect: egui::Rect, painter: &egui::Painter) {
        for (node, q) in self.layout.iter_mut() {
            let c = to_screen(rect, *q);
            let name = node.name(p);
            let r = ui.interact(
                egui::Rect::from_center_size(c, vec2(18.0, 18.0)),
                ui.scope_id().with(("node", &*node)),
                Sense::drag(),
            );
            let linked = matches!(node, Node::Actor(_));
            let r = r.on_hover_text(if linked { name.to_string() } else { t!("corpus-not-linked-actor", name = name) });
            let what = if linked { t!("corpus-actor-node") } else { t!("corpus-mention-node") };
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{what} {name}")));
            if r.dragged() {
                let d = r.drag_delta();
                *q = egui::pos2(
                    (q.x + d.x / rect.width()).clamp(0.02, 0.98),
                    (q.y + d.y / rect.height()).clamp(0.02, 0.98),
                );
            }
            if linked {
                painter.circle_filled(c, 8.0, ui.visuals().strong_text_color());
            } else {
                painter.circle_stroke(c, 7.0, Stroke::new(2.0, ui.visuals().strong_text_color()));
            }
            let font = egui::FontId::proportional(12.0);
            painter.text(c + vec2(10.0, -10.0), egui::Align2::LEFT_BOTTOM, name, font, ui.visuals().text_color());
        }
    }
}

/// The passages behind an edge; returns the span clicked, if any.
fn edge_passages_ui(ui: &mut egui::Ui, p: &crate::model::Project, e: &Edge) -> Option<SpanId> {
    ui.strong(t!(
        "corpus-article-s",
        from = e.a.name(p),
        to = e.b.name(p),
        kind = p.schema.relation_type_name(e.kind),
        articles_len = e.articles.len()
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
    jump
}

/// Width of the left context in the keyword-in-context list.
const KWIC_LEFT: f32 = 300.0;

/// The end of `left` that fits in `width`, after an ellipsis.
fn left_context(ui: &egui::Ui, left: &str, width: f32) -> String {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let fits = |s: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(s.to_string(), font.clone(), egui::Color32::WHITE).size().x) <= width
    };
    let mut start = 0;
    loop {
        let shown = format!("…{}", &left[start..]);
        if start >= left.len() || fits(&shown) {
            return shown;
        }
        start += left[start..].chars().next().map_or(1, char::len_utf8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_count_full_width_characters_double() {
        assert_eq!(short("中法发表关于人工智能和全球治理的联合声明"), "中法发表关于人工智…");
        assert_eq!(short("Putin vows to break the Western monopoly"), "Putin vows to brea…");
        assert_eq!(short("Short"), "Short");
    }

    #[test]
    fn the_label_chart_has_a_bar_per_article_or_per_month_for_many() {
        let few = crate::synth::project(3, 5, 400, 10, 0);
        let chart = label_chart(&few, &());
        assert!(!chart.by_month);
        assert_eq!(chart.bars.len(), 5);
        let many = crate::synth::project(3, 200, 400, 10, 0);
        let chart = label_chart(&many, &());
        assert!(chart.by_month);
        assert!(chart.bars.len() <= 12, "the synthetic articles fall in the months of 2024");
        assert!(chart.bars.iter().all(|(m, _)| m.starts_with("2024-")));
        let total: usize = chart.bars.iter().flat_map(|(_, c)| c).sum();
        assert_eq!(total, 200 * 10, "every span counted once");
    }
}
