//! Decides whether a boundary UAX #29 proposes really ends a sentence.
//!
//! UAX #29 breaks after every terminal followed by a space and a capital, so
//! it splits "Gen. Smith", "U.S. Government", "Albert I. Jones" and
//! "Yahoo! in". Each correction here asks one question about the words on
//! either side of the boundary, with the word lists from the lexicon.

use std::ops::Range;

use super::context::{self, Case, Dots, Ending, Head, LONGEST_WORD, Tail};
use super::lexicon::{Lexicon, Roles};
use super::list::{Marker, leading_marker};

/// What to do with a proposed boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// The sentence ends here.
    Keep,
    /// The sentence goes on.
    Veto,
    /// The sentence ends earlier, at this byte, and the next one runs on
    /// past the proposed boundary ("compounds. | . . . The practice").
    MoveTo(usize),
}

/// Judges the boundary UAX #29 proposes at `end` for the sentence that
/// started at `start`.
pub(super) fn judge(lexicon: &Lexicon, text: &str, start: usize, end: usize) -> Verdict {
    let tail = context::tail(text, start, end);
    let head = context::head(text, end);
    match tail.ending {
        Ending::LineBreak | Ending::Other => Verdict::Keep,
        Ending::Exclamation => exclamation(&tail, head),
        Ending::Dots(dots) => ellipsis(dots, head),
        Ending::Period { ref word } => period(lexicon, text, start, &tail, word.clone(), head),
    }
}

/// "Yahoo! in the accounting department" goes on; so does "?" inside a URL.
fn exclamation(tail: &Tail, head: Head) -> Verdict {
    let goes_on = head.case == Case::Lower || (tail.glued && head.case != Case::Upper);
    if goes_on { Verdict::Veto } else { Verdict::Keep }
}

/// Ellipses follow the conventions the Golden Rules encode: a spaced
/// ellipsis (". . .") marks an omission inside a sentence; a fourth dot is
/// a period; a period touching the word before, then ". . .", ends the
/// sentence at that period and opens the next with the omission.
fn ellipsis(dots: Dots, head: Head) -> Verdict {
    if dots.bracketed || head.case == Case::Lower {
        return Verdict::Veto;
    }
    match (dots.spaced, dots.count >= 4, dots.attached) {
        (true, true, true) => Verdict::MoveTo(dots.first + 1),
        (true, false, _) => Verdict::Veto,
        _ => Verdict::Keep,
    }
}

/// A single period after a word: the case of every abbreviation rule.
fn period(lexicon: &Lexicon, text: &str, start: usize, tail: &Tail, word: Range<usize>, head: Head) -> Verdict {
    if is_list_marker(lexicon, text, start, tail, word.start) || head.case == Case::Lower {
        return Verdict::Veto;
    }
    let written = &text[word.clone()];
    let roles = lexicon.roles(written);
    let initialism = is_initialism(written);
    let goes_on = if roles.has(Roles::TITLE) {
        true
    } else if head.case == Case::Digit {
        roles.is_abbreviation() || initialism
    } else if is_capital_letter(written) {
        // An initial, unless it is a word ("you and I.") not after a name.
        !roles.has(Roles::LETTER_WORD) || capitalised_before(text, start, word.start)
    } else if roles.has(Roles::ORDINARY) {
        is_fragment(lexicon, text, start, word.end)
    } else if initialism {
        !lexicon.roles(head.word).has(Roles::STARTER) || is_fragment(lexicon, text, start, word.end)
    } else {
        false
    };
    if goes_on { Verdict::Veto } else { Verdict::Keep }
}

/// Whether the period belongs to a list marker: the sentence is only its
/// marker ("1." before "The first item"), or the word is a later marker of
/// the list the sentence starts (the "2." of "1. The first item 2. The
/// second item"), which [`super::list::split_items`] splits before.
fn is_list_marker(lexicon: &Lexicon, text: &str, start: usize, tail: &Tail, word_start: usize) -> bool {
    let is_bullet = |c| lexicon.is_bullet(c);
    let sentence = &text[start..tail.content_end];
    let Some((first, marker_end)) = leading_marker(sentence, is_bullet) else {
        return false;
    };
    // A bullet may touch its marker ("⁃10.").
    let word = text[word_start..tail.content_end].trim_start_matches(is_bullet);
    marker_end == sentence.len() || Marker::parse(word).is_some_and(|m| m.follows(first))
}

/// Whether the sentence so far is a fronted phrase ("At 5 a.m."), which an
/// abbreviation's period cannot end.
fn is_fragment(lexicon: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let sentence = text[start..end].trim_start_matches(|c: char| !c.is_alphanumeric());
    let first =
        sentence.char_indices().take(LONGEST_WORD).find(|(_, c)| !c.is_alphabetic()).map_or(sentence.len(), |(i, _)| i);
    let max = lexicon.fragment_max_words;
    lexicon.roles(&sentence[..first]).has(Roles::FRAGMENT_OPENER)
        && sentence.split_whitespace().take(max + 1).count() <= max
}

/// Letters separated by periods: "U.S", "a.m", "F.B.I".
fn is_initialism(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 3
        && bytes.len() % 2 == 1
        && bytes.iter().enumerate().all(|(i, b)| if i % 2 == 0 { b.is_ascii_alphabetic() } else { *b == b'.' })
}

fn is_capital_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether the word before the one at `word_start` is capitalised.
fn capitalised_before(text: &str, start: usize, word_start: usize) -> bool {
    let before = text[start..word_start].trim_end();
    let previous = context::word_before(text, start, start + before.len());
    text[previous].chars().next().is_some_and(char::is_uppercase)
}
