//! brat standoff: per article a `.txt` written byte for byte (so offsets count what is there,
//! CR included) and an `.ann` with `T` (`;` between fragments), `R`, `A`, `N` and `#` lines;
//! one `annotation.conf` for the folder. Fragments never cross a line break (brat's own rule):
//! a span over several lines is written as one fragment per line.

use super::{ExportError, Report, View, safe_file_name, write_file};
use crate::model::{Fragment, LabelId, RelTypeId};
use crate::text::CharMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A brat type name: no spaces or punctuation brat's config parser would trip on.
pub fn type_name(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if s.is_empty() { "_".into() } else { s }
}

/// Unique brat names for labels and relation types.
pub struct Names {
    pub labels: HashMap<LabelId, String>,
    pub types: HashMap<RelTypeId, String>,
}

impl Names {
    pub fn new(view: &View) -> Names {
        let mut used = BTreeSet::new();
        let mut unique = |name: &str, id: u64| {
            let mut n = type_name(name);
            if !used.insert(n.clone()) {
                n = format!("{n}_{id}");
                used.insert(n.clone());
            }
            n
        };
        let labels = view.project.schema.labels.iter().map(|l| (l.id, unique(&l.name, l.id.0))).collect();
        let types = view.project.schema.relation_types.iter().map(|t| (t.id, unique(&t.name, t.id.0))).collect();
        Names { labels, types }
    }
}

/// Splits fragments at line breaks, leaving the breaks out.
pub fn split_at_breaks(text: &str, map: &CharMap, fragments: &[Fragment]) -> Vec<Fragment> {
    let mut out = Vec::new();
    for f in fragments {
        let Some(slice) = map.slice(text, f.start, f.end) else { continue };
        let mut start = f.start;
        let mut pos = f.start;
        for c in slice.chars() {
            if c == '\n' || c == '\r' {
                if pos > start {
                    out.push(Fragment::new(start, pos));
                }
                start = pos + 1;
            }
            pos += 1;
        }
        if pos > start {
            out.push(Fragment::new(start, pos));
        }
    }
    out
}

/// Notes and values on one line.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
}

pub fn write(view: &View, dir: &Path, report: &mut Report) -> Result<(), ExportError> {
    let names = Names::new(view);
    let mut attributes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, av) in view.articles.iter().enumerate() {
        view.tick()?;
        let a = av.article;
        let map = CharMap::new(&a.text);
        let stem = safe_file_name(i, &a.title);
        write_file(&dir.join(format!("{stem}.txt")), a.text.as_bytes(), report)?;
        let mut ann = String::new();
        let mut t_of = HashMap::new();
        let (mut n_attr, mut n_norm, mut n_note) = (0, 0, 0);
        for (k, s) in av.spans.iter().enumerate() {
            let t = format!("T{}", k + 1);
            t_of.insert(s.id, t.clone());
            let frags = split_at_breaks(&a.text, &map, &s.fragments);
            if frags.len() != s.fragments.len() {
                report.warnings.push(format!(
                    "{} {}: span over a line break written as {} fragments",
                    a.id,
                    s.id,
                    frags.len()
                ));
            }
            let offsets: Vec<String> = frags.iter().map(|f| format!("{} {}", f.start, f.end)).collect();
            let text: Vec<&str> = frags.iter().filter_map(|f| map.slice(&a.text, f.start, f.end)).collect();
            ann.push_str(&format!("{t}\t{} {}\t{}\n", names.labels[&s.label], offsets.join(";"), text.join(" ")));
            for (key, value) in &s.attributes {
                n_attr += 1;
                let key = type_name(key);
                let value = type_name(value);
                attributes.entry(key.clone()).or_default().insert(value.clone());
                ann.push_str(&format!("A{n_attr}\t{key} {t} {value}\n"));
            }
            if let Some(e) = s.entity.and_then(|e| view.project.entity(e)) {
                n_norm += 1;
                let reference =
                    e.external_id.as_deref().map(normalise_ref).unwrap_or_else(|| format!("Glose:{}", e.id));
                ann.push_str(&format!("N{n_norm}\tReference {t} {reference}\t{}\n", one_line(&e.name)));
            }
            if !s.note.is_empty() {
                n_note += 1;
                ann.push_str(&format!("#{n_note}\tAnnotatorNotes {t}\t{}\n", one_line(&s.note)));
            }
        }
        for (k, r) in av.relations.iter().enumerate() {
            let (Some(from), Some(to)) = (t_of.get(&r.from), t_of.get(&r.to)) else { continue };
            let rid = format!("R{}", k + 1);
            ann.push_str(&format!("{rid}\t{} Arg1:{from} Arg2:{to}\n", names.types[&r.kind]));
            if !r.note.is_empty() {
                n_note += 1;
                ann.push_str(&format!("#{n_note}\tAnnotatorNotes {rid}\t{}\n", one_line(&r.note)));
            }
        }
        write_file(&dir.join(format!("{stem}.ann")), ann.as_bytes(), report)?;
    }
    let conf = annotation_conf(view, &names, &attributes);
    write_file(&dir.join("annotation.conf"), conf.as_bytes(), report)
}

/// "wikidata:Q7747" → "Wikidata:Q7747": brat's `DB:ID` with the DB named as in tools.conf.
fn normalise_ref(ext: &str) -> String {
    match ext.split_once(':') {
        Some((db, id)) if !db.is_empty() && !id.is_empty() => {
            let mut db = type_name(db);
            if let Some(first) = db.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            format!("{db}:{}", id.split_whitespace().collect::<String>())
        }
        _ => format!("Glose:{}", ext.split_whitespace().collect::<String>()),
    }
}

/// Labels nested by their parents (brat reads hierarchy from indentation), relation types
/// with the labels their ends allow, and the attributes seen.
fn annotation_conf(view: &View, names: &Names, attributes: &BTreeMap<String, BTreeSet<String>>) -> String {
    let schema = &view.project.schema;
    let mut conf = String::from("# Written by Glose\n[entities]\n");
    fn walk(conf: &mut String, schema: &crate::model::Schema, names: &Names, parent: Option<LabelId>, depth: usize) {
        for l in schema.labels.iter().filter(|l| l.parent == parent && (depth < 16)) {
            conf.push_str(&"\t".repeat(depth));
            conf.push_str(&names.labels[&l.id]);
            conf.push('\n');
            walk(conf, schema, names, Some(l.id), depth + 1);
        }
    }
    walk(&mut conf, schema, names, None, 0);
    // Labels whose parent is missing still need declaring.
    for l in schema.labels.iter().filter(|l| l.parent.is_some_and(|p| schema.label(p).is_none())) {
        conf.push_str(&names.labels[&l.id]);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n");
    for t in &schema.relation_types {
        let ends = |ls: &[LabelId]| {
            if ls.is_empty() {
                "<ENTITY>".to_string()
            } else {
                ls.iter().map(|l| names.labels[l].clone()).collect::<Vec<_>>().join("|")
            }
        };
        conf.push_str(&format!("{}\tArg1:{}, Arg2:{}\n", names.types[&t.id], ends(&t.from_labels), ends(&t.to_labels)));
    }
    conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    conf.push_str("\n[events]\n\n[attributes]\n");
    for (key, values) in attributes {
        let vals: Vec<&str> = values.iter().map(String::as_str).collect();
        conf.push_str(&format!("{key}\tArg:<ENTITY>, Value:{}\n", vals.join("|")));
    }
    conf
}
