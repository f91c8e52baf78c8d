//! What an article is about, as the words that tell one incident from
//! another: its names (people, bodies, places) and its nouns, counted, with
//! the headline and lead counting double. Alignment weighs them across the
//! corpus (a word every article uses tells nothing) to judge whether two
//! articles report one incident.

use foldhash::{HashMap, HashMapExt};

use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::syntax::Tag;
use crate::lexicon::Cue;
use crate::text::fnv1a;

/// An article's topic words, hashed, with how often each occurs, sorted by
/// word.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Topic {
    pub words: Vec<(u32, u16)>,
}

/// How many articles use each topic word across a whole corpus. An index
/// keeps it, so that an article checked against the few archived articles
/// it can meet weighs words as it would against the whole archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TopicFrequencies {
    pub articles: u32,
    /// (word, articles using it), sorted by word.
    words: Vec<(u32, u32)>,
}

impl TopicFrequencies {
    /// Counts the articles using each word of `topics`.
    #[must_use]
    pub fn of<'t>(topics: impl IntoIterator<Item = &'t Topic>) -> Self {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut articles = 0;
        for topic in topics {
            articles += 1;
            for (word, _) in &topic.words {
                *counts.entry(*word).or_default() += 1;
            }
        }
        let mut words: Vec<(u32, u32)> = counts.into_iter().collect();
        words.sort_unstable();
        Self { articles, words }
    }

    /// How many articles use `word`.
    #[must_use]
    pub fn of_word(&self, word: u32) -> u32 {
        self.words.binary_search_by_key(&word, |(w, _)| *w).map_or(0, |i| self.words[i].1)
    }
}

/// Sentences from the start of an article that count double: the headline
/// and the lead say what it is about.
const LEAD_SENTENCES: usize = 3;

/// Counts an article's topic words sentence by sentence.
#[derive(Debug, Default)]
pub struct TopicCounter {
    counts: HashMap<u32, u16>,
}

impl TopicCounter {
    #[must_use]
    pub fn new() -> Self {
        Self { counts: HashMap::new() }
    }

    /// Counts the topic words of the sentence at `ordinal` in its article.
    pub fn add(&mut self, view: &SentenceView, parsed: &Parsed, ordinal: usize) {
        // A line with no verb is a menu, a label or a list, not what the
        // article says: "News | Sport | Showbiz | Money".
        if !(0..parsed.len()).any(|w| parsed.tag(w).is_verbal()) {
            return;
        }
        let weight = if ordinal < LEAD_SENTENCES { 2 } else { 1 };
        // Tokens before the first word are a dateline's: no part of a clause.
        let first = parsed.token_of.first().copied().unwrap_or(usize::MAX);
        for (token, word) in view.tokens.iter().zip(&parsed.word_of).skip(first) {
            if !is_topic_word(view, parsed, token, *word) {
                continue;
            }
            let stem = super::singular(&token.norm);
            #[allow(clippy::cast_possible_truncation)]
            let hash = fnv1a([stem.as_str()]) as u32;
            let count = self.counts.entry(hash).or_insert(0);
            *count = count.saturating_add(weight);
        }
    }

    #[must_use]
    pub fn finish(self) -> Topic {
        let mut words: Vec<(u32, u16)> = self.counts.into_iter().collect();
        words.sort_unstable();
        Topic { words }
    }
}

/// Nouns and names, not the words every report has: titles, words of
/// saying, dates.
fn is_topic_word(view: &SentenceView, parsed: &Parsed, token: &crate::text::Token, word: usize) -> bool {
    if parsed.is_empty() || !token.is_word || token.norm.chars().count() < 3 {
        return false;
    }
    let index = parsed.token_of[word];
    matches!(parsed.tag(word), Tag::Noun | Tag::Propn)
        && !token.norm.chars().all(|c| c.is_ascii_digit())
        && !view.covered_by(index, |c| {
            matches!(
                c,
                Cue::Official
                    | Cue::RoleTitle
                    | Cue::Say
                    | Cue::SpeechNoun
                    | Cue::NotName
                    | Cue::Unnamed
                    | Cue::Observer
                    | Cue::Outlet
                    | Cue::Honorific
            )
        })
}
