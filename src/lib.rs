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
//! 6. [`report`] renders findings for people (miette) and machines (JSON),
//!    showing untrusted text to people through [`visible`];
//!    [`lsp`] serves them to editors as diagnostics while an article is written.
//!
//! Language knowledge (cue words, places) lives in [`lexicon`], loaded from
//! the same rule packs; no fact about any story is written in Rust.
//!
//! Around the pipeline, the lint workflow: [`config`] turns `gainsay.toml`
//! and flags into one [`Settings`] value (packs, rule selection, corpus,
//! baseline); [`lint`] checks new articles against a corpus and drops what
//! the [`baseline`] already accepts.

pub mod index;
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
pub mod visible;

pub mod baseline;
pub mod config;
pub mod lint;
pub mod lsp;

pub use config::Settings;

use std::collections::BTreeSet;
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
    /// The articles checked; any other document is the corpus they were
    /// checked against.
    pub targets: BTreeSet<ingest::DocId>,
}

impl Outcome {
    /// Whether a document is one of the articles checked.
    #[must_use]
    pub fn is_target(&self, doc: ingest::DocId) -> bool {
        self.targets.contains(&doc)
    }
}

/// Reads the paths, extracts claims, aligns them and runs the pack's rules:
/// every article is checked against every other.
#[must_use]
pub fn check(paths: &[PathBuf], pack: &Pack) -> Outcome {
    check_against(paths, &[], pack)
}

/// [`check`] within limits: files and sentences over them are skipped and
/// reported in [`Outcome::input_errors`].
#[must_use]
pub fn check_with(paths: &[PathBuf], pack: &Pack, limits: &Limits) -> Outcome {
    check_against_reporting(paths, &[], pack, limits, &indicatif::ProgressBar::hidden())
}

/// Checks the articles under `targets` against those under `corpus`:
/// only findings with a label in a target article are kept, and each is
/// anchored there (its first label is in the target). An article under
/// both is a target. With an empty `corpus`, every article is checked
/// against every other, as [`check`] does.
#[must_use]
pub fn check_against(targets: &[PathBuf], corpus: &[PathBuf], pack: &Pack) -> Outcome {
    check_against_reporting(targets, corpus, pack, &Limits::default(), &indicatif::ProgressBar::hidden())
}

/// [`check_against`] within limits, showing extraction progress on
/// `progress`.
#[must_use]
pub fn check_against_reporting(
    targets: &[PathBuf],
    corpus: &[PathBuf],
    pack: &Pack,
    limits: &Limits,
    progress: &indicatif::ProgressBar,
) -> Outcome {
    let (mut documents, mut input_errors) = ingest::load_with(targets, &pack.lexicon, limits);
    let target_count = documents.len();
    if !corpus.is_empty() {
        let (others, errors) = ingest::load_with(corpus, &pack.lexicon, limits);
        input_errors.extend(errors);
        let seen: BTreeSet<PathBuf> = documents.iter().map(|d| identity(&d.path)).collect();
        documents.extend(others.into_iter().filter(|d| !seen.contains(&identity(&d.path))));
    }
    let corpus = Corpus::build_reporting(documents, &pack.lexicon, &pack.segmenter, limits, progress);
    progress.finish_and_clear();
    input_errors.extend(too_long_sentences(&corpus, limits));
    let mut pairs = align::candidates(&corpus);
    let is_target = |doc: ingest::DocId| doc < target_count;
    // Checked against a corpus, only pairs touching a target matter.
    if target_count < corpus.documents.len() {
        pairs.retain(|p| {
            let (a, b) = p.claims();
            is_target(corpus.claims[a].doc) || is_target(corpus.claims[b].doc)
        });
    }
    let mut findings = rules::evaluate(&corpus, &pack.rules, &pairs);
    if target_count < corpus.documents.len() {
        findings.retain(|f| f.labels.iter().any(|l| is_target(l.doc)));
        for finding in &mut findings {
            finding.anchor(|l| is_target(l.doc));
        }
        rules::sort(&corpus, &mut findings);
    }
    Outcome { corpus, findings, input_errors, targets: (0..target_count).collect() }
}

/// Checks documents already read (from memory, an editor or a fuzzer),
/// every one against every other.
#[must_use]
pub fn check_documents(documents: Vec<Document>, pack: &Pack, limits: &Limits) -> Outcome {
    let corpus = Corpus::build_with(documents, &pack.lexicon, &pack.segmenter, limits);
    let input_errors = too_long_sentences(&corpus, limits);
    let pairs = align::candidates(&corpus);
    let findings = rules::evaluate(&corpus, &pack.rules, &pairs);
    let targets = (0..corpus.documents.len()).collect();
    Outcome { corpus, findings, input_errors, targets }
}

/// The diagnostics for sentences skipped as too long.
fn too_long_sentences(corpus: &Corpus, limits: &Limits) -> Vec<ingest::InputError> {
    (0..corpus.documents.len())
        .flat_map(|doc| {
            let spans = corpus.skipped_sentences(doc);
            ingest::InputError::sentences_too_long(&corpus.documents[doc], spans, limits.max_sentence_bytes)
        })
        .collect()
}

/// A path's identity for telling whether two inputs are one file.
fn identity(path: &std::path::Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
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
    rules::evaluate_involving(corpus, &pack.rules, &pairs, documents)
        .into_iter()
        .filter(|f| f.involves(documents))
        .collect()
}
