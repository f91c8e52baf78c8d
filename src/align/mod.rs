//! Alignment: which claims are worth comparing.
//!
//! Claims are grouped into blocks by what they share: a place (or a place
//! containing one they name), the state a speaker speaks for, a measured
//! quantity, or a distinctive word of a quotation. Only claims sharing a
//! block are paired, so the pairs grow with the blocks, not with the square
//! of the corpus; oversized blocks are skipped. Each pair is scored with
//! `strsim` on normalised text.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::claims::{Claim, Corpus};
use crate::ingest::DocId;
use crate::text::normalise;

/// Blocks larger than this are split by month, and skipped if a month is
/// still larger: they carry too little signal to pair every member.
const MAX_BLOCK: usize = 128;

/// A pair of claims worth comparing, by index (`a < b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub a: usize,
    pub b: usize,
}

impl Candidate {
    /// How alike the two sentences read: Sørensen-Dice over character
    /// bigrams of their normalised text. Computed on demand, for the pairs
    /// a rule matched, since most candidate pairs never need it.
    #[must_use]
    pub fn similarity(&self, corpus: &Corpus) -> f64 {
        let text = |i: usize| {
            let claim = &corpus.claims[i];
            normalise(&corpus.documents[claim.doc].text[claim.sentence.clone()])
        };
        strsim::sorensen_dice(&text(self.a), &text(self.b))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum BlockKey {
    Place(usize),
    /// A sub-national place the claim's article names: claims about one
    /// story meet even when their sentences name different places.
    Story(usize),
    Measure(String),
    QuoteWord(String),
}

fn keys(corpus: &Corpus, claim: &Claim) -> Vec<BlockKey> {
    let gazetteer = &corpus.places.gazetteer;
    let mut keys = BTreeSet::new();
    let mut add_place = |place: usize| {
        keys.extend(gazetteer.ancestors(place).map(BlockKey::Place));
    };
    if !claim.frames.is_empty() {
        for place in &claim.places {
            add_place(*place);
        }
        for frame in &claim.frames {
            frame.place.into_iter().chain(frame.agent).for_each(&mut add_place);
        }
        claim.speaker.affiliation.into_iter().for_each(&mut add_place);
    }
    if !claim.frames.is_empty() || !claim.quantities.is_empty() || !claim.quotes.is_empty() {
        keys.extend(corpus.learned_places_of(claim.doc).iter().map(|p| BlockKey::Story(*p)));
    }
    for quantity in &claim.quantities {
        keys.insert(BlockKey::Measure(quantity.measure.clone()));
    }
    keys.extend(claim.quote_words.iter().cloned().map(BlockKey::QuoteWord));
    keys.into_iter().collect()
}

/// A block too large to pair whole is split by the month its articles
/// were published: claims about one story are close in time. Undated
/// articles form their own group.
fn split_by_month(corpus: &Corpus, members: Vec<usize>) -> Vec<Vec<usize>> {
    if members.len() <= MAX_BLOCK {
        return vec![members];
    }
    let mut months: BTreeMap<Option<i32>, Vec<usize>> = BTreeMap::new();
    for claim in members {
        let date = corpus.documents[corpus.claims[claim].doc].meta.date;
        months.entry(date.map(|d| d.year * 12 + i32::from(d.month))).or_default().push(claim);
    }
    months.into_values().collect()
}

/// Candidate pairs of claims from different sources, sorted.
#[must_use]
pub fn candidates(corpus: &Corpus) -> Vec<Candidate> {
    pairs(corpus, None)
}

/// Candidate pairs with at least one claim from the given documents: what
/// checking one new or edited article against a corpus needs.
#[must_use]
pub fn candidates_involving(corpus: &Corpus, documents: &BTreeSet<DocId>) -> Vec<Candidate> {
    pairs(corpus, Some(documents))
}

fn pairs(corpus: &Corpus, involving: Option<&BTreeSet<DocId>>) -> Vec<Candidate> {
    let claim_keys: Vec<Vec<BlockKey>> = corpus.claims.par_iter().map(|c| keys(corpus, c)).collect();
    let mut blocks: BTreeMap<&BlockKey, Vec<usize>> = BTreeMap::new();
    for (claim, keys) in claim_keys.iter().enumerate() {
        for key in keys {
            blocks.entry(key).or_default().push(claim);
        }
    }
    let wanted = |claim: usize| involving.is_none_or(|docs| docs.contains(&corpus.claims[claim].doc));
    let mut pairs = BTreeSet::new();
    let blocks = blocks.into_values().flat_map(|members| split_by_month(corpus, members));
    for members in blocks.filter(|m| m.len() <= MAX_BLOCK) {
        if !members.iter().any(|&m| wanted(m)) {
            continue;
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let (x, y) = (&corpus.claims[a], &corpus.claims[b]);
                if (x.doc == y.doc && x.speaker.key == y.speaker.key) || !(wanted(a) || wanted(b)) {
                    continue;
                }
                pairs.insert((a, b));
            }
        }
    }
    pairs.into_iter().map(|(a, b)| Candidate { a, b }).collect()
}
