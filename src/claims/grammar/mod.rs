//! A sentence's dependency tree laid over its tokens: which token each
//! syntactic word comes from, and the questions extraction asks of the
//! tree (a predicate's subject and complements, the tokens a word
//! governs, whether a word is negated), in tokens.

mod build;
mod repair;

use std::ops::Range;

use super::sentence::SentenceView;
use super::syntax::{Dep, Syntax, Tag, Tree, Word, words_of};
use crate::lexicon::{Cue, Lexicon, PlaceForm};

/// Sentences from an article's start that may hold its dateline.
const DATELINE_SENTENCES: usize = 4;

/// A sentence of this many words is the lead's, not a headline's or a
/// menu's: the dateline is in it or before it.
const LEAD_TOKENS: usize = 12;

/// How many sentences a dateline is looked for in at most: a page's
/// navigation may come before it.
const MAX_HEAD_SENTENCES: usize = 10;

/// The state an article is written from: the place its dateline names
/// ("MOSCOW —", "TEHRAN (Pars Press Agency) –", "MOSCOW, March 18."), as
/// its state. The dateline is looked for in the first few sentences, or
/// as far as the lead where lines of a menu come first.
#[must_use]
pub fn home_state(views: &[SentenceView], places: &super::Places) -> Option<crate::lexicon::PlaceId> {
    let lead = views
        .iter()
        .take(MAX_HEAD_SENTENCES)
        .position(|v| v.tokens.iter().filter(|t| t.is_word).count() >= LEAD_TOKENS);
    let head = lead.map_or(DATELINE_SENTENCES, |lead| (lead + 1).max(DATELINE_SENTENCES));
    views.iter().take(head).find_map(|view| {
        let first = view.tokens.first()?;
        let in_capitals = first.all_caps && first.norm.chars().count() >= 3;
        let dated = build::dateline_end(view) > 0 || view.tokens.iter().take(8).any(|t| t.norm == "." || t.norm == ",");
        let mention = view.place_at(0).filter(|m| m.form != PlaceForm::Demonym)?;
        (in_capitals && dated).then(|| places.gazetteer.root(mention.place))
    })
}

/// Where a sentence's dateline ends, and the words after it with, per
/// word, its token in the whole sentence.
fn words_past_dateline(view: &SentenceView, text: &str, lexicon: &Lexicon) -> (usize, Vec<Word>, Vec<usize>) {
    let start = build::dateline_end(view);
    let (words, mut token_of) = words_of(&view.tokens[start..], text, &lexicon.clitics);
    for token in &mut token_of {
        *token += start;
    }
    (start, words, token_of)
}

/// Participles joined by a hyphen to the word before them and set before a
/// noun ("the rebel-held town", "a separatist-run territory"): modifiers of
/// the noun, which a tagger reading the participle as a verb would make the
/// predicate of a clause.
fn hyphened_modifiers<'a>(
    view: &'a SentenceView,
    token_of: &'a [usize],
    tags: &'a [Tag],
) -> impl Iterator<Item = usize> + 'a {
    (2..tags.len().saturating_sub(1)).filter(move |&word| {
        let (token, hyphen) = (token_of[word], token_of[word - 1]);
        tags[word] == Tag::Verb
            && view.is_word(hyphen, "-")
            && view.glued(hyphen)
            && !view.tokens[token].capitalised
            && matches!(tags[word + 1], Tag::Noun | Tag::Propn)
    })
}

/// The tags known before tagging: a place the lexicon or the text names
/// is a proper noun, whatever the tagger would guess of a word it has never
/// seen; so is a capitalised word after an honorific, whatever else it
/// could be ("Mrs May", "Mr. Long").
fn known_tags(view: &SentenceView, token_of: &[usize]) -> Vec<Option<Tag>> {
    token_of
        .iter()
        .enumerate()
        .map(|(word, &token)| {
            let first_of_token = word == 0 || token_of[word - 1] != token;
            let named =
                view.place_at(token).is_some_and(|m| m.form != PlaceForm::Demonym) || view.after_honorific(token);
            (first_of_token && named && view.tokens[token].capitalised).then_some(Tag::Propn)
        })
        .collect()
}

