//! The journal: every command applied since the last save, one RON line each, flushed to
//! disk as it happens. After a crash, [`recover`] finds it and replays it on the saved file.

use crate::edit::{Command, EditError};
use crate::model::Project;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const HEADER: &str = "glose-journal 1";
/// Written when a save takes its snapshot: the commands before it are in that save.
const SAVE_MARK: &str = "# save";

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: line {line}: {message}")]
    Parse { path: PathBuf, line: usize, message: String },
    #[error("{path}: line {line}: command cannot be replayed: {source}")]
    Replay { path: PathBuf, line: usize, source: EditError },
}

/// Where the journal of a project file lives: `example.ron` → `example.ron.journal`.
pub fn journal_path(project: &Path) -> PathBuf {
    let mut s = project.as_os_str().to_owned();
    s.push(".journal");
    PathBuf::from(s)
}

/// The fingerprint of a saved file's bytes, so a journal is only replayed on the file it was
/// written against.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a64(bytes)
}

/// An open journal, appended to after each command.
pub struct Journal {
    path: PathBuf,
    file: File,
    entries: usize,
    /// fsync after each entry (survives a power cut, not only a crash).
    pub durable: bool,
}

impl Journal {
    /// Starts an empty journal for `project` whose saved bytes have this fingerprint.
    pub fn start(project: &Path, base: u64) -> Result<Journal, JournalError> {
        Journal::start_with(project, base, &[])
    }

    /// Starts a journal that already holds `commands` (edits made while a save was written).
    /// Header and commands are written beside and renamed over the old journal in one step:
    /// a crash leaves the old journal (which still holds those commands) or the whole new one,
    /// never a new journal missing them.
    pub fn start_with(project: &Path, base: u64, commands: &[Command]) -> Result<Journal, JournalError> {
        let path = journal_path(project);
        let io = |source| JournalError::Io { path: path.clone(), source };
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let mut text = format!("{HEADER} base={base:016x}\n");
        for (i, cmd) in commands.iter().enumerate() {
            text.push_str(&command_line(cmd, &path, i + 2)?);
        }
        let mut file = OpenOptions::new().create(true).write(true).truncate(true).open(&tmp).map_err(io)?;
        file.write_all(text.as_bytes()).map_err(io)?;
        file.sync_data().map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(io)?;
        Ok(Journal { path, file, entries: commands.len(), durable: true })
    }

    /// Appends one applied command and flushes it to disk.
    pub fn append(&mut self, cmd: &Command) -> Result<(), JournalError> {
        let line = command_line(cmd, &self.path, self.entries + 2)?;
        self.write_line(&line)?;
        self.entries += 1;
        Ok(())
    }

    /// Notes that a save is taking its snapshot of the project now. Saving runs in the
    /// background while editing goes on: if the save lands and the app dies before the journal
    /// is restarted, recovery replays only the commands after the last mark.
    pub fn mark_save(&mut self) -> Result<(), JournalError> {
        self.write_line(&format!("{SAVE_MARK}\n"))
    }

    /// Writes one whole line, flushed to disk.
    fn write_line(&mut self, line: &str) -> Result<(), JournalError> {
        let io = |source| JournalError::Io { path: self.path.clone(), source };
        self.file.write_all(line.as_bytes()).map_err(io)?;
        if self.durable {
            self.file.sync_data().map_err(io)?;
        }
        Ok(())
    }

