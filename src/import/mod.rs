//! Reading articles from files: plain text, Markdown and saved web pages, in any encoding.
//! The text is kept exactly as decoded (CRLF stays CRLF) once it is an article.

mod brat;
mod conll;
pub mod dataset;
mod doccano;
mod encoding;
mod html;
mod label_studio;
mod lang;
mod markdown;
mod plain;

pub use encoding::{Decoded, decode};
pub use lang::detect_language;

use crate::edit::Command;
use crate::model::{Article, ArticleId, ArticleMeta, Project};
use std::path::{Path, PathBuf};

/// Article files larger than this are refused rather than read into memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {size} bytes is larger than the {limit} bytes an article may have")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: not an article file (expected .txt, .md or .html)")]
    UnknownKind { path: PathBuf },
    #[error("{path}: {message}")]
    Content { path: PathBuf, message: String },
}

/// What a file holds once read: the article's details and its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedArticle {
    pub meta: ArticleMeta,
    pub text: String,
    /// The encoding the bytes were decoded from ("UTF-8", "windows-1252", …).
    pub encoding: &'static str,
}

/// The kinds of file `read_article` understands, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Html,
}

impl Kind {
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Kind::Text),
            "md" | "markdown" => Some(Kind::Markdown),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            _ => None,
        }
    }
}

/// Reads one article file.
pub fn read_article(path: &Path) -> Result<ImportedArticle, ImportError> {
    let kind = Kind::of(path).ok_or_else(|| ImportError::UnknownKind { path: path.to_path_buf() })?;
    let bytes = read_bytes(path)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    article_from_bytes(kind, &bytes, &stem)
        .map_err(|message| ImportError::Content { path: path.to_path_buf(), message })
}

/// Reads an article from bytes already in memory; `stem` stands in for the file name.
pub fn article_from_bytes(kind: Kind, bytes: &[u8], stem: &str) -> Result<ImportedArticle, String> {
    let mut art = match kind {
        Kind::Text => plain::parse(&decode(bytes, None), stem),
        Kind::Markdown => markdown::parse(&decode(bytes, None), stem),
        Kind::Html => html::parse(bytes, stem)?,
    };
    if art.meta.language.is_empty() {
        art.meta.language = detect_language(&art.text).unwrap_or_default();
    }
    if art.text.trim().is_empty() {
        return Err("no text found".into());
    }
    Ok(art)
}

/// Reads one brat document (its text and its standoff) from memory.
pub fn brat_from_text(text: &str, standoff: &str, conf: &str, name: &str) -> dataset::Dataset {
    let mut data = dataset::Dataset::default();
    let declared = brat::parse_conf(conf);
    data.declared.labels.extend(declared.labels);
    data.declared.relation_types.extend(declared.relation_types);
    let path = PathBuf::from(format!("{name}.ann"));
    data.docs.push(brat::parse_ann(text, standoff, &path, name, &mut data.warnings));
    data
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io { path: path.to_path_buf(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge { path: path.to_path_buf(), size, limit: MAX_ARTICLE_BYTES });
    }
    std::fs::read(path).map_err(io)
}

/// Expands folders (recursively, sorted by name) into the article files they hold.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ImportError> {
    let io = |source| ImportError::Io { path: dir.to_path_buf(), source };
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if Kind::of(&p).is_some() {
            out.push(p);
        }
    }
    Ok(())
}

/// The result of importing files into a project.
#[derive(Debug, Default)]
pub struct Report {
    /// The command that adds the new articles (one undo step), if any.
    pub command: Option<Command>,
    pub added: Vec<(PathBuf, String)>,
    /// Files whose text is already an article of the project.
    pub duplicates: Vec<(PathBuf, ArticleId)>,
    pub errors: Vec<ImportError>,
}

/// Reads `paths` and builds the command that adds them to `project`. Files that fail are
/// reported and skipped; the project itself is not changed here.
pub fn plan_import(project: &mut Project, paths: &[PathBuf]) -> Report {
    let mut report = Report::default();
    let mut texts: std::collections::HashMap<String, ArticleId> =
        project.articles.iter().map(|a| (a.text.clone(), a.id)).collect();
    let mut commands = Vec::new();
    for path in paths {
        match read_article(path) {
            Ok(art) => {
                if let Some(&id) = texts.get(&art.text) {
                    report.duplicates.push((path.clone(), id));
                    continue;
                }
                let id = ArticleId(project.alloc_id());
                texts.insert(art.text.clone(), id);
                let mut article = Article { id, text: art.text, ..Default::default() };
                article.set_meta(art.meta);
                report.added.push((path.clone(), article.title.clone()));
                commands.push(Command::AddArticle { article, index: usize::MAX });
            }
            Err(e) => report.errors.push(e),
        }
    }
    if !commands.is_empty() {
        let label = format!("import {} article{}", commands.len(), if commands.len() == 1 { "" } else { "s" });
        report.command = Some(Command::Batch { label, commands });
    }
    report
}

/// Annotated dataset formats `glose import --format` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetFormat {
    Doccano,
    LabelStudio,
    Brat,
    Conll,
}

impl DatasetFormat {
    pub fn parse(name: &str) -> Option<DatasetFormat> {
        Some(match name {
            "doccano" | "doccano-rel" => DatasetFormat::Doccano,
            "label-studio" => DatasetFormat::LabelStudio,
            "brat" => DatasetFormat::Brat,
            "conll" | "iob" => DatasetFormat::Conll,
            _ => return None,
        })
    }
}

/// Parses annotated text already in memory (doccano JSONL, Label Studio JSON, CoNLL);
/// `name` names it in messages. doccano offsets are read as UTF-16 units.
pub fn read_dataset_text(format: DatasetFormat, text: &str, name: &str) -> Result<dataset::Dataset, String> {
    match format {
        DatasetFormat::Doccano => doccano::parse(text, name, true),
        DatasetFormat::LabelStudio => label_studio::parse(text, name),
        DatasetFormat::Conll => conll::parse(text, name),
        DatasetFormat::Brat => Err(format!("{name}: brat needs its .txt beside the .ann: read it from files")),
    }
}

/// Reads annotated files. `utf16` says how doccano offsets are counted.
pub fn read_dataset(format: DatasetFormat, inputs: &[PathBuf], utf16: bool) -> Result<dataset::Dataset, String> {
    if format == DatasetFormat::Brat {
        return brat::read(inputs);
    }
    let mut all = dataset::Dataset::default();
    for p in inputs {
        let bytes = read_bytes(p).map_err(|e| e.to_string())?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{}: not UTF-8 at byte {}", p.display(), e.utf8_error().valid_up_to()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let name = p.display().to_string();
        let d = match format {
            DatasetFormat::Doccano => doccano::parse(text, &name, utf16)?,
            DatasetFormat::LabelStudio => label_studio::parse(text, &name)?,
            DatasetFormat::Conll => conll::parse(text, &name)?,
            DatasetFormat::Brat => return brat::read(inputs),
        };
        all.docs.extend(d.docs);
        all.warnings.extend(d.warnings);
    }
    Ok(all)
}
