//! Corpora kept as tables, one article per row: CSV/TSV (any delimiter, any encoding, as
//! Excel writes them), JSON arrays, JSON Lines, XLSX/XLS/ODS workbooks (calamine). Columns are
//! mapped to the article's fields by their names in English and French, or as the user says;
//! every other column becomes an article detail.

use super::source::{Record, Skipped, SourceFile, SourceFormat, TableInfo};
use super::{MAX_ARTICLE_BYTES, dates::parse_date, lang::language_code};
use std::collections::BTreeMap;

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 5;

/// What a column can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Text,
    Title,
    Source,
    Author,
    Published,
    Url,
    Language,
    /// The source's own identifier, kept as the detail `id`.
    Id,
}

impl Role {
    pub const ALL: [Role; 8] =
        [Role::Text, Role::Title, Role::Source, Role::Author, Role::Published, Role::Url, Role::Language, Role::Id];

    /// The name used by `--map` and shown in the window.
    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Title => "title",
            Role::Source => "source",
            Role::Author => "author",
            Role::Published => "published",
            Role::Url => "url",
            Role::Language => "language",
            Role::Id => "id",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        let n = name.trim().to_ascii_lowercase();
        Role::ALL.into_iter().find(|r| r.name() == n).or(match n.as_str() {
            "date" => Some(Role::Published),
            "lang" => Some(Role::Language),
            "body" => Some(Role::Text),
            "journal" => Some(Role::Source),
            _ => None,
        })
    }

    /// Column names (normalised: lowercase, no accents, `_` between words) that mean this role,
    /// best first.
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Text => &[
                "text",
                "body",
                "content",
                "contents",
                "full_text",
                "fulltext",
                "article_text",
                "body_text",
                "texte",
                "contenu",
                "corps",
                "texte_integral",
                "article",
                "story",
                "main_text",
                "maintext",
                "inhalt",
                "document",
                "td",
            ],
            Role::Title => &["title", "headline", "titre", "heading", "titel", "hd", "head", "titre_article"],
            Role::Source => &[
                "source",
                "journal",
                "publication",
                "outlet",
                "media",
                "newspaper",
                "medium",
                "source_name",
                "support",
                "publisher",
                "quelle",
                "site",
                "sn",
                "titre_journal",
                "nom_journal",
            ],
            Role::Author => &["author", "authors", "byline", "auteur", "auteurs", "signature", "by", "writer", "autor"],
            Role::Published => &[
                "published",
                "date",
                "publication_date",
                "pubdate",
                "date_publication",
                "published_at",
                "datetime",
                "date_de_publication",
                "publie",
                "datum",
                "pd",
                "created",
                "created_at",
                "timestamp",
                "time",
                "jour",
            ],
            Role::Url => &["url", "link", "lien", "href", "uri", "permalink", "source_url", "adresse", "adresse_web"],
            Role::Language => &["language", "lang", "langue", "lg", "sprache", "idioma", "la"],
            Role::Id => &[
                "id",
                "doc_id",
                "docid",
                "document_id",
                "identifier",
                "identifiant",
                "article_id",
                "an",
                "numero",
                "numero_de_document",
                "accession_number",
                "uid",
            ],
        }
    }
}

/// Which column fills which field (by column name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pub columns: BTreeMap<Role, String>,
}

