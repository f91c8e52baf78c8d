//! Dependency parsing: a greedy arc-hybrid transition parser (Kuhlmann,
//! Gómez-Rodríguez and Satta 2011) with the root at the end of the buffer,
//! trained with a dynamic oracle (Goldberg and Nivre 2013), so that it
//! learns to recover from its own mistakes. The labeller names each arc
//! as it is made, so that later moves see what each word already has.

use super::conllu::GoldSentence;
use super::features::Features;
use super::labeller::{Labeller, LabellerTraining};
use super::labels::{Dep, Tag};
use super::perceptron::{StoredWeights, Training, Weights};
use super::shuffled;
use super::state::State;
use super::words::Word;

/// The transitions: push the buffer's front; make the stack's top a left
/// dependent of the buffer's front; make it a right dependent of the word
/// below it.
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const MOVES: usize = 3;

/// A trained parser.
#[derive(Debug, Default)]
pub struct Parser {
    weights: Weights,
}

impl State<'_> {
    fn valid(&self, moves: &mut [bool; MOVES]) {
        moves[SHIFT] = self.next < self.root();
        // The root takes one dependent, the last word left on the stack.
        moves[LEFT] = !self.stack.is_empty() && (self.next < self.root() || self.stack.len() == 1);
        moves[RIGHT] = self.stack.len() >= 2;
    }

    /// Rules out the moves that would keep `root` from heading the tree:
    /// it takes no head but the root, and is pushed only onto an empty
    /// stack (whatever lay below it could never be attached).
    fn keep_root(&self, root: usize, moves: &mut [bool; MOVES]) {
        if self.next == root && !self.stack.is_empty() {
            moves[SHIFT] = false;
        }
        if self.stack_at(0) == Some(root) {
            moves[RIGHT] = false;
            moves[LEFT] &= self.next == self.root();
        }
    }

    /// The arc a move makes, as (dependent, head); none for a shift.
    fn arc(&self, action: usize) -> Option<(usize, usize)> {
        match action {
            LEFT => Some((self.stack_at(0)?, self.next)),
            RIGHT => Some((self.stack_at(0)?, self.stack_at(1)?)),
            _ => None,
        }
    }

    /// Makes a move; an arc it makes gets the relation `name` gives it.
    fn apply(&mut self, action: usize, name: impl FnOnce(&Self, usize, usize) -> Dep) {
        match self.arc(action) {
            None => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Some((dependent, head)) => {
                let dep = name(self, dependent, head);
                self.stack.pop();
                self.attach(dependent, head, dep);
            }
        }
    }

    /// How many gold arcs each move makes unreachable.
    fn costs(&self, gold: &[usize]) -> [usize; MOVES] {
        let buffer_children = |of: usize| (self.next..self.root()).filter(|&d| gold[d] == of).count();
        let mut costs = [usize::MAX; MOVES];
        if let Some(s0) = self.stack_at(0) {
            let s1 = self.stack_at(1);
            let head = gold[s0];
            let lost_left = head != self.next && (s1 == Some(head) || head > self.next);
            costs[LEFT] = usize::from(lost_left) + buffer_children(s0);
            if s1.is_some() {
                let lost_right = s1 != Some(head) && head >= self.next;
                costs[RIGHT] = usize::from(lost_right) + buffer_children(s0);
            }
        }
        if self.next < self.root() {
            let below_top = &self.stack[..self.stack.len().saturating_sub(1)];
            let head_lost = below_top.contains(&gold[self.next]);
            costs[SHIFT] = usize::from(head_lost) + self.stack.iter().filter(|&&d| gold[d] == self.next).count();
        }
        costs
    }

    fn features(&self, out: &mut Features) {
        let (s0, s1, s2) = (self.stack_at(0), self.stack_at(1), self.stack_at(2));
        let (n0, n1, n2) = (self.buffer_at(0), self.buffer_at(1), self.buffer_at(2));
        let (s0k, n0k, s1k) = (self.children_of(s0), self.children_of(n0), self.children_of(s1));
        let (s0w, s0t, n0w, n0t) = (self.form(s0), self.tag(s0), self.form(n0), self.tag(n0));
        let (n1w, n1t, n2t, s1w, s1t) = (self.form(n1), self.tag(n1), self.tag(n2), self.form(s1), self.tag(s1));
        let (s0_left, s0_left2, s0_right, s0_right2) = (s0k.left[0], s0k.left[1], s0k.right[0], s0k.right[1]);
        let (n0_left, n0_left2) = (n0k.left[0], n0k.left[1]);
        let distance = match (s0, n0) {
            (Some(s), Some(n)) => (n - s).min(5) as u64,
            _ => 0,
        };
        let (s0_valency_left, s0_valency_right, n0_valency_left) =
            (u64::from(s0k.lefts.min(4)), u64::from(s0k.rights.min(4)), u64::from(n0k.lefts.min(4)));
        let suffix = |at: Option<usize>| at.and_then(|i| self.words.get(i)).map_or(0, |w| w.suffix3);
        let punctuation = self.punctuation_between(s0, n0);
        let (tag, form, dep) = (|at| self.tag(at), |at| self.form(at), |at| self.dep(at));
        out.clear();
        out.add(&[]);
        for (w, t) in [(s0w, s0t), (n0w, n0t), (n1w, n1t), (s1w, s1t)] {
            out.add(&[w]);
            out.add(&[t]);
            out.add(&[w, t]);
        }
        out.add(&[form(n2)]);
        out.add(&[n2t]);
        out.add(&[tag(s2)]);
        for child in [s0_left, s0_right, n0_left] {
            out.add(&[form(child)]);
            out.add(&[tag(child)]);
            out.add(&[dep(child)]);
        }
        out.add(&[s0w, s0t, n0w, n0t]);
        out.add(&[s0w, s0t, n0w]);
        out.add(&[s0w, n0w, n0t]);
        out.add(&[s0w, s0t, n0t]);
        out.add(&[s0t, n0w, n0t]);
        out.add(&[s0w, n0w]);
        out.add(&[s0t, n0t]);
        out.add(&[n0t, n1t]);
        out.add(&[s1t, s0t]);
        out.add(&[s1w, s0w]);
        out.add(&[n0t, n1t, n2t]);
        out.add(&[s0t, n0t, n1t]);
        out.add(&[s1t, s0t, n0t]);
        out.add(&[s0t, tag(s0_left), n0t]);
        out.add(&[s0t, tag(s0_right), n0t]);
        out.add(&[s0t, n0t, tag(n0_left)]);
        out.add(&[s0t, tag(s0_left), tag(s0_left2)]);
        out.add(&[s0t, tag(s0_right), tag(s0_right2)]);
        out.add(&[n0t, tag(n0_left), tag(n0_left2)]);
        out.add(&[s1t, s0t, tag(s0_right)]);
        out.add(&[s0w, distance]);
        out.add(&[s0t, distance]);
        out.add(&[n0w, distance]);
        out.add(&[n0t, distance]);
        out.add(&[s0t, n0t, distance]);
        out.add(&[s0w, n0w, distance]);
        out.add(&[s0w, s0_valency_right]);
        out.add(&[s0t, s0_valency_right]);
        out.add(&[s0w, s0_valency_left]);
        out.add(&[s0t, s0_valency_left]);
        out.add(&[n0w, n0_valency_left]);
        out.add(&[n0t, n0_valency_left]);
        out.add(&[suffix(s0), s0t]);
        out.add(&[suffix(n0), n0t]);
        out.add(&[s0t, n0t, punctuation]);
        out.add(&[s0w, n0t, punctuation]);
        out.add(&[s0t, n0w, punctuation]);
        out.add(&[s1t, tag(s1k.right[0]), s0t]);
        out.add(&[n0w, form(n0_left)]);
        out.add(&[s0w, form(s0_right)]);
        // What each word already has: a verb with a subject takes no other.
        out.add(&[s0t, self.relations(s0)]);
        out.add(&[n0t, self.relations(n0)]);
        out.add(&[s0t, n0t, self.relations(s0), self.relations(n0)]);
        out.add(&[s1t, self.relations(s1)]);
        out.add(&[s0t, dep(s0_left), dep(s0_right)]);
        out.add(&[n0t, dep(n0_left), dep(n0_left2)]);
    }
}

