//! A frame's arguments, read from the dependency tree around its word: who
//! acted (the subject, or the agent of a passive; a state's adjective or
//! possessive on the weapon or the actor), where from, where, what at and
//! with what (the phrases its prepositions open), and the clause's content
//! words.

use std::ops::Range;
use std::sync::Arc;

use super::frames::Sentence;
use super::source;
use super::speaker::Speaker;
use super::syntax::{Dep, Tag};
use crate::lexicon::{ArgumentRole, Cue, PlaceForm, PlaceId};
use crate::text::{fnv1a, normalise};

/// Who acted: a state, a body, or only the words that name them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    /// The state, as its root in the gazetteer.
    pub place: Option<PlaceId>,
    /// A body other than a state: "Hamas", "the World Health Organization".
    pub body: Option<Arc<str>>,
    /// Bytes of the words that name the actor.
    pub words: Range<usize>,
}

/// A frame's arguments, in tokens.
#[derive(Debug, Default)]
pub struct Arguments {
    pub agent: Option<Actor>,
    pub origin: Option<PlaceId>,
    pub place: Option<PlaceId>,
    pub target: Option<Range<usize>>,
    pub means: Vec<usize>,
    pub event: Option<Range<usize>>,
}

/// Reads the arguments of the frame whose clause `predicate` heads.
pub fn read(sentence: &Sentence, predicate: usize, speaker: &Speaker) -> Arguments {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let mut args = Arguments::default();
    let passive = parsed.children(predicate).any(|c| matches!(parsed.dep(c), Dep::NsubjPass | Dep::AuxPass));
    let accuses = parsed.is(view, predicate, |c| c == Cue::Accuse);
    // "the ship was damaged by a mine": when the weapon is the agent, what
    // the clause is about is what it hit, whatever that is.
    let weapon_acts = parsed.children(predicate).any(|c| parsed.dep(c) == Dep::OblAgent && is_means(sentence, c));
    for child in parsed.children(predicate) {
        let dep = parsed.dep(child);
        match role_of(sentence, child) {
            Some(ArgumentRole::Origin) => args.origin = args.origin.or_else(|| deepest_place(sentence, child)),
            Some(ArgumentRole::Location) => args.place = args.place.or_else(|| deepest_place(sentence, child)),
            Some(ArgumentRole::Target | ArgumentRole::Destination) => {
                args.target.get_or_insert_with(|| parsed.tokens_of(child));
            }
            Some(ArgumentRole::Agent) if passive || parsed.tag(predicate) == Tag::Noun => {
                args.agent = actor(sentence, child, speaker);
            }
            // What the blamed party is blamed for is what the blame is aimed
            // at, so that a denial of that deed answers it.
            Some(ArgumentRole::Deed) if accuses => {
                args.target.get_or_insert_with(|| parsed.tokens_of(child));
            }
            _ => {}
        }
        match dep {
            Dep::OblAgent => args.agent = actor(sentence, child, speaker),
            Dep::Nsubj if !passive && !accuses => subject(sentence, child, speaker, &mut args),
            Dep::Obj | Dep::NsubjPass if accuses => args.agent = actor(sentence, child, speaker),
            Dep::NsubjPass | Dep::Obj => {
                if is_means(sentence, child) && !weapon_acts {
                    args.event.get_or_insert_with(|| parsed.tokens_of(child));
                    args.target = args.target.take().or_else(|| aimed_at(sentence, child));
                    args.agent = args.agent.take().or_else(|| owner(sentence, child, speaker, &mut args.origin));
                } else if parsed.tag(child) != Tag::Pron {
                    // "had nothing to do with it": a pronoun names no target.
                    args.target.get_or_insert_with(|| parsed.tokens_of(child));
                }
            }
            Dep::NmodPoss | Dep::Amod | Dep::Compound if parsed.tag(predicate) == Tag::Noun => {
                let place = state_named(sentence, child, speaker);
                if parsed.is(view, predicate, |c| is_territory(sentence, c)) {
                    args.place = args.place.or(place);
                } else if args.agent.is_none() && place.is_some() {
                    args.agent = actor(sentence, child, speaker);
                }
            }
            _ => {}
        }
    }
    // "X attempted to strike Y", "X is watching and has nothing to do with
    // it": a verb with no subject of its own, completing or joined to
    // another, acts through that verb's subject, unless an object stands
    // between ("urged Y to strike"); a passive one takes it as what was
    // acted on, not as the actor.
    let passive = parsed.child_in(predicate, &[Dep::AuxPass]).is_some();
    let shares_subject = match parsed.dep(predicate) {
        _ if passive => None,
        Dep::Xcomp => parsed.head(predicate).filter(|&h| parsed.child_in(h, &[Dep::Obj, Dep::Iobj]).is_none()),
        Dep::Conj => parsed.head(predicate).filter(|&h| parsed.tag(h).is_verbal()),
        _ => None,
    };
    if args.agent.is_none() && parsed.tag(predicate).is_verbal() && parsed.subject(predicate).is_none() {
        if let Some(actor) = shares_subject.and_then(|h| parsed.child_in(h, &[Dep::Nsubj])) {
            subject(sentence, actor, speaker, &mut args);
        }
    }
    if parsed.is(view, predicate, |c| matches!(c, Cue::Frame(_))) && args.origin.is_none() {
        // "Kenya-based gunmen", "Iranian-made drones": the state before the
        // cue word ending says where from.
        args.origin = origin_by_ending(sentence, predicate);
    }
    args.means = means_in(sentence, predicate);
    args
}

