//! What a description or a pronoun points back to: "he" and "it", "the
//! ministry" after the Foreign Ministry spoke, "the airline" after a jet
//! of a named airline crashed, "the ambassador" after a named one.

use std::ops::Range;

use super::grammar::Parsed;
use super::names::PersonMention;
use super::sentence::SentenceView;
use super::source::{organisation, proper_runs};
use super::speaker::{Context, Speaker, person_speaker};
use crate::lexicon::{Cue, Lexicon};
use crate::text::normalise;

/// "he" and "she" are the last person who spoke or was named; "it" and
/// "they" the last state, body or outlet ("the ministry ... it added").
pub(super) fn pronoun(view: &SentenceView, token: usize, context: &Context) -> Option<Speaker> {
    if view.covered_by(token, |c| c == Cue::Own) && !view.covered_by(token, |c| c == Cue::ThirdPerson) {
        return context.last.clone();
    }
    let personal = view.covered_by(token, |c| c == Cue::Personal);
    if personal {
        // The person named last, whether they spoke or not ("Defence
        // Secretary Gavin Williamson sparked a row ... 'Russia should go
        // away,' he said").
        let mentioned = context.people.last().map(person_speaker);
        mentioned.or_else(|| context.last_person.clone()).or_else(|| context.last.clone())
    } else {
        context.last_institution.clone().or_else(|| context.last.clone())
    }
}

/// A description that points back: "the ministry" after the Foreign
/// Ministry spoke, "the president" after a named president, "the
/// statement" after a body issued one, "the airline" after a body named
/// "... Airlines" (its words compared through their inflections).
pub(super) fn earlier(
    view: &SentenceView,
    lexicon: &Lexicon,
    context: &Context,
    tokens: &Range<usize>,
    head: usize,
) -> Option<Speaker> {
    let definite = view.find(tokens.clone(), |c| c == Cue::Definite).is_some();
    let named_state = view.places.iter().any(|m| tokens.contains(&m.tokens.start));
    if !definite || named_state {
        return None;
    }
    if let Some(person) = role_reference(view, context, tokens) {
        return Some(person_speaker(person));
    }
    let head_word = view.tokens[head].norm.as_str();
    // The same word before the same word inflected: "the prosecutors"
    // after "prosecutors in the capital" and "the federal prosecutor".
    let called_exactly = |body: &&Speaker| normalise(&body.label).split(' ').any(|w| w == head_word);
    let called = |body: &&Speaker| normalise(&body.label).split(' ').any(|w| lexicon.inflected_alike(w, head_word));
    let spoke = context.bodies.iter().rev().find(called_exactly).or_else(|| context.bodies.iter().rev().find(called));
    if let Some(body) = spoke.or_else(|| context.mentioned_bodies.iter().rev().find(called)) {
        return Some(body.clone());
    }
    let refers = view.covered_by(head, |c| c == Cue::Anaphor);
    refers.then(|| context.last_institution.clone()).flatten()
}

/// Remembers the bodies a sentence names, speaking or not: capitalised
/// names with a word for a kind of body in them ("Tamsin Air Lines").
pub fn remember_bodies(view: &SentenceView, parsed: &Parsed, text: &str, lexicon: &Lexicon, context: &mut Context) {
    let bodies = &lexicon.gazetteer.bodies;
    for run in proper_runs(view, parsed, &(0..view.tokens.len()), lexicon) {
        if view.find(run.clone(), |c| matches!(c, Cue::Body | Cue::KnownBody(_))).is_none() {
            continue;
        }
        let body = organisation(view, text, run.clone(), &run, bodies, context.home_state);
        if !context.mentioned_bodies.iter().any(|b| b.key == body.key) {
            context.mentioned_bodies.push(body);
        }
    }
}

/// "the ambassador" after a named ambassador: that person.
fn role_reference<'c>(view: &SentenceView, context: &'c Context, phrase: &Range<usize>) -> Option<&'c PersonMention> {
    let title = view.find(phrase.clone(), |c| c == Cue::RoleTitle)?;
    let title_word = &view.tokens[title.tokens.start].norm;
    context.people.iter().rev().find(|p| p.role.as_ref().is_some_and(|r| r.title.contains(title_word.as_str())))
}
