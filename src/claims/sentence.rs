//! A sentence read once: its tokens, every cue found in them, its place
//! mentions and which tokens sit inside quotation marks. Every later step of
//! extraction asks questions of this value instead of rescanning text.

use std::ops::Range;

use crate::lexicon::{Cue, Hit, Lexicon, PlaceForm, PlaceId};
use crate::text::{Token, is_quote_mark, tokenize};

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// Token indices of the mention.
    pub tokens: Range<usize>,
    pub place: PlaceId,
    pub form: PlaceForm,
}

/// One sentence with everything extraction needs to know about its words.
#[derive(Debug, Clone)]
pub struct SentenceView {
    /// Byte span of the sentence in its document.
    pub span: Range<usize>,
    pub tokens: Vec<Token>,
    /// Cue hits, ordered by first token.
    pub hits: Vec<Hit>,
    /// Place mentions, gazetteer and learned, ordered, non-overlapping.
    pub places: Vec<PlaceMention>,
    /// Per token: inside a quotation.
    pub quoted: Vec<bool>,
    /// Token ranges of quotation marks' contents.
    pub quotations: Vec<Range<usize>>,
    /// Indices of the quotation marks around speech (not scare quotes).
    speech_marks: Vec<usize>,
    /// The most tokens any hit spans: the hits covering a token start at
    /// most this far before it, so lookups need not scan the sentence.
    longest_hit: usize,
}

/// Quotations shorter than this many words are scare quotes, not speech.
pub const MIN_SPEECH_WORDS: usize = 4;

impl SentenceView {
    /// Reads a sentence. `open_quote` says whether a quotation opened in an
    /// earlier sentence is still open; the returned view's last quotation
    /// state is available from [`SentenceView::ends_inside_quote`].
    #[must_use]
    pub fn new(text: &str, span: Range<usize>, lexicon: &Lexicon, open_quote: bool) -> Self {
        let tokens = tokenize(&text[span.clone()], span.start);
        let hits = lexicon.scan(&tokens);
        let (quoted, quotations) = quotation_marks(text, &tokens, open_quote);
        let places = hits
            .iter()
            .filter_map(|hit| match hit.cue {
                Cue::Place(place, form) => Some(PlaceMention { tokens: hit.tokens.clone(), place, form }),
                _ => None,
            })
            .collect();
        let mut speech_marks = quotations
            .iter()
            .filter(|q| tokens[(*q).clone()].iter().filter(|t| t.is_word).count() >= MIN_SPEECH_WORDS)
            .flat_map(|q| [q.start.wrapping_sub(1), q.end])
            .collect::<Vec<_>>();
        // Sorted, for binary search: a sentence may hold thousands.
        speech_marks.sort_unstable();
        speech_marks.dedup();
        let longest_hit = hits.iter().map(|h| h.tokens.len()).max().unwrap_or(0);
        let mut view = Self { span, tokens, hits, places, quoted, quotations, speech_marks, longest_hit };
        view.keep_longest_places();
        view
    }

    /// Whether a quotation is still open at the end of the sentence.
    #[must_use]
    pub fn ends_inside_quote(&self) -> bool {
        self.quoted.last().copied().unwrap_or(false)
            && self.quotations.last().is_some_and(|q| q.end == self.tokens.len())
    }

    /// Adds place mentions found by another matcher (learned places).
    pub fn add_places(&mut self, mentions: impl IntoIterator<Item = PlaceMention>) {
        self.places.extend(mentions);
        self.keep_longest_places();
    }

    fn keep_longest_places(&mut self) {
        self.places.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        // In place: each mention is kept unless the last one kept overlaps it.
        let mut kept_end = None;
        self.places.retain(|mention| {
            let keep = kept_end.is_none_or(|end| mention.tokens.start >= end);
            if keep {
                kept_end = Some(mention.tokens.end);
            }
            keep
        });
    }

    /// The cues that start at token `index`.
    pub fn cues_at(&self, index: usize) -> impl Iterator<Item = &Hit> {
        let first = self.hits.partition_point(|h| h.tokens.start < index);
        self.hits[first..].iter().take_while(move |h| h.tokens.start == index)
    }

