//! doccano JSONL, both forms: sequence labelling (`label: [[start, end, "Label"]]`) and
//! relations (`entities` + `relations`). Offsets are UTF-16 units unless told they are code
//! points (doccano's grapheme mode).

use super::DatasetError;
use super::dataset::{DRelation, DSpan, Dataset, Doc, to_code_points};
use crate::model::{ArticleMeta, Fragment};
use crate::text::CharMap;
use serde_json::Value;

/// Parses JSONL text; `name` names the file in messages.
pub fn parse(jsonl: &str, name: &str, utf16: bool) -> Result<Dataset, DatasetError> {
    let mut data = Dataset::default();
    for (i, line) in jsonl.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{name} line {}", i + 1);
        let v: Value = serde_json::from_str(line).map_err(|e| DatasetError::malformed(&origin, e.to_string()))?;
        let text = v
            .get("text")
            .or_else(|| v.get("data"))
            .and_then(Value::as_str)
            .ok_or_else(|| DatasetError::malformed(&origin, "no \"text\""))?;
        let map = CharMap::new(text);
        let conv = |x: &Value| x.as_u64().and_then(|o| to_code_points(text, &map, utf16, o as usize));
        let meta = v.as_object().map_or_else(ArticleMeta::default, |o| {
            super::dataset::meta_from_json(
                o,
                &[
                    "text",
                    "data",
                    "label",
                    "entities",
                    "relations",
                    "id",
                    "article_id",
                    "annotator",
                    "comments",
                    "Comments",
                ],
            )
        });
        let mut doc = Doc { meta, text: text.to_string(), origin: origin.clone(), ..Default::default() };
        if doc.meta.title.is_empty() {
            doc.meta.title = crate::text::ellipsize(text.trim(), 60);
        }
        let annotator = v.get("annotator").and_then(Value::as_str).map(str::to_string);
        if let Some(labels) = v.get("label").and_then(Value::as_array) {
            for (k, l) in labels.iter().enumerate() {
                let parts = l.as_array().filter(|p| p.len() >= 3);
                let (Some(s), Some(e), Some(label)) = (
                    parts.and_then(|p| conv(&p[0])),
                    parts.and_then(|p| conv(&p[1])),
                    parts.and_then(|p| p[2].as_str()),
                ) else {
                    data.warnings
                        .push(format!("{origin}: label {k} is not [start, end, \"label\"] inside the text; skipped"));
                    continue;
                };
                doc.spans.push(DSpan {
                    key: format!("l{k}"),
                    fragments: vec![Fragment::new(s, e)],
                    label: label.to_string(),
                    annotator: annotator.clone(),
                    ..Default::default()
                });
            }
        }
        if let Some(entities) = v.get("entities").and_then(Value::as_array) {
            for (k, e) in entities.iter().enumerate() {
                let key = e.get("id").map_or(format!("e{k}"), |id| id.to_string());
                let (Some(s), Some(end), Some(label)) = (
                    e.get("start_offset").and_then(conv),
                    e.get("end_offset").and_then(conv),
                    e.get("label").and_then(Value::as_str),
                ) else {
                    data.warnings
                        .push(format!("{origin}: entity {key} has no valid start_offset/end_offset/label; skipped"));
                    continue;
                };
                doc.spans.push(DSpan {
                    key,
                    fragments: vec![Fragment::new(s, end)],
                    label: label.to_string(),
                    annotator: annotator.clone(),
                    ..Default::default()
                });
            }
        }
        if let Some(relations) = v.get("relations").and_then(Value::as_array) {
            for r in relations {
                let (Some(from), Some(to)) = (r.get("from_id"), r.get("to_id")) else {
                    data.warnings.push(format!("{origin}: a relation has no from_id/to_id; skipped"));
                    continue;
                };
                let kind = r.get("type").and_then(Value::as_str).unwrap_or("related").to_string();
                doc.relations.push(DRelation {
                    from: from.to_string(),
                    to: to.to_string(),
                    kind,
                    annotator: annotator.clone(),
                    ..Default::default()
                });
            }
        }
        data.docs.push(doc);
    }
    Ok(data)
}
