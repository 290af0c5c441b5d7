//! The registries: each canonical actor's (or claim's) name and aliases, proposed where they
//! occur, already linked to it, with the label the coder gives its mentions.

use super::forms::{Folding, Tokenised, form_hash, matches};
use super::{Candidate, Source};
use crate::model::{Article, Entity, EntityId, LabelId, Schema};
use std::collections::HashMap;

/// Score of a name whose actor's mentions carry a label; of one whose label is only guessed.
const LEARNED: f32 = 0.9;
const GUESSED: f32 = 0.6;

#[derive(Default)]
pub struct Registry {
    /// Form hash → the actor it names, the label and the score.
    names: HashMap<u64, (EntityId, LabelId, f32)>,
    max_len: usize,
}

impl Registry {
    /// Names of `entities`, each with the label most often given to its mentions in `articles`
    /// (else a label named like its kind, else "Actor"; none, and the actor is left out).
    pub fn train<'a>(
        entities: &[Entity],
        schema: &Schema,
        articles: impl IntoIterator<Item = &'a Article>,
        folding: Folding,
    ) -> Self {
        let mut labels: HashMap<EntityId, HashMap<LabelId, u32>> = HashMap::new();
        for a in articles {
            for s in &a.spans {
                if let Some(e) = s.entity {
                    *labels.entry(e).or_default().entry(s.label).or_default() += 1;
                }
            }
        }
        let by_name = |name: &str| schema.labels.iter().find(|l| l.name.eq_ignore_ascii_case(name)).map(|l| l.id);
        let mut r = Registry::default();
        for e in entities {
            let learned = labels.get(&e.id).and_then(|m| m.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l))));
            let (label, score) = match learned {
                Some((l, _)) => (*l, LEARNED),
                None => match by_name(&e.kind).or_else(|| by_name("Actor")) {
                    Some(l) => (l, GUESSED),
                    None => continue,
                },
            };
            for name in e.all_names().filter(|n| !n.trim().is_empty()) {
                let t = Tokenised::new(name, folding);
                let hashes: Vec<u64> = t.hashes.iter().flatten().copied().collect();
                if hashes.is_empty() {
                    continue;
                }
                r.max_len = r.max_len.max(hashes.len());
                r.names.entry(form_hash(hashes)).or_insert((e.id, label, score));
            }
        }
        r
    }

    /// Every place where a registered name occurs.
    pub fn suggest(&self, tokenised: &Tokenised) -> Vec<Candidate> {
        let mut out = Vec::new();
        if self.names.is_empty() {
            return out;
        }
        for (sentence, hashes) in tokenised.sentences.iter().zip(&tokenised.hashes) {
            for (i, j, (entity, label, score)) in matches(hashes, self.max_len, |h| self.names.get(&h).copied()) {
                let (start, end) = (sentence[i].start as usize, sentence[j].end as usize);
                out.push(Candidate { start, end, label, score, source: Source::Registry, entity: Some(entity) });
            }
        }
        out
    }
}
