//! Words as the tagger and the parser see them: a sentence's tokens with
//! clitics split off as the treebank splits them ("don't" is "do" and
//! "n't", "Romania's" is "Romania" and "'s"), each reduced to the hashes
//! its features are made of.

use crate::text::{Token, fnv1a};

/// A word's hashed form, affixes and shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The folded form.
    pub form: u64,
    pub prefix: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    /// Letters as `X`/`x`, digits as `d`, runs cut at four: "Xxxxx", "dd,ddd".
    pub shape: u64,
}

/// The longest run of one shape character a shape keeps.
const SHAPE_RUN: usize = 4;

impl Word {
    /// The word `original`, folded to `folded`.
    #[must_use]
    pub fn new(folded: &str, original: &str) -> Self {
        let chars: Vec<char> = folded.chars().collect();
        let affix = |range: std::ops::Range<usize>| -> u64 {
            let piece: String = chars[range].iter().collect();
            fnv1a([piece.as_str()])
        };
        let n = chars.len();
        Self {
            form: fnv1a([folded]),
            prefix: affix(0..n.min(1)),
            suffix2: affix(n.saturating_sub(2)..n),
            suffix3: affix(n.saturating_sub(3)..n),
            shape: shape(original),
        }
    }

    /// The root: what the parser attaches a sentence's head to.
    pub const ROOT: Self = Self { form: 1, prefix: 1, suffix2: 1, suffix3: 1, shape: 1 };
    /// Nothing: a position before the first word or past the root.
    pub const NONE: Self = Self { form: 2, prefix: 2, suffix2: 2, suffix3: 2, shape: 2 };
}

fn shape(original: &str) -> u64 {
    let mut shape = String::with_capacity(original.len().min(16));
    let mut last = None;
    let mut run = 0;
    for c in original.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if last == Some(class) { run + 1 } else { 1 };
        last = Some(class);
        if run <= SHAPE_RUN {
            shape.push(class);
        }
    }
    fnv1a([shape.as_str()])
}

/// A sentence's syntactic words, and for each the index of the token it
/// was cut from. `clitics` are the folded endings that are words of their
/// own ("n't", "'re"); a possessive's "'s" always is. A period glued to
/// the word before it inside a sentence ("U.S.", "Gen.") belongs to that
/// word, as the treebank writes it: the sentence did not end there.
#[must_use]
pub fn words_of(tokens: &[Token], text: &str, clitics: &[String]) -> (Vec<Word>, Vec<usize>) {
    let mut words = Vec::with_capacity(tokens.len() + 2);
    let mut origins = Vec::with_capacity(tokens.len() + 2);
    for (index, token) in tokens.iter().enumerate() {
        if abbreviation_period(tokens, index) {
            if let Some(last) = words.last_mut() {
                let previous = &tokens[index - 1];
                let original = &text[previous.span.start..token.span.end];
                *last = Word::new(&format!("{}.", previous.norm), original);
            }
            continue;
        }
        let original = &text[token.span.clone()];
        let split = if token.possessive {
            Some((token.norm.as_str(), "'s"))
        } else {
            clitics
                .iter()
                .find(|c| token.norm.len() > c.len() && token.norm.ends_with(c.as_str()))
                .map(|c| (&token.norm[..token.norm.len() - c.len()], c.as_str()))
        };
        if let Some((base, clitic)) = split {
            let clitic_chars = clitic.chars().count();
            let cut = original.char_indices().rev().nth(clitic_chars - 1).map_or(0, |(at, _)| at);
            words.push(Word::new(base, &original[..cut]));
            words.push(Word::new(clitic, &original[cut..]));
            origins.extend([index, index]);
        } else {
            words.push(Word::new(&token.norm, original));
            origins.push(index);
        }
    }
    (words, origins)
}

/// Whether token `index` is a period closing an abbreviation: glued to a
/// word before it, with more words after it in the sentence.
fn abbreviation_period(tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    token.norm == "."
        && index > 0
        && tokens[index - 1].is_word
        && !tokens[index - 1].possessive
        && tokens[index - 1].span.end == token.span.start
        && tokens[index + 1..].iter().any(|t| t.is_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_period_inside_a_sentence_stays_with_its_abbreviation() {
        let text = "U.S. President Joe Biden said so.";
        let tokens = tokenize(text, 0);
        let (words, origins) = words_of(&tokens, text, &clitics());
        assert_eq!(words[0], Word::new("u.s.", "U.S."));
        assert_eq!(origins, [0, 2, 3, 4, 5, 6, 7], "the glued period has no word; the final one does");
    }

    fn clitics() -> Vec<String> {
        ["n't", "'re", "'ve", "'ll", "'d", "'m"].map(String::from).to_vec()
    }

    #[test]
    fn clitics_and_possessives_become_words_of_their_own() {
        let text = "Kyiv’s envoy didn't say";
        let tokens = tokenize(text, 0);
        let (words, origins) = words_of(&tokens, text, &clitics());
        assert_eq!(words.len(), 6);
        assert_eq!(origins, [0, 0, 1, 2, 2, 3]);
        assert_eq!(words[0], Word::new("kyiv", "Kyiv"));
        assert_eq!(words[1], Word::new("'s", "’s"));
        assert_eq!(words[3], Word::new("did", "did"));
        assert_eq!(words[4], Word::new("n't", "n't"));
    }

    #[test]
    fn shapes_keep_case_and_digits_and_cut_long_runs() {
        assert_eq!(shape("Moscow"), shape("Kabuls"));
        assert_ne!(shape("Moscow"), shape("moscow"));
        assert_eq!(shape("3,000"), shape("4,500"));
        assert_eq!(shape("Strasbourg"), shape("Paris"), "runs past four letters are cut");
    }
}
