//! Text utilities shared by every stage: Unicode normalisation and word
//! tokens with byte spans.
//!
//! Matching happens on a folded form (NFKD, combining marks removed,
//! lowercase, curly quotes made straight), so "Strzyżów" matches
//! "Strzyzow" and "Romania’s" matches "Romania's"; spans always stay
//! on the original bytes.

mod bigrams;
mod words;

pub use bigrams::Bigrams;
pub use words::word_bound_indices;

use unicode_segmentation::UnicodeSegmentation;

use std::ops::Range;

use compact_str::CompactString;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: compatibility decomposition, no combining
/// marks, lowercase, straight quotes and hyphens, single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    fold(text)
}

/// [`normalise`], kept inline when short (a word).
pub(crate) fn normalise_compact(text: &str) -> CompactString {
    fold(text)
}

fn fold<Out: Folded>(text: &str) -> Out {
    if text.is_ascii() {
        fold_ascii(text)
    } else {
        fold_chars(text.nfkd().filter(|c| !is_combining_mark(*c)), text.len())
    }
}

/// [`fold_chars`] for ASCII, byte by byte: ASCII is its own compatibility
/// decomposition and has no combining marks, and most news text is ASCII.
fn fold_ascii<Out: Folded>(text: &str) -> Out {
    if spaced_plainly(text.as_bytes()) {
        // A word, or words one space apart: folding only lowers the case.
        let mut out = Out::from_str(text);
        out.make_ascii_lowercase();
        return out;
    }
    let mut out = Out::with_capacity(text.len());
    let mut last_space = true;
    for &byte in text.as_bytes() {
        // What `char::is_whitespace` holds for in ASCII.
        if matches!(byte, b'\t'..=b'\r' | b' ') {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.push(if byte == b'`' { '\'' } else { char::from(byte.to_ascii_lowercase()) });
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// No backtick, and no whitespace but single spaces between other bytes.
fn spaced_plainly(bytes: &[u8]) -> bool {
    // Every byte is looked at (most text passes): folds without early
    // exits, which the compiler runs many bytes at a time.
    let unusual = bytes.iter().fold(0_u8, |found, &byte| {
        found | u8::from(byte == b'`') | u8::from(byte.wrapping_sub(b'\t') <= b'\r' - b'\t')
    });
    let doubled = bytes
        .iter()
        .zip(&bytes[1.min(bytes.len())..])
        .fold(0_u8, |found, (&a, &b)| found | (u8::from(a == b' ') & u8::from(b == b' ')));
    unusual == 0 && doubled == 0 && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ')
}

/// The lines of `text`, each with its `\n`: what `split_inclusive('\n')`
/// gives, found with `memchr`. Every article is cut into lines when read,
/// and most lines are short, where a search for a character costs more to
/// set up than to run.
pub fn lines_with_ends(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = newlines.next().map_or(text.len(), |at| at + 1);
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// What folded text is written into.
trait Folded: std::ops::DerefMut<Target = str> + Extend<char> {
    fn from_str(text: &str) -> Self;
    fn with_capacity(capacity: usize) -> Self;
    fn push(&mut self, c: char);
    fn pop(&mut self) -> Option<char>;
}

impl Folded for String {
    fn from_str(text: &str) -> Self {
        text.to_string()
    }
    fn with_capacity(capacity: usize) -> Self {
        String::with_capacity(capacity)
    }
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
    fn pop(&mut self) -> Option<char> {
        String::pop(self)
    }
}

impl Folded for CompactString {
    fn from_str(text: &str) -> Self {
        CompactString::new(text)
    }
    fn with_capacity(capacity: usize) -> Self {
        CompactString::with_capacity(capacity)
    }
    fn push(&mut self, c: char) {
        CompactString::push(self, c);
    }
    fn pop(&mut self) -> Option<char> {
        CompactString::pop(self)
    }
}

fn fold_chars<Out: Folded>(chars: impl Iterator<Item = char>, capacity: usize) -> Out {
    let mut out = Out::with_capacity(capacity);
    let mut last_space = true;
    for c in chars {
        let c = fold_punctuation(c);
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' => '-',
        _ => c,
    }
}

/// Whether a character opens or closes a quotation.
#[must_use]
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}')
}

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the document (not the sentence).
    pub span: Range<usize>,
    /// Folded form with any possessive "'s" removed: "romania". Inline
    /// up to 24 bytes: a corpus has millions of tokens, nearly all short.
    pub norm: CompactString,
    /// The original starts with an uppercase letter.
    pub capitalised: bool,
    /// The original has no lowercase letter ("US", "UAE").
    pub all_caps: bool,
    /// The original ended in a possessive "'s" or "’s".
    pub possessive: bool,
    /// The token is a word or number, not punctuation.
    pub is_word: bool,
}

/// Splits `text` (which starts at byte `base` of its document) into tokens.
/// Whitespace is dropped; punctuation marks are kept as their own tokens so
/// phrases never match across them.
#[must_use]
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    // News prose runs five to six bytes a token: sized for that, the
    // vector is rarely regrown.
    let mut tokenized = Vec::with_capacity(text.len() / 5 + 4);
    // Not through `tokens`: a boxed iterator per sentence is an allocation
    // per sentence.
    if text.is_ascii() {
        tokenized.extend(ascii_tokens(text, base));
    } else {
        tokenized.extend(unicode_tokens(text, base));
    }
    tokenized
}

