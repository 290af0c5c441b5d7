//! The central area: the find and link bars, then the current article (its title, details and
//! the reader), or two articles side by side when comparing.

use super::app::Action;
use super::compare::ComparePane;
use super::reader::{Reader, ReaderEvent};
use super::view::{ViewCx, Window};
use super::{SideTab, menu};

#[derive(Default)]
pub struct CentralView {
    reader: Reader,
    /// The compare view's other pane (View → Compare two articles).
    compare: Option<ComparePane>,
}

impl CentralView {
    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    pub fn compare(&self) -> Option<&ComparePane> {
        self.compare.as_ref()
    }

    pub fn open_compare(&mut self, other: crate::model::ArticleId) {
        self.compare = Some(ComparePane::new(other));
    }

    pub fn ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        menu::find_bar_ui(cx, ui);
        menu::link_bar_ui(cx, ui);
        cx.nav.rs.suggestions = cx.suggestions(ui.ctx());
        if let Some(pane) = &mut self.compare {
            if !pane.ui(&mut self.reader, cx, ui) {
                self.compare = None;
            }
            return;
        }
        if cx.article().is_none() {
            ui.centered_and_justified(|ui| {
                ui.label(t!("central-no-article-yet-file-import"));
            });
            return;
        }
        if heading_ui(cx, ui) {
            return;
        }
        ui.separator();
        let doc = cx.doc;
        let Some(article) = cx.nav.current.and_then(|a| doc.project().article(a)) else { return };
        let font = egui::FontId::proportional(cx.settings.font_size);
        let events = self.reader.ui(
            ui,
            doc.project(),
            article,
            cx.revisions(),
            &mut cx.nav.rs,
            &font,
            cx.settings.exact_selection,
        );
        reader_events(cx, events);
    }
}

/// The article's title and details, and its near-duplicate twin. True when the user asked to
/// compare the two (nothing more is drawn this frame).
fn heading_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) -> bool {
    let doc = cx.doc;
    let Some(article) = cx.nav.current.and_then(|a| doc.project().article(a)) else { return false };
    // Wrapped to the reader's width: a long title must not widen the centre over the side panel.
    ui.add(egui::Label::new(egui::RichText::new(&article.title).heading()).wrap());
    let published = super::i18n::date(&article.published);
    let mut meta = vec![article.source.as_str(), published.as_str(), article.language.as_str()];
    if !article.author.is_empty() {
        meta.insert(1, article.author.as_str());
    }
    meta.retain(|m| !m.is_empty());
    let twin = article.near_duplicate_of.and_then(|o| doc.project().article(o));
    let mut compare = None;
    ui.horizontal_wrapped(|ui| {
        ui.weak(meta.join(" · "));
        if !article.url.is_empty() {
            ui.hyperlink_to("source", &article.url);
        }
        if let Some(other) = twin {
            ui.separator();
            ui.colored_label(
                ui.visuals().warn_fg_color,
                t!("central-near-duplicate", title = crate::text::ellipsize(&other.title, 50)),
            );
            if ui.small_button(t!("central-compare-side-side")).clicked() {
                compare = Some(Window::ComparePair(article.id, other.id));
            }
        }
    });
    compare.map(|w| cx.show(w)).is_some()
}

/// What the reader reported: a selection made (labelled at once with the sticky label), the
/// other end of a link, a relation clicked.
pub fn reader_events(cx: &mut ViewCx<'_>, events: Vec<ReaderEvent>) {
    for ev in events {
        match ev {
            ReaderEvent::SelectionMade => {
                if let Some(label) = cx.nav.sticky_label {
                    cx.act(Action::ApplyLabel(label));
                }
            }
            ReaderEvent::LinkTarget(to) => cx.act(Action::LinkTo(to)),
            ReaderEvent::AcceptSuggestion(s) => cx.act(Action::AcceptSuggestions(vec![s])),
            ReaderEvent::Interacted | ReaderEvent::HoveredEntity(_) => {}
            ReaderEvent::RelationClicked(r) => {
                cx.nav.side_tab = SideTab::Annotate;
                cx.nav.rs.selected_span = cx.article().and_then(|a| a.relation(r)).map(|r| r.from);
            }
        }
    }
}
