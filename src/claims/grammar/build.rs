//! Building a sentence's tree. News sentences carry things the parser's
//! treebanks rarely show, and that throw it off: a dateline ("GENEVA —"),
//! and quotations set beside their attribution ("“...,” the minister told
//! reporters."). A dateline is left out of the tree. A quotation of a
//! clause or more, set off from the rest by its marks and a comma or a
//! colon, is parsed as a sentence of its own, and so is the rest (its
//! frame); the quotation then hangs from the frame's verb of saying as its
//! complement, as a treebank would have it. A frame with no verb
//! ("NATO's Jens Stoltenberg: “...”") names the speaker of the quotation.

use std::ops::Range;

use super::super::sentence::{MIN_SPEECH_WORDS, SentenceView};
use super::super::syntax::{Dep, Syntax, Tag, Tree, Word};
use crate::lexicon::Cue;

/// The most tokens a dateline runs to: "BUNNIK, Netherlands, May 24
/// (Lowlands Press Agency) -".
const MAX_DATELINE_TOKENS: usize = 16;

/// Where a sentence's dateline ends: the token after a spaced dash that
/// closes a run opening with a word in capitals ("GENEVA —", "THE HAGUE –",
/// "DERNA, Libya, Sept 14 —"); 0 without one.
pub(super) fn dateline_end(view: &SentenceView) -> usize {
    let opens_in_capitals = view.tokens.first().is_some_and(|t| t.all_caps && t.norm.chars().count() >= 2);
    if !opens_in_capitals {
        return 0;
    }
    (1..view.tokens.len().min(MAX_DATELINE_TOKENS))
        .find(|&i| is_dash(&view.tokens[i].norm) && !view.glued(i) && i + 1 < view.tokens.len())
        .map_or(0, |dash| dash + 1)
}

fn is_dash(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
}

/// The quotations set beside their frame, as token ranges with their
/// marks: each opens the sentence or follows a comma or colon, and closes
/// it or is followed by a comma or the frame.
pub(super) fn set_off_quotations(view: &SentenceView, start: usize) -> Vec<Range<usize>> {
    let n = view.tokens.len();
    let words = |range: Range<usize>| view.tokens[range].iter().filter(|t| t.is_word).count();
    let mut quotes = Vec::new();
    for quotation in &view.quotations {
        let opening = quotation.start.checked_sub(1).filter(|&i| view.is_speech_mark(i));
        let closing = (quotation.end < n && view.is_speech_mark(quotation.end)).then_some(quotation.end);
        let (Some(open), Some(close)) = (opening, closing) else { continue };
        if open < start || words(quotation.clone()) < MIN_SPEECH_WORDS {
            continue;
        }
        let before_is_open = open == start || matches!(view.tokens[open - 1].norm.as_str(), "," | ":");
        let after = close + 1;
        let rest_is_punctuation = view.tokens[after..].iter().all(|t| !t.is_word);
        let after_is_open = rest_is_punctuation || view.tokens[after].norm == "," || view.tokens[after].is_word;
        if before_is_open && after_is_open {
            quotes.push(open..close + 1);
        }
    }
    let frame_words: usize = words(start..n) - quotes.iter().map(|q| words(q.clone())).sum::<usize>();
    if frame_words < 2 {
        return Vec::new();
    }
    quotes
}

/// Parses words in pieces: each quotation (a word range) alone, the rest
/// together, then joins the trees. Returns the tree and, when the frame
/// has no verb, the word heading it: the quotation's speaker.
pub(super) fn parse_pieces(
    syntax: &Syntax,
    words: &[Word],
    known: &[Option<Tag>],
    quotes: &[Range<usize>],
    view: &SentenceView,
    token_of: &[usize],
) -> (Tree, Option<usize>) {
    let n = words.len();
    let frame: Vec<usize> = (0..n).filter(|w| !quotes.iter().any(|q| q.contains(w))).collect();
    let mut tree = Tree { tags: vec![Tag::X; n], heads: vec![None; n], deps: vec![Dep::Other; n] };
    let frame_root = place(&mut tree, syntax, words, known, &frame);
    let says = |w: usize| {
        tree.tags[w].is_verbal()
            && view.covered_by(token_of[w], |c| matches!(c, Cue::Say | Cue::Deny | Cue::Accuse | Cue::Hedge))
    };
    let verb = frame.iter().copied().find(|&w| says(w)).or(frame_root.filter(|&r| tree.tags[r].is_verbal()));
    let mut speaker = None;
    let mut first_quote_root = None;
    for quote in quotes {
        let members: Vec<usize> = quote.clone().collect();
        let Some(root) = place(&mut tree, syntax, words, known, &members) else { continue };
        match verb {
            Some(verb) => {
                tree.heads[root] = Some(verb);
                tree.deps[root] = Dep::Ccomp;
            }
            None => match first_quote_root {
                Some(first) => {
                    tree.heads[root] = Some(first);
                    tree.deps[root] = Dep::Parataxis;
                }
                None => first_quote_root = Some(root),
            },
        }
    }
    if let (None, Some(quote_root), Some(frame_root)) = (verb, first_quote_root, frame_root) {
        // "NATO's Jens Stoltenberg: “...”": the quotation is the sentence,
        // and its speaker the frame.
        tree.heads[frame_root] = Some(quote_root);
        tree.deps[frame_root] = Dep::Parataxis;
        tree.heads[quote_root] = None;
        tree.deps[quote_root] = Dep::Root;
        speaker = Some(frame_root);
    }
    (tree, speaker)
}

/// Parses the words `members` (in order) as a sentence and writes their
/// tags, heads and relations into `tree`; returns the piece's root.
fn place(tree: &mut Tree, syntax: &Syntax, words: &[Word], known: &[Option<Tag>], members: &[usize]) -> Option<usize> {
    if members.is_empty() {
        return None;
    }
    let piece_words: Vec<Word> = members.iter().map(|&w| words[w]).collect();
    let piece_known: Vec<Option<Tag>> = members.iter().map(|&w| known.get(w).copied().flatten()).collect();
    let piece = syntax.analyse_knowing(&piece_words, &piece_known);
    let mut root = None;
    for (local, &word) in members.iter().enumerate() {
        tree.tags[word] = piece.tags[local];
        tree.deps[word] = piece.deps[local];
        tree.heads[word] = piece.heads[local].map(|h| members[h]);
        if piece.heads[local].is_none() && root.is_none() {
            root = Some(word);
        }
    }
    root
}
