//! A readable account of how one sentence is read: its tree, what it
//! states and how firmly. For people tuning the lexicon or the model
//! (`examples/parse.rs`), not for the pipeline.

use std::fmt::Write as _;

use super::attribution;
use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::syntax::Syntax;
use crate::lexicon::Lexicon;

/// The tree of `sentence` as columns (word, tag, head, relation), then its
/// statement: the content word, its stance and the source's words.
#[must_use]
pub fn trace(sentence: &str, lexicon: &Lexicon) -> String {
    let mut view = SentenceView::new(sentence, 0..sentence.len(), lexicon, false);
    let places = super::Places::new(lexicon.gazetteer.clone());
    view.add_places(places.mentions(&view));
    let parsed = Parsed::new(&view, sentence, lexicon, Syntax::embedded());
    let word_text = |w: usize| &sentence[view.tokens[parsed.token_of[w]].span.clone()];
    let mut out = String::new();
    for word in 0..parsed.len() {
        let head = parsed.head(word).map_or(0, |h| h + 1);
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            word + 1,
            word_text(word),
            parsed.tag(word).name(),
            head,
            parsed.dep(word).name()
        );
    }
    if let Some(statement) = attribution::statement(&parsed, &view) {
        let source = statement.source.map(|s| &sentence[view.byte_span(s.tokens)]);
        let _ = writeln!(
            out,
            "statement: {} ({}), governed by {:?}, source {:?}, citing {:?}",
            word_text(statement.content),
            statement.reading.stance.name(),
            statement.reading.governor.map(word_text),
            source,
            statement.citing.map(|c| &sentence[view.byte_span(c)]),
        );
    }
    out
}
