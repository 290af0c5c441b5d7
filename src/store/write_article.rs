//! Writes an article in exactly the bytes `ron` writes for it (`to_string_pretty` with Glose's
//! settings: two-space indent, no struct names, compact below the third level), an order of
//! magnitude faster: `ron` escapes strings one character at a time through `char::escape_debug`,
//! which looks every character up in Unicode's tables, and that was most of the time to save a
//! project folder of 50 000 articles. Here a character is looked up once, in a table of the
//! Basic Multilingual Plane built at first use from `escape_debug` itself, so the escaping stays
//! `ron`'s by construction. Tested byte for byte against `ron` (`tests` below, and every save of
//! `tests/folder.rs` reads back what it wrote).

use crate::model::{Article, Relation, Span};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// Appends `a` as `ron::ser::to_string_pretty(a, pretty_config(3))` writes it, with its text
/// (the single-file form: `Article`) or without (a folder's article file).
pub(super) fn article(out: &mut String, a: &Article, with_text: bool) {
    out.push_str("(\n");
    field_u64(out, 1, "id", a.id.0);
    field_str(out, 1, "title", &a.title);
    field_str(out, 1, "source", &a.source);
    if !a.author.is_empty() {
        field_str(out, 1, "author", &a.author);
    }
    field_str(out, 1, "url", &a.url);
    field_str(out, 1, "published", &a.published);
    field_str(out, 1, "language", &a.language);
    if !a.details.is_empty() {
        out.push_str("  details: {\n");
        for (k, v) in &a.details {
            out.push_str("    ");
            string(out, k);
            out.push_str(": ");
            string(out, v);
            out.push_str(",\n");
        }
        out.push_str("  },\n");
    }
    if let Some(d) = a.near_duplicate_of {
        let _ = writeln!(out, "  near_duplicate_of: Some({}),", d.0);
    }
    if with_text {
        field_str(out, 1, "text", &a.text);
    }
    list(out, "spans", &a.spans, span);
    list(out, "relations", &a.relations, relation);
    out.push(')');
}

fn list<T>(out: &mut String, name: &str, items: &[T], item: fn(&mut String, &T)) {
    out.push_str("  ");
    out.push_str(name);
    if items.is_empty() {
        out.push_str(": [],\n");
        return;
    }
    out.push_str(": [\n");
    for it in items {
        out.push_str("    (\n");
        item(out, it);
        out.push_str("    ),\n");
    }
    out.push_str("  ],\n");
}

fn span(out: &mut String, s: &Span) {
    field_u64(out, 3, "id", s.id.0);
    out.push_str("      fragments: [");
    for (i, f) in s.fragments.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "({}, {})", f.start, f.end);
    }
    out.push_str("],\n");
    field_u64(out, 3, "label", s.label.0);
    if let Some(e) = s.entity {
        let _ = writeln!(out, "      entity: Some({}),", e.0);
    }
    if !s.attributes.is_empty() {
        out.push_str("      attributes: ");
        compact_map(out, &s.attributes);
        out.push_str(",\n");
    }
    if !s.note.is_empty() {
        field_str(out, 3, "note", &s.note);
    }
    field_str(out, 3, "annotator", &s.annotator);
    field_str(out, 3, "quote", &s.quote);
}

fn relation(out: &mut String, r: &Relation) {
    field_u64(out, 3, "id", r.id.0);
    field_u64(out, 3, "kind", r.kind.0);
    field_u64(out, 3, "from", r.from.0);
    field_u64(out, 3, "to", r.to.0);
    if !r.note.is_empty() {
        field_str(out, 3, "note", &r.note);
    }
    field_str(out, 3, "annotator", &r.annotator);
}

/// A map below the depth limit: `{"k": "v", "k2": "v2"}`.
fn compact_map(out: &mut String, map: &BTreeMap<String, String>) {
    out.push('{');
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, k);
        out.push_str(": ");
        string(out, v);
    }
    out.push('}');
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn field_u64(out: &mut String, depth: usize, name: &str, value: u64) {
    indent(out, depth);
    let _ = writeln!(out, "{name}: {value},");
}

fn field_str(out: &mut String, depth: usize, name: &str, value: &str) {
    indent(out, depth);
    out.push_str(name);
    out.push_str(": ");
    string(out, value);
    out.push_str(",\n");
}

