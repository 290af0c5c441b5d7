//! "Find unlinked mentions": where an actor's name or aliases occur in an article without a
//! span linked to that actor, as proposals the user accepts one by one or all at once.

use crate::model::{Article, Entity, SpanId};
use crate::text::{CharMap, joins_word};

/// A place where an actor is named but not linked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// The name or alias found there.
    pub name: String,
    /// An existing span covering exactly this text, to link instead of creating one.
    pub existing: Option<SpanId>,
}

/// Occurrences of the entity's names in the article that no span linked to it covers,
/// longest name first where names overlap ("Vladimir Putin" before "Putin").
pub fn unlinked_mentions(article: &Article, entity: &Entity) -> Vec<Mention> {
    let text = &article.text;
    let map = CharMap::new(text);
    let mut names: Vec<&str> = entity.all_names().filter(|n| !n.trim().is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let mut out: Vec<Mention> = Vec::new();
    for name in names {
        for (b, _) in text.match_indices(name) {
            let before = text[..b].chars().next_back();
            let after = text[b + name.len()..].chars().next();
            let first = name.chars().next();
            let last = name.chars().next_back();
            if (before.is_some_and(joins_word) && first.is_some_and(joins_word))
                || (after.is_some_and(joins_word) && last.is_some_and(joins_word))
            {
                continue;
            }
            let (Some(start), Some(end)) = (map.char_of_byte(text, b), map.char_of_byte(text, b + name.len())) else {
                continue;
            };
            if out.iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            let linked = article
                .spans
                .iter()
                .any(|s| s.entity == Some(entity.id) && s.fragments.iter().any(|f| f.start < end && start < f.end));
            if linked {
                continue;
            }
            let existing = article
                .spans
                .iter()
                .find(|s| s.entity.is_none() && s.fragments.len() == 1 && s.start() == start && s.end() == end)
                .map(|s| s.id);
            out.push(Mention { start, end, name: name.to_string(), existing });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}
