//! One Aho-Corasick automaton over every cue phrase, matched on whole words.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::gazetteer::{Gazetteer, PlaceForm, PlaceId};
use crate::text::{Token, tokenize};

/// No token starts (or ends) at this byte of a scanned sentence.
const NO_TOKEN: u32 = u32::MAX;

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
        for (index, token) in tokens.iter().enumerate() {
            if index > 0 {
                joined.push(' ');
            }
            joined.push_str(&token.norm);
        }
        // Per byte of the joined text, the token starting or ending there:
        // the automaton reports matches inside words too, many per
        // sentence, and each is looked up.
        let mut token_at_start = vec![NO_TOKEN; joined.len() + 1];
        let mut token_at_end = vec![NO_TOKEN; joined.len() + 1];
        let mut offset = 0;
        for (index, token) in tokens.iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(NO_TOKEN);
            token_at_start[offset] = index;
            offset += token.norm.len();
            token_at_end[offset] = index;
            offset += 1;
        }
        let find = |table: &[u32], offset: usize| {
            table.get(offset).filter(|&&index| index != NO_TOKEN).map(|&index| index as usize)
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
