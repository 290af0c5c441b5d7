//! Passages one article shares with another (the same wire copy in two outlets), tolerant of
//! small edits: word 5-grams that occur in both texts seed matches, runs of seeds are chained
//! when they stay aligned with small gaps, and each passage gets a similarity (aligned words /
//! words of the longer side).

use crate::text::CharMap;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Words per seed.
const N: usize = 5;
/// Words of difference two seeds may have between them and still be one passage.
const GAP: usize = 6;
/// Passages shorter than this many words are not reported.
const MIN_WORDS: usize = 8;

/// A passage found in both articles, in code points of each text.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedPassage {
    pub a: (usize, usize),
    pub b: (usize, usize),
    /// Words of the passage in each text.
    pub words: (usize, usize),
    /// 0..=1: words aligned by shared 5-grams over the words of the longer side.
    pub similarity: f64,
}

/// Words (code point ranges) and their lowercase forms.
fn words(text: &str) -> (Vec<(usize, usize)>, Vec<String>) {
    let map = CharMap::new(text);
    let mut ranges = Vec::new();
    let mut forms = Vec::new();
    for (b, w) in text.unicode_word_indices() {
        if let (Some(s), Some(e)) = (map.char_of_byte(text, b), map.char_of_byte(text, b + w.len())) {
            ranges.push((s, e));
            forms.push(w.to_lowercase());
        }
    }
    (ranges, forms)
}

/// The passages `a` and `b` share, longest first.
pub fn shared_passages(a: &str, b: &str) -> Vec<SharedPassage> {
    let (ra, wa) = words(a);
    let (rb, wb) = words(b);
    if wa.len() < N || wb.len() < N {
        return Vec::new();
    }
    // Where each 5-gram of b starts.
    let mut grams: HashMap<&[String], Vec<usize>> = HashMap::new();
    for j in 0..=wb.len() - N {
        grams.entry(&wb[j..j + N]).or_default().push(j);
    }
    // Seeds (i, j): the 5-gram at word i of a equals the one at word j of b.
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    for i in 0..=wa.len() - N {
        if let Some(js) = grams.get(&wa[i..i + N]) {
            // A boilerplate phrase repeated many times seeds nothing useful.
            if js.len() <= 8 {
                seeds.extend(js.iter().map(|&j| (i, j)));
            }
        }
    }
    seeds.sort();
    // Chain seeds that keep going forward in both texts with small gaps.
    let mut used = vec![false; seeds.len()];
    let mut out = Vec::new();
    for k in 0..seeds.len() {
        if used[k] {
            continue;
        }
        used[k] = true;
        let (i0, j0) = seeds[k];
        let (mut i1, mut j1) = (i0 + N, j0 + N);
        let mut aligned = N;
        let mut last = (i0, j0);
        for m in k + 1..seeds.len() {
            let (i, j) = seeds[m];
            if i > i1 + GAP {
                break;
            }
            if used[m] || j < last.1 || j > j1 + GAP || i < last.0 {
                continue;
            }
            // Stay on the same diagonal, give or take the gap.
            let drift = (i as i64 - last.0 as i64) - (j as i64 - last.1 as i64);
            if drift.unsigned_abs() as usize > GAP {
                continue;
            }
            used[m] = true;
            aligned += (i + N).saturating_sub(i1.max(i)).min(N);
            i1 = i1.max(i + N);
            j1 = j1.max(j + N);
            last = (i, j);
        }
        // Grow the ends word by word, stepping over a single changed word ("said" → "declared").
        let (mut i0, mut j0) = (i0, j0);
        loop {
            if i0 > 0 && j0 > 0 && wa[i0 - 1] == wb[j0 - 1] {
                (i0, j0) = (i0 - 1, j0 - 1);
                aligned += 1;
            } else if i0 > 1 && j0 > 1 && wa[i0 - 2] == wb[j0 - 2] && (i0 < 3 || j0 < 3 || wa[i0 - 3] == wb[j0 - 3]) {
                (i0, j0) = (i0 - 2, j0 - 2);
                aligned += 1;
            } else {
                break;
            }
        }
        loop {
            if i1 < wa.len() && j1 < wb.len() && wa[i1] == wb[j1] {
                (i1, j1) = (i1 + 1, j1 + 1);
                aligned += 1;
            } else if i1 + 1 < wa.len()
                && j1 + 1 < wb.len()
                && wa[i1 + 1] == wb[j1 + 1]
                && (i1 + 2 >= wa.len() || j1 + 2 >= wb.len() || wa[i1 + 2] == wb[j1 + 2])
            {
                (i1, j1) = (i1 + 2, j1 + 2);
                aligned += 1;
            } else {
                break;
            }
        }
        let (na, nb) = (i1 - i0, j1 - j0);
        if na.max(nb) < MIN_WORDS {
            continue;
        }
        out.push(SharedPassage {
            a: (ra[i0].0, ra[i1 - 1].1),
            b: (rb[j0].0, rb[j1 - 1].1),
            words: (na, nb),
            similarity: (aligned as f64 / na.max(nb) as f64).min(1.0),
        });
    }
    out.sort_by(|x, y| y.words.0.max(y.words.1).cmp(&x.words.0.max(x.words.1)).then(x.a.cmp(&y.a)));
    out
}
