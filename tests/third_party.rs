//! Real files nobody on this project wrote (tests/fixtures, with their licences): brat's own
//! tutorial documents, doccano's example exports, and re3d's State Department news with
//! `AlliesOf` relations.

use glose::export::{self, Format, Options};
use glose::import::{self, DatasetFormat};
use glose::model::Project;
use serde_json::{Value, json};
use std::path::PathBuf;

fn import(format: DatasetFormat, inputs: &[PathBuf], utf16: bool) -> (Project, import::dataset::Plan) {
    let data = import::read_dataset(format, inputs, utf16).unwrap();
    let mut p = Project::new("third party");
    let mut plan = import::dataset::plan(&mut p, data, None, "tester");
    plan.command.take().unwrap().apply(&mut p).unwrap();
    let problems = glose::model::validate(&p);
    assert!(problems.is_empty(), "{problems:?}");
    (p, plan)
}

#[test]
fn brat_tutorial_documents_come_in_with_relations_equivalences_events_and_notes() {
    let (p, plan) = import(DatasetFormat::Brat, &[PathBuf::from("tests/fixtures/brat-news")], false);
    assert_eq!(p.articles.len(), 5);
    // annotation.conf declared the labels, nested: Person under... whatever brat says.
    assert!(plan.new_labels.iter().any(|l| l == "Organization"));
    let rel = p.articles.iter().find(|a| a.title.contains("relation")).unwrap();
    let name = |id| rel.span(id).unwrap().quote.clone();
    // "*	Alias T3 T4 T5" → two symmetric links between the three names.
    let aliases: Vec<(String, String)> = rel
        .relations
        .iter()
        .filter(|r| p.schema.relation_type_name(r.kind) == "Alias")
        .map(|r| (name(r.from), name(r.to)))
        .collect();
    assert!(aliases.contains(&("Joanne Rowling".into(), "Jo Rowling".into())), "{aliases:?}");
    assert!(aliases.contains(&("Jo Rowling".into(), "J. K. Rowling".into())));
    let located: Vec<(String, String)> = rel
        .relations
        .iter()
        .filter(|r| p.schema.relation_type_name(r.kind) == "Located")
        .map(|r| (name(r.from), name(r.to)))
        .collect();
    assert!(located.contains(&("Terry Pratchett".into(), "England".into())));
    // Events: the trigger is a span, each argument a relation from it, event arguments go
    // to the other event's trigger.
    let ev = p.articles.iter().find(|a| a.title.contains("event")).unwrap();
    let roles: Vec<&str> = ev.relations.iter().map(|r| p.schema.relation_type_name(r.kind)).collect();
    assert!(roles.contains(&"Org-Arg") && roles.contains(&"Reporter-Arg") && roles.contains(&"Event-Arg"), "{roles:?}");
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    // Every span's stored quote is what brat's offsets cover.
    for a in &p.articles {
        for s in &a.spans {
            assert_eq!(a.quote_of(&s.fragments).unwrap(), s.quote);
        }
    }
    // Attributes and notes.
    assert!(p.all_spans().any(|(_, s)| s.attributes.contains_key("Confidence")));
    assert!(p.all_spans().any(|(_, s)| !s.note.is_empty()));
}

#[test]
fn doccano_examples_in_both_forms() {
    let (p, _) = import(
        DatasetFormat::Doccano,
        &[
            PathBuf::from("tests/fixtures/doccano/seq_export_example.jsonl"),
            PathBuf::from("tests/fixtures/doccano/rel_import_example.jsonl"),
        ],
        true,
    );
    let quotes: Vec<(String, String)> =
        p.all_spans().map(|(_, s)| (p.schema.label_name(s.label).to_string(), s.quote.clone())).collect();
    assert!(quotes.contains(&("ORG".into(), "EU".into())));
    assert!(quotes.contains(&("PERSON".into(), "Obama".into())));
    assert!(quotes.contains(&("DATE".into(), "September 4, 1998".into())));
    let google = p.articles.iter().find(|a| a.text.starts_with("Google")).unwrap();
    let rels: Vec<(&str, String, String)> = google
        .relations
        .iter()
        .map(|r| {
            (
                p.schema.relation_type_name(r.kind),
                google.span(r.from).unwrap().quote.clone(),
                google.span(r.to).unwrap().quote.clone(),
            )
        })
        .collect();
    assert!(rels.contains(&("foundedBy", "Google".into(), "Larry Page".into())));
    assert!(rels.contains(&("foundedAt", "Google".into(), "September 4, 1998".into())));
}

