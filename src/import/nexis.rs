//! LexisNexis exports.
//! - Nexis Uni DOCX: one line per paragraph; a cover page (download date, job number, the
//!   list of titles) ends at the first run of more than two empty lines; each article is its
//!   headline, publication, date line, then `Key:` fields (a no-break space after the colon)
//!   up to `Body`, the body up to `Classification` or the trailing fields, then `End of Document`.
//! - The old nexis.com TXT/RTF: a cover block, then for each article `1 of 10 DOCUMENTS`
//!   (`Dokument 1 von 10`, `Document 1 de 10`), publication, date, edition lines, headline,
//!   `BYLINE:` … `LENGTH:` (which closes the header), the body, then `LOAD-DATE:`,
//!   `LANGUAGE:` … An item without `LENGTH:` is a graphic with no text: reported, not imported.

use super::dates::parse_date;
use super::source::{Record, Skipped};

/// Whether the lines of a document are a Nexis Uni export.
pub fn recognise_docx(lines: &[String]) -> bool {
    let ends = lines.iter().filter(|l| l.trim() == "End of Document").count();
    let bodies = lines.iter().filter(|l| l.trim() == "Body").count();
    ends > 0 && bodies > 0
}

/// `Key:\u{a0}value` (or `Key: value` for a known key).
fn field(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let nbsp = value.starts_with('\u{a0}');
    // Fields of the header, then those that close the body.
    const HEADER: [&str; 7] = ["Length", "Byline", "Section", "Copyright", "Highlight", "Dateline", "Graphic"];
    let plausible = !key.is_empty() && key.len() <= 40 && key.chars().next().is_some_and(char::is_alphabetic);
    (plausible && (nbsp || HEADER.contains(&key) || TRAILER.contains(&key)))
        .then(|| (key, value.trim_matches(|c: char| c.is_whitespace())))
}

fn new_record(n: usize) -> Record {
    let mut rec = Record { at: format!("article {n}"), ..Default::default() };
    rec.meta.details.insert("database".into(), "Nexis Uni".into());
    rec
}

/// Applies a `Key: value` field of either layout.
fn set_field(rec: &mut Record, key: &str, value: &str) {
    let k = key.to_lowercase();
    match k.as_str() {
        "byline" | "autor" | "auteur" => rec.meta.author = value.to_string(),
        "length" | "länge" | "longueur" => {
            let digits: String = value
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .filter(char::is_ascii_digit)
                .collect();
            let v = if digits.is_empty() { value.to_string() } else { digits };
            rec.meta.details.insert("word count".into(), v);
        }
        "section" | "rubrik" | "rubrique" => {
            // "POLITICS; Version:28"
            let mut parts = value.split(';').map(str::trim);
            if let Some(section) = parts.next() {
                rec.meta.details.insert("section".into(), section.to_string());
            }
            for p in parts {
                if let Some((k, v)) = p.split_once(':') {
                    rec.meta.details.insert(k.trim().to_lowercase(), v.trim().to_string());
                }
            }
        }
        "language" | "sprache" | "langue" => rec.meta.language = value.to_string(),
        "load-date" => {
            rec.meta.details.insert("load date".into(), parse_date(value).unwrap_or_else(|| value.to_string()));
        }
        _ => {
            if !value.is_empty() {
                rec.meta.details.insert(k.replace('-', " "), value.to_string());
            }
        }
    }
}

/// Splits Nexis Uni lines into articles.
pub fn parse_docx_lines(lines: &[String], skipped: &mut Vec<Skipped>) -> Vec<Record> {
    let start = cover_end(lines);
    let mut out = Vec::new();
    let mut chunk: Vec<&str> = Vec::new();
    let mut n = 0;
    for line in &lines[start..] {
        if line.trim() == "End of Document" {
            n += 1;
            match docx_article(&chunk, n) {
                Ok(rec) => out.push(rec),
                Err(message) => skipped.push(Skipped { at: format!("article {n}"), message }),
            }
            chunk.clear();
        } else {
            chunk.push(line);
        }
    }
    if chunk.iter().any(|l| !l.trim().is_empty()) {
        n += 1;
        skipped.push(Skipped { at: format!("article {n}"), message: "cut off: no `End of Document` line".into() });
    }
    out
}

