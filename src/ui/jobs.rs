//! Long work off the UI thread: reading many article files runs in a thread that reports its
//! progress and can be cancelled; the project itself is changed on the UI thread at the end.

use super::GloseApp;
use crate::edit::Command;
use crate::import::{self, ImportError, ImportedArticle};
use crate::model::{Article, ArticleId};
use crate::progress::Progress;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

type ReadResult = (PathBuf, Result<ImportedArticle, ImportError>);

pub struct ImportJob {
    pub total: usize,
    pub progress: Progress,
    rx: Receiver<Vec<ReadResult>>,
}

impl ImportJob {
    pub fn start(inputs: Vec<PathBuf>, ctx: egui::Context) -> ImportJob {
        let paths = import::collect_paths(&inputs).unwrap_or(inputs);
        let total = paths.len();
        let progress = Progress::default();
        let (tx, rx) = channel();
        let shared = progress.clone();
        std::thread::spawn(move || {
            let mut out = Vec::with_capacity(paths.len());
            for p in paths {
                if shared.cancelled() {
                    break;
                }
                let r = import::read_article(&p);
                out.push((p, r));
                shared.tick();
                ctx.request_repaint();
            }
            let _ = tx.send(out);
            ctx.request_repaint();
        });
        ImportJob { total, progress, rx }
    }
}

/// Applies a finished import as one undo step.
pub fn poll(app: &mut GloseApp) {
    let Some(job) = &app.import_job else { return };
    let Ok(results) = job.rx.try_recv() else { return };
    let cancelled = job.progress.cancelled();
    app.import_job = None;
    let mut texts: std::collections::HashSet<String> =
        app.doc.project.articles.iter().map(|a| a.text.clone()).collect();
    let (mut commands, mut errors, mut dupes) = (Vec::new(), Vec::new(), 0);
    let mut first = None;
    for (_, r) in results {
        match r {
            Ok(art) => {
                if !texts.insert(art.text.clone()) {
                    dupes += 1;
                    continue;
                }
                let id = ArticleId(app.doc.project.alloc_id());
                first.get_or_insert(id);
                let mut article = Article { id, text: art.text, ..Default::default() };
                article.set_meta(art.meta);
                commands.push(Command::AddArticle { article, index: usize::MAX });
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let n = commands.len();
    if n > 0 {
        app.apply(Command::Batch { label: format!("import {n} article(s)"), commands });
        if let Some(id) = first {
            app.act(super::Action::SelectArticle(id));
        }
    }
    let mut msg = format!("Imported {n} article(s)");
    if dupes > 0 {
        msg.push_str(&format!(", {dupes} already in the project"));
    }
    if cancelled {
        msg.push_str(" (cancelled)");
    }
    if errors.is_empty() {
        app.info(msg);
    } else {
        app.dialog =
            Some(super::Dialog::Error(format!("{msg}; {} file(s) failed:\n\n{}", errors.len(), errors.join("\n"))));
    }
}

/// Other project files being read for File → Merge project files…, in a thread.
pub struct MergeJob {
    pub total: usize,
    pub progress: Progress,
    /// `Ok(None)`: cancelled.
    rx: Receiver<Result<Option<crate::import::dataset::Dataset>, String>>,
}

impl MergeJob {
    pub fn start(paths: Vec<PathBuf>) -> MergeJob {
        let total = paths.len();
        let progress = Progress::default();
        let (tx, rx) = channel();
        let shared = progress.clone();
        std::thread::spawn(move || {
            let mut all = crate::import::dataset::Dataset::default();
            for p in &paths {
                if shared.cancelled() {
                    let _ = tx.send(Ok(None));
                    return;
                }
                match crate::store::load(p) {
                    Ok(l) => {
                        let one = crate::import::dataset::from_project(&l.project, &p.display().to_string());
                        all.docs.extend(one.docs);
                        all.declared.labels.extend(one.declared.labels);
                        all.declared.relation_types.extend(one.declared.relation_types);
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                        return;
                    }
                }
                shared.tick();
            }
            let _ = tx.send(Ok(Some(all)));
        });
        MergeJob { total, progress, rx }
    }

    /// The result once the thread is done (waiting for it when `wait`).
    pub fn result(&self, wait: bool) -> Option<Result<Option<crate::import::dataset::Dataset>, String>> {
        if wait { self.rx.recv().ok() } else { self.rx.try_recv().ok() }
    }
}