/// The role the preposition opening a dependent gives it.
pub(super) fn role_of(sentence: &Sentence, word: usize) -> Option<ArgumentRole> {
    let parsed = sentence.parsed;
    if !matches!(parsed.dep(word), Dep::Obl | Dep::Nmod | Dep::Advcl | Dep::OblAgent) {
        return None;
    }
    let case = parsed.child_in(word, &[Dep::Case, Dep::Mark])?;
    let mut phrase = sentence.view.tokens[parsed.token_of[case]].norm.to_string();
    for fixed in parsed.children(case).filter(|&c| parsed.dep(c) == Dep::Fixed) {
        phrase.push(' ');
        phrase.push_str(&sentence.view.tokens[parsed.token_of[fixed]].norm);
    }
    sentence.lexicon.roles.get(&phrase).copied()
}

/// What a weapon's own phrase says it was aimed at: in "fired rockets at a
/// depot" the parse may hang "at a depot" on the rockets, though it is
/// where the firing was aimed.
fn aimed_at(sentence: &Sentence, weapon: usize) -> Option<Range<usize>> {
    let parsed = sentence.parsed;
    parsed
        .children(weapon)
        .find(|&c| matches!(role_of(sentence, c), Some(ArgumentRole::Target | ArgumentRole::Destination)))
        .map(|c| parsed.tokens_of(c))
}

/// An active subject: the actor, or the weapon the event is about ("the
/// drone took off"), whose owner is then the actor ("Russian missiles").
fn subject(sentence: &Sentence, word: usize, speaker: &Speaker, args: &mut Arguments) {
    if is_means(sentence, word) {
        args.event.get_or_insert_with(|| sentence.parsed.tokens_of(word));
        if args.agent.is_none() {
            args.agent = owner(sentence, word, speaker, &mut args.origin);
        }
    } else {
        args.agent = actor(sentence, word, speaker);
    }
}

/// Whether a phrase's head is a kind of means ("drones", "a limpet mine"),
/// not a name that spells like one ("Shell").
fn is_means(sentence: &Sentence, word: usize) -> bool {
    sentence.parsed.tag(word) != Tag::Propn && sentence.parsed.is(sentence.view, word, |c| matches!(c, Cue::Means(_)))
}

/// The state a weapon belongs to, from its adjective or possessor
/// ("Russian missiles", "Iran's drones"); one named with a maker's ending
/// ("Iranian-made drones") says where it came from instead.
fn owner(sentence: &Sentence, weapon: usize, speaker: &Speaker, origin: &mut Option<PlaceId>) -> Option<Actor> {
    let parsed = sentence.parsed;
    for child in parsed.children(weapon).filter(|&c| matches!(parsed.dep(c), Dep::Amod | Dep::NmodPoss | Dep::Compound))
    {
        if origin.is_none() {
            if let Some(place) = origin_by_ending(sentence, child) {
                *origin = Some(place);
                continue;
            }
        }
        if state_named(sentence, child, speaker).is_some() {
            return actor(sentence, child, speaker);
        }
    }
    None
}

/// A place a word's phrase names right before a maker's or base's ending:
/// "Kenya-based", "Iranian-made". A place elsewhere in the phrase ("the
/// system that downed a plane over X, based in Y") is not where it came
/// from.
fn origin_by_ending(sentence: &Sentence, word: usize) -> Option<PlaceId> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let tokens = parsed.tokens_of(word);
    let mut endings =
        tokens.clone().filter(|&t| sentence.lexicon.origin_endings.contains(view.tokens[t].norm.as_str()));
    let before = |ending: usize| {
        let joined = ending > 0 && view.tokens[ending - 1].norm == "-";
        let end = if joined { ending - 1 } else { ending };
        view.places.iter().find(|m| m.tokens.end == end && tokens.contains(&m.tokens.start))
    };
    endings.find_map(before).map(|m| sentence.places.root(m.place))
}

