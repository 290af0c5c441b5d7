//! A project as a folder of RON files — for corpora too big for one file, and for teams that
//! share a project through git:
//!
//! ```text
//! NAME.glose/
//!   project.ron                 format version, name, schema, canonical actors, annotators
//!   articles/000012-slug.ron    one article: its details, spans and relations
//!   articles/000012-slug.txt    its text: the exact UTF-8 bytes (a line of text is a line)
//!   .gitignore .gitattributes   Glose's own files kept out of git; the merge driver per file
//! ```
//!
//! Which articles the project holds is the listing of `articles/` (in id order unless
//! `project.ron` keeps another `order`), and `project.ron` holds no count and no next id: two
//! annotators editing different articles change different files, so git merges their work
//! without a conflict. (The next id is one above the largest in use.)
//!
//! A save writes only what changed since the last one, atomically as a whole: each new file is
//! written under a temporary name and synced; then a commit record listing the renames and
//! removals is written and synced; then they are made and the record removed. A crash before
//! the record leaves the old project (the temporary files are cleared by the next save); a crash
//! after it is completed by the next load ([`complete_commit`]): always the old project or the
//! new one, never a mix.

use super::{Loaded, Saved, StoreError, sync_dir};
use crate::hash::Fnv1a64;
use crate::model::{Article, ArticleId, Entity, FORMAT_VERSION, Project, Relation, Schema, Span, SuggestionSettings};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folder's index file.
pub const INDEX: &str = "project.ron";
/// The folder of article files.
pub const ARTICLES: &str = "articles";
/// The commit record of a save being made (see the module's comment).
const COMMIT: &str = ".glose-commit";
/// The fingerprints of the last save and the one before (outside git: see `.gitignore`).
const STATE: &str = ".glose-state";
const GITIGNORE: &str =
    "# Glose's own files: a save's commit record and temporary files, its state.\n.glose-*\n.*.tmp\n*.bak\n";
const GITATTRIBUTES: &str = "# Merge annotations with Glose (`git config merge.glose.driver 'glose merge-driver %O %A %B'`).\n*.ron merge=glose\n";
/// Larger article files are refused, like project files.
const MAX_ARTICLE_BYTES: u64 = super::MAX_PROJECT_BYTES;

/// Whether `path` is (or, not existing yet, will be written as) a project folder: an existing
/// folder, or a path that does not end in `.ron`.
pub fn is_folder(path: &Path) -> bool {
    if path.is_dir() {
        return true;
    }
    !path.exists() && path.extension().is_none_or(|e| !e.eq_ignore_ascii_case("ron"))
}

/// `NAME.glose/project.ron` opened by itself stands for its whole folder.
pub fn resolve(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if path.file_name().is_some_and(|n| n == INDEX) && dir.join(ARTICLES).is_dir() => dir,
        _ => path,
    }
}

/// `project.ron` of a folder project.
#[derive(Serialize, Deserialize)]
struct Index {
    format_version: u32,
    #[serde(default)]
    name: String,
    /// Annotators named in the project who have no span or relation yet (the others are found
    /// in the articles, so that annotating never changes this file).
    #[serde(default)]
    annotators: Vec<String>,
    #[serde(default)]
    schema: Schema,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default, skip_serializing_if = "SuggestionSettings::is_default")]
    suggestions: SuggestionSettings,
    /// The articles' order, when it is not the order of their ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    order: Vec<ArticleId>,
}

/// One article file as written: the article without its text.
#[derive(Serialize)]
#[cfg(test)]
struct ArticleOut<'a> {
    id: ArticleId,
    title: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    author: &'a str,
    url: &'a str,
    published: &'a str,
    language: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    details: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    near_duplicate_of: Option<ArticleId>,
    spans: &'a [Span],
    relations: &'a [Relation],
}

/// One article file as read.
#[derive(Deserialize, Default, Debug, PartialEq)]
pub(super) struct ArticleIn {
    pub id: ArticleId,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub published: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub details: BTreeMap<String, String>,
    #[serde(default)]
    pub near_duplicate_of: Option<ArticleId>,
    #[serde(default)]
    pub spans: Vec<Span>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

impl ArticleIn {
    fn with_text(mut self, text: String) -> Article {
        // Parsing grows the lists by doubling: up to half of a big project's spans' memory.
        self.spans.shrink_to_fit();
        self.relations.shrink_to_fit();
        Article {
            id: self.id,
            title: self.title,
            source: self.source,
            author: self.author,
            url: self.url,
            published: self.published,
            language: self.language,
            details: self.details,
            near_duplicate_of: self.near_duplicate_of,
            text,
            spans: self.spans,
            relations: self.relations,
        }
    }
}

/// What an article's files held when they were last read or written. Cheap to copy (shared
/// parts): a save carries every article's record over to the next state.
#[derive(Clone, Debug)]
struct Written {
    /// The file name without extension: `000012-slug` (kept when the title changes).
    stem: Arc<str>,
    /// The article those files hold, when known: an unchanged pointer means nothing to write.
    article: Option<Arc<Article>>,
    /// Of the `.ron` bytes then the `.txt` bytes.
    hash: u64,
    /// Who made its spans and relations (known when `article` is).
    annotators: Arc<[String]>,
}

/// What a folder project's files held when Glose last read or wrote them: lets a save write
/// only what changed, and gives the project's fingerprint without reading every file again.
#[derive(Clone, Debug, Default)]
pub struct FolderState {
    articles: HashMap<ArticleId, Written>,
    index: u64,
    /// Files of `articles/` this build did not load, never written over or removed: a broken
    /// article (by its stem, with the hash of its pair) or a file that is not one (by its name).
    untouched: BTreeMap<String, u64>,
    /// The temporary files a save that never committed left were cleared.
    cleared: bool,
    /// The fingerprint, once asked (a state is complete before anyone asks: load, save and scan
    /// build it whole first). Sorting 50 000 names for it twice was a third of a one-edit save.
    fingerprint: std::sync::OnceLock<u64>,
}

impl FolderState {
    /// The fingerprint of the whole project as these files hold it.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| self.compute_fingerprint())
    }

