//! Reading articles from files: plain text, Markdown, saved web pages, the exports of press
//! databases (Europresse, Factiva, Nexis Uni: many articles per file), office documents
//! (DOCX, ODT, RTF, EPUB), PDF, tables (CSV, JSON, XLSX, ODS: one article per row), folders
//! and ZIP archives of all of these; and annotated datasets (doccano, Label Studio, brat, CoNLL).
//!
//! The pipeline: bytes → [`read::recognise`] (by content, then extension) → the format's
//! reader splits them into [`Record`]s (text + details) → [`dedupe`] → [`plan`] builds one
//! [`Command`] that adds them (one undo step). Text is cleaned before any offset exists.

mod archive;
mod brat;
mod conll;
pub mod dataset;
pub mod dates;
pub mod dedupe;
pub mod dna;
mod doccano;
mod docx;
mod encoding;
mod epub;
mod europresse;
mod factiva;
mod html;
mod htmltext;
mod label_studio;
mod lang;
mod markdown;
mod nexis;
mod odt;
mod pdf;
mod plain;
mod plan;
pub mod read;
mod rtf;
pub mod source;
pub mod table;
mod xml;

pub use dedupe::{Fate, Origin};
pub use encoding::{Decoded, decode};
pub use lang::{detect_language, language_code};
pub use plan::{FileOutcome, ImportPlan, plan, plan_files};
pub use read::{ReadOptions, collect_paths, read_inputs, read_path};
pub use source::{Record, Skipped, SourceFile, SourceFormat, TableInfo};
pub use table::{ColumnMap, Role, TableOptions};

use crate::model::{ArticleMeta, Project};
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

/// Why a dataset (brat, doccano, Label Studio, CoNLL) could not be read: each names the file
/// and, where there is one, the line, task or column.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error(transparent)]
    File(#[from] ImportError),
    #[error("{path}: not UTF-8 at byte {byte}")]
    NotUtf8 { path: PathBuf, byte: usize },
    #[error("{file}: line {line}, column {column}: {message}")]
    Json { file: String, line: usize, column: usize, message: String },
    /// A record the format requires is missing or malformed, at `at` ("data.jsonl line 3",
    /// "tasks.json task 7", "train.conll:12").
    #[error("{at}: {what}")]
    Malformed { at: String, what: String },
    #[error("no .ann file found")]
    NoAnnFiles,
    #[error("{0}: brat needs its .txt beside the .ann: read it from files")]
    BratNeedsFiles(String),
}

impl DatasetError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        DatasetError::File(ImportError::Io { path: path.to_path_buf(), source })
    }

    pub(crate) fn malformed(at: impl Into<String>, what: impl Into<String>) -> Self {
        DatasetError::Malformed { at: at.into(), what: what.into() }
    }

    /// Bytes read as UTF-8 text (a byte-order mark dropped).
    pub(crate) fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, Self> {
        let text = String::from_utf8(bytes)
            .map_err(|e| DatasetError::NotUtf8 { path: path.to_path_buf(), byte: e.utf8_error().valid_up_to() })?;
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })
    }
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

/// Reads `paths` (files, folders, archives) and plans adding their articles to `project`:
/// duplicates are left out, near-duplicates marked, everything that was skipped said.
pub fn plan_import(project: &mut Project, paths: &[PathBuf]) -> ImportPlan {
    let files = read_inputs(paths, &ReadOptions::default(), None);
    plan_files(project, &files)
}

/// Annotated dataset formats `glose import --format` reads (any case; conll reads IOB1, IOB2
/// and BIOES).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DatasetFormat {
    #[value(alias = "doccano-rel")]
    Doccano,
    LabelStudio,
    Brat,
    #[value(alias = "iob")]
    Conll,
    /// A DNA 3 database (the Discourse Network Analyzer's `.dna` SQLite file).
    Dna,
}

/// Parses annotated text already in memory (doccano JSONL, Label Studio JSON, CoNLL);
/// `name` names it in messages. doccano offsets are read as UTF-16 units.
pub fn read_dataset_text(format: DatasetFormat, text: &str, name: &str) -> Result<dataset::Dataset, DatasetError> {
    match format {
        DatasetFormat::Doccano => doccano::parse(text, name, true),
        DatasetFormat::LabelStudio => label_studio::parse(text, name),
        DatasetFormat::Conll => conll::parse(text, name),
        DatasetFormat::Brat => Err(DatasetError::BratNeedsFiles(name.to_string())),
        DatasetFormat::Dna => Err(DatasetError::malformed(name, "a DNA database is read from its file")),
    }
}

/// Reads annotated files. `utf16` says how doccano offsets are counted.
pub fn read_dataset(format: DatasetFormat, inputs: &[PathBuf], utf16: bool) -> Result<dataset::Dataset, DatasetError> {
    if format == DatasetFormat::Brat {
        return brat::read(inputs);
    }
    if format == DatasetFormat::Dna {
        return dna::read(inputs, "concept");
    }
    let mut all = dataset::Dataset::default();
    for p in inputs {
        let text = DatasetError::utf8(p, read_bytes(p)?)?;
        let name = p.display().to_string();
        let d = match format {
            DatasetFormat::Doccano => doccano::parse(&text, &name, utf16)?,
            DatasetFormat::LabelStudio => label_studio::parse(&text, &name)?,
            DatasetFormat::Conll => conll::parse(&text, &name)?,
            DatasetFormat::Brat => return brat::read(inputs),
            DatasetFormat::Dna => return dna::read(inputs, "concept"),
        };
        all.docs.extend(d.docs);
        all.warnings.extend(d.warnings);
    }
    Ok(all)
}
