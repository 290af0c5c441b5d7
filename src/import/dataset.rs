//! Labelled datasets in: every parser (doccano, Label Studio, brat, CoNLL) reads its files
//! into a [`Dataset`] in code points; [`plan`] then turns it into one command that adds the
//! articles (or finds them by text), the labels, relation types and actors it does not know,
//! and the spans and relations — one undo step, nothing applied until the caller applies it.

use crate::edit::Command;
use crate::model::{
    Article, ArticleId, ArticleMeta, Color, Entity, EntityId, Fragment, Label, LabelId, Project, RelTypeId, Relation,
    RelationId, RelationType, Span, SpanId,
};
use crate::text::CharMap;
use std::collections::{BTreeMap, HashMap};

/// A span as a file states it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DSpan {
    /// The file's own id for it (`T3`, `s12`, `7`), used by relations.
    pub key: String,
    pub fragments: Vec<Fragment>,
    pub label: String,
    /// Name of the canonical actor, if the file links one.
    pub entity: Option<String>,
    /// External id of that actor (`wikidata:Q7747`).
    pub entity_ref: Option<String>,
    pub note: String,
    pub attributes: BTreeMap<String, String>,
    pub annotator: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DRelation {
    /// The file's own id for it (`R2`), for notes that point at it.
    pub key: String,
    pub from: String,
    pub to: String,
    pub kind: String,
    pub note: String,
    pub annotator: Option<String>,
}

/// One document of a dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub meta: ArticleMeta,
    pub text: String,
    pub spans: Vec<DSpan>,
    pub relations: Vec<DRelation>,
    /// Where it came from, for messages ("file.jsonl line 3").
    pub origin: String,
}

/// Labels and relation types a dataset declares (brat's annotation.conf, Label Studio's config),
/// with parents for nested labels and symmetry for relation types.
#[derive(Clone, Debug, Default)]
pub struct Declared {
    pub labels: Vec<(String, Option<String>)>,
    pub relation_types: Vec<(String, bool)>,
    /// Colours the file gives its labels (DNA's statement types).
    pub label_colors: Vec<(String, Color)>,
    /// Canonical actors and claims the file declares (DNA's entities), added by name when the
    /// project has none of that name; their ids are not used.
    pub entities: Vec<Entity>,
}

#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub docs: Vec<Doc>,
    pub declared: Declared,
    /// Problems found while reading that did not stop the import (one line each).
    pub warnings: Vec<String>,
}

/// The label given to spans whose file leaves the label empty.
pub const NO_LABEL: &str = "(no label)";
/// The relation type given to relations whose file leaves the type empty.
pub const NO_TYPE: &str = "(no type)";

/// What `plan` will do.
#[derive(Debug, Default)]
pub struct Plan {
    pub command: Option<Command>,
    pub new_articles: usize,
    pub matched_articles: usize,
    pub spans: usize,
    pub relations: usize,
    pub new_labels: Vec<String>,
    pub new_relation_types: Vec<String>,
    pub new_entities: usize,
    /// Spans already in the project (same fragments, label and annotator), not added again.
    pub duplicates: usize,
    pub warnings: Vec<String>,
}

