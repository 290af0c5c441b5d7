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
    /// The article's published date as the article gives it ("" when it has none).
    pub date: String,
    /// That date in seconds since 1970-01-01 (no time zone), when it can be read.
    pub time: Option<i64>,
    pub annotator: String,
    pub label: String,
    /// The passage, whitespace folded.
    pub text: String,
    /// The statement's variables: every attribute of the span, then `actor`, `claim` and
    /// `stance` where the span's attributes do not give them.
    pub values: BTreeMap<String, String>,
    /// The article's fields (`title`, `source`, `author`, `url`, `language`, `id` and its
    /// details): DNA's document-level variables.
    pub document: BTreeMap<String, String>,
    /// Position of the article in the project: DNA's tie-break after the date.
    pub article_index: usize,
}

impl Statement {
    /// The value of a variable: the statement's own, else the article's ("" when neither has it).
    pub fn get(&self, variable: &str) -> &str {
        self.values.get(variable).or_else(|| self.document.get(variable)).map_or("", String::as_str)
    }
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The statements of a project: one per span of the label named `label` (any case) and per
/// actor that *says* it (one with an empty actor when none does). `actor` is the canonical
/// actor of the speaking span, else its text; `claim` the canonical claim of the span, else its
/// text; `stance` the span's `stance` attribute, else "agree". Errors name the labels there are.
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
    let mut out = Vec::new();
    for (index, article) in project.articles.iter().enumerate() {
        if !article.spans.iter().any(|s| s.label == found.id) {
            continue;
        }
        let document = document_values(article);
        let time = day::parse_time(&article.published);
        let name_of = |id: SpanId| {
            article.span(id).map(|s| match s.entity.and_then(|e| entities.get(&e)) {
                Some(name) => name.to_string(),
                None => fold_spaces(&s.quote),
            })
        };
        for span in article.spans.iter().filter(|s| s.label == found.id) {
            let mut speakers: Vec<String> = article
                .relations
                .iter()
                .filter(|r| r.to == span.id && says.contains(&r.kind))
                .filter_map(|r| name_of(r.from))
                .collect();
            speakers.dedup();
            if speakers.is_empty() {
                speakers.push(String::new());
            }
            let claim = name_of(span.id).unwrap_or_default();
            for actor in speakers {
                let mut values = span.attributes.clone();
                values.entry("actor".into()).or_insert(actor);
                values.entry("claim".into()).or_insert_with(|| claim.clone());
                values.entry("stance".into()).or_insert_with(|| DEFAULT_STANCE.into());
                out.push(Statement {
                    article: article.id,
                    span: span.id,
                    start: span.start(),
                    end: span.end(),
                    date: article.published.clone(),
                    time,
                    annotator: span.annotator.clone(),
                    label: found.name.clone(),
                    text: fold_spaces(&span.quote),
                    values,
                    document: document.clone(),
                    article_index: index,
                });
            }
        }
    }
    Ok(out)
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