/// A parsed sentence.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub tree: Tree,
    /// Per word, the token it was cut from.
    pub token_of: Vec<usize>,
    /// Per token, its first word (a token with none, the period of an
    /// abbreviation, has its abbreviation's).
    pub word_of: Vec<usize>,
    /// The word naming the speaker of a quotation the sentence gives after
    /// a colon with no verb ("NATO's Jens Stoltenberg: “...”").
    pub quotation_speaker: Option<usize>,
    /// Each word's dependents, in order: `dependents[first[w]..first[w + 1]]`.
    /// Readers ask for a word's dependents at every step, and a sentence of
    /// thousands of words under one head would make each ask cost the
    /// whole sentence.
    first_dependent: Vec<usize>,
    dependents: Vec<usize>,
    /// Each word's span: the words it dominates, as a range.
    spans: Vec<Range<usize>>,
}

impl Parsed {
    /// Tags and parses a sentence, past its dateline if it opens with one
    /// (a dateline is not part of any clause, and the parser has never seen
    /// one).
    #[must_use]
    pub fn new(view: &SentenceView, text: &str, lexicon: &Lexicon, syntax: &Syntax) -> Self {
        let (start, words, token_of) = words_past_dateline(view, text, lexicon);
        let known = known_tags(view, &token_of);
        let word_of = Self::words_of_tokens(view, &token_of);
        let quotes: Vec<Range<usize>> = build::set_off_quotations(view, start)
            .into_iter()
            .map(|tokens| word_of[tokens.start]..word_of[tokens.end - 1] + 1)
            .collect();
        if !quotes.is_empty() {
            let (tree, quotation_speaker) = build::parse_pieces(syntax, &words, &known, &quotes, view, &token_of);
            return Self::of_tree(tree, token_of, word_of, quotation_speaker);
        }
        let mut known = known;
        let mut tags = syntax.tag_knowing(&words, &known);
        let modifiers: Vec<usize> = hyphened_modifiers(view, &token_of, &tags).collect();
        for word in modifiers {
            tags[word] = Tag::Adj;
            known[word] = Some(Tag::Adj);
        }
        let tree = syntax.parse(&words, tags);
        repair::repaired(Self::of_tree(tree, token_of, word_of, None), view, syntax, &words, known)
    }

    /// A sentence tagged but not parsed: every word its own root. Given to
    /// a sentence nothing is read from but its words' tags (no speech,
    /// stance, frame, role or figure), since parsing is most of the cost of
    /// reading a sentence and most of an article's sentences need none.
    #[must_use]
    pub fn tagged(view: &SentenceView, text: &str, lexicon: &Lexicon, syntax: &Syntax) -> Self {
        let (_, words, token_of) = words_past_dateline(view, text, lexicon);
        let word_of = Self::words_of_tokens(view, &token_of);
        let tags = syntax.tag_knowing(&words, &known_tags(view, &token_of));
        let heads = vec![None; tags.len()];
        let deps = vec![Dep::Other; tags.len()];
        Self::of_tree(Tree { tags, heads, deps }, token_of, word_of, None)
    }

    /// Per token, its first word (a token with none has the word before
    /// it).
    fn words_of_tokens(view: &SentenceView, token_of: &[usize]) -> Vec<usize> {
        let mut word_of = vec![usize::MAX; view.tokens.len()];
        for (word, &token) in token_of.iter().enumerate().rev() {
            word_of[token] = word;
        }
        let mut last = 0;
        for word in &mut word_of {
            if *word == usize::MAX {
                *word = last;
            }
            last = *word;
        }
        word_of
    }

