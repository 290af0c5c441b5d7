//! The string matcher: every form the coder labelled, with how often each label was given to it
//! and how often the form occurs in the annotated articles at all, proposed wherever it occurs
//! again (longest form first, on word boundaries, within a sentence).

use super::forms::{Folding, FormMap, Tokenised, matches};
use super::{Candidate, Source};
use crate::model::{Article, LabelId};

/// Longest form learned, in tokens (a longer span is a passage, not a name).
const MAX_TOKENS: usize = 12;

#[derive(Default)]
struct FormStats {
    /// Each label the form was given, with how many times.
    labels: Vec<(LabelId, u32)>,
    /// Occurrences of the form in the annotated articles, labelled or not.
    seen: u32,
}

impl FormStats {
    /// The label most often given, and its share of the form's occurrences; a tie between two
    /// labels is not proposed as sure (its score halved).
    fn best(&self) -> Option<(LabelId, f32)> {
        let total: u32 = self.labels.iter().map(|(_, n)| n).sum();
        let &(label, n) = self.labels.iter().max_by_key(|(l, n)| (*n, std::cmp::Reverse(*l)))?;
        let tie = self.labels.iter().filter(|(_, m)| *m == n).count() > 1;
        let score = n as f32 / self.seen.max(total).max(1) as f32;
        Some((label, if tie { score / 2.0 } else { score }))
    }
}

/// Forms learned from the project's spans.
#[derive(Default)]
pub struct StringMatcher {
    forms: FormMap<FormStats>,
    max_len: usize,
    folding: Folding,
}

impl StringMatcher {
    /// Learns from the spans of `articles` (all their spans are the coder's word): each span
    /// of one fragment that starts and ends on word boundaries of one sentence is a form.
    pub fn train<'a>(articles: impl IntoIterator<Item = &'a Article>, folding: Folding) -> Self {
        let tokenised: Vec<(&Article, Tokenised)> =
            articles.into_iter().map(|a| (a, Tokenised::of(a, folding))).collect();
        Self::train_tokenised(tokenised.iter().map(|(a, t)| (*a, t)), folding)
    }

    /// [`StringMatcher::train`] on articles tokenised already (with `folding`).
    pub fn train_tokenised<'a>(
        articles: impl Iterator<Item = (&'a Article, &'a Tokenised)> + Clone,
        folding: Folding,
    ) -> Self {
        let mut m = StringMatcher { folding, ..Default::default() };
        for (a, t) in articles.clone() {
            let bounds = t.bounds();
            for s in a.spans.iter().filter(|s| s.fragments.len() == 1) {
                let f = s.fragments[0];
                let Some((form, len)) = t.form_of(&bounds, f.start, f.end) else { continue };
                if len > MAX_TOKENS {
                    continue;
                }
                m.max_len = m.max_len.max(len);
                let stats = m.forms.entry(form).or_default();
                match stats.labels.iter_mut().find(|(l, _)| *l == s.label) {
                    Some((_, n)) => *n += 1,
                    None => stats.labels.push((s.label, 1)),
                }
            }
        }
        // How often each form occurs at all: a word labelled once in ten occurrences is no name.
        for (_, t) in articles {
            for hashes in &t.hashes {
                for i in 0..hashes.len() {
                    let mut h = super::forms::form_hash([]);
                    for token in hashes.iter().skip(i).take(m.max_len) {
                        h = super::forms::extend(h, *token);
                        if let Some(stats) = m.forms.get_mut(&h) {
                            stats.seen += 1;
                        }
                    }
                }
            }
        }
        m
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every place of `article` where a learned form occurs, with its likeliest label.
    pub fn suggest(&self, tokenised: &Tokenised) -> Vec<Candidate> {
        let mut out = Vec::new();
        if self.forms.is_empty() {
            return out;
        }
        for (sentence, hashes) in tokenised.sentences.iter().zip(&tokenised.hashes) {
            for (i, j, (label, score)) in
                matches(hashes, self.max_len, |h| self.forms.get(&h).and_then(FormStats::best))
            {
                let (start, end) = (sentence[i].start as usize, sentence[j].end as usize);
                out.push(Candidate { start, end, label, score, source: Source::String, entity: None });
            }
        }
        out
    }

    pub fn folding(&self) -> Folding {
        self.folding
    }
}
