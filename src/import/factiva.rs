//! Factiva (Dow Jones) exports. Every layout carries the same field codes: `HD` headline,
//! `BY` byline, `WC` word count, `PD` date, `SN` source, `LA` language, `LP` lead paragraphs,
//! `TD` text, `AN` accession number, and indexing (`NS` subjects, `RE` regions…). The text is
//! LP followed by TD; every other field is kept as an article detail.
//! - HTML: one `div.article` (class `frArticle`, `enArticle`…) per article, a table of code
//!   and value;
//! - XML: `<article>` elements (`headline`, `leadParagraph`, `tailParagraphs`, …);
//! - RTF/TXT: codes at the start of lines, each article ending with `Document <AN>`.

use super::dates::parse_date;
use super::htmltext;
use super::source::Record;
use super::xml::{Ev, XmlReader};
use dom_query::{Document, NodeRef, Selection};

/// Field codes and the names their values are kept under (`None`: handled apart).
const FIELDS: [(&str, Option<&str>); 34] = [
    ("HD", None),
    ("BY", None),
    ("PD", None),
    ("SN", None),
    ("LA", None),
    ("LP", None),
    ("TD", None),
    ("AN", None),
    ("WC", Some("word count")),
    ("ET", Some("time")),
    ("SC", Some("source code")),
    ("ED", Some("edition")),
    ("PG", Some("page")),
    ("VOL", Some("volume")),
    ("SE", Some("section")),
    ("CLM", Some("column")),
    ("CY", Some("copyright")),
    ("CR", Some("credit")),
    ("CT", Some("contact")),
    ("RF", Some("reference")),
    ("CO", Some("companies")),
    ("IN", Some("industries")),
    ("NS", Some("subjects")),
    ("RE", Some("regions")),
    ("IPC", Some("IPC")),
    ("IPD", Some("IPD")),
    ("PUB", Some("publisher")),
    ("NGC", Some("NGC")),
    ("GC", Some("GC")),
    ("ART", Some("art")),
    ("DE", Some("descriptors")),
    ("DL", Some("dateline")),
    ("SO", Some("source")),
    ("HL", Some("headline")),
];

fn is_code(s: &str) -> bool {
    FIELDS.iter().any(|(c, _)| *c == s)
}

/// Fills a record from one field. `paragraphs` are the field's paragraphs (LP, TD).
fn set_field(
    rec: &mut Record,
    code: &str,
    value: &str,
    lead: &mut Vec<String>,
    body: &mut Vec<String>,
    paragraphs: Vec<String>,
) {
    let v = value.trim();
    match code {
        "HD" => rec.meta.title = v.to_string(),
        "BY" => rec.meta.author = v.trim_start_matches("By ").trim_start_matches("Par ").trim().to_string(),
        "PD" => rec.meta.published = parse_date(v).unwrap_or_else(|| v.to_string()),
        "SN" => rec.meta.source = v.to_string(),
        "LA" => rec.meta.language = v.to_string(),
        "LP" => lead.extend(paragraphs),
        "TD" => body.extend(paragraphs),
        "AN" => {
            let n = v.strip_prefix("Document").unwrap_or(v).trim();
            rec.meta.details.insert("accession number".into(), n.to_string());
        }
        "WC" => {
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            rec.meta.details.insert("word count".into(), if digits.is_empty() { v.to_string() } else { digits });
        }
        _ => {
            if v.is_empty() {
                return;
            }
            let key = FIELDS.iter().find(|(c, _)| *c == code).and_then(|(_, k)| *k).unwrap_or(code);
            rec.meta.details.insert(key.to_string(), v.to_string());
        }
    }
}

fn new_record(n: usize) -> Record {
    let mut rec = Record { at: format!("article {n}"), ..Default::default() };
    rec.meta.details.insert("database".into(), "Factiva".into());
    rec
}