    /// A parsed sentence of a finished tree, its dependents indexed.
    fn of_tree(tree: Tree, token_of: Vec<usize>, word_of: Vec<usize>, quotation_speaker: Option<usize>) -> Self {
        let n = tree.heads.len();
        let mut first_dependent = vec![0; n + 1];
        for head in tree.heads.iter().flatten() {
            first_dependent[head + 1] += 1;
        }
        for word in 0..n {
            first_dependent[word + 1] += first_dependent[word];
        }
        let mut next = first_dependent.clone();
        let mut dependents = vec![0; first_dependent[n]];
        for (word, head) in tree.heads.iter().enumerate() {
            if let Some(head) = *head {
                dependents[next[head]] = word;
                next[head] += 1;
            }
        }
        let mut parsed =
            Self { tree, token_of, word_of, quotation_speaker, first_dependent, dependents, spans: Vec::new() };
        parsed.spans = parsed.dominated_spans();
        parsed
    }

    /// Every word's span, each word visited once: a word's span is its own
    /// and its dependents' spans together.
    fn dominated_spans(&self) -> Vec<Range<usize>> {
        let n = self.tree.heads.len();
        let mut spans: Vec<Range<usize>> = (0..n).map(|w| w..w + 1).collect();
        // Dependents before heads: the reverse of an order in which every
        // head comes before its dependents.
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<usize> = (0..n).filter(|&w| self.tree.heads[w].is_none()).collect();
        while let Some(word) = stack.pop() {
            order.push(word);
            stack.extend(self.children(word));
        }
        for &word in order.iter().rev() {
            if let Some(head) = self.tree.heads[word] {
                let (start, end) = (spans[word].start, spans[word].end);
                spans[head] = spans[head].start.min(start)..spans[head].end.max(end);
            }
        }
        spans
    }

    /// The words `word` dominates, as a range (projective trees are
    /// contiguous).
    #[must_use]
    pub fn span_of(&self, word: usize) -> Range<usize> {
        self.spans.get(word).cloned().unwrap_or(word..word + 1)
    }