/// Where the articles start: after the cover page (its first run of more than two empty
/// lines), when the document has one.
fn cover_end(lines: &[String]) -> usize {
    let head: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).take(4).collect();
    let has_cover = head.iter().any(|l| {
        l.starts_with("Date and Time:")
            || l.starts_with("Job Number:")
            || l.starts_with("Documents (")
            || l.starts_with("Datum und Uhrzeit")
            || l.starts_with("Dokumente (")
    });
    if !has_cover {
        return 0;
    }
    let mut empty = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            empty += 1;
        } else {
            if empty > 2 {
                return i;
            }
            empty = 0;
        }
    }
    0
}

fn docx_article(lines: &[&str], n: usize) -> Result<Record, String> {
    let mut rec = new_record(n);
    let mut it = lines.iter().map(|l| l.trim_end()).skip_while(|l| l.trim().is_empty());
    let mut header: Vec<&str> = Vec::new();
    let mut found_body = false;
    for l in it.by_ref() {
        if l.trim() == "Body" {
            found_body = true;
            break;
        }
        if !l.trim().is_empty() {
            header.push(l.trim());
        }
    }
    let title = header.first().ok_or("an empty item between two `End of Document` lines")?;
    rec.meta.title = title.to_string();
    let mut date_found = false;
    for (i, l) in header.iter().enumerate().skip(1) {
        if let Some((k, v)) = field(l) {
            set_field(&mut rec, k, v);
        } else if i == 1 {
            rec.meta.source = l.to_string();
        } else if !date_found
            && i <= 4
            && let Some(d) = parse_date(l)
        {
            rec.meta.published = d;
            date_found = true;
        } else if l.starts_with("Copyright") || l.starts_with('©') {
            rec.meta.details.insert("copyright".into(), l.to_string());
        } else {
            let prev = rec.meta.details.remove("edition");
            rec.meta.details.insert("edition".into(), prev.map_or(l.to_string(), |p| format!("{p} / {l}")));
        }
    }
    if !found_body {
        return Err(format!("{title:?} has no `Body`: a graphic or a list without text, not imported"));
    }
    let mut paragraphs = Vec::new();
    let mut trailer = false;
    for l in it {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if t == "Classification" || t == "Graphic" || t == "Link to Image" || t == "Link to the PDF" {
            trailer = true;
            continue;
        }
        if let Some((k, v)) = field(t).filter(|(k, _)| trailer || TRAILER.contains(k)) {
            trailer = true;
            set_field(&mut rec, k, v);
            continue;
        }
        if !trailer {
            paragraphs.push(t.to_string());
        }
    }
    rec.text = super::htmltext::join(&paragraphs);
    Ok(rec)
}

/// Fields that close an article's body.
const TRAILER: [&str; 9] = [
    "Load-Date",
    "Language",
    "Publication-Type",
    "Journal Code",
    "Subject",
    "Organization",
    "Person",
    "Geographic",
    "Industry",
];

/// `1 of 10 DOCUMENTS`, `Dokument 1 von 10`, `Document 1 de 10`.
fn document_marker(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let num = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [a, "of", b, d] => num(a) && num(b) && d.eq_ignore_ascii_case("documents"),
        [d, a, "von" | "de" | "of", b] => {
            num(a) && num(b) && ["dokument", "document"].contains(&d.to_lowercase().as_str())
        }
        _ => false,
    }
}

