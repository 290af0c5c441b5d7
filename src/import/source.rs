//! What reading a file gives before anything is added to a project: the format recognised,
//! the articles found in it (records), and what was skipped, each with its position.

use crate::model::ArticleMeta;
use std::path::PathBuf;

/// The formats articles are read from, recognised by content first, then by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    /// Europresse HTML export (one `<article>` each, or the older table layout).
    Europresse,
    FactivaHtml,
    FactivaXml,
    /// Factiva's RTF or TXT export (field codes at the start of lines).
    FactivaText,
    /// Nexis Uni's DOCX export.
    NexisDocx,
    /// The old nexis.com TXT/RTF export (`1 of 10 DOCUMENTS`).
    NexisText,
    Docx,
    Odt,
    Rtf,
    Epub,
    Pdf,
    Csv,
    Json,
    JsonLines,
    Xlsx,
    Ods,
    Xls,
    Zip,
}

impl SourceFormat {
    /// The name shown in reports: "Europresse", "Factiva (HTML)", "CSV".
    pub fn name(self) -> &'static str {
        use SourceFormat::*;
        match self {
            Text => "plain text",
            Markdown => "Markdown",
            Html => "web page",
            Europresse => "Europresse",
            FactivaHtml => "Factiva (HTML)",
            FactivaXml => "Factiva (XML)",
            FactivaText => "Factiva (RTF/TXT)",
            NexisDocx => "Nexis Uni (DOCX)",
            NexisText => "LexisNexis (TXT/RTF)",
            Docx => "Word (DOCX)",
            Odt => "OpenDocument text (ODT)",
            Rtf => "RTF",
            Epub => "EPUB",
            Pdf => "PDF",
            Csv => "CSV",
            Json => "JSON",
            JsonLines => "JSON Lines",
            Xlsx => "Excel (XLSX)",
            Ods => "OpenDocument spreadsheet (ODS)",
            Xls => "Excel 97–2003 (XLS)",
            Zip => "ZIP archive",
        }
    }

    /// One row or object per article, with columns to map.
    pub fn is_table(self) -> bool {
        use SourceFormat::*;
        matches!(self, Csv | Json | JsonLines | Xlsx | Ods | Xls)
    }
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One article found in a file, before it is part of a project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub meta: ArticleMeta,
    pub text: String,
    /// Where it is in its file: "article 3", "row 12".
    pub at: String,
}

/// Something in a file that could not be read as an article, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// "row 7", "article 3", "entry ../x", "byte 1204".
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.at.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.at, self.message) }
    }
}

/// A table's columns and how they were mapped, for the preview and the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableInfo {
    pub columns: Vec<String>,
    /// The mapping used (guessed from the column names unless given).
    pub map: super::table::ColumnMap,
    /// The first rows as read (at most [`super::table::PREVIEW_ROWS`]).
    pub first_rows: Vec<Vec<String>>,
    /// The field delimiter of a CSV file.
    pub delimiter: Option<u8>,
    /// The sheets of a workbook, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
}

/// What one file (or one entry of a ZIP archive) gave.
#[derive(Debug)]
pub struct SourceFile {
    /// The file as the user knows it: its path, or `archive.zip › folder/entry.docx`.
    pub name: String,
    /// The file on disk (for an archive entry, the archive).
    pub path: PathBuf,
    /// `None` when the file was not recognised (see `error`).
    pub format: Option<SourceFormat>,
    pub records: Vec<Record>,
    /// Parts that were skipped, each with its position.
    pub skipped: Vec<Skipped>,
    /// The whole file could not be read.
    pub error: Option<String>,
    /// The encoding the text was decoded from, for text formats.
    pub encoding: Option<&'static str>,
    /// Columns and mapping, for tables.
    pub table: Option<TableInfo>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, path: PathBuf) -> SourceFile {
        SourceFile {
            name: name.into(),
            path,
            format: None,
            records: Vec::new(),
            skipped: Vec::new(),
            error: None,
            encoding: None,
            table: None,
        }
    }

    pub fn failed(name: impl Into<String>, path: PathBuf, error: impl Into<String>) -> SourceFile {
        let mut f = SourceFile::new(name, path);
        f.error = Some(error.into());
        f
    }

    /// Nothing was lost reading it: no error, nothing skipped.
    pub fn is_clean(&self) -> bool {
        self.error.is_none() && self.skipped.is_empty()
    }
}
