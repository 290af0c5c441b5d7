//! Derived data: values computed from the project once per revision (and whatever else they
//! depend on), never per frame.

use crate::model::{Article, ArticleId, EntityId, LabelId, Project, RelTypeId};
use crate::progress::{Job, Poll, Waker};
use std::collections::HashMap;
use std::sync::Arc;

/// A value computed once for a revision and a key; asked for again, it is handed out as is.
pub struct Cached<K, V> {
    made_for: Option<(u64, K)>,
    value: Option<Arc<V>>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Cached { made_for: None, value: None }
    }
}

impl<K: PartialEq, V> Cached<K, V> {
    pub fn get(&mut self, revision: u64, key: K, compute: impl FnOnce() -> V) -> Arc<V> {
        let fresh = self.made_for.as_ref().is_some_and(|(r, k)| *r == revision && *k == key);
        match &self.value {
            Some(v) if fresh => v.clone(),
            _ => {
                let v = Arc::new(compute());
                self.made_for = Some((revision, key));
                self.value = Some(v.clone());
                v
            }
        }
    }
}

/// How much each label, relation type and actor is used across the project.
#[derive(Default)]
pub struct Counts {
    pub spans_per_label: HashMap<LabelId, usize>,
    pub relations_per_type: HashMap<RelTypeId, usize>,
    pub mentions_per_entity: HashMap<EntityId, usize>,
    /// Everyone who made a span or relation, sorted.
    pub annotators: Vec<String>,
    pub spans: usize,
}

/// One article's share of the [`Counts`].
#[derive(Default)]
pub struct ArticleCounts {
    spans_per_label: HashMap<LabelId, usize>,
    relations_per_type: HashMap<RelTypeId, usize>,
    mentions_per_entity: HashMap<EntityId, usize>,
    annotators: Vec<String>,
    spans: usize,
}

impl ArticleCounts {
    pub fn of(a: &Article) -> ArticleCounts {
        let mut c = ArticleCounts { spans: a.spans.len(), ..Default::default() };
        let mut names: Vec<&str> = Vec::new();
        // A mention is a place in the text: two annotators' spans on it count once.
        let mut places = std::collections::HashSet::new();
        for s in &a.spans {
            *c.spans_per_label.entry(s.label).or_insert(0) += 1;
            if let Some(e) = s.entity
                && places.insert((e, &s.fragments))
            {
                *c.mentions_per_entity.entry(e).or_insert(0) += 1;
            }
            if !s.annotator.is_empty() && !names.contains(&s.annotator.as_str()) {
                names.push(&s.annotator);
            }
        }
        for r in &a.relations {
            *c.relations_per_type.entry(r.kind).or_insert(0) += 1;
            if !r.annotator.is_empty() && !names.contains(&r.annotator.as_str()) {
                names.push(&r.annotator);
            }
        }
        c.annotators = names.into_iter().map(str::to_string).collect();
        c
    }
}

impl Counts {
    /// The project's counts: the sum of its articles' shares.
    pub fn sum<'a>(parts: impl Iterator<Item = &'a ArticleCounts>) -> Counts {
        let mut c = Counts::default();
        let mut names = std::collections::BTreeSet::new();
        for part in parts {
            c.spans += part.spans;
            for (k, n) in &part.spans_per_label {
                *c.spans_per_label.entry(*k).or_insert(0) += n;
            }
            for (k, n) in &part.relations_per_type {
                *c.relations_per_type.entry(*k).or_insert(0) += n;
            }
            for (k, n) in &part.mentions_per_entity {
                *c.mentions_per_entity.entry(*k).or_insert(0) += n;
            }
            names.extend(part.annotators.iter().map(String::as_str));
        }
        c.annotators = names.into_iter().map(str::to_string).collect();
        c
    }
}

/// Figures made of one part per article, each part computed again only when its article
/// changed. The cache keeps its own handle on each article it computed from: a change to that
/// article then copies it (articles are copy-on-write), so the same handle means the same
/// article, and after an edit only the edited article is counted again.
pub struct PerArticle<V> {
    parts: HashMap<ArticleId, (Arc<Article>, V)>,
}

