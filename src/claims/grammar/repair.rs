//! Repairs of a parse gone wrong in ways that news sentences show often
//! and a greedy parser cannot recover from: a word the tagger misread,
//! parsed again with its tag known; a phrase cut off from the word it
//! belongs to, hung back under it. Each repair is tried where its shape
//! is found, and each keeps the tree projective.

use super::Parsed;
use crate::claims::sentence::SentenceView;
use crate::claims::syntax::{Dep, Syntax, Tag, Word};
use crate::lexicon::Cue;

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

/// A report named as the subject of a word calling it false or true, with
/// its content clause between them ("claims that a mine had sunk the ferry
/// were false"), which a parse hung the other way round: the
/// predicate under the clause, with the clause's object for its subject.
struct ReportCutFromVerdict {
    report: usize,
    content: usize,
    verdict: usize,
    stray_subject: usize,
}

/// A verb of saying that closes its sentence with no subject of its own,
/// after a comma and a noun phrase ("..., the Office for the Coordination
/// of Relief Work said"), which a parse hung in the clause before: the
/// phrase from `start` to the verb, headed by `subject`.
struct ClosingSubject {
    verb: usize,
    start: usize,
    subject: usize,
}

/// A participle set off by commas between a subject and its verb ("the
/// decision to close the port, announced on Monday, had nothing to do
/// with ..."), which a parse read as the subject's predicate, with the
/// real predicate a conjunct of it or set beside it.
struct ParticipleAside {
    subject: usize,
    participle: usize,
    predicate: usize,
}

