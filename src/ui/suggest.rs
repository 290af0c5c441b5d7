//! Suggestions in the window (issue 16): the recommenders learned in a thread from the project
//! as it is (never blocking typing: until they land the last ones keep suggesting), the open
//! article's suggestions computed once per change, and the side panel's Suggestions tab — the
//! current suggestion with its buttons, this article's list, the self-evaluation and the
//! settings. The reader draws them (outlined), `menu::shortcuts` moves through them and
//! accepts or rejects them, the app turns them into spans (`Action::AcceptSuggestions`).

use super::app::Action;
use super::derived::{Background, Cached, Shown};
use super::view::ViewCx;
use crate::edit::Command;
use crate::model::{Article, ArticleId, Entity, LabelId, Project, Schema, SuggestionSettings};
use crate::progress::Waker;
use crate::suggest::{Keep, Recommenders, Source, Suggestion};
use std::sync::Arc;

/// What the recommenders learn from. When the project's differs (a span added, an actor
/// renamed, the matching or the threshold changed: the self-evaluation judges what is shown)
/// they learn again; a rejection only filters what they propose.
struct Inputs {
    /// Each article's handle: an edited article is a new handle (this list keeps the old one).
    articles: Vec<Arc<Article>>,
    entities: Vec<Entity>,
    schema: Schema,
    settings: SuggestionSettings,
}

/// The settings learning depends on (rejections apply when suggesting).
fn training_settings(s: &SuggestionSettings) -> SuggestionSettings {
    SuggestionSettings { rejected: Vec::new(), ..s.clone() }
}

impl Inputs {
    fn of(p: &Project) -> Self {
        Inputs {
            articles: p.articles.clone(),
            entities: p.entities.clone(),
            schema: p.schema.clone(),
            settings: training_settings(&p.suggestions),
        }
    }

    fn same(&self, p: &Project) -> bool {
        self.articles.len() == p.articles.len()
            && self.articles.iter().zip(&p.articles).all(|(a, b)| Arc::ptr_eq(a, b))
            && self.entities == p.entities
            && self.schema == p.schema
            && self.settings == training_settings(&p.suggestions)
    }
}

/// The recommenders and what they suggest, kept between frames.
#[derive(Default)]
pub struct SuggestState {
    inputs: Option<Inputs>,
    /// Bumped whenever the inputs change: what the model was learned for.
    generation: u64,
    /// The project revision the inputs were last compared at.
    checked_at: Option<u64>,
    model: Background<(), Recommenders>,
    /// The open article's suggestions, for (article, model generation) at a project revision.
    article: Cached<(ArticleId, u64), Vec<Suggestion>>,
}

/// Learns in a thread; stops early (with nothing learned) once the window no longer wants it.
fn learn(p: &Project, _: &(), progress: &crate::progress::Progress) -> Recommenders {
    crate::par::leaving_a_core(|| Recommenders::train_until(p, &|| !progress.cancelled()))
}

impl SuggestState {
    /// The recommenders for the project as it is: learned in a thread when it changed, the
    /// last ones handed out meanwhile (said to be stale).
    pub fn model(
        &mut self,
        project: &Project,
        revision: u64,
        waker: impl FnOnce() -> Option<Waker>,
    ) -> Shown<Recommenders> {
        if self.checked_at != Some(revision) {
            self.checked_at = Some(revision);
            if !self.inputs.as_ref().is_some_and(|i| i.same(project)) {
                self.inputs = Some(Inputs::of(project));
                self.generation += 1;
            }
        }
        self.model.get_cancellable(self.generation, (), project, true, waker, learn)
    }

    /// `article`'s suggestions (none until a model has landed).
    pub fn for_article(
        &mut self,
        project: &Project,
        revision: u64,
        article: &Article,
        waker: impl FnOnce() -> Option<Waker>,
    ) -> Arc<Vec<Suggestion>> {
        let Some(model) = self.model(project, revision, waker).value else { return Arc::default() };
        let generation = self.generation();
        self.article.get(revision, (article.id, generation), || model.suggest(project, article, Keep::ClearOfAll))
    }

