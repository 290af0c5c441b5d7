//! Word documents (DOCX, Office Open XML): the paragraphs of `word/document.xml` in order
//! (tables cell by cell, text boxes where they stand), without deleted text of tracked changes
//! or field instructions; title, author, date and language from `docProps/core.xml`.

use super::archive::{self, Zip};
use super::xml::{Ev, XmlReader};
use crate::model::ArticleMeta;

/// Part files inside an office document are refused past this size once inflated.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// A paragraph of an office document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    pub text: String,
    /// 0 for body text, 1 for a title or first-level heading, 2… for lower headings.
    pub heading: u8,
    /// The paragraph style's name ("Heading1", "Date", "Author"…).
    pub style: String,
}

/// The paragraphs of a DOCX, in order.
pub fn paragraphs(zip: &mut Zip) -> Result<Vec<Para>, String> {
    let xml = archive::read(zip, "word/document.xml", MAX_PART_BYTES)?
        .ok_or_else(|| "no word/document.xml: not a Word document".to_string())?;
    parse_document(&xml).map_err(|e| format!("word/document.xml: {e}"))
}

/// Paragraphs from `document.xml` bytes.
pub fn parse_document(xml: &[u8]) -> Result<Vec<Para>, String> {
    let mut out = Vec::new();
    // Paragraphs can nest (a text box inside a paragraph): one buffer per open paragraph.
    let mut open: Vec<Para> = Vec::new();
    // Inside text we keep (w:t) / text we drop (deleted text, field instructions).
    let mut in_t = false;
    let mut skip_depth = 0usize;
    for ev in XmlReader::new(xml) {
        match ev? {
            Ev::Start { name, attrs } => match name.as_str() {
                "p" => open.push(Para::default()),
                "t" if skip_depth == 0 => in_t = true,
                "delText" | "instrText" | "footnoteReference" | "endnoteReference" => skip_depth += 1,
                "tab" if skip_depth == 0 => push(&mut open, "\t"),
                "br" | "cr" if skip_depth == 0 => push(&mut open, "\n"),
                "noBreakHyphen" => push(&mut open, "\u{2011}"),
                "pStyle" => {
                    let style = attrs.iter().find(|(k, _)| k == "val").map(|(_, v)| v.as_str()).unwrap_or("");
                    if let Some(p) = open.last_mut() {
                        p.heading = heading_level(style);
                        p.style = style.to_string();
                    }
                }
                "outlineLvl" => {
                    let lvl = attrs.iter().find(|(k, _)| k == "val").and_then(|(_, v)| v.parse::<u8>().ok());
                    if let (Some(p), Some(l)) = (open.last_mut(), lvl)
                        && p.heading == 0
                        && l < 9
                    {
                        p.heading = l + 1;
                    }
                }
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "p" => {
                    if let Some(mut p) = open.pop() {
                        p.text = p.text.trim_end().to_string();
                        out.push(p);
                    }
                }
                "t" => in_t = false,
                "delText" | "instrText" | "footnoteReference" | "endnoteReference" => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                _ => {}
            },
            Ev::Text(t) => {
                if in_t && skip_depth == 0 {
                    push(&mut open, &t);
                }
            }
        }
    }
    // A document cut off in the middle keeps what was read.
    out.extend(open.into_iter().filter(|p| !p.text.trim().is_empty()));
    Ok(out)
}

/// Appends text to the innermost open paragraph.
pub(super) fn push(open: &mut [Para], s: &str) {
    if let Some(p) = open.last_mut() {
        p.text.push_str(s);
    }
}

/// 1 for "Title"/"Heading1"/"Titre1"/"Überschrift1", 2 for level 2…, 0 otherwise.
fn heading_level(style: &str) -> u8 {
    let s = style.to_lowercase();
    if s == "title" || s == "titre" || s == "titel" {
        return 1;
    }
    for prefix in ["heading", "titre", "berschrift", "überschrift", "kop"] {
        if let Some(rest) = s.strip_prefix(prefix).or_else(|| s.find(prefix).map(|i| &s[i + prefix.len()..]))
            && let Ok(n) = rest.trim().parse::<u8>()
        {
            return n.clamp(1, 9);
        }
    }
    0
}

/// Title, author, date and language from `docProps/core.xml` (Dublin Core), when present.
pub fn core_meta(zip: &mut Zip) -> ArticleMeta {
    let Ok(Some(xml)) = archive::read(zip, "docProps/core.xml", 1 << 20) else { return ArticleMeta::default() };
    dublin_core(&xml)
}

/// `dc:title`, `dc:creator`, `dcterms:created`/`dc:date`, `dc:language`, `dc:publisher`
/// wherever they are in an XML document (core.xml, meta.xml, an EPUB's package).
pub fn dublin_core(xml: &[u8]) -> ArticleMeta {
    let mut meta = ArticleMeta::default();
    let mut current: Option<String> = None;
    let mut text = String::new();
    for ev in XmlReader::new(xml) {
        let Ok(ev) = ev else { break };
        match ev {
            Ev::Start { name, .. } => {
                current = Some(name);
                text.clear();
            }
            Ev::Text(t) => text.push_str(&t),
            Ev::End { name } => {
                if current.as_deref() == Some(name.as_str()) {
                    let v = text.trim().to_string();
                    let slot = match name.as_str() {
                        "title" => Some(&mut meta.title),
                        "creator" | "initial-creator" => Some(&mut meta.author),
                        "created" | "date" | "creation-date" => Some(&mut meta.published),
                        "language" => Some(&mut meta.language),
                        "publisher" => Some(&mut meta.source),
                        _ => None,
                    };
                    if let Some(slot) = slot
                        && slot.is_empty()
                    {
                        *slot = v;
                    }
                }
                current = None;
            }
        }
    }
    if let Some(d) = super::dates::parse_date(&meta.published) {
        meta.published = d;
    }
    meta.language = super::lang::language_code(&meta.language).unwrap_or_default();
    meta
}
