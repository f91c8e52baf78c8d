//! Who a source is, from the words the tree names it with: a person (with
//! the office the text gives them there or earlier), a state (by its name
//! or its capital), an organisation, an outlet, or officials and observers
//! the text leaves unnamed. A pronoun or a bare description ("the
//! ministry", "the president") is whoever the article named so before
//! (`reference`).

use std::ops::Range;

use super::attribution::Source;
use super::grammar::Parsed;
use super::names::{self, PersonMention};
use super::reference;
use super::sentence::SentenceView;
use super::speaker::{Attribution, Context, SourceKind, Speaker, person_speaker};
use super::syntax::{Dep, Tag};
use crate::lexicon::{Cue, Gazetteer, Lexicon, PlaceForm, PlaceId};
use crate::text::normalise;

/// Dependents that belong to a speaker's description: its articles,
/// adjectives, compounds, possessors, appositions and the phrases that
/// say whose it is ("spokesman for the ministry"). The parser reads a
/// titled name it does not know as a list ("Brigadier General Tomas
/// Vell" with the name a list member of the rank): that too.
const DESCRIBES: &[Dep] = &[
    Dep::List,
    Dep::Det,
    Dep::Amod,
    Dep::Compound,
    Dep::NmodPoss,
    Dep::Flat,
    Dep::Appos,
    Dep::Nmod,
    Dep::Nummod,
    Dep::Case,
    Dep::Punct,
];

/// The tokens of the phrase naming a source headed by `head`: the head
/// with the dependents that describe it, up to the first that does not
/// (a relative clause, a time: "Iran on Monday").
#[must_use]
pub fn phrase(parsed: &Parsed, view: &SentenceView, head: usize) -> Range<usize> {
    // A day or a month is no part of who speaks, even where the tree took
    // it for a modifier ("On Thursday investigators said").
    let describes = |child: usize| {
        let time = if parsed.dep(child) == Dep::Nmod {
            is_time(parsed, view, child)
        } else {
            parsed.is(view, child, |c| c == Cue::Time)
        };
        DESCRIBES.contains(&parsed.dep(child)) && !time
    };
    let mut start = head;
    for child in parsed.children(head).filter(|&c| c < head) {
        if describes(child) {
            start = start.min(parsed.span_of(child).start);
        } else {
            start = head.min(parsed.span_of(child).end.max(start));
        }
    }
    let mut end = head + 1;
    for child in parsed.children(head).filter(|&c| c > head) {
        if !describes(child) {
            break;
        }
        end = parsed.span_of(child).end;
    }
    // A closing bracket stays with the opening one inside the phrase:
    // "the Security Service of Ukraine (SBU)".
    let norm = |w: usize| view.tokens[parsed.token_of[w]].norm.as_str();
    let closes_bracket = |w: usize| norm(w) == ")" && (start..w).any(|o| norm(o) == "(");
    while end > head + 1 && parsed.tag(end - 1) == Tag::Punct && !closes_bracket(end - 1) {
        end -= 1;
    }
    while start < head && parsed.tag(start) == Tag::Punct {
        start += 1;
    }
    let mut tokens = parsed.token_of[start]..parsed.token_of[end - 1] + 1;
    // A name is one run of capitalised words whatever the tree made of
    // it: a rank the tagger took for an adjective heads the phrase, and
    // the name after it hangs elsewhere ("Rear Admiral Tomas Vell Orrin").
    let capitalised = |t: usize| {
        let token = &view.tokens[t];
        token.is_word && token.capitalised && !view.quoted[t] && !view.covered_by(t, |c| c == Cue::Time)
    };
    if capitalised(parsed.token_of[head]) {
        while tokens.end < view.tokens.len() && capitalised(tokens.end) && !view.tokens[tokens.end - 1].possessive {
            tokens.end += 1;
        }
    }
    tokens
}

