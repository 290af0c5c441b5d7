//! Typed ids: a span id cannot be passed where a label id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident = $prefix:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            /// "A new one": in a command that adds something, the id it gets when applied
            /// (ids start at 1, so 0 is never a real one).
            pub const NEW: $name = $name(0);

            pub fn is_new(self) -> bool {
                self.0 == 0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }
    )*};
}

id_type! {
    /// An article of the project.
    ArticleId = "a";
    /// A span (labelled passage).
    SpanId = "s";
    /// A relation between two spans.
    RelationId = "r";
    /// A span label of the schema.
    LabelId = "l";
    /// A relation type of the schema.
    RelTypeId = "t";
    /// A canonical entity (actor).
    EntityId = "e";
}

/// A set of ids: a bitmap when the ids are dense (as Glose hands them out: a project's largest
/// id is about its number of records), a hash set otherwise. At 5 M spans the bitmap is under
/// 1 MB and an order of magnitude faster than hashing every id.
pub enum IdSet {
    Bits(Vec<u64>),
    Hashed(std::collections::HashSet<u64>),
}

impl IdSet {
    /// For ids mostly below `bound`, about `count` of them.
    pub fn new(bound: u64, count: usize) -> IdSet {
        let dense = usize::try_from(bound).is_ok_and(|b| b <= count.saturating_mul(16).max(1 << 20));
        if dense {
            IdSet::Bits(vec![0; usize::try_from(bound).unwrap_or(0) / 64 + 1])
        } else {
            IdSet::Hashed(Default::default())
        }
    }

    pub fn contains(&self, id: &u64) -> bool {
        match self {
            IdSet::Bits(words) => {
                usize::try_from(id / 64).ok().and_then(|w| words.get(w)).is_some_and(|w| w & (1 << (id % 64)) != 0)
            }
            IdSet::Hashed(set) => set.contains(id),
        }
    }

    /// Adds `id`; false when it was there.
    pub fn insert(&mut self, id: u64) -> bool {
        match self {
            IdSet::Bits(words) => match set_bit(words, id) {
                Some(fresh) => fresh,
                None => {
                    // Ids far apart: a hash set from here on.
                    let mut set: std::collections::HashSet<u64> = (0..words.len() as u64 * 64)
                        .filter(|i| words[(i / 64) as usize] & (1 << (i % 64)) != 0)
                        .collect();
                    let fresh = set.insert(id);
                    *self = IdSet::Hashed(set);
                    fresh
                }
            },
            IdSet::Hashed(set) => set.insert(id),
        }
    }
}

/// Sets `id`'s bit, growing the map up to four times; `None` when the id is further away.
fn set_bit(words: &mut Vec<u64>, id: u64) -> Option<bool> {
    let w = usize::try_from(id / 64).ok()?;
    if w >= words.len() {
        if w > words.len().saturating_mul(4).max(1 << 16) {
            return None;
        }
        words.resize(w + 1, 0);
    }
    let bit = 1 << (id % 64);
    let fresh = words[w] & bit == 0;
    words[w] |= bit;
    Some(fresh)
}
