//! The segmenter's word lists, read from `rules/lexicon/abbreviations.toml`.
//!
//! Whether a period ends a sentence depends on the word before it and the
//! word after it; which words are abbreviations, titles or sentence starters
//! is knowledge about English, so it lives in data. The lists are folded into
//! one table from word to the roles it plays, so a boundary costs one lookup
//! per word, without allocating.

use foldhash::HashMap;
use serde::Deserialize;

/// The roles a word can play around a period, as bit flags: "In" is both a
/// sentence starter and a fragment opener.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Roles(u8);

impl Roles {
    pub(super) const TITLE: Self = Self(1);
    pub(super) const BEFORE_NUMBER: Self = Self(1 << 1);
    pub(super) const ORDINARY: Self = Self(1 << 2);
    pub(super) const STARTER: Self = Self(1 << 3);
    pub(super) const FRAGMENT_OPENER: Self = Self(1 << 4);
    pub(super) const LETTER_WORD: Self = Self(1 << 5);

    pub(super) fn has(self, role: Self) -> bool {
        self.0 & role.0 != 0
    }

    /// Whether the word is an abbreviation of any kind, so a number after
    /// its period continues the sentence ("Dec. 16", "p. 55").
    pub(super) fn is_abbreviation(self) -> bool {
        self.has(Self::TITLE) || self.has(Self::BEFORE_NUMBER) || self.has(Self::ORDINARY)
    }
}

/// The abbreviations file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LexiconFile {
    titles: Vec<String>,
    before_numbers: Vec<String>,
    ordinary: Vec<String>,
    sentence_starters: Vec<String>,
    fragment_openers: Vec<String>,
    fragment_max_words: usize,
    letter_words: Vec<String>,
    bullets: Vec<char>,
}

/// Longest word worth looking up; longer ones are in no list.
const MAX_WORD: usize = 24;

/// Word roles and list bullets, compiled from the abbreviations file.
#[derive(Debug, Clone, Default)]
pub(super) struct Lexicon {
    /// ASCII-lowercased word, without its final period, to its roles.
    roles: HashMap<Box<[u8]>, Roles>,
    /// How many words a fronted phrase has at most ("At 5 a.m." has three).
    pub(super) fragment_max_words: usize,
    /// Characters that start a list item.
    bullets: Vec<char>,
    /// Bit set of the first UTF-8 byte of each bullet, so scanning for
    /// bullets decodes only the characters that might be one.
    bullet_lead: [u64; 4],
}

impl Lexicon {
    pub(super) fn from_toml(source: &str) -> Result<Self, toml::de::Error> {
        let file: LexiconFile = toml::from_str(source)?;
        let mut lexicon = Self { fragment_max_words: file.fragment_max_words, ..Self::default() };
        let lists = [
            (&file.titles, Roles::TITLE),
            (&file.before_numbers, Roles::BEFORE_NUMBER),
            (&file.ordinary, Roles::ORDINARY),
            (&file.sentence_starters, Roles::STARTER),
            (&file.fragment_openers, Roles::FRAGMENT_OPENER),
            (&file.letter_words, Roles::LETTER_WORD),
        ];
        for (words, role) in lists {
            for word in words {
                let key = word.trim_end_matches('.').to_ascii_lowercase().into_bytes();
                lexicon.roles.entry(key.into_boxed_slice()).or_default().0 |= role.0;
            }
        }
        for bullet in file.bullets {
            let mut buffer = [0; 4];
            let lead = bullet.encode_utf8(&mut buffer).as_bytes()[0];
            lexicon.bullet_lead[usize::from(lead >> 6)] |= 1 << (lead & 63);
            lexicon.bullets.push(bullet);
        }
        Ok(lexicon)
    }

    /// The roles of `word` (written without its final period), ignoring
    /// ASCII case.
    pub(super) fn roles(&self, word: &str) -> Roles {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > MAX_WORD {
            return Roles::default();
        }
        let mut folded = [0; MAX_WORD];
        let folded = &mut folded[..bytes.len()];
        folded.copy_from_slice(bytes);
        folded.make_ascii_lowercase();
        self.roles.get(&*folded).copied().unwrap_or_default()
    }

    /// The abbreviations written before a name ("gen", "brig"), folded.
    pub(super) fn titles(&self) -> Vec<String> {
        let mut titles: Vec<String> = self
            .roles
            .iter()
            .filter(|(_, roles)| roles.has(Roles::TITLE))
            .map(|(word, _)| String::from_utf8_lossy(word).into_owned())
            .collect();
        titles.sort_unstable();
        titles
    }

    /// Whether `c` starts a list item.
    pub(super) fn is_bullet(&self, c: char) -> bool {
        self.bullets.contains(&c)
    }

    /// Whether `byte` may be the first byte of a bullet.
    pub(super) fn may_start_bullet(&self, byte: u8) -> bool {
        self.bullet_lead[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }
}
