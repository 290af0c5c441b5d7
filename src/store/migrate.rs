//! Loading files written by older versions of Glose. Each version has its own types here
//! and an explicit conversion to the next; nothing is guessed.
//!
//! Version 1 (the first release) kept labels and relation types at the top level, referred
//! to them by name, and allowed one continuous fragment per span (`start`, `end`).
//! Version 2 nests them in `schema`, refers to them by id and allows discontinuous spans.
//! Version 3 adds article details (a key → value map) and the near-duplicate mark; a version 2
//! file is a version 3 file without them.

use crate::model::{
    Article, ArticleId, Color, Entity, Fragment, Label, LabelId, Project, RelTypeId, Relation, RelationId,
    RelationType, Schema, Span, SpanId,
};
use serde::Deserialize;
use std::collections::BTreeMap;

pub enum Error {
    Ron(ron::error::SpannedError),
    Unknown(u32),
}

/// Reads `text`, written in format `version`, as a current project.
pub fn from_version(version: u32, text: &str) -> Result<Project, Error> {
    match version {
        1 => Ok(v1_to_v2(ron::from_str(text).map_err(Error::Ron)?)),
        2 => {
            let mut p: Project = ron::from_str(text).map_err(Error::Ron)?;
            p.format_version = crate::model::FORMAT_VERSION;
            Ok(p)
        }
        v => Err(Error::Unknown(v)),
    }
}

#[derive(Deserialize)]
struct V1Project {
    #[serde(default)]
    name: String,
    #[serde(default)]
    labels: Vec<V1Label>,
    #[serde(default)]
    relation_types: Vec<V1RelationType>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    articles: Vec<V1Article>,
}

#[derive(Deserialize)]
struct V1Label {
    name: String,
    color: Color,
    #[serde(default)]
    hotkey: Option<char>,
}

#[derive(Deserialize)]
struct V1RelationType {
    name: String,
    color: Color,
    #[serde(default)]
    symmetric: bool,
}

#[derive(Deserialize)]
struct V1Article {
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    language: String,
    text: String,
    #[serde(default)]
    spans: Vec<V1Span>,
    #[serde(default)]
    relations: Vec<V1Relation>,
}

#[derive(Deserialize)]
struct V1Span {
    id: u64,
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    entity: Option<crate::model::EntityId>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    annotator: String,
    #[serde(default)]
    quote: String,
}

#[derive(Deserialize)]
struct V1Relation {
    id: u64,
    kind: String,
    from: u64,
    to: u64,
    #[serde(default)]
    note: String,
    #[serde(default)]
    annotator: String,
}

fn v1_to_v2(old: V1Project) -> Project {
    let mut p = Project { name: old.name, schema: Schema::default(), entities: old.entities, ..Project::default() };
    // Fresh ids for labels and types start above every id the old file used.
    let used = old.articles.iter().flat_map(|a| {
        std::iter::once(a.id).chain(a.spans.iter().map(|s| s.id)).chain(a.relations.iter().map(|r| r.id))
    });
    p.next_id = used.chain(p.entities.iter().map(|e| e.id.0)).max().unwrap_or(0) + 1;
    let mut labels: BTreeMap<String, LabelId> = BTreeMap::new();
    for l in old.labels {
        let id = LabelId(p.alloc_id());
        labels.insert(l.name.clone(), id);
        p.schema.labels.push(Label {
            id,
            name: l.name,
            color: l.color,
            hotkey: l.hotkey,
            parent: None,
            description: String::new(),
            stance_scale: None,
        });
    }
    let mut types: BTreeMap<String, RelTypeId> = BTreeMap::new();
    for t in old.relation_types {
        let id = RelTypeId(p.alloc_id());
        types.insert(t.name.clone(), id);
        p.schema.relation_types.push(RelationType {
            id,
            name: t.name,
            color: t.color,
            symmetric: t.symmetric,
            ..Default::default()
        });
    }
    for a in old.articles {
        let mut article = Article {
            id: ArticleId(a.id),
            title: a.title,
            source: a.source,
            url: a.url,
            published: a.published,
            language: a.language,
            text: a.text,
            ..Default::default()
        };
        for s in a.spans {
            // A label the v1 file used without declaring it is declared now.
            let label = *labels.entry(s.label.clone()).or_insert_with(|| {
                let id = LabelId(p.next_id);
                p.next_id += 1;
                let n = p.schema.labels.len();
                p.schema.labels.push(Label {
                    id,
                    name: s.label.clone(),
                    color: Color::palette(n),
                    ..Default::default()
                });
                id
            });
            article.spans.push(Span {
                id: SpanId(s.id),
                fragments: vec![Fragment::new(s.start, s.end)],
                label,
                entity: s.entity,
                note: s.note,
                annotator: s.annotator,
                quote: s.quote,
                ..Default::default()
            });
        }
        for r in a.relations {
            let kind = *types.entry(r.kind.clone()).or_insert_with(|| {
                let id = RelTypeId(p.next_id);
                p.next_id += 1;
                let n = p.schema.relation_types.len();
                p.schema.relation_types.push(RelationType {
                    id,
                    name: r.kind.clone(),
                    color: Color::palette(n),
                    ..Default::default()
                });
                id
            });
            article.relations.push(Relation {
                id: RelationId(r.id),
                kind,
                from: SpanId(r.from),
                to: SpanId(r.to),
                note: r.note,
                annotator: r.annotator,
            });
        }
        for s in &article.spans {
            p.note_annotator(&s.annotator);
        }
        p.articles.push(article.into());
    }
    p.normalize();
    p
}
