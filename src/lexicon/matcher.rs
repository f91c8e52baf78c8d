//! Every cue phrase, matched on whole words.

use std::collections::BTreeMap;
use std::ops::Range;

use foldhash::{HashMap, HashMapExt};

use super::gazetteer::{Gazetteer, PlaceForm, PlaceId};
use crate::text::{Token, tokenize};

/// What a matched phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// A verb of saying: its subject states its complement.
    Say,
    /// A word said of a clause that its subject holds true ("made it clear
    /// that", "was adamant that"): a verb of saying spread over two words.
    Assure,
    /// A word that rejects what it governs.
    Deny,
    /// A verb whose object is accused of its complement.
    Accuse,
    /// A word that puts what it governs as possible, not fact.
    Hedge,
    /// A word that doubts what it governs ("doubtful that").
    Doubt,
    /// A verb that holds an answer back ("declined to say").
    Withhold,
    /// A complementiser that asks ("whether").
    Question,
    /// A verb of looking into ("investigating").
    Inquire,
    /// A word calling what it is said of false.
    False,
    /// A word calling what it is said of true.
    True,
    /// A verb that stops what it governs.
    Prevent,
    /// A noun for something said ("reports", "accusations").
    SpeechNoun,
    AccordingTo,
    Quoting,
    Negator,
    Future,
    /// A word by which a denial covers the past ("never").
    Always,
    Official,
    /// A word naming a kind of body: "Organization", "Ministry".
    Body,
    Unnamed,
    /// Unnamed commentators: experts, witnesses, analysts.
    Observer,
    Outlet,
    ThirdPerson,
    /// A pronoun for a person ("he"), not a body.
    Personal,
    /// A determiner pointing back ("the").
    Definite,
    /// A noun pointing back to the last body that spoke ("the statement").
    Anaphor,
    Own,
    RoleTitle,
    /// A family tie a person is named by: "daughter".
    Kin,
    VoidQualifier,
    RoleQualifier,
    RoleTarget,
    Honorific,
    /// A lower bound before a figure: "at least".
    AtLeast,
    /// An upper bound before a figure: "up to".
    AtMost,
    /// An estimate before a figure: "about".
    About,
    /// A word saying a figure replaces an earlier one: "revised".
    Update,
    /// A word opening a range: "between".
    RangeOpener,
    /// A word putting a bare figure at a value: "stood at 471".
    PutAt,
    /// A word making a figure an increment: "more", "further".
    Increment,
    /// A phrase putting a figure at another time: "last month".
    OtherTime,
    PlaceType,
    Direction,
    /// A capitalised word that is never part of a name ("However").
    NotName,
    /// A day or month named: "on Monday", "in March".
    Time,
    /// A word that ends a clause as strong punctuation does ("but").
    ClauseBreak,
    /// A word opening a content clause after a noun ("reports that").
    Complementiser,
    /// A small word inside a role phrase before a name ("spokesman for
    /// the ministry of ...").
    RoleJoiner,
    /// A small word a role phrase does not start with ("of", "to").
    RoleEdge,
    /// An article, no part of a title ("the", "a").
    Article,
    /// A word after a name that introduces the place holding it ("... in
    /// Romania", "... region of Belarus").
    ContainerWord,
    /// A kind of means ("drone", "limpet mine"); indexes `Lexicon::means`.
    Means(usize),
    /// An event frame cue; indexes `Lexicon::frames`.
    Frame(usize),
    /// A unit of measure; indexes `Lexicon::units`.
    Unit(usize),
    /// Words saying what a count measures; indexes `Lexicon::measures`.
    Measure(usize),
    /// A gazetteer place, by name, demonym or capital.
    Place(PlaceId, PlaceForm),
    /// A body the gazetteer knows: "United Nations", "NATO"; indexes
    /// `Gazetteer::bodies`.
    KnownBody(usize),
}

impl Cue {
    /// Whether the cue is read through the clause it stands in (a verb of
    /// saying, a stance, an event, a role, or a complementiser, which may
    /// open what a verb no list knows says: "ruled that"), not only by its
    /// words. A body or an official is read so only as the subject of one
    /// of these.
    #[must_use]
    pub fn asks_for_clauses(self) -> bool {
        matches!(
            self,
            Cue::Say
                | Cue::Assure
                | Cue::Deny
                | Cue::Accuse
                | Cue::Hedge
                | Cue::Doubt
                | Cue::Withhold
                | Cue::Question
                | Cue::Inquire
                | Cue::False
                | Cue::True
                | Cue::Prevent
                | Cue::SpeechNoun
                | Cue::AccordingTo
                | Cue::Quoting
                | Cue::RoleTitle
                | Cue::Kin
                | Cue::Complementiser
                | Cue::Frame(_)
        )
    }
}

