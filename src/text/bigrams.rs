//! Character bigrams of a text, for comparing it with many others.

use std::cmp::Ordering;

/// A text's character bigrams, counted once so that the text can be
/// compared with many others: [`Bigrams::dice`] gives exactly what
/// `strsim::sorensen_dice` gives for the two texts, without rebuilding
/// both bigram tables for every pair.
#[derive(Debug, Clone)]
pub struct Bigrams {
    /// The text without whitespace, as `strsim` compares it: its UTF-8.
    squeezed: Vec<u8>,
    /// Every adjacent pair of characters of `squeezed`, sorted.
    pairs: Pairs,
}

/// Bigrams packed in one number each that orders as the pair does (first
/// character in the high bits): numbers sort and compare faster than pairs.
#[derive(Debug, Clone)]
enum Pairs {
    /// Of an ASCII text, seven bits a character: most news text is ASCII,
    /// and its bigrams sort in two passes of a radix sort.
    Ascii(Vec<u16>),
    /// Of any other text, 32 bits a character.
    Wide(Vec<u64>),
}

/// Bits of an ASCII character.
const ASCII_BITS: u32 = 7;

/// Runs shorter than this sort faster by comparison than by radix.
const RADIX_FROM: usize = 48;

impl Bigrams {
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            // What `char::is_whitespace` holds for in ASCII.
            let mut squeezed = Vec::with_capacity(text.len());
            squeezed.extend(text.bytes().filter(|b| !matches!(b, b'\t'..=b'\r' | b' ')));
            let mut pairs: Vec<u16> =
                squeezed.windows(2).map(|pair| u16::from(pair[0]) << ASCII_BITS | u16::from(pair[1])).collect();
            sort_ascii_pairs(&mut pairs);
            return Self { squeezed, pairs: Pairs::Ascii(pairs) };
        }
        let mut squeezed = String::with_capacity(text.len());
        squeezed.extend(text.chars().filter(|c| !c.is_whitespace()));
        let mut pairs: Vec<u64> = Vec::with_capacity(squeezed.len());
        pairs.extend(squeezed.chars().zip(squeezed.chars().skip(1)).map(|(a, b)| wide_pair(a, b)));
        pairs.sort_unstable();
        Self { squeezed: squeezed.into_bytes(), pairs: Pairs::Wide(pairs) }
    }

    /// Sørensen-Dice over character bigrams (shared bigrams counted with
    /// multiplicity), with `strsim`'s conventions: equal texts score 1,
    /// texts under two bytes 0, and the denominator counts bytes.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn dice(&self, other: &Self) -> f64 {
        if self.squeezed == other.squeezed {
            return 1.0;
        }
        if self.squeezed.len() < 2 || other.squeezed.len() < 2 {
            return 0.0;
        }
        let shared = match (&self.pairs, &other.pairs) {
            (Pairs::Ascii(a), Pairs::Ascii(b)) => shared(a, b),
            (Pairs::Wide(a), Pairs::Wide(b)) => shared(a, b),
            (Pairs::Ascii(ascii), Pairs::Wide(wide)) | (Pairs::Wide(wide), Pairs::Ascii(ascii)) => {
                let widened: Vec<u64> = ascii.iter().map(|&pair| widen(pair)).collect();
                shared(&widened, wide)
            }
        };
        (2 * shared) as f64 / (self.squeezed.len() + other.squeezed.len() - 2) as f64
    }
}

fn wide_pair(a: char, b: char) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// An ASCII bigram as the wide form packs it.
fn widen(pair: u16) -> u64 {
    u64::from(pair >> ASCII_BITS) << 32 | u64::from(pair & ((1 << ASCII_BITS) - 1))
}

/// How many items two sorted lists share, counted with multiplicity.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Sorts packed ASCII bigrams: a least-significant-digit radix sort, a
/// character a pass. A sentence's bigrams sorted by comparison took more
/// time than everything else done to compare it.
fn sort_ascii_pairs(pairs: &mut Vec<u16>) {
    if pairs.len() < RADIX_FROM {
        pairs.sort_unstable();
        return;
    }
    let digit = |pair: u16, shift: u32| usize::from(pair >> shift) & ((1 << ASCII_BITS) - 1);
    let mut sorted = vec![0; pairs.len()];
    for shift in [0, ASCII_BITS] {
        let mut starts = [0_usize; 1 << ASCII_BITS];
        for &pair in pairs.iter() {
            starts[digit(pair, shift)] += 1;
        }
        let mut start = 0;
        for slot in &mut starts {
            (*slot, start) = (start, start + *slot);
        }
        for &pair in pairs.iter() {
            let slot = &mut starts[digit(pair, shift)];
            sorted[*slot] = pair;
            *slot += 1;
        }
        std::mem::swap(pairs, &mut sorted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_is_strsim_sorensen_dice() {
        let long = "the drone took off from an air base in the region, officials said on Monday";
        let texts = [
            "",
            "a",
            "ab",
            "a b",
            "aaaa",
            "aa aa",
            "night",
            "nacht",
            "the drone was launched",
            "Ünïcödé ŝtring",
            "ab ab ab",
            "a\u{b}b\u{c}c\td\re\nf",
            long,
            "the drone took off from an air base in the regíon, officials said on Monday",
        ];
        for a in texts {
            for b in texts {
                let expected = strsim::sorensen_dice(a, b);
                assert!((Bigrams::new(a).dice(&Bigrams::new(b)) - expected).abs() < 1e-12, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn ascii_bigrams_sort_as_by_comparison() {
        let text: String = (0..500_u32).map(|i| char::from(((i * 37 + i / 7) % 128) as u8)).collect();
        let mut pairs: Vec<u16> =
            text.as_bytes().windows(2).map(|p| u16::from(p[0]) << ASCII_BITS | u16::from(p[1])).collect();
        let mut expected = pairs.clone();
        expected.sort_unstable();
        sort_ascii_pairs(&mut pairs);
        assert_eq!(pairs, expected);
    }

    proptest::proptest! {
        #[test]
        fn dice_matches_strsim_on_any_text(a in "\\PC{0,24}", b in "\\PC{0,24}") {
            let expected = strsim::sorensen_dice(&a, &b);
            proptest::prop_assert!((Bigrams::new(&a).dice(&Bigrams::new(&b)) - expected).abs() < 1e-12);
        }

        #[test]
        fn dice_matches_strsim_on_long_ascii(a in "[ -~\t\n]{40,120}", b in "[ -~\t\n]{40,120}") {
            let expected = strsim::sorensen_dice(&a, &b);
            proptest::prop_assert!((Bigrams::new(&a).dice(&Bigrams::new(&b)) - expected).abs() < 1e-12);
        }
    }
}
