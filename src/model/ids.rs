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
