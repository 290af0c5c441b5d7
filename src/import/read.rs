//! Reading files into records: recognise each file by its content (then its extension),
//! split it into articles with the reader for its format, walk folders and ZIP archives.

use super::source::{Record, Skipped, SourceFile, SourceFormat};
use super::table::TableOptions;
use super::{MAX_ARTICLE_BYTES, archive, decode, docx, epub, europresse, factiva, nexis, odt, pdf, rtf, table};
use crate::progress::Progress;
use std::path::{Path, PathBuf};

/// Files that may hold many articles (tables, archives) are refused past this size; other
/// files past [`MAX_ARTICLE_BYTES`].
pub const MAX_CORPUS_BYTES: u64 = 256 << 20;

/// Archives inside archives are opened this deep, no deeper.
const MAX_ZIP_DEPTH: usize = 2;

/// How to read: options for tables, for every table or for one file by name.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub table: TableOptions,
    /// Per-file table options (key: [`SourceFile::name`]), from the window's column mapping.
    pub per_file: std::collections::BTreeMap<String, TableOptions>,
}

impl ReadOptions {
    fn table_for(&self, name: &str) -> &TableOptions {
        self.per_file.get(name).unwrap_or(&self.table)
    }
}

fn extension(name: &str) -> String {
    Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Extensions read when a folder is walked (other files are read only if named).
const KNOWN_EXTENSIONS: [&str; 25] = [
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "docx", "odt", "rtf", "epub", "pdf", "csv", "tsv",
    "tab", "json", "jsonl", "ndjson", "xlsx", "xlsm", "xls", "ods", "zip", "doc",
];

/// Whether a file of this name is read when its folder is imported.
pub fn is_known(path: &Path) -> bool {
    KNOWN_EXTENSIONS.contains(&extension(&path.to_string_lossy()).as_str())
}

/// Folders expanded (recursively, in name order) into the files they hold; files named
/// directly are kept whatever their extension.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, super::ImportError> {
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), super::ImportError> {
    let io = |source| super::ImportError::Io { path: dir.to_path_buf(), source };
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_known(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads every input (files, folders, archives). Never fails as a whole: each file says
/// what it gave or why it gave nothing. Stops early (with what was read) when cancelled.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions, progress: Option<&Progress>) -> Vec<SourceFile> {
    let paths = match collect_paths(inputs) {
        Ok(p) => p,
        Err(e) => return vec![SourceFile::failed(e.to_string(), PathBuf::new(), e.to_string())],
    };
    let mut out = Vec::new();
    for path in paths {
        if progress.is_some_and(Progress::cancelled) {
            break;
        }
        out.extend(read_path(&path, options));
        if let Some(p) = progress {
            p.tick();
        }
    }
    out
}

/// Reads one file (an archive gives one entry per member).
pub fn read_path(path: &Path, options: &ReadOptions) -> Vec<SourceFile> {
    let name = path.display().to_string();
    let ext = extension(&name);
    let limit =
        if table::format_of_extension(&ext).is_some() || ext == "zip" { MAX_CORPUS_BYTES } else { MAX_ARTICLE_BYTES };
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return vec![SourceFile::failed(&name, path.to_path_buf(), e.to_string())],
    };
    if size > limit {
        let msg = format!("{size} bytes is larger than the {limit} bytes such a file may have");
        return vec![SourceFile::failed(&name, path.to_path_buf(), msg)];
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, path, bytes, options, 0),
        Err(e) => vec![SourceFile::failed(&name, path.to_path_buf(), e.to_string())],
    }
}

