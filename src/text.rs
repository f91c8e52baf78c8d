//! Text utilities shared by every stage: Unicode normalisation and word
//! tokens with byte spans.
//!
//! Matching happens on a folded form (NFKD, combining marks removed,
//! lowercase, curly quotes made straight), so "Strzyżów" matches
//! "Strzyzow" and "Romania’s" matches "Romania's"; spans always stay
//! on the original bytes.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Folds text for comparison: compatibility decomposition, no combining
/// marks, lowercase, straight quotes and hyphens, single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        let c = fold_punctuation(c);
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.extend(c.to_lowercase());
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
    /// Folded form with any possessive "'s" removed: "romania".
    pub norm: String,
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
    let mut tokens = Vec::new();
    for (offset, piece) in text.split_word_bound_indices() {
        if piece.trim().is_empty() {
            continue;
        }
        let start = base + offset;
        let is_word = piece.chars().any(char::is_alphanumeric);
        let folded = normalise(piece);
        let (norm, possessive) = match folded.strip_suffix("'s") {
            Some(stem) if is_word && !stem.is_empty() => (stem.to_string(), true),
            _ => (folded, false),
        };
        let first = piece.chars().next().unwrap_or(' ');
        tokens.push(Token {
            span: start..start + piece.len(),
            norm,
            capitalised: first.is_uppercase(),
            all_caps: is_word && !piece.chars().any(char::is_lowercase),
            possessive,
            is_word,
        });
    }
    tokens
}

/// 64-bit FNV-1a over parts, each followed by a NUL so ("ab", "c") and
/// ("a", "bc") differ: a stable fingerprint, the same on every machine.
#[must_use]
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// A name folded for comparison: normalised, then each transliteration
/// pair's left side replaced by its right ("Dzhumabaev" becomes "jumabaev").
#[must_use]
pub fn fold_name(name: &str, transliterations: &[(String, String)]) -> String {
    let mut folded = normalise(name);
    for (from, to) in transliterations {
        folded = folded.replace(from.as_str(), to);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

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
