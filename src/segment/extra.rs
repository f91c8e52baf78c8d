//! Boundaries UAX #29 cannot see because no punctuation marks them: a
//! bullet in the middle of a line ("• 9. The first item • 10. The second
//! item"), and a headline glued to its own repeat by a scraper (`Military
//! BaseAzerbaijan Not Foreigners' Military Base`).
//!
//! Both look only inside one sentence, so they cost one short scan per
//! sentence.

use std::ops::Range;

use super::lexicon::Lexicon;

/// Splits `text[span]` before every bullet that follows some text,
/// calling `out` with each piece.
pub(super) fn split_bullets(
    text: &str,
    span: Range<usize>,
    lexicon: &Lexicon,
    out: &mut impl FnMut(Range<usize>),
) {
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
    // Every match starts with the same capital; searching resumes after it.
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut start = span.start;
    let mut from = span.start + step;
    while let Some(found) = text[from..span.end].find(needle) {
        let at = from + found;
        let after = text[at + needle.len()..span.end].chars().next();
        let glued = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase);
        if glued && !after.is_some_and(char::is_alphanumeric) {
            out(start..at);
            start = at;
        }
        from = at + step;
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
    fn headline_glued_to_its_repeat_splits() {
        let text =
            "Azerbaijan Not Foreigners' Military BaseAzerbaijan Not Foreigners' Military Base";
        assert_eq!(
            repeats(text),
            [
                "Azerbaijan Not Foreigners' Military Base",
                "Azerbaijan Not Foreigners' Military Base"
            ]
        );
    }

    #[test]
    fn name_inside_a_word_does_not_split() {
        let text = "Donald Trump ate at McDonald Trumpets";
        assert_eq!(repeats(text), [text]);
    }

    #[test]
    fn repeat_after_a_space_is_not_glued() {
        let text = "Azerbaijan Not Foreigners' Base Azerbaijan Not Foreigners' Base";
        assert_eq!(repeats(text), [text]);
    }
}
