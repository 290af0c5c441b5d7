//! The codebook a paper reports: every label (description, colour, key, parent, how many spans,
//! two example passages), every relation type (which labels it links, how many), the canonical
//! actors and claims (kind, aliases, note, mentions). As Markdown, as HTML (one page, no
//! script), and as REFI-QDA's codebook exchange file (`.qdc`, namespace
//! `urn:QDA-XML:codebook:1.0`), which QDA tools import: labels are codes (nested by parent),
//! canonical actors and claims codes under two groups that code nothing themselves.

use super::{ExportError, Report, View, qdpx, uuid_for, w3c::project_seed, write_file};
use crate::model::{Entity, Label, LabelId};
use std::collections::HashMap;
use std::path::Path;

/// Which codebook file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Html,
    Qdc,
}

/// What the codebook says of the project (the export's filter applied).
struct Book<'p> {
    name: &'p str,
    /// Labels, parents before their children, with their depth.
    labels: Vec<(&'p Label, usize)>,
    spans: HashMap<LabelId, usize>,
    /// Up to two passages per label: (article title, passage).
    examples: HashMap<LabelId, Vec<(String, String)>>,
    relations: HashMap<crate::model::RelTypeId, usize>,
    mentions: HashMap<crate::model::EntityId, usize>,
}

fn book<'p>(view: &View<'p>) -> Book<'p> {
    let schema = &view.project.schema;
    let mut labels = Vec::new();
    fn walk<'p>(
        schema: &'p crate::model::Schema,
        parent: Option<LabelId>,
        depth: usize,
        out: &mut Vec<(&'p Label, usize)>,
    ) {
        for l in schema.labels.iter().filter(|l| l.parent == parent) {
            out.push((l, depth));
            if depth < 16 {
                walk(schema, Some(l.id), depth + 1, out);
            }
        }
    }
    walk(schema, None, 0, &mut labels);
    // Labels whose parent is missing, at the top.
    labels.extend(schema.labels.iter().filter(|l| l.parent.is_some_and(|p| schema.label(p).is_none())).map(|l| (l, 0)));
    let mut b = Book {
        name: &view.project.name,
        labels,
        spans: HashMap::new(),
        examples: HashMap::new(),
        relations: HashMap::new(),
        mentions: HashMap::new(),
    };
    for av in &view.articles {
        for s in &av.spans {
            *b.spans.entry(s.label).or_default() += 1;
            if let Some(e) = s.entity {
                *b.mentions.entry(e).or_default() += 1;
            }
            let ex = b.examples.entry(s.label).or_default();
            if ex.len() < 2 {
                let title =
                    if av.article.title.is_empty() { av.article.id.to_string() } else { av.article.title.clone() };
                ex.push((
                    title,
                    crate::text::ellipsize(&s.quote.split_whitespace().collect::<Vec<_>>().join(" "), 200),
                ));
            }
        }
        for r in &av.relations {
            *b.relations.entry(r.kind).or_default() += 1;
        }
    }
    b
}

fn is_claim(e: &Entity) -> bool {
    e.kind == crate::analysis::discourse::CLAIM_KIND
}

/// A table cell in Markdown: no line breaks, pipes escaped.
fn md(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

fn markdown(view: &View, b: &Book) -> String {
    let p = view.project;
    let mut x = format!("# Codebook: {}\n\n", md(if b.name.is_empty() { "Glose project" } else { b.name }));
    x.push_str(&format!(
        "{} articles, {} spans, {} relations.\n\n## Labels\n\n| label | key | colour | parent | spans | description |\n|---|---|---|---|---|---|\n",
        view.articles.len(),
        view.span_count(),
        view.relation_count()
    ));
    for (l, depth) in &b.labels {
        let parent = l.parent.map_or(String::new(), |id| md(p.schema.label_name(id)));
        x.push_str(&format!(
            "| {}{} | {} | `{}` | {} | {} | {} |\n",
            "↳ ".repeat(*depth),
            md(&l.name),
            l.hotkey.map_or(String::new(), |k| k.to_string()),
            l.color,
            parent,
            b.spans.get(&l.id).copied().unwrap_or(0),
            md(&l.description)
        ));
    }
    for (l, _) in &b.labels {
        if let Some(ex) = b.examples.get(&l.id) {
            x.push_str(&format!("\n**{}**, for example:\n\n", md(&l.name)));
            for (title, q) in ex {
                x.push_str(&format!("> {} — *{}*\n>\n", md(q), md(title)));
            }
            x.truncate(x.len() - 2);
            x.push('\n');
        }
    }
    x.push_str(
        "\n## Relation types\n\n| type | colour | symmetric | from | to | relations |\n|---|---|---|---|---|---|\n",
    );
    let names = |ids: &[LabelId]| {
        if ids.is_empty() {
            "any".to_string()
        } else {
            ids.iter().map(|&i| md(p.schema.label_name(i))).collect::<Vec<_>>().join(", ")
        }
    };
    for t in &p.schema.relation_types {
        x.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} |\n",
            md(&t.name),
            t.color,
            if t.symmetric { "yes" } else { "no" },
            names(&t.from_labels),
            names(&t.to_labels),
            b.relations.get(&t.id).copied().unwrap_or(0)
        ));
    }
    for (title, claims) in [("Canonical actors", false), ("Canonical claims", true)] {
        let list: Vec<&Entity> = p.entities.iter().filter(|e| is_claim(e) == claims).collect();
        if list.is_empty() {
            continue;
        }
        x.push_str(&format!(
            "\n## {title}\n\n| name | kind | other names | mentions | note |\n|---|---|---|---|---|\n"
        ));
        for e in list {
            x.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                md(&e.name),
                md(&e.kind),
                md(&e.aliases.join(" · ")),
                b.mentions.get(&e.id).copied().unwrap_or(0),
                md(&e.note)
            ));
        }
    }
    x
}

