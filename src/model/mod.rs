//! The project as plain data: articles, spans, relations, schema and canonical entities.
//! No I/O and no UI here; invariants are checked by [`validate`].

mod ids;
mod schema;
mod suggestions;
mod validate;

pub use ids::{ArticleId, EntityId, IdSet, LabelId, RelTypeId, RelationId, SpanId};
pub use schema::{Color, Label, RelationType, Schema};
pub use suggestions::{Rejection, SuggestionSettings};
pub use validate::{Problem, label_mismatch, mismatched_relations, validate, validate_with_mismatches};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The on-disk format this build writes. Older versions load through `store::migrate`.
pub const FORMAT_VERSION: u32 = 3;

/// Joins the fragments of a discontinuous span in its stored `quote`.
pub const FRAGMENT_SEPARATOR: &str = " … ";

/// A whole annotation project: what one `.ron` file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub format_version: u32,
    #[serde(default)]
    pub name: String,
    /// Next free id; ids are never reused, even after a deletion or an undo.
    #[serde(default)]
    pub next_id: u64,
    #[serde(default)]
    pub annotators: Vec<String>,
    #[serde(default)]
    pub schema: Schema,
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// The recommenders' settings and the suggestions turned down.
    #[serde(default, skip_serializing_if = "SuggestionSettings::is_default")]
    pub suggestions: SuggestionSettings,
    /// Shared, so a copy of the project (for a background save or a computation in a thread)
    /// costs a pointer per article; a change copies only the article it touches.
    #[serde(default)]
    pub articles: Vec<std::sync::Arc<Article>>,
}

impl Default for Project {
    fn default() -> Self {
        Self::new("")
    }
}

/// A canonical actor (person, state, company…) that several spans may mention.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    #[serde(default)]
    pub kind: String,
    /// Other names in any language: "Poutine", "Путин", "普京".
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default)]
    pub note: String,
    /// A colour of its own (DNA's entity colours), for the network views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Free attributes (DNA's entity attributes: type, alias, notes…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

impl Entity {
    /// The name followed by every alias.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The descriptive fields of an article, edited together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: String,
    /// The outlet: "Le Monde", "TASS".
    pub source: String,
    /// Byline, when known.
    pub author: String,
    pub url: String,
    /// ISO 8601 date as precise as known: "2023-11" or "2023-11-21".
    pub published: String,
    /// ISO 639-1 code where one exists ("fr", "ru", "zh").
    pub language: String,
    /// Everything else a source said about the article: section, page, word count, the
    /// database's document number, subjects… (key → value, in key order).
    #[serde(default)]
    pub details: BTreeMap<String, String>,
}

/// One article: its text and the annotations on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub published: String,
    #[serde(default)]
    pub language: String,
    /// The database's own fields and any other column of the source (see [`ArticleMeta::details`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, String>,
    /// Set on import when this article is nearly the same text as another one (the same wire
    /// copy with small edits); only informative: the other article may have been removed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<ArticleId>,
    pub text: String,
    #[serde(default)]
    pub spans: Vec<Span>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

