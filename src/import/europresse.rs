//! Europresse HTML exports: many articles per file. The current layout has one `<article>`
//! each (journal in `span.DocPublicationName`, section, date and page in `span.DocHeader`,
//! title in `.titreArticleVisu`, body in `div.docOcurrContainer`, footer with the copyright and
//! the document number, then a certificate that is never text). The older table layout has
//! no `<article>`: each article starts at a `span.DocPublicationName` and its body runs to the
//! `©` line. Search hits (`<mark>`) keep their text and lose their markup.

use super::dates::parse_date;
use super::htmltext::{self, Paragraphs};
use super::source::Record;
use dom_query::{Document, NodeRef};

/// Whether an HTML page is a Europresse export.
pub fn recognise(html: &str) -> bool {
    html.contains("DocPublicationName") && (html.contains("DocHeader") || html.contains("titreArticle"))
}

pub fn parse(html: &str) -> Vec<Record> {
    let doc = Document::from(html);
    let articles = doc.select("article");
    let records: Vec<Record> = articles
        .nodes()
        .iter()
        .filter(|a| a.is("article:has(.DocPublicationName)"))
        .enumerate()
        .map(|(i, a)| current_layout(a, i + 1))
        .collect();
    if !records.is_empty() {
        return records;
    }
    old_layout(&doc)
}

fn text_of(node: &NodeRef, sel: &str) -> String {
    node.find_all(sel).first().map(htmltext::inline_text).unwrap_or_default()
}

trait FindAll<'a> {
    fn find_all(&self, sel: &str) -> Vec<NodeRef<'a>>;
}

impl<'a> FindAll<'a> for NodeRef<'a> {
    fn find_all(&self, sel: &str) -> Vec<NodeRef<'a>> {
        dom_query::Selection::from(*self).select(sel).nodes().to_vec()
    }
}

fn current_layout(a: &NodeRef, n: usize) -> Record {
    let mut rec = Record { at: format!("article {n}"), ..Default::default() };
    rec.meta.details.insert("database".into(), "Europresse".into());
    rec.meta.source = journal(&text_of(a, ".DocPublicationName"));
    header_fields(&text_of(a, ".DocHeader"), &mut rec);

    // Title: the `titreArticleVisu` paragraph; a kicker may stand above it in the title block.
    let title_block = a.find_all(".titreArticle").into_iter().next();
    let title = a.find_all(".titreArticleVisu, .rdp__articletitle").into_iter().next();
    rec.meta.title = title
        .as_ref()
        .map(htmltext::inline_text)
        .unwrap_or_else(|| title_block.as_ref().map(htmltext::inline_text).unwrap_or_default());
    if let Some(block) = &title_block {
        let kickers: Vec<String> = block
            .find_all("p")
            .iter()
            .filter(|p| !p.is(".titreArticleVisu, .rdp__articletitle, .rdp__subtitle"))
            .map(htmltext::inline_text)
            .filter(|t| !t.is_empty() && *t != rec.meta.title)
            .collect();
        if !kickers.is_empty() {
            rec.meta.details.insert("kicker".into(), kickers.join(" / "));
        }
    }
    // The header's other lines: a rubric above the title block, the author below it.
    if let Some(header) = a.find_all("header").into_iter().next() {
        let mut after_title = false;
        for child in header.element_children() {
            if child.is(".titreArticle") || child.has_class("titreArticle") {
                after_title = true;
                continue;
            }
            if child.is(":has(.DocPublicationName), :has(.DocHeader), img") {
                continue;
            }
            let t = htmltext::inline_text(&child);
            if t.is_empty() || t.chars().count() > 200 {
                continue;
            }
            let key = if after_title { "author" } else { "rubric" };
            if key == "author" && rec.meta.author.is_empty() {
                rec.meta.author = t;
            } else if key == "rubric" {
                rec.meta.details.entry("rubric".into()).or_insert(t);
            }
        }
    }
    let mut paragraphs = Vec::new();
    for sub in a.find_all(".rdp__subtitle") {
        paragraphs.push(htmltext::inline_text(&sub));
    }
    let body =
        ["div.docOcurrContainer", "div.DocText", "section"].iter().find_map(|sel| a.find_all(sel).into_iter().next());
    if let Some(body) = body {
        paragraphs.extend(htmltext::paragraphs(&body));
    }
    paragraphs.retain(|p| !p.is_empty());
    rec.text = htmltext::join(&paragraphs);

    for aside in a.find_all("aside") {
        let notes: Vec<String> = htmltext::paragraphs(&aside)
            .into_iter()
            .filter(|p| !p.starts_with("Illustration(s)") && !p.starts_with("Note(s)"))
            .collect();
        if !notes.is_empty() {
            rec.meta.details.insert("notes".into(), notes.join(" / "));
        }
    }
    if let Some(footer) = a.find_all("footer").into_iter().next() {
        footer_fields(&htmltext::paragraphs(&footer), &mut rec);
    }
    for link in a.find_all("a") {
        if htmltext::inline_text(&link).contains("Cet article est paru dans")
            && let Some(href) = link.attr("href")
        {
            rec.meta.url = href.trim().to_string();
        }
    }
    rec
}

