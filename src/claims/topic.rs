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
