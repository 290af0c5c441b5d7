//! Counts for `glose stats`: articles, spans per label, relations per type, entities, annotators.

use crate::model::Project;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Serialize, PartialEq)]
pub struct Stats {
    pub name: String,
    pub articles: usize,
    pub characters: usize,
    pub languages: BTreeMap<String, usize>,
    pub spans: usize,
    /// Label name → number of spans, in schema order (then unknown labels).
    pub spans_per_label: Vec<(String, usize)>,
    pub relations: usize,
    pub relations_per_type: Vec<(String, usize)>,
    pub entities: usize,
    /// Spans linked to a canonical entity.
    pub linked_spans: usize,
    /// Annotator → (spans, relations).
    pub annotators: BTreeMap<String, (usize, usize)>,
}

pub fn stats(p: &Project) -> Stats {
    let mut per_label: BTreeMap<u64, usize> = BTreeMap::new();
    let mut per_type: BTreeMap<u64, usize> = BTreeMap::new();
    let mut languages = BTreeMap::new();
    let mut annotators: BTreeMap<String, (usize, usize)> = p.annotators.iter().map(|a| (a.clone(), (0, 0))).collect();
    let (mut spans, mut relations, mut linked, mut characters) = (0, 0, 0, 0);
    for a in &p.articles {
        characters += a.text.chars().count();
        let lang = if a.language.is_empty() { "?".to_string() } else { a.language.clone() };
        *languages.entry(lang).or_insert(0) += 1;
        for s in &a.spans {
            spans += 1;
            *per_label.entry(s.label.0).or_insert(0) += 1;
            linked += usize::from(s.entity.is_some());
            annotators.entry(display_annotator(&s.annotator)).or_default().0 += 1;
        }
        for r in &a.relations {
            relations += 1;
            *per_type.entry(r.kind.0).or_insert(0) += 1;
            annotators.entry(display_annotator(&r.annotator)).or_default().1 += 1;
        }
    }
    let mut spans_per_label: Vec<(String, usize)> =
        p.schema.labels.iter().map(|l| (l.name.clone(), per_label.remove(&l.id.0).unwrap_or(0))).collect();
    spans_per_label.extend(per_label.into_iter().map(|(id, n)| (format!("(missing label l{id})"), n)));
    let mut relations_per_type: Vec<(String, usize)> =
        p.schema.relation_types.iter().map(|t| (t.name.clone(), per_type.remove(&t.id.0).unwrap_or(0))).collect();
    relations_per_type.extend(per_type.into_iter().map(|(id, n)| (format!("(missing type t{id})"), n)));
    Stats {
        name: p.name.clone(),
        articles: p.articles.len(),
        characters,
        languages,
        spans,
        spans_per_label,
        relations,
        relations_per_type,
        entities: p.entities.len(),
        linked_spans: linked,
        annotators,
    }
}

fn display_annotator(a: &str) -> String {
    if a.is_empty() { "(unnamed)".into() } else { a.to_string() }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.name.is_empty() {
            writeln!(f, "project    {}", self.name)?;
        }
        let langs: Vec<String> = self.languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
        writeln!(f, "articles   {} ({} characters; {})", self.articles, self.characters, langs.join(", "))?;
        writeln!(f, "spans      {}", self.spans)?;
        for (name, n) in &self.spans_per_label {
            writeln!(f, "  {name:<20} {n:>7}")?;
        }
        writeln!(f, "relations  {}", self.relations)?;
        for (name, n) in &self.relations_per_type {
            writeln!(f, "  {name:<20} {n:>7}")?;
        }
        writeln!(f, "actors     {} ({} spans linked to one)", self.entities, self.linked_spans)?;
        writeln!(f, "annotators {}", self.annotators.len())?;
        for (name, (s, r)) in &self.annotators {
            writeln!(f, "  {name:<20} {s:>7} spans {r:>7} relations")?;
        }
        Ok(())
    }
}
