//! Suggestions learned from the coder's own labels (issue 16), all local: a string matcher of
//! the forms already labelled, the registries of actors' names and aliases, each evaluated on
//! held-out articles of the project and switched off for a label where it does badly.
//! A suggestion is never a span until the coder accepts it.

mod forms;
mod matcher;
mod registry;

pub use forms::Folding;
pub use matcher::StringMatcher;
pub use registry::Registry;

use crate::model::{Article, ArticleId, EntityId, LabelId, Project, Rejection};
use std::collections::BTreeMap;

/// Which recommender proposed a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A form the coder labelled elsewhere.
    String,
    /// An actor's (or claim's) name or alias.
    Registry,
}

impl Source {
    pub const ALL: [Source; 2] = [Source::String, Source::Registry];

    pub fn name(self) -> &'static str {
        match self {
            Source::String => "string",
            Source::Registry => "registry",
        }
    }
}

/// A recommender's proposal in one article, before the project's rules filter it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub label: LabelId,
    pub score: f32,
    pub source: Source,
    /// The actor the span would be linked to (the registries).
    pub entity: Option<EntityId>,
}

/// A suggested span: where (code points, `[start, end)`), which label, how sure, from whom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub label: LabelId,
    pub score: f32,
    pub source: Source,
    pub entity: Option<EntityId>,
}

impl Suggestion {
    pub fn rejection(&self) -> Rejection {
        Rejection { article: self.article, start: self.start, end: self.end, label: self.label }
    }
}

/// Which of the article's spans a suggestion must keep clear of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Any span (the reader: suggestions never overlap the coder's spans).
    ClearOfAll,
    /// Spans of the suggestion's label (`glose suggest`: where no span of that label covers it).
    ClearOfSameLabel,
}

/// Precision, recall and F1 from counts of exact matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    /// Proposed places with too few to judge (a recommender that proposed under 3 spans of a
    /// label is kept on).
    fn proposed(&self) -> usize {
        self.true_positives + self.false_positives
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Exact-match counts per label of `proposed` against `gold` (both `(start, end, label)`).
pub fn score(
    proposed: &[(usize, usize, LabelId)],
    gold: &[(usize, usize, LabelId)],
    into: &mut BTreeMap<LabelId, Counts>,
) {
    let gold_set: std::collections::HashSet<_> = gold.iter().copied().collect();
    let proposed_set: std::collections::HashSet<_> = proposed.iter().copied().collect();
    for p in &proposed_set {
        let c = into.entry(p.2).or_default();
        if gold_set.contains(p) { c.true_positives += 1 } else { c.false_positives += 1 }
    }
    for g in gold_set.difference(&proposed_set) {
        into.entry(g.2).or_default().false_negatives += 1;
    }
}

/// How each recommender did on the project's own annotations, label by label: each annotated
/// article's spans hidden in turn (in five folds) and proposed by recommenders trained on the
/// others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub per_label: BTreeMap<(Source, LabelId), Counts>,
    /// All recommenders together, as they are shown (the switched-off ones left out).
    pub combined: BTreeMap<LabelId, Counts>,
    /// Annotated articles the evaluation used.
    pub articles: usize,
}

/// The recommenders trained on a project, ready to suggest.
pub struct Recommenders {
    matcher: StringMatcher,
    registry: Registry,
    /// (recommender, label) pairs switched off by the self-evaluation.
    off: std::collections::BTreeSet<(Source, LabelId)>,
    pub evaluation: Evaluation,
    min_score: f32,
    folding: Folding,
    /// The recommenders asked for (all unless `only` said otherwise).
    sources: Vec<Source>,
}

/// Articles whose spans the recommenders learn from: those with at least one span.
fn annotated(project: &Project) -> Vec<&Article> {
    project.articles.iter().map(|a| a.as_ref()).filter(|a| !a.spans.is_empty()).collect()
}

/// Folds of the self-evaluation.
const FOLDS: usize = 5;

impl Recommenders {
    /// Trains every recommender on the project's spans and evaluates each on held-out articles.
    pub fn train(project: &Project) -> Self {
        let settings = &project.suggestions;
        let folding = Folding::of(settings);
        let learn_from = annotated(project);
        let evaluation = self_evaluate(project, &learn_from, folding, settings.min_score);
        let off = evaluation
            .per_label
            .iter()
            .filter(|(_, c)| c.proposed() >= 3 && (c.f1() as f32) < settings.min_f1)
            .map(|(k, _)| *k)
            .collect();
        let mut r = Recommenders::fitted(project, &learn_from, folding, settings.min_score);
        r.off = off;
        r.evaluation = evaluation;
        r.evaluation.combined = combined_evaluation(project, &learn_from, folding, settings.min_score, &r.off);
        r
    }

    /// The recommenders trained on `articles`, none switched off, not evaluated.
    fn fitted(project: &Project, articles: &[&Article], folding: Folding, min_score: f32) -> Self {
        Recommenders {
            matcher: StringMatcher::train(articles.iter().copied(), folding),
            registry: Registry::train(&project.entities, &project.schema, articles.iter().copied(), folding),
            off: Default::default(),
            evaluation: Evaluation::default(),
            min_score,
            folding,
            sources: Source::ALL.to_vec(),
        }
    }