/// A parse with the repairs its shape calls for made: `known` holds the
/// tags fixed before parsing, and grows with those a repair fixes.
pub(super) fn repaired(
    mut parsed: Parsed,
    view: &SentenceView,
    syntax: &Syntax,
    words: &[Word],
    mut known: Vec<Option<Tag>>,
) -> Parsed {
    let misread = parsed
        .noun_read_as_verb()
        .or_else(|| parsed.noun_read_as_adjective())
        .or_else(|| parsed.speech_noun_read_as_verb(view))
        .map(|noun| (noun, Tag::Noun))
        .or_else(|| parsed.verb_read_as_noun().map(|verb| (verb, Tag::Verb)));
    if let Some((word, tag)) = misread {
        known[word] = Some(tag);
        let tree = syntax.analyse_knowing(words, &known);
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    if let Some(word) = parsed.complementiser_read_as_determiner(view) {
        known[word] = Some(Tag::Sconj);
        // The clause's subject, read as a verb with it ("that gunmen").
        if parsed.tag(word + 1) == Tag::Verb {
            known[word + 1] = Some(Tag::Noun);
        }
        let tree = syntax.analyse_knowing(words, &known);
        let reparsed = Parsed::of_tree(tree, parsed.token_of.clone(), parsed.word_of.clone(), None);
        // Kept where the word now opens a clause with a subject of its
        // own; a relative pronoun ("reports that said ...") opens none.
        let opens_clause = reparsed.dep(word) == Dep::Mark
            && reparsed.head(word).is_some_and(|clause| reparsed.subject(clause).is_some_and(|s| s > word));
        if opens_clause {
            parsed = reparsed;
        }
    }
    if let Some(verb) = parsed.misplaced_speech_verb(view) {
        let tree = syntax.parse_rooted(words, parsed.tree.tags.clone(), verb);
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    if let Some((word, verb)) = parsed.complementiser_read_as_relative(view) {
        // Parsed again under the root it had, which an earlier repair may
        // have chosen.
        let mut tags = parsed.tree.tags.clone();
        tags[word] = Tag::Sconj;
        let tree = match parsed.root() {
            Some(root) => syntax.parse_rooted(words, tags, root),
            None => syntax.parse(words, tags),
        };
        let reparsed = Parsed::of_tree(tree, parsed.token_of.clone(), parsed.word_of.clone(), None);
        if let Some(clause) = reparsed.head(word).filter(|_| reparsed.dep(word) == Dep::Mark) {
            parsed = reparsed.with_clause_said_by(verb, clause);
        }
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
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    if let Some(rehang) = parsed.detached_complement(view) {
        let mut tree = parsed.tree;
        tree.heads[rehang.verb] = Some(rehang.verb_head);
        tree.deps[rehang.verb] = rehang.verb_dep;
        tree.heads[rehang.clause] = Some(rehang.verb);
        tree.deps[rehang.clause] = Dep::Ccomp;
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    if let Some(aside) = parsed.participle_read_as_predicate(view) {
        let mut tree = parsed.tree;
        let (participle, predicate, subject) = (aside.participle, aside.predicate, aside.subject);
        tree.heads[predicate] = tree.heads[participle];
        tree.deps[predicate] = tree.deps[participle];
        // What opened the clause ("that") opens it still.
        for opener in 0..subject {
            if tree.heads[opener] == Some(participle) {
                tree.heads[opener] = Some(predicate);
            }
        }
        tree.heads[subject] = Some(predicate);
        tree.heads[participle] = Some(subject);
        tree.deps[participle] = Dep::Acl;
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    parsed = rerooted_past_modifier(parsed, view, syntax, words);
    if let Some((aside, root)) = parsed.aside_read_as_relative(view) {
        let mut tree = parsed.tree;
        tree.heads[aside] = Some(root);
        tree.deps[aside] = Dep::Parataxis;
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    if let Some(closing) = parsed.subject_of_closing_verb_cut_off(view) {
        parsed = with_closing_subject(parsed, &closing);
    }
    if let Some(cut) = parsed.report_cut_from_verdict(view) {
        let mut tree = parsed.tree;
        tree.heads[cut.verdict] = tree.heads[cut.report];
        tree.deps[cut.verdict] = tree.deps[cut.report];
        tree.heads[cut.report] = Some(cut.verdict);
        tree.deps[cut.report] = Dep::Nsubj;
        tree.deps[cut.content] = Dep::Acl;
        tree.heads[cut.stray_subject] = Some(cut.content);
        tree.deps[cut.stray_subject] = Dep::Obj;
        parsed = Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    parsed
}

/// The parse with a closing phrase made its verb's subject (see
/// [`ClosingSubject`]): the words of the phrase hung outside it go under
/// its head, and a subject before the comma, misread, becomes what the
/// verb says.
fn with_closing_subject(parsed: Parsed, closing: &ClosingSubject) -> Parsed {
    let mut tree = parsed.tree;
    let inside = |w: usize| (closing.start..closing.verb).contains(&w);
    for word in 0..tree.heads.len() {
        let head = tree.heads[word];
        if inside(word) && word != closing.subject && head.is_none_or(|h| !inside(h)) {
            tree.heads[word] = Some(closing.subject);
            if tree.deps[word] == Dep::Obl {
                tree.deps[word] = Dep::Nmod;
            }
        } else if !inside(word) && head.is_some_and(inside) {
            // The comma before the phrase, which a parse hung in it.
            tree.heads[word] = Some(closing.verb);
        }
    }
    let said = tree.children(closing.verb).any(|c| tree.deps[c] == Dep::Ccomp);
    for misread in 0..closing.start {
        if tree.heads[misread] == Some(closing.verb) && matches!(tree.deps[misread], Dep::Nsubj | Dep::NsubjPass) {
            tree.deps[misread] = if said { Dep::Parataxis } else { Dep::Ccomp };
        }
    }
    tree.heads[closing.subject] = Some(closing.verb);
    tree.deps[closing.subject] = Dep::Nsubj;
    Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None)
}

/// The parse again under the real predicate, where a participle right
/// after its noun was read as the root (see
/// [`Parsed::modifier_read_as_root`]).
fn rerooted_past_modifier(parsed: Parsed, view: &SentenceView, syntax: &Syntax, words: &[Word]) -> Parsed {
    let Some((participle, predicate)) = parsed.modifier_read_as_root(view) else { return parsed };
    let mut tree = syntax.parse_rooted(words, parsed.tree.tags.clone(), predicate);
    // Kept where the parser, given the real predicate, hangs the
    // participle from it or from the noun before it; the noun is the
    // predicate's subject, and the participle its modifier.
    let subject = participle - 1;
    let under_predicate = tree.heads[participle] == Some(predicate) && tree.deps[participle] == Dep::Csubj;
    let under_noun = tree.heads[participle] == Some(subject) && tree.deps[participle] == Dep::Acl;
    if under_predicate || under_noun {
        tree.heads[subject] = Some(predicate);
        tree.deps[subject] = Dep::Nsubj;
        tree.heads[participle] = Some(subject);
        tree.deps[participle] = Dep::Acl;
        return Parsed::of_tree(tree, parsed.token_of, parsed.word_of, None);
    }
    parsed
}

impl Parsed {
    /// See [`ClosingSubject`]: the phrase between the verb and the last
    /// comma before it has no verb or comma of its own; its head is its
    /// first noun hung outside it that no preposition opens.
    fn subject_of_closing_verb_cut_off(&self, view: &SentenceView) -> Option<ClosingSubject> {
        let verb = (1..self.len()).find(|&v| self.tag(v) == Tag::Verb && self.is(view, v, |c| c == Cue::Say))?;
        // A participle modifying a noun ("rebel-held") is no clause of its own.
        let clause = |w: usize| self.tag(w).is_verbal() && self.dep(w) != Dep::Amod;
        let comma = (0..verb).rev().find(|&w| self.is_comma(view, w) || clause(w))?;
        let start = comma + 1;
        if !self.is_comma(view, comma) || start == verb || comma == 0 {
            return None;
        }
        // A subject before the comma is the clause the verb closes, misread
        // ("A fire swept ...", with "swept" taken for a noun); one after it
        // leaves nothing to repair.
        let subject_after_comma =
            self.children(verb).any(|c| matches!(self.dep(c), Dep::Nsubj | Dep::NsubjPass | Dep::Expl) && c > comma);
        if subject_after_comma {
            return None;
        }
        let inside = |w: usize| (start..verb).contains(&w);
        let subject = (start..verb).find(|&w| {
            matches!(self.tag(w), Tag::Noun | Tag::Propn | Tag::Pron)
                && self.head(w).is_none_or(|h| !inside(h))
                && self.child_in(w, &[Dep::Case]).is_none()
        })?;
        Some(ClosingSubject { verb, start, subject })
    }

    /// See [`ReportCutFromVerdict`]: a noun of saying, the clause it
    /// opens, and under that clause a copular word of falsehood or truth
    /// whose subject lies inside the clause.
    fn report_cut_from_verdict(&self, view: &SentenceView) -> Option<ReportCutFromVerdict> {
        (0..self.len()).find_map(|report| {
            let noun_of_saying =
                self.tag(report) == Tag::Noun && view.covered_by(self.token_of[report], |c| c == Cue::SpeechNoun);
            if !noun_of_saying {
                return None;
            }
            let content = self
                .children(report)
                .find(|&c| c > report && matches!(self.dep(c), Dep::Ccomp | Dep::Acl) && self.tag(c).is_verbal())?;
            let verdict = self.children(content).find(|&p| {
                p > content
                    && matches!(self.dep(p), Dep::Ccomp | Dep::Conj | Dep::Parataxis | Dep::Xcomp)
                    && self.child_in(p, &[Dep::Cop]).is_some()
                    && self.is(view, p, |c| matches!(c, Cue::False | Cue::True))
            })?;
            let stray_subject = self.subject(verdict).filter(|&s| content < s && s < verdict)?;
            Some(ReportCutFromVerdict { report, content, verdict, stray_subject })
        })
    }

    /// See [`ParticipleAside`]: a verb with a subject before it, a comma
    /// between them and a comma after its phrase, followed there by a verb
    /// with no subject or conjunction of its own, which the tree made a
    /// conjunct of the first or set beside it.
    fn participle_read_as_predicate(&self, view: &SentenceView) -> Option<ParticipleAside> {
        let comma = |w: usize| self.is_comma(view, w);
        (1..self.len()).find_map(|participle| {
            let subject = self.child_in(participle, &[Dep::Nsubj]).filter(|&s| s < participle)?;
            let set_off = self.tag(participle) == Tag::Verb
                && comma(participle - 1)
                && self.children(participle).all(|c| !matches!(self.dep(c), Dep::Aux | Dep::AuxPass | Dep::Cc));
            if !set_off {
                return None;
            }
            // The conjunct hangs from the participle or beside it.
            let head = self.head(participle)?;
            let predicate = self.children(participle).chain(self.children(head)).find(|&c| {
                let phrase_end = self
                    .children(participle)
                    .filter(|&d| d > participle && d != c)
                    .map(|d| self.span_of(d).end)
                    .max()
                    .unwrap_or(participle + 1);
                c > participle
                    && matches!(self.dep(c), Dep::Conj | Dep::Parataxis)
                    && self.tag(c).is_verbal()
                    && comma(phrase_end)
                    // The comma may be the conjunct's own.
                    && (phrase_end..=phrase_end + 1).contains(&self.span_of(c).start)
                    && self.children(c).all(|d| !matches!(self.dep(d), Dep::Nsubj | Dep::NsubjPass | Dep::Cc))
            })?;
            Some(ParticipleAside { subject, participle, predicate })
        })
    }

    /// A verb of saying that closes the sentence after a comma, read as a
    /// relative clause on the noun before the comma ("the floods cut off
    /// the valley, | rescue teams say."): a relative clause set off by a comma
    /// opens with its relative word, and one that opens with its subject
    /// and says nothing is an aside saying the whole sentence. The aside
    /// and the root it belongs under.
    fn aside_read_as_relative(&self, view: &SentenceView) -> Option<(usize, usize)> {
        let root = self.root()?;
        let aside = (0..self.len()).rev().find(|&w| self.tag(w) != Tag::Punct)?;
        let subject = self.subject(aside)?;
        // The comma may hang inside the clause.
        let start = (self.span_of(aside).start..aside).find(|&w| self.tag(w) != Tag::Punct)?;
        // A relative word is a pronoun that points nowhere back ("which",
        // "who"), an adverb ("where") or a preposition before one.
        let relative = |w: usize| match self.tag(w) {
            Tag::Pron => !view.covered_by(self.token_of[w], |c| c == Cue::ThirdPerson),
            Tag::Adv | Tag::Adp => true,
            _ => false,
        };
        let opens_with_subject = start >= self.span_of(subject).start && !(start..aside).any(relative);
        let says_nothing = self.children(aside).all(|c| c < aside || self.dep(c) == Dep::Punct);
        let shape = self.dep(aside) == Dep::AclRelcl
            && self.tag(aside) == Tag::Verb
            && start > 0
            && self.is_comma(view, start - 1)
            && self.is(view, aside, |c| c == Cue::Say);
        (shape && opens_with_subject && says_nothing && root < aside).then_some((aside, root))
    }

    /// A participle right after the noun it modifies, read as the root
    /// ("a clip circulating online appeared to show ..."), with the real
    /// predicate a clause under it that has no subject, opener or comma of
    /// its own: the participle and that predicate.
    fn modifier_read_as_root(&self, view: &SentenceView) -> Option<(usize, usize)> {
        let root = self.root()?;
        let subject = self.child_in(root, &[Dep::Nsubj])?;
        let unmarked =
            |w: usize| self.children(w).all(|c| !matches!(self.dep(c), Dep::Aux | Dep::AuxPass | Dep::Cc | Dep::Mark));
        // A verb of saying or stance is its sentence's predicate.
        let takes_stance = self.is(view, root, Cue::asks_for_clauses);
        if self.tag(root) != Tag::Verb || subject + 1 != root || !unmarked(root) || takes_stance {
            return None;
        }
        let predicate = self.children(root).find(|&c| {
            c > root
                && matches!(self.dep(c), Dep::Ccomp | Dep::Conj | Dep::Parataxis | Dep::Advcl)
                && self.tag(c).is_verbal()
                && unmarked(c)
                && self.subject(c).is_none()
                && !(root..c).any(|w| self.is_comma(view, w))
        })?;
        Some((root, predicate))
    }

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
    /// the clause it opens ("no proof that sailors from the port took
    /// part"). Read as a determiner, it leaves the clause hung from the main
    /// verb, outside the scope of what denies it.
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

    /// A complementiser read as a relative pronoun, opening a clause that
    /// has its subject and object without it, under a verb of saying that
    /// says no clause ("confirmed in an interview with the BBC that his
    /// agency had launched the drones"): a relative pronoun stands for
    /// one of its clause's words, so a clause lacking none has a
    /// complementiser. The word and the verb of saying.
    fn complementiser_read_as_relative(&self, view: &SentenceView) -> Option<(usize, usize)> {
        (0..self.len()).find_map(|word| {
            let read_as_pronoun = matches!(self.tag(word), Tag::Pron | Tag::Det)
                && matches!(self.dep(word), Dep::Obj | Dep::Nsubj)
                && view.covered_by(self.token_of[word], |c| c == Cue::Complementiser);
            let clause = self.head(word).filter(|&c| read_as_pronoun && self.dep(c) == Dep::AclRelcl)?;
            let fills = |deps: &[Dep]| self.children(clause).any(|c| c != word && deps.contains(&self.dep(c)));
            if !(fills(&[Dep::Nsubj, Dep::NsubjPass]) && fills(&[Dep::Obj, Dep::Iobj])) {
                return None;
            }
            let verb = self
                .ancestors(clause)
                .find(|&v| self.tag(v) == Tag::Verb && crate::claims::stance::is_stance_word(self, view, v))?;
            self.child_in(verb, &[Dep::Ccomp]).is_none().then_some((word, verb))
        })
    }

    /// The tree with `clause` hung from `verb` as what it says, when the
    /// clause ends the phrase it was hung in, so that the tree stays
    /// projective.
    fn with_clause_said_by(self, verb: usize, clause: usize) -> Self {
        let phrase = std::iter::once(clause).chain(self.ancestors(clause)).find(|&w| self.head(w) == Some(verb));
        let ends_phrase = phrase.is_some_and(|p| p != clause && self.span_of(p).end == self.span_of(clause).end);
        if !ends_phrase {
            return self;
        }
        let mut tree = self.tree;
        tree.heads[clause] = Some(verb);
        tree.deps[clause] = Dep::Ccomp;
        Parsed::of_tree(tree, self.token_of, self.word_of, None)
    }

    /// A noun of saying the tagger read as a verb with no subject, right
    /// after the verb whose complement it was made ("said claims that a
    /// mine had sunk the ferry were false"): a finite
    /// complement has a subject of its own, so the word is the subject of
    /// what follows, not a verb.
    fn speech_noun_read_as_verb(&self, view: &SentenceView) -> Option<usize> {
        (1..self.len()).find(|&word| {
            self.tag(word) == Tag::Verb
                && self.head(word) == Some(word - 1)
                && self.tag(word - 1) == Tag::Verb
                && matches!(self.dep(word), Dep::Ccomp | Dep::Xcomp)
                && self.subject(word).is_none()
                && view.covered_by(self.token_of[word], |c| c == Cue::SpeechNoun)
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
                && crate::claims::stance::is_stance_word(self, view, verb)
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

    /// Whether `verb` comes right after an apposition of `name` set off by
    /// commas ("X, head of the agency, confirmed ...") or brackets ("the
    /// Harbour Safety Board (HSB) said ..."): no modifier of a
    /// name stands there, the name's predicate does.
    fn after_apposition(&self, view: &SentenceView, name: usize, verb: usize) -> bool {
        let comma_before = |w: usize| w > 0 && self.is_comma(view, w - 1);
        let word_is = |w: usize, mark: &str| view.tokens[self.token_of[w]].norm == mark;
        self.children(name).any(|a| {
            let span = self.span_of(a);
            let set_off_by_commas = comma_before(span.start) && comma_before(verb) && span.end + 1 == verb;
            let bracketed = word_is(span.start, "(") && word_is(span.end - 1, ")") && span.end == verb;
            self.dep(a) == Dep::Appos && a > name && (set_off_by_commas || bracketed)
        })
    }

    /// A verb of saying with a subject of its own that the tree hangs from
    /// a word after it, under a root that says nothing: the shape of a
    /// parse gone wrong on "X, a minister, denied his country was behind
    /// the attack", which parses again with the verb at the root.
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
            let after_apposition = under_root && self.after_apposition(view, root, w);
            let stray = verbless && matches!(self.dep(w), Dep::Compound | Dep::Other);
            let clause = if under_root {
                !matches!(self.dep(w), Dep::Acl | Dep::AclRelcl) || own_subject || after_apposition
            } else {
                stray
                    || own_subject
                        && !matches!(self.dep(w), Dep::Acl | Dep::AclRelcl | Dep::Advcl | Dep::Ccomp | Dep::Xcomp)
            };
            let after_its_subject =
                self.head(w).is_some_and(|h| h > w) || under_root && own_subject || after_apposition || stray;
            speaks(w) && !view.quoted[self.token_of[w]] && after_its_subject && clause
        })
    }
}
