//! Reads the text on both sides of a candidate boundary: what ends the
//! sentence before it (a line break, "!", a period after a word, a run of
//! dots) and what starts the text after it.
//!
//! UAX #29 tells where a sentence may end but not why; the corrections in
//! [`super::judge`] need the why, and reading it here, once, keeps them to a
//! few byte comparisons near the boundary.

use std::ops::Range;

/// What ends the text before a candidate boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ending {
    /// A line break: headlines, bylines and paragraphs end there.
    LineBreak,
    /// "!" or "?", possibly doubled ("Hello?!").
    Exclamation,
    /// A single period after the word at `word` (openers stripped:
    /// `(U.S.` gives `U.S`).
    Period { word: Range<usize> },
    /// Two or more dots, possibly spaced (". . .").
    Dots(Dots),
    /// Anything else UAX #29 breaks after.
    Other,
}

/// A run of dots before a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dots {
    /// Byte offset of the first dot.
    pub(super) first: usize,
    pub(super) count: usize,
    /// Whether single spaces separate the dots (". . .").
    pub(super) spaced: bool,
    /// Whether the first dot touches the word before it ("compounds. . . .").
    pub(super) attached: bool,
    /// Whether the dots open a bracket ("[...]"): an omission, not an end.
    pub(super) bracketed: bool,
}

/// The text before a candidate boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tail {
    pub(super) ending: Ending,
    /// End of the sentence without its trailing whitespace.
    pub(super) content_end: usize,
    /// Whether no whitespace separates the sentence from what follows.
    pub(super) glued: bool,
}

/// How the text after a candidate boundary starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The text after a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Head<'a> {
    /// Case of the first character after any opening quotes or brackets.
    pub(super) case: Case,
    /// The letters starting there ("How" in `"How about you?`).
    pub(super) word: &'a str,
}

pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Marks that may close a sentence after its terminal: `great."`, `engineer.)`.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{203A}')
}

/// Marks that may open a sentence or word: `"How`, `(He`.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{2039}' | '\u{201E}')
}

/// Reads the sentence `text[start..end]` back from its end.
pub(super) fn tail(text: &str, start: usize, end: usize) -> Tail {
    let body = &text[start..end];
    let content = body.trim_end();
    let content_end = start + content.len();
    let glued = content_end == end;
    if body[content.len()..].contains(is_line_break) {
        return Tail { ending: Ending::LineBreak, content_end, glued };
    }
    let before_closers = content.trim_end_matches(is_closer);
    let terminal_end = start + before_closers.len();
    let ending = match before_closers.chars().next_back() {
        Some('.') => dots(text, start, terminal_end),
        Some('\u{2026}') => ellipsis_character(text, start, terminal_end),
        Some('!' | '?' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}') => Ending::Exclamation,
        _ => Ending::Other,
    };
    Tail { ending, content_end, glued }
}

/// Reads the dots ending at `terminal_end`, the last of them a period.
fn dots(text: &str, start: usize, terminal_end: usize) -> Ending {
    let bytes = text.as_bytes();
    let mut first = terminal_end - 1;
    let mut count = 1;
    let mut spaced = false;
    loop {
        if first > start && bytes[first - 1] == b'.' {
            first -= 1;
        } else if first >= start + 2 && bytes[first - 1] == b' ' && bytes[first - 2] == b'.' {
            first -= 2;
            spaced = true;
        } else {
            break;
        }
        count += 1;
    }
    let before = text[start..first].chars().next_back();
    let attached = before.is_some_and(|c| !c.is_whitespace());
    if count == 1 && attached {
        return Ending::Period { word: word_before(text, start, first) };
    }
    if count == 1 {
        return Ending::Other;
    }
    let bracketed = matches!(before, Some('[' | '('));
    Ending::Dots(Dots { first, count, spaced, attached, bracketed })
}

/// Reads "…" ending at `terminal_end` as the three dots it stands for.
fn ellipsis_character(text: &str, start: usize, terminal_end: usize) -> Ending {
    let first = terminal_end - '\u{2026}'.len_utf8();
    let before = text[start..first].chars().next_back();
    Ending::Dots(Dots {
        first,
        count: 3,
        spaced: false,
        attached: before.is_some_and(|c| !c.is_whitespace()),
        bracketed: matches!(before, Some('[' | '(')),
    })
}

/// Words longer than this, in bytes, are not abbreviations, initials or
/// list markers; bounding the scans for words keeps a scraped page of
/// minified script, one endless word, linear.
pub(super) const LONGEST_WORD: usize = 64;

/// The word that ends at `end`, within the sentence starting at `start`,
/// without opening quotes or brackets; empty if longer than
/// [`LONGEST_WORD`].
pub(super) fn word_before(text: &str, start: usize, end: usize) -> Range<usize> {
    let head = &text[start..end];
    let mut word_start = 0;
    for (i, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
            break;
        }
        if head.len() - i > LONGEST_WORD {
            return end..end;
        }
    }
    let word = &head[word_start..];
    let stripped = word.trim_start_matches(is_opener);
    start + word_start + (word.len() - stripped.len())..end
}

/// Reads the text from `at` on.
pub(super) fn head(text: &str, at: usize) -> Head<'_> {
    let rest = text[at..].trim_start_matches(is_opener);
    let case = match rest.chars().next() {
        Some(c) if c.is_lowercase() => Case::Lower,
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_numeric() => Case::Digit,
        _ => Case::Other,
    };
    let letters = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    Head { case, word: &rest[..letters] }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ending(text: &str) -> Ending {
        tail(text, 0, text.len()).ending
    }

    #[test]
    fn period_after_abbreviation_in_parentheses_names_the_abbreviation() {
        let text = "(U.S. ";
        assert_eq!(ending(text), Ending::Period { word: 1..4 });
    }

    #[test]
    fn spaced_ellipsis_after_word_is_attached() {
        let Ending::Dots(dots) = ending("compounds. . . . ") else { panic!("not dots") };
        assert_eq!((dots.count, dots.spaced, dots.attached), (4, true, true));
    }

    #[test]
    fn bracketed_ellipsis_is_an_omission() {
        let Ending::Dots(dots) = ending("stairways [...]\" ") else { panic!("not dots") };
        assert!(dots.bracketed);
    }

    #[test]
    fn question_inside_quotes_is_an_exclamation() {
        assert_eq!(ending("\"Why?\" "), Ending::Exclamation);
    }

    #[test]
    fn newline_in_trailing_whitespace_is_a_line_break() {
        assert_eq!(ending("Gen. \n"), Ending::LineBreak);
    }

    #[test]
    fn head_skips_opening_quotes() {
        let head = head("“How about", 0);
        assert_eq!((head.case, head.word), (Case::Upper, "How"));
    }
}
