//! Actions: what views ask the app to do that is not a plain project edit — files, undo,
//! navigation, the span gestures that need the selection, and opening windows (one way for
//! every window: [`Action::Show`]).

use super::super::compare::ComparePane;
use super::super::retext::TextEditor;
use super::super::view::Window;
use super::GloseApp;
use crate::edit::Command;
use crate::model::{ArticleId, Fragment, LabelId, RelTypeId, Relation, RelationId, Span, SpanId};
use std::path::PathBuf;

#[derive(Debug)]
pub enum Action {
    New,
    OpenDialog,
    Open(PathBuf),
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    ImportDialog,
    Import(Vec<PathBuf>),
    /// File → Merge project files: read these in the background, then add what they hold.
    Merge(Vec<PathBuf>),
    /// Export the project (in the background).
    Export(Box<super::background::ExportJob>),
    /// Read annotations from dataset files (in the background), then add them.
    ImportAnnotations(Box<super::background::AnnotationsJob>),
    Undo,
    Redo,
    Quit,
    /// Reopen a never-saved project a crash left in the data folder, and offer its edits back.
    RecoverUnsaved,
    SelectArticle(ArticleId),
    /// Label the current selection (or relabel the selected span).
    ApplyLabel(LabelId),
    DeleteSelectedSpan,
    /// Start linking from the selected span.
    StartLink,
    /// The other end of the link being made is chosen.
    LinkTo(SpanId),
    /// Create the relation being linked, of this type.
    FinishLink(RelTypeId),
    CancelLink,
    JumpToSpan(SpanId),
    JumpToRelation(RelationId),
    /// Add the current selection as another fragment of the selected span.
    AddFragment,
    /// Select a range of the current article and scroll to it.
    SelectRange {
        start: usize,
        end: usize,
    },
    /// Move one end of the selected span by a word: (start end?, grow?).
    ResizeSpan {
        start: bool,
        grow: bool,
    },
    /// Open the find bar and give it the keyboard.
    OpenFind,
    CloseFind,
    /// Find again in the current article (the find text changed).
    RunFind,
    FindNext {
        back: bool,
    },
    /// Make these suggestions spans (one undo step), credited to the user.
    AcceptSuggestions(Vec<crate::suggest::Suggestion>),
    /// Make this suggestion (in the current article) the current one and scroll to it.
    ShowSuggestion(crate::suggest::Suggestion),
    /// Turn a suggestion down (remembered in the project).
    RejectSuggestion(crate::suggest::Suggestion),
    /// Open a window.
    Show(Window),
}

