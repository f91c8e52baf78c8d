//! The averaged perceptron behind the tagger, the parser and the labeller:
//! a linear model over hashed features, trained by mistake-driven updates
//! and averaged over every step so that late updates do not dominate
//! (Collins 2002). Training keeps a parameter only for each (feature,
//! class) pair an update touched; the trained weights are pruned,
//! quantised to 16 bits and stored sparsely.

use foldhash::{HashMap, HashMapExt};

/// A feature: a template's number mixed with the hashes of its values.
pub type Feature = u64;

/// Features seen fewer times than this in training are dropped when a
/// model is saved, and so are weights smaller than [`PRUNE_BELOW`] of the
/// largest: they rarely change a decision, most parameters are theirs, and
/// a model that fits in the processor's cache is several times faster.
const MIN_SEEN_PER_PASS: u32 = 3;
const PRUNE_BELOW: f32 = 0.03;

/// Weights a slot holds itself; a feature with more keeps them in
/// `Weights::overflow`.
const INLINE: usize = 3;

/// One feature's weights. Most features have a weight for one to three
/// classes (the parser has three in all), held in the slot itself.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    len: u16,
    classes: [u8; INLINE],
    /// The weights, or where they start in the overflow (as two halves).
    weights: [i16; INLINE],
}

/// Trained weights, as inference reads them: an open-addressing table of
/// features by a 16-bit fingerprint of their hash (a rare false match adds
/// a weight that was not learned, which a perceptron shrugs off). The
/// fingerprints are kept apart from the weights: most features looked up
/// were never learned, and their search reads only the fingerprints, a
/// table small enough to stay in the processor's cache. Scores are
/// integer sums of the quantised weights.
#[derive(Debug, Default)]
pub struct Weights {
    /// Per slot, its feature's fingerprint; 0 marks an empty slot.
    fingerprints: Vec<u16>,
    slots: Vec<Slot>,
    /// Classes and weights of features with more than [`INLINE`].
    overflow: Vec<(u8, i16)>,
}

/// How many features' reads [`Weights::score`] issues together.
const CHUNK: usize = 64;

/// The share of slots a table fills at most, in hundredths.
const LOAD_PERCENT: usize = 50;

/// A feature's home slot among `size` (its top bits scaled to the
/// table) and its fingerprint (its low bits; never 0).
fn home(feature: Feature, size: usize) -> (usize, u16) {
    #[allow(clippy::cast_possible_truncation)]
    let slot = ((u128::from(feature) * size as u128) >> 64) as usize;
    #[allow(clippy::cast_possible_truncation)]
    let fingerprint = (feature as u16).max(1);
    (slot, fingerprint)
}

impl Weights {
    /// Adds every feature's weights to `scores` (one per class).
    ///
    /// Nearly all of a decision's time is spent waiting on table reads. A
    /// chunk of features has each read issued before any is compared, so
    /// that the reads, independent of one another, overlap instead of
    /// queueing behind a branch on the previous one's result.
    pub fn score(&self, features: &[Feature], scores: &mut [i32]) {
        scores.fill(0);
        let size = self.fingerprints.len();
        if size == 0 {
            return;
        }
        let mut homes = [(0, 0); CHUNK];
        let mut first = [0; CHUNK];
        let mut found = [0; CHUNK];
        let mut slots = [Slot::default(); CHUNK];
        for chunk in features.chunks(CHUNK) {
            for (i, feature) in chunk.iter().enumerate() {
                homes[i] = home(*feature, size);
                first[i] = self.fingerprints[homes[i].0];
            }
            let mut learned = 0;
            for i in 0..chunk.len() {
                let (at, fingerprint) = homes[i];
                let slot = if first[i] == fingerprint {
                    Some(at)
                } else if first[i] == 0 {
                    None
                } else {
                    self.probe(at, fingerprint)
                };
                if let Some(slot) = slot {
                    found[learned] = slot;
                    learned += 1;
                }
            }
            for (slot, &at) in slots.iter_mut().zip(&found[..learned]) {
                *slot = self.slots[at];
            }
            for slot in &slots[..learned] {
                self.add(slot, scores);
            }
        }
    }

    /// The classes for which a feature has a learned weight, as bits.
    #[must_use]
    pub fn classes_learned(&self, feature: Feature) -> u64 {
        let size = self.fingerprints.len();
        if size == 0 {
            return 0;
        }
        let (at, fingerprint) = home(feature, size);
        let slot = match self.fingerprints[at] {
            0 => None,
            found if found == fingerprint => Some(at),
            _ => self.probe(at, fingerprint),
        };
        slot.map_or(0, |slot| {
            self.weights_of(&self.slots[slot]).filter(|&(_, w)| w != 0).fold(0, |bits, (c, _)| bits | 1 << (c % 64))
        })
    }

