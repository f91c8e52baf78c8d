//! Sentence segmentation with exact byte spans.
//!
//! Every claim, span and diagnostic rests on sentence boundaries, and UAX #29
//! (from `unicode-segmentation`) gets news English wrong in known ways: it
//! ends sentences after "Gen." and "U.S.", keeps lists and glued headlines
//! whole, and knows nothing of quotations. So UAX #29 proposes boundaries,
//! and this module judges each one ([`judge`]), skips those inside
//! quotations ([`enclosure`]) and adds the ones no punctuation marks
//! ([`list`], [`extra`]). Line breaks always end a sentence: in scraped news
//! a line without final punctuation is a headline, byline or menu item.
//!
//! The word lists come from `rules/lexicon/abbreviations.toml`.

mod bounds;
mod context;
mod enclosure;
mod extra;
mod json;
mod judge;
mod lexicon;
mod list;

use std::ops::Range;

pub use bounds::sentence_bound_indices;
pub use json::segment_json_lines;

use enclosure::Enclosures;
use judge::{Verdict, judge};
use lexicon::Lexicon;

/// Splits text into sentences; cheap to share across threads.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    lexicon: Lexicon,
}

impl Segmenter {
    /// Builds a segmenter from the contents of an abbreviations file.
    pub fn from_toml(source: &str) -> Result<Self, toml::de::Error> {
        Ok(Self { lexicon: Lexicon::from_toml(source)? })
    }

    /// The abbreviated titles and ranks written before a name ("Gen.",
    /// "Brig."), folded and without their period: the claim model reads
    /// them as honorifics, so the two never disagree on what is a title.
    #[must_use]
    pub fn title_abbreviations(&self) -> Vec<String> {
        self.lexicon.titles()
    }

    /// Sentence spans of `text`, in order, trimmed of surrounding whitespace;
    /// together they cover every byte of `text` that is not whitespace.
    #[must_use]
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut run = Run {
            text,
            start: 0,
            // News sentences run 100-200 bytes; reserving for short ones
            // avoids regrowing the vector on most texts.
            spans: Vec::with_capacity(text.len() / 96 + 1),
            enclosures: Enclosures::default(),
        };
        for (offset, piece) in sentence_bound_indices(text) {
            for at in extra::unmarked_boundaries(piece) {
                self.propose(&mut run, offset + at);
            }
            let end = offset + piece.len();
            if end < text.len() {
                self.propose(&mut run, end);
            }
        }
        self.emit(text, run.start..text.len(), &mut run.spans);
        run.spans
    }

    /// Ends the current sentence at `end` if that is a boundary.
    fn propose(&self, run: &mut Run, end: usize) {
        if run.enclosures.cover(run.text, end) {
            return;
        }
        let at = match judge(&self.lexicon, run.text, run.start, end) {
            Verdict::Keep => end,
            Verdict::Veto => return,
            Verdict::MoveTo(at) => at,
        };
        self.emit(run.text, run.start..at, &mut run.spans);
        run.start = at;
    }

    /// Pushes the sentence `text[span]`, split where no punctuation marks a
    /// boundary, each piece trimmed.
    fn emit(&self, text: &str, span: Range<usize>, spans: &mut Vec<Range<usize>>) {
        let Some(span) = trim(text, span) else { return };
        let is_bullet = |c| self.lexicon.is_bullet(c);
        extra::split_bullets(text, span, &self.lexicon, &mut |item| {
            let Some(item) = trim(text, item) else { return };
            list::split_items(text, item, is_bullet, &mut |piece| {
                let Some(piece) = trim(text, piece) else {
                    return;
                };
                extra::split_repeats(text, piece, &mut |sentence| {
                    spans.extend(trim(text, sentence));
                });
            });
        });
    }
}

/// One pass of [`Segmenter::split`] over a text.
struct Run<'a> {
    text: &'a str,
    /// Where the current sentence starts.
    start: usize,
    spans: Vec<Range<usize>>,
    enclosures: Enclosures,
}

/// `span` without leading and trailing whitespace, if anything is left.
fn trim(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}