fn finish(mut rec: Record, lead: Vec<String>, body: Vec<String>) -> Record {
    let paragraphs: Vec<String> = lead.into_iter().chain(body).filter(|p| !p.trim().is_empty()).collect();
    rec.text = htmltext::join(&paragraphs);
    rec
}

/// Whether an HTML page is a Factiva export.
pub fn recognise_html(html: &str) -> bool {
    (html.contains("Article\"") || html.contains("Article'") || html.contains("Article ")) && html.contains("<b>HD</b>")
}

pub fn parse_html(html: &str) -> Vec<Record> {
    let doc = Document::from(html);
    let mut out = Vec::new();
    for (i, art) in doc.select("div.article").nodes().iter().enumerate() {
        let mut rec = new_record(i + 1);
        let (mut lead, mut body) = (Vec::new(), Vec::new());
        for row in Selection::from(*art).select("tr").nodes() {
            let cells: Vec<NodeRef> = row.element_children().into_iter().filter(|c| c.is("td, th")).collect();
            let [code_cell, value_cell, ..] = cells.as_slice() else { continue };
            let code = htmltext::inline_text(code_cell);
            let code = code.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
            if !code.chars().all(|c| c.is_ascii_uppercase()) || code.is_empty() {
                continue;
            }
            let paragraphs = htmltext::paragraphs(value_cell);
            let value = paragraphs.join(" ");
            set_field(&mut rec, code, &value, &mut lead, &mut body, paragraphs);
        }
        out.push(finish(rec, lead, body));
    }
    out
}

/// Whether an XML document is Factiva's.
pub fn recognise_xml(xml: &str) -> bool {
    xml.contains("<article") && (xml.contains("accessionNo") || xml.contains("leadParagraph"))
}

pub fn parse_xml(xml: &[u8]) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut cur: Option<(Record, Vec<String>, Vec<String>)> = None;
    let mut text = String::new();
    let mut paragraph = String::new();
    for ev in XmlReader::new(xml) {
        match ev? {
            Ev::Start { name, attrs } => {
                if name == "article" && cur.is_none() {
                    let mut rec = new_record(out.len() + 1);
                    for (k, v) in &attrs {
                        match k.as_str() {
                            "accessionNo" | "an" => {
                                rec.meta.details.insert("accession number".into(), v.clone());
                            }
                            "lang" | "baseLanguage" => rec.meta.language = v.clone(),
                            _ => {}
                        }
                    }
                    cur = Some((rec, Vec::new(), Vec::new()));
                }
                if name == "paragraph" || name == "p" {
                    paragraph.clear();
                }
                text.clear();
                path.push(name);
            }
            Ev::Text(t) => {
                text.push_str(&t);
                paragraph.push_str(&t);
            }
            Ev::End { name } => {
                path.pop();
                let Some((rec, lead, body)) = cur.as_mut() else { continue };
                let inside = |n: &str| path.iter().any(|p| p == n);
                let clean = |s: &str| {
                    let mut p = htmltext::Paragraphs::default();
                    p.push_text(s);
                    p.finish().join(" ")
                };
                match name.as_str() {
                    "paragraph" | "p" => {
                        let p = clean(&paragraph);
                        if inside("headline") {
                            rec.meta.title =
                                if rec.meta.title.is_empty() { p } else { format!("{} {p}", rec.meta.title) };
                        } else if inside("leadParagraph") {
                            lead.push(p);
                        } else if inside("tailParagraphs") || inside("bodyText") {
                            body.push(p);
                        }
                        paragraph.clear();
                    }
                    "date" if inside("publicationDate") => {
                        rec.meta.published = parse_date(&text).unwrap_or(clean(&text))
                    }
                    "publicationDate" if rec.meta.published.is_empty() => {
                        rec.meta.published = parse_date(&text).unwrap_or(clean(&text))
                    }
                    "sourceName" => rec.meta.source = clean(&text),
                    "byline" => rec.meta.author = clean(&text),
                    "baseLanguage" => rec.meta.language = clean(&text),
                    "accessionNo" => {
                        rec.meta.details.insert("accession number".into(), clean(&text));
                    }
                    "wordCount" => {
                        rec.meta.details.insert("word count".into(), clean(&text));
                    }
                    "sourceCode" => {
                        rec.meta.details.insert("source code".into(), clean(&text));
                    }
                    "section" | "sectionName" => {
                        rec.meta.details.insert("section".into(), clean(&text));
                    }
                    "copyright" => {
                        rec.meta.details.insert("copyright".into(), clean(&text));
                    }
                    "publisherName" => {
                        rec.meta.details.insert("publisher".into(), clean(&text));
                    }
                    "article" if !inside("article") => {
                        if let Some((rec, lead, body)) = cur.take() {
                            out.push(finish(rec, lead, body));
                        }
                    }
                    _ => {}
                }
                text.clear();
            }
        }
    }
    if let Some((rec, lead, body)) = cur.take() {
        out.push(finish(rec, lead, body));
    }
    Ok(out)
}

