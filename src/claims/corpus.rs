//! The corpus: every document's claims and people, extracted in the two
//! passes the `claims` module describes, kept in document order, and replaced
//! a document at a time as articles are edited.

use std::ops::Range;

use foldhash::{HashMap, HashSet};
use indicatif::ProgressBar;
use rayon::prelude::*;

use super::reading::{SentenceSpan, lessons_of, read_sentences, split_sentences};
use super::{Claim, Person, Places, Speaker, Topic, TopicFrequencies, extract, names_match, speaker};
use crate::ingest::{DocId, Document};
use crate::lexicon::{Lexicon, PlaceId};
use crate::limits::Limits;
use crate::segment::Segmenter;

/// Runs over fewer articles than this show no progress bar.
const PROGRESS_MIN_DOCUMENTS: usize = 200;

/// Documents read (or extracted) together while the batch before is
/// learned from (or joined): enough to keep both cores busy, few enough
/// that the last batch, handled alone, is short.
const BATCH: usize = 2048;

/// Everything extracted from a set of documents.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// The gazetteer with the places learned from these documents.
    pub places: Places,
    pub claims: Vec<Claim>,
    pub people: Vec<Person>,
    /// Frame kind names, by index, for labels.
    pub frame_names: Vec<String>,
    /// Frame kinds' families, by index: kinds of one family are kindred.
    pub frame_families: Vec<Option<String>>,
    /// Kinds of means, by index, for labels.
    pub means_names: Vec<String>,
    /// Spelling pairs for comparing names.
    pub transliterations: Vec<(String, String)>,
    /// Vowels, dropped from a name's skeleton.
    pub vowels: String,
    /// Per document: the learned (sub-national) places its claims name.
    pub(super) learned_places: Vec<Vec<PlaceId>>,
    /// Per document: what it is about, for telling incidents apart.
    pub(super) topics: Vec<Topic>,
    /// Topic words counted over the archive an index was built from, and
    /// per document whether it is one of those counted.
    pub(super) archive_topics: Option<TopicFrequencies>,
    pub(super) counted_in_archive: Vec<bool>,
    /// Places below this id come from the gazetteer; the rest were learned.
    pub(super) known_places: usize,
    /// Sentences over `max_sentence_bytes`, per document, in order: reported,
    /// not analysed.
    pub(super) skipped_sentences: Vec<Vec<Range<usize>>>,
    /// Sentences longer than this are skipped, in later documents too.
    pub(super) max_sentence_bytes: usize,
}

impl Corpus {
    /// Extracts claims and people from documents, with the default limits.
    #[must_use]
    pub fn build(documents: Vec<Document>, lexicon: &Lexicon, segmenter: &Segmenter) -> Self {
        Self::build_with(documents, lexicon, segmenter, &Limits::default())
    }

    /// Extracts claims and people from documents, skipping sentences over
    /// `limits.max_sentence_bytes` (see [`Corpus::skipped_sentences`]).
    #[must_use]
    pub fn build_with(documents: Vec<Document>, lexicon: &Lexicon, segmenter: &Segmenter, limits: &Limits) -> Self {
        Self::build_reporting(documents, lexicon, segmenter, limits, &ProgressBar::hidden())
    }

