//! Duplicates among imported articles and the project's own.
//! - **Exact**: the same text once white space is normalised (runs of any white space, NBSP
//!   included, count as one space). Not the same source, date and title: two articles of one
//!   day may share a headline. An exact duplicate is not imported again.
//! - **Near**: the same wire copy with small edits. Texts are cut into overlapping 4-word
//!   shingles; a one-permutation MinHash sketch (128 bins) of each, banded into 32 buckets
//!   of 4, finds candidates without comparing every pair (so 10 000 articles take what a
//!   few hash tables take); a candidate is confirmed when at least 80 % of the shorter text's
//!   shingles are in the other. Texts under 30 words are too short to tell.

use super::source::SourceFile;
use crate::model::ArticleId;
use std::collections::{HashMap, HashSet};

/// At least this share of the shorter text's shingles are in the other one.
pub const NEAR_THRESHOLD: f32 = 0.8;
const SHINGLE: usize = 4;
const MIN_WORDS: usize = 30;
const BINS: usize = 128;
const ROWS: usize = 4;

/// Where an article's twin is: already in the project, or earlier in this import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Article(ArticleId),
    /// Record `record` of file `file` (indices into the files being imported).
    Record {
        file: usize,
        record: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fate {
    New,
    Duplicate(Origin),
    /// Added, but marked: `similarity` is the share of shingles found in the other text.
    NearDuplicate {
        of: Origin,
        similarity: f32,
    },
}

/// The text with every run of white space made one space, trimmed.
pub fn normalise_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// splitmix64's finaliser: spreads the bits of a hash.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hashes of a text's word shingles (lower case, words of letters and digits).
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| crate::hash::fnv1a64(w.to_lowercase().as_bytes()))
        .collect();
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    words.windows(SHINGLE).map(|w| mix(w.iter().fold(0u64, |h, &x| h.rotate_left(17) ^ x))).collect()
}

/// One-permutation MinHash with rotation densification: bin = top bits, value = the rest.
fn sketch(shingles: &[u64]) -> [u64; BINS] {
    let mut bins = [u64::MAX; BINS];
    for &h in shingles {
        let b = (h >> 57) as usize;
        let v = h & ((1 << 57) - 1);
        if v < bins[b] {
            bins[b] = v;
        }
    }
    // Empty bins borrow the next filled bin's value (with an offset per distance), so two
    // similar sets still agree on them.
    if bins.contains(&u64::MAX) && !bins.iter().all(|&b| b == u64::MAX) {
        let filled = bins;
        for i in 0..BINS {
            if filled[i] == u64::MAX {
                let mut j = 1;
                while filled[(i + j) % BINS] == u64::MAX {
                    j += 1;
                }
                bins[i] = filled[(i + j) % BINS].wrapping_add((j as u64) << 57);
            }
        }
    }
    bins
}

fn band_keys(s: &[u64; BINS]) -> impl Iterator<Item = (usize, u64)> + '_ {
    s.chunks(ROWS).enumerate().map(|(i, band)| (i, mix(band.iter().fold(i as u64, |h, &x| h.rotate_left(13) ^ x))))
}

struct Indexed {
    origin: Origin,
    shingles: Vec<u64>,
}

