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

/// The project's [`Counts`] kept as running totals: after an edit the edited article's share is
/// taken out and its new share put in — a pass over the article list, not a sum of every
/// article's share (which took tens of milliseconds a revision at 50 000 articles).
#[derive(Default)]
pub struct CountTotals {
    /// Each article's share, in the project's order (a pass compares handles side by side).
    parts: Vec<(Arc<Article>, ArticleCounts)>,
    spans_per_label: HashMap<LabelId, usize>,
    relations_per_type: HashMap<RelTypeId, usize>,
    mentions_per_entity: HashMap<EntityId, usize>,
    names: HashMap<String, usize>,
    spans: usize,
}

fn shift<K: std::hash::Hash + Eq + Clone>(total: &mut HashMap<K, usize>, part: &HashMap<K, usize>, add: bool) {
    for (k, n) in part {
        let t = total.entry(k.clone()).or_insert(0);
        *t = if add { *t + n } else { t.saturating_sub(*n) };
        if *t == 0 {
            total.remove(k);
        }
    }
}

impl CountTotals {
    /// The counts of `project`, each article's share computed again (by `part`) only where the
    /// article changed (the cache keeps its own handle on each article: the same handle means
    /// the same article).
    pub fn update(&mut self, project: &Project, part: impl Fn(&Article) -> ArticleCounts) -> Counts {
        let same_list = self.parts.len() == project.articles.len()
            && self.parts.iter().zip(&project.articles).all(|((had, _), a)| had.id == a.id);
        if same_list {
            for i in 0..project.articles.len() {
                let a = &project.articles[i];
                if !Arc::ptr_eq(&self.parts[i].0, a) {
                    let new = part(a);
                    self.shift(&new, true);
                    let old = std::mem::replace(&mut self.parts[i], (a.clone(), new));
                    self.shift(&old.1, false);
                }
            }
        } else {
            // Articles added, removed or moved: shares kept by id where the article is the same.
            let mut old: HashMap<ArticleId, (Arc<Article>, ArticleCounts)> =
                std::mem::take(&mut self.parts).into_iter().map(|p| (p.0.id, p)).collect();
            for a in &project.articles {
                match old.remove(&a.id) {
                    Some(kept) if Arc::ptr_eq(&kept.0, a) => self.parts.push(kept),
                    gone => {
                        if let Some((_, share)) = gone {
                            self.shift(&share, false);
                        }
                        let new = part(a);
                        self.shift(&new, true);
                        self.parts.push((a.clone(), new));
                    }
                }
            }
            for (_, share) in old.into_values() {
                self.shift(&share, false);
            }
        }
        let mut annotators: Vec<String> = self.names.keys().cloned().collect();
        annotators.sort();
        Counts {
            spans_per_label: self.spans_per_label.clone(),
            relations_per_type: self.relations_per_type.clone(),
            mentions_per_entity: self.mentions_per_entity.clone(),
            annotators,
            spans: self.spans,
        }
    }

    fn shift(&mut self, c: &ArticleCounts, add: bool) {
        shift(&mut self.spans_per_label, &c.spans_per_label, add);
        shift(&mut self.relations_per_type, &c.relations_per_type, add);
        shift(&mut self.mentions_per_entity, &c.mentions_per_entity, add);
        let names: HashMap<String, usize> = c.annotators.iter().map(|n| (n.clone(), 1)).collect();
        shift(&mut self.names, &names, add);
        self.spans = if add { self.spans + c.spans } else { self.spans.saturating_sub(c.spans) };
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
            ui.weak(if shown.value.is_some() { t!("derived-updating") } else { t!("derived-computing") });
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

impl<K, V> Drop for Background<K, V> {
    /// Work still running for a holder gone is asked to stop.
    fn drop(&mut self) {
        if let Some((_, _, job)) = &self.running {
            job.cancel();
        }
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
        self.get_cancellable(revision, key, project, threaded, waker, move |p, k, _| compute(p, k))
    }

    /// [`Background::get`] for work that stops early when its progress says it is cancelled
    /// (when the value is no longer wanted: this holder dropped).
    pub fn get_cancellable(
        &mut self,
        revision: u64,
        key: K,
        project: &Project,
        threaded: bool,
        waker: impl FnOnce() -> Option<Waker>,
        compute: impl FnOnce(&Project, &K, &crate::progress::Progress) -> V + Send + 'static,
    ) -> Shown<V> {
        self.land(false);
        let is = |r: u64, k: &K| r == revision && *k == key;
        if let Some((r, k, v)) = &self.latest
            && is(*r, k)
        {
            return Shown { value: Some(v.clone()), fresh: true };
        }
        if !threaded {
            let v = Arc::new(compute(project, &key, &crate::progress::Progress::default()));
            self.latest = Some((revision, key, v.clone()));
            self.running = None;
            return Shown { value: Some(v), fresh: true };
        }
        // One computation at a time: one still running for an older revision lands first
        // (its result shown, stale), then the next starts. Edits in a row never pile up
        // threads that compete with the window for the processor.
        if self.running.is_none() {
            let (snapshot, k) = (project.clone(), key.clone());
            let job = Job::spawn(0, waker(), move |progress| compute(&snapshot, &k, progress));
            self.running = Some((revision, key, job));
        }
        Shown { value: self.latest.as_ref().map(|(_, _, v)| v.clone()), fresh: false }
    }

    /// The last value computed: its revision, key and value.
    pub fn latest(&self) -> Option<&(u64, K, Arc<V>)> {
        self.latest.as_ref()
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
        let mut parts = CountTotals::default();
        let calls = std::cell::Cell::new(0);
        let count = |a: &Article| {
            calls.set(calls.get() + 1);
            ArticleCounts::of(a)
        };
        let whole = parts.update(&p, count);
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
        let after = parts.update(&p, count);
        assert_eq!(calls.get(), 21, "one article counted again");
        assert_eq!(after.spans, 201);
        assert_eq!(after.spans_per_label[&label], whole.spans_per_label[&label] + 1);
        assert!(after.annotators.contains(&"zoé".to_string()));
        history.undo(&mut p).unwrap();
        let undone = parts.update(&p, count);
        assert_eq!(undone.spans_per_label, whole.spans_per_label);
        assert_eq!(undone.annotators, whole.annotators);
        assert_eq!((calls.get(), undone.spans), (22, 200));
        assert!(!undone.annotators.contains(&"zoé".to_string()));
        // Articles removed and added are taken out and put in.
        let gone = p.articles.remove(0);
        let fewer = parts.update(&p, count);
        assert_eq!(fewer.spans, 200 - gone.spans.len());
        p.articles.push(gone);
        assert_eq!(parts.update(&p, count).spans, 200);
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
