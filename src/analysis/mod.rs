//! Computations over a project for reports and views (no UI here).

mod stats;

pub use stats::{Stats, stats};
