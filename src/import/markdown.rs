//! Markdown: an optional front matter (`---` / `key: value` / `---`) gives the details, the
//! first `# heading` the title, and the document is rendered to plain text (headings and
//! paragraphs on their own lines, list items with a bullet, link text without its target).

use super::{Decoded, ImportedArticle};
use crate::model::ArticleMeta;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

pub fn parse(decoded: &Decoded, stem: &str) -> ImportedArticle {
    let (mut meta, body) = front_matter(&decoded.text);
    let (text, h1) = render(body);
    if meta.title.is_empty() {
        meta.title = h1.unwrap_or_else(|| super::plain::title_from_stem(stem));
    }
    ImportedArticle { meta, text, encoding: decoded.encoding }
}

fn front_matter(text: &str) -> (ArticleMeta, &str) {
    let mut meta = ArticleMeta::default();
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (meta, text);
    };
    let Some(end) = rest.find("\n---") else { return (meta, text) };
    for line in rest[..end].lines() {
        let Some((k, v)) = line.split_once(':') else { continue };
        let v = v.trim().trim_matches(['"', '\'']).to_string();
        match k.trim().to_lowercase().as_str() {
            "title" => meta.title = v,
            "source" | "publisher" | "site" => meta.source = v,
            "author" | "byline" => meta.author = v,
            "date" | "published" => meta.published = v,
            "url" | "link" | "canonical_url" => meta.url = v,
            "lang" | "language" => meta.language = v,
            _ => {}
        }
    }
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map_or("", |(_, body)| body);
    (meta, after)
}

/// Plain text of a Markdown body, and its first level-1 heading.
fn render(md: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut h1: Option<String> = None;
    let mut in_h1 = false;
    let mut h1_text = String::new();
    let mut list_depth = 0usize;
    let block_break = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                block_break(&mut out);
                in_h1 = level == HeadingLevel::H1 && h1.is_none();
            }
            Event::End(TagEnd::Heading(_)) if in_h1 => {
                h1 = Some(h1_text.trim().to_string());
                in_h1 = false;
            }
            Event::Start(Tag::Paragraph) if list_depth == 0 => block_break(&mut out),
            Event::Start(Tag::BlockQuote(_) | Tag::CodeBlock(_)) => block_break(&mut out),
            Event::Start(Tag::List(_)) => {
                if list_depth == 0 {
                    block_break(&mut out);
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("• ");
            }
            Event::Text(t) | Event::Code(t) => {
                if in_h1 {
                    h1_text.push_str(&t);
                }
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => block_break(&mut out),
            _ => {}
        }
    }
    let len = out.trim_end().len();
    out.truncate(len);
    out.push('\n');
    (out, h1)
}
