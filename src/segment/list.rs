//! Numbered and lettered lists written inline ("1) The first item 2) The
//! second item"), where no punctuation ends an item and UAX #29 sees one
//! sentence, or where the marker's own period looks like one ("1. The").
//!
//! A sentence that starts with a marker is a list item; the item ends where
//! the next marker of the same style and the next value begins. Requiring
//! the next value keeps "1) Iran sent 2) drones" rare enough to ignore.

use std::ops::Range;

/// How a marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "1." or "a."
    Period,
    /// "1.)"
    PeriodParen,
    /// "1)"
    Paren,
    /// "(1)"
    Parens,
}

/// A list marker: "1.", "b)", "(3)", "10.)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    value: u32,
    alphabetic: bool,
    style: Style,
    /// Length in bytes.
    len: usize,
}

impl Marker {
    /// Parses the marker at the start of `s`, which must end there or be
    /// followed by whitespace.
    pub(super) fn parse(s: &str) -> Option<Self> {
        let bytes = s.as_bytes();
        let parens = bytes.first() == Some(&b'(');
        let body = usize::from(parens);
        let digits = bytes[body..].iter().take_while(|b| b.is_ascii_digit()).count();
        let (value, alphabetic, mut len) = match digits {
            1 | 2 => (s[body..body + digits].parse().ok()?, false, body + digits),
            0 if bytes.get(body).is_some_and(u8::is_ascii_alphabetic) => {
                (u32::from(bytes[body].to_ascii_lowercase() - b'a'), true, body + 1)
            }
            _ => return None,
        };
        let style = match (parens, bytes.get(len), bytes.get(len + 1)) {
            (true, Some(b')'), _) => Style::Parens,
            (false, Some(b'.'), Some(b')')) => Style::PeriodParen,
            (false, Some(b'.'), _) => Style::Period,
            (false, Some(b')'), _) => Style::Paren,
            _ => return None,
        };
        len += if style == Style::PeriodParen { 2 } else { 1 };
        let ends = s[len..].chars().next().is_none_or(char::is_whitespace);
        ends.then_some(Self { value, alphabetic, style, len })
    }

    /// Whether `self` is a later item of the list `first` starts.
    pub(super) fn follows(self, first: Self) -> bool {
        self.style == first.style && self.alphabetic == first.alphabetic && self.value > first.value
    }

    fn next(self, other: Self) -> bool {
        self.style == other.style && self.alphabetic == other.alphabetic && other.value == self.value + 1
    }
}

/// The marker a sentence starts with, after any bullets (`• 9. The`), and
/// where the marker ends.
pub(super) fn leading_marker(sentence: &str, is_bullet: impl Fn(char) -> bool) -> Option<(Marker, usize)> {
    let rest = sentence.trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c));
    let marker = Marker::parse(rest)?;
    Some((marker, sentence.len() - rest.len() + marker.len))
}

/// Splits the list item `text[span]` before each following marker, calling
/// `out` with each piece.
pub(super) fn split_items(
    text: &str,
    span: Range<usize>,
    is_bullet: impl Fn(char) -> bool,
    out: &mut impl FnMut(Range<usize>),
) {
    let Some((mut marker, marker_end)) = leading_marker(&text[span.clone()], is_bullet) else {
        out(span);
        return;
    };
    let mut start = span.start;
    let bytes = text.as_bytes();
    for at in span.start + marker_end..span.end {
        if !bytes[at - 1].is_ascii_whitespace() || bytes[at].is_ascii_whitespace() {
            continue;
        }
        if let Some(found) = Marker::parse(&text[at..span.end]).filter(|m| marker.next(*m)) {
            out(start..at);
            start = at;
            marker = found;
        }
    }
    out(start..span.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        split_items(text, 0..text.len(), |_| false, &mut |r| {
            found.push(text[r].trim());
        });
        found
    }

    #[test]
    fn markers_in_every_style_parse() {
        for marker in ["1.", "1.)", "1)", "(1)", "a.", "B)", "10."] {
            assert!(Marker::parse(marker).is_some(), "{marker}");
        }
    }

    #[test]
    fn years_and_words_are_not_markers() {
        for text in ["2019.", "No.", "1.5", "a.m."] {
            assert_eq!(Marker::parse(text), None, "{text}");
        }
    }

    #[test]
    fn inline_list_splits_before_each_next_marker() {
        assert_eq!(
            pieces("a. The first item b. The second item c. The third"),
            ["a. The first item", "b. The second item", "c. The third"]
        );
    }

    #[test]
    fn marker_out_of_sequence_does_not_split() {
        assert_eq!(pieces("1) Iran sent 3) drones"), ["1) Iran sent 3) drones"]);
    }
}
