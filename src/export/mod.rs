//! Labelled datasets out: one file per format, each checked against that format's own
//! reference parser (`scripts/conformance.sh`). Offsets are converted only here, at the edge.

mod brat;
mod codebook;
mod conll;
mod csv_out;
mod doccano;
mod graph;
mod label_studio;
mod qdpx;
mod w3c;

pub use conll::Prefer;
pub use csv_out::safe_cell;

use crate::model::{Article, Project, Relation, Span};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("export cancelled")]
    Cancelled,
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

pub(crate) fn io_err(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io { path: path.to_path_buf(), source }
}

/// The formats Glose writes (`--format` takes their names in any case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// doccano sequence-labelling JSONL: `text`, `label: [[start, end, label]]`.
    Doccano,
    /// doccano relation JSONL: `entities` and `relations`.
    DoccanoRel,
    /// Label Studio JSON tasks plus the labelling config XML.
    LabelStudio,
    /// brat standoff: `.txt` + `.ann` per article and `annotation.conf`.
    Brat,
    /// CoNLL IOB2, one token per line.
    Conll,
    /// `spans.csv` and `relations.csv`.
    Csv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// REFI-QDA project exchange (`.qdpx`).
    RefiQda,
    /// The actor network (alliance, opposes) as GraphML.
    Graphml,
    /// The same network as a CSV edge list.
    NetworkCsv,
    /// The codebook (labels with examples, relation types, canonical actors and claims) as Markdown.
    CodebookMd,
    /// The same codebook as one HTML page.
    CodebookHtml,
    /// The codebook as REFI-QDA's codebook exchange file (`.qdc`).
    Qdc,
}

impl Format {
    pub const ALL: [(&'static str, Format); 13] = [
        ("doccano", Format::Doccano),
        ("doccano-rel", Format::DoccanoRel),
        ("label-studio", Format::LabelStudio),
        ("brat", Format::Brat),
        ("conll", Format::Conll),
        ("csv", Format::Csv),
        ("w3c", Format::W3c),
        ("refi-qda", Format::RefiQda),
        ("graphml", Format::Graphml),
        ("network-csv", Format::NetworkCsv),
        ("codebook-md", Format::CodebookMd),
        ("codebook-html", Format::CodebookHtml),
        ("qdc", Format::Qdc),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, f)| *f == self).map_or("?", |(n, _)| n)
    }

    /// Writes a folder (brat, csv) rather than one file.
    pub fn is_folder(self) -> bool {
        matches!(self, Format::Brat | Format::Csv)
    }
}

/// How offsets are counted in formats that can count either way (doccano).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OffsetUnit {
    /// UTF-16 code units: what doccano counts by default (JavaScript string indices).
    #[default]
    Utf16,
    /// Unicode code points: doccano's grapheme mode, Python `str` indices.
    #[value(name = "codepoint")]
    CodePoint,
}

/// Which articles, labels and annotators go out. Empty lists mean "all".
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Article ids (`a23` or `23`) or parts of titles.
    pub articles: Vec<String>,
    /// Label names.
    pub labels: Vec<String>,
    pub annotators: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub offsets: OffsetUnit,
    pub filter: Filter,
    /// CoNLL: which of two overlapping spans is kept.
    pub prefer: Prefer,
    /// Articles written so far and the cancel flag, for a progress bar in the window.
    pub progress: Option<Progress>,
}

/// Shared with the window while an export runs in a thread.
pub use crate::progress::Progress;

/// What an export wrote and what it could not express.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<PathBuf>,
    pub articles: usize,
    pub spans: usize,
    pub relations: usize,
    /// Things the format cannot hold, one line each (dropped overlaps, split fragments…).
    pub warnings: Vec<String>,
}

/// An article with the spans and relations that pass the filter.
pub struct ArticleView<'p> {
    pub article: &'p Article,
    pub spans: Vec<&'p Span>,
    pub relations: Vec<&'p Relation>,
}

