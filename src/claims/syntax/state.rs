//! A parser configuration: the stack, the buffer, and the arcs made so far
//! with their relations. Each arc is named as it is made, when its
//! dependent's subtree is complete, so that later decisions can ask what a
//! word already has ("this verb has a subject").

use super::labels::{Dep, Tag};
use super::words::Word;

/// What is known of one word's dependents while parsing.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Children {
    /// The leftmost left dependent, and the one after it.
    pub left: [Option<usize>; 2],
    /// The rightmost right dependent, and the one before it.
    pub right: [Option<usize>; 2],
    pub lefts: u8,
    pub rights: u8,
    /// A bit per relation the word's dependents have.
    pub relations: u64,
}

/// The words `0..n` and the root at `n`.
pub(super) struct State<'s> {
    pub words: &'s [Word],
    pub tags: &'s [Tag],
    pub stack: Vec<usize>,
    /// The buffer's front; the buffer is `next..=n`.
    pub next: usize,
    /// Per word, its head so far (`usize::MAX` for none yet).
    pub heads: Vec<usize>,
    pub deps: Vec<Dep>,
    pub children: Vec<Children>,
    /// Per position, how many punctuation words come before it: clauses
    /// and asides are set off by commas and dashes.
    punctuation_before: Vec<u16>,
}

/// "No word here", as a feature value.
pub(super) const NOTHING: u64 = 0;
/// The root, as a feature value.
const ROOT: u64 = 1;

impl<'s> State<'s> {
    pub fn new(words: &'s [Word], tags: &'s [Tag]) -> Self {
        let n = words.len();
        Self {
            words,
            tags,
            stack: Vec::with_capacity(n),
            next: 0,
            heads: vec![usize::MAX; n],
            deps: vec![Dep::Other; n],
            children: vec![Children::default(); n + 1],
            punctuation_before: std::iter::once(0)
                .chain(tags.iter().scan(0_u16, |count, tag| {
                    *count = count.saturating_add(u16::from(*tag == Tag::Punct));
                    Some(*count)
                }))
                .collect(),
        }
    }

    pub fn root(&self) -> usize {
        self.words.len()
    }

    pub fn done(&self) -> bool {
        self.stack.is_empty() && self.next == self.root()
    }

    pub fn stack_at(&self, depth: usize) -> Option<usize> {
        self.stack.len().checked_sub(depth + 1).map(|i| self.stack[i])
    }

    pub fn buffer_at(&self, offset: usize) -> Option<usize> {
        let at = self.next + offset;
        (at <= self.root()).then_some(at)
    }

    /// A word's form as a feature value.
    pub fn form(&self, at: Option<usize>) -> u64 {
        match at {
            None => Word::NONE.form,
            Some(i) => self.words.get(i).map_or(Word::ROOT.form, |w| w.form),
        }
    }

    /// A word's tag as a feature value.
    pub fn tag(&self, at: Option<usize>) -> u64 {
        match at {
            None => NOTHING,
            Some(i) if i == self.root() => ROOT,
            Some(i) => self.tags[i].class() as u64 + 2,
        }
    }

    /// A word's relation to its head as a feature value, once named.
    pub fn dep(&self, at: Option<usize>) -> u64 {
        match at {
            Some(i) if self.heads.get(i).is_some_and(|&h| h != usize::MAX) => self.deps[i].class() as u64 + 1,
            _ => NOTHING,
        }
    }

    /// The relations a word's dependents have so far, as a feature value.
    pub fn relations(&self, at: Option<usize>) -> u64 {
        at.map_or(NOTHING, |i| self.children[i].relations)
    }

    pub fn children_of(&self, at: Option<usize>) -> Children {
        at.map(|i| self.children[i]).unwrap_or_default()
    }

    /// Punctuation between two words, up to two, as a feature value.
    pub fn punctuation_between(&self, a: Option<usize>, b: Option<usize>) -> u64 {
        match (a, b) {
            (Some(a), Some(b)) => {
                let (low, high) = (a.min(b), a.max(b));
                u64::from((self.punctuation_before[high] - self.punctuation_before[(low + 1).min(high)]).min(2))
            }
            _ => 3,
        }
    }

    /// Makes `dependent` a dependent of `head` in relation `dep`.
    pub fn attach(&mut self, dependent: usize, head: usize, dep: Dep) {
        self.heads[dependent] = head;
        self.deps[dependent] = dep;
        let children = &mut self.children[head];
        children.relations |= 1 << dep.class();
        // Left dependents are attached nearest first, right ones leftmost
        // first: each new one is the outermost so far.
        if dependent < head {
            children.left = [Some(dependent), children.left[0]];
            children.lefts = children.lefts.saturating_add(1);
        } else {
            children.right = [Some(dependent), children.right[0]];
            children.rights = children.rights.saturating_add(1);
        }
    }
}
