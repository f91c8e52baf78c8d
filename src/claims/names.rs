//! People: names, the roles they hold, and how later mentions refer back.
//!
//! A name is a run of capitalised words with evidence that it names a
//! person: a role or title before it ("ambassador to the US Khazar
//! Dobre"), an attribution verb after it ("Dumitrescu stressed"), or a
//! speaker position. Roles are keyed by the state, the title and its
//! target, so "Romania's ambassador to the United States" and "Romanian
//! Ambassador to the US" are one role.

use std::fmt::Write as _;
use std::ops::Range;

use super::grammar::Parsed;
use super::sentence::{PlaceMention, SentenceView};
use super::syntax::{Dep, Tag};
use crate::lexicon::{Cue, Lexicon, PlaceForm, PlaceId};

/// Longest name, in words.
const MAX_NAME_WORDS: usize = 4;
/// Longest role phrase before a name, in tokens.
const MAX_ROLE_TOKENS: usize = 24;

/// A role as a text names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Role {
    /// Folded title words, places by id: "ambassador to #102".
    pub title: String,
    /// The role phrase as written: "Romania’s ambassador to the United States".
    pub label: String,
    /// The state the holder serves, as the text names it.
    pub affiliation: Option<PlaceId>,
    /// The state the holder is presumed to serve where the role names
    /// none: the dateline's, or the official's who spoke just before.
    /// Enough to say whose side a statement takes; not enough to say two
    /// people hold one office.
    pub presumed_state: Option<PlaceId>,
    /// The body, other than a state, the holder serves ("director of the
    /// Swedish National Seismic Network").
    pub body: Option<String>,
    /// "former", "late", "then": the person does not hold it now.
    pub void: bool,
    /// The role is an official one (minister, ambassador, spokesperson).
    pub official: bool,
}

impl Role {
    /// Identity of the role: the state it serves and its title.
    #[must_use]
    pub fn key(&self) -> String {
        // Written into one string: every person's role is keyed.
        let mut key = String::with_capacity(self.title.len() + 8);
        match self.affiliation {
            Some(place) => {
                let _ = write!(key, "{place}");
            }
            None => key.push('?'),
        }
        key.push('|');
        key.push_str(&self.title);
        key
    }
}

/// One mention of a person.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PersonMention {
    /// Bytes of the name in the document.
    pub span: Range<usize>,
    /// Bytes of the sentence it is in.
    pub sentence: Range<usize>,
    /// The name as written.
    pub name: String,
    /// Folded last name: "dobre", "abu-bakr".
    pub surname: String,
    /// Folded given names, if written.
    pub given: Option<String>,
    /// The role named with this mention, if any.
    pub role: Option<Role>,
}

/// Builds a mention from a name run and an optional role.
#[must_use]
pub fn mention(
    view: &SentenceView,
    text: &str,
    run: Range<usize>,
    role: Option<Role>,
    lexicon: &Lexicon,
) -> PersonMention {
    let mut last_word_start = (run.start..run.end)
        .rev()
        .find(|&i| i == run.start || (!view.glued(i - 1) && view.tokens[i - 1].norm != "-"))
        .unwrap_or(run.start);
    // "Adel Abdel Mahdi", "Ursula von der Leyen": the surname's prefixes
    // are part of it.
    while last_word_start > run.start + 1
        && lexicon.surname_prefixes.contains(view.tokens[last_word_start - 1].norm.as_str())
    {
        last_word_start -= 1;
    }
    let surname = view.tokens[last_word_start..run.end].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ");
    let given = (last_word_start > run.start)
        .then(|| view.tokens[run.start..last_word_start].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" "));
    PersonMention {
        span: view.byte_span(run.clone()),
        sentence: view.span.clone(),
        name: view.text(text, run).to_string(),
        surname,
        given,
        role,
    }
}

