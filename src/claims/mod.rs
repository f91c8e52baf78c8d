//! Claims: who says what in each sentence.
//!
//! Extraction runs in two passes over a corpus. The first reads every
//! sentence once ([`SentenceView`]) and learns the places the text names
//! ("Moldova's Gagauzia region"); the second, per document and in sentence
//! order, attributes each sentence to a speaker (pronouns and quotations
//! continue the last one), finds its event frames with polarity and
//! modality, its quantities and quotations, and the people it names.

mod describe;
mod frames;
mod names;
mod parts;
mod places;
mod quantities;
mod reading;
mod sentence;
mod speaker;

use std::ops::Range;

use foldhash::{HashMap, HashSet};
use indicatif::ProgressBar;
use rayon::prelude::*;

pub use describe::describe;
pub use frames::{Frame, Modality, Polarity};
pub use names::{PersonMention, Role};
pub use parts::{Part, Shared};
pub use places::{Lesson, Places};
pub use quantities::{Bound, Quantity};
pub use sentence::{MIN_SPEECH_WORDS, PlaceMention, SentenceView, ends_inside_quote};
pub use speaker::{SourceKind, Speaker};

use reading::{ReadSentence, SentenceSpan, lessons_of, read_sentences, split_sentences};

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

/// What one sentence claims, and who claims it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub doc: DocId,
    /// Bytes of the sentence in its document.
    pub sentence: Range<usize>,
    pub speaker: Speaker,
    pub frames: Vec<Frame>,
    /// Every place the sentence names, for blocking.
    pub places: Vec<PlaceId>,
    pub quantities: Vec<Quantity>,
    /// Bytes of each quotation of four words or more.
    pub quotes: Vec<Range<usize>>,
    /// The distinctive folded words of those quotations, for blocking
    /// (kept so an index can block without the article's text).
    pub quote_words: Vec<String>,
}

/// What the first pass keeps of a document for the second: its sentences,
/// and those it read, by position.
type FirstReading = (Vec<SentenceSpan>, Vec<(usize, ReadSentence)>);

/// A person mention and the document it is in.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub doc: DocId,
    pub mention: PersonMention,
}

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
    /// Spelling pairs for comparing names.
    pub transliterations: Vec<(String, String)>,
    /// Per document: the learned (sub-national) places its claims name.
    learned_places: Vec<Vec<PlaceId>>,
    /// Places below this id come from the gazetteer; the rest were learned.
    known_places: usize,
    /// Sentences over `max_sentence_bytes`, per document, in order: reported,
    /// not analysed.
    skipped_sentences: Vec<Vec<Range<usize>>>,
    /// Sentences longer than this are skipped, in later documents too.
    max_sentence_bytes: usize,
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
                    let (lessons, views) = lessons_of(doc, &sentences, lexicon);
                    progress.inc(1);
                    (lessons, sentences, views, skipped)
                })
                .collect()
        };
        let mut places = Places::new(lexicon.gazetteer.clone());
        let mut sentences = Vec::with_capacity(documents.len());
        let mut skipped_sentences = Vec::with_capacity(documents.len());
        // Places are learned in document order, on this thread, from each
        // batch while the pool reads the next.
        pipelined(documents.chunks(BATCH), read_batch, |read| {
            for (doc_lessons, doc_sentences, doc_views, doc_skipped) in read {
                places.learn(doc_lessons);
                sentences.push((doc_sentences, doc_views));
                skipped_sentences.push(doc_skipped);
            }
        });
        // The sentences the first pass read (those that may name a place)
        // are kept for the second; the others are read there. Holding
        // every sentence of every article at once took some 45 times the
        // corpus in memory.
        let known_places = lexicon.gazetteer.places.len();
        let voices = outlet_voices(&documents, lexicon);
        let extract_batch = |(first, batch, batch_sentences): (usize, &[Document], Vec<FirstReading>)| -> Vec<_> {
            batch
                .par_iter()
                .zip(batch_sentences)
                .enumerate()
                .map(|(offset, (doc, (doc_sentences, doc_views)))| {
                    let views = read_sentences(doc, &doc_sentences, lexicon, doc_views);
                    let (claims, people) = extract(first + offset, doc, views, lexicon, &places, &voices[doc.outlet()]);
                    progress.inc(1);
                    (claims, people)
                })
                .collect()
        };
        // One claim a sentence: the corpus's claims are sized once, and
        // joined in document order on this thread while the pool extracts
        // the next batch. (People are fewer, and grow as they come.)
        let mut claims = Vec::with_capacity(sentences.iter().map(|(doc_sentences, _)| doc_sentences.len()).sum());
        let mut people = Vec::new();
        let mut learned_places = Vec::with_capacity(documents.len());
        let mut unextracted = sentences.into_iter();
        let batches = documents
            .chunks(BATCH)
            .enumerate()
            .map(|(index, batch)| (index * BATCH, batch, unextracted.by_ref().take(batch.len()).collect::<Vec<_>>()));
        pipelined(batches, extract_batch, |extracted| {
            for (doc_claims, doc_people) in extracted {
                learned_places.push(learned_in(&doc_claims, known_places));
                claims.extend(doc_claims);
                people.extend(doc_people);
            }
        });
        Self {
            learned_places,
            documents,
            places,
            claims,
            people,
            frame_names: lexicon.frames.iter().map(|f| f.name.clone()).collect(),
            transliterations: lexicon.transliterations.clone(),
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
            self.skipped_sentences.push(Vec::new());
            self.documents.len() - 1
        };
        let (sentences, skipped) = split_sentences(&self.documents[id], segmenter, self.max_sentence_bytes);
        let views = read_sentences(&self.documents[id], &sentences, lexicon, Vec::new());
        self.skipped_sentences[id] = skipped;
        for view in &views {
            self.places.learn_from(view, &self.documents[id].text, lexicon);
        }
        let outlet = speaker::outlet_voice(self.documents[id].outlet(), lexicon);
        let (claims, people) = extract(id, &self.documents[id], views, lexicon, &self.places, &outlet);
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

    /// A surname folded across transliterations.
    #[must_use]
    pub fn fold_name(&self, name: &str) -> String {
        crate::text::fold_name(name, &self.transliterations)
    }

    /// Whether two speaker keys name one source: equal, or two people whose
    /// surnames differ only in spelling.
    #[must_use]
    pub fn same_speaker(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        match (a.strip_prefix("person:"), b.strip_prefix("person:")) {
            (Some(x), Some(y)) => names_match(&self.fold_name(x), &self.fold_name(y)),
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

/// Names this long may be two edits apart and still be one name.
pub const LONG_NAME_CHARS: usize = 10;

/// Whether two folded surnames are one name spelled two ways: at most one
/// edit apart (two for long names).
#[must_use]
pub fn names_match(a: &str, b: &str) -> bool {
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    let allowed = if a_len.min(b_len) >= LONG_NAME_CHARS { 2 } else { 1 };
    // No fewer edits than the lengths differ by: most pairs stop here.
    a_len.min(b_len) >= 4 && a_len.abs_diff(b_len) <= allowed && strsim::damerau_levenshtein(a, b) <= allowed
}

/// One voice per outlet rather than per article: an outlet publishes many.
fn outlet_voices<'d>(documents: &'d [Document], lexicon: &Lexicon) -> HashMap<&'d str, Speaker> {
    let outlets: HashSet<&str> = documents.iter().map(Document::outlet).collect();
    outlets.into_par_iter().map(|outlet| (outlet, speaker::outlet_voice(outlet, lexicon))).collect()
}

