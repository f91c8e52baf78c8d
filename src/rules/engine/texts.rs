//! The folded text of claims and quotations, worked out at most once per
//! run: one sentence meets many others in the candidate pairs, and
//! normalising it again for each would cost more than comparing.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::align::incident::Incidents;
use crate::claims::Corpus;
use crate::ingest::DocId;
use crate::text::{Bigrams, fnv1a, normalise};

/// A quotation, folded for comparison.
pub(super) struct QuoteText {
    pub span: Range<usize>,
    pub normalised: String,
    pub bigrams: Bigrams,
    /// Its capitalised words after the first, folded: two statements that
    /// differ in a name are two statements.
    pub proper_nouns: BTreeSet<String>,
}

/// Per claim of a corpus, its folded sentence and quotations, on demand.
pub(super) struct Texts<'c> {
    pub corpus: &'c Corpus,
    /// Which articles report one incident.
    pub incidents: &'c Incidents,
    /// Per claim, its document: asked of many pairs, and a claim is too
    /// large for many to stay in cache.
    docs: Vec<DocId>,
    sentences: Vec<OnceLock<Bigrams>>,
    quotes: Vec<OnceLock<Vec<QuoteText>>>,
    quote_names: Vec<OnceLock<u64>>,
}

impl<'c> Texts<'c> {
    pub fn new(corpus: &'c Corpus, incidents: &'c Incidents) -> Self {
        let count = corpus.claims.len();
        let ((docs, sentences), (quotes, quote_names)) = rayon::join(
            || rayon::join(|| corpus.claims.par_iter().map(|c| c.doc).collect(), || empty_cells(count)),
            || rayon::join(|| empty_cells(count), || empty_cells(count)),
        );
        Self { corpus, incidents, docs, sentences, quotes, quote_names }
    }

    /// The document a claim is in.
    pub fn doc_of(&self, claim: usize) -> DocId {
        self.docs[claim]
    }

    /// How alike two claims' sentences read: Sørensen-Dice over character
    /// bigrams of their normalised text.
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        self.sentence(a).dice(self.sentence(b))
    }

    fn sentence(&self, claim: usize) -> &Bigrams {
        self.sentences[claim].get_or_init(|| {
            let claim = &self.corpus.claims[claim];
            Bigrams::new(&normalise(&self.corpus.documents[claim.doc].text[claim.sentence.clone()]))
        })
    }

    /// A claim's quotations of four words or more, folded.
    pub fn quotes(&self, claim: usize) -> &[QuoteText] {
        self.quotes[claim].get_or_init(|| {
            let claim = &self.corpus.claims[claim];
            let text = &self.corpus.documents[claim.doc].text;
            claim
                .quotes
                .iter()
                .map(|span| {
                    let normalised = normalise(&text[span.clone()]);
                    QuoteText {
                        span: span.clone(),
                        bigrams: Bigrams::new(&normalised),
                        normalised,
                        proper_nouns: proper_nouns(&text[span.clone()]),
                    }
                })
                .collect()
        })
    }
}

/// Tens of megabytes of empty cells for a large corpus: laid out on every
/// core, as the rules wait for them.
fn empty_cells<T: Send + Sync>(count: usize) -> Vec<OnceLock<T>> {
    (0..count).into_par_iter().map(|_| OnceLock::new()).collect()
}

impl Drop for Texts<'_> {
    fn drop(&mut self) {
        // Freed on every core: a run over a large corpus folds hundreds of
        // thousands of sentences, and freeing them on one took longer than
        // sorting the findings.
        let (sentences, quotes) = (std::mem::take(&mut self.sentences), std::mem::take(&mut self.quotes));
        rayon::join(|| sentences.into_par_iter().for_each(drop), || quotes.into_par_iter().for_each(drop));
    }
}

impl Texts<'_> {
    /// Whether two claims may hold one statement: quotations one of whose
    /// names are all among the other's (an excerpt may drop a name, but
    /// two statements that name different people are two). False is
    /// certain; true may still be none.
    pub fn may_share_quotes(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.quote_names(a), self.quote_names(b));
        x & y != 0 || (x | y) & NAMELESS != 0
    }

    /// A bit for each name a claim's quotations hold (its hash, modulo 63),
    /// and [`NAMELESS`] for a quotation naming none: most pairs of claims
    /// with quotations are told apart by these alone, without comparing
    /// quotations.
    fn quote_names(&self, claim: usize) -> u64 {
        // From the names alone: most claims asked are ruled out by these,
        // and their quotations need never be folded whole.
        *self.quote_names[claim].get_or_init(|| {
            let claim = &self.corpus.claims[claim];
            let text = &self.corpus.documents[claim.doc].text;
            claim.quotes.iter().fold(0, |bits, span| {
                let names = proper_nouns(&text[span.clone()]);
                if names.is_empty() {
                    return bits | NAMELESS;
                }
                names.iter().fold(bits, |bits, name| bits | 1 << (fnv1a([name.as_str()]) % 63))
            })
        })
    }
}

/// The bit of a quotation that names no one.
const NAMELESS: u64 = 1 << 63;

/// The capitalised words of a quotation after its first word, folded.
fn proper_nouns(quote: &str) -> BTreeSet<String> {
    quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "I")
        .map(normalise)
        .collect()
}
