//! How far a long job running in a thread is, and the flag that cancels it: shared by exports,
//! imports, merges and searches with the window's progress bars.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: Arc<AtomicUsize>,
    pub cancel: Arc<AtomicBool>,
}

impl Progress {
    /// One more unit (article, file) done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub fn set_done(&self, n: usize) {
        self.done.store(n, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// The part done of `total` units, 0 to 1.
    pub fn fraction(&self, total: usize) -> f32 {
        if total == 0 { 1.0 } else { self.done() as f32 / total as f32 }
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}
