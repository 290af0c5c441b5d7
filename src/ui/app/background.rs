//! The window's long work, each a `progress::Job` shown in the status bar with its progress
//! and a cancel button: exports, dataset imports (File → Import annotations) and merges (File →
//! Merge project files). What a finished job brings in becomes one undo step. Also the routing
//! of the import preview and the file dialog, which start most of that work.

use super::super::files::{Outcome, Purpose};
use super::super::import::{PreviewAction, plan_preview};
use super::super::view::Window;
use super::{Action, GloseApp};
use crate::export::{self, ExportError, Format, Options, Report};
use crate::import::{self, DatasetError, DatasetFormat, dataset::Dataset};
use crate::progress::{Job, Poll, Progress, Waker};
use crate::store::StoreError;
use std::path::{Path, PathBuf};

/// An export the export window asks for.
#[derive(Debug)]
pub struct ExportJob {
    pub format: Format,
    pub options: Options,
    pub out: PathBuf,
    /// Articles it will write (for the progress bar).
    pub total: usize,
}

/// A dataset import the import window asks for.
#[derive(Debug)]
pub struct AnnotationsJob {
    pub format: DatasetFormat,
    pub paths: Vec<PathBuf>,
    pub utf16: bool,
    /// Whose annotations they become (`None`: as the files say).
    pub annotator: Option<String>,
}

/// Work running in a thread.
pub enum Running {
    Export {
        job: Job<Result<Report, ExportError>>,
        format: Format,
    },
    Annotations {
        job: Job<Result<Dataset, DatasetError>>,
        annotator: Option<String>,
    },
    /// A big project being read (see [`GloseApp::open`]).
    Open {
        job: Job<Result<(crate::store::Session, crate::store::OpenReport), StoreError>>,
        path: PathBuf,
    },
    /// `Ok(None)`: cancelled.
    Merge {
        job: Job<Result<Option<Vec<crate::model::Project>>, StoreError>>,
        files: usize,
    },
}

impl Running {
    /// What the status bar says of it, its progress and total (0: unknown), and its cancel button.
    pub fn describe(&self) -> (String, &Progress, usize, String) {
        match self {
            Running::Export { job, format } => (
                t!(
                    "background-exporting-articles",
                    format = format.name(),
                    done = job.progress.done(),
                    total = job.total
                ),
                &job.progress,
                job.total,
                t!("background-cancel-export"),
            ),
            Running::Annotations { job, .. } => {
                (t!("background-reading-annotations"), &job.progress, 0, t!("background-stop-waiting"))
            }
            Running::Merge { job, files } => (
                t!("background-reading-project-file-s-merge", files = files),
                &job.progress,
                *files,
                t!("background-cancel-merge"),
            ),
            Running::Open { job, path } => {
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                (t!("background-opening", name = name), &job.progress, 0, t!("background-stop-opening"))
            }
        }
    }
}

fn waker(ctx: &egui::Context) -> Option<Waker> {
    let ctx = ctx.clone();
    Some(Box::new(move || ctx.request_repaint()))
}

/// The job's result: now if it is done, or once it is when `wait`.
fn take<T>(job: &Job<T>, wait: bool) -> Poll<T> {
    if wait { job.wait().map_or(Poll::Lost, Poll::Done) } else { job.poll() }
}

impl GloseApp {
    pub(super) fn start_export(&mut self, mut ex: ExportJob, ctx: &egui::Context) {
        let project = self.doc.project().clone();
        let job = Job::spawn(ex.total, waker(ctx), move |progress| {
            ex.options.progress = Some(progress.clone());
            export::export(&project, ex.format, &ex.options, &ex.out)
        });
        self.jobs.push(Running::Export { job, format: ex.format });
    }

    pub(super) fn start_annotations(&mut self, im: AnnotationsJob, ctx: &egui::Context) {
        let AnnotationsJob { format, paths, utf16, annotator } = im;
        let job = Job::spawn(paths.len(), waker(ctx), move |_| import::read_dataset(format, &paths, utf16));
        self.jobs.push(Running::Annotations { job, annotator });
    }

    /// Other project files are read in a thread; their articles, spans and relations then
    /// come in as one undo step (articles matched by text, identical spans kept once).
    pub(super) fn start_merge(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let files = paths.len();
        let job = Job::spawn(files, waker(ctx), move |progress| read_projects(&paths, progress));
        self.jobs.push(Running::Merge { job, files });
    }

    /// Takes in finished jobs (every frame; `wait` blocks until each lands).
    pub(super) fn poll_jobs(&mut self, wait: bool) {
        for run in std::mem::take(&mut self.jobs) {
            if let Some(still) = self.poll_one(run, wait) {
                self.jobs.push(still);
            }
        }
    }

    /// Waits for every background job — exports, imports, merges, the import preview's
    /// reading, the corpus search — and takes their results in (tests, scripted runs).
    pub fn finish_jobs(&mut self) {
        self.poll_jobs(true);
        if let Some(p) = &mut self.views.import_preview {
            p.wait();
        }
        self.views.corpus.wait_jobs();
        if let Some(w) = &mut self.views.annotators {
            w.wait();
        }
        self.finish_saving();
    }

