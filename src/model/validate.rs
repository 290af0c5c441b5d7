//! Checks every invariant of a project and lists what is wrong, one problem per line.

use super::{Project, quote_with};
use crate::text::CharMap;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One thing wrong in a project: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `a3 "Title"` when the problem sits in an article.
    pub article: Option<String>,
    /// The record at fault (`s12`, `r4`, `l2`, `e7`).
    pub item: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(a) = &self.article {
            write!(f, "article {a}: ")?;
        }
        if let Some(i) = &self.item {
            write!(f, "{i}: ")?;
        }
        f.write_str(&self.message)
    }
}

struct Checker {
    problems: Vec<Problem>,
    article: Option<String>,
}

impl Checker {
    fn push(&mut self, item: impl fmt::Display, message: String) {
        self.problems.push(Problem { article: self.article.clone(), item: Some(item.to_string()), message });
    }
}

/// Every problem found, in file order; empty when the project is sound.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new(), article: None };
    if project.format_version != super::FORMAT_VERSION {
        c.problems.push(Problem {
            article: None,
            item: None,
            message: format!("format_version {} (this build writes {})", project.format_version, super::FORMAT_VERSION),
        });
    }
    // Ids in a bitmap (at 5 M spans a map of id → kind was a sixth of the time and 150 MB); on a
    // clash (rare) the record that had the id first is looked up.
    let records: usize = project.articles.iter().map(|a| 1 + a.spans.len() + a.relations.len()).sum();
    let mut seen = super::IdSet::new(project.max_id().saturating_add(1), records);
    let mut unique = |c: &mut Checker, id: u64, kind: &'static str| {
        if !seen.insert(id) {
            let first = first_holder(project, id);
            c.push(format!("{kind}{id}"), format!("id {id} is already used by {first}{id}"));
        }
    };
    check_schema(project, &mut c, &mut unique);
    let entity_ids: HashSet<_> = project.entities.iter().map(|e| e.id).collect();
    for e in &project.entities {
        unique(&mut c, e.id.0, "e");
        if e.name.trim().is_empty() {
            c.push(e.id, "actor has an empty name".into());
        }
    }
    // Each article's own checks on every core; the ids, project-wide, here.
    let own = crate::par::map(&project.articles, |a| check_article(project, a, &entity_ids));
    for (a, own) in project.articles.iter().zip(own) {
        c.article = None;
        unique(&mut c, a.id.0, "a");
        c.article = Some(format!("{} {:?}", a.id, a.title));
        for s in &a.spans {
            unique(&mut c, s.id.0, "s");
        }
        for r in &a.relations {
            unique(&mut c, r.id.0, "r");
        }
        c.problems.extend(own);
    }
    c.problems
}

/// The kind of the first record (in the order `validate` meets them) that has `id`.
fn first_holder(project: &Project, id: u64) -> &'static str {
    let schema = &project.schema;
    let labels = schema.labels.iter().map(|l| (l.id.0, "l"));
    let types = schema.relation_types.iter().map(|t| (t.id.0, "t"));
    let entities = project.entities.iter().map(|e| (e.id.0, "e"));
    let articles = project.articles.iter().flat_map(|a| {
        let spans = a.spans.iter().map(|s| (s.id.0, "s"));
        std::iter::once((a.id.0, "a")).chain(spans).chain(a.relations.iter().map(|r| (r.id.0, "r")))
    });
    labels.chain(types).chain(entities).chain(articles).find(|(i, _)| *i == id).map_or("?", |(_, kind)| kind)
}

/// What is wrong inside one article, ids' uniqueness aside.
fn check_article(project: &Project, a: &super::Article, entity_ids: &HashSet<super::EntityId>) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new(), article: Some(format!("{} {:?}", a.id, a.title)) };
    let map = CharMap::new(&a.text);
    let len = map.char_len();
    let span_ids: HashSet<super::SpanId> = a.spans.iter().map(|s| s.id).collect();
    for s in &a.spans {
        if project.schema.label(s.label).is_none() {
            c.push(s.id, format!("label {} does not exist", s.label));
        }
        if let Some(e) = s.entity
            && !entity_ids.contains(&e)
        {
            c.push(s.id, format!("actor {e} does not exist"));
        }
        let checked = super::check_fragments(&s.fragments, len);
        if let Err(problem) = &checked {
            c.push(s.id, problem.to_string());
        }
        let bad = matches!(
            checked,
            Err(super::FragmentProblem::NoFragment
                | super::FragmentProblem::Empty { .. }
                | super::FragmentProblem::PastEnd { .. })
        );
        if !bad {
            // One fragment (the usual case) compares in place, without building the quote.
            let same = match s.fragments.as_slice() {
                [f] => map.slice(&a.text, f.start, f.end) == Some(s.quote.as_str()),
                _ => quote_with(&a.text, &map, &s.fragments).as_deref() == Some(s.quote.as_str()),
            };
            if !same {
                let actual = quote_with(&a.text, &map, &s.fragments).unwrap_or_default();
                c.push(s.id, format!("quote {:?} differs from the text it covers, {:?}", s.quote, actual));
            }
        }
    }
    for r in &a.relations {
        if project.schema.relation_type(r.kind).is_none() {
            c.push(r.id, format!("relation type {} does not exist", r.kind));
        }
        for (end, id) in [("from", r.from), ("to", r.to)] {
            if !span_ids.contains(&id) {
                c.push(r.id, format!("{end} end {id} is not a span of this article"));
            }
        }
        if r.from == r.to {
            c.push(r.id, "relation links a span to itself".into());
        }
    }
    c.problems
}