/// The people a parsed sentence names: runs of two or more proper nouns
/// (with the small words inside names: "bin", "al-", "von der") that are
/// no place, body, office or month; and a single proper noun the article
/// has given a person as surname (`known`). Each comes with the office the
/// sentence gives it, before the name or set beside it after.
#[must_use]
pub fn find_people(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    lexicon: &Lexicon,
    known: impl Fn(&str) -> bool,
) -> Vec<PersonMention> {
    let mut people = Vec::new();
    if parsed.is_empty() {
        return people;
    }
    let name_word = |i: usize| {
        let token = &view.tokens[i];
        token.is_word
            && token.capitalised
            && !token.all_caps
            && !view.quoted[i]
            && parsed.tag(parsed.word_of[i]) == Tag::Propn
            && !lexicon.months.contains_key(token.norm.as_str())
            && !view.covered_by(i, |c| {
                matches!(
                    c,
                    Cue::Body
                        | Cue::Official
                        | Cue::Outlet
                        | Cue::KnownBody(_)
                        | Cue::RoleTitle
                        | Cue::Honorific
                        | Cue::NotName
                        | Cue::Unnamed
                        | Cue::Observer
                        | Cue::Place(..)
                        | Cue::Means(_)
                )
            })
    };
    let mut index = 0;
    // A role phrase does not reach back into an earlier name: in "Defence
    // Minister Ilves and the chief of staff, Kask", Kask is chief of staff,
    // not "Defence Minister Ilves and the chief of staff".
    let mut previous_name_end = 0;
    while index < view.tokens.len() {
        if !name_word(index) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        let mut words = 1;
        while end < view.tokens.len() && words < MAX_NAME_WORDS && !view.tokens[end - 1].possessive {
            let joins = view.is_word(end, "-") && view.glued(end);
            let small = lexicon.surname_prefixes.contains(view.tokens[end].norm.as_str());
            if name_word(end) {
                end += 1;
                words += 1;
            } else if (joins || small) && end + 1 < view.tokens.len() && name_word(end + 1) {
                end += 2;
                words += 1;
            } else {
                break;
            }
        }
        index = end;
        // One word names a person the article named in full before, or
        // one a family tie introduces ("his daughter Yulia").
        let single = words == 1;
        let kin = start > 0 && view.covered_by(start - 1, |c| c == Cue::Kin);
        if single && !known(&view.tokens[start].norm) && !kin {
            continue;
        }
        let run = start..end;
        if names_a_place_or_thing(view, parsed, lexicon, &run) {
            continue;
        }
        let after = role_after(view, parsed, text, &run, &lexicon.gazetteer.bodies);
        let role = role_before(view, parsed, text, run.start, previous_name_end, &lexicon.gazetteer.bodies).or(after);
        previous_name_end = run.end;
        people.push(mention(view, text, run, role, lexicon));
    }
    people
}

/// Whether a run of names is introduced as a place or a thing rather
/// than a person: by an article ("the Vorna Valley", "a Tamsin Air jet"),
/// which a person's name goes without unless a title comes between, or
/// by a preposition of place ("in Lorvik Harbour", "from inside the Vorna
/// Valley").
#[must_use]
pub fn names_a_place_or_thing(view: &SentenceView, parsed: &Parsed, lexicon: &Lexicon, run: &Range<usize>) -> bool {
    if view.after_honorific(run.start) {
        return false;
    }
    let article_before = run.start > 0 && parsed.tag(parsed.word_of[run.start - 1]) == Tag::Det;
    let head = run
        .clone()
        .map(|t| parsed.word_of[t])
        .find(|&w| parsed.head(w).is_none_or(|h| !run.contains(&parsed.token_of[h])));
    let placed = head.is_some_and(|head| {
        parsed.children(head).filter(|&c| parsed.dep(c) == Dep::Case).any(|case| {
            let word = view.tokens[parsed.token_of[case]].norm.as_str();
            lexicon.roles.get(word) == Some(&crate::lexicon::ArgumentRole::Location)
        })
    });
    article_before || placed
}

/// The office set beside a name after it: "Evgueni Prigojine, the head of
/// the Wagner paramilitary group".
fn role_after(view: &SentenceView, parsed: &Parsed, text: &str, run: &Range<usize>, bodies: &[String]) -> Option<Role> {
    if !view.is_word(run.end, ",") {
        return None;
    }
    let next = parsed.word_of.get(run.end + 1).copied()?;
    let head = std::iter::once(next).chain(parsed.ancestors(next)).find(|&w| parsed.dep(w) == Dep::Appos)?;
    let tokens = parsed.tokens_of(head);
    (tokens.start == run.end + 1).then(|| role_beside(view, text, tokens, bodies)).flatten()
}

