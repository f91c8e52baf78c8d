//! Checks over aligned claim pairs: frames against frames, figures against
//! figures, quotations against quotations.

use rayon::prelude::*;

use super::quotes::AlikeQuotes;
use super::texts::Texts;
use super::{Facts, common_values, ends};
use crate::align::Candidate;
use crate::claims::{Bound, Claim, Corpus, Frame, Polarity, Quantity, SourceKind};
use crate::ingest::Date;
use crate::lexicon::PlaceId;
use crate::rules::finding::Label;
use crate::rules::schema::{Check, ClaimPattern, Relation, Rule};

/// Every match of each pair rule over the candidates, in candidate order,
/// one list per rule. One pass over the candidates serves every rule, so
/// each pair's two claims are fetched once, not once per rule; and a pair
/// whose claims cannot play the rule's two parts (see [`Parts`]), or whose
/// figures cannot be of one story (see [`StoryHints`]), is dropped before
/// either claim is fetched.
pub(super) fn matches(texts: &Texts, rules: &[&Rule], candidates: &[Candidate]) -> Vec<Vec<Facts>> {
    let corpus = texts.corpus;
    let parts = Parts::new(corpus, rules);
    let stories = StoryHints::new(corpus);
    let found: Vec<(usize, Facts)> = candidates
        .par_iter()
        .flat_map_iter(|candidate| {
            let mut found = Vec::new();
            let (a, b) = candidate.claims();
            // Worked out at most once for both directions and every
            // quotation rule: comparing quotations does not depend on either.
            let mut alike = None;
            for (l, r) in [(a, b), (b, a)] {
                for index in parts.rules_that_may_match(l, r) {
                    let rule = rules[index];
                    let needs_one_story = matches!(rule.check, Check::QuantityPair { .. });
                    if needs_one_story && !stories.may_share(l, r) {
                        continue;
                    }
                    let (left, right) = (&corpus.claims[l], &corpus.claims[r]);
                    let matched = match &rule.check {
                        Check::ClaimPair { left: lp, right: rp, relations, min_similarity } => {
                            let matches = frame_pairs(corpus, left, right, lp, rp, relations);
                            scored(texts, *candidate, matches, *min_similarity)
                        }
                        Check::QuantityPair { tolerance, min_similarity } => {
                            let matches = quantity_pairs(corpus, left, right, *tolerance);
                            scored(texts, *candidate, matches, *min_similarity)
                        }
                        Check::QuotePair { speakers, min_similarity, max_similarity } => {
                            let alike = alike.get_or_insert_with(|| AlikeQuotes::of(texts, a, b));
                            alike.facts(texts, (l, r), *speakers, (*min_similarity, *max_similarity))
                        }
                        Check::NamePair | Check::RolePair => continue,
                    };
                    found.extend(matched.into_iter().map(|facts| (index, facts)));
                }
            }
            found
        })
        .collect();
    // Sized once: grown by doubling, each vector was copied as it grew.
    let mut counts = vec![0; rules.len()];
    for (index, _) in &found {
        counts[*index] += 1;
    }
    let mut by_rule: Vec<Vec<Facts>> = counts.into_iter().map(Vec::with_capacity).collect();
    for (index, facts) in found {
        by_rule[index].push(facts);
    }
    by_rule
}

/// Which part of each pair rule each claim can play, worked out once per
/// claim rather than once per pair it is in. Many candidate pairs fail
/// every rule on these alone. Per claim, a bit per rule for each side it
/// can play: the rules a pair may match in one direction are those set
/// both in one claim's left bits and in the other's right bits, found a
/// byte at a time rather than rule by rule.
struct Parts {
    /// Per claim: `bytes` bytes of left-side bits, then `bytes` of right.
    /// Bytes, not wider words: for the default pack a claim takes two, and
    /// the table stays in cache while pairs fetch claims at random.
    bits: Vec<u8>,
    bytes: usize,
}

impl Parts {
    const LEFT: u8 = 1;
    const RIGHT: u8 = 2;

