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

/// The places a document's sentences teach. A sentence that cannot name a
/// place to learn is not read: whether it leaves a quotation open is told
/// from its quotation marks. The sentences read are not kept for the
/// second pass, which reads them again: kept, they took a fifth of a large
/// run's memory, and faulting that memory in cost as much as reading them.
pub(super) fn lessons_of(doc: &Document, sentences: &[SentenceSpan], lexicon: &Lexicon) -> Vec<Lesson> {
    let mut open_quote = false;
    let mut lessons = Vec::new();
    for (span, follows) in sentences {
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
    }
    lessons
}

/// Reads each sentence, carrying the quotation state from one to the next.
pub(super) fn read_sentences(doc: &Document, sentences: &[SentenceSpan], lexicon: &Lexicon) -> Vec<SentenceView> {
    let mut open_quote = false;
    sentences
        .iter()
        .map(|(span, follows)| {
            let view = SentenceView::new(&doc.text, span.clone(), lexicon, *follows && open_quote);
            open_quote = view.ends_inside_quote();
            view
        })
        .collect()
}
