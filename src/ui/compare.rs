//! Two articles side by side (View → Compare two articles). Both panes are the reader, with
//! every gesture: the pane you touch becomes the active one (its state swaps with the app's
//! current article), so labels keys, the inspector and undo act on it. A shared label filter,
//! actor hover highlighting across panes, optional synchronised scrolling, the passages the
//! two share (aligned on click), and what each has that the other lacks.

use super::reader::{Reader, ReaderEvent, ReaderState};
use super::{Action, GloseApp};
use crate::analysis::compare::{Comparison, compare};
use crate::model::ArticleId;

/// The pane that is not active, and the compare view's own settings.
pub struct ComparePane {
    pub article: ArticleId,
    pub rs: ReaderState,
    pub reader: Reader,
    /// The active pane is shown on the left.
    pub active_left: bool,
    pub sync_scroll: bool,
    /// The comparison, with the texts' fingerprints and revision it was made for.
    cache: Option<((u64, u64, u64), Comparison)>,
    last_fraction: f32,
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
        }
    }
}

/// Opens the compare view with the current article and the one that shares the most text
/// with it (in projects of up to 300 articles), else the next one.
pub fn open(app: &mut GloseApp) {
    let current = app.current;
    let p = app.project();
    let cur_text = current.and_then(|c| p.article(c)).map(|a| a.text.as_str()).unwrap_or("");
    let best = (p.articles.len() <= 300)
        .then(|| {
            p.articles
                .iter()
                .filter(|a| Some(a.id) != current)
                .map(|a| {
                    (
                        crate::analysis::shared::shared_passages(cur_text, &a.text)
                            .iter()
                            .map(|s| s.words.0)
                            .sum::<usize>(),
                        a.id,
                    )
                })
                .filter(|(w, _)| *w > 0)
                .max_by_key(|(w, _)| *w)
                .map(|(_, id)| id)
        })
        .flatten();
    let other = best.or_else(|| p.articles.iter().map(|a| a.id).find(|&a| Some(a) != current));
    match (current, other) {
        (Some(_), Some(o)) => app.compare = Some(ComparePane::new(o)),
        _ => app.info("Compare needs two articles"),
    }
}

/// Opens `left` (as the current article) and `right` side by side.
pub fn open_pair(app: &mut GloseApp, left: ArticleId, right: ArticleId) {
    if app.project().article(left).is_none() || app.project().article(right).is_none() || left == right {
        return;
    }
    app.current = Some(left);
    app.rs.reset();
    app.compare = Some(ComparePane::new(right));
}

