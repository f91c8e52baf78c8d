//! Claims: who says what in each sentence.
//!
//! Extraction runs in two passes over a corpus. The first reads the
//! sentences that may name a place ([`SentenceView`]) and learns the places
//! the text names ("Moldova's Gagauzia region"); the second reads every
//! sentence and, per document and in sentence order, attributes each to a
//! speaker (pronouns and quotations
//! continue the last one), finds its event frames with polarity and
//! modality, its quantities and quotations, and the people it names.

mod arguments;
mod attribution;
mod corpus;
mod describe;
mod frames;
pub mod gold;
mod grammar;
mod names;
mod parts;
mod places;
mod quantities;
mod reading;
mod reference;
mod sentence;
mod source;
mod speaker;
mod stance;
pub mod syntax;
mod topic;
mod trace;

use std::ops::Range;

pub use arguments::Actor;
pub use corpus::Corpus;
pub use describe::describe;
pub use frames::Frame;
pub use names::{PersonMention, Role};
pub use parts::{Part, Shared};
pub use places::{Lesson, Places};
pub use quantities::{Bound, Quantity};
pub use sentence::{MIN_SPEECH_WORDS, PlaceMention, SentenceView, ends_inside_quote};
pub use speaker::{SourceKind, Speaker};
pub use stance::{Reading, Stance};
pub use topic::{Topic, TopicFrequencies};
pub use trace::trace;

use crate::ingest::{DocId, Document};
use crate::lexicon::{Lexicon, PlaceId};

/// What one sentence claims, and who claims it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub doc: DocId,
    /// Bytes of the sentence in its document.
    pub sentence: Range<usize>,
    pub speaker: Speaker,
    /// How the speaker puts the sentence's statement.
    pub stance: Stance,
    pub frames: Vec<Frame>,
    /// Every place the sentence names, for blocking.
    pub places: Vec<PlaceId>,
    pub quantities: Vec<Quantity>,
    /// Bytes of each quotation of four words or more.
    pub quotes: Vec<Range<usize>>,
    /// The distinctive folded words of those quotations, for blocking
    /// (kept so an index can block without the article's text).
    pub quote_words: Vec<String>,
}

/// A person mention and the document it is in.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub doc: DocId,
    pub mention: PersonMention,
}

/// Names this long may be two edits apart and still be one name.
pub const LONG_NAME_CHARS: usize = 10;

/// Whether two folded names are one name spelled two ways: at most one
/// edit apart (two for long names), or with one skeleton of consonants
/// (`skeleton`: "Haftar" and "Hifter").
#[must_use]
pub fn names_match(a: &str, b: &str, skeleton: impl Fn(&str) -> String) -> bool {
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    let allowed = if a_len.min(b_len) >= LONG_NAME_CHARS { 2 } else { 1 };
    if a_len.min(b_len) < 4 {
        return false;
    }
    // No fewer edits than the lengths differ by: most pairs stop here.
    let close = a_len.abs_diff(b_len) <= allowed && strsim::damerau_levenshtein(a, b) <= allowed;
    close
        || a_len.min(b_len) >= MIN_SKELETON_NAME
            && skeleton(a) == skeleton(b)
            && strsim::jaro_winkler(a, b) >= SKELETON_LIKENESS
}

/// Names shorter than this are not compared by skeleton: too many short
/// names share one.
const MIN_SKELETON_NAME: usize = 5;

/// How alike (Jaro-Winkler) two names with one skeleton must still be.
const SKELETON_LIKENESS: f64 = 0.7;

/// Whether reading the sentence asks anything of its clauses: who says
/// what and how firmly, what happened, who holds which role, what a figure
/// counts. A sentence with none of these (most of an article's) is only
/// tagged: its names and topic words need no tree.
fn asks_for_clauses(view: &SentenceView, lexicon: &Lexicon) -> bool {
    !view.quotations.is_empty()
        || view.hits.iter().any(|hit| hit.cue.asks_for_clauses())
        || quantities::has_figure(view, lexicon)
}

