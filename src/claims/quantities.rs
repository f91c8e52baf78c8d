//! Quantities with units: "a range of 330 kilometres", "69% of its arms
//! imports", "at least 12 people were killed".
//!
//! A quantity is only worth comparing when the text says what it measures,
//! so each carries a measure key ("share:arms import", "people:killed");
//! quantities without one are kept out of comparisons.

use std::ops::Range;

use super::sentence::SentenceView;
use super::singular;
use crate::lexicon::{Cue, Lexicon};

/// Whether a figure is exact or a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Bound {
    /// As written, or approximate ("about 40%").
    Exact,
    /// "at least 12", "more than 130".
    AtLeast,
    /// "up to 300", "less than 5".
    AtMost,
}

/// A figure with its unit and what it measures.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Bytes of the number and unit.
    pub span: Range<usize>,
    /// Value in the dimension's base unit.
    pub value: f64,
    /// Index into `Lexicon::units`.
    pub unit: usize,
    /// What is measured: dimension and folded head words.
    pub measure: String,
    pub bound: Bound,
}

/// Words that end a measure phrase.
fn ends_measure(word: &str) -> bool {
    matches!(
        word,
        "from"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "and"
            | "or"
            | "with"
            | "since"
            | "between"
            | "during"
            | "than"
            | "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "that"
            | "which"
            | "who"
            | "last"
            | "next"
            | "this"
            | "per"
            | "each"
            | "every"
            | "over"
            | "after"
            | "before"
    )
}

fn skips_in_measure(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "total" | "all" | "annual")
}

/// The quantities of one sentence.
#[must_use]
pub fn find_quantities(view: &SentenceView, lexicon: &Lexicon) -> Vec<Quantity> {
    let mut found = Vec::new();
    for index in 0..view.tokens.len() {
        let Some(mut value) = number_at(view, index, lexicon) else {
            continue;
        };
        if index > 0 && number_at(view, index - 1, lexicon).is_some() {
            continue;
        }
        let mut next = index + 1;
        if let Some(multiplier) = view.tokens.get(next).and_then(|t| lexicon.multipliers.get(t.norm.as_str())) {
            value *= multiplier;
            next += 1;
        }
        if view.is_word(next, "-") {
            next += 1;
        }
        let unit_after = view.cues_at(next).find_map(|h| match h.cue {
            Cue::Unit(unit) => Some((unit, h.tokens.end)),
            _ => None,
        });
        let unit_before = index.checked_sub(1).and_then(|before| {
            view.cues_at(before).find_map(|h| match h.cue {
                Cue::Unit(unit) if h.tokens.end == index && !view.tokens[before].is_word => Some((unit, next)),
                _ => None,
            })
        });
        let Some((unit, end)) = unit_after.or(unit_before) else {
            continue;
        };
        let start = if unit_before.is_some() && unit_after.is_none() { index - 1 } else { index };
        let Some(key) = measure(view, start, end, lexicon) else {
            continue;
        };
        let definition = &lexicon.units[unit];
        found.push(Quantity {
            span: view.byte_span(start..end),
            value: value * definition.factor,
            unit,
            measure: format!("{}:{key}", definition.dimension),
            bound: bound_before(view, start),
        });
    }
    found
}

fn number_at(view: &SentenceView, index: usize, lexicon: &Lexicon) -> Option<f64> {
    let token = view.tokens.get(index)?;
    if let Some(value) = lexicon.number_words.get(token.norm.as_str()) {
        return Some(*value);
    }
    // Every token is asked: only those that start like a figure are copied.
    if !token.norm.trim_start_matches(',').starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = token.norm.chars().filter(|c| *c != ',').collect();
    digits.parse().ok()
}

fn bound_before(view: &SentenceView, start: usize) -> Bound {
    let words: Vec<&str> = view.tokens[start.saturating_sub(2)..start].iter().map(|t| t.norm.as_str()).collect();
    let phrase = words.join(" ");
    if phrase.ends_with("at least") || phrase.ends_with("more than") || phrase.ends_with("over") {
        Bound::AtLeast
    } else if phrase.ends_with("up to") || phrase.ends_with("less than") || phrase.ends_with("fewer than") {
        Bound::AtMost
    } else {
        Bound::Exact
    }
}

/// What a figure measures: "of <noun phrase>" after it, "<noun> of" before
/// it, or a participle next to it ("were killed", "evacuated").
fn measure(view: &SentenceView, start: usize, end: usize, lexicon: &Lexicon) -> Option<String> {
    let word = |i: usize| view.tokens.get(i).filter(|t| t.is_word).map(|t| t.norm.as_str());
    let measure_at = |i: usize| {
        view.hits.iter().find_map(|h| match h.cue {
            Cue::Measure(m) if h.tokens.contains(&i) => Some(lexicon.measures[m].clone()),
            _ => None,
        })
    };
    // A few words either side, not crossing punctuation: "killing 29
    // people", "4,000 residents to leave their homes".
    let after = (end..end + 6).take_while(|&i| word(i).is_some()).find_map(measure_at);
    let before = || (start.saturating_sub(3)..start).rev().take_while(|&i| word(i).is_some()).find_map(measure_at);
    if let Some(name) = after.or_else(before) {
        return Some(name);
    }
    if word(end) == Some("of") {
        let mut words = Vec::new();
        let mut index = end + 1;
        while let Some(w) = word(index) {
            if ends_measure(w) || words.len() >= 2 {
                break;
            }
            let is_place = view.place_at(index).is_some();
            if !skips_in_measure(w) && !is_place && !view.tokens[index].possessive {
                words.push(singular(w));
            }
            index += 1;
        }
        if !words.is_empty() {
            return Some(words.join(" "));
        }
    }
    let mut before = start;
    while before > 0 && view.covered_by(before - 1, |c| c == Cue::Approximator) {
        before -= 1;
    }
    if before >= 2 && word(before - 1) == Some("of") {
        if let Some(noun) = word(before - 2).filter(|w| !skips_in_measure(w) && !ends_measure(w)) {
            return Some(singular(noun));
        }
    }
    let participle = |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("en"));
    let mut after = end;
    while word(after)
        .is_some_and(|w| matches!(w, "were" | "was" | "have" | "had" | "been" | "are" | "is" | "reportedly"))
    {
        after += 1;
    }
    if let Some(verb) = word(after).filter(|w| participle(w)) {
        return Some(verb.to_string());
    }
    word(before.checked_sub(1)?).filter(|w| participle(w)).map(str::to_string)
}
