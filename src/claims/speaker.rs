//! Who says what: attribution verbs, "according to", "X quoted Y as
//! saying", pronouns and quotations that continue the last speaker, and the
//! outlet's own voice where nobody else is named.

use std::sync::Arc;

use foldhash::HashMap;

use super::attribution::Statement;
use super::grammar::Parsed;
use super::names::{PersonMention, Role};
use super::sentence::SentenceView;
use super::source;
use crate::lexicon::{Cue, Lexicon, PlaceId};
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
    /// The state the speaker speaks for.
    pub affiliation: Option<PlaceId>,
    /// The body, other than a state, the speaker speaks for: "Shell", "the
    /// World Health Organization".
    pub body: Option<Arc<str>>,
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
    /// Bodies that have spoken, by name, for "the ministry said".
    pub bodies: Vec<Speaker>,
    /// Bodies named without speaking ("a Tamsin Air jet crashed"), for
    /// "the airline said" where no body that spoke is meant.
    pub mentioned_bodies: Vec<Speaker>,
    /// An unnamed role holder ("the foreign ministry spokesperson") whose
    /// name may follow in the next sentence, and the sentence it spoke in.
    pub pending_role: Option<(Role, usize)>,
    /// The ordinal of the sentence being read.
    pub sentence: usize,
    /// The state the article is written from, by its dateline ("MOSCOW,
    /// March 18"): an office it names without a state ("Foreign Minister
    /// Sergey Lavrov", "the Investigative Committee") is that state's.
    pub home_state: Option<PlaceId>,
    /// Per surname, the index in `people` of its latest mention, so a name
    /// repeated through a long text is looked up, not searched for.
    latest_by_surname: HashMap<String, usize>,
    /// Per span of a mention in `people`, its index there.
    known_spans: HashMap<(usize, usize), usize>,
}

impl Context {
    /// The latest mention of a person with this surname.
    #[must_use]
    pub fn latest_named(&self, surname: &str) -> Option<&PersonMention> {
        self.latest_by_surname.get(surname).map(|&index| &self.people[index])
    }

    /// Records a mention. A mention of a span already recorded adds only
    /// the role it was read with: names are found before the sentence's
    /// speaker is resolved, and resolving may learn whose office the role
    /// is ("government spokesman Somchai Rattanakul" under a Bangkok dateline),
    /// which later mentions by surname alone must inherit.
    pub fn add_person(&mut self, person: PersonMention) {
        let span = (person.span.start, person.span.end);
        if let Some(&index) = self.known_spans.get(&span) {
            if person.role.is_some() {
                self.people[index].role = person.role;
            }
            return;
        }
        self.known_spans.insert(span, self.people.len());
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
        key: outlet_voice_key(outlet).into(),
        kind,
        affiliation: if kind == SourceKind::Official { affiliation } else { None },
        body: None,
        via_unnamed: false,
    }
}

/// The key of an outlet's own voice.
#[must_use]
pub fn outlet_voice_key(outlet: &str) -> String {
    format!("outlet:{}", crate::text::normalise(outlet))
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

/// Finds who makes a sentence's statement: the source its tree names,
/// else, for a sentence opening inside a quotation, whoever spoke last.
pub fn attribute(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    lexicon: &Lexicon,
    places: &crate::lexicon::Gazetteer,
    context: &mut Context,
    statement: Option<&Statement>,
) -> Attribution {
    if let Some(statement) = statement {
        if let Some(source) = &statement.source {
            let mut attribution = source::resolve(view, parsed, text, lexicon, places, context, source);
            let unnamed = statement
                .citing
                .as_ref()
                .is_some_and(|cited| view.find(cited.clone(), |c| matches!(c, Cue::Unnamed | Cue::Observer)).is_some());
            if let Some(speaker) = attribution.speaker.as_mut().filter(|_| unnamed) {
                speaker.via_unnamed = true;
                speaker.label = format!("{} (citing unnamed sources)", speaker.label).into();
            }
            if attribution.speaker.is_some() {
                return attribution;
            }
        }
    }
    let opens_with_quote = view.tokens.first().is_some_and(|t| t.norm == "\"");
    let continues_quote = opens_with_quote || view.quoted.first().copied().unwrap_or(false);
    let speaker = if continues_quote { context.last.clone() } else { None };
    Attribution { speaker, ..Attribution::default() }
}

/// The speaker for a named person.
#[must_use]
pub fn person_speaker(person: &PersonMention) -> Speaker {
    let role = person.role.as_ref().filter(|r| !r.void);
    let label = match role {
        Some(role) => format!("{} {}", role.label, person.name),
        None => person.name.clone(),
    };
    let official = role.is_some_and(|r| r.official || r.body.is_some());
    Speaker {
        label: label.into(),
        key: format!("person:{}", person.surname).into(),
        kind: if official { SourceKind::Official } else { SourceKind::Person },
        affiliation: role.and_then(|r| r.affiliation.or(r.presumed_state)),
        body: role.and_then(|r| r.body.as_deref()).map(Into::into),
        via_unnamed: false,
    }
}
