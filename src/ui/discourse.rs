//! Corpus overview → Discourse network: the networks of the Discourse Network Analyzer (DNA)
//! computed from the project's statements (`analysis::discourse`), with its settings; the
//! network drawn with its communities coloured and edges as thick as their weight, a slider
//! over the time windows, the matrix as a table; click a node or an edge for the statements
//! behind it and jump to them. Computed once per revision and settings, in a thread for big
//! projects; the layout once per result.

use super::app::Action;
use super::derived::{Background, repaint, shown_ui};
use super::view::ViewCx;
use crate::analysis::discourse::{
    self, Aggregation, Duplicates, Matrix, Network, NetworkOptions, NetworkType, Normalization, Statement, day,
};
use crate::model::Project;
use egui::{Color32, Pos2, Sense, Stroke, pos2, vec2};
use std::collections::HashMap;
use std::sync::Arc;

type Key = (String, NetworkOptions);
/// Where each node is (unit square), by (is a claim node of a two-mode network, name).
type Positions = HashMap<(bool, String), Pos2>;

/// A computed network with the statements it was computed from.
pub struct Computed {
    pub table: Vec<Statement>,
    pub net: Network,
    /// The variables a setting can name: the statements' own, then the articles'.
    pub variables: Vec<String>,
    /// Where each node is drawn.
    layout: Positions,
}

type Outcome = Result<Computed, String>;

fn compute(p: &Project, (label, o): &Key) -> Outcome {
    let table = discourse::statements(p, label)?;
    let net = discourse::network(&table, o).map_err(|e| e.to_string())?;
    let mut variables = discourse::variables(&table);
    variables.extend(["title", "source", "author", "language"].map(String::from));
    let layout = lay_out(&net);
    Ok(Computed { table, net, variables, layout })
}

/// Positions for every node of every window (the same actor stays in place as the time slider
/// moves), laid out with the result, in its thread.
fn lay_out(net: &Network) -> Positions {
    let mut nodes: Vec<(bool, String)> = Vec::new();
    let mut index: HashMap<(bool, String), usize> = HashMap::new();
    let mut weights: HashMap<(usize, usize), f32> = HashMap::new();
    for m in &net.matrices {
        let mut at = |k: (bool, String)| {
            *index.entry(k.clone()).or_insert_with(|| {
                nodes.push(k);
                nodes.len() - 1
            })
        };
        let rows: Vec<usize> = m.rows.iter().map(|r| at((false, r.clone()))).collect();
        let cols: Vec<usize> = m.columns.iter().map(|c| at((!m.one_mode, c.clone()))).collect();
        for (r, &a) in rows.iter().enumerate() {
            for (k, &b) in cols.iter().enumerate() {
                let w = m.get(r, k);
                if w > 0.0 && a != b {
                    *weights.entry((a.min(b), a.max(b))).or_insert(0.0) += w as f32;
                }
            }
        }
    }
    let edges: Vec<(usize, usize, f32)> = weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    let pos = crate::analysis::corpus::force_layout(nodes.len(), &edges, 300);
    nodes.into_iter().zip(pos).map(|(k, (x, y))| (k, pos2(x, y))).collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Shown {
    #[default]
    Graph,
    Matrix,
}

/// Edges drawn at most (the heaviest): a dense network is a grey cloud beyond that, and each
/// costs the frame.
const MAX_EDGES: usize = 3000;
/// Networks with more nodes than this show names on hover only.
const MAX_NAMED: usize = 150;

/// What the graph of one matrix draws, computed once: where each row and column is (unit
/// square), the heaviest edges (row, column, weight) of how many, communities of the rows, the
/// heaviest weight.
struct Drawn {
    rows: Vec<Option<Pos2>>,
    columns: Vec<Option<Pos2>>,
    edges: Vec<(u32, u32, f64)>,
    total: usize,
    groups: Vec<usize>,
    max: f64,
}

/// A node (a row, or a column of a two-mode network) or an edge (row, column), by name.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Selected {
    Node { name: String, column: bool },
    Edge { row: String, column: String },
}

pub struct DiscourseState {
    label: String,
    opts: NetworkOptions,
    from: String,
    to: String,
    /// 0: no time window.
    window_days: u32,
    window_step: u32,
    shown: Shown,
    /// The time window shown.
    window: usize,
    result: Background<Key, Outcome>,
    /// What the graph draws, for (result, window).
    drawn: Option<((usize, usize), Arc<Drawn>)>,
    selected: Option<Selected>,
    /// Whether the settings were taken from the project (the first time the tab is shown).
    suggested: bool,
}

