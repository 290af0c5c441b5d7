//! The application: the open document (a `store::Session`), where the user is, the views, and
//! the one place where what the views asked for is done — commands applied (and journaled),
//! actions run, windows opened. Its state is private: views get a [`ViewCx`] for a frame.

mod actions;
mod background;
mod document;

pub use actions::{Action, fitting_types};
pub(super) use background::{AnnotationsJob, ExportJob, Running};
pub(super) use document::Answer;

use super::annotators::AnnotatorsWindow;
use super::articles::{ArticlesPanel, DetailsWindow, NewArticleWindow};
use super::central::CentralView;
use super::corpus::CorpusWindow;
use super::dialogs::Dialog;
use super::exchange::{ExportWindow, ImportWindow};
use super::files::FileDialog;
use super::import::ImportPreview;
use super::reader::{Reader, ReaderState};
use super::retext::TextEditor;
use super::schema::SchemaWindow;
use super::side::SidePanel;
use super::view::{Derived, Nav, Outbox, Then, ViewCx};
use super::{Settings, menu};
use crate::edit::Command;
use crate::model::{ArticleId, EntityId, LabelId, Project, SpanId};
use crate::store::Session;
use std::time::{Duration, Instant};

/// Extensions offered by File → Import articles (content decides what a file is).
pub const IMPORTABLE: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "docx", "odt", "rtf", "epub", "pdf", "csv", "tsv",
    "tab", "json", "jsonl", "ndjson", "xlsx", "xlsm", "xls", "ods", "zip",
];

/// A window drawn when open: returns whether it stays open.
pub trait WindowView {
    fn ui(&mut self, cx: &mut ViewCx<'_>, ctx: &egui::Context) -> bool;
}

/// Draws a window held in `slot`, and drops it when it closes.
fn draw<W: WindowView>(slot: &mut Option<W>, cx: &mut ViewCx<'_>, ctx: &egui::Context) {
    if let Some(w) = slot
        && !w.ui(cx, ctx)
    {
        *slot = None;
    }
}

/// The panels and windows, each with its own state.
#[derive(Default)]
struct Views {
    central: CentralView,
    articles: ArticlesPanel,
    side: SidePanel,
    corpus: CorpusWindow,
    schema: Option<SchemaWindow>,
    details: Option<DetailsWindow>,
    new_article: Option<NewArticleWindow>,
    text_editor: Option<TextEditor>,
    export: Option<ExportWindow>,
    import: Option<ImportWindow>,
    annotators: Option<AnnotatorsWindow>,
    shortcuts: Option<super::help::ShortcutsWindow>,
    about: Option<super::help::AboutWindow>,
    /// The import preview (File → Import articles, or files dropped on the window).
    import_preview: Option<ImportPreview>,
    /// The built-in file dialog, when one is open.
    file_dialog: Option<FileDialog>,
    /// The system's file dialog being answered in a thread: what for, its title, the answer.
    system_dialog: Option<(super::files::Purpose, String, crate::progress::Job<super::files::Outcome>)>,
    dialog: Option<Dialog>,
}

/// The window's own life: closing, its title, autosave and disk-check timing.
struct Life {
    /// Set when the window may close (after saving or discarding).
    allow_close: bool,
    /// The window title last sent (sending it requests a repaint).
    title: String,
    last_disk_check: Instant,
    /// History revision of the last change and when it happened (for autosave).
    last_change: (u64, Instant),
    was_focused: bool,
    /// Frames seen by the start-up probe, when `GLOSE_STARTUP_PROBE` is set.
    probe_frames: Option<u32>,
    /// Projects larger than this (bytes of a file, files of a folder's `articles/`) are opened
    /// in a thread.
    open_in_background_over: (u64, usize),
}

pub struct GloseApp {
    /// The open project and its life on disk (journal, saves, lock, recovery).
    doc: Session,
    settings: Settings,
    nav: Nav,
    views: Views,
    out: Outbox,
    derived: Derived,
    /// Exports, dataset imports and merges running off the UI thread.
    jobs: Vec<Running>,
    life: Life,
    /// Where never-saved projects are journaled (`None`: they live in memory only).
    data_dir: Option<std::path::PathBuf>,
}

impl GloseApp {
    pub fn new(settings: Settings) -> Self {
        GloseApp {
            doc: Session::new(Project::new(&t!("app-untitled"))),
            settings,
            nav: Nav::default(),
            views: Views::default(),
            out: Outbox::default(),
            derived: Derived::default(),
            jobs: Vec::new(),
            life: Life {
                allow_close: false,
                title: String::new(),
                last_disk_check: Instant::now(),
                last_change: (0, Instant::now()),
                was_focused: true,
                probe_frames: std::env::var_os("GLOSE_STARTUP_PROBE").map(|_| 0),
                open_in_background_over: (64 << 20, 4000),
            },
            data_dir: None,
        }
    }