/// A RON string literal: each character as `char::escape_debug` writes it (as `ron` does).
pub(super) fn string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let table = plain_table();
    let mut plain_from = 0;
    for (i, c) in s.char_indices() {
        let code = c as usize;
        let plain = if code < 0x10000 { table[code / 64] & (1 << (code % 64)) != 0 } else { is_plain(c) };
        if !plain {
            out.push_str(&s[plain_from..i]);
            out.extend(c.escape_debug());
            plain_from = i + c.len_utf8();
        }
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}

/// `escape_debug` leaves the character as it is.
fn is_plain(c: char) -> bool {
    let mut e = c.escape_debug();
    e.next() == Some(c) && e.next().is_none()
}

/// One bit per character of the Basic Multilingual Plane: set when `escape_debug` leaves it.
fn plain_table() -> &'static [u64; 1024] {
    static TABLE: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new([0u64; 1024]);
        for code in 0..0x10000u32 {
            if char::from_u32(code).is_some_and(is_plain) {
                t[code as usize / 64] |= 1 << (code % 64);
            }
        }
        t
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{ArticleId, EntityId, Fragment, LabelId, RelTypeId, RelationId, SpanId};

    fn ron_bytes(a: &Article) -> String {
        ron::ser::to_string_pretty(a, crate::store::pretty_config(3)).expect("ron writes")
    }

    /// Strings with everything `escape_debug` escapes, and what it leaves as it is.
    pub(in crate::store) const NASTY: &[&str] = &[
        "",
        "plain",
        "quote \" and backslash \\ and apostrophe '",
        "tab\tnew\nline\rreturn\0nul",
        "e\u{301} combining at the start: \u{301}x",
        "emoji 🤝🇫🇷 and 𠮷 and \u{202f}nnbsp\u{a0} soft\u{ad}hyphen",
        "\u{7f}\u{1b}[31m control \u{200b} zero width \u{feff} \u{2028} \u{e000} \u{10ffff} \u{e0001}",
        "Путин — Poutine « citation » 北京",
        "r#\"raw\"# // not a comment /* nor this */",
    ];

    fn nasty_article(k: usize) -> Article {
        let pick = |i: usize| NASTY[(i + k) % NASTY.len()].to_string();
        let mut details = BTreeMap::new();
        if k.is_multiple_of(2) {
            details.insert(pick(1), pick(2));
            details.insert(pick(3), pick(4));
        }
        let span = |i: usize| Span {
            id: SpanId(10 + i as u64),
            fragments: (0..(i % 3) + 1).map(|f| Fragment::new(f * 10, f * 10 + 4)).collect(),
            label: LabelId(2),
            entity: i.is_multiple_of(2).then_some(EntityId(7)),
            attributes: if i % 2 == 1 {
                [(pick(i), pick(i + 1)), ("stance".into(), "agree".into())].into_iter().collect()
            } else {
                BTreeMap::new()
            },
            note: pick(i + 2),
            annotator: pick(i + 3),
            quote: pick(i + 4),
        };
        Article {
            id: ArticleId(k as u64),
            title: pick(0),
            source: pick(1),
            author: pick(2),
            url: pick(3),
            published: pick(4),
            language: pick(5),
            details,
            near_duplicate_of: k.is_multiple_of(3).then_some(ArticleId(1)),
            text: pick(6),
            spans: (0..k % 4).map(span).collect(),
            relations: (0..k % 3)
                .map(|i| Relation {
                    id: RelationId(100 + i as u64),
                    kind: RelTypeId(4),
                    from: SpanId(10),
                    to: SpanId(11),
                    note: pick(i),
                    annotator: pick(i + 1),
                })
                .collect(),
        }
    }

    #[test]
    fn writes_what_ron_writes() {
        for k in 0..48 {
            let a = nasty_article(k);
            let mut ours = String::new();
            article(&mut ours, &a, true);
            assert_eq!(ours, ron_bytes(&a), "article {k}");
        }
    }

    #[test]
    fn writes_folder_files_as_ron_does() {
        use crate::store::folder::{article_files, article_files_by_ron};
        for k in 0..48 {
            let a = nasty_article(k);
            assert_eq!(article_files(&a).expect("ours"), article_files_by_ron(&a).expect("ron"), "article {k}");
        }
    }

    #[test]
    fn escapes_every_character_as_ron_does() {
        let all: String = (0..0x11000u32).filter_map(char::from_u32).collect();
        let mut ours = String::new();
        string(&mut ours, &all);
        assert_eq!(ours, ron::to_string(&all).expect("ron writes"));
    }
}
