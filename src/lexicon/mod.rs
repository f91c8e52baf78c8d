//! The language data claim extraction reads: cue words and the gazetteer.
//!
//! Both come from TOML files in a rule pack (`rules/lexicon/`), never from
//! Rust code. They are compiled once into a single Aho-Corasick automaton over
//! folded word sequences, so one pass over a sentence finds every cue.

mod gazetteer;
mod matcher;
mod place_types;

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet};
use serde::Deserialize;

pub use gazetteer::{Gazetteer, GazetteerFile, Place, PlaceForm, PlaceId};
pub use matcher::{Cue, Hit};

use crate::text::{Token, normalise};

/// The fewest letters a stem keeps.
const MIN_STEM: usize = 3;

/// The role a preposition gives the phrase it opens, in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgumentRole {
    /// Where from: "fired from Belarus".
    Origin,
    /// Where to: "crossed into Latvia".
    Destination,
    /// What at: "an attack on the bridge".
    Target,
    /// With what: "hit with a missile".
    Means,
    /// Where: "a base in Gagauzia".
    Location,
    /// By whom: "fired by government forces".
    Agent,
    /// For what deed, after a word of blame: "blamed the firm for the
    /// outage".
    Deed,
}

/// The lexicon file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconFile {
    stance: StanceCues,
    sources: SourceCues,
    pronouns: PronounCues,
    frames: BTreeMap<String, FrameFile>,
    roles: RoleCues,
    quantities: QuantityCues,
    dates: DateCues,
    places: PlaceCues,
    chrome: ChromeFile,
    names: NameCues,
    arguments: ArgumentCues,
    means: BTreeMap<String, MeansFile>,
    syntax: SyntaxCues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ArgumentCues {
    origin: Vec<String>,
    destination: Vec<String>,
    target: Vec<String>,
    means: Vec<String>,
    location: Vec<String>,
    agent: Vec<String>,
    deed: Vec<String>,
    origin_endings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MeansFile {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SyntaxCues {
    clause_breaks: Vec<String>,
    complementisers: Vec<String>,
    clitics: Vec<String>,
    inflections: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct NameCues {
    connectors: Vec<String>,
    surname_prefixes: Vec<String>,
    vowels: String,
    not_names: Vec<String>,
    transliterations: Vec<(String, String)>,
}

/// The stance section: how a source puts what it says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct StanceCues {
    say: Vec<String>,
    #[serde(default)]
    assure: Vec<String>,
    deny: Vec<String>,
    accuse: Vec<String>,
    hedge: Vec<String>,
    doubt: Vec<String>,
    withhold: Vec<String>,
    question: Vec<String>,
    inquire: Vec<String>,
    #[serde(rename = "false")]
    false_: Vec<String>,
    #[serde(rename = "true")]
    true_: Vec<String>,
    prevent: Vec<String>,
    speech_nouns: Vec<String>,
    negators: Vec<String>,
    future: Vec<String>,
    always: Vec<String>,
    according_to: Vec<String>,
    quoting: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SourceCues {
    official: Vec<String>,
    bodies: Vec<String>,
    unnamed: Vec<String>,
    observers: Vec<String>,
    outlet: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PronounCues {
    third_person: Vec<String>,
    personal: Vec<String>,
    definite: Vec<String>,
    anaphors: Vec<String>,
    own: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FrameFile {
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    needs_place: bool,
    #[serde(default)]
    needs_actor: bool,
    cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RoleCues {
    joiners: Vec<String>,
    edges: Vec<String>,
    articles: Vec<String>,
    titles: Vec<String>,
    kin: Vec<String>,
    void_qualifiers: Vec<String>,
    qualifiers: Vec<String>,
    targets: Vec<String>,
    honorifics: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct QuantityCues {
    at_least: Vec<String>,
    at_most: Vec<String>,
    about: Vec<String>,
    range_joiners: Vec<String>,
    range_openers: Vec<String>,
    put_at: Vec<String>,
    updates: Vec<String>,
    increments: Vec<String>,
    other_times: Vec<String>,
    number_words: Vec<(String, String)>,
    multipliers: Vec<(String, String)>,
    measures: BTreeMap<String, Vec<String>>,
    units: BTreeMap<String, UnitFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UnitFile {
    dimension: String,
    factor: f64,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DateCues {
    months: Vec<Vec<String>>,
    weekdays: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PlaceCues {
    containers: Vec<String>,
    types: Vec<String>,
    directions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ChromeFile {
    lines: Vec<String>,
    sections: Vec<String>,
    tail: Vec<String>,
    prefixes: Vec<String>,
    widget_words: Vec<String>,
}

/// One event frame kind, by name.
#[derive(Debug, Clone)]
pub struct FrameKind {
    /// The name rule files use: "origin", "territory-use".
    pub name: String,
    /// Kinds of one family tell one act different ways.
    pub family: Option<String>,
    /// Read only where the clause names a place: troops are news where
    /// they are, not where they belong.
    pub needs_place: bool,
    /// Not read where the clause's subject names a deed, not a doer: "the
    /// decision to close the border had nothing to do with it" blames no
    /// one.
    pub needs_actor: bool,
}

/// A unit of measure; quantities of one dimension compare after scaling.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The unit's canonical name: "kilometre".
    pub name: String,
    /// What it measures: "length"; only equal dimensions are compared.
    pub dimension: String,
    /// Multiplier to the dimension's base unit.
    pub factor: f64,
}

/// Cue lists for recognising web chrome lines, folded.
#[derive(Debug, Clone)]
pub struct ChromeCues {
    /// Whole lines that are page furniture.
    pub lines: HashSet<String>,
    /// Line openers that start a block of other stories.
    pub sections: Vec<String>,
    /// Line openers after which the page has no more article.
    pub tail: Vec<String>,
    /// Line prefixes of bylines and credits.
    pub prefixes: Vec<String>,
    /// Words that mark counters and widgets in short lines, folded, found
    /// anywhere in a line: one automaton asks for all of them at once.
    pub widget_words: aho_corasick::AhoCorasick,
}

/// The compiled lexicon and gazetteer.
#[derive(Debug)]
pub struct Lexicon {
    matcher: matcher::PhraseMatcher,
    /// Frame kinds in name order; `Cue::Frame` indexes this.
    pub frames: Vec<FrameKind>,
    /// Units; `Cue::Unit` indexes this.
    pub units: Vec<Unit>,
    /// Names of what counts measure ("killed"); `Cue::Measure` indexes this.
    pub measures: Vec<String>,
    /// Number words read as values: "twelve" is 12.
    pub number_words: HashMap<String, f64>,
    /// Multipliers after a number: "million".
    pub multipliers: HashMap<String, f64>,
    /// Folded words joining a range's ends: "and", "to".
    pub range_joiners: HashSet<String>,
    /// Month names and abbreviations, folded, to month numbers 1-12.
    pub months: HashMap<String, u8>,
    /// Web chrome cues.
    pub chrome: ChromeCues,
    /// Known places.
    pub gazetteer: Gazetteer,
    /// Spelling pairs folded together when comparing names.
    pub transliterations: Vec<(String, String)>,
    /// Single-word attribution verbs, folded, for reading words glued by
    /// scraping ("remarkedthat").
    pub attribution_words: HashSet<String>,
    /// The words of place-type cues, to skip sentences that cannot name a
    /// place to learn.
    pub place_types: place_types::PlaceTypeWords,
    /// Folded word endings that the syntax model reads as words of their
    /// own ("n't", "'ll").
    pub clitics: Vec<String>,
    /// Inflectional endings, longest first, cut to compare words by stem.
    pub inflections: Vec<String>,
    /// Kinds of means, by name; `Cue::Means` indexes this.
    pub means: Vec<String>,
    /// Folded prepositions and the role they give a frame's argument.
    pub roles: HashMap<String, ArgumentRole>,
    /// Folded endings that make a state's adjective say where a thing was
    /// made or based ("made" in "Iranian-made").
    pub origin_endings: HashSet<String>,
    /// Small folded words that may join the parts of a name ("of", "al").
    pub name_connectors: HashSet<String>,
    /// Folded words before a surname that belong to it ("al", "van").
    pub surname_prefixes: HashSet<String>,
    /// Vowels, dropped from a name's skeleton.
    pub vowels: String,
}

fn fold_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| normalise(w)).collect()
}

/// An automaton finding any of `words`. Building one fails only past
/// limits no word list comes near (billions of states), as for the
/// place-type words.
fn any_of(words: &[String]) -> aho_corasick::AhoCorasick {
    // Asked of short lines: a table walked a byte at a time beats skipping
    // ahead to rare bytes, which costs more to set up than the line takes.
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(words)
        .expect("a word list builds an automaton")
}

/// The phrases every word list of the lexicon gives, each with its cue.
fn word_cues(file: &LexiconFile) -> Vec<(String, Cue)> {
    let mut phrases: Vec<(String, Cue)> = Vec::new();
    let mut add = |words: &[String], cue: Cue| {
        phrases.extend(words.iter().map(|w| (w.clone(), cue)));
    };
    let stance = &file.stance;
    add(&stance.say, Cue::Say);
    add(&stance.assure, Cue::Assure);
    add(&stance.deny, Cue::Deny);
    add(&stance.accuse, Cue::Accuse);
    add(&stance.hedge, Cue::Hedge);
    add(&stance.doubt, Cue::Doubt);
    add(&stance.withhold, Cue::Withhold);
    add(&stance.question, Cue::Question);
    add(&stance.inquire, Cue::Inquire);
    add(&stance.false_, Cue::False);
    add(&stance.true_, Cue::True);
    add(&stance.prevent, Cue::Prevent);
    add(&stance.speech_nouns, Cue::SpeechNoun);
    add(&stance.negators, Cue::Negator);
    add(&stance.future, Cue::Future);
    add(&stance.always, Cue::Always);
    add(&stance.according_to, Cue::AccordingTo);
    add(&stance.quoting, Cue::Quoting);
    add(&file.sources.official, Cue::Official);
    add(&file.sources.bodies, Cue::Body);
    add(&file.sources.unnamed, Cue::Unnamed);
    add(&file.sources.observers, Cue::Observer);
    add(&file.sources.outlet, Cue::Outlet);
    add(&file.pronouns.third_person, Cue::ThirdPerson);
    add(&file.pronouns.personal, Cue::Personal);
    add(&file.pronouns.definite, Cue::Definite);
    add(&file.pronouns.anaphors, Cue::Anaphor);
    add(&file.pronouns.own, Cue::Own);
    add(&file.roles.titles, Cue::RoleTitle);
    add(&file.roles.kin, Cue::Kin);
    add(&file.roles.void_qualifiers, Cue::VoidQualifier);
    add(&file.roles.qualifiers, Cue::RoleQualifier);
    add(&file.roles.targets, Cue::RoleTarget);
    add(&file.roles.honorifics, Cue::Honorific);
    add(&file.quantities.at_least, Cue::AtLeast);
    add(&file.quantities.at_most, Cue::AtMost);
    add(&file.quantities.about, Cue::About);
    add(&file.quantities.updates, Cue::Update);
    add(&file.quantities.range_openers, Cue::RangeOpener);
    add(&file.quantities.put_at, Cue::PutAt);
    add(&file.quantities.increments, Cue::Increment);
    add(&file.quantities.other_times, Cue::OtherTime);
    add(&file.places.types, Cue::PlaceType);
    add(&file.places.directions, Cue::Direction);
    add(&file.names.not_names, Cue::NotName);
    add(&file.dates.weekdays, Cue::Time);
    for names in &file.dates.months {
        add(names, Cue::Time);
    }
    add(&file.syntax.clause_breaks, Cue::ClauseBreak);
    add(&file.syntax.complementisers, Cue::Complementiser);
    add(&file.roles.joiners, Cue::RoleJoiner);
    add(&file.roles.edges, Cue::RoleEdge);
    add(&file.roles.articles, Cue::Article);
    add(&file.places.containers, Cue::ContainerWord);
    phrases
}

/// Which argument each preposition or marker introduces.
fn argument_roles(arguments: &ArgumentCues) -> HashMap<String, ArgumentRole> {
    let mut roles = HashMap::new();
    for (words, role) in [
        (&arguments.origin, ArgumentRole::Origin),
        (&arguments.destination, ArgumentRole::Destination),
        (&arguments.target, ArgumentRole::Target),
        (&arguments.means, ArgumentRole::Means),
        (&arguments.location, ArgumentRole::Location),
        (&arguments.agent, ArgumentRole::Agent),
        (&arguments.deed, ArgumentRole::Deed),
    ] {
        for word in words {
            roles.insert(normalise(word), role);
        }
    }
    roles
}

/// Each month name's number, January being 1.
fn month_numbers(months: &[Vec<String>]) -> HashMap<String, u8> {
    let mut numbers = HashMap::new();
    for (index, names) in months.iter().enumerate() {
        let month = u8::try_from(index + 1).unwrap_or(u8::MAX);
        for name in names {
            numbers.insert(normalise(name), month);
        }
    }
    numbers
}

impl Lexicon {
    /// Compiles a lexicon file and a gazetteer; the segmenter's abbreviated
    /// titles ("Gen", "Brig") are honorifics as well.
    #[must_use]
    pub fn compile(file: &LexiconFile, gazetteer: Gazetteer, title_abbreviations: &[String]) -> Self {
        let mut phrases = word_cues(file);
        let mut add = |words: &[String], cue: Cue| {
            phrases.extend(words.iter().map(|w| (w.clone(), cue)));
        };
        add(title_abbreviations, Cue::Honorific);
        let frames: Vec<FrameKind> = file
            .frames
            .iter()
            .enumerate()
            .map(|(index, (name, frame))| {
                add(&frame.cues, Cue::Frame(index));
                FrameKind {
                    name: name.clone(),
                    family: frame.family.clone(),
                    needs_place: frame.needs_place,
                    needs_actor: frame.needs_actor,
                }
            })
            .collect();
        let means: Vec<String> = file
            .means
            .iter()
            .enumerate()
            .map(|(index, (name, means))| {
                add(&means.words, Cue::Means(index));
                name.clone()
            })
            .collect();
        let units: Vec<Unit> = file
            .quantities
            .units
            .iter()
            .enumerate()
            .map(|(index, (name, unit))| {
                add(&unit.aliases, Cue::Unit(index));
                Unit { name: name.clone(), dimension: unit.dimension.clone(), factor: unit.factor }
            })
            .collect();
        let measures: Vec<String> = file
            .quantities
            .measures
            .iter()
            .enumerate()
            .map(|(index, (name, words))| {
                add(words, Cue::Measure(index));
                name.clone()
            })
            .collect();
        gazetteer.add_phrases(&mut phrases);
        let parse_pairs = |pairs: &[(String, String)]| {
            pairs.iter().filter_map(|(w, v)| Some((normalise(w), v.parse().ok()?))).collect()
        };
        let chrome = ChromeCues {
            lines: fold_all(&file.chrome.lines).into_iter().collect(),
            sections: fold_all(&file.chrome.sections),
            tail: fold_all(&file.chrome.tail),
            prefixes: fold_all(&file.chrome.prefixes),
            widget_words: any_of(&fold_all(&file.chrome.widget_words)),
        };
        Self {
            matcher: matcher::PhraseMatcher::new(&phrases),
            frames,
            units,
            measures,
            number_words: parse_pairs(&file.quantities.number_words),
            multipliers: parse_pairs(&file.quantities.multipliers),
            range_joiners: fold_all(&file.quantities.range_joiners).into_iter().collect(),
            months: month_numbers(&file.dates.months),
            chrome,
            gazetteer,
            transliterations: file.names.transliterations.clone(),
            place_types: place_types::PlaceTypeWords::new(&fold_all(&file.places.types)),
            clitics: fold_all(&file.syntax.clitics),
            inflections: {
                let mut endings = fold_all(&file.syntax.inflections);
                endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
                endings
            },
            means,
            roles: argument_roles(&file.arguments),
            origin_endings: fold_all(&file.arguments.origin_endings).into_iter().collect(),
            name_connectors: fold_all(&file.names.connectors).into_iter().collect(),
            surname_prefixes: fold_all(&file.names.surname_prefixes).into_iter().collect(),
            vowels: file.names.vowels.clone(),
            attribution_words: fold_all(&file.stance.say)
                .into_iter()
                .chain(fold_all(&file.stance.deny))
                .filter(|w| !w.contains(' '))
                .collect(),
        }
    }

    /// Every cue found in a token sequence, ordered by start token.
    #[must_use]
    pub fn scan(&self, tokens: &[Token]) -> Vec<Hit> {
        self.matcher.scan(tokens)
    }

    /// A word's stem, for telling whether two clauses use the same words:
    /// the word without its longest inflectional ending, when enough is
    /// left ("developed" and "develop", "drones" and "drone").
    #[must_use]
    pub fn stem<'w>(&self, word: &'w str) -> &'w str {
        self.inflections
            .iter()
            .find_map(|ending| word.strip_suffix(ending.as_str()).filter(|stem| stem.chars().count() >= MIN_STEM))
            .unwrap_or(word)
    }

    /// Whether two words are one word inflected apart: equal, or one is
    /// the other with an inflectional ending ("airline" and "airlines").
    #[must_use]
    pub fn inflected_alike(&self, a: &str, b: &str) -> bool {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        short == long
            || self.inflections.iter().any(|ending| {
                long.strip_suffix(ending.as_str()).is_some_and(|stem| stem == short && stem.chars().count() >= MIN_STEM)
            })
    }

    /// The index of a frame kind by name, as rule files spell it.
    #[must_use]
    pub fn frame_index(&self, name: &str) -> Option<usize> {
        self.frames.iter().position(|f| f.name == name)
    }
}
