//! Two articles side by side (View → Compare two articles). Both panes are the reader, with
//! every gesture: the pane you touch becomes the active one (its state swaps with the app's
//! current article), so labels keys, the inspector and undo act on it. A shared label filter,
//! actor hover highlighting across panes, optional synchronised scrolling, the passages the
//! two share (aligned on click), and what each has that the other lacks.

use super::app::Action;
use super::central::reader_events;
use super::reader::{Reader, ReaderEvent, ReaderState};
use super::view::ViewCx;
use crate::analysis::compare::{Comparison, compare};
use crate::model::{ArticleId, Project};

/// The pane that is not active, and the compare view's own settings.
pub struct ComparePane {
    article: ArticleId,
    rs: ReaderState,
    reader: Reader,
    /// The active pane is shown on the left.
    active_left: bool,
    sync_scroll: bool,
    /// The comparison, with the articles and revision it was made for.
    cache: Option<((u64, u64, u64), std::sync::Arc<Comparison>)>,
    last_fraction: f32,
    /// The active pane's article last frame.
    last_current: Option<ArticleId>,
}

impl ComparePane {
    pub fn new(article: ArticleId) -> Self {
        ComparePane {
            article,
            rs: ReaderState::default(),
            reader: Reader::default(),
            active_left: true,
            sync_scroll: false,
            cache: None,
            last_fraction: 0.0,
            last_current: None,
        }
    }

    /// The article in the pane that is not active.
    pub fn article(&self) -> ArticleId {
        self.article
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// The article that shares the most text with `current` (in projects of up to 300
    /// articles), else the next one.
    pub fn best_match(p: &Project, current: ArticleId) -> Option<ArticleId> {
        let cur_text = p.article(current).map(|a| a.text.as_str()).unwrap_or("");
        let shared = |a: &crate::model::Article| {
            crate::analysis::shared::shared_passages(cur_text, &a.text).iter().map(|s| s.words.0).sum::<usize>()
        };
        let best = (p.articles.len() <= 300)
            .then(|| {
                let others = p.articles.iter().filter(|a| a.id != current);
                others.map(|a| (shared(a), a.id)).filter(|(w, _)| *w > 0).max_by_key(|(w, _)| *w).map(|(_, id)| id)
            })
            .flatten();
        best.or_else(|| p.articles.iter().map(|a| a.id).find(|&a| a != current))
    }

    /// The central area in compare mode; `reader` is the active pane's. Returns false when
    /// the view closes.
    pub fn ui(&mut self, reader: &mut Reader, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) -> bool {
        let (Some(cur), true) = (cx.nav.current, cx.project().article(self.article).is_some()) else {
            return false;
        };
        if cur == self.article {
            // The other pane's article was chosen in the list: the panes change places rather
            // than show one article twice.
            let before = self.last_current.filter(|&a| a != cur && cx.project().article(a).is_some());
            match before.or_else(|| Self::best_match(cx.project(), cur)).filter(|&a| a != cur) {
                Some(other) => {
                    self.article = other;
                    self.rs.reset();
                    self.cache = None;
                }
                None => return false,
            }
        }
        self.last_current = Some(cur);
        let close = self.toolbar_ui(cx, ui);
        let comparison = self.comparison(cx, cur);
        summary_ui(cx, ui, &comparison, cur, self);
        // Shared label filter and passages for both panes.
        self.rs.hidden_labels = cx.nav.rs.hidden_labels.clone();
        self.rs.only_annotator = cx.nav.rs.only_annotator.clone();
        cx.nav.rs.passages = comparison.shared.iter().map(|s| s.a).collect();
        self.rs.passages = comparison.shared.iter().map(|s| s.b).collect();
        let swap = self.panes_ui(reader, cx, ui, cur);
        if self.sync_scroll {
            let (fa, fb) = (reader.fraction, self.reader.fraction);
            if (fa - self.last_fraction).abs() > 1e-3 {
                self.rs.scroll_fraction = Some(fa);
                self.last_fraction = fa;
            } else if (fb - self.last_fraction).abs() > 1e-3 {
                cx.nav.rs.scroll_fraction = Some(fb);
                self.last_fraction = fb;
            }
        }
        if swap {
            // The touched pane becomes the active one: its state and the app's change places.
            let other = std::mem::replace(&mut self.article, cur);
            std::mem::swap(&mut self.rs, &mut cx.nav.rs);
            std::mem::swap(&mut self.reader, reader);
            self.active_left = !self.active_left;
            cx.nav.current = Some(other);
            self.cache = None;
        }
        if close {
            cx.nav.rs.passages.clear();
        }
        !close
    }

    /// The other article, synchronised scrolling, Close. True when closed.
    fn toolbar_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui) -> bool {
        ui.horizontal_wrapped(|ui| {
            ui.strong(t!("compare-compare"));
            let p = cx.project();
            let title = |id| p.article(id).map_or(String::new(), |a| crate::text::ellipsize(&a.title, 40));
            let mut other = self.article;
            // The titles of every article only while the list is open.
            let cur = cx.nav.current;
            super::combo(ui, &t!("compare-with"), title(other), |ui| {
                for a in p.articles.iter().filter(|a| Some(a.id) != cur) {
                    ui.selectable_value(&mut other, a.id, crate::text::ellipsize(&a.title, 40));
                }
            });
            if other != self.article {
                self.article = other;
                self.rs.reset();
                self.cache = None;
            }
            ui.checkbox(&mut self.sync_scroll, t!("compare-synchronised-scrolling"));
            ui.button(t!("compare-close-compare")).clicked()
        })
        .inner
    }