/// Whether a dependent names a time ("on Monday", "in March").
fn is_time(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    let token = &view.tokens[parsed.token_of[word]];
    token.norm.chars().any(|c| c.is_ascii_digit()) || parsed.is(view, word, |c| c == Cue::Time)
}

/// What kind of name a capitalised run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Person,
    Organisation,
}

/// A capitalised run inside a source phrase: a person's or a body's name,
/// with the connecting words of long names kept ("International Federation
/// of Red Cross and Red Crescent Societies").
pub(super) fn proper_runs(
    view: &SentenceView,
    parsed: &Parsed,
    phrase: &Range<usize>,
    lexicon: &Lexicon,
) -> Vec<Range<usize>> {
    let capital = |i: usize| {
        let t = &view.tokens[i];
        // A day or a month is capitalised and no part of a name.
        let not_name = view.covered_by(i, |c| c == Cue::NotName && i == 0 || c == Cue::Time);
        t.is_word && t.capitalised && !view.quoted[i] && !not_name
    };
    let mut runs = Vec::new();
    let mut at = phrase.start;
    while at < phrase.end {
        if !capital(at) {
            at += 1;
            continue;
        }
        let start = at;
        let mut end = at + 1;
        while end < phrase.end {
            if view.tokens[end - 1].possessive {
                break;
            }
            // A hyphen joins the words it stands between; the period of
            // an abbreviation the name goes on after ("Rear Adm. Tal Orev")
            // does too.
            let abbreviated = view.abbreviation_period(end);
            let joins = view.is_word(end, "-") && view.glued(end) || abbreviated;
            let connects = lexicon.name_connectors.contains(view.tokens[end].norm.as_str());
            // A connecting word may take an article ("Agency for the
            // Protection of Coastal Waters").
            let article = |i: usize| i < phrase.end && parsed.tag(parsed.word_of[i]) == Tag::Det;
            if capital(end) {
                end += 1;
            } else if (joins || connects) && end + 1 < phrase.end && capital(end + 1) {
                end += 2;
            } else if connects && article(end + 1) && end + 2 < phrase.end && capital(end + 2) {
                end += 3;
            } else {
                break;
            }
        }
        // A proper name has a proper noun in it: "Intercepted calls",
        // capitalised only for opening a sentence, has none.
        let proper = (start..end).any(|t| parsed.tag(parsed.word_of[t]) == Tag::Propn);
        if proper {
            runs.push(start..end);
        }
        at = end;
    }
    runs
}

/// A run that opens with titles and ends with a name ("Energy Minister
/// Prince Abdulaziz bin Salman", "Col. Turki al-Maliki"): the name, past
/// the titles, ranks and places before it; `None` for a run that ends
/// with a word for a body ("Security Service of Ukraine").
fn name_after_titles(view: &SentenceView, run: &Range<usize>) -> Option<Range<usize>> {
    let title = |i: usize| {
        view.covered_by(i, |c| {
            matches!(c, Cue::RoleTitle | Cue::Honorific | Cue::Official | Cue::Place(..) | Cue::KnownBody(_))
        }) || view.tokens[i].norm == "."
    };
    let start = (run.start..run.end).find(|&i| !title(i))?;
    let tail = start..run.end;
    let ends_with_body = view.find(tail.clone(), |c| matches!(c, Cue::Body | Cue::Official | Cue::Outlet)).is_some();
    let connector_first = !view.tokens[start].capitalised;
    (start > run.start && !ends_with_body && !connector_first).then_some(tail)
}

