//! A sentence's dependency tree laid over its tokens: which token each
//! syntactic word comes from, and the questions extraction asks of the
//! tree (a predicate's subject and complements, the tokens a word
//! governs, whether a word is negated), in tokens.

mod build;

use std::ops::Range;

use super::sentence::SentenceView;
use super::syntax::{Dep, Syntax, Tag, Tree, words_of};
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

/// A verb of saying re-hung with the clause it says: the verb goes under
/// `verb_head` as `verb_dep`, the clause under the verb.
struct Rehang {
    verb: usize,
    clause: usize,
    verb_head: usize,
    verb_dep: Dep,
}

/// A subject and its modifier that a parse made a second subject.
struct SplitSubject {
    verb: usize,
    subject: usize,
    modifier: usize,
    preposition: usize,
}

impl Parsed {
    /// Tags and parses a sentence, past its dateline if it opens with one
    /// (a dateline is not part of any clause, and the parser has never seen
    /// one).
    #[must_use]
    pub fn new(view: &SentenceView, text: &str, lexicon: &Lexicon, syntax: &Syntax) -> Self {
        let start = build::dateline_end(view);
        let (words, mut token_of) = words_of(&view.tokens[start..], text, &lexicon.clitics);
        for token in &mut token_of {
            *token += start;
        }
        // A place the lexicon or the text names is a proper noun, whatever
        // the tagger would guess of a word it has never seen.
        let known: Vec<Option<Tag>> = token_of
            .iter()
            .enumerate()
            .map(|(word, &token)| {
                let first_of_token = word == 0 || token_of[word - 1] != token;
                let named = view.place_at(token).is_some_and(|m| m.form != PlaceForm::Demonym);
                (first_of_token && named && view.tokens[token].capitalised).then_some(Tag::Propn)
            })
            .collect();
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
        let quotes: Vec<Range<usize>> = build::set_off_quotations(view, start)
            .into_iter()
            .map(|tokens| word_of[tokens.start]..word_of[tokens.end - 1] + 1)
            .collect();
        if !quotes.is_empty() {
            let (tree, quotation_speaker) = build::parse_pieces(syntax, &words, &known, &quotes, view, &token_of);
            return Self::of_tree(tree, token_of, word_of, quotation_speaker);
        }
        let tree = syntax.analyse_knowing(&words, &known);
        let mut parsed = Self::of_tree(tree, token_of, word_of, None);
        let misread = parsed
            .noun_read_as_verb()
            .or_else(|| parsed.noun_read_as_adjective())
            .map(|noun| (noun, Tag::Noun))
            .or_else(|| parsed.verb_read_as_noun().map(|verb| (verb, Tag::Verb)));
        let mut known = known;
        if let Some((word, tag)) = misread {
            known[word] = Some(tag);
            let tree = syntax.analyse_knowing(&words, &known);
            parsed = Self::of_tree(tree, parsed.token_of, parsed.word_of, None);
        }
        if let Some(word) = parsed.complementiser_read_as_determiner(view) {
            known[word] = Some(Tag::Sconj);
            // The clause's subject, read as a verb with it ("that gunmen").
            if parsed.tag(word + 1) == Tag::Verb {
                known[word + 1] = Some(Tag::Noun);
            }
            let tree = syntax.analyse_knowing(&words, &known);
            let reparsed = Self::of_tree(tree, parsed.token_of.clone(), parsed.word_of.clone(), None);
            // Kept where the word now opens a clause with a subject of its
            // own; a relative pronoun ("reports that said ...") opens none.
            let opens_clause = reparsed.dep(word) == Dep::Mark
                && reparsed.head(word).is_some_and(|clause| reparsed.subject(clause).is_some_and(|s| s > word));
            if opens_clause {
                parsed = reparsed;
            }
        }
        if let Some(verb) = parsed.misplaced_speech_verb(view) {
            let tree = syntax.parse_rooted(&words, parsed.tree.tags.clone(), verb);
            parsed = Self::of_tree(tree, parsed.token_of, parsed.word_of, None);
        }
        if let Some(split) = parsed.subject_split_by_preposition() {
            let mut tree = parsed.tree;
            tree.heads[split.modifier] = Some(split.subject);
            tree.deps[split.modifier] = Dep::Nmod;
            tree.heads[split.preposition] = Some(split.modifier);
            tree.deps[split.preposition] = Dep::Case;
            for article in split.preposition + 1..split.modifier {
                if tree.heads[article] == Some(split.verb) && tree.tags[article] == Tag::Det {
                    tree.heads[article] = Some(split.modifier);
                }
            }
            parsed = Self::of_tree(tree, parsed.token_of, parsed.word_of, None);
        }
        if let Some(rehang) = parsed.detached_complement(view) {
            let mut tree = parsed.tree;
            tree.heads[rehang.verb] = Some(rehang.verb_head);
            tree.deps[rehang.verb] = rehang.verb_dep;
            tree.heads[rehang.clause] = Some(rehang.verb);
            tree.deps[rehang.clause] = Dep::Ccomp;
            parsed = Self::of_tree(tree, parsed.token_of, parsed.word_of, None);
        }
        parsed
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

    /// A verb of saying with a subject of its own that the tree hangs from
    /// a word after it, under a root that says nothing: the shape of a
    /// parse gone wrong on "X, a minister, denied his country was behind
    /// the attack", which parses again with the verb at the root.
    /// A noun the tagger read as a verb: the word after a verb, when the
    /// parse makes that verb its subject, object, modifier or a dependent it
    /// cannot name. No clause takes the verb just before it so; the tagger, reading left
    /// to right, took the noun for a verb ("on Thursday rejected reports
    /// that ...": "reports" for a verb, and the parse follows).
    fn noun_read_as_verb(&self) -> Option<usize> {
        (1..self.len()).find(|&word| {
            let before = word - 1;
            self.tag(word) == Tag::Verb
                && self.tag(before) == Tag::Verb
                && self.head(before) == Some(word)
                && matches!(
                    self.dep(before),
                    Dep::Nsubj | Dep::NsubjPass | Dep::Csubj | Dep::Obj | Dep::Amod | Dep::Compound | Dep::Other
                )
        })
    }

    /// A verb the tagger read as a noun: the root of a sentence with no
    /// verb, with a subject of its own ("The village lies 15 km from the
    /// border", "lies" read as the plural of "lie").
    fn verb_read_as_noun(&self) -> Option<usize> {
        let root = self.root()?;
        let verbless = (0..self.len()).all(|w| !matches!(self.tag(w), Tag::Verb | Tag::Aux));
        (verbless && self.tag(root) == Tag::Noun && self.child_in(root, &[Dep::Nsubj]).is_some()).then_some(root)
    }

    /// A complementiser the tagger read as a determiner or a relative
    /// pronoun, right after a noun of saying or of evidence and before
    /// the clause it opens ("no evidence that gunmen from the country were
    /// involved"). Read as a determiner, it leaves the clause hung from the
    /// main verb, outside the scope of what denies it.
    fn complementiser_read_as_determiner(&self, view: &SentenceView) -> Option<usize> {
        (1..self.len().saturating_sub(1)).find(|&word| {
            let noun_of_saying = |w: usize| {
                self.tag(w) == Tag::Noun
                    && view.covered_by(self.token_of[w], |c| matches!(c, Cue::SpeechNoun | Cue::False))
            };
            matches!(self.tag(word), Tag::Det | Tag::Pron)
                && view.covered_by(self.token_of[word], |c| c == Cue::Complementiser)
                && noun_of_saying(word - 1)
                && (word + 2..self.len()).any(|w| matches!(self.tag(w), Tag::Verb | Tag::Aux))
        })
    }

    /// A noun the tagger read as an adjective: one that a determiner opens
    /// and a preposition or verb follows ("An official at the ministry
    /// told ..."), modifying no noun. The parse of the sentence is lost
    /// with it.
    fn noun_read_as_adjective(&self) -> Option<usize> {
        (1..self.len().saturating_sub(1)).find(|&word| {
            self.tag(word) == Tag::Adj
                && self.tag(word - 1) == Tag::Det
                && matches!(self.tag(word + 1), Tag::Adp | Tag::Verb)
                && !matches!(self.dep(word), Dep::Amod | Dep::Xcomp)
        })
    }

    /// A verb of saying with a subject but nothing said, right before the
    /// clause it says, which the tree hung beside it from the same head
    /// ("..., but an adviser claimed | the cable had been cut") or above
    /// it ("a spokesman suggested" hung from "sabotage" in "the blast may
    /// have been a sabotage"). The clause is re-hung from the verb, which
    /// takes its place; the tree stays projective, since the clause starts
    /// where the verb's words end.
    fn detached_complement(&self, view: &SentenceView) -> Option<Rehang> {
        (0..self.len()).find_map(|verb| {
            let says = self.tag(verb) == Tag::Verb
                && super::stance::is_stance_word(self, view, verb)
                && self.subject(verb).is_some()
                && self.child_in(verb, &[Dep::Ccomp, Dep::Xcomp, Dep::Obj, Dep::Csubj]).is_none();
            if !says {
                return None;
            }
            let head = self.head(verb)?;
            let end = self.span_of(verb).end;
            let is_clause = |c: usize| self.tag(c).is_verbal() || self.subject(c).is_some();
            let beside = self.children(head).find(|&c| {
                self.span_of(c).start == end && matches!(self.dep(c), Dep::Parataxis | Dep::Conj) && is_clause(c)
            });
            if let Some(clause) = beside {
                return Some(Rehang { verb, clause, verb_head: head, verb_dep: self.dep(verb) });
            }
            let above = head > verb
                && is_clause(head)
                && self.children(head).filter(|&c| c != verb).all(|c| self.span_of(c).start >= end);
            let verb_head = self.head(head).filter(|_| above)?;
            Some(Rehang { verb, clause: head, verb_head, verb_dep: self.dep(head) })
        })
    }

    /// A clause has one subject. A second, right after the first and
    /// opened by a preposition, is the first's modifier that the parse cut
    /// off ("a spokesman | for the State Department | said").
    fn subject_split_by_preposition(&self) -> Option<SplitSubject> {
        (0..self.len()).find_map(|verb| {
            let mut subjects = self.children(verb).filter(|&c| matches!(self.dep(c), Dep::Nsubj | Dep::NsubjPass));
            let (subject, modifier) = (subjects.next()?, subjects.next()?);
            let span = self.span_of(modifier);
            let preposition = if self.tag(span.start) == Tag::Adp && span.start < modifier {
                span.start
            } else {
                // Its preposition and articles may hang from the verb.
                let mut at = span.start.checked_sub(1)?;
                while self.tag(at) == Tag::Det && self.head(at) == Some(verb) {
                    at = at.checked_sub(1)?;
                }
                Some(at).filter(|&p| self.tag(p) == Tag::Adp && self.head(p) == Some(verb))?
            };
            let joined = self.span_of(subject).end == preposition;
            (joined && self.tag(subject) == Tag::Noun).then_some(SplitSubject { verb, subject, modifier, preposition })
        })
    }

    fn misplaced_speech_verb(&self, view: &SentenceView) -> Option<usize> {
        let root = self.root()?;
        let speaks = |w: usize| {
            self.tag(w) == Tag::Verb && self.is(view, w, |c| matches!(c, Cue::Say | Cue::Deny | Cue::Accuse))
        };
        if speaks(root) || self.children(root).any(|c| self.dep(c) == Dep::Parataxis && speaks(c)) {
            return None;
        }
        // A root that is no verb ("head ... on Thursday dismissed reports
        // that ...", parsed as a noun phrase) leaves a speech verb under it
        // with no subject found, or with one as a modifier, or where no
        // verb can stand ("An official at the ministry told ...", with the
        // verb in a compound).
        let verbless = self.tag(root) != Tag::Verb;
        (0..self.len()).find(|&w| {
            let own_subject = self.subject(w).is_some();
            let under_root = verbless && self.head(w) == Some(root);
            let stray = verbless && matches!(self.dep(w), Dep::Compound | Dep::Other);
            let clause = if under_root {
                !matches!(self.dep(w), Dep::Acl | Dep::AclRelcl) || own_subject
            } else {
                stray
                    || own_subject
                        && !matches!(self.dep(w), Dep::Acl | Dep::AclRelcl | Dep::Advcl | Dep::Ccomp | Dep::Xcomp)
            };
            let after_its_subject = self.head(w).is_some_and(|h| h > w) || under_root && own_subject || stray;
            speaks(w) && !view.quoted[self.token_of[w]] && after_its_subject && clause
        })
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
        let opens_with_negator = negator(self.span_of(word).start);
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
