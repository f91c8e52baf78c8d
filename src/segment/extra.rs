//! Boundaries UAX #29 cannot see: a bullet in the middle of a line ("• 9.
//! The first item • 10. The second item"), a headline glued to its own
//! repeat by a scraper (`Military BaseRomania Not Foreigners' Military
//! Base`), and a period a scraper glued to the next sentence
//! (`reported.He added`).
//!
//! Each looks only inside one sentence or UAX #29 piece, so each costs one
//! short scan.

use std::ops::Range;

use super::context::{LONGEST_WORD, is_closer, is_line_break};
use super::lexicon::Lexicon;

/// Boundaries inside a UAX #29 `piece` that UAX #29 does not propose,
/// as offsets in `piece`, in order. The judge still decides on each.
///
/// - After a period a scraper glued to the next sentence: two lowercase
///   letters, the period, a capitalised word (`reported.He`). Words with
///   `@`, `/` or `:` are addresses (`Jane.Doe@example.com`) and propose
///   nothing; `Mrs.Smith` is proposed and vetoed as a title.
/// - After a period, a space and a number, where UAX #29 looks ahead to the
///   next letter and sees a lowercase one ("in 2019. 2020 was worse");
///   the judge keeps it unless the word is an abbreviation ("No. 5 was").
/// - After "…" followed by a space and a capital, which UAX #29 does not
///   count as a terminal although "..." is one.
pub(super) fn unmarked_boundaries(piece: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = piece.as_bytes();
    // Only periods and the lead byte of "…" can start one.
    memchr::memchr2_iter(b'.', 0xE2, bytes).filter_map(move |i| match bytes[i] {
        b'.' if glued_period(bytes, i) => Some(i + 1),
        b'.' if bytes.get(i + 1) == Some(&b' ') && bytes.get(i + 2).is_some_and(u8::is_ascii_digit) => Some(i + 2),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => after_ellipsis(piece, i + 3),
        _ => None,
    })
}

fn glued_period(bytes: &[u8], i: usize) -> bool {
    let glued = i >= 2
        && bytes[i - 2..i].iter().all(u8::is_ascii_lowercase)
        && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase);
    if !glued {
        return false;
    }
    // The word around the period, if it is short enough to be prose.
    let window_start = i.saturating_sub(LONGEST_WORD);
    let window_end = (i + LONGEST_WORD).min(bytes.len());
    let word_start = match bytes[window_start..i].iter().rposition(u8::is_ascii_whitespace) {
        Some(space) => window_start + space + 1,
        None if window_start == 0 => 0,
        None => return false,
    };
    let word_end = match bytes[i..window_end].iter().position(u8::is_ascii_whitespace) {
        Some(space) => i + space,
        None if window_end == bytes.len() => window_end,
        None => return false,
    };
    !bytes[word_start..word_end].iter().any(|b| matches!(b, b'@' | b'/' | b':'))
}

/// Where the sentence after an ellipsis ending at `end` would start: past
/// any closing marks and a space, at a capital.
fn after_ellipsis(piece: &str, end: usize) -> Option<usize> {
    let rest = piece[end..].trim_start_matches(is_closer);
    let next = rest.trim_start();
    let spaced = next.len() < rest.len() && !rest[..rest.len() - next.len()].contains(is_line_break);
    (spaced && next.chars().next().is_some_and(char::is_uppercase)).then(|| piece.len() - next.len())
}

/// Splits `text[span]` before every bullet that follows some text,
/// calling `out` with each piece.
pub(super) fn split_bullets(text: &str, span: Range<usize>, lexicon: &Lexicon, out: &mut impl FnMut(Range<usize>)) {
    // Bullets are not ASCII, and most sentences are.
    if text[span.clone()].is_ascii() {
        out(span);
        return;
    }
    let bytes = text.as_bytes();
    let mut start = span.start;
    let mut has_text = false;
    let mut at = span.start;
    while at < span.end {
        let byte = bytes[at];
        if byte.is_ascii() {
            has_text |= !byte.is_ascii_whitespace();
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        if lexicon.may_start_bullet(byte) && lexicon.is_bullet(c) {
            let after_space = text[..at].ends_with(char::is_whitespace);
            if has_text && after_space {
                out(start..at);
                start = at;
                has_text = false;
            }
        } else {
            has_text |= !c.is_whitespace();
        }
        at += c.len_utf8();
    }
    out(start..span.end);
}

/// Splits `text[span]` where a lowercase letter runs straight into the
/// sentence's own first two words, as when a scraper glues a headline to its
/// repeat, calling `out` with each piece.
///
/// Two words, not one, so that a name inside a word (`Donald` in
/// `McDonald's`) does not split a sentence starting `Donald Trump`.
pub(super) fn split_repeats(text: &str, span: Range<usize>, out: &mut impl FnMut(Range<usize>)) {
    let sentence = &text[span.clone()];
    let Some(needle) = opening_words(sentence) else {
        out(span);
        return;
    };
    // A repeat starts with the sentence's first byte: each place that byte
    // stands is tried, which most sentences have few of, rather than
    // setting up a substring search for every sentence.
    let bytes = text.as_bytes();
    let first = needle.as_bytes()[0];
    let mut start = span.start;
    let mut from = span.start + 1;
    while let Some(found) = memchr::memchr(first, &bytes[from..span.end]) {
        let at = from + found;
        from = at + 1;
        if !bytes[at..span.end].starts_with(needle.as_bytes()) {
            continue;
        }
        let after = text[at + needle.len()..span.end].chars().next();
        let glued = text[..at].chars().next_back().is_some_and(char::is_lowercase);
        if glued && !after.is_some_and(char::is_alphanumeric) {
            out(start..at);
            start = at;
        }
    }
    out(start..span.end);
}

/// The sentence's first two words if the first is capitalised: the part a
/// glued repeat must match.
fn opening_words(sentence: &str) -> Option<&str> {
    if !sentence.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let first_end = sentence.find(char::is_whitespace)?;
    let second = sentence[first_end..].trim_start();
    let second_start = sentence.len() - second.len();
    let second_len = second.find(char::is_whitespace).unwrap_or(second.len());
    (second_len > 0).then(|| &sentence[..second_start + second_len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        split_repeats(text, 0..text.len(), &mut |r| found.push(&text[r]));
        found
    }

    #[test]
    fn period_glued_to_the_next_sentence_is_proposed() {
        let piece = "He reported.He added that Mrs.Smith wrote to jane.Doe@x.com.";
        let found: Vec<usize> = unmarked_boundaries(piece).collect();
        assert_eq!(found, [piece.find("He added").unwrap(), piece.find("Smith").unwrap()]);
    }

    #[test]
    fn unicode_ellipsis_before_a_capital_is_proposed() {
        let piece = "We will win…” The enemy… will lose… \nNext";
        let found: Vec<usize> = unmarked_boundaries(piece).collect();
        assert_eq!(found, [piece.find("The").unwrap()]);
    }

    #[test]
    fn headline_glued_to_its_repeat_splits() {
        let text = "Romania Not Foreigners' Military BaseRomania Not Foreigners' Military Base";
        assert_eq!(repeats(text), ["Romania Not Foreigners' Military Base", "Romania Not Foreigners' Military Base"]);
    }

    #[test]
    fn name_inside_a_word_does_not_split() {
        let text = "Donald Trump ate at McDonald Trumpets";
        assert_eq!(repeats(text), [text]);
    }

    #[test]
    fn repeat_after_a_space_is_not_glued() {
        let text = "Romania Not Foreigners' Base Romania Not Foreigners' Base";
        assert_eq!(repeats(text), [text]);
    }
}
