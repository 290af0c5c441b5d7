//! Saving in a background thread while editing goes on — the window's save, and the one the
//! kill test (`glose __edit-loop`) runs: the project is copied, the journal marked (see
//! [`Journal::mark_save`]), a thread writes the copy atomically; commands applied meanwhile are
//! kept and open the next journal when the save lands.

use super::folder::{self, FolderState};
use super::{Journal, JournalError};
use super::{Saved, StoreError};
use crate::edit::Command;
use crate::model::Project;
use crate::progress::{Job, Poll};
use std::path::{Path, PathBuf};

pub struct BackgroundSave {
    pub path: PathBuf,
    /// Commands applied while the file was being written.
    pending: Vec<Command>,
    job: Job<Result<(Saved, Option<FolderState>), StoreError>>,
}

impl BackgroundSave {
    /// Copies `project` and starts writing it to `path` (a file, or a project folder: then
    /// `folder` is what it held after the last read or save, so only what changed is written).
    /// `journal` is the journal of the file being replaced, if it is the same file: it gets the
    /// save mark first.
    pub fn start(
        project: &Project,
        path: &Path,
        journal: Option<&mut Journal>,
        folder: Option<std::sync::Arc<FolderState>>,
    ) -> Result<Self, JournalError> {
        if let Some(j) = journal {
            j.mark_save()?;
        }
        let snapshot = project.clone();
        let target = path.to_path_buf();
        let job = Job::spawn(1, None, move |_| {
            if folder::is_folder(&target) {
                folder::save(&snapshot, &target, folder.as_deref()).map(|(saved, state)| (saved, Some(state)))
            } else {
                super::save_file(&snapshot, &target).map(|saved| (saved, None))
            }
        });
        Ok(BackgroundSave { path: path.to_path_buf(), pending: Vec::new(), job })
    }

    /// Notes a command applied (and journaled) while the save runs.
    pub fn record(&mut self, cmd: &Command) {
        self.pending.push(cmd.clone());
    }

    /// The result, when the thread is done.
    pub fn try_result(&self) -> Option<Result<(Saved, Option<FolderState>), StoreError>> {
        match self.job.poll() {
            Poll::Done(r) => Some(r),
            Poll::Running => None,
            Poll::Lost => Some(Err(self.stopped())),
        }
    }

    /// Waits for the result.
    pub fn wait(&self) -> Result<(Saved, Option<FolderState>), StoreError> {
        self.job.wait().unwrap_or_else(|| Err(self.stopped()))
    }

    fn stopped(&self) -> StoreError {
        StoreError::Serialize { path: self.path.clone(), message: "the saving thread stopped".into() }
    }

    /// After a successful save: the new journal, against the file just written, holding the
    /// commands applied during the save.
    pub fn next_journal(self, saved: &Saved) -> Result<Journal, JournalError> {
        Journal::start_with(&self.path, saved.fingerprint, &self.pending)
    }
}