    fn new(corpus: &Corpus, rules: &[&Rule]) -> Self {
        let bytes = rules.len().div_ceil(8).max(1);
        let mut bits = vec![0; corpus.claims.len() * 2 * bytes];
        bits.par_chunks_mut(2 * bytes).zip(&corpus.claims).for_each(|(sides, claim)| {
            for (index, rule) in rules.iter().enumerate() {
                let parts = Self::parts_of(rule, claim);
                let (byte, bit) = (index / 8, 1 << (index % 8));
                if parts & Self::LEFT != 0 {
                    sides[byte] |= bit;
                }
                if parts & Self::RIGHT != 0 {
                    sides[bytes + byte] |= bit;
                }
            }
        });
        Self { bits, bytes }
    }

    /// The parts a claim can play in a rule: a side of a frame pattern it
    /// has a frame for, or either side where the rule asks only for figures
    /// or named quotations.
    fn parts_of(rule: &Rule, claim: &Claim) -> u8 {
        let both = |can: bool| if can { Self::LEFT | Self::RIGHT } else { 0 };
        match &rule.check {
            Check::ClaimPair { left, right, .. } => {
                let plays = |pattern| claim.frames.iter().any(|f| fits(pattern, claim, f));
                let mut parts = 0;
                if plays(left) {
                    parts |= Self::LEFT;
                }
                if plays(right) {
                    parts |= Self::RIGHT;
                }
                parts
            }
            Check::QuantityPair { .. } => both(!claim.quantities.is_empty()),
            Check::QuotePair { .. } => both(!claim.quotes.is_empty() && claim.speaker.kind != SourceKind::Outlet),
            Check::NamePair | Check::RolePair => 0,
        }
    }

    /// The rules, by index in order, whose left part `left` can play and
    /// whose right part `right` can.
    fn rules_that_may_match(&self, left: usize, right: usize) -> impl Iterator<Item = usize> + '_ {
        let stride = 2 * self.bytes;
        (0..self.bytes).flat_map(move |byte| {
            let mut both = self.bits[left * stride + byte] & self.bits[right * stride + self.bytes + byte];
            std::iter::from_fn(move || {
                let bit = (both != 0).then(|| both.trailing_zeros() as usize)?;
                both &= both - 1;
                Some(byte * 8 + bit)
            })
        })
    }
}

/// Per claim, what [`same_story`] reads of its article, kept beside the
/// claim's neighbours: figures are compared only within one story, and
/// most pairs of claims with figures are of two stories. A set bit per
/// learned place (modulo 64) tells most such pairs apart without reading
/// either article's places.
struct StoryHints {
    hints: Vec<(u64, Option<Date>)>,
}

impl StoryHints {
    fn new(corpus: &Corpus) -> Self {
        let of_document: Vec<(u64, Option<Date>)> = (0..corpus.documents.len())
            .into_par_iter()
            .map(|doc| {
                let places = corpus.learned_places_of(doc).iter().fold(0, |bits, &p| bits | 1 << (p % 64));
                (places, corpus.documents[doc].meta.date)
            })
            .collect();
        Self { hints: corpus.claims.par_iter().map(|claim| of_document[claim.doc]).collect() }
    }

    /// False when the two claims' articles cannot report one story (see
    /// [`same_story`]); true may still be two stories.
    fn may_share(&self, a: usize, b: usize) -> bool {
        let ((places, date), (other_places, other_date)) = (self.hints[a], self.hints[b]);
        places & other_places != 0 && within_a_story(date, other_date)
    }
}

/// Scores matches with the pair's sentence similarity, computed only for
/// pairs that matched, and drops them below the rule's minimum.
fn scored(texts: &Texts, candidate: Candidate, mut matches: Vec<Facts>, min_similarity: f64) -> Vec<Facts> {
    if matches.is_empty() {
        return matches;
    }
    let (a, b) = candidate.claims();
    let similarity = texts.similarity(a, b);
    if similarity < min_similarity {
        return Vec::new();
    }
    for facts in &mut matches {
        facts.similarity = similarity;
    }
    matches
}

fn fits(pattern: &ClaimPattern, claim: &Claim, frame: &Frame) -> bool {
    pattern.frames.contains(&frame.kind)
        && pattern.polarity.is_none_or(|p| p == frame.polarity)
        && (pattern.sources.is_empty() || pattern.sources.contains(&claim.speaker.kind))
}