impl Article {
    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            title: self.title.clone(),
            source: self.source.clone(),
            author: self.author.clone(),
            url: self.url.clone(),
            published: self.published.clone(),
            language: self.language.clone(),
            details: self.details.clone(),
        }
    }

    pub fn set_meta(&mut self, meta: ArticleMeta) {
        self.title = meta.title;
        self.source = meta.source;
        self.author = meta.author;
        self.url = meta.url;
        self.published = meta.published;
        self.language = meta.language;
        self.details = meta.details;
    }

    /// Whether spans (by position), their fragments and relations (by id) are in file order.
    pub fn is_normalized(&self) -> bool {
        self.spans.iter().all(|s| s.fragments.is_sorted())
            && self.spans.is_sorted_by_key(|s| (s.start(), s.end(), s.id))
            && self.relations.is_sorted_by_key(|r| r.id)
    }

    /// Puts spans, fragments and relations in file order.
    pub fn normalize(&mut self) {
        for s in &mut self.spans {
            s.fragments.sort();
        }
        self.spans.sort_by_key(|s| (s.start(), s.end(), s.id));
        self.relations.sort_by_key(|r| r.id);
    }

    /// The distinct names of those who made its spans and relations, sorted.
    pub fn annotator_names(&self) -> Vec<String> {
        // An article has a few annotators and its records mostly repeat the last one met: a
        // short list searched from its end beats a set (this runs for every article on open).
        let mut names: Vec<&str> = Vec::new();
        let spans = self.spans.iter().map(|s| s.annotator.as_str());
        let all = spans.chain(self.relations.iter().map(|r| r.annotator.as_str())).filter(|n| !n.is_empty());
        for name in all.clone() {
            if names.len() > 32 {
                let set: std::collections::BTreeSet<&str> = all.collect();
                return set.into_iter().map(str::to_string).collect();
            }
            if !names.iter().rev().any(|n| *n == name) {
                names.push(name);
            }
        }
        names.sort_unstable();
        names.into_iter().map(str::to_string).collect()
    }

    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    pub fn span_mut(&mut self, id: SpanId) -> Option<&mut Span> {
        self.spans.iter_mut().find(|s| s.id == id)
    }

    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }

    pub fn relation_mut(&mut self, id: RelationId) -> Option<&mut Relation> {
        self.relations.iter_mut().find(|r| r.id == id)
    }

    /// Length of the text in code points (the unit of every offset).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The text a span with these fragments covers, as stored in its `quote`.
    /// `None` when a fragment is empty, reversed or past the end of the text.
    pub fn quote_of(&self, fragments: &[Fragment]) -> Option<String> {
        let map = crate::text::CharMap::new(&self.text);
        quote_with(&self.text, &map, fragments)
    }
}

/// Quote of `fragments` using a prepared offset map (for loops over many spans).
pub fn quote_with(text: &str, map: &crate::text::CharMap, fragments: &[Fragment]) -> Option<String> {
    let mut out = String::new();
    for (i, f) in fragments.iter().enumerate() {
        if f.start >= f.end {
            return None;
        }
        let piece = map.slice(text, f.start, f.end)?;
        if i > 0 {
            out.push_str(FRAGMENT_SEPARATOR);
        }
        out.push_str(piece);
    }
    if fragments.is_empty() { None } else { Some(out) }
}

/// What can be wrong with a span's fragments.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FragmentProblem {
    #[error("span has no fragment")]
    NoFragment,
    #[error("fragment {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("fragment {start}..{end} ends past the text ({len} characters)")]
    PastEnd { start: usize, end: usize, len: usize },
    #[error("fragments overlap each other")]
    Overlap,
}

/// The one rule for a span's fragments in a text of `len` code points: at least one, each
/// non-empty and inside the text, none overlapping another (in any order).
pub fn check_fragments(fragments: &[Fragment], len: usize) -> Result<(), FragmentProblem> {
    if fragments.is_empty() {
        return Err(FragmentProblem::NoFragment);
    }
    for f in fragments {
        if f.start >= f.end {
            return Err(FragmentProblem::Empty { start: f.start, end: f.end });
        }
        if f.end > len {
            return Err(FragmentProblem::PastEnd { start: f.start, end: f.end, len });
        }
    }
    if fragments.len() > 1 {
        let mut sorted = fragments.to_vec();
        sorted.sort();
        if sorted.windows(2).any(|w| w[0].end > w[1].start) {
            return Err(FragmentProblem::Overlap);
        }
    }
    Ok(())
}

/// A half-open range `[start, end)` of code points. Written as `(start, end)` in the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Fragment {
    pub start: usize,
    pub end: usize,
}

impl Fragment {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(&self, other: &Fragment) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<(usize, usize)> for Fragment {
    fn from((start, end): (usize, usize)) -> Self {
        Self { start, end }
    }
}

impl From<Fragment> for (usize, usize) {
    fn from(f: Fragment) -> Self {
        (f.start, f.end)
    }
}

/// A labelled passage. Several fragments make a discontinuous span (brat's `0 5;9 14`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub id: SpanId,
    pub fragments: Vec<Fragment>,
    pub label: LabelId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub annotator: String,
    /// The exact text covered, fragments joined by [`FRAGMENT_SEPARATOR`]: detects drift.
    pub quote: String,
}

impl Span {
    /// First code point covered.
    pub fn start(&self) -> usize {
        self.fragments.iter().map(|f| f.start).min().unwrap_or(0)
    }