    /// The comparison, computed again when either article or the project changes.
    fn comparison(&mut self, cx: &ViewCx<'_>, cur: ArticleId) -> std::sync::Arc<Comparison> {
        let key = (cur.0, self.article.0, cx.revision());
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key)
            && let (Some(a), Some(b)) = (cx.project().article(cur), cx.project().article(self.article))
        {
            self.cache = Some((key, std::sync::Arc::new(compare(cx.project(), a, b))));
        }
        self.cache.as_ref().map(|(_, c)| c.clone()).unwrap_or_default()
    }

    /// Both readers. Hovering an actor's mention lights up its mentions in both panes.
    /// Returns true when the other pane was touched (it becomes the active one).
    fn panes_ui(&mut self, reader: &mut Reader, cx: &mut ViewCx<'_>, ui: &mut egui::Ui, cur: ArticleId) -> bool {
        let font = egui::FontId::proportional(cx.settings.font_size);
        let (exact, rev, doc) = (cx.settings.exact_selection, cx.revisions(), cx.doc);
        let (mut swap, mut hovered) = (false, None);
        ui.columns(2, |cols| {
            let (active_col, other_col) = if self.active_left { (0, 1) } else { (1, 0) };
            if let Some(article) = doc.project().article(cur) {
                let ui = &mut cols[active_col];
                pane_title(ui, &article.title);
                let mut events = reader.ui(ui, doc.project(), article, rev, &mut cx.nav.rs, &font, exact);
                events.retain(|e| match e {
                    ReaderEvent::HoveredEntity(h) => {
                        hovered = Some(*h);
                        false
                    }
                    _ => true,
                });
                reader_events(cx, events);
            }
            if let Some(article) = doc.project().article(self.article) {
                let ui = &mut cols[other_col];
                pane_title(ui, &article.title);
                for e in self.reader.ui(ui, doc.project(), article, rev, &mut self.rs, &font, exact) {
                    match e {
                        ReaderEvent::Interacted | ReaderEvent::SelectionMade => swap = true,
                        ReaderEvent::HoveredEntity(h) => hovered = Some(h),
                        _ => {}
                    }
                }
            }
        });
        if let Some(h) = hovered {
            cx.nav.rs.highlight_entity = h;
            self.rs.highlight_entity = h;
        }
        swap
    }
}

fn summary_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, c: &Comparison, cur: ArticleId, pane: &mut ComparePane) {
    let doc = cx.doc;
    let p = doc.project();
    let names = |ids: &[crate::model::EntityId]| {
        ids.iter().filter_map(|e| p.entity(*e)).map(|e| e.name.clone()).collect::<Vec<_>>().join(", ")
    };
    let link = |l: &crate::analysis::compare::ActorLink| {
        let n = |e| p.entity(e).map_or("?".to_string(), |x| x.name.clone());
        format!("{} {} {}", n(l.0), p.schema.relation_type_name(l.2), n(l.1))
    };
    let (left_only, right_only) = if pane.active_left {
        (
            (&c.actors_only_a, &c.links_only_a, c.claims_only_a.len()),
            (&c.actors_only_b, &c.links_only_b, c.claims_only_b.len()),
        )
    } else {
        (
            (&c.actors_only_b, &c.links_only_b, c.claims_only_b.len()),
            (&c.actors_only_a, &c.links_only_a, c.claims_only_a.len()),
        )
    };
    let mut jump: Option<(usize, usize)> = None;
    egui::CollapsingHeader::new(t!("compare-what-each-has-other-lacks", n = c.shared.len()))
        .id_salt("compare-summary")
        .default_open(true)
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                for (col, (actors, links, claims)) in [(0, left_only), (1, right_only)] {
                    // Left-aligned, not justified, with a gutter between the two columns.
                    let ui = &mut cols[col];
                    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                        ui.set_max_width(ui.available_width() - 16.0);
                        let none = || t!("compare-none");
                        let actors = if actors.is_empty() { none() } else { names(actors) };
                        ui.label(t!("compare-actors-only-here", actors = actors));
                        let ls: Vec<String> = links.iter().map(link).collect();
                        let ls = if ls.is_empty() { none() } else { ls.join("; ") };
                        ui.label(t!("compare-links-only-here", ls = ls));
                        ui.label(t!("compare-claims-outside-shared-passages", claims = claims));
                    });
                }
            });
            for (i, s) in c.shared.iter().enumerate() {
                ui.horizontal(|ui| {
                    let a = p
                        .article(cur)
                        .and_then(|a| a.text.chars().skip(s.a.0).take(s.a.1 - s.a.0).collect::<String>().into());
                    let text: String = a.unwrap_or_default();
                    if ui
                        .link(t!(
                            "compare-passage-similar",
                            n = i + 1,
                            similar = super::i18n::percent(s.similarity),
                            words = s.words.0
                        ))
                        .on_hover_text(crate::text::ellipsize(&text, 200))
                        .clicked()
                    {
                        jump = Some((s.a.0, s.b.0));
                    }
                });
            }
        });
    if let Some((a, b)) = jump {
        // Active pane holds article A of the comparison.
        cx.nav.rs.scroll_to = Some(a);
        pane.rs.scroll_to = Some(b);
        cx.act(Action::SelectRange { start: a, end: a });
    }
}

/// A pane's title on one line, cut to the pane's width (the whole title on hover).
fn pane_title(ui: &mut egui::Ui, title: &str) {
    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
        ui.set_max_width(ui.available_width() - 16.0);
        ui.add(egui::Label::new(egui::RichText::new(title).strong()).truncate()).on_hover_text(title);
    });
}