/// The central area in compare mode. Returns false when the view is not open.
pub fn compare_ui(app: &mut GloseApp, ui: &mut egui::Ui) -> bool {
    let Some(mut pane) = app.compare.take() else { return false };
    let (Some(cur), true) = (app.current, app.project().article(pane.article).is_some()) else {
        return false;
    };
    let mut close = false;
    let mut swap = false;
    let mut hovered = None;
    // Toolbar: the other article, sync, close.
    ui.horizontal(|ui| {
        ui.strong("Compare");
        let titles: Vec<(ArticleId, String)> =
            app.project().articles.iter().map(|a| (a.id, crate::text::ellipsize(&a.title, 40))).collect();
        let mut other = pane.article;
        egui::ComboBox::from_label("with")
            .selected_text(titles.iter().find(|t| t.0 == other).map_or("", |t| t.1.as_str()).to_string())
            .show_ui(ui, |ui| {
                for (id, t) in &titles {
                    ui.selectable_value(&mut other, *id, t);
                }
            });
        if other != pane.article {
            pane.article = other;
            pane.rs.reset();
            pane.cache = None;
        }
        ui.checkbox(&mut pane.sync_scroll, "synchronised scrolling");
        close = ui.button("Close compare").clicked();
    });
    // The comparison, recomputed when either text or the project changes.
    let rev = app.doc.history().revisions();
    let key = (cur.0, pane.article.0, rev.change);
    if pane.cache.as_ref().is_none_or(|(k, _)| *k != key)
        && let (Some(a), Some(b)) = (app.project().article(cur), app.project().article(pane.article))
    {
        pane.cache = Some((key, compare(app.project(), a, b)));
    }
    let comparison = pane.cache.as_ref().map(|(_, c)| c.clone()).unwrap_or_default();
    summary_ui(app, ui, &comparison, cur, &mut pane);
    // Shared label filter and passages for both panes.
    pane.rs.hidden_labels = app.rs.hidden_labels.clone();
    app.rs.passages = comparison.shared.iter().map(|s| s.a).collect();
    pane.rs.passages = comparison.shared.iter().map(|s| s.b).collect();
    let font = egui::FontId::proportional(app.settings.font_size);
    let exact = app.settings.exact_selection;
    ui.columns(2, |cols| {
        let (active_col, other_col) = if pane.active_left { (0, 1) } else { (1, 0) };
        // The active pane: the app's own reader state.
        if let Some(article) = app.doc.project().article(cur) {
            let ui = &mut cols[active_col];
            ui.strong(crate::text::ellipsize(&article.title, 70));
            let events = app.reader.ui(ui, app.doc.project(), article, rev, &mut app.rs, &font, exact);
            for e in &events {
                if let ReaderEvent::HoveredEntity(h) = e {
                    hovered = Some(*h);
                }
            }
            let events: Vec<ReaderEvent> =
                events.into_iter().filter(|e| !matches!(e, ReaderEvent::HoveredEntity(_))).collect();
            app.handle_reader_events(events);
        }
        if let Some(article) = app.doc.project().article(pane.article) {
            let ui = &mut cols[other_col];
            ui.strong(crate::text::ellipsize(&article.title, 70));
            let events = pane.reader.ui(ui, app.doc.project(), article, rev, &mut pane.rs, &font, exact);
            for e in events {
                match e {
                    ReaderEvent::Interacted | ReaderEvent::SelectionMade => swap = true,
                    ReaderEvent::HoveredEntity(h) => hovered = Some(h),
                    _ => {}
                }
            }
        }
    });
    // Hovering an actor's mention lights up its mentions in both panes.
    if let Some(h) = hovered {
        app.rs.highlight_entity = h;
        pane.rs.highlight_entity = h;
    }
    if pane.sync_scroll {
        let (fa, fb) = (app.reader.fraction, pane.reader.fraction);
        if (fa - pane.last_fraction).abs() > 1e-3 {
            pane.rs.scroll_fraction = Some(fa);
            pane.last_fraction = fa;
        } else if (fb - pane.last_fraction).abs() > 1e-3 {
            app.rs.scroll_fraction = Some(fb);
            pane.last_fraction = fb;
        }
    }
    if swap {
        // The touched pane becomes the active one: its state and the app's change places.
        let other = pane.article;
        pane.article = cur;
        std::mem::swap(&mut pane.rs, &mut app.rs);
        std::mem::swap(&mut pane.reader, &mut app.reader);
        pane.active_left = !pane.active_left;
        app.current = Some(other);
        pane.cache = None;
    }
    if close {
        app.rs.passages.clear();
    } else {
        app.compare = Some(pane);
    }
    true
}

fn summary_ui(app: &mut GloseApp, ui: &mut egui::Ui, c: &Comparison, cur: ArticleId, pane: &mut ComparePane) {
    let p = app.project();
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
    egui::CollapsingHeader::new(format!("What each has that the other lacks · {} shared passage(s)", c.shared.len()))
        .id_salt("compare-summary")
        .default_open(true)
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                for (col, (actors, links, claims)) in [(0, left_only), (1, right_only)] {
                    let ui = &mut cols[col];
                    ui.label(format!(
                        "Actors only here: {}",
                        if actors.is_empty() { "none".into() } else { names(actors) }
                    ));
                    let ls: Vec<String> = links.iter().map(link).collect();
                    ui.label(format!("Links only here: {}", if ls.is_empty() { "none".into() } else { ls.join("; ") }));
                    ui.label(format!("Claims outside the shared passages: {claims}"));
                }
            });
            for (i, s) in c.shared.iter().enumerate() {
                ui.horizontal(|ui| {
                    let a = p
                        .article(cur)
                        .and_then(|a| a.text.chars().skip(s.a.0).take(s.a.1 - s.a.0).collect::<String>().into());
                    let text: String = a.unwrap_or_default();
                    if ui
                        .link(format!("Passage {}: {:.0} % similar, {} words", i + 1, s.similarity * 100.0, s.words.0))
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
        app.rs.scroll_to = Some(a);
        pane.rs.scroll_to = Some(b);
        app.act(Action::SelectRange { start: a, end: a });
    }
}
