//! Event frames: what each clause says happened, where, by whom and with
//! what, and how firmly its source puts it.
//!
//! A frame is evoked by a cue from the lexicon at a word of the sentence
//! ("took off", "air base", "responsible", "accused"); a sentence has as
//! many as it has such words, one clause each. Its arguments are read from
//! the dependency tree around that word (see [`super::arguments`]), its
//! stance from the words that govern it (see [`super::stance`]), and its
//! source from the verb of saying whose complement it is.

use std::ops::Range;

use super::arguments::{self, Actor};
use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::speaker::Speaker;
use super::stance::{self, Reading, Stance};
use super::syntax::{Dep, Tag};
use crate::lexicon::{ArgumentRole, Cue, Gazetteer, Lexicon, PlaceId};

/// One event frame in a sentence.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    /// Index into `Lexicon::frames`.
    pub kind: usize,
    /// Bytes of the cue, with the auxiliaries before it ("had taken off").
    pub cue: Range<usize>,
    /// Bytes of the clause that carries the frame, for messages.
    pub gist: Range<usize>,
    pub stance: Stance,
    /// A promise about the future ("will not allow"), not a report of fact.
    pub commitment: bool,
    /// A denial that reaches back over the past ("has never allowed").
    pub always: bool,
    /// Who puts the frame so.
    pub speaker: Speaker,
    /// Who acted: the accused of an accusation, the attacker of an attack.
    pub agent: Option<Actor>,
    /// Where it came from.
    pub origin: Option<PlaceId>,
    /// Where it happened, or whose territory it concerns.
    pub place: Option<PlaceId>,
    /// Bytes of what it was aimed at ("the Crimean Bridge").
    pub target: Option<Range<usize>>,
    /// The target's content words, hashed and sorted.
    pub target_terms: Vec<u32>,
    /// Kinds of means named in the clause (`Lexicon::means`), sorted.
    pub means: Vec<usize>,
    /// Bytes of the thing the event is about ("the drone"), if named.
    pub event: Option<Range<usize>>,
    /// The clause's content words, hashed and sorted, for telling whether
    /// two frames say the same thing.
    pub terms: Vec<u32>,
    /// For an accusation, the kinds of the frames in what it accuses of.
    pub act: Vec<usize>,
    /// The denial rejects a report or an accusation named as such
    /// ("rejects the US claim"), not a clause: what it denies is whatever
    /// that report said.
    pub rejects_report: bool,
}

impl Frame {
    /// Whether the frame is put as fact, possible or reported: anything but
    /// denied.
    #[must_use]
    pub fn asserts(&self) -> bool {
        self.stance != Stance::Denied
    }
}

/// The sentence-level facts frames need.
pub struct Sentence<'a> {
    pub view: &'a SentenceView,
    pub parsed: &'a Parsed,
    pub text: &'a str,
    pub lexicon: &'a Lexicon,
    pub places: &'a Gazetteer,
    /// The speaker of the sentence's statement.
    pub speaker: &'a Speaker,
    /// The tokens naming that speaker: no frame is read inside them.
    pub source_tokens: Option<Range<usize>>,
}

/// Longest gist, in tokens, before it is cut short.
const MAX_GIST_TOKENS: usize = 30;

