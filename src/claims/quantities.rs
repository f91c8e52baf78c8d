//! Figures and what they count or measure: "a range of 330 kilometres",
//! "at least 11,300 people have died", "196 Dutch nationals", "between
//! 18,000 and 20,000", "seven passengers and three crew members".
//!
//! A figure is read with its bound (exact, about, at least, at most, a
//! range), its unit (converted to the dimension's base unit) and its
//! measure: the noun the tree hangs it from, by the class the lexicon puts
//! it in ("deaths" and "died" both count the dead), with the state an
//! adjective names ("Dutch nationals" count the Dutch). A figure with no
//! measure is not compared; one said to revise an earlier figure is marked.

use std::ops::Range;

use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::syntax::{Dep, Tag};
use crate::lexicon::{Cue, Gazetteer, Lexicon, PlaceForm};

/// Whether a figure is exact, approximate, a bound or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Bound {
    /// As written.
    Exact,
    /// "about 40%".
    About,
    /// "at least 12", "more than 130".
    AtLeast,
    /// "up to 300", "less than 5".
    AtMost,
    /// "between 100 and 300": `value` to `upper`.
    Range,
}

/// A figure with its unit and what it measures.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Bytes of the figure and its unit.
    pub span: Range<usize>,
    /// Value in the dimension's base unit (the lower end of a range).
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// The place of the last digit written, in the base unit: 1 for "196",
    /// 0.1 for "51.2", 100 for "300", 100,000 for "3.5 million".
    pub step: f64,
    /// Index into `Lexicon::units`, if the figure has a unit.
    pub unit: Option<usize>,
    /// What is measured: the dimension (or "count") and what of.
    pub measure: String,
    pub bound: Bound,
    /// The sentence says the figure replaces an earlier one.
    pub updated: bool,
    /// Whose the figure is, when a name is the subject of its clause
    /// ("Mbappe took the Golden Boot with eight goals"): the last word of
    /// the name, folded. Two holders' figures are not one quantity.
    pub holder: Option<String>,
}

/// How far an approximate figure may be from another and agree.
const ABOUT_TOLERANCE: f64 = 0.1;

impl Quantity {
    /// Whether two figures measure one thing: the same measure, or, for
    /// measurements, one said with what it is measured from and one without
    /// ("110 metres below the surface" and "a depth of 70 metres").
    #[must_use]
    pub fn same_measure(&self, other: &Self) -> bool {
        let (a, b) = (self.measure.as_str(), other.measure.as_str());
        let extends = |long: &str, short: &str| long.strip_prefix(short).is_some_and(|rest| rest.starts_with(' '));
        a == b || self.unit.is_some() && other.unit.is_some() && (extends(a, b) || extends(b, a))
    }

    /// The measure figures meet on to be compared: for a measurement,
    /// without what it is measured from, so that [`Self::same_measure`]
    /// sees every pair it could accept.
    #[must_use]
    pub fn blocking_measure(&self) -> &str {
        let measure = self.measure.as_str();
        let named = measure.find(':').map_or(0, |colon| colon + 1);
        match measure[named..].find(' ') {
            Some(space) if self.unit.is_some() => &measure[..named + space],
            _ => measure,
        }
    }

    /// The values the figure allows, as an interval. An exact figure
    /// stands for what rounds to it, as written ("196" is 195.5 to 196.5,
    /// "12 miles" 11.5 to 12.5 miles), at most `tolerance` either way: a
    /// round "300" is not read as anything from 250 to 350.
    #[must_use]
    pub fn interval(&self, tolerance: f64) -> (f64, f64) {
        let v = self.value;
        match self.bound {
            Bound::Exact => {
                let half = (self.step / 2.0).min(v.abs() * tolerance);
                (v - half, v + half)
            }
            Bound::About => (v * (1.0 - ABOUT_TOLERANCE), v * (1.0 + ABOUT_TOLERANCE)),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::AtMost => (0.0, v),
            Bound::Range => (v, self.upper.unwrap_or(v)),
        }
    }
}