fn within(corpus: &Corpus, inner: Option<PlaceId>, outer: Option<PlaceId>) -> bool {
    matches!((inner, outer), (Some(i), Some(o)) if corpus.places.gazetteer.within(i, o))
}

fn relation_holds(corpus: &Corpus, relation: Relation, pair: (&Claim, &Frame, &Claim, &Frame)) -> bool {
    let (left, lf, right, rf) = pair;
    let gazetteer = &corpus.places.gazetteer;
    match relation {
        Relation::PlaceWithinAffiliation | Relation::AccusedIsAffiliation => {
            within(corpus, lf.place, right.speaker.affiliation)
        }
        Relation::ActMatchesFrame => lf.act.contains(&rf.kind) || lf.kind == rf.kind,
        Relation::PlacesDisjoint => match (lf.place, rf.place) {
            (Some(p), Some(q)) => !gazetteer.within(p, q) && !gazetteer.within(q, p),
            _ => false,
        },
        Relation::SameEvent => {
            let same_thing = lf.event_noun.is_some() && lf.event_noun == rf.event_noun;
            let framed = |place: &PlaceId| {
                [lf.place, rf.place]
                    .into_iter()
                    .flatten()
                    .any(|f| gazetteer.within(*place, f) || gazetteer.within(f, *place))
            };
            let shared_in_sentences = left.places.iter().any(|p| right.places.contains(p) && !framed(p));
            same_thing && (shared_in_sentences && close_in_time(corpus, left, right) || same_story(corpus, left, right))
        }
    }
}

fn place_name(corpus: &Corpus, place: Option<PlaceId>) -> String {
    place.map_or_else(|| "an unnamed place".to_string(), |p| corpus.places.gazetteer.places[p].name.clone())
}

fn label(corpus: &Corpus, claim: &Claim, frame: &Frame, primary: bool) -> Label {
    let verb = match frame.polarity {
        Polarity::Affirmed => "affirms",
        Polarity::Denied => "denies",
    };
    let place = frame.place.map(|p| format!(" in {}", place_name(corpus, Some(p)))).unwrap_or_default();
    Label {
        doc: claim.doc,
        span: claim.sentence.clone(),
        text: format!("{}: {verb} {}{place}", claim.speaker.label, corpus.frame_names[frame.kind]),
        primary,
    }
}

fn frame_pairs<'c>(
    corpus: &Corpus,
    left: &'c Claim,
    right: &'c Claim,
    lp: &ClaimPattern,
    rp: &ClaimPattern,
    relations: &[Relation],
) -> Vec<Facts> {
    let fitting = |pattern, claim: &'c Claim| claim.frames.iter().filter(move |f| fits(pattern, claim, f));
    // Both claims have a fitting frame (see [`Parts`]); one source does
    // not contradict itself.
    if left.speaker.key == right.speaker.key {
        return Vec::new();
    }
    let mut found = Vec::new();
    for lf in fitting(lp, left) {
        for rf in fitting(rp, right) {
            if !relations.iter().all(|r| relation_holds(corpus, *r, (left, lf, right, rf))) {
                continue;
            }
            let text = |claim: &Claim, span: &std::ops::Range<usize>| {
                corpus.documents[claim.doc].text[span.clone()].to_string()
            };
            let mut facts = Facts::default();
            common_values(corpus, left, right, &mut facts);
            facts.values.insert("left.source", left.speaker.label.to_string());
            facts.values.insert("right.source", right.speaker.label.to_string());
            facts.values.insert("left.gist", text(left, &lf.gist));
            let rejected = if rf.denied_by_verb { "it is untrue that " } else { "" };
            facts.values.insert("right.gist", format!("{rejected}{}", text(right, &rf.gist)));
            facts.values.insert("left.place", place_name(corpus, lf.place));
            facts
                .values
                .insert("left.place.root", place_name(corpus, lf.place.map(|p| corpus.places.gazetteer.root(p))));
            facts.values.insert("right.place", place_name(corpus, rf.place));
            facts.values.insert("left.agent", place_name(corpus, lf.agent));
            facts.values.insert("left.cue", text(left, &lf.cue));
            facts
                .values
                .insert("left.event", lf.event.as_ref().map_or_else(|| "operation".to_string(), |e| text(left, e)));
            facts.right_commitment = rf.modality.commitment;
            facts.hedged = lf.modality.hedged || rf.modality.hedged;
            facts.reported = left.speaker.via_unnamed || right.speaker.via_unnamed;
            facts.labels = vec![label(corpus, left, lf, true), label(corpus, right, rf, false)];
            facts.identity = (left.doc, right.doc, ends(&left.sentence), ends(&right.sentence));
            facts.dedupe = (left.doc, ends(&left.sentence), other_source(right));
            found.push(facts);
        }
    }
    found
}