/// The frames of one sentence. `speaker_of` gives the source of a frame
/// governed by a verb of saying other than the statement's.
pub fn find_frames(
    sentence: &Sentence,
    statement: Option<(usize, &Reading)>,
    mut speaker_of: impl FnMut(usize) -> Option<Speaker>,
) -> Vec<Frame> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let mut frames: Vec<Frame> = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut predicates: Vec<usize> = Vec::new();
    for hit in &view.hits {
        let Cue::Frame(kind) = hit.cue else { continue };
        if sentence.source_tokens.as_ref().is_some_and(|s| s.contains(&hit.tokens.start)) {
            continue;
        }
        let Some(anchor) = anchor(parsed, view, hit.tokens.clone()) else { continue };
        if seen.contains(&(kind, anchor)) || is_another_verb(parsed, anchor, &hit.tokens) {
            continue;
        }
        seen.push((kind, anchor));
        let predicate = predicate_of(parsed, anchor);
        if pledges_prevention(parsed, view, predicate) {
            continue;
        }
        predicates.push(predicate);
        let reading = stance::read(parsed, view, predicate);
        if presupposed(parsed, view, predicate, &reading) {
            continue;
        }
        let speaker = reading.governor.and_then(&mut speaker_of).unwrap_or_else(|| sentence.speaker.clone());
        let found = frame(sentence, kind, hit.tokens.clone(), predicate, &reading, speaker);
        let needs = &sentence.lexicon.frames[kind];
        if needs.needs_place && found.place.is_none() && found.origin.is_none() {
            continue;
        }
        if needs.needs_actor
            && (found.agent.is_none() && names_a_deed(parsed, predicate) || about_no_act(sentence, anchor, predicate))
        {
            continue;
        }
        frames.push(found);
    }
    // What the sentence states is a frame of its own when no cue marked it.
    if let (Some((content, reading)), Some(kind)) = (statement, sentence.lexicon.frame_index("statement")) {
        // A verb of saying that says nothing more states nothing but that
        // it was said.
        let only_said = parsed.is(view, content, |c| c == Cue::Say) && reading.stance != Stance::Denied;
        // A noun with no subject ("Kyrgyz envoy: ..." in a headline)
        // names something; it states nothing.
        let predicate = !parsed.is_empty() && (parsed.tag(content).is_verbal() || parsed.subject(content).is_some());
        if !predicates.contains(&content) && predicate && !only_said {
            let cue = parsed.token_of[content]..parsed.token_of[content] + 1;
            frames.push(frame(sentence, kind, cue, content, reading, sentence.speaker.clone()));
        }
    }
    link_accusations(sentence, &mut frames);
    frames
}

/// Whether a frame of who is behind an act names, as the act, something
/// that is none ("the trade ties have nothing to do with the border
/// dispute"): a phrase opened by a preposition of means ("with"), under
/// the cue or its predicate, that evokes no event and names no means. A
/// pronoun ("nothing to do with it") may stand for one; what someone is
/// "responsible for" is a deed whatever its words.
fn about_no_act(sentence: &Sentence, anchor: usize, predicate: usize) -> bool {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let deed = [anchor, predicate]
        .into_iter()
        .flat_map(|w| parsed.children(w))
        .find(|&c| arguments::role_of(sentence, c) == Some(ArgumentRole::Means));
    deed.is_some_and(|deed| {
        parsed.tag(deed) != Tag::Pron
            && view.find(parsed.tokens_of(deed), |c| matches!(c, Cue::Frame(_) | Cue::Means(_))).is_none()
    })
}

/// Whether a clause's subject is a deed rather than a doer: a noun
/// with a clause of its own ("the decision to establish ties", "the move
/// to close the border").
fn names_a_deed(parsed: &Parsed, predicate: usize) -> bool {
    parsed.child_in(predicate, &[Dep::Nsubj]).is_some_and(|subject| {
        parsed.tag(subject) == Tag::Noun && parsed.child_in(subject, &[Dep::Acl, Dep::AclRelcl]).is_some()
    })
}

/// Whether a frame is an event named in passing by a clause that says
/// there is none of something else: "had nothing to do with the attack",
/// "no one was hurt in the blast" deny a role or a harm, not that the
/// attack or the blast took place ("never let drones fly from its
/// territory" does deny the use of its territory).
fn presupposed(parsed: &Parsed, view: &SentenceView, predicate: usize, reading: &Reading) -> bool {
    reading.stance == Stance::Denied
        && parsed.tag(predicate) == Tag::Noun
        && parsed.dep(predicate) == Dep::Obl
        && !parsed.negated(view, predicate)
        && parsed.head(predicate).is_some_and(|clause| parsed.negated_by_participant(view, clause))
}

