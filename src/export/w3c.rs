//! W3C Web Annotation JSON-LD: one AnnotationCollection. Each span is an annotation whose
//! target selects the article text by TextPositionSelector (code points, as the model says)
//! and TextQuoteSelector (exact, prefix, suffix); the body carries the label (tagging), the
//! note (commenting) and the linked actor (identifying). Relations are `linking` annotations
//! that target the two span annotations.

use super::{ExportError, Report, View, label_name, type_name, uuid_for};
use crate::text::CharMap;
use serde_json::{Value, json};
use std::path::Path;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Characters of context in TextQuoteSelector prefix and suffix.
const CONTEXT_CHARS: usize = 32;

pub fn write(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let seed = project_seed(view);
    let mut items = Vec::new();
    for av in &view.articles {
        view.tick()?;
        let a = av.article;
        let map = CharMap::new(&a.text);
        let len = map.char_len();
        let source = format!("urn:uuid:{}", uuid_for(seed, a.id.0));
        let target = |f: &crate::model::Fragment| {
            let exact = map.slice(&a.text, f.start, f.end).unwrap_or_default();
            let prefix = map.slice(&a.text, f.start.saturating_sub(CONTEXT_CHARS), f.start).unwrap_or_default();
            let suffix = map.slice(&a.text, f.end, (f.end + CONTEXT_CHARS).min(len)).unwrap_or_default();
            let mut t = json!({
                "type": "SpecificResource",
                "source": source,
                "selector": [
                    {"type": "TextPositionSelector", "start": f.start, "end": f.end},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                ],
            });
            if !a.url.is_empty() {
                t["scope"] = json!(a.url);
            }
            t
        };
        for s in &av.spans {
            let mut body =
                vec![json!({"type": "TextualBody", "purpose": "tagging", "value": label_name(view, s.label)})];
            if !s.note.is_empty() {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": s.note}));
            }
            if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                body.push(json!({"type": "TextualBody", "purpose": "identifying", "value": e.name}));
                if let Some(iri) = e.external_id.as_deref().and_then(entity_iri) {
                    body.push(json!({"id": iri, "purpose": "identifying"}));
                }
            }
            let targets: Vec<Value> = s.fragments.iter().map(target).collect();
            let mut anno = json!({
                "id": format!("urn:uuid:{}", uuid_for(seed, s.id.0)),
                "type": "Annotation",
                "motivation": "tagging",
                "body": body,
                "target": if targets.len() == 1 { targets[0].clone() } else { Value::Array(targets) },
            });
            if !s.annotator.is_empty() {
                anno["creator"] = json!({"type": "Person", "nickname": s.annotator});
            }
            items.push(anno);
        }
        for r in &av.relations {
            let mut anno = json!({
                "id": format!("urn:uuid:{}", uuid_for(seed, r.id.0)),
                "type": "Annotation",
                "motivation": "linking",
                "body": [{"type": "TextualBody", "purpose": "tagging", "value": type_name(view, r.kind)}],
                "target": [
                    format!("urn:uuid:{}", uuid_for(seed, r.from.0)),
                    format!("urn:uuid:{}", uuid_for(seed, r.to.0)),
                ],
            });
            if !r.note.is_empty()
                && let Some(body) = anno["body"].as_array_mut()
            {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": r.note}));
            }
            if !r.annotator.is_empty() {
                anno["creator"] = json!({"type": "Person", "nickname": r.annotator});
            }
            items.push(anno);
        }
    }
    let collection = json!({
        "@context": CONTEXT,
        "id": format!("urn:uuid:{}", uuid_for(seed, 0)),
        "type": "AnnotationCollection",
        "label": view.project.name,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    super::write_json(out, &collection, view.span_count() < super::PRETTY_LIMIT, report)
}

/// A stable seed per project for the UUIDs (its name and first article).
pub(crate) fn project_seed(view: &View) -> u64 {
    let first = view.project.articles.first().map_or("", |a| a.text.as_str());
    let head: String = first.chars().take(200).collect();
    crate::edit::journal_fingerprint(format!("{}\u{0}{head}", view.project.name).as_bytes())
}

/// "wikidata:Q7747" → the Wikidata entity IRI; other ids that are IRIs already pass through.
fn entity_iri(ext: &str) -> Option<String> {
    let (db, id) = ext.split_once(':')?;
    match db.to_ascii_lowercase().as_str() {
        "wikidata" => Some(format!("http://www.wikidata.org/entity/{}", id.trim())),
        "http" | "https" => Some(ext.to_string()),
        _ => None,
    }
}
