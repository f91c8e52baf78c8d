//! Quotations and brackets that close on the same line hold their sentences
//! together: `He said: "It is over. We won."` is one sentence, as the
//! pragmatic segmenter (the Golden Rules' reference) has it, so a claim keeps
//! its attribution.
//!
//! An opener whose closer is not on its line (a quotation running on into
//! the next paragraph, a stray mark) protects nothing, so a bad mark costs at
//! most its own line.

use super::context::is_line_break;

/// Walks a text once, front to back, answering whether each candidate
/// boundary lies inside a quotation or bracket.
#[derive(Debug, Default)]
pub(super) struct Enclosures {
    /// Everything before this byte has been read.
    scanned: usize,
    /// End of the enclosure found last (after its closer).
    until: usize,
    /// For each kind, where the last failed search for a closer gave up:
    /// openers of that kind before it are not searched again, which keeps
    /// a line full of stray "(" linear, at the price of not protecting a
    /// balanced "(...)" that follows a stray "(" on its line.
    dead_until: [usize; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `"`, `“`, `„` or `«`: closed by the first closing quote mark.
    Quote = 0,
    /// `(`: closed by the matching `)`, counting nesting.
    Paren = 1,
    /// `[`: closed by the matching `]`, counting nesting.
    Square = 2,
}

impl Enclosures {
    /// Whether `pos` lies inside a quotation or bracket; `pos` must not
    /// decrease from one call to the next.
    pub(super) fn cover(&mut self, text: &str, pos: usize) -> bool {
        while self.scanned < pos {
            if self.scanned < self.until {
                self.scanned = self.until;
                continue;
            }
            let Some((at, len, kind)) = next_opener(text, self.scanned, pos) else {
                self.scanned = pos;
                break;
            };
            self.scanned = at + len;
            let dead_until = &mut self.dead_until[kind as usize];
            if at < *dead_until {
                continue;
            }
            match closer(text, at + len, kind) {
                Ok(close) => self.until = close,
                Err(gave_up) => *dead_until = gave_up,
            }
        }
        pos < self.until
    }
}

/// The first opening mark in `text[from..to]`: its offset, length and kind.
fn next_opener(text: &str, from: usize, to: usize) -> Option<(usize, usize, Kind)> {
    let bytes = text.as_bytes();
    // Only the bytes an opening mark starts with are looked at, found many
    // bytes at a time: the ASCII marks, then the lead bytes of the others
    // before the next ASCII one.
    let mut at = from;
    while at < to {
        let ascii = memchr::memchr3(b'"', b'(', b'[', &bytes[at..to]).map_or(to, |found| at + found);
        let candidate = memchr::memchr2(0xE2, 0xC2, &bytes[at..ascii]).map_or(ascii, |found| at + found);
        if candidate == to {
            return None;
        }
        if let Some((len, kind)) = opener_at(text, candidate) {
            return Some((candidate, len, kind));
        }
        at = candidate + 1;
    }
    None
}

/// The opening mark starting at byte `i`, if one does: its length and kind.
fn opener_at(text: &str, i: usize) -> Option<(usize, Kind)> {
    let bytes = text.as_bytes();
    match bytes[i] {
        b'"' if straight_opens(text, i) => Some((1, Kind::Quote)),
        b'(' => Some((1, Kind::Paren)),
        b'[' => Some((1, Kind::Square)),
        0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9E])) => Some((3, Kind::Quote)),
        0xC2 if bytes.get(i + 1) == Some(&0xAB) => Some((2, Kind::Quote)),
        _ => None,
    }
}

/// Whether the straight quote at `i` opens a quotation: it starts a word
/// and a word follows it.
fn straight_opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    let starts_word = before.is_none_or(|c| c.is_whitespace() || "([{-/\u{2013}\u{2014}".contains(c));
    starts_word && after.is_some_and(|c| !c.is_whitespace())
}

/// The end of the enclosure whose opener ends at `from`, if it closes on
/// the same line; otherwise where the search gave up.
fn closer(text: &str, from: usize, kind: Kind) -> Result<usize, usize> {
    let (open, close) = match kind {
        Kind::Quote => (0, 0),
        Kind::Paren => (b'(', b')'),
        Kind::Square => (b'[', b']'),
    };
    let mut depth = 1_usize;
    for (i, c) in text[from..].char_indices() {
        let i = from + i;
        if is_line_break(c) {
            return Err(i);
        }
        match (kind, c) {
            (Kind::Quote, '\u{201D}' | '\u{BB}') => return Ok(i + c.len_utf8()),
            (Kind::Quote, '"') if !straight_opens(text, i) => return Ok(i + 1),
            // Another opener before any closer: this quotation is unbalanced.
            (Kind::Quote, '"' | '\u{201C}' | '\u{201E}' | '\u{AB}') => return Err(i),
            (Kind::Quote, _) => {}
            _ if c == char::from(open) => depth += 1,
            _ if c == char::from(close) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
    }
    Err(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every opening mark of a text, asked of each byte in turn.
    fn openers_byte_by_byte(text: &str) -> Vec<(usize, usize, Kind)> {
        (0..text.len()).filter_map(|i| opener_at(text, i).map(|(len, kind)| (i, len, kind))).collect()
    }

    proptest::proptest! {
        #[test]
        fn openers_are_found_as_byte_by_byte(text in "([a-z]{1,3}| |\"|\\(|\\[|\\)|“|”|„|«|»|—|é){0,16}") {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(opener) = next_opener(&text, from, text.len()) {
                found.push(opener);
                from = opener.0 + opener.1;
            }
            // Marks never overlap, so the search skipping ahead finds them all.
            proptest::prop_assert_eq!(found, openers_byte_by_byte(&text));
        }
    }

    #[test]
    fn boundary_inside_closed_quotation_is_covered() {
        let text = "He said: \"It is over. We won.\" Then he left.";
        let mut enclosures = Enclosures::default();
        assert!(enclosures.cover(text, text.find("We").unwrap()));
        assert!(!enclosures.cover(text, text.find("Then").unwrap()));
    }

    #[test]
    fn quotation_left_open_at_line_end_covers_nothing() {
        let text = "He said: \"It is over. We won.\nThen he left.";
        let mut enclosures = Enclosures::default();
        assert!(!enclosures.cover(text, text.find("We").unwrap()));
    }

    #[test]
    fn curly_quotation_closed_by_straight_quote_is_covered() {
        let text = "“Never. Probably not,\" Grossu said.";
        let mut enclosures = Enclosures::default();
        assert!(enclosures.cover(text, text.find("Probably").unwrap()));
    }

    #[test]
    fn after_a_stray_opening_bracket_no_bracket_on_its_line_protects() {
        let text = "(a b. C d. (e. F) G";
        let mut enclosures = Enclosures::default();
        assert!(!enclosures.cover(text, text.find('C').unwrap()));
        assert!(!enclosures.cover(text, text.find('F').unwrap()));
        assert!(!enclosures.cover(text, text.find('G').unwrap()));
    }

    #[test]
    fn nested_brackets_close_at_the_matching_bracket() {
        let text = "(a (b) c. D) E";
        let mut enclosures = Enclosures::default();
        assert!(enclosures.cover(text, text.find('D').unwrap()));
        assert!(!enclosures.cover(text, text.find('E').unwrap()));
    }
}
