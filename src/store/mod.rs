//! Project files: pretty RON with `format_version` first and records in a stable order,
//! saved atomically with the previous version kept as `PROJECT.ron.bak`.

mod background;
mod fast_article;
pub mod folder;
mod journal;
mod lock;
mod migrate;
mod session;
mod write_article;

pub use background::BackgroundSave;
pub use journal::{
    Journal, JournalError, Parsed as ParsedJournal, Recovery, fingerprint, journal_path, parse as parse_journal,
    recover,
};
pub use lock::{DiskState, LockFile, lock_path};
pub use session::{Applied, OpenReport, SaveOutcome, Session, SessionError, Unsaved, unsaved_projects};

use crate::model::{FORMAT_VERSION, Project};
use journal::remove_if_exists;
use serde::Deserialize;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Larger project files are refused rather than read into memory.
pub const MAX_PROJECT_BYTES: u64 = 256 << 20;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: {size} bytes is larger than the {limit} bytes a project file may have")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}:{line}:{col}: the file is not UTF-8 text (is it a Glose project?)")]
    NotUtf8 { path: PathBuf, line: usize, col: usize },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax { path: PathBuf, line: usize, col: usize, message: String },
    #[error("{path}: format_version {found} was written by a newer Glose; this build reads versions 1 to {supported}")]
    FutureVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{path}: cannot write the project: {message}")]
    Serialize { path: PathBuf, message: String },
    /// A file of a project folder that is left out (the rest of the project opens).
    #[error("{path}: {message}")]
    Skipped { path: PathBuf, message: String },
}

/// A project read from disk.
#[derive(Debug, Default)]
pub struct Loaded {
    pub project: Project,
    /// Fingerprint of the bytes read: ties the journal to this version of the file.
    pub fingerprint: u64,
    /// The version the file had, when it was migrated on load.
    pub migrated_from: Option<u32>,
    /// A folder project: what its files held (a save then writes only what changed).
    pub folder: Option<folder::FolderState>,
    /// Files of a folder project that could not be read, each error naming its file.
    pub skipped: Vec<StoreError>,
    /// Spans and relations of a folder project given new ids because another record had theirs
    /// (after a git merge of two annotators' work): the project needs saving.
    pub renumbered: usize,
}

/// `project` with its records in the order files keep them (a copy only when they are not).
fn normalized(project: &Project) -> std::borrow::Cow<'_, Project> {
    if is_normalized(project) {
        std::borrow::Cow::Borrowed(project)
    } else {
        let mut sorted = project.clone();
        sorted.normalize();
        std::borrow::Cow::Owned(sorted)
    }
}

/// The bytes `save` writes for `project` as one file.
pub fn to_string(project: &Project) -> Result<String, ron::Error> {
    let project = &*normalized(project);
    let body = match pretty_in_parallel(project)? {
        Some(body) => body,
        None => ron::ser::to_string_pretty(project, pretty_config(5))?,
    };
    Ok(format!("// Glose project file. Offsets count Unicode code points, ranges are [start, end).\n{body}\n"))
}

/// Threads for writing and reading big files: one per core, at most 8.
use crate::par::threads;

fn pretty_config(depth_limit: usize) -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().depth_limit(depth_limit).indentor("  ").struct_names(false)
}

/// The same bytes as `to_string_pretty(project)`, with the articles (nearly all of a big file)
/// written by several threads: RON escapes strings one character at a time, which made saving
/// 1 000 articles cost 0.28 s on one core. Each article is written on its own at the depth it
/// has in the file, then indented by the two levels it sits under. RON strings never hold a raw
/// line break (they are escaped), so indenting every line touches only the layout. `None` when
/// the shell does not look as expected (then the caller writes the file in one piece).
fn pretty_in_parallel(project: &Project) -> Result<Option<String>, ron::Error> {
    const PLACEHOLDER: &str = "\n  articles: [],\n)";
    if project.articles.is_empty() {
        return Ok(None);
    }
    let shell = Project {
        format_version: project.format_version,
        name: project.name.clone(),
        next_id: project.next_id,
        annotators: project.annotators.clone(),
        schema: project.schema.clone(),
        entities: project.entities.clone(),
        suggestions: project.suggestions.clone(),
        articles: Vec::new(),
    };
    let head = ron::ser::to_string_pretty(&shell, pretty_config(5))?;
    let Some(head) = head.strip_suffix(PLACEHOLDER) else { return Ok(None) };
    let threads = threads();
    let total: usize = project.articles.iter().map(|a| a.text.len() + 64 * a.spans.len()).sum();
    // Chunks of about equal weight, in order.
    let mut chunks: Vec<&[std::sync::Arc<crate::model::Article>]> = Vec::new();
    let (mut start, mut weight) = (0, 0);
    for (i, a) in project.articles.iter().enumerate() {
        weight += a.text.len() + 64 * a.spans.len();
        if weight * threads >= total * (chunks.len() + 1) && chunks.len() + 1 < threads {
            chunks.push(&project.articles[start..=i]);
            start = i + 1;
        }
    }
    chunks.push(&project.articles[start..]);
    let parts: Vec<Result<String, ron::Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let mut out = String::with_capacity(chunk.len() * 4096);
                    let mut one = String::new();
                    for a in *chunk {
                        one.clear();
                        write_article::article(&mut one, a, true);
                        for line in one.split('\n') {
                            out.push_str("    ");
                            out.push_str(line);
                            out.push('\n');
                        }
                        out.pop();
                        out.push_str(",\n");
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(ron::Error::Message("a thread failed".into()))))
            .collect()
    });
    let mut body = String::with_capacity(head.len() + total + 64);
    body.push_str(head);
    body.push_str("\n  articles: [\n");
    for p in parts {
        body.push_str(&p?);
    }
    body.push_str("  ],\n)");
    Ok(Some(body))
}