/// [`tokenize`], one token at a time, for readers that stop early.
#[must_use]
pub fn tokens(text: &str, base: usize) -> Box<dyn Iterator<Item = Token> + '_> {
    if text.is_ascii() { Box::new(ascii_tokens(text, base)) } else { Box::new(unicode_tokens(text, base)) }
}

/// [`tokens`] of ASCII text: most sentences, whose pieces' questions are
/// asked of their bytes.
fn ascii_tokens(text: &str, base: usize) -> impl Iterator<Item = Token> + '_ {
    words::ascii_words(text).map(move |(offset, piece)| ascii_token(base + offset, piece))
}

/// [`tokens`] by the general rules, for any text.
fn unicode_tokens(text: &str, base: usize) -> impl Iterator<Item = Token> + '_ {
    text.split_word_bound_indices().filter(|(_, piece)| !piece.trim().is_empty()).map(move |(offset, piece)| {
        let is_word = piece.chars().any(char::is_alphanumeric);
        let first = piece.chars().next().unwrap_or(' ');
        let all_caps = is_word && !piece.chars().any(char::is_lowercase);
        token(base + offset, piece, normalise_compact(piece), is_word, first.is_uppercase(), all_caps)
    })
}

/// The token of an ASCII piece that is not whitespace (see
/// [`words::ascii_words`]): what the general path gives, as ASCII has no
/// other letters, cases or spaces. Such a piece holds no whitespace at
/// all, so folding it only lowers its case.
fn ascii_token(start: usize, piece: &str) -> Token {
    let bytes = piece.as_bytes();
    let is_word = bytes.iter().any(u8::is_ascii_alphanumeric);
    let all_caps = is_word && !bytes.iter().any(u8::is_ascii_lowercase);
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase);
    let norm = if bytes == b"`" {
        CompactString::const_new("'")
    } else {
        let mut lower = CompactString::new(piece);
        lower.make_ascii_lowercase();
        lower
    };
    token(start, piece, norm, is_word, capitalised, all_caps)
}

fn token(
    start: usize,
    piece: &str,
    mut norm: CompactString,
    is_word: bool,
    capitalised: bool,
    all_caps: bool,
) -> Token {
    let possessive = is_word && norm.len() > 2 && norm.ends_with("'s");
    if possessive {
        norm.truncate(norm.len() - 2);
    }
    Token { span: start..start + piece.len(), norm, capitalised, all_caps, possessive, is_word }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv1a_step(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME))
}