    /// What the last recommenders were learned for (bumped when the project's spans change).
    pub fn generation(&self) -> u64 {
        self.model.latest().map_or(0, |l| l.0)
    }

    /// Waits for the recommenders being learned, if any (tests).
    pub fn wait(&mut self) {
        self.model.wait();
    }
}

/// Every suggestion of `model` in the project with `label` whose text is `form` — "accept all
/// of this form in the corpus". Only articles whose text holds the form are asked.
pub fn of_form(model: &Recommenders, project: &Project, label: LabelId, form: &str) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for a in project.articles.iter().filter(|a| a.text.contains(form)) {
        let found = model.suggest(project, a, Keep::ClearOfAll);
        out.extend(found.into_iter().filter(|s| s.label == label && form_of(&a.text, s) == form));
    }
    out
}

/// The text a suggestion covers.
pub fn form_of<'a>(text: &'a str, s: &Suggestion) -> &'a str {
    crate::text::slice_chars(text, s.start, s.end).unwrap_or("")
}

/// Suggestions of the list that are still free to accept in `article` as it is now: inside its
/// text, clear of its spans and of each other (a list shown before an edit may be stale).
pub fn still_free(article: &Article, list: &[Suggestion]) -> Vec<Suggestion> {
    let len = article.text.chars().count();
    let mut kept: Vec<Suggestion> = Vec::new();
    for s in list.iter().filter(|s| s.article == article.id && s.start < s.end && s.end <= len) {
        let over = |a: usize, b: usize| a < s.end && s.start < b;
        let taken = article.spans.iter().any(|sp| sp.fragments.iter().any(|f| over(f.start, f.end)));
        if !taken && !kept.iter().any(|k| over(k.start, k.end)) {
            kept.push(*s);
        }
    }
    kept
}

/// The commands that accept `list` (as spans credited to `annotator`), one undo step.
pub fn accept_commands(project: &Project, list: &[Suggestion], annotator: &str) -> Option<Command> {
    let mut commands = Vec::new();
    // Each article the list names, once, in the list's order (not a pass over every article).
    let mut seen = std::collections::HashSet::new();
    let articles: Vec<ArticleId> = list.iter().map(|s| s.article).filter(|&a| seen.insert(a)).collect();
    for a in articles.iter().filter_map(|&id| project.article(id)) {
        let mine: Vec<Suggestion> = list.iter().filter(|s| s.article == a.id).copied().collect();
        for s in still_free(a, &mine) {
            commands.push(Command::AddSpan { article: a.id, span: s.to_span(annotator), relations: vec![] });
        }
    }
    match commands.len() {
        0 => None,
        1 => commands.pop(),
        n => Some(Command::Batch { label: t!("suggest-accept-suggestions", n = n), commands }),
    }
}

/// The suggestion after `done` in `list` (the first starting at or after its end), to go on
/// with once `done` is accepted or rejected.
pub fn next_after(list: &[Suggestion], done: &Suggestion) -> Option<Suggestion> {
    list.iter().find(|s| s.start >= done.end && !s.same_place(done)).copied()
}

/// A recommender's name in the window.
fn source_name(source: Source) -> String {
    match source {
        Source::String => t!("suggest-source-string"),
        Source::Registry => t!("suggest-source-registry"),
        Source::Tagger => t!("suggest-source-tagger"),
    }
}

/// How a suggestion is named in the window: «form» Label (source, score).
pub fn describe(project: &Project, text: &str, s: &Suggestion) -> String {
    t!(
        "suggest-described",
        form = crate::text::ellipsize(form_of(text, s), 40),
        label = project.schema.label_name(s.label),
        source = source_name(s.source),
        score = super::i18n::number(f64::from(s.score), 2)
    )
}

/// The side panel's Suggestions tab.
pub fn tab_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    let shown_on = cx.settings.suggestions;
    if !shown_on {
        ui.label(t!("suggest-suggestions-are-off"));
        if ui.button(t!("suggest-show-suggestions")).clicked() {
            cx.settings.suggestions = true;
        }
        return;
    }
    let shown = cx.suggestion_model(ui.ctx());
    let Some(model) = status_row(ui, shown) else { return };
    let list = cx.suggestions(ui.ctx());
    current_ui(cx, ui, &model, &list);
    ui.separator();
    list_ui(cx, ui, &list);
    ui.separator();
    settings_ui(cx, ui);
    ui.separator();
    evaluation_ui(cx, ui, &model);
}

