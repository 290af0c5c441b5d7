//! A structured averaged perceptron over tag sequences (Collins 2002): the same model as a
//! linear-chain CRF (weights of a token's features for each tag, of each tag after another),
//! decoded by Viterbi, trained by correcting its own mistakes a few passes over the sentences.
//! Sparse throughout: a pass costs the features that fire, not all the features there are.

use super::forms::FormMap;

/// A feature of a token and its value (1 for a plain indicator).
pub type Feature = (String, f32);

fn name_hash(name: &str) -> u64 {
    crate::hash::wide64(name.as_bytes())
}

/// A trained model.
pub struct Perceptron {
    /// Feature ids by the feature name's 64-bit hash (names are not kept).
    features: FormMap<u32>,
    tags: Vec<String>,
    /// Weight of feature `f` for tag `t`: `emit[f * tags + t]`.
    emit: Vec<f32>,
    /// Weight of tag `t` after tag `p`: `trans[(p + 1) * tags + t]`; row 0: at a sentence's start.
    trans: Vec<f32>,
}

/// Sentences with their features turned into ids (the training's first step).
struct Encoded {
    tokens: Vec<Vec<(u32, f32)>>,
    gold: Vec<usize>,
}

/// Weights and their running sums for averaging: the averaged weight is `w - sum / steps`.
struct Averaged {
    w: Vec<f32>,
    sum: Vec<f32>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Averaged { w: vec![0.0; n], sum: vec![0.0; n] }
    }

    fn add(&mut self, i: usize, by: f32, step: f32) {
        self.w[i] += by;
        self.sum[i] += step * by;
    }

    fn averaged(self, steps: f32) -> Vec<f32> {
        self.w.iter().zip(&self.sum).map(|(w, s)| w - s / steps).collect()
    }
}

impl Perceptron {
    /// Trains on `sentences` (each token's features, each token's tag) for `epochs` passes, in
    /// an order shuffled the same way every time (the model is the same for the same data).
    pub fn train(sentences: &[(Vec<Vec<Feature>>, Vec<String>)], epochs: usize) -> Option<Perceptron> {
        let mut features: FormMap<u32> = FormMap::default();
        let mut tags: Vec<String> = vec!["O".into()];
        let mut data = Vec::with_capacity(sentences.len());
        for (xs, ys) in sentences {
            let mut tokens = Vec::with_capacity(xs.len());
            for x in xs {
                let ids = x.iter().map(|(name, v)| {
                    let next = features.len() as u32;
                    (*features.entry(name_hash(name)).or_insert(next), *v)
                });
                tokens.push(ids.collect());
            }
            let gold = ys
                .iter()
                .map(|y| match tags.iter().position(|t| t == y) {
                    Some(i) => i,
                    None => {
                        tags.push(y.clone());
                        tags.len() - 1
                    }
                })
                .collect();
            data.push(Encoded { tokens, gold });
        }
        if data.is_empty() || tags.len() < 2 {
            return None;
        }
        let nt = tags.len();
        let mut model = Perceptron { features, tags, emit: vec![0.0; 0], trans: vec![0.0; (nt + 1) * nt] };
        let mut emit = Averaged::new(model.features.len() * nt);
        let mut trans = Averaged::new((nt + 1) * nt);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut step = 1.0f32;
        for _ in 0..epochs {
            // Fisher–Yates with a fixed xorshift: the same order for the same data.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let s = &data[k];
                let guess = viterbi(&s.tokens, nt, &emit.w, &trans.w);
                if guess != s.gold {
                    for (i, token) in s.tokens.iter().enumerate() {
                        let (g, p) = (s.gold[i], guess[i]);
                        let (gp, pp) =
                            (if i == 0 { 0 } else { s.gold[i - 1] + 1 }, if i == 0 { 0 } else { guess[i - 1] + 1 });
                        if g != p {
                            for &(f, v) in token {
                                emit.add(f as usize * nt + g, v, step);
                                emit.add(f as usize * nt + p, -v, step);
                            }
                        }
                        if g != p || gp != pp {
                            trans.add(gp * nt + g, 1.0, step);
                            trans.add(pp * nt + p, -1.0, step);
                        }
                    }
                }
                step += 1.0;
            }
        }
        model.emit = emit.averaged(step);
        model.trans = trans.averaged(step);
        Some(model)
    }

    /// The likeliest tags of a sentence.
    pub fn tag(&self, tokens: &[Vec<Feature>]) -> Vec<&str> {
        let encoded: Vec<Vec<(u32, f32)>> = tokens
            .iter()
            .map(|x| x.iter().filter_map(|(name, v)| Some((*self.features.get(&name_hash(name))?, *v))).collect())
            .collect();
        viterbi(&encoded, self.tags.len(), &self.emit, &self.trans).into_iter().map(|t| self.tags[t].as_str()).collect()
    }
}

/// The best tag sequence under the weights.
fn viterbi(tokens: &[Vec<(u32, f32)>], nt: usize, emit: &[f32], trans: &[f32]) -> Vec<usize> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let n = tokens.len();
    let mut score = vec![0.0f32; n * nt];
    let mut back = vec![0usize; n * nt];
    let mut local = vec![0.0f32; nt];
    for (i, token) in tokens.iter().enumerate() {
        local.iter_mut().for_each(|x| *x = 0.0);
        for &(f, v) in token {
            let row = &emit[f as usize * nt..f as usize * nt + nt];
            for (l, w) in local.iter_mut().zip(row) {
                *l += v * w;
            }
        }
        for t in 0..nt {
            let (best, from) = if i == 0 {
                (trans[t], 0)
            } else {
                (0..nt)
                    .map(|p| (score[(i - 1) * nt + p] + trans[(p + 1) * nt + t], p))
                    .fold((f32::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a })
            };
            score[i * nt + t] = best + local[t];
            back[i * nt + t] = from;
        }
    }
    let mut t = (0..nt).fold(0, |a, b| if score[(n - 1) * nt + b] > score[(n - 1) * nt + a] { b } else { a });
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i * nt + t];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &[&str], tags: &[&str]) -> (Vec<Vec<Feature>>, Vec<String>) {
        let x = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let mut f = vec![(format!("w={w}"), 1.0)];
                if i > 0 {
                    f.push((format!("w-1={}", words[i - 1]), 1.0));
                }
                f
            })
            .collect();
        (x, tags.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn learns_a_context_and_tags_an_unseen_word_by_it() {
        let data = vec![
            sentence(&["Minister", "Alvarez", "said"], &["O", "B-1", "O"]),
            sentence(&["Minister", "Brandt", "said"], &["O", "B-1", "O"]),
            sentence(&["the", "weather", "said"], &["O", "O", "O"]),
            sentence(&["Minister", "Castillo", "Ruiz", "said"], &["O", "B-1", "I-1", "O"]),
        ];
        let m = Perceptron::train(&data, 10).unwrap();
        let (x, _) = sentence(&["Minister", "Zorglub", "said"], &[]);
        assert_eq!(m.tag(&x), ["O", "B-1", "O"]);
        let (x, _) = sentence(&["the", "weather"], &[]);
        assert_eq!(m.tag(&x), ["O", "O"]);
        assert!(Perceptron::train(&[], 3).is_none());
    }
}
