//! Checks every invariant of a project and lists what is wrong, one problem per line.

use super::{Project, quote_with};
use crate::text::CharMap;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// One thing wrong in a project: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `a3 "Title"` when the problem sits in an article (shared by that article's problems).
    pub article: Option<Arc<str>>,
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
    article: Option<Arc<str>>,
}

impl Checker {
    fn push(&mut self, item: impl fmt::Display, message: String) {
        self.problems.push(Problem { article: self.article.clone(), item: Some(item.to_string()), message });
    }
}

/// Every problem found, in file order; empty when the project is sound.
pub fn validate(project: &Project) -> Vec<Problem> {
    check(project, false).0
}

/// What `glose validate` lists: every problem (as `validate`), then every relation whose ends
/// carry labels its type does not accept (as `mismatched_relations`), in one pass.
pub fn validate_with_mismatches(project: &Project) -> (Vec<Problem>, Vec<Problem>) {
    check(project, true)
}

fn check(project: &Project, mismatches: bool) -> (Vec<Problem>, Vec<Problem>) {
    let mut c = Checker { problems: Vec::new(), article: None };
    if project.format_version != super::FORMAT_VERSION {
        c.problems.push(Problem {
            article: None,
            item: None,
            message: format!("format_version {} (this build writes {})", project.format_version, super::FORMAT_VERSION),
        });
    }
    // Each article's own checks on every core (with its largest id and its count of records);
    // the ids, project-wide, after.
    let mut entity_ids: Vec<_> = project.entities.iter().map(|e| e.id).collect();
    entity_ids.sort_unstable();
    let own = crate::par::map(&project.articles, |a| check_article(&project.schema, a, &entity_ids, mismatches));
    // Ids in a bitmap (at 5 M spans a map of id → kind was a sixth of the time and 150 MB); on a
    // clash (rare) the record that had the id first is looked up.
    let schema_ids =
        project.schema.labels.iter().map(|l| l.id.0).chain(project.schema.relation_types.iter().map(|t| t.id.0));
    let max = schema_ids.chain(project.entities.iter().map(|e| e.id.0)).chain(own.iter().map(|o| o.max_id)).max();
    let records: usize = own.iter().map(|o| o.records).sum();
    let mut seen = super::IdSet::new(max.unwrap_or(0).saturating_add(1), records);
    let mut unique = |c: &mut Checker, id: u64, kind: &'static str| {
        if !seen.insert(id) {
            let first = first_holder(project, id);
            c.push(format!("{kind}{id}"), format!("id {id} is already used by {first}{id}"));
        }
    };
    check_schema(project, &mut c, &mut unique);
    for e in &project.entities {
        unique(&mut c, e.id.0, "e");
        if e.name.trim().is_empty() {
            c.push(e.id, "actor has an empty name".into());
        }
    }
    let mut mismatched = Vec::new();
    for (a, own) in project.articles.iter().zip(own) {
        c.article = None;
        unique(&mut c, a.id.0, "a");
        c.article = Some(own.context);
        for s in &a.spans {
            unique(&mut c, s.id.0, "s");
        }
        for r in &a.relations {
            unique(&mut c, r.id.0, "r");
        }
        c.problems.extend(own.problems);
        mismatched.extend(own.mismatched);
    }
    (c.problems, mismatched)
}

