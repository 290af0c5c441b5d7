//! How each command changes a project, and the inverse it returns.

use super::{Command, InUse};
use crate::model::{
    Article, ArticleId, Entity, EntityId, Fragment, LabelId, Project, RelTypeId, RelationId, Span, SpanId, quote_with,
};
use crate::text::CharMap;

/// Why a command could not be applied. The project is left exactly as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("article {0} does not exist")]
    NoArticle(ArticleId),
    #[error("span {0} does not exist in this article")]
    NoSpan(SpanId),
    #[error("relation {0} does not exist in this article")]
    NoRelation(RelationId),
    #[error("label {0} does not exist")]
    NoLabel(LabelId),
    #[error("relation type {0} does not exist")]
    NoRelationType(RelTypeId),
    #[error("actor {0} does not exist")]
    NoEntity(EntityId),
    #[error("id {0} is already in use")]
    DuplicateId(u64),
    #[error(transparent)]
    BadFragments(#[from] crate::model::FragmentProblem),
    #[error("{0}")]
    Invalid(String),
}

type Res = Result<Command, EditError>;

fn article(p: &mut Project, id: ArticleId) -> Result<&mut Article, EditError> {
    p.article_mut(id).ok_or(EditError::NoArticle(id))
}

fn span(a: &mut Article, id: SpanId) -> Result<&mut Span, EditError> {
    a.span_mut(id).ok_or(EditError::NoSpan(id))
}

/// Checks fragments against the text and returns them sorted with the quote they cover.
fn checked_fragments(a: &Article, fragments: &[Fragment]) -> Result<(Vec<Fragment>, String), EditError> {
    let map = CharMap::new(&a.text);
    crate::model::check_fragments(fragments, map.char_len())?;
    let mut sorted = fragments.to_vec();
    sorted.sort();
    let quote = quote_with(&a.text, &map, &sorted).unwrap_or_default();
    Ok((sorted, quote))
}

fn sort_spans(a: &mut Article) {
    a.spans.sort_by_key(|s| (s.start(), s.end(), s.id));
}

/// Applies commands in order; on failure undoes the ones already applied.
fn run_all(cmds: Vec<Command>, p: &mut Project) -> Result<Vec<Command>, EditError> {
    let mut done = Vec::with_capacity(cmds.len());
    for c in cmds {
        match c.apply(p) {
            Ok(inv) => done.push(inv),
            Err(e) => {
                rollback(done, p);
                return Err(e);
            }
        }
    }
    Ok(done)
}

fn rollback(done: Vec<Command>, p: &mut Project) {
    for inv in done.into_iter().rev() {
        // An inverse re-applies a state that existed a moment ago; it cannot fail.
        let _ = inv.apply(p);
    }
}

/// Runs `subs`, then `last`; the inverse undoes both in reverse order.
fn compound(p: &mut Project, label: &str, subs: Vec<Command>, last: impl FnOnce(&mut Project) -> Res) -> Res {
    let mut inv = run_all(subs, p)?;
    match last(p) {
        Ok(i) => inv.push(i),
        Err(e) => {
            rollback(inv, p);
            return Err(e);
        }
    }
    inv.reverse();
    Ok(Command::Batch { label: label.to_string(), commands: inv })
}

