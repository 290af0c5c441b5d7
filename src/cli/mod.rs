//! Subcommands of the `glose` binary kept out of `main.rs`.

pub mod discourse;
pub mod suggest;