/// Earliest and latest years a bare four-digit figure is read as a year.
const YEARS: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// The quantities of one sentence.
#[must_use]
pub fn find_quantities(view: &SentenceView, parsed: &Parsed, lexicon: &Lexicon, places: &Gazetteer) -> Vec<Quantity> {
    let updated = view.find(0..view.tokens.len(), |c| c == Cue::Update).is_some();
    // A line with no verb is a label or a list ("Two ships, two rather
    // different stories"); a figure put at another time is another count.
    let clause = (0..parsed.len()).any(|w| parsed.tag(w).is_verbal());
    if !clause || view.find(0..view.tokens.len(), |c| c == Cue::OtherTime).is_some() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut index = 0;
    while index < view.tokens.len() {
        let Some(figure) = figure_at(view, index, lexicon) else {
            index += 1;
            continue;
        };
        index = figure.end;
        let increment = |t: usize| view.covered_by(t, |c| c == Cue::Increment);
        if parsed.is_empty()
            || is_date(view, &figure, lexicon)
            || increment(figure.end)
            || figure.start.checked_sub(1).is_some_and(increment)
        {
            continue;
        }
        let (unit, end) = unit_after(view, figure.end).map_or((None, figure.end), |(u, end)| (Some(u), end));
        // A year is four bare digits: "2,000" is a figure.
        let four_digits = figure.end == figure.start + 1 && {
            let norm = &view.tokens[figure.start].norm;
            norm.len() == 4 && norm.bytes().all(|b| b.is_ascii_digit())
        };
        if unit.is_none() && four_digits && YEARS.contains(&figure.value) && figure.upper.is_none() {
            continue;
        }
        let Some(what) = measure(view, parsed, lexicon, places, &(figure.start..figure.end), unit.map(|_| end)) else {
            continue;
        };
        let (dimension, factor) = unit.map_or(("count", 1.0), |u| {
            let unit = &lexicon.units[u];
            (unit.dimension.as_str(), unit.factor)
        });
        found.push(Quantity {
            span: view.byte_span(figure.start..end),
            value: figure.value * factor,
            upper: figure.upper.map(|u| u * factor),
            step: figure.step * factor,
            unit,
            measure: format!("{dimension}:{what}"),
            bound: if figure.upper.is_some() { Bound::Range } else { bound_before(view, figure.start) },
            updated,
            holder: holder(view, parsed, figure.start),
        });
        index = index.max(end);
    }
    found
}

/// A figure in the tokens: its value, the upper end of a range, and the
/// tokens it spans.
struct Figure {
    start: usize,
    end: usize,
    value: f64,
    upper: Option<f64>,
    /// The place of the value's last written digit.
    step: f64,
}

/// The figure starting at token `start`: digits or number words, times a
/// multiplier ("3.5 million"), with a range's upper end ("18,000 to
/// 20,000").
/// Whether the sentence gives a figure anywhere.
#[must_use]
pub fn has_figure(view: &SentenceView, lexicon: &Lexicon) -> bool {
    (0..view.tokens.len()).any(|at| number_at(view, at, lexicon).is_some())
}

fn figure_at(view: &SentenceView, start: usize, lexicon: &Lexicon) -> Option<Figure> {
    let (value, step, mut end) = number_at(view, start, lexicon)?;
    let mut figure = Figure { start, end, value, upper: None, step };
    let joins = view.tokens.get(end).is_some_and(|t| lexicon.range_joiners.contains(t.norm.as_str()));
    if joins {
        if let Some((upper, _, upper_end)) = number_at(view, end + 1, lexicon).filter(|(u, _, _)| *u > value) {
            // "between 18,000 and 20,000" is a range; "7 passengers and 3
            // crew" is two figures, and so is "18,000 and 20,000" without
            // "between" or "from".
            let opened = start > 0 && view.covered_by(start - 1, |c| c == Cue::RangeOpener);
            let between = opened || !view.covered_by(end, |c| c == Cue::RangeOpener) && view.tokens[end].norm != "and";
            if between && upper > value {
                figure.upper = Some(upper);
                end = upper_end;
            }
        }
    }
    figure.end = end;
    Some(figure)
}

/// The number at token `index`, the place of its last written digit, and
/// the token after it (and after its multiplier).
fn number_at(view: &SentenceView, index: usize, lexicon: &Lexicon) -> Option<(f64, f64, usize)> {
    let token = view.tokens.get(index)?;
    let word = |i: usize| view.tokens.get(i).and_then(|t| lexicon.number_words.get(t.norm.as_str())).copied();
    let number = if let Some(value) = word(index) {
        // "sixty-three", "twenty one": tens and units joined.
        let joined = view.is_word(index + 1, "-") && view.glued(index + 1);
        let units =
            word(if joined { index + 2 } else { index + 1 }).filter(|u| *u < 10.0 && (20.0..100.0).contains(&value));
        if let Some(units) = units {
            let end = if joined { index + 3 } else { index + 2 };
            return Some(multiplied(view, lexicon, (value + units, 1.0), end));
        }
        (value, whole_step(value))
    } else {
        if !token.norm.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let digits: String = token.norm.chars().filter(|c| *c != ',').collect();
        let value: f64 = digits.parse().ok()?;
        let step = match digits.split_once('.') {
            Some((_, decimals)) => 10f64.powi(-i32::try_from(decimals.len()).unwrap_or(0)),
            None => whole_step(value),
        };
        (value, step)
    };
    Some(multiplied(view, lexicon, number, index + 1))
}

