//! The text of an HTML (or XHTML) element as paragraphs: block elements start a paragraph,
//! `<br>` a line, runs of ASCII white space collapse to one space. Unlike a browser's
//! `innerText`, no-break spaces (French typography) are kept as they are.

use dom_query::NodeRef;

/// Elements that start a paragraph of their own.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "pre",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "address",
    "hr",
    "body",
    "main",
    "nav",
];

/// Elements whose content is never text.
const SKIP: [&str; 6] = ["script", "style", "noscript", "template", "head", "title"];

/// Paragraphs being assembled: text is appended, breaks are asked for, and the result has
/// exactly one blank line between paragraphs.
#[derive(Default)]
pub struct Paragraphs {
    out: Vec<String>,
    cur: String,
}

impl Paragraphs {
    /// Appends text, collapsing ASCII white space (not NBSP or NNBSP).
    pub fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                if !self.cur.is_empty() && !self.cur.ends_with([' ', '\n']) {
                    self.cur.push(' ');
                }
            } else {
                self.cur.push(c);
            }
        }
    }

    /// A line break inside the paragraph.
    pub fn line_break(&mut self) {
        let trimmed = self.cur.trim_end_matches(' ').len();
        self.cur.truncate(trimmed);
        if !self.cur.is_empty() {
            self.cur.push('\n');
        }
    }

    /// Ends the current paragraph (an empty one is dropped).
    pub fn end_paragraph(&mut self) {
        let p = std::mem::take(&mut self.cur);
        let p = p.trim_matches(|c| c == ' ' || c == '\n');
        if !p.is_empty() {
            self.out.push(p.to_string());
        }
    }

    /// The paragraphs so far.
    pub fn finish(mut self) -> Vec<String> {
        self.end_paragraph();
        self.out
    }
}

/// The paragraphs of `node` and everything in it.
pub fn paragraphs(node: &NodeRef) -> Vec<String> {
    let mut p = Paragraphs::default();
    walk(node, &mut p);
    p.finish()
}

/// Appends the text of `node` to `p`.
pub fn walk(node: &NodeRef, p: &mut Paragraphs) {
    if node.is_text() {
        p.push_text(&node.text());
        return;
    }
    if !node.is_element() && !node.is_document() && !node.is_fragment() {
        return;
    }
    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    if SKIP.contains(&name.as_str()) {
        return;
    }
    if name == "br" {
        p.line_break();
        return;
    }
    let block = BLOCKS.contains(&name.as_str()) || name == "td" || name == "th";
    if block {
        p.end_paragraph();
    }
    for child in node.children_it(false) {
        walk(&child, p);
    }
    if block {
        p.end_paragraph();
    }
}

/// Paragraphs joined as an article's text: one blank line between them, a final line break.
pub fn join(paragraphs: &[String]) -> String {
    let mut text = paragraphs.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// The text of a node on one line (white space collapsed, NBSP kept).
pub fn inline_text(node: &NodeRef) -> String {
    let mut p = Paragraphs::default();
    p.push_text(&node.text());
    p.finish().join(" ")
}