/// Reads a file already in memory; `name` gives its extension and names it in messages.
pub fn read_bytes(name: &str, path: &Path, bytes: Vec<u8>, options: &ReadOptions, depth: usize) -> Vec<SourceFile> {
    let mut file = SourceFile::new(name, path.to_path_buf());
    let format = match recognise(name, &bytes) {
        Ok(f) => f,
        Err(e) => {
            file.error = Some(e);
            return vec![file];
        }
    };
    file.format = Some(format);
    if format == SourceFormat::Zip {
        return read_zip(file, &bytes, options, depth);
    }
    if bytes.len() as u64 > MAX_ARTICLE_BYTES && !format.is_table() {
        file.error =
            Some(format!("{} bytes is larger than the {MAX_ARTICLE_BYTES} bytes such a file may have", bytes.len()));
        return vec![file];
    }
    // A reader that panics on a hostile file must not take the window down: its panic is
    // turned into an error naming the file.
    let table_options = options.table_for(name).clone();
    let result = quietly(|| {
        let mut f = SourceFile::new(name, path.to_path_buf());
        f.format = Some(format);
        read_format(&mut f, format, bytes, &table_options);
        f
    });
    let mut file = match result {
        Ok(f) => f,
        Err(_) => {
            file.error = Some(format!("the {} reader failed on this file (it may be damaged)", format.name()));
            return vec![file];
        }
    };
    finish_records(&mut file);
    vec![file]
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a reader, turning a panic inside it (a library that trusts its input) into `Err`
/// without printing the panic message: the caller reports the file instead.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|_| ())
}