    /// The slot of `fingerprint` past its occupied home `at`.
    fn probe(&self, mut at: usize, fingerprint: u16) -> Option<usize> {
        let size = self.fingerprints.len();
        loop {
            at = if at + 1 == size { 0 } else { at + 1 };
            match self.fingerprints[at] {
                0 => return None,
                found if found == fingerprint => return Some(at),
                _ => {}
            }
        }
    }

    /// Adds a slot's weights to `scores`.
    fn add(&self, slot: &Slot, scores: &mut [i32]) {
        let len = usize::from(slot.len);
        if len <= INLINE {
            for (class, weight) in slot.classes.iter().zip(&slot.weights).take(len) {
                scores[usize::from(*class)] += i32::from(*weight);
            }
        } else {
            for &(class, weight) in self.overflow_of(slot) {
                scores[usize::from(class)] += i32::from(weight);
            }
        }
    }

    /// The classes and weights of a slot holding more than [`INLINE`].
    fn overflow_of(&self, slot: &Slot) -> &[(u8, i16)] {
        #[allow(clippy::cast_sign_loss)]
        let start = (usize::from(slot.weights[0] as u16) << 16) | usize::from(slot.weights[1] as u16);
        &self.overflow[start..start + usize::from(slot.len)]
    }

    /// A slot's classes and weights, held in it or in the overflow.
    fn weights_of<'a>(&'a self, slot: &'a Slot) -> impl Iterator<Item = (u8, i16)> + 'a {
        let len = usize::from(slot.len);
        let (inline, overflow) =
            if len <= INLINE { (&slot.classes[..len], &[][..]) } else { (&slot.classes[..0], self.overflow_of(slot)) };
        inline.iter().copied().zip(slot.weights.iter().copied()).chain(overflow.iter().copied())
    }

    /// The best-scoring class among those `allowed` lets through.
    pub fn best(&self, features: &[Feature], scores: &mut [i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
        self.score(features, scores);
        best_of(scores, allowed)
    }

    /// Reads stored weights.
    #[must_use]
    pub fn from_stored(stored: &StoredWeights) -> Self {
        let size = (stored.features.len() * 100 / LOAD_PERCENT).max(1) + 1;
        let mut fingerprints = vec![0; size];
        let mut slots = vec![Slot::default(); size];
        let mut overflow = Vec::new();
        for (feature, weights) in &stored.features {
            let weights: Vec<(u8, i16)> =
                weights.iter().filter_map(|&(c, w)| u8::try_from(c).ok().map(|c| (c, w))).collect();
            let mut slot = Slot { len: u16::try_from(weights.len()).unwrap_or(0), ..Slot::default() };
            if weights.len() <= INLINE {
                for (i, (class, weight)) in weights.iter().enumerate() {
                    slot.classes[i] = *class;
                    slot.weights[i] = *weight;
                }
            } else {
                let start = u32::try_from(overflow.len()).unwrap_or(u32::MAX);
                #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
                {
                    slot.weights[0] = (start >> 16) as u16 as i16;
                    slot.weights[1] = start as u16 as i16;
                }
                overflow.extend(weights);
            }
            let (mut at, fingerprint) = home(*feature, size);
            while fingerprints[at] != 0 {
                at = if at + 1 == size { 0 } else { at + 1 };
            }
            fingerprints[at] = fingerprint;
            slots[at] = slot;
        }
        Self { fingerprints, slots, overflow }
    }
}

/// Weights as stored: a feature's hash and its (class, weight) pairs, with
/// one scale for all the weights.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct StoredWeights {
    pub classes: usize,
    pub scale: f32,
    pub features: Vec<(Feature, Vec<(u16, i16)>)>,
}

/// The highest score whose class is allowed; ties go to the lower class.
fn best_of<S: PartialOrd + Copy>(scores: &[S], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, S)> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|(_, top)| score > top) {
            best = Some((class, score));
        }
    }
    best.map(|(class, _)| class)
}

/// One class's parameter for one feature, during training.
#[derive(Debug, Clone, Copy)]
struct Parameter {
    class: u16,
    weight: f32,
    /// The weight summed over every step up to `stamp`.
    total: f64,
    /// The step at which `total` was last brought up to date.
    stamp: u64,
}

/// A perceptron being trained.
#[derive(Debug)]
pub struct Training {
    classes: usize,
    parameters: HashMap<Feature, Vec<Parameter>>,
    /// How often each feature was seen, for pruning rare ones.
    seen: HashMap<Feature, u32>,
    /// Updates so far: the averaging clock.
    step: u64,
}

