//! The sequence tagger: a linear-chain CRF (`crfs`, L-BFGS; an averaged perceptron for big
//! projects) trained on the project's spans as BIO tags over its tokens, with the usual word features and, as features too, where the
//! string matcher and the registries found something: it proposes what they cannot (a new name
//! in a known context, a form never labelled) and learns how far to trust them.

use super::forms::Tokenised;
use super::perceptron::{Feature, Perceptron};
use super::{Candidate, Source};
use crate::model::{Article, LabelId};
use std::collections::HashMap;

/// Training stops after this many tokens (sentences with a span first): training time grows
/// with them, and past this the curve is flat.
pub const MAX_TOKENS: usize = 150_000;

/// A trained tagger.
pub enum Tagger {
    /// A CRF trained by L-BFGS (`crfs`): its model's bytes (`crfs` reads a model from bytes it
    /// borrows).
    Crf(Vec<u8>),
    /// An averaged perceptron, past [`CRF_MAX_TOKENS`] tokens of training.
    Perceptron(Perceptron),
}

/// Up to this many training tokens the tagger is a CRF trained by L-BFGS (regularised: the
/// better with few examples — on re3d with 2 documents annotated, F1 0.33 against 0.30 for
/// the perceptron); past it, an averaged perceptron, 30 times faster to train (10 000
/// synthetic spans: 6 s against 202 s for the six trainings of `Recommenders::train`).
pub const CRF_MAX_TOKENS: usize = 20_000;

/// How hard a tagger is trained: the one that suggests, or one of the five trained on four
/// fifths of the articles only to judge it. On re3d, held-out taggers of 30 L-BFGS iterations
/// instead of 100 give the same learning curve (0.33 / 0.42 / 0.47) in 10 s instead of 23 s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    Final,
    HeldOut,
}

impl Effort {
    fn crf_iterations(self) -> usize {
        match self {
            Effort::Final => 100,
            Effort::HeldOut => 30,
        }
    }

    fn perceptron_epochs(self) -> usize {
        match self {
            Effort::Final => EPOCHS,
            Effort::HeldOut => EPOCHS / 2,
        }
    }
}

/// Passes of the perceptron over the training sentences.
const EPOCHS: usize = 10;

/// A token's features (the sklearn-crfsuite tutorial's word features, the neighbours', its
/// shape, and the hits of the other recommenders that cover it).
/// Every token's features in one sentence; only the hits inside the sentence are looked at
/// (looking through all of an article's hits for each token made learning quadratic).
fn sentence_features(text: &str, sentence: &[crate::text::Token], hits: &[Candidate]) -> Vec<Vec<Feature>> {
    let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else { return Vec::new() };
    let (from, to) = (first.start as usize, last.end as usize);
    let inside: Vec<Candidate> = hits.iter().filter(|h| from <= h.start && h.end <= to).copied().collect();
    (0..sentence.len()).map(|i| features(text, sentence, &inside, i)).collect()
}

fn features(text: &str, sentence: &[crate::text::Token], hits: &[Candidate], i: usize) -> Vec<Feature> {
    let word = |j: usize| &text[sentence[j].byte_start as usize..sentence[j].byte_end as usize];
    let w = word(i);
    let lower = w.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let suffix = |n: usize| chars[chars.len().saturating_sub(n)..].iter().collect::<String>();
    let prefix = |n: usize| chars[..n.min(chars.len())].iter().collect::<String>();
    let mut f = vec![
        ("bias".into(), 1.0),
        (format!("w={lower}"), 1.0),
        (format!("s3={}", suffix(3)), 1.0),
        (format!("s2={}", suffix(2)), 1.0),
        (format!("p3={}", prefix(3)), 1.0),
        (format!("shape={}", shape(w)), 1.0),
    ];
    let title = w.chars().next().is_some_and(char::is_uppercase);
    if title {
        f.push(("title".into(), 1.0));
    }
    if w.chars().all(char::is_uppercase) {
        f.push(("upper".into(), 1.0));
    }
    if i == 0 {
        f.push(("first".into(), 1.0));
    }
    for (offset, name) in [(-2isize, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
        match i.checked_add_signed(offset).filter(|j| *j < sentence.len()) {
            Some(j) => {
                let other = word(j);
                f.push((format!("w{name}={}", other.to_lowercase()), 1.0));
                if other.chars().next().is_some_and(char::is_uppercase) {
                    f.push((format!("title{name}"), 1.0));
                }
            }
            None if offset.abs() == 1 => f.push((if offset < 0 { "BOS" } else { "EOS" }.into(), 1.0)),
            None => {}
        }
    }
    let (start, end) = (sentence[i].start as usize, sentence[i].end as usize);
    for h in hits.iter().filter(|h| h.start <= start && end <= h.end) {
        let place = if h.start == start { "B" } else { "I" };
        let source = match h.source {
            Source::String => "g",
            Source::Registry => "r",
            Source::Tagger => continue,
        };
        f.push((format!("{source}={place}-{}", h.label.0), h.score));
        f.push((format!("{source}={place}"), h.score));
    }
    f
}

/// A sentence's features as `crfs` takes them.
fn crf_items(xseq: &[Vec<Feature>]) -> Vec<Vec<crfs::Attribute>> {
    xseq.iter()
        .map(|x| x.iter().map(|(name, v)| crfs::Attribute::new(name.as_str(), f64::from(*v))).collect())
        .collect()
}

/// A word's shape: each run of capitals, small letters, digits or other characters written
/// once ("Macron" → "Xx", "G7" → "Xd", "l’" → "x’").
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
    }
    out
}

