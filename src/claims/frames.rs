//! Event frames: what a clause says happened, where, and how firmly.
//!
//! A frame is evoked by a cue from the lexicon ("took off from", "military
//! base", "accused"). Its polarity comes from negation or a denying verb in
//! its clause, its modality from future auxiliaries (a commitment) and
//! hedges, its place from where the lexicon says the frame's argument sits.

use std::ops::Range;

use super::sentence::SentenceView;
use super::speaker::Speaker;
use crate::lexicon::{Argument, Cue, Gazetteer, Lexicon, PlaceForm, PlaceId};

/// Whether a clause affirms or denies its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Polarity {
    Affirmed,
    Denied,
}

impl Polarity {
    /// The name rule files use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Affirmed => "affirmed",
            Self::Denied => "denied",
        }
    }
}

/// How firmly a frame is put.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Modality {
    /// A promise about the future ("will not allow"), not a report of fact.
    pub commitment: bool,
    /// Hedged: alleged, rumoured, "may have".
    pub hedged: bool,
    /// Reported through others ("quoted unnamed sources as saying").
    pub reported: bool,
}

/// One event frame in a sentence.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    /// Index into `Lexicon::frames`.
    pub kind: usize,
    /// Bytes of the cue.
    pub cue: Range<usize>,
    /// Bytes of the clause that carries the frame, for messages.
    pub gist: Range<usize>,
    /// The frame's place argument: where it came from, whose territory.
    pub place: Option<PlaceId>,
    /// Who acts: the accuser of an accusation.
    pub agent: Option<PlaceId>,
    /// Bytes of the noun the event is about ("drone"), if named.
    pub event: Option<Range<usize>>,
    /// Folded event noun, for telling events apart.
    pub event_noun: Option<String>,
    pub polarity: Polarity,
    /// Denied only by the attributing verb ("which the minister rejected"): the
    /// gist is the claim rejected, not the speaker's own words.
    pub denied_by_verb: bool,
    pub modality: Modality,
    /// Kinds of the frames an accusation accuses of ("providing a base").
    pub act: Vec<usize>,
}

/// Longest gist, in tokens, before it is cut short.
const MAX_GIST_TOKENS: usize = 28;

/// The frames of one sentence.
#[must_use]
pub fn find_frames(view: &SentenceView, lexicon: &Lexicon, gazetteer: &Gazetteer, speaker: &Speaker) -> Vec<Frame> {
    let cues = distinct_cues(view);
    let hedge = view.find(0..view.tokens.len(), |c| c == Cue::Hedge).is_some();
    let reported = speaker.via_unnamed;
    let mut frames: Vec<Frame> = Vec::new();
    for (kind, cue) in &cues {
        let clause = view.clause_around(cue.start);
        if frames.iter().any(|f| f.kind == *kind && view.byte_span(clause.clone()).contains(&f.cue.start)) {
            continue;
        }
        let scope = scope(view, cue, &clause);
        let negated = view.find(scope.clone(), |c| matches!(c, Cue::Negator | Cue::False)).is_some();
        let denied_by_verb = !negated && governed_by_denial(view, cue.start);
        let polarity = if negated || denied_by_verb { Polarity::Denied } else { Polarity::Affirmed };
        let future = view.find(scope.clone(), |c| c == Cue::Future).is_some();
        let modality = Modality {
            commitment: future && polarity == Polarity::Denied,
            hedged: hedge && polarity == Polarity::Affirmed,
            reported,
        };
        let event =
            view.hits.iter().rfind(|h| h.cue == Cue::EventNoun && h.tokens.end <= cue.start).map(|h| h.tokens.clone());
        frames.push(Frame {
            kind: *kind,
            cue: view.byte_span(with_auxiliaries(view, cue)),
            denied_by_verb,
            gist: view.byte_span(gist(view, scope.start, scope.end, cue)),
            place: argument(view, lexicon.frames[*kind].argument, clause.clone(), cue, gazetteer, speaker),
            agent: agent_before(view, cue.start).or(speaker.affiliation),
            event_noun: event.as_ref().map(|e| singular(&view.tokens[e.start].norm)),
            event: event.map(|e| view.byte_span(e)),
            polarity,
            modality,
            act: Vec::new(),
        });
    }
    let kinds: Vec<(usize, usize)> = frames.iter().map(|f| (f.kind, f.cue.start)).collect();
    for frame in &mut frames {
        frame.act =
            kinds.iter().filter(|(k, start)| *k != frame.kind && *start > frame.cue.start).map(|(k, _)| *k).collect();
    }
    frames
}

/// Whether token `index` starts a new proposition: a complementiser, a
/// relative pronoun, a comma, speech marks or an attribution verb.
fn is_boundary(view: &SentenceView, index: usize) -> bool {
    matches!(view.tokens[index].norm.as_str(), "that" | "," | ";" | "which" | "who" | "whom" | "whose")
        || view.is_speech_mark(index)
        || is_attribution(view, index)
}

fn is_attribution(view: &SentenceView, index: usize) -> bool {
    !view.quoted[index]
        && !view.tokens[index].capitalised
        && view.covered_by(index, |c| matches!(c, Cue::Say | Cue::Deny | Cue::Quoting))
}