/// What format `bytes` are in: by content, then by the name's extension.
pub fn recognise(name: &str, bytes: &[u8]) -> Result<SourceFormat, String> {
    use SourceFormat::*;
    let ext = extension(name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let zip = archive::open(bytes)?;
        let names: Vec<String> = zip.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect();
        let has = |n: &str| names.iter().any(|x| x == n);
        if has("word/document.xml") {
            return Ok(Docx);
        }
        if has("xl/workbook.xml") {
            return Ok(Xlsx);
        }
        if has("META-INF/container.xml") && ext != "odt" && ext != "ods" {
            let mut zip = zip;
            let mime = archive::read(&mut zip, "mimetype", 256).ok().flatten().unwrap_or_default();
            if mime.starts_with(b"application/epub") || ext == "epub" {
                return Ok(Epub);
            }
        }
        if has("content.xml") {
            let mut zip = archive::open(bytes)?;
            let mime = archive::read(&mut zip, "mimetype", 256).ok().flatten().unwrap_or_default();
            if mime.ends_with(b"spreadsheet") || ext == "ods" {
                return Ok(Ods);
            }
            return Ok(Odt);
        }
        return Ok(Zip);
    }
    if bytes.starts_with(b"%PDF-")
        || (bytes.len() > 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-"))
    {
        return Ok(Pdf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        if has(&utf16("Workbook")) || has(&utf16("Book")) {
            return Ok(Xls);
        }
        if has(&utf16("WordDocument")) {
            return Err("an old Word document (.doc): open it in Word or LibreOffice and save it as DOCX".into());
        }
        return Err("an old Microsoft Office file that is neither a workbook nor a text".into());
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let trimmed = start.trim_ascii_start();
    if trimmed.starts_with(b"{\\rtf") {
        return Ok(Rtf);
    }
    // Text formats: look at the beginning of the decoded text.
    let head_len = bytes.len().min(64 * 1024);
    let head = decode(&bytes[..head_len], None).text;
    let lower_head: String = head.chars().take(4096).collect::<String>().to_lowercase();
    let t = lower_head.trim_start();
    if t.starts_with("<?xml") && (factiva::recognise_xml(&head) || ext == "xml") && !lower_head.contains("<html") {
        return Ok(FactivaXml);
    }
    let htmlish = t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || lower_head.contains("<body")
        || lower_head.contains("<head");
    if htmlish || matches!(ext.as_str(), "html" | "htm" | "xhtml") {
        return Ok(Html);
    }
    if matches!(ext.as_str(), "json") || (t.starts_with('[') && ext != "txt" && ext != "md") {
        return Ok(if ext == "jsonl" || ext == "ndjson" { JsonLines } else { Json });
    }
    if matches!(ext.as_str(), "jsonl" | "ndjson") || (t.starts_with('{') && ext != "txt" && ext != "md") {
        return Ok(JsonLines);
    }
    if let Some(f) = table::format_of_extension(&ext) {
        return Ok(f);
    }
    if factiva::recognise_text(&head) {
        return Ok(FactivaText);
    }
    if nexis::recognise_text(&head) {
        return Ok(NexisText);
    }
    if matches!(ext.as_str(), "md" | "markdown") {
        return Ok(Markdown);
    }
    if matches!(ext.as_str(), "txt" | "text" | "") || looks_like_text(bytes) {
        return Ok(Text);
    }
    Err(format!("not an article file: .{ext} is not a format Glose reads, and its content is not recognised"))
}

/// Mostly printable after decoding: no NUL bytes in the first kilobytes.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    !head.is_empty() && !head.contains(&0)
}

fn read_format(file: &mut SourceFile, format: SourceFormat, bytes: Vec<u8>, options: &TableOptions) {
    use SourceFormat::*;
    let result: Result<(), String> = (|| {
        match format {
            Text | Markdown | Html | FactivaText | NexisText | FactivaXml => read_text_format(file, format, &bytes)?,
            Docx | NexisDocx => {
                let mut zip = archive::open(&bytes)?;
                let paras = docx::paragraphs(&mut zip)?;
                let meta = docx::core_meta(&mut zip);
                let lines: Vec<String> =
                    paras.iter().flat_map(|p| p.text.split('\n').map(str::to_string).collect::<Vec<_>>()).collect();
                if nexis::recognise_docx(&lines) {
                    file.format = Some(NexisDocx);
                    file.records = nexis::parse_docx_lines(&lines, &mut file.skipped);
                } else {
                    file.records.push(office_record(meta, &paras));
                }
            }
            Odt => {
                let mut zip = archive::open(&bytes)?;
                let paras = odt::paragraphs(&mut zip)?;
                let meta = odt::meta(&mut zip);
                file.records.push(office_record(meta, &paras));
            }
            Epub => {
                let mut zip = archive::open(&bytes)?;
                let book = epub::read(&mut zip)?;
                let mut rec = Record { meta: book.meta, at: String::new(), ..Default::default() };
                rec.text = super::htmltext::join(&book.paragraphs);
                file.records.push(rec);
            }
            Rtf => {
                let rtf = rtf::to_text(&bytes)?;
                file.encoding = None;
                if factiva::recognise_text(&rtf.text) {
                    file.format = Some(FactivaText);
                    file.records = factiva::parse_text(&rtf.text);
                } else if nexis::recognise_text(&rtf.text) {
                    file.format = Some(NexisText);
                    file.records = nexis::parse_text(&rtf.text, &mut file.skipped);
                } else {
                    let mut rec = Record { at: String::new(), ..Default::default() };
                    rec.meta.title = rtf.title;
                    rec.meta.author = rtf.author;
                    rec.meta.published = rtf.created;
                    let paras: Vec<String> =
                        rtf.text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
                    if rec.meta.title.is_empty() {
                        rec.meta.title = paras.first().map(|p| crate::text::ellipsize(p, 120)).unwrap_or_default();
                    }
                    rec.text = super::htmltext::join(&paras);
                    file.records.push(rec);
                }
            }
            Pdf => {
                let doc = pdf::read(&bytes)?;
                if nexis::recognise_text(&doc.text) {
                    file.format = Some(NexisText);
                    file.records = nexis::parse_text(&doc.text, &mut file.skipped);
                } else if factiva::recognise_text(&doc.text) {
                    file.format = Some(FactivaText);
                    file.records = factiva::parse_text(&doc.text);
                } else {
                    let mut rec = Record { meta: doc.meta, text: doc.text, at: String::new() };
                    if rec.meta.title.is_empty() {
                        rec.meta.title = doc.first_heading;
                    }
                    file.records.push(rec);
                }
            }
            Csv => {
                let tab = matches!(extension(&file.name).as_str(), "tsv" | "tab");
                table::read_csv(file, &bytes, options, tab)
            }
            Json | JsonLines => {
                let decoded = decode(&bytes, None);
                file.encoding = Some(decoded.encoding);
                let lines = format == JsonLines || looks_like_json_lines(&decoded.text);
                if lines {
                    file.format = Some(JsonLines);
                }
                table::read_json(file, &decoded.text, lines, options)
            }
            Xlsx | Ods | Xls => {
                if format != Xls {
                    archive::check_expansion(&bytes)?;
                }
                table::read_workbook(file, bytes, options)
            }
            Europresse | FactivaHtml | Zip => unreachable_format(format)?,
        }
        Ok(())
    })();
    if let Err(e) = result {
        file.error = Some(e);
    }
}

fn unreachable_format(format: SourceFormat) -> Result<(), String> {
    Err(format!("{} files are read through another path", format.name()))
}

/// `{…}\n{…}` rather than one JSON value.
fn looks_like_json_lines(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('{') && serde_json::from_str::<serde_json::Value>(text).is_err()
}

/// Text-based formats: decode, then split.
fn read_text_format(file: &mut SourceFile, format: SourceFormat, bytes: &[u8]) -> Result<(), String> {
    use SourceFormat::*;
    let stem = Path::new(&file.name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = stem.rsplit(" › ").next().unwrap_or(&stem).to_string();
    match format {
        Html => {
            let decoded = decode(bytes, super::html::declared_charset(bytes));
            file.encoding = Some(decoded.encoding);
            if europresse::recognise(&decoded.text) {
                file.format = Some(Europresse);
                file.records = europresse::parse(&decoded.text);
            } else if factiva::recognise_html(&decoded.text) {
                file.format = Some(FactivaHtml);
                file.records = factiva::parse_html(&decoded.text);
            } else {
                let art = super::html::parse(bytes, &stem)?;
                file.records.push(Record { meta: art.meta, text: art.text, at: String::new() });
            }
        }
        FactivaXml => {
            let recs = factiva::parse_xml(bytes)?;
            if recs.is_empty() {
                return Err("an XML file with no Factiva <article> in it".into());
            }
            file.records = recs;
        }
        _ => {
            let decoded = decode(bytes, None);
            file.encoding = Some(decoded.encoding);
            match format {
                FactivaText => file.records = factiva::parse_text(&decoded.text),
                NexisText => file.records = nexis::parse_text(&decoded.text, &mut file.skipped),
                Markdown => {
                    let art = super::markdown::parse(&decoded, &stem);
                    file.records.push(Record { meta: art.meta, text: art.text, at: String::new() });
                }
                _ => {
                    let art = super::plain::parse(&decoded, &stem);
                    file.records.push(Record { meta: art.meta, text: art.text, at: String::new() });
                }
            }
        }
    }
    Ok(())
}

/// One article from an office document: its own details, else its first heading.
fn office_record(mut meta: crate::model::ArticleMeta, paras: &[docx::Para]) -> Record {
    let texts: Vec<String> = paras.iter().map(|p| p.text.trim().to_string()).filter(|t| !t.is_empty()).collect();
    // Paragraphs styled as the document's date and author (as pandoc and Word templates do)
    // say more than the file's creation time.
    let styled = |name: &str| paras.iter().find(|p| p.style.eq_ignore_ascii_case(name)).map(|p| p.text.trim());
    if let Some(date) = styled("Date").and_then(super::dates::parse_date) {
        meta.published = date;
    }
    if meta.author.trim().is_empty()
        && let Some(author) = styled("Author")
    {
        meta.author = author.to_string();
    }
    if meta.title.trim().is_empty() {
        let heading = paras.iter().find(|p| p.heading > 0 && !p.text.trim().is_empty());
        meta.title = heading
            .or_else(|| paras.iter().find(|p| !p.text.trim().is_empty()))
            .map(|p| crate::text::ellipsize(p.text.trim(), 120))
            .unwrap_or_default();
    }
    Record { meta, text: super::htmltext::join(&texts), at: String::new() }
}

/// The members of an archive, each read as a file of its own.
fn read_zip(file: SourceFile, bytes: &[u8], options: &ReadOptions, depth: usize) -> Vec<SourceFile> {
    let fail = |message: String| {
        let mut f = SourceFile::new(file.name.clone(), file.path.clone());
        f.format = Some(SourceFormat::Zip);
        f.error = Some(message);
        vec![f]
    };
    if depth >= MAX_ZIP_DEPTH {
        return fail(format!(
            "an archive inside an archive inside an archive: not opened (at most {MAX_ZIP_DEPTH} levels)"
        ));
    }
    let mut zip = match archive::open(bytes) {
        Ok(z) => z,
        Err(e) => return fail(e),
    };
    let (members, unsafe_names) = archive::members(&mut zip);
    let mut out = Vec::new();
    let mut budget = archive::MAX_EXPANDED;
    let mut problems: Vec<Skipped> =
        unsafe_names.into_iter().map(|(name, message)| Skipped { at: format!("entry {name}"), message }).collect();
    for (index, member) in members {
        let inner_name = format!("{} › {member}", file.name);
        if !is_known(Path::new(&member)) {
            continue;
        }
        let ext = extension(&member);
        let corpus = table::format_of_extension(&ext).is_some() || ext == "zip";
        let limit = if corpus { MAX_CORPUS_BYTES } else { MAX_ARTICLE_BYTES };
        match archive::read_index(&mut zip, index, budget.min(limit)) {
            Ok((_, data)) => {
                budget = budget.saturating_sub(data.len() as u64);
                out.extend(read_bytes(&inner_name, &file.path, data, options, depth + 1));
            }
            Err(e) => {
                problems.push(Skipped { at: format!("entry {member}"), message: e });
                if budget == 0 || e_is_bomb(&problems) {
                    break;
                }
            }
        }
    }
    if out.is_empty() || !problems.is_empty() {
        let mut f = SourceFile::new(file.name.clone(), file.path.clone());
        f.format = Some(SourceFormat::Zip);
        f.skipped = problems;
        if out.is_empty() && f.skipped.is_empty() {
            f.error = Some("the archive holds no article file".into());
        }
        out.insert(0, f);
    }
    out
}

fn e_is_bomb(problems: &[Skipped]) -> bool {
    problems.last().is_some_and(|p| p.message.contains("ZIP bomb"))
}

/// Every record made presentable: language as a code (detected when not given), dates as
/// ISO, a title, no empty details; records without text are skipped with their position.
fn finish_records(file: &mut SourceFile) {
    let records = std::mem::take(&mut file.records);
    for mut rec in records {
        if rec.text.trim().is_empty() && rec.at.is_empty() {
            // A file that is one article, without text.
            file.error = Some("no text found".into());
            continue;
        }
        if rec.text.trim().is_empty() {
            let what = if rec.meta.title.is_empty() { String::new() } else { format!(" ({:?})", rec.meta.title) };
            let at = if rec.at.is_empty() { "the document".to_string() } else { rec.at.clone() };
            file.skipped.push(Skipped { at, message: format!("no text{what}") });
            continue;
        }
        if rec.text.len() as u64 > MAX_ARTICLE_BYTES {
            file.skipped.push(Skipped {
                at: rec.at.clone(),
                message: format!(
                    "{} bytes of text: larger than the {MAX_ARTICLE_BYTES} bytes an article may have",
                    rec.text.len()
                ),
            });
            continue;
        }
        let m = &mut rec.meta;
        m.title = one_line(&m.title);
        m.source = one_line(&m.source);
        m.author = one_line(&m.author);
        m.url = m.url.trim().to_string();
        m.language = super::lang::language_code(&m.language).unwrap_or_default();
        if !m.published.is_empty() && super::plain::find_date(&m.published).as_deref() != Some(m.published.as_str()) {
            m.published = super::dates::parse_date(&m.published).unwrap_or_else(|| one_line(&m.published));
        }
        if m.title.is_empty() {
            m.title = crate::text::ellipsize(rec.text.trim(), 80);
        }
        m.details.retain(|k, v| {
            *v = one_line(v);
            !k.trim().is_empty() && !v.is_empty()
        });
        file.records.push(rec);
    }
    detect_languages(&mut file.records);
    if file.records.is_empty() && file.error.is_none() && file.skipped.is_empty() {
        file.error = Some("no article found in it".into());
    }
}

/// The language of every record that does not say it, detected (whatlang) by one thread per
/// core: on a corpus of short texts, detection is most of the reading time.
fn detect_languages(records: &mut [Record]) {
    let mut todo: Vec<&mut Record> = records.iter_mut().filter(|r| r.meta.language.is_empty()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    if todo.len() < 64 || threads == 1 {
        for r in todo {
            r.meta.language = super::detect_language(&r.text).unwrap_or_default();
        }
        return;
    }
    let chunk = todo.len().div_ceil(threads);
    std::thread::scope(|scope| {
        for part in todo.chunks_mut(chunk) {
            scope.spawn(move || {
                for r in part.iter_mut() {
                    r.meta.language = super::detect_language(&r.text).unwrap_or_default();
                }
            });
        }
    });
}

/// White space (line breaks included) collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}