/// The place of a whole number's last nonzero digit: 1 for 196, 100 for 300.
fn whole_step(value: f64) -> f64 {
    let mut step = 1.0;
    while value >= step * 10.0 && (value / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

/// A value and its step times the multiplier at token `at`, if one stands
/// there ("3.5 million"), and the token after.
fn multiplied(view: &SentenceView, lexicon: &Lexicon, (value, step): (f64, f64), at: usize) -> (f64, f64, usize) {
    match view.tokens.get(at).and_then(|t| lexicon.multipliers.get(t.norm.as_str())) {
        Some(multiplier) => (value * multiplier, step * multiplier, at + 1),
        None => (value, step, at),
    }
}

/// A day or year in a date: next to a month's name ("17 July 2014",
/// "June 13").
fn is_date(view: &SentenceView, figure: &Figure, lexicon: &Lexicon) -> bool {
    let month = |i: usize| view.tokens.get(i).is_some_and(|t| lexicon.months.contains_key(t.norm.as_str()));
    month(figure.end) || figure.start.checked_sub(1).is_some_and(month)
}

/// The unit right after a figure ("330 kilometres", "19-kilometre",
/// "51.2%"), and the token after it.
fn unit_after(view: &SentenceView, at: usize) -> Option<(usize, usize)> {
    let at = if view.is_word(at, "-") { at + 1 } else { at };
    view.cues_at(at).find_map(|h| match h.cue {
        Cue::Unit(unit) => Some((unit, h.tokens.end)),
        _ => None,
    })
}

fn bound_before(view: &SentenceView, start: usize) -> Bound {
    let before = start.saturating_sub(3)..start;
    let cue = view
        .hits_within(before)
        .filter(|h| h.tokens.end == start)
        .map(|h| h.cue)
        .find(|c| matches!(c, Cue::AtLeast | Cue::AtMost | Cue::About));
    match cue {
        Some(Cue::AtLeast) => Bound::AtLeast,
        Some(Cue::AtMost) => Bound::AtMost,
        Some(Cue::About) => Bound::About,
        _ => Bound::Exact,
    }
}

/// What the figure at tokens `figure` counts or measures, read off the
/// tags around it rather than the tree, which is often wrong about
/// figures: the noun right after it ("82 Iranians", "15 crew members",
/// "the 19-kilometre bridge"), the noun a unit is of ("51.2% of the vote"),
/// or what is said of a figure that is a subject ("196 were Dutch").
fn measure(
    view: &SentenceView,
    parsed: &Parsed,
    lexicon: &Lexicon,
    places: &Gazetteer,
    figure: &Range<usize>,
    unit_end: Option<usize>,
) -> Option<String> {
    let word_at = |token: usize| parsed.word_of.get(token).copied();
    let tag_at = |token: usize| word_at(token).map(|w| parsed.tag(w));
    let mut at = unit_end.unwrap_or(figure.end);
    // "51.2% of the vote", "a range of 330 kilometres" is read below.
    if unit_end.is_some() && view.is_word(at, "of") {
        at += 1;
        while matches!(tag_at(at), Some(Tag::Det)) {
            at += 1;
        }
    }
    // The nouns right after: their last is what is counted, the ones
    // before it compounded to it.
    let mut end = at;
    while matches!(tag_at(end), Some(Tag::Noun | Tag::Propn | Tag::Adj)) && end < at + MAX_NOUN_PHRASE {
        if view.tokens[end].possessive || !view.tokens[end].is_word {
            end += 1;
            break;
        }
        end += 1;
    }
    let nouns = (at..end).rev().find(|&t| matches!(tag_at(t), Some(Tag::Noun | Tag::Propn)));
    if let Some(noun) = nouns {
        // What the counted are the subject of ("12 soldiers were killed"),
        // or else the object of ("killed 19 soldiers"), says what is
        // counted, if it is a measure's word.
        let classed = |verb: Option<usize>| verb.filter(|&v| measure_class(view, parsed, lexicon, v).is_some());
        let verb = classed(verb_after(view, parsed, end)).or_else(|| classed(verb_before(parsed, figure.start)));
        return Some(key(view, parsed, lexicon, places, at..noun + 1, verb));
    }
    if let Some(unit_end) = unit_end {
        // "330 kilometres" with no noun after: what the unit is the range
        // or length of, before it ("a range of 330 kilometres"), else what
        // the word after it says ("15 km from the border").
        let before = figure.start.checked_sub(2).filter(|&b| view.is_word(b + 1, "of"));
        return match before.filter(|&b| matches!(tag_at(b), Some(Tag::Noun))) {
            Some(before) => Some(key(view, parsed, lexicon, places, before..before + 1, None)),
            None => relation_after(view, parsed, lexicon, places, unit_end),
        };
    }
    if let Some(class) = put_at(view, parsed, lexicon, figure.start) {
        return Some(class.to_string());
    }
    // "196 were Dutch", "147 of those aboard were Iranian nationals".
    let mut after = figure.end;
    if view.is_word(after, "of") {
        while after < view.tokens.len()
            && !matches!(tag_at(after), Some(Tag::Aux | Tag::Verb))
            && after < figure.end + MAX_NOUN_PHRASE
        {
            after += 1;
        }
    }
    match tag_at(after)? {
        Tag::Aux => {
            let mut predicate = after + 1;
            while matches!(tag_at(predicate), Some(Tag::Aux | Tag::Adv)) {
                predicate += 1;
            }
            let mut end = predicate;
            while matches!(tag_at(end), Some(Tag::Noun | Tag::Propn | Tag::Adj)) && end < predicate + MAX_NOUN_PHRASE {
                end += 1;
            }
            if end == predicate {
                return verb_after(view, parsed, after)
                    .and_then(|v| measure_class(view, parsed, lexicon, v))
                    .map(str::to_string);
            }
            Some(key(view, parsed, lexicon, places, predicate..end, None))
        }
        Tag::Verb => measure_class(view, parsed, lexicon, parsed.word_of[after]).map(str::to_string),
        _ => None,
    }
}

/// What a bare figure put "at" is a value of: the measure the verb's
/// subject or object names ("estimated the number of dead at between 100
/// and 300", "the death toll stood at 471").
fn put_at<'l>(view: &SentenceView, parsed: &Parsed, lexicon: &'l Lexicon, figure_start: usize) -> Option<&'l str> {
    let mut at = figure_start.checked_sub(1)?;
    while view.hits.iter().any(|h| h.tokens.end == at + 1 && h.tokens.contains(&at) && is_bound(h.cue)) {
        at = at.checked_sub(1)?;
    }
    if !view.covered_by(at, |c| c == Cue::PutAt) {
        return None;
    }
    let preposition = *parsed.word_of.get(at)?;
    let verb = (0..preposition).rev().take(MAX_NOUN_PHRASE * 2).find(|&w| parsed.tag(w) == Tag::Verb)?;
    parsed.children(verb).filter(|&c| matches!(parsed.dep(c), Dep::Obj | Dep::Nsubj | Dep::NsubjPass)).find_map(|c| {
        view.hits_within(parsed.tokens_of(c)).find_map(|h| match h.cue {
            Cue::Measure(m) => Some(lexicon.measures[m].as_str()),
            _ => None,
        })
    })
}