/// How a problem names its article: `a3 "Title"`.
fn article_context(a: &super::Article) -> Arc<str> {
    format!("{} {:?}", a.id, a.title).into()
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
/// With `mismatches`, its relations whose ends' labels their type does not accept, apart.
fn check_article(
    schema: &super::Schema,
    a: &super::Article,
    entity_ids: &[super::EntityId],
    mismatches: bool,
) -> ArticleChecks {
    let context = article_context(a);
    let mut c = Checker { problems: Vec::new(), article: Some(context.clone()) };
    let len = a.text.chars().count();
    let labels = SpanLabels::new(a);
    // Spans' starts found in one pass over the text (spans are kept in text order; any other
    // order is checked the same, only slower); a map of the text only for a span of several
    // fragments or a wrong quote.
    let mut cursor = crate::text::CharCursor::new(&a.text);
    let map = std::cell::OnceCell::new();
    let map = || map.get_or_init(|| CharMap::new(&a.text));
    for s in &a.spans {
        if schema.label(s.label).is_none() {
            c.push(s.id, format!("label {} does not exist", s.label));
        }
        if let Some(e) = s.entity
            && entity_ids.binary_search(&e).is_err()
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
            // One fragment (the usual case): the quote is the text from the fragment's start
            // when it is there and has the fragment's number of code points.
            let same = match s.fragments.as_slice() {
                [f] => cursor.byte_of(f.start).is_some_and(|b| {
                    a.text.get(b..b + s.quote.len()) == Some(s.quote.as_str())
                        && s.quote.chars().count() == f.end - f.start
                }),
                _ => quote_with(&a.text, map(), &s.fragments).as_deref() == Some(s.quote.as_str()),
            };
            if !same {
                let actual = quote_with(&a.text, map(), &s.fragments).unwrap_or_default();
                c.push(s.id, format!("quote {:?} differs from the text it covers, {:?}", s.quote, actual));
            }
        }
    }
    for r in &a.relations {
        if schema.relation_type(r.kind).is_none() {
            c.push(r.id, format!("relation type {} does not exist", r.kind));
        }
        for (end, id) in [("from", r.from), ("to", r.to)] {
            if labels.get(id).is_none() {
                c.push(r.id, format!("{end} end {id} is not a span of this article"));
            }
        }
        if r.from == r.to {
            c.push(r.id, "relation links a span to itself".into());
        }
    }
    let mut wrong = Checker { problems: Vec::new(), article: Some(context.clone()) };
    if mismatches {
        for r in &a.relations {
            if let Some(why) = mismatch(schema, r, labels.get(r.from), labels.get(r.to)) {
                wrong.push(r.id, why);
            }
        }
    }
    let ids = a.spans.iter().map(|s| s.id.0).chain(a.relations.iter().map(|r| r.id.0));
    let max_id = ids.fold(a.id.0, u64::max);
    let records = 1 + a.spans.len() + a.relations.len();
    ArticleChecks { context, problems: c.problems, mismatched: wrong.problems, max_id, records }
}

/// What one article's own checks found.
struct ArticleChecks {
    /// How its problems name it.
    context: Arc<str>,
    problems: Vec<Problem>,
    /// Its relations whose ends' labels their type does not accept (when asked).
    mismatched: Vec<Problem>,
    /// Its largest id, and how many records (itself, its spans and relations) have one.
    max_id: u64,
    records: usize,
}

/// An article's spans' labels by span id, looked up by halving (a scan of the spans per
/// relation end, or a hash set, cost more at 5 M spans).
struct SpanLabels(Vec<(super::SpanId, super::LabelId)>);

impl SpanLabels {
    fn new(a: &super::Article) -> Self {
        let mut labels: Vec<_> = a.spans.iter().map(|s| (s.id, s.label)).collect();
        labels.sort_unstable();
        SpanLabels(labels)
    }

    fn get(&self, id: super::SpanId) -> Option<super::LabelId> {
        self.0.binary_search_by_key(&id, |(s, _)| *s).ok().map(|i| self.0[i].1)
    }
}

/// Relations whose ends carry labels their type does not accept (the type's labels were
/// changed, or a span relabelled, after the link was made): not damage, but what a coder
/// should look at. The window never makes them; `glose validate` lists them.
pub fn mismatched_relations(project: &Project) -> Vec<Problem> {
    let per_article = crate::par::map(&project.articles, |a| {
        let mut c = Checker { problems: Vec::new(), article: Some(article_context(a)) };
        let labels = SpanLabels::new(a);
        for r in &a.relations {
            if let Some(why) = mismatch(&project.schema, r, labels.get(r.from), labels.get(r.to)) {
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
    mismatch(&project.schema, relation, label(relation.from), label(relation.to))
}

/// Why a relation of its type cannot link those two labels, if it cannot.
fn mismatch(
    schema: &super::Schema,
    relation: &super::Relation,
    from: Option<super::LabelId>,
    to: Option<super::LabelId>,
) -> Option<String> {
    let (t, from, to) = (schema.relation_type(relation.kind)?, from?, to?);
    let name = |l| schema.label_name(l).to_string();
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
