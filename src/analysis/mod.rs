//! Computations over a project for reports and views (no UI here).

pub mod agreement;
pub mod compare;
pub mod corpus;
pub mod discourse;
mod mentions;
pub mod merge;
pub mod search_index;
pub mod shared;
mod stats;
pub mod unitizing;

pub use mentions::{Mention, unlinked_mentions};
pub use stats::{Stats, stats};