fn is_bound(cue: Cue) -> bool {
    matches!(cue, Cue::AtLeast | Cue::AtMost | Cue::About | Cue::RangeOpener)
}

/// What a measurement with no noun after it is of, said by the word after
/// its unit (past a conversion in brackets: "6 km (4 miles) from"): "110
/// metres below the surface" is a depth, "15 kilometres from the border" a
/// distance from the border, "300 metres high" a height.
fn relation_after(
    view: &SentenceView,
    parsed: &Parsed,
    lexicon: &Lexicon,
    places: &Gazetteer,
    unit_end: usize,
) -> Option<String> {
    let mut at = unit_end;
    if view.is_word(at, "(") {
        at = (at..view.tokens.len().min(at + MAX_BRACKETED)).find(|&t| view.is_word(t, ")"))? + 1;
    }
    let (class, end) = view.cues_at(at).find_map(|h| match h.cue {
        Cue::Measure(m) => Some((lexicon.measures[m].as_str(), h.tokens.end)),
        _ => None,
    })?;
    // What it is measured from or to: the first noun or place after.
    let landmark = (end..view.tokens.len().min(end + MAX_NOUN_PHRASE + 1))
        .take_while(|&t| !matches!(parsed.word_of.get(t).map(|&w| parsed.tag(w)), Some(Tag::Verb | Tag::Punct)))
        .find_map(|t| match (view.place_at(t), parsed.tag(parsed.word_of[t])) {
            (Some(m), _) if m.form != PlaceForm::Demonym => {
                Some(places.places[places.root(m.place)].name.to_lowercase())
            }
            (_, Tag::Noun) => Some(lexicon.stem(&view.tokens[t].norm).to_string()),
            _ => None,
        });
    let relation = &view.tokens[end - 1].norm;
    Some(match landmark {
        Some(landmark) if relation != class => format!("{class} {relation} {landmark}"),
        Some(landmark) => format!("{class} {landmark}"),
        None => class.to_string(),
    })
}