/// Whether a run names a body rather than a person: it has a word for a
/// kind of body ("Organization"), or a word for an office ("Ministry"),
/// or is one word the article has not given a person (under that name or
/// one spelled much like it: "Grossu" after "Victor Grosu").
fn name_kind(
    view: &SentenceView,
    parsed: &Parsed,
    run: &Range<usize>,
    context: &Context,
    lexicon: &Lexicon,
) -> NameKind {
    let body_word =
        view.find(run.clone(), |c| matches!(c, Cue::Body | Cue::Outlet | Cue::Official | Cue::KnownBody(_))).is_some();
    let one_word = run.len() == 1;
    let word = &view.tokens[run.start].norm;
    let skeleton = |name: &str| name.chars().filter(|c| !lexicon.vowels.contains(*c)).collect::<String>();
    let known_person = one_word
        && (context.latest_named(word).is_some()
            || context.people.iter().any(|p| super::names_match(&p.surname, word, skeleton)));
    let all_caps = one_word && view.tokens[run.start].all_caps;
    let known_person = known_person || view.after_honorific(run.start);
    let thing = names::names_a_place_or_thing(view, parsed, lexicon, run);
    if body_word || all_caps || thing || (one_word && !known_person) {
        NameKind::Organisation
    } else {
        NameKind::Person
    }
}

/// The speaker whose phrase is headed by word `head`.
pub fn resolve(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    lexicon: &Lexicon,
    places: &Gazetteer,
    context: &mut Context,
    source: &Source,
) -> Attribution {
    let (head, tokens) = (source.head, source.tokens.clone());
    let head_token = parsed.token_of[head];
    if parsed.tag(head) == Tag::Pron || view.covered_by(head_token, |c| c == Cue::ThirdPerson) {
        return Attribution { speaker: reference::pronoun(view, head_token, context), ..Attribution::default() };
    }
    let place = |token: usize| {
        view.place_at(token).filter(|m| m.form != PlaceForm::Demonym && m.tokens.contains(&token)).map(|m| m.place)
    };
    let mut runs = proper_runs(view, parsed, &tokens, lexicon);
    // A surname the article has given a person is theirs, however the
    // tagger read it where it opens a sentence ("Fenwick, the port's
    // harbour master, said").
    let head_named_before = view.tokens[head_token].capitalised
        && runs.iter().all(|run| !run.contains(&head_token))
        && context.latest_named(&view.tokens[head_token].norm).is_some();
    if head_named_before {
        runs.push(head_token..head_token + 1);
    }
    let runs: Vec<Range<usize>> = runs
        .into_iter()
        .filter(|run| {
            let within = |m: &super::sentence::PlaceMention| m.tokens.start <= run.start && run.end <= m.tokens.end;
            // A rank or title alone ("Gen." before "Tom Ruark") names no one.
            let rank_only = run.clone().all(|t| view.covered_by(t, |c| matches!(c, Cue::Honorific | Cue::RoleTitle)));
            // A sentence's first word is capitalised whatever it is; a word
            // for people left unnamed there ("Neighbours said") names no one.
            // (The tagger's reading is no help: it takes an unknown name
            // opening a sentence for a common noun as often.)
            let first_word = view.tokens.iter().position(|t| t.is_word) == Some(run.start);
            let common = view.covered_by(run.start, |c| matches!(c, Cue::Unnamed | Cue::Observer));
            let common_opening = first_word && run.len() == 1 && common;
            !rank_only && !common_opening && !view.places.iter().any(|m| within(m) && m.form != PlaceForm::Demonym)
        })
        .collect();
    // A name with an office beside it is a person's ("Johnson, then foreign
    // secretary"); of several names, the one the phrase is headed by.
    let titled = view.find(tokens.clone(), |c| c == Cue::RoleTitle).is_some();
    // A state's adjective alone ("the Chilean ambassador") names no one.
    let demonym = |run: &Range<usize>| {
        view.places
            .iter()
            .any(|m| m.form == PlaceForm::Demonym && m.tokens.start <= run.start && run.end <= m.tokens.end)
    };
    let is_person = |run: &Range<usize>| {
        name_kind(view, parsed, run, context, lexicon) == NameKind::Person
            || titled
                && !demonym(run)
                && view
                    .find(run.clone(), |c| matches!(c, Cue::Body | Cue::Official | Cue::Outlet | Cue::KnownBody(_)))
                    .is_none()
    };
    let person = runs.iter().find_map(|run| name_after_titles(view, run)).or_else(|| {
        let heading = runs.iter().find(|run| run.contains(&head_token)).filter(|run| is_person(run));
        heading.or_else(|| runs.iter().find(|run| is_person(run))).cloned()
    });
    let bodies = &lexicon.gazetteer.bodies;
    // "Iran's mission to the United Nations": a state's own organ, not
    // the body named in its description.
    let state_owned = view.places.iter().any(|m| {
        m.tokens.start >= tokens.start && m.tokens.end <= head_token && view.tokens[m.tokens.end - 1].possessive
    });
    // "Prosecutors in Lyon said": officials described by a word for what
    // they are, with a name after them that is where they are, not who
    // (as it is before them: "a Hamas official").
    let described_head = parsed.tag(head) == Tag::Noun
        && view.covered_by(head_token, |c| matches!(c, Cue::Official | Cue::Unnamed | Cue::Observer));
    let mut attribution = if let Some(run) = person {
        named(view, parsed, text, context, run, &tokens, lexicon)
    } else if let Some(state) = place(head_token).filter(|_| runs.iter().all(|r| !r.contains(&head_token))) {
        Attribution { speaker: Some(state_speaker(lexicon, state, view, text, &tokens)), ..Default::default() }
    } else if let Some(speaker) = office_holder(view, text, context, &tokens, head_token, bodies) {
        Attribution { speaker: Some(speaker), ..Attribution::default() }
    } else if let Some(run) = runs
        .iter()
        .find(|run| run.contains(&head_token))
        .or(runs.first().filter(|run| !(state_owned || described_head && run.start > head_token)))
    {
        let speaker = organisation(view, text, run.clone(), &tokens, bodies, context.home_state);
        context.bodies.push(speaker.clone());
        Attribution { speaker: Some(speaker), ..Attribution::default() }
    } else if let Some(known) = reference::earlier(view, lexicon, context, &tokens, head_token) {
        Attribution { speaker: Some(known), ..Attribution::default() }
    } else {
        let speaker = described(view, parsed, text, context, tokens, head_token, bodies);
        Attribution { speaker, ..Attribution::default() }
    };
    // A speaker serves a state, not a town in it: "the Derna mayor" speaks
    // for Libya.
    if let Some(speaker) = attribution.speaker.as_mut() {
        speaker.affiliation = speaker.affiliation.map(|p| places.root(p));
    }
    attribution
}