    /// How many words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.token_of.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.token_of.is_empty()
    }

    #[must_use]
    pub fn tag(&self, word: usize) -> Tag {
        self.tree.tags[word]
    }

    #[must_use]
    pub fn dep(&self, word: usize) -> Dep {
        self.tree.deps[word]
    }

    #[must_use]
    pub fn head(&self, word: usize) -> Option<usize> {
        self.tree.heads[word]
    }

    /// The word's dependents, in order.
    pub fn children(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        let range =
            self.first_dependent.get(word).zip(self.first_dependent.get(word + 1)).map_or(0..0, |(a, b)| *a..*b);
        self.dependents[range].iter().copied()
    }

    /// The word's first dependent in one of these relations.
    #[must_use]
    pub fn child_in(&self, word: usize, deps: &[Dep]) -> Option<usize> {
        self.children(word).find(|&c| deps.contains(&self.dep(c)))
    }

    /// The tokens the word and its dependents cover.
    #[must_use]
    pub fn tokens_of(&self, word: usize) -> Range<usize> {
        let words = self.span_of(word);
        self.token_of[words.start]..self.token_of[words.end - 1] + 1
    }

    /// The tokens of a word's phrase without the dependents in `leave_out`
    /// relations (a subject without its relative clause, say), cut to the
    /// contiguous stretch around the word.
    #[must_use]
    pub fn tokens_without(&self, word: usize, leave_out: &[Dep]) -> Range<usize> {
        let mut words = self.span_of(word);
        for child in self.children(word) {
            if !leave_out.contains(&self.dep(child)) {
                continue;
            }
            let span = self.span_of(child);
            if span.start > word {
                words.end = words.end.min(span.start);
            } else {
                words.start = words.start.max(span.end);
            }
        }
        // Punctuation left at either end ("Vladimir Chizhov ,") is not part of it.
        while words.end > words.start + 1 && self.tag(words.end - 1) == Tag::Punct {
            words.end -= 1;
        }
        while words.start + 1 < words.end && words.start != word && self.tag(words.start) == Tag::Punct {
            words.start += 1;
        }
        self.token_of[words.start]..self.token_of[words.end - 1] + 1
    }

    /// The word's subject, active or passive.
    #[must_use]
    pub fn subject(&self, word: usize) -> Option<usize> {
        self.child_in(word, &[Dep::Nsubj, Dep::NsubjPass, Dep::Csubj])
    }

    /// Whether the word is a comma.
    #[must_use]
    pub fn is_comma(&self, view: &SentenceView, word: usize) -> bool {
        self.token_of.get(word).is_some_and(|&t| view.tokens[t].norm == ",")
    }

    /// Whether a cue of this kind covers the word's token.
    #[must_use]
    pub fn is(&self, view: &SentenceView, word: usize, wanted: impl Fn(Cue) -> bool) -> bool {
        view.covered_by(self.token_of[word], wanted)
    }

    /// Whether the word, or an auxiliary or adverb of it, is a negator
    /// ("did not", "never", "has no").
    #[must_use]
    pub fn negated(&self, view: &SentenceView, word: usize) -> bool {
        self.negated_apart_from(view, word, None)
    }

    /// Whether a word is negated by a dependent other than `except`.
    #[must_use]
    pub fn negated_apart_from(&self, view: &SentenceView, word: usize, except: Option<usize>) -> bool {
        let negator = |w: usize| self.is(view, w, |c| c == Cue::Negator);
        self.children(word).filter(|&c| Some(c) != except).any(|c| {
            matches!(self.dep(c), Dep::Advmod | Dep::Aux | Dep::Det | Dep::Cc) && negator(c)
                || matches!(self.dep(c), Dep::Obj | Dep::Nsubj | Dep::NsubjPass) && self.is_negative_nominal(view, c)
        })
    }

    /// Whether a clause is negated by a participant it says there is none
    /// of ("nothing to do with", "no one was hurt"), rather than by a
    /// "not" or "never" on its verb.
    #[must_use]
    pub fn negated_by_participant(&self, view: &SentenceView, word: usize) -> bool {
        let none_of = |c: usize| {
            matches!(self.dep(c), Dep::Obj | Dep::Nsubj | Dep::NsubjPass) && self.is_negative_nominal(view, c)
        };
        let described =
            self.dep(word) == Dep::Acl && self.head(word).is_some_and(|h| self.is_negative_nominal(view, h));
        described || self.children(word).any(none_of)
    }

    /// "no", "nothing", "none", "neither ... nor": a nominal that negates
    /// its clause ("No drone took off", "has nothing to do with").
    fn is_negative_nominal(&self, view: &SentenceView, word: usize) -> bool {
        let negator = |w: usize| self.is(view, w, |c| c == Cue::Negator);
        // "no", "neither ... nor", and "not a single" (a negator on the
        // adjective or determiner before the noun).
        let modifier = |c: usize| matches!(self.dep(c), Dep::Det | Dep::Cc | Dep::Amod | Dep::Nummod);
        // The phrase's first word, past a quotation mark that opens it.
        let first = self.span_of(word).find(|&w| self.tag(w) != Tag::Punct);
        let opens_with_negator = first.is_some_and(negator);
        negator(word)
            || opens_with_negator
            || self.children(word).any(|c| {
                modifier(c) && (negator(c) || self.children(c).any(|m| self.dep(m) == Dep::Advmod && negator(m)))
            })
    }

    /// The words from `word` up to the root, nearest first.
    pub fn ancestors(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head(word);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let current = at?;
            steps += 1;
            // A tree has no cycles; the bound keeps a malformed one finite.
            at = if steps > self.len() { None } else { self.head(current) };
            Some(current)
        })
    }

    /// The sentence's root word.
    #[must_use]
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&w| self.head(w).is_none())
    }
}
