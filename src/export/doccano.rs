//! doccano JSONL, one article per line: the sequence-labelling form (`label: [[s, e, "L"]]`)
//! and the relation form (`entities`, `relations`). doccano counts UTF-16 code units unless
//! its grapheme mode is on, so the unit is chosen at export (`--offsets`).

use super::{ExportError, OffsetUnit, Report, View, label_name, type_name};
use crate::text::CharMap;
use serde_json::{Value, json};
use std::path::Path;

/// Converts a code point offset to the chosen unit.
pub(crate) fn unit_offset(text: &str, map: &CharMap, unit: OffsetUnit, ch: usize) -> usize {
    match unit {
        OffsetUnit::CodePoint => ch,
        OffsetUnit::Utf16 => map.utf16_of(text, ch).unwrap_or(ch),
    }
}

fn meta(a: &crate::model::Article) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("article_id".into(), json!(a.id.to_string()));
    for (k, v) in super::article_details(a) {
        m.insert(k.into_owned(), json!(v));
    }
    m
}

/// One JSON line into the stream (an article at a time: the file is never held whole).
fn line(stream: &mut super::Stream, value: &Value) -> Result<(), ExportError> {
    stream.buf.push_str(&serde_json::to_string(value).map_err(|e| ExportError::Invalid(e.to_string()))?);
    stream.buf.push('\n');
    stream.flush_some()
}

pub fn write_seq(view: &View, unit: OffsetUnit, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let mut stream = super::Stream::create(out)?;
    for (i, av) in view.articles.iter().enumerate() {
        view.tick()?;
        let a = av.article;
        let map = CharMap::new(&a.text);
        let mut labels = Vec::new();
        for s in &av.spans {
            if s.fragments.len() > 1 {
                report.warnings.push(format!(
                    "{} {}: discontinuous span written as {} separate labels",
                    a.id,
                    s.id,
                    s.fragments.len()
                ));
            }
            for f in &s.fragments {
                let (b, e) = (unit_offset(&a.text, &map, unit, f.start), unit_offset(&a.text, &map, unit, f.end));
                labels.push(json!([b, e, label_name(view, s.label)]));
            }
        }
        let mut obj = meta(a);
        obj.insert("id".into(), json!(i + 1));
        obj.insert("text".into(), json!(a.text));
        obj.insert("label".into(), Value::Array(labels));
        line(&mut stream, &Value::Object(obj))?;
    }
    if view.relation_count() > 0 {
        report
            .warnings
            .push(format!("{} relations are not in the sequence form: use doccano-rel", view.relation_count()));
    }
    stream.finish(report)
}

pub fn write_rel(view: &View, unit: OffsetUnit, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let mut stream = super::Stream::create(out)?;
    // Extra fragments of discontinuous spans need ids of their own, above every real id.
    let mut fresh = view.project.max_id() + 1;
    for (i, av) in view.articles.iter().enumerate() {
        view.tick()?;
        let a = av.article;
        let map = CharMap::new(&a.text);
        let mut entities = Vec::new();
        for s in &av.spans {
            if s.fragments.len() > 1 {
                report.warnings.push(format!(
                    "{} {}: discontinuous span written as {} entities; relations use the first",
                    a.id,
                    s.id,
                    s.fragments.len()
                ));
            }
            for (k, f) in s.fragments.iter().enumerate() {
                let id = if k == 0 { s.id.0 } else { (fresh, fresh += 1).0 };
                entities.push(json!({
                    "id": id,
                    "start_offset": unit_offset(&a.text, &map, unit, f.start),
                    "end_offset": unit_offset(&a.text, &map, unit, f.end),
                    "label": label_name(view, s.label),
                }));
            }
        }
        let relations: Vec<Value> = av
            .relations
            .iter()
            .map(|r| json!({"id": r.id.0, "from_id": r.from.0, "to_id": r.to.0, "type": type_name(view, r.kind)}))
            .collect();
        let mut obj = meta(a);
        obj.insert("id".into(), json!(i + 1));
        obj.insert("text".into(), json!(a.text));
        obj.insert("entities".into(), Value::Array(entities));
        obj.insert("relations".into(), Value::Array(relations));
        line(&mut stream, &Value::Object(obj))?;
    }
    stream.finish(report)
}
