//! UAX #29 sentence boundaries, with a short cut for plain ASCII lines.
//!
//! A paragraph separator always ends a sentence and no rule looks across
//! one, so text is split into lines and each line is split on its own.
//! For an ASCII line the annex's rules come down to a dozen byte classes;
//! `unicode-segmentation` looks every character up in the Unicode tables.
//! Both give the same pieces on every text (`tests/sentence_bounds_props.rs`).

use unicode_segmentation::UnicodeSegmentation;

/// The pieces between sentence boundaries, with their byte offsets: what
/// `split_sentence_bound_indices` gives.
pub fn sentence_bound_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    lines(text).flat_map(|(offset, line)| {
        let pieces = if line.is_ascii() {
            LineBounds::Ascii(AsciiSentenceBounds::new(line))
        } else {
            LineBounds::Unicode(line.split_sentence_bound_indices())
        };
        pieces.map(move |(at, piece)| (offset + at, piece))
    })
}

/// One line's pieces, by whichever splitter suits it: an enum, not a boxed
/// iterator, as there is one per line of every article.
enum LineBounds<'t> {
    Ascii(AsciiSentenceBounds<'t>),
    Unicode(unicode_segmentation::USentenceBoundIndices<'t>),
}

impl<'t> Iterator for LineBounds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Ascii(pieces) => pieces.next(),
            Self::Unicode(pieces) => pieces.next(),
        }
    }
}

/// The text's lines with their offsets, each with its line break: after a
/// line feed, or after a carriage return that no line feed follows.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let line_break = bytes[start..].iter().position(|&b| b == b'\n' || b == b'\r');
        let end = match line_break.map(|at| start + at) {
            Some(at) if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') => at + 2,
            Some(at) => at + 1,
            None => bytes.len(),
        };
        let line = (start, &text[start..end]);
        start = end;
        Some(line)
    })
}

/// The sentence-break classes of ASCII characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    CarriageReturn,
    LineFeed,
    /// Space, tab, vertical tab, form feed.
    Space,
    Lower,
    Upper,
    Digit,
    /// `.`
    FullStop,
    /// `!` and `?`.
    Terminator,
    /// Quotation marks and brackets.
    Close,
    /// `,` `-` `:` `;`
    Continue,
    Other,
}

fn class(byte: u8) -> Class {
    match byte {
        b'\r' => Class::CarriageReturn,
        b'\n' => Class::LineFeed,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Space,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Digit,
        b'.' => Class::FullStop,
        b'!' | b'?' => Class::Terminator,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::Continue,
        _ => Class::Other,
    }
}

/// What the text read so far ends with, as the rules after a terminator
/// ask: a terminator, then closing marks, then spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    Plain,
    /// A terminator and any closing marks after it; whether it was a full
    /// stop.
    Closed {
        full_stop: bool,
    },
    /// The same, then spaces.
    Spaced {
        full_stop: bool,
    },
}

struct AsciiSentenceBounds<'t> {
    text: &'t str,
    /// Where the next piece starts.
    at: usize,
}

impl<'t> AsciiSentenceBounds<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, at: 0 }
    }
}

impl<'t> Iterator for AsciiSentenceBounds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = class(*bytes.get(start)?);
        // What came before a piece is never read: a piece starts at the
        // line's start, or after a terminator with a letter, digit or
        // other mark, which leave nothing for the rules to look back at.
        let (mut earlier, mut before, mut tail) = (None, first, Tail::Plain.after(first));
        // SB8's look ahead gives one answer from anywhere in the closing
        // marks and spaces after a full stop, as it skips both.
        let mut lowercase_next = None;
        let mut end = start + 1;
        while let Some(&byte) = bytes.get(end) {
            if tail == Tail::Plain && !matches!(before, Class::CarriageReturn | Class::LineFeed) {
                // With no terminator pending, nothing ends a sentence before
                // the next terminator or line break (SB4, SB11): the bytes up
                // to one are passed over. What SB8 looked ahead for is never
                // read before a full stop sets it anew.
                let rest = &bytes[end..];
                let terminator = memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len());
                let run = memchr::memchr2(b'\r', b'\n', &rest[..terminator]).unwrap_or(terminator);
                if run > 0 {
                    end += run;
                    (earlier, before) = (Some(class(bytes[end - 2])), class(bytes[end - 1]));
                    continue;
                }
            }
            let now = class(byte);
            let lower_ahead = || *lowercase_next.get_or_insert_with(|| lower_case_follows(&bytes[end..]));
            if ends_before(earlier, before, tail, now, lower_ahead) {
                break;
            }
            (earlier, before, tail) = (Some(before), now, tail.after(now));
            if !matches!(now, Class::Close | Class::Space) {
                lowercase_next = None;
            }
            end += 1;
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

impl Tail {
    fn after(self, class: Class) -> Self {
        match (self, class) {
            (_, Class::FullStop) => Tail::Closed { full_stop: true },
            (_, Class::Terminator) => Tail::Closed { full_stop: false },
            (Tail::Closed { full_stop }, Class::Close) => Tail::Closed { full_stop },
            (Tail::Closed { full_stop } | Tail::Spaced { full_stop }, Class::Space) => Tail::Spaced { full_stop },
            _ => Tail::Plain,
        }
    }
}

/// SB8's look ahead: past anything but letters, terminators and line
/// breaks, a lowercase letter comes first.
fn lower_case_follows(ahead: &[u8]) -> bool {
    use Class::{CarriageReturn, FullStop, LineFeed, Lower, Terminator, Upper};
    ahead
        .iter()
        .map(|&b| class(b))
        .find(|c| matches!(c, Lower | Upper | CarriageReturn | LineFeed | FullStop | Terminator))
        == Some(Lower)
}

/// Whether a sentence ends between `before` and `now` (rules SB3 to SB11).
fn ends_before(
    earlier: Option<Class>,
    before: Class,
    tail: Tail,
    now: Class,
    lower_ahead: impl FnOnce() -> bool,
) -> bool {
    use Class::{CarriageReturn, Close, Continue, Digit, FullStop, LineFeed, Lower, Space, Terminator, Upper};
    let line_break = |c: Class| matches!(c, CarriageReturn | LineFeed);
    if before == CarriageReturn && now == LineFeed {
        return false;
    }
    if line_break(before) {
        return true;
    }
    if before == FullStop && now == Digit {
        return false;
    }
    if matches!(earlier, Some(Upper | Lower)) && before == FullStop && now == Upper {
        return false;
    }
    let after_full_stop = matches!(tail, Tail::Closed { full_stop: true } | Tail::Spaced { full_stop: true });
    if after_full_stop && lower_ahead() {
        return false;
    }
    match tail {
        Tail::Plain => false,
        // More closing marks; or a continuation, another terminator, a
        // space or a line break: the sentence goes on to take them.
        Tail::Closed { .. } if now == Close => false,
        Tail::Closed { .. } | Tail::Spaced { .. } => {
            !(matches!(now, Continue | FullStop | Terminator | Space) || line_break(now))
        }
    }
}
