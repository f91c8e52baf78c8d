//! One Aho-Corasick automaton over every cue phrase, matched on whole words.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::gazetteer::{Gazetteer, PlaceForm, PlaceId};
use crate::text::{Token, tokenize};

/// What a matched phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    SpeechVerb,
    DenialVerb,
    AccordingTo,
    Quoting,
    Negator,
    DenialPhrase,
    Future,
    Hedge,
    Reported,
    Official,
    Unnamed,
    /// Unnamed commentators: experts, witnesses, analysts.
    Observer,
    Outlet,
    ThirdPerson,
    Own,
    RoleTitle,
    VoidQualifier,
    RoleQualifier,
    RoleTarget,
    Honorific,
    Approximator,
    PlaceType,
    Direction,
    /// A capitalised word that is never part of a name ("However").
    NotName,
    /// A noun an event is about ("drone", "missile").
    EventNoun,
    /// An event frame cue; indexes `Lexicon::frames`.
    Frame(usize),
    /// A unit of measure; indexes `Lexicon::units`.
    Unit(usize),
    /// Words saying what a count measures; indexes `Lexicon::measures`.
    Measure(usize),
    /// A gazetteer place, by name, demonym or capital.
    Place(PlaceId, PlaceForm),
}

/// A cue found in a sentence: which cue and which tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub cue: Cue,
    /// Token indices within the scanned slice.
    pub tokens: Range<usize>,
}

#[derive(Debug)]
pub(super) struct PhraseMatcher {
    automaton: AhoCorasick,
    /// For each pattern, every cue it stands for (a word may be several).
    meanings: Vec<Vec<Cue>>,
    /// For each pattern, whether it must match an all-caps word ("US").
    needs_caps: Vec<bool>,
}

impl PhraseMatcher {
    pub(super) fn new(phrases: &[(String, Cue)]) -> Self {
        let mut by_pattern: BTreeMap<(String, bool), Vec<Cue>> = BTreeMap::new();
        for (phrase, cue) in phrases {
            let folded: Vec<String> = tokenize(phrase, 0).into_iter().map(|t| t.norm.into_string()).collect();
            if folded.is_empty() {
                continue;
            }
            let needs_caps = matches!(cue, Cue::Place(..))
                && phrase.chars().any(char::is_alphabetic)
                && !phrase.chars().any(char::is_lowercase);
            let meanings = by_pattern.entry((folded.join(" "), needs_caps)).or_default();
            if !meanings.contains(cue) {
                meanings.push(*cue);
            }
        }
        let patterns: Vec<&String> = by_pattern.keys().map(|(p, _)| p).collect();
        // Every sentence of a corpus is scanned: the DFA's bigger tables
        // (built once per run) buy the fastest scan.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .expect("cue phrases build an automaton");
        let needs_caps = by_pattern.keys().map(|(_, caps)| *caps).collect();
        Self { automaton, meanings: by_pattern.into_values().collect(), needs_caps }
    }

    pub(super) fn scan(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut joined = String::new();
        let mut token_at_start = Vec::new();
        let mut token_at_end = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            if index > 0 {
                joined.push(' ');
            }
            token_at_start.push((joined.len(), index));
            joined.push_str(&token.norm);
            token_at_end.push((joined.len(), index));
        }
        let find = |table: &[(usize, usize)], offset: usize| {
            table.binary_search_by_key(&offset, |(o, _)| *o).ok().map(|i| table[i].1)
        };
        let mut hits = Vec::new();
        for found in self.automaton.find_overlapping_iter(&joined) {
            let (Some(first), Some(last)) = (find(&token_at_start, found.start()), find(&token_at_end, found.end()))
            else {
                continue;
            };
            let pattern = found.pattern().as_usize();
            for cue in &self.meanings[pattern] {
                if let Cue::Place(..) = cue {
                    let token = &tokens[first];
                    let caps_ok = !self.needs_caps[pattern] || token.all_caps;
                    if !token.capitalised || !caps_ok || !Gazetteer::accepts(&tokens[first..=last]) {
                        continue;
                    }
                }
                hits.push(Hit { cue: *cue, tokens: first..last + 1 });
            }
        }
        hits.sort_by_key(|h| (h.tokens.start, h.tokens.end, h.cue));
        hits
    }
}
