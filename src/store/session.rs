//! One open project and its whole life: load, history, journal, background save, crash
//! recovery, the lock beside the file, changes made on disk by others, reload, close. The
//! window and `glose __edit-loop` (which the kill test kills) drive this same type, so the kill
//! test exercises exactly the window's path. Nothing here is swallowed: every failure is
//! returned for the caller to show.

use super::folder::FolderState;
use super::{
    BackgroundSave, DiskState, Journal, JournalError, LockFile, Recovery, Saved, StoreError, remove_if_exists,
};
use crate::edit::{Command, EditError, History, Revision};
use crate::model::{Problem, Project};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A save running in a thread on a snapshot of the project.
struct Saving {
    job: BackgroundSave,
    /// The history's revision the snapshot was taken at.
    revision: u64,
    started: Instant,
    auto: bool,
}

/// How a save ended.
#[derive(Debug)]
pub enum SaveOutcome {
    Saved {
        path: PathBuf,
        bytes: usize,
        /// The fingerprint of the bytes written.
        fingerprint: u64,
        millis: u128,
        /// An autosave.
        auto: bool,
        /// The new journal could not be started: edits from now on are not journaled.
        journal_error: Option<JournalError>,
    },
    Failed(SessionError),
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(
        "{path}: the journal could not be read ({error}) nor set aside as {aside}: {reason}; it is left as it was and edits are not journaled"
    )]
    JournalStuck { path: PathBuf, error: JournalError, aside: PathBuf, reason: std::io::Error },
}

/// A change applied: what the caller may need to show.
#[derive(Debug, Default)]
pub struct Applied {
    /// The command could not be written to the journal (the change itself is made).
    pub journal_error: Option<JournalError>,
    /// An article's text changed (views holding positions in it refresh).
    pub text_changed: bool,
    /// The ids given to what the command added (its `NEW` ids), in order.
    pub created: Vec<u64>,
}

/// What opening a file found, beside the session itself.
#[derive(Debug, Default)]
pub struct OpenReport {
    /// The file was written by an older Glose and upgraded in memory.
    pub migrated_from: Option<u32>,
    pub problems: Vec<Problem>,
    /// Another running Glose (this process id) has the file open.
    pub other_window: Option<u32>,
    /// A crashed session's unsaved edits, to restore or drop.
    pub recovery: Option<Recovery>,
    /// The journal could not be read; said what was done about it.
    pub journal_error: Option<SessionError>,
    /// Article files of a project folder that could not be read (the rest opened; those
    /// files are left as they are).
    pub skipped: Vec<StoreError>,
    /// Spans and relations given new ids because another record had theirs (after a git merge).
    pub renumbered: usize,
}

pub struct Session {
    project: Project,
    path: Option<PathBuf>,
    history: History,
    journal: Option<Journal>,
    /// The history's revision at the last save (or open).
    saved_revision: u64,
    /// Unsaved although the history did not move (a recovery, a migration).
    force_dirty: bool,
    lock: Option<LockFile>,
    disk: Option<DiskState>,
    saving: Option<Saving>,
    /// A save asked for while another was running: started when it lands.
    save_again: Option<(PathBuf, bool)>,
    /// A project never saved by the user lives in this file of the app's data folder, so its
    /// edits are journaled too (and offered back after a crash); it goes when the project is
    /// saved somewhere or closed cleanly.
    scratch: Option<PathBuf>,
    /// A project folder: what its files hold (a save writes only what changed).
    /// Shared with the save in progress (copying it costs a moment at 50 000 articles).
    folder: Option<std::sync::Arc<super::folder::FolderState>>,
}

impl Session {
    /// A project with no file yet.
    pub fn new(project: Project) -> Session {
        let history = History::new();
        Session {
            project,
            path: None,
            saved_revision: history.revision(),
            history,
            journal: None,
            force_dirty: false,
            lock: None,
            disk: None,
            saving: None,
            save_again: None,
            scratch: None,
            folder: None,
        }
    }