impl<V> Default for PerArticle<V> {
    fn default() -> Self {
        PerArticle { parts: HashMap::new() }
    }
}

impl<V> PerArticle<V> {
    /// Every article's part, in the project's order, computed again where the article changed.
    pub fn update(&mut self, project: &Project, part: impl Fn(&Article) -> V) -> impl Iterator<Item = &V> {
        let mut fresh: HashMap<ArticleId, (Arc<Article>, V)> = HashMap::with_capacity(project.articles.len());
        for a in &project.articles {
            let kept = self.parts.remove(&a.id).filter(|(had, _)| Arc::ptr_eq(had, a));
            let entry = kept.unwrap_or_else(|| (a.clone(), part(a)));
            fresh.insert(a.id, entry);
        }
        self.parts = fresh;
        project.articles.iter().filter_map(|a| self.parts.get(&a.id).map(|(_, v)| v))
    }
}

/// A waker that repaints the window when a background value lands.
pub fn repaint(ctx: &egui::Context) -> impl FnOnce() -> Option<Waker> + '_ {
    move || {
        let ctx = ctx.clone();
        Some(Box::new(move || ctx.request_repaint()) as Waker)
    }
}

/// Says that a value is being computed (none yet), or that the one shown is being updated.
/// Returns the value to draw, if there is one.
pub fn shown_ui<V>(ui: &mut egui::Ui, shown: Shown<V>) -> Option<Arc<V>> {
    if !shown.fresh {
        ui.horizontal(|ui| {
            super::busy::busy(ui);
            ui.weak(if shown.value.is_some() { "Updating…" } else { "Computing…" });
        });
    }
    shown.value
}

/// Projects with more spans than this compute their big derived values (agreement, the corpus
/// tables, co-occurrence, the network) in a thread; smaller ones at once, on the UI thread.
pub const BACKGROUND_SPANS: usize = 20_000;

/// A value derived from the project once per revision and key, in a thread when the project is
/// big, on a copy of the project (articles are shared: copying costs a pointer each). Until
/// the new value lands the last one is shown, said to be stale.
pub struct Background<K, V> {
    latest: Option<(u64, K, Arc<V>)>,
    running: Option<(u64, K, Job<V>)>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Background { latest: None, running: None }
    }
}

/// What a view has to show: the value (if one was ever computed) and whether it is for the
/// project as it is now.
pub struct Shown<V> {
    pub value: Option<Arc<V>>,
    pub fresh: bool,
}

impl<K: Clone + PartialEq + Send + 'static, V: Send + Sync + 'static> Background<K, V> {
    /// The value for `revision` and `key`: computed now when `threaded` is false; else computed
    /// in a thread and the last value shown meanwhile. `waker` is called when it lands.
    pub fn get(
        &mut self,
        revision: u64,
        key: K,
        project: &Project,
        threaded: bool,
        waker: impl FnOnce() -> Option<Waker>,
        compute: fn(&Project, &K) -> V,
    ) -> Shown<V> {
        self.land(false);
        let is = |r: u64, k: &K| r == revision && *k == key;
        if let Some((r, k, v)) = &self.latest
            && is(*r, k)
        {
            return Shown { value: Some(v.clone()), fresh: true };
        }
        if !threaded {
            let v = Arc::new(compute(project, &key));
            self.latest = Some((revision, key, v.clone()));
            self.running = None;
            return Shown { value: Some(v), fresh: true };
        }
        // One computation at a time: one still running for an older revision lands first
        // (its result shown, stale), then the next starts. Edits in a row never pile up
        // threads that compete with the window for the processor.
        if self.running.is_none() {
            let (snapshot, k) = (project.clone(), key.clone());
            let job = Job::spawn(0, waker(), move |_| compute(&snapshot, &k));
            self.running = Some((revision, key, job));
        }
        Shown { value: self.latest.as_ref().map(|(_, _, v)| v.clone()), fresh: false }
    }

    /// Waits for the value being computed, if any (tests, benchmarks).
    pub fn wait(&mut self) {
        self.land(true);
    }