/// The most tokens a conversion in brackets runs to: "(4 miles)".
const MAX_BRACKETED: usize = 6;

/// The name that is the subject of the clause a figure is in, if the
/// figure is not itself in the subject: the clause's verb is the nearest
/// verb above the figure.
fn holder(view: &SentenceView, parsed: &Parsed, figure: usize) -> Option<String> {
    let word = *parsed.word_of.get(figure)?;
    let mut above = parsed.ancestors(word);
    let verb = above.find(|&w| parsed.tag(w) == Tag::Verb)?;
    let subject = parsed.subject(verb)?;
    let in_subject = std::iter::once(word).chain(parsed.ancestors(word)).any(|w| w == subject);
    if in_subject || parsed.tag(subject) != Tag::Propn {
        return None;
    }
    // A name's words hang flat from its first: the last tells people apart.
    let last = parsed.children(subject).filter(|&c| parsed.dep(c) == Dep::Flat).last().unwrap_or(subject);
    Some(view.tokens[parsed.token_of[last]].norm.to_string())
}

/// The longest noun phrase read after a figure, in tokens.
const MAX_NOUN_PHRASE: usize = 4;

/// The verb after a noun phrase that counts as what the count is of:
/// "11,300 people have died", "3,252 deaths had been recorded".
fn verb_after(view: &SentenceView, parsed: &Parsed, at: usize) -> Option<usize> {
    let mut at = at;
    while parsed.word_of.get(at).is_some_and(|&w| matches!(parsed.tag(w), Tag::Aux | Tag::Adv)) {
        at += 1;
    }
    let word = *parsed.word_of.get(at)?;
    (parsed.tag(word) == Tag::Verb && at < view.tokens.len()).then_some(word)
}

/// The verb right before a figure, past determiners and adverbs: "killed
/// 19 soldiers", "killed some 40 people".
fn verb_before(parsed: &Parsed, figure_start: usize) -> Option<usize> {
    let mut at = figure_start.checked_sub(1)?;
    loop {
        let word = *parsed.word_of.get(at)?;
        match parsed.tag(word) {
            Tag::Verb => return Some(word),
            Tag::Det | Tag::Adv => at = at.checked_sub(1)?,
            _ => return None,
        }
    }
}

/// The lexicon's class for a word ("died", "deaths": the death toll).
fn measure_class<'l>(view: &SentenceView, parsed: &Parsed, lexicon: &'l Lexicon, word: usize) -> Option<&'l str> {
    view.hits.iter().find_map(|h| match h.cue {
        Cue::Measure(m) if h.tokens.contains(&parsed.token_of[word]) => Some(lexicon.measures[m].as_str()),
        _ => None,
    })
}

/// A measure's key: the state a word of the phrase names ("Dutch
/// nationals", "Iranians"), then the class of the verb the phrase is the
/// subject of, or of the phrase's head, or the head's stem with the nouns
/// compounded to it ("crew member").
fn key(
    view: &SentenceView,
    parsed: &Parsed,
    lexicon: &Lexicon,
    places: &Gazetteer,
    phrase: Range<usize>,
    verb: Option<usize>,
) -> String {
    let head = phrase.end - 1;
    let state =
        phrase.clone().find_map(|t| view.place_at(t).map(|m| places.places[places.root(m.place)].name.to_lowercase()));
    let head_is_state = view.place_at(head).is_some();
    let class = verb
        .and_then(|v| measure_class(view, parsed, lexicon, v))
        .or_else(|| measure_class(view, parsed, lexicon, parsed.word_of[head]));
    let what = match class {
        Some(class) => class.to_string(),
        // A demonym standing alone counts people of that state ("82 Iranians").
        None if head_is_state => "people".to_string(),
        None => phrase
            .clone()
            .filter(|&t| {
                let word = parsed.word_of[t];
                parsed.tag(word) == Tag::Noun && !view.covered_by(t, |c| matches!(c, Cue::Unit(_)))
            })
            .map(|t| lexicon.stem(&view.tokens[t].norm))
            .collect::<Vec<_>>()
            .join(" "),
    };
    match state {
        Some(state) => format!("{state} {what}"),
        None => what,
    }
}
