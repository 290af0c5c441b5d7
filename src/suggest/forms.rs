//! Texts as sequences of word forms: the project's tokens (UAX #29 words, French elisions split,
//! sentence by sentence), each normalised as the settings ask and hashed, so that a name of
//! several words is found by hashing along the tokens, never across a sentence end.

use crate::model::{Article, SuggestionSettings};
use crate::text::Token;
use unicode_normalization::UnicodeNormalization;

/// How forms are compared: exactly, or without case and/or diacritics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Folding {
    pub case: bool,
    pub diacritics: bool,
}

impl Folding {
    pub fn of(settings: &SuggestionSettings) -> Self {
        Folding { case: settings.ignore_case, diacritics: settings.ignore_diacritics }
    }

    /// A token's text as compared.
    pub fn fold(self, word: &str) -> String {
        let word: String = if self.diacritics {
            word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).nfc().collect()
        } else {
            word.to_string()
        };
        if self.case { word.to_lowercase() } else { word }
    }

    /// The hash of one token's text as compared.
    pub fn hash(self, word: &str) -> u64 {
        if !self.case && !self.diacritics {
            return crate::hash::wide64(word.as_bytes());
        }
        crate::hash::wide64(self.fold(word).as_bytes())
    }
}

/// The hash of a form of several tokens, given the hash of the form without its last token.
pub fn extend(form: u64, token: u64) -> u64 {
    (form.rotate_left(23) ^ token).wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(0x632b_e59b_d9b4_e019)
}

/// A map keyed by form hashes, which are hashes already: the key is its own hash.
pub type FormMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyIsHash>>;

/// The hasher of [`FormMap`]: hands the `u64` key back (SipHash over it cost a tenth of learning).
#[derive(Default)]
pub struct KeyIsHash(u64);

impl std::hash::Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The hash of a whole form (its tokens' hashes in order).
pub fn form_hash(tokens: impl IntoIterator<Item = u64>) -> u64 {
    tokens.into_iter().fold(0x243f_6a88_85a3_08d3, extend)
}

/// Where tokens start and end (code points) with their `(sentence, index)`, in text order
/// (tokens come in order: looked up by halving, no hashing).
pub struct Bounds {
    starts: Vec<(usize, (usize, usize))>,
    ends: Vec<(usize, (usize, usize))>,
}

fn find(list: &[(usize, (usize, usize))], at: usize) -> Option<&(usize, usize)> {
    list.binary_search_by_key(&at, |e| e.0).ok().map(|i| &list[i].1)
}

/// A text's sentences of tokens with each token's hash.
pub struct Tokenised {
    pub sentences: std::sync::Arc<crate::text::Sentences>,
    /// Per sentence, per token, the hash of its folded text.
    pub hashes: Vec<Vec<u64>>,
}

impl Tokenised {
    pub fn new(text: &str, folding: Folding) -> Self {
        let sentences = crate::text::tokens_cached(text);
        let word = |t: &Token| text.get(t.byte_start as usize..t.byte_end as usize).unwrap_or("");
        let hashes = sentences.iter().map(|s| s.iter().map(|t| folding.hash(word(t))).collect()).collect();
        Tokenised { sentences, hashes }
    }

    pub fn of(article: &Article, folding: Folding) -> Self {
        Tokenised::new(&article.text, folding)
    }

    /// Where each token starts and ends.
    pub fn bounds(&self) -> Bounds {
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        for (si, s) in self.sentences.iter().enumerate() {
            for (ti, t) in s.iter().enumerate() {
                starts.push((t.start as usize, (si, ti)));
                ends.push((t.end as usize, (si, ti)));
            }
        }
        Bounds { starts, ends }
    }

    /// The tokens `[from, to]` of one sentence as a form hash, when a span `[start, end)` begins
    /// and ends on token boundaries of one sentence.
    pub fn form_of(&self, bounds: &Bounds, start: usize, end: usize) -> Option<(u64, usize)> {
        let (&(s1, from), &(s2, to)) = (find(&bounds.starts, start)?, find(&bounds.ends, end)?);
        (s1 == s2 && from <= to).then(|| (form_hash(self.hashes[s1][from..=to].iter().copied()), to - from + 1))
    }
}

/// Every form a table knows in one sentence of tokens (up to `max_len` tokens each), nested
/// and overlapping ones included: which of them is shown is decided after the project's rules
/// (a rejected long form leaves room for a shorter one). Returns `(first token, last token,
/// what known said)`.
pub fn matches<T>(hashes: &[u64], max_len: usize, mut known: impl FnMut(u64) -> Option<T>) -> Vec<(usize, usize, T)> {
    let mut out = Vec::new();
    for i in 0..hashes.len() {
        let mut h = form_hash([]);
        for (j, t) in hashes.iter().enumerate().skip(i).take(max_len) {
            h = extend(h, *t);
            if let Some(found) = known(h) {
                out.push((i, j, found));
            }
        }
    }
    out
}