impl ColumnMap {
    /// Parses `text=body,title=headline,published=date`.
    pub fn parse(spec: &str) -> Result<ColumnMap, String> {
        let mut map = ColumnMap::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, column) =
                part.split_once('=').ok_or_else(|| format!("--map {part:?}: expected FIELD=COLUMN, e.g. text=body"))?;
            let role = Role::parse(role).ok_or_else(|| {
                let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                format!("--map: unknown field {role:?}; one of {}", names.join(", "))
            })?;
            map.columns.insert(role, column.trim().to_string());
        }
        Ok(map)
    }

    pub fn get(&self, role: Role) -> Option<&str> {
        self.columns.get(&role).map(String::as_str)
    }

    /// The mapping for `columns`: what `given` says (by name, case-insensitively), and for the
    /// other fields the best-named column not already used. Errors name a given column that
    /// the table does not have.
    pub fn resolve(given: &ColumnMap, columns: &[String]) -> Result<ColumnMap, String> {
        let mut out = ColumnMap::default();
        // An empty column name says "no column for this field": it is not guessed either.
        let none: Vec<Role> = given.columns.iter().filter(|(_, n)| n.trim().is_empty()).map(|(r, _)| *r).collect();
        for (role, name) in given.columns.iter().filter(|(_, n)| !n.trim().is_empty()) {
            let found = columns
                .iter()
                .find(|c| *c == name)
                .or_else(|| columns.iter().find(|c| c.trim().eq_ignore_ascii_case(name.trim())))
                .ok_or_else(|| {
                    format!("no column {name:?} for {}; the columns are: {}", role.name(), quoted_list(columns))
                })?;
            out.columns.insert(*role, found.clone());
        }
        let normalised: Vec<String> = columns.iter().map(|c| normalise(c)).collect();
        for role in Role::ALL {
            if out.columns.contains_key(&role) || none.contains(&role) {
                continue;
            }
            let taken = |c: &String| out.columns.values().any(|v| v == c);
            let best = role.names().iter().find_map(|want| {
                normalised.iter().zip(columns).find(|(n, c)| n.as_str() == *want && !taken(c)).map(|(_, c)| c.clone())
            });
            if let Some(c) = best {
                out.columns.insert(role, c);
            }
        }
        Ok(out)
    }
}

fn quoted_list(columns: &[String]) -> String {
    columns.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")
}

/// "Date de publication" → "date_de_publication"; "Numéro" → "numero".
fn normalise(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'û' | 'ü' | 'ù' | 'ú' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => '_',
        };
        if c == '_' && (out.is_empty() || out.ends_with('_')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end_matches('_').to_string()
}

/// How to read a table: all optional (guessed when not given).
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    pub map: ColumnMap,
    pub delimiter: Option<u8>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub sheet: Option<String>,
}

