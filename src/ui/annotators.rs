//! View → Compare annotators: agreement figures for two annotators, and the diff of the
//! current article (agreements, differences, misses) with adjudication into a gold annotator:
//! accept A's or B's span (it is copied as the gold annotator's, with label, actor, note and
//! attributes), then edit it in the reader like any span. Also File → Merge project files.

use super::app::{Action, WindowView};
use super::view::{Then, ViewCx};
use crate::analysis::agreement::{self, DiffKind, DiffRow};
use crate::edit::Command;
use crate::model::{Article, Span, SpanId};

pub struct AnnotatorsWindow {
    a: String,
    b: String,
    gold: String,
    /// The agreement of A and B, computed once per revision and pair (66 ms at 10 000 spans:
    /// it was computed every frame).
    agreement: super::derived::Background<(String, String), agreement::Agreement>,
}

impl Default for AnnotatorsWindow {
    fn default() -> Self {
        AnnotatorsWindow { a: String::new(), b: String::new(), gold: "gold".into(), agreement: Default::default() }
    }
}

/// The width of the diff's first column (agree, differ, only A, only B).
const KIND_W: f32 = 60.0;

/// One cell of the diff: a fixed width, so the rows line up.
fn cell(ui: &mut egui::Ui, width: f32, height: f32, add: impl FnOnce(&mut egui::Ui)) {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(width, height), layout, |ui| {
        ui.set_min_width(width);
        add(ui);
    });
}

/// What the user pressed in the diff.
#[derive(Default)]
struct Pressed {
    accept: Option<SpanId>,
    jump: Option<SpanId>,
    accept_agreements: bool,
    /// An article both coded, to open.
    open: Option<crate::model::ArticleId>,
}

impl WindowView for AnnotatorsWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let p = cx.doc.project();
        let counts = cx.counts();
        let threaded = cx.threaded();
        if self.a.is_empty() || self.b.is_empty() {
            let busy = agreement::busiest_annotators(p);
            self.a = busy.first().cloned().unwrap_or_default();
            self.b = busy.get(1).cloned().unwrap_or_default();
        }
        let mut open = true;
        let mut pressed = Pressed::default();
        super::placed(egui::Window::new(t!("annotators-compare-annotators")), ctx)
            .open(&mut open)
            .default_size([640.0, 520.0])
            .show(ctx, |ui| {
                self.pair_ui(&counts.annotators, ui);
                if self.a.is_empty() || self.b.is_empty() {
                    ui.label(t!("annotators-project-has-fewer-than-two"));
                    return;
                }
                let pair = (self.a.clone(), self.b.clone());
                let repaint = super::derived::repaint(ui.ctx());
                let shown = self
                    .agreement
                    .get(cx.revision(), pair, p, threaded, repaint, |p, (a, b)| agreement::agreement(p, a, b));
                let g = super::derived::shown_ui(ui, shown);
                if let Some(g) = &g {
                    agreement_grid_ui(ui, g);
                }
                ui.separator();
                if let Some(article) = cx.article() {
                    let both = g.as_ref().map_or(&[][..], |g| &g.both_coded[..]);
                    pressed = self.diff_ui(p, article, both, ui);
                }
            });
        self.adjudicate(cx, &pressed);
        open
    }
}

impl AnnotatorsWindow {
    /// Waits for the agreement being computed, if any.
    pub fn wait(&mut self) {
        self.agreement.wait();
    }

