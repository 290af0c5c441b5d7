//! Glose: close reading and annotation of news articles.
//!
//! The core (`model`, `text`, `edit`, `store`, `import`, `analysis`) knows nothing of the
//! window; `ui` is a thin view over it that changes the project only through `edit::Command`.

pub mod analysis;
#[doc(hidden)]
pub mod checks;
pub mod edit;
pub mod export;
pub mod hash;
pub mod import;
pub mod model;
pub mod par;
pub mod progress;
pub mod store;
pub mod suggest;
pub mod synth;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
