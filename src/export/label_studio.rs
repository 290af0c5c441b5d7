//! Label Studio JSON tasks (`data.text`, `annotations[].result[]`, one annotation per
//! annotator) and the labelling config that reads them. Offsets are code points; each region
//! carries the exact `text` it covers. The linked actor, note and attributes travel as
//! per-region text areas, relations as `relation` results.

use super::{ExportError, Report, View, label_name, type_name, write_file};
use crate::model::Span;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Region ids: `s24` for the span, `s24-2` for its second fragment.
fn region_id(s: &Span, k: usize) -> String {
    if k == 0 { s.id.to_string() } else { format!("{}-{}", s.id, k + 1) }
}

fn text_area(name: &str, id: &str, start: usize, end: usize, lines: Vec<String>) -> Value {
    json!({"id": id, "from_name": name, "to_name": "text", "type": "textarea", "origin": "manual",
           "value": {"start": start, "end": end, "text": lines}})
}

pub fn write(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let mut tasks = Vec::new();
    for (i, av) in view.articles.iter().enumerate() {
        view.tick()?;
        let a = av.article;
        let map = crate::text::CharMap::new(&a.text);
        let mut by_annotator: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        for s in &av.spans {
            if s.fragments.len() > 1 {
                report.warnings.push(format!(
                    "{} {}: discontinuous span written as {} regions",
                    a.id,
                    s.id,
                    s.fragments.len()
                ));
            }
            let results = by_annotator.entry(s.annotator.as_str()).or_default();
            for (k, f) in s.fragments.iter().enumerate() {
                let id = region_id(s, k);
                let text = map.slice(&a.text, f.start, f.end).unwrap_or_default();
                results.push(json!({
                    "id": id, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                    "value": {"start": f.start, "end": f.end, "text": text, "labels": [label_name(view, s.label)]},
                }));
                if k > 0 {
                    continue;
                }
                if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                    results.push(text_area("actor", &id, f.start, f.end, vec![e.name.clone()]));
                }
                if !s.note.is_empty() {
                    results.push(text_area("note", &id, f.start, f.end, vec![s.note.clone()]));
                }
                if !s.attributes.is_empty() {
                    let lines = s.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    results.push(text_area("attributes", &id, f.start, f.end, lines));
                }
            }
        }
        for r in &av.relations {
            let symmetric = view.project.schema.relation_type(r.kind).is_some_and(|t| t.symmetric);
            by_annotator.entry(r.annotator.as_str()).or_default().push(json!({
                "from_id": r.from.to_string(), "to_id": r.to.to_string(), "type": "relation",
                "direction": if symmetric { "bi" } else { "right" }, "labels": [type_name(view, r.kind)],
            }));
        }
        let annotations: Vec<Value> = by_annotator
            .into_iter()
            .enumerate()
            .map(|(k, (who, result))| json!({"id": i * 100 + k + 1, "created_username": who, "ground_truth": false, "result": result}))
            .collect();
        let mut data = serde_json::Map::new();
        data.insert("text".into(), json!(a.text));
        data.insert("article_id".into(), json!(a.id.to_string()));
        for (k, v) in [
            ("title", &a.title),
            ("source", &a.source),
            ("url", &a.url),
            ("published", &a.published),
            ("language", &a.language),
        ] {
            if !v.is_empty() {
                data.insert(k.into(), json!(v));
            }
        }
        tasks.push(json!({"id": i + 1, "data": data, "annotations": annotations}));
    }
    super::write_json(out, &Value::Array(tasks), view.span_count() < super::PRETTY_LIMIT, report)?;
    let config = config_xml(view);
    write_file(&config_path(out), config.as_bytes(), report)
}

/// `tasks.json` → `tasks.label_config.xml`.
pub fn config_path(out: &Path) -> std::path::PathBuf {
    let stem = out.file_stem().map_or_else(|| "tasks".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}.label_config.xml"))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// The labelling config: labels with their colours, relation types, and the text areas.
pub fn config_xml(view: &View) -> String {
    let mut x = String::from("<View>\n  <Relations>\n");
    for t in &view.project.schema.relation_types {
        x.push_str(&format!("    <Relation value=\"{}\"/>\n", xml_escape(&t.name)));
    }
    x.push_str("  </Relations>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in &view.project.schema.labels {
        x.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", xml_escape(&l.name), l.color));
    }
    x.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    x.push_str("  <View visibleWhen=\"region-selected\">\n");
    x.push_str("    <Header value=\"Canonical actor\"/>\n    <TextArea name=\"actor\" toName=\"text\" perRegion=\"true\" maxSubmissions=\"1\" editable=\"true\"/>\n");
    x.push_str("    <Header value=\"Note\"/>\n    <TextArea name=\"note\" toName=\"text\" perRegion=\"true\" editable=\"true\"/>\n");
    x.push_str("    <Header value=\"Attributes (key=value)\"/>\n    <TextArea name=\"attributes\" toName=\"text\" perRegion=\"true\" editable=\"true\"/>\n");
    x.push_str("  </View>\n</View>\n");
    x
}