impl Command {
    /// Applies the command and returns its inverse. On error nothing has changed.
    pub fn apply(self, p: &mut Project) -> Res {
        use Command::*;
        match self {
            AddArticle { mut article, index } => {
                if p.article(article.id).is_some() {
                    return Err(EditError::DuplicateId(article.id.0));
                }
                let id = article.id;
                let inner = article.spans.iter().map(|s| s.id.0).chain(article.relations.iter().map(|r| r.id.0));
                p.next_id = p.next_id.max(inner.chain([id.0]).max().unwrap_or(0) + 1);
                let map = CharMap::new(&article.text);
                for s in &mut article.spans {
                    if s.quote.is_empty() {
                        s.quote = quote_with(&article.text, &map, &s.fragments).unwrap_or_default();
                    }
                }
                let index = index.min(p.articles.len());
                p.articles.insert(index, article.into());
                Ok(RemoveArticle { article: id })
            }
            RemoveArticle { article } => {
                let index = p.article_index(article).ok_or(EditError::NoArticle(article))?;
                let removed = p.articles.remove(index);
                Ok(AddArticle { article: std::sync::Arc::unwrap_or_clone(removed), index })
            }
            SetArticleText { article: id, text, mut spans } => {
                if text.trim().is_empty() {
                    return Err(EditError::Invalid("an article needs some text".into()));
                }
                let a = article(p, id)?;
                let mut old_ids: Vec<SpanId> = a.spans.iter().map(|s| s.id).collect();
                let mut new_ids: Vec<SpanId> = spans.iter().map(|s| s.id).collect();
                old_ids.sort();
                new_ids.sort();
                if old_ids != new_ids {
                    return Err(EditError::Invalid("a text correction keeps every span of the article".into()));
                }
                let map = CharMap::new(&text);
                let len = map.char_len();
                for s in &mut spans {
                    s.fragments.sort();
                    crate::model::check_fragments(&s.fragments, len)?;
                    s.quote = quote_with(&text, &map, &s.fragments).unwrap_or_default();
                }
                let old_text = std::mem::replace(&mut a.text, text);
                let old_spans = std::mem::replace(&mut a.spans, spans);
                Ok(SetArticleText { article: id, text: old_text, spans: old_spans })
            }
            SetArticleMeta { article: id, meta } => {
                let a = article(p, id)?;
                let old = a.meta();
                a.set_meta(meta);
                Ok(SetArticleMeta { article: id, meta: old })
            }
            AddSpan { article: aid, mut span, relations } => {
                if p.schema.label(span.label).is_none() {
                    return Err(EditError::NoLabel(span.label));
                }
                if let Some(e) = span.entity
                    && p.entity(e).is_none()
                {
                    return Err(EditError::NoEntity(e));
                }
                let a = article(p, aid)?;
                if a.span(span.id).is_some() || a.relation(RelationId(span.id.0)).is_some() {
                    return Err(EditError::DuplicateId(span.id.0));
                }
                let (fragments, quote) = checked_fragments(a, &span.fragments)?;
                span.fragments = fragments;
                if span.quote.is_empty() {
                    span.quote = quote;
                }
                let id = span.id;
                a.spans.push(span);
                sort_spans(a);
                for r in &relations {
                    if a.span(r.from).is_none() || a.span(r.to).is_none() || a.relation(r.id).is_some() {
                        a.spans.retain(|s| s.id != id);
                        return Err(EditError::Invalid(format!("relation {} cannot be restored", r.id)));
                    }
                }
                a.relations.extend(relations);
                a.relations.sort_by_key(|r| r.id);
                p.next_id = p.next_id.max(id.0 + 1);
                Ok(RemoveSpan { article: aid, span: id })
            }
            RemoveSpan { article: aid, span: sid } => {
                let a = article(p, aid)?;
                let i = a.spans.iter().position(|s| s.id == sid).ok_or(EditError::NoSpan(sid))?;
                let span = a.spans.remove(i);
                let (gone, kept) =
                    std::mem::take(&mut a.relations).into_iter().partition(|r| r.from == sid || r.to == sid);
                a.relations = kept;
                Ok(AddSpan { article: aid, span, relations: gone })
            }
            SetSpanLabel { article: aid, span: sid, label } => {
                if p.schema.label(label).is_none() {
                    return Err(EditError::NoLabel(label));
                }
                let s = span(article(p, aid)?, sid)?;
                let old = std::mem::replace(&mut s.label, label);
                Ok(SetSpanLabel { article: aid, span: sid, label: old })
            }
            SetSpanFragments { article: aid, span: sid, fragments } => {
                let a = article(p, aid)?;
                let (fragments, quote) = checked_fragments(a, &fragments)?;
                let s = span(a, sid)?;
                let old = std::mem::replace(&mut s.fragments, fragments);
                s.quote = quote;
                sort_spans(a);
                Ok(SetSpanFragments { article: aid, span: sid, fragments: old })
            }
            SetSpanEntity { article: aid, span: sid, entity } => {
                if let Some(e) = entity
                    && p.entity(e).is_none()
                {
                    return Err(EditError::NoEntity(e));
                }
                let s = span(article(p, aid)?, sid)?;
                let old = std::mem::replace(&mut s.entity, entity);
                Ok(SetSpanEntity { article: aid, span: sid, entity: old })
            }
            SetSpanNote { article: aid, span: sid, note } => {
                let s = span(article(p, aid)?, sid)?;
                let old = std::mem::replace(&mut s.note, note);
                Ok(SetSpanNote { article: aid, span: sid, note: old })
            }
            SetSpanAttributes { article: aid, span: sid, attributes } => {
                let s = span(article(p, aid)?, sid)?;
                let old = std::mem::replace(&mut s.attributes, attributes);
                Ok(SetSpanAttributes { article: aid, span: sid, attributes: old })
            }
            AddRelation { article: aid, relation } => {
                if p.schema.relation_type(relation.kind).is_none() {
                    return Err(EditError::NoRelationType(relation.kind));
                }
                let a = article(p, aid)?;
                if a.relation(relation.id).is_some() || a.span(SpanId(relation.id.0)).is_some() {
                    return Err(EditError::DuplicateId(relation.id.0));
                }
                for end in [relation.from, relation.to] {
                    if a.span(end).is_none() {
                        return Err(EditError::NoSpan(end));
                    }
                }
                if relation.from == relation.to {
                    return Err(EditError::Invalid("a relation links two different spans".into()));
                }
                let id = relation.id;
                a.relations.push(relation);
                a.relations.sort_by_key(|r| r.id);
                p.next_id = p.next_id.max(id.0 + 1);
                Ok(RemoveRelation { article: aid, relation: id })
            }
            RemoveRelation { article: aid, relation: rid } => {
                let a = article(p, aid)?;
                let i = a.relations.iter().position(|r| r.id == rid).ok_or(EditError::NoRelation(rid))?;
                let relation = a.relations.remove(i);
                Ok(AddRelation { article: aid, relation })
            }
            SetRelationKind { article: aid, relation: rid, kind } => {
                if p.schema.relation_type(kind).is_none() {
                    return Err(EditError::NoRelationType(kind));
                }
                let r = article(p, aid)?.relation_mut(rid).ok_or(EditError::NoRelation(rid))?;
                let old = std::mem::replace(&mut r.kind, kind);
                Ok(SetRelationKind { article: aid, relation: rid, kind: old })
            }
            SetRelationNote { article: aid, relation: rid, note } => {
                let r = article(p, aid)?.relation_mut(rid).ok_or(EditError::NoRelation(rid))?;
                let old = std::mem::replace(&mut r.note, note);
                Ok(SetRelationNote { article: aid, relation: rid, note: old })
            }
            ReverseRelation { article: aid, relation: rid } => {
                let r = article(p, aid)?.relation_mut(rid).ok_or(EditError::NoRelation(rid))?;
                std::mem::swap(&mut r.from, &mut r.to);
                Ok(ReverseRelation { article: aid, relation: rid })
            }
            AddLabel { label, index } => {
                if p.schema.label(label.id).is_some() {
                    return Err(EditError::DuplicateId(label.id.0));
                }
                check_label(p, &label)?;
                let id = label.id;
                p.next_id = p.next_id.max(id.0 + 1);
                let index = index.min(p.schema.labels.len());
                p.schema.labels.insert(index, label);
                Ok(RemoveLabel { label: id, spans: InUse::Delete })
            }
            SetLabel { label } => {
                let i = p.schema.labels.iter().position(|l| l.id == label.id).ok_or(EditError::NoLabel(label.id))?;
                check_label(p, &label)?;
                let old = std::mem::replace(&mut p.schema.labels[i], label);
                Ok(SetLabel { label: old })
            }
            MoveLabel { label, index } => {
                let i = p.schema.labels.iter().position(|l| l.id == label).ok_or(EditError::NoLabel(label))?;
                let l = p.schema.labels.remove(i);
                p.schema.labels.insert(index.min(p.schema.labels.len()), l);
                Ok(MoveLabel { label, index: i })
            }
            RemoveLabel { label, spans } => remove_label(p, label, spans, "delete label"),
            MergeLabels { from, into } => {
                if from == into {
                    return Err(EditError::Invalid("a label cannot be merged into itself".into()));
                }
                remove_label(p, from, InUse::Reassign(into), "merge labels")
            }
            AddRelationType { relation_type, index } => {
                if p.schema.relation_type(relation_type.id).is_some() {
                    return Err(EditError::DuplicateId(relation_type.id.0));
                }
                check_relation_type(p, &relation_type)?;
                let id = relation_type.id;
                p.next_id = p.next_id.max(id.0 + 1);
                let index = index.min(p.schema.relation_types.len());
                p.schema.relation_types.insert(index, relation_type);
                Ok(RemoveRelationType { relation_type: id, relations: InUse::Delete })
            }
            SetRelationType { relation_type } => {
                let id = relation_type.id;
                let i = p.schema.relation_types.iter().position(|t| t.id == id).ok_or(EditError::NoRelationType(id))?;
                check_relation_type(p, &relation_type)?;
                let old = std::mem::replace(&mut p.schema.relation_types[i], relation_type);
                Ok(SetRelationType { relation_type: old })
            }
            MoveRelationType { relation_type: id, index } => {
                let i = p.schema.relation_types.iter().position(|t| t.id == id).ok_or(EditError::NoRelationType(id))?;
                let t = p.schema.relation_types.remove(i);
                p.schema.relation_types.insert(index.min(p.schema.relation_types.len()), t);
                Ok(MoveRelationType { relation_type: id, index: i })
            }
            RemoveRelationType { relation_type, relations } => {
                remove_relation_type(p, relation_type, relations, "delete relation type")
            }
            MergeRelationTypes { from, into } => {
                if from == into {
                    return Err(EditError::Invalid("a relation type cannot be merged into itself".into()));
                }
                remove_relation_type(p, from, InUse::Reassign(into), "merge relation types")
            }
            AddEntity { entity, index } => {
                if p.entity(entity.id).is_some() {
                    return Err(EditError::DuplicateId(entity.id.0));
                }
                check_entity(&entity)?;
                let id = entity.id;
                p.next_id = p.next_id.max(id.0 + 1);
                let index = index.min(p.entities.len());
                p.entities.insert(index, entity);
                Ok(RemoveEntity { entity: id })
            }
            SetEntity { entity } => {
                check_entity(&entity)?;
                let e = p.entity_mut(entity.id).ok_or(EditError::NoEntity(entity.id))?;
                let old = std::mem::replace(e, entity);
                Ok(SetEntity { entity: old })
            }
            RemoveEntity { entity } => remove_entity(p, entity, None, "delete actor"),
            MergeEntities { from, into } => {
                if from == into {
                    return Err(EditError::Invalid("an actor cannot be merged into itself".into()));
                }
                let (Some(src), Some(dst)) = (p.entity(from), p.entity(into)) else {
                    return Err(EditError::NoEntity(if p.entity(from).is_none() { from } else { into }));
                };
                let mut merged = dst.clone();
                for name in src.all_names() {
                    if name != merged.name && !merged.aliases.iter().any(|a| a == name) {
                        merged.aliases.push(name.to_string());
                    }
                }
                if merged.external_id.is_none() {
                    merged.external_id = src.external_id.clone();
                }
                if !src.note.is_empty() && !merged.note.contains(&src.note) {
                    merged.note = if merged.note.is_empty() {
                        src.note.clone()
                    } else {
                        format!("{}\n{}", merged.note, src.note)
                    };
                }
                remove_entity(p, from, Some(merged), "merge actors")
            }
            SetProjectName { name } => {
                let old = std::mem::replace(&mut p.name, name);
                Ok(SetProjectName { name: old })
            }
            SetSuggestionSettings { settings } => {
                let old = std::mem::replace(&mut p.suggestions, settings);
                Ok(SetSuggestionSettings { settings: old })
            }
            RejectSuggestion { rejection } => {
                p.article_index(rejection.article).ok_or(EditError::NoArticle(rejection.article))?;
                p.suggestions.reject(rejection);
                Ok(UnrejectSuggestion { rejection })
            }
            UnrejectSuggestion { rejection } => {
                p.suggestions.rejected.retain(|r| *r != rejection);
                Ok(RejectSuggestion { rejection })
            }
            Batch { label, commands } => {
                let mut inv = run_all(commands, p)?;
                inv.reverse();
                Ok(Batch { label, commands: inv })
            }
        }
    }
}