    /// Entries written since the journal started.
    pub fn len(&self) -> usize {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the journal file (after a save, or when the user discards it).
    pub fn discard(self) -> io::Result<()> {
        let path = self.path.clone();
        drop(self);
        remove_if_exists(&path)
    }
}

/// A command as its journal line (with the line break); `line` numbers it in errors.
fn command_line(cmd: &Command, path: &Path, line: usize) -> Result<String, JournalError> {
    let text = ron::to_string(cmd).map_err(|e| JournalError::Parse {
        path: path.to_path_buf(),
        line,
        message: e.to_string(),
    })?;
    Ok(format!("{text}\n"))
}

pub(crate) fn remove_if_exists(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Unsaved work found in a journal.
#[derive(Debug)]
pub struct Recovery {
    pub journal: PathBuf,
    pub commands: Vec<Command>,
    /// The journal was written against the file as it is now.
    pub base_matches: bool,
    /// The last line was cut short by the crash and is left out.
    pub torn_tail: bool,
}

impl Recovery {
    /// Replays the journal on a copy of `project`; the original is untouched on error.
    pub fn replay(&self, project: &Project) -> Result<Project, JournalError> {
        let mut p = project.clone();
        for (i, cmd) in self.commands.iter().enumerate() {
            cmd.clone().apply(&mut p).map_err(|source| JournalError::Replay {
                path: self.journal.clone(),
                line: i + 2,
                source,
            })?;
        }
        Ok(p)
    }
}

/// A journal file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Fingerprint of the saved file the journal was written against.
    pub base: u64,
    pub commands: Vec<Command>,
    /// Commands before this index went into the save started last (see [`Journal::mark_save`]).
    pub saved_upto: Option<usize>,
    /// The last line was cut short by a crash and is left out.
    pub torn_tail: bool,
}

/// Reads a journal's bytes (`path` only names it in errors). `None` for an empty file.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Option<Parsed>, JournalError> {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let Some(header) = lines.first() else { return Ok(None) };
    let header = String::from_utf8_lossy(header);
    let base = header
        .trim_end()
        .strip_prefix(HEADER)
        .and_then(|rest| rest.trim().strip_prefix("base="))
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .ok_or_else(|| JournalError::Parse {
            path: path.to_path_buf(),
            line: 1,
            message: format!("expected {HEADER:?} header"),
        })?;
    let mut commands = Vec::new();
    let mut torn_tail = false;
    let mut saved_upto = None;
    let last = lines.len() - 1;
    for (i, raw) in lines.iter().enumerate().skip(1) {
        let text = std::str::from_utf8(raw);
        let line = text.map(str::trim_end).unwrap_or("\u{fffd}");
        if line.is_empty() {
            continue;
        }
        if line == SAVE_MARK {
            saved_upto = Some(commands.len());
            continue;
        }
        match text.map_err(|e| e.to_string()).and_then(|_| ron::from_str::<Command>(line).map_err(|e| e.to_string())) {
            Ok(c) => commands.push(c),
            // The crash cut the last write short: everything before it is intact.
            Err(_) if i == last => torn_tail = true,
            Err(message) => return Err(JournalError::Parse { path: path.to_path_buf(), line: i + 1, message }),
        }
    }
    Ok(Some(Parsed { base, commands, saved_upto, torn_tail }))
}

/// Looks for the journal of `project`, whose saved state on disk has the fingerprint `current`;
/// `None` when there is no unsaved work.
pub fn recover(project: &Path, current: u64) -> Result<Option<Recovery>, JournalError> {
    let path = journal_path(project);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(JournalError::Io { path, source }),
    };
    let Some(Parsed { base, mut commands, saved_upto, torn_tail }) = parse(&bytes, &path)? else { return Ok(None) };
    if commands.is_empty() {
        return Ok(None);
    }
    let mut base_matches = current == base;
    if !base_matches && previous_fingerprint(project, current) == Some(base) {
        // The crash came after a save had replaced the file but before the journal was
        // restarted: the file holds every edit made before that save started; the edits made
        // while it was being written are the ones to recover.
        commands.drain(..saved_upto.unwrap_or(commands.len()));
        if commands.is_empty() {
            return Ok(None);
        }
        base_matches = true;
    }
    Ok(Some(Recovery { journal: path, commands, base_matches, torn_tail }))
}

/// The fingerprint the project had before its last save: of the `.bak` that save kept, or
/// what a project folder recorded (see [`crate::store::folder::previous_fingerprint`]).
fn previous_fingerprint(project: &Path, current: u64) -> Option<u64> {
    if project.is_dir() {
        return crate::store::folder::previous_fingerprint(project, current);
    }
    std::fs::read(crate::store::backup_path(project)).ok().map(|b| fingerprint(&b))
}
