//! Feature hashing: a template's number and its values' hashes mixed into
//! one 64-bit feature. Stable across machines and runs, since stored
//! models are keyed by it.

use super::perceptron::Feature;

/// Multiplier of the mix (the 64-bit golden ratio).
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// The feature of template `template` with these values.
#[must_use]
pub fn feature(template: u64, values: &[u64]) -> Feature {
    values.iter().fold(template.wrapping_add(1).wrapping_mul(MIX), |hash, value| {
        (hash.rotate_left(23) ^ *value).wrapping_mul(MIX)
    })
}

/// Collects a model's features for one decision, numbering its templates
/// in the order they are added, so that a template's number is its place
/// in the code that builds them.
#[derive(Debug, Default)]
pub struct Features {
    pub list: Vec<Feature>,
    next_template: u64,
}

impl Features {
    /// Starts a new decision.
    pub fn clear(&mut self) {
        self.list.clear();
        self.next_template = 0;
    }

    /// Adds the next template's feature.
    pub fn add(&mut self, values: &[u64]) {
        self.list.push(feature(self.next_template, values));
        self.next_template += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_value_orders_give_different_features() {
        assert_ne!(feature(0, &[1, 2]), feature(1, &[1, 2]));
        assert_ne!(feature(0, &[1, 2]), feature(0, &[2, 1]));
        assert_ne!(feature(0, &[]), feature(1, &[]));
    }

    #[test]
    fn templates_are_numbered_in_order() {
        let mut features = Features::default();
        features.add(&[7]);
        features.add(&[7]);
        assert_eq!(features.list, [feature(0, &[7]), feature(1, &[7])]);
        features.clear();
        features.add(&[7]);
        assert_eq!(features.list, [feature(0, &[7])]);
    }
}