    /// Waits for the suggestions' recommenders being learned, if they are (tests).
    pub fn finish_suggestions(&mut self) {
        self.derived.suggest.wait();
    }

    fn poll_one(&mut self, run: Running, wait: bool) -> Option<Running> {
        match run {
            Running::Export { job, format } => match take(&job, wait) {
                Poll::Running => return Some(Running::Export { job, format }),
                Poll::Done(result) => self.exported(result, format),
                Poll::Lost => self.error(t!("background-export-stopped-unexpectedly-files-are")),
            },
            Running::Annotations { job, annotator } => {
                if job.progress.cancelled() {
                    self.info(t!("background-stopped-waiting-annotations-nothing-was"));
                    return None;
                }
                match take(&job, wait) {
                    Poll::Running => return Some(Running::Annotations { job, annotator }),
                    Poll::Done(Ok(data)) => self.add_annotations(data, annotator.as_deref()),
                    Poll::Done(Err(e)) => self.fail(t!("background-import-failed", e = e)),
                    Poll::Lost => self.error(t!("background-reading-annotations-stopped-unexpectedly-nothing")),
                }
            }
            Running::Open { job, path } => {
                if job.progress.cancelled() {
                    self.info(t!("background-stopped-opening", path = path.display()));
                    return None;
                }
                match take(&job, wait) {
                    Poll::Running => return Some(Running::Open { job, path }),
                    Poll::Done(result) => self.opened(&path, result),
                    Poll::Lost => self.error(t!("background-reading-stopped-unexpectedly", path = path.display())),
                }
            }
            Running::Merge { job, files } => match take(&job, wait) {
                Poll::Running => return Some(Running::Merge { job, files }),
                Poll::Done(Ok(Some(projects))) => self.merged(&projects),
                Poll::Done(Ok(None)) => self.info(t!("background-merge-cancelled-nothing-was-changed")),
                Poll::Done(Err(e)) => self.fail(t!("background-nothing-was-merged", e = e)),
                Poll::Lost => self.error(t!("background-reading-files-merge-stopped-unexpectedly")),
            },
        }
        None
    }

    fn fail(&mut self, message: String) {
        self.show(Window::Dialog(super::Dialog::Error(message)));
    }

    fn exported(&mut self, result: Result<Report, ExportError>, format: Format) {
        match result {
            Ok(report) => {
                let msg = t!(
                    "background-exported-as",
                    articles = t!("count-articles", n = report.articles),
                    spans = t!("count-spans", n = report.spans),
                    relations = t!("count-relations", n = report.relations),
                    format = format.name(),
                    files = t!("count-files", n = report.files.len())
                );
                if report.warnings.is_empty() {
                    self.info(msg);
                } else {
                    let n = t!("count-things", n = report.warnings.len());
                    let text = t!("background-format-cannot-hold", msg = msg, n = n, list = report.warnings.join("\n"));
                    self.show(Window::Dialog(super::Dialog::Notice {
                        title: t!("background-exported-with-notes"),
                        text,
                    }));
                }
            }
            Err(ExportError::Cancelled) => self.info(t!("background-export-cancelled-files-written-so")),
            Err(e) => self.fail(t!("background-export-failed", e = e)),
        }
    }

    /// Annotations read from dataset files come in as one undo step.
    fn add_annotations(&mut self, data: Dataset, annotator: Option<&str>) {
        let fallback = self.settings.annotator.clone();
        let plan = self.doc.plan_with(|p| import::dataset::plan(p, data, annotator, &fallback));
        if let Some(cmd) = plan.command {
            self.apply(cmd);
        }
        let msg = t!(
            "background-imported-new-matched-text-already",
            spans = t!("count-spans", n = plan.spans),
            relations = t!("count-relations", n = plan.relations),
            new = t!("count-articles", n = plan.new_articles),
            matched = plan.matched_articles,
            duplicates = t!("count-spans", n = plan.duplicates)
        );
        if plan.warnings.is_empty() {
            self.info(msg);
        } else {
            let text = format!("{msg}.\n\n{}", plan.warnings.join("\n"));
            self.show(Window::Dialog(super::Dialog::Notice { title: t!("background-imported-with-notes"), text }));
        }
    }

    /// Other project files come in as one undo step, the way `glose merge` does it:
    /// articles matched by text, schema and actors by name, identical annotations once.
    fn merged(&mut self, projects: &[crate::model::Project]) {
        let others: Vec<&crate::model::Project> = projects.iter().collect();
        let plan = crate::analysis::merge::plan(self.doc.project(), &others);
        if let Some(cmd) = plan.command
            && !self.apply(cmd)
        {
            return;
        }
        let r = &plan.report;
        let msg = t!(
            "background-merged-file-s-spans-relations",
            files = projects.len(),
            spans = r.spans_added,
            relations = r.relations_added,
            duplicates = r.duplicates,
            articles = r.articles_added,
            matched = r.articles_matched
        );
        if r.conflicts.is_empty() {
            self.info(msg);
        } else {
            let n = r.conflicts.len();
            self.fail(t!("background-thing-s-need-look-nothing", msg = msg, n = n, list = r.conflicts.join("\n")));
        }
    }