impl Training {
    #[must_use]
    pub fn new(classes: usize) -> Self {
        Self { classes, parameters: HashMap::new(), seen: HashMap::new(), step: 0 }
    }

    /// Scores with the current (not averaged) weights.
    pub fn score(&self, features: &[Feature], scores: &mut [f32]) {
        scores.fill(0.0);
        for feature in features {
            for parameter in self.parameters.get(feature).into_iter().flatten() {
                scores[usize::from(parameter.class)] += parameter.weight;
            }
        }
    }

    /// The best class among those `allowed` lets through.
    pub fn best(&self, features: &[Feature], scores: &mut [f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
        self.score(features, scores);
        best_of(scores, allowed)
    }

    /// One step: when the guess was wrong, moves the weights towards the
    /// truth and away from the guess.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[Feature]) {
        self.step += 1;
        for feature in features {
            *self.seen.entry(*feature).or_default() += 1;
        }
        if truth == guess {
            return;
        }
        for feature in features {
            let parameters = self.parameters.entry(*feature).or_default();
            for (class, change) in [(truth, 1.0), (guess, -1.0)] {
                let class = u16::try_from(class).expect("fewer than 65,536 classes");
                let at = parameters.iter().position(|p| p.class == class).unwrap_or_else(|| {
                    parameters.push(Parameter { class, weight: 0.0, total: 0.0, stamp: self.step });
                    parameters.len() - 1
                });
                let parameter = &mut parameters[at];
                parameter.total += f64::from(parameter.weight) * (self.step - parameter.stamp) as f64;
                parameter.stamp = self.step;
                parameter.weight += change;
            }
        }
    }

    /// The averaged weights after `passes` over the data, pruned and
    /// quantised for storing.
    #[must_use]
    pub fn average(&self, passes: usize) -> StoredWeights {
        let min_seen = MIN_SEEN_PER_PASS.saturating_mul(u32::try_from(passes).unwrap_or(u32::MAX));
        let steps = self.step.max(1) as f64;
        let averaged: Vec<(Feature, Vec<(u16, f32)>)> = self
            .parameters
            .iter()
            .filter(|(feature, _)| self.seen.get(*feature).is_some_and(|&n| n >= min_seen))
            .map(|(feature, parameters)| {
                let weights = parameters
                    .iter()
                    .map(|p| {
                        let total = p.total + f64::from(p.weight) * (self.step - p.stamp) as f64;
                        #[allow(clippy::cast_possible_truncation)]
                        (p.class, (total / steps) as f32)
                    })
                    .collect();
                (*feature, weights)
            })
            .collect();
        let largest = averaged.iter().flat_map(|(_, w)| w.iter().map(|(_, w)| w.abs())).fold(0.0_f32, f32::max);
        let scale = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        let mut features: Vec<(Feature, Vec<(u16, i16)>)> = averaged
            .into_iter()
            .filter_map(|(feature, weights)| {
                let kept: Vec<(u16, i16)> = weights
                    .into_iter()
                    .filter(|(_, w)| w.abs() >= largest * PRUNE_BELOW)
                    .map(|(class, w)| {
                        #[allow(clippy::cast_possible_truncation)]
                        (class, (w / scale).round() as i16)
                    })
                    .filter(|(_, w)| *w != 0)
                    .collect();
                (!kept.is_empty()).then_some((feature, kept))
            })
            .collect();
        // Sorted, so that one training run always writes the same bytes.
        features.sort_unstable_by_key(|(feature, _)| *feature);
        for (_, weights) in &mut features {
            weights.sort_unstable_by_key(|(class, _)| *class);
        }
        StoredWeights { classes: self.classes, scale, features }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two features, each telling one class apart: the perceptron learns
    /// them, and the stored, quantised weights decide as the trained ones.
    #[test]
    fn learns_a_separable_problem_and_keeps_it_through_storage() {
        let mut training = Training::new(2);
        let mut scores = [0.0; 2];
        let data = [(vec![1, 10], 0), (vec![2, 10], 1), (vec![1, 11], 0), (vec![2, 11], 1)];
        for _ in 0..5 {
            for (features, truth) in &data {
                let guess = training.best(features, &mut scores, |_| true).unwrap();
                training.update(*truth, guess, features);
            }
        }
        let weights = Weights::from_stored(&training.average(0));
        let mut stored_scores = [0; 2];
        for (features, truth) in &data {
            assert_eq!(weights.best(features, &mut stored_scores, |_| true), Some(*truth));
        }
        assert_eq!(weights.best(&[1], &mut stored_scores, |c| c == 1), Some(1), "a class can be ruled out");
        assert_eq!(weights.best(&[99], &mut stored_scores, |_| true), Some(0), "unknown features score nothing");
    }
}
