//! Long work off the UI thread: other project files read for a merge, in a thread that
//! reports its progress and can be cancelled; the project itself is changed on the UI thread.

use crate::progress::Progress;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

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
