//! Label Studio JSON tasks (`data.text`, `annotations[].result[]`, one annotation per
//! annotator) and the labelling config that reads them. Offsets are code points; each region
//! carries the exact `text` it covers. The linked actor, note and attributes travel as
//! per-region text areas, relations as `relation` results.

use super::{ExportError, Report, View, io_err, write_file};
use crate::model::Span;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Region ids: `s24` for the span, `s24-2` for its second fragment.
fn region_id(s: &Span, k: usize) -> String {
    if k == 0 { s.id.to_string() } else { format!("{}-{}", s.id, k + 1) }
}

#[derive(Serialize)]
struct RegionValue<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

#[derive(Serialize)]
struct AreaValue {
    start: usize,
    end: usize,
    text: Vec<String>,
}

/// One item of an annotation's `result`.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Region(Region<RegionValue<'a>>),
    Area(Region<AreaValue>),
    Relation {
        from_id: String,
        to_id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        direction: &'static str,
        labels: [&'a str; 1],
    },
}

/// A result on a stretch of the text: labels, or a text area (note, attributes).
#[derive(Serialize)]
struct Region<V> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    value: V,
}

impl<V> Region<V> {
    fn new(id: String, from_name: &'static str, kind: &'static str, value: V) -> Self {
        Region { id, from_name, to_name: "text", kind, origin: "manual", value }
    }
}

fn area(name: &'static str, id: &str, start: usize, end: usize, text: Vec<String>) -> Item<'static> {
    Item::Area(Region::new(id.to_string(), name, "textarea", AreaValue { start, end, text }))
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: usize,
    created_username: &'a str,
    ground_truth: bool,
    result: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Task<'a> {
    id: usize,
    data: BTreeMap<std::borrow::Cow<'a, str>, &'a str>,
    annotations: Vec<Annotation<'a>>,
}

pub fn write(view: &View, out: &Path, report: &mut Report) -> Result<(), ExportError> {
    let file = std::fs::File::create(out).map_err(io_err(out))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let pretty = view.span_count() < super::PRETTY_LIMIT;
    w.write_all(b"[\n").map_err(io_err(out))?;
    for (i, av) in view.articles.iter().enumerate() {
        view.tick()?;
        let a = av.article;
        let map = crate::text::CharMap::new(&a.text);
        let mut by_annotator: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
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
                let label = view.project.schema.label_name(s.label);
                if k == 0 {
                    if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                        results.push(area("actor", &id, f.start, f.end, vec![e.name.clone()]));
                    }
                    if !s.note.is_empty() {
                        results.push(area("note", &id, f.start, f.end, vec![s.note.clone()]));
                    }
                    if !s.attributes.is_empty() {
                        let lines = s.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
                        results.push(area("attributes", &id, f.start, f.end, lines));
                    }
                }
                let value = RegionValue { start: f.start, end: f.end, text, labels: [label] };
                results.push(Item::Region(Region::new(id, "label", "labels", value)));
            }
        }
        for r in &av.relations {
            let symmetric = view.project.schema.relation_type(r.kind).is_some_and(|t| t.symmetric);
            by_annotator.entry(r.annotator.as_str()).or_default().push(Item::Relation {
                from_id: r.from.to_string(),
                to_id: r.to.to_string(),
                kind: "relation",
                direction: if symmetric { "bi" } else { "right" },
                labels: [view.project.schema.relation_type_name(r.kind)],
            });
        }
        let annotations = by_annotator
            .into_iter()
            .enumerate()
            .map(|(k, (who, result))| Annotation {
                id: i * 100 + k + 1,
                created_username: who,
                ground_truth: false,
                result,
            })
            .collect();
        let id_string = a.id.to_string();
        let mut data: BTreeMap<std::borrow::Cow<'_, str>, &str> = BTreeMap::new();
        data.insert("text".into(), &a.text);
        data.insert("article_id".into(), &id_string);
        data.extend(super::article_details(a));
        let task = Task { id: i + 1, data, annotations };
        if i > 0 {
            w.write_all(b",\n").map_err(io_err(out))?;
        }
        let res =
            if pretty { serde_json::to_writer_pretty(&mut w, &task) } else { serde_json::to_writer(&mut w, &task) };
        res.map_err(|e| ExportError::Invalid(format!("{}: {e}", out.display())))?;
    }
    w.write_all(b"\n]\n").and_then(|()| w.flush()).map_err(io_err(out))?;
    report.files.push(out.to_path_buf());
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