fn check_label(p: &Project, label: &crate::model::Label) -> Result<(), EditError> {
    let name = label.name.trim();
    if name.is_empty() {
        return Err(EditError::Invalid("a label needs a name".into()));
    }
    if let Some(other) = p.schema.labels.iter().find(|l| l.id != label.id && l.name == label.name) {
        return Err(EditError::Invalid(format!("another label is already named {:?} ({})", label.name, other.id)));
    }
    if let Some(k) = label.hotkey
        && let Some(other) = p.schema.labels.iter().find(|l| l.id != label.id && l.hotkey == Some(k))
    {
        return Err(EditError::Invalid(format!("key {k:?} already applies label {:?}", other.name)));
    }
    if let Some(parent) = label.parent {
        let mut cur = Some(parent);
        let mut steps = 0;
        while let Some(id) = cur {
            if id == label.id {
                return Err(EditError::Invalid(format!("{:?} cannot be nested under its own descendant", label.name)));
            }
            cur = p.schema.label(id).ok_or(EditError::NoLabel(id))?.parent;
            steps += 1;
            if steps > p.schema.labels.len() {
                break;
            }
        }
    }
    Ok(())
}

fn check_relation_type(p: &Project, t: &crate::model::RelationType) -> Result<(), EditError> {
    if t.name.trim().is_empty() {
        return Err(EditError::Invalid("a relation type needs a name".into()));
    }
    if p.schema.relation_types.iter().any(|o| o.id != t.id && o.name == t.name) {
        return Err(EditError::Invalid(format!("another relation type is already named {:?}", t.name)));
    }
    for l in t.from_labels.iter().chain(&t.to_labels) {
        if p.schema.label(*l).is_none() {
            return Err(EditError::NoLabel(*l));
        }
    }
    Ok(())
}