impl GloseApp {
    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New
            | Action::OpenDialog
            | Action::Open(_)
            | Action::Save
            | Action::SaveAsDialog
            | Action::SaveAs(_)
            | Action::ImportDialog
            | Action::Import(_)
            | Action::RecoverUnsaved
            | Action::Quit => self.file_action(ctx, action),
            Action::Merge(paths) => self.start_merge(paths, ctx),
            Action::Export(job) => self.start_export(*job, ctx),
            Action::ImportAnnotations(job) => self.start_annotations(*job, ctx),
            Action::Undo => self.shift_history(false),
            Action::Redo => self.shift_history(true),
            Action::SelectArticle(id) => self.select_article(id),
            Action::ApplyLabel(label) => self.apply_label(label),
            Action::DeleteSelectedSpan => {
                if let (Some(a), Some(s)) = (self.nav.current, self.nav.rs.selected_span) {
                    self.apply(Command::RemoveSpan { article: a, span: s });
                    self.nav.rs.selected_span = None;
                }
            }
            Action::StartLink => {
                if let Some(s) = self.nav.rs.selected_span {
                    self.nav.rs.link_from = Some(s);
                    self.nav.rs.link_candidate = None;
                    self.info(t!("actions-link-click-other-span-tab"));
                }
            }
            Action::LinkTo(to) => self.link_target(to),
            Action::FinishLink(kind) => self.finish_link(kind),
            Action::CancelLink => {
                self.nav.rs.link_from = None;
                self.nav.rs.link_candidate = None;
                self.nav.pending_link = None;
            }
            Action::JumpToSpan(id) => self.jump_to_span(id),
            Action::JumpToRelation(id) => {
                let from = self.nav.current.and_then(|a| self.project().article(a)?.relation(id)).map(|r| r.from);
                if let Some(from) = from {
                    self.jump_to_span(from);
                }
            }
            Action::AddFragment => self.add_fragment(),
            Action::AcceptSuggestions(list) => self.accept_suggestions(list),
            Action::ShowSuggestion(s) => {
                self.nav.rs.current_suggestion = Some(s);
                self.nav.rs.scroll_to = Some(s.start);
            }
            Action::RejectSuggestion(s) => {
                if self.apply(Command::RejectSuggestion { rejection: s.rejection() }) {
                    self.go_on_after(&s);
                }
            }
            Action::SelectRange { start, end } => {
                self.nav.rs.set_selection(start, end);
                self.nav.rs.selected_span = None;
                self.nav.rs.scroll_to = Some(start);
            }
            Action::ResizeSpan { start, grow } => self.resize_span(start, grow),
            Action::OpenFind => {
                self.nav.find.open = true;
                ctx.memory_mut(|m| m.request_focus(egui::Id::unique(super::super::menu::FIND_ID)));
            }
            Action::CloseFind => {
                self.nav.find.open = false;
                self.nav.rs.found.clear();
            }
            Action::RunFind => self.run_find(),
            Action::FindNext { back } => self.find_next(back),
            Action::Show(window) => self.show(window),
        }
    }

    /// Opens a window (the one way every window opens).
    pub(super) fn show(&mut self, window: Window) {
        let v = &mut self.views;
        match window {
            Window::Schema => v.schema = Some(Default::default()),
            Window::ArticleDetails => v.details = Some(Default::default()),
            Window::NewArticle => v.new_article = Some(Default::default()),
            Window::CorrectText => {
                v.text_editor = self.nav.current.and_then(|a| TextEditor::open(self.doc.project(), a, &self.nav.rs));
                if v.text_editor.is_none() {
                    self.info(t!("actions-open-article-first"));
                }
            }
            Window::ExportDataset => v.export = Some(Default::default()),
            Window::ImportAnnotations => v.import = Some(Default::default()),
            Window::Corpus => v.corpus.open(),
            Window::Annotators => v.annotators = Some(Default::default()),
            Window::Shortcuts => v.shortcuts = Some(Default::default()),
            Window::About => v.about = Some(Default::default()),
            Window::Compare => {
                let other = self.nav.current.and_then(|c| ComparePane::best_match(self.doc.project(), c));
                match other {
                    Some(o) => v.central.open_compare(o),
                    None => self.info(t!("actions-compare-needs-two-articles")),
                }
            }
            Window::ComparePair(left, right) => {
                let p = self.doc.project();
                if p.article(left).is_some() && p.article(right).is_some() && left != right {
                    self.nav.current = Some(left);
                    self.nav.rs.reset();
                    v.central.open_compare(right);
                }
            }
            Window::Files(dialog) => {
                let places = self.recent_dirs();
                let dialog = dialog.with_places(places);
                if self.settings.file_dialogs.uses_system() {
                    self.start_system_dialog(dialog);
                } else {
                    self.views.file_dialog = Some(dialog);
                }
            }
            Window::Dialog(d) => v.dialog = Some(d),
        }
    }

    fn select_article(&mut self, id: ArticleId) {
        if self.nav.current != Some(id) {
            self.nav.current = Some(id);
            self.nav.rs.reset();
            self.nav.pending_link = None;
            if self.nav.find.open {
                self.run_find();
            }
        }
    }

    fn jump_to_span(&mut self, id: SpanId) {
        let Some(a) = self.doc.project().articles.iter().find(|a| a.span(id).is_some()) else { return };
        let (aid, start) = (a.id, a.span(id).map_or(0, |s| s.start()));
        self.select_article(aid);
        self.nav.rs.selected_span = Some(id);
        self.nav.rs.scroll_to = Some(start);
    }

    /// Undo (or redo) one step (the session journals the command that did it).
    pub(super) fn shift_history(&mut self, redo: bool) {
        match if redo { self.doc.redo() } else { self.doc.undo() } {
            Ok(Some(applied)) => self.applied(applied),
            Ok(None) => {}
            Err(e) if redo => self.error(t!("actions-redo-failed", e = e)),
            Err(e) => self.error(t!("actions-undo-failed", e = e)),
        }
    }

    /// A label key or palette click: label the selection, or relabel the selected span.
    fn apply_label(&mut self, label: LabelId) {
        let Some(article) = self.nav.current else { return };
        if self.nav.rs.has_selection() {
            let (s, e) = self.nav.rs.selection();
            let span = Span {
                id: SpanId::NEW,
                fragments: vec![Fragment::new(s, e)],
                label,
                annotator: self.settings.annotator.clone(),
                ..Default::default()
            };
            match self.doc.apply(Command::AddSpan { article, span, relations: vec![] }) {
                Ok(applied) => {
                    self.nav.rs.selected_span = applied.created.first().map(|&id| SpanId(id));
                    self.nav.rs.clear_selection();
                    self.applied(applied);
                }
                Err(e) => self.error(t!("actions-not-done", e = e)),
            }
        } else if let Some(span) = self.nav.rs.selected_span {
            self.apply(Command::SetSpanLabel { article, span, label });
        } else {
            self.info(t!("actions-select-some-text-first-drag"));
        }
    }

    /// Accepts suggestions still free in their articles (a list shown before an edit may be
    /// stale); the current suggestion moves on to the next one.
    fn accept_suggestions(&mut self, list: Vec<crate::suggest::Suggestion>) {
        let annotator = self.settings.annotator.clone();
        let Some(cmd) = super::super::suggest::accept_commands(self.doc.project(), &list, &annotator) else {
            return self.info(t!("actions-nothing-accept-those-places-are"));
        };
        let n = match &cmd {
            Command::Batch { commands, .. } => commands.len(),
            _ => 1,
        };
        if self.apply(cmd) {
            if n > 1 {
                self.info(t!("actions-accepted-suggestions-one-undo-step", n = n));
            }
            if let [one] = list.as_slice() {
                self.go_on_after(one);
            }
        }
    }

    /// After the current suggestion was accepted or rejected: the next one becomes current.
    fn go_on_after(&mut self, done: &crate::suggest::Suggestion) {
        let rs = &mut self.nav.rs;
        if rs.current_suggestion.is_some_and(|c| c.same_place(done)) {
            rs.current_suggestion = super::super::suggest::next_after(&rs.suggestions, done);
            if let Some(next) = rs.current_suggestion {
                rs.scroll_to = Some(next.start);
            }
        }
    }

    fn add_fragment(&mut self) {
        let (Some(a), Some(sid)) = (self.nav.current, self.nav.rs.selected_span) else { return };
        if !self.nav.rs.has_selection() {
            return self.info(t!("actions-select-text-add-span-then"));
        }
        let (s, e) = self.nav.rs.selection();
        let Some(span) = self.doc.project().article(a).and_then(|x| x.span(sid)) else { return };
        let mut frags = span.fragments.clone();
        // Overlapping parts merge into one fragment.
        frags.push(Fragment::new(s, e));
        frags.sort();
        let mut merged: Vec<Fragment> = Vec::new();
        for f in frags {
            match merged.last_mut() {
                Some(last) if f.start <= last.end => last.end = last.end.max(f.end),
                _ => merged.push(f),
            }
        }
        if self.apply(Command::SetSpanFragments { article: a, span: sid, fragments: merged }) {
            self.nav.rs.clear_selection();
        }
    }

    /// Alt+arrows: grow or shrink the selected span by one word at either end.
    fn resize_span(&mut self, at_start: bool, grow: bool) {
        let (Some(a), Some(sid)) = (self.nav.current, self.nav.rs.selected_span) else { return };
        let Some(article) = self.doc.project().article(a) else { return };
        let Some(span) = article.span(sid) else { return };
        let text = &article.text;
        let mut frags = span.fragments.clone();
        let edge = if at_start { frags.first_mut() } else { frags.last_mut() };
        let Some(f) = edge else { return };
        let map = crate::text::CharMap::new(text);
        let step = |from: usize, forward: bool| crate::text::word_step(text, &map, from, forward);
        match (at_start, grow) {
            (true, true) => f.start = step(f.start, false),
            (true, false) => f.start = crate::text::snap_to_words_in(text, &map, step(f.start, true), f.end).0,
            (false, true) => f.end = step(f.end, true),
            (false, false) => f.end = crate::text::snap_to_words_in(text, &map, f.start, step(f.end, false)).1,
        }
        if f.start < f.end {
            self.apply(Command::SetSpanFragments { article: a, span: sid, fragments: frags });
        }
    }

    /// The other end is chosen: create the relation at once when only one type fits.
    fn link_target(&mut self, to: SpanId) {
        let Some(from) = self.nav.rs.link_from else { return };
        let types = fitting_types(self.doc.project(), self.nav.current, from, to);
        self.nav.rs.link_from = None;
        self.nav.rs.link_candidate = None;
        self.nav.pending_link = Some((from, to));
        if let [only] = types.as_slice() {
            self.finish_link(*only);
        }
    }

    fn finish_link(&mut self, kind: RelTypeId) {
        let (Some(article), Some((from, to))) = (self.nav.current, self.nav.pending_link.take()) else { return };
        let annotator = self.settings.annotator.clone();
        let relation = Relation { id: RelationId::NEW, kind, from, to, note: String::new(), annotator };
        if self.apply(Command::AddRelation { article, relation }) {
            let name = self.doc.project().schema.relation_type_name(kind).to_string();
            self.info(t!("actions-linked", name = name));
        }
    }

    /// Finds every occurrence of the find text in the current article (any case, the search
    /// rule shared with the corpus search).
    fn run_find(&mut self) {
        let rs = &mut self.nav.rs;
        rs.found.clear();
        rs.found_index = 0;
        let find = &self.nav.find;
        let pattern = crate::text::Pattern {
            whole_words: find.whole_words,
            case_sensitive: find.case_sensitive,
            ..crate::text::Pattern::literal(&find.text)
        };
        let Ok(Some(finder)) = crate::text::Finder::new(&pattern) else { return };
        let Some(a) = self.nav.current.and_then(|a| self.doc.project().article(a)) else { return };
        let map = crate::text::CharMap::new(&a.text);
        rs.found = finder.find_iter(&a.text, &map).collect();
        if let Some(&(s, _)) = rs.found.first() {
            rs.scroll_to = Some(s);
        }
    }

    /// Moves to the next find result and selects it, ready for a label key.
    fn find_next(&mut self, back: bool) {
        let rs = &mut self.nav.rs;
        let n = rs.found.len();
        if n == 0 {
            return;
        }
        rs.found_index = if back { (rs.found_index + n - 1) % n } else { (rs.found_index + 1) % n };
        let (s, e) = rs.found[rs.found_index];
        rs.set_selection(s, e);
        rs.scroll_to = Some(s);
    }
}

/// Relation types whose label constraints fit the two spans of `article` (all types when none
/// fit; none when a span is gone).
pub fn fitting_types(
    project: &crate::model::Project,
    article: Option<ArticleId>,
    from: SpanId,
    to: SpanId,
) -> Vec<RelTypeId> {
    let art = article.and_then(|a| project.article(a));
    let (Some(f), Some(t)) = (art.and_then(|a| a.span(from)), art.and_then(|a| a.span(to))) else { return vec![] };
    project.schema.fitting_relation_types(f.label, t.label)
}
