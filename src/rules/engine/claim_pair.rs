//! Checks over aligned claim pairs: frames against frames, figures against
//! figures, quotations against quotations.

use rayon::prelude::*;

use super::quotes::AlikeQuotes;
use super::texts::Texts;
use super::{Facts, common_values, ends};
use crate::align::Candidate;
use crate::align::incident::Incident;
use crate::claims::{Actor, Claim, Corpus, Frame, Quantity, SourceKind, Speaker, Stance};
use crate::lexicon::PlaceId;
use crate::rules::finding::Label;
use crate::rules::schema::{Argument, Check, ClaimPattern, Relation, Rule};

/// Every match of each pair rule over the candidates, in candidate order,
/// one list per rule. One pass over the candidates serves every rule, so
/// each pair's two claims are fetched once, not once per rule; and a pair
/// whose claims cannot play the rule's two parts (see [`Parts`]), or whose
/// articles report two incidents, is dropped before either claim is fetched.
pub(super) fn matches(texts: &Texts, rules: &[&Rule], candidates: &[Candidate]) -> Vec<Vec<Facts>> {
    let corpus = texts.corpus;
    let parts = Parts::new(corpus, rules);
    let found: Vec<(usize, Facts)> = candidates
        .par_iter()
        .flat_map_iter(|candidate| {
            let mut found = Vec::new();
            let (a, b) = candidate.claims();
            // Worked out at most once for both directions and every
            // quotation rule: comparing quotations does not depend on either.
            let mut alike = None;
            let mut incident = None;
            for (l, r) in [(a, b), (b, a)] {
                for index in parts.rules_that_may_match(l, r) {
                    let rule = rules[index];
                    let judge = || texts.incidents.judge(texts.doc_of(l), texts.doc_of(r));
                    let judged = *incident.get_or_insert_with(judge);
                    // Figures meet only within an incident: a count of
                    // crew says nothing of another incident's.
                    let apart = match rule.check {
                        Check::QuantityPair { .. } => judged != Incident::Same,
                        _ => false,
                    };
                    if apart {
                        continue;
                    }
                    let (left, right) = (&corpus.claims[l], &corpus.claims[r]);
                    let matched = match &rule.check {
                        Check::ClaimPair { left: lp, right: rp, relations, min_similarity } => {
                            let matches = frame_pairs(corpus, (left, right), (lp, rp), relations, judged);
                            scored(texts, *candidate, matches, *min_similarity)
                        }
                        Check::QuantityPair { tolerance, min_similarity, stable } => {
                            let matches = quantity_pairs(corpus, left, right, *tolerance, stable);
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
                let plays = |pattern| claim.frames.iter().any(|f| fits(pattern, f));
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

fn fits(pattern: &ClaimPattern, frame: &Frame) -> bool {
    let has = |argument: Argument| match argument {
        Argument::Agent => frame.agent.is_some(),
        Argument::Origin => frame.origin.is_some(),
        Argument::Place => frame.place.is_some() || frame.origin.is_some(),
        Argument::Means => !frame.means.is_empty(),
    };
    pattern.frames.contains(&frame.kind)
        && (pattern.stances.is_empty() || pattern.stances.contains(&frame.stance))
        && (pattern.sources.is_empty() || pattern.sources.contains(&frame.speaker.kind))
        && pattern.requires.iter().all(|a| has(*a))
}

/// The state a place lies in.
fn state_of(corpus: &Corpus, place: PlaceId) -> PlaceId {
    corpus.places.gazetteer.root(place)
}

/// Whether an actor is the one a speaker speaks for: the same state, or
/// the same body.
fn is_actor(corpus: &Corpus, actor: &Actor, speaker: &Speaker) -> bool {
    let state = actor.place.map(|p| state_of(corpus, p));
    let same_state = state.is_some() && state == speaker.affiliation.map(|p| state_of(corpus, p));
    let speaker_body = speaker.body.as_deref().map(normalise_body);
    let same_body = actor.body.as_deref().is_some_and(|b| Some(b) == speaker_body.as_deref());
    same_state || same_body
}

/// Whether a frame says what was done, to what or with what: a target, a
/// means, a place, an origin or a named event.
fn says_what_was_done(frame: &Frame) -> bool {
    frame.target.is_some()
        || !frame.means.is_empty()
        || frame.place.is_some()
        || frame.origin.is_some()
        || frame.event.is_some()
}

/// Whether two actors are the same state or body.
fn same_actor(corpus: &Corpus, a: &Actor, b: &Actor) -> bool {
    let state = |x: &Actor| x.place.map(|p| state_of(corpus, p));
    (state(a).is_some() && state(a) == state(b)) || (a.body.is_some() && a.body == b.body)
}

fn normalise_body(body: &str) -> String {
    crate::text::normalise(body)
}

/// Whether two frames' clauses share enough of their content words to say
/// much the same thing: at least [`SAME_WORDS`], and a share of the
/// shorter clause's (long clauses share a word or two by chance).
fn says_much_the_same(left: &Frame, right: &Frame) -> bool {
    let common = shared(&left.terms, &right.terms);
    let shorter = left.terms.len().min(right.terms.len());
    common >= SAME_WORDS && common * SAME_SHARE_OF >= shorter
}

/// Whether the target of one frame is named as a target in the other's
/// sentence: "the terminal was attacked" and "the explosions at the
/// terminal were staged" are about one thing, though the frame that blames
/// is not the one that names it.
fn one_target((left, lf): (&Claim, &Frame), (right, rf): (&Claim, &Frame)) -> bool {
    let aimed_at =
        |frame: &Frame, other: &Claim| other.frames.iter().any(|f| same_target(&frame.target_terms, &f.target_terms));
    aimed_at(lf, right) || aimed_at(rf, left)
}

/// Whether two targets name one thing: two words in common, or all of a
/// one-word target ("the bridge"); "the same region" is not "an army
/// outpost in the Catatumbo region".
fn same_target(left: &[u32], right: &[u32]) -> bool {
    let common = shared(left, right);
    common >= SAME_WORDS || (common >= 1 && common == left.len().min(right.len()))
}

/// Whether a denial is aimed at something other than what an accusation
/// says was hit: both name a target, and the two share no word ("rockets
/// fired at a depot" against "no rocket hit the bridge"). A target
/// named by a place alone has no words, and is not judged: "hit Poland"
/// against "no strikes on targets near the border".
fn other_targets(accusation: &Frame, denial: &Frame) -> bool {
    !accusation.target_terms.is_empty()
        && !denial.target_terms.is_empty()
        && shared(&denial.target_terms, &accusation.target_terms) == 0
}

/// One content word in this many of the shorter clause must be shared.
const SAME_SHARE_OF: usize = 3;

/// How many words two sorted lists share.
fn shared(left: &[u32], right: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Words two frames must share to say much the same thing.
const SAME_WORDS: usize = 2;

fn relation_holds(
    corpus: &Corpus,
    relation: Relation,
    pair: (&Claim, &Frame, &Claim, &Frame),
    incident: Incident,
) -> bool {
    let (left, lf, right, rf) = pair;
    let gazetteer = &corpus.places.gazetteer;
    match relation {
        Relation::OriginWithinAffiliation => {
            let Some(origin) = lf.origin.or(lf.place) else { return false };
            let state = state_of(corpus, origin);
            let named = [rf.place, rf.origin, rf.agent.as_ref().and_then(|a| a.place)];
            rf.speaker.affiliation.is_some_and(|s| s == state)
                || named.into_iter().flatten().any(|p| state_of(corpus, p) == state)
        }
        // The accuser is not the accused: a state's own account of what it
        // does is no accusation of it.
        Relation::AccusedIsAffiliation => lf
            .agent
            .as_ref()
            .is_some_and(|agent| is_actor(corpus, agent, &rf.speaker) && !is_actor(corpus, agent, &lf.speaker)),
        Relation::SameAct => {
            // A frame of no family (a sentence's bare statement) is about
            // the same act only by what its words say.
            let family = |f: &Frame| corpus.frame_families[f.kind].as_deref();
            // Kindred acts, or an act and a rejection of the report of it,
            // are one act only when the blame says what was done ("accused
            // X of lending its airfields", "responsible for the attack on Y"):
            // "Moscow hit back" names no act a denial could answer. Nor are
            // two acts done to different things one act.
            let names_act = !lf.act.is_empty() || left.frames.iter().any(says_what_was_done);
            let kindred = family(lf).is_some() && family(lf) == family(rf) && names_act && !other_targets(lf, rf);
            lf.act.contains(&rf.kind)
                || kindred
                || (rf.rejects_report && family(lf).is_some() && names_act)
                || says_much_the_same(lf, rf)
        }
        // A place with no known state may lie inside a state named on the
        // other side ("a field near X" and "from Russia"): not told apart.
        // Two such places (two villages) are two places.
        Relation::OriginsDisjoint => match (lf.origin, rf.origin) {
            (Some(p), Some(q)) => {
                !gazetteer.within(p, q) && !gazetteer.within(q, p) && corpus.state_known(p) == corpus.state_known(q)
            }
            _ => false,
        },
        // One means is one event unless the two name different targets. In
        // reports of one incident, an act put with neither target nor means
        // ("the blasts were staged by the other side") is the incident's own.
        Relation::SameEvent => {
            lf.means.iter().any(|m| rf.means.contains(m)) && !other_targets(lf, rf)
                || says_much_the_same(lf, rf)
                || one_target((left, lf), (right, rf))
                || incident == Incident::Same
                    && [lf, rf].iter().any(|f| f.target_terms.is_empty() && f.means.is_empty())
        }
        Relation::SameTarget => same_target(&lf.target_terms, &rf.target_terms),
        Relation::BlameShifted => match (&lf.agent, &rf.agent) {
            (Some(accused), Some(blamed)) => {
                is_actor(corpus, accused, &rf.speaker)
                    && !same_actor(corpus, accused, blamed)
                    && is_actor(corpus, blamed, &lf.speaker)
            }
            _ => false,
        },
        Relation::MeansConflict => {
            if lf.means.is_empty() || rf.means.is_empty() {
                return false;
            }
            // Both must assert their means: a denial of who was behind a
            // drone strike does not deny the drone.
            lf.asserts() && rf.asserts() && !lf.means.iter().any(|m| rf.means.contains(m))
        }
    }
}

fn place_name(corpus: &Corpus, place: Option<PlaceId>) -> String {
    place.map_or_else(|| "an unnamed place".to_string(), |p| corpus.places.gazetteer.places[p].name.clone())
}

/// How a label says a frame's stance.
fn stance_verb(stance: Stance) -> &'static str {
    match stance {
        Stance::Affirmed => "says",
        Stance::Denied => "denies",
        Stance::Hedged => "suggests",
        Stance::Reported => "reports",
    }
}

fn label(corpus: &Corpus, claim: &Claim, frame: &Frame, primary: bool) -> Label {
    let place = frame.origin.or(frame.place).map(|p| format!(" ({})", place_name(corpus, Some(p)))).unwrap_or_default();
    Label {
        doc: claim.doc,
        span: claim.sentence.clone(),
        text: format!(
            "{}: {} {}{place}",
            frame.speaker.label,
            stance_verb(frame.stance),
            corpus.frame_names[frame.kind]
        ),
        primary,
    }
}

/// The frame pairs of two claims that match a rule's patterns and
/// relations. Of articles only related (see [`Incident::Related`]), the
/// two frames must themselves say much the same, or the target of one be
/// named as a target in the other's sentence ("the terminal was attacked"
/// against "the explosions at the terminal were staged").
fn frame_pairs<'c>(
    corpus: &Corpus,
    (left, right): (&'c Claim, &'c Claim),
    (lp, rp): (&ClaimPattern, &ClaimPattern),
    relations: &[Relation],
    incident: Incident,
) -> Vec<Facts> {
    let fitting = |pattern, claim: &'c Claim| claim.frames.iter().filter(move |f| fits(pattern, f));
    let mut found = Vec::new();
    for lf in fitting(lp, left) {
        for rf in fitting(rp, right) {
            // One source does not contradict itself. Two outlets' unnamed
            // "officials", for no state, are two sources.
            let unnamed = |f: &Frame| f.speaker.kind == SourceKind::Unnamed && f.speaker.affiliation.is_none();
            let apart = left.doc != right.doc && unnamed(lf) && unnamed(rf);
            if !apart && corpus.same_speaker(&lf.speaker.key, &rf.speaker.key) {
                continue;
            }
            if !relations.iter().all(|r| relation_holds(corpus, *r, (left, lf, right, rf), incident)) {
                continue;
            }
            // A standing denial about a territory ("our soil will never be
            // used") answers any report of an act from it, whatever incident
            // it belongs to; one about no place ("never had any programme
            // to develop ...") answers only reports saying much the same.
            let standing = rf.stance == Stance::Denied && (rf.always || rf.commitment);
            let close = says_much_the_same(lf, rf) || one_target((left, lf), (right, rf));
            let territorial = rf.place.is_some() || rf.origin.is_some();
            let met = match incident {
                Incident::Same => true,
                Incident::Related => close || standing,
                Incident::Different => standing && (territorial || close),
            };
            if !met {
                continue;
            }
            let text = |claim: &Claim, span: &std::ops::Range<usize>| {
                corpus.documents[claim.doc].text[span.clone()].to_string()
            };
            let mut facts = Facts::default();
            common_values(corpus, left, right, &mut facts);
            facts.values.insert("left.source", lf.speaker.label.to_string());
            facts.values.insert("right.source", rf.speaker.label.to_string());
            facts.values.insert("left.gist", text(left, &lf.gist));
            facts.values.insert("right.gist", text(right, &rf.gist));
            facts.values.insert("left.place", place_name(corpus, lf.origin.or(lf.place)));
            facts.values.insert(
                "left.place.root",
                place_name(corpus, lf.origin.or(lf.place).map(|p| corpus.places.gazetteer.root(p))),
            );
            facts.values.insert("right.place", place_name(corpus, rf.origin.or(rf.place)));
            facts.values.insert(
                "left.agent",
                lf.agent.as_ref().map_or_else(|| "an unnamed party".to_string(), |a| text(left, &a.words)),
            );
            facts.values.insert("left.cue", text(left, &lf.cue));
            facts
                .values
                .insert("left.event", lf.event.as_ref().map_or_else(|| "operation".to_string(), |e| text(left, e)));
            facts.right_commitment = rf.commitment && !rf.always;
            facts.hedged = lf.stance == Stance::Hedged || rf.stance == Stance::Hedged;
            facts.reported = lf.stance == Stance::Reported || lf.speaker.via_unnamed || rf.speaker.via_unnamed;
            facts.covers_past = rf.always;
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

fn quantity_pairs(corpus: &Corpus, left: &Claim, right: &Claim, tolerance: f64, stable: &[String]) -> Vec<Facts> {
    if left.doc == right.doc {
        return Vec::new();
    }
    let mut found = Vec::new();
    for lq in left.quantities.iter().filter(|q| !q.updated) {
        let one_holder = |q: &&Quantity| lq.holder.is_none() || q.holder.is_none() || q.holder == lq.holder;
        for rq in right.quantities.iter().filter(|q| q.same_measure(lq) && !q.updated).filter(one_holder) {
            // Two figures agree when the values each allows meet: "at least
            // 500" and "more than 300" do, 19 km and 12 miles do.
            let ((low, high), (other_low, other_high)) = (lq.interval(tolerance), rq.interval(tolerance));
            if low <= other_high && other_low <= high {
                continue;
            }
            let text = |claim: &Claim, q: &Quantity| corpus.documents[claim.doc].text[q.span.clone()].to_string();
            let mut facts = Facts::default();
            common_values(corpus, left, right, &mut facts);
            facts.values.insert("left.source", left.speaker.label.to_string());
            facts.values.insert("right.source", right.speaker.label.to_string());
            facts.values.insert("left.quantity", text(left, lq));
            facts.values.insert("right.quantity", text(right, rq));
            let (dimension, measure) = lq.measure.split_once(':').unwrap_or(("", lq.measure.as_str()));
            facts.values.insert("measure", measure.to_string());
            facts.covers_past = stable.iter().any(|s| s == dimension);
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

/// The two articles are at most a month apart, or either is undated.
pub(super) fn close_in_time(corpus: &Corpus, left: &Claim, right: &Claim) -> bool {
    match (corpus.documents[left.doc].meta.date, corpus.documents[right.doc].meta.date) {
        (Some(a), Some(b)) => a.days_between(b) <= SAME_STORY_DAYS,
        _ => true,
    }
}

/// Articles further apart than this rarely report one story.
const SAME_STORY_DAYS: i64 = 31;
