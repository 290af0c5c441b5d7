//! The left panel: the project's articles, filterable by text and language; and the window
//! that edits an article's details.

use super::app::{Action, WindowView};
use super::view::{Then, ViewCx, Window};
use crate::edit::Command;
use crate::model::{Article, ArticleId, ArticleMeta};

/// The left panel's state: its filters and the rows they let through.
#[derive(Default)]
pub struct ArticlesPanel {
    filter: String,
    language: String,
    /// Source, dates and details filters.
    more: ListFilter,
    /// The article list as last filtered.
    rows: ArticleRows,
    /// The articles that list was made from (handles: the same handle is the same article).
    basis: Vec<std::sync::Arc<crate::model::Article>>,
}

impl ArticlesPanel {
    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.to_string();
    }

    pub fn ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        let default = super::panel_size(ui, "articles", 0.2, 140.0..=280.0);
        egui::Panel::left("articles").resizable(true).default_size(default).min_size(140.0).show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.heading(t!("articles-articles"));
                if ui.small_button(t!("articles-import")).clicked() {
                    cx.act(Action::ImportDialog);
                }
                if ui
                    .small_button(t!("articles-new-article"))
                    .on_hover_text(t!("articles-paste-text-as-new-article"))
                    .clicked()
                {
                    cx.show(Window::NewArticle);
                }
            });
            self.filters_ui(cx, ui);
            ui.separator();
            // Again: the language may have just been chosen (a cache hit otherwise).
            let rows = self.article_list(cx.doc).rows;
            let all = cx.project().articles.len();
            if rows.len() < all {
                ui.weak(t!("articles-articles-2", rows_len = rows.len(), all = all));
            }
            list_ui(cx, ui, &rows);
        });
    }

    fn filters_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label(t!("articles-filter"));
            let field = egui::TextEdit::singleline(&mut self.filter).hint_text(t!("articles-title-source-text"));
            ui.add(field.desired_width(f32::INFINITY)).labelled_by(label.id);
        });
        let list = self.article_list(cx.doc);
        choice_ui(ui, &t!("articles-language"), &mut self.language, &t!("articles-all"), &list.languages);
        more_filters_ui(ui, &mut self.more, &list);
    }
}

/// One row per article, each the same height: only the rows on screen are laid out, so a
/// thousand articles cost what twenty do.
fn list_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, rows: &[usize]) {
    let mut clicked = None;
    let mut compare_pair = None;
    let title_h = ui.spacing().interact_size.y;
    let row_h = title_h + ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().item_spacing.y + 4.0;
    let p = cx.doc.project();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_h, rows.len(), |ui, range| {
        for &i in &rows[range] {
            let Some(a) = p.articles.get(i) else { continue };
            let selected = cx.nav.current == Some(a.id);
            let resp = ui
                .add(egui::Button::selectable(selected, egui::RichText::new(&a.title).strong()).truncate())
                .on_hover_text(if a.url.is_empty() { a.title.as_str() } else { a.url.as_str() });
            let published = super::i18n::date(&a.published);
            let mut details = vec![a.source.as_str(), published.as_str(), a.language.as_str()];
            details.retain(|d| !d.is_empty());
            let sep = if details.is_empty() { "" } else { " · " };
            let line = format!("{}{sep}{}", details.join(" · "), t!("count-spans", n = a.spans.len()));
            let twin = a.near_duplicate_of.and_then(|o| p.article(o));
            ui.horizontal(|ui| {
                if let Some(other) = twin {
                    let b = ui
                        .small_button(t!("articles-near-duplicate"))
                        .on_hover_text(t!("articles-near-duplicate-click-compare-them", title = other.title));
                    if b.clicked() {
                        compare_pair = Some((a.id, other.id));
                    }
                }
                ui.add(egui::Label::new(egui::RichText::new(line).weak()).truncate());
            });
            ui.add_space(4.0);
            if resp.clicked() {
                clicked = Some(a.id);
            }
        }
    });
    if let Some(id) = clicked {
        cx.act(Action::SelectArticle(id));
    }
    if let Some((a, b)) = compare_pair {
        cx.show(Window::ComparePair(a, b));
    }
}

/// Filters beyond text and language: source, a range of dates, any article detail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListFilter {
    pub source: String,
    /// ISO dates (or their beginnings: "2024", "2024-03"), inclusive.
    pub from: String,
    pub to: String,
    pub detail_key: String,
    pub detail_value: String,
}

impl ListFilter {
    fn is_empty(&self) -> bool {
        *self == ListFilter::default()
    }

