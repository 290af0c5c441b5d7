//! The application: the open document, the view state, and the one place where commands
//! are applied (and journaled). Panels read the project and push commands or actions;
//! `GloseApp::ui` drains both once per frame.

use super::reader::{Reader, ReaderEvent, ReaderState};
use super::{Settings, dialogs::Dialog};
use crate::edit::Command;
use crate::model::{ArticleId, EntityId, Fragment, LabelId, Project, RelTypeId, Relation, RelationId, Span, SpanId};
use crate::store::Session;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Things panels ask the app to do that are not project edits.
#[derive(Debug, Clone)]
pub enum Action {
    New,
    OpenDialog,
    Open(PathBuf),
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    ImportDialog,
    Import(Vec<PathBuf>),
    Undo,
    Redo,
    Quit,
    SelectArticle(ArticleId),
    /// Label the current selection (or relabel the selected span).
    ApplyLabel(LabelId),
    DeleteSelectedSpan,
    /// Start linking from the selected span.
    StartLink,
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
    ShowDialog(Dialog),
    /// Open the text correction window on the current article.
    CorrectText,
}

/// Extensions offered by File → Import articles (content decides what a file is).
pub const IMPORTABLE: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "docx", "odt", "rtf", "epub", "pdf", "csv", "tsv",
    "tab", "json", "jsonl", "ndjson", "xlsx", "xlsm", "xls", "ods", "zip",
];

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
    pub at: Instant,
}

/// Which tab the right panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SideTab {
    #[default]
    Annotate,
    Spans,
    Actors,
}

pub struct GloseApp {
    /// The open project and its life on disk (journal, saves, lock, recovery).
    pub doc: Session,
    pub settings: Settings,
    pub reader: Reader,
    pub rs: ReaderState,
    pub current: Option<ArticleId>,
    pub side_tab: SideTab,
    pub article_filter: String,
    /// The article list as last filtered.
    pub article_rows: super::articles::ArticleRows,
    pub language_filter: String,
    /// Source, dates and details filters of the article list.
    pub list_filter: super::articles::ListFilter,
    pub sticky_label: Option<LabelId>,
    pub selected_entity: Option<EntityId>,
    pub find_open: bool,
    pub find_text: String,
    /// A relation waiting for its type (from, to).
    pub pending_link: Option<(SpanId, SpanId)>,
    pub dialog: Option<Dialog>,
    pub status: Option<Status>,
    /// The import preview (File → Import articles, or files dropped on the window).
    pub import_preview: Option<super::import::ImportPreview>,
    /// The built-in file dialog, when one is open.
    pub file_dialog: Option<super::files::FileDialog>,
    /// Other project files being read for a merge.
    pub merge_job: Option<super::jobs::MergeJob>,
    pub schema_open: bool,
    /// Edit → Correct article text.
    pub text_editor: Option<super::retext::TextEditor>,
    /// The Spans tab lists only spans marked for review.
    pub review_only: bool,
    pub meta_open: bool,
    pub meta_buf: super::articles::MetaBuf,
    pub new_article: Option<super::articles::NewArticle>,
    pub export_dialog: Option<super::exchange::ExportDialog>,
    pub import_dialog: Option<super::exchange::ImportDialog>,
    /// An export or dataset import running off the UI thread.
    pub exchange: Option<super::exchange::Exchange>,
    pub corpus_open: bool,
    pub annotators: Option<super::annotators::AnnotatorsState>,
    /// The compare view's other pane (View → Compare two articles).
    pub compare: Option<super::compare::ComparePane>,
    pub corpus: super::corpus::CorpusState,
    /// Uses of labels, types and actors, counted once per revision.
    pub(super) counts: super::derived::Cached<(), super::derived::Counts>,
    /// Colours being picked (a drag in a colour picker), by widget key: applied once, when
    /// the gesture ends.
    pub colour_drafts: std::collections::HashMap<String, egui::Color32>,
    /// Text fields being edited, by key, committed when they lose focus.
    pub bufs: std::collections::HashMap<String, String>,
    /// "Find unlinked mentions" results for an actor in the current article.
    pub proposals: Option<(EntityId, Vec<crate::analysis::Mention>)>,
    pub new_alias: String,
    pub new_actor: String,
    pub merge_target: Option<EntityId>,
    pub attr_key: String,
    pub attr_value: String,
    pub new_label: String,
    pub new_type: String,
    queue: Vec<Command>,
    actions: Vec<Action>,
    /// Set when the window may close (after saving or discarding).
    pub allow_close: bool,
    /// The window title last sent (sending it requests a repaint).
    pub window_title: String,
    pub(super) last_disk_check: Instant,
    /// History revision of the last change and when it happened (for autosave).
    pub last_change: (u64, Instant),
    pub(super) was_focused: bool,
    /// Frames seen by the start-up probe, when `GLOSE_STARTUP_PROBE` is set.
    pub probe_frames: Option<u32>,
}

