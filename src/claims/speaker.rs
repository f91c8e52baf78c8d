//! Who says what: attribution verbs, "according to", "X quoted Y as
//! saying", pronouns and quotations that continue the last speaker, and the
//! outlet's own voice where nobody else is named.

use std::ops::Range;
use std::sync::Arc;

use foldhash::{HashMap, HashSet};

use super::names::{self, PersonMention, Role};
use super::sentence::SentenceView;
use crate::lexicon::{Cue, Lexicon, PlaceForm, PlaceId};
use crate::text::tokenize;

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum SourceKind {
    /// Speaks for a state or body: a minister, a ministry, a capital.
    Official,
    /// A news outlet, in its own voice or reporting others.
    Outlet,
    /// Sources the text does not name.
    Unnamed,
    /// A named person with no official role the text gives.
    Person,
}

impl SourceKind {
    /// The name rule files use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Official => "official",
            Self::Outlet => "outlet",
            Self::Unnamed => "unnamed",
            Self::Person => "person",
        }
    }
}

/// The source a claim is attributed to. Its texts are shared: one speaker
/// is the source of many sentences, and its value is copied to each.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Speaker {
    /// How messages name the source.
    pub label: Arc<str>,
    /// Identity across articles: two claims with one key are one source.
    pub key: Arc<str>,
    pub kind: SourceKind,
    /// The state or body the speaker speaks for.
    pub affiliation: Option<PlaceId>,
    /// The source reports what unnamed others told it.
    pub via_unnamed: bool,
}

/// What one document has said so far, for pronouns and continuations.
#[derive(Debug, Default)]
pub struct Context {
    /// People named so far, latest last.
    pub people: Vec<PersonMention>,
    /// The speaker of the previous sentence.
    pub last: Option<Speaker>,
    /// The last speaker who was a person.
    pub last_person: Option<Speaker>,
    /// The last speaker that was not a person: a state, body or outlet.
    pub last_institution: Option<Speaker>,
    /// An unnamed role holder ("the foreign ministry spokesperson") whose
    /// name may follow in the next sentence, and the sentence it spoke in.
    pub pending_role: Option<(Role, usize)>,
    /// The ordinal of the sentence being read.
    pub sentence: usize,
    /// Per surname, the index in `people` of its latest mention, so a name
    /// repeated through a long text is looked up, not searched for.
    latest_by_surname: HashMap<String, usize>,
    /// Spans of the mentions in `people`.
    known_spans: HashSet<(usize, usize)>,
}

impl Context {
    /// The latest mention of a person with this surname.
    #[must_use]
    pub fn latest_named(&self, surname: &str) -> Option<&PersonMention> {
        self.latest_by_surname.get(surname).map(|&index| &self.people[index])
    }

    /// Records a mention, unless one with the same span is recorded.
    pub fn add_person(&mut self, person: PersonMention) {
        if !self.known_spans.insert((person.span.start, person.span.end)) {
            return;
        }
        self.latest_by_surname.insert(person.surname.clone(), self.people.len());
        self.people.push(person);
    }
}

/// The outlet's own voice, read from its name: a ministry publishing a
/// press release speaks as an official.
#[must_use]
pub fn outlet_voice(outlet: &str, lexicon: &Lexicon) -> Speaker {
    let tokens = tokenize(outlet, 0);
    let hits = lexicon.scan(&tokens);
    let official = hits.iter().any(|h| h.cue == Cue::Official);
    let affiliation = hits.iter().find_map(|h| match h.cue {
        Cue::Place(place, _) => Some(place),
        _ => None,
    });
    let kind = if official && affiliation.is_some() { SourceKind::Official } else { SourceKind::Outlet };
    Speaker {
        label: outlet.into(),
        key: format!("outlet:{}", crate::text::normalise(outlet)).into(),
        kind,
        affiliation: if kind == SourceKind::Official { affiliation } else { None },
        via_unnamed: false,
    }
}

/// The attribution found in a sentence.
#[derive(Debug, Default)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    /// A person newly named as the speaker, to remember.
    pub person: Option<PersonMention>,
    /// The earlier sentence whose unnamed role holder this person turned
    /// out to be: its claim is theirs too.
    pub names_earlier: Option<usize>,
}