/// The best valid move by the scores.
fn best_valid<S: PartialOrd>(scores: &[S], valid: [bool; MOVES]) -> usize {
    let mut best: Option<usize> = None;
    for m in (0..MOVES).filter(|&m| valid[m]) {
        if best.is_none_or(|b| scores[m] > scores[b]) {
            best = Some(m);
        }
    }
    best.unwrap_or(SHIFT)
}

impl Parser {
    #[must_use]
    pub fn new(weights: Weights) -> Self {
        Self { weights }
    }

    /// Each word's head (another word's index, or `None` for the root)
    /// and its relation, named by `labeller` as each arc is made; with
    /// `root`, the tree headed by that word.
    #[must_use]
    pub fn parse(
        &self,
        words: &[Word],
        tags: &[Tag],
        labeller: &Labeller,
        root: Option<usize>,
    ) -> (Vec<Option<usize>>, Vec<Dep>) {
        let mut state = State::new(words, tags);
        let mut features = Features::default();
        let mut arc_features = Features::default();
        let mut scores = [0; MOVES];
        let mut valid = [false; MOVES];
        while !state.done() {
            state.valid(&mut valid);
            if let Some(root) = root.filter(|&r| r < words.len()) {
                state.keep_root(root, &mut valid);
            }
            state.features(&mut features);
            self.weights.score(&features.list, &mut scores);
            let action = best_valid(&scores, valid);
            state.apply(action, |state, dependent, head| labeller.name(state, dependent, head, &mut arc_features));
        }
        let heads = state.heads.iter().map(|&h| (h < words.len()).then_some(h)).collect();
        (heads, state.deps)
    }
}

