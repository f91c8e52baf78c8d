//! Alignment: which claims are worth comparing.
//!
//! Claims are grouped into blocks by what they share: a place (or a place
//! containing one they name), the state a speaker speaks for, a story (a
//! sub-national place their articles name), a measure (within a story, or
//! alone for the incident judge to sort), or a
//! distinctive word of a quotation. Only claims sharing a
//! block are paired, so the pairs grow with the blocks, not with the square
//! of the corpus. An oversized block is split by month; a place's group
//! still too large pairs only what is affirmed with what is denied, and
//! any other is skipped (see [`groups`]). The rules score the pairs
//! they match by how alike the sentences read (`text::Bigrams`).

pub mod incident;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::BuildHasher;

use foldhash::HashSet;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rayon::prelude::*;

use crate::claims::{Claim, Corpus, Stance};
use crate::ingest::DocId;
use crate::text::normalise;

/// Blocks larger than this are split by month; a month still larger
/// carries too little signal to pair every member (see [`groups`]).
const MAX_BLOCK: usize = 128;

/// A claim's index, as blocks and pairs hold it: a corpus of millions of
/// articles has millions of candidate pairs, and half their memory is
/// the width of the index.
type ClaimIndex = u32;

/// A pair of claims worth comparing, by index (`a < b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    a: ClaimIndex,
    b: ClaimIndex,
}

impl Candidate {
    /// The two claims' indices in the corpus, the lower first.
    #[must_use]
    pub fn claims(self) -> (usize, usize) {
        (self.a as usize, self.b as usize)
    }
}

/// What claims are blocked on: two claims are compared only if they share
/// a key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum BlockKey {
    Place(usize),
    /// A sub-national place the claim's article names: claims about one
    /// story meet even when their sentences name different places.
    Story(usize),
    /// A measure (a death toll, a range) in a story: figures are compared
    /// only between articles of one story, and a story may be named too
    /// often to pair its claims whole while its figures of one measure
    /// are few.
    StoryMeasure(usize, String),
    /// A measure alone: articles of one incident may name no place in
    /// common, and figures are compared only within an incident. Common
    /// measures ("count:people") make blocks too large to pair, split by
    /// month or left to the story's key.
    Measure(String),
    QuoteWord(String),
    /// A kind of frame whose origin lies in no known state ("fired from a
    /// field near Kovalivka"): such an origin shares no state's key with
    /// another account's, and two of them may be two places, told apart
    /// within an incident.
    UnplacedOrigin(usize),
    /// A name in what a frame says was hit or aimed at ("the freighter
    /// Ardent Star"): two accounts of one attack may share no place. Only
    /// names: "a warehouse" is hit in too many stories to block on.
    Target(u32),
    /// A body other than a state, blamed in one claim or speaking in it
    /// ("blamed the firm for the outage", "the firm denied it"): a blame
    /// and the blamed body's answer may name no place in common.
    Body(u32),
}