    /// Shows the import preview, if open; Import applies its articles as one undo step.
    pub(super) fn import_preview_ui(&mut self, ctx: &egui::Context) {
        let Some(preview) = &mut self.views.import_preview else { return };
        match preview.ui(ctx, self.doc.project()) {
            PreviewAction::None => {}
            PreviewAction::Cancel => self.views.import_preview = None,
            PreviewAction::AddFiles => self.act(Action::ImportDialog),
            PreviewAction::Import => {
                let Some(mut preview) = self.views.import_preview.take() else { return };
                let plan = self.doc.plan_with(|p| plan_preview(&mut preview, p));
                let summary = plan.summary();
                if let Some(cmd) = plan.command
                    && self.apply(cmd)
                {
                    if let Some(first) = plan.first_added {
                        self.act(Action::SelectArticle(first));
                    }
                    self.info(t!("background-imported", summary = summary));
                }
            }
        }
    }

    /// Where file dialogs open: the folder last chosen from, else the project's.
    pub(super) fn start_dir(&self) -> Option<&Path> {
        self.settings.last_dir.as_deref().or_else(|| self.doc.path().and_then(Path::parent))
    }

    /// The folders of recent projects, for the file dialog's places.
    pub(super) fn recent_dirs(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> =
            self.settings.recent.iter().filter_map(|p| p.parent().map(Path::to_path_buf)).collect();
        dirs.dedup();
        dirs.truncate(4);
        dirs
    }

    /// Asks with the system's file dialog: in a thread on Linux (the portal answers over D-Bus
    /// while the window goes on drawing), on the UI thread elsewhere (macOS wants it there).
    pub(super) fn start_system_dialog(&mut self, dialog: crate::ui::FileDialog) {
        let purpose = dialog.purpose.clone();
        let title: String = dialog.what().to_string();
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            let outcome = dialog.run_system();
            self.route_files(purpose, &title, outcome);
        } else {
            let job = Job::spawn(0, None, move |_| dialog.run_system());
            self.views.system_dialog = Some((purpose, title, job));
        }
    }

    /// Shows the file dialog, if one is open (or waits for the system's), and routes what it
    /// chose.
    pub(super) fn file_dialog_ui(&mut self, ctx: &egui::Context) {
        if let Some((purpose, title, job)) = &self.views.system_dialog {
            let outcome = match job.poll() {
                Poll::Running => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    return;
                }
                Poll::Done(outcome) => outcome,
                Poll::Lost => Outcome::Cancelled,
            };
            let (purpose, title) = (purpose.clone(), title.clone());
            self.views.system_dialog = None;
            self.route_files(purpose, &title, outcome);
            return;
        }
        let Some(dialog) = &mut self.views.file_dialog else { return };
        let outcome = dialog.ui(ctx);
        if outcome == Outcome::Pending {
            return;
        }
        let (purpose, title) = (dialog.purpose.clone(), dialog.what().to_string());
        self.views.file_dialog = None;
        self.route_files(purpose, &title, outcome);
    }

    /// Sends what a file dialog chose where it was asked for; a cancel is said.
    fn route_files(&mut self, purpose: Purpose, title: &str, outcome: Outcome) {
        let paths = match outcome {
            Outcome::Pending => return,
            Outcome::Cancelled => {
                self.info(t!("background-cancelled-nothing-done", title = title));
                return;
            }
            Outcome::Chosen(paths) => paths,
        };
        if let Some(dir) = paths.first().and_then(|p| p.parent()) {
            self.settings.last_dir = Some(dir.to_path_buf());
        }
        match purpose {
            Purpose::OpenProject => {
                if let Some(p) = paths.into_iter().next() {
                    self.act(Action::Open(p));
                }
            }
            Purpose::SaveProject => {
                if let Some(p) = paths.into_iter().next() {
                    self.act(Action::SaveAs(p));
                }
            }
            Purpose::ImportArticles => self.act(Action::Import(paths)),
            Purpose::MergeProjects => self.act(Action::Merge(paths)),
            Purpose::ExportTo => {
                if let (Some(w), Some(p)) = (&mut self.views.export, paths.first()) {
                    w.set_destination(p);
                }
            }
            Purpose::NetworkTo => {
                if let Some(p) = paths.first() {
                    match self.views.corpus.save_network(p, self.doc.project()) {
                        Ok(done) => self.info(done),
                        Err(e) => self.error(e),
                    }
                }
            }
            Purpose::DatasetFiles => {
                if let Some(w) = &mut self.views.import {
                    w.set_files(&paths);
                }
            }
        }
    }
}

/// Reads the project files of a merge; `Ok(None)` when cancelled.
fn read_projects(paths: &[PathBuf], progress: &Progress) -> Result<Option<Vec<crate::model::Project>>, StoreError> {
    let mut all = Vec::new();
    for p in paths {
        if progress.cancelled() {
            return Ok(None);
        }
        all.push(crate::store::load(p)?.project);
        progress.tick();
    }
    Ok(Some(all))
}