/// The words a negation must sit in to negate the cue: from the last
/// boundary before it to the first after it, within the clause.
fn scope(view: &SentenceView, cue: &Range<usize>, clause: &Range<usize>) -> Range<usize> {
    let start = (clause.start..cue.start).rev().find(|&i| is_boundary(view, i)).map_or(clause.start, |i| i + 1);
    let end = (cue.end..clause.end).find(|&i| is_boundary(view, i)).unwrap_or(clause.end);
    start..end
}

/// Whether a denying verb ("rejected", "denied") governs the cue: no other
/// attribution verb stands between them ("rejected reports that X, and
/// said Y" denies X but not Y).
fn governed_by_denial(view: &SentenceView, cue: usize) -> bool {
    let denials = (0..view.tokens.len()).filter(|&i| is_attribution(view, i) && view.covered_by(i, |c| c == Cue::Deny));
    denials.into_iter().any(|verb| {
        let between = if verb < cue { verb + 1..cue } else { cue + 1..verb };
        !between.into_iter().any(|i| is_attribution(view, i))
    })
}

/// Frame cues without nested repeats: "military base" wins over "base".
fn distinct_cues(view: &SentenceView) -> Vec<(usize, Range<usize>)> {
    let mut cues: Vec<(usize, Range<usize>)> = Vec::new();
    for hit in &view.hits {
        let Cue::Frame(kind) = hit.cue else { continue };
        if let Some(last) =
            cues.iter_mut().find(|(k, r)| *k == kind && r.start < hit.tokens.end && hit.tokens.start < r.end)
        {
            if hit.tokens.len() > last.1.len() {
                last.1 = hit.tokens.clone();
            }
            continue;
        }
        cues.push((kind, hit.tokens.clone()));
    }
    cues
}

/// A cue with the auxiliaries before it, so messages read "had taken off
/// from" rather than "taken off from".
fn with_auxiliaries(view: &SentenceView, cue: &Range<usize>) -> Range<usize> {
    let mut start = cue.start;
    while start > 0
        && matches!(
            view.tokens[start - 1].norm.as_str(),
            "had" | "has" | "have" | "was" | "were" | "is" | "are" | "been" | "being"
        )
    {
        start -= 1;
    }
    start..cue.end
}

/// The words that carry the frame: its scope, cut to a readable length.
fn gist(view: &SentenceView, start: usize, scope_end: usize, cue: &Range<usize>) -> Range<usize> {
    let mut end = scope_end;
    while end > start && !view.tokens[end - 1].is_word {
        end -= 1;
    }
    // Keep scare quotes whole: `for "Israel."`, not `for "Israel`.
    let open_marks = view.tokens[start..end].iter().filter(|t| t.norm == "\"").count();
    if open_marks % 2 == 1 {
        if let Some(close) = (end..(end + 2).min(view.tokens.len())).find(|&i| view.tokens[i].norm == "\"") {
            end = close + 1;
        }
    }
    if end - start > MAX_GIST_TOKENS {
        end = (cue.end + 6).min(end).max(start + 1);
    }
    start..end
}

fn argument(
    view: &SentenceView,
    argument: Argument,
    clause: Range<usize>,
    cue: &Range<usize>,
    gazetteer: &Gazetteer,
    speaker: &Speaker,
) -> Option<PlaceId> {
    let after = view.places.iter().filter(|m| m.tokens.start >= cue.end && m.tokens.end <= clause.end);
    match argument {
        Argument::Nearest => after.map(|m| m.place).next(),
        Argument::Deepest => after
            .enumerate()
            .max_by_key(|(order, m)| (gazetteer.depth(m.place), std::cmp::Reverse(*order)))
            .map(|(_, m)| m.place),
        Argument::Clause => {
            let owned = cue.start > 0 && view.covered_by(cue.start - 1, |c| c == Cue::Own);
            if owned {
                return speaker.affiliation;
            }
            // "Romanian bases", "Moldova's territory"
            if let Some(owner) = cue.start.checked_sub(1).and_then(|i| view.place_at(i)) {
                return Some(owner.place);
            }
            // "airbases in Romania", "the territory of Poland"
            let located = view.places.iter().find(|m| {
                m.tokens.start >= cue.end
                    && m.tokens.start <= cue.end + 2
                    && m.tokens.end <= clause.end
                    && (cue.end..m.tokens.start).any(|i| matches!(view.tokens[i].norm.as_str(), "in" | "of" | "on"))
            });
            if let Some(mention) = located {
                return Some(mention.place);
            }
            let in_clause = view.places.iter().filter(|m| m.tokens.start >= clause.start && m.tokens.end <= clause.end);
            in_clause.min_by_key(|m| (m.form == PlaceForm::Demonym, m.tokens.start)).map(|m| m.place)
        }
    }
}

/// The place named as the subject right before a cue: "Iran accused".
fn agent_before(view: &SentenceView, cue_start: usize) -> Option<PlaceId> {
    let mention = view.places.iter().rev().find(|m| m.tokens.end <= cue_start && cue_start - m.tokens.end <= 2)?;
    (mention.form != PlaceForm::Demonym).then_some(mention.place)
}

/// A crude singular, enough to match "drones" with "drone".
#[must_use]
pub fn singular(word: &str) -> String {
    word.strip_suffix('s').filter(|w| w.len() > 2).unwrap_or(word).to_string()
}