/// Turns rows into records: `rows` yields each row's position ("line 4") and cells.
fn rows_to_records(
    file: &mut SourceFile,
    columns: Vec<String>,
    rows: impl Iterator<Item = (String, Result<Vec<String>, String>)>,
    given: &ColumnMap,
) {
    let mut map = match ColumnMap::resolve(given, &columns) {
        Ok(m) => m,
        Err(e) => {
            file.error = Some(e);
            file.table = Some(TableInfo { columns, ..Default::default() });
            return;
        }
    };
    let mut first_rows = Vec::new();
    let mut all: Vec<(String, Vec<String>)> = Vec::new();
    for (at, row) in rows {
        match row {
            Ok(cells) => {
                if first_rows.len() < PREVIEW_ROWS {
                    first_rows.push(cells.iter().map(|c| crate::text::ellipsize(c, 200)).collect());
                }
                all.push((at, cells));
            }
            Err(message) => file.skipped.push(Skipped { at, message }),
        }
    }
    if all.is_empty() && file.skipped.is_empty() {
        file.error = Some("the table has a header but no rows".into());
        file.table = Some(TableInfo { columns, map, first_rows, ..Default::default() });
        return;
    }
    // No column is named like a text: the one with the longest values is the text.
    if map.get(Role::Text).is_none() && !given.columns.contains_key(&Role::Text) {
        let taken: Vec<&String> = map.columns.values().collect();
        let mean_len = |i: usize| all.iter().take(50).map(|(_, r)| r.get(i).map_or(0, String::len)).sum::<usize>();
        let best = (0..columns.len()).filter(|&i| !taken.contains(&&columns[i])).max_by_key(|&i| mean_len(i));
        if let Some(i) = best.filter(|&i| mean_len(i) > 0) {
            map.columns.insert(Role::Text, columns[i].clone());
        }
    }
    let index = |role: Role| map.get(role).and_then(|name| columns.iter().position(|c| c == name));
    let Some(text_col) = index(Role::Text) else {
        file.error = Some(if columns.is_empty() {
            "the table has no columns".to_string()
        } else {
            format!("no column holds the text (columns: {}); say which with --map text=COLUMN", quoted_list(&columns))
        });
        file.table = Some(TableInfo { columns, map, first_rows, ..Default::default() });
        return;
    };
    let roles: Vec<(Role, usize)> = Role::ALL.iter().filter_map(|&r| index(r).map(|i| (r, i))).collect();
    for (at, cells) in all {
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or_default();
        let text = cells.get(text_col).map(String::as_str).unwrap_or_default();
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            file.skipped.push(Skipped {
                at,
                message: format!(
                    "the text is {} bytes, larger than the {MAX_ARTICLE_BYTES} bytes an article may have",
                    text.len()
                ),
            });
            continue;
        }
        if text.trim().is_empty() {
            file.skipped.push(Skipped { at, message: format!("the text ({}) is empty", columns[text_col]) });
            continue;
        }
        let mut rec = Record { text: tidy_cell(text), at, ..Default::default() };
        for &(role, i) in &roles {
            let v = cell(i).to_string();
            match role {
                Role::Text => {}
                Role::Title => rec.meta.title = v,
                Role::Source => rec.meta.source = v,
                Role::Author => rec.meta.author = v,
                Role::Published => rec.meta.published = parse_date(&v).unwrap_or(v),
                Role::Url => rec.meta.url = v,
                Role::Language => rec.meta.language = language_code(&v).unwrap_or(v),
                Role::Id => {
                    if !v.is_empty() {
                        rec.meta.details.insert("id".into(), v);
                    }
                }
            }
        }
        for (i, name) in columns.iter().enumerate() {
            if roles.iter().any(|&(_, j)| j == i) || name.trim().is_empty() {
                continue;
            }
            let v = cell(i);
            if !v.is_empty() {
                rec.meta.details.insert(name.trim().to_string(), v.to_string());
            }
        }
        file.records.push(rec);
    }
    file.table = Some(TableInfo { columns, map, first_rows, ..Default::default() });
}

/// A cell's text as an article: line endings as they are, surrounding blank lines dropped.
fn tidy_cell(text: &str) -> String {
    let t = text.trim_matches(|c: char| c == '\n' || c == '\r' || c == ' ' || c == '\t');
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// Reads a CSV or TSV file.
pub fn read_csv(file: &mut SourceFile, bytes: &[u8], options: &TableOptions, tab_hint: bool) {
    let decoded = match options.encoding {
        Some(enc) => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            let (text, _) = enc.decode_without_bom_handling(bytes);
            super::Decoded { text: text.into_owned(), encoding: enc.name() }
        }
        None => super::decode(bytes, None),
    };
    file.encoding = Some(decoded.encoding);
    let text = decoded.text;
    let delimiter = options.delimiter.unwrap_or_else(|| sniff_delimiter(&text, tab_hint));
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>(),
        Some(Err(e)) => {
            file.error = Some(csv_error(&e));
            return;
        }
        None => {
            file.error = Some("the file is empty".into());
            return;
        }
    };
    let width = header.len();
    let rows = records.map(|r| match r {
        Ok(rec) => {
            let at = format!("line {}", rec.position().map_or(0, |p| p.line()));
            if rec.len() != width {
                let msg = format!("{} field(s) where the header has {width}", rec.len());
                (at, Err(msg))
            } else {
                (at, Ok(rec.iter().map(str::to_string).collect()))
            }
        }
        Err(e) => {
            let at = e.position().map_or_else(String::new, |p| format!("line {}", p.line()));
            (at, Err(e.to_string()))
        }
    });
    rows_to_records(file, header, rows, &options.map);
    if let Some(t) = &mut file.table {
        t.delimiter = Some(delimiter);
    }
}