/// "Le Monde, no. 23456" → "Le Monde"; "Newspaper   " → "Newspaper".
fn journal(s: &str) -> String {
    let mut s = s.trim();
    for cut in [", no.", ", no ", ", n°", ", No.", " (site web)"] {
        if let Some(i) = s.find(cut) {
            s = &s[..i];
        }
    }
    s.trim().trim_end_matches(['-', ',', ' ']).trim().to_string()
}

const WEEKDAYS: [&str; 21] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// "Communication, mardi 14 mars 2006, p. 16": section, date, page.
fn header_fields(header: &str, rec: &mut Record) {
    for (i, part) in header.split(',').map(str::trim).filter(|p| !p.is_empty()).enumerate() {
        let lower = part.to_lowercase();
        if lower.starts_with("p.") || lower.starts_with("page") {
            let page = if lower.starts_with("p.") { &part[2..] } else { &part[4..] };
            rec.meta.details.insert("page".into(), page.trim().to_string());
        } else if let Some(date) = parse_date(part) {
            rec.meta.published = date;
        } else if WEEKDAYS.contains(&lower.as_str()) {
            // "mardi" alone, the date comes in the next part.
        } else if i == 0 {
            rec.meta.details.insert("section".into(), part.to_string());
        } else if !part.is_empty() {
            let prev = rec.meta.details.get("edition").cloned();
            let v = prev.map_or(part.to_string(), |p| format!("{p}, {part}"));
            rec.meta.details.insert("edition".into(), v);
        }
    }
    if rec.meta.published.is_empty()
        && let Some(d) = parse_date(header)
    {
        rec.meta.published = d;
    }
}

/// The footer's copyright and document number; the certificate is left out.
fn footer_fields(lines: &[String], rec: &mut Record) {
    for line in lines {
        let l = line.trim();
        if l.starts_with('©') && !rec.meta.details.contains_key("copyright") {
            rec.meta.details.insert("copyright".into(), l.to_string());
        } else if let Some(rest) = l.strip_prefix("Numéro de document").or_else(|| l.strip_prefix("Document number")) {
            let number = rest.trim_start_matches([' ', '\u{a0}', ':']).trim();
            rec.meta.details.insert("document number".into(), number.to_string());
        }
    }
}

/// The older layout: a flat page; each article starts at its journal name.
fn old_layout(doc: &Document) -> Vec<Record> {
    let mut state = Old::default();
    if let Some(body) = doc.select("body").nodes().first() {
        state.walk(body);
    }
    state.finish();
    state.records
}

#[derive(Default)]
struct Old {
    records: Vec<Record>,
    cur: Option<Record>,
    paragraphs: Paragraphs,
    headers: Vec<String>,
    /// Past the `©` line: only the document number is still looked for.
    in_footer: bool,
}

impl Old {
    fn walk(&mut self, node: &NodeRef) {
        if node.is_element() {
            if node.has_class("DocPublicationName") {
                self.finish();
                let mut rec = Record { at: format!("article {}", self.records.len() + 1), ..Default::default() };
                rec.meta.details.insert("database".into(), "Europresse".into());
                rec.meta.source = journal(&htmltext::inline_text(node));
                self.cur = Some(rec);
                return;
            }
            if node.has_class("DocHeader") {
                self.headers.push(htmltext::inline_text(node));
                return;
            }
            if node.has_class("TitreArticleVisu") || node.has_class("titreArticleVisu") {
                if let Some(rec) = &mut self.cur {
                    rec.meta.title = htmltext::inline_text(node);
                }
                self.paragraphs = Paragraphs::default();
                return;
            }
            let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if matches!(name.as_str(), "script" | "style" | "head") {
                return;
            }
            if name == "br" {
                self.paragraphs.line_break();
                return;
            }
            let block =
                matches!(name.as_str(), "p" | "div" | "table" | "tr" | "td" | "li" | "h1" | "h2" | "h3" | "blockquote");
            if block {
                self.paragraphs.end_paragraph();
            }
            for child in node.children_it(false) {
                self.walk(&child);
            }
            if block {
                self.paragraphs.end_paragraph();
            }
        } else if node.is_text() && self.cur.is_some() {
            self.paragraphs.push_text(&node.text());
        }
    }

    fn finish(&mut self) {
        let paragraphs = std::mem::take(&mut self.paragraphs).finish();
        let headers = std::mem::take(&mut self.headers);
        self.in_footer = false;
        let Some(mut rec) = self.cur.take() else { return };
        header_fields(&headers.join(", "), &mut rec);
        let mut body = Vec::new();
        let mut footer = Vec::new();
        // Lines broken with `<br>` are paragraphs of their own in this layout.
        let lines = paragraphs.iter().flat_map(|p| p.split('\n')).map(str::trim).filter(|l| !l.is_empty());
        for p in lines.map(str::to_string) {
            if p.starts_with('©') || p.starts_with("Numéro de document") {
                self.in_footer = true;
            }
            if self.in_footer { footer.push(p) } else { body.push(p) }
        }
        // The first lines may repeat the title (some exports write it twice).
        if body.first().is_some_and(|p| *p == rec.meta.title) {
            body.remove(0);
        }
        footer_fields(&footer, &mut rec);
        rec.text = htmltext::join(&body);
        self.records.push(rec);
    }
}