/// The role phrase ending right before a name, if it holds a title; it
/// starts after token `floor` (the end of an earlier name).
#[must_use]
pub fn role_before(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    name_start: usize,
    floor: usize,
    bodies: &[String],
) -> Option<Role> {
    let phrase = role_phrase(view, parsed, name_start, floor);
    // A word for an office right before the name is its title too ("the
    // agency's chief Ana Ruiz", "chief prosecutor Ana Ruiz").
    let office_before_name = || {
        let phrase = trim_punctuation(view, phrase.clone());
        let office = view.hits_within(phrase.clone()).find(|h| h.cue == Cue::Official && h.tokens.end == phrase.end)?;
        Some(role_titled(view, text, phrase, office.tokens.start, bodies))
    };
    role_in(view, text, phrase.clone(), bodies).or_else(office_before_name)
}

/// The role a phrase set beside a name after it names, if any. It may
/// come in a clause ("X, who is Poland's interior minister"): the role
/// starts at its first word of office, state or article.
#[must_use]
pub fn role_beside(view: &SentenceView, text: &str, phrase: Range<usize>, bodies: &[String]) -> Option<Role> {
    let mut phrase = trim_punctuation(view, phrase);
    let opens_role = |i: usize| {
        view.tokens[i].capitalised
            || view.covered_by(i, |c| {
                matches!(
                    c,
                    Cue::VoidQualifier
                        | Cue::RoleQualifier
                        | Cue::RoleTitle
                        | Cue::Official
                        | Cue::Honorific
                        | Cue::Place(..)
                        | Cue::Article
                        | Cue::Kin
                )
            })
    };
    while phrase.start < phrase.end && !opens_role(phrase.start) {
        phrase.start += 1;
    }
    role_in(view, text, phrase, bodies)
}

/// The role a phrase names, if it holds a title: before a name ("Defence
/// Minister"), or set beside it (", director of the Swedish National
/// Seismic Network").
#[must_use]
pub fn role_in(view: &SentenceView, text: &str, phrase: Range<usize>, bodies: &[String]) -> Option<Role> {
    let phrase = trim_punctuation(view, phrase);
    let first_title = view.find(phrase.clone(), |c| matches!(c, Cue::RoleTitle | Cue::Kin))?.tokens.start;
    Some(role_titled(view, text, phrase, first_title, bodies))
}

/// The role a phrase names, its first title word at `first_title`.
fn role_titled(view: &SentenceView, text: &str, phrase: Range<usize>, first_title: usize, bodies: &[String]) -> Role {
    let (affiliation, body) = serves(view, text, &phrase, first_title, bodies);
    let title = role_title(view, &phrase, affiliation);
    let void = view.find(phrase.clone(), |c| c == Cue::VoidQualifier).is_some();
    let official = view.find(phrase.clone(), |c| matches!(c, Cue::Official | Cue::RoleTitle)).is_some();
    // The label ends at the last title word or place: "Defence Minister",
    // not "Defence Minister, General".
    let label_end = view
        .hits_within(phrase.clone())
        .filter(|h| matches!(h.cue, Cue::RoleTitle | Cue::Official | Cue::Place(..)))
        .map(|h| h.tokens.end)
        .max()
        .unwrap_or(phrase.end);
    let label = view.text(text, phrase.start..label_end).trim_end_matches([',', ' ']).to_string();
    Role { title, label, affiliation, presumed_state: None, body, void, official }
}

/// Whom a role serves: a body the gazetteer knows ("UN spokesman"), a body
/// named after the title ("head of the World Meteorological Organization")
/// unless it is an organ of a state ("head of the Security Service of
/// Ukraine" serves Ukraine), else a state.
fn serves(
    view: &SentenceView,
    text: &str,
    phrase: &Range<usize>,
    first_title: usize,
    bodies: &[String],
) -> (Option<PlaceId>, Option<String>) {
    // A state whose the office is ("Russia's envoy to the UN") is whom it
    // serves, whatever body the office deals with.
    let possessor = view.places.iter().find(|m| {
        m.tokens.start >= phrase.start && m.tokens.end <= first_title && view.tokens[m.tokens.end - 1].possessive
    });
    if let Some(state) = possessor {
        return (Some(state.place), None);
    }
    let known = known_body(view, phrase, bodies);
    if known.is_some() {
        return (None, known);
    }
    let title_end = view.find(phrase.clone(), |c| c == Cue::RoleTitle).map_or(first_title + 1, |h| h.tokens.end);
    if let Some(named) = body_in(view, phrase, title_end) {
        let organ = view.find(named.clone(), |c| c == Cue::Official).is_some();
        let body = || view.text(text, named.clone()).trim_end_matches("'s").trim_end_matches("’s").to_string();
        // A body a state owns by name ("Iran's Civil Aviation Organization")
        // speaks for the state too.
        // So does one a state's name or adjective opens ("the Russian
        // Defence Ministry", "the U.S. National Security Council").
        let owner = named.start.checked_sub(1).filter(|&i| i >= phrase.start && view.tokens[i].possessive);
        let owned_by = owner.and_then(|i| affiliation_in(view, i..i + 1)).or_else(|| {
            view.places.iter().find(|m| m.tokens.end == named.start && m.tokens.start >= phrase.start).map(|m| m.place)
        });
        // An organ of a state the text does not name ("commander of the
        // Coastal Guard Forces") serves the state the role is presumed to.
        return match affiliation_in(view, named.clone()).or(owned_by.filter(|_| organ)) {
            Some(state) if organ => (Some(state), None),
            None if organ => (None, None),
            _ => (owned_by, Some(body())),
        };
    }
    (role_affiliation(view, phrase, first_title), None)
}

