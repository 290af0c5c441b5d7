//! Long work off the calling thread, one way for all of it: a [`Job`] runs a closure in a
//! thread with a [`Progress`] (how far it is, and the flag that cancels it) and hands its
//! result back once — reading files to import or merge, exports, dataset imports, searches,
//! the background save. The window shows every job's progress the same way.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

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

/// Called once when a job ends (the window asks for a repaint).
pub type Waker = Box<dyn FnOnce() + Send>;

/// Work running in a thread, with its progress; its result is taken once.
pub struct Job<T> {
    pub progress: Progress,
    /// Units of work (articles, files) the progress counts toward.
    pub total: usize,
    rx: Receiver<T>,
}

/// A job's state when asked.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The thread ended without a result (it panicked): said as an error by the caller.
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` in a thread; `waker` runs after it has sent its result.
    pub fn spawn(total: usize, waker: Option<Waker>, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Job<T> {
        let progress = Progress::default();
        let (tx, rx) = channel();
        let shared = progress.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work(&shared));
            if let Some(wake) = waker {
                wake();
            }
        });
        Job { progress, total, rx }
    }
}

impl<T> Job<T> {
    /// The result if the job is done (taken: it is handed out once).
    pub fn poll(&self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(v) => Poll::Done(v),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits for the result; `None` if the thread ended without one.
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// Asks the job to stop (it says so in its result).
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_back_its_result_once_and_can_be_cancelled() {
        let job = Job::spawn(3, None, |p: &Progress| {
            for _ in 0..3 {
                p.tick();
            }
            7
        });
        assert_eq!(job.wait(), Some(7));
        assert_eq!(job.progress.done(), 3);
        // A job that waits for its cancel flag ends when cancelled.
        let (go_tx, go_rx) = channel::<()>();
        let job = Job::spawn(1, None, move |p: &Progress| {
            go_rx.recv().ok();
            p.cancelled()
        });
        assert!(matches!(job.poll(), Poll::Running));
        job.cancel();
        go_tx.send(()).unwrap();
        assert_eq!(job.wait(), Some(true));
        // A job that panics is lost, not hung.
        let job = Job::spawn(1, None, |_: &Progress| -> u8 { panic!("on purpose") });
        assert_eq!(job.wait(), None);
    }
}