fn check_entity(e: &Entity) -> Result<(), EditError> {
    if e.name.trim().is_empty() {
        return Err(EditError::Invalid("an actor needs a name".into()));
    }
    Ok(())
}

fn remove_label(p: &mut Project, id: LabelId, policy: InUse<LabelId>, what: &str) -> Res {
    let Some(old) = p.schema.label(id).cloned() else { return Err(EditError::NoLabel(id)) };
    if let InUse::Reassign(to) = policy {
        if to == id {
            return Err(EditError::Invalid("spans cannot be reassigned to the label being deleted".into()));
        }
        if p.schema.label(to).is_none() {
            return Err(EditError::NoLabel(to));
        }
    }
    let mut subs = Vec::new();
    for a in &p.articles {
        for s in a.spans.iter().filter(|s| s.label == id) {
            subs.push(match policy {
                InUse::Delete => Command::RemoveSpan { article: a.id, span: s.id },
                InUse::Reassign(to) => Command::SetSpanLabel { article: a.id, span: s.id, label: to },
            });
        }
    }
    for child in p.schema.labels.iter().filter(|l| l.parent == Some(id)) {
        subs.push(Command::SetLabel { label: crate::model::Label { parent: old.parent, ..child.clone() } });
    }
    let replace = |v: &[LabelId]| -> Vec<LabelId> {
        let mut out: Vec<LabelId> = Vec::new();
        for &l in v {
            let l2 = if l == id { if let InUse::Reassign(to) = policy { Some(to) } else { None } } else { Some(l) };
            if let Some(l2) = l2
                && !out.contains(&l2)
            {
                out.push(l2);
            }
        }
        out
    };
    for t in p.schema.relation_types.iter().filter(|t| t.from_labels.contains(&id) || t.to_labels.contains(&id)) {
        let mut t2 = t.clone();
        t2.from_labels = replace(&t.from_labels);
        t2.to_labels = replace(&t.to_labels);
        subs.push(Command::SetRelationType { relation_type: t2 });
    }
    compound(p, what, subs, |p| {
        let i = p.schema.labels.iter().position(|l| l.id == id).ok_or(EditError::NoLabel(id))?;
        let label = p.schema.labels.remove(i);
        Ok(Command::AddLabel { label, index: i })
    })
}