    fn land(&mut self, wait: bool) {
        let Some((_, _, job)) = &self.running else { return };
        let result = if wait { job.wait().map_or(Poll::Lost, Poll::Done) } else { job.poll() };
        match result {
            Poll::Running => {}
            Poll::Done(v) => {
                if let Some((r, k, _)) = self.running.take() {
                    self.latest = Some((r, k, Arc::new(v)));
                }
            }
            // The computation panicked: asked again, it starts again.
            Poll::Lost => self.running = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_coded_by_two_annotators_counts_once() {
        let p = crate::store::from_str(include_str!("../../projects/example.ron"), std::path::Path::new("example.ron"))
            .unwrap()
            .project;
        let zh = p.articles.iter().find(|a| a.language == "zh").unwrap();
        assert!(zh.spans.iter().any(|s| s.annotator == "camille"), "the example's second coder");
        let xi = p.entities.iter().find(|e| e.name == "Xi Jinping").unwrap().id;
        let places: std::collections::HashSet<_> =
            zh.spans.iter().filter(|s| s.entity == Some(xi)).map(|s| s.fragments.clone()).collect();
        assert!(zh.spans.iter().filter(|s| s.entity == Some(xi)).count() > places.len());
        assert_eq!(ArticleCounts::of(zh).mentions_per_entity[&xi], places.len());
    }

    #[test]
    fn after_an_edit_only_the_edited_article_is_counted_again() {
        let mut history = crate::edit::History::new();
        let mut p = crate::synth::project(2, 20, 400, 10, 2);
        let mut parts: PerArticle<ArticleCounts> = PerArticle::default();
        let calls = std::cell::Cell::new(0);
        let count = |a: &Article| {
            calls.set(calls.get() + 1);
            ArticleCounts::of(a)
        };
        let whole = Counts::sum(parts.update(&p, count));
        assert_eq!((calls.get(), whole.spans), (20, 200));
        let (article, label) = (p.articles[3].id, p.schema.labels[0].id);
        let span = crate::model::Span {
            id: crate::model::SpanId::NEW,
            fragments: vec![crate::model::Fragment::new(0, 4)],
            label,
            annotator: "zoé".into(),
            ..Default::default()
        };
        history.apply(&mut p, crate::edit::Command::AddSpan { article, span, relations: vec![] }).unwrap();
        let after = Counts::sum(parts.update(&p, count));
        assert_eq!(calls.get(), 21, "one article counted again");
        assert_eq!(after.spans, 201);
        assert_eq!(after.spans_per_label[&label], whole.spans_per_label[&label] + 1);
        assert!(after.annotators.contains(&"zoé".to_string()));
        history.undo(&mut p).unwrap();
        let undone = Counts::sum(parts.update(&p, count));
        assert_eq!((calls.get(), undone.spans), (22, 200));
        assert!(!undone.annotators.contains(&"zoé".to_string()));
    }

    fn spans(p: &Project, _: &()) -> usize {
        p.articles.iter().map(|a| a.spans.len()).sum()
    }

    #[test]
    fn a_background_value_is_computed_in_a_thread_and_shown_stale_until_it_lands() {
        let mut p = crate::synth::project(1, 3, 300, 5, 0);
        let mut d: Background<(), usize> = Background::default();
        let first = d.get(1, (), &p, true, || None, spans);
        assert!(first.value.is_none() && !first.fresh, "nothing to show before the first value");
        d.wait();
        let now = d.get(1, (), &p, true, || None, spans);
        assert_eq!((now.value.as_deref(), now.fresh), (Some(&15), true));
        std::sync::Arc::make_mut(&mut p.articles[0]).spans.pop();
        let stale = d.get(2, (), &p, true, || None, spans);
        assert_eq!((stale.value.as_deref(), stale.fresh), (Some(&15), false), "the last value meanwhile");
        d.wait();
        assert_eq!(d.get(2, (), &p, true, || None, spans).value.as_deref(), Some(&14));
        // Small projects: at once.
        assert_eq!(d.get(3, (), &p, false, || None, spans).value.as_deref(), Some(&14));
    }
}