/// The blocks a claim is in.
#[must_use]
pub fn block_keys(corpus: &Corpus, claim: &Claim) -> Vec<BlockKey> {
    let gazetteer = &corpus.places.gazetteer;
    let mut keys = Vec::new();
    let mut add_place = |place: usize| {
        keys.extend(gazetteer.ancestors(place).map(BlockKey::Place));
    };
    if !claim.frames.is_empty() {
        for place in &claim.places {
            add_place(*place);
        }
        for frame in &claim.frames {
            frame
                .place
                .into_iter()
                .chain(frame.origin)
                .chain(frame.agent.as_ref().and_then(|a| a.place))
                .for_each(&mut add_place);
        }
        claim.speaker.affiliation.into_iter().for_each(&mut add_place);
        for frame in &claim.frames {
            if frame.origin.is_some_and(|p| !corpus.state_known(p)) {
                keys.push(BlockKey::UnplacedOrigin(frame.kind));
            }
        }
        let bodies = claim.frames.iter().filter_map(|f| f.agent.as_ref().and_then(|a| a.body.as_deref()));
        for body in bodies.chain(claim.speaker.body.as_deref()) {
            #[allow(clippy::cast_possible_truncation)]
            keys.push(BlockKey::Body(crate::text::fnv1a([normalise(body).as_str()]) as u32));
        }
        let text = &corpus.documents[claim.doc].text;
        for target in claim.frames.iter().filter_map(|f| f.target.clone()) {
            let names =
                text.get(target).unwrap_or_default().split_whitespace().filter(|w| w.starts_with(char::is_uppercase));
            #[allow(clippy::cast_possible_truncation)]
            keys.extend(names.map(|name| BlockKey::Target(crate::text::fnv1a([normalise(name).as_str()]) as u32)));
        }
    }
    if !claim.frames.is_empty() || !claim.quantities.is_empty() || !claim.quotes.is_empty() {
        keys.extend(corpus.learned_places_of(claim.doc).iter().map(|p| BlockKey::Story(*p)));
    }
    let stories = corpus.learned_places_of(claim.doc);
    for quantity in &claim.quantities {
        let measure = quantity.blocking_measure();
        keys.extend(stories.iter().map(|p| BlockKey::StoryMeasure(*p, measure.to_string())));
        keys.push(BlockKey::Measure(measure.to_string()));
    }
    keys.extend(claim.quote_words.iter().cloned().map(BlockKey::QuoteWord));
    // In order, once each: what a set gives, without a tree per claim.
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A block too large to pair whole is split by the month its articles
/// were published: claims about one story are close in time. Undated
/// articles form their own group.
/// `claim_months` holds each claim's month (see [`month_of`]).
fn split_by_month(claim_months: &[Option<i32>], members: Vec<ClaimIndex>) -> Vec<Vec<ClaimIndex>> {
    if members.len() <= MAX_BLOCK {
        return vec![members];
    }
    let mut months: BTreeMap<Option<i32>, Vec<ClaimIndex>> = BTreeMap::new();
    for claim in members {
        months.entry(claim_months[claim as usize]).or_default().push(claim);
    }
    months.into_values().collect()
}

/// The month an article was published in, as a count of months.
#[must_use]
pub fn month_of(corpus: &Corpus, doc: DocId) -> Option<i32> {
    corpus.documents[doc].meta.date.map(|d| d.year * 12 + i32::from(d.month))
}

/// Whether two claims sharing a block of `size` claims can be paired,
/// given their articles' months: in a block small enough, any two; in a
/// larger one, only two of one month (or two undated).
#[must_use]
pub fn block_reaches(size: usize, month: Option<i32>, other: Option<i32>) -> bool {
    size <= MAX_BLOCK || month == other
}

/// Claims of a block that are paired with each other.
enum Group {
    /// Every member with every other.
    All(Vec<ClaimIndex>),
    /// Each claim of the first side with each of the second.
    Across(Vec<ClaimIndex>, Vec<ClaimIndex>),
}

/// The most pairs one group may give: as many as a whole block of
/// `MAX_BLOCK` claims.
const MAX_GROUP_PAIRS: usize = MAX_BLOCK * (MAX_BLOCK - 1) / 2;

/// How a block's claims are paired. A block still too large after the
/// split by month is, for a place, paired across polarity: what is
/// affirmed about a place against what is denied about it, the pairs a
/// contradiction needs. A state that many articles name (and that denies
/// rarely) keeps its denials in reach of every report; claims that agree
/// meet through narrower keys (a story's places, a measure, a quotation).
fn groups(corpus: &Corpus, claim_months: &[Option<i32>], key: &BlockKey, members: Vec<ClaimIndex>) -> Vec<Group> {
    split_by_month(claim_months, members)
        .into_iter()
        .filter_map(|members| {
            if members.len() <= MAX_BLOCK {
                return Some(Group::All(members));
            }
            if !matches!(key, BlockKey::Place(_)) {
                return None;
            }
            let denies =
                |claim: ClaimIndex| corpus.claims[claim as usize].frames.iter().any(|f| f.stance == Stance::Denied);
            let asserts =
                |claim: ClaimIndex| corpus.claims[claim as usize].frames.iter().any(crate::claims::Frame::asserts);
            let affirming: Vec<ClaimIndex> = members.iter().copied().filter(|&c| asserts(c)).collect();
            let denying: Vec<ClaimIndex> = members.into_iter().filter(|&c| denies(c)).collect();
            (affirming.len() * denying.len() <= MAX_GROUP_PAIRS).then_some(Group::Across(affirming, denying))
        })
        .collect()
}

/// Shards blocks are gathered in, each on its own core.
const SHARDS: usize = 64;

/// Claims of a chunk sharded on one core before the shards are merged.
const CHUNK: usize = 4096;

/// A chunk's (key hash, key, claim) entries, by shard.
type ByShard<'k> = Vec<Vec<(u64, &'k BlockKey, ClaimIndex)>>;