fn is_normalized(p: &Project) -> bool {
    let spans_sorted = p.articles.iter().all(|a| {
        a.spans.windows(2).all(|w| (w[0].start(), w[0].end(), w[0].id) <= (w[1].start(), w[1].end(), w[1].id))
            && a.spans.iter().all(|s| s.fragments.is_sorted())
            && a.relations.is_sorted_by_key(|r| r.id)
    });
    let annotators_listed = p.annotator_names().iter().all(|n| p.annotators.iter().any(|a| a == n));
    spans_sorted
        && p.entities.is_sorted_by_key(|e| e.id)
        && p.annotators.windows(2).all(|w| w[0] < w[1])
        && annotators_listed
}

/// A RON error at its place in `text`, said as a cut-off file when it is one.
fn syntax_error(text: &str, path: &Path, e: ron::error::SpannedError) -> StoreError {
    let last_line = text.trim_end().lines().count().max(1);
    // An error on the last line of a file whose brackets never close: the file was cut off.
    let cut = matches!(e.code, ron::Error::Eof) || e.span.start.line >= last_line && !text.trim_end().ends_with(')');
    let message = if cut {
        format!("the file ends early, as if cut off while being written or copied ({})", e.code)
    } else {
        e.code.to_string()
    };
    StoreError::Syntax { path: path.to_path_buf(), line: e.span.start.line, col: e.span.start.col, message }
}

/// The bytes as text, or an error at the first byte that is not UTF-8.
fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, StoreError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        StoreError::NotUtf8 { path: path.to_path_buf(), line, col }
    })
}

/// Parses project text; `path` only names the file in errors.
pub fn from_str(text: &str, path: &Path) -> Result<Loaded, StoreError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format_version: u32,
    }
    let syntax = |e| syntax_error(text, path, e);
    // The version sits at the top of every file Glose writes: read it there without a second
    // full parse; anything unusual falls back to a real (slower) parse.
    let version = match quick_version(text) {
        Some(v) => v,
        // The probe is ours: its name must not show in the message.
        None => {
            ron::from_str::<Probe>(text)
                .map_err(|e| {
                    let mut err = syntax(e);
                    if let StoreError::Syntax { message, .. } = &mut err {
                        *message = message.replace("struct `Probe`", "a Glose project `(format_version: …, …)`");
                    }
                    err
                })?
                .format_version
        }
    };
    let version = Some(version).filter(|&v| v > 0).ok_or_else(|| StoreError::Syntax {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        message: "no `format_version` field: this is not a Glose project".into(),
    })?;
    let (mut project, migrated_from) = match version {
        FORMAT_VERSION => match parse_in_parallel(text) {
            Some(p) => (p, None),
            // Anything unusual (or any error, to report it at the right line) goes the slow way.
            None => (ron::from_str::<Project>(text).map_err(syntax)?, None),
        },
        v if v > FORMAT_VERSION => {
            return Err(StoreError::FutureVersion { path: path.to_path_buf(), found: v, supported: FORMAT_VERSION });
        }
        v => (
            migrate::from_version(v, text).map_err(|e| match e {
                migrate::Error::Ron(e) => syntax(e),
                migrate::Error::Unknown(v) => StoreError::Syntax {
                    path: path.to_path_buf(),
                    line: 1,
                    col: 1,
                    message: format!("format_version {v} never existed"),
                },
            })?,
            Some(v),
        ),
    };
    project.repair_next_id();
    Ok(Loaded { project, fingerprint: fingerprint(text.as_bytes()), migrated_from, ..Default::default() })
}