/// Builds the command that adds `data` to `project`. `annotator` overrides what the files say;
/// `fallback` names the annotator when neither does.
pub fn plan(project: &mut Project, data: Dataset, annotator: Option<&str>, fallback: &str) -> Plan {
    let mut plan = Plan { warnings: data.warnings, ..Default::default() };
    let mut cmds: Vec<Command> = Vec::new();
    let mut labels: HashMap<String, LabelId> = project.schema.labels.iter().map(|l| (l.name.clone(), l.id)).collect();
    let mut types: HashMap<String, RelTypeId> =
        project.schema.relation_types.iter().map(|t| (t.name.clone(), t.id)).collect();
    let mut entities: HashMap<String, EntityId> = HashMap::new();
    for e in &project.entities {
        for n in e.all_names() {
            entities.entry(n.to_string()).or_insert(e.id);
        }
    }
    let mut used_keys: Vec<char> = project.schema.labels.iter().filter_map(|l| l.hotkey).collect();
    let mut n_labels = project.schema.labels.len();
    let mut add_label =
        |name: &str, parent: Option<LabelId>, project: &mut Project, cmds: &mut Vec<Command>, plan: &mut Plan| {
            let id = LabelId(project.alloc_id());
            let hotkey = ('1'..='9').find(|k| !used_keys.contains(k));
            if let Some(k) = hotkey {
                used_keys.push(k);
            }
            let declared = data.declared.label_colors.iter().find(|(n, _)| n == name).map(|(_, c)| *c);
            let label = Label {
                id,
                name: name.to_string(),
                color: declared.unwrap_or_else(|| Color::palette(n_labels)),
                hotkey,
                parent,
                description: String::new(),
                stance_scale: None,
            };
            n_labels += 1;
            cmds.push(Command::AddLabel { label, index: usize::MAX });
            plan.new_labels.push(name.to_string());
            id
        };
    // Declared labels first, parents before children.
    for (name, parent) in &data.declared.labels {
        if !labels.contains_key(name) && !name.trim().is_empty() {
            let parent_id = parent.as_ref().and_then(|p| labels.get(p).copied());
            let id = add_label(name, parent_id, project, &mut cmds, &mut plan);
            labels.insert(name.clone(), id);
        }
    }
    let add_type = |name: &str, symmetric: bool, project: &mut Project, cmds: &mut Vec<Command>, plan: &mut Plan| {
        let id = RelTypeId(project.alloc_id());
        let n = project.schema.relation_types.len() + plan.new_relation_types.len();
        let t =
            RelationType { id, name: name.to_string(), color: Color::palette(n + 4), symmetric, ..Default::default() };
        cmds.push(Command::AddRelationType { relation_type: t, index: usize::MAX });
        plan.new_relation_types.push(name.to_string());
        id
    };
    for (name, symmetric) in &data.declared.relation_types {
        if !types.contains_key(name) && !name.trim().is_empty() {
            let id = add_type(name, *symmetric, project, &mut cmds, &mut plan);
            types.insert(name.clone(), id);
        }
    }
    for e in &data.declared.entities {
        if !e.name.trim().is_empty() && !entities.contains_key(&e.name) {
            let id = EntityId(project.alloc_id());
            cmds.push(Command::AddEntity { entity: Entity { id, ..e.clone() }, index: usize::MAX });
            entities.insert(e.name.clone(), id);
            plan.new_entities += 1;
        }
    }
    let by_text: HashMap<&str, ArticleId> = project.articles.iter().map(|a| (a.text.as_str(), a.id)).collect();
    let by_text: HashMap<String, ArticleId> = by_text.into_iter().map(|(t, id)| (t.to_string(), id)).collect();
    let mut new_texts: HashMap<String, ArticleId> = HashMap::new();
    for doc in data.docs {
        let map = CharMap::new(&doc.text);
        let len = map.char_len();
        let existing = by_text.get(&doc.text).or_else(|| new_texts.get(&doc.text)).copied();
        let article_id = match existing {
            Some(id) => {
                plan.matched_articles += 1;
                id
            }
            None => {
                let id = ArticleId(project.alloc_id());
                let mut article = Article { id, text: doc.text.clone(), ..Default::default() };
                article.set_meta(doc.meta.clone());
                if article.language.is_empty() {
                    article.language = super::detect_language(&doc.text).unwrap_or_default();
                }
                cmds.push(Command::AddArticle { article, index: usize::MAX });
                new_texts.insert(doc.text.clone(), id);
                plan.new_articles += 1;
                id
            }
        };
        let existing_spans: Vec<Span> = project.article(article_id).map(|a| a.spans.clone()).unwrap_or_default();
        let mut span_ids: HashMap<String, SpanId> = HashMap::new();
        for s in doc.spans {
            let mut frags = s.fragments.clone();
            frags.sort();
            if let Err(problem) = crate::model::check_fragments(&frags, len) {
                plan.warnings.push(format!("{}: span {} ({}): {problem}; skipped", doc.origin, s.key, s.label));
                continue;
            }
            // A label left empty in the file (found by fuzzing) still names a label here.
            let label_name = if s.label.trim().is_empty() { NO_LABEL.to_string() } else { s.label.clone() };
            let label = match labels.get(&label_name) {
                Some(&id) => id,
                None => {
                    let id = add_label(&label_name, None, project, &mut cmds, &mut plan);
                    labels.insert(label_name, id);
                    id
                }
            };
            let who = annotator.map(str::to_string).or(s.annotator.clone()).unwrap_or_else(|| fallback.to_string());
            if let Some(dup) =
                existing_spans.iter().find(|x| x.fragments == frags && x.label == label && x.annotator == who)
            {
                span_ids.insert(s.key.clone(), dup.id);
                plan.duplicates += 1;
                continue;
            }
            let entity = match &s.entity {
                Some(name) if !name.trim().is_empty() => Some(match entities.get(name) {
                    Some(&id) => id,
                    None => {
                        let id = EntityId(project.alloc_id());
                        let e =
                            Entity { id, name: name.clone(), external_id: s.entity_ref.clone(), ..Default::default() };
                        cmds.push(Command::AddEntity { entity: e, index: usize::MAX });
                        entities.insert(name.clone(), id);
                        plan.new_entities += 1;
                        id
                    }
                }),
                _ => None,
            };
            let id = SpanId(project.alloc_id());
            span_ids.insert(s.key.clone(), id);
            let span = Span {
                id,
                fragments: frags,
                label,
                entity,
                attributes: s.attributes,
                note: s.note,
                annotator: who,
                quote: String::new(),
            };
            cmds.push(Command::AddSpan { article: article_id, span, relations: vec![] });
            plan.spans += 1;
        }
        for r in doc.relations {
            let (Some(&from), Some(&to)) = (span_ids.get(&r.from), span_ids.get(&r.to)) else {
                plan.warnings.push(format!(
                    "{}: relation {} {} → {} names a span that is not there; skipped",
                    doc.origin, r.kind, r.from, r.to
                ));
                continue;
            };
            if from == to {
                plan.warnings.push(format!("{}: relation {} links {} to itself; skipped", doc.origin, r.kind, r.from));
                continue;
            }
            let kind_name = if r.kind.trim().is_empty() { NO_TYPE.to_string() } else { r.kind.clone() };
            let kind = match types.get(&kind_name) {
                Some(&id) => id,
                None => {
                    let id = add_type(&kind_name, false, project, &mut cmds, &mut plan);
                    types.insert(kind_name, id);
                    id
                }
            };
            let who = annotator.map(str::to_string).or(r.annotator.clone()).unwrap_or_else(|| fallback.to_string());
            let already = project
                .article(article_id)
                .is_some_and(|a| a.relations.iter().any(|x| x.from == from && x.to == to && x.kind == kind));
            if already {
                continue;
            }
            let relation =
                Relation { id: RelationId(project.alloc_id()), kind, from, to, note: r.note, annotator: who };
            cmds.push(Command::AddRelation { article: article_id, relation });
            plan.relations += 1;
        }
    }
    if !cmds.is_empty() {
        plan.command = Some(Command::Batch { label: "import annotations".into(), commands: cmds });
    }
    plan
}