    /// Journals never-saved projects in `dir` (the app's data folder), so a crash does not
    /// lose them.
    pub fn with_data_dir(mut self, dir: Option<std::path::PathBuf>) -> Self {
        self.data_dir = dir;
        self
    }

    /// The open document.
    pub fn doc(&self) -> &Session {
        &self.doc
    }

    pub fn project(&self) -> &Project {
        self.doc.project()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The article shown.
    pub fn current(&self) -> Option<ArticleId> {
        self.nav.current
    }

    /// The reader's selection, selected span, link in progress, find hits….
    pub fn reader_state(&self) -> &ReaderState {
        &self.nav.rs
    }

    pub fn reader_state_mut(&mut self) -> &mut ReaderState {
        &mut self.nav.rs
    }

    /// The reader of the current article, as last drawn.
    pub fn reader(&self) -> &Reader {
        self.views.central.reader()
    }

    pub fn selected_entity(&self) -> Option<EntityId> {
        self.nav.selected_entity
    }

    pub fn sticky_label(&self) -> Option<LabelId> {
        self.nav.sticky_label
    }

    /// A relation waiting for its type.
    pub fn pending_link(&self) -> Option<(SpanId, SpanId)> {
        self.nav.pending_link
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.views.dialog.as_ref()
    }

    pub fn file_dialog(&self) -> Option<&FileDialog> {
        self.views.file_dialog.as_ref()
    }

    pub fn compare(&self) -> Option<&super::compare::ComparePane> {
        self.views.central.compare()
    }

    pub fn corpus(&self) -> &CorpusWindow {
        &self.views.corpus
    }

    pub fn side_panel(&self) -> &SidePanel {
        &self.views.side
    }

    pub fn import_preview(&self) -> Option<&ImportPreview> {
        self.views.import_preview.as_ref()
    }

    pub fn import_preview_mut(&mut self) -> Option<&mut ImportPreview> {
        self.views.import_preview.as_mut()
    }

    pub fn text_editor_mut(&mut self) -> Option<&mut TextEditor> {
        self.views.text_editor.as_mut()
    }

    /// Whether an export, a dataset import or a merge is running.
    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Opens the corpus overview on `tab`.
    pub fn show_corpus_tab(&mut self, tab: super::CorpusTab) {
        self.views.corpus.show_tab(tab);
    }

    /// Shows only the articles matching `filter` in the list.
    pub fn set_article_filter(&mut self, filter: &str) {
        self.views.articles.set_filter(filter);
    }

    /// Undoes the last change now.
    pub fn undo(&mut self) {
        self.shift_history(false);
    }

    /// Queues an action (run at the end of the frame).
    /// Projects bigger than `bytes` (one file) or `files` (a folder's articles) open in a thread
    /// (by default 64 MB and 4 000 files).
    pub fn open_in_background_over(&mut self, bytes: u64, files: usize) {
        self.life.open_in_background_over = (bytes, files);
    }

    pub fn act(&mut self, action: Action) {
        self.out.act(action);
    }

    fn info(&mut self, text: impl Into<String>) {
        self.out.info(text);
    }

    fn error(&mut self, text: impl Into<String>) {
        self.out.error(text);
    }

    /// Applies a command now, journals it, and reports a refusal in the status bar.
    pub fn apply(&mut self, cmd: Command) -> bool {
        self.apply_then(cmd, Then::Nothing)
    }

    fn apply_then(&mut self, cmd: Command, then: Then) -> bool {
        match self.doc.apply(cmd) {
            Ok(applied) => {
                if let Some(&id) = applied.created.first() {
                    self.created(id, then);
                }
                self.applied(applied);
                true
            }
            Err(e) => {
                self.error(t!("app-not-done", e = e));
                false
            }
        }
    }

    /// What follows the creation of something a view asked for.
    fn created(&mut self, id: u64, then: Then) {
        match then {
            Then::Nothing => {}
            Then::JumpToSpan => self.act(Action::JumpToSpan(SpanId(id))),
            Then::SelectEntity => {
                self.nav.selected_entity = Some(EntityId(id));
                self.nav.side_tab = super::SideTab::Actors;
            }
            Then::SelectArticle => self.act(Action::SelectArticle(ArticleId(id))),
        }
    }

    /// After a change: a text correction makes the selection and find hits stale (the
    /// readers lay the text out again by themselves: the text revision changed); a journal
    /// failure is said.
    fn applied(&mut self, applied: crate::store::Applied) {
        if applied.text_changed {
            self.nav.rs.reset();
        }
        if let Some(e) = applied.journal_error {
            self.error(t!("app-edit-could-not-journaled-made", e = e));
        }
    }

    /// Applies what the views queued and runs the actions; once per frame after the views.
    fn flush(&mut self, ctx: &egui::Context) {
        if !self.out.commands.is_empty() || !self.out.actions.is_empty() {
            // What they change is drawn by the next frame, whatever asked for them.
            ctx.request_repaint();
        }
        for (cmd, then) in std::mem::take(&mut self.out.commands) {
            self.apply_then(cmd, then);
        }
        for a in std::mem::take(&mut self.out.actions) {
            self.run_action(ctx, a);
        }
        self.fix_view();
    }

    /// Keeps the view pointing at things that exist (after undo, delete, …).
    fn fix_view(&mut self) {
        let p = self.doc.project();
        let nav = &mut self.nav;
        if nav.current.is_none_or(|a| p.article(a).is_none()) {
            nav.current = p.articles.first().map(|a| a.id);
            nav.rs.reset();
        }
        let art = nav.current.and_then(|a| p.article(a));
        if nav.rs.selected_span.is_some_and(|s| art.and_then(|a| a.span(s)).is_none()) {
            nav.rs.selected_span = None;
        }
        if nav.rs.link_from.is_some_and(|s| art.and_then(|a| a.span(s)).is_none()) {
            nav.rs.link_from = None;
        }
        if nav.selected_entity.is_some_and(|e| p.entity(e).is_none()) {
            nav.selected_entity = None;
        }
        if nav.sticky_label.is_some_and(|l| p.schema.label(l).is_none()) {
            nav.sticky_label = None;
        }
    }

    /// Status text older than a few seconds fades out.
    pub fn status_text(&self) -> Option<(&str, bool)> {
        self.out.status_text()
    }

    /// Frames seen by the start-up probe, if it runs.
    pub(super) fn probe_frame(&mut self) -> Option<u32> {
        let frames = self.life.probe_frames.as_mut()?;
        *frames += 1;
        Some(*frames)
    }

    pub(super) fn allow_close(&mut self) {
        self.life.allow_close = true;
    }

    /// Draws every panel and open window, then does what they asked.
    fn draw(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let blocked = self.views.dialog.is_some() || self.views.file_dialog.is_some();
        let views = &mut self.views;
        let mut cx = ViewCx {
            doc: &self.doc,
            settings: &mut self.settings,
            nav: &mut self.nav,
            out: &mut self.out,
            derived: &mut self.derived,
        };
        // Esc closes an open menu first (and does nothing else then).
        if egui::Popup::is_any_open(ctx) && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            egui::Popup::close_all(ctx);
        }
        if !blocked {
            menu::shortcuts(&mut cx, ctx);
        }
        menu::menu_bar_ui(&mut cx, ui);
        menu::status_bar_ui(&mut cx, &self.jobs, ui);
        views.articles.ui(&mut cx, ui);
        views.side.ui(&mut cx, ui);
        egui::CentralPanel::default().show(ui, |ui| views.central.ui(&mut cx, ui));
        views.corpus.ui(&mut cx, ctx);
        draw(&mut views.schema, &mut cx, ctx);
        draw(&mut views.details, &mut cx, ctx);
        draw(&mut views.text_editor, &mut cx, ctx);
        draw(&mut views.new_article, &mut cx, ctx);
        draw(&mut views.export, &mut cx, ctx);
        draw(&mut views.import, &mut cx, ctx);
        draw(&mut views.annotators, &mut cx, ctx);
        draw(&mut views.shortcuts, &mut cx, ctx);
        draw(&mut views.about, &mut cx, ctx);
        self.import_preview_ui(ctx);
        self.file_dialog_ui(ctx);
        self.dialog_ui(ctx);
    }
}

impl eframe::App for GloseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.run_frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }
}

impl GloseApp {
    /// One frame of the window: what eframe runs, and what the frame benchmarks run headless.
    pub fn run_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        super::i18n::set_current(self.settings.language());
        super::startup_probe(self, &ctx);
        self.handle_close(&ctx);
        self.handle_dropped_files(&ctx);
        self.poll_save();
        self.poll_jobs(false);
        if self.doc.is_saving() || !self.jobs.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(30));
        }
        self.check_disk();
        self.autosave(&ctx);
        if self.doc.path().is_some() {
            // Wake up now and then to notice changes made by others to the file.
            ctx.request_repaint_after(Duration::from_secs(2));
        }
        self.draw(ui, &ctx);
        self.flush(&ctx);
        let title = self.doc.title();
        if self.life.title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.life.title = title;
        }
    }
}