/// Finds who a sentence is attributed to.
pub fn attribute(view: &SentenceView, text: &str, lexicon: &Lexicon, context: &mut Context) -> Attribution {
    if let Some(hit) = view.hits.iter().find(|h| h.cue == Cue::AccordingTo && !view.quoted[h.tokens.start]) {
        // The source runs to the end of the clause: "according to a
        // preliminary assessment described to the Herald by an official".
        let end = (hit.tokens.end..view.tokens.len())
            .find(|&i| !view.tokens[i].is_word || view.is_clause_break(i))
            .unwrap_or(view.tokens.len());
        return from_noun_phrase(view, text, lexicon, context, hit.tokens.end..end);
    }
    for verb in 0..view.tokens.len() {
        if view.quoted[verb] || !names::is_attribution_verb(view, verb, lexicon) {
            continue;
        }
        let Some(subject) = subject_of(view, verb, lexicon) else {
            continue;
        };
        let mut attribution = from_noun_phrase(view, text, lexicon, context, subject);
        if view.cues_at(verb).any(|h| h.cue == Cue::Quoting) {
            let quoted_end = noun_phrase_end(view, verb + 1);
            let unnamed = view.find(verb + 1..quoted_end, |c| c == Cue::Unnamed).is_some();
            if let Some(speaker) = attribution.speaker.as_mut().filter(|_| unnamed) {
                speaker.via_unnamed = true;
                speaker.label = format!("{} (citing unnamed sources)", speaker.label).into();
            }
        }
        if attribution.speaker.is_some() {
            return attribution;
        }
    }
    let opens_with_quote = view.tokens.first().is_some_and(|t| t.norm == "\"");
    let continues_quote = opens_with_quote || view.quoted.first().copied().unwrap_or(false);
    let speaker = if continues_quote { context.last.clone() } else { None };
    Attribution { speaker, ..Attribution::default() }
}

/// Longest subject of a trailing reporting clause, in tokens.
const MAX_TRAILING_SUBJECT: usize = 9;

/// The subject of the attribution verb at `verb`: the words right before it,
/// the name right after it ("said Dumitrescu"), or, after "and" or a date, the
/// sentence's opening noun phrase.
fn subject_of(view: &SentenceView, verb: usize, lexicon: &Lexicon) -> Option<Range<usize>> {
    let mut end = verb;
    while end > 0 && names::is_adverb_or_auxiliary(&view.tokens[end - 1].norm) {
        end -= 1;
    }
    let before = end.checked_sub(1).map(|i| &view.tokens[i]);
    match before {
        None => None,
        Some(token)
            if token.norm == "\"" || (token.norm == "," && view.quoted.get(end.wrapping_sub(2)) == Some(&true)) =>
        {
            names::name_run(view, verb + 1, lexicon).or_else(|| {
                let np_end = noun_phrase_end(view, verb + 1);
                (np_end > verb + 1).then_some(verb + 1..np_end)
            })
        }
        Some(token) if token.norm == "," => {
            // "the ambassador to the US, Sorin Albu, said"; otherwise the
            // commas enclose an aside ("sources, speaking on condition of
            // anonymity, said") and the subject opens the clause.
            let name_end = end - 1;
            let segment_start = (0..name_end).rev().take_while(|&i| view.tokens[i].is_word).last()?;
            match names::name_run(view, segment_start, lexicon) {
                Some(run) if run.end == name_end => Some(run),
                _ => clause_subject(view, end, lexicon),
            }
        }
        Some(token)
            if token.norm == "and"
                || !token.is_word
                || token.norm.chars().all(|c| c.is_ascii_digit())
                || lexicon.months.contains_key(token.norm.as_str())
                || (token.capitalised && view.covered_by(end - 1, |c| c == Cue::NotName)) =>
        {
            clause_subject(view, end, lexicon)
        }
        Some(_) => {
            let start = noun_phrase_start(view, end);
            if start < end {
                return Some(start..end);
            }
            // ", two people familiar with the investigation said": a short
            // reporting clause after the claim names its own subject.
            let comma = (end.saturating_sub(MAX_TRAILING_SUBJECT)..end).rev().find(|&i| view.tokens[i].norm == ",");
            match comma {
                Some(comma) if (comma + 1..end).all(|i| view.tokens[i].is_word) => Some(comma + 1..end),
                _ => clause_subject(view, end, lexicon),
            }
        }
    }
}