/// The part of a project an export writes.
pub struct View<'p> {
    pub project: &'p Project,
    pub articles: Vec<ArticleView<'p>>,
    pub progress: Option<Progress>,
}

impl<'p> View<'p> {
    pub fn new(project: &'p Project, filter: &Filter) -> View<'p> {
        let wanted_article = |a: &Article| {
            filter.articles.is_empty()
                || filter.articles.iter().any(|f| {
                    let f = f.trim();
                    let id = f.trim_start_matches('a');
                    id.parse::<u64>().is_ok_and(|n| n == a.id.0) || (!f.is_empty() && a.title.contains(f))
                })
        };
        let wanted_span = |s: &Span| {
            (filter.labels.is_empty() || filter.labels.iter().any(|l| project.schema.label_name(s.label) == l))
                && (filter.annotators.is_empty() || filter.annotators.contains(&s.annotator))
        };
        let articles = project
            .articles
            .iter()
            .filter(|a| wanted_article(a))
            .map(|a| {
                let spans: Vec<&Span> = a.spans.iter().filter(|s| wanted_span(s)).collect();
                let ids: HashSet<_> = spans.iter().map(|s| s.id).collect();
                let relations = a
                    .relations
                    .iter()
                    .filter(|r| ids.contains(&r.from) && ids.contains(&r.to))
                    .filter(|r| filter.annotators.is_empty() || filter.annotators.contains(&r.annotator))
                    .collect();
                ArticleView { article: a, spans, relations }
            })
            .collect();
        View { project, articles, progress: None }
    }

    /// Counts one article written; stops the export when the user cancelled it.
    pub fn tick(&self) -> Result<(), ExportError> {
        match &self.progress {
            Some(p) if p.cancelled() => Err(ExportError::Cancelled),
            Some(p) => {
                p.tick();
                Ok(())
            }
            None => Ok(()),
        }
    }

    pub fn span_count(&self) -> usize {
        self.articles.iter().map(|a| a.spans.len()).sum()
    }

    pub fn relation_count(&self) -> usize {
        self.articles.iter().map(|a| a.relations.len()).sum()
    }
}

/// Writes `project` in `format` to `out` (a file, or a folder for brat and csv).
pub fn export(project: &Project, format: Format, options: &Options, out: &Path) -> Result<Report, ExportError> {
    let mut view = View::new(project, &options.filter);
    view.progress = options.progress.clone();
    let mut report = Report {
        articles: view.articles.len(),
        spans: view.span_count(),
        relations: view.relation_count(),
        ..Default::default()
    };
    if format.is_folder() {
        std::fs::create_dir_all(out).map_err(io_err(out))?;
    } else if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    }
    match format {
        Format::Doccano => doccano::write_seq(&view, options.offsets, out, &mut report)?,
        Format::DoccanoRel => doccano::write_rel(&view, options.offsets, out, &mut report)?,
        Format::LabelStudio => label_studio::write(&view, out, &mut report)?,
        Format::Brat => brat::write(&view, out, &mut report)?,
        Format::Conll => conll::write(&view, options.prefer, out, &mut report)?,
        Format::Csv => csv_out::write(&view, out, &mut report)?,
        Format::W3c => w3c::write(&view, out, &mut report)?,
        Format::RefiQda => qdpx::write(&view, out, &mut report)?,
        Format::Graphml => graph::write_graphml(&view, out, &mut report)?,
        Format::NetworkCsv => graph::write_edges_csv(&view, out, &mut report)?,
        Format::CodebookMd => codebook::write(&view, codebook::Kind::Markdown, out, &mut report)?,
        Format::CodebookHtml => codebook::write(&view, codebook::Kind::Html, out, &mut report)?,
        Format::Qdc => codebook::write(&view, codebook::Kind::Qdc, out, &mut report)?,
    }
    Ok(report)
}

/// A file name from a title: letters, digits and `-` only, no `..`, no reserved device
/// names, at most 60 characters, prefixed by a number so names are unique and sorted.
pub fn safe_file_name(index: usize, title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() { format!("{:03}", index + 1) } else { format!("{:03}-{slug}", index + 1) }
}