/// Converts an offset counted in `unit` to code points; `None` when it is not a position of
/// the text (past the end, or inside a surrogate pair).
pub fn to_code_points(text: &str, map: &CharMap, utf16: bool, offset: usize) -> Option<usize> {
    if utf16 { map.char_of_utf16(text, offset) } else { (offset <= map.char_len()).then_some(offset) }
}

/// An article's details from a JSON object of a dataset (a doccano line, a Label Studio task's
/// `data`): the six fixed fields by name, every other string or number as a free detail (keys
/// written as `detail:NAME` by our exports get their name back). `skip` names the format's own keys.
pub(crate) fn meta_from_json(obj: &serde_json::Map<String, serde_json::Value>, skip: &[&str]) -> ArticleMeta {
    use serde_json::Value;
    let get =
        |keys: &[&str]| keys.iter().find_map(|k| obj.get(*k).and_then(Value::as_str)).unwrap_or_default().to_string();
    let mut meta = ArticleMeta {
        title: get(&["title"]),
        source: get(&["source"]),
        author: get(&["author"]),
        url: get(&["url"]),
        published: get(&["published", "date"]),
        language: get(&["language", "lang"]),
        ..Default::default()
    };
    const FIXED: [&str; 8] = ["title", "source", "author", "url", "published", "date", "language", "lang"];
    for (k, v) in obj {
        if FIXED.contains(&k.as_str()) || skip.contains(&k.as_str()) {
            continue;
        }
        let value = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => continue,
        };
        if !value.is_empty() {
            let key = k.strip_prefix("detail:").unwrap_or(k);
            meta.details.insert(key.to_string(), value);
        }
    }
    meta
}