/// Parses a file laid out as Glose writes it with the articles split among threads (a third
/// of the time on two cores for 1 000 articles). `None` when the layout is not the usual one or
/// anything fails to parse: the caller then parses the whole text and reports the error.
fn parse_in_parallel(text: &str) -> Option<Project> {
    const OPEN: &str = "\n  articles: [\n";
    const CLOSE: &str = "\n  ],\n)";
    const RECORD_END: &str = "\n    ),\n";
    let threads = threads();
    if threads < 2 || text.len() < 1 << 20 {
        return None;
    }
    let open = text.find(OPEN)?;
    let close = text.rfind(CLOSE)?;
    let body_start = open + OPEN.len();
    if close + 1 < body_start || text[close + CLOSE.len()..].trim() != "" {
        return None;
    }
    let body = &text[body_start..close + 1];
    // Split at article ends, about evenly.
    let mut cuts = vec![0];
    for k in 1..threads {
        let want = body.len() * k / threads;
        let from = (*cuts.last()?).max(want);
        if let Some(i) = body.get(from..).and_then(|rest| rest.find(RECORD_END)) {
            cuts.push(from + i + RECORD_END.len());
        }
    }
    cuts.push(body.len());
    cuts.dedup();
    let shell_text = format!("{}\n  articles: [],\n)", &text[..open]);
    let parts: Vec<Option<Vec<crate::model::Article>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let chunk = &body[w[0]..w[1]];
                scope.spawn(move || ron::from_str::<Vec<crate::model::Article>>(&format!("[\n{chunk}]")).ok())
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok().flatten()).collect()
    });
    let mut project: Project = ron::from_str(&shell_text).ok()?;
    for part in parts {
        project.articles.extend(part?.into_iter().map(std::sync::Arc::new));
    }
    Some(project)
}

/// `format_version: N` among the first fields of the top-level struct, if it is there.
fn quick_version(text: &str) -> Option<u32> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut rest = head;
    // Skip comments and white space before the opening parenthesis.
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n')?.1;
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format_version")?.trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
    let after = rest[digits.len()..].trim_start();
    (after.starts_with(',') || after.starts_with(')')).then(|| digits.parse().ok()).flatten()
}

/// Reads a project: one file, or a folder (see [`folder`]; its `project.ron` stands for it).
/// Never panics on bad input: every problem is a `StoreError`. The article files of a folder
/// that cannot be read are in `skipped` (the rest of the project is there).
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let path = folder::resolve(path);
    if path.is_dir() {
        let read = folder::load(path)?;
        return Ok(Loaded { folder: Some(read.state), skipped: read.skipped, ..read.loaded });
    }
    let bytes = read_limited(path, MAX_PROJECT_BYTES)?;
    from_str(utf8(&bytes, path)?, path)
}

/// Reads a file, refusing it when it is larger than `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::new();
    read_limited_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// Reads a file of at most `limit` bytes into `buffer` (cleared first).
pub(crate) fn read_limited_into(path: &Path, limit: u64, buffer: &mut Vec<u8>) -> Result<(), StoreError> {
    use std::io::Read;
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    buffer.clear();
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size, limit });
    }
    buffer.reserve(usize::try_from(size).unwrap_or(0));
    // A file grown since its size was read is still read to its end, within the limit.
    file.take(limit + 1).read_to_end(buffer).map_err(io)?;
    if buffer.len() as u64 > limit {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size: buffer.len() as u64, limit });
    }
    Ok(())
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// What a save wrote.
#[derive(Debug, Clone, Copy)]
pub struct Saved {
    pub bytes: usize,
    pub fingerprint: u64,
}

/// `example.ron` → `example.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Saves atomically as one file or, when `path` is or will be a folder (see
/// [`folder::is_folder`]), as a project folder (writing only the files that differ).
pub fn save(project: &Project, path: &Path) -> Result<Saved, StoreError> {
    let path = folder::resolve(path);
    if folder::is_folder(path) {
        return folder::save(project, path, None).map(|(saved, _)| saved);
    }
    save_file(project, path)
}

/// Saves one file atomically: write a temporary file beside the target, fsync, keep the old
/// file as `.bak`, rename over the target, fsync the folder. A crash leaves the old or the new
/// file, never a torn one.
pub fn save_file(project: &Project, path: &Path) -> Result<Saved, StoreError> {
    let text =
        to_string(project).map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_atomic(path, text.as_bytes())?;
    Ok(Saved { bytes: text.len(), fingerprint: fingerprint(text.as_bytes()) })
}

/// Replaces `path` with `bytes` atomically, keeping the previous content as `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(&dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let permissions = match fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => default_permissions(),
        Err(e) => return Err(io(e)),
    };
    if let Some(perm) = permissions {
        fs::set_permissions(tmp.path(), perm).map_err(io)?;
    }
    if path.exists() {
        let bak = backup_path(path);
        remove_if_exists(&bak).map_err(io)?;
        // A hard link keeps the old bytes without copying them; copy where links are refused.
        if fs::hard_link(path, &bak).is_err() {
            fs::copy(path, &bak).map_err(io)?;
            File::open(&bak).and_then(|f| f.sync_all()).map_err(io)?;
        }
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(&dir).map_err(io)
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