/// "Document TESTFR0020111229e7ct0001r": the line ending a Factiva article in TXT and RTF.
fn accession_line(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("Document ")?.trim();
    (rest.len() >= 20 && rest.len() <= 30 && rest.chars().all(|c| c.is_ascii_alphanumeric())).then_some(rest)
}

/// A field code at the start of a line: `HD<TAB>value`, `  TD`, `LP  value`.
fn code_line(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let end = t.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(t.len());
    let code = &t[..end];
    if end < 2 || !is_code(code) {
        return None;
    }
    let rest = &t[end..];
    if rest.is_empty() || rest.starts_with('\t') || rest.starts_with("  ") || rest.starts_with(" \t") {
        Some((code, rest.trim()))
    } else {
        None
    }
}

/// Whether a text (a TXT export, or an RTF export once stripped) is Factiva's.
pub fn recognise_text(text: &str) -> bool {
    let mut headline = false;
    for line in text.lines().take(20_000) {
        if code_line(line).is_some_and(|(c, _)| c == "HD") {
            headline = true;
        }
        if headline && accession_line(line).is_some() {
            return true;
        }
    }
    false
}

pub fn parse_text(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rec: Option<Record> = None;
    let (mut lead, mut body) = (Vec::new(), Vec::new());
    let mut field: Option<(String, Vec<String>)> = None;
    let close_field = |rec: &mut Option<Record>,
                       field: &mut Option<(String, Vec<String>)>,
                       lead: &mut Vec<String>,
                       body: &mut Vec<String>| {
        if let (Some(r), Some((code, lines))) = (rec.as_mut(), field.take()) {
            let paragraphs: Vec<String> =
                lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
            let value = paragraphs.join(" ");
            set_field(r, &code, &value, lead, body, paragraphs);
        }
    };
    for line in text.lines() {
        if let Some(an) = accession_line(line) {
            close_field(&mut rec, &mut field, &mut lead, &mut body);
            if let Some(mut r) = rec.take() {
                r.meta.details.insert("accession number".into(), an.to_string());
                out.push(finish(r, std::mem::take(&mut lead), std::mem::take(&mut body)));
            }
            continue;
        }
        if let Some((code, rest)) = code_line(line) {
            close_field(&mut rec, &mut field, &mut lead, &mut body);
            // A second headline without a `Document` line between: a new article.
            if code == "HD"
                && let Some(r) = rec.take_if(|r| !r.meta.title.is_empty())
            {
                out.push(finish(r, std::mem::take(&mut lead), std::mem::take(&mut body)));
            }
            if rec.is_none() {
                rec = Some(new_record(out.len() + 1));
            }
            field = Some((code.to_string(), vec![rest.to_string()]));
            continue;
        }
        if let Some((_, lines)) = &mut field {
            lines.push(line.to_string());
        }
    }
    close_field(&mut rec, &mut field, &mut lead, &mut body);
    if let Some(r) = rec.take().filter(|r| !r.meta.title.is_empty() || !body.is_empty()) {
        out.push(finish(r, lead, body));
    }
    out
}