    /// Only these recommenders (to measure one alone).
    pub fn only(mut self, sources: &[Source]) -> Self {
        self.sources = sources.to_vec();
        self
    }

    /// Whether the self-evaluation switched `source` off for `label`.
    pub fn is_off(&self, source: Source, label: LabelId) -> bool {
        self.off.contains(&(source, label))
    }

    /// Every recommender's proposals for `article`'s text, switched-off pairs left out, the
    /// same place and label proposed twice kept once (the surer), before the project's rules.
    fn candidates(&self, article: &Article) -> Vec<Candidate> {
        let tokenised = forms::Tokenised::of(article, self.folding);
        let mut all = self.registry.suggest(&tokenised);
        all.extend(self.matcher.suggest(&tokenised));
        all.retain(|c| self.sources.contains(&c.source) && !self.off.contains(&(c.source, c.label)));
        all.sort_by(|a, b| (a.start, a.end, a.label).cmp(&(b.start, b.end, b.label)).then(b.score.total_cmp(&a.score)));
        all.dedup_by(|b, a| (a.start, a.end, a.label) == (b.start, b.end, b.label));
        all
    }

    /// Suggestions for one article: at least the threshold, not rejected, clear of the spans
    /// `keep` says, and not overlapping each other (the longer, then the surer, wins: longest
    /// match first).
    pub fn suggest(&self, project: &Project, article: &Article, keep: Keep) -> Vec<Suggestion> {
        let mut found: Vec<Candidate> = self
            .candidates(article)
            .into_iter()
            .filter(|c| c.score >= self.min_score)
            .filter(|c| {
                let r = Rejection { article: article.id, start: c.start, end: c.end, label: c.label };
                !project.suggestions.is_rejected(&r)
            })
            .filter(|c| {
                !article.spans.iter().any(|s| {
                    (keep == Keep::ClearOfAll || s.label == c.label)
                        && s.fragments.iter().any(|f| f.start < c.end && c.start < f.end)
                })
            })
            .collect();
        found.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(b.score.total_cmp(&a.score)));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in found {
            if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| (c.start, c.end));
        kept.into_iter()
            .map(|c| Suggestion {
                article: article.id,
                start: c.start,
                end: c.end,
                label: c.label,
                score: c.score,
                source: c.source,
                entity: c.entity,
            })
            .collect()
    }
}

/// The gold spans of an article as exact-match keys (one fragment each).
fn gold(article: &Article) -> Vec<(usize, usize, LabelId)> {
    article.spans.iter().filter(|s| s.fragments.len() == 1).map(|s| (s.start(), s.end(), s.label)).collect()
}

/// The annotated articles in folds: article `i` is held out in fold `i % FOLDS`.
fn folds<'a>(articles: &[&'a Article]) -> Vec<(Vec<&'a Article>, Vec<&'a Article>)> {
    let k = FOLDS.min(articles.len());
    if k < 2 {
        return Vec::new();
    }
    (0..k)
        .map(|fold| {
            let (held, train): (Vec<_>, Vec<_>) = articles.iter().enumerate().partition(|(i, _)| i % k == fold);
            (train.into_iter().map(|(_, a)| *a).collect(), held.into_iter().map(|(_, a)| *a).collect())
        })
        .collect()
}

fn self_evaluate(project: &Project, articles: &[&Article], folding: Folding, min_score: f32) -> Evaluation {
    let mut e = Evaluation { articles: articles.len(), ..Default::default() };
    for (train, held) in folds(articles) {
        let r = Recommenders::fitted(project, &train, folding, min_score);
        for a in held {
            let candidates = r.candidates(a);
            let gold = gold(a);
            for source in Source::ALL {
                let proposed: Vec<_> = candidates
                    .iter()
                    .filter(|c| c.source == source && c.score >= min_score)
                    .map(|c| (c.start, c.end, c.label))
                    .collect();
                let mut counts = BTreeMap::new();
                score(&proposed, &gold, &mut counts);
                for (label, c) in counts {
                    e.per_label.entry((source, label)).or_default().add(c);
                }
            }
        }
    }
    e
}

fn combined_evaluation(
    project: &Project,
    articles: &[&Article],
    folding: Folding,
    min_score: f32,
    off: &std::collections::BTreeSet<(Source, LabelId)>,
) -> BTreeMap<LabelId, Counts> {
    let mut counts = BTreeMap::new();
    for (train, held) in folds(articles) {
        let mut r = Recommenders::fitted(project, &train, folding, min_score);
        r.off = off.clone();
        for a in held {
            let bare = Article { spans: Vec::new(), relations: Vec::new(), ..a.clone() };
            let proposed: Vec<_> =
                r.suggest(project, &bare, Keep::ClearOfAll).iter().map(|s| (s.start, s.end, s.label)).collect();
            score(&proposed, &gold(a), &mut counts);
        }
    }
    counts
}