/// Whether a cue verb is used as part of another verb: with a particle the
/// cue leaves out ("brought up speculations", "made up") or as a light
/// verb before an adjective ("made it clear", "made sure").
fn is_another_verb(parsed: &Parsed, word: usize, cue: &Range<usize>) -> bool {
    parsed.tag(word).is_verbal()
        && parsed.children(word).any(|c| match parsed.dep(c) {
            Dep::CompoundPrt => !cue.contains(&parsed.token_of[c]),
            Dep::Xcomp => parsed.tag(c) == Tag::Adj,
            _ => false,
        })
}

/// Whether a cue's word, with no object of its own, governs a clause of
/// stopping ("is committed to preventing any attack", "was responsible for
/// stopping the raids"): what it takes on is the prevention, and the act
/// named is one that is not to happen, not one done.
fn pledges_prevention(parsed: &Parsed, view: &SentenceView, predicate: usize) -> bool {
    let clause = |c: usize| matches!(parsed.dep(c), Dep::Xcomp | Dep::Advcl | Dep::Ccomp | Dep::Acl | Dep::Obl);
    parsed.child_in(predicate, &[Dep::Obj]).is_none()
        && parsed.children(predicate).any(|c| clause(c) && parsed.is(view, c, |cue| cue == Cue::Prevent))
}

/// The word a cue's frame is read at: its first word that is not a
/// preposition or particle, else its first.
fn anchor(parsed: &Parsed, view: &SentenceView, tokens: Range<usize>) -> Option<usize> {
    if parsed.is_empty() || tokens.start >= view.tokens.len() {
        return None;
    }
    let words = tokens.clone().map(|t| parsed.word_of[t]);
    let content = words.clone().find(|&w| !matches!(parsed.tag(w), Tag::Adp | Tag::Part | Tag::Det));
    content.or_else(|| words.clone().next())
}

/// The word whose clause a frame is: the cue itself; for a preposition
/// or particle that carries the meaning ("X was behind the attacks"), the
/// word it hangs from; for a cue that only says what an object is
/// ("had nothing to do with the blast"), the verb taking that object,
/// whose subject and negation are the frame's.
fn predicate_of(parsed: &Parsed, anchor: usize) -> usize {
    match parsed.tag(anchor) {
        Tag::Adp | Tag::Part if parsed.dep(anchor) == Dep::Case => parsed.head(anchor).unwrap_or(anchor),
        Tag::Verb if parsed.dep(anchor) == Dep::Acl => parsed
            .head(anchor)
            .filter(|&object| parsed.dep(object) == Dep::Obj && parsed.tag(object) == Tag::Pron)
            .and_then(|object| parsed.head(object))
            .unwrap_or(anchor),
        _ => anchor,
    }
}

fn frame(
    sentence: &Sentence,
    kind: usize,
    cue_tokens: Range<usize>,
    predicate: usize,
    reading: &Reading,
    speaker: Speaker,
) -> Frame {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let args = arguments::read(sentence, predicate, &speaker);
    let clause = parsed.tokens_of(predicate);
    Frame {
        kind,
        cue: view.byte_span(with_auxiliaries(parsed, predicate, cue_tokens)),
        gist: view.byte_span(gist(view, parsed, clause_tokens(parsed, clause_word(parsed, predicate)))),
        stance: reading.stance,
        commitment: reading.commitment,
        always: reading.always,
        speaker,
        agent: args.agent,
        origin: args.origin,
        place: args.place,
        target_terms: args.target.clone().map(|t| arguments::terms(sentence, t)).unwrap_or_default(),
        target: args.target.map(|t| view.byte_span(t)),
        means: args.means,
        event: args.event.map(|e| view.byte_span(e)),
        terms: arguments::terms(sentence, clause),
        act: Vec::new(),
        rejects_report: reading.stance == Stance::Denied
            && (parsed.is(view, predicate, |c| c == Cue::SpeechNoun)
                || sentence.lexicon.frames[kind].name == "accusation" && parsed.tag(predicate) == Tag::Noun)
            && parsed.child_in(predicate, &[Dep::Acl, Dep::Ccomp, Dep::AclRelcl]).is_none(),
    }
}