/// Relations whose ends carry labels their type does not accept (the type's labels were
/// changed, or a span relabelled, after the link was made): not damage, but what a coder
/// should look at. The window never makes them; `glose validate` lists them.
pub fn mismatched_relations(project: &Project) -> Vec<Problem> {
    let per_article = crate::par::map(&project.articles, |a| {
        let mut c = Checker { problems: Vec::new(), article: Some(format!("{} {:?}", a.id, a.title)) };
        // Spans' labels by id, looked up by halving (not a scan of the spans per relation end).
        let mut labels: Vec<(super::SpanId, super::LabelId)> = a.spans.iter().map(|s| (s.id, s.label)).collect();
        labels.sort_unstable();
        let label = |id| labels.binary_search_by_key(&id, |(s, _)| *s).ok().map(|i| labels[i].1);
        for r in &a.relations {
            if let Some(why) = mismatch(project, r, label(r.from), label(r.to)) {
                c.push(r.id, why);
            }
        }
        c.problems
    });
    per_article.into_iter().flatten().collect()
}

/// Why `relation` in `article` is of a type that does not accept its ends' labels, if it is
/// (`None` too when an end or the type is missing: that is another problem).
pub fn label_mismatch(project: &Project, article: &super::Article, relation: &super::Relation) -> Option<String> {
    let label = |id| article.span(id).map(|s| s.label);
    mismatch(project, relation, label(relation.from), label(relation.to))
}

/// Why a relation of its type cannot link those two labels, if it cannot.
fn mismatch(
    project: &Project,
    relation: &super::Relation,
    from: Option<super::LabelId>,
    to: Option<super::LabelId>,
) -> Option<String> {
    let (t, from, to) = (project.schema.relation_type(relation.kind)?, from?, to?);
    let name = |l| project.schema.label_name(l).to_string();
    (!t.fits(from, to)).then(|| format!("a “{}” relation does not link {} to {}", t.name, name(from), name(to)))
}

fn check_schema(project: &Project, c: &mut Checker, unique: &mut impl FnMut(&mut Checker, u64, &'static str)) {
    let schema = &project.schema;
    let mut names = HashSet::new();
    let mut keys = HashMap::new();
    for l in &schema.labels {
        unique(c, l.id.0, "l");
        if l.name.trim().is_empty() {
            c.push(l.id, "label has an empty name".into());
        }
        if !names.insert(l.name.as_str()) {
            c.push(l.id, format!("label name {:?} is used twice", l.name));
        }
        if let Some(k) = l.hotkey
            && let Some(other) = keys.insert(k, l.id)
        {
            c.push(l.id, format!("hotkey {k:?} is also the hotkey of {other}"));
        }
        if let Some(p) = l.parent {
            if schema.label(p).is_none() {
                c.push(l.id, format!("parent label {p} does not exist"));
            } else if has_parent_cycle(project, l.id) {
                c.push(l.id, "label is its own ancestor".into());
            }
        }
    }
    let mut rel_names = HashSet::new();
    for t in &schema.relation_types {
        unique(c, t.id.0, "t");
        if !rel_names.insert(t.name.as_str()) {
            c.push(t.id, format!("relation type name {:?} is used twice", t.name));
        }
        for l in t.from_labels.iter().chain(&t.to_labels) {
            if schema.label(*l).is_none() {
                c.push(t.id, format!("allowed label {l} does not exist"));
            }
        }
    }
}

fn has_parent_cycle(project: &Project, start: super::LabelId) -> bool {
    let mut cur = Some(start);
    let mut steps = 0;
    while let Some(id) = cur {
        cur = project.schema.label(id).and_then(|l| l.parent);
        steps += 1;
        if cur == Some(start) || steps > project.schema.labels.len() {
            return true;
        }
    }
    false
}