impl GloseApp {
    pub fn new(settings: Settings) -> Self {
        GloseApp {
            doc: Session::new(Project::new("Untitled")),
            settings,
            reader: Reader::default(),
            rs: ReaderState::default(),
            current: None,
            side_tab: SideTab::default(),
            article_filter: String::new(),
            article_rows: Default::default(),
            language_filter: String::new(),
            list_filter: Default::default(),
            sticky_label: None,
            selected_entity: None,
            find_open: false,
            find_text: String::new(),
            pending_link: None,
            dialog: None,
            status: None,
            import_preview: None,
            file_dialog: None,
            merge_job: None,
            schema_open: false,
            text_editor: None,
            review_only: false,
            meta_open: false,
            meta_buf: None,
            new_article: None,
            export_dialog: None,
            import_dialog: None,
            exchange: None,
            corpus_open: false,
            annotators: None,
            compare: None,
            corpus: Default::default(),
            counts: Default::default(),
            colour_drafts: Default::default(),
            bufs: Default::default(),
            proposals: None,
            new_alias: String::new(),
            new_actor: String::new(),
            merge_target: None,
            attr_key: String::new(),
            attr_value: String::new(),
            new_label: String::new(),
            new_type: String::new(),
            queue: Vec::new(),
            actions: Vec::new(),
            allow_close: false,
            window_title: String::new(),
            last_disk_check: Instant::now(),
            last_change: (0, Instant::now()),
            was_focused: true,
            probe_frames: std::env::var_os("GLOSE_STARTUP_PROBE").map(|_| 0),
        }
    }

    /// Queues a change to the project (applied at the end of the frame).
    pub fn push(&mut self, cmd: Command) {
        self.queue.push(cmd);
    }

    /// Queues an action.
    pub fn act(&mut self, action: Action) {
        self.actions.push(action);
    }

