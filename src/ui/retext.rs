//! Edit → Correct article text: fix an OCR error or cut leftover boilerplate. The paragraphs
//! around the selection (or the whole article when it is short) open in an editor; before
//! applying, the window says what the spans will do, and after it, spans whose text changed
//! are marked for review in the inspector.

use super::GloseApp;
use super::reader::ellipsize;
use crate::edit::{Command, REVIEW_ATTRIBUTE, Retext, retext};
use crate::model::ArticleId;
use crate::text::CharMap;

/// Articles up to this many characters are edited whole; longer ones by paragraph.
const WHOLE_TEXT_CHARS: usize = 20_000;

pub struct TextEditor {
    pub article: ArticleId,
    /// The part of the text being edited, in code points of the current text.
    pub range: (usize, usize),
    pub buf: String,
    /// The preview for the buffer as it was last frame.
    preview: Option<(String, Retext)>,
}

impl TextEditor {
    /// Opens on the paragraphs covering `sel` (or the caret), or the whole text when short.
    pub fn open(app: &GloseApp) -> Option<TextEditor> {
        let article = app.current.and_then(|a| app.project().article(a))?;
        let map = CharMap::new(&article.text);
        let len = map.char_len();
        let range = if len <= WHOLE_TEXT_CHARS && !app.rs.has_selection() {
            (0, len)
        } else {
            let (s, e) = if app.rs.has_selection() { app.rs.selection() } else { (app.rs.caret, app.rs.caret) };
            paragraphs_around(&article.text, &map, s, e)
        };
        let buf = map.slice(&article.text, range.0, range.1)?.to_string();
        Some(TextEditor { article: article.id, range, buf, preview: None })
    }
}

/// The paragraphs (runs between blank-line or line breaks) that hold code points `s..e`.
fn paragraphs_around(text: &str, map: &CharMap, s: usize, e: usize) -> (usize, usize) {
    let (bs, be) = (map.byte_of(text, s).unwrap_or(0), map.byte_of(text, e).unwrap_or(text.len()));
    let start = text[..bs].rfind('\n').map_or(0, |i| i + 1);
    let end = text[be..].find('\n').map_or(text.len(), |i| be + i);
    (map.char_of_byte(text, start).unwrap_or(0), map.char_of_byte(text, end).unwrap_or(map.char_len()))
}

pub fn text_editor_ui(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(mut ed) = app.text_editor.take() else { return };
    let Some(article) = app.project().article(ed.article).cloned() else { return };
    let map = CharMap::new(&article.text);
    let (Some(b0), Some(b1)) = (map.byte_of(&article.text, ed.range.0), map.byte_of(&article.text, ed.range.1)) else {
        return;
    };
    let new_text = format!("{}{}{}", &article.text[..b0], ed.buf, &article.text[b1..]);
    if ed.preview.as_ref().is_none_or(|(t, _)| *t != new_text) {
        let r = retext(&article, &new_text);
        ed.preview = Some((new_text.clone(), r));
    }
    let mut open = true;
    let (mut apply, mut cancel) = (false, false);
    egui::Window::new("Correct article text").open(&mut open).default_width(620.0).show(ctx, |ui| {
        ui.label(egui::RichText::new(&article.title).strong());
        let whole = ed.range == (0, map.char_len());
        ui.weak(if whole {
            "The whole text. Spans follow your corrections; spans whose own text you change are marked for review."
                .to_string()
        } else {
            format!(
                "Characters {}–{} (the paragraphs around the selection). Spans follow your corrections; spans whose own text you change are marked for review.",
                ed.range.0, ed.range.1
            )
        });
        let label = ui.strong("Corrected text");
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut ed.buf).desired_width(f32::INFINITY).desired_rows(10).lock_focus(true),
            )
            .labelled_by(label.id);
        });
        ui.separator();
        let Some((_, preview)) = &ed.preview else { return };
        let blank = new_text.trim().is_empty();
        let unchanged = new_text == article.text;
        let kept = article.spans.len() - preview.flagged.len();
        ui.label(format!(
            "{kept} span(s) keep their text ({} move, {} found again by their quote); {} will be marked for review.",
            preview.moved,
            preview.reanchored,
            preview.flagged.len()
        ));
        for id in preview.flagged.iter().take(8) {
            if let (Some(old), Some(new)) = (article.span(*id), preview.spans.iter().find(|s| s.id == *id)) {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("«{}» → «{}»", ellipsize(&old.quote, 60), ellipsize(&new.quote, 60)),
                );
            }
        }
        if preview.flagged.len() > 8 {
            ui.weak(format!("… and {} more", preview.flagged.len() - 8));
        }
        if blank {
            ui.colored_label(ui.visuals().error_fg_color, "An article needs some text.");
        }
        ui.horizontal(|ui| {
            apply = ui.add_enabled(!blank && !unchanged, egui::Button::new("Apply correction")).clicked();
            cancel = ui.button("Cancel correction").clicked();
        });
    });
    if apply && let Some((_, r)) = ed.preview.take() {
        let flagged = r.flagged.len();
        let moved = r.moved + r.reanchored;
        if app.apply(Command::SetArticleText { article: ed.article, text: r.text, spans: r.spans }) {
            app.rs.reset();
            app.info(if flagged == 0 {
                format!("Text corrected; {moved} span(s) moved with it")
            } else {
                format!(
                    "Text corrected; {moved} span(s) moved with it, {flagged} marked “{REVIEW_ATTRIBUTE}” (Spans tab → Needs review)"
                )
            });
        }
        return;
    }
    if open && !cancel {
        app.text_editor = Some(ed);
    }
}
