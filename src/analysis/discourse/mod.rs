//! Discourse networks, as the Discourse Network Analyzer (DNA, Leifeld) computes them.
//!
//! A *statement* is an actor, a concept (a claim, in Glose's words) and a qualifier (agree /
//! disagree, or a scale) in a dated article. [`statements`] builds the table from a project;
//! [`network`] computes DNA's two-mode and one-mode networks from it, with the semantics of
//! DNA's `Exporter` (its defaults, its filtering of empty values and duplicates, its label
//! order and its formulas), optionally in moving time windows.

mod communities;
pub mod day;
mod matrix;
mod network;

pub use communities::communities;
pub use matrix::Matrix;
pub use network::{
    Aggregation, Duplicates, Network, NetworkError, NetworkOptions, NetworkType, Normalization, QualifierKind, Window,
    network,
};

use crate::model::{ArticleId, Project, SpanId};
use std::collections::{BTreeMap, HashMap};

/// The label whose spans are statements when none is named.
pub const DEFAULT_LABEL: &str = "Claim";
/// The kind of a canonical claim (DNA's concept) among the project's canonical entities.
pub const CLAIM_KIND: &str = "claim";
/// The relation type that ties a speaker to what it says.
pub const SAYS: &str = "says";
/// The stance of a statement whose span does not give one: DNA's default for its boolean
/// `agreement` variable (1, agree).
pub const DEFAULT_STANCE: &str = "agree";

/// One row of the statements table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Statement {
    pub article: ArticleId,
    pub span: SpanId,
    /// First code point of the span and one past its last, in the article's text.
    pub start: usize,
    pub end: usize,
    /// That date in seconds since 1970-01-01 (no time zone), when it can be read.
    pub time: Option<i64>,
    pub annotator: std::sync::Arc<str>,
    pub label: std::sync::Arc<str>,
    /// The statement's variables: every attribute of the span, then `actor`, `claim` and
    /// `stance` where the span's attributes do not give them.
    pub values: BTreeMap<String, String>,
    /// The article's fields (`title`, `source`, `author`, `url`, `language`, `id` and its
    /// details): DNA's document-level variables.
    pub document: std::sync::Arc<BTreeMap<String, String>>,
    /// Position of the article in the project: DNA's tie-break after the date.
    pub article_index: usize,
}

impl Statement {
    /// The value of a variable: the statement's own, else the article's ("" when neither has it).
    pub fn get(&self, variable: &str) -> &str {
        self.values.get(variable).or_else(|| self.document.get(variable)).map_or("", String::as_str)
    }

    /// The passage in `project`, whitespace folded ("" when the span is not there).
    pub fn text(&self, project: &Project) -> String {
        project.article(self.article).and_then(|a| a.span(self.span)).map_or(String::new(), |s| fold_spaces(&s.quote))
    }

    /// The article's published date as the article gives it ("" when it has none).
    pub fn date(&self) -> &str {
        self.document.get("date").map_or("", String::as_str)
    }
}

fn fold_spaces(s: &str) -> String {
    let folded = s.trim() == s && !s.contains("  ") && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if folded { s.to_string() } else { s.split_whitespace().collect::<Vec<_>>().join(" ") }
}

/// The statements of a project: one per span of the label named `label` (any case) and per
/// actor that *says* it (one with an empty actor when none does). `actor` is the canonical
/// actor of the speaking span, else its text; `claim` the canonical claim of the span, else its
/// text; `stance` the span's `stance` attribute, else "agree" (the middle of the label's stance
/// scale when it has one). Errors name the labels there are.
pub fn statements(project: &Project, label: &str) -> Result<Vec<Statement>, String> {
    let found = project
        .schema
        .label_by_name(label)
        .or_else(|| project.schema.labels.iter().find(|l| l.name.eq_ignore_ascii_case(label)))
        .ok_or_else(|| {
            let names: Vec<&str> = project.schema.labels.iter().map(|l| l.name.as_str()).collect();
            format!("no label named \"{label}\" (the labels are: {})", names.join(", "))
        })?;
    let says: Vec<_> =
        project.schema.relation_types.iter().filter(|t| t.name.eq_ignore_ascii_case(SAYS)).map(|t| t.id).collect();
    let entities: HashMap<_, &str> = project.entities.iter().map(|e| (e.id, e.name.as_str())).collect();
    // A span without a stance agrees, or sits in the middle of its label's scale.
    let stance = found.stance_scale.map_or(DEFAULT_STANCE.to_string(), |[lo, hi]| (lo + (hi - lo) / 2).to_string());
    let mut from = Source {
        label: found.id,
        label_name: found.name.as_str().into(),
        says,
        entities,
        annotators: HashMap::new(),
        stance,
    };
    let mut out = Vec::new();
    for (index, article) in project.articles.iter().enumerate() {
        if article.spans.iter().any(|s| s.label == found.id) {
            from.of_article(index, article, &mut out);
        }
    }
    Ok(out)
}

