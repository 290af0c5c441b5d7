//! Every change to a project is a [`Command`] value. Applying one returns its inverse,
//! which is what [`History`] keeps for undo and what the journal (`store::Journal`) replays
//! after a crash.

mod apply;
mod history;
mod retext;

pub use apply::EditError;
pub use history::{History, Revision, next_revision};
pub use retext::{OffsetMap, REVIEW_ATTRIBUTE, Retext, retext};

use crate::model::{
    Article, ArticleId, ArticleMeta, Entity, EntityId, Fragment, Label, LabelId, RelTypeId, Relation, RelationId,
    RelationType, Span, SpanId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What happens to the spans (or relations) of a label (or type) that is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InUse<T> {
    /// Delete them too.
    Delete,
    /// Give them this label (or type) instead.
    Reassign(T),
}

/// One change to a project. The window builds these; nothing else mutates a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    // Articles
    AddArticle {
        article: Article,
        index: usize,
    },
    /// Removes an article with all its spans and relations.
    RemoveArticle {
        article: ArticleId,
    },
    /// Replaces an article's text (a correction) with its spans as [`retext`] carried them:
    /// every span of the article, by id, with fragments inside the new text.
    SetArticleText {
        article: ArticleId,
        text: String,
        spans: Vec<Span>,
    },
    SetArticleMeta {
        article: ArticleId,
        meta: ArticleMeta,
    },

    // Spans. `AddSpan` computes the quote from the text; `relations` are restored with it
    // (the inverse of removing a span that had relations).
    AddSpan {
        article: ArticleId,
        span: Span,
        relations: Vec<Relation>,
    },
    /// Removes a span and every relation that touches it.
    RemoveSpan {
        article: ArticleId,
        span: SpanId,
    },
    SetSpanLabel {
        article: ArticleId,
        span: SpanId,
        label: LabelId,
    },
    /// Moves, extends, shrinks or adds fragments; the quote follows.
    SetSpanFragments {
        article: ArticleId,
        span: SpanId,
        fragments: Vec<Fragment>,
    },
    SetSpanEntity {
        article: ArticleId,
        span: SpanId,
        entity: Option<EntityId>,
    },
    SetSpanNote {
        article: ArticleId,
        span: SpanId,
        note: String,
    },
    SetSpanAttributes {
        article: ArticleId,
        span: SpanId,
        attributes: BTreeMap<String, String>,
    },

    // Relations
    AddRelation {
        article: ArticleId,
        relation: Relation,
    },
    RemoveRelation {
        article: ArticleId,
        relation: RelationId,
    },
    SetRelationKind {
        article: ArticleId,
        relation: RelationId,
        kind: RelTypeId,
    },
    SetRelationNote {
        article: ArticleId,
        relation: RelationId,
        note: String,
    },
    /// Swaps the two ends of a directed relation.
    ReverseRelation {
        article: ArticleId,
        relation: RelationId,
    },

    // Labels
    AddLabel {
        label: Label,
        index: usize,
    },
    /// Replaces a label's name, colour, hotkey, parent and description (rename, recolour, re-key, nest).
    SetLabel {
        label: Label,
    },
    MoveLabel {
        label: LabelId,
        index: usize,
    },
    RemoveLabel {
        label: LabelId,
        spans: InUse<LabelId>,
    },
    /// Gives every span of `from` the label `into`, then removes `from`.
    MergeLabels {
        from: LabelId,
        into: LabelId,
    },

    // Relation types
    AddRelationType {
        relation_type: RelationType,
        index: usize,
    },
    SetRelationType {
        relation_type: RelationType,
    },
    MoveRelationType {
        relation_type: RelTypeId,
        index: usize,
    },
    RemoveRelationType {
        relation_type: RelTypeId,
        relations: InUse<RelTypeId>,
    },
    MergeRelationTypes {
        from: RelTypeId,
        into: RelTypeId,
    },

    // Canonical entities
    AddEntity {
        entity: Entity,
        index: usize,
    },
    /// Replaces an entity's name, kind, aliases, external id and note.
    SetEntity {
        entity: Entity,
    },
    /// Removes an entity; spans linked to it are unlinked.
    RemoveEntity {
        entity: EntityId,
    },
    /// Relinks every mention of `from` to `into`, adds `from`'s names to its aliases, removes `from`.
    MergeEntities {
        from: EntityId,
        into: EntityId,
    },

    SetProjectName {
        name: String,
    },

    // Recommenders
    /// Replaces the recommenders' settings (threshold, matching, rejections).
    SetSuggestionSettings {
        settings: crate::model::SuggestionSettings,
    },
    /// Turns a suggestion down: never proposed again at that place with that label.
    RejectSuggestion {
        rejection: crate::model::Rejection,
    },
    /// Takes a rejection back (the undo of `RejectSuggestion`).
    UnrejectSuggestion {
        rejection: crate::model::Rejection,
    },
    /// Several commands as one undo step (applied in order, undone in reverse).
    Batch {
        label: String,
        commands: Vec<Command>,
    },
}

