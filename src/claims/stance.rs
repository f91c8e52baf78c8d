//! Stance: whether a source affirms, denies, hedges or merely reports what
//! a clause says.
//!
//! A clause's stance is read from the words that govern it in the
//! dependency tree, climbing from the clause to the sentence's root: a
//! verb of denying over it ("rejected accusations that ..."), a word
//! calling it false ("dismissed as baseless claims that ..."), a negation
//! of the clause itself ("has never been used"), a hedge ("may have",
//! "suspects that", "is thought to"), a question or a withheld answer
//! ("investigating whether", "declined to say where"), or a noun for
//! something said ("reports that ..."), which makes it reported unless a
//! verb above takes a side on the report. Each governs only what lies
//! below it, so a hedge or a negation in one clause leaves the others as
//! they are.

use super::grammar::Parsed;
use super::sentence::SentenceView;
use super::syntax::Dep;
use crate::lexicon::Cue;

/// How a source puts what it says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Stance {
    /// Asserted as fact.
    #[default]
    Affirmed,
    /// Rejected or negated.
    Denied,
    /// Put as possible, suspected, asked or left open.
    Hedged,
    /// Relayed from others the sentence names.
    Reported,
}

impl Stance {
    /// The name rule files use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Affirmed => "affirmed",
            Self::Denied => "denied",
            Self::Hedged => "hedged",
            Self::Reported => "reported",
        }
    }

    /// Every stance, in order.
    pub const ALL: [Self; 4] = [Self::Affirmed, Self::Denied, Self::Hedged, Self::Reported];
}

/// How firmly a clause is put, and by whom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub stance: Stance,
    /// A promise about the future ("will never allow"), not a report of
    /// what happened.
    pub commitment: bool,
    /// The denial reaches back over the past ("has never", "at no time").
    pub always: bool,
    /// Denied by a negation alone ("has no embassy"), with no word of
    /// denying: in an outlet's own voice, a negative fact, not a denial.
    pub by_negation: bool,
    /// The nearest word of saying, denying, accusing, doubting or
    /// withholding that governs the clause: its subject is the source.
    pub governor: Option<usize>,
}

/// What the words governing a clause say of it, gathered while climbing.
#[derive(Debug, Default)]
struct Marks {
    denied: bool,
    negations: usize,
    hedged: bool,
    unasserted: bool,
    reported: bool,
    future: bool,
    always: bool,
    /// An argument under "any": a denial of every case, reaching back over
    /// the past unless it is a promise.
    sweeping: bool,
    governor: Option<usize>,
}

/// Relations through which a word governs what a clause states: its
/// complement, its object (the report it rejects), or the clause it
/// introduces.
const GOVERNED: &[Dep] = &[
    Dep::Ccomp,
    Dep::Xcomp,
    Dep::Csubj,
    Dep::Obj,
    Dep::Obl,
    Dep::Acl,
    Dep::AclRelcl,
    Dep::Advcl,
    Dep::Nmod,
    Dep::NsubjPass,
    Dep::Nsubj,
];