/// re3d's three JSON-lines files as one doccano relation-form JSONL (code points).
fn re3d_as_doccano() -> String {
    let read = |name: &str| -> Vec<Value> {
        std::fs::read_to_string(format!("tests/fixtures/re3d/{name}.json"))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (docs, entities, relations) = (read("documents"), read("entities"), read("relations"));
    let mut out = String::new();
    for d in &docs {
        let id = d["_id"].as_str().unwrap();
        let ents: Vec<&Value> = entities.iter().filter(|e| e["documentId"] == id).collect();
        let key = |b: &Value, e: &Value| format!("{}-{}", b, e);
        let ent_json: Vec<Value> = ents
            .iter()
            .map(|e| json!({"id": key(&e["begin"], &e["end"]), "start_offset": e["begin"], "end_offset": e["end"], "label": e["type"]}))
            .collect();
        let rel_json: Vec<Value> = relations
            .iter()
            .filter(|r| r["documentId"] == id)
            .map(|r| json!({"from_id": key(&r["sourceBegin"], &r["sourceEnd"]), "to_id": key(&r["targetBegin"], &r["targetEnd"]), "type": r["type"]}))
            .collect();
        let line = json!({"text": d["text"], "title": d["title"], "source": d["sourceName"], "url": d["sourceUrl"], "entities": ent_json, "relations": rel_json});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn re3d_news_with_allies_of_relations_round_trips_through_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("re3d.jsonl");
    std::fs::write(&jsonl, re3d_as_doccano()).unwrap();
    let (p, plan) = import(DatasetFormat::Doccano, &[jsonl], false);
    assert_eq!(p.articles.len(), 22);
    // re3d's offsets are code points: every entity's text is what they cover.
    let entities: Vec<Value> = std::fs::read_to_string("tests/fixtures/re3d/entities.json")
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quotes: std::collections::HashSet<String> = p.all_spans().map(|(_, s)| s.quote.clone()).collect();
    for e in &entities {
        assert!(quotes.contains(e["value"].as_str().unwrap()), "{e}");
    }
    let allies: Vec<(String, String)> = p
        .articles
        .iter()
        .flat_map(|a| {
            a.relations
                .iter()
                .filter(|r| p.schema.relation_type_name(r.kind) == "AlliesOf")
                .map(|r| (a.span(r.from).unwrap().quote.clone(), a.span(r.to).unwrap().quote.clone()))
        })
        .collect();
    assert_eq!(allies.len(), 5, "{allies:?} / warnings {:?}", plan.warnings);
    // Out through brat and Label Studio and back: the same alliances.
    for (format, back) in [(Format::Brat, DatasetFormat::Brat), (Format::LabelStudio, DatasetFormat::LabelStudio)] {
        let out = if format.is_folder() { dir.path().join("brat") } else { dir.path().join("ls.json") };
        export::export(&p, format, &Options::default(), &out).unwrap();
        let (q, _) = import(back, &[out], false);
        let again: Vec<(String, String)> = q
            .articles
            .iter()
            .flat_map(|a| {
                a.relations
                    .iter()
                    .filter(|r| q.schema.relation_type_name(r.kind) == "AlliesOf")
                    .map(|r| (a.span(r.from).unwrap().quote.clone(), a.span(r.to).unwrap().quote.clone()))
            })
            .collect();
        assert_eq!(again, allies, "{format:?}");
    }
}