fn h(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The Markdown tables as one HTML page (a small converter for exactly what `markdown` writes
/// would be more code than writing the page).
fn html(view: &View, b: &Book) -> String {
    let p = view.project;
    let title = h(if b.name.is_empty() { "Glose project" } else { b.name });
    let mut x = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Codebook: {title}</title>\n<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}}.sw{{display:inline-block;width:1em;height:1em;border-radius:2px;vertical-align:middle}}blockquote{{color:#444;margin:.3em 1em}}</style></head><body>\n<h1>Codebook: {title}</h1>\n<p>{} articles, {} spans, {} relations.</p>\n<h2>Labels</h2>\n<table><tr><th>label</th><th>key</th><th>colour</th><th>parent</th><th>spans</th><th>description</th><th>examples</th></tr>\n",
        view.articles.len(),
        view.span_count(),
        view.relation_count()
    );
    for (l, depth) in &b.labels {
        let examples: String = b
            .examples
            .get(&l.id)
            .into_iter()
            .flatten()
            .map(|(t, q)| format!("<blockquote>{} — <i>{}</i></blockquote>", h(q), h(t)))
            .collect();
        x.push_str(&format!(
            "<tr><td>{}{}</td><td>{}</td><td><span class=\"sw\" style=\"background:{}\"></span> {}</td><td>{}</td><td>{}</td><td>{}</td><td>{examples}</td></tr>\n",
            "&nbsp;&nbsp;↳ ".repeat(*depth),
            h(&l.name),
            l.hotkey.map_or(String::new(), |k| k.to_string()),
            l.color,
            l.color,
            l.parent.map_or(String::new(), |id| h(p.schema.label_name(id))),
            b.spans.get(&l.id).copied().unwrap_or(0),
            h(&l.description)
        ));
    }
    x.push_str("</table>\n<h2>Relation types</h2>\n<table><tr><th>type</th><th>colour</th><th>symmetric</th><th>from</th><th>to</th><th>relations</th></tr>\n");
    let names = |ids: &[LabelId]| {
        if ids.is_empty() {
            "any".to_string()
        } else {
            ids.iter().map(|&i| h(p.schema.label_name(i))).collect::<Vec<_>>().join(", ")
        }
    };
    for t in &p.schema.relation_types {
        x.push_str(&format!(
            "<tr><td>{}</td><td><span class=\"sw\" style=\"background:{}\"></span> {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            h(&t.name),
            t.color,
            t.color,
            if t.symmetric { "yes" } else { "no" },
            names(&t.from_labels),
            names(&t.to_labels),
            b.relations.get(&t.id).copied().unwrap_or(0)
        ));
    }
    x.push_str("</table>\n");
    for (title, claims) in [("Canonical actors", false), ("Canonical claims", true)] {
        let list: Vec<&Entity> = p.entities.iter().filter(|e| is_claim(e) == claims).collect();
        if list.is_empty() {
            continue;
        }
        x.push_str(&format!("<h2>{title}</h2>\n<table><tr><th>name</th><th>kind</th><th>other names</th><th>mentions</th><th>note</th></tr>\n"));
        for e in list {
            x.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                h(&e.name),
                h(&e.kind),
                h(&e.aliases.join(" · ")),
                b.mentions.get(&e.id).copied().unwrap_or(0),
                h(&e.note)
            ));
        }
        x.push_str("</table>\n");
    }
    x.push_str("</body></html>\n");
    x
}

fn qdc(view: &View) -> String {
    let seed = project_seed(view);
    let guid = |id: u64| uuid_for(seed, id).to_uppercase();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Glose {}\">\n  <Codes>\n",
        env!("CARGO_PKG_VERSION")
    ));
    qdpx::codes(&mut x, view, &guid, None, 0);
    qdpx::orphan_codes(&mut x, view, &guid);
    // Canonical actors and claims: codes under a group of each (the groups code nothing).
    for (group, claims, key) in [("Canonical actors", false, u64::MAX - 1), ("Canonical claims", true, u64::MAX - 2)] {
        let list: Vec<&Entity> = view.project.entities.iter().filter(|e| is_claim(e) == claims).collect();
        if list.is_empty() {
            continue;
        }
        x.push_str(&format!("    <Code guid=\"{}\" name=\"{group}\" isCodable=\"false\">\n", guid(key)));
        for e in list {
            let color = e.color.map_or(String::new(), |c| format!(" color=\"{c}\""));
            x.push_str(&format!(
                "      <Code guid=\"{}\" name=\"{}\" isCodable=\"true\"{color}>\n",
                guid(e.id.0),
                qdpx::esc(&e.name)
            ));
            let mut about = Vec::new();
            if !e.kind.is_empty() {
                about.push(format!("Kind: {}", e.kind));
            }
            if !e.aliases.is_empty() {
                about.push(format!("Other names: {}", e.aliases.join(" · ")));
            }
            if !e.note.is_empty() {
                about.push(e.note.clone());
            }
            x.push_str(&format!(
                "        <Description>{}</Description>\n      </Code>\n",
                qdpx::esc(&about.join("\n"))
            ));
        }
        x.push_str("    </Code>\n");
    }
    x.push_str("  </Codes>\n</CodeBook>\n");
    x
}

pub fn write(view: &View, kind: Kind, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let text = match kind {
        Kind::Markdown => markdown(view, &book(view)),
        Kind::Html => html(view, &book(view)),
        Kind::Qdc => qdc(view),
    };
    write_file(out, text.as_bytes(), report)
}