/// Reads the stance of the clause headed by `word`.
#[must_use]
pub fn read(parsed: &Parsed, view: &SentenceView, word: usize) -> Reading {
    let mut marks = Marks::default();
    let mut node = word;
    mark_clause(parsed, view, node, &mut marks);
    // A word of saying or denying with nothing more to say is its own
    // statement ("would not comment", "could not rule out", "Iran denied"),
    // and a word of falsehood says it of its subject ("All of this is a
    // lie", "it is impossible that ...").
    govern(parsed, view, word, None, &mut marks);
    for head in parsed.ancestors(word) {
        let relation = parsed.dep(node);
        // A clause conjoined to another shares its governor, not its own
        // marks ("denied X and said Y" does not deny Y); one set beside
        // another (a parenthesis, a trailing "officials said") is not
        // governed by it.
        if relation == Dep::Conj {
            node = head;
            continue;
        }
        // Nor is a statement added by a verb of saying hung beside the
        // governor ("denied that it had closed the bridge, saying trucks
        // were crossing"): it says something of its own.
        let beside = matches!(relation, Dep::Advcl | Dep::Other);
        if relation == Dep::Parataxis || beside && parsed.is(view, node, |c| c == Cue::Say) {
            break;
        }
        if GOVERNED.contains(&relation) && !govern(parsed, view, head, Some(node), &mut marks) {
            // A clause inside a subject is not governed by its verb's
            // negation ("the drone, which came from Iran, was not shot
            // down"); a word that is itself the subject is ("its territory
            // would not be used").
            let subject_side = matches!(relation, Dep::Nsubj | Dep::NsubjPass | Dep::Csubj) && node != word;
            if !subject_side {
                // An ordinary clause over this one ("the attack, which the
                // ministry said ...") puts its own hedges and conditions on it.
                mark_clause(parsed, view, head, &mut marks);
            }
        }
        node = head;
    }
    if view.tokens.last().is_some_and(|t| t.norm == "?") && node == parsed.root().unwrap_or(node) {
        marks.unasserted = true;
    }
    finish(&marks)
}

/// What a word of stance (`head`) does to the clause `node` it governs, or,
/// with no `node`, to itself as a statement with nothing more to say.
/// Returns whether `head` is a word of stance.
fn govern(parsed: &Parsed, view: &SentenceView, head: usize, node: Option<usize>, marks: &mut Marks) -> bool {
    let is = |cue: Cue| parsed.is(view, head, |c| c == cue);
    let relation = node.map(|n| parsed.dep(n));
    let subject_side = matches!(relation, Some(Dep::Nsubj | Dep::NsubjPass | Dep::Csubj));
    let negated = parsed.negated(view, head);
    // What a word of falsehood is said of: its subject or complement, or
    // the object of a verb that calls it so ("called the report a lie").
    let falsified = match node {
        Some(node) => {
            relation != Some(Dep::Nmod) && (is(Cue::False) || secondary_predicate(parsed, view, head, node, Cue::False))
        }
        None => is(Cue::False) && parsed.child_in(head, &[Dep::Nsubj, Dep::Csubj, Dep::Ccomp]).is_some(),
    };
    if falsified {
        marks.denied = true;
        marks.reported = false;
        if negated {
            marks.negations += 1;
        }
        return true;
    }
    if is(Cue::True) && negated && relation != Some(Dep::Nmod) {
        marks.denied = true;
        return true;
    }
    if subject_side {
        return false;
    }
    let mut take_governor = || {
        marks.governor.get_or_insert(head);
    };
    if is(Cue::Deny) {
        if negated {
            marks.unasserted = true;
        } else {
            marks.denied = true;
        }
        marks.reported = false;
        take_governor();
    } else if is(Cue::Withhold) {
        marks.unasserted = true;
        take_governor();
    } else if is(Cue::Accuse) {
        marks.reported = false;
        take_governor();
    } else if is(Cue::Prevent) && node.is_some() {
        // What is stopped did not go on ("halted use of the airstrip"
        // denies the use); the stopping itself happened ("the roads are
        // blocked").
        marks.denied = !negated;
    } else if is(Cue::Doubt) && (node.is_some() || predicates_clause(parsed, head)) {
        if !negated {
            marks.hedged = true;
        }
        marks.reported = false;
        take_governor();
    } else if is(Cue::Hedge) && (parsed.tag(head).is_verbal() || node.is_some() || predicates_clause(parsed, head)) {
        // "does not think that ...": a negated belief denies what it governs
        // ("I do not think the drones came from the north"). A word read as its own
        // statement has had its negation counted with its clause.
        if negated {
            if node.is_some() {
                marks.negations += 1;
            }
        } else {
            marks.hedged = true;
        }
        marks.reported = false;
        take_governor();
    } else if is(Cue::Say) && parsed.tag(head).is_verbal() || is(Cue::Assure) && predicates_clause(parsed, head) {
        // "found no evidence that ...": the "no" is the denial already read
        // at "no evidence", not a saying left unsaid.
        let falsehood = node.filter(|&n| parsed.is(view, n, |c| c == Cue::False));
        if negated && parsed.negated_apart_from(view, head, falsehood) {
            marks.unasserted = true;
        }
        marks.reported = false;
        take_governor();
    } else if is(Cue::Inquire) && node.is_some_and(|n| asks(parsed, view, n)) {
        marks.unasserted = true;
        take_governor();
    } else if is(Cue::SpeechNoun) && node.is_some() && relation != Some(Dep::Nmod) {
        marks.reported = true;
    } else {
        return false;
    }
    true
}

