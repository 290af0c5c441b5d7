//! Label Studio JSON: a list of tasks (`data.text`, `annotations[].result[]`). Regions with
//! `labels` become spans (one per annotation, its annotator from `created_username` or
//! `completed_by`), per-region text areas named actor, note or attributes fill them in, and
//! `relation` results become relations. Offsets are code points; a region whose `text` only
//! matches when counted in UTF-16 units is read that way, with a warning.

use super::DatasetError;
use super::dataset::{DRelation, DSpan, Dataset, Doc};
use crate::model::{ArticleMeta, Fragment};
use crate::text::CharMap;
use serde_json::Value;
use std::collections::HashMap;

fn annotator_of(a: &Value) -> Option<String> {
    if let Some(u) = a.get("created_username").and_then(Value::as_str).filter(|s| !s.trim().is_empty()) {
        return Some(u.trim().to_string());
    }
    match a.get("completed_by") {
        Some(Value::Object(o)) => o.get("email").and_then(Value::as_str).map(str::to_string),
        Some(Value::Number(n)) => Some(format!("user {n}")),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

pub fn parse(json: &str, name: &str) -> Result<Dataset, DatasetError> {
    let v: Value = serde_json::from_str(json).map_err(|e| DatasetError::Json {
        file: name.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let tasks = match v {
        Value::Array(a) => a,
        obj @ Value::Object(_) => vec![obj],
        _ => return Err(DatasetError::malformed(name, "expected a list of tasks")),
    };
    let mut data = Dataset::default();
    for (ti, task) in tasks.iter().enumerate() {
        let origin = format!("{name} task {}", task.get("id").map_or((ti + 1).to_string(), |i| i.to_string()));
        let d = task.get("data").ok_or_else(|| DatasetError::malformed(&origin, "no \"data\""))?;
        let text = d
            .get("text")
            .and_then(Value::as_str)
            .or_else(|| d.as_object().and_then(|o| o.values().find_map(Value::as_str)))
            .ok_or_else(|| DatasetError::malformed(&origin, "no text in \"data\""))?;
        let meta = d
            .as_object()
            .map_or_else(ArticleMeta::default, |o| super::dataset::meta_from_json(o, &["text", "article_id", "id"]));
        let mut doc = Doc { meta, text: text.to_string(), origin: origin.clone(), ..Default::default() };
        if doc.meta.title.is_empty() {
            doc.meta.title = crate::text::ellipsize(text.trim(), 60);
        }
        let map = CharMap::new(text);
        let annotations = task.get("annotations").or_else(|| task.get("completions")).and_then(Value::as_array);
        for (ai, ann) in annotations.into_iter().flatten().enumerate() {
            let who = annotator_of(ann);
            let results = ann.get("result").and_then(Value::as_array).cloned().unwrap_or_default();
            // Region id → index in doc.spans (per annotation: ids are local to it).
            let mut regions: HashMap<String, usize> = HashMap::new();
            for r in results.iter().filter(|r| r.get("value").and_then(|v| v.get("labels")).is_some()) {
                let id = r.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
                let val = &r["value"];
                let (Some(s), Some(e)) =
                    (val.get("start").and_then(Value::as_u64), val.get("end").and_then(Value::as_u64))
                else {
                    data.warnings.push(format!("{origin}: region {id} has no start/end; skipped"));
                    continue;
                };
                let (mut s, mut e) = (s as usize, e as usize);
                let expected = val.get("text").and_then(Value::as_str);
                if let Some(exp) = expected
                    && map.slice(text, s, e) != Some(exp)
                {
                    match (map.char_of_utf16(text, s), map.char_of_utf16(text, e)) {
                        (Some(a), Some(b)) if map.slice(text, a, b) == Some(exp) => {
                            data.warnings.push(format!("{origin}: region {id} counted in UTF-16 units; converted"));
                            (s, e) = (a, b);
                        }
                        _ => data
                            .warnings
                            .push(format!("{origin}: region {id}: text {exp:?} is not what its offsets cover")),
                    }
                }
                let label = val["labels"]
                    .as_array()
                    .and_then(|l| l.first())
                    .and_then(Value::as_str)
                    .unwrap_or("Label")
                    .to_string();
                // A second fragment of a span written by Glose: "s24-2" continues "s24".
                if let Some((base, _)) = id.rsplit_once('-')
                    && let Some(&k) = regions.get(base)
                {
                    doc.spans[k].fragments.push(Fragment::new(s, e));
                    continue;
                }
                regions.insert(id.clone(), doc.spans.len());
                doc.spans.push(DSpan {
                    key: format!("{ai}:{id}"),
                    fragments: vec![Fragment::new(s, e)],
                    label,
                    annotator: who.clone(),
                    ..Default::default()
                });
            }
            for r in &results {
                let kind = r.get("type").and_then(Value::as_str).unwrap_or_default();
                if kind == "textarea" {
                    let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
                    let Some(&k) = regions.get(id) else { continue };
                    let lines: Vec<String> = r["value"]["text"]
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
                        .unwrap_or_default();
                    match r.get("from_name").and_then(Value::as_str).unwrap_or_default() {
                        "actor" => doc.spans[k].entity = lines.first().cloned().filter(|s| !s.trim().is_empty()),
                        "attributes" => {
                            for l in lines {
                                if let Some((key, val)) = l.split_once('=') {
                                    doc.spans[k].attributes.insert(key.trim().to_string(), val.trim().to_string());
                                }
                            }
                        }
                        _ => doc.spans[k].note = lines.join("\n"),
                    }
                } else if kind == "relation" {
                    let (Some(f), Some(t)) =
                        (r.get("from_id").and_then(Value::as_str), r.get("to_id").and_then(Value::as_str))
                    else {
                        continue;
                    };
                    let label = r
                        .get("labels")
                        .and_then(Value::as_array)
                        .and_then(|l| l.first())
                        .and_then(Value::as_str)
                        .unwrap_or("related");
                    let (f, t) =
                        if r.get("direction").and_then(Value::as_str) == Some("left") { (t, f) } else { (f, t) };
                    doc.relations.push(DRelation {
                        from: format!("{ai}:{f}"),
                        to: format!("{ai}:{t}"),
                        kind: label.to_string(),
                        annotator: who.clone(),
                        ..Default::default()
                    });
                }
            }
        }
        data.docs.push(doc);
    }
    Ok(data)
}
