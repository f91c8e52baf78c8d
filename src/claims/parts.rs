//! A corpus taken apart by article and put together again from some of
//! them: what an index stores, and what checking against it loads. A
//! corpus assembled from parts holds exactly the claims, people and places
//! the whole one held for those articles.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Claim, Corpus, Person, Places, Topic, TopicFrequencies};
use crate::ingest::{DocId, Document};
use crate::lexicon::PlaceId;

/// What every article of a corpus shares: the places learned from all of
/// them, and the lexicon's names for frames and spellings.
#[derive(Debug, Serialize, Deserialize)]
pub struct Shared {
    places: Places,
    frame_names: Vec<String>,
    frame_families: Vec<Option<String>>,
    means_names: Vec<String>,
    transliterations: Vec<(String, String)>,
    vowels: String,
    known_places: usize,
    max_sentence_bytes: usize,
    topics: TopicFrequencies,
}

/// One article's share of a corpus. Document ids inside are the ones the
/// article had where it was taken from; [`Corpus::add_part`] renumbers.
#[derive(Debug, Serialize, Deserialize)]
pub struct Part {
    pub document: Document,
    claims: Vec<Claim>,
    people: Vec<Person>,
    learned_places: Vec<PlaceId>,
    topic: Topic,
    skipped_sentences: Vec<Range<usize>>,
}

impl Corpus {
    /// What the articles share, for a corpus of some of them later.
    #[must_use]
    pub fn shared(&self) -> Shared {
        Shared {
            places: self.places.clone(),
            frame_names: self.frame_names.clone(),
            frame_families: self.frame_families.clone(),
            means_names: self.means_names.clone(),
            transliterations: self.transliterations.clone(),
            vowels: self.vowels.clone(),
            known_places: self.known_places,
            max_sentence_bytes: self.max_sentence_bytes,
            topics: TopicFrequencies::of(&self.topics),
        }
    }

    /// One article's claims, people and places (its text is not kept).
    #[must_use]
    pub fn part(&self, doc: DocId) -> Part {
        let claims = self.claims_of(doc);
        let first_person = self.people.partition_point(|p| p.doc < doc);
        let people = self.people[first_person..].iter().take_while(|p| p.doc == doc).cloned().collect();
        let mut document = self.documents[doc].clone();
        document.text = String::new();
        Part {
            document,
            claims: claims.to_vec(),
            people,
            learned_places: self.learned_places[doc].clone(),
            topic: self.topics[doc].clone(),
            skipped_sentences: self.skipped_sentences[doc].clone(),
        }
    }

    /// A corpus of no articles that knows what `shared` knows.
    #[must_use]
    pub fn from_shared(shared: Shared) -> Self {
        Self {
            documents: Vec::new(),
            places: shared.places,
            claims: Vec::new(),
            people: Vec::new(),
            frame_names: shared.frame_names,
            frame_families: shared.frame_families,
            means_names: shared.means_names,
            transliterations: shared.transliterations,
            vowels: shared.vowels,
            learned_places: Vec::new(),
            topics: Vec::new(),
            archive_topics: Some(shared.topics),
            counted_in_archive: Vec::new(),
            known_places: shared.known_places,
            skipped_sentences: Vec::new(),
            max_sentence_bytes: shared.max_sentence_bytes,
        }
    }

    /// Adds an article taken from another corpus with the same shared
    /// places, as it was extracted there. Returns its id here.
    pub fn add_part(&mut self, part: Part) -> DocId {
        let id = self.documents.len();
        // Appended last, so claims and people stay in document order.
        self.claims.extend(part.claims.into_iter().map(|claim| Claim { doc: id, ..claim }));
        self.people.extend(part.people.into_iter().map(|person| Person { doc: id, ..person }));
        self.documents.push(part.document);
        self.learned_places.push(part.learned_places);
        self.topics.push(part.topic);
        self.counted_in_archive.push(true);
        self.skipped_sentences.push(part.skipped_sentences);
        id
    }

    /// A document's claims, in sentence order.
    #[must_use]
    pub fn claims_of(&self, doc: DocId) -> &[Claim] {
        let first = self.claims.partition_point(|c| c.doc < doc);
        let end = first + self.claims[first..].partition_point(|c| c.doc == doc);
        &self.claims[first..end]
    }
}
