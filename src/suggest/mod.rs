//! Suggestions learned from the coder's own labels (issue 16), all local: a string matcher of
//! the forms already labelled, the registries of actors' names and aliases, each evaluated on
//! held-out articles of the project and switched off for a label where it does badly.
//! A suggestion is never a span until the coder accepts it.

mod forms;
mod matcher;
mod perceptron;
mod registry;
mod tagger;

pub use forms::Folding;
pub use matcher::StringMatcher;
pub use registry::Registry;
pub use tagger::{Effort, Tagger};

use crate::model::{Article, ArticleId, EntityId, LabelId, Project, Rejection};
use std::collections::BTreeMap;

/// Which recommender proposed a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A form the coder labelled elsewhere.
    String,
    /// An actor's (or claim's) name or alias.
    Registry,
    /// The sequence tagger (a CRF over the words and the others' hits).
    Tagger,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::String, Source::Registry, Source::Tagger];

    pub fn name(self) -> &'static str {
        match self {
            Source::String => "string",
            Source::Registry => "registry",
            Source::Tagger => "tagger",
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

/// A suggested span: a candidate that passed the project's rules, in its article (its fields
/// are read through it: `s.start`, `s.label`…).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    pub article: ArticleId,
    pub at: Candidate,
}

impl std::ops::Deref for Suggestion {
    type Target = Candidate;

    fn deref(&self) -> &Candidate {
        &self.at
    }
}

impl Suggestion {
    pub fn rejection(&self) -> Rejection {
        Rejection { article: self.article, start: self.start, end: self.end, label: self.label }
    }

    /// The same place with the same label (scores and sources aside).
    pub fn same_place(&self, other: &Suggestion) -> bool {
        (self.article, self.start, self.end, self.label) == (other.article, other.start, other.end, other.label)
    }

    /// The span accepting it makes: the suggested place and label, linked to the actor the
    /// registry found, credited to `annotator`.
    pub fn to_span(&self, annotator: &str) -> crate::model::Span {
        crate::model::Span {
            id: crate::model::SpanId::NEW,
            fragments: vec![crate::model::Fragment::new(self.start, self.end)],
            label: self.label,
            entity: self.entity,
            annotator: annotator.to_string(),
            ..Default::default()
        }
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

    /// Places proposed.
    pub fn proposed(&self) -> usize {
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
    tagger: Option<Tagger>,
    /// Taggers learned from one language's articles alone, when the project has several (the
    /// words and their contexts differ); articles of other languages get `tagger`'s.
    by_language: Vec<(String, Tagger)>,
    /// The score of the tagger's spans of a label: its precision for that label on held-out
    /// articles.
    confidence: std::collections::HashMap<LabelId, f32>,
    /// (recommender, label) pairs switched off by the self-evaluation.
    off: std::collections::BTreeSet<(Source, LabelId)>,
    pub evaluation: Evaluation,
    learned_from: usize,
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

/// The self-evaluation holds out articles among this many annotated ones at most, spread over
/// the project (enough to judge a recommender per label; beyond, learning five more times from
/// the whole project cost most of the time).
const EVALUATED_ARTICLES: usize = 400;

/// The recommenders learn from this many annotated articles at most, spread over the project (a
/// newspaper's year: 50 000 articles, 5 M spans, would take minutes of both cores after every
/// edit; 10 000 articles hold every form a coder labels often).
const LEARNED_ARTICLES: usize = 10_000;

/// At most `n` of `items`, spread evenly over them (all when there are no more).
fn spread<T: Copy>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n]).collect()
}

/// A recommender is switched off for a label, or the tagger scored by its precision, only when
/// the project has this many annotated articles and the recommender proposed this many spans
/// of the label in them (with 2 articles, one held out against the other says little).
const MIN_ARTICLES_JUDGED: usize = 5;
const MIN_PROPOSALS_JUDGED: usize = 5;

impl Recommenders {
    /// Trains every recommender on the project's spans and evaluates each on held-out articles.
    pub fn train(project: &Project) -> Self {
        Self::train_until(project, &|| true)
    }

