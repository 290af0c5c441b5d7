//! Saved web pages: decode with the page's own charset (or a guess), extract the article
//! with dom_smoothie (a Readability port), preferring the page's `<article>` element when it
//! has one so that banners outside it stay out. Nothing is fetched: links are only read.

use super::{ImportedArticle, decode, lang::normalise_tag, plain::find_date};
use crate::model::ArticleMeta;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

pub fn parse(bytes: &[u8], stem: &str) -> Result<ImportedArticle, String> {
    let decoded = decode(bytes, declared_charset(bytes));
    let html = decoded.text.as_str();
    let doc = Document::from(html);
    let attr = |sel: &str, name: &str| {
        doc.select(sel).iter().find_map(|n| n.attr(name)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    };
    let canonical = attr("link[rel=canonical]", "href").or_else(|| attr("meta[property=\"og:url\"]", "content"));
    let html_lang = attr("html", "lang");
    let time_tag = attr("article time[datetime]", "datetime").or_else(|| attr("time[datetime]", "datetime"));

    let config = || Config { text_mode: TextMode::Formatted, ..Default::default() };
    let page = Readability::new(html, None, Some(config())).ok().and_then(|mut r| r.parse().ok());

    // The longest <article> element, extracted on its own (with the page's <head> for metadata).
    let head = doc.select("head").iter().next().map(|h| h.html().to_string()).unwrap_or_default();
    let article_text = doc
        .select("article")
        .iter()
        .max_by_key(|n| n.text().len())
        .map(|node| {
            let own = format!("<html>{head}<body>{}</body></html>", node.html());
            Readability::new(own.as_str(), None, Some(config()))
                .ok()
                .and_then(|mut r| r.parse().ok())
                .map(|a| a.text_content.to_string())
                .filter(|t| t.trim().len() * 2 >= node.text().trim().len())
                .unwrap_or_else(|| node.formatted_text().to_string())
        })
        .filter(|t| !t.trim().is_empty());

    let text = match (&article_text, &page) {
        (Some(t), _) => t.clone(),
        (None, Some(p)) if !p.text_content.trim().is_empty() => p.text_content.to_string(),
        _ => doc.select("body").iter().next().map(|b| b.formatted_text().to_string()).unwrap_or_default(),
    };
    let text = tidy(&text);
    if text.is_empty() {
        return Err("the page has no readable text".into());
    }

    let mut meta = ArticleMeta::default();
    if let Some(p) = &page {
        meta.title = p.title.trim().to_string();
        meta.author = p.byline.clone().unwrap_or_default().trim().to_string();
        meta.source = p.site_name.clone().unwrap_or_default().trim().to_string();
        meta.published = p.published_time.clone().unwrap_or_default();
        meta.language = p.lang.as_deref().map(normalise_tag).unwrap_or_default();
    }
    if meta.title.is_empty() {
        meta.title = doc.select("title").text().trim().to_string();
    }
    if meta.title.is_empty() {
        meta.title = super::plain::title_from_stem(stem);
    }
    if meta.published.is_empty() {
        meta.published = time_tag.unwrap_or_default();
    }
    meta.published = find_date(&meta.published).unwrap_or_else(|| meta.published.trim().to_string());
    if meta.language.is_empty() {
        meta.language = html_lang.as_deref().map(normalise_tag).unwrap_or_default();
    }
    meta.url = canonical.unwrap_or_default();
    if meta.source.is_empty() {
        meta.source = host(&meta.url).unwrap_or_default();
    }
    Ok(ImportedArticle { meta, text, encoding: decoded.encoding })
}

/// Paragraphs separated by one blank line, lines without trailing blanks.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line.trim_start_matches([' ', '\t']));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// "https://www.lemonde.fr/x" → "www.lemonde.fr".
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// The charset a page declares in its first few kilobytes.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let i = head.find("charset=")?;
    let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}
