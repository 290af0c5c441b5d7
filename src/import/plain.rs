//! Plain text: the text is kept whole but for the scraped lines at its top (a date with
//! "Share on Telegram" and the like, which are the page's, not the article's); details come
//! from a `Key: value` header when the file has one, else from the first lines (a short dated
//! line, a title line), else the first sentence, else the file name.

use super::{Decoded, ImportedArticle};
use crate::model::ArticleMeta;

pub fn parse(decoded: &Decoded, stem: &str) -> ImportedArticle {
    let text = &decoded.text;
    if let Some((meta, body_start)) = header_block(text) {
        let mut meta = meta;
        if meta.title.is_empty() {
            meta.title = title_from_stem(stem);
        }
        return ImportedArticle { meta, text: text[body_start..].to_string(), encoding: decoded.encoding };
    }
    let mut meta = ArticleMeta::default();
    let (cut, scraped_date) = scraped_top(text);
    let text = &text[cut..];
    meta.published = scraped_date.unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(4).collect();
    let has_body = lines.len() > 1;
    for line in &lines {
        let t = line.trim();
        if t.chars().count() > 150 {
            break;
        }
        if let Some(date) = find_date(t) {
            if meta.published.is_empty() {
                meta.published = date;
            }
            continue;
        }
        if let Some(url) = find_url(t)
            && t == url
        {
            meta.url = url;
            continue;
        }
        let sentence_end = t.ends_with(['.', '!', '?', ':', ';', ',']);
        if meta.title.is_empty() && has_body && !sentence_end {
            meta.title = t.to_string();
        }
        break;
    }
    if meta.title.is_empty() {
        meta.title = first_sentence(text).unwrap_or_else(|| title_from_stem(stem));
    }
    ImportedArticle { meta, text: text.to_string(), encoding: decoded.encoding }
}

/// Words of a web page's sharing and printing buttons, scraped with the article.
const SHARING: [&str; 12] = [
    "share on",
    "share this",
    "partager",
    "tweet",
    "telegram",
    "whatsapp",
    "facebook",
    "linkedin",
    "imprimer",
    "print this",
    "envoyer par",
    "e-mail this",
];

/// The lines at the top that are a page's buttons (short, with sharing words): where the
/// article starts after them, and a date they held.
fn scraped_top(text: &str) -> (usize, Option<String>) {
    let (mut cut, mut date) = (0, None);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        at += line.len();
        if t.is_empty() {
            if cut > 0 {
                cut = at;
            }
            continue;
        }
        let lower = t.to_lowercase();
        let short = t.split_whitespace().count() <= 12;
        if short && SHARING.iter().any(|w| lower.contains(w)) {
            date = date.or_else(|| find_date(t));
            cut = at;
        } else {
            break;
        }
    }
    (cut, date)
}

/// The text's first sentence as a title, cut at a word under 100 characters.
fn first_sentence(text: &str) -> Option<String> {
    let para = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let end = para.find(['.', '!', '?']).map_or(para.len(), |i| i + 1);
    let sentence = para[..end].trim_end_matches('.').trim();
    if sentence.chars().count() <= 100 {
        return Some(sentence.to_string());
    }
    let mut out = String::new();
    for w in sentence.split_whitespace() {
        if out.chars().count() + w.chars().count() > 96 {
            break;
        }
        out.push_str(w);
        out.push(' ');
    }
    Some(format!("{}…", out.trim_end()))
}

/// A block of `Key: value` lines at the top, all of known keys, ended by a blank line.
fn header_block(text: &str) -> Option<(ArticleMeta, usize)> {
    let mut meta = ArticleMeta::default();
    let mut offset = 0;
    let mut any = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            return any.then(|| (meta, offset + line.len()));
        }
        let (key, value) = t.split_once(':')?;
        let value = value.trim().to_string();
        match key.trim().to_lowercase().as_str() {
            "title" | "titre" | "заголовок" | "标题" => meta.title = value,
            "source" | "outlet" | "источник" | "来源" => meta.source = value,
            "author" | "by" | "auteur" | "автор" | "作者" => meta.author = value,
            "date" | "published" | "publié" | "дата" | "日期" => meta.published = value,
            "url" | "link" | "lien" | "ссылка" => meta.url = value,
            "language" | "lang" | "langue" | "язык" | "语言" => meta.language = value,
            _ => return None,
        }
        any = true;
        offset += line.len();
    }
    None
}

/// "seed-fr-ia_geopolitique" → "seed fr ia geopolitique".
pub fn title_from_stem(stem: &str) -> String {
    stem.replace(['-', '_'], " ").trim().to_string()
}

/// The first ISO-like date in `s`: "2023-11-21" or "2023-11".
pub fn find_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |i: usize, n: usize| i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit);
    for i in 0..b.len() {
        if (i > 0 && b[i - 1].is_ascii_digit()) || !digits(i, 4) {
            continue;
        }
        if b.get(i + 4) == Some(&b'-') && digits(i + 5, 2) && !digits(i + 5, 3) {
            let month = &s[i + 5..i + 7];
            if !("01"..="12").contains(&month) {
                continue;
            }
            if b.get(i + 7) == Some(&b'-') && digits(i + 8, 2) && !digits(i + 8, 3) {
                return Some(s[i..i + 10].to_string());
            }
            return Some(s[i..i + 7].to_string());
        }
    }
    None
}

fn find_url(s: &str) -> Option<String> {
    let start = s.find("https://").or_else(|| s.find("http://"))?;
    Some(s[start..].split_whitespace().next()?.to_string())
}