/// Whether the recommenders are learning, on one row of a fixed height: buttons below do not
/// move when learning starts or ends (they would jump under the pointer). The model to use.
fn status_row(ui: &mut egui::Ui, shown: Shown<Recommenders>) -> Option<Arc<Recommenders>> {
    let height = ui.spacing().interact_size.y;
    ui.horizontal(|ui| {
        ui.set_min_height(height);
        if !shown.fresh {
            super::busy::busy(ui);
        }
        ui.weak(match (&shown.value, shown.fresh) {
            (None, _) => t!("suggest-learning-from-project-s-spans"),
            (Some(m), true) => {
                t!("suggest-learned-from", learned = t!("count-annotated-articles", n = m.learned_from()))
            }
            (Some(_), false) => t!("suggest-learning-again-from-your-latest"),
        });
    });
    shown.value
}

/// The current suggestion: what it is, and its buttons.
fn current_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, model: &Recommenders, list: &[Suggestion]) {
    let Some(article) = cx.article() else { return };
    let Some(current) = cx.nav.rs.current_suggestion.filter(|c| list.iter().any(|s| s.same_place(c))) else {
        ui.weak(if list.is_empty() {
            t!("suggest-no-suggestion-article")
        } else {
            t!("suggest-tab-shift-tab-go-through")
        });
        return;
    };
    let text = article.text.clone();
    let form = form_of(&text, &current).to_string();
    ui.strong(t!("suggest-current-suggestion"));
    ui.label(describe(cx.project(), &text, &current));
    if let Some(e) = current.entity.and_then(|e| cx.project().entity(e)) {
        ui.weak(t!("suggest-linked", name = e.name));
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(t!("suggest-accept-enter")).clicked() {
            cx.act(Action::AcceptSuggestions(vec![current]));
        }
        if ui.button(t!("suggest-reject-x")).clicked() {
            cx.act(Action::RejectSuggestion(current));
        }
    });
    let here: Vec<Suggestion> =
        list.iter().filter(|s| s.label == current.label && form_of(&text, s) == form).copied().collect();
    let short = crate::text::ellipsize(&form, 30);
    if ui.button(t!("suggest-accept-all-here", short = short, n = here.len())).clicked() {
        cx.act(Action::AcceptSuggestions(here));
    }
    if ui.button(t!("suggest-accept-all-corpus", short = short)).clicked() {
        let all = of_form(model, cx.project(), current.label, &form);
        cx.act(Action::AcceptSuggestions(all));
    }
}

/// This article's suggestions; a click makes one current and shows it.
fn list_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, list: &[Suggestion]) {
    let Some(article) = cx.article() else { return };
    ui.strong(t!("count-suggestions-in-this-article", n = list.len()));
    let rows: Vec<(Suggestion, String, egui::Color32)> = list
        .iter()
        .map(|s| {
            let color = cx.project().schema.label(s.label).map_or(egui::Color32::GRAY, |l| super::color32(l.color));
            (*s, describe(cx.project(), &article.text, s), color)
        })
        .collect();
    egui::ScrollArea::vertical().id_salt("suggestions-list").max_height(220.0).show(ui, |ui| {
        for (s, text, color) in rows {
            let current = cx.nav.rs.current_suggestion.is_some_and(|c| c.same_place(&s));
            let r = ui.selectable_label(current, egui::RichText::new(text).color(color));
            if r.clicked() {
                cx.nav.rs.current_suggestion = Some(s);
                cx.nav.rs.scroll_to = Some(s.start);
            }
        }
    });
}