    /// Whether an article passes (the detail value is matched case-insensitively).
    fn passes(&self, a: &crate::model::Article, value: Option<&crate::text::Finder>) -> bool {
        if !self.source.is_empty() && a.source != self.source {
            return false;
        }
        let from = self.from.trim();
        let to = self.to.trim();
        if (!from.is_empty() || !to.is_empty()) && a.published.is_empty() {
            return false;
        }
        if !from.is_empty() && a.published.as_str() < from {
            return false;
        }
        // "2024-03" as the end takes every day of March.
        if !to.is_empty() && a.published.get(..to.len()).unwrap_or(&a.published) > to {
            return false;
        }
        if !self.detail_key.is_empty() {
            let Some(v) = a.details.get(&self.detail_key) else { return false };
            if value.is_some_and(|re| !re.is_match(v)) {
                return false;
            }
        }
        true
    }
}

/// A filter chosen among `options`; empty (shown as `none`) lets everything through.
fn choice_ui(ui: &mut egui::Ui, label: &str, value: &mut String, none: &str, options: &[String]) {
    let shown = if value.is_empty() { none } else { value.as_str() };
    super::combo(ui, label, shown.to_string(), |ui| {
        ui.selectable_value(value, String::new(), none);
        for o in options {
            ui.selectable_value(value, o.clone(), o);
        }
    });
}

fn more_filters_ui(ui: &mut egui::Ui, f: &mut ListFilter, list: &ArticleRows) {
    let active = !f.is_empty();
    egui::CollapsingHeader::new(if active { t!("articles-more-filters") } else { t!("articles-more-filters-2") })
        .id_salt("article-more-filters")
        .default_open(false)
        .show(ui, |ui| {
            choice_ui(ui, &t!("articles-source"), &mut f.source, &t!("articles-all"), &list.sources);
            ui.horizontal(|ui| {
                let l = ui.label(t!("articles-from"));
                ui.add(egui::TextEdit::singleline(&mut f.from).hint_text("2024-01").desired_width(78.0))
                    .labelled_by(l.id);
                let l = ui.label(t!("articles-to"));
                ui.add(egui::TextEdit::singleline(&mut f.to).hint_text("2024-12-31").desired_width(78.0))
                    .labelled_by(l.id);
            });
            choice_ui(ui, &t!("articles-detail"), &mut f.detail_key, "any", &list.detail_keys);
            if !f.detail_key.is_empty() {
                ui.horizontal(|ui| {
                    let l = ui.label(t!("articles-contains"));
                    ui.add(egui::TextEdit::singleline(&mut f.detail_value).desired_width(150.0)).labelled_by(l.id);
                });
            }
            if active && ui.small_button(t!("articles-clear-these-filters")).clicked() {
                *f = ListFilter::default();
            }
        });
}

/// Whether the article list sees `a` and `b` alike: what it shows, filters and sorts by.
fn same_listing(a: &crate::model::Article, b: &crate::model::Article) -> bool {
    (a.id, &a.title, &a.source, &a.author, &a.url, &a.published, &a.language, &a.details, &a.text)
        == (b.id, &b.title, &b.source, &b.author, &b.url, &b.published, &b.language, &b.details, &b.text)
        && a.near_duplicate_of == b.near_duplicate_of
}

/// Which articles the list shows (indices), for a filter, a language and a project state.
#[derive(Default, Clone)]
pub struct ArticleRows {
    key: Option<(u64, String, String, ListFilter)>,
    /// Indices of the articles shown.
    pub rows: std::sync::Arc<Vec<usize>>,
    /// The project's languages, sorted, for the language filter.
    pub languages: std::sync::Arc<Vec<String>>,
    /// The project's sources and detail keys, sorted, for the other filters.
    pub sources: std::sync::Arc<Vec<String>>,
    pub detail_keys: std::sync::Arc<Vec<String>>,
}

