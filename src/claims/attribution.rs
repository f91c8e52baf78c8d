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
use super::syntax::{Dep, Tag};
use crate::lexicon::{Cue, PlaceForm};

/// What a sentence states.
#[derive(Debug, Clone, Default)]
pub struct Statement {
    /// The word heading what is stated.
    pub content: usize,
    pub reading: Reading,
    /// The phrase naming the source, if the sentence names one.
    pub source: Option<Source>,
    /// The source relays others ("quoted unnamed sources as saying",
    /// "citing people familiar with the matter"): the tokens naming them.
    pub citing: Option<Range<usize>>,
    /// The verb whose subject the source is.
    pub governor: Option<usize>,
}

/// The words naming a source.
#[derive(Debug, Clone)]
pub struct Source {
    /// The word heading them.
    pub head: usize,
    pub tokens: Range<usize>,
}

/// The most words a name set before a colon has ("Ministry of Defence:").
const MAX_WORDS_BEFORE_COLON: usize = 4;

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
    let (content, governor) = match governor {
        // "The drone came from Belarus, officials said": what is said is
        // the clause the aside stands beside.
        Some(governor) if parsed.dep(governor) == Dep::Parataxis => (root, Some(governor)),
        Some(governor) => (said(parsed, view, governor), Some(governor)),
        None => (root, None),
    };
    let content = existential_clause(parsed, content).unwrap_or(content);
    let reading = stance::read(parsed, view, content);
    let speaker_verb = governor.or(reading.governor);
    let named_by = |head: usize| Source { head, tokens: super::source::phrase(parsed, view, head) };
    let verb_source = speaker_verb.and_then(|verb| source_of(parsed, view, verb));
    let according = according_to(parsed, view);
    // A speaker saying the sentence in its own words keeps it over an
    // "according to" that frames the sentence: that names who relays it.
    let says_itself = speaker_verb.is_some_and(|verb| parsed.is(view, verb, |c| c == Cue::Say))
        && verb_source.is_some_and(|head| could_speak(parsed, view, head));
    let framing_according = according.clone().filter(|source| !says_itself && framing(parsed, view, source));
    // Whoever a quotation's attribution names, or a headline sets before a
    // colon, speaks for the sentence over any subject inside it.
    let source = parsed
        .quotation_speaker
        .map(named_by)
        .or_else(|| named_before_colon(parsed, view))
        .or(framing_according)
        .or_else(|| verb_source.map(named_by))
        .or(according)
        .or_else(|| speaker_verb.and_then(|verb| subject_before(parsed, view, verb)));
    let citing = speaker_verb.and_then(|verb| cited(parsed, view, verb));
    let mut reading = reading;
    reading.stance = stance::held(parsed, view, content, reading.stance, citing.is_some());
    Some(Statement { content, reading, source, citing, governor: speaker_verb })
}

/// Whether a word takes a stance and says whose: a verb of saying,
/// denying, accusing, doubting or withholding with a subject of its own,
/// or the word after a verb that makes it one ("made it clear that").
fn is_governor(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    stance::is_stance_word(parsed, view, word)
        && (parsed.tag(word).is_verbal() || parsed.is(view, word, |c| c == Cue::Assure))
}

/// The verb whose subject speaks for the whole sentence: the root, a
/// trailing "officials said" set beside the main clause, or a participle
/// of the root's subject ("..., saying that").
fn outermost_governor(parsed: &Parsed, view: &SentenceView, root: usize) -> Option<usize> {
    let beside =
        |deps: &[Dep]| parsed.children(root).find(|&c| deps.contains(&parsed.dep(c)) && is_governor(parsed, view, c));
    // "The port stayed shut, the minister noted": an aside of saying after a
    // root that is not one says the whole of it, the root's own stance
    // included. The aside opens with its subject; one reaching back over
    // the root's words ("..., an attack it says") is no aside.
    let says = |word: usize| parsed.is(view, word, |c| c == Cue::Say);
    let opens_with_subject = |aside: usize| {
        let subject = parsed.subject(aside);
        subject.is_some() && parsed.children(aside).filter(|&c| parsed.dep(c) != Dep::Punct).min() == subject
    };
    // A root of saying whose subject could not speak ("the audit found
    // that ...") is itself said by the aside.
    let root_speaks = says(root) && parsed.subject(root).is_some_and(|s| could_speak(parsed, view, s));
    let paratactic = beside(&[Dep::Parataxis]);
    let aside = paratactic.filter(|&aside| aside > root && !root_speaks && says(aside) && opens_with_subject(aside));
    if aside.is_none() && (is_governor(parsed, view, root) || introduces_what_it_says(parsed, view, root)) {
        return Some(root);
    }
    paratactic
        .or_else(|| beside(&[Dep::Advcl, Dep::Xcomp, Dep::Conj]))
        .or_else(|| trailing_attribution(parsed, view, root))
        .or_else(|| said_of_object(parsed, view, root))
}

