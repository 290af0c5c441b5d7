//! The window's side of the document's life: it asks the session (`store::Session`) to open,
//! save, recover and reload, and shows what happened — every failure in the status bar or a
//! dialog, none dropped. The lifecycle itself lives in the session, shared with the CLI's edit
//! loop and the kill test.

use super::super::files::{FileDialog, Purpose};
use super::super::view::Window;
use super::{Action, Dialog, GloseApp};
use crate::model::Project;
use crate::store::{Recovery, SaveOutcome, Session};
use std::path::Path;
use std::time::{Duration, Instant};

impl GloseApp {
    /// New, open, save, import, quit: the actions about files.
    pub(in crate::ui) fn file_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard_unsaved(Action::New, |app| app.start_untitled()),
            Action::RecoverUnsaved => self.guard_unsaved(Action::RecoverUnsaved, |app| {
                if !app.offer_unsaved() {
                    app.info(t!("document-no-unsaved-project-recover"));
                }
            }),
            Action::OpenDialog => {
                let d = FileDialog::open(
                    Purpose::OpenProject,
                    &t!("document-open-project"),
                    &t!("document-open"),
                    false,
                    false,
                    self.start_dir(),
                )
                .with_filter(&t!("document-glose-projects-ron"), &["ron"]);
                self.show(Window::Files(Box::new(d)));
            }
            Action::Open(path) => {
                let p = path.clone();
                self.guard_unsaved(Action::Open(path), move |app| app.open(&p));
            }
            Action::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(p) => self.save_to(&p),
                None => self.act(Action::SaveAsDialog),
            },
            Action::SaveAsDialog => {
                let name = format!(
                    "{}.ron",
                    if self.doc.project().name.is_empty() { "project" } else { &self.doc.project().name }
                );
                let start = self.doc.path().and_then(Path::parent).map(Path::to_path_buf);
                let d = FileDialog::save(
                    Purpose::SaveProject,
                    &t!("document-save-project-as"),
                    &name,
                    start.as_deref().or(self.start_dir()),
                )
                .with_filter(&t!("document-glose-projects-ron"), &["ron"]);
                self.show(Window::Files(Box::new(d)));
            }
            Action::SaveAs(path) => self.save_to(&path),
            Action::ImportDialog => {
                let d = FileDialog::open(
                    Purpose::ImportArticles,
                    &t!("document-import-articles"),
                    &t!("document-import"),
                    true,
                    true,
                    self.start_dir(),
                )
                .with_filter(&t!("document-articles-exports-documents-tables"), super::IMPORTABLE);
                self.show(Window::Files(Box::new(d)));
            }
            Action::Import(paths) => match &mut self.views.import_preview {
                Some(preview) => preview.add(paths, ctx),
                None => {
                    self.views.import_preview =
                        Some(super::super::import::ImportPreview::start(paths, self.doc.project(), ctx));
                }
            },
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            _ => {}
        }
    }

    /// Runs `then` now, or after asking whether to save unsaved changes.
    fn guard_unsaved(&mut self, retry: Action, then: impl FnOnce(&mut Self)) {
        self.finish_saving();
        if self.doc.is_dirty() {
            self.views.dialog = Some(Dialog::Unsaved { then: Box::new(retry) });
        } else {
            then(self);
        }
    }

    /// Drops the unsaved changes so a guarded action can proceed (the user chose "Discard").
    pub fn discard_changes(&mut self) {
        if let Err(e) = self.doc.discard_changes() {
            self.error(t!("document-journal-discarded-edits-could-not", e = e));
        }
    }

    /// Puts `session` in place of the open one, which is closed with its journal kept (unsaved
    /// edits stay recoverable; after a save or a discard there are none).
    pub fn replace_session(&mut self, session: Session) {
        let old = std::mem::replace(&mut self.doc, session);
        let (outcomes, error) = old.close(true);
        for o in outcomes {
            self.save_landed(o);
        }
        if let Some(e) = error {
            self.error(t!("document-closing-previous-project", e = e));
        }
        // Nothing chosen in the previous project carries over by id (its actor 7 is not this
        // one's): selection, actor, sticky label, pending link, compare and per-project views.
        let nav = std::mem::take(&mut self.nav);
        self.nav.side_tab = nav.side_tab;
        self.nav.find = nav.find;
        let v = &mut self.views;
        v.central = Default::default();
        v.side = Default::default();
        v.corpus = Default::default();
        (v.schema, v.details, v.text_editor, v.annotators) = (None, None, None, None);
    }

    /// A new, empty project: journaled in the data folder until the user saves it somewhere.
    pub fn start_untitled(&mut self) {
        let project = Project::new(&t!("document-untitled"));
        let session = match &self.data_dir {
            Some(dir) => Session::new_scratch(project.clone(), dir).unwrap_or_else(|e| {
                self.out.error(t!("document-new-project-cannot-journaled-until", e = e));
                Session::new(project)
            }),
            None => Session::new(project),
        };
        self.replace_session(session);
    }

    /// Reopens the newest never-saved project a crash left in the data folder and offers its
    /// edits back. False when there is none.
    pub fn offer_unsaved(&mut self) -> bool {
        let Some(dir) = &self.data_dir else { return false };
        let Some(newest) = crate::store::unsaved_projects(dir).into_iter().next() else { return false };
        match Session::reopen_scratch(&newest.file) {
            Ok((session, report)) => {
                self.replace_session(session);
                if let Some(rec) = report.recovery {
                    self.views.dialog = Some(Dialog::Recover(std::rc::Rc::new(rec)));
                }
                self.fix_view();
                true
            }
            Err(e) => {
                self.error(t!("document-unsaved-project-could-not-read", file = newest.file.display(), e = e));
                false
            }
        }
    }

    /// `glose PATH` for a file that does not exist: a new project, offered to be created there.
    pub fn open_or_offer(&mut self, path: &Path) {
        if path.exists() {
            self.open(path);
        } else {
            self.start_untitled();
            self.views.dialog = Some(Dialog::CreateMissing(path.to_path_buf()));
        }
    }

    /// Opens a project; offers a crashed session's edits back. A big one (a file over 64 MB, a
    /// folder of over 4 000 files: see [`GloseApp::open_in_background_over`]) is read in a thread — the window stays usable, the status bar
    /// says so — and takes the place of the open project when it is read.
    pub fn open(&mut self, path: &Path) {
        if big_project(path, self.life.open_in_background_over) {
            let p = path.to_path_buf();
            let job = crate::progress::Job::spawn(0, None, move |_| Session::open(&p));
            self.jobs.push(super::background::Running::Open { job, path: path.to_path_buf() });
            return;
        }
        self.opened(path, Session::open(path));
    }

    /// Takes in a project read by [`GloseApp::open`].
    pub(super) fn opened(
        &mut self,
        path: &Path,
        result: Result<(Session, crate::store::OpenReport), crate::store::StoreError>,
    ) {
        let (session, report) = match result {
            Ok(opened) => opened,
            Err(e) => {
                self.views.dialog = Some(Dialog::Error(t!("document-could-not-open-project", e = e)));
                return;
            }
        };
        self.replace_session(session);
        self.settings.remember(path);
        if let Some(pid) = report.other_window {
            self.views.dialog = Some(Dialog::AlreadyOpen(pid));
        }
        if let Some(rec) = report.recovery {
            self.views.dialog = Some(Dialog::Recover(std::rc::Rc::new(rec)));
        }
        if let Some(v) = report.migrated_from {
            self.info(t!("document-opened-format-upgraded-saving-writes", path = path.display(), v = v));
        } else if let Some(p) = report.problems.first() {
            self.error(t!("document-problem-s-project-e-g", n = report.problems.len(), p = p));
        } else {
            self.info(t!("document-opened", path = path.display()));
        }
        if let Some(e) = report.journal_error {
            self.error(t!("document-journal", e = e));
        }
        if report.renumbered > 0 {
            self.info(t!("document-span-s-relation-s-had", renumbered = report.renumbered));
        }
        if !report.skipped.is_empty() && self.views.dialog.is_none() {
            // Named inside the project folder: whole paths broke every line in two.
            let inside = format!("{}/", crate::store::folder::resolve(path).display());
            let list: Vec<String> =
                report.skipped.iter().map(|e| format!("• {}", e.to_string().replace(&inside, ""))).collect();
            self.views.dialog =
                Some(Dialog::Error(t!("document-file-s-project-could-not", n = list.len(), list = list.join("\n"))));
        }
        self.fix_view();
    }

    /// Replays a crashed session's journal (the user chose "Restore").
    pub fn restore(&mut self, rec: &Recovery) {
        match self.doc.restore(rec) {
            Ok(n) => self.info(t!("document-restored-unsaved-edit-s-save", n = n)),
            Err(e) => self.views.dialog = Some(Dialog::Error(t!("document-unsaved-edits-could-not-restored", e = e))),
        }
        self.fix_view();
    }

    /// The user chose to discard a crashed session's journal.
    pub fn drop_recovery(&mut self) {
        if let Err(e) = self.doc.drop_recovery() {
            self.error(t!("document-edits-will-not-journaled", e = e));
        }
    }

    /// Saves in the background: the project is copied and written by another thread while
    /// editing goes on.
    pub fn save_to(&mut self, path: &Path) {
        self.start_save(path, false);
    }

    fn start_save(&mut self, path: &Path, auto: bool) {
        if let Err(e) = self.doc.start_save(path, auto) {
            self.views.dialog = Some(Dialog::Error(t!("document-project-was-not-saved", e = e)));
        }
    }

    /// Takes in a finished background save, if there is one; called every frame.
    pub fn poll_save(&mut self) {
        if let Some(outcome) = self.doc.poll_save() {
            self.save_landed(outcome);
        }
    }

    /// Waits for the background save to land (before quitting, opening another project, …).
    pub fn finish_saving(&mut self) {
        for outcome in self.doc.finish_saving() {
            self.save_landed(outcome);
        }
    }

    fn save_landed(&mut self, outcome: SaveOutcome) {
        match outcome {
            SaveOutcome::Saved { path, bytes, millis, auto, journal_error, .. } => {
                self.settings.remember(&path);
                let (path, kb) = (path.display(), bytes / 1024);
                self.info(if auto {
                    t!("document-autosaved", path = path, kb = kb, millis = millis)
                } else {
                    t!("document-saved", path = path, kb = kb, millis = millis)
                });
                if let Some(e) = journal_error {
                    self.error(t!("document-saved-but-edits-from-now", e = e));
                }
            }
            SaveOutcome::Failed(e) => {
                self.views.dialog = Some(Dialog::Error(t!("document-project-was-not-saved", e = e)))
            }
        }
    }

    /// Saves by itself: some seconds after the last change, and when the window loses focus.
    /// Only projects that have a file; the journal already holds every edit in between.
    pub fn autosave(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let lost_focus = self.life.was_focused && !focused;
        self.life.was_focused = focused;
        let rev = self.doc.history().revision();
        if rev != self.life.last_change.0 {
            self.life.last_change = (rev, Instant::now());
        }
        if !self.doc.is_dirty() || self.views.dialog.is_some() || self.doc.is_saving() {
            return;
        }
        let Some(path) = self.doc.path().map(Path::to_path_buf) else { return };
        let secs = self.settings.autosave_secs;
        let due = secs > 0 && self.life.last_change.1.elapsed() >= Duration::from_secs(u64::from(secs));
        if due || (lost_focus && self.settings.autosave_on_focus_loss) {
            self.start_save(&path, true);
        } else if secs > 0 {
            ctx.request_repaint_after(Duration::from_secs(u64::from(secs)));
        }
    }

    /// Every two seconds: has someone else changed the file (git pull, another program)?
    pub fn check_disk(&mut self) {
        if self.life.last_disk_check.elapsed() >= Duration::from_secs(2) {
            self.check_disk_now();
        }
    }

    /// Has someone else changed the file? Asks once per change (a dialog offers to reload).
    pub fn check_disk_now(&mut self) {
        if self.views.dialog.is_some() {
            return;
        }
        self.life.last_disk_check = Instant::now();
        if self.doc.changed_on_disk() {
            self.views.dialog = Some(Dialog::ChangedOnDisk);
        }
    }

    /// Reads the file again, dropping unsaved edits (the user chose so).
    pub fn reload(&mut self) {
        self.finish_saving();
        if let Some(path) = self.doc.path().map(Path::to_path_buf) {
            let current = self.nav.current;
            self.discard_changes();
            self.open(&path);
            // The same article stays open when it is still there.
            if current.is_some_and(|c| self.doc.project().article(c).is_some()) {
                self.nav.current = current;
            }
        }
    }
}

