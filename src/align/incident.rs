//! Incidents: whether two articles report the same event.
//!
//! Two claims contradict each other only when they are about one incident:
//! a denial of one drone attack does not answer an accusation about another
//! between the same two states in the same month. Each article's topic
//! (its names and nouns, the headline and lead counting double; see
//! [`crate::claims::Topic`]) is weighed by how rare each word is across the
//! corpus (a word most articles use tells nothing) and put as a unit
//! vector. Two articles report one incident when their vectors are alike
//! enough (cosine similarity): the further apart their dates, the more
//! alike they must be, since a story followed for years (a trial, an
//! inquiry) keeps its names while a new incident brings its own. An
//! article that names only countries still joins its incident through its
//! other words (the people, the weapon, what was hit). Outlets on
//! opposite sides may tell one incident in words that barely meet (a
//! "civilian airship" and a "spy balloon"), so two articles that are each
//! alike enough to a third are of its incident too, if they have anything
//! in common. The words that weigh most in an article are also what
//! alignment blocks it on, so articles of one incident meet without
//! sharing a place.

use rayon::prelude::*;

use crate::claims::Corpus;
use crate::ingest::{Date, DocId};

/// Articles this many days apart or fewer are close in time.
const CLOSE_DAYS: i64 = 31;

/// How alike two articles close in time (or undated) must be.
const CLOSE_SIMILARITY: f32 = 0.18;

/// How alike two articles far apart in time must be.
const FAR_SIMILARITY: f32 = 0.30;

/// How alike two articles must be to be related: of one incident if the
/// claims compared say much the same thing.
const RELATED_SIMILARITY: f32 = 0.07;

/// How alike two articles alike enough to a third must still be.
const THROUGH_A_THIRD: f32 = 0.0;

/// Articles assumed besides the corpus, none using any of its words: a
/// handful of articles cannot tell a common word from a rare one (in two
/// articles of one event, every shared word is "in all of them"), so a
/// small corpus weighs its words nearly alike, and a large one by rarity.
const UNSEEN_ARTICLES: f32 = 8.0;

/// Words of an article that find its neighbours.
const SALIENT_WORDS: usize = 12;

/// A word in more articles' salient words than this finds no neighbours:
/// it tells no incident apart.
const MAX_POSTING: usize = 256;

/// What two articles are to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incident {
    /// Reports of one incident.
    Same,
    /// Alike, but not enough to tell: claims about one incident if the
    /// claims themselves say much the same thing.
    Related,
    /// Reports of different incidents.
    Different,
}

/// Each article's weighed topic, for judging incidents.
#[derive(Debug, Default)]
pub struct Incidents {
    /// Per document: (word, weight) sorted by word, of unit length.
    vectors: Vec<Vec<(u32, f32)>>,
    dates: Vec<Option<Date>>,
    /// Per document: the documents alike enough to it, sorted.
    neighbours: Vec<Vec<DocId>>,
}

impl Incidents {
    /// Weighs every document's topic across the corpus.
    #[must_use]
    pub fn new(corpus: &Corpus) -> Self {
        let documents = corpus.documents.len();
        // Checked against an index, the articles loaded are the few a new
        // one can meet: words are weighed as across the whole archive.
        let archive = (0..documents).find_map(|doc| corpus.archive_topics(doc).0);
        let mut frequency: foldhash::HashMap<u32, u32> = foldhash::HashMap::default();
        let mut articles = archive.map_or(0, |a| a.articles);
        for doc in (0..documents).filter(|&doc| !corpus.archive_topics(doc).1) {
            articles += 1;
            for (word, _) in &corpus.topic_of(doc).words {
                *frequency.entry(*word).or_default() += 1;
            }
        }
        let total = articles as f32;
        let vectors = (0..documents)
            .map(|doc| {
                let mut vector: Vec<(u32, f32)> = corpus
                    .topic_of(doc)
                    .words
                    .iter()
                    .map(|&(word, count)| {
                        let df = (frequency.get(&word).copied().unwrap_or(0) + archive.map_or(0, |a| a.of_word(word)))
                            .max(1) as f32;
                        let rarity = ((total + UNSEEN_ARTICLES) / (df + 0.5)).ln();
                        (word, (1.0 + f32::from(count).ln()) * rarity)
                    })
                    .collect();
                let length = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if length > 0.0 {
                    for (_, weight) in &mut vector {
                        *weight /= length;
                    }
                }
                vector
            })
            .collect();
        let dates = corpus.documents.iter().map(|d| d.meta.date).collect();
        let mut incidents = Self { vectors, dates, neighbours: Vec::new() };
        incidents.neighbours = incidents.find_neighbours();
        incidents
    }

