//! Reading an article's sentences: where they are (outside web chrome and
//! within the length limit), the places they teach, and their views.

use std::ops::Range;

use super::{Lesson, Places, SentenceView, ends_inside_quote};
use crate::ingest::Document;
use crate::lexicon::Lexicon;
use crate::segment::Segmenter;

/// A sentence to analyse: its bytes, and whether it follows the one
/// before with nothing skipped between (so a quotation may run on).
pub(super) type SentenceSpan = (Range<usize>, bool);

/// The sentences outside chrome, and those skipped for being longer than
/// `max_bytes`.
pub(super) fn split_sentences(
    doc: &Document,
    segmenter: &Segmenter,
    max_bytes: usize,
) -> (Vec<SentenceSpan>, Vec<Range<usize>>) {
    let body = &doc.text[doc.body.clone()];
    let mut follows = true;
    let mut sentences = Vec::new();
    let mut skipped = Vec::new();
    for span in segmenter.split(body) {
        let span = span.start + doc.body.start..span.end + doc.body.start;
        if doc.is_chrome(span.start) {
            follows = false;
        } else if span.len() > max_bytes {
            // Whatever quotation was open is lost in it.
            follows = false;
            skipped.push(span);
        } else {
            sentences.push((span, follows));
            follows = true;
        }
    }
    (sentences, skipped)
}

/// A sentence already read, with the quotation state it was read in.
pub(super) type ReadSentence = (bool, SentenceView);

/// The places a document's sentences teach, and the sentences read to
/// find them (by position), for the second pass to use again. A sentence
/// that cannot name a place to learn is not read: whether it leaves a
/// quotation open is told from its quotation marks.
pub(super) fn lessons_of(
    doc: &Document,
    sentences: &[SentenceSpan],
    lexicon: &Lexicon,
) -> (Vec<Lesson>, Vec<(usize, ReadSentence)>) {
    let mut open_quote = false;
    let mut lessons = Vec::new();
    // Most sentences are read: grown by doubling, this vector of large
    // views was a tenth of the pass's time.
    let mut read = Vec::with_capacity(sentences.len());
    for (position, (span, follows)) in sentences.iter().enumerate() {
        let text = &doc.text[span.clone()];
        let open = *follows && open_quote;
        if !lexicon.place_types.may_name_a_place(text) {
            if let Some(still_open) = ends_inside_quote(text, open) {
                open_quote = still_open;
                continue;
            }
        }
        let view = SentenceView::new(&doc.text, span.clone(), lexicon, open);
        open_quote = view.ends_inside_quote();
        lessons.extend(Places::lessons(&view, &doc.text, lexicon));
        read.push((position, (open, view)));
    }
    (lessons, read)
}

/// Reads each sentence once, taking the views `read` already holds (by
/// position) where they were read in the same quotation state.
pub(super) fn read_sentences(
    doc: &Document,
    sentences: &[SentenceSpan],
    lexicon: &Lexicon,
    read: Vec<(usize, ReadSentence)>,
) -> Vec<SentenceView> {
    let mut read = read.into_iter().peekable();
    let mut open_quote = false;
    sentences
        .iter()
        .enumerate()
        .map(|(position, (span, follows))| {
            let open = *follows && open_quote;
            let earlier = read.next_if(|(at, _)| *at == position).map(|(_, earlier)| earlier);
            let view = match earlier {
                Some((read_open, view)) if read_open == open => view,
                _ => SentenceView::new(&doc.text, span.clone(), lexicon, open),
            };
            open_quote = view.ends_inside_quote();
            view
        })
        .collect()
}
