//! The edge between byte offsets and the protocol's positions and URIs.
//!
//! Everything inside gainsay holds byte offsets into UTF-8 text. An LSP
//! position is a line and a column counted in the units of the encoding the
//! client and server agreed on at initialisation: UTF-16 code units unless
//! both sides said otherwise, UTF-8 bytes, or UTF-32 code points. This
//! module converts between the two, once, when a message goes out or comes
//! in, and turns file paths into `file:` URIs and back.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, PositionEncodingKind, TextDocumentContentChangeEvent, Uri};

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: an emoji counts two. The protocol's default.
    Utf16,
    /// Unicode code points.
    Utf32,
}

impl Encoding {
    /// Picks the encoding from the ones a client offers, in the client's
    /// order of preference; UTF-16 when it offers none (every client must
    /// support it). All three are equally cheap here, so the client's first
    /// wish wins.
    #[must_use]
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        offered.into_iter().flatten().find_map(Self::from_kind).unwrap_or(Self::Utf16)
    }

    fn from_kind(kind: &PositionEncodingKind) -> Option<Self> {
        match kind.as_str() {
            "utf-8" => Some(Self::Utf8),
            "utf-16" => Some(Self::Utf16),
            "utf-32" => Some(Self::Utf32),
            _ => None,
        }
    }

    /// The protocol's name for the encoding.
    #[must_use]
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Self::Utf8 => PositionEncodingKind::UTF8,
            Self::Utf16 => PositionEncodingKind::UTF16,
            Self::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Self::Utf8 => c.len_utf8(),
            Self::Utf16 => c.len_utf16(),
            Self::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts, for converting offsets to positions
