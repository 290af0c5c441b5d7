//! Bringing annotators' work together without losing any of it.
//!
//! - [`merge_projects`]: several project files of the same articles (matched by text) into one;
//!   schema, actors and articles are matched by name and text, every span and relation is kept
//!   (identical ones once), ids are renumbered where they would collide.
//! - [`three_way`]: the git merge driver. Records are matched by id against the common
//!   ancestor: a change on one side wins over no change; the same change on both sides is taken
//!   once; different changes to the same span keep both versions, marked for adjudication.

use crate::edit::Command;
use crate::model::{
    Article, ArticleId, Entity, EntityId, Label, LabelId, Project, RelTypeId, Relation, RelationId, RelationType, Span,
    SpanId,
};
use std::collections::{BTreeMap, HashMap};

/// The attribute that marks the two versions of a span both sides changed.
pub const CONFLICT_ATTRIBUTE: &str = "merge-conflict";

/// What a merge found.
#[derive(Debug, Default)]
pub struct MergeReport {
    pub articles_added: usize,
    pub articles_matched: usize,
    pub spans_added: usize,
    pub relations_added: usize,
    /// Identical annotations found in more than one file, kept once.
    pub duplicates: usize,
    /// Disagreements that need a person (one line each); nothing was dropped for them.
    pub conflicts: Vec<String>,
}

/// Merges `others` into a copy of `base`. Never drops an annotation.
pub fn merge_projects(base: &Project, others: &[&Project]) -> (Project, MergeReport) {
    let mut out = base.clone();
    out.repair_next_id();
    let mut report = MergeReport::default();
    for other in others {
        merge_one(&mut out, other, &mut report);
    }
    out.normalize();
    (out, report)
}

/// A merge as one change to `base`, the same for the CLI (`glose merge`) and the window (File
/// → Merge project files, one undo step): what [`merge_projects`] would add or change, as
/// commands. Their ids are fresh in `base` (applying them raises its `next_id`).
pub struct MergePlan {
    pub command: Option<Command>,
    pub report: MergeReport,
}

pub fn plan(base: &Project, others: &[&Project]) -> MergePlan {
    let (merged, report) = merge_projects(base, others);
    let mut cmds = Vec::new();
    // Labels first (their parents once all exist), then relation types and actors.
    let mut parents = Vec::new();
    for l in &merged.schema.labels {
        match base.schema.label(l.id) {
            None => {
                cmds.push(Command::AddLabel { label: Label { parent: None, ..l.clone() }, index: usize::MAX });
                if l.parent.is_some() {
                    parents.push(Command::SetLabel { label: l.clone() });
                }
            }
            Some(old) if old != l => parents.push(Command::SetLabel { label: l.clone() }),
            Some(_) => {}
        }
    }
    cmds.append(&mut parents);
    for t in &merged.schema.relation_types {
        if base.schema.relation_type(t.id).is_none() {
            cmds.push(Command::AddRelationType { relation_type: t.clone(), index: usize::MAX });
        }
    }
    for e in &merged.entities {
        match base.entity(e.id) {
            None => cmds.push(Command::AddEntity { entity: e.clone(), index: usize::MAX }),
            Some(old) if old != e => cmds.push(Command::SetEntity { entity: e.clone() }),
            Some(_) => {}
        }
    }
    for a in &merged.articles {
        let Some(old) = base.article(a.id) else {
            cmds.push(Command::AddArticle { article: a.as_ref().clone(), index: usize::MAX });
            continue;
        };
        for s in a.spans.iter().filter(|s| old.span(s.id).is_none()) {
            cmds.push(Command::AddSpan { article: a.id, span: s.clone(), relations: vec![] });
        }
        for r in a.relations.iter().filter(|r| old.relation(r.id).is_none()) {
            cmds.push(Command::AddRelation { article: a.id, relation: r.clone() });
        }
    }
    let label = format!("merge {} file(s)", others.len());
    MergePlan { command: (!cmds.is_empty()).then_some(Command::Batch { label, commands: cmds }), report }
}