/// The threshold, the matching and the switch-off level (each change one undo step).
fn settings_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
    ui.strong(t!("suggest-settings"));
    let old = cx.project().suggestions.clone();
    let mut new = old.clone();
    let min = ui.add(
        super::i18n::slider(egui::Slider::new(&mut new.min_score, 0.0..=1.0), 2).text(t!("suggest-show-from-score")),
    );
    let f1 = ui.add(
        super::i18n::slider(egui::Slider::new(&mut new.min_f1, 0.0..=1.0), 2).text(t!("suggest-switch-off-below-f1")),
    );
    ui.checkbox(&mut new.ignore_case, t!("suggest-forms-match-whatever-case"));
    ui.checkbox(&mut new.ignore_diacritics, t!("suggest-forms-match-whatever-accents"));
    // A slider is one step when let go, not one per pixel dragged.
    let dragging = min.dragged() || f1.dragged();
    if new != old && !dragging {
        cx.push(Command::SetSuggestionSettings { settings: new });
    } else if dragging {
        ui.weak(t!(
            "suggest-let-go-apply",
            score = super::i18n::number(new.min_score as f64, 2),
            f1 = super::i18n::number(new.min_f1 as f64, 2)
        ));
    }
    if !old.rejected.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak(t!("count-suggestions-rejected", n = old.rejected.len()));
            if ui.button(t!("suggest-forget-rejections")).clicked() {
                cx.push(Command::SetSuggestionSettings {
                    settings: SuggestionSettings { rejected: Vec::new(), ..old },
                });
            }
        });
    }
}

/// How each recommender did on held-out articles of the project, label by label.
fn evaluation_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, model: &Recommenders) {
    let ev = &model.evaluation;
    ui.strong(t!("suggest-self-evaluation"));
    if ev.articles < 2 {
        ui.weak(t!("suggest-needs-two-annotated-articles-more"));
        return;
    }
    ui.weak(t!("suggest-held-out-spans-annotated-articles", articles = ev.articles));
    let p = cx.project();
    egui::Grid::new("suggestion-evaluation").striped(true).num_columns(6).show(ui, |ui| {
        for h in [&t!("suggest-label"), &t!("suggest-source"), "P", "R", "F1", ""] {
            ui.strong(h);
        }
        ui.end_row();
        let row = |ui: &mut egui::Ui, label: LabelId, source: &str, c: &crate::suggest::Counts, off: bool| {
            ui.label(p.schema.label_name(label));
            ui.label(source);
            for v in [c.precision(), c.recall(), c.f1()] {
                ui.label(super::i18n::number(v, 2));
            }
            if off {
                ui.weak(t!("suggest-off"));
            } else {
                ui.label("");
            }
            ui.end_row();
        };
        for (label, c) in &ev.combined {
            row(ui, *label, &t!("suggest-all"), c, false);
            for source in Source::ALL {
                // A recommender that proposed nothing for the label has nothing to show.
                if let Some(c) = ev.per_label.get(&(source, *label)).filter(|c| c.proposed() > 0) {
                    row(ui, *label, &source_name(source), c, model.is_off(source, *label));
                }
            }
        }
    });
}

/// The model a corpus list was made with (equal when learned for the same inputs).
#[derive(Clone)]
pub struct ModelKey {
    generation: u64,
    model: Arc<Recommenders>,
}

impl PartialEq for ModelKey {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// The corpus's suggestions of one label and one form.
pub struct FormRow {
    pub label: LabelId,
    pub form: String,
    pub suggestions: Vec<Suggestion>,
    /// Articles they are in.
    pub articles: usize,
}

/// Every article's suggestions grouped by label and form: labels in the schema's order, the
/// commonest forms first.
fn corpus_rows(project: &Project, key: &ModelKey) -> Vec<FormRow> {
    let suggest = |a: &Arc<Article>| key.model.suggest(project, a, Keep::ClearOfAll);
    let per_article = crate::par::leaving_a_core(|| crate::par::map(&project.articles, suggest));
    let mut rows: std::collections::HashMap<(LabelId, String), Vec<Suggestion>> = Default::default();
    for (a, found) in project.articles.iter().zip(per_article) {
        for s in found {
            rows.entry((s.label, form_of(&a.text, &s).to_string())).or_default().push(s);
        }
    }
    let order = |l: LabelId| project.schema.labels.iter().position(|x| x.id == l).unwrap_or(usize::MAX);
    let mut out: Vec<FormRow> = rows
        .into_iter()
        .map(|((label, form), suggestions)| {
            let mut ids: Vec<ArticleId> = suggestions.iter().map(|s| s.article).collect();
            ids.dedup();
            FormRow { label, form, articles: ids.len(), suggestions }
        })
        .collect();
    out.sort_by(|a, b| {
        (order(a.label), std::cmp::Reverse(a.suggestions.len()), &a.form).cmp(&(
            order(b.label),
            std::cmp::Reverse(b.suggestions.len()),
            &b.form,
        ))
    });
    out
}

/// Corpus overview → Suggestions: the corpus's suggestions per label and form, to review (a
/// click shows the first) and accept in bulk.
#[derive(Default)]
pub struct CorpusSuggestions {
    rows: Background<ModelKey, Vec<FormRow>>,
    label: Option<LabelId>,
}

impl CorpusSuggestions {
    pub fn wait(&mut self) {
        self.rows.wait();
    }