/// The claims and people of a document, whose outlet speaks as `outlet`
/// where no one else is said to.
fn extract(
    id: DocId,
    doc: &Document,
    mut views: Vec<SentenceView>,
    lexicon: &Lexicon,
    places: &Places,
    outlet: &Speaker,
) -> (Vec<Claim>, Vec<Person>, Topic) {
    let mut context = speaker::Context::default();
    let mut topic = topic::TopicCounter::new();
    context.home_state = grammar::home_state(&views, places);
    // One claim a sentence.
    let mut claims: Vec<Claim> = Vec::with_capacity(views.len());
    let views_spans: Vec<Range<usize>> = views.iter().map(|v| v.span.clone()).collect();
    for (ordinal, view) in views.iter_mut().enumerate() {
        context.sentence = ordinal;
        // A role holder's name follows in the next sentence or not at all.
        if context.pending_role.as_ref().is_some_and(|(_, said_in)| *said_in + 1 < ordinal) {
            context.pending_role = None;
        }
        view.add_places(places.mentions(view));
        let parsed = if asks_for_clauses(view, lexicon) {
            grammar::Parsed::new(view, &doc.text, lexicon, syntax::Syntax::embedded())
        } else {
            grammar::Parsed::tagged(view, &doc.text, lexicon, syntax::Syntax::embedded())
        };
        let found =
            names::find_people(view, &parsed, &doc.text, lexicon, |surname| context.latest_named(surname).is_some());
        for person in found {
            remember(&mut context, person);
        }
        reference::remember_bodies(view, &parsed, &doc.text, lexicon, &mut context);
        topic.add(view, &parsed, ordinal);
        let statement = attribution::statement(&parsed, view);
        let attribution =
            speaker::attribute(view, &parsed, &doc.text, lexicon, &places.gazetteer, &mut context, statement.as_ref());
        if let Some(person) = attribution.person {
            remember(&mut context, person);
        }
        let own_voice = attribution.speaker.is_none();
        let speaker = attribution.speaker.unwrap_or_else(|| outlet.clone());
        if let Some(earlier) = attribution.names_earlier {
            let named = claims.iter_mut().rev().find(|c: &&mut Claim| c.sentence == views_spans[earlier]);
            if let Some(claim) = named {
                claim.speaker = speaker.clone();
            }
        }
        let sentence = frames::Sentence {
            view,
            parsed: &parsed,
            text: &doc.text,
            lexicon,
            places: &places.gazetteer,
            speaker: &speaker,
            source_tokens: statement.as_ref().and_then(|s| s.source.as_ref()).map(|s| s.tokens.clone()),
        };
        let statement_verb = statement.as_ref().and_then(|s| s.governor);
        let said = statement.as_ref().map(|s| (s.content, &s.reading));
        let frames = frames::find_frames(&sentence, said, |governor| {
            if Some(governor) == statement_verb {
                return None;
            }
            let source = attribution::source_of_verb(&parsed, view, governor)?;
            // "Police said they were investigating whether ...": a pronoun
            // saying something inside what the sentence's speaker says is
            // that speaker, when the two agree in person.
            let inside_statement = statement_verb.is_some_and(|verb| parsed.tree.dominates(verb, governor));
            let head_token = parsed.token_of[source.head];
            let pronoun = parsed.tag(source.head) == syntax::Tag::Pron;
            let personal = view.covered_by(head_token, |c| c == crate::lexicon::Cue::Personal);
            let speaker_is_person = speaker.key.starts_with("person:");
            if inside_statement && pronoun && personal == speaker_is_person {
                return None;
            }
            source::resolve(view, &parsed, &doc.text, lexicon, &places.gazetteer, &mut context, &source).speaker
        });
        let quotes: Vec<Range<usize>> = view
            .quotations
            .iter()
            .filter(|q| view.tokens[(*q).clone()].iter().filter(|t| t.is_word).count() >= MIN_SPEECH_WORDS)
            .map(|q| view.byte_span(q.clone()))
            .collect();
        let quote_words = quote_words(&doc.text, &quotes);
        let mut mentioned: Vec<PlaceId> = view.places.iter().map(|m| m.place).collect();
        mentioned.sort_unstable();
        mentioned.dedup();
        if speaker.key.starts_with("person:") {
            context.last_person = Some(speaker.clone());
        } else if speaker != *outlet {
            context.last_institution = Some(speaker.clone());
        }
        context.last = Some(speaker.clone());
        let mut claim = Claim {
            doc: id,
            sentence: view.span.clone(),
            speaker,
            stance: statement.map_or(Stance::Affirmed, |s| {
                if s.reading.by_negation && own_voice { Stance::Affirmed } else { s.reading.stance }
            }),
            frames,
            places: mentioned,
            quantities: quantities::find_quantities(view, &parsed, lexicon, &places.gazetteer),
            quotes,
            quote_words,
        };
        // Kept for the whole run, a claim gives back what its lists grew by.
        claim.frames.shrink_to_fit();
        claim.places.shrink_to_fit();
        claim.quantities.shrink_to_fit();
        claims.push(claim);
    }
    let people = context.people.into_iter().map(|mention| Person { doc: id, mention }).collect();
    (claims, people, topic.finish())
}

/// The sentences a check reads in a document: its body's (not its front
/// matter's), outside web chrome, no longer than `max_bytes`.
#[must_use]
pub fn sentences_read(doc: &Document, segmenter: &crate::segment::Segmenter, max_bytes: usize) -> Vec<Range<usize>> {
    reading::split_sentences(doc, segmenter, max_bytes).0.into_iter().map(|(span, _)| span).collect()
}

/// A crude singular, enough to match "drones" with "drone".
#[must_use]
pub fn singular(word: &str) -> String {
    word.strip_suffix('s').filter(|w| w.len() > 2).unwrap_or(word).to_string()
}

/// Quotation words shorter than this are too common to block on.
const MIN_QUOTE_WORD: usize = 5;

fn quote_words(text: &str, quotes: &[Range<usize>]) -> Vec<String> {
    let mut words: Vec<String> = quotes
        .iter()
        .flat_map(|q| {
            crate::text::normalise(&text[q.clone()])
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= MIN_QUOTE_WORD)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Records a person, giving a later bare mention the role of an earlier one.
fn remember(context: &mut speaker::Context, mut person: PersonMention) {
    if person.role.is_none() {
        person.role = context.latest_named(&person.surname).and_then(|p| p.role.clone());
    }
    context.add_person(person);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(sentence: &str) -> bool {
        let pack = crate::rules::Pack::embedded().expect("the embedded pack loads");
        let view = SentenceView::new(sentence, 0..sentence.len(), &pack.lexicon, false);
        asks_for_clauses(&view, &pack.lexicon)
    }

    #[test]
    fn only_sentences_with_something_to_read_in_their_clauses_are_parsed() {
        assert!(!asks("The village sits on a river north of the capital."));
        assert!(!asks("Residents gathered in the square on Sunday evening."));
        assert!(asks("Officials said the village lies on a river."));
        assert!(asks("The ministry denied it."));
        assert!(asks("Twelve people were hurt in the square."));
        assert!(asks("Defence minister Ana Ruiz visited the village."));
        assert!(asks("\"We will rebuild every house in the village,\" Ruiz told residents."));
    }
}