fn merge_one(out: &mut Project, other: &Project, report: &mut MergeReport) {
    let mut labels: HashMap<LabelId, LabelId> = HashMap::new();
    for l in &other.schema.labels {
        let id = match out.schema.label_by_name(&l.name) {
            Some(x) => x.id,
            None => {
                let id = LabelId(out.alloc_id());
                out.schema.labels.push(Label { id, parent: None, hotkey: None, ..l.clone() });
                id
            }
        };
        labels.insert(l.id, id);
    }
    // Parents once every label has its new id.
    for l in &other.schema.labels {
        if let (Some(p), Some(&id)) = (l.parent, labels.get(&l.id))
            && let Some(&np) = labels.get(&p)
            && let Some(x) = out.schema.labels.iter_mut().find(|x| x.id == id && x.parent.is_none())
            && np != id
        {
            x.parent = Some(np);
        }
    }
    let mut types: HashMap<RelTypeId, RelTypeId> = HashMap::new();
    for t in &other.schema.relation_types {
        let id = match out.schema.relation_type_by_name(&t.name) {
            Some(x) => x.id,
            None => {
                let id = RelTypeId(out.alloc_id());
                let map = |v: &[LabelId]| v.iter().filter_map(|l| labels.get(l).copied()).collect();
                out.schema.relation_types.push(RelationType {
                    id,
                    from_labels: map(&t.from_labels),
                    to_labels: map(&t.to_labels),
                    ..t.clone()
                });
                id
            }
        };
        types.insert(t.id, id);
    }
    let mut entities: HashMap<EntityId, EntityId> = HashMap::new();
    for e in &other.entities {
        let id = match out.entities.iter_mut().find(|x| x.name == e.name) {
            Some(x) => {
                for a in &e.aliases {
                    if !x.aliases.contains(a) && *a != x.name {
                        x.aliases.push(a.clone());
                    }
                }
                x.id
            }
            None => {
                let id = EntityId(out.alloc_id());
                out.entities.push(Entity { id, ..e.clone() });
                id
            }
        };
        entities.insert(e.id, id);
    }
    for name in &other.annotators {
        out.note_annotator(name);
    }
    for a in &other.articles {
        let target = match out.articles.iter().position(|x| x.text == a.text) {
            Some(i) => {
                report.articles_matched += 1;
                let mine = out.articles[i].meta();
                if mine != a.meta() && !a.title.is_empty() {
                    report.conflicts.push(format!(
                        "article {:?}: details differ ({:?} vs {:?}); the first file's are kept",
                        mine.title, mine.title, a.title
                    ));
                }
                i
            }
            None => {
                report.articles_added += 1;
                let id = ArticleId(out.alloc_id());
                let mut fresh = Article { id, text: a.text.clone(), ..Default::default() };
                fresh.set_meta(a.meta());
                out.articles.push(fresh.into());
                out.articles.len() - 1
            }
        };
        let mut span_ids: HashMap<SpanId, SpanId> = HashMap::new();
        for s in &a.spans {
            let label = labels.get(&s.label).copied().unwrap_or(s.label);
            let entity = s.entity.and_then(|e| entities.get(&e).copied());
            let art = &out.articles[target];
            if let Some(same) =
                art.spans.iter().find(|x| x.fragments == s.fragments && x.label == label && x.annotator == s.annotator)
            {
                span_ids.insert(s.id, same.id);
                report.duplicates += 1;
                if same.note != s.note || same.entity != entity || same.attributes != s.attributes {
                    report.conflicts.push(format!(
                        "{:?}: {} annotated {:?} twice with different notes, actor or attributes; both kept",
                        art.title, s.annotator, s.quote
                    ));
                } else {
                    continue;
                }
            }
            let id = SpanId(out.alloc_id());
            span_ids.insert(s.id, id);
            std::sync::Arc::make_mut(&mut out.articles[target]).spans.push(Span { id, label, entity, ..s.clone() });
            report.spans_added += 1;
        }
        for r in &a.relations {
            let (Some(&from), Some(&to)) = (span_ids.get(&r.from), span_ids.get(&r.to)) else { continue };
            let kind = types.get(&r.kind).copied().unwrap_or(r.kind);
            let art = &out.articles[target];
            if art.relations.iter().any(|x| x.from == from && x.to == to && x.kind == kind) {
                report.duplicates += 1;
                continue;
            }
            let id = RelationId(out.alloc_id());
            std::sync::Arc::make_mut(&mut out.articles[target]).relations.push(Relation {
                id,
                kind,
                from,
                to,
                ..r.clone()
            });
            report.relations_added += 1;
        }
    }
}

/// One record of a project, keyed by id, for the three-way merge.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Label(Label),
    Type(RelationType),
    Entity(Entity),
    /// An article without its spans and relations (those are records of their own).
    Article(Article),
    Span(ArticleId, Span),
    Relation(ArticleId, Relation),
}