impl GloseApp {
    /// The window is asked to close: a save still being written lands first; unsaved
    /// changes are asked about.
    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing {
            self.finish_saving();
        }
        if closing && self.doc.is_dirty() && !self.life.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.views.dialog = Some(Dialog::Unsaved { then: Box::new(Action::Quit) });
        }
        self.settings.zoom = ctx.zoom_factor();
    }

    /// A project file or project folder dropped on the window opens; other files go to the
    /// import preview.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if dropped.is_empty() {
            return;
        }
        let project_folder = |p: &Path| p.join(crate::store::folder::INDEX).is_file();
        if let [one] = dropped.as_slice()
            && (one.extension().is_some_and(|e| e == "ron") || project_folder(one))
        {
            self.act(Action::Open(one.clone()));
        } else {
            self.act(Action::Import(dropped));
        }
    }

    /// Shows the modal dialog, if any, and does what was answered.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        // Taken out while shown: what an answer does may open another dialog, which then wins.
        let Some(mut dialog) = self.views.dialog.take() else { return };
        let mut cx = super::super::view::ViewCx {
            doc: &self.doc,
            settings: &mut self.settings,
            nav: &mut self.nav,
            out: &mut self.out,
            derived: &mut self.derived,
        };
        let answer = super::super::dialogs::dialog_ui(&mut dialog, &mut cx, ctx);
        match answer {
            None => {
                if self.views.dialog.is_none() {
                    self.views.dialog = Some(dialog);
                }
            }
            Some(a) => self.answer(a, ctx),
        }
    }

    fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::Close => {}
            Answer::SaveThen(then) => {
                self.run_action(ctx, Action::Save);
                self.finish_saving();
                if !self.doc.is_dirty() {
                    self.life.allow_close = true;
                    self.act(*then);
                }
            }
            Answer::DiscardThen(then) => {
                self.discard_changes();
                self.life.allow_close = true;
                self.act(*then);
            }
            Answer::Restore(rec) => self.restore(&rec),
            Answer::DropRecovery => self.drop_recovery(),
            Answer::Reload => self.reload(),
            Answer::SaveAs(path) => self.save_to(&path),
        }
    }
}

/// What the user answered in a dialog that the app itself must carry out.
pub enum Answer {
    /// Nothing more to do (OK, Cancel, or the dialog did it through its commands).
    Close,
    SaveThen(Box<Action>),
    DiscardThen(Box<Action>),
    Restore(std::rc::Rc<Recovery>),
    DropRecovery,
    Reload,
    SaveAs(std::path::PathBuf),
}

/// Whether the project at `path` is over `(bytes, files)`: it then opens in a thread.
fn big_project(path: &Path, (bytes, files): (u64, usize)) -> bool {
    let path = crate::store::folder::resolve(path);
    if path.is_dir() {
        let articles = path.join(crate::store::folder::ARTICLES);
        std::fs::read_dir(articles).is_ok_and(|d| d.take(files + 1).count() > files)
    } else {
        std::fs::metadata(path).is_ok_and(|m| m.len() > bytes)
    }
}