fn csv_error(e: &csv::Error) -> String {
    match e.position() {
        Some(p) => format!("line {}: {e}", p.line()),
        None => e.to_string(),
    }
}

/// The delimiter that splits the first lines into the same number (> 1) of fields.
pub fn sniff_delimiter(text: &str, tab_hint: bool) -> u8 {
    let sample: String = text.chars().take(64 * 1024).collect();
    let candidates: &[u8] = if tab_hint { b"\t,;|" } else { b",;\t|" };
    let mut best = (candidates[0], 0usize, 0usize);
    for &d in candidates {
        let mut r =
            csv::ReaderBuilder::new().delimiter(d).flexible(true).has_headers(false).from_reader(sample.as_bytes());
        let widths: Vec<usize> = r.records().take(20).filter_map(Result::ok).map(|rec| rec.len()).collect();
        // The last sampled record may be cut off by the sample.
        let widths = if widths.len() > 2 { &widths[..widths.len() - 1] } else { &widths[..] };
        let Some(&first) = widths.first() else { continue };
        let consistent = widths.iter().filter(|&&w| w == first).count();
        if first > 1 && (consistent, first) > (best.1, best.2) {
            best = (d, consistent, first);
        }
    }
    best.0
}

/// Reads a JSON array of objects (or an object holding one), or JSON Lines.
pub fn read_json(file: &mut SourceFile, text: &str, lines: bool, options: &TableOptions) {
    use serde_json::Value;
    type Object = serde_json::Map<String, Value>;
    let mut objects: Vec<(String, Result<Object, String>)> = Vec::new();
    if lines {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("line {}", i + 1);
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(o)) => objects.push((at, Ok(o))),
                Ok(_) => objects.push((at, Err("not a JSON object".into()))),
                Err(e) => {
                    let msg = e.to_string();
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    objects.push((at, Err(format!("column {}: not JSON ({msg})", e.column()))))
                }
            }
        }
    } else {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                file.error = Some(format!("line {}, column {}: {e}", e.line(), e.column()));
                return;
            }
        };
        let items = match value {
            Value::Array(a) => a,
            Value::Object(mut o) => {
                // {"articles": [...]} or {"data": [...]}: the one array of objects.
                let key = o
                    .iter()
                    .find(|(_, v)| v.as_array().is_some_and(|a| a.iter().any(Value::is_object)))
                    .map(|(k, _)| k.clone());
                match key.and_then(|k| o.remove(&k)) {
                    Some(Value::Array(a)) => a,
                    _ => vec![Value::Object(o)],
                }
            }
            _ => {
                file.error = Some("expected an array of objects, one per article".into());
                return;
            }
        };
        for (i, v) in items.into_iter().enumerate() {
            let at = format!("object {}", i + 1);
            match v {
                Value::Object(o) => objects.push((at, Ok(o))),
                _ => objects.push((at, Err("not a JSON object".into()))),
            }
        }
    }
    // Columns: every key, in the order first seen.
    let mut columns: Vec<String> = Vec::new();
    for (_, o) in &objects {
        if let Ok(o) = o {
            for k in o.keys() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
    }
    let cols = columns.clone();
    let rows = objects.into_iter().map(move |(at, o)| {
        let row = o.map(|o| cols.iter().map(|c| o.get(c).map(json_cell).unwrap_or_default()).collect());
        (at, row)
    });
    rows_to_records(file, columns, rows, &options.map);
}

