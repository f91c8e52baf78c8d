//! Word boundaries (Unicode Standard Annex #29), with a short cut for
//! plain ASCII text. Most news sentences are ASCII, and for them the
//! annex's rules come down to a few byte classes; the general splitter
//! looks each character up in the Unicode tables. The two give the same
//! pieces on every ASCII text (`tests/words_props.rs`).

use unicode_segmentation::UnicodeSegmentation;

/// The pieces between word boundaries, with their byte offsets: what
/// `split_word_bound_indices` gives.
#[must_use]
pub fn word_bound_indices(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() { Box::new(ascii_word_bound_indices(text)) } else { Box::new(text.split_word_bound_indices()) }
}

/// [`word_bound_indices`] for text known to be ASCII.
fn ascii_word_bound_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    debug_assert!(text.is_ascii());
    AsciiWordBounds { text, at: 0, skip_whitespace: false }
}

/// [`ascii_word_bound_indices`] without the pieces that are whitespace,
/// which are passed over rather than cut out: in ASCII a piece is all
/// whitespace (rules `WB3` to `WB3d` of the annex) or holds none, so the
/// others are the same.
pub(super) fn ascii_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    debug_assert!(text.is_ascii());
    AsciiWordBounds { text, at: 0, skip_whitespace: true }
}

/// What `char::is_whitespace` holds for in ASCII.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// The word-break classes ASCII characters fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    CarriageReturn,
    LineFeed,
    /// Vertical tab and form feed.
    Newline,
    /// The space character only; a tab is `Other`.
    Space,
    Letter,
    Digit,
    /// `:`.
    MidLetter,
    /// `,` and `;`.
    MidNumber,
    /// `.`, and `'` (which the annex calls a single quote but treats alike
    /// here, having no Hebrew letters to tell them apart).
    MidNumberLetter,
    /// `_`.
    Connector,
    Other,
}

/// Each ASCII byte's class, looked up rather than matched: the splitter
/// asks for several per byte.
static CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut byte: u8 = 0;
    while byte < 128 {
        classes[byte as usize] = class_of(byte);
        byte += 1;
    }
    classes
};

fn class(byte: u8) -> Class {
    CLASSES.get(usize::from(byte)).copied().unwrap_or(Class::Other)
}

const fn class_of(byte: u8) -> Class {
    match byte {
        b'\r' => Class::CarriageReturn,
        b'\n' => Class::LineFeed,
        0x0B | 0x0C => Class::Newline,
        b' ' => Class::Space,
        b'A'..=b'Z' | b'a'..=b'z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNumber,
        b'.' | b'\'' => Class::MidNumberLetter,
        b'_' => Class::Connector,
        _ => Class::Other,
    }
}

/// Whether the annex keeps `before` and `after` together, given the
/// classes either side of them (rules `WB3` to `WB13b`, ASCII only).
fn joined(earlier: Option<Class>, before: Class, after: Class, later: Option<Class>) -> bool {
    use Class::{CarriageReturn, Connector, Digit, Letter, LineFeed, MidLetter, MidNumber, MidNumberLetter, Newline};
    let line_break = |c: Class| matches!(c, CarriageReturn | LineFeed | Newline);
    let mid_letter = |c: Option<Class>| matches!(c, Some(MidLetter | MidNumberLetter));
    let mid_number = |c: Option<Class>| matches!(c, Some(MidNumber | MidNumberLetter));
    match (before, after) {
        (CarriageReturn, LineFeed) | (Class::Space, Class::Space) => true,
        _ if line_break(before) || line_break(after) => false,
        (Letter | Digit | Connector, Letter | Digit | Connector) => true,
        (Letter, _) if mid_letter(Some(after)) => later == Some(Letter),
        (_, Letter) if mid_letter(Some(before)) => earlier == Some(Letter),
        (Digit, _) if mid_number(Some(after)) => later == Some(Digit),
        (_, Digit) if mid_number(Some(before)) => earlier == Some(Digit),
        _ => false,
    }
}

struct AsciiWordBounds<'t> {
    text: &'t str,
    at: usize,
    skip_whitespace: bool,
}

impl<'t> Iterator for AsciiWordBounds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        if self.skip_whitespace {
            while bytes.get(self.at).copied().is_some_and(is_ascii_space) {
                self.at += 1;
            }
        }
        let start = self.at;
        let class_at = |at: usize| bytes.get(at).map(|&b| class(b));
        // Each byte's class is looked up once, and carried along as the
        // window of four slides.
        let mut before = class_at(start)?;
        let mut earlier = start.checked_sub(1).and_then(class_at);
        let mut end = start + 1;
        match before {
            Class::Letter | Class::Digit | Class::Connector => {
                // Letters, digits and connectors hold together whatever
                // stands around them (WB5, WB8 to WB10, WB13a, WB13b): most
                // of a word is passed over without sliding the window.
                while bytes.get(end).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
                    end += 1;
                }
                // Only a mid-word mark may carry a word on (WB6, WB7, WB11,
                // WB12); a space or other mark after it ends it.
                if !bytes
                    .get(end)
                    .is_some_and(|&b| matches!(class(b), Class::MidLetter | Class::MidNumber | Class::MidNumberLetter))
                {
                    return Some(self.piece(start, end));
                }
                if end > start + 1 {
                    (earlier, before) = (Some(class(bytes[end - 2])), class(bytes[end - 1]));
                }
            }
            // Spaces hold together (WB3d) and with nothing else.
            Class::Space => {
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
                return Some(self.piece(start, end));
            }
            // Nothing joins a mark of no class (WB999).
            Class::Other => return Some(self.piece(start, end)),
            _ => {}
        }
        let mut after = class_at(end);
        while let Some(next) = after {
            let later = class_at(end + 1);
            if !joined(earlier, before, next, later) {
                break;
            }
            (earlier, before, after) = (Some(before), next, later);
            end += 1;
        }
        Some(self.piece(start, end))
    }
}

impl<'t> AsciiWordBounds<'t> {
    fn piece(&mut self, start: usize, end: usize) -> (usize, &'t str) {
        self.at = end;
        (start, &self.text[start..end])
    }
}
