//! OpenDocument text (ODT, as LibreOffice writes it): the paragraphs and headings of
//! `content.xml` in order, spaces (`text:s`), tabs and line breaks as written, without
//! footnotes, comments or tracked deletions; details from `meta.xml`.

use super::archive::{self, Zip};
use super::docx::{MAX_PART_BYTES, Para, dublin_core, push};
use super::xml::{Ev, XmlReader};
use crate::model::ArticleMeta;

pub fn paragraphs(zip: &mut Zip) -> Result<Vec<Para>, String> {
    let xml = archive::read(zip, "content.xml", MAX_PART_BYTES)?
        .ok_or_else(|| "no content.xml: not an OpenDocument file".to_string())?;
    parse_content(&xml).map_err(|e| format!("content.xml: {e}"))
}

pub fn parse_content(xml: &[u8]) -> Result<Vec<Para>, String> {
    let mut out = Vec::new();
    let mut open: Vec<Para> = Vec::new();
    let mut in_body = false;
    let mut skip_depth = 0usize;
    for ev in XmlReader::new(xml) {
        match ev? {
            Ev::Start { name, attrs } => {
                let attr = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
                match name.as_str() {
                    "text" if !in_body => in_body = true,
                    "note" | "annotation" | "tracked-changes" | "note-citation" => skip_depth += 1,
                    _ if !in_body || skip_depth > 0 => {}
                    "p" => open.push(Para::default()),
                    "h" => {
                        let level = attr("outline-level").and_then(|l| l.parse::<u8>().ok()).unwrap_or(1);
                        open.push(Para { heading: level.clamp(1, 9), ..Default::default() });
                    }
                    "s" => {
                        let n = attr("c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1).min(1000);
                        push(&mut open, &" ".repeat(n));
                    }
                    "tab" => push(&mut open, "\t"),
                    "line-break" => push(&mut open, "\n"),
                    _ => {}
                }
            }
            Ev::End { name } => match name.as_str() {
                "note" | "annotation" | "tracked-changes" | "note-citation" => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                "p" | "h" if skip_depth == 0 && in_body => {
                    if let Some(mut p) = open.pop() {
                        p.text = p.text.trim_end().to_string();
                        out.push(p);
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if in_body && skip_depth == 0 {
                    // Text outside `text:s` is XML text: its line breaks are layout, not content.
                    let t = t.replace(['\n', '\r'], "");
                    push(&mut open, &t);
                }
            }
        }
    }
    out.extend(open.into_iter().filter(|p| !p.text.trim().is_empty()));
    Ok(out)
}

/// Title, author, date and language from `meta.xml`.
pub fn meta(zip: &mut Zip) -> ArticleMeta {
    match archive::read(zip, "meta.xml", 1 << 20) {
        Ok(Some(xml)) => dublin_core(&xml),
        _ => ArticleMeta::default(),
    }
}