fn json_cell(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(a) if a.iter().all(|x| x.is_string() || x.is_number()) => {
            a.iter().map(json_cell).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

/// Reads a workbook (XLSX, XLS, ODS): the sheet asked for, else the first.
pub fn read_workbook(file: &mut SourceFile, bytes: Vec<u8>, options: &TableOptions) {
    use calamine::Reader;
    let mut book = match calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            file.error = Some(format!("not a readable workbook: {e}"));
            return;
        }
    };
    let sheets = book.sheet_names();
    let chosen = match &options.sheet {
        Some(want) => match sheets.iter().find(|s| *s == want || s.eq_ignore_ascii_case(want)) {
            Some(s) => Some(s.clone()),
            None => {
                file.error = Some(format!("no sheet {want:?}; the sheets are: {}", quoted_list(&sheets)));
                return;
            }
        },
        None => None,
    };
    // Without a sheet named, the first one with a header and at least one row.
    let candidates: Vec<String> = chosen.map_or_else(|| sheets.clone(), |s| vec![s]);
    let mut picked = None;
    for name in &candidates {
        match book.worksheet_range(name) {
            Ok(r) if r.height() >= 2 || candidates.len() == 1 => {
                picked = Some((name.clone(), r));
                break;
            }
            Ok(_) => {}
            Err(e) if candidates.len() == 1 => {
                file.error = Some(format!("sheet {name:?}: {e}"));
                return;
            }
            Err(_) => {}
        }
    }
    let Some((sheet, range)) = picked else {
        file.error = Some(format!("no sheet has a header and rows (sheets: {})", quoted_list(&sheets)));
        return;
    };
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = range.rows().enumerate();
    let header: Vec<String> = match rows.next() {
        Some((_, r)) => r.iter().map(|c| cell_text(c).trim().to_string()).collect(),
        None => {
            file.error = Some(format!("sheet {sheet:?} is empty"));
            return;
        }
    };
    let data = rows
        .map(|(i, r)| (format!("row {}", first_row + i + 1), Ok(r.iter().map(cell_text).collect::<Vec<_>>())))
        .filter(|(_, r)| r.as_ref().is_ok_and(|cells: &Vec<String>| cells.iter().any(|c| !c.trim().is_empty())));
    rows_to_records(file, header, data, &options.map);
    if let Some(t) = &mut file.table {
        t.sheets = sheets;
        t.sheet = Some(sheet);
    }
}

fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The format of a table file from its extension.
pub fn format_of_extension(ext: &str) -> Option<SourceFormat> {
    Some(match ext {
        "csv" | "tsv" | "tab" => SourceFormat::Csv,
        "json" => SourceFormat::Json,
        "jsonl" | "ndjson" => SourceFormat::JsonLines,
        "xlsx" | "xlsm" => SourceFormat::Xlsx,
        "xls" => SourceFormat::Xls,
        "ods" => SourceFormat::Ods,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_their_names_in_english_and_french() {
        let cols: Vec<String> =
            ["Titre", "Date de publication", "Journal", "Texte", "Rubrique", "Lien"].map(String::from).to_vec();
        let m = ColumnMap::resolve(&ColumnMap::default(), &cols).unwrap();
        assert_eq!(m.get(Role::Title), Some("Titre"));
        assert_eq!(m.get(Role::Published), Some("Date de publication"));
        assert_eq!(m.get(Role::Source), Some("Journal"));
        assert_eq!(m.get(Role::Text), Some("Texte"));
        assert_eq!(m.get(Role::Url), Some("Lien"));
        assert_eq!(m.get(Role::Author), None);
        let given = ColumnMap::parse("text=Rubrique,date=Titre").unwrap();
        let m = ColumnMap::resolve(&given, &cols).unwrap();
        assert_eq!(m.get(Role::Text), Some("Rubrique"));
        assert_eq!(m.get(Role::Published), Some("Titre"));
        assert_eq!(m.get(Role::Title), None, "the guessed title column is taken");
        assert!(ColumnMap::resolve(&ColumnMap::parse("text=nope").unwrap(), &cols).unwrap_err().contains("nope"));
        assert!(ColumnMap::parse("colour=x").unwrap_err().contains("unknown field"));
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n4;5;6\n", false), b';');
        assert_eq!(sniff_delimiter("a,b\n\"x;y\",2\n3,4\n", false), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n", false), b'\t');
    }
}