/// A cue found in a sentence: which cue and which tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub cue: Cue,
    /// Token indices within the scanned slice.
    pub tokens: Range<usize>,
}

/// One cue phrase: its words after the first, and what it means.
#[derive(Debug)]
struct Phrase {
    rest: Vec<String>,
    /// Every cue the phrase stands for (a word may be several).
    meanings: Vec<Cue>,
    /// Whether it must match an all-caps word ("US").
    needs_caps: bool,
}

/// Every cue phrase, found by its first word. Phrases match whole tokens,
/// so a sentence is looked up a token at a time: one hash probe per token,
/// where a byte automaton would also report every phrase hidden inside a
/// longer word ("us" in "because") only to have it thrown away.
#[derive(Debug)]
pub(super) struct PhraseMatcher {
    by_first_word: HashMap<String, Vec<Phrase>>,
}

impl PhraseMatcher {
    pub(super) fn new(phrases: &[(String, Cue)]) -> Self {
        let mut by_words: BTreeMap<(Vec<String>, bool), Vec<Cue>> = BTreeMap::new();
        for (phrase, cue) in phrases {
            let folded: Vec<String> = tokenize(phrase, 0).into_iter().map(|t| t.norm.into_string()).collect();
            if folded.is_empty() {
                continue;
            }
            let needs_caps = matches!(cue, Cue::Place(..) | Cue::KnownBody(_))
                && phrase.chars().any(char::is_alphabetic)
                && !phrase.chars().any(char::is_lowercase);
            let meanings = by_words.entry((folded, needs_caps)).or_default();
            if !meanings.contains(cue) {
                meanings.push(*cue);
            }
        }
        let mut by_first_word: HashMap<String, Vec<Phrase>> = HashMap::new();
        for ((mut words, needs_caps), meanings) in by_words {
            let first = words.remove(0);
            by_first_word.entry(first).or_default().push(Phrase { rest: words, meanings, needs_caps });
        }
        Self { by_first_word }
    }

    pub(super) fn scan(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(tokens.len() / 4 + 2);
        for (first, token) in tokens.iter().enumerate() {
            let Some(phrases) = self.by_first_word.get(token.norm.as_str()) else {
                continue;
            };
            for phrase in phrases {
                let last = first + phrase.rest.len();
                let Some(following) = tokens.get(first + 1..=last) else {
                    continue;
                };
                if !phrase.rest.iter().zip(following).all(|(word, token)| *word == token.norm) {
                    continue;
                }
                for cue in &phrase.meanings {
                    if let Cue::Place(..) | Cue::KnownBody(_) = cue {
                        let caps_ok = !phrase.needs_caps || token.all_caps;
                        if !token.capitalised || !caps_ok || !Gazetteer::accepts(&tokens[first..=last]) {
                            continue;
                        }
                    }
                    hits.push(Hit { cue: *cue, tokens: first..last + 1 });
                }
            }
        }
        hits.sort_by_key(|h| (h.tokens.start, h.tokens.end, h.cue));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> PhraseMatcher {
        let phrases = [
            ("us".to_string(), Cue::Own),
            ("according to".to_string(), Cue::AccordingTo),
            ("said".to_string(), Cue::Say),
            ("US".to_string(), Cue::Place(0, PlaceForm::Name)),
        ];
        PhraseMatcher::new(&phrases)
    }

    fn found(text: &str) -> Vec<(Cue, Range<usize>)> {
        matcher().scan(&tokenize(text, 0)).into_iter().map(|h| (h.cue, h.tokens)).collect()
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert_eq!(found("Because he said so."), vec![(Cue::Say, 2..3)]);
        assert_eq!(
            found("According to us, it said"),
            vec![(Cue::AccordingTo, 0..2), (Cue::Own, 2..3), (Cue::Say, 5..6)]
        );
        assert!(found("according").is_empty());
        assert!(found("to according").is_empty());
    }

    #[test]
    fn an_all_caps_place_needs_capitals() {
        assert_eq!(
            found("The US said"),
            vec![(Cue::Own, 1..2), (Cue::Place(0, PlaceForm::Name), 1..2), (Cue::Say, 2..3)]
        );
        assert_eq!(found("Tell us"), vec![(Cue::Own, 1..2)]);
    }
}
