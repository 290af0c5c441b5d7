//! The left panel: the project's articles, filterable by text and language; and the window
//! that edits an article's details.

use super::{Action, GloseApp};
use crate::edit::Command;
use crate::model::ArticleMeta;

pub fn articles_panel_ui(app: &mut GloseApp, ui: &mut egui::Ui) {
    egui::Panel::left("articles").resizable(true).default_size(280.0).min_size(180.0).show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Articles");
            if ui.small_button("Import…").clicked() {
                app.act(Action::ImportDialog);
            }
            if ui.small_button("New article…").on_hover_text("Paste a text as a new article").clicked() {
                app.new_article = Some(Default::default());
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                egui::TextEdit::singleline(&mut app.article_filter)
                    .hint_text("title, source, text…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        let languages = app.article_list().languages;
        egui::ComboBox::from_label("Language")
            .selected_text(if app.language_filter.is_empty() { "all" } else { app.language_filter.as_str() })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut app.language_filter, String::new(), "all");
                for l in languages.iter() {
                    ui.selectable_value(&mut app.language_filter, l.clone(), l);
                }
            });
        ui.separator();
        // Again: the language may have just been chosen (a cache hit otherwise).
        let rows = app.article_list().rows;
        if rows.len() < app.project().articles.len() {
            ui.weak(format!("{} of {} articles", rows.len(), app.project().articles.len()));
        }
        let mut clicked = None;
        // One row per article, each the same height: only the rows on screen are laid out, so a
        // thousand articles cost what twenty do.
        let title_h = ui.spacing().interact_size.y;
        let row_h = title_h + ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().item_spacing.y + 4.0;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_h, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let Some(a) = app.project().articles.get(i) else { continue };
                let selected = app.current == Some(a.id);
                let resp = ui
                    .add(egui::Button::selectable(selected, egui::RichText::new(&a.title).strong()).truncate())
                    .on_hover_text(if a.url.is_empty() { a.title.as_str() } else { a.url.as_str() });
                let mut details = vec![a.source.as_str(), a.published.as_str(), a.language.as_str()];
                details.retain(|d| !d.is_empty());
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!(
                            "{}{}{} spans",
                            details.join(" · "),
                            if details.is_empty() { "" } else { " · " },
                            a.spans.len()
                        ))
                        .weak(),
                    )
                    .truncate(),
                );
                ui.add_space(4.0);
                if resp.clicked() {
                    clicked = Some(a.id);
                }
            }
        });
        if let Some(id) = clicked {
            app.act(Action::SelectArticle(id));
        }
    });
}

/// Which articles the list shows (indices), for a filter, a language and a project state.
#[derive(Default, Clone)]
pub struct ArticleRows {
    key: Option<(u64, usize, u64, String, String)>,
    /// Indices of the articles shown.
    pub rows: std::sync::Arc<Vec<usize>>,
    /// The project's languages, sorted, for the language filter.
    pub languages: std::sync::Arc<Vec<String>>,
}

impl GloseApp {
    /// The articles passing the filter (title, source, author or text, any case) and the
    /// language, and the languages to choose from; computed again only when the filter, the
    /// language or the project changes.
    pub fn article_list(&mut self) -> ArticleRows {
        let p = &self.doc.project;
        let ids = p.articles.iter().fold(0u64, |h, a| h.rotate_left(5) ^ a.id.0);
        let key = (
            self.doc.history.revision(),
            p.articles.len(),
            ids,
            self.article_filter.clone(),
            self.language_filter.clone(),
        );
        if self.article_rows.key.as_ref() == Some(&key) {
            return self.article_rows.clone();
        }
        let needle = self.article_filter.trim();
        // A case-insensitive literal search: no lowercased copy of every text.
        let re = (!needle.is_empty())
            .then(|| regex::RegexBuilder::new(&regex::escape(needle)).case_insensitive(true).build().ok())
            .flatten();
        let rows: Vec<usize> = p
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| self.language_filter.is_empty() || a.language == self.language_filter)
            .filter(|(_, a)| {
                re.as_ref().is_none_or(|re| [&a.title, &a.source, &a.author, &a.text].iter().any(|f| re.is_match(f)))
            })
            .map(|(i, _)| i)
            .collect();
        let mut languages: Vec<String> =
            p.articles.iter().map(|a| a.language.clone()).filter(|l| !l.is_empty()).collect();
        languages.sort();
        languages.dedup();
        self.article_rows =
            ArticleRows { key: Some(key), rows: std::sync::Arc::new(rows), languages: std::sync::Arc::new(languages) };
        self.article_rows.clone()
    }
}