/// The article's spans as BIO tags over its tokens: where spans nest or overlap, the longest
/// (a flat tagger tags one of them).
fn tags(article: &Article, tokenised: &Tokenised) -> Vec<Vec<String>> {
    let mut spans: Vec<(usize, usize, LabelId)> =
        article.spans.iter().filter(|s| s.fragments.len() == 1).map(|s| (s.start(), s.end(), s.label)).collect();
    spans.sort_by_key(|(s, e, _)| (std::cmp::Reverse(e - s), *s));
    let mut flat: Vec<(usize, usize, LabelId)> = Vec::new();
    for s in spans {
        if !flat.iter().any(|f| f.0 < s.1 && s.0 < f.1) {
            flat.push(s);
        }
    }
    tokenised
        .sentences
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|t| {
                    let (start, end) = (t.start as usize, t.end as usize);
                    match flat.iter().find(|f| f.0 <= start && end <= f.1) {
                        Some(f) if f.0 == start => format!("B-{}", f.2.0),
                        Some(f) => format!("I-{}", f.2.0),
                        None => "O".into(),
                    }
                })
                .collect()
        })
        .collect()
}

impl Tagger {
    /// Trains on `articles` (every span is the coder's word), each with the other
    /// recommenders' hits in it (found by recommenders that did not learn from that article, so
    /// that the tagger learns how far they can be trusted). `None` with nothing to learn.
    /// At most `max_tokens` tokens of training (several languages share [`MAX_TOKENS`]).
    pub fn train(
        articles: &[(&Article, &Tokenised, Vec<Candidate>)],
        effort: Effort,
        max_tokens: usize,
    ) -> Option<Tagger> {
        // Sentences with a span first, then the others, up to the budget.
        let mut sentences = Vec::new();
        for (a, t, hits) in articles {
            for (sentence, tags) in t.sentences.iter().zip(tags(a, t)) {
                let has_span = tags.iter().any(|t| t != "O");
                sentences.push((!has_span, &a.text, sentence, tags, hits));
            }
        }
        if !sentences.iter().any(|s| !s.0) {
            return None;
        }
        sentences.sort_by_key(|s| s.0);
        let mut tokens = 0;
        let mut data = Vec::new();
        for (_, text, sentence, tags, hits) in sentences {
            if tokens >= max_tokens {
                break;
            }
            tokens += sentence.len();
            let xseq = sentence_features(text, sentence, hits);
            data.push((xseq, tags));
        }
        if tokens > CRF_MAX_TOKENS {
            return Perceptron::train(&data, effort.perceptron_epochs()).map(Tagger::Perceptron);
        }
        let mut trainer = crfs::Trainer::lbfgs()
            .with_c1(0.1)
            .ok()?
            .with_c2(0.1)
            .ok()?
            .with_max_iterations(effort.crf_iterations())
            .ok()?;
        for (xseq, tags) in &data {
            trainer.append(&crf_items(xseq), tags).ok()?;
        }
        let file = tempfile::NamedTempFile::new().ok()?;
        trainer.train(file.path()).ok()?;
        let model = std::fs::read(file.path()).ok()?;
        crfs::Model::new(&model).ok()?;
        Some(Tagger::Crf(model))
    }

    /// The tags of one sentence; `crf` is this tagger's CRF opened once for the whole article
    /// (reading the model's bytes for every sentence cost more than tagging it).
    fn tag(&self, crf: Option<&crfs::Tagger<'_>>, xseq: &[Vec<Feature>]) -> Vec<String> {
        match (self, crf) {
            (Tagger::Perceptron(p), _) => p.tag(xseq).into_iter().map(str::to_string).collect(),
            (Tagger::Crf(_), Some(crf)) => {
                crf.tag(&crf_items(xseq)).map(|t| t.into_iter().map(str::to_string).collect()).unwrap_or_default()
            }
            (Tagger::Crf(_), None) => Vec::new(),
        }
    }

    /// The spans the tagger finds in an article, given the other recommenders' hits there;
    /// each scored `confidence` of its label (how precise the tagger was on held-out articles).
    pub fn suggest(
        &self,
        text: &str,
        tokenised: &Tokenised,
        hits: &[Candidate],
        confidence: &HashMap<LabelId, f32>,
    ) -> Vec<Candidate> {
        let model = match self {
            Tagger::Crf(bytes) => crfs::Model::new(bytes).ok(),
            Tagger::Perceptron(_) => None,
        };
        let crf = model.as_ref().and_then(|m| m.tagger().ok());
        let mut out = Vec::new();
        for sentence in tokenised.sentences.iter() {
            let xseq = sentence_features(text, sentence, hits);
            let tags = self.tag(crf.as_ref(), &xseq);
            let mut open: Option<(usize, usize, LabelId)> = None;
            let mut close = |open: &mut Option<(usize, usize, LabelId)>| {
                if let Some((start, end, label)) = open.take() {
                    let score = confidence.get(&label).copied().unwrap_or(DEFAULT_CONFIDENCE);
                    out.push(Candidate { start, end, label, score, source: Source::Tagger, entity: None });
                }
            };
            for (t, tag) in sentence.iter().zip(tags) {
                let label = tag.get(2..).and_then(|l| l.parse().ok()).map(LabelId);
                match (tag.as_bytes().first(), label) {
                    (Some(b'I'), Some(l)) if open.is_some_and(|o| o.2 == l) => {
                        if let Some(o) = open.as_mut() {
                            o.1 = t.end as usize;
                        }
                    }
                    (Some(b'B' | b'I'), Some(l)) => {
                        close(&mut open);
                        open = Some((t.start as usize, t.end as usize, l));
                    }
                    _ => close(&mut open),
                }
            }
            close(&mut open);
        }
        out
    }
}

/// The score of a label the tagger was not evaluated on (too few annotated articles).
pub const DEFAULT_CONFIDENCE: f32 = 0.5;