/// The canonical name of a body the gazetteer knows, named in a phrase.
/// Its name inside a longer name is another body's: the "National
/// Security Council" is not the "Security Council".
#[must_use]
pub fn known_body(view: &SentenceView, phrase: &Range<usize>, bodies: &[String]) -> Option<String> {
    let inside_a_name = |start: usize| {
        let before = start.wrapping_sub(1);
        let describes = |c: Cue| matches!(c, Cue::RoleTitle | Cue::RoleQualifier | Cue::Honorific | Cue::NotName);
        start > phrase.start.max(1)
            && view.tokens[before].capitalised
            && view.place_at(before).is_none()
            && !view.covered_by(before, describes)
    };
    view.hits_within(phrase.clone()).find_map(|h| match h.cue {
        Cue::KnownBody(id) if !inside_a_name(h.tokens.start) => bodies.get(id).cloned(),
        _ => None,
    })
}

/// A phrase without the punctuation at its ends.
fn trim_punctuation(view: &SentenceView, mut phrase: Range<usize>) -> Range<usize> {
    while phrase.start < phrase.end && !view.tokens[phrase.start].is_word {
        phrase.start += 1;
    }
    while phrase.end > phrase.start && !view.tokens[phrase.end - 1].is_word {
        phrase.end -= 1;
    }
    phrase
}

/// The body a role serves, named after its title: a capitalised run with a
/// word for a kind of body ("director of the Swedish National Seismic
/// Network", "head of the World Meteorological Organization").
fn body_in(view: &SentenceView, phrase: &Range<usize>, after_title: usize) -> Option<Range<usize>> {
    let mut at = after_title;
    while at < phrase.end {
        if !view.tokens[at].capitalised || view.place_at(at).is_some() {
            at += 1;
            continue;
        }
        let start = at;
        while at < phrase.end
            && (view.tokens[at].capitalised
                || view.is_word(at, "of")
                || view.is_word(at, "for")
                || view.is_word(at, "and"))
        {
            at += 1;
            if view.tokens[at - 1].possessive {
                break;
            }
        }
        let mut end = at;
        while end > start && !view.tokens[end - 1].capitalised {
            end -= 1;
        }
        // A body's name has a word for a body ("Organization", "Ministry"),
        // not only a title ("Minister").
        let names_body = (start..end).any(|i| {
            view.covered_by(i, |c| matches!(c, Cue::Body | Cue::Official))
                && !view.covered_by(i, |c| c == Cue::RoleTitle)
        });
        if names_body {
            return Some(start..end);
        }
    }
    None
}

/// The tokens of a role phrase before a name: titles, states, ranks,
/// capitalised words ("Press Service Department") and the small words
/// between them, with at most one comma; none before `floor`. It does not
/// start with a small word ("and the", "of") or a word pointing a title
/// at a place ("a letter to Defence Minister").
fn role_phrase(view: &SentenceView, parsed: &Parsed, name_start: usize, floor: usize) -> Range<usize> {
    let mut start = name_start;
    let mut comma_seen = false;
    while start > floor && name_start - start < MAX_ROLE_TOKENS {
        let index = start - 1;
        let token = &view.tokens[index];
        let dateline = token.all_caps && token.norm.chars().count() > 3;
        // A day or a month before a title is when, not who: "On Friday
        // Defence Minister ...".
        let time = view.covered_by(index, |c| c == Cue::Time);
        if view.is_clause_break(index) || dateline || time {
            break;
        }
        if token.norm == "," {
            // Only the comma of an apposition right before the name: "the
            // ambassador to the US, Sorin Albu", not "Dmitri Peskov,
            // spokesman for Vladimir Putin".
            if comma_seen || index + 1 != name_start {
                break;
            }
            comma_seen = true;
        } else if !in_role_phrase(view, index) && !modifies_later_word(parsed, index, name_start) {
            break;
        }
        start = index;
    }
    while start < name_start
        && (view.tokens[start].norm == "," || view.covered_by(start, |c| matches!(c, Cue::RoleEdge | Cue::RoleTarget)))
    {
        start += 1;
    }
    start..name_start
}