impl Default for DiscourseState {
    fn default() -> Self {
        DiscourseState {
            label: discourse::DEFAULT_LABEL.into(),
            opts: NetworkOptions::default(),
            from: String::new(),
            to: String::new(),
            window_days: 0,
            window_step: 7,
            shown: Shown::Graph,
            window: 0,
            result: Background::default(),
            drawn: None,
            selected: None,
            suggested: false,
        }
    }
}

/// Each choice and its message.
const TYPES: [(NetworkType, &str); 2] = [
    (NetworkType::Twomode, "discourse-two-mode-actors-claims"),
    (NetworkType::Onemode, "discourse-one-mode-actors-actors"),
];
const AGGREGATIONS: [(Aggregation, &str); 5] = [
    (Aggregation::Ignore, "discourse-ignore"),
    (Aggregation::Congruence, "discourse-congruence"),
    (Aggregation::Conflict, "discourse-conflict"),
    (Aggregation::Subtract, "discourse-subtract"),
    (Aggregation::Combine, "discourse-combine"),
];
const NORMALIZATIONS: [(Normalization, &str); 6] = [
    (Normalization::No, "discourse-no"),
    (Normalization::Average, "discourse-average"),
    (Normalization::Jaccard, "discourse-jaccard"),
    (Normalization::Cosine, "discourse-cosine"),
    (Normalization::Activity, "discourse-activity"),
    (Normalization::Prominence, "discourse-prominence"),
];
const DUPLICATES: [(Duplicates, &str); 6] = [
    (Duplicates::Include, "discourse-include"),
    (Duplicates::Document, "discourse-per-article"),
    (Duplicates::Week, "discourse-per-week"),
    (Duplicates::Month, "discourse-per-month"),
    (Duplicates::Year, "discourse-per-year"),
    (Duplicates::Acrossrange, "discourse-across-range"),
];

fn fits(kind: NetworkType, a: Aggregation, n: Normalization) -> (bool, bool) {
    let two = kind == NetworkType::Twomode;
    let a_ok =
        !matches!((two, a), (true, Aggregation::Congruence | Aggregation::Conflict) | (false, Aggregation::Combine));
    let n_ok = match n {
        Normalization::No => true,
        Normalization::Activity | Normalization::Prominence => two,
        _ => !two,
    };
    (a_ok, n_ok)
}

