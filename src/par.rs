//! Work spread over the processor's cores: a list cut into one contiguous part per core.

std::thread_local! {
    /// Set while this thread works behind the window: its jobs leave a core to the window.
    static LEAVE_A_CORE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How many threads share a job: the cores (one less behind the window), at most 8.
pub fn threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let spare = usize::from(LEAVE_A_CORE.with(std::cell::Cell::get));
    cores.saturating_sub(spare).clamp(1, 8)
}

/// Runs `f` with the [`map`]s it starts from this thread leaving one core free, and this thread
/// (and those it starts) at a lower priority for good: long work in the background of the window
/// (learning suggestions after every edit) must not slow its frames. For threads of their own.
pub fn leaving_a_core<R>(f: impl FnOnce() -> R) -> R {
    lower_priority();
    let before = LEAVE_A_CORE.with(|l| l.replace(true));
    let r = f();
    LEAVE_A_CORE.with(|l| l.set(before));
    r
}

/// `f` of every item, in the items' order, computed on every core.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let chunk = items.len().div_ceil(threads()).max(1);
    if items.len() <= chunk {
        return items.iter().map(f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())).collect();
        // A panic in `f` is a bug of ours: it goes on in the caller's thread.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// This thread yields to the others (nice 10; threads it starts inherit it). Linux only.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // Not being able to lower it (a sandbox) only costs frames: nothing to tell.
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order() {
        let items: Vec<u32> = (0..1001).collect();
        assert_eq!(super::map(&items, |x| x * 2), items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }

    #[test]
    fn behind_the_window_a_core_is_left_free() {
        // In a thread of its own: its priority is lowered for good.
        std::thread::spawn(|| {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            assert_eq!(super::leaving_a_core(super::threads), cores.saturating_sub(1).clamp(1, 8));
            assert_eq!(super::threads(), cores.clamp(1, 8), "only inside");
        })
        .join()
        .unwrap();
    }
}
