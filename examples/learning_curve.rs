//! The recommenders' learning curve on re3d's State Department news (issue 16): the first
//! 10 %, 25 % or 50 % of the 22 documents annotated, the last half as plain text, suggestions
//! scored by exact match against the last half's held-back annotations.
//!
//! `cargo run --release --example learning_curve [-- --dump DIR] [--min-score X] [--self-evaluation]`;
//! with `--dump`, each split's tokens and tags are written for `scripts/crf_baseline.py`
//! (python-crfsuite on the same split); `--min-score` replaces the default threshold;
//! `--self-evaluation` prints each recommender's held-out scores per label.

use glose::model::{Article, ArticleId, Fragment, Label, LabelId, Project, Span, SpanId};
use glose::suggest::{Counts, Keep, Recommenders, Source, score};
use serde_json::Value;
use std::collections::BTreeMap;

const DATA: &str = "tests/fixtures/re3d";
const FRACTIONS: [(f64, &str); 3] = [(0.10, "10 %"), (0.25, "25 %"), (0.50, "50 %")];

fn lines(name: &str) -> Vec<Value> {
    let text =
        std::fs::read_to_string(format!("{DATA}/{name}.json")).unwrap_or_else(|e| panic!("{DATA}/{name}.json: {e}"));
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// re3d's documents as articles with their entities as spans (offsets are code points).
fn corpus() -> (Project, Vec<Article>) {
    let mut p = Project::new("re3d");
    p.schema.labels.clear();
    p.schema.relation_types.clear();
    let entities = lines("entities");
    let mut labels: BTreeMap<String, LabelId> = BTreeMap::new();
    for e in &entities {
        let kind = e["type"].as_str().unwrap_or("?").to_string();
        if let std::collections::btree_map::Entry::Vacant(slot) = labels.entry(kind.clone()) {
            let id = LabelId(p.alloc_id());
            p.schema.labels.push(Label { id, name: kind, ..Default::default() });
            slot.insert(id);
        }
    }
    let mut articles = Vec::new();
    for d in lines("documents") {
        let doc = d["_id"].as_str().unwrap_or_default();
        let text = d["text"].as_str().unwrap_or_default().to_string();
        let mut a = Article {
            id: ArticleId(p.alloc_id()),
            title: d["title"].as_str().unwrap_or_default().into(),
            ..Default::default()
        };
        for e in entities.iter().filter(|e| e["documentId"] == doc) {
            let (start, end) = (e["begin"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            let quote = glose::text::slice_chars(&text, start, end).unwrap_or_default().to_string();
            a.spans.push(Span {
                id: SpanId(p.alloc_id()),
                fragments: vec![Fragment::new(start, end)],
                label: labels[e["type"].as_str().unwrap_or("?")],
                annotator: "re3d".into(),
                quote,
                ..Default::default()
            });
        }
        a.text = text;
        articles.push(a);
    }
    (p, articles)
}

fn gold(a: &Article) -> Vec<(usize, usize, LabelId)> {
    a.spans.iter().map(|s| (s.start(), s.end(), s.label)).collect()
}

fn main() {
    let option = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let dump = option("--dump");
    let min_score: Option<f32> = option("--min-score").map(|m| m.parse().expect("--min-score: a number"));
    let self_evaluation = std::env::args().any(|a| a == "--self-evaluation");
    let (base, docs) = corpus();
    let half = docs.len() / 2;
    let test = &docs[half..];
    println!(
        "re3d State Department: {} documents, {} spans; test: the last {} ({} spans)",
        docs.len(),
        docs.iter().map(|a| a.spans.len()).sum::<usize>(),
        test.len(),
        test.iter().map(|a| a.spans.len()).sum::<usize>()
    );
    println!(
        "| annotated | documents (spans) | string matcher P / R / F1 | tagger alone | all recommenders P / R / F1 |"
    );
    println!("|---|---|---|---|---|");
    for (fraction, name) in FRACTIONS {
        let n = ((docs.len() as f64 * fraction).round() as usize).clamp(1, half);
        let mut p = base.clone();
        if let Some(min) = min_score {
            p.suggestions.min_score = min;
        }
        p.articles = docs[..n].iter().cloned().map(Into::into).collect();
        p.articles.extend(test.iter().map(|a| Article { spans: Vec::new(), ..a.clone() }.into()));
        let runs = [
            ("string", Recommenders::train(&p).only(&[Source::String])),
            ("tagger", Recommenders::train(&p).only(&[Source::Tagger])),
            ("all", Recommenders::train(&p)),
        ];
        if self_evaluation {
            for ((src, l), c) in &runs[2].1.evaluation.per_label {
                eprintln!(
                    "{name} {} {}: P {:.2} R {:.2} F1 {:.2} n={}",
                    src.name(),
                    base.schema.label_name(*l),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.true_positives + c.false_positives
                );
            }
        }
        let mut cells = Vec::new();
        let mut per_label = BTreeMap::new();
        for (which, r) in &runs {
            let mut counts: BTreeMap<LabelId, Counts> = BTreeMap::new();
            for (a, truth) in p.articles[n..].iter().zip(test) {
                let proposed: Vec<_> =
                    r.suggest(&p, a, Keep::ClearOfSameLabel).iter().map(|s| (s.start, s.end, s.label)).collect();
                score(&proposed, &gold(truth), &mut counts);
            }
            let mut all = Counts::default();
            counts.values().for_each(|c| all.add(*c));
            cells.push(format!("{:.2} / {:.2} / **{:.2}**", all.precision(), all.recall(), all.f1()));
            if *which == "all" {
                per_label = counts;
            }
        }
        let spans: usize = docs[..n].iter().map(|a| a.spans.len()).sum();
        println!("| {name} | {n} ({spans}) | {} | {} | {} |", cells[0], cells[1], cells[2]);
        if fraction == 0.50 {
            for (label, c) in &per_label {
                eprintln!(
                    "  {}: P {:.2} R {:.2} F1 {:.2} ({} gold)",
                    base.schema.label_name(*label),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.true_positives + c.false_negatives
                );
            }
        }
        if let Some(dir) = &dump {
            write_split(dir, name, &p, &docs[..n], test);
        }
    }
}

/// One split for the CRF baseline: sentences of (word, start, end, BIO tag), the longest span
/// first where spans nest (a flat tagger cannot tag both), and every gold span of the test half.
fn write_split(dir: &str, name: &str, p: &Project, train: &[Article], test: &[Article]) {
    let sentences = |a: &Article| -> Vec<Value> {
        let mut spans: Vec<_> = a.spans.iter().map(|s| (s.start(), s.end(), s.label)).collect();
        spans.sort_by_key(|(s, e, _)| (std::cmp::Reverse(e - s), *s));
        let mut flat: Vec<(usize, usize, LabelId)> = Vec::new();
        for s in spans {
            if !flat.iter().any(|f| f.0 < s.1 && s.0 < f.1) {
                flat.push(s);
            }
        }
        glose::text::tokens_cached(&a.text)
            .iter()
            .map(|sentence| {
                Value::Array(sentence.iter().map(|t| {
                    let (start, end) = (t.start as usize, t.end as usize);
                    let tag = match flat.iter().find(|f| f.0 <= start && end <= f.1) {
                        Some(f) if f.0 == start => format!("B-{}", p.schema.label_name(f.2)),
                        Some(f) => format!("I-{}", p.schema.label_name(f.2)),
                        None => "O".into(),
                    };
                    serde_json::json!({"word": &a.text[t.byte_start as usize..t.byte_end as usize], "start": start, "end": end, "tag": tag})
                }).collect())
            })
            .collect()
    };
    let docs = |list: &[Article]| -> Vec<Value> {
        list.iter().map(|a| serde_json::json!({
            "sentences": sentences(a),
            "gold": a.spans.iter().map(|s| serde_json::json!([s.start(), s.end(), p.schema.label_name(s.label)])).collect::<Vec<_>>(),
        })).collect()
    };
    let out = serde_json::json!({"train": docs(train), "test": docs(test)});
    let path = format!("{dir}/split-{}.json", name.trim_end_matches(" %"));
    std::fs::write(&path, out.to_string()).unwrap_or_else(|e| panic!("{path}: {e}"));
}