pub fn recognise_text(text: &str) -> bool {
    text.lines().take(100_000).filter(|l| document_marker(l)).count() > 0
        && text.lines().any(|l| {
            let u = l.trim_start().to_uppercase();
            u.starts_with("LENGTH:")
                || u.starts_with("LÄNGE:")
                || u.starts_with("LONGUEUR:")
                || u.starts_with("LOAD-DATE:")
        })
}

/// An upper-case `KEY: value` line of the old layout.
fn text_field(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.trim().split_once(':')?;
    let ok = key.len() >= 2
        && key.len() <= 30
        && key.chars().all(|c| c.is_uppercase() || c == '-' || c == ' ')
        && key.chars().next().is_some_and(char::is_alphabetic);
    ok.then(|| (key.trim(), value.trim()))
}

const HEADER_END: [&str; 3] = ["LENGTH", "LÄNGE", "LONGUEUR"];
const ARTICLE_END: [&str; 3] = ["LANGUAGE", "SPRACHE", "LANGUE"];
const BODY_END: [&str; 5] = ["LOAD-DATE", "LANGUAGE", "SPRACHE", "LANGUE", "PUBLICATION-TYPE"];

pub fn parse_text(text: &str, skipped: &mut Vec<Skipped>) -> Vec<Record> {
    let mut chunks: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if document_marker(line) {
            chunks.push(Vec::new());
        } else if let Some(c) = chunks.last_mut() {
            c.push(line);
        }
    }
    let mut out = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        match text_article(chunk, i + 1) {
            Ok(rec) => out.push(rec),
            Err(message) => skipped.push(Skipped { at: format!("document {}", i + 1), message }),
        }
    }
    out
}

/// Lines grouped into paragraphs (blank lines between), wrapped lines joined.
fn paragraphs_of<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn text_article(lines: &[&str], n: usize) -> Result<Record, String> {
    let mut rec = new_record(n);
    rec.meta.details.insert("database".into(), "LexisNexis".into());
    let header_end = lines
        .iter()
        .position(|l| text_field(l).is_some_and(|(k, _)| HEADER_END.contains(&k)))
        .ok_or("no LENGTH: line: a graphic or an item without text, not imported")?;
    let first_field = lines[..header_end].iter().position(|l| text_field(l).is_some()).unwrap_or(header_end);
    let head = paragraphs_of(lines[..first_field].iter().copied());
    let mut rest = head.iter();
    rec.meta.source = rest.next().cloned().unwrap_or_default();
    let mut others: Vec<&String> = Vec::new();
    for p in rest {
        if rec.meta.published.is_empty()
            && let Some(d) = parse_date(p)
        {
            rec.meta.published = d;
        } else {
            others.push(p);
        }
    }
    // The headline is the last paragraph before the fields; the ones between are editions.
    if let Some(title) = others.pop() {
        rec.meta.title = title.clone();
    }
    if !others.is_empty() {
        rec.meta.details.insert("edition".into(), others.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" / "));
    }
    for l in &lines[first_field..=header_end] {
        if let Some((k, v)) = text_field(l) {
            set_field(&mut rec, k, v);
        }
    }
    let body_lines = &lines[header_end + 1..];
    let body_end = body_lines
        .iter()
        .position(|l| text_field(l).is_some_and(|(k, _)| BODY_END.contains(&k)))
        .unwrap_or(body_lines.len());
    let paragraphs = paragraphs_of(body_lines[..body_end].iter().copied());
    for l in &body_lines[body_end..] {
        if let Some((k, v)) = text_field(l) {
            set_field(&mut rec, k, v);
            if ARTICLE_END.contains(&k) {
                continue;
            }
        } else if l.trim().starts_with("Copyright") || l.trim().starts_with('©') {
            rec.meta.details.insert("copyright".into(), l.trim().to_string());
        }
    }
    if rec.meta.title.is_empty() {
        rec.meta.title = paragraphs.first().map(|p| crate::text::ellipsize(p, 80)).unwrap_or_default();
    }
    rec.text = super::htmltext::join(&paragraphs);
    Ok(rec)
}