/// The zero-cost moves, lowest first.
fn free_moves(state: &State, gold: &[usize], valid: [bool; MOVES]) -> [bool; MOVES] {
    let costs = state.costs(gold);
    let least = (0..MOVES).filter(|&m| valid[m]).map(|m| costs[m]).min().unwrap_or(0);
    let mut free = valid;
    for (m, allowed) in free.iter_mut().enumerate() {
        *allowed &= costs[m] == least;
    }
    free
}

/// Trains the labeller on the arcs of the gold trees, each in the state
/// where the parser makes it (following the oracle).
#[must_use]
pub fn train_labeller(sentences: &[GoldSentence], tags: &[Vec<Tag>], iterations: usize, seed: u64) -> StoredWeights {
    let mut labeller = LabellerTraining::new();
    let mut features = Features::default();
    let mut valid = [false; MOVES];
    let words: Vec<Vec<Word>> = sentences.iter().map(GoldSentence::words).collect();
    for iteration in 0..iterations {
        for index in shuffled(sentences.len(), seed.wrapping_add(iteration as u64)) {
            let sentence = &sentences[index];
            let gold = sentence.heads();
            let mut state = State::new(&words[index], &tags[index]);
            while !state.done() {
                state.valid(&mut valid);
                let free = free_moves(&state, &gold, valid);
                let action = (0..MOVES).find(|&m| free[m]).unwrap_or(SHIFT);
                state.apply(action, |state, dependent, head| {
                    let relation = if gold[dependent] == head { sentence.words[dependent].dep } else { Dep::Other };
                    labeller.learn(state, dependent, head, relation, &mut features)
                });
            }
        }
    }
    labeller.finish(iterations)
}

/// Trains a parser on sentences with the tags a tagger gives them
/// (`tags`, one list per sentence) and the relations `labeller` names:
/// the first pass follows the oracle, later passes the parser's own
/// moves, learning from the best move left.
#[must_use]
pub fn train(
    sentences: &[GoldSentence],
    tags: &[Vec<Tag>],
    labeller: &Labeller,
    iterations: usize,
    seed: u64,
) -> StoredWeights {
    let mut training = Training::new(MOVES);
    let mut features = Features::default();
    let mut arc_features = Features::default();
    let mut scores = [0.0; MOVES];
    let mut valid = [false; MOVES];
    let words: Vec<Vec<Word>> = sentences.iter().map(GoldSentence::words).collect();
    for iteration in 0..iterations {
        for index in shuffled(sentences.len(), seed.wrapping_add(iteration as u64)) {
            let gold = sentences[index].heads();
            let mut state = State::new(&words[index], &tags[index]);
            while !state.done() {
                state.valid(&mut valid);
                state.features(&mut features);
                training.score(&features.list, &mut scores);
                let guess = best_valid(&scores, valid);
                let best_right = best_valid(&scores, free_moves(&state, &gold, valid));
                training.update(best_right, guess, &features.list);
                let action = if iteration == 0 { best_right } else { guess };
                state.apply(action, |state, dependent, head| labeller.name(state, dependent, head, &mut arc_features));
            }
        }
    }
    training.average(iterations)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the oracle's zero-cost moves rebuilds a projective tree.
    #[test]
    fn the_oracle_reaches_the_gold_tree() {
        // "The rocket came down near Lviv", "came" the root (index 6).
        let gold = vec![1, 2, 6, 2, 5, 2];
        let words = vec![Word::NONE; 6];
        let tags = vec![Tag::X; 6];
        let mut state = State::new(&words, &tags);
        let mut valid = [false; MOVES];
        while !state.done() {
            state.valid(&mut valid);
            let costs = state.costs(&gold);
            let zero = (0..MOVES).find(|&m| valid[m] && costs[m] == 0).expect("a projective tree keeps a free move");
            state.apply(zero, |_, _, _| Dep::Other);
        }
        assert_eq!(state.heads, gold);
    }
}
