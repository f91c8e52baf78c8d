//! Naming each arc as the parser makes it: the dependent's relation to its
//! head (subject, object, clausal complement...), chosen from the two
//! words, their tags, their distance and direction, the dependent's whole
//! subtree (complete when it is attached) and what the head already has.

use super::features::Features;
use super::labels::Dep;
use super::perceptron::{Training, Weights};
use super::state::State;

/// A trained labeller.
#[derive(Debug, Default)]
pub struct Labeller {
    weights: Weights,
}

/// The features for naming the arc from `head` to `dependent`.
pub(super) fn arc_features(state: &State, dependent: usize, head: usize, out: &mut Features) {
    let (d, h) = (Some(dependent), Some(head));
    let (df, dt, hf, ht) = (state.form(d), state.tag(d), state.form(h), state.tag(h));
    let suffix = state.words[dependent].suffix3;
    let direction = u64::from(head > dependent);
    let distance = head.abs_diff(dependent).min(6) as u64;
    let kids = state.children_of(d);
    let (first, last) = (kids.left[0].or(kids.right[1]).or(kids.right[0]), kids.right[0].or(kids.left[0]));
    let head_kids = state.children_of(h);
    let (before, after) = (dependent.checked_sub(1), Some(dependent + 1).filter(|&i| i < state.root()));
    let punctuation = state.punctuation_between(d, h);
    out.clear();
    out.add(&[]);
    out.add(&[df]);
    out.add(&[dt]);
    out.add(&[df, dt]);
    out.add(&[suffix, dt]);
    out.add(&[hf]);
    out.add(&[ht]);
    out.add(&[dt, ht]);
    out.add(&[df, ht]);
    out.add(&[dt, hf]);
    out.add(&[df, hf]);
    out.add(&[dt, ht, direction]);
    out.add(&[dt, ht, direction, distance]);
    out.add(&[state.form(first), dt]);
    out.add(&[state.dep(first), dt]);
    out.add(&[state.dep(last), dt]);
    out.add(&[state.relations(d), dt]);
    out.add(&[state.relations(h), ht, direction]);
    out.add(&[state.relations(h), dt, ht, direction]);
    out.add(&[state.dep(head_kids.left[0]), ht, direction]);
    out.add(&[state.tag(before), dt]);
    out.add(&[state.tag(after), dt]);
    out.add(&[state.form(before), dt, ht]);
    out.add(&[punctuation, dt, ht]);
    out.add(&[u64::from(dependent == 0), dt]);
}

impl Labeller {
    #[must_use]
    pub fn new(weights: Weights) -> Self {
        Self { weights }
    }

    /// The relation of the arc from `head` to `dependent`; `root` for an
    /// arc from the root.
    pub(super) fn name(&self, state: &State, dependent: usize, head: usize, features: &mut Features) -> Dep {
        if head == state.root() {
            return Dep::Root;
        }
        let mut scores = [0; Dep::ALL.len()];
        arc_features(state, dependent, head, features);
        let best = self.weights.best(&features.list, &mut scores, |c| c != Dep::Root.class());
        best.and_then(Dep::from_class).unwrap_or(Dep::Other)
    }
}

/// A labeller being trained on the arcs of gold trees.
pub(super) struct LabellerTraining {
    training: Training,
    scores: Vec<f32>,
}

impl LabellerTraining {
    pub fn new() -> Self {
        Self { training: Training::new(Dep::ALL.len()), scores: vec![0.0; Dep::ALL.len()] }
    }

    /// Learns from one gold arc, in the state where the parser makes it,
    /// and returns the gold relation to attach it with.
    pub fn learn(&mut self, state: &State, dependent: usize, head: usize, gold: Dep, features: &mut Features) -> Dep {
        if head == state.root() {
            return Dep::Root;
        }
        arc_features(state, dependent, head, features);
        let guess = self.training.best(&features.list, &mut self.scores, |c| c != Dep::Root.class()).unwrap_or(0);
        self.training.update(gold.class(), guess, &features.list);
        gold
    }

    pub fn finish(&self, passes: usize) -> super::perceptron::StoredWeights {
        self.training.average(passes)
    }
}