/// A holder of an office described by it and by whom they serve ("the head
/// of Iran's Civil Aviation Organization", "a spokesperson for Ukraine's
/// southern command"): an official of that state or body, whose name may
/// follow in the next sentence.
fn office_holder(
    view: &SentenceView,
    text: &str,
    context: &mut Context,
    tokens: &Range<usize>,
    head: usize,
    bodies: &[String],
) -> Option<Speaker> {
    if !view.covered_by(head, |c| c == Cue::RoleTitle) {
        return None;
    }
    let role = names::role_in(view, text, tokens.clone(), bodies)?;
    if role.affiliation.is_none() && role.body.is_none() {
        return None;
    }
    let label = view.text(text, tokens.clone()).trim_start_matches("The ").trim_start_matches("the ");
    let key = format!("official:{:?}:{}", role.affiliation, normalise(label));
    let speaker = Speaker {
        label: label.into(),
        key: key.into(),
        kind: SourceKind::Official,
        affiliation: role.affiliation,
        body: role.body.as_deref().map(Into::into),
        via_unnamed: false,
    };
    context.pending_role = Some((role, context.sentence));
    Some(speaker)
}

/// A named person, with the office the text gives them before or after
/// the name ("Ukraine's president, Volodymyr Zelensky", "Bjorn Lund,
/// director of the Swedish National Seismic Network") or earlier.
fn named(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    context: &mut Context,
    run: Range<usize>,
    phrase: &Range<usize>,
    lexicon: &Lexicon,
) -> Attribution {
    let bodies = &lexicon.gazetteer.bodies;
    // The role phrase does not reach back into a name said before it.
    let name_start = view.byte_span(run.start..run.start + 1).start;
    let floor = context
        .people
        .iter()
        .filter(|p| p.sentence == view.span && p.span.end <= name_start)
        .map(|p| view.tokens.partition_point(|t| t.span.start < p.span.end))
        .max()
        .unwrap_or(0);
    let before = names::role_before(view, parsed, text, run.start, floor, bodies);
    let after = (run.end < phrase.end).then(|| names::role_beside(view, text, run.end..phrase.end, bodies)).flatten();
    // The head of the phrase the name is set beside: "the spokesman for
    // the Belarusian defence ministry, Colonel Ihar Zhuk".
    let head =
        || (phrase.start < run.start).then(|| names::role_in(view, text, phrase.start..run.start, bodies)).flatten();
    let own_role = before.or(after).or_else(head);
    let pending = if own_role.is_none() { context.pending_role.take() } else { None };
    let names_earlier = pending.as_ref().map(|(_, sentence)| *sentence);
    let mut role = own_role.or(pending.map(|(role, _)| role));
    // An office of no named state is one of the state last heard
    // officially ("Foreign ministry spokesman X said separately" after a
    // minister of some state), or else of the dateline's.
    let previous = context.last.as_ref().filter(|s| s.kind == SourceKind::Official).and_then(|s| s.affiliation);
    presume_state(role.as_mut(), previous.or(context.home_state));
    let mut person: PersonMention = names::mention(view, text, run, role, lexicon);
    if let Some(known) = context.latest_named(&person.surname) {
        if person.role.is_none() {
            // The office given when first named, where no speaker before
            // had been heard: of the dateline's state.
            person.role = known.role.clone();
            presume_state(person.role.as_mut(), context.home_state);
        }
    }
    Attribution { speaker: Some(person_speaker(&person)), person: Some(person), names_earlier }
}

