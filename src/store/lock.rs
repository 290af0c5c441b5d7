//! A lock file beside an open project (`example.ron.lock`, holding the process id), so a
//! second window on the same file is told instead of silently overwriting the first one's work.
//! A lock left by a process that no longer runs (a crash, kill -9) is taken over.

use std::path::{Path, PathBuf};

/// Held while a project is open; removed when dropped.
#[derive(Debug)]
pub struct LockFile {
    path: PathBuf,
}

pub fn lock_path(project: &Path) -> PathBuf {
    let mut s = project.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// Is process `pid` alive on this machine? (Linux: /proc; elsewhere assume it is.)
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{pid}")).exists() } else { true }
}

/// How many `LockFile`s of this process hold each lock file: reopening a project (Reload) takes
/// the lock again before the old session lets go, and the file must stay until the last one does.
fn holders() -> &'static std::sync::Mutex<std::collections::HashMap<PathBuf, usize>> {
    static HOLDERS: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<PathBuf, usize>>> =
        std::sync::OnceLock::new();
    HOLDERS.get_or_init(Default::default)
}

/// True when another live process holds the lock of `project`.
pub fn held_by_another(project: &Path) -> bool {
    let holder = std::fs::read_to_string(lock_path(project)).ok().and_then(|s| s.trim().parse::<u32>().ok());
    holder.is_some_and(|pid| pid != std::process::id() && alive(pid))
}

impl LockFile {
    /// Takes the lock. Returns it, and the id of another live process that already held it.
    pub fn acquire(project: &Path) -> (Option<LockFile>, Option<u32>) {
        let path = lock_path(project);
        let me = std::process::id();
        let holder = std::fs::read_to_string(&path).ok().and_then(|s| s.trim().parse::<u32>().ok());
        let other = holder.filter(|&pid| pid != me && alive(pid));
        if other.is_some() {
            // Leave the other window's lock in place.
            return (None, other);
        }
        match std::fs::write(&path, format!("{me}\n")) {
            Ok(()) => {
                if let Ok(mut h) = holders().lock() {
                    // Ours already (a reload): one more holder. Taken over: the only one.
                    let n = h.entry(path.clone()).or_insert(0);
                    *n = if holder == Some(me) { *n + 1 } else { 1 };
                }
                (Some(LockFile { path }), None)
            }
            // A read-only folder: work without a lock.
            Err(_) => (None, None),
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        let last = holders().lock().map_or(true, |mut h| {
            let n = h.entry(self.path.clone()).or_insert(1);
            *n = n.saturating_sub(1);
            let last = *n == 0;
            if last {
                h.remove(&self.path);
            }
            last
        });
        if !last {
            return;
        }
        let mine = std::fs::read_to_string(&self.path).ok().and_then(|s| s.trim().parse::<u32>().ok())
            == Some(std::process::id());
        if mine {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What a project file looked like when Glose last read or wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskState {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    pub fingerprint: u64,
}

impl DiskState {
    pub fn of(path: &Path, fingerprint: u64) -> Option<DiskState> {
        let (len, modified) = signature(path)?;
        Some(DiskState { len, modified, fingerprint })
    }

    /// The project's new fingerprint when it changed since (a `git pull`, another program);
    /// `None` when not. A folder is read again only when its index or its listing changed.
    pub fn changed(&self, path: &Path) -> Option<u64> {
        if signature(path)? == (self.len, self.modified) {
            return None;
        }
        let now = if path.is_dir() {
            super::folder::fingerprint_on_disk(path)?
        } else {
            super::fingerprint(&std::fs::read(path).ok()?)
        };
        (now != self.fingerprint).then_some(now)
    }
}

/// A file's length and time; for a project folder, its index's length and the latest time of
/// the index and the articles' folder (which changes when git or a save replaces a file).
fn signature(path: &Path) -> Option<(u64, Option<std::time::SystemTime>)> {
    if path.is_dir() {
        let index = std::fs::metadata(path.join(super::folder::INDEX)).ok()?;
        let articles = std::fs::metadata(path.join(super::folder::ARTICLES)).ok();
        let time = index.modified().ok().max(articles.and_then(|m| m.modified().ok()));
        return Some((index.len(), time));
    }
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()))
}