/// 64-bit FNV-1a over parts, each followed by a NUL so ("ab", "c") and
/// ("a", "bc") differ: a stable fingerprint, the same on every machine.
#[must_use]
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    parts.into_iter().fold(FNV_OFFSET, |hash, part| fnv1a_step(hash, part.bytes().chain([0])))
}

/// 64-bit FNV-1a over the bytes of `pieces` run together: ("ab", "c") and
/// ("a", "bc") hash alike, so a text can be hashed without the pieces
/// cut out of it, and without copying what is left.
#[must_use]
pub fn fnv1a_joined<'a>(pieces: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    pieces.into_iter().fold(FNV_OFFSET, |hash, piece| fnv1a_step(hash, piece.iter().copied()))
}

/// A name folded for comparison: normalised, then each transliteration
/// pair's left side replaced by its right ("Dzhumabaev" becomes "jumabaev").
#[must_use]
pub fn fold_name(name: &str, transliterations: &[(String, String)]) -> String {
    let mut folded = normalise(name);
    for (from, to) in transliterations {
        if folded.contains(from.as_str()) {
            folded = folded.replace(from.as_str(), to);
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_folds_byte_by_byte_as_char_by_char() {
        let general = |text: &str| -> String { fold_chars(text.chars(), text.len()) };
        let mut texts: Vec<String> = Vec::new();
        for a in 0..128_u8 {
            for b in 0..128_u8 {
                texts.push(String::from_utf8(vec![a, b]).unwrap());
            }
        }
        texts.extend(
            [
                " Hello,\tWorld ",
                "`quoted'  \r\n\u{b}\u{c}x",
                "  ",
                "",
                "ABC-def_1.5",
                "Two Words",
                "two  spaces",
                "end ",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(fold_ascii::<String>(&text), general(&text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_are_split_inclusive_lines(text in "(a|é| |\r|\n){0,12}") {
            let ours: Vec<&str> = lines_with_ends(&text).collect();
            let theirs: Vec<&str> = text.split_inclusive('\n').collect();
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn ascii_folds_as_the_general_path(text in "([A-Za-z`]{1,6}|[ \t\r\n\u{b}\u{c}]{1,3}|[.,'\"]){0,16}") {
            let general: String = fold_chars(text.chars(), text.len());
            proptest::prop_assert_eq!(fold_ascii::<String>(&text), general);
        }

        #[test]
        fn ascii_tokens_are_the_general_paths(text in "[\u{0}-\u{7F}]{0,32}", base in 0_usize..100) {
            let general: Vec<Token> = unicode_tokens(&text, base).collect();
            proptest::prop_assert_eq!(tokenize(&text, base), general);
        }

        #[test]
        fn ascii_words_tokenize_as_the_general_path(text in "([A-Za-z]{1,4}|[0-9]{1,3}|[.,;:'`_\"]|'s| |\t|\r\n){0,12}") {
            let general: Vec<Token> = unicode_tokens(&text, 0).collect();
            proptest::prop_assert_eq!(tokenize(&text, 0), general);
        }
    }

    #[test]
    fn ascii_and_unicode_paths_fold_alike() {
        assert_eq!(normalise("  Said,\t`Yes`  NOW "), "said, 'yes' now");
        assert_eq!(normalise("Said, ‘Yes’ NOW"), "said, 'yes' now");
    }

    #[test]
    fn diacritics_fold_away() {
        assert_eq!(normalise("Przewodów"), normalise("Przewodow"));
        assert_eq!(normalise("Türkiye"), "turkiye");
    }

    #[test]
    fn curly_possessive_is_split_off() {
        let tokens = tokenize("Moldova’s Gagauzia", 10);
        assert_eq!(tokens[0].norm, "moldova");
        assert!(tokens[0].possessive);
        assert_eq!(tokens[0].span, 10..21);
        assert_eq!(tokens[1].norm, "gagauzia");
    }

    #[test]
    fn punctuation_is_kept_as_tokens() {
        let tokens = tokenize("said, \"We", 0);
        let norms: Vec<_> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["said", ",", "\"", "we"]);
    }
}