    /// Each document's neighbours: the documents sharing one of its
    /// salient words that are alike enough to it.
    fn find_neighbours(&self) -> Vec<Vec<DocId>> {
        let mut postings: foldhash::HashMap<u32, Vec<DocId>> = foldhash::HashMap::default();
        let salient: Vec<Vec<u32>> = (0..self.vectors.len()).map(|doc| self.salient(doc, SALIENT_WORDS)).collect();
        for (doc, words) in salient.iter().enumerate() {
            for word in words {
                postings.entry(*word).or_default().push(doc);
            }
        }
        salient
            .par_iter()
            .enumerate()
            .map(|(doc, words)| {
                let mut found: Vec<DocId> = words
                    .iter()
                    .filter_map(|w| postings.get(w).filter(|p| p.len() <= MAX_POSTING))
                    .flatten()
                    .copied()
                    .filter(|&other| other != doc && self.alike(doc, other))
                    .collect();
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect()
    }

    /// Whether two articles are alike enough to be of one incident.
    fn alike(&self, a: DocId, b: DocId) -> bool {
        let close = match (self.dates[a], self.dates[b]) {
            (Some(x), Some(y)) => x.days_between(y) <= CLOSE_DAYS,
            _ => true,
        };
        self.similarity(a, b) >= if close { CLOSE_SIMILARITY } else { FAR_SIMILARITY }
    }

    /// How alike two articles' topics are, from 0 to 1.
    #[must_use]
    pub fn similarity(&self, a: DocId, b: DocId) -> f32 {
        let (left, right) = (&self.vectors[a], &self.vectors[b]);
        let (mut at_left, mut at_right, mut dot) = (0, 0, 0.0);
        while at_left < left.len() && at_right < right.len() {
            match left[at_left].0.cmp(&right[at_right].0) {
                std::cmp::Ordering::Less => at_left += 1,
                std::cmp::Ordering::Greater => at_right += 1,
                std::cmp::Ordering::Equal => {
                    dot += left[at_left].1 * right[at_right].1;
                    at_left += 1;
                    at_right += 1;
                }
            }
        }
        dot
    }

    /// Whether two articles report one incident: alike enough, or both
    /// alike enough to a third.
    #[must_use]
    pub fn same(&self, a: DocId, b: DocId) -> bool {
        if a == b || self.alike(a, b) {
            return true;
        }
        let (left, right) = (&self.neighbours[a], &self.neighbours[b]);
        let (mut at_left, mut at_right) = (0, 0);
        while at_left < left.len() && at_right < right.len() {
            match left[at_left].cmp(&right[at_right]) {
                std::cmp::Ordering::Less => at_left += 1,
                std::cmp::Ordering::Greater => at_right += 1,
                std::cmp::Ordering::Equal => return self.similarity(a, b) > THROUGH_A_THIRD,
            }
        }
        false
    }

    /// What two articles are to each other.
    #[must_use]
    pub fn judge(&self, a: DocId, b: DocId) -> Incident {
        if self.same(a, b) {
            Incident::Same
        } else if self.similarity(a, b) >= RELATED_SIMILARITY {
            Incident::Related
        } else {
            Incident::Different
        }
    }

    /// The `count` words that weigh most in an article.
    #[must_use]
    pub fn salient(&self, doc: DocId, count: usize) -> Vec<u32> {
        let mut words = self.vectors[doc].clone();
        words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        words.into_iter().take(count).map(|(word, _)| word).collect()
    }
}
