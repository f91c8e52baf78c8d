//! Part-of-speech tagging: greedy, left to right, each word's tag chosen
//! from its form, affixes and shape, its neighbours, and the two tags
//! before it. Frequent words that the treebank always tags alike ("the",
//! "said", a comma) are looked up in a dictionary instead (Honnibal's tag
//! dictionary): half of running text, at one lookup each.

use foldhash::{HashMap, HashMapExt};

use super::conllu::GoldSentence;
use super::features::Features;
use super::labels::Tag;
use super::perceptron::{StoredWeights, Training, Weights};
use super::shuffled;
use super::words::Word;

/// A trained tagger.
#[derive(Debug, Default)]
pub struct Tagger {
    weights: Weights,
    /// Words with one tag, by form.
    dictionary: HashMap<u64, Tag>,
}

/// A tagger as stored.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct StoredTagger {
    pub weights: StoredWeights,
    /// Forms and their one tag's class.
    pub dictionary: Vec<(u64, u8)>,
}

/// A word enters the dictionary when seen at least this often...
const DICTIONARY_MIN_SEEN: u32 = 20;
/// ... with one tag at least this share of the time.
const DICTIONARY_MIN_SHARE: f64 = 0.97;

/// The place in [`features_at`] of the feature of the word's own form.
const FORM_TEMPLATE: usize = 1;

/// A tag's value in features; distinct from "no tag yet".
fn tag_value(tag: Option<Tag>) -> u64 {
    tag.map_or(0, |t| t.class() as u64 + 1)
}

fn features_at(words: &[Word], at: usize, previous: (Option<Tag>, Option<Tag>), out: &mut Features) {
    let word = |offset: isize| -> Word {
        at.checked_add_signed(offset).and_then(|i| words.get(i)).copied().unwrap_or(Word::NONE)
    };
    let here = word(0);
    let (before, before2) = (word(-1), word(-2));
    let (after, after2) = (word(1), word(2));
    let (p1, p2) = (tag_value(previous.0), tag_value(previous.1));
    out.clear();
    out.add(&[]);
    out.add(&[here.form]);
    out.add(&[here.suffix3]);
    out.add(&[here.suffix2]);
    out.add(&[here.prefix]);
    out.add(&[here.shape]);
    out.add(&[p1]);
    out.add(&[p2]);
    out.add(&[p1, p2]);
    out.add(&[p1, here.form]);
    out.add(&[p1, here.shape]);
    out.add(&[before.form]);
    out.add(&[before.suffix3]);
    out.add(&[before2.form]);
    out.add(&[after.form]);
    out.add(&[after.suffix3]);
    out.add(&[after.shape]);
    out.add(&[after2.form]);
    out.add(&[before.form, here.form]);
    out.add(&[here.form, after.form]);
    out.add(&[u64::from(at == 0), here.shape]);
}

impl Tagger {
    #[must_use]
    pub fn from_stored(stored: &StoredTagger) -> Self {
        let mut dictionary = HashMap::with_capacity(stored.dictionary.len());
        for &(form, class) in &stored.dictionary {
            if let Some(tag) = Tag::from_class(usize::from(class)) {
                dictionary.insert(form, tag);
            }
        }
        Self { weights: Weights::from_stored(&stored.weights), dictionary }
    }

    /// The tags of a sentence's words.
    #[must_use]
    pub fn tag(&self, words: &[Word]) -> Vec<Tag> {
        self.tag_knowing(words, &[])
    }

    /// The tags of a sentence's words where `known` gives some of them
    /// already (a place the gazetteer names is a proper noun): those are
    /// kept, and the words after them are tagged knowing them.
    #[must_use]
    pub fn tag_knowing(&self, words: &[Word], known: &[Option<Tag>]) -> Vec<Tag> {
        let mut features = Features::default();
        let mut scores = vec![0; Tag::ALL.len()];
        let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
        for at in 0..words.len() {
            if let Some(tag) =
                known.get(at).copied().flatten().or_else(|| self.dictionary.get(&words[at].form).copied())
            {
                tags.push(tag);
                continue;
            }
            let previous = (tags.last().copied(), tags.len().checked_sub(2).map(|i| tags[i]));
            features_at(words, at, previous, &mut features);
            let learned = self.weights.classes_learned(features.list[FORM_TEMPLATE]);
            // A closed class ("the", "was", "of") has the words training
            // saw in it and no others: a word never learned as one is not
            // one, however its neighbours read.
            let allowed =
                |class: usize| Tag::from_class(class).is_some_and(|tag| !tag.is_closed()) || learned & 1 << class != 0;
            let best = self.weights.best(&features.list, &mut scores, allowed);
            tags.push(best.and_then(Tag::from_class).unwrap_or(Tag::X));
        }
        tags
    }
}