/// The other side of a pair, as a source: its document and speaker.
pub(super) fn other_source(claim: &Claim) -> String {
    format!("{}:{}", claim.doc, claim.speaker.key)
}

fn quantity_pairs(corpus: &Corpus, left: &Claim, right: &Claim, tolerance: f64) -> Vec<Facts> {
    if left.doc == right.doc {
        return Vec::new();
    }
    // Figures are compared first: few pairs have differing ones, and
    // telling whether two articles report one story compares their places.
    let mut one_story = None;
    let mut found = Vec::new();
    for lq in &left.quantities {
        for rq in right.quantities.iter().filter(|q| q.measure == lq.measure) {
            let largest = lq.value.abs().max(rq.value.abs());
            if largest == 0.0 || (lq.value - rq.value).abs() / largest <= tolerance {
                continue;
            }
            if !*one_story.get_or_insert_with(|| same_story(corpus, left, right)) {
                return Vec::new();
            }
            let text = |claim: &Claim, q: &Quantity| corpus.documents[claim.doc].text[q.span.clone()].to_string();
            let mut facts = Facts::default();
            common_values(corpus, left, right, &mut facts);
            facts.values.insert("left.source", left.speaker.label.to_string());
            facts.values.insert("right.source", right.speaker.label.to_string());
            facts.values.insert("left.quantity", text(left, lq));
            facts.values.insert("right.quantity", text(right, rq));
            let measure = lq.measure.split_once(':').map_or(lq.measure.as_str(), |(_, m)| m);
            facts.values.insert("measure", measure.to_string());
            facts.bound_satisfied = satisfies(lq, rq) || satisfies(rq, lq);
            facts.labels = vec![
                Label {
                    doc: left.doc,
                    span: left.sentence.clone(),
                    text: format!("{}: {}", left.speaker.label, text(left, lq)),
                    primary: true,
                },
                Label {
                    doc: right.doc,
                    span: right.sentence.clone(),
                    text: format!("{}: {}", right.speaker.label, text(right, rq)),
                    primary: false,
                },
            ];
            facts.identity = (left.doc, right.doc, ends(&lq.span), ends(&rq.span));
            facts.dedupe = (left.doc, ends(&left.sentence), other_source(right));
            found.push(facts);
        }
    }
    found
}

/// Whether `bound` is a bound that `other` satisfies.
fn satisfies(bound: &Quantity, other: &Quantity) -> bool {
    match bound.bound {
        Bound::AtLeast => other.value >= bound.value,
        Bound::AtMost => other.value <= bound.value,
        Bound::Exact => false,
    }
}

/// Whether two claims' articles report one story: they name one place
/// learned from the text (a village, a region: specific to a story), and
/// are at most a month apart (or undated).
pub(super) fn same_story(corpus: &Corpus, left: &Claim, right: &Claim) -> bool {
    let theirs = corpus.learned_places_of(right.doc);
    close_in_time(corpus, left, right) && corpus.learned_places_of(left.doc).iter().any(|p| theirs.contains(p))
}

/// The two articles are at most a month apart, or either is undated.
pub(super) fn close_in_time(corpus: &Corpus, left: &Claim, right: &Claim) -> bool {
    within_a_story(corpus.documents[left.doc].meta.date, corpus.documents[right.doc].meta.date)
}

fn within_a_story(date: Option<Date>, other: Option<Date>) -> bool {
    match (date, other) {
        (Some(a), Some(b)) => a.days_between(b) <= SAME_STORY_DAYS,
        _ => true,
    }
}

/// Articles further apart than this rarely report one story.
const SAME_STORY_DAYS: i64 = 31;
