//! Work spread over the cores: an order-keeping parallel map on scoped
//! threads.
//!
//! Standard library threads are enough here: the linter has two or three
//! coarse pieces of work per run (read and parse the files, check the
//! shell texts, run the rules), so a pool that outlives them, as rayon
//! keeps, would only add start-up time and code to every binary.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads worth starting: the cores, at most eight.
#[must_use]
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(8)
}

/// `items.iter().map(f).collect()`, on up to [`threads`] threads when
/// `parallel` is true (the caller knows whether the work pays for a
/// thread). Items are taken in order of `weight`, heaviest first, so that
/// one long item does not end the run alone; the results keep the order
/// of `items`.
pub fn map<T, R>(
    items: &[T],
    parallel: bool,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = threads().min(items.len());
    if !parallel || threads < 2 {
        return items.iter().map(f).collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    let r = f(&items[i]);
                    if let Ok(mut slots) = slots.lock() {
                        slots[i] = Some(r);
                    }
                }
            });
        }
    });
    // A worker that panicked took its item with it: the scope re-raises
    // that panic above, so every slot is filled here.
    slots
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Run `a` and `b` at once (on this thread and one more), when `parallel`.
pub fn join<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if !parallel || threads() < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(b);
        let ra = a();
        match other.join() {
            Ok(rb) => (ra, rb),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order_in_parallel() {
        let items: Vec<usize> = (0..1000).collect();
        let out = map(&items, true, |&i| i % 7, |&i| i * 2);
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn map_uses_more_than_one_thread_when_there_are_cores() {
        let items: Vec<u32> = (0..64).collect();
        let ids = map(
            &items,
            true,
            |_| 1,
            |_| {
                std::thread::sleep(std::time::Duration::from_millis(2));
                std::thread::current().id()
            },
        );
        let distinct: std::collections::HashSet<_> = ids.into_iter().collect();
        assert_eq!(distinct.len() > 1, threads() > 1);
    }

    #[test]
    fn join_returns_both() {
        let (a, b) = join(true, || 1 + 1, || "two");
        assert_eq!((a, b), (2, "two"));
    }
}