    /// One past the last code point covered.
    pub fn end(&self) -> usize {
        self.fragments.iter().map(|f| f.end).max().unwrap_or(0)
    }

    pub fn covers(&self, pos: usize) -> bool {
        self.fragments.iter().any(|f| f.start <= pos && pos < f.end)
    }
}

/// A typed link between two spans of the same article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: RelationId,
    pub kind: RelTypeId,
    pub from: SpanId,
    pub to: SpanId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub annotator: String,
}

impl Project {
    /// An empty project with the default schema.
    pub fn new(name: &str) -> Self {
        let mut p = Project {
            format_version: FORMAT_VERSION,
            name: name.to_string(),
            next_id: 1,
            annotators: Vec::new(),
            schema: Schema::default(),
            entities: Vec::new(),
            suggestions: SuggestionSettings::default(),
            articles: Vec::new(),
        };
        p.schema = Schema::default_for(&mut p);
        p
    }

    /// Hands out a fresh id; never returns the same number twice for this project.
    pub fn alloc_id(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id += 1;
        id
    }

    /// Raises `next_id` above every id in use, so a hand-edited file cannot make us reuse one.
    pub fn repair_next_id(&mut self) {
        self.next_id = self.next_id.max(self.max_id() + 1);
    }

    /// The largest id in use anywhere.
    pub fn max_id(&self) -> u64 {
        let labels = self.schema.labels.iter().map(|l| l.id.0);
        let rels = self.schema.relation_types.iter().map(|r| r.id.0);
        let ents = self.entities.iter().map(|e| e.id.0);
        let arts = self.articles.iter().flat_map(|a| {
            std::iter::once(a.id.0).chain(a.spans.iter().map(|s| s.id.0)).chain(a.relations.iter().map(|r| r.id.0))
        });
        labels.chain(rels).chain(ents).chain(arts).max().unwrap_or(0)
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.article_index(id).map(|i| self.articles[i].as_ref())
    }

    pub fn article_mut(&mut self, id: ArticleId) -> Option<&mut Article> {
        self.article_index(id).map(|i| std::sync::Arc::make_mut(&mut self.articles[i]))
    }

    /// Where the article is in the list: found by halving when the articles are in id order
    /// (as imports and project folders make them; 50 000 articles, looked up for every visible
    /// row, made a frame slow), else by a pass over them.
    pub fn article_index(&self, id: ArticleId) -> Option<usize> {
        if let Ok(i) = self.articles.binary_search_by_key(&id, |a| a.id) {
            return Some(i);
        }
        self.articles.iter().position(|a| a.id == id)
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn entity_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities.iter_mut().find(|e| e.id == id)
    }

    /// Every span in the project with its article.
    pub fn all_spans(&self) -> impl Iterator<Item = (&Article, &Span)> {
        self.articles.iter().flat_map(|a| a.spans.iter().map(move |s| (a.as_ref(), s)))
    }

    /// Puts records in the order the file keeps them, so equal projects give equal bytes.
    pub fn normalize(&mut self) {
        for shared in &mut self.articles {
            // Left shared when in order: a copy of the project keeps pointing at the same article.
            if !shared.is_normalized() {
                std::sync::Arc::make_mut(shared).normalize();
            }
        }
        self.entities.sort_by_key(|e| e.id);
        let names: Vec<String> = self.annotator_names().into_iter().map(str::to_string).collect();
        self.annotators.extend(names);
        self.annotators.sort();
        self.annotators.dedup();
    }

    /// Names of everyone who made a span or relation (empty names left out).
    pub fn annotator_names(&self) -> std::collections::BTreeSet<&str> {
        let spans = self.articles.iter().flat_map(|a| a.spans.iter().map(|s| s.annotator.as_str()));
        let rels = self.articles.iter().flat_map(|a| a.relations.iter().map(|r| r.annotator.as_str()));
        spans.chain(rels).filter(|n| !n.is_empty()).collect()
    }

    /// Records an annotator's name once.
    pub fn note_annotator(&mut self, name: &str) {
        if !name.is_empty() && !self.annotators.iter().any(|a| a == name) {
            self.annotators.push(name.to_string());
            self.annotators.sort();
        }
    }
}