fn remove_relation_type(p: &mut Project, id: RelTypeId, policy: InUse<RelTypeId>, what: &str) -> Res {
    if p.schema.relation_type(id).is_none() {
        return Err(EditError::NoRelationType(id));
    }
    if let InUse::Reassign(to) = policy
        && (to == id || p.schema.relation_type(to).is_none())
    {
        return Err(EditError::NoRelationType(to));
    }
    let mut subs = Vec::new();
    for a in &p.articles {
        for r in a.relations.iter().filter(|r| r.kind == id) {
            subs.push(match policy {
                InUse::Delete => Command::RemoveRelation { article: a.id, relation: r.id },
                InUse::Reassign(to) => Command::SetRelationKind { article: a.id, relation: r.id, kind: to },
            });
        }
    }
    compound(p, what, subs, |p| {
        let i = p.schema.relation_types.iter().position(|t| t.id == id).ok_or(EditError::NoRelationType(id))?;
        let relation_type = p.schema.relation_types.remove(i);
        Ok(Command::AddRelationType { relation_type, index: i })
    })
}

/// Unlinks (or relinks to `into`) every mention of `id`, then removes the entity.
fn remove_entity(p: &mut Project, id: EntityId, into: Option<Entity>, what: &str) -> Res {
    if p.entity(id).is_none() {
        return Err(EditError::NoEntity(id));
    }
    let target = into.as_ref().map(|e| e.id);
    let mut subs = Vec::new();
    if let Some(e) = into {
        subs.push(Command::SetEntity { entity: e });
    }
    for a in &p.articles {
        for s in a.spans.iter().filter(|s| s.entity == Some(id)) {
            subs.push(Command::SetSpanEntity { article: a.id, span: s.id, entity: target });
        }
    }
    compound(p, what, subs, |p| {
        let i = p.entities.iter().position(|e| e.id == id).ok_or(EditError::NoEntity(id))?;
        let entity = p.entities.remove(i);
        Ok(Command::AddEntity { entity, index: i })
    })
}
