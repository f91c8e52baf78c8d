//! gainsay reads news articles from many outlets and reports where their
//! claims contradict each other, the way a compiler reports errors.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`ingest`] reads files into [`Document`]s, which own their text.
//! 2. [`segment`] splits a document into sentences (byte spans).
//! 3. [`claims`] reads each sentence as a [`Claim`]: who says what, with
//!    polarity, modality, places, event frames, quantities and quotations.
//! 4. [`align`] pairs claims from different sources that share places,
//!    people or frames, never comparing all pairs.
//! 5. [`rules`] evaluates rule files (data, in `rules/`) over those pairs
//!    and yields [`Finding`]s: a rule id, a severity, a message and spans.
//! 6. [`report`] renders findings for people (miette) and machines (JSON).
//!
//! Language knowledge (cue words, places) lives in [`lexicon`], loaded from
//! the same rule packs; no fact about any story is written in Rust.

pub mod ingest;
pub mod lexicon;
pub mod segment;
pub mod text;

pub use ingest::Document;
pub mod claims;

pub use claims::{Claim, Corpus};
pub mod align;
pub mod rules;

pub use rules::{Finding, Pack, Severity};
pub mod atomic;
pub mod invariants;
pub mod limits;
pub mod report;

use std::path::PathBuf;

pub use limits::Limits;

/// The result of checking a set of paths.
#[derive(Debug)]
pub struct Outcome {
    /// The documents read, their claims and people.
    pub corpus: Corpus,
    /// Findings, sorted by file, position and rule.
    pub findings: Vec<Finding>,
    /// Inputs that could not be read; the rest were checked.
    pub input_errors: Vec<ingest::InputError>,
}

/// Reads the paths, extracts claims, aligns them and runs the pack's rules.
#[must_use]
pub fn check(paths: &[PathBuf], pack: &Pack) -> Outcome {
    check_with(paths, pack, &Limits::default())
}

/// [`check`] within limits: files and sentences over them are skipped and
/// reported in [`Outcome::input_errors`].
#[must_use]
pub fn check_with(paths: &[PathBuf], pack: &Pack, limits: &Limits) -> Outcome {
    let (documents, mut input_errors) = ingest::load_with(paths, &pack.lexicon, limits);
    let mut outcome = check_documents(documents, pack, limits);
    input_errors.append(&mut outcome.input_errors);
    outcome.input_errors = input_errors;
    outcome
}

/// Checks documents already read (from memory, an editor or a fuzzer).
#[must_use]
pub fn check_documents(documents: Vec<Document>, pack: &Pack, limits: &Limits) -> Outcome {
    let corpus = Corpus::build_with(documents, &pack.lexicon, &pack.segmenter, limits);
    let input_errors = (0..corpus.documents.len())
        .flat_map(|doc| {
            let spans = corpus.skipped_sentences(doc);
            ingest::InputError::sentences_too_long(&corpus.documents[doc], spans, limits.max_sentence_bytes)
        })
        .collect();
    let pairs = align::candidates(&corpus);
    let findings = rules::evaluate(&corpus, &pack.rules, &pairs);
    Outcome { corpus, findings, input_errors }
}

/// The findings that involve the given documents, comparing only pairs
/// with a claim from them: checking new or edited articles against an
/// already extracted corpus.
#[must_use]
pub fn findings_involving(
    corpus: &Corpus,
    pack: &Pack,
    documents: &std::collections::BTreeSet<ingest::DocId>,
) -> Vec<Finding> {
    let pairs = align::candidates_involving(corpus, documents);
    rules::evaluate(corpus, &pack.rules, &pairs).into_iter().filter(|f| f.involves(documents)).collect()
}
