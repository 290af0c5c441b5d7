//! EPUB: the package named by `META-INF/container.xml`, its Dublin Core details, and the
//! text of its spine's (X)HTML documents in reading order, paragraph by paragraph.

use super::archive::{self, Zip};
use super::docx::{MAX_PART_BYTES, dublin_core};
use super::xml::{Ev, XmlReader};
use crate::model::ArticleMeta;

pub struct Book {
    pub meta: ArticleMeta,
    pub paragraphs: Vec<String>,
}

pub fn read(zip: &mut Zip) -> Result<Book, String> {
    let container = archive::read(zip, "META-INF/container.xml", 1 << 20)?
        .ok_or_else(|| "no META-INF/container.xml: not an EPUB".to_string())?;
    let opf_path = XmlReader::new(&container)
        .filter_map(Result::ok)
        .find_map(|ev| {
            (matches!(&ev, Ev::Start { name, .. } if name == "rootfile"))
                .then(|| ev.attr("full-path").map(str::to_string))
                .flatten()
        })
        .ok_or_else(|| "META-INF/container.xml names no package (rootfile)".to_string())?;
    let opf =
        archive::read(zip, &opf_path, MAX_PART_BYTES)?.ok_or_else(|| format!("the package {opf_path} is missing"))?;
    let base = opf_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut meta = dublin_core(&opf);
    let mut manifest: Vec<(String, String, String)> = Vec::new();
    let mut spine: Vec<String> = Vec::new();
    for ev in XmlReader::new(&opf) {
        let ev = ev.map_err(|e| format!("{opf_path}: {e}"))?;
        if let Ev::Start { name, .. } = &ev {
            match name.as_str() {
                "item" => {
                    let (Some(id), Some(href)) = (ev.attr("id"), ev.attr("href")) else { continue };
                    manifest.push((id.to_string(), href.to_string(), ev.attr("media-type").unwrap_or("").to_string()));
                }
                "itemref" => {
                    if let Some(id) = ev.attr("idref") {
                        spine.push(id.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    let mut paragraphs = Vec::new();
    for idref in &spine {
        let Some((_, href, media)) = manifest.iter().find(|(id, _, _)| id == idref) else { continue };
        if !media.contains("html") {
            continue;
        }
        let path = join(base, &percent_decode(href.split('#').next().unwrap_or(href)));
        let Some(bytes) = archive::read(zip, &path, MAX_PART_BYTES)? else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let doc = dom_query::Document::from(html.as_ref());
        let body = doc.select("body");
        if let Some(node) = body.nodes().first() {
            paragraphs.extend(super::htmltext::paragraphs(node));
        }
    }
    if meta.title.is_empty() {
        meta.title = paragraphs.first().map(|p| crate::text::ellipsize(p, 120)).unwrap_or_default();
    }
    Ok(Book { meta, paragraphs })
}

/// `OEBPS` + `../Text/ch1.xhtml` → `Text/ch1.xhtml`.
fn join(base: &str, href: &str) -> String {
    let mut parts: Vec<&str> = if base.is_empty() { Vec::new() } else { base.split('/').collect() };
    for p in href.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