/// Whether a word is said of a clause: "likely that ...", "unclear whether".
fn predicates_clause(parsed: &Parsed, word: usize) -> bool {
    parsed.child_in(word, &[Dep::Ccomp, Dep::Csubj, Dep::Xcomp]).is_some()
}

/// A statement's stance past what the words of its clause say: an
/// existing doubt or suspicion ("there were serious doubts about the
/// cause") hedges it and no doubt ("there was no doubt about it") affirms
/// it; an inquiry into an open question ("said they were examining whether
/// ...") or a hedge a clause too low hedges what is affirmed, unless the
/// source only relays others (`relayed`), which reports it.
#[must_use]
pub fn held(parsed: &Parsed, view: &SentenceView, content: usize, read: Stance, relayed: bool) -> Stance {
    let existing = parsed.child_in(content, &[Dep::Expl]).and_then(|_| parsed.child_in(content, &[Dep::Nsubj]));
    let doubt = existing.is_some_and(|noun| parsed.is(view, noun, |c| c == Cue::Doubt));
    let suspicion = existing.is_some_and(|noun| parsed.is(view, noun, |c| c == Cue::Hedge));
    let read = if doubt && read == Stance::Denied { Stance::Affirmed } else { read };
    if read != Stance::Affirmed {
        return read;
    }
    let doubted = (doubt || suspicion) && !parsed.negated(view, content);
    // Opened by "whether" or "if": "asked for discounts when ..." asks
    // nothing open.
    let opened_as_question = |clause: usize| {
        parsed.children(clause).any(|m| parsed.dep(m) == Dep::Mark && parsed.is(view, m, |c| c == Cue::Question))
    };
    let inquiry = parsed.is(view, content, |c| c == Cue::Inquire) && parsed.children(content).any(opened_as_question);
    if relayed {
        Stance::Reported
    } else if doubted || inquiry || hedged_within(parsed, view, content) {
        Stance::Hedged
    } else {
        read
    }
}

/// Whether a hedge stands anywhere in the clause headed by `word`, short
/// of the clauses another source says: what makes a sentence's statement
/// hedged when the tree puts the hedge a clause too low ("the missile
/// which killed two men was probably fired ...").
#[must_use]
pub fn hedged_within(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    let mut stack = vec![word];
    while let Some(at) = stack.pop() {
        for child in parsed.children(at) {
            let is_hedge = parsed.is(view, child, |c| c == Cue::Hedge);
            match parsed.dep(child) {
                Dep::Aux | Dep::Advmod | Dep::Amod if is_hedge && !parsed.negated(view, child) => return true,
                Dep::Ccomp | Dep::Parataxis | Dep::Punct => {}
                _ if is_stance_word(parsed, view, child) => {}
                _ => stack.push(child),
            }
        }
    }
    false
}

/// Whether the word is one that takes a stance on what it governs.
#[must_use]
pub fn is_stance_word(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    let verbal = parsed.tag(word).is_verbal();
    parsed.is(view, word, |c| {
        matches!(c, Cue::Deny | Cue::Accuse | Cue::Hedge | Cue::Doubt | Cue::Withhold | Cue::Inquire)
            || c == Cue::Say && verbal
            || c == Cue::Assure && predicates_clause(parsed, word)
    })
}