/// Each block's key and members (claims with the key that `wanted` lets
/// through), in claim order, shard by shard. Keys are spread over shards
/// by a fixed hash, so that each shard's blocks are gathered on one core
/// while other shards are gathered on others; a single table filled on
/// one core was the slowest part of alignment. Each key is hashed once:
/// the hash picks its shard and, within it, its block.
fn gather_blocks(
    claim_keys: &[Vec<BlockKey>],
    wanted: impl Fn(&BlockKey) -> bool + Sync,
) -> Vec<Vec<(&BlockKey, Vec<ClaimIndex>)>> {
    let state = FixedState::default();
    // Bits the tables do not place by: a table places a hash by its lowest
    // bits and tags it with its highest, which within a shard must vary.
    let shard_of = |hash: u64| usize::try_from((hash >> 32) % SHARDS as u64).unwrap_or(0);
    let sharded: Vec<ByShard> = claim_keys
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(chunk, keys_of_chunk)| {
            let mut shards = vec![Vec::new(); SHARDS];
            for (offset, keys) in keys_of_chunk.iter().enumerate() {
                // Claims past the index width were left out before.
                let Ok(claim) = ClaimIndex::try_from(chunk * CHUNK + offset) else {
                    break;
                };
                for key in keys.iter().filter(|key| wanted(key)) {
                    let hash = state.hash_one(key);
                    shards[shard_of(hash)].push((hash, key, claim));
                }
            }
            shards
        })
        .collect();
    (0..SHARDS)
        .into_par_iter()
        .map(|shard| {
            let mut blocks: HashTable<(u64, &BlockKey, Vec<ClaimIndex>)> = HashTable::new();
            for &(hash, key, claim) in sharded.iter().flat_map(|shards| &shards[shard]) {
                let same =
                    |(other_hash, other, _): &(u64, &BlockKey, Vec<ClaimIndex>)| *other_hash == hash && *other == key;
                match blocks.entry(hash, same, |(hash, _, _)| *hash) {
                    Entry::Occupied(mut block) => block.get_mut().2.push(claim),
                    Entry::Vacant(empty) => {
                        empty.insert((hash, key, vec![claim]));
                    }
                }
            }
            blocks.into_iter().map(|(_, key, members)| (key, members)).collect()
        })
        .collect()
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
    // Past four billion claims the indices would wrap; no corpus that fits
    // in memory comes near, but a wrong pair is worse than none.
    let claim_count = ClaimIndex::try_from(corpus.claims.len()).unwrap_or(ClaimIndex::MAX);
    let claim_keys: Vec<Vec<BlockKey>> =
        corpus.claims[..claim_count as usize].par_iter().map(|c| block_keys(corpus, c)).collect();
    let wanted = |claim: ClaimIndex| involving.is_none_or(|docs| docs.contains(&corpus.claims[claim as usize].doc));
    // Checking a few articles needs only the blocks their claims are in.
    let wanted_keys: Option<HashSet<&BlockKey>> = involving.map(|_| {
        (0..claim_count).filter(|&claim| wanted(claim)).flat_map(|claim| &claim_keys[claim as usize]).collect()
    });
    let blocks = gather_blocks(&claim_keys, |key| wanted_keys.as_ref().is_none_or(|w| w.contains(key)));
    // Per claim, its document: most pairs are told to be of two documents
    // from this alone, without fetching either claim.
    let docs: Vec<DocId> = corpus.claims[..claim_count as usize].par_iter().map(|c| c.doc).collect();
    // Likewise its month, for the blocks split by month: large blocks
    // would fetch each member's claim and article at random.
    let claim_months: Vec<Option<i32>> = docs.par_iter().map(|&doc| month_of(corpus, doc)).collect();
    let paired = |a: ClaimIndex, b: ClaimIndex| {
        let one_source = || {
            let (x, y) = (&corpus.claims[a as usize], &corpus.claims[b as usize]);
            x.speaker.key == y.speaker.key
        };
        a != b && (docs[a as usize] != docs[b as usize] || !one_source()) && (wanted(a) || wanted(b))
    };
    let mut pairs: Vec<Candidate> = blocks
        .into_par_iter()
        .flat_map(Vec::into_par_iter)
        .flat_map_iter(|(key, members)| groups(corpus, &claim_months, key, members))
        .filter(|group| match group {
            Group::All(members) => members.iter().any(|&m| wanted(m)),
            Group::Across(left, right) => left.iter().chain(right).any(|&m| wanted(m)),
        })
        .flat_map_iter(|group| {
            let mut found = Vec::new();
            match group {
                Group::All(members) => {
                    for (i, &a) in members.iter().enumerate() {
                        found.extend(members[i + 1..].iter().filter(|&&b| paired(a, b)).map(|&b| Candidate { a, b }));
                    }
                }
                Group::Across(left, right) => {
                    for &a in &left {
                        found.extend(
                            right.iter().filter(|&&b| paired(a, b)).map(|&b| Candidate { a: a.min(b), b: a.max(b) }),
                        );
                    }
                }
            }
            found
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}