    /// Whether token `index` is covered by a cue matching `wanted`.
    pub fn covered_by(&self, index: usize, wanted: impl Fn(Cue) -> bool) -> bool {
        self.hits_starting_in((index + 1).saturating_sub(self.longest_hit)..index + 1)
            .any(|h| h.tokens.contains(&index) && wanted(h.cue))
    }

    /// Whether token `index` comes right after an honorific ("Mrs May",
    /// "Mr. Long"): a person's name, whatever else its word could be.
    #[must_use]
    pub fn after_honorific(&self, index: usize) -> bool {
        let before = match index.checked_sub(1) {
            Some(dot) if self.tokens[dot].norm == "." => dot.checked_sub(1),
            other => other,
        };
        before.is_some_and(|t| self.covered_by(t, |c| c == Cue::Honorific))
    }

    /// The first hit of a cue kind within a token range.
    pub fn find(&self, range: Range<usize>, wanted: impl Fn(Cue) -> bool) -> Option<&Hit> {
        self.hits_within(range).find(|h| wanted(h.cue))
    }

    /// The hits lying wholly within a token range, in order.
    pub fn hits_within(&self, range: Range<usize>) -> impl Iterator<Item = &Hit> {
        let end = range.end;
        self.hits_starting_in(range).filter(move |h| h.tokens.end <= end)
    }

    /// The hits whose first token lies in `starts`, in order. Hits are
    /// sorted by first token, so this is a search, not a scan.
    fn hits_starting_in(&self, starts: Range<usize>) -> impl Iterator<Item = &Hit> {
        let first = self.hits.partition_point(|h| h.tokens.start < starts.start);
        self.hits[first..].iter().take_while(move |h| h.tokens.start < starts.end)
    }

    /// The place mention covering token `index`.
    #[must_use]
    pub fn place_at(&self, index: usize) -> Option<&PlaceMention> {
        // Mentions are ordered and do not overlap.
        let after = self.places.partition_point(|m| m.tokens.end <= index);
        self.places.get(after).filter(|m| m.tokens.contains(&index))
    }

    /// Byte span in the document covered by a token range.
    #[must_use]
    pub fn byte_span(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() || tokens.end > self.tokens.len() {
            return self.span.start..self.span.start;
        }
        self.tokens[tokens.start].span.start..self.tokens[tokens.end - 1].span.end
    }

    /// The document text of a token range.
    #[must_use]
    pub fn text<'t>(&self, doc_text: &'t str, tokens: Range<usize>) -> &'t str {
        &doc_text[self.byte_span(tokens)]
    }

    /// Whether token `index` is a word with this folded form.
    #[must_use]
    pub fn is_word(&self, index: usize, folded: &str) -> bool {
        self.tokens.get(index).is_some_and(|t| t.norm == folded)
    }

    /// Token indices that end clauses: strong punctuation, quote marks and
    /// the lexicon's clause-breaking words ("but").
    #[must_use]
    pub fn is_clause_break(&self, index: usize) -> bool {
        let Some(token) = self.tokens.get(index) else {
            return false;
        };
        match token.norm.as_str() {
            ";" | ":" | "(" | ")" => true,
            // Speech ends a clause; scare quotes around a word or two do not.
            "\"" => self.is_speech_mark(index),
            // A dash between spaces breaks a clause; one inside a word
            // ("Poland-Belarus", "Abu-Bakr") does not.
            "-" => !self.glued(index),
            _ => self.covered_by(index, |c| c == Cue::ClauseBreak),
        }
    }

    /// Whether token `index` is a quotation mark around speech, as opposed
    /// to scare quotes around a word or two.
    #[must_use]
    pub fn is_speech_mark(&self, index: usize) -> bool {
        self.speech_marks.binary_search(&index).is_ok()
    }

    /// Whether token `index` is a period glued to the word before it, as an
    /// abbreviation's is ("Gen.", "Adm.").
    #[must_use]
    pub fn abbreviation_period(&self, index: usize) -> bool {
        index > 0 && self.tokens[index].norm == "." && self.tokens[index - 1].span.end == self.tokens[index].span.start
    }

    /// Whether token `index` touches both neighbours without spaces.
    #[must_use]
    pub fn glued(&self, index: usize) -> bool {
        let touches = |a: usize, b: usize| match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        };
        index > 0 && touches(index - 1, index) && touches(index, index + 1)
    }

    /// The clause around token `index`: the tokens between the nearest
    /// clause breaks on either side.
    #[must_use]
    pub fn clause_around(&self, index: usize) -> Range<usize> {
        let start = (0..index).rev().find(|&i| self.is_clause_break(i)).map_or(0, |i| i + 1);
        let end = (index + 1..self.tokens.len()).find(|&i| self.is_clause_break(i)).unwrap_or(self.tokens.len());
        start..end
    }
}