    fn compute_fingerprint(&self) -> u64 {
        let mut h = Fnv1a64::new();
        h.write(&self.index.to_le_bytes());
        let articles = self.articles.values().map(|w| (&*w.stem, w.hash));
        let mut files: Vec<(&str, u64)> =
            articles.chain(self.untouched.iter().map(|(n, h)| (n.as_str(), *h))).collect();
        files.sort_unstable();
        for (name, hash) in files {
            h.write(name.as_bytes());
            h.write(&[0]);
            h.write(&hash.to_le_bytes());
        }
        h.finish()
    }

    /// The largest article id a file of the folder carries in its name (loaded or not).
    fn max_id(&self) -> u64 {
        let untouched = self.untouched.keys().filter_map(|n| id_of(n));
        self.articles.keys().map(|a| a.0).chain(untouched).max().unwrap_or(0)
    }
}

/// The hash of an article's two files.
fn hash_pair(ron: &[u8], txt: &[u8]) -> u64 {
    let (r, t) = (crate::hash::wide64(ron), crate::hash::wide64(txt));
    crate::hash::wide64(&[r.to_le_bytes(), t.to_le_bytes()].concat())
}

/// The id at the start of an article file's name: `000012-slug.ron` → 12.
fn id_of(name: &str) -> Option<u64> {
    let digits = name.split(['-', '.']).next()?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

/// `000012-le-president-russe` from an article's id and title: ASCII, lower case, at most
/// 40 characters of the title (accents dropped), so names sort by id and read well in git.
pub fn stem_for(article: &Article) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::new();
    for c in article.title.nfd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c) && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { format!("{:06}", article.id.0) } else { format!("{:06}-{slug}", article.id.0) }
}

#[cfg(test)]
fn pretty() -> ron::ser::PrettyConfig {
    super::pretty_config(3)
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_path_buf(), source }
}

/// The two files of an article: its annotations (RON) and its text.
pub(super) fn article_files(a: &Article) -> Result<String, ron::Error> {
    const HEAD: &str = "// Glose article; its text is the .txt file of the same name. Offsets count Unicode code points, ranges are [start, end).\n";
    let mut out = String::with_capacity(HEAD.len() + 200 * a.spans.len() + 512);
    out.push_str(HEAD);
    super::write_article::article(&mut out, a, false);
    out.push('\n');
    Ok(out)
}

/// The article file as `ron` writes it (what `article_files` must give, byte for byte).
#[cfg(test)]
pub(super) fn article_files_by_ron(a: &Article) -> Result<String, ron::Error> {
    let out = ArticleOut {
        id: a.id,
        title: &a.title,
        source: &a.source,
        author: &a.author,
        url: &a.url,
        published: &a.published,
        language: &a.language,
        details: &a.details,
        near_duplicate_of: a.near_duplicate_of,
        spans: &a.spans,
        relations: &a.relations,
    };
    let body = ron::ser::to_string_pretty(&out, pretty())?;
    Ok(format!(
        "// Glose article; its text is the .txt file of the same name. Offsets count Unicode code points, ranges are [start, end).\n{body}\n"
    ))
}

fn index_string(p: &Project, on_spans: &std::collections::BTreeSet<&str>) -> Result<String, ron::Error> {
    let order: Vec<ArticleId> = p.articles.iter().map(|a| a.id).collect();
    let mut annotators: Vec<String> = p.annotators.iter().filter(|a| !on_spans.contains(a.as_str())).cloned().collect();
    annotators.sort();
    annotators.dedup();
    let mut entities = p.entities.clone();
    entities.sort_by_key(|e| e.id);
    let index = Index {
        format_version: FORMAT_VERSION,
        name: p.name.clone(),
        annotators,
        schema: p.schema.clone(),
        entities,
        suggestions: p.suggestions.clone(),
        order: if order.is_sorted() { Vec::new() } else { order },
    };
    let body = ron::ser::to_string_pretty(&index, super::pretty_config(5))?;
    Ok(format!(
        "// Glose project folder: each article is a .ron file (details, spans, relations) and a .txt file (its text) in articles/.\n{body}\n"
    ))
}

