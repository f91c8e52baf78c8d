//! Checking an article while it is typed, but not on every keystroke: an
//! edit schedules a check for a little later, and a newer edit to the same
//! article moves it back. Time is passed in, so tests need no sleeping.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Keys (articles) waiting to be checked, and when.
#[derive(Debug)]
pub struct Debouncer<K> {
    /// How long an article must go unedited before it is checked.
    delay: Duration,
    due: BTreeMap<K, Instant>,
}

impl<K: Ord + Clone> Debouncer<K> {
    #[must_use]
    pub fn new(delay: Duration) -> Self {
        Self { delay, due: BTreeMap::new() }
    }

    /// Schedules a check `delay` after `now`, replacing an earlier schedule.
    pub fn touch(&mut self, key: K, now: Instant) {
        self.due.insert(key, now + self.delay);
    }

    /// Forgets a scheduled check (the article was just checked or closed).
    pub fn cancel<Q: Ord + ?Sized>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
    {
        self.due.remove(key);
    }

    /// Whether a check is scheduled.
    #[must_use]
    pub fn is_pending<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.due.contains_key(key)
    }

    /// When the earliest scheduled check is due.
    #[must_use]
    pub fn next_due(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    /// Removes and returns, in key order, the keys due at `now`.
    pub fn take_due(&mut self, now: Instant) -> Vec<K> {
        let due: Vec<K> = self.due.iter().filter(|(_, at)| **at <= now).map(|(k, _)| k.clone()).collect();
        for key in &due {
            self.due.remove(key);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DELAY: Duration = Duration::from_millis(300);

    #[test]
    fn an_edit_is_checked_once_the_delay_has_passed() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(DELAY);
        debouncer.touch("a.md", start);
        assert!(debouncer.take_due(start + Duration::from_millis(299)).is_empty());
        assert_eq!(debouncer.take_due(start + DELAY), ["a.md"]);
        assert!(debouncer.take_due(start + DELAY * 2).is_empty());
    }

    #[test]
    fn a_newer_edit_moves_the_check_back() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(DELAY);
        debouncer.touch("a.md", start);
        debouncer.touch("a.md", start + Duration::from_millis(200));
        assert!(debouncer.take_due(start + DELAY).is_empty());
        assert_eq!(debouncer.next_due(), Some(start + Duration::from_millis(500)));
        assert_eq!(debouncer.take_due(start + Duration::from_millis(500)), ["a.md"]);
    }

    #[test]
    fn articles_are_debounced_separately_and_cancel_forgets() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(DELAY);
        debouncer.touch("b.md", start);
        debouncer.touch("a.md", start + Duration::from_millis(100));
        debouncer.touch("c.md", start);
        debouncer.cancel("c.md");
        assert!(!debouncer.is_pending("c.md"));
        assert_eq!(debouncer.next_due(), Some(start + DELAY));
        assert_eq!(debouncer.take_due(start + Duration::from_secs(1)), ["a.md", "b.md"]);
        assert_eq!(debouncer.next_due(), None);
    }
}