/// and back. Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says.
#[derive(Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the first character of each line.
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> LineIndex<'t> {
    #[must_use]
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        Self { text, starts, encoding }
    }

    /// The position of a byte offset. An offset past the end is the end; one
    /// inside a character is that character's start.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let column: usize = before.chars().map(|c| self.encoding.width(c)).sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The positions of a byte range.
    #[must_use]
    pub fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position. A line past the last is the end of the
    /// text; a column past the end of its line is the line's end, and one
    /// inside a character (half a surrogate pair) is that character's start.
    #[must_use]
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.starts.get(position.line as usize + 1).map_or(self.text.len(), |&next| next);
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            units += self.encoding.width(c);
            if units > wanted {
                return start + i;
            }
        }
        start + line.len()
    }

    /// The byte range of a protocol range, ordered.
    #[must_use]
    pub fn span(&self, range: lsp_types::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

/// Applies one change the client sent: a whole new text, or a range of
/// the current text replaced. A client's changes apply in order, each to
/// the text the one before left.
pub fn apply_change(text: &mut String, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
    match change.range {
        None => change.text.clone_into(text),
        Some(range) => {
            let span = LineIndex::new(text, encoding).span(range);
            text.replace_range(span, &change.text);
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The `file:` URI of an absolute path; `None` for a path that is not valid
/// UTF-8 or not absolute.
#[must_use]
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    let text = path.to_str()?;
    let text = if cfg!(windows) { text.replace('\\', "/") } else { text.to_string() };
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    Uri::from_str(&uri).ok()
}

/// The path a `file:` URI names; `None` for other schemes and for escapes
/// that do not decode to UTF-8.
#[must_use]
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    // `file://localhost/x` and `file:///x` name the same file.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if cfg!(windows) {
        // `/C:/Users` is the drive path `C:/Users`.
        let drive = decoded.as_bytes().get(1..3).is_some_and(|d| d[0].is_ascii_alphabetic() && d[1] == b':');
        if drive {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line with a letter outside ASCII, curly quotes and an emoji before
    /// the word that matters.
    const LINE: &str = "Zürich: “naïve” 🚀 Radio Nord said so.";

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn columns_count_the_negotiated_units() {
        let offset = at(LINE, "Radio");
        let prefix = &LINE[..offset];
        let utf16 = LineIndex::new(LINE, Encoding::Utf16).position(offset);
        let utf32 = LineIndex::new(LINE, Encoding::Utf32).position(offset);
        let utf8 = LineIndex::new(LINE, Encoding::Utf8).position(offset);
        assert_eq!(utf16.character as usize, prefix.encode_utf16().count());
        assert_eq!(utf32.character as usize, prefix.chars().count());
        assert_eq!(utf8.character as usize, prefix.len());
        // The emoji is two UTF-16 units and one code point; ü, ï and the quotes are one of each.
        assert_eq!(utf16.character, utf32.character + 1);
        assert_ne!(utf8.character, utf16.character);
    }

    #[test]
    fn offsets_round_trip_through_every_encoding() {
        let text = format!("---\ntitle: x\n---\r\n{LINE}\n\n{LINE}\rlast");
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let index = LineIndex::new(&text, encoding);
            for (offset, _) in text.char_indices() {
                // Between `\r` and `\n` is no position in the protocol.
                if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    continue;
                }
                assert_eq!(index.offset(index.position(offset)), offset, "{encoding:?} at {offset}");
            }
            assert_eq!(index.offset(index.position(text.len())), text.len());
        }
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let index = LineIndex::new("a\r\nb\rc\nd", Encoding::Utf16);
        assert_eq!(index.position(3), Position::new(1, 0));
        assert_eq!(index.position(5), Position::new(2, 0));
        assert_eq!(index.position(7), Position::new(3, 0));
    }

    #[test]
    fn positions_past_the_line_or_text_clamp() {
        let text = "ab\ncd";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.offset(Position::new(0, 99)), 2);
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
        assert_eq!(index.position(99), Position::new(1, 2));
    }

    #[test]
    fn half_a_surrogate_pair_is_the_emoji_start() {
        let text = "a🚀b";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.offset(Position::new(0, 2)), 1);
        assert_eq!(index.offset(Position::new(0, 3)), 5);
        assert_eq!(index.position(3), Position::new(0, 1));
    }

    #[test]
    fn incremental_changes_apply_in_utf16_units_after_an_emoji() {
        let mut text = "🚀 Minsk denied it.\nSecond line.".to_string();
        let replace = |line, from, to, with: &str| TextDocumentContentChangeEvent {
            range: Some(lsp_types::Range::new(Position::new(line, from), Position::new(line, to))),
            range_length: None,
            text: with.to_string(),
        };
        // "Minsk" starts at UTF-16 column 3: the emoji is two units, then a space.
        apply_change(&mut text, &replace(0, 3, 8, "Kyiv"), Encoding::Utf16);
        apply_change(&mut text, &replace(1, 0, 6, "Third"), Encoding::Utf16);
        assert_eq!(text, "🚀 Kyiv denied it.\nThird line.");
        let whole = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".to_string() };
        apply_change(&mut text, &whole, Encoding::Utf16);
        assert_eq!(text, "new");
    }

    #[test]
    fn a_client_without_preferences_gets_utf16() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[])), Encoding::Utf16);
        let offered = [PositionEncodingKind::new("utf-7"), PositionEncodingKind::UTF8, PositionEncodingKind::UTF16];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
    }

    #[cfg(unix)]
    #[test]
    fn paths_with_spaces_and_accents_round_trip_as_uris() {
        let path = Path::new("/tmp/news desk/Zürich #1.md");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/news%20desk/Z%C3%BCrich%20%231.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
    }

    #[cfg(unix)]
    #[test]
    fn localhost_uris_and_other_schemes() {
        let uri = Uri::from_str("file://localhost/tmp/a.txt").unwrap();
        assert_eq!(uri_to_path(&uri).unwrap(), Path::new("/tmp/a.txt"));
        assert!(uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()).is_none());
        assert!(path_to_uri(Path::new("relative/a.txt")).is_none());
    }
}