/// The two kinds of RON file in a project folder, told by their first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Index,
    Article,
}

pub fn kind_of(text: &str) -> Option<FileKind> {
    let first = text.lines().next()?;
    if first.starts_with("// Glose project folder") {
        Some(FileKind::Index)
    } else if first.starts_with("// Glose article") {
        Some(FileKind::Article)
    } else {
        None
    }
}

/// One file of a folder (its `project.ron`, or an article's `.ron` with an empty text) as a
/// project, for the per-file git merge driver.
pub fn file_as_project(text: &str, path: &Path) -> Result<Project, StoreError> {
    let mut p = Project { format_version: FORMAT_VERSION, schema: Schema::default(), ..Project::new("") };
    match kind_of(text) {
        Some(FileKind::Index) => {
            let index = parse_index(text, path)?;
            (p.name, p.annotators, p.schema, p.entities) = (index.name, index.annotators, index.schema, index.entities);
        }
        _ => {
            let a: ArticleIn = ron::from_str(text).map_err(|e| super::syntax_error(text, path, e))?;
            p.articles.push(Arc::new(a.with_text(String::new())));
        }
    }
    Ok(p)
}

/// The file `file_as_project` read, written back from `project` (of the same kind).
pub fn project_as_file(project: &Project, kind: FileKind) -> Result<String, ron::Error> {
    match (kind, project.articles.first()) {
        (FileKind::Article, Some(a)) => article_files(a),
        _ => index_string(project, &project.annotator_names()),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A folder project read from disk, with the article files that could not be (each error names
/// its file: the rest of the project opens, and those files are never written over).
pub struct ReadFolder {
    pub loaded: Loaded,
    pub state: FolderState,
    pub skipped: Vec<StoreError>,
}

/// Reads a project folder: completes a save a crash interrupted, reads `project.ron`, then every
/// article's two files in parallel. An unreadable `project.ron` is an error; an unreadable
/// article is reported in `skipped`.
pub fn load(dir: &Path) -> Result<ReadFolder, StoreError> {
    complete_commit(dir)?;
    let index_path = dir.join(INDEX);
    let index_bytes = super::read_limited(&index_path, super::MAX_PROJECT_BYTES)?;
    let index_text = super::utf8(&index_bytes, &index_path)?;
    let index = parse_index(index_text, &index_path)?;
    let (pairs, mut skipped, untouched) = list_articles(dir)?;
    let read = read_in_parallel(dir, &pairs);
    let mut state = FolderState { index: crate::hash::wide64(&index_bytes), untouched, ..Default::default() };
    let mut articles = Vec::with_capacity(read.len());
    for (stem, result) in pairs.iter().map(|(stem, _)| stem).zip(read) {
        match result {
            Ok((article, hash)) => {
                let article = Arc::new(article);
                let annotators = article.annotator_names();
                let written = Written {
                    stem: stem.as_str().into(),
                    article: Some(article.clone()),
                    hash,
                    annotators: annotators.into(),
                };
                state.articles.insert(article.id, written);
                articles.push(article);
            }
            Err((e, hash)) => {
                skipped.push(e);
                state.untouched.insert(stem.clone(), hash);
            }
        }
    }
    articles.sort_by_key(|a| a.id);
    if !index.order.is_empty() {
        let rank: HashMap<ArticleId, usize> = index.order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        articles.sort_by_key(|a| rank.get(&a.id).copied().unwrap_or(usize::MAX));
    }
    let mut project = Project {
        format_version: FORMAT_VERSION,
        name: index.name,
        next_id: 0,
        annotators: index.annotators,
        schema: index.schema,
        entities: index.entities,
        suggestions: index.suggestions,
        articles,
    };
    // Who annotated, from each article's list (no second pass over every span).
    project.annotators.extend(state.articles.values().flat_map(|w| w.annotators.iter().cloned()));
    project.annotators.sort();
    project.annotators.dedup();
    project.repair_next_id();
    project.next_id = project.next_id.max(state.max_id() + 1);
    let renumbered = renumber_duplicates(&mut project);
    let fingerprint = state.fingerprint();
    Ok(ReadFolder { loaded: Loaded { project, fingerprint, renumbered, ..Default::default() }, state, skipped })
}

/// Gives new ids to spans and relations whose id another record already has. No next id is
/// kept in a folder, so two annotators adding spans on two branches give the same ids to
/// different spans; git merges their article files without a conflict and the clash is
/// mended here (in the later article; its relations follow). Returns how many were renumbered;
/// those articles are written by the next save.
fn renumber_duplicates(project: &mut Project) -> usize {
    let records = project.articles.iter().map(|a| a.spans.len() + a.relations.len()).sum::<usize>();
    let mut seen = crate::model::IdSet::new(project.next_id, records + project.articles.len());
    let schema =
        project.schema.labels.iter().map(|l| l.id.0).chain(project.schema.relation_types.iter().map(|r| r.id.0));
    for id in schema.chain(project.entities.iter().map(|e| e.id.0)).chain(project.articles.iter().map(|a| a.id.0)) {
        seen.insert(id);
    }
    let mut renumbered = 0;
    for i in 0..project.articles.len() {
        let a = &project.articles[i];
        let clash =
            a.spans.iter().map(|s| s.id.0).chain(a.relations.iter().map(|r| r.id.0)).any(|id| seen.contains(&id));
        if !clash {
            for id in a.spans.iter().map(|s| s.id.0).chain(a.relations.iter().map(|r| r.id.0)) {
                seen.insert(id);
            }
            continue;
        }
        let mut next = project.next_id;
        let a = Arc::make_mut(&mut project.articles[i]);
        let mut fresh = |id: &mut u64, seen: &mut crate::model::IdSet| {
            if !seen.insert(*id) {
                *id = next;
                next += 1;
                seen.insert(*id);
                renumbered += 1;
            }
        };
        let mut moved = HashMap::new();
        for s in &mut a.spans {
            let old = s.id.0;
            fresh(&mut s.id.0, &mut seen);
            if old != s.id.0 {
                moved.insert(old, s.id);
            }
        }
        for r in &mut a.relations {
            fresh(&mut r.id.0, &mut seen);
            r.from = moved.get(&r.from.0).copied().unwrap_or(r.from);
            r.to = moved.get(&r.to.0).copied().unwrap_or(r.to);
        }
        project.next_id = next;
    }
    renumbered
}

fn parse_index(text: &str, path: &Path) -> Result<Index, StoreError> {
    let version = super::quick_version(text);
    if let Some(v) = version.filter(|&v| v > FORMAT_VERSION) {
        return Err(StoreError::FutureVersion { path: path.to_path_buf(), found: v, supported: FORMAT_VERSION });
    }
    let index: Index = ron::from_str(text).map_err(|e| super::syntax_error(text, path, e))?;
    if index.format_version < 3 {
        let message = format!("format_version {} cannot be a project folder (they start at 3)", index.format_version);
        return Err(StoreError::Syntax { path: path.to_path_buf(), line: 1, col: 1, message });
    }
    Ok(index)
}

/// The article pairs of `articles/` (stem, id), the files that are not one (each said), and the
/// hashes of those left alone.
type Listing = (Vec<(String, u64)>, Vec<StoreError>, BTreeMap<String, u64>);

fn list_articles(dir: &Path) -> Result<Listing, StoreError> {
    let folder = dir.join(ARTICLES);
    let mut files: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut untouched = BTreeMap::new();
    let entries = match fs::read_dir(&folder) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), skipped, untouched)),
        Err(e) => return Err(io_err(&folder)(e)),
    };
    let mut leave = |name: &str, why: String, skipped: &mut Vec<StoreError>| {
        let path = folder.join(name);
        let hash = fs::read(&path).map_or(0, |b| crate::hash::wide64(&b));
        untouched.insert(name.to_string(), hash);
        skipped.push(StoreError::Skipped { path, message: why });
    };
    for entry in entries {
        let entry = entry.map_err(io_err(&folder))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // a save's temporary file
        }
        let kind = name.rsplit_once('.').filter(|(stem, _)| id_of(stem).is_some());
        match kind {
            Some((stem, "ron")) => files.entry(stem.to_string()).or_default().0 = true,
            Some((stem, "txt")) => files.entry(stem.to_string()).or_default().1 = true,
            _ => leave(
                &name,
                "not an article file (articles are NNNNNN-title.ron with NNNNNN-title.txt); left alone".into(),
                &mut skipped,
            ),
        }
    }
    let mut pairs = Vec::new();
    let mut seen: HashMap<u64, String> = HashMap::new();
    for (stem, (ron, txt)) in files {
        let id = id_of(&stem).unwrap_or(0);
        if !(ron && txt) {
            let (have, missing) = if ron { ("ron", "txt") } else { ("txt", "ron") };
            leave(
                &format!("{stem}.{have}"),
                format!("its {} file {stem}.{missing} is missing; the article is left out", kind_name(missing)),
                &mut skipped,
            );
        } else if let Some(other) = seen.get(&id) {
            for ext in ["ron", "txt"] {
                leave(&format!("{stem}.{ext}"), format!("article {id} is already {other}.ron; left out"), &mut skipped);
            }
        } else {
            seen.insert(id, stem.clone());
            pairs.push((stem, id));
        }
    }
    Ok((pairs, skipped, untouched))
}