fn name_of<T: PartialEq + Copy>(list: &[(T, &'static str)], v: T) -> String {
    list.iter().find(|(x, _)| *x == v).map_or(String::new(), |(_, n)| super::i18n::message(n, None))
}

impl DiscourseState {
    /// Waits for the network being computed, if any.
    pub fn wait(&mut self) {
        self.result.wait();
    }

    /// The settings; a date that cannot be read is said beside it (and not used).
    fn settings_ui(&mut self, p: &Project, variables: &[String], ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            let label = self.label.clone();
            super::combo(ui, &t!("discourse-statements"), label, |ui| {
                for l in &p.schema.labels {
                    ui.selectable_value(&mut self.label, l.name.clone(), &l.name);
                }
            });
            let o = &mut self.opts;
            super::combo(ui, &t!("discourse-network"), name_of(&TYPES, o.kind), |ui| {
                for (k, n) in TYPES {
                    ui.selectable_value(&mut o.kind, k, super::i18n::message(n, None));
                }
            });
            for (caption, value) in
                [(t!("discourse-variable-1"), &mut o.variable1), (t!("discourse-variable-2"), &mut o.variable2)]
            {
                super::combo(ui, &caption, value.clone(), |ui| {
                    for v in variables {
                        ui.selectable_value(value, v.clone(), v);
                    }
                });
            }
            let q = o.qualifier.clone().unwrap_or_else(|| t!("discourse-none"));
            super::combo(ui, &t!("discourse-qualifier"), q, |ui| {
                ui.selectable_value(&mut o.qualifier, None, t!("discourse-none"));
                for v in variables {
                    ui.selectable_value(&mut o.qualifier, Some(v.clone()), v);
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            let o = &mut self.opts;
            let kind = o.kind;
            super::combo(ui, &t!("discourse-aggregation"), name_of(&AGGREGATIONS, o.aggregation), |ui| {
                for (a, n) in AGGREGATIONS.into_iter().filter(|(a, _)| fits(kind, *a, Normalization::No).0) {
                    ui.selectable_value(&mut o.aggregation, a, super::i18n::message(n, None));
                }
            });
            super::combo(ui, &t!("discourse-normalisation"), name_of(&NORMALIZATIONS, o.normalization), |ui| {
                for (v, n) in NORMALIZATIONS.into_iter().filter(|(v, _)| fits(kind, Aggregation::Ignore, *v).1) {
                    ui.selectable_value(&mut o.normalization, v, super::i18n::message(n, None));
                }
            });
            super::combo(ui, &t!("discourse-duplicates"), name_of(&DUPLICATES, o.duplicates), |ui| {
                for (d, n) in DUPLICATES {
                    ui.selectable_value(&mut o.duplicates, d, super::i18n::message(n, None));
                }
            });
            ui.checkbox(&mut o.isolates, t!("discourse-keep-isolates"));
            let (a_ok, n_ok) = fits(o.kind, o.aggregation, o.normalization);
            if !a_ok {
                o.aggregation = Aggregation::Ignore;
            }
            if !n_ok {
                o.normalization = Normalization::No;
            }
            if o.qualifier.is_none() {
                o.aggregation = Aggregation::Ignore;
            }
        });
        ui.horizontal_wrapped(|ui| {
            for (caption, text, value) in [
                (t!("discourse-from"), &mut self.from, &mut self.opts.from),
                (t!("discourse-to"), &mut self.to, &mut self.opts.to),
            ] {
                super::side::named_field(ui, &caption, text, 90.0).on_hover_text(t!("discourse-yyyy-mm-dd-empty-no"));
                *value = day::parse_day(text);
                if !text.trim().is_empty() && value.is_none() {
                    ui.colored_label(ui.visuals().error_fg_color, t!("discourse-not-date-like-2005-01"));
                }
            }
            let l = ui.label(t!("discourse-time-window-days-0-none"));
            ui.add(egui::DragValue::new(&mut self.window_days).range(0..=3650)).labelled_by(l.id);
            let l = ui.label(t!("discourse-step"));
            ui.add(egui::DragValue::new(&mut self.window_step).range(1..=3650)).labelled_by(l.id);
            self.opts.window = (self.window_days > 0)
                .then_some(discourse::Window { days: self.window_days, step: self.window_step.max(1) });
        });
    }
}

pub fn discourse_ui(cx: &mut ViewCx<'_>, st: &mut DiscourseState, ui: &mut egui::Ui) {
    let (rev, doc) = (cx.revision(), cx.doc);
    let p = doc.project();
    let threaded = cx.threaded();
    if !st.suggested {
        (st.label, st.opts) = discourse::suggested(p);
        st.suggested = true;
    }
    let key = (st.label.clone(), st.opts.clone());
    let shown = st.result.get(rev, key, p, threaded, repaint(ui.ctx()), compute);
    let variables = match shown.value.as_deref() {
        Some(Ok(c)) => c.variables.clone(),
        _ => ["actor", "claim", "stance"].map(String::from).to_vec(),
    };
    st.settings_ui(p, &variables, ui);
    let Some(result) = shown_ui(ui, shown) else { return };
    let c = match result.as_ref() {
        Ok(c) => c,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
    };
    let id = Arc::as_ptr(&result) as usize;
    let n = &c.net;
    ui.weak(t!(
        "discourse-statements-counted-outside-range-with",
        statements = c.table.len(),
        counted = n.kept.len(),
        out_of_range = n.out_of_range,
        empty = n.empty,
        duplicates = n.duplicates
    ));
    if n.matrices.is_empty() {
        ui.label(t!("discourse-no-window-fits-range-statements"));
        return;
    }
    st.window = st.window.min(n.matrices.len() - 1);
    if n.matrices.len() > 1 {
        ui.horizontal(|ui| {
            let l = ui.label(t!("discourse-window"));
            ui.add(egui::Slider::new(&mut st.window, 0..=n.matrices.len() - 1).show_value(false)).labelled_by(l.id);
        });
    }
    let m = &n.matrices[st.window];
    ui.horizontal(|ui| shown_row_ui(cx, &mut st.shown, m, ui));
    match st.shown {
        Shown::Graph => {
            let legend = if m.one_mode {
                t!("discourse-one-colour-per-community-label")
            } else {
                t!("discourse-rows-variable-1-columns-variable")
            };
            ui.weak(legend);
            st.graph_ui(ui, c, id);
        }
        Shown::Matrix => st.matrix_ui(ui, m),
    }
    if let Some(span) = st.statements_ui(ui, p, c) {
        cx.act(Action::JumpToSpan(span));
    }
}

/// Graph or matrix, the window's size and dates, and Save….
fn shown_row_ui(cx: &mut ViewCx<'_>, shown: &mut Shown, m: &Matrix, ui: &mut egui::Ui) {
    ui.selectable_value(shown, Shown::Graph, t!("discourse-graph"));
    ui.selectable_value(shown, Shown::Matrix, t!("discourse-matrix"));
    let date = |d| super::i18n::date(&day::format(d));
    let dates = match (m.start, m.stop) {
        (Some(a), Some(b)) => format!(" · {} – {}", date(a), date(b)),
        _ => String::new(),
    };
    ui.weak(t!(
        "discourse-statements-2",
        rows_len = m.rows.len(),
        columns_len = m.columns.len(),
        statements = m.statements,
        dates = dates
    ));
    if ui.button(t!("discourse-save")).on_hover_text(t!("discourse-graphml-csv-json-file-s")).clicked() {
        let dialog = super::files::FileDialog::save(
            super::files::Purpose::NetworkTo,
            &t!("discourse-save-network"),
            "network.graphml",
            cx.start_dir(),
        );
        cx.show(super::view::Window::Files(Box::new(dialog)));
    }
}

/// The statements (of the window shown) behind the selection.
fn behind<'a>(c: &'a Computed, o: &NetworkOptions, m: &Matrix, sel: &Selected) -> Vec<&'a Statement> {
    let dated = |s: &Statement| match (m.start, m.stop, s.time.map(day::of_time)) {
        (Some(a), Some(b), Some(d)) if o.window.is_some() => (a..=b).contains(&d),
        _ => true,
    };
    let kept = c.net.kept.iter().map(|&i| &c.table[i]).filter(|s| dated(s));
    let (v1, v2) = (o.variable1.as_str(), o.variable2.as_str());
    match sel {
        Selected::Node { name, column: false } => kept.filter(|s| s.get(v1) == name).collect(),
        Selected::Node { name, column: true } => kept.filter(|s| s.get(v2) == name).collect(),
        Selected::Edge { row, column } if o.kind == NetworkType::Twomode => {
            kept.filter(|s| s.get(v1) == row && s.get(v2) == column).collect()
        }
        Selected::Edge { row, column } => {
            // Both actors' statements on the claims they share.
            let all: Vec<&Statement> = kept.filter(|s| s.get(v1) == row || s.get(v1) == column).collect();
            let of = |who: &str| -> Vec<&str> { all.iter().filter(|s| s.get(v1) == who).map(|s| s.get(v2)).collect() };
            let (a, b) = (of(row), of(column));
            all.into_iter().filter(|s| a.contains(&s.get(v2)) && b.contains(&s.get(v2))).collect()
        }
    }
}

impl DiscourseState {
    fn statements_ui(&mut self, ui: &mut egui::Ui, p: &Project, c: &Computed) -> Option<crate::model::SpanId> {
        let sel = self.selected.clone()?;
        let m = c.net.matrices.get(self.window)?;
        let list = behind(c, &self.opts, m, &sel);
        let title = match &sel {
            Selected::Node { name, .. } => name.clone(),
            Selected::Edge { row, column } => format!("{row} — {column}"),
        };
        ui.strong(t!("discourse-statements-3", title = title, n = list.len()));
        let mut jump = None;
        egui::ScrollArea::vertical().id_salt("discourse-statements").max_height(160.0).show(ui, |ui| {
            for s in list.iter().take(500) {
                ui.horizontal(|ui| {
                    ui.weak(if s.date().is_empty() {
                        t!("discourse-no-date")
                    } else {
                        crate::ui::i18n::date(s.date())
                    });
                    let who = [self.opts.variable1.as_str(), self.opts.variable2.as_str()]
                        .map(|v| s.get(v).to_string())
                        .join(" · ");
                    let stance = self.opts.qualifier.as_deref().map_or(String::new(), |q| format!(" ({})", s.get(q)));
                    ui.label(format!("{who}{stance}"));
                    if ui.link(crate::text::ellipsize(&s.text(p), 60)).clicked() {
                        jump = Some(s.span);
                    }
                });
            }
        });
        jump
    }

    /// What the graph of (result, window) draws, made once: node places, communities, the
    /// heaviest edges.
    fn drawn(&mut self, c: &Computed, id: usize) -> Arc<Drawn> {
        let window = self.window;
        if let Some((k, d)) = &self.drawn
            && *k == (id, window)
        {
            return d.clone();
        }
        let layout = &c.layout;
        let m = &c.net.matrices[window];
        let place = |column: bool, name: &String| layout.get(&(column, name.clone())).copied();
        let rows: Vec<Option<Pos2>> = m.rows.iter().map(|r| place(false, r)).collect();
        let columns: Vec<Option<Pos2>> =
            if m.one_mode { rows.clone() } else { m.columns.iter().map(|n| place(true, n)).collect() };
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        for r in 0..m.rows.len() {
            for (k, &w) in m.row(r).iter().enumerate() {
                if w != 0.0 && !(m.one_mode && k <= r) {
                    edges.push((r as u32, k as u32, w));
                }
            }
        }
        let total = edges.len();
        edges.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
        edges.truncate(MAX_EDGES);
        let groups = if m.one_mode { discourse::communities(m) } else { vec![0; m.rows.len()] };
        let max = edges.first().map_or(1.0, |e| e.2.abs()).max(f64::MIN_POSITIVE);
        let d = Arc::new(Drawn { rows, columns, edges, total, groups, max });
        self.drawn = Some(((id, window), d.clone()));
        d
    }

    fn graph_ui(&mut self, ui: &mut egui::Ui, c: &Computed, id: usize) {
        let d = self.drawn(c, id);
        let m = &c.net.matrices[self.window];
        if d.total > d.edges.len() {
            ui.weak(t!("discourse-heaviest-ties-are-drawn-matrix", edges = d.edges.len(), total = d.total));
        }
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 340.0), Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        // Room for the names right of the nodes.
        let area = egui::Rect::from_min_max(rect.min + vec2(16.0, 22.0), rect.max - vec2(170.0, 14.0));
        let at = |q: Option<Pos2>| q.map(|q| area.min + vec2(q.x * area.width(), q.y * area.height()));
        let pointer = ui.input(|i| i.pointer.interact_pos()).filter(|q| rect.contains(*q));
        let clicked = ui.input(|i| i.pointer.primary_clicked());
        let mut chosen = None;
        let selected = match &self.selected {
            Some(Selected::Edge { row, column }) => Some((row.as_str(), column.as_str())),
            _ => None,
        };
        for &(r, k, w) in &d.edges {
            let (r, k) = (r as usize, k as usize);
            let (Some(a), Some(b)) = (at(d.rows[r]), at(d.columns[k])) else { continue };
            let color = if w < 0.0 { Color32::from_rgb(0xd0, 0x40, 0x40) } else { Color32::from_gray(150) };
            let on = selected == Some((m.rows[r].as_str(), m.columns[k].as_str()));
            let width = 0.8 + 5.0 * (w.abs() / d.max) as f32 + if on { 2.0 } else { 0.0 };
            painter.line_segment([a, b], Stroke::new(width, color));
            if clicked && let Some(q) = pointer {
                let ab = b - a;
                let t = ((q - a).dot(ab) / ab.length_sq().max(1.0)).clamp(0.0, 1.0);
                if (a + ab * t).distance(q) < 5.0 {
                    chosen = Some(Selected::Edge { row: m.rows[r].clone(), column: m.columns[k].clone() });
                }
            }
        }
        let font = egui::FontId::proportional(11.0);
        let named = m.rows.len() + if m.one_mode { 0 } else { m.columns.len() } <= MAX_NAMED;
        let columns = if m.one_mode { 0 } else { m.columns.len() };
        let nodes = (0..m.rows.len()).map(|r| (false, r)).chain((0..columns).map(|k| (true, k)));
        for (column, i) in nodes {
            let (place, name) = if column { (d.columns[i], &m.columns[i]) } else { (d.rows[i], &m.rows[i]) };
            let Some(c) = at(place) else { continue };
            let response = ui.interact(
                egui::Rect::from_center_size(c, vec2(16.0, 16.0)),
                ui.scope_id().with(("discourse-node", column, i)),
                Sense::click(),
            );
            let what = if column { t!("discourse-claim-node") } else { t!("discourse-actor-node") };
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{what} {name}")));
            if response.on_hover_text(name).clicked() {
                chosen = Some(Selected::Node { name: name.clone(), column });
            }
            if column {
                painter.rect_filled(
                    egui::Rect::from_center_size(c, vec2(10.0, 10.0)),
                    1.0,
                    ui.visuals().strong_text_color(),
                );
            } else {
                painter.circle_filled(c, 6.0, community_color(d.groups.get(i).copied().unwrap_or(0)));
            }
            if named {
                // On a pale ground, so a name stays readable over the edges it crosses.
                let text = crate::text::ellipsize(name, 24);
                let galley = painter.layout_no_wrap(text, font.clone(), ui.visuals().text_color());
                let at = c + vec2(8.0, -8.0 - galley.size().y);
                let ground = ui.visuals().extreme_bg_color.gamma_multiply(0.85);
                painter.rect_filled(egui::Rect::from_min_size(at, galley.size()).expand(1.0), 2.0, ground);
                painter.galley(at, galley, ui.visuals().text_color());
            }
        }
        if chosen.is_some() {
            self.selected = chosen;
        }
    }

    /// The matrix as a table (the first 200 rows and columns; the saved file has them all).
    fn matrix_ui(&mut self, ui: &mut egui::Ui, m: &Matrix) {
        const MAX: usize = 200;
        egui::ScrollArea::both().id_salt("discourse-matrix").max_height(340.0).show(ui, |ui| {
            egui::Grid::new("discourse-matrix-grid").striped(true).show(ui, |ui| {
                ui.label("");
                for c in m.columns.iter().take(MAX) {
                    ui.strong(crate::text::ellipsize(c, 18)).on_hover_text(c);
                }
                ui.end_row();
                for (r, name) in m.rows.iter().enumerate().take(MAX) {
                    ui.strong(crate::text::ellipsize(name, 28)).on_hover_text(name);
                    for (k, &v) in m.row(r).iter().enumerate().take(MAX) {
                        if v == 0.0 {
                            ui.weak("·");
                        } else {
                            let link = ui.link(m.cell(v));
                            let column = &m.columns[k];
                            let what = t!("discourse-cell", name = name, column = column, value = m.cell(v));
                            link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &what));
                            if link.clicked() {
                                self.selected = Some(Selected::Edge { row: name.clone(), column: column.clone() });
                            }
                        }
                    }
                    ui.end_row();
                }
            });
            if m.rows.len() > MAX || m.columns.len() > MAX {
                ui.weak(t!("discourse-first-rows-columns-save-writes", max = MAX));
            }
        });
    }

    /// Writes the network shown to `path`: GraphML, CSV or JSON by its extension (JSON holds
    /// every window).
    pub fn save(&self, path: &std::path::Path, p: &Project) -> Result<String, String> {
        let Some((_, _, value)) = self.result.latest() else {
            return Err(t!("discourse-no-network-computed-yet"));
        };
        let c = value.as_ref().as_ref().map_err(Clone::clone)?;
        let m = c.net.matrices.get(self.window).ok_or(t!("discourse-no-network-save"))?;
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        let err = |e: std::io::Error| format!("{}: {e}", path.display());
        let file = std::fs::File::create(path).map_err(err)?;
        let w = std::io::BufWriter::new(file);
        let o = &self.opts;
        match ext.as_str() {
            "csv" => m.write_csv(w).map_err(|e| format!("{}: {e}", path.display()))?,
            "json" => {
                let v = if o.window.is_some() {
                    serde_json::Value::Array(c.net.matrices.iter().map(|m| m.to_json(true)).collect())
                } else {
                    m.to_json(false)
                };
                serde_json::to_writer(w, &v).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            _ => {
                let second = if o.kind == NetworkType::Onemode { "" } else { o.variable2.as_str() };
                m.write_graphml(w, (&o.variable1, second), &p.entities).map_err(err)?;
            }
        }
        Ok(t!("discourse-network-saved", path = path.display()))
    }
}

fn community_color(k: usize) -> Color32 {
    super::color32(crate::model::Color::palette(k))
}