/// Presumes the state an office of no named state or body serves.
fn presume_state(role: Option<&mut names::Role>, state: Option<PlaceId>) {
    if let Some(role) = role.filter(|r| r.affiliation.is_none() && r.body.is_none() && r.official) {
        role.presumed_state = role.presumed_state.or(state);
    }
}

/// A state speaking by its name or capital: "Iran on Monday dismissed",
/// "Moscow said".
fn state_speaker(lexicon: &Lexicon, state: PlaceId, view: &SentenceView, text: &str, tokens: &Range<usize>) -> Speaker {
    let name = lexicon.gazetteer.places.get(state).map_or_else(|| view.text(text, tokens.clone()), |p| &p.name);
    Speaker {
        label: view.text(text, tokens.clone()).into(),
        key: format!("official:{state}:{}", normalise(name)).into(),
        kind: SourceKind::Official,
        affiliation: Some(state),
        body: None,
        via_unnamed: false,
    }
}

/// The state a phrase names: a possessor, a demonym or an "of" phrase.
fn state_in(view: &SentenceView, tokens: &Range<usize>) -> Option<PlaceId> {
    names::affiliation_in(view, tokens.clone())
}

/// A body speaking by its name. An organ of a state ("Iran's Civil
/// Aviation Organization", "the Security Service of Ukraine") speaks for
/// the state; any other body for itself.
pub(super) fn organisation(
    view: &SentenceView,
    text: &str,
    run: Range<usize>,
    phrase: &Range<usize>,
    bodies: &[String],
    home_state: Option<PlaceId>,
) -> Speaker {
    let name = view.text(text, run.clone()).to_string();
    let outlet = view.find(run.clone(), |c| c == Cue::Outlet).is_some();
    let state = state_in(view, phrase);
    let organ = view.find(run.clone(), |c| c == Cue::Official).is_some();
    let for_state = state.or(home_state).filter(|_| organ && !outlet);
    let kind = if outlet { SourceKind::Outlet } else { SourceKind::Official };
    let body = names::known_body(view, phrase, bodies).unwrap_or_else(|| name.clone());
    Speaker {
        label: name.clone().into(),
        key: format!("body:{}", normalise(&name)).into(),
        kind,
        affiliation: for_state,
        body: (for_state.is_none() && !outlet).then(|| body.into()),
        via_unnamed: false,
    }
}