    /// [`Corpus::build_with`], advancing `progress` once per document read
    /// and once per document extracted.
    #[must_use]
    pub fn build_reporting(
        documents: Vec<Document>,
        lexicon: &Lexicon,
        segmenter: &Segmenter,
        limits: &Limits,
        progress: &ProgressBar,
    ) -> Self {
        // A bar for a handful of articles is flicker, not information.
        if documents.len() < PROGRESS_MIN_DOCUMENTS {
            progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        progress.set_length(2 * documents.len() as u64);
        let max = limits.max_sentence_bytes;
        let read_batch = |batch: &[Document]| -> Vec<_> {
            batch
                .par_iter()
                .map(|doc| {
                    let (sentences, skipped) = split_sentences(doc, segmenter, max);
                    let lessons = lessons_of(doc, &sentences, lexicon);
                    progress.inc(1);
                    (lessons, sentences, skipped)
                })
                .collect()
        };
        let mut places = Places::new(lexicon.gazetteer.clone());
        let mut sentences = Vec::with_capacity(documents.len());
        let mut skipped_sentences = Vec::with_capacity(documents.len());
        // Places are learned in document order, on this thread, from each
        // batch while the pool reads the next.
        pipelined(documents.chunks(BATCH), read_batch, |read| {
            for (doc_lessons, doc_sentences, doc_skipped) in read {
                places.learn(doc_lessons);
                sentences.push(doc_sentences);
                skipped_sentences.push(doc_skipped);
            }
        });
        // Only the sentences' spans pass from the first pass to the second,
        // which reads each sentence as it extracts its document's claims.
        let known_places = lexicon.gazetteer.places.len();
        let voices = outlet_voices(&documents, lexicon);
        let extract_batch = |(first, batch, batch_sentences): (usize, &[Document], Vec<Vec<SentenceSpan>>)| -> Vec<_> {
            batch
                .par_iter()
                .zip(batch_sentences)
                .enumerate()
                .map(|(offset, (doc, doc_sentences))| {
                    let views = read_sentences(doc, &doc_sentences, lexicon);
                    let extracted = extract(first + offset, doc, views, lexicon, &places, &voices[doc.outlet()]);
                    progress.inc(1);
                    extracted
                })
                .collect()
        };
        // One claim a sentence: the corpus's claims are sized once, and
        // joined in document order on this thread while the pool extracts
        // the next batch. (People are fewer, and grow as they come.)
        let mut claims = Vec::with_capacity(sentences.iter().map(Vec::len).sum());
        let mut people = Vec::new();
        let mut learned_places = Vec::with_capacity(documents.len());
        let mut topics = Vec::with_capacity(documents.len());
        let mut unextracted = sentences.into_iter();
        let batches = documents
            .chunks(BATCH)
            .enumerate()
            .map(|(index, batch)| (index * BATCH, batch, unextracted.by_ref().take(batch.len()).collect::<Vec<_>>()));
        pipelined(batches, extract_batch, |extracted| {
            for (doc_claims, doc_people, doc_topic) in extracted {
                learned_places.push(learned_in(&doc_claims, known_places));
                topics.push(doc_topic);
                claims.extend(doc_claims);
                people.extend(doc_people);
            }
        });
        Self {
            learned_places,
            archive_topics: None,
            counted_in_archive: vec![false; topics.len()],
            topics,
            documents,
            places,
            claims,
            people,
            frame_names: lexicon.frames.iter().map(|f| f.name.clone()).collect(),
            frame_families: lexicon.frames.iter().map(|f| f.family.clone()).collect(),
            means_names: lexicon.means.clone(),
            transliterations: lexicon.transliterations.clone(),
            vowels: lexicon.vowels.clone(),
            known_places,
            skipped_sentences,
            max_sentence_bytes: max,
        }
    }

    /// Adds a document, or replaces the one with the same path, and extracts
    /// its claims; the rest of the corpus is kept as extracted. Places the new
    /// text teaches are learned for later documents, not re-applied to the
    /// ones already read. Returns the document's id.
    pub fn replace_document(&mut self, document: Document, lexicon: &Lexicon, segmenter: &Segmenter) -> DocId {
        let id = if let Some(id) = self.documents.iter().position(|d| d.path == document.path) {
            self.documents[id] = document;
            id
        } else {
            self.documents.push(document);
            self.learned_places.push(Vec::new());
            self.topics.push(Topic::default());
            self.counted_in_archive.push(false);
            self.skipped_sentences.push(Vec::new());
            self.documents.len() - 1
        };
        let (sentences, skipped) = split_sentences(&self.documents[id], segmenter, self.max_sentence_bytes);
        let views = read_sentences(&self.documents[id], &sentences, lexicon);
        self.skipped_sentences[id] = skipped;
        for view in &views {
            self.places.learn_from(view, &self.documents[id].text, lexicon);
        }
        let outlet = speaker::outlet_voice(self.documents[id].outlet(), lexicon);
        let (claims, people, topic) = extract(id, &self.documents[id], views, lexicon, &self.places, &outlet);
        self.topics[id] = topic;
        self.counted_in_archive[id] = false;
        // Claims and people stay in document order: lookups bisect them.
        self.claims.retain(|c| c.doc != id);
        self.people.retain(|p| p.doc != id);
        let at = self.claims.partition_point(|c| c.doc < id);
        self.claims.splice(at..at, claims);
        let at = self.people.partition_point(|p| p.doc < id);
        self.people.splice(at..at, people);
        self.refresh_learned_places(id);
        id
    }

    fn refresh_learned_places(&mut self, doc: DocId) {
        // Claims are in document order: bisect to this document's run.
        let first = self.claims.partition_point(|c| c.doc < doc);
        let count = self.claims[first..].iter().take_while(|c| c.doc == doc).count();
        self.learned_places[doc] = learned_in(&self.claims[first..first + count], self.known_places);
    }

    /// The sentences of a document that were over the length limit and
    /// were not analysed, as byte spans, in order.
    #[must_use]
    pub fn skipped_sentences(&self, doc: DocId) -> &[Range<usize>] {
        &self.skipped_sentences[doc]
    }

    /// What a document is about.
    #[must_use]
    pub fn topic_of(&self, doc: DocId) -> &Topic {
        &self.topics[doc]
    }

    /// The topic words of the archive this corpus was loaded from, if it
    /// was, and whether document `doc` is counted in them.
    #[must_use]
    pub fn archive_topics(&self, doc: DocId) -> (Option<&TopicFrequencies>, bool) {
        (self.archive_topics.as_ref(), self.counted_in_archive.get(doc).copied().unwrap_or(false))
    }

    /// Whether the state a place lies in is known: it is the gazetteer's,
    /// or the text said which of its places holds it. A place learned with
    /// no container could lie in any.
    #[must_use]
    pub fn state_known(&self, place: PlaceId) -> bool {
        self.places.gazetteer.root(place) < self.known_places
    }

    /// The places learned from the text that a document's claims name.
    #[must_use]
    pub fn learned_places_of(&self, doc: DocId) -> &[PlaceId] {
        &self.learned_places[doc]
    }

    /// The sentence (a claim's span) that contains a span of a document: a
    /// label may point at a quotation or a name inside its sentence. Falls
    /// back to the span itself.
    #[must_use]
    pub fn sentence_of(&self, doc: DocId, span: &Range<usize>) -> Range<usize> {
        // Claims are in document order, and in sentence order within one.
        let after = self.claims.partition_point(|c| (c.doc, c.sentence.start) <= (doc, span.start));
        after
            .checked_sub(1)
            .map(|i| &self.claims[i])
            .filter(|c| c.doc == doc && span.end <= c.sentence.end)
            .map_or_else(|| span.clone(), |c| c.sentence.clone())
    }

    /// Whether `rule` is silenced where a span of a document sits.
    #[must_use]
    pub fn suppresses(&self, rule: &str, doc: DocId, span: &Range<usize>) -> bool {
        let document = &self.documents[doc];
        // Finding the sentence is a search of every claim; most articles
        // silence nothing.
        document.silences_any_rule() && document.suppresses(rule, self.sentence_of(doc, span))
    }

    /// A name folded across transliterations, its parts run together
    /// ("Abdul-Mahdi" and "Abdul Mahdi" fold alike).
    #[must_use]
    pub fn fold_name(&self, name: &str) -> String {
        crate::text::fold_name(name, &self.transliterations).replace(['-', ' '], "")
    }

    /// A folded name's skeleton: its consonants.
    #[must_use]
    pub fn skeleton(&self, folded: &str) -> String {
        folded.chars().filter(|c| !self.vowels.contains(*c)).collect()
    }

    /// Whether two folded names are one name spelled two ways.
    #[must_use]
    pub fn names_match(&self, a: &str, b: &str) -> bool {
        names_match(a, b, |n| self.skeleton(n))
    }

    /// Whether two speaker keys name one source: equal, or two people whose
    /// surnames differ only in spelling.
    #[must_use]
    pub fn same_speaker(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        match (a.strip_prefix("person:"), b.strip_prefix("person:")) {
            (Some(x), Some(y)) => self.names_match(&self.fold_name(x), &self.fold_name(y)),
            _ => false,
        }
    }
}

/// The learned places (those past the `known` gazetteer ones) one
/// article's claims name, sorted.
fn learned_in(claims: &[Claim], known: usize) -> Vec<PlaceId> {
    let mut learned: Vec<PlaceId> =
        claims.iter().flat_map(|c| c.places.iter().copied()).filter(|p| *p >= known).collect();
    learned.sort_unstable();
    learned.dedup();
    learned
}

/// Runs `work` on each batch in turn, on the pool, and hands what it gives
/// to `consume`, in order, on this thread while the next batch runs: work
/// that must go in order keeps pace without leaving a core idle.
fn pipelined<B: Send, R: Send>(
    batches: impl Iterator<Item = B>,
    work: impl Fn(B) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let mut unconsumed = None;
    for batch in batches {
        let mut done = None;
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| done = Some(work(batch)));
            if let Some(earlier) = unconsumed.take() {
                consume(earlier);
            }
        });
        unconsumed = done;
    }
    if let Some(last) = unconsumed {
        consume(last);
    }
}

/// One voice per outlet rather than per article: an outlet publishes many.
fn outlet_voices<'d>(documents: &'d [Document], lexicon: &Lexicon) -> HashMap<&'d str, Speaker> {
    let outlets: HashSet<&str> = documents.iter().map(Document::outlet).collect();
    outlets.into_par_iter().map(|outlet| (outlet, speaker::outlet_voice(outlet, lexicon))).collect()
}