/// What a clause's own words say of it: a negation, a modal or hedging
/// adverb, a future, a question or condition that introduces it.
fn mark_clause(parsed: &Parsed, view: &SentenceView, word: usize, marks: &mut Marks) {
    let is = |w: usize, cue: Cue| parsed.is(view, w, |c| c == cue);
    if parsed.negated(view, word) {
        marks.negations += 1;
    }
    for child in parsed.children(word) {
        match parsed.dep(child) {
            Dep::Aux | Dep::Advmod | Dep::AuxPass | Dep::Discourse => {
                if is(child, Cue::Hedge) && !parsed.negated(view, child) {
                    marks.hedged = true;
                }
                if is(child, Cue::Future) {
                    marks.future = true;
                }
                if is(child, Cue::Always) {
                    marks.always = true;
                }
            }
            Dep::Mark if is(child, Cue::Question) => marks.unasserted = true,
            Dep::Amod | Dep::Compound if is(child, Cue::False) => marks.denied = true,
            Dep::Amod if is(child, Cue::Hedge) => marks.hedged = true,
            _ => {}
        }
        if is(child, Cue::Always) && matches!(parsed.dep(child), Dep::Obl | Dep::Advmod) {
            marks.always = true;
        }
        // "not used for any launch": a denial over every case, as "never".
        let sweeping = |noun: usize| parsed.children(noun).any(|d| parsed.dep(d) == Dep::Det && is(d, Cue::Always));
        if matches!(parsed.dep(child), Dep::Obl | Dep::Obj | Dep::NsubjPass) && sweeping(child) {
            marks.sweeping = true;
        }
    }
    if is(word, Cue::Always) {
        marks.always = true;
    }
}

/// Whether the clause asks rather than states: introduced by "whether" or
/// "if", or by a question word ("where the drones took off").
fn asks(parsed: &Parsed, view: &SentenceView, word: usize) -> bool {
    parsed.children(word).any(|c| parsed.dep(c) == Dep::Mark && parsed.is(view, c, |cue| cue == Cue::Question))
        || parsed.children(word).any(|c| {
            matches!(parsed.dep(c), Dep::Advmod | Dep::Obj | Dep::Obl | Dep::Nsubj)
                && parsed.tag(c) == super::syntax::Tag::Adv
                && view.tokens[parsed.token_of[c]].norm.starts_with("wh")
        })
}

/// Whether `head` predicates a word of `cue` of its object `node`
/// ("called the report a fabrication", "dismissed the claims as baseless"),
/// or its object is one of the clause `node` it governs ("had seen no
/// evidence that ...", the clause hung from the verb).
fn secondary_predicate(parsed: &Parsed, view: &SentenceView, head: usize, node: usize, cue: Cue) -> bool {
    let of_clause = matches!(parsed.dep(node), Dep::Ccomp | Dep::Advcl)
        && parsed.children(head).any(|c| c != node && parsed.dep(c) == Dep::Obj && parsed.is(view, c, |x| x == cue));
    of_clause
        || matches!(parsed.dep(node), Dep::Obj | Dep::NsubjPass)
            && parsed.children(head).any(|c| {
                c != node
                    && matches!(parsed.dep(c), Dep::Xcomp | Dep::Obl | Dep::Advcl | Dep::Obj)
                    && (parsed.is(view, c, |x| x == cue)
                        || parsed.children(c).any(|m| parsed.dep(m) == Dep::Amod && parsed.is(view, m, |x| x == cue)))
            })
}

fn finish(marks: &Marks) -> Reading {
    let negated = marks.negations % 2 == 1;
    let stance = if marks.unasserted || (marks.hedged && !marks.denied && !negated) {
        Stance::Hedged
    } else if marks.denied || negated {
        Stance::Denied
    } else if marks.reported {
        Stance::Reported
    } else {
        Stance::Affirmed
    };
    Reading {
        stance,
        commitment: marks.future && stance == Stance::Denied,
        always: (marks.always || marks.sweeping && !marks.future) && stance == Stance::Denied,
        by_negation: stance == Stance::Denied && !marks.denied,
        governor: marks.governor,
    }
}
