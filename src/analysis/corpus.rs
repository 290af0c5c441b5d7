//! The whole corpus at once: mentions per actor per article, label counts per article, labels
//! that occur in the same sentence, search with keyword-in-context results, and the alliance
//! network (actors as nodes, alliance/opposes relations as edges weighted by how many articles
//! assert them).

use crate::model::{ArticleId, EntityId, LabelId, Project, RelTypeId, SpanId};
use crate::text::CharMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_segmentation::UnicodeSegmentation;

/// Mentions (linked spans) of each actor in each article: `rows[actor][article]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMatrix {
    pub actors: Vec<EntityId>,
    pub articles: Vec<ArticleId>,
    pub counts: Vec<Vec<usize>>,
}

pub fn actor_matrix(p: &Project) -> ActorMatrix {
    let actors: Vec<EntityId> = p.entities.iter().map(|e| e.id).collect();
    let articles: Vec<ArticleId> = p.articles.iter().map(|a| a.id).collect();
    let mut counts = vec![vec![0; articles.len()]; actors.len()];
    for (j, a) in p.articles.iter().enumerate() {
        for s in &a.spans {
            if let Some(i) = s.entity.and_then(|e| actors.iter().position(|&x| x == e)) {
                counts[i][j] += 1;
            }
        }
    }
    ActorMatrix { actors, articles, counts }
}

/// Spans per label per article: `counts[article][label]` in schema order.
/// Labels (in schema order) and, per article, the number of spans of each.
pub type LabelCounts = (Vec<LabelId>, Vec<(ArticleId, Vec<usize>)>);

pub fn label_counts(p: &Project) -> LabelCounts {
    let labels: Vec<LabelId> = p.schema.labels.iter().map(|l| l.id).collect();
    let rows = p
        .articles
        .iter()
        .map(|a| (a.id, labels.iter().map(|l| a.spans.iter().filter(|s| s.label == *l).count()).collect()))
        .collect();
    (labels, rows)
}

/// Sentences (code point ranges) of a text.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let map = CharMap::new(text);
    let mut out = Vec::new();
    let mut base = 0;
    for line in text.split_inclusive('\n') {
        for (b, s) in line.split_sentence_bound_indices() {
            let t = s.trim_end();
            if t.trim().is_empty() {
                continue;
            }
            if let (Some(x), Some(y)) = (map.char_of_byte(text, base + b), map.char_of_byte(text, base + b + t.len())) {
                out.push((x, y));
            }
        }
        base += line.len();
    }
    out
}

/// How often two labels occur in the same sentence (pairs counted once per sentence;
/// a label with itself when two spans of it share a sentence).
pub fn cooccurrence(p: &Project) -> BTreeMap<(LabelId, LabelId), usize> {
    let mut out = BTreeMap::new();
    for a in &p.articles {
        for (s, e) in sentences(&a.text) {
            let mut here: Vec<LabelId> =
                a.spans.iter().filter(|sp| sp.start() < e && s < sp.end()).map(|sp| sp.label).collect();
            here.sort();
            let mut pairs = BTreeSet::new();
            for i in 0..here.len() {
                for j in i + 1..here.len() {
                    pairs.insert((here[i], here[j]));
                }
            }
            for pair in pairs {
                *out.entry(pair).or_insert(0) += 1;
            }
        }
    }
    out
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// A word, a phrase or a regular expression, in any case or not, whole words or not.
    pub pattern: crate::text::Pattern,
    /// Only hits inside a span of this label / linked to this actor / by this annotator.
    pub label: Option<LabelId>,
    pub entity: Option<EntityId>,
    pub annotator: Option<String>,
}

/// One hit, keyword in context.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// Searches every article; `Err` names a bad regular expression.
pub fn search(p: &Project, q: &Query, context: usize, limit: usize) -> Result<Vec<Hit>, String> {
    search_with(p, q, context, limit, &|_| true)
}

/// [`search`] in the articles `index` says may hold a hit (every article when it cannot tell):
/// the same hits, found without reading the others.
pub fn search_indexed(
    p: &Project,
    index: &super::search_index::SearchIndex,
    q: &Query,
    context: usize,
    limit: usize,
) -> Result<Vec<Hit>, String> {
    let only = index.candidates(&q.pattern);
    search_in(p, q, context, limit, only.as_ref(), &|_| true)
}

/// [`search`], telling `go_on` how many articles are done before each one; it stops (with the
/// hits so far) when `go_on` says no — for a search running in the background.
pub fn search_with(
    p: &Project,
    q: &Query,
    context: usize,
    limit: usize,
    go_on: &dyn Fn(usize) -> bool,
) -> Result<Vec<Hit>, String> {
    search_in(p, q, context, limit, None, go_on)
}

/// [`search_with`] only in the articles of `only` (when given: those an index says may hold a
/// hit).
pub fn search_in(
    p: &Project,
    q: &Query,
    context: usize,
    limit: usize,
    only: Option<&std::collections::HashSet<ArticleId>>,
    go_on: &dyn Fn(usize) -> bool,
) -> Result<Vec<Hit>, String> {
    let Some(finder) = crate::text::Finder::new(&q.pattern)? else { return Ok(Vec::new()) };
    let mut hits = Vec::new();
    for (i, a) in p.articles.iter().enumerate() {
        if !go_on(i) {
            break;
        }
        if only.is_some_and(|o| !o.contains(&a.id)) || !finder.is_match(&a.text) {
            continue;
        }
        let map = CharMap::new(&a.text);
        for (s, e) in finder.find_iter(&a.text, &map) {
            let inside = |f: &dyn Fn(&crate::model::Span) -> bool| {
                a.spans.iter().any(|sp| sp.start() <= s && e <= sp.end() && f(sp))
            };
            if q.label.is_some_and(|l| !inside(&|sp| sp.label == l))
                || q.entity.is_some_and(|en| !inside(&|sp| sp.entity == Some(en)))
                || q.annotator.as_ref().is_some_and(|who| !inside(&|sp| &sp.annotator == who))
            {
                continue;
            }
            let left = map.slice(&a.text, s.saturating_sub(context), s).unwrap_or_default();
            let right = map.slice(&a.text, e, (e + context).min(map.char_len())).unwrap_or_default();
            hits.push(Hit {
                article: a.id,
                start: s,
                end: e,
                left: crate::text::ellipsize(left, context),
                matched: map.slice(&a.text, s, e).unwrap_or_default().to_string(),
                right: crate::text::ellipsize(right, context),
            });
            if hits.len() >= limit {
                return Ok(hits);
            }
        }
    }
    Ok(hits)
}