    pub fn project(&self) -> &Project {
        self.doc.project()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: false, at: Instant::now() });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: true, at: Instant::now() });
    }

    /// Applies a command now, journals it, and reports a refusal in the status bar.
    pub fn apply(&mut self, cmd: Command) -> bool {
        match self.doc.apply(cmd) {
            Ok(applied) => {
                self.applied(applied);
                true
            }
            Err(e) => {
                self.error(format!("Not done: {e}"));
                false
            }
        }
    }

    /// Undo (or redo) one step (the session journals the command that did it).
    fn shift_history(&mut self, redo: bool) {
        match if redo { self.doc.redo() } else { self.doc.undo() } {
            Ok(Some(applied)) => self.applied(applied),
            Ok(None) => {}
            Err(e) => self.error(format!("{} failed: {e}", if redo { "Redo" } else { "Undo" })),
        }
    }

    /// After a change: a text correction makes the find hits stale (the readers lay the text
    /// out again by themselves: the text revision changed); a journal failure is said.
    fn applied(&mut self, applied: crate::store::Applied) {
        if applied.text_changed {
            self.rs.found.clear();
        }
        if let Some(e) = applied.journal_error {
            self.error(format!("This edit could not be journaled (it is made, but a crash would lose it): {e}"));
        }
    }

    /// Drains queued commands and actions; called once per frame after the panels.
    pub fn flush(&mut self, ctx: &egui::Context) {
        for cmd in std::mem::take(&mut self.queue) {
            self.apply(cmd);
        }
        let actions = std::mem::take(&mut self.actions);
        for a in actions {
            self.run_action(ctx, a);
        }
        self.fix_view();
    }

    /// Keeps the view pointing at things that exist (after undo, delete, …).
    pub(super) fn fix_view(&mut self) {
        let p = self.doc.project();
        if self.current.is_none_or(|a| p.article(a).is_none()) {
            self.current = p.articles.first().map(|a| a.id);
            self.rs.reset();
        }
        let art = self.current.and_then(|a| p.article(a));
        if let Some(s) = self.rs.selected_span
            && art.and_then(|a| a.span(s)).is_none()
        {
            self.rs.selected_span = None;
        }
        if let Some(s) = self.rs.link_from
            && art.and_then(|a| a.span(s)).is_none()
        {
            self.rs.link_from = None;
        }
        if self.selected_entity.is_some_and(|e| p.entity(e).is_none()) {
            self.selected_entity = None;
        }
        if self.sticky_label.is_some_and(|l| p.schema.label(l).is_none()) {
            self.sticky_label = None;
        }
    }

    pub fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New
            | Action::OpenDialog
            | Action::Open(_)
            | Action::Save
            | Action::SaveAsDialog
            | Action::SaveAs(_)
            | Action::ImportDialog
            | Action::Import(_)
            | Action::Quit => self.file_action(ctx, action),
            Action::Undo => self.shift_history(false),
            Action::Redo => self.shift_history(true),
            Action::SelectArticle(id) => {
                if self.current != Some(id) {
                    self.current = Some(id);
                    self.rs.reset();
                    self.pending_link = None;
                    if self.find_open {
                        self.run_find();
                    }
                }
            }
            Action::ApplyLabel(label) => self.apply_label(label),
            Action::DeleteSelectedSpan => {
                if let (Some(a), Some(s)) = (self.current, self.rs.selected_span) {
                    self.apply(Command::RemoveSpan { article: a, span: s });
                    self.rs.selected_span = None;
                }
            }
            Action::StartLink => {
                if let Some(s) = self.rs.selected_span {
                    self.rs.link_from = Some(s);
                    self.rs.link_candidate = None;
                    self.info("Link: click the other span (or Tab to it and press Enter); Esc cancels");
                }
            }
            Action::FinishLink(kind) => self.finish_link(kind),
            Action::CancelLink => {
                self.rs.link_from = None;
                self.rs.link_candidate = None;
                self.pending_link = None;
            }
            Action::JumpToSpan(id) => {
                if let Some(a) = self.doc.project().articles.iter().find(|a| a.span(id).is_some()) {
                    let (aid, start) = (a.id, a.span(id).map_or(0, |s| s.start()));
                    self.run_action(ctx, Action::SelectArticle(aid));
                    self.rs.selected_span = Some(id);
                    self.rs.scroll_to = Some(start);
                }
            }
            Action::JumpToRelation(id) => {
                let hit = self
                    .current
                    .and_then(|a| self.doc.project().article(a))
                    .and_then(|a| a.relation(id))
                    .map(|r| r.from);
                if let Some(from) = hit {
                    self.run_action(ctx, Action::JumpToSpan(from));
                }
            }
            Action::AddFragment => self.add_fragment(),
            Action::SelectRange { start, end } => {
                self.rs.set_selection(start, end);
                self.rs.selected_span = None;
                self.rs.scroll_to = Some(start);
            }
            Action::ResizeSpan { start, grow } => self.resize_span(start, grow),
            Action::ShowDialog(d) => self.dialog = Some(d),
            Action::CorrectText => {
                self.text_editor = super::retext::TextEditor::open(self);
                if self.text_editor.is_none() {
                    self.info("Open an article first");
                }
            }
        }
    }

    fn new_span(&mut self, article: ArticleId, fragments: Vec<Fragment>, label: LabelId) -> Option<SpanId> {
        let id = SpanId(self.doc.alloc_id());
        let span = Span { id, fragments, label, annotator: self.settings.annotator.clone(), ..Default::default() };
        self.apply(Command::AddSpan { article, span, relations: vec![] }).then_some(id)
    }

    /// A label key or palette click: label the selection, or relabel the selected span.
    fn apply_label(&mut self, label: LabelId) {
        let Some(article) = self.current else { return };
        if self.rs.has_selection() {
            let (s, e) = self.rs.selection();
            if let Some(id) = self.new_span(article, vec![Fragment::new(s, e)], label) {
                self.rs.selected_span = Some(id);
                self.rs.clear_selection();
            }
        } else if let Some(span) = self.rs.selected_span {
            self.apply(Command::SetSpanLabel { article, span, label });
        } else {
            self.info("Select some text first (drag, double-click, or Shift+arrows)");
        }
    }

    fn add_fragment(&mut self) {
        let (Some(a), Some(sid)) = (self.current, self.rs.selected_span) else { return };
        if !self.rs.has_selection() {
            return self.info("Select the text to add to this span, then press Ctrl+G");
        }
        let (s, e) = self.rs.selection();
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
            self.rs.clear_selection();
        }
    }

    /// Alt+arrows: grow or shrink the selected span by one word at either end.
    fn resize_span(&mut self, at_start: bool, grow: bool) {
        let (Some(a), Some(sid)) = (self.current, self.rs.selected_span) else { return };
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
    pub fn link_target(&mut self, to: SpanId) {
        let Some(from) = self.rs.link_from else { return };
        let types = self.fitting_types(from, to);
        self.rs.link_from = None;
        self.rs.link_candidate = None;
        if types.len() == 1 {
            self.pending_link = Some((from, to));
            self.finish_link(types[0]);
        } else {
            self.pending_link = Some((from, to));
        }
    }

    /// Relation types whose label constraints fit the two spans (all types when none fit).
    pub fn fitting_types(&self, from: SpanId, to: SpanId) -> Vec<RelTypeId> {
        let p = self.doc.project();
        let art = self.current.and_then(|a| p.article(a));
        let (Some(f), Some(t)) = (art.and_then(|a| a.span(from)), art.and_then(|a| a.span(to))) else { return vec![] };
        let fits: Vec<RelTypeId> = p
            .schema
            .relation_types
            .iter()
            .filter(|rt| {
                let ok = |allowed: &[LabelId], l: LabelId| allowed.is_empty() || allowed.contains(&l);
                (ok(&rt.from_labels, f.label) && ok(&rt.to_labels, t.label))
                    || (rt.symmetric && ok(&rt.from_labels, t.label) && ok(&rt.to_labels, f.label))
            })
            .map(|rt| rt.id)
            .collect();
        if fits.is_empty() { p.schema.relation_types.iter().map(|t| t.id).collect() } else { fits }
    }

    fn finish_link(&mut self, kind: RelTypeId) {
        let (Some(article), Some((from, to))) = (self.current, self.pending_link.take()) else { return };
        let id = RelationId(self.doc.alloc_id());
        let relation = Relation { id, kind, from, to, note: String::new(), annotator: self.settings.annotator.clone() };
        if self.apply(Command::AddRelation { article, relation }) {
            let name = self.doc.project().schema.relation_type_name(kind).to_string();
            self.info(format!("Linked: {name}"));
        }
    }

    /// Finds every occurrence of the find text in the current article (any case, the search
    /// rule shared with the corpus search).
    pub fn run_find(&mut self) {
        self.rs.found.clear();
        self.rs.found_index = 0;
        let Ok(Some(finder)) = crate::text::Finder::new(&crate::text::Pattern::literal(&self.find_text)) else {
            return;
        };
        let Some(a) = self.current.and_then(|a| self.doc.project().article(a)) else { return };
        let map = crate::text::CharMap::new(&a.text);
        self.rs.found = finder.find_iter(&a.text, &map).collect();
        if let Some(&(s, _)) = self.rs.found.first() {
            self.rs.scroll_to = Some(s);
        }
    }

    /// Moves to the next find result and selects it, ready for a label key.
    pub fn find_next(&mut self, back: bool) {
        let n = self.rs.found.len();
        if n == 0 {
            return;
        }
        self.rs.found_index = if back { (self.rs.found_index + n - 1) % n } else { (self.rs.found_index + 1) % n };
        let (s, e) = self.rs.found[self.rs.found_index];
        self.rs.set_selection(s, e);
        self.rs.scroll_to = Some(s);
    }

    pub fn handle_reader_events(&mut self, events: Vec<ReaderEvent>) {
        for ev in events {
            match ev {
                ReaderEvent::SelectionMade => {
                    if let Some(label) = self.sticky_label {
                        self.apply_label(label);
                    }
                }
                ReaderEvent::LinkTarget(to) => self.link_target(to),
                ReaderEvent::Interacted | ReaderEvent::HoveredEntity(_) => {}
                ReaderEvent::RelationClicked(r) => {
                    self.side_tab = SideTab::Annotate;
                    let from = self
                        .current
                        .and_then(|a| self.doc.project().article(a))
                        .and_then(|a| a.relation(r))
                        .map(|r| r.from);
                    self.rs.selected_span = from;
                }
            }
        }
    }

    /// Status text older than a few seconds fades out.
    pub fn status_text(&self) -> Option<(&str, bool)> {
        self.status
            .as_ref()
            .filter(|s| s.error || s.at.elapsed() < Duration::from_secs(8))
            .map(|s| (s.text.as_str(), s.error))
    }
}