/// The claims and people of a document, whose outlet speaks as `outlet`
/// where no one else is said to.
fn extract(
    id: DocId,
    doc: &Document,
    mut views: Vec<SentenceView>,
    lexicon: &Lexicon,
    places: &Places,
    outlet: &Speaker,
) -> (Vec<Claim>, Vec<Person>) {
    let mut context = speaker::Context::default();
    // One claim a sentence.
    let mut claims: Vec<Claim> = Vec::with_capacity(views.len());
    let views_spans: Vec<Range<usize>> = views.iter().map(|v| v.span.clone()).collect();
    for (ordinal, view) in views.iter_mut().enumerate() {
        context.sentence = ordinal;
        // A role holder's name follows in the next sentence or not at all.
        if context.pending_role.as_ref().is_some_and(|(_, said_in)| *said_in + 1 < ordinal) {
            context.pending_role = None;
        }
        view.add_places(places.mentions(view));
        for person in names::find_people(view, &doc.text, lexicon) {
            remember(&mut context, person);
        }
        let attribution = speaker::attribute(view, &doc.text, lexicon, &mut context);
        if let Some(person) = attribution.person {
            remember(&mut context, person);
        }
        let speaker = attribution.speaker.unwrap_or_else(|| outlet.clone());
        if let Some(earlier) = attribution.names_earlier {
            let named = claims.iter_mut().rev().find(|c: &&mut Claim| c.sentence == views_spans[earlier]);
            if let Some(claim) = named {
                claim.speaker = speaker.clone();
            }
        }
        let frames = frames::find_frames(view, lexicon, &places.gazetteer, &speaker);
        let quotes: Vec<Range<usize>> = view
            .quotations
            .iter()
            .filter(|q| view.tokens[(*q).clone()].iter().filter(|t| t.is_word).count() >= MIN_SPEECH_WORDS)
            .map(|q| view.byte_span(q.clone()))
            .collect();
        let quote_words = quote_words(&doc.text, &quotes);
        let mut mentioned: Vec<PlaceId> = view.places.iter().map(|m| m.place).collect();
        mentioned.sort_unstable();
        mentioned.dedup();
        if speaker.key.starts_with("person:") {
            context.last_person = Some(speaker.clone());
        } else if speaker != *outlet {
            context.last_institution = Some(speaker.clone());
        }
        context.last = Some(speaker.clone());
        let mut claim = Claim {
            doc: id,
            sentence: view.span.clone(),
            speaker,
            frames,
            places: mentioned,
            quantities: quantities::find_quantities(view, lexicon),
            quotes,
            quote_words,
        };
        // Kept for the whole run, a claim gives back what its lists grew by.
        claim.frames.shrink_to_fit();
        claim.places.shrink_to_fit();
        claim.quantities.shrink_to_fit();
        claims.push(claim);
    }
    let people = context.people.into_iter().map(|mention| Person { doc: id, mention }).collect();
    (claims, people)
}

/// Quotation words shorter than this are too common to block on.
const MIN_QUOTE_WORD: usize = 5;

fn quote_words(text: &str, quotes: &[Range<usize>]) -> Vec<String> {
    let mut words: Vec<String> = quotes
        .iter()
        .flat_map(|q| {
            crate::text::normalise(&text[q.clone()])
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= MIN_QUOTE_WORD)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Records a person, giving a later bare mention the role of an earlier one.
fn remember(context: &mut speaker::Context, mut person: PersonMention) {
    if person.role.is_none() {
        person.role = context.latest_named(&person.surname).and_then(|p| p.role.clone());
    }
    context.add_person(person);
}
