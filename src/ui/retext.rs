//! Edit → Correct article text: fix an OCR error or cut leftover boilerplate. The paragraphs
//! around the selection (or the whole article when it is short) open in an editor; before
//! applying, the window says what the spans will do, and after it, spans whose text changed
//! are marked for review in the inspector.

use super::app::WindowView;
use super::reader::{ReaderState, ellipsize};
use super::view::ViewCx;
use crate::edit::{Command, REVIEW_ATTRIBUTE, Retext, retext};
use crate::model::ArticleId;
use crate::text::CharMap;

/// Articles up to this many characters are edited whole; longer ones by paragraph.
const WHOLE_TEXT_CHARS: usize = 20_000;

pub struct TextEditor {
    pub article: ArticleId,
    title: String,
    /// The part of the text being edited, in code points of the current text.
    pub range: (usize, usize),
    /// The range is the whole text.
    whole: bool,
    pub buf: String,
    /// What applying would do, for the buffer and project revision it was computed for.
    preview: Option<Preview>,
}

/// The result of a correction, computed again only when the buffer or the project changes.
struct Preview {
    buf: String,
    revision: u64,
    retext: Retext,
    /// The new text equals the current one.
    unchanged: bool,
    blank: bool,
    /// Old and new quote of each span that will be marked.
    marked: Vec<(String, String)>,
    spans: usize,
}

impl Preview {
    /// `None` when the article or the edited range no longer exists (undone meanwhile).
    fn compute(project: &crate::model::Project, revision: u64, ed: &TextEditor) -> Option<Preview> {
        let article = project.article(ed.article)?;
        let map = CharMap::new(&article.text);
        let (b0, b1) = (map.byte_of(&article.text, ed.range.0)?, map.byte_of(&article.text, ed.range.1)?);
        let new_text = format!("{}{}{}", &article.text[..b0], ed.buf, &article.text[b1..]);
        let retext = retext(article, &new_text);
        let marked = retext
            .flagged
            .iter()
            .filter_map(|id| {
                let old = article.span(*id)?;
                let new = retext.spans.iter().find(|s| s.id == *id)?;
                Some((old.quote.clone(), new.quote.clone()))
            })
            .collect();
        Some(Preview {
            buf: ed.buf.clone(),
            revision,
            unchanged: new_text == article.text,
            blank: new_text.trim().is_empty(),
            marked,
            spans: article.spans.len(),
            retext,
        })
    }
}

impl TextEditor {
    /// Opens on the paragraphs covering `sel` (or the caret), or the whole text when short.
    pub fn open(project: &crate::model::Project, article: ArticleId, rs: &ReaderState) -> Option<TextEditor> {
        let article = project.article(article)?;
        let map = CharMap::new(&article.text);
        let len = map.char_len();
        let range = if len <= WHOLE_TEXT_CHARS && !rs.has_selection() {
            (0, len)
        } else {
            let (s, e) = if rs.has_selection() { rs.selection() } else { (rs.caret, rs.caret) };
            paragraphs_around(&article.text, &map, s, e)
        };
        let buf = map.slice(&article.text, range.0, range.1)?.to_string();
        let (title, whole) = (article.title.clone(), range == (0, len));
        Some(TextEditor { article: article.id, title, range, whole, buf, preview: None })
    }
}

/// The paragraphs (runs between blank-line or line breaks) that hold code points `s..e`.
fn paragraphs_around(text: &str, map: &CharMap, s: usize, e: usize) -> (usize, usize) {
    let (bs, be) = (map.byte_of(text, s).unwrap_or(0), map.byte_of(text, e).unwrap_or(text.len()));
    let start = text[..bs].rfind('\n').map_or(0, |i| i + 1);
    let end = text[be..].find('\n').map_or(text.len(), |i| be + i);
    (map.char_of_byte(text, start).unwrap_or(0), map.char_of_byte(text, end).unwrap_or(map.char_len()))
}

impl WindowView for TextEditor {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let revision = cx.revision();
        if self.preview.as_ref().is_none_or(|p| p.buf != self.buf || p.revision != revision) {
            let Some(preview) = Preview::compute(cx.project(), revision, self) else { return false };
            self.preview = Some(preview);
        }
        let mut open = true;
        let (mut apply, mut cancel) = (false, false);
        super::placed(egui::Window::new(t!("retext-correct-article-text")), ctx)
            .open(&mut open)
            .default_width(620.0)
            .show(ctx, |ui| {
                (apply, cancel) = self.window_ui(ui);
            });
        // The buffer may have changed this frame: apply only what the preview showed for it.
        if apply && let Some(p) = self.preview.take().filter(|p| p.buf == self.buf) {
            let r = p.retext;
            let flagged = r.flagged.len();
            let moved = r.moved + r.reanchored;
            cx.push(Command::SetArticleText { article: self.article, text: r.text, spans: r.spans });
            cx.info(if flagged == 0 {
                t!("retext-text-corrected-span-s-moved", moved = moved)
            } else {
                t!("retext-text-corrected-span-s-moved-2", moved = moved, flagged = flagged, review = REVIEW_ATTRIBUTE)
            });
            return false;
        }
        open && !cancel
    }
}

impl TextEditor {
    /// The editor and what applying would do; returns (apply, cancel) pressed.
    fn window_ui(&mut self, ui: &mut egui::Ui) -> (bool, bool) {
        ui.label(egui::RichText::new(&self.title).strong());
        ui.weak(if self.whole {
            t!("retext-whole-text-spans-follow-your")
        } else {
            t!("retext-characters-paragraphs-around-selection-spans", range = self.range.0, range2 = self.range.1)
        });
        let label = ui.strong(t!("retext-corrected-text"));
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            let field = egui::TextEdit::multiline(&mut self.buf).desired_width(f32::INFINITY).desired_rows(10);
            ui.add(field.lock_focus(true)).labelled_by(label.id);
        });
        ui.separator();
        let Some(p) = &self.preview else { return (false, false) };
        let r = &p.retext;
        ui.label(t!(
            "retext-span-s-keep-their-text",
            flagged_len = p.spans - r.flagged.len(),
            moved = r.moved,
            reanchored = r.reanchored,
            flagged_len2 = r.flagged.len()
        ));
        for (old, new) in p.marked.iter().take(8) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("«{}» → «{}»", ellipsize(old, 60), ellipsize(new, 60)),
            );
        }
        if p.marked.len() > 8 {
            ui.weak(t!("retext-more", n = p.marked.len() - 8));
        }
        if p.blank {
            ui.colored_label(ui.visuals().error_fg_color, t!("retext-article-needs-some-text"));
        }
        ui.horizontal(|ui| {
            let apply =
                ui.add_enabled(!p.blank && !p.unchanged, egui::Button::new(t!("retext-apply-correction"))).clicked();
            (apply, ui.button(t!("retext-cancel-correction")).clicked())
        })
        .inner
    }
}
