//! A quick look at a sentence's raw text for what learning a place needs:
//! a possessive ("Moldova's Gagauzia") or a place-type word ("the Ciocarlia
//! air base"). Most sentences have neither, and need not be read in full
//! on the pass that learns places.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

#[derive(Debug, Clone)]
pub struct PlaceTypeWords {
    /// Every word of every place-type phrase, folded.
    words: AhoCorasick,
}

impl PlaceTypeWords {
    pub fn new(folded_phrases: &[String]) -> Self {
        let words: Vec<&str> = folded_phrases.iter().flat_map(|p| p.split(' ')).filter(|w| !w.is_empty()).collect();
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Sentences are short and these words common: a table walked a
            // byte at a time beats skipping ahead to rare bytes.
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(words)
            .expect("place-type words build an automaton");
        Self { words }
    }

    /// Whether a sentence may name a place to learn. Never false for one
    /// that does: a phrase the token matcher finds has each of its words
    /// in the text between non-letters, and a place's possessive is an
    /// apostrophe and an "s" right before the capitalised name it owns
    /// ("Ghana's Volta"). Text that is not plain ASCII (whose folding this
    /// cannot follow) is always read.
    pub fn may_name_a_place(&self, sentence: &str) -> bool {
        if !sentence.is_ascii() || possessive_before_capital(sentence) {
            return true;
        }
        let bytes = sentence.as_bytes();
        let is_letter = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
        self.words.find_overlapping_iter(sentence).any(|found| {
            let before = found.start().checked_sub(1).and_then(|i| bytes.get(i));
            !is_letter(before) && !is_letter(bytes.get(found.end()))
        })
    }
}

/// An apostrophe, an "s", whitespace and an uppercase letter.
fn possessive_before_capital(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    bytes.iter().enumerate().filter(|(_, b)| matches!(b, b'\'' | b'`')).any(|(at, _)| {
        let rest = &bytes[at + 1..];
        let after_s = match rest.first() {
            Some(b's' | b'S') => &rest[1..],
            _ => return false,
        };
        let spaces = after_s.iter().take_while(|b| b.is_ascii_whitespace()).count();
        spaces > 0 && after_s.get(spaces).is_some_and(u8::is_ascii_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> PlaceTypeWords {
        PlaceTypeWords::new(&["air base".to_string(), "region".to_string(), "port".to_string()])
    }

    #[test]
    fn a_type_word_or_a_possessive_may_name_a_place() {
        let words = words();
        assert!(words.may_name_a_place("It flew from the Tarsa Air  Base, officials said."));
        assert!(words.may_name_a_place("Fighting spread to the REGION."));
        assert!(words.may_name_a_place("Ghana's Volta was calm."));
        assert!(words.may_name_a_place("Zürich was calm."));
    }

    #[test]
    fn a_type_word_inside_another_word_does_not() {
        let words = words();
        assert!(!words.may_name_a_place("The report was supported by regional officials."));
        assert!(!words.may_name_a_place("Nothing happened."));
        assert!(!words.may_name_a_place("The minister's remarks were brief, Ghana's officials said it's over."));
        assert!(words.may_name_a_place("Officials in Ghana's\nVolta said so."));
    }
}