/// The subject of a sentence whose verb comes after "and" or a date: the
/// first pronoun, name or noun phrase naming a speaker, past openers like
/// "Elsewhere,".
fn clause_subject(view: &SentenceView, before: usize, lexicon: &Lexicon) -> Option<Range<usize>> {
    for start in 0..before {
        if view.quoted[start] {
            continue;
        }
        if view.cues_at(start).any(|h| h.cue == Cue::ThirdPerson) {
            return Some(start..start + 1);
        }
        if let Some(run) = names::name_run(view, start, lexicon) {
            return Some(run);
        }
        let end = noun_phrase_end(view, start);
        let speaks = view.find(start..end, |c| {
            matches!(c, Cue::Official | Cue::RoleTitle | Cue::Outlet | Cue::Unnamed | Cue::Observer | Cue::Place(..))
        });
        if end > start && speaks.is_some() {
            return Some(start..end);
        }
    }
    None
}

fn in_noun_phrase(view: &SentenceView, index: usize) -> bool {
    let token = &view.tokens[index];
    let dateline = token.all_caps
        && token.norm.chars().count() > 3
        && view.place_at(index).is_none_or(|m| m.form == crate::lexicon::PlaceForm::Capital);
    !view.quoted[index]
        && !dateline
        && !view.is_clause_break(index)
        && (token.capitalised
            || matches!(token.norm.as_str(), "the" | "of" | "a" | "an" | "foreign" | "-")
            || view.covered_by(index, |c| {
                matches!(
                    c,
                    Cue::RoleTitle
                        | Cue::Official
                        | Cue::Unnamed
                        | Cue::Observer
                        | Cue::Outlet
                        | Cue::ThirdPerson
                        | Cue::RoleQualifier
                        | Cue::VoidQualifier
                        | Cue::RoleTarget
                        | Cue::Place(..)
                )
            }))
}

fn noun_phrase_start(view: &SentenceView, end: usize) -> usize {
    let mut start = end;
    while start > 0 && in_noun_phrase(view, start - 1) && end - start < 16 {
        start -= 1;
        if view.tokens[start].possessive && start + 1 < end && !view.covered_by(start, |c| matches!(c, Cue::Place(..)))
        {
            break;
        }
    }
    start
}

fn noun_phrase_end(view: &SentenceView, start: usize) -> usize {
    let mut end = start;
    while end < view.tokens.len() && in_noun_phrase(view, end) && end - start < 16 {
        end += 1;
    }
    end
}

/// Turns a subject noun phrase into a speaker, resolving pronouns and
/// "the ambassador" to people named earlier.
fn from_noun_phrase(
    view: &SentenceView,
    text: &str,
    lexicon: &Lexicon,
    context: &mut Context,
    phrase: Range<usize>,
) -> Attribution {
    let outlet = view.find(phrase.clone(), |c| c == Cue::Outlet).is_some()
        && view.find(phrase.clone(), |c| matches!(c, Cue::Official | Cue::RoleTitle)).is_none();
    let name = phrase.clone().find_map(|i| {
        let run_start = i == phrase.start || names::name_run(view, i - 1, lexicon).is_none();
        run_start.then(|| names::name_run(view, i, lexicon)).flatten().filter(|r| r.end <= phrase.end)
    });
    if let Some(run) = name.filter(|_| !outlet) {
        return named(view, text, context, run);
    }
    if let Some(pronoun) = view.find(phrase.clone(), |c| c == Cue::ThirdPerson).filter(|_| phrase.len() <= 2) {
        // "he" and "she" continue the last person; "it" and "they" the last
        // state, body or outlet ("Bucharest ... it announced").
        let personal = matches!(view.tokens[pronoun.tokens.start].norm.as_str(), "he" | "she");
        let speaker = if personal {
            context.last_person.clone().or(context.last.clone())
        } else {
            context.last_institution.clone().or(context.last.clone())
        };
        return Attribution { speaker, ..Attribution::default() };
    }
    if let Some(known) = role_reference(view, context, &phrase) {
        return Attribution { speaker: Some(person_speaker(known)), ..Attribution::default() };
    }
    Attribution { speaker: Some(described(view, text, context, phrase)), ..Attribution::default() }
}

