//! What a sentence states, and whose words it gives, read from its tree.
//!
//! A sentence's statement is what its outermost verb of saying, denying,
//! accusing or doubting governs ("Iran rejected accusations that it was
//! behind the attack": the accusations, as Iran puts them), or, with no
//! such verb, its main clause. Its source is that verb's subject, found
//! wherever the tree puts it: before the verb, after it ("said Mr Chizhov"),
//! in a trailing aside ("..., the ministry said"), on the verb a
//! participle hangs from ("..., saying it never issued such a figure"), or
//! after "according to".

use std::ops::Range;

use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::stance::{self, Reading};
use super::syntax::Dep;
use crate::lexicon::Cue;

/// What a sentence states.
#[derive(Debug, Clone, Default)]
pub struct Statement {
    /// The word heading what is stated.
    pub content: usize,
    pub reading: Reading,
    /// The word heading the phrase that names the source, if the sentence
    /// names one.
    pub source: Option<usize>,
    /// The source relays others ("quoted unnamed sources as saying",
    /// "citing people familiar with the matter"): the tokens naming them.
    pub citing: Option<Range<usize>>,
}

/// Relations that lead from a verb of saying to what it says.
const COMPLEMENTS: &[Dep] = &[Dep::Ccomp, Dep::Xcomp, Dep::Csubj, Dep::Obj, Dep::Advcl];

/// Parts of a subject phrase that are not its name: a relative clause, a
/// participle, an aside.
const NOT_THE_NAME: &[Dep] = &[Dep::AclRelcl, Dep::Acl, Dep::Parataxis, Dep::Advcl, Dep::Conj, Dep::Cc];

/// Reads a parsed sentence's statement.
#[must_use]
pub fn statement(parsed: &Parsed, view: &SentenceView) -> Option<Statement> {
    let root = parsed.root()?;
    let governor = outermost_governor(parsed, view, root);
    let content = match governor {
        // "The drone came from Belarus, officials said": what is said is
        // the clause the aside stands beside.
        Some(governor) if parsed.dep(governor) == Dep::Parataxis => root,
        Some(governor) => said(parsed, view, governor),
        None => root,
    };
    let reading = stance::read(parsed, view, content);
    let speaker_verb = governor.or(reading.governor);
    let source = according_to(parsed, view).or_else(|| speaker_verb.and_then(|verb| source_of(parsed, view, verb)));
    let citing = speaker_verb.and_then(|verb| cited(parsed, view, verb));
    let mut reading = reading;
    if reading.stance == stance::Stance::Affirmed {
        if citing.is_some() {
            reading.stance = stance::Stance::Reported;
        } else if stance::hedged_within(parsed, view, content) {
            reading.stance = stance::Stance::Hedged;
        }
    }
    Some(Statement { content, reading, source, citing })
}

/// Whether a word takes a stance and says whose: a verb of saying,
/// denying, accusing, doubting or withholding with a subject of its own.
fn is_governor(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    stance::is_stance_word(parsed, view, word) && parsed.tag(word).is_verbal()
}

/// The verb whose subject speaks for the whole sentence: the root, a
/// trailing "officials said" set beside the main clause, or a participle
/// of the root's subject ("..., saying that").
fn outermost_governor(parsed: &Parsed, view: &SentenceView, root: usize) -> Option<usize> {
    if is_governor(parsed, view, root) {
        return Some(root);
    }
    let beside =
        |deps: &[Dep]| parsed.children(root).find(|&c| deps.contains(&parsed.dep(c)) && is_governor(parsed, view, c));
    beside(&[Dep::Parataxis]).or_else(|| beside(&[Dep::Advcl, Dep::Xcomp, Dep::Conj]))
}

/// A clause hanging from a verb's object or indirect object rather than
/// from the verb: "told parliament that ..." parsed with the clause on
/// "parliament".
fn clause_on_object(parsed: &Parsed, verb: usize) -> Option<usize> {
    parsed.children(verb).filter(|&c| matches!(parsed.dep(c), Dep::Iobj | Dep::Obj | Dep::Obl)).find_map(|object| {
        parsed
            .child_in(object, &[Dep::Acl, Dep::Ccomp, Dep::AclRelcl])
            .filter(|&clause| parsed.children(clause).any(|m| parsed.dep(m) == Dep::Mark))
    })
}

/// What a verb of saying says: its complement, followed down through
/// further verbs of saying that have no subject of their own ("declined
/// to say", "rejected as a lie suggestions that"); the verb itself when
/// it says nothing more ("Iran denied.").
fn said(parsed: &Parsed, view: &SentenceView, verb: usize) -> usize {
    let mut at = verb;
    for _ in 0..parsed.len() {
        let complement = COMPLEMENTS
            .iter()
            .find_map(|dep| parsed.children(at).find(|&c| parsed.dep(c) == *dep))
            .or_else(|| clause_on_object(parsed, at));
        match complement {
            Some(next) if is_governor(parsed, view, next) && parsed.subject(next).is_none() => at = next,
            Some(next) => return next,
            None => return at,
        }
    }
    at
}

/// The word naming whoever speaks through `verb`: its subject; the agent of
/// a passive ("was dismissed by Minsk"); or, for a participle or an
/// infinitive with none, the subject of the verb it hangs from.
fn source_of(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<usize> {
    let mut at = verb;
    for _ in 0..parsed.len() {
        if let Some(subject) = parsed.child_in(at, &[Dep::Nsubj, Dep::Csubj]) {
            return Some(subject);
        }
        if let Some(agent) = parsed.child_in(at, &[Dep::OblAgent]) {
            return Some(agent);
        }
        if let Some(subject) = parsed.child_in(at, &[Dep::NsubjPass]).filter(|_| parsed.dep(at) == Dep::Parataxis) {
            return Some(subject);
        }
        match parsed.head(at) {
            Some(head) if matches!(parsed.dep(at), Dep::Advcl | Dep::Xcomp | Dep::Conj | Dep::Acl) => at = head,
            _ => return None,
        }
    }
    let _ = view;
    None
}

/// The source named after "according to", if the sentence has one.
fn according_to(parsed: &Parsed, view: &SentenceView) -> Option<usize> {
    let hit = view.hits.iter().find(|h| h.cue == Cue::AccordingTo && !view.quoted[h.tokens.start])?;
    let after = hit.tokens.end;
    // The phrase's head: the first word after the cue whose head lies outside it.
    (after..view.tokens.len()).find_map(|token| {
        let word = parsed.word_of[token];
        parsed.head(word).is_none_or(|h| parsed.token_of[h] < after).then_some(word)
    })
}

/// Whom a source cites for what it says: "quoted unnamed sources as
/// saying", "citing people familiar with the matter".
fn cited(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<Range<usize>> {
    let mut candidates = vec![verb];
    candidates.extend(parsed.ancestors(verb));
    candidates.into_iter().find_map(|word| {
        let citing = parsed.children(word).chain(std::iter::once(word)).find(|&c| {
            parsed.is(view, c, |cue| matches!(cue, Cue::Quoting | Cue::AccordingTo))
                && parsed.child_in(c, &[Dep::Obj, Dep::Obl]).is_some()
        })?;
        let cited = parsed.child_in(citing, &[Dep::Obj, Dep::Obl])?;
        Some(parsed.tokens_without(cited, NOT_THE_NAME))
    })
}
