//! Two articles side by side: what each has that the other lacks — actors (canonical, so
//! "Poutine" and "Путин" are the same), alliances and oppositions between actors, and claims
//! outside the passages the two share.

use super::shared::{SharedPassage, shared_passages};
use crate::model::{Article, EntityId, Project, RelTypeId, SpanId};
use std::collections::BTreeSet;

/// An actor-to-actor relation stated in an article, direction-free for symmetric types.
pub type ActorLink = (EntityId, EntityId, RelTypeId);

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Comparison {
    pub shared: Vec<SharedPassage>,
    pub actors_only_a: Vec<EntityId>,
    pub actors_only_b: Vec<EntityId>,
    pub links_only_a: Vec<ActorLink>,
    pub links_only_b: Vec<ActorLink>,
    /// Claim spans of A outside every passage A shares with B (and the other way round).
    pub claims_only_a: Vec<SpanId>,
    pub claims_only_b: Vec<SpanId>,
}

fn actors(a: &Article) -> BTreeSet<EntityId> {
    a.spans.iter().filter_map(|s| s.entity).collect()
}

fn links(p: &Project, a: &Article) -> BTreeSet<ActorLink> {
    a.relations
        .iter()
        .filter_map(|r| {
            let (x, y) = (a.span(r.from)?.entity?, a.span(r.to)?.entity?);
            let symmetric = p.schema.relation_type(r.kind).is_some_and(|t| t.symmetric);
            let (x, y) = if symmetric && y < x { (y, x) } else { (x, y) };
            (x != y).then_some((x, y, r.kind))
        })
        .collect()
}

fn claims_outside(p: &Project, a: &Article, passages: &[(usize, usize)]) -> Vec<SpanId> {
    let claim = p.schema.label_by_name("Claim").map(|l| l.id);
    a.spans
        .iter()
        .filter(|s| Some(s.label) == claim)
        .filter(|s| !passages.iter().any(|&(ps, pe)| ps <= s.start() && s.end() <= pe))
        .map(|s| s.id)
        .collect()
}

pub fn compare(p: &Project, a: &Article, b: &Article) -> Comparison {
    let shared = shared_passages(&a.text, &b.text);
    let (aa, ab) = (actors(a), actors(b));
    let (la, lb) = (links(p, a), links(p, b));
    let in_a: Vec<(usize, usize)> = shared.iter().map(|s| s.a).collect();
    let in_b: Vec<(usize, usize)> = shared.iter().map(|s| s.b).collect();
    Comparison {
        actors_only_a: aa.difference(&ab).copied().collect(),
        actors_only_b: ab.difference(&aa).copied().collect(),
        links_only_a: la.difference(&lb).copied().collect(),
        links_only_b: lb.difference(&la).copied().collect(),
        claims_only_a: claims_outside(p, a, &in_a),
        claims_only_b: claims_outside(p, b, &in_b),
        shared,
    }
}