/// A named speaker, with the role the text gives them here or earlier.
fn named(view: &SentenceView, text: &str, context: &mut Context, run: Range<usize>) -> Attribution {
    let own_role = names::role_before(view, text, run.start);
    let pending = if own_role.is_none() { context.pending_role.take() } else { None };
    let names_earlier = pending.as_ref().map(|(_, sentence)| *sentence);
    let mut role = own_role.or(pending.map(|(role, _)| role));
    // "Foreign ministry spokesman X said separately" after a minister of
    // some state speaks for the same state.
    if let Some(role) = role.as_mut().filter(|r| r.affiliation.is_none() && r.official) {
        if let Some(previous) = context.last.as_ref().filter(|s| s.kind == SourceKind::Official) {
            role.affiliation = previous.affiliation;
        }
    }
    let mut person = names::mention(view, text, run, role);
    if let Some(known) = context.latest_named(&person.surname) {
        person.role = person.role.or_else(|| known.role.clone());
    }
    Attribution { speaker: Some(person_speaker(&person)), person: Some(person), names_earlier }
}

/// "the ambassador" after a named ambassador: that person.
fn role_reference<'c>(view: &SentenceView, context: &'c Context, phrase: &Range<usize>) -> Option<&'c PersonMention> {
    let title = view.find(phrase.clone(), |c| c == Cue::RoleTitle)?;
    let title_word = &view.tokens[title.tokens.start].norm;
    let has_place = view.places.iter().any(|m| m.tokens.start >= phrase.start && m.tokens.end <= phrase.end);
    if has_place {
        return None;
    }
    context.people.iter().rev().find(|p| p.role.as_ref().is_some_and(|r| r.title.contains(title_word.as_str())))
}

/// A speaker described rather than named: "the Romanian Foreign Ministry
/// spokesperson", "Bucharest", "unnamed sources", "the state news agency".
fn described(view: &SentenceView, text: &str, context: &mut Context, phrase: Range<usize>) -> Speaker {
    let label = view.text(text, phrase.clone()).trim_start_matches("The ").trim_start_matches("the ");
    let affiliation = names::affiliation_in(view, phrase.clone());
    let official = view.find(phrase.clone(), |c| matches!(c, Cue::Official | Cue::RoleTitle)).is_some();
    let only_place =
        view.places.iter().any(|m| m.tokens == phrase && matches!(m.form, PlaceForm::Name | PlaceForm::Capital));
    let kind = if official || only_place {
        SourceKind::Official
    } else if view.find(phrase.clone(), |c| matches!(c, Cue::Unnamed | Cue::Observer)).is_some() {
        SourceKind::Unnamed
    } else if view.find(phrase.clone(), |c| c == Cue::Outlet).is_some() {
        SourceKind::Outlet
    } else {
        SourceKind::Person
    };
    if official && !only_place {
        context.pending_role = names::role_before(view, text, phrase.end).map(|role| (role, context.sentence));
    }
    let folded = crate::text::normalise(label);
    let mut key = String::with_capacity(kind.name().len() + 24 + folded.len());
    key.push_str(kind.name());
    key.push(':');
    if let Some(place) = affiliation {
        key.push_str(itoa::Buffer::new().format(place));
    }
    key.push(':');
    key.push_str(&folded);
    Speaker {
        key: key.into(),
        label: label.into(),
        kind,
        affiliation: if kind == SourceKind::Official { affiliation } else { None },
        via_unnamed: kind == SourceKind::Unnamed,
    }
}

/// The speaker for a named person.
#[must_use]
pub fn person_speaker(person: &PersonMention) -> Speaker {
    let role = person.role.as_ref().filter(|r| !r.void);
    let label = match role {
        Some(role) => format!("{} {}", role.label, person.name),
        None => person.name.clone(),
    };
    Speaker {
        label: label.into(),
        key: format!("person:{}", person.surname).into(),
        kind: if role.is_some_and(|r| r.official) { SourceKind::Official } else { SourceKind::Person },
        affiliation: role.and_then(|r| r.affiliation),
        via_unnamed: false,
    }
}