/// Whether token `index` is a noun or adjective the parse makes a modifier
/// of a word after it and before the name: "press" in "press secretary",
/// "border" in "border guard commander".
fn modifies_later_word(parsed: &Parsed, index: usize, name_start: usize) -> bool {
    let word = parsed.word_of[index];
    matches!(parsed.tag(word), Tag::Noun | Tag::Adj)
        && matches!(parsed.dep(word), Dep::Compound | Dep::Amod)
        && parsed.head(word).is_some_and(|head| {
            let head_token = parsed.token_of[head];
            index < head_token && head_token < name_start
        })
}

fn in_role_phrase(view: &SentenceView, index: usize) -> bool {
    let token = &view.tokens[index];
    view.covered_by(index, |c| {
        matches!(
            c,
            Cue::RoleTitle
                | Cue::Official
                | Cue::Honorific
                | Cue::VoidQualifier
                | Cue::RoleQualifier
                | Cue::RoleTarget
                | Cue::Place(..)
        )
    }) || (token.is_word && token.capitalised && !view.quoted[index])
        || token.norm == "-"
        || view.covered_by(index, |c| c == Cue::RoleJoiner)
        // The period of an abbreviated rank: "Brig. Gen.".
        || view.abbreviation_period(index) && view.covered_by(index - 1, |c| c == Cue::Honorific)
}

/// The state a role serves: a place before the title ("Romanian ambassador"),
/// else the last place after it that is not its target ("Head of ... of the
/// Republic of Moldova", not "ambassador to the US").
fn role_affiliation(view: &SentenceView, phrase: &Range<usize>, first_title: usize) -> Option<PlaceId> {
    let places: Vec<_> =
        view.places.iter().filter(|m| m.tokens.start >= phrase.start && m.tokens.end <= phrase.end).collect();
    let is_target = |m: &PlaceMention| {
        (phrase.start..m.tokens.start).rev().take(2).any(|i| view.covered_by(i, |c| c == Cue::RoleTarget))
    };
    places
        .iter()
        .find(|m| m.tokens.end <= first_title)
        .or_else(|| places.iter().rev().find(|m| m.tokens.start > first_title && !is_target(m)))
        .map(|m| m.place)
}

/// The folded title words, other places by id, without the affiliation,
/// articles, qualifiers or ranks: "ambassador to #102".
fn role_title(view: &SentenceView, phrase: &Range<usize>, affiliation: Option<PlaceId>) -> String {
    let mut words = Vec::new();
    for index in phrase.clone() {
        let token = &view.tokens[index];
        if let Some(place) = view.place_at(index) {
            if Some(place.place) != affiliation && place.tokens.start == index {
                words.push(format!("#{}", place.place));
            }
            continue;
        }
        let rank_only =
            view.covered_by(index, |c| c == Cue::Honorific) && !view.covered_by(index, |c| c == Cue::RoleTitle);
        let filler = matches!(token.norm.as_str(), "," | "-" | ".")
            || view.covered_by(index, |c| matches!(c, Cue::VoidQualifier | Cue::RoleQualifier | Cue::Article));
        if !rank_only && !filler {
            words.push(token.norm.to_string());
        }
    }
    words.join(" ")
}

/// A speaker's affiliation from the words around them: a demonym, a
/// possessive or named place, or a capital standing for its government.
#[must_use]
pub fn affiliation_in(view: &SentenceView, tokens: Range<usize>) -> Option<PlaceId> {
    view.places
        .iter()
        .filter(|m| m.tokens.start >= tokens.start && m.tokens.end <= tokens.end)
        .min_by_key(|m| (m.form == PlaceForm::Capital, m.tokens.start))
        .map(|m| m.place)
}