    pub fn ui(&mut self, cx: &mut ViewCx<'_>, ui: &mut egui::Ui) {
        if !cx.settings.suggestions {
            ui.label(t!("suggest-suggestions-are-off-view-show"));
            return;
        }
        let Some(model) = status_row(ui, cx.suggestion_model(ui.ctx())) else { return };
        let key = ModelKey { generation: cx.derived.suggest.generation(), model };
        let (rev, doc) = (cx.revision(), cx.doc);
        let shown = self.rows.get(rev, key, doc.project(), true, super::derived::repaint(ui.ctx()), corpus_rows);
        let fresh = shown.fresh;
        let Some(rows) = shown.value else {
            super::busy::busy(ui);
            return;
        };
        let p = doc.project();
        ui.horizontal(|ui| {
            let total: usize = rows.iter().map(|r| r.suggestions.len()).sum();
            ui.label(t!("suggest-forms", suggestions = t!("count-suggestions", n = total), rows_len = rows.len()));
            let name = self.label.map_or(t!("suggest-all-labels"), |l| p.schema.label_name(l).to_string());
            super::combo(ui, &t!("suggest-suggestions-label"), name, |ui| {
                ui.selectable_value(&mut self.label, None, t!("suggest-all-labels"));
                for l in &p.schema.labels {
                    ui.selectable_value(&mut self.label, Some(l.id), &l.name);
                }
            });
        });
        let shown: Vec<&FormRow> = rows.iter().filter(|r| self.label.is_none_or(|l| r.label == l)).collect();
        egui::ScrollArea::vertical().id_salt("corpus-suggestions").show(ui, |ui| {
            egui::Grid::new("corpus-suggestions-grid").striped(true).num_columns(5).show(ui, |ui| {
                for h in
                    [&t!("suggest-label"), &t!("suggest-form"), &t!("suggest-suggestions"), &t!("suggest-articles"), ""]
                {
                    ui.strong(h);
                }
                ui.end_row();
                for row in shown.into_iter().take(500) {
                    form_row_ui(cx, ui, row, fresh);
                }
            });
        });
    }
}

fn form_row_ui(cx: &mut ViewCx<'_>, ui: &mut egui::Ui, row: &FormRow, fresh: bool) {
    let p = cx.project();
    let color = p.schema.label(row.label).map_or(egui::Color32::GRAY, |l| super::color32(l.color));
    ui.colored_label(color, p.schema.label_name(row.label));
    let form = crate::text::ellipsize(&row.form, 40);
    ui.label(&form);
    ui.label(row.suggestions.len().to_string());
    ui.label(row.articles.to_string());
    ui.horizontal(|ui| {
        let first = row.suggestions[0];
        if ui.button(t!("suggest-show", form = form)).clicked() {
            cx.act(Action::SelectArticle(first.article));
            cx.act(Action::ShowSuggestion(first));
        }
        // A list shown while the project changed is offered again once brought up to date.
        let accept = egui::Button::new(t!("suggest-accept-all", form = form, n = row.suggestions.len()));
        if ui.add_enabled(fresh, accept).clicked() {
            cx.act(Action::AcceptSuggestions(row.suggestions.clone()));
        }
    });
    ui.end_row();
}