    /// A new project that has no file of the user's yet, journaled in `dir` (the app's data
    /// folder): written there as `untitled-….ron` with a journal beside it.
    pub fn new_scratch(project: Project, dir: &Path) -> Result<Session, SessionError> {
        std::fs::create_dir_all(dir).map_err(|source| JournalError::Io { path: dir.to_path_buf(), source })?;
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis());
        let file = dir.join(format!("untitled-{stamp}-{}.ron", std::process::id()));
        let fingerprint = super::save(&project, &file)?;
        let mut s = Session::new(project);
        s.lock = LockFile::acquire(&file).0;
        s.journal = Some(Journal::start(&file, fingerprint.fingerprint)?);
        s.scratch = Some(file);
        Ok(s)
    }

    /// Reopens a never-saved project left by a crash (see [`unsaved_projects`]): its edits are
    /// in the report's recovery; it stays untitled.
    pub fn reopen_scratch(file: &Path) -> Result<(Session, OpenReport), StoreError> {
        let (mut s, report) = Session::open(file)?;
        s.scratch = s.path.take();
        s.disk = None;
        Ok((s, report))
    }

    /// The data-folder file of a never-saved project.
    pub fn scratch_file(&self) -> Option<&Path> {
        self.scratch.as_deref()
    }

    /// Removes the scratch file of a never-saved project (its journal is handled apart).
    fn drop_scratch(&mut self) -> Option<std::io::Error> {
        let file = self.scratch.take()?;
        self.lock = None;
        remove_if_exists(&file).err()
    }

    /// Opens a project file: reads it (refusing huge or broken files with their position),
    /// takes the lock, and looks for a crashed session's journal. A journal that cannot be
    /// read is set aside (`.journal.broken`) and a new one started; if it cannot even be set
    /// aside, it is left untouched and nothing is journaled (both said in the report).
    pub fn open(path: &Path) -> Result<(Session, OpenReport), StoreError> {
        let path = super::folder::resolve(path);
        let mut loaded = super::load(path)?;
        let mut s = Session::new(std::mem::take(&mut loaded.project));
        s.folder = loaded.folder.take().map(std::sync::Arc::new);
        s.path = Some(path.to_path_buf());
        s.force_dirty = loaded.migrated_from.is_some() || loaded.renumbered > 0;
        s.disk = DiskState::of(path, loaded.fingerprint);
        let (lock, other_window) = LockFile::acquire(path);
        s.lock = lock;
        let mut report = OpenReport {
            migrated_from: loaded.migrated_from,
            problems: crate::model::validate(&s.project),
            other_window,
            skipped: loaded.skipped,
            renumbered: loaded.renumbered,
            ..Default::default()
        };
        match super::recover(path, loaded.fingerprint) {
            // The other window owns the journal: do not touch it.
            Ok(Some(_)) if other_window.is_some() => {}
            Ok(Some(rec)) => report.recovery = Some(rec),
            Ok(None) => {
                if let Err(e) = s.start_journal(loaded.fingerprint) {
                    report.journal_error = Some(e.into());
                }
            }
            Err(error) => {
                let journal = super::journal_path(path);
                let aside = journal.with_extension("journal.broken");
                report.journal_error = Some(match std::fs::rename(&journal, &aside) {
                    Ok(()) => match s.start_journal(loaded.fingerprint) {
                        Ok(()) => SessionError::Journal(error),
                        Err(e) => e.into(),
                    },
                    Err(reason) => SessionError::JournalStuck { path: journal, error, aside, reason },
                });
            }
        }
        Ok((s, report))
    }

    /// The file the journal is written against: the project's, or its scratch file.
    fn journaled_file(&self) -> Option<&Path> {
        self.path.as_deref().or(self.scratch.as_deref())
    }

    fn start_journal(&mut self, fingerprint: u64) -> Result<(), JournalError> {
        if let Some(path) = self.journaled_file() {
            self.journal = Some(Journal::start(path, fingerprint)?);
        }
        Ok(())
    }

    /// The fingerprint of the file (or folder, as last read or written) as it is on disk now.
    fn disk_fingerprint(&self) -> u64 {
        if let Some(f) = &self.folder {
            return f.fingerprint();
        }
        self.journaled_file().and_then(|p| std::fs::read(p).ok()).map_or(0, |b| super::fingerprint(&b))
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// A fresh id for a new record of this project (never handed out twice).
    pub fn alloc_id(&mut self) -> u64 {
        self.project.alloc_id()
    }

    /// Lets a planner (an import, a merge) read the project and allocate the ids of what it
    /// will add. The plan must change nothing else: changes go through [`Session::apply`].
    pub fn plan_with<R>(&mut self, plan: impl FnOnce(&mut Project) -> R) -> R {
        let before = self.project.next_id;
        let out = plan(&mut self.project);
        debug_assert!(self.project.next_id >= before, "a planner only allocates ids");
        out
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn revisions(&self) -> Revision {
        self.history.revisions()
    }

    pub fn is_dirty(&self) -> bool {
        self.force_dirty || self.history.revision() != self.saved_revision
    }

    /// "• example.ron — Glose" (the bullet when unsaved).
    pub fn title(&self) -> String {
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("unsaved project".into(), |n| n.to_string_lossy().into_owned());
        format!("{}{} — Glose", if self.is_dirty() { "• " } else { "" }, file)
    }

    /// Applies a change, records it for undo, journals it (and keeps it for the journal that
    /// follows a save in progress). A refused command changes nothing.
    /// The `NEW` ids of what it adds are given here (journaled as given).
    pub fn apply(&mut self, mut cmd: Command) -> Result<Applied, EditError> {
        let text_changed = cmd.touches_text();
        cmd.check_new_relation(&self.project)?;
        let next = self.project.next_id;
        let created = cmd.give_ids(&mut self.project);
        let copy = (self.journal.is_some() || self.saving.is_some()).then(|| cmd.clone());
        if let Err(e) = self.history.apply(&mut self.project, cmd) {
            // A refused command takes its ids back.
            self.project.next_id = next;
            return Err(e);
        }
        Ok(Applied { journal_error: self.journal(copy), text_changed, created })
    }

    /// Undoes (or redoes) one step; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Applied>, EditError> {
        let done = self.history.undo(&mut self.project)?;
        Ok(done.map(|cmd| self.after_shift(cmd)))
    }

    pub fn redo(&mut self) -> Result<Option<Applied>, EditError> {
        let done = self.history.redo(&mut self.project)?;
        Ok(done.map(|cmd| self.after_shift(cmd)))
    }

    fn after_shift(&mut self, cmd: Command) -> Applied {
        let text_changed = cmd.touches_text();
        Applied { journal_error: self.journal(Some(cmd)), text_changed, created: Vec::new() }
    }

    fn journal(&mut self, cmd: Option<Command>) -> Option<JournalError> {
        let cmd = cmd?;
        if let Some(s) = &mut self.saving {
            s.job.record(&cmd);
        }
        self.journal.as_mut().and_then(|j| j.append(&cmd).err())
    }

    /// Replays a crashed session's journal (the user chose to restore it). The restored edits
    /// go into a new journal at once; the project is unsaved.
    pub fn restore(&mut self, rec: &Recovery) -> Result<usize, JournalError> {
        let restored = rec.replay(&self.project)?;
        let fingerprint = self.disk_fingerprint();
        self.project = restored;
        self.history.clear();
        self.force_dirty = true;
        self.journal = None;
        if let Some(path) = self.journaled_file() {
            self.journal = Some(Journal::start_with(path, fingerprint, &rec.commands)?);
        }
        Ok(rec.commands.len())
    }

    /// Drops a crashed session's journal (the user chose so) and starts a new one.
    pub fn drop_recovery(&mut self) -> Result<(), JournalError> {
        let fingerprint = self.disk_fingerprint();
        self.start_journal(fingerprint)
    }

    /// Forgets the unsaved changes (the user chose "Discard"): the journal goes, the project
    /// counts as saved.
    pub fn discard_changes(&mut self) -> Result<(), std::io::Error> {
        self.saved_revision = self.history.revision();
        self.force_dirty = false;
        match self.journal.take() {
            Some(j) => j.discard(),
            None => Ok(()),
        }
    }

    /// Starts saving to `path` in the background: the project is copied (tens of milliseconds
    /// for 100 000 spans) and written by a thread while editing goes on. A save asked for
    /// while another runs starts when that one lands.
    pub fn start_save(&mut self, path: &Path, auto: bool) -> Result<(), SessionError> {
        if self.saving.is_some() {
            self.save_again = Some((path.to_path_buf(), auto));
            return Ok(());
        }
        let same_file = self.path.as_deref() == Some(path);
        let journal = self.journal.as_mut().filter(|_| same_file);
        let folder = self.folder.clone().filter(|_| same_file);
        let job = BackgroundSave::start(&self.project, path, journal, folder)?;
        self.saving = Some(Saving { job, revision: self.history.revision(), started: Instant::now(), auto });
        Ok(())
    }

    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Takes in a finished save, if one landed (never blocks).
    pub fn poll_save(&mut self) -> Option<SaveOutcome> {
        let result = self.saving.as_ref()?.job.try_result()?;
        Some(self.land(result))
    }

    /// Waits for every save in progress to land (before quitting, opening another file…).
    pub fn finish_saving(&mut self) -> Vec<SaveOutcome> {
        let mut out = Vec::new();
        while let Some(s) = &self.saving {
            let result = s.job.wait();
            out.push(self.land(result));
        }
        out
    }

    fn land(&mut self, result: Result<(Saved, Option<FolderState>), StoreError>) -> SaveOutcome {
        let Some(s) = self.saving.take() else {
            return SaveOutcome::Failed(SessionError::Store(StoreError::Serialize {
                path: PathBuf::new(),
                message: "no save was running".into(),
            }));
        };
        let path = s.job.path.clone();
        let outcome = match result {
            Ok((saved, folder)) => {
                self.folder = folder.map(std::sync::Arc::new);
                let mut old_journal = None;
                if self.path.as_deref() != Some(path.as_path()) {
                    // Saved as another file: the old journal and lock go, the new file's come.
                    if let Some(j) = self.journal.take() {
                        let at = j.path().to_path_buf();
                        old_journal = j.discard().err().map(|source| JournalError::Io { path: at, source });
                    }
                    if let Some(file) = self.scratch.clone()
                        && let Some(source) = self.drop_scratch()
                    {
                        old_journal = old_journal.or(Some(JournalError::Io { path: file, source }));
                    }
                    self.lock = LockFile::acquire(&path).0;
                }
                self.path = Some(path.clone());
                self.disk = DiskState::of(&path, saved.fingerprint);
                self.saved_revision = s.revision;
                self.force_dirty = false;
                // Edits made while the file was written are not in it: they open the new journal.
                let journal_error = match s.job.next_journal(&saved) {
                    Ok(j) => {
                        self.journal = Some(j);
                        old_journal
                    }
                    Err(e) => {
                        self.journal = None;
                        Some(e)
                    }
                };
                SaveOutcome::Saved {
                    path,
                    bytes: saved.bytes,
                    fingerprint: saved.fingerprint,
                    millis: s.started.elapsed().as_millis(),
                    auto: s.auto,
                    journal_error,
                }
            }
            Err(e) => SaveOutcome::Failed(e.into()),
        };
        if let Some((path, auto)) = self.save_again.take()
            && let Err(e) = self.start_save(&path, auto)
        {
            return SaveOutcome::Failed(e);
        }
        outcome
    }

    /// Whether someone else changed the file since it was read or written here (a `git pull`,
    /// another program). Says so once per change. Never while our own save replaces it.
    pub fn changed_on_disk(&mut self) -> bool {
        if self.saving.is_some() {
            return false;
        }
        let (Some(path), Some(disk)) = (&self.path, &self.disk) else { return false };
        match disk.changed(path) {
            Some(fingerprint) => {
                self.disk = DiskState::of(path, fingerprint);
                true
            }
            None => false,
        }
    }

    /// Closes the session: a save in progress lands first; the journal stays on disk when
    /// `keep_journal` (unsaved edits are offered back next time), else it is removed.
    pub fn close(mut self, keep_journal: bool) -> (Vec<SaveOutcome>, Option<std::io::Error>) {
        let outcomes = self.finish_saving();
        // A never-saved project with no unsaved edit has nothing to offer back: its scratch file
        // and journal go; with edits kept, they stay for the next start to offer.
        let keep_journal = keep_journal && (self.scratch.is_none() || self.is_dirty());
        let error = match self.journal.take() {
            Some(j) if !keep_journal => j.discard().err(),
            _ => None,
        };
        let error = if keep_journal { error } else { error.or(self.drop_scratch()) };
        (outcomes, error)
    }
}

/// A never-saved project left in the data folder by a session that did not close (a crash, a
/// kill): its file and how many journaled edits it holds.
#[derive(Clone, Debug)]
pub struct Unsaved {
    pub file: PathBuf,
    pub edits: usize,
    pub modified: Option<std::time::SystemTime>,
}

/// The never-saved projects in `dir` with edits to offer back, newest first. Scratch files with
/// nothing journaled are removed; those another running window holds are left alone.
pub fn unsaved_projects(dir: &Path) -> Vec<Unsaved> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let file = e.path();
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("untitled-") && name.ends_with(".ron")) || super::lock::held_by_another(&file) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file) else { continue };
        match super::recover(&file, super::fingerprint(&bytes)) {
            Ok(Some(rec)) => {
                let modified = std::fs::metadata(super::journal_path(&file)).and_then(|m| m.modified()).ok();
                out.push(Unsaved { file, edits: rec.commands.len(), modified });
            }
            Ok(None) => {
                let _ = remove_if_exists(&super::journal_path(&file));
                let _ = remove_if_exists(&file);
            }
            // An unreadable journal is kept for the user to look at.
            Err(_) => {}
        }
    }
    out.sort_by_key(|u| std::cmp::Reverse(u.modified));
    out
}