/// A file written as it is made, for the exports that can be big (the whole text is never
/// held in memory): text is gathered in a buffer and written out every megabyte.
pub(crate) struct Stream {
    path: std::path::PathBuf,
    file: std::io::BufWriter<std::fs::File>,
    pub buf: String,
}

impl Stream {
    pub fn create(path: &Path) -> Result<Stream, ExportError> {
        let file = std::fs::File::create(path).map_err(io_err(path))?;
        Ok(Stream { path: path.to_path_buf(), file: std::io::BufWriter::new(file), buf: String::new() })
    }

    /// Writes the buffer out once it holds a megabyte.
    pub fn flush_some(&mut self) -> Result<(), ExportError> {
        if self.buf.len() >= 1 << 20 {
            self.write_out()?;
        }
        Ok(())
    }

    fn write_out(&mut self) -> Result<(), ExportError> {
        use std::io::Write;
        self.file.write_all(self.buf.as_bytes()).map_err(io_err(&self.path))?;
        self.buf.clear();
        Ok(())
    }

    pub fn finish(mut self, report: &mut Report) -> Result<(), ExportError> {
        use std::io::Write;
        self.write_out()?;
        self.file.flush().map_err(io_err(&self.path))?;
        report.files.push(self.path);
        Ok(())
    }
}

/// Writes `bytes` to `path`, creating it.
pub(crate) fn write_file(path: &Path, bytes: &[u8], report: &mut Report) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(io_err(path))?;
    report.files.push(path.to_path_buf());
    Ok(())
}

/// Names for the label and relation type ids that formats without ids need.
pub(crate) fn label_name(view: &View, id: crate::model::LabelId) -> String {
    view.project.schema.label_name(id).to_string()
}

pub(crate) fn type_name(view: &View, id: crate::model::RelTypeId) -> String {
    view.project.schema.relation_type_name(id).to_string()
}

/// A UUID (version-4 layout) derived from a project seed and an id: the same project always
/// gives the same identifiers, so exports diff cleanly.
pub(crate) fn uuid_for(seed: u64, id: u64) -> String {
    let mut buf = [0u8; 24];
    buf[..8].copy_from_slice(&seed.to_le_bytes());
    buf[8..16].copy_from_slice(&id.to_le_bytes());
    let a = crate::hash::fnv1a64(&buf[..16]);
    buf[16..].copy_from_slice(&[0x5a; 8]);
    let b = crate::hash::fnv1a64(&buf);
    let hi = (a & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    let lo = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// Below this many spans, JSON exports are indented.
pub(crate) const PRETTY_LIMIT: usize = 2000;

/// Keys JSON exports use for their own fields: an article detail with one of these names is
/// written as `detail:NAME` so that it never overwrites them.
const RESERVED_KEYS: [&str; 15] = [
    "text",
    "label",
    "labels",
    "entities",
    "relations",
    "id",
    "article_id",
    "title",
    "source",
    "author",
    "url",
    "published",
    "language",
    "meta",
    "annotations",
];

/// An article's details that JSON exports carry beside its text (the six fixed ones, then the
/// free ones), empty ones left out.
pub(crate) fn article_details(a: &Article) -> Vec<(std::borrow::Cow<'_, str>, &str)> {
    use std::borrow::Cow;
    let fixed = [
        ("title", &a.title),
        ("source", &a.source),
        ("author", &a.author),
        ("url", &a.url),
        ("published", &a.published),
        ("language", &a.language),
    ];
    let fixed = fixed.into_iter().map(|(k, v)| (Cow::Borrowed(k), v.as_str()));
    let free = a.details.iter().map(|(k, v)| {
        let key = if RESERVED_KEYS.contains(&k.as_str()) {
            Cow::Owned(format!("detail:{k}"))
        } else {
            Cow::Borrowed(k.as_str())
        };
        (key, v.as_str())
    });
    fixed.chain(free).filter(|(_, v)| !v.is_empty()).collect()
}
