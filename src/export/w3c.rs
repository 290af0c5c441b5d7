//! W3C Web Annotation JSON-LD: one AnnotationCollection. Each span is an annotation whose
//! target selects the article text by TextPositionSelector (code points, as the model says)
//! and TextQuoteSelector (exact, prefix, suffix); the body carries the label (tagging), the
//! note (commenting) and the linked actor (identifying). Relations are `linking` annotations
//! that target the two span annotations. Annotations are streamed one by one (typed, borrowed
//! values): 100 000 spans never build one big JSON tree.

use super::{ExportError, Report, View, io_err, uuid_for};
use crate::text::CharMap;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Characters of context in TextQuoteSelector prefix and suffix.
const CONTEXT_CHARS: usize = 32;

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: &'a str,
    },
    Iri {
        id: String,
        purpose: &'static str,
    },
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    selector: [Selector<'a>; 2],
}

#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    One(Target<'a>),
    Many(Vec<Target<'a>>),
    Links([String; 2]),
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    nickname: &'a str,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Targets<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
}

impl<'a> Annotation<'a> {
    /// An annotation of record `id` (span or relation), by `annotator` if one is named.
    fn new(
        seed: u64,
        id: u64,
        motivation: &'static str,
        body: Vec<Body<'a>>,
        target: Targets<'a>,
        annotator: &'a str,
    ) -> Self {
        let creator = (!annotator.is_empty()).then_some(Creator { kind: "Person", nickname: annotator });
        let id = format!("urn:uuid:{}", uuid_for(seed, id));
        Annotation { id, kind: "Annotation", motivation, body, target, creator }
    }
}

fn tagging(value: &str) -> Body<'_> {
    Body::Text { kind: "TextualBody", purpose: "tagging", value }
}

pub fn write(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let seed = project_seed(view);
    let file = std::fs::File::create(out).map_err(io_err(out))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let total = view.span_count() + view.relation_count();
    let header = serde_json::json!({
        "@context": CONTEXT,
        "id": format!("urn:uuid:{}", uuid_for(seed, 0)),
        "type": "AnnotationCollection",
        "label": view.project.name,
        "total": total,
    });
    let header = serde_json::to_string(&header).map_err(|e| ExportError::Invalid(e.to_string()))?;
    // `{…header…, "first": {"type": "AnnotationPage", "startIndex": 0, "items": [ … ]}}`
    let head = format!(
        "{},\n\"first\":{{\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[\n",
        &header[..header.len() - 1]
    );
    w.write_all(head.as_bytes()).map_err(io_err(out))?;
    let mut first = true;
    let mut emit = |w: &mut std::io::BufWriter<std::fs::File>, a: &Annotation| -> Result<(), ExportError> {
        if !first {
            w.write_all(b",\n").map_err(io_err(out))?;
        }
        first = false;
        serde_json::to_writer(&mut *w, a).map_err(|e| ExportError::Invalid(e.to_string()))
    };
    for av in &view.articles {
        view.tick()?;
        let a = av.article;
        let map = CharMap::new(&a.text);
        let len = map.char_len();
        let source = format!("urn:uuid:{}", uuid_for(seed, a.id.0));
        let scope = (!a.url.is_empty()).then_some(a.url.as_str());
        let target = |f: &crate::model::Fragment| Target {
            kind: "SpecificResource",
            source: &source,
            scope,
            selector: [
                Selector::Position { kind: "TextPositionSelector", start: f.start, end: f.end },
                Selector::Quote {
                    kind: "TextQuoteSelector",
                    exact: map.slice(&a.text, f.start, f.end).unwrap_or_default(),
                    prefix: map.slice(&a.text, f.start.saturating_sub(CONTEXT_CHARS), f.start).unwrap_or_default(),
                    suffix: map.slice(&a.text, f.end, (f.end + CONTEXT_CHARS).min(len)).unwrap_or_default(),
                },
            ],
        };
        for s in &av.spans {
            let mut body = vec![tagging(view.project.schema.label_name(s.label))];
            if !s.note.is_empty() {
                body.push(Body::Text { kind: "TextualBody", purpose: "commenting", value: &s.note });
            }
            if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                body.push(Body::Text { kind: "TextualBody", purpose: "identifying", value: &e.name });
                if let Some(iri) = e.external_id.as_deref().and_then(entity_iri) {
                    body.push(Body::Iri { id: iri, purpose: "identifying" });
                }
            }
            let target = match s.fragments.as_slice() {
                [f] => Targets::One(target(f)),
                fs => Targets::Many(fs.iter().map(target).collect()),
            };
            emit(&mut w, &Annotation::new(seed, s.id.0, "tagging", body, target, &s.annotator))?;
        }
        for r in &av.relations {
            let mut body = vec![tagging(view.project.schema.relation_type_name(r.kind))];
            if !r.note.is_empty() {
                body.push(Body::Text { kind: "TextualBody", purpose: "commenting", value: &r.note });
            }
            let ends =
                [format!("urn:uuid:{}", uuid_for(seed, r.from.0)), format!("urn:uuid:{}", uuid_for(seed, r.to.0))];
            emit(&mut w, &Annotation::new(seed, r.id.0, "linking", body, Targets::Links(ends), &r.annotator))?;
        }
    }
    w.write_all(b"\n]}}\n").and_then(|()| w.flush()).map_err(io_err(out))?;
    report.files.push(out.to_path_buf());
    Ok(())
}

/// A stable seed per project for the UUIDs (its name and first article).
pub(crate) fn project_seed(view: &View) -> u64 {
    let first = view.project.articles.first().map_or("", |a| a.text.as_str());
    let head: String = first.chars().take(200).collect();
    crate::hash::fnv1a64(format!("{}\u{0}{head}", view.project.name).as_bytes())
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