/// A speaker described rather than named: "a defence ministry spokesman",
/// "officials familiar with the investigation", "state television". A
/// phrase whose head names no kind of speaker names none.
fn described(
    view: &SentenceView,
    parsed: &Parsed,
    text: &str,
    context: &mut Context,
    tokens: Range<usize>,
    head: usize,
    bodies: &[String],
) -> Option<Speaker> {
    let is = |cue: Cue| view.covered_by(head, |c| c == cue);
    let anywhere = |cue: Cue| view.find(tokens.clone(), |c| c == cue).is_some();
    // A noun no list knows that speaks for a state it names ("a Chilean
    // navy officer", "an adviser to Chile's navy") is that state's source.
    // Without a state, too many such subjects are things ("the
    // investigation says") to take any for a source.
    let common_noun = parsed.tag(parsed.word_of[head]) == Tag::Noun && !is(Cue::SpeechNoun) && !is(Cue::NotName);
    // A bare common noun saying something ("Rescue teams say", "dock
    // workers said") is a plural or a mass: a group of people left unnamed,
    // where a thing would take an article ("the investigation says").
    let word = parsed.word_of[head];
    let bare_sayer = || {
        let says =
            parsed.dep(word) == Dep::Nsubj && parsed.head(word).is_some_and(|v| parsed.is(view, v, |c| c == Cue::Say));
        says && parsed.children(word).all(|c| !matches!(parsed.dep(c), Dep::Det | Dep::NmodPoss | Dep::Nummod))
    };
    let kind = if is(Cue::Unnamed) || is(Cue::Observer) || anywhere(Cue::Unnamed) {
        SourceKind::Unnamed
    } else if is(Cue::Outlet) {
        SourceKind::Outlet
    } else if is(Cue::Official)
        || is(Cue::RoleTitle)
        || is(Cue::Body)
        || view.covered_by(head, |c| matches!(c, Cue::KnownBody(_)))
        || common_noun && state_in(view, &tokens).is_some()
    {
        SourceKind::Official
    } else if common_noun && bare_sayer() {
        SourceKind::Unnamed
    } else {
        return None;
    };
    let label = view.text(text, tokens.clone()).trim_start_matches("The ").trim_start_matches("the ");
    let affiliation = (kind != SourceKind::Outlet).then(|| state_in(view, &tokens)).flatten();
    // An office of no named state, named or unnamed ("a senior official
    // said"), is the dateline's state's.
    let for_a_state = kind == SourceKind::Official || kind == SourceKind::Unnamed && is(Cue::Official);
    let affiliation = affiliation.or(context.home_state.filter(|_| for_a_state));
    // An office holder's name may follow; a body's ("the defence
    // department said") names no one.
    if kind == SourceKind::Official && is(Cue::RoleTitle) {
        context.pending_role =
            names::role_before(view, parsed, text, tokens.end, 0, bodies).map(|role| (role, context.sentence));
    }
    let body = names::known_body(view, &tokens, bodies);
    let folded = normalise(label);
    let names_a_body =
        kind == SourceKind::Official && view.covered_by(head, |c| matches!(c, Cue::Body | Cue::Official));
    let mut key = String::with_capacity(kind.name().len() + 24 + folded.len());
    key.push_str(kind.name());
    key.push(':');
    if let Some(place) = affiliation {
        key.push_str(itoa::Buffer::new().format(place));
    }
    key.push(':');
    key.push_str(&folded);
    let speaker = Speaker {
        key: key.into(),
        label: label.into(),
        kind,
        affiliation,
        body: body.map(Into::into),
        via_unnamed: kind == SourceKind::Unnamed,
    };
    if names_a_body {
        context.bodies.push(speaker.clone());
    }
    Some(speaker)
}