/// What every article's statements are read with.
struct Source<'p> {
    label: crate::model::LabelId,
    label_name: std::sync::Arc<str>,
    says: Vec<crate::model::RelTypeId>,
    entities: HashMap<crate::model::EntityId, &'p str>,
    /// Annotator names, each allocated once.
    annotators: HashMap<&'p str, std::sync::Arc<str>>,
    /// The stance of a span that gives none.
    stance: String,
}

impl<'p> Source<'p> {
    fn of_article(&mut self, index: usize, article: &'p crate::model::Article, out: &mut Vec<Statement>) {
        let document = std::sync::Arc::new(document_values(article));
        let time = day::parse_time(&article.published);
        let name_of = |id: SpanId| {
            article.span(id).map(|s| match s.entity.and_then(|e| self.entities.get(&e)) {
                Some(name) => name.to_string(),
                None => fold_spaces(&s.quote),
            })
        };
        for span in article.spans.iter().filter(|s| s.label == self.label) {
            let mut speakers: Vec<String> = article
                .relations
                .iter()
                .filter(|r| r.to == span.id && self.says.contains(&r.kind))
                .filter_map(|r| name_of(r.from))
                .collect();
            speakers.dedup();
            if speakers.is_empty() {
                speakers.push(String::new());
            }
            let claim = name_of(span.id).unwrap_or_default();
            for actor in speakers {
                let mut values = span.attributes.clone();
                for (key, value) in [("actor", actor), ("claim", claim.clone()), ("stance", self.stance.clone())] {
                    if !values.contains_key(key) {
                        values.insert(key.into(), value);
                    }
                }
                out.push(Statement {
                    article: article.id,
                    span: span.id,
                    start: span.start(),
                    end: span.end(),
                    time,
                    annotator: self
                        .annotators
                        .entry(&span.annotator)
                        .or_insert_with(|| span.annotator.as_str().into())
                        .clone(),
                    label: self.label_name.clone(),
                    values,
                    document: document.clone(),
                    article_index: index,
                });
            }
        }
    }
}

fn document_values(a: &crate::model::Article) -> BTreeMap<String, String> {
    let mut d = a.details.clone();
    for (k, v) in [
        ("id", a.id.0.to_string()),
        ("title", a.title.clone()),
        ("source", a.source.clone()),
        ("author", a.author.clone()),
        ("url", a.url.clone()),
        ("language", a.language.clone()),
        ("date", a.published.clone()),
    ] {
        d.insert(k.into(), v);
    }
    d
}

/// The settings a project suggests: Glose's own (the Claim label; actor × claim, stance) unless
/// the project has none of those and holds statements imported from DNA (a label whose spans
/// carry `organization` and `concept`): then rDNA's defaults for them (organization × concept,
/// agreement).
pub fn suggested(project: &Project) -> (String, NetworkOptions) {
    let has = |label: crate::model::LabelId, keys: &[&str]| {
        project.all_spans().any(|(_, s)| s.label == label && keys.iter().all(|k| s.attributes.contains_key(*k)))
    };
    let claim = project.schema.labels.iter().find(|l| l.name.eq_ignore_ascii_case(DEFAULT_LABEL));
    let claims_used = claim.is_some_and(|l| project.all_spans().any(|(_, s)| s.label == l.id));
    let dna = project.schema.labels.iter().find(|l| has(l.id, &["organization", "concept"]));
    match dna {
        Some(l) if !claims_used => {
            let qualifier = has(l.id, &["agreement"]).then(|| "agreement".to_string());
            let o = NetworkOptions {
                variable1: "organization".into(),
                variable2: "concept".into(),
                qualifier,
                ..Default::default()
            };
            (l.name.clone(), o)
        }
        _ => (DEFAULT_LABEL.into(), NetworkOptions::default()),
    }
}

/// The variables of a statements table, in the order a table shows them: `actor`, `claim`,
/// `stance`, then the others by name.
pub fn variables(statements: &[Statement]) -> Vec<String> {
    let mut rest: Vec<String> = Vec::new();
    for s in statements {
        for k in s.values.keys() {
            if !rest.contains(k) {
                rest.push(k.clone());
            }
        }
    }
    rest.retain(|k| !["actor", "claim", "stance"].contains(&k.as_str()));
    rest.sort();
    ["actor", "claim", "stance"].into_iter().map(String::from).chain(rest).collect()
}

#[cfg(test)]
mod tests;