/// A verb of saying in a relative clause on the root's object, whose
/// subject is a pronoun: "presented what it described as evidence that
/// ...", "arrested a man who they said had planted the bomb". The pronoun
/// is the root's subject, which says what the clause governs.
fn said_of_object(parsed: &Parsed, view: &SentenceView, root: usize) -> Option<usize> {
    let object = parsed.child_in(root, &[Dep::Obj])?;
    parsed.children(object).find(|&c| {
        parsed.dep(c) == Dep::AclRelcl
            && is_governor(parsed, view, c)
            && pronoun_for_root_subject(parsed, view, c).is_some()
    })
}

/// For a verb of saying in a relative clause on a verb's object with a
/// pronoun for its subject (see [`said_of_object`]), that verb's subject
/// when it could speak.
fn pronoun_for_root_subject(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<usize> {
    parsed.child_in(verb, &[Dep::Nsubj]).filter(|&s| parsed.tag(s) == Tag::Pron)?;
    let object = parsed.head(verb).filter(|_| parsed.dep(verb) == Dep::AclRelcl)?;
    let outer = parsed.head(object).filter(|_| parsed.dep(object) == Dep::Obj)?;
    parsed.child_in(outer, &[Dep::Nsubj]).filter(|&s| could_speak(parsed, view, s))
}

/// A verb with a subject whose complement is a quotation it introduces is
/// one of saying, whatever the verb: "Ruiz summed it up: \"...\"",
/// "the minister put it bluntly: \"...\"". Only a quotation after the
/// verb counts: one before it is said by whoever the attribution names.
/// So is a verb whose subject could speak and whose complement is a clause
/// of its own opened by a complementiser that states rather than asks:
/// "the minister pointed out that ...", "the court ruled that ...".
fn introduces_what_it_says(parsed: &Parsed, view: &SentenceView, verb: usize) -> bool {
    // A verb of citing names whom its subject cites, not what it says.
    let citing = parsed.is(view, verb, |c| matches!(c, Cue::Quoting | Cue::AccordingTo));
    let Some(subject) = parsed.subject(verb).filter(|_| parsed.tag(verb) == Tag::Verb && !citing) else {
        return false;
    };
    let states = |clause: usize| {
        parsed.subject(clause).is_some()
            && parsed.children(clause).any(|m| {
                parsed.dep(m) == Dep::Mark
                    && m < parsed.subject(clause).unwrap_or(m)
                    && !parsed.is(view, m, |c| c == Cue::Question)
            })
    };
    // A content clause the tree hung from the verb as an adverbial one
    // ("presented evidence that ...", the clause belonging to "evidence")
    // is opened by a complementiser no adverbial clause takes.
    let content_clause = |c: usize| match parsed.dep(c) {
        Dep::Ccomp => true,
        Dep::Advcl => {
            parsed.children(c).any(|m| parsed.dep(m) == Dep::Mark && parsed.is(view, m, |k| k == Cue::Complementiser))
        }
        _ => false,
    };
    parsed.children(verb).any(|c| {
        content_clause(c)
            && parsed.span_of(c).start > verb
            && (view.quoted[parsed.token_of[c]] || states(c) && could_speak(parsed, view, subject))
    })
}

/// "Shell is in talks to buy BP, The Wall Street Journal reported":
/// a verb of saying after a comma, with a subject of its own that is no
/// relative pronoun, which the tree took for a relative clause.
fn trailing_attribution(parsed: &Parsed, view: &SentenceView, root: usize) -> Option<usize> {
    parsed.children(root).find(|&c| {
        let after_comma = c > 0 && parsed.span_of(c).start > 0 && {
            let first = parsed.span_of(c).start;
            parsed.is_comma(view, first - 1)
        };
        parsed.dep(c) == Dep::AclRelcl
            && after_comma
            && is_governor(parsed, view, c)
            && parsed.child_in(c, &[Dep::Nsubj]).is_some_and(|s| matches!(parsed.tag(s), Tag::Propn | Tag::Noun))
    })
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
/// further verbs of saying that have no subject of their own ("declined to
/// say", "rejected as a lie suggestions that"); the verb itself when it
/// says nothing more ("Iran denied."). A verb of saying with a subject of
/// its own ends the descent: "the envoy said Lima had made it clear that
/// ..." is the envoy's report of what Lima said, and the frames inside are
/// Lima's through their own governor.
fn said(parsed: &Parsed, view: &SentenceView, verb: usize) -> usize {
    let mut at = verb;
    for _ in 0..parsed.len() {
        // A quotation the verb gives is what it says, before any other
        // clause the tree hangs from it.
        let quoted = parsed.children(at).find(|&c| parsed.dep(c) == Dep::Ccomp && view.quoted[parsed.token_of[c]]);
        let complement = quoted
            .or_else(|| COMPLEMENTS.iter().find_map(|dep| parsed.children(at).find(|&c| parsed.dep(c) == *dep)))
            .or_else(|| clause_on_object(parsed, at));
        match complement {
            Some(next) if is_governor(parsed, view, next) && parsed.subject(next).is_none() => at = next,
            Some(next) => return next,
            None => return at,
        }
    }
    at
}

/// Whether a subject could be someone speaking: a name, a pronoun, or a
/// word for an office, a body, an outlet or unnamed sources. "Intelligence
/// shows" or "the data show" inside what someone said stay that someone's
/// words.
fn could_speak(parsed: &Parsed, view: &SentenceView, subject: usize) -> bool {
    let named =
        matches!(parsed.tag(subject), Tag::Propn | Tag::Pron) && !parsed.is(view, subject, |c| c == Cue::NotName);
    named
        || parsed.is(view, subject, |c| {
            matches!(c, Cue::RoleTitle | Cue::Official | Cue::Body | Cue::Outlet | Cue::Unnamed | Cue::KnownBody(_))
        })
}

/// The phrase naming whoever speaks through `verb`, a verb of saying
/// inside the sentence ("..., which Iran's envoy said ...").
#[must_use]
pub fn source_of_verb(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<Source> {
    let head = source_of(parsed, view, verb)?;
    Some(Source { head, tokens: super::source::phrase(parsed, view, head) })
}

/// The word naming whoever speaks through `verb`: its subject; the agent of
/// a passive ("was dismissed by Minsk"); or, for a participle or an
/// infinitive with none, the subject of the verb it hangs from.
fn source_of(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<usize> {
    if let Some(subject) = pronoun_for_root_subject(parsed, view, verb) {
        return Some(subject);
    }
    let mut at = verb;
    for _ in 0..parsed.len() {
        if let Some(subject) = parsed.child_in(at, &[Dep::Nsubj]) {
            return Some(subject);
        }
        if let Some(agent) = parsed.child_in(at, &[Dep::OblAgent]) {
            return Some(agent);
        }
        // A passive subject is the accused of "was accused", but the one
        // speaking in an aside ("the drone, officials were told, ...") and
        // the one sure of what "is confident" governs.
        let speaks = parsed.dep(at) == Dep::Parataxis || parsed.is(view, at, |c| c == Cue::Assure);
        if let Some(subject) = parsed.child_in(at, &[Dep::NsubjPass]).filter(|_| speaks) {
            return Some(subject);
        }
        // "Dmitry Peskov, asked about Western claims, said:" parsed with the
        // name as the subject of the aside before the verb.
        let aside_subject = parsed
            .children(at)
            .filter(|&c| c < at && matches!(parsed.dep(c), Dep::Ccomp | Dep::Advcl | Dep::Parataxis))
            .find_map(|c| parsed.child_in(c, &[Dep::Nsubj]).filter(|&s| parsed.tag(s) == Tag::Propn));
        if let Some(subject) = aside_subject {
            return Some(subject);
        }
        // "“...,” said a researcher": after a quotation, the one named after
        // the verb is its subject, whatever the tree calls them.
        let quoted_before = parsed.children(at).any(|c| c < at && parsed.dep(c) == Dep::Ccomp);
        if let Some(inverted) = parsed.child_in(at, &[Dep::Obj, Dep::Iobj]).filter(|&o| o > at && quoted_before) {
            return Some(inverted);
        }
        match parsed.head(at) {
            // "officials in Bucharest continued to reject ...": a clause
            // hung from a noun that could speak is that noun's saying.
            Some(head) if parsed.dep(at) == Dep::Acl && could_speak(parsed, view, head) => return Some(head),
            Some(head) if matches!(parsed.dep(at), Dep::Advcl | Dep::Xcomp | Dep::Conj | Dep::Acl) => at = head,
            _ => return None,
        }
    }
    None
}

/// What "there is no doubt that ...", "there is no evidence that ..."
/// states: the clause after the noun, which then governs it as a word of
/// doubt or falsehood would.
fn existential_clause(parsed: &Parsed, word: usize) -> Option<usize> {
    parsed.child_in(word, &[Dep::Expl])?;
    let noun = parsed.child_in(word, &[Dep::Nsubj, Dep::Obj])?;
    parsed.child_in(noun, &[Dep::Acl, Dep::Ccomp, Dep::AclRelcl])
}

/// The noun phrase right before a verb of saying the tree gave no
/// subject ("In Moscow, Kremlin spokesman Dmitry Peskov said ..." parsed
/// with the name hung from "Moscow"): its nouns and what modifies them,
/// back to a comma, a verb or a preposition.
fn subject_before(parsed: &Parsed, view: &SentenceView, verb: usize) -> Option<Source> {
    // "..., Moscow's representative to the EU, Vladimir Chizhov, said":
    // the comma closing an apposition stands between the name and the verb.
    let mut end = verb;
    if end > 0 && parsed.is_comma(view, end - 1) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_nominal_word(parsed, view, start - 1) {
        start -= 1;
    }
    let head = (start..end).rev().find(|&w| matches!(parsed.tag(w), Tag::Propn | Tag::Noun))?;
    Some(Source { head, tokens: parsed.token_of[start]..parsed.token_of[end - 1] + 1 })
}

/// A short name before a colon that opens the sentence, as headlines set
/// whoever says the rest ("Harbour Board: ferry was overloaded",
/// "Halvorsen: no mine sank the ferry"). The name is read off the words:
/// the parser, trained on running prose, makes little of the shape. A
/// phrase that names a topic ("Ferry disaster: ...") ends with no name,
/// and a place that is no capital is where the story is ("Vardo: a town
/// mourns"); a capital speaks for its government.
fn named_before_colon(parsed: &Parsed, view: &SentenceView) -> Option<Source> {
    let colon = (0..parsed.len()).find(|&w| view.tokens[parsed.token_of[w]].norm == ":")?;
    let head = colon.checked_sub(1).filter(|_| colon <= MAX_WORDS_BEFORE_COLON && colon + 1 < parsed.len())?;
    let verbless = (0..colon).all(|w| !matches!(parsed.tag(w), Tag::Verb | Tag::Aux));
    let place = view.place_at(parsed.token_of[head]).filter(|m| m.form != PlaceForm::Capital);
    if place.is_some() {
        return None;
    }
    let names = parsed.tag(head) == Tag::Propn
        || parsed.is(view, head, |c| {
            matches!(c, Cue::Official | Cue::Outlet | Cue::Body | Cue::KnownBody(_) | Cue::RoleTitle | Cue::Unnamed)
        });
    let quoted = (0..colon).any(|w| view.quoted[parsed.token_of[w]]);
    (verbless && names && !quoted).then(|| Source { head, tokens: parsed.token_of[0]..parsed.token_of[head] + 1 })
}

/// The source named after "according to", if the sentence has one.
/// The phrase is read off the words, not the tree: "according to" is rare
/// in the treebanks, and the parser often hangs the rest of the sentence
/// from the phrase.
fn according_to(parsed: &Parsed, view: &SentenceView) -> Option<Source> {
    let hit = view.hits.iter().find(|h| h.cue == Cue::AccordingTo && !view.quoted[h.tokens.start])?;
    let start = parsed.word_of.get(hit.tokens.end).copied()?;
    nominal_run(parsed, view, start..parsed.len())
}

/// Whether an "according to" phrase frames the whole sentence: it opens
/// the sentence ("According to Orev, an analysis showed ...") or closes
/// it. One inside ("said that, according to early data, ...") frames
/// only its clause.
fn framing(parsed: &Parsed, view: &SentenceView, source: &Source) -> bool {
    let first_word = (0..parsed.len()).find(|&w| parsed.tag(w) != Tag::Punct);
    let last_word = (0..parsed.len()).rev().find(|&w| parsed.tag(w) != Tag::Punct);
    let opens = first_word.is_some_and(|w| view.covered_by(parsed.token_of[w], |c| c == Cue::AccordingTo));
    let closes = last_word.is_some_and(|w| parsed.token_of[w] < source.tokens.end);
    opens || closes
}

/// The noun phrase opening a stretch of words: its determiners,
/// adjectives, nouns and possessives, headed by its last noun.
fn nominal_run(parsed: &Parsed, view: &SentenceView, words: Range<usize>) -> Option<Source> {
    let first = words.start;
    let end = words.clone().find(|&w| !is_nominal_word(parsed, view, w)).unwrap_or(words.end);
    let head = (first..end).rev().find(|&w| matches!(parsed.tag(w), Tag::Propn | Tag::Noun))?;
    Some(Source { head, tokens: parsed.token_of[first]..parsed.token_of[end - 1] + 1 })
}

/// A word that can stand in a noun phrase before its head, or be it.
fn is_nominal_word(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    let token = parsed.token_of[word];
    let nominal = matches!(parsed.tag(word), Tag::Propn | Tag::Noun | Tag::Adj | Tag::Det | Tag::Num | Tag::Part);
    let joins = view.tokens[token].norm == "-" && view.glued(token);
    // A day or a month ends the phrase: "On Thursday investigators said".
    let time = parsed.is(view, word, |c| c == Cue::Time);
    (nominal || joins) && !view.quoted[token] && !time
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