impl ArticlesPanel {
    /// The articles passing the filter (title, source, author or text, any case) and the
    /// language, and the languages to choose from; computed again only when the filter, the
    /// language or the project changes.
    fn article_list(&mut self, doc: &crate::store::Session) -> ArticleRows {
        let p = doc.project();
        let key = (doc.history().revision(), self.filter.clone(), self.language.clone(), self.more.clone());
        if self.rows.key.as_ref() == Some(&key) {
            return self.rows.clone();
        }
        // A new revision that changed no article's listed fields (an annotation: nearly every
        // edit) keeps the list — at 50 000 articles, making it again cost 10 ms a revision.
        if self.rows.key.as_ref().is_some_and(|k| (&k.1, &k.2, &k.3) == (&key.1, &key.2, &key.3))
            && self.basis.len() == p.articles.len()
            && self.basis.iter().zip(&p.articles).all(|(a, b)| std::sync::Arc::ptr_eq(a, b) || same_listing(a, b))
        {
            self.basis.clone_from(&p.articles);
            self.rows.key = Some(key);
            return self.rows.clone();
        }
        self.basis.clone_from(&p.articles);
        // The shared search rule, literal and in any case: no lowercased copy of every text.
        let finder = |text: &str| crate::text::Finder::new(&crate::text::Pattern::literal(text.trim())).ok().flatten();
        let (re, value) = (finder(&self.filter), finder(&self.more.detail_value));
        let rows: Vec<usize> = p
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| self.language.is_empty() || a.language == self.language)
            .filter(|(_, a)| {
                re.as_ref().is_none_or(|re| [&a.title, &a.source, &a.author, &a.text].iter().any(|f| re.is_match(f)))
            })
            .filter(|(_, a)| self.more.passes(a, value.as_ref()))
            .map(|(i, _)| i)
            .collect();
        let sorted = |items: &mut dyn Iterator<Item = &String>| {
            let set: std::collections::BTreeSet<&String> = items.filter(|x| !x.is_empty()).collect();
            std::sync::Arc::new(set.into_iter().cloned().collect::<Vec<String>>())
        };
        self.rows = ArticleRows {
            key: Some(key),
            rows: std::sync::Arc::new(rows),
            languages: sorted(&mut p.articles.iter().map(|a| &a.language)),
            sources: sorted(&mut p.articles.iter().map(|a| &a.source)),
            detail_keys: sorted(&mut p.articles.iter().flat_map(|a| a.details.keys())),
        };
        self.rows.clone()
    }
}

/// The article details being edited: the six fixed fields and the free details, with the
/// new detail being typed.
#[derive(Clone, Debug, Default)]
pub struct MetaEditor {
    pub article: ArticleId,
    pub meta: ArticleMeta,
    pub new_key: String,
    pub new_value: String,
}

/// Edit → Article details: title, source, author, URL, date, language and every other detail
/// (section, page, document number…) of the current article, applied as one undoable step.
#[derive(Default)]
pub struct DetailsWindow {
    editor: Option<MetaEditor>,
}

/// What the user pressed in the details window.
#[derive(Default)]
struct DetailsPressed {
    apply: bool,
    remove: bool,
    compare: bool,
}

impl WindowView for DetailsWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let doc = cx.doc;
        let Some(article) = cx.nav.current.and_then(|a| doc.project().article(a)) else { return false };
        let (id, current) = (article.id, article.meta());
        let twin = article.near_duplicate_of.and_then(|o| doc.project().article(o)).map(|o| (o.id, o.title.clone()));
        if self.editor.as_ref().is_none_or(|m| m.article != id) {
            self.editor = Some(MetaEditor { article: id, meta: current.clone(), ..Default::default() });
        }
        let Some(ed) = self.editor.as_mut() else { return false };
        let mut open = true;
        let mut pressed = DetailsPressed::default();
        super::placed(egui::Window::new(t!("articles-article-details")), ctx)
            .open(&mut open)
            .resizable(true)
            .default_width(460.0)
            .show(ctx, |ui| {
                pressed = details_window_ui(ui, ed, &current, twin.as_ref().map(|t| t.1.as_str()));
            });
        if pressed.apply {
            cx.push(Command::SetArticleMeta { article: id, meta: ed.meta.clone() });
        }
        if pressed.compare
            && let Some((other, _)) = twin
        {
            cx.show(Window::ComparePair(id, other));
        }
        if pressed.remove {
            cx.push(Command::RemoveArticle { article: id });
            cx.info(t!("articles-article-removed-ctrl-z-brings"));
            return false;
        }
        open
    }
}