    /// [`Recommenders::train`], stopping between its steps once `go_on` says no (what it then
    /// returns has learned from less, or nothing: it is not to be used).
    pub fn train_until(project: &Project, go_on: &(dyn Fn() -> bool + Sync)) -> Self {
        let settings = &project.suggestions;
        let folding = Folding::of(settings);
        let mut learn_from = spread(&annotated(project), LEARNED_ARTICLES);
        if !go_on() {
            learn_from.clear();
        }
        // Tokenised once, for every fold and the final recommenders.
        let tokens = crate::par::map(&learn_from, |a| forms::Tokenised::of(a, folding));
        let learn_from: Vec<(&Article, &forms::Tokenised)> = learn_from.into_iter().zip(&tokens).collect();
        let held_out = held_out_candidates(project, &spread(&learn_from, EVALUATED_ARTICLES), folding, go_on);
        let learn_from = if go_on() { learn_from } else { Vec::new() };
        let mut evaluation = Evaluation { articles: held_out.len(), ..Default::default() };
        for (a, candidates) in &held_out {
            for source in Source::ALL {
                // The tagger's score is its precision, known only after this evaluation.
                let proposed: Vec<_> = candidates
                    .iter()
                    .filter(|c| c.source == source && (source == Source::Tagger || c.score >= settings.min_score))
                    .map(|c| (c.start, c.end, c.label))
                    .collect();
                let mut counts = BTreeMap::new();
                score(&proposed, &gold(a), &mut counts);
                for (label, c) in counts {
                    evaluation.per_label.entry((source, label)).or_default().add(c);
                }
            }
        }
        // Judged only on enough evidence: a few held-out articles and proposals.
        let judged = |c: &Counts| learn_from.len() >= MIN_ARTICLES_JUDGED && c.proposed() >= MIN_PROPOSALS_JUDGED;
        let off = evaluation
            .per_label
            .iter()
            .filter(|(_, c)| judged(c) && (c.f1() as f32) < settings.min_f1)
            .map(|(k, _)| *k)
            .collect();
        let confidence = evaluation
            .per_label
            .iter()
            .filter(|((source, _), c)| *source == Source::Tagger && judged(c))
            .map(|((_, label), c)| (*label, c.precision() as f32))
            .collect();
        let mut r = Recommenders::fitted(project, &learn_from, folding, Effort::Final);
        r.off = off;
        r.confidence = confidence;
        // All recommenders together, as shown: the same held-out proposals through the rules.
        for (a, candidates) in held_out {
            let bare = Article { spans: Vec::new(), relations: Vec::new(), ..a.clone() };
            let shown: Vec<_> = r
                .select(project, &bare, candidates, Keep::ClearOfAll)
                .iter()
                .map(|s| (s.start, s.end, s.label))
                .collect();
            score(&shown, &gold(a), &mut evaluation.combined);
        }
        r.evaluation = evaluation;
        r
    }

    /// The recommenders trained on `articles` (tokenised with `folding`), none switched off,
    /// not evaluated.
    fn fitted(project: &Project, articles: &[(&Article, &forms::Tokenised)], folding: Folding, effort: Effort) -> Self {
        let registry = Registry::train(&project.entities, &project.schema, articles.iter().map(|a| a.0), folding);
        // The tagger learns from the string matcher's hits in each article as found by a
        // matcher that did not learn from it (else it would learn to trust them blindly).
        let mut hits: Vec<Vec<Candidate>> = articles.iter().map(|(_, t)| registry.suggest(t)).collect();
        for (train, held) in fold_indices(articles.len()) {
            let m = StringMatcher::train_tokenised(train.iter().map(|&i| articles[i]), folding);
            for i in held {
                hits[i].extend(m.suggest(articles[i].1));
            }
        }
        let examples: Vec<_> = articles.iter().zip(hits).map(|((a, t), h)| (*a, *t, h)).collect();
        let by_language = language_taggers(&examples, effort);
        // The tagger of all languages only where some article's language has none of its own.
        let own = |a: &Article| by_language.iter().any(|(l, _)| *l == language_of(a));
        let everyone = by_language.is_empty() || project.articles.iter().any(|a| !own(a));
        Recommenders {
            matcher: StringMatcher::train_tokenised(articles.iter().copied(), folding),
            registry,
            tagger: if everyone { Tagger::train(&examples, effort, tagger::MAX_TOKENS) } else { None },
            by_language,
            confidence: Default::default(),
            off: Default::default(),
            evaluation: Evaluation::default(),
            learned_from: articles.len(),
            folding,
            sources: Source::ALL.to_vec(),
        }
    }

    /// Annotated articles the recommenders learned from.
    pub fn learned_from(&self) -> usize {
        self.learned_from
    }