/// Marks tokens inside quotation marks. Curly quotes say which way they
/// face; straight quotes alternate. Single quotes are left alone: they are
/// apostrophes and scare quotes far more often than speech.
/// Whether a quotation mark opens a quotation (else it closes one): curly
/// and angle marks say which; a straight one opens unless one is open.
fn mark_opens(mark: char, inside: bool) -> bool {
    match mark {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => true,
        '\u{201D}' | '\u{00BB}' => false,
        _ => !inside,
    }
}

/// What [`SentenceView::ends_inside_quote`] says of the view of
/// `sentence`, read from its characters without tokens: a quotation is
/// open at its end, with a word after the mark that opened it. `None`
/// where the characters cannot tell how words split: in Hebrew a double
/// quote between letters is part of a word, and a mark followed by a
/// combining or invisible character forms one token with it.
#[must_use]
pub fn ends_inside_quote(sentence: &str, open_quote: bool) -> Option<bool> {
    if !sentence.is_ascii() {
        let hebrew = |c: char| matches!(c, '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}');
        let joins = |c: char| !(c.is_ascii() || c.is_alphanumeric() || c.is_whitespace() || is_quote_mark(c));
        let mut chars = sentence.chars().peekable();
        while let Some(c) = chars.next() {
            if hebrew(c) || (is_quote_mark(c) && chars.peek().is_some_and(|next| joins(*next))) {
                return None;
            }
        }
    }
    // Where the open quotation's words would start, if one is open.
    let mut open: Option<usize> = open_quote.then_some(0);
    for (at, mark) in sentence.char_indices().filter(|(_, c)| is_quote_mark(*c)) {
        match (mark_opens(mark, open.is_some()), open) {
            (true, None) => open = Some(at + mark.len_utf8()),
            (false, Some(_)) => open = None,
            _ => {}
        }
    }
    Some(open.is_some_and(|start| !sentence[start..].trim().is_empty()))
}

fn quotation_marks(text: &str, tokens: &[Token], open_quote: bool) -> (Vec<bool>, Vec<Range<usize>>) {
    let mut quoted = vec![false; tokens.len()];
    let mut quotations = Vec::new();
    let mut open: Option<usize> = open_quote.then_some(0);
    for (index, token) in tokens.iter().enumerate() {
        let Some(mark) = text[token.span.clone()].chars().next().filter(|c| is_quote_mark(*c)) else {
            if open.is_some() {
                quoted[index] = true;
            }
            continue;
        };
        match (mark_opens(mark, open.is_some()), open) {
            (true, None) => open = Some(index + 1),
            (false, Some(start)) => {
                quotations.push(start..index);
                open = None;
            }
            // A closing mark with no opening one closes a quotation that
            // began before this sentence was cut from its neighbours.
            (false, None) => quotations.push(0..index),
            (true, Some(_)) => {}
        }
    }
    if let Some(start) = open {
        quotations.push(start..tokens.len());
    }
    for quotation in &quotations {
        quoted[quotation.clone()].iter_mut().for_each(|q| *q = true);
    }
    (quoted, quotations)
}
