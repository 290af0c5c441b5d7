//! What the project keeps of the recommenders (issue 16): their settings and the suggestions a
//! coder turned down. A suggestion itself is never saved: it is not a span until accepted.

use super::{ArticleId, LabelId};
use serde::{Deserialize, Serialize};

/// The recommenders' settings and rejections, saved with the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestionSettings {
    /// Suggestions scoring lower are not shown (0–1).
    #[serde(default = "default_min_score")]
    pub min_score: f32,
    /// The string matcher compares forms without case ("Daesh" = "DAESH").
    #[serde(default)]
    pub ignore_case: bool,
    /// The string matcher compares forms without diacritics ("Etats-Unis" = "États-Unis").
    #[serde(default)]
    pub ignore_diacritics: bool,
    /// A recommender is switched off for a label where its F1 on held-out annotations of the
    /// project is below this (0–1).
    #[serde(default = "default_min_f1")]
    pub min_f1: f32,
    /// Suggestions turned down: never proposed again at that place with that label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

/// A suggestion turned down: its article, its place in code points and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rejection {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub label: LabelId,
}

/// 0.4: on re3d's news the tagger's precision for the commonest label sat just under 0.5 with a
/// quarter of the documents annotated (docs/suggestions.md has the trade at 0.4 and 0.6).
fn default_min_score() -> f32 {
    0.4
}

fn default_min_f1() -> f32 {
    0.3
}

impl Default for SuggestionSettings {
    fn default() -> Self {
        SuggestionSettings {
            min_score: default_min_score(),
            ignore_case: false,
            ignore_diacritics: false,
            min_f1: default_min_f1(),
            rejected: Vec::new(),
        }
    }
}

impl SuggestionSettings {
    /// Nothing to save (the file of a project that never used suggestions stays as it was).
    pub fn is_default(&self) -> bool {
        *self == SuggestionSettings::default()
    }

    pub fn is_rejected(&self, r: &Rejection) -> bool {
        self.rejected.binary_search(r).is_ok()
    }

    /// Adds a rejection, kept sorted (stable files, halving lookups); false if it was there.
    pub fn reject(&mut self, r: Rejection) -> bool {
        match self.rejected.binary_search(&r) {
            Ok(_) => false,
            Err(i) => {
                self.rejected.insert(i, r);
                true
            }
        }
    }
}