    /// The two annotators compared, and the gold annotator adjudication writes as.
    fn pair_ui(&mut self, names: &[String], ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (title, who) in [(t!("annotators-annotator"), &mut self.a), (t!("annotators-annotator-b"), &mut self.b)]
            {
                super::combo(ui, &title, who.clone(), |ui| {
                    for n in names {
                        ui.selectable_value(who, n.clone(), n);
                    }
                });
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(t!("annotators-gold-annotator"));
            ui.add(egui::TextEdit::singleline(&mut self.gold).desired_width(100.0)).labelled_by(label.id);
        });
    }

    /// Whether the gold annotator already has this span (same fragments and label).
    fn gold_has(&self, article: &Article, s: &Span) -> bool {
        let gold = self.gold.trim();
        article.spans.iter().any(|g| g.annotator == gold && g.fragments == s.fragments && g.label == s.label)
    }

    /// The current article's rows: agreements, differences, misses; each span can be
    /// accepted into gold.
    /// `both`: the articles both annotators coded (from the agreement figures).
    fn diff_ui(
        &self,
        p: &crate::model::Project,
        article: &Article,
        both: &[crate::model::ArticleId],
        ui: &mut egui::Ui,
    ) -> Pressed {
        let mut pressed = Pressed::default();
        let coded = |who: &str| agreement::coded_by(article, who);
        if !(coded(&self.a) && coded(&self.b)) {
            // Say so, and offer the articles both coded, rather than a list of "only A" rows.
            let missing = if coded(&self.a) { &self.b } else { &self.a };
            ui.label(t!("annotators-has-not-coded-article-articles", missing = missing));
            ui.horizontal_wrapped(|ui| {
                // A dozen at most: a newspaper's year would be a wall of links.
                const SHOWN: usize = 12;
                for a in both.iter().take(SHOWN).filter_map(|&id| p.article(id)) {
                    if ui.link(crate::text::ellipsize(&a.title, 50)).clicked() {
                        pressed.open = Some(a.id);
                    }
                }
                if both.len() > SHOWN {
                    ui.weak(t!("annotators-more", n = both.len() - SHOWN));
                }
            });
            ui.separator();
        }
        let rows = agreement::diff(article, &self.a, &self.b);
        ui.horizontal(|ui| {
            ui.strong(t!("annotators-article-row-s", rows_len = rows.len()));
            pressed.accept_agreements = ui.button(t!("annotators-accept-all-agreements")).clicked();
        });
        // Only the rows on screen are laid out: an article of a thousand spans costs a screenful.
        let row_h = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        let col = ((ui.available_width() - KIND_W) / 2.0).max(140.0);
        ui.horizontal(|ui| {
            cell(ui, KIND_W, row_h, |_| {});
            cell(ui, col, row_h, |ui| {
                ui.strong(&self.a);
            });
            cell(ui, col, row_h, |ui| {
                ui.strong(&self.b);
            });
        });
        egui::ScrollArea::vertical().max_height(300.0).show_rows(ui, row_h, rows.len(), |ui, range| {
            for i in range {
                ui.horizontal(|ui| self.diff_row_ui(p, article, ui, (i, &rows[i]), (col, row_h), &mut pressed));
            }
        });
        pressed
    }

    fn diff_row_ui(
        &self,
        p: &crate::model::Project,
        article: &Article,
        ui: &mut egui::Ui,
        (i, r): (usize, &DiffRow),
        (col, row_h): (f32, f32),
        pressed: &mut Pressed,
    ) {
        let kind = match r.kind {
            DiffKind::Agree => t!("annotators-agree"),
            DiffKind::Differ => t!("annotators-differ"),
            DiffKind::OnlyA => t!("annotators-only"),
            DiffKind::OnlyB => t!("annotators-only-b"),
        };
        cell(ui, KIND_W, row_h, |ui| {
            ui.label(kind);
        });
        for (side, id) in [("A", r.a), ("B", r.b)] {
            let Some(s) = id.and_then(|id| article.span(id)) else {
                cell(ui, col, row_h, |ui| {
                    ui.weak("—");
                });
                continue;
            };
            cell(ui, col, row_h, |ui| {
                let text = format!("{}: {}", p.schema.label_name(s.label), crate::text::ellipsize(&s.quote, 36));
                if ui.link(text).clicked() {
                    pressed.jump = Some(s.id);
                }
                if self.gold_has(article, s) {
                    ui.weak(t!("annotators-gold"));
                } else if ui.small_button(t!("annotators-accept", side = side, i = i + 1)).clicked() {
                    pressed.accept = Some(s.id);
                }
            });
        }
    }

    /// Copies accepted spans as the gold annotator's (label, actor, note, attributes).
    fn adjudicate(&self, cx: &mut ViewCx<'_>, pressed: &Pressed) {
        if let Some(a) = pressed.open {
            cx.act(super::app::Action::SelectArticle(a));
        }
        let Some(article) = cx.article() else { return };
        let aid = article.id;
        let gold = self.gold.trim().to_string();
        let copy = |id: SpanId| -> Option<Command> {
            let s = article.span(id)?.clone();
            let span = Span { id: SpanId::NEW, annotator: gold.clone(), quote: String::new(), ..s };
            Some(Command::AddSpan { article: aid, span, relations: vec![] })
        };
        // Ready to edit in the reader and the inspector.
        let accepted = pressed.accept.and_then(copy);
        let agreed: Vec<Command> = if pressed.accept_agreements {
            let rows = agreement::diff(article, &self.a, &self.b);
            let agreements = rows.iter().filter(|r| r.kind == DiffKind::Agree).filter_map(|r| r.a);
            agreements
                .filter(|id| article.span(*id).is_some_and(|s| !self.gold_has(article, s)))
                .filter_map(copy)
                .collect()
        } else {
            Vec::new()
        };
        if let Some(cmd) = accepted {
            cx.create(cmd, Then::JumpToSpan);
        }
        if !agreed.is_empty() {
            cx.push(Command::Batch { label: t!("annotators-accept-agreements"), commands: agreed });
        }
        if let Some(id) = pressed.jump {
            cx.act(Action::JumpToSpan(id));
        }
    }
}

/// The agreement figures as a table: a row per label and one for all labels.
fn agreement_grid_ui(ui: &mut egui::Ui, g: &agreement::Agreement) {
    ui.label(t!(
        "annotators-vs-both-coded-tokens",
        a = g.annotator_a,
        b = g.annotator_b,
        articles = t!("count-articles", n = g.articles),
        tokens = g.tokens
    ));
    let fig = |v: Option<f64>| v.map_or("–".to_string(), |x| super::i18n::number(x, 3));
    egui::Grid::new("agreement-grid").striped(true).spacing([18.0, 4.0]).show(ui, |ui| {
        for head in [
            &t!("annotators-label"),
            &t!("annotators-spans"),
            &t!("annotators-spans-b"),
            &t!("annotators-f1-exact"),
            &t!("annotators-f1-overlap"),
            "κ",
            "α",
            &t!("annotators-u"),
        ] {
            ui.strong(head);
        }
        ui.end_row();
        let u = &g.unitizing_alpha;
        let all_labels = t!("annotators-all-labels");
        let rows = g.per_label.iter().map(|(n, s)| (n.as_str(), s, u.per_label.get(n).copied().flatten())).chain([(
            all_labels.as_str(),
            &g.overall,
            u.overall,
        )]);
        for (name, s, ua) in rows {
            ui.label(name);
            for v in [s.spans_a.to_string(), s.spans_b.to_string()] {
                ui.label(v);
            }
            for v in [Some(s.f1_exact), Some(s.f1_overlap), s.kappa, s.alpha, ua] {
                ui.label(fig(v));
            }
            ui.end_row();
        }
    });
}