fn details_window_ui(
    ui: &mut egui::Ui,
    ed: &mut MetaEditor,
    current: &ArticleMeta,
    twin: Option<&str>,
) -> DetailsPressed {
    let mut pressed = DetailsPressed::default();
    let buf = &mut ed.meta;
    egui::Grid::new("meta-grid").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        field(ui, &t!("articles-title"), &mut buf.title);
        field(ui, &t!("articles-source"), &mut buf.source);
        field(ui, &t!("articles-author"), &mut buf.author);
        field(ui, "URL", &mut buf.url);
        field(ui, &t!("articles-published"), &mut buf.published);
        field(ui, &t!("articles-language"), &mut buf.language);
    });
    ui.separator();
    details_ui(ui, ed);
    if let Some(title) = twin {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.label(t!("articles-near-duplicate-same-text-with", title = title));
            pressed.compare = ui.button(t!("articles-compare-side-side")).clicked();
        });
    }
    ui.separator();
    let buf = &mut ed.meta;
    ui.horizontal(|ui| {
        pressed.apply = ui.add_enabled(buf != current, egui::Button::new(t!("articles-apply-details"))).clicked();
        if ui.button(t!("articles-revert")).clicked() {
            *buf = current.clone();
        }
        ui.separator();
        pressed.remove = ui.button(t!("articles-remove-article")).clicked();
    });
    pressed
}

/// The free details of an article: each editable or removable, and a new one to add.
fn details_ui(ui: &mut egui::Ui, ed: &mut MetaEditor) {
    let buf = &mut ed.meta;
    ui.strong(t!("articles-other-details"));
    if buf.details.is_empty() {
        ui.weak(t!("articles-none-yet-imports-from-press"));
    }
    let mut drop_key = None;
    egui::ScrollArea::vertical().max_height(260.0).id_salt("meta-details").show(ui, |ui| {
        egui::Grid::new("meta-details-grid").num_columns(3).spacing([8.0, 4.0]).striped(true).show(ui, |ui| {
            for (k, v) in buf.details.iter_mut() {
                let label = ui.label(k.as_str());
                ui.add(egui::TextEdit::singleline(v).desired_width(260.0)).labelled_by(label.id);
                if ui.small_button(t!("articles-remove")).on_hover_text(t!("articles-remove-detail", k = k)).clicked() {
                    drop_key = Some(k.clone());
                }
                ui.end_row();
            }
        });
    });
    if let Some(k) = drop_key {
        buf.details.remove(&k);
    }
    ui.horizontal(|ui| {
        let l = ui.label(t!("articles-new-detail"));
        ui.add(egui::TextEdit::singleline(&mut ed.new_key).hint_text(t!("articles-name")).desired_width(110.0))
            .labelled_by(l.id);
        let l = ui.label(t!("articles-value"));
        ui.add(egui::TextEdit::singleline(&mut ed.new_value).desired_width(170.0)).labelled_by(l.id);
        let key = ed.new_key.trim().to_string();
        if ui.add_enabled(!key.is_empty(), egui::Button::new(t!("articles-add-detail"))).clicked() {
            ed.meta.details.insert(key, ed.new_value.trim().to_string());
            ed.new_key.clear();
            ed.new_value.clear();
        }
    });
}

fn field(ui: &mut egui::Ui, name: &str, value: &mut String) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(300.0)).labelled_by(label.id);
    ui.end_row();
}

/// A new article typed or pasted in.
#[derive(Default)]
pub struct NewArticleWindow {
    meta: ArticleMeta,
    text: String,
}

impl WindowView for NewArticleWindow {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool {
        let mut open = true;
        let mut add = false;
        super::placed(egui::Window::new(t!("articles-new-article-2")), ctx).open(&mut open).default_width(520.0).show(
            ctx,
            |ui| {
                egui::Grid::new("new-article-grid").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
                    field(ui, &t!("articles-title"), &mut self.meta.title);
                    field(ui, &t!("articles-source"), &mut self.meta.source);
                    field(ui, &t!("articles-published"), &mut self.meta.published);
                    field(ui, &t!("articles-language"), &mut self.meta.language);
                });
                let label = ui.label(t!("articles-text"));
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    ui.add(egui::TextEdit::multiline(&mut self.text).desired_rows(12).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                });
                add = ui
                    .add_enabled(!self.text.trim().is_empty(), egui::Button::new(t!("articles-add-article")))
                    .clicked();
            },
        );
        if add {
            let mut meta = self.meta.clone();
            if meta.language.is_empty() {
                meta.language = crate::import::detect_language(&self.text).unwrap_or_default();
            }
            if meta.title.trim().is_empty() {
                meta.title = super::reader::ellipsize(self.text.trim(), 60);
            }
            let mut article = Article { id: ArticleId::NEW, text: self.text.clone(), ..Default::default() };
            article.set_meta(meta);
            cx.create(Command::AddArticle { article, index: usize::MAX }, Then::SelectArticle);
            return false;
        }
        open
    }
}
