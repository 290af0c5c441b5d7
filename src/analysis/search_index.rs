//! An inverted index of the corpus's words, so a word or phrase is found among 50 000 articles
//! without reading them all: each word (letters and digits, lower-cased) lists the articles
//! that hold it. A query's words narrow the articles to those holding, for each word, a word
//! that contains it (so "Pouti" finds "Poutine", as the search finds text anywhere); only
//! those articles are then searched for real, with the same [`crate::text::Finder`] as
//! everywhere, so the index changes the speed and never the hits. Regular expressions, and
//! queries without a letter or digit, read every article.
//!
//! The index follows the project by [`SearchIndex::refresh`]: articles whose text did not
//! change are recognised by pointer (then by text), so a refresh after an edit costs a pass
//! over the article list and the re-indexing of the articles whose text changed.

use crate::model::{Article, ArticleId, Project};
use crate::text::Pattern;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Default)]
pub struct SearchIndex {
    /// Word → its number.
    numbers: HashMap<Box<str>, u32>,
    /// Number → word (scanned for the words that contain a query's word).
    words: Vec<Box<str>>,
    /// Number → the articles holding it, sorted by id.
    postings: Vec<Vec<ArticleId>>,
    /// The articles as they were indexed.
    indexed: HashMap<ArticleId, Arc<Article>>,
}

/// Letters and digits in lower case, one run per word (Chinese and Japanese runs, written
/// without spaces, are one word each: a query's word is looked for inside the words).
fn words(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                // Case-insensitive search treats the final sigma as sigma.
                word.push(if l == 'ς' { 'σ' } else { l });
            }
        } else if !word.is_empty() {
            each(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        each(&word);
    }
}

fn distinct_words(text: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    words(text, |w| {
        if !set.contains(w) {
            set.insert(w.to_string());
        }
    });
    set
}

impl SearchIndex {
    /// Indexes every article (the words of each article are found on several threads).
    pub fn build(p: &Project) -> SearchIndex {
        let mut index = SearchIndex::default();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
        let chunk = p.articles.len().div_ceil(threads).max(1);
        let per_article: Vec<Vec<HashSet<String>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = p
                .articles
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|a| distinct_words(&a.text)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        let mut order: Vec<(&Arc<Article>, HashSet<String>)> =
            p.articles.iter().zip(per_article.into_iter().flatten()).collect();
        order.sort_by_key(|(a, _)| a.id);
        for (a, set) in order {
            for w in set {
                let n = index.number(&w);
                index.postings[n as usize].push(a.id);
            }
            index.indexed.insert(a.id, a.clone());
        }
        index
    }

    fn number(&mut self, w: &str) -> u32 {
        if let Some(&n) = self.numbers.get(w) {
            return n;
        }
        let n = self.words.len() as u32;
        self.words.push(w.into());
        self.numbers.insert(w.into(), n);
        self.postings.push(Vec::new());
        n
    }

    /// Brings the index up to date with `p`: articles added, removed, or whose text changed.
    /// Returns how many articles were (re)indexed or dropped.
    pub fn refresh(&mut self, p: &Project) -> usize {
        let mut changed = 0;
        let mut present = HashSet::with_capacity(p.articles.len());
        for a in &p.articles {
            present.insert(a.id);
            match self.indexed.get(&a.id) {
                Some(old) if Arc::ptr_eq(old, a) => {}
                Some(old) if old.text == a.text => {
                    self.indexed.insert(a.id, a.clone());
                }
                _ => {
                    self.remove(a.id);
                    for w in distinct_words(&a.text) {
                        let n = self.number(&w) as usize;
                        if let Err(at) = self.postings[n].binary_search(&a.id) {
                            self.postings[n].insert(at, a.id);
                        }
                    }
                    self.indexed.insert(a.id, a.clone());
                    changed += 1;
                }
            }
        }
        if present.len() != self.indexed.len() {
            let gone: Vec<ArticleId> = self.indexed.keys().filter(|id| !present.contains(id)).copied().collect();
            for id in gone {
                self.remove(id);
                changed += 1;
            }
        }
        changed
    }

    fn remove(&mut self, id: ArticleId) {
        let Some(old) = self.indexed.remove(&id) else { return };
        for w in distinct_words(&old.text) {
            if let Some(&n) = self.numbers.get(w.as_str())
                && let Ok(at) = self.postings[n as usize].binary_search(&id)
            {
                self.postings[n as usize].remove(at);
            }
        }
    }

    /// Distinct words indexed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The articles that may hold a hit of `pattern` (every hit is in one of them), or `None`
    /// when the index cannot tell (a regular expression, a query with no letter or digit).
    pub fn candidates(&self, pattern: &Pattern) -> Option<HashSet<ArticleId>> {
        if pattern.regex {
            return None;
        }
        let mut query = Vec::new();
        words(&pattern.text, |w| query.push(w.to_string()));
        if query.is_empty() {
            return None;
        }
        // The rarest word first: the intersection only shrinks.
        let mut sets: Vec<Vec<ArticleId>> = query.iter().map(|q| self.articles_with_word_containing(q)).collect();
        sets.sort_by_key(Vec::len);
        let mut out: HashSet<ArticleId> = sets[0].iter().copied().collect();
        for s in &sets[1..] {
            let s: HashSet<&ArticleId> = s.iter().collect();
            out.retain(|id| s.contains(id));
        }
        Some(out)
    }

    /// The articles holding a word that contains `part` (a word of its own first).
    fn articles_with_word_containing(&self, part: &str) -> Vec<ArticleId> {
        let mut lists: Vec<&Vec<ArticleId>> = Vec::new();
        for (n, w) in self.words.iter().enumerate() {
            if w.contains(part) && !self.postings[n].is_empty() {
                lists.push(&self.postings[n]);
            }
        }
        match lists.as_slice() {
            [] => Vec::new(),
            [one] => (*one).clone(),
            _ => {
                let mut all: Vec<ArticleId> = lists.into_iter().flatten().copied().collect();
                all.sort_unstable();
                all.dedup();
                all
            }
        }
    }
}