/// A cue with the auxiliaries the tree gives its word, so messages read
/// "had taken off from" rather than "taken off from".
fn with_auxiliaries(parsed: &Parsed, predicate: usize, cue: Range<usize>) -> Range<usize> {
    let first_aux = parsed
        .children(predicate)
        .filter(|&c| matches!(parsed.dep(c), Dep::Aux | Dep::AuxPass) && c < predicate)
        .map(|c| parsed.token_of[c])
        .min();
    let start = first_aux.filter(|&t| t < cue.start && cue.start - t <= 3).unwrap_or(cue.start);
    start..cue.end
}

/// The word heading the clause a frame's word is in: the word itself if
/// it is a verb, else the nearest verb above it, so a frame read from a
/// noun ("its territory would not be used") quotes its clause, not the
/// noun phrase.
fn clause_word(parsed: &Parsed, predicate: usize) -> usize {
    let mut word = predicate;
    while !parsed.tag(word).is_verbal() {
        match parsed.head(word) {
            Some(head) => word = head,
            None => return predicate,
        }
    }
    word
}

/// The tokens of the clause `word` heads, without the word that marks it
/// as said ("that the drone had taken off" reads "the drone had taken
/// off").
fn clause_tokens(parsed: &Parsed, word: usize) -> Range<usize> {
    let tokens = parsed.tokens_of(word);
    let marker = parsed.children(word).next().filter(|&c| parsed.dep(c) == Dep::Mark);
    match marker.map(|m| parsed.token_of[m]) {
        Some(token) if token == tokens.start && token + 1 < tokens.end => token + 1..tokens.end,
        _ => tokens,
    }
}

/// The tokens of a clause, cut to a readable length and without
/// punctuation at the end.
fn gist(view: &SentenceView, parsed: &Parsed, clause: Range<usize>) -> Range<usize> {
    let cut = clause.end > clause.start + MAX_GIST_TOKENS;
    let mut end = clause.end.min(clause.start + MAX_GIST_TOKENS);
    // Cut short, a clause ends on a word that opens no phrase ("an air
    // base", not "an air base in").
    let dangling = |token: usize| {
        cut && matches!(parsed.tag(parsed.word_of[token]), Tag::Adp | Tag::Det | Tag::Cconj | Tag::Sconj | Tag::Part)
    };
    while end > clause.start + 1
        && (dangling(end - 1) || !view.tokens[end - 1].is_word && view.tokens[end - 1].norm != "\"")
    {
        end -= 1;
    }
    clause.start..end
}

/// An accusation accuses of the frames in its complement ("accused Iran
/// of being behind the attack"), whose actor, where they name none, is
/// the accused.
fn link_accusations(sentence: &Sentence, frames: &mut [Frame]) {
    let accusation = sentence.lexicon.frame_index("accusation");
    let starts: Vec<(usize, usize, usize)> = frames.iter().enumerate().map(|(i, f)| (i, f.kind, f.cue.start)).collect();
    for index in 0..frames.len() {
        if Some(frames[index].kind) != accusation {
            continue;
        }
        let (cue_start, gist) = (frames[index].cue.start, frames[index].gist.clone());
        let accused = frames[index].agent.clone();
        let acts: Vec<usize> = starts
            .iter()
            .filter(|(i, kind, start)| {
                *i != index && Some(*kind) != accusation && *start > cue_start && gist.contains(start)
            })
            .map(|(i, _, _)| *i)
            .collect();
        frames[index].act = acts.iter().map(|&i| frames[i].kind).collect();
        for i in acts {
            if frames[i].agent.is_none() {
                frames[i].agent.clone_from(&accused);
            }
        }
    }
}