/// Decides the fate of every record of `files` against the project's `existing` texts and
/// the records before it.
pub fn dedupe(existing: &[(ArticleId, &str)], files: &[SourceFile]) -> Vec<Vec<Fate>> {
    let mut exact: HashMap<u64, Vec<(Origin, String)>> = HashMap::new();
    let mut docs: Vec<Indexed> = Vec::new();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let add_near = |docs: &mut Vec<Indexed>, buckets: &mut HashMap<(usize, u64), Vec<usize>>, origin, sh: Vec<u64>| {
        if sh.is_empty() {
            return;
        }
        let k = docs.len();
        for key in band_keys(&sketch(&sh)) {
            buckets.entry(key).or_default().push(k);
        }
        docs.push(Indexed { origin, shingles: sh });
    };
    for &(id, text) in existing {
        let norm = normalise_space(text);
        exact.entry(crate::hash::fnv1a64(norm.as_bytes())).or_default().push((Origin::Article(id), norm));
        add_near(&mut docs, &mut buckets, Origin::Article(id), shingles(text));
    }
    let mut out = Vec::with_capacity(files.len());
    for (fi, file) in files.iter().enumerate() {
        let mut fates = Vec::with_capacity(file.records.len());
        for (ri, rec) in file.records.iter().enumerate() {
            let origin = Origin::Record { file: fi, record: ri };
            let norm = normalise_space(&rec.text);
            let key = crate::hash::fnv1a64(norm.as_bytes());
            if let Some((twin, _)) = exact.get(&key).and_then(|v| v.iter().find(|(_, t)| *t == norm)) {
                fates.push(Fate::Duplicate(*twin));
                continue;
            }
            exact.entry(key).or_default().push((origin, norm));
            let sh = shingles(&rec.text);
            let mut fate = Fate::New;
            if !sh.is_empty() {
                let mut candidates: HashSet<usize> = HashSet::new();
                for k in band_keys(&sketch(&sh)) {
                    if let Some(v) = buckets.get(&k) {
                        candidates.extend(v);
                    }
                }
                let mine: HashSet<u64> = sh.iter().copied().collect();
                let mut best: Option<(Origin, f32)> = None;
                let mut sorted: Vec<usize> = candidates.into_iter().collect();
                sorted.sort_unstable();
                for c in sorted {
                    let other: HashSet<u64> = docs[c].shingles.iter().copied().collect();
                    let shared = mine.intersection(&other).count();
                    let smaller = mine.len().min(other.len()).max(1);
                    let sim = shared as f32 / smaller as f32;
                    if sim >= NEAR_THRESHOLD && best.is_none_or(|(_, s)| sim > s) {
                        best = Some((docs[c].origin, sim));
                    }
                }
                if let Some((of, similarity)) = best {
                    fate = Fate::NearDuplicate { of, similarity };
                }
            }
            add_near(&mut docs, &mut buckets, origin, sh);
            fates.push(fate);
        }
        out.push(fates);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::{Record, SourceFile};

    fn file(texts: &[&str]) -> SourceFile {
        let mut f = SourceFile::new("t", Default::default());
        f.records = texts.iter().map(|t| Record { text: t.to_string(), ..Default::default() }).collect();
        f
    }

    const WIRE: &str = "Moscow and Beijing agreed on Tuesday to deepen their cooperation in artificial \
        intelligence, the two governments said in a joint statement after talks in the Russian capital. \
        The statement calls for common standards, joint research centres and an exchange of engineers, \
        and rejects what it describes as attempts by Western countries to dominate the technology.";

    #[test]
    fn exact_and_near_duplicates() {
        let edited = WIRE.replace("on Tuesday", "on Wednesday").replace("engineers", "students");
        let respaced = WIRE.replace(". ", ".\u{a0}\n ");
        let other = "Paris and New Delhi want a third way between the American and Chinese models of \
            artificial intelligence, the French presidency said after a summit that gathered ministers, \
            researchers and the heads of several start-ups in the French capital on Monday evening.";
        let files = [file(&[WIRE, &edited, &respaced, other, "Short text."])];
        let fates = dedupe(&[], &files);
        let first = Origin::Record { file: 0, record: 0 };
        assert_eq!(fates[0][0], Fate::New);
        assert!(
            matches!(fates[0][1], Fate::NearDuplicate { of, similarity } if of == first && similarity >= 0.8),
            "{:?}",
            fates[0][1]
        );
        assert_eq!(fates[0][2], Fate::Duplicate(first), "white space does not make a new text");
        assert_eq!(fates[0][3], Fate::New);
        assert_eq!(fates[0][4], Fate::New);
        // Against the project.
        let fates = dedupe(&[(ArticleId(7), WIRE)], &[file(&[&respaced])]);
        assert_eq!(fates[0][0], Fate::Duplicate(Origin::Article(ArticleId(7))));
    }
}