/// A node of the actor network: a canonical actor, or the text of mentions linked to none
/// (whitespace folded; spellings differing only in case are one node, named as first written).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Actor(EntityId),
    Mention(String),
}

impl Node {
    /// The actor's name, or the mention's text.
    pub fn name<'a>(&'a self, p: &'a Project) -> &'a str {
        match self {
            Node::Actor(id) => p.entity(*id).map_or("", |e| e.name.as_str()),
            Node::Mention(text) => text,
        }
    }
}

/// An edge of the actor network.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub a: Node,
    pub b: Node,
    pub kind: RelTypeId,
    /// Articles asserting it (the weight is their number).
    pub articles: BTreeSet<ArticleId>,
    /// The relations behind it: (article, from span, to span).
    pub passages: Vec<(ArticleId, SpanId, SpanId)>,
}

/// Actors linked by relations of the given types (by default alliance and opposes), through
/// spans linked to actors — or, for a span linked to none, through its text. Symmetric types join
/// both directions into one edge.
pub fn network(p: &Project, types: &[RelTypeId]) -> Vec<Edge> {
    let mut edges: BTreeMap<(Node, Node, RelTypeId), Edge> = BTreeMap::new();
    // Each unlinked mention's text by its lower case, as first written.
    let mut spelling: HashMap<String, String> = HashMap::new();
    for a in &p.articles {
        let node = |id: SpanId, spelling: &mut HashMap<String, String>| {
            let s = a.span(id)?;
            if let Some(e) = s.entity {
                return Some(Node::Actor(e));
            }
            let text = s.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then(|| Node::Mention(spelling.entry(text.to_lowercase()).or_insert(text).clone()))
        };
        for r in a.relations.iter().filter(|r| types.contains(&r.kind)) {
            let (Some(x), Some(y)) = (node(r.from, &mut spelling), node(r.to, &mut spelling)) else {
                continue;
            };
            if x == y {
                continue;
            }
            let symmetric = p.schema.relation_type(r.kind).is_some_and(|t| t.symmetric);
            let (x, y) = if symmetric && y < x { (y, x) } else { (x, y) };
            let e = edges.entry((x.clone(), y.clone(), r.kind)).or_insert_with(|| Edge {
                a: x,
                b: y,
                kind: r.kind,
                articles: BTreeSet::new(),
                passages: Vec::new(),
            });
            e.articles.insert(a.id);
            e.passages.push((a.id, r.from, r.to));
        }
    }
    edges.into_values().collect()
}

/// The alliance and opposes types of a project (by name), for [`network`].
pub fn network_types(p: &Project) -> Vec<RelTypeId> {
    p.schema.relation_types.iter().filter(|t| t.name == "alliance" || t.name == "opposes").map(|t| t.id).collect()
}

/// Positions for `n` nodes in the unit square (Fruchterman–Reingold), deterministic: nodes
/// start on a circle. `edges` are index pairs with weights.
pub fn force_layout(n: usize, edges: &[(usize, usize, f32)], iterations: usize) -> Vec<(f32, f32)> {
    if n == 0 {
        return Vec::new();
    }
    let mut pos: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let t = i as f32 / n as f32 * std::f32::consts::TAU;
            (0.5 + 0.35 * t.cos(), 0.5 + 0.35 * t.sin())
        })
        .collect();
    let k = (1.0 / n as f32).sqrt();
    let mut temp = 0.1f32;
    for _ in 0..iterations {
        let mut disp = vec![(0.0f32, 0.0f32); n];
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-4);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
            }
        }
        for &(a, b, w) in edges {
            if a >= n || b >= n || a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = d * d / k * (1.0 + w.ln_1p());
            disp[a].0 -= dx / d * f;
            disp[a].1 -= dy / d * f;
            disp[b].0 += dx / d * f;
            disp[b].1 += dy / d * f;
        }
        for i in 0..n {
            // A little gravity keeps unconnected groups from drifting off.
            disp[i].0 -= (pos[i].0 - 0.5) * k * 3.0;
            disp[i].1 -= (pos[i].1 - 0.5) * k * 3.0;
            let (dx, dy) = disp[i];
            let d = (dx * dx + dy * dy).sqrt().max(1e-6);
            pos[i].0 += dx / d * d.min(temp);
            pos[i].1 += dy / d * d.min(temp);
        }
        temp = (temp * 0.95).max(0.002);
    }
    // Fit the drawing to the unit square, leaving room on the right for names.
    let (min_x, max_x) = pos.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = pos.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (w, h) = ((max_x - min_x).max(1e-3), (max_y - min_y).max(1e-3));
    for p in &mut pos {
        p.0 = 0.06 + (p.0 - min_x) / w * 0.74;
        p.1 = 0.08 + (p.1 - min_y) / h * 0.84;
    }
    if n == 1 {
        pos[0] = (0.5, 0.5);
    }
    pos
}