/// The actor a phrase names: a state by name or capital, a body or a
/// person by name, a pronoun for the speaker's own side, or a common noun
/// for those who act ("forces", "services", "drones") with the state
/// that owns them. "Moscow time" names no actor.
fn actor(sentence: &Sentence, word: usize, speaker: &Speaker) -> Option<Actor> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let head = parsed.token_of[word];
    // "Iran rejected accusations that it was behind the attack": a pronoun
    // in what a source says stands for the source's own side.
    if parsed.tag(word) == Tag::Pron && view.covered_by(head, |c| matches!(c, Cue::ThirdPerson | Cue::Own)) {
        let words = view.byte_span(head..head + 1);
        let body = speaker.body.clone();
        return (speaker.affiliation.is_some() || body.is_some()).then_some(Actor {
            place: speaker.affiliation,
            body: body.map(|b| Arc::from(normalise(&b).as_str())),
            words,
        });
    }
    let acts = matches!(parsed.tag(word), Tag::Propn | Tag::Pron)
        || view.place_at(head).is_some_and(|m| m.form != PlaceForm::Demonym)
        || view.covered_by(head, |c| {
            matches!(c, Cue::Official | Cue::Body | Cue::Means(_) | Cue::Unnamed | Cue::RoleTitle | Cue::KnownBody(_))
        })
        || parsed.dep(word) == Dep::Amod
        // "a Moldovan militia", "Somali gunmen": a group a state's name
        // or adjective qualifies.
        || parsed.tag(word) == Tag::Noun
            && parsed.children(word).any(|c| {
                matches!(parsed.dep(c), Dep::Amod | Dep::Compound | Dep::NmodPoss)
                    && view.place_at(parsed.token_of[c]).is_some()
            });
    if !acts {
        return None;
    }
    let tokens = source::phrase(parsed, view, word);
    let place = state_named(sentence, word, speaker);
    let body = sentence
        .view
        .hits_within(tokens.clone())
        .find_map(|h| match h.cue {
            Cue::KnownBody(id) => sentence.lexicon.gazetteer.bodies.get(id).map(|b| Arc::from(b.as_str())),
            _ => None,
        })
        .or_else(|| {
            let head = parsed.token_of[word];
            let proper = parsed.tag(word) == Tag::Propn && view.place_at(head).is_none();
            proper.then(|| Arc::from(normalise(view.text(sentence.text, tokens.clone())).as_str()))
        });
    if place.is_none() && body.is_none() {
        return None;
    }
    Some(Actor { place, body, words: view.byte_span(tokens) })
}

/// The state a phrase names or points to: a place in it ("Ukraine's
/// special services", "Russian forces"), or the speaker's own for "our",
/// "its", "we".
fn state_named(sentence: &Sentence, word: usize, speaker: &Speaker) -> Option<PlaceId> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let tokens = source::phrase(parsed, view, word);
    let named = view
        .places
        .iter()
        .filter(|m| tokens.contains(&m.tokens.start))
        .min_by_key(|m| (m.form == PlaceForm::Capital, m.tokens.start))
        .map(|m| sentence.places.root(m.place));
    named.or_else(|| view.find(tokens, |c| c == Cue::Own).and(speaker.affiliation))
}

/// The most specific place named in a dependent's phrase.
fn deepest_place(sentence: &Sentence, word: usize) -> Option<PlaceId> {
    let tokens = sentence.parsed.tokens_of(word);
    sentence
        .view
        .places
        .iter()
        .filter(|m| tokens.contains(&m.tokens.start))
        .enumerate()
        .max_by_key(|(order, m)| (sentence.places.depth(m.place), std::cmp::Reverse(*order)))
        .map(|(_, m)| m.place)
}

/// Whether a cue is the territory frame's.
fn is_territory(sentence: &Sentence, cue: Cue) -> bool {
    matches!(cue, Cue::Frame(kind) if sentence.lexicon.frames[kind].name == "territory-use")
}

/// The kinds of means named in a clause, short of the clauses it governs.
fn means_in(sentence: &Sentence, predicate: usize) -> Vec<usize> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let clause = parsed.tokens_of(predicate);
    let nested: Vec<Range<usize>> = parsed
        .children(predicate)
        .filter(|&c| matches!(parsed.dep(c), Dep::Ccomp | Dep::Parataxis | Dep::AclRelcl | Dep::Conj))
        .map(|c| parsed.tokens_of(c))
        .collect();
    let mut means: Vec<usize> = view
        .hits_within(clause)
        .filter(|h| !nested.iter().any(|n| n.contains(&h.tokens.start)))
        .filter(|h| parsed.tag(parsed.word_of[h.tokens.start]) != Tag::Propn)
        .filter_map(|h| match h.cue {
            Cue::Means(kind) => Some(kind),
            _ => None,
        })
        .collect();
    means.sort_unstable();
    means.dedup();
    means
}

/// The content words of a clause, folded, singular and hashed: nouns,
/// names, verbs, adjectives and numbers, not words of stance.
#[must_use]
pub fn terms(sentence: &Sentence, clause: Range<usize>) -> Vec<u32> {
    let (view, parsed) = (sentence.view, sentence.parsed);
    let mut terms: Vec<u32> = clause
        .filter(|&t| {
            let word = parsed.word_of[t];
            // Places are compared as places, not as words.
            matches!(parsed.tag(word), Tag::Noun | Tag::Propn | Tag::Verb | Tag::Adj | Tag::Num)
                && !view.covered_by(t, |c| {
                    matches!(
                        c,
                        Cue::Say | Cue::Deny | Cue::Hedge | Cue::Negator | Cue::Withhold | Cue::Doubt | Cue::Place(..)
                    )
                })
        })
        .map(|t| {
            let norm = view.tokens[t].norm.as_str();
            let stem = sentence.lexicon.stem(norm);
            #[allow(clippy::cast_possible_truncation)]
            let hash = fnv1a([stem]) as u32;
            hash
        })
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}