    /// The languages that have a tagger of their own, sorted.
    pub fn languages(&self) -> Vec<&str> {
        self.by_language.iter().map(|(l, _)| l.as_str()).collect()
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

    /// Every recommender's proposals for `article`'s text, before the project's rules.
    fn candidates(&self, article: &Article) -> Vec<Candidate> {
        self.candidates_in(article, &forms::Tokenised::of(article, self.folding))
    }

    /// [`Recommenders::candidates`] of an article tokenised already.
    fn candidates_in(&self, article: &Article, tokenised: &forms::Tokenised) -> Vec<Candidate> {
        let mut all = self.registry.suggest(tokenised);
        all.extend(self.matcher.suggest(tokenised));
        let language = language_of(article);
        let own = self.by_language.iter().find(|(l, _)| *l == language).map(|(_, t)| t);
        if let Some(tagger) = own.or(self.tagger.as_ref()) {
            let found = tagger.suggest(&article.text, tokenised, &all, &self.confidence);
            all.extend(found);
        }
        all
    }

    /// Suggestions for one article: at least the threshold, not rejected, clear of the spans
    /// `keep` says, and not overlapping each other (the surer, then the longer, wins).
    pub fn suggest(&self, project: &Project, article: &Article, keep: Keep) -> Vec<Suggestion> {
        self.select(project, article, self.candidates(article), keep)
    }

    /// The project's rules over `candidates` of `article`: the recommenders asked for and not
    /// switched off, the same place and label kept once (the surer), the threshold, rejections,
    /// the coder's spans, then no two overlapping: the surer first, then the longer (on re3d,
    /// longer-first let the tagger's longer guesses push out exact forms: F1 0.44 → 0.47 with
    /// half the documents annotated).
    fn select(&self, project: &Project, article: &Article, candidates: Vec<Candidate>, keep: Keep) -> Vec<Suggestion> {
        let mut found: Vec<Candidate> = candidates
            .into_iter()
            .filter(|c| self.sources.contains(&c.source) && !self.off.contains(&(c.source, c.label)))
            .map(|c| match c.source {
                Source::Tagger => Candidate {
                    score: self.confidence.get(&c.label).copied().unwrap_or(tagger::DEFAULT_CONFIDENCE),
                    ..c
                },
                _ => c,
            })
            .filter(|c| c.score >= project.suggestions.min_score)
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
        found.sort_by(|a, b| {
            (a.start, a.end, a.label).cmp(&(b.start, b.end, b.label)).then(b.score.total_cmp(&a.score))
        });
        found.dedup_by(|b, a| (a.start, a.end, a.label) == (b.start, b.end, b.label));
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then((b.end - b.start).cmp(&(a.end - a.start))));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in found {
            if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| (c.start, c.end));
        kept.into_iter().map(|at| Suggestion { article: article.id, at }).collect()
    }
}

/// A language with this many annotated articles gets a tagger of its own (when the project has
/// several languages).
const MIN_LANGUAGE_ARTICLES: usize = 2;

/// An article's language as the taggers group them: its primary subtag, in lower case
/// ("fr-FR" → "fr"; empty when unknown).
fn language_of(article: &Article) -> String {
    article.language.split(['-', '_']).next().unwrap_or("").trim().to_lowercase()
}

/// One tagger per language with enough annotated articles, when there are several languages.
fn language_taggers(
    examples: &[(&Article, &forms::Tokenised, Vec<Candidate>)],
    effort: Effort,
) -> Vec<(String, Tagger)> {
    let mut languages: Vec<String> = examples.iter().map(|e| language_of(e.0)).filter(|l| !l.is_empty()).collect();
    languages.sort();
    languages.dedup();
    if languages.len() < 2 {
        return Vec::new();
    }
    // The languages share the training budget of one tagger.
    let budget = tagger::MAX_TOKENS / languages.len();
    languages
        .into_iter()
        .filter_map(|l| {
            let own: Vec<_> = examples.iter().filter(|e| language_of(e.0) == l).cloned().collect();
            if own.len() < MIN_LANGUAGE_ARTICLES {
                return None;
            }
            Some((l, Tagger::train(&own, effort, budget)?))
        })
        .collect()
}

/// The gold spans of an article as exact-match keys (one fragment each).
fn gold(article: &Article) -> Vec<(usize, usize, LabelId)> {
    article.spans.iter().filter(|s| s.fragments.len() == 1).map(|s| (s.start(), s.end(), s.label)).collect()
}

/// Folds over `n` items: item `i` is held out in fold `i % FOLDS`; `(train, held)` indices.
fn fold_indices(n: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    let k = FOLDS.min(n);
    if k < 2 {
        return Vec::new();
    }
    (0..k).map(|fold| (0..n).partition(|i| i % k != fold)).collect()
}

/// Each annotated article with what recommenders trained on the other folds propose in it
/// (the folds learned side by side, one per core).
fn held_out_candidates<'a>(
    project: &Project,
    articles: &[(&'a Article, &forms::Tokenised)],
    folding: Folding,
    go_on: &(dyn Fn() -> bool + Sync),
) -> Vec<(&'a Article, Vec<Candidate>)> {
    let folds = fold_indices(articles.len());
    let per_fold = crate::par::map(&folds, |(train, held)| {
        if !go_on() {
            return Vec::new();
        }
        let train: Vec<_> = train.iter().map(|&i| articles[i]).collect();
        let r = Recommenders::fitted(project, &train, folding, Effort::HeldOut);
        held.iter().map(|&i| (articles[i].0, r.candidates_in(articles[i].0, articles[i].1))).collect::<Vec<_>>()
    });
    per_fold.into_iter().flatten().collect()
}