fn records(p: &Project) -> BTreeMap<u64, Record> {
    let mut m = BTreeMap::new();
    for l in &p.schema.labels {
        m.insert(l.id.0, Record::Label(l.clone()));
    }
    for t in &p.schema.relation_types {
        m.insert(t.id.0, Record::Type(t.clone()));
    }
    for e in &p.entities {
        m.insert(e.id.0, Record::Entity(e.clone()));
    }
    for a in &p.articles {
        m.insert(a.id.0, Record::Article(Article { spans: vec![], relations: vec![], ..a.as_ref().clone() }));
        for s in &a.spans {
            m.insert(s.id.0, Record::Span(a.id, s.clone()));
        }
        for r in &a.relations {
            m.insert(r.id.0, Record::Relation(a.id, r.clone()));
        }
    }
    m
}

/// Three-way merge of project files: `base` the common ancestor, `ours` and `theirs` the two
/// sides. Returns the merged project and the conflicts (empty when git may take it as is).
pub fn three_way(base: &Project, ours: &Project, theirs: &Project) -> (Project, Vec<String>) {
    let (o, a, b) = (records(base), records(ours), records(theirs));
    let mut conflicts = Vec::new();
    let mut merged: BTreeMap<u64, Record> = BTreeMap::new();
    let mut next =
        [base.next_id, ours.next_id, theirs.next_id, base.max_id() + 1, ours.max_id() + 1, theirs.max_id() + 1]
            .into_iter()
            .max()
            .unwrap_or(1);
    let mut fresh = || {
        let id = next;
        next += 1;
        id
    };
    // Records added on their side whose id ours also used for something else get a new id.
    let mut renamed: HashMap<u64, u64> = HashMap::new();
    let ids: std::collections::BTreeSet<u64> = o.keys().chain(a.keys()).chain(b.keys()).copied().collect();
    for id in ids {
        let (ro, ra, rb) = (o.get(&id), a.get(&id), b.get(&id));
        match (ro, ra, rb) {
            (_, Some(x), Some(y)) if x == y => {
                merged.insert(id, x.clone());
            }
            (Some(base_r), Some(x), Some(y)) => {
                if x == base_r {
                    merged.insert(id, y.clone());
                } else if y == base_r {
                    merged.insert(id, x.clone());
                } else {
                    // Both changed it differently.
                    merged.insert(id, mark(x.clone(), "ours"));
                    if let Record::Span(art, s) = y {
                        let nid = fresh();
                        let mut s2 = s.clone();
                        s2.id = SpanId(nid);
                        merged.insert(nid, mark(Record::Span(*art, s2), "theirs"));
                        conflicts.push(format!(
                            "span {} changed on both sides: both versions kept, marked {CONFLICT_ATTRIBUTE}",
                            SpanId(id)
                        ));
                    } else {
                        conflicts.push(format!("{} changed on both sides: ours kept", describe(x)));
                    }
                }
            }
            (None, Some(x), Some(y)) => {
                // Both added a record with the same id: different records.
                merged.insert(id, x.clone());
                let nid = fresh();
                renamed.insert(id, nid);
                merged.insert(nid, renumber(y.clone(), nid));
            }
            (Some(base_r), Some(x), None) | (Some(base_r), None, Some(x)) => {
                if x != base_r {
                    // Changed on one side, deleted on the other: keep the change, say so.
                    merged.insert(id, x.clone());
                    conflicts.push(format!("{} was changed on one side and deleted on the other: kept", describe(x)));
                }
            }
            (None, Some(x), None) | (None, None, Some(x)) => {
                merged.insert(id, x.clone());
            }
            (Some(_), None, None) | (None, None, None) => {}
        }
    }
    // Theirs' new records may point at their own renumbered records.
    let follow = |id: u64| renamed.get(&id).copied().unwrap_or(id);
    for r in merged.values_mut() {
        match r {
            Record::Span(art, s) => {
                *art = ArticleId(follow(art.0));
                s.label = LabelId(follow(s.label.0));
                s.entity = s.entity.map(|e| EntityId(follow(e.0)));
            }
            Record::Relation(art, rel) => {
                *art = ArticleId(follow(art.0));
                rel.kind = RelTypeId(follow(rel.kind.0));
                rel.from = SpanId(follow(rel.from.0));
                rel.to = SpanId(follow(rel.to.0));
            }
            _ => {}
        }
    }
    let project = assemble(ours, merged, next, &mut conflicts, [&o, &a, &b]);
    (project, conflicts)
}