/// Trains a tagger: `iterations` passes over the sentences, in an order
/// shuffled afresh each pass from `seed`.
#[must_use]
pub fn train(sentences: &[GoldSentence], iterations: usize, seed: u64) -> StoredTagger {
    let mut training = Training::new(Tag::ALL.len());
    let mut features = Features::default();
    let mut scores = vec![0.0; Tag::ALL.len()];
    let words: Vec<Vec<Word>> = sentences.iter().map(GoldSentence::words).collect();
    let dictionary = dictionary(sentences, &words);
    for iteration in 0..iterations {
        for index in shuffled(sentences.len(), seed.wrapping_add(iteration as u64)) {
            let mut previous = (None, None);
            for (at, gold) in sentences[index].words.iter().enumerate() {
                let guess = if let Some(tag) = dictionary.get(&words[index][at].form) {
                    *tag
                } else {
                    features_at(&words[index], at, previous, &mut features);
                    let guess = training.best(&features.list, &mut scores, |_| true).and_then(Tag::from_class);
                    let guess = guess.unwrap_or(Tag::X);
                    training.update(gold.tag.class(), guess.class(), &features.list);
                    guess
                };
                // The tags before are the tagger's own, as when it runs.
                previous = (Some(guess), previous.0);
            }
        }
    }
    let mut stored: Vec<(u64, u8)> =
        dictionary.into_iter().map(|(form, tag)| (form, u8::try_from(tag.class()).unwrap_or(u8::MAX))).collect();
    stored.sort_unstable();
    StoredTagger { weights: training.average(iterations), dictionary: stored }
}

/// The frequent words the treebank tags one way.
fn dictionary(sentences: &[GoldSentence], words: &[Vec<Word>]) -> HashMap<u64, Tag> {
    let mut counts: HashMap<u64, HashMap<Tag, u32>> = HashMap::new();
    for (sentence, words) in sentences.iter().zip(words) {
        for (gold, word) in sentence.words.iter().zip(words) {
            *counts.entry(word.form).or_default().entry(gold.tag).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(form, tags)| {
            let total: u32 = tags.values().sum();
            let (tag, most) = tags.into_iter().max_by_key(|(tag, n)| (*n, std::cmp::Reverse(*tag)))?;
            let share = f64::from(most) / f64::from(total);
            (total >= DICTIONARY_MIN_SEEN && share >= DICTIONARY_MIN_SHARE).then_some((form, tag))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{Syntax, Word};
    use super::Tag;

    fn tags(sentence: &str) -> Vec<(String, Tag)> {
        let words: Vec<Word> = sentence.split(' ').map(|w| Word::new(&crate::text::normalise(w), w)).collect();
        let tags = Syntax::embedded().tag(&words);
        sentence.split(' ').map(str::to_string).zip(tags).collect()
    }

    #[test]
    fn a_word_never_learned_in_a_closed_class_is_given_an_open_one() {
        // Invented words where function words would stand.
        for sentence in [
            "The blorvex zimmed the ferry .",
            "A quarrelt of the militia-run flenkave said so .",
            "Dozens were hurt , the ministry in the flenkave said .",
            "They plonked whemmer the ships had sailed .",
            "He said thrabble it was over .",
        ] {
            for (word, tag) in tags(sentence) {
                let invented = ["blorvex", "zimmed", "quarrelt", "flenkave", "plonked", "whemmer", "thrabble"];
                if invented.contains(&word.as_str()) {
                    assert!(!tag.is_closed(), "{sentence}: {word} read as {tag:?}");
                }
            }
        }
        // The closed classes keep their members.
        let read = tags("The ship was hit and it sank .");
        let tag_of = |w: &str| read.iter().find(|(word, _)| word == w).map(|(_, t)| *t);
        assert_eq!(tag_of("The"), Some(Tag::Det));
        assert_eq!(tag_of("was"), Some(Tag::Aux));
        assert_eq!(tag_of("and"), Some(Tag::Cconj));
        assert_eq!(tag_of("it"), Some(Tag::Pron));
    }
}