impl Command {
    /// Gives every `NEW` id of what this command adds (article, span, relation, label, type,
    /// actor) a fresh id of `project`, and returns them in order: views build commands, only
    /// command application allocates ids. In a batch, an actor reference `EntityId::NEW` (of a
    /// span added or linked) after an `AddEntity` names the actor that batch added ("new actor
    /// from this text").
    /// A relation made now (its id still `NEW`, not inside a batch: a link the user drew) must
    /// be of a type that accepts its ends' labels. Re-applied relations (undo, redo, imports in a
    /// batch) are not checked: a span relabelled since must not make undo fail.
    pub fn check_new_relation(&self, project: &crate::model::Project) -> Result<(), EditError> {
        let Command::AddRelation { article, relation } = self else { return Ok(()) };
        if relation.id.0 != 0 {
            return Ok(());
        }
        // A missing article, end or type is refused by the command itself, with its own error.
        let Some(a) = project.article(*article) else { return Ok(()) };
        match crate::model::label_mismatch(project, a, relation) {
            Some(why) => Err(EditError::Invalid(why)),
            None => Ok(()),
        }
    }

    pub fn give_ids(&mut self, project: &mut crate::model::Project) -> Vec<u64> {
        let mut given = Vec::new();
        self.give_ids_into(project, &mut given, &mut None);
        given
    }

    fn give_ids_into(
        &mut self,
        project: &mut crate::model::Project,
        given: &mut Vec<u64>,
        actor: &mut Option<EntityId>,
    ) {
        let mut fresh = |id: &mut u64| {
            if *id == 0 {
                *id = project.alloc_id();
                given.push(*id);
            }
        };
        match self {
            Command::AddArticle { article, .. } => fresh(&mut article.id.0),
            Command::AddSpan { span, .. } => {
                fresh(&mut span.id.0);
                if let (Some(e), Some(a)) = (&mut span.entity, *actor)
                    && e.is_new()
                {
                    *e = a;
                }
            }
            Command::AddRelation { relation, .. } => fresh(&mut relation.id.0),
            Command::AddLabel { label, .. } => fresh(&mut label.id.0),
            Command::AddRelationType { relation_type, .. } => fresh(&mut relation_type.id.0),
            Command::AddEntity { entity, .. } => {
                fresh(&mut entity.id.0);
                *actor = Some(entity.id);
            }
            Command::SetSpanEntity { entity: Some(e), .. } if e.is_new() => {
                if let Some(a) = *actor {
                    *e = a;
                }
            }
            Command::Batch { commands, .. } => {
                for c in commands {
                    c.give_ids_into(project, given, actor);
                }
            }
            _ => {}
        }
    }

    /// Whether applying it changes an article's text (views then lay the text out again).
    pub fn touches_text(&self) -> bool {
        match self {
            Command::SetArticleText { .. } => true,
            Command::Batch { commands, .. } => commands.iter().any(Command::touches_text),
            _ => false,
        }
    }

    /// A short description for the Edit menu ("Undo add span").
    pub fn describe(&self) -> String {
        use Command::*;
        match self {
            AddArticle { .. } => "add article",
            RemoveArticle { .. } => "remove article",
            SetArticleText { .. } => "correct article text",
            SetArticleMeta { .. } => "edit article details",
            AddSpan { .. } => "add span",
            RemoveSpan { .. } => "delete span",
            SetSpanLabel { .. } => "change label",
            SetSpanFragments { .. } => "resize span",
            SetSpanEntity { .. } => "link actor",
            SetSpanNote { .. } => "edit note",
            SetSpanAttributes { .. } => "edit attributes",
            AddRelation { .. } => "add relation",
            RemoveRelation { .. } => "delete relation",
            SetRelationKind { .. } => "change relation type",
            SetRelationNote { .. } => "edit relation note",
            ReverseRelation { .. } => "reverse relation",
            AddLabel { .. } => "add label",
            SetLabel { .. } => "edit label",
            MoveLabel { .. } => "reorder labels",
            RemoveLabel { .. } => "delete label",
            MergeLabels { .. } => "merge labels",
            AddRelationType { .. } => "add relation type",
            SetRelationType { .. } => "edit relation type",
            MoveRelationType { .. } => "reorder relation types",
            RemoveRelationType { .. } => "delete relation type",
            MergeRelationTypes { .. } => "merge relation types",
            AddEntity { .. } => "add actor",
            SetEntity { .. } => "edit actor",
            RemoveEntity { .. } => "delete actor",
            MergeEntities { .. } => "merge actors",
            SetProjectName { .. } => "rename project",
            SetSuggestionSettings { .. } => "change suggestion settings",
            RejectSuggestion { .. } => "reject suggestion",
            UnrejectSuggestion { .. } => "take back a rejection",
            Batch { label, .. } => return label.clone(),
        }
        .to_string()
    }
}
