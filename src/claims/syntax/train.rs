//! Training and evaluating the syntax model on a treebank.
//!
//! The parser and the labeller learn from the tags the tagger will give
//! them, not from gold tags: each training sentence is tagged by a tagger
//! trained on the other folds (jackknifing), so that the parser learns
//! what tagging mistakes look like.

use std::time::Instant;

use super::conllu::GoldSentence;
use super::labels::{Dep, Tag};
use super::tagger::{self, Tagger};
use super::{MODEL_FORMAT, StoredModel, Syntax, labeller, parser};

/// How a model is trained.
#[derive(Debug, Clone)]
pub struct Settings {
    pub tagger_iterations: usize,
    pub parser_iterations: usize,
    pub labeller_iterations: usize,
    /// Folds for the parser's training tags.
    pub folds: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { tagger_iterations: 8, parser_iterations: 15, labeller_iterations: 8, folds: 5, seed: 1 }
    }
}

/// Trains a model on `sentences`; `about` says where they come from.
#[must_use]
pub fn train(sentences: &[GoldSentence], settings: &Settings, about: &str) -> StoredModel {
    let tags = jackknifed_tags(sentences, settings);
    let tagger = tagger::train(sentences, settings.tagger_iterations, settings.seed);
    let labeller = parser::train_labeller(sentences, &tags, settings.labeller_iterations, settings.seed);
    let parser = parser::train(
        sentences,
        &tags,
        &labeller::Labeller::new(super::perceptron::Weights::from_stored(&labeller)),
        settings.parser_iterations,
        settings.seed,
    );
    StoredModel { format: MODEL_FORMAT, about: about.to_string(), tagger, parser, labeller }
}

/// Each sentence's tags from a tagger that did not see it.
fn jackknifed_tags(sentences: &[GoldSentence], settings: &Settings) -> Vec<Vec<Tag>> {
    let folds = settings.folds.max(2);
    let mut tags = vec![Vec::new(); sentences.len()];
    for fold in 0..folds {
        let (held, rest): (Vec<usize>, Vec<usize>) = (0..sentences.len()).partition(|i| i % folds == fold);
        let training: Vec<GoldSentence> = rest.iter().map(|&i| sentences[i].clone()).collect();
        let tagger = Tagger::from_stored(&tagger::train(&training, settings.tagger_iterations, settings.seed));
        for i in held {
            tags[i] = tagger.tag(&sentences[i].words());
        }
    }
    tags
}

/// How a model does on a treebank.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub words: usize,
    /// Share of words with the right tag.
    pub tags: f64,
    /// Share of words (punctuation left out) with the right head.
    pub unlabelled: f64,
    /// ... and the right relation.
    pub labelled: f64,
    /// Words tagged per second, on one thread.
    pub tagged_per_second: f64,
    /// Words tagged and parsed per second, on one thread.
    pub parsed_per_second: f64,
}

/// Scores a model on gold sentences.
#[must_use]
pub fn evaluate(syntax: &Syntax, sentences: &[GoldSentence]) -> Scores {
    let words: Vec<Vec<super::Word>> = sentences.iter().map(GoldSentence::words).collect();
    let total: usize = words.iter().map(Vec::len).sum();
    let started = Instant::now();
    let tags: Vec<Vec<Tag>> = words.iter().map(|w| syntax.tag(w)).collect();
    let tagging = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let trees: Vec<super::Tree> = words.iter().map(|w| syntax.analyse(w)).collect();
    let parsing = started.elapsed().as_secs_f64();
    let (mut right_tags, mut scored, mut right_heads, mut right_arcs) = (0, 0, 0, 0);
    for ((sentence, tags), tree) in sentences.iter().zip(&tags).zip(&trees) {
        for (i, gold) in sentence.words.iter().enumerate() {
            right_tags += usize::from(tags[i] == gold.tag);
            if gold.tag == Tag::Punct {
                continue;
            }
            scored += 1;
            if tree.heads[i] == gold.head {
                right_heads += 1;
                right_arcs += usize::from(tree.deps[i] == gold.dep || (gold.head.is_none() && gold.dep == Dep::Root));
            }
        }
    }
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    Scores {
        words: total,
        tags: share(right_tags, total),
        unlabelled: share(right_heads, scored),
        labelled: share(right_arcs, scored),
        tagged_per_second: total as f64 / tagging.max(1e-9),
        parsed_per_second: total as f64 / parsing.max(1e-9),
    }
}
