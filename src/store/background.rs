//! Saving in a background thread while editing goes on — the window's save, and the one the
//! kill test (`glose __edit-loop`) runs: the project is copied, the journal marked (see
//! [`Journal::mark_save`]), a thread writes the copy atomically; commands applied meanwhile are
//! kept and open the next journal when the save lands.

use super::{Journal, JournalError};
use super::{Saved, StoreError, save};
use crate::edit::Command;
use crate::model::Project;
use crate::progress::{Job, Poll};
use std::path::{Path, PathBuf};

pub struct BackgroundSave {
    pub path: PathBuf,
    /// Commands applied while the file was being written.
    pending: Vec<Command>,
    job: Job<Result<Saved, StoreError>>,
}

impl BackgroundSave {
    /// Copies `project` and starts writing it to `path`. `journal` is the journal of the file
    /// being replaced, if it is the same file: it gets the save mark first.
    pub fn start(project: &Project, path: &Path, journal: Option<&mut Journal>) -> Result<Self, JournalError> {
        if let Some(j) = journal {
            j.mark_save()?;
        }
        let snapshot = project.clone();
        let target = path.to_path_buf();
        let job = Job::spawn(1, None, move |_| save(&snapshot, &target));
        Ok(BackgroundSave { path: path.to_path_buf(), pending: Vec::new(), job })
    }

    /// Notes a command applied (and journaled) while the save runs.
    pub fn record(&mut self, cmd: &Command) {
        self.pending.push(cmd.clone());
    }

    /// The result, when the thread is done.
    pub fn try_result(&self) -> Option<Result<Saved, StoreError>> {
        match self.job.poll() {
            Poll::Done(r) => Some(r),
            Poll::Running => None,
            Poll::Lost => Some(Err(self.stopped())),
        }
    }

    /// Waits for the result.
    pub fn wait(&self) -> Result<Saved, StoreError> {
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