fn kind_name(ext: &str) -> &'static str {
    if ext == "txt" { "text" } else { "annotations" }
}

/// An article and the hash of its two files, or why it cannot be read and that hash.
type ReadResult = Result<(Article, u64), (StoreError, u64)>;

fn read_in_parallel(dir: &Path, pairs: &[(String, u64)]) -> Vec<ReadResult> {
    let folder = dir.join(ARTICLES);
    let threads = super::threads();
    let chunk = pairs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pairs
            .chunks(chunk)
            .map(|part| {
                let folder = &folder;
                scope.spawn(move || part.iter().map(|(stem, id)| read_article(folder, stem, *id)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err((
                        StoreError::Serialize { path: folder.clone(), message: "a reading thread stopped".into() },
                        0,
                    ))]
                })
            })
            .collect()
    })
}

fn read_article(folder: &Path, stem: &str, id: u64) -> ReadResult {
    // The annotations are read into a buffer this thread keeps (they are parsed, not kept); the
    // text's bytes become the article's text without a copy.
    thread_local! {
        static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let ron_path = folder.join(format!("{stem}.ron"));
    let txt_path = folder.join(format!("{stem}.txt"));
    let mut buffer = BUFFER.take();
    let ron_read = super::read_limited_into(&ron_path, MAX_ARTICLE_BYTES, &mut buffer);
    let txt_bytes = super::read_limited(&txt_path, MAX_ARTICLE_BYTES);
    let result = match (ron_read, txt_bytes) {
        (Ok(()), Ok(t)) => parse_article(&buffer, &ron_path, t, &txt_path, id),
        (Err(e), Ok(t)) => Err((e, hash_pair(&[], &t))),
        (Ok(()), Err(e)) => Err((e, hash_pair(&buffer, &[]))),
        (Err(e), Err(_)) => Err((e, hash_pair(&[], &[]))),
    };
    BUFFER.set(buffer);
    result
}

/// An article from its two files' bytes, checked against the id its name gives.
fn parse_article(ron_bytes: &[u8], ron_path: &Path, txt: Vec<u8>, txt_path: &Path, id: u64) -> ReadResult {
    let hash = hash_pair(ron_bytes, &txt);
    let leave = |e| Err((e, hash));
    let text = match super::utf8(ron_bytes, ron_path) {
        Ok(text) => text,
        Err(e) => return leave(e),
    };
    let parsed = match super::fast_article::read(text) {
        Some(a) => a,
        None => match ron::from_str::<ArticleIn>(text) {
            Ok(a) => a,
            Err(e) => return leave(super::syntax_error(text, ron_path, e)),
        },
    };
    if parsed.id.0 != id {
        let message = format!("the file says it is article {} but its name says {id}", parsed.id.0);
        return leave(StoreError::Skipped { path: ron_path.to_path_buf(), message });
    }
    match String::from_utf8(txt) {
        Ok(t) => Ok((parsed.with_text(t), hash)),
        Err(e) => leave(
            super::utf8(e.as_bytes(), txt_path)
                .err()
                .unwrap_or(StoreError::Skipped { path: txt_path.to_path_buf(), message: "not UTF-8".into() }),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `project` as a folder at `dir`. `last` is what the folder held after the last read or
/// save by this process (then unchanged articles cost nothing); without it, the files on disk
/// are read and only those that differ are written. Returns what was written and the new state.
pub fn save(project: &Project, dir: &Path, last: Option<&FolderState>) -> Result<(Saved, FolderState), StoreError> {
    // A folder removed or emptied behind our back is written whole again, not just the changes.
    let last = last.filter(|_| dir.join(INDEX).is_file());
    if last.is_none() && fs::read_dir(dir).map_or(true, |mut entries| entries.next().is_none()) {
        return save_new(project, dir);
    }
    let ser = |e: ron::Error| StoreError::Serialize { path: dir.to_path_buf(), message: e.to_string() };
    let folder = dir.join(ARTICLES);
    fs::create_dir_all(&folder).map_err(io_err(&folder))?;
    complete_commit(dir)?;
    if !last.is_some_and(|l| l.cleared) {
        clear_temporary_files(dir)?;
    }
    for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
        let path = dir.join(name);
        if !path.exists() {
            fs::write(&path, text).map_err(io_err(&path))?;
        }
    }
    let on_disk;
    let last = match last {
        Some(l) => l,
        None => {
            on_disk = scan(dir)?;
            &on_disk
        }
    };
    let mut next = FolderState { untouched: last.untouched.clone(), cleared: true, ..Default::default() };
    let mut commit = Vec::new();
    let mut bytes = 0;

    let changed = write_changed_articles(project, &folder, last, &mut next, Staging::BesideTarget)?;
    // Who annotated, from each article's state (no pass over every span) when all are known.
    let on_spans: std::collections::BTreeSet<&str> = if next.articles.values().all(|w| w.article.is_some()) {
        next.articles.values().flat_map(|w| w.annotators.iter().map(String::as_str)).collect()
    } else {
        project.annotator_names()
    };
    let index = index_string(project, &on_spans).map_err(ser)?;
    next.index = crate::hash::wide64(index.as_bytes());
    if next.index != last.index {
        commit.push(stage(dir, INDEX, index.as_bytes())?);
        bytes += index.len();
    }
    for (stem, ron, _) in &changed {
        bytes += ron;
        commit.push(Step::Rename(format!(".{stem}.ron.tmp"), format!("{ARTICLES}/{stem}.ron")));
        commit.push(Step::Rename(format!(".{stem}.txt.tmp"), format!("{ARTICLES}/{stem}.txt")));
    }
    bytes += changed.iter().map(|c| c.2).sum::<usize>();
    // Only articles this process read or wrote can be known removed (not those a scan found).
    for (id, w) in last.articles.iter().filter(|(_, w)| w.article.is_some()) {
        let kept = next.articles.get(id).map(|n| &n.stem);
        if kept != Some(&w.stem) {
            for ext in ["ron", "txt"] {
                commit.push(Step::Remove(format!("{ARTICLES}/{}.{ext}", w.stem)));
            }
        }
    }
    let fingerprint = next.fingerprint();
    if !commit.is_empty() {
        let state = state_text(fingerprint, last.fingerprint());
        commit.push(stage(dir, STATE, state.as_bytes())?);
        write_commit(dir, &commit)?;
        complete_commit(dir)?;
    }
    Ok((Saved { bytes, fingerprint }, next))
}

/// Where a save writes an article's files before they count.
#[derive(Clone, Copy)]
enum Staging {
    /// Under a temporary name beside each file, renamed into place by the commit record.
    BesideTarget,
    /// Under their own names, in a folder that is renamed into place whole.
    InNewFolder,
}

/// Writes a project folder where there is none yet (Save As, `glose convert`): every file under
/// its own name in a hidden folder beside it, flushed, then that folder renamed into place in
/// one step — atomic without a commit record or a rename per file (at 50 000 articles the
/// 100 000 renames were a sixth of a full save). A crash before the rename leaves no project
/// there, as before the save, and a hidden `.NAME.new-PID` folder to remove.
fn save_new(project: &Project, dir: &Path) -> Result<(Saved, FolderState), StoreError> {
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = dir.file_name().map_or_else(|| "project".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    fs::create_dir_all(parent).map_err(io_err(parent))?;
    if staging.exists() {
        // Left by an earlier attempt of this very process.
        fs::remove_dir_all(&staging).map_err(io_err(&staging))?;
    }
    let written = write_new(project, &staging).and_then(|done| {
        if dir.exists() {
            // Empty (checked by the caller): a folder made for the project beforehand.
            fs::remove_dir(dir).map_err(io_err(dir))?;
        }
        fs::rename(&staging, dir).map_err(io_err(dir))?;
        sync_dir(parent).map_err(io_err(parent))?;
        Ok(done)
    });
    if written.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    written
}

/// `.glose-state`: the fingerprint the folder has after a save, and the one it had before.
fn state_text(current: u64, previous: u64) -> String {
    format!("glose-state 1\ncurrent={current:016x}\nprevious={previous:016x}\n")
}

/// Every file of a project folder at `dir` (new), flushed to disk.
fn write_new(project: &Project, dir: &Path) -> Result<(Saved, FolderState), StoreError> {
    let ser = |e: ron::Error| StoreError::Serialize { path: dir.to_path_buf(), message: e.to_string() };
    let folder = dir.join(ARTICLES);
    fs::create_dir_all(&folder).map_err(io_err(&folder))?;
    let mut next = FolderState { cleared: true, ..Default::default() };
    let changed = write_changed_articles(project, &folder, &FolderState::default(), &mut next, Staging::InNewFolder)?;
    let on_spans: std::collections::BTreeSet<&str> =
        next.articles.values().flat_map(|w| w.annotators.iter().map(String::as_str)).collect();
    let index = index_string(project, &on_spans).map_err(ser)?;
    next.index = crate::hash::wide64(index.as_bytes());
    let fingerprint = next.fingerprint();
    let state = state_text(fingerprint, FolderState::default().fingerprint());
    for (name, text) in
        [(INDEX, index.as_str()), (STATE, &state), (".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)]
    {
        write_synced(&dir.join(name), text.as_bytes())?;
    }
    for d in [folder.as_path(), dir] {
        sync_dir(d).map_err(io_err(d))?;
    }
    let bytes = index.len() + changed.iter().map(|c| c.1 + c.2).sum::<usize>();
    Ok((Saved { bytes, fingerprint }, next))
}

/// One step of a commit: a temporary file renamed into place (paths relative to the folder; the
/// temporary name is in the same folder as the target), or a file removed.
enum Step {
    Rename(String, String),
    Remove(String),
}

/// Writes `bytes` under a temporary name beside `name` (relative to `dir`) and syncs it.
fn stage(dir: &Path, name: &str, bytes: &[u8]) -> Result<Step, StoreError> {
    let tmp = format!(".{name}.tmp");
    write_synced(&dir.join(&tmp), bytes)?;
    Ok(Step::Rename(tmp, name.to_string()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = io_err(path);
    let mut f = fs::File::create(path).map_err(&io)?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(&io)
}

/// From this many files, a save flushes the whole file system at once (Linux): one `syncfs`
/// instead of a flush per file (at 50 000 articles, 100 000 flushes took most of a full save).
const SYNC_FILE_SYSTEM_FROM: usize = 256;

/// Flushes the files staged in `folder` to disk: many at once, on Linux with one `syncfs` of
/// their file system; otherwise file by file on several threads (the file system commits
/// concurrent syncs together, so thousands of articles do not wait for thousands of commits one
/// after another).
fn sync_files(folder: &Path, paths: &[PathBuf]) -> Result<(), StoreError> {
    #[cfg(target_os = "linux")]
    if paths.len() >= SYNC_FILE_SYSTEM_FROM {
        let dir = fs::File::open(folder).map_err(io_err(folder))?;
        return rustix::fs::syncfs(&dir).map_err(|e| io_err(folder)(e.into()));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (folder, SYNC_FILE_SYSTEM_FROM);
    let sync = |p: &PathBuf| fs::OpenOptions::new().write(true).open(p).and_then(|f| f.sync_all()).map_err(io_err(p));
    if paths.len() < 8 {
        return paths.iter().try_for_each(sync);
    }
    let threads = (paths.len() / 8).clamp(1, 32);
    let per = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            paths.chunks(per).map(|part| scope.spawn(move || part.iter().try_for_each(sync))).collect();
        handles.into_iter().try_for_each(|h| {
            h.join().unwrap_or_else(|_| {
                Err(StoreError::Serialize { path: PathBuf::new(), message: "a syncing thread stopped".into() })
            })
        })
    })
}

/// Serialises and stages the articles that changed, on every core; records every article's
/// state in `next`. Returns (stem, .ron bytes, .txt bytes) of each staged article, by stem.
/// Files are created one at a time (threads creating files in one folder wait on the folder's
/// lock, and the kernel spins while it waits: that doubled a full save at 50 000 articles),
/// while their bytes are copied in parallel (copying 1.2 GB into the page cache is most of
/// what is left).
fn write_changed_articles(
    project: &Project,
    folder: &Path,
    last: &FolderState,
    next: &mut FolderState,
    staging: Staging,
) -> Result<Vec<(String, usize, usize)>, StoreError> {
    let name = |stem: &str, ext: &str| match staging {
        Staging::BesideTarget => format!(".{stem}.{ext}.tmp"),
        Staging::InNewFolder => format!("{stem}.{ext}"),
    };
    let threads = super::threads();
    let chunk = project.articles.len().div_ceil(threads).max(1);
    let creating = std::sync::Mutex::new(());
    let stage = |a: &Arc<Article>| -> Result<(Written, Option<(usize, usize)>), StoreError> {
        let (written, ron) = serialise_article(a, folder, last)?;
        let Some(ron) = ron else { return Ok((written, None)) };
        for (ext, bytes) in [("ron", ron.as_bytes()), ("txt", a.text.as_bytes())] {
            let path = folder.join(name(&written.stem, ext));
            let io = io_err(&path);
            let file = {
                let _one_at_a_time = creating.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                fs::File::create(&path).map_err(&io)?
            };
            // Synced all together once every article is written (see `sync_files`).
            (&file).write_all(bytes).map_err(&io)?;
        }
        Ok((written, Some((ron.len(), a.text.len()))))
    };
    type Out = Result<Vec<(Written, Option<(usize, usize)>)>, StoreError>;
    let parts: Vec<Out> = std::thread::scope(|scope| {
        let stage = &stage;
        let handles: Vec<_> = project
            .articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(stage).collect::<Out>()))
            .collect();
        let stopped =
            || StoreError::Serialize { path: folder.to_path_buf(), message: "a writing thread stopped".into() };
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(stopped()))).collect()
    });
    let mut changed = Vec::new();
    for part in parts {
        for (written, sizes) in part? {
            if let Some((r, t)) = sizes {
                changed.push((written.stem.to_string(), r, t));
            }
            let id = written.article.as_ref().map_or(ArticleId(0), |a| a.id);
            next.articles.insert(id, written);
        }
    }
    changed.sort_unstable();
    let staged: Vec<PathBuf> =
        changed.iter().flat_map(|(stem, _, _)| ["ron", "txt"].map(|ext| folder.join(name(stem, ext)))).collect();
    sync_files(folder, &staged)?;
    Ok(changed)
}

/// An article's state after this save, and its annotations file when it has to be written.
type Serialised = (Written, Option<String>);

/// An article's state after this save, with its annotations file when it changed.
fn serialise_article(a: &Arc<Article>, folder: &Path, last: &FolderState) -> Result<Serialised, StoreError> {
    let before = last.articles.get(&a.id);
    if let Some(w) = before
        && w.article.as_ref().is_some_and(|old| Arc::ptr_eq(old, a))
    {
        return Ok((w.clone(), None));
    }
    let stem: Arc<str> = before.map_or_else(|| stem_for(a).into(), |w| w.stem.clone());
    let sorted;
    let in_order = if a.is_normalized() {
        a.as_ref()
    } else {
        sorted = {
            let mut c = a.as_ref().clone();
            c.normalize();
            c
        };
        &sorted
    };
    let ron = article_files(in_order)
        .map_err(|e| StoreError::Serialize { path: folder.join(format!("{stem}.ron")), message: e.to_string() })?;
    let hash = hash_pair(ron.as_bytes(), a.text.as_bytes());
    let unchanged = before.is_some_and(|w| w.hash == hash);
    let written = Written { stem, article: Some(a.clone()), hash, annotators: a.annotator_names().into() };
    Ok((written, (!unchanged).then_some(ron)))
}

/// What the folder's files hold now, read without parsing (for a save with no earlier state).
fn scan(dir: &Path) -> Result<FolderState, StoreError> {
    let mut state = FolderState::default();
    match fs::read(dir.join(INDEX)) {
        Ok(b) => state.index = crate::hash::wide64(&b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_err(&dir.join(INDEX))(e)),
    }
    let (pairs, _, untouched) = list_articles(dir)?;
    state.untouched = untouched;
    let folder = dir.join(ARTICLES);
    for (stem, id) in pairs {
        let r = fs::read(folder.join(format!("{stem}.ron"))).map_err(io_err(&folder))?;
        let t = fs::read(folder.join(format!("{stem}.txt"))).map_err(io_err(&folder))?;
        let written = Written { stem: stem.into(), article: None, hash: hash_pair(&r, &t), annotators: Arc::from([]) };
        state.articles.insert(ArticleId(id), written);
    }
    Ok(state)
}

fn write_commit(dir: &Path, steps: &[Step]) -> Result<(), StoreError> {
    let mut text = String::from("glose-commit 1\n");
    for step in steps {
        match step {
            Step::Rename(from, to) => text.push_str(&format!("rename {from}\t{to}\n")),
            Step::Remove(path) => text.push_str(&format!("remove {path}\n")),
        }
    }
    text.push_str("end\n");
    let tmp = dir.join(format!("{COMMIT}.tmp"));
    write_synced(&tmp, text.as_bytes())?;
    let record = dir.join(COMMIT);
    fs::rename(&tmp, &record).map_err(io_err(&record))?;
    sync_dir(dir).map_err(io_err(dir))
}

/// Finishes a save whose commit record was written (by this process a moment ago, or by one that
/// crashed): makes every rename and removal it lists that is not made yet, then removes it.
/// Without a whole record nothing is done (the save had not committed: the old files stand).
pub fn complete_commit(dir: &Path) -> Result<(), StoreError> {
    let record = dir.join(COMMIT);
    let text = match fs::read_to_string(&record) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(&record)(e)),
    };
    if !text.starts_with("glose-commit 1\n") || !text.ends_with("\nend\n") {
        // Renamed into place only once whole: this is not ours, or damaged. Leave everything.
        let message = "a save's commit record that is not whole; remove it to open the project as it was".into();
        return Err(StoreError::Skipped { path: record, message });
    }
    for line in text.lines().skip(1) {
        if let Some(rest) = line.strip_prefix("rename ") {
            let Some((from, to)) = rest.split_once('\t') else { continue };
            let to = dir.join(to);
            let from = to.parent().unwrap_or(dir).join(from);
            match fs::rename(&from, &to) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_err(&to)(e)),
                _ => {}
            }
        } else if let Some(path) = line.strip_prefix("remove ") {
            let path = dir.join(path);
            super::remove_if_exists(&path).map_err(io_err(&path))?;
        }
    }
    for d in [dir.join(ARTICLES), dir.to_path_buf()] {
        sync_dir(&d).map_err(io_err(&d))?;
    }
    fs::remove_file(&record).map_err(io_err(&record))?;
    sync_dir(dir).map_err(io_err(dir))
}

/// Removes the temporary files a save that never committed left behind.
fn clear_temporary_files(dir: &Path) -> Result<(), StoreError> {
    for d in [dir.to_path_buf(), dir.join(ARTICLES)] {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                super::remove_if_exists(&e.path()).map_err(io_err(&e.path()))?;
            }
        }
    }
    Ok(())
}

/// The fingerprint the folder had before its last save, when the folder still holds what that
/// save wrote (`current`): tells recovery that a save landed before its journal restarted.
pub fn previous_fingerprint(dir: &Path, current: u64) -> Option<u64> {
    let text = fs::read_to_string(dir.join(STATE)).ok()?;
    let field =
        |key: &str| text.lines().find_map(|l| l.strip_prefix(key)).and_then(|h| u64::from_str_radix(h.trim(), 16).ok());
    (field("current=")? == current).then(|| field("previous=")).flatten()
}

/// The fingerprint of what a project folder holds now (every file read; `None` when it cannot
/// be).
pub fn fingerprint_on_disk(dir: &Path) -> Option<u64> {
    scan(dir).ok().map(|s| s.fingerprint())
}