fn mark(r: Record, side: &str) -> Record {
    match r {
        Record::Span(a, mut s) => {
            s.attributes.insert(CONFLICT_ATTRIBUTE.into(), side.into());
            Record::Span(a, s)
        }
        other => other,
    }
}

fn renumber(r: Record, id: u64) -> Record {
    match r {
        Record::Label(l) => Record::Label(Label { id: LabelId(id), ..l }),
        Record::Type(t) => Record::Type(RelationType { id: RelTypeId(id), ..t }),
        Record::Entity(e) => Record::Entity(Entity { id: EntityId(id), ..e }),
        Record::Article(a) => Record::Article(Article { id: ArticleId(id), ..a }),
        Record::Span(a, s) => Record::Span(a, Span { id: SpanId(id), ..s }),
        Record::Relation(a, r) => Record::Relation(a, Relation { id: RelationId(id), ..r }),
    }
}

fn describe(r: &Record) -> String {
    match r {
        Record::Label(l) => format!("label {:?}", l.name),
        Record::Type(t) => format!("relation type {:?}", t.name),
        Record::Entity(e) => format!("actor {:?}", e.name),
        Record::Article(a) => format!("article {:?}", a.title),
        Record::Span(_, s) => format!("span {} {:?}", s.id, s.quote),
        Record::Relation(_, r) => format!("relation {}", r.id),
    }
}

/// Puts merged records back into a project, in ours' order where it has one. A span or
/// relation whose article, label or end is gone brings it back from whichever side had it.
fn assemble(
    ours: &Project,
    mut merged: BTreeMap<u64, Record>,
    next_id: u64,
    conflicts: &mut Vec<String>,
    sides: [&BTreeMap<u64, Record>; 3],
) -> Project {
    // Restore what a kept record needs.
    loop {
        let mut missing: Vec<u64> = Vec::new();
        for r in merged.values() {
            let needs: Vec<u64> = match r {
                Record::Span(a, s) => {
                    [Some(a.0), Some(s.label.0), s.entity.map(|e| e.0)].into_iter().flatten().collect()
                }
                Record::Relation(a, rel) => vec![a.0, rel.kind.0, rel.from.0, rel.to.0],
                _ => vec![],
            };
            missing.extend(needs.into_iter().filter(|id| !merged.contains_key(id)));
        }
        missing.sort();
        missing.dedup();
        let mut restored = false;
        for id in missing {
            if let Some(r) = sides.iter().rev().find_map(|s| s.get(&id)) {
                conflicts
                    .push(format!("{} was deleted on one side but is still used on the other: restored", describe(r)));
                merged.insert(id, r.clone());
                restored = true;
            }
        }
        if !restored {
            break;
        }
    }
    let mut p = Project {
        format_version: ours.format_version,
        name: ours.name.clone(),
        next_id,
        annotators: ours.annotators.clone(),
        ..Default::default()
    };
    p.schema.labels.clear();
    p.schema.relation_types.clear();
    let order = |id: u64, list: &[u64]| list.iter().position(|&x| x == id).unwrap_or(usize::MAX);
    let ours_labels: Vec<u64> = ours.schema.labels.iter().map(|l| l.id.0).collect();
    let ours_types: Vec<u64> = ours.schema.relation_types.iter().map(|t| t.id.0).collect();
    let ours_articles: Vec<u64> = ours.articles.iter().map(|a| a.id.0).collect();
    let mut spans = Vec::new();
    let mut relations = Vec::new();
    for (id, r) in merged {
        match r {
            Record::Label(l) => p.schema.labels.push(l),
            Record::Type(t) => p.schema.relation_types.push(t),
            Record::Entity(e) => p.entities.push(e),
            Record::Article(a) => p.articles.push(a.into()),
            Record::Span(a, s) => spans.push((a, s)),
            Record::Relation(a, r) => relations.push((a, r)),
        }
        let _ = id;
    }
    p.schema.labels.sort_by_key(|l| (order(l.id.0, &ours_labels), l.id));
    p.schema.relation_types.sort_by_key(|t| (order(t.id.0, &ours_types), t.id));
    p.articles.sort_by_key(|a| (order(a.id.0, &ours_articles), a.id));
    for (a, s) in spans {
        if let Some(art) = p.article_mut(a) {
            art.spans.push(s);
        }
    }
    for (a, r) in relations {
        if let Some(art) = p.article_mut(a) {
            art.relations.push(r);
        }
    }
    p.normalize();
    p
}