/// Edit title, source, author, URL, date and language of the current article.
pub fn meta_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    if !app.meta_open {
        app.meta_buf = None;
        return;
    }
    let Some((id, current)) = app.current.and_then(|a| app.project().article(a)).map(|a| (a.id, a.meta())) else {
        app.meta_open = false;
        return;
    };
    if app.meta_buf.as_ref().is_none_or(|(a, _)| *a != id) {
        app.meta_buf = Some((id, current.clone()));
    }
    let mut open = true;
    let mut apply = false;
    let mut remove = false;
    egui::Window::new("Article details").open(&mut open).resizable(true).default_width(420.0).show(ctx, |ui| {
        let Some((_, buf)) = app.meta_buf.as_mut() else { return };
        egui::Grid::new("meta-grid").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            field(ui, "Title", &mut buf.title);
            field(ui, "Source", &mut buf.source);
            field(ui, "Author", &mut buf.author);
            field(ui, "URL", &mut buf.url);
            field(ui, "Published", &mut buf.published);
            field(ui, "Language", &mut buf.language);
        });
        ui.horizontal(|ui| {
            apply = ui.add_enabled(*buf != current, egui::Button::new("Apply details")).clicked();
            if ui.button("Revert").clicked() {
                *buf = current.clone();
            }
            ui.separator();
            remove = ui.button("Remove article").clicked();
        });
    });
    if apply && let Some((_, meta)) = app.meta_buf.clone() {
        app.push(Command::SetArticleMeta { article: id, meta });
    }
    if remove {
        app.push(Command::RemoveArticle { article: id });
        app.info("Article removed (Ctrl+Z brings it back)");
        open = false;
    }
    app.meta_open = open;
}

fn field(ui: &mut egui::Ui, name: &str, value: &mut String) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(300.0)).labelled_by(label.id);
    ui.end_row();
}

/// The meta buffer type, re-exported for the app state.
pub type MetaBuf = Option<(crate::model::ArticleId, ArticleMeta)>;

/// A new article typed or pasted in.
#[derive(Default, Clone)]
pub struct NewArticle {
    pub meta: ArticleMeta,
    pub text: String,
}

pub fn new_article_window_ui(app: &mut GloseApp, ctx: &egui::Context) {
    let Some(mut draft) = app.new_article.take() else { return };
    let mut open = true;
    let mut add = false;
    egui::Window::new("New article").open(&mut open).default_width(520.0).show(ctx, |ui| {
        egui::Grid::new("new-article-grid").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            field(ui, "Title", &mut draft.meta.title);
            field(ui, "Source", &mut draft.meta.source);
            field(ui, "Published", &mut draft.meta.published);
            field(ui, "Language", &mut draft.meta.language);
        });
        let label = ui.label("Text");
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            ui.add(egui::TextEdit::multiline(&mut draft.text).desired_rows(12).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        });
        add = ui.add_enabled(!draft.text.trim().is_empty(), egui::Button::new("Add article")).clicked();
    });
    if add {
        let id = crate::model::ArticleId(app.doc.project.alloc_id());
        let mut meta = draft.meta.clone();
        if meta.language.is_empty() {
            meta.language = crate::import::detect_language(&draft.text).unwrap_or_default();
        }
        if meta.title.trim().is_empty() {
            meta.title = super::reader::ellipsize(draft.text.trim(), 60);
        }
        let mut article = crate::model::Article { id, text: draft.text.clone(), ..Default::default() };
        article.set_meta(meta);
        app.push(Command::AddArticle { article, index: usize::MAX });
        app.act(Action::SelectArticle(id));
        return;
    }
    if open {
        app.new_article = Some(draft);
    }
}
