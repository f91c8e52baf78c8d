//! Checks over the people a corpus names: one person spelled two ways, and
//! two people named as holder of one role.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Facts, ends};
use crate::claims::{Corpus, Person, names_match};
use crate::ingest::DocId;
use crate::rules::finding::Label;
use crate::text::normalise;

fn label(person: &Person, text: String) -> Label {
    Label { doc: person.doc, span: person.mention.span.clone(), text, primary: false }
}

fn base_facts(corpus: &Corpus, first: &Person, second: &Person) -> Facts {
    let mut facts = Facts::default();
    let (a, b) = (&corpus.documents[first.doc], &corpus.documents[second.doc]);
    facts.values.insert("left.name", first.mention.name.clone());
    facts.values.insert("right.name", second.mention.name.clone());
    facts.values.insert("left.outlet", a.outlet().to_string());
    facts.values.insert("right.outlet", b.outlet().to_string());
    let date = |d: Option<crate::ingest::Date>| d.map_or_else(|| "an unknown date".to_string(), |d| d.to_string());
    facts.values.insert("left.date", date(a.meta.date));
    facts.values.insert("right.date", date(b.meta.date));
    facts.dates = (a.meta.date, b.meta.date);
    facts.same_document = first.doc == second.doc;
    facts.identity = (first.doc, second.doc, ends(&first.mention.span), ends(&second.mention.span));
    facts.dedupe = (first.doc, ends(&first.mention.span), format!("{}", second.doc));
    facts
}

/// Blocking keys for a folded surname: its first three and last four
/// letters, so transliterated spellings still meet ("Hrytsenko", "Gritsenko").
fn name_keys(folded: &str) -> [String; 2] {
    let chars: Vec<char> = folded.chars().collect();
    let head: String = chars.iter().take(3).collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    [format!("^{head}"), format!("{tail}$")]
}

/// Given names agree when one is missing or both fold the same.
fn given_compatible(corpus: &Corpus, a: &Person, b: &Person) -> bool {
    match (&a.mention.given, &b.mention.given) {
        (Some(x), Some(y)) => corpus.fold_name(x) == corpus.fold_name(y),
        _ => true,
    }
}

fn same_role(a: &Person, b: &Person) -> bool {
    match (&a.mention.role, &b.mention.role) {
        (Some(x), Some(y)) => !x.void && !y.void && x.key() == y.key(),
        _ => false,
    }
}

/// Each person's surname, normalised and folded once rather than per
/// pair, and whether pairs with the person are compared: always for the
/// whole corpus; with a scope, when a person in a scoped document has the
/// same surname. A finding involves a scoped document only if one of its
/// two spellings (or role holders' names) is spelled there, and every pair
/// with those spellings is then still compared, in the same order, so the
/// outcome for it is the one the whole corpus gives.
pub(super) struct Surnames {
    normalised: Vec<String>,
    /// Folded across transliterations, to block on and to match.
    folded: Vec<String>,
    /// Characters in `folded`.
    lengths: Vec<usize>,
    /// Each person's folded surname as a number: equal spellings share one.
    spelling: Vec<usize>,
    compared: Vec<bool>,
    /// Whether two spellings (by number) match, computed once per pair of
    /// spellings rather than once per pair of people.
    matches: RefCell<HashMap<(usize, usize), bool>>,
}

impl Surnames {
    pub(super) fn new(corpus: &Corpus, scope: Option<&BTreeSet<DocId>>) -> Self {
        let normalised: Vec<String> = corpus.people.iter().map(|p| normalise(&p.mention.surname)).collect();
        // `Corpus::fold_name` is `normalise` and then the transliterations.
        let folded: Vec<String> = normalised
            .iter()
            .map(|n| corpus.transliterations.iter().fold(n.clone(), |f, (from, to)| f.replace(from.as_str(), to)))
            .collect();
        let lengths = folded.iter().map(|f| f.chars().count()).collect();
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        let spelling = folded
            .iter()
            .map(|f| {
                let next = numbers.len();
                *numbers.entry(f.as_str()).or_insert(next)
            })
            .collect();
        let compared = match scope {
            None => vec![true; normalised.len()],
            Some(docs) => {
                let spelled_there: BTreeSet<&str> = corpus
                    .people
                    .iter()
                    .zip(&normalised)
                    .filter(|(p, _)| docs.contains(&p.doc))
                    .map(|(_, n)| n.as_str())
                    .collect();
                normalised.iter().map(|n| spelled_there.contains(n.as_str())).collect()
            }
        };
        Self { normalised, folded, lengths, spelling, compared, matches: RefCell::new(HashMap::new()) }
    }

    /// [`names_match`] on two people's surnames, skipping the edit
    /// distance when the lengths alone rule a match out.
    fn names_match(&self, a: usize, b: usize) -> bool {
        let (la, lb) = (self.lengths[a], self.lengths[b]);
        if la.min(lb) < 4 || la.abs_diff(lb) > 2 {
            return false;
        }
        let (x, y) = (self.spelling[a], self.spelling[b]);
        *self
            .matches
            .borrow_mut()
            .entry((x.min(y), x.max(y)))
            .or_insert_with(|| names_match(&self.folded[a], &self.folded[b]))
    }

    /// Calls `visit` with each pair of a group to compare, in the order a
    /// check of the whole corpus visits them: every pair, or with a scope
    /// the pairs with a compared member, found from those members alone.
    fn for_each_pair(&self, members: &[usize], mut visit: impl FnMut(usize, usize)) {
        let marked: Vec<usize> = (0..members.len()).filter(|&i| self.compared[members[i]]).collect();
        if marked.len() == members.len() {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    visit(a, b);
                }
            }
            return;
        }
        let mut positions: Vec<(usize, usize)> = marked
            .iter()
            .flat_map(|&i| (0..members.len()).filter(move |&j| j != i).map(move |j| (i.min(j), i.max(j))))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        for (i, j) in positions {
            visit(members[i], members[j]);
        }
    }
}

/// One person's surname spelled two ways: one finding per pair of
/// spellings, on the rarer spelling, pointing at the commoner one.
pub(super) fn name_variants(corpus: &Corpus, surnames: &Surnames) -> Vec<Facts> {
    let mut spelling_count: BTreeMap<&str, usize> = BTreeMap::new();
    for surname in &surnames.normalised {
        *spelling_count.entry(surname).or_default() += 1;
    }
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, folded) in surnames.folded.iter().enumerate() {
        for key in name_keys(folded) {
            blocks.entry(key).or_default().push(index);
        }
    }
    let mut pairs: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for members in blocks.values() {
        surnames.for_each_pair(members, |a, b| {
            let (p, q) = (&corpus.people[a], &corpus.people[b]);
            let (sp, sq) = (&surnames.normalised[a], &surnames.normalised[b]);
            let evidence =
                p.doc == q.doc || same_role(p, q) || (p.mention.given.is_some() && q.mention.given.is_some());
            if sp == sq || !surnames.names_match(a, b) || !given_compatible(corpus, p, q) || !evidence {
                return;
            }
            // The rarer spelling is the one to fix.
            let (rare, common) =
                if (spelling_count[sp.as_str()], sq) < (spelling_count[sq.as_str()], sp) { (a, b) } else { (b, a) };
            let key = (surnames.normalised[rare].clone(), surnames.normalised[common].clone());
            let prefer_same_doc =
                |old: (usize, usize)| corpus.people[old.0].doc != corpus.people[old.1].doc && p.doc == q.doc;
            match pairs.get(&key) {
                Some(old) if !prefer_same_doc(*old) => {}
                _ => {
                    pairs.insert(key, (rare, common));
                }
            }
        });
    }
    pairs
        .into_values()
        .map(|(rare, common)| {
            let (p, q) = (&corpus.people[rare], &corpus.people[common]);
            let mut facts = base_facts(corpus, p, q);
            let mut primary = label(p, format!("spelled `{}` here", p.mention.name));
            primary.primary = true;
            facts.labels = vec![primary, label(q, format!("spelled `{}` here", q.mention.name))];
            facts
        })
        .collect()
}

/// Two different people named as holder of one role. Of all the mentions
/// of the two, the pair of articles closest in date is reported.
pub(super) fn role_conflicts(corpus: &Corpus, surnames: &Surnames) -> Vec<Facts> {
    let mut by_role: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, person) in corpus.people.iter().enumerate() {
        if let Some(role) = &person.mention.role {
            if !role.void && role.affiliation.is_some() && role.official {
                by_role.entry(role.key()).or_default().push(index);
            }
        }
    }
    let mut found = Vec::new();
    for members in by_role.values() {
        let mut best: BTreeMap<(String, String), (i64, usize, usize)> = BTreeMap::new();
        surnames.for_each_pair(members, |a, b| {
            let (p, q) = (&corpus.people[a], &corpus.people[b]);
            let (sp, sq) = (&surnames.normalised[a], &surnames.normalised[b]);
            if sp == sq || surnames.names_match(a, b) {
                return;
            }
            let (first, second) = if sp < sq { (a, b) } else { (b, a) };
            let gap = match (corpus.documents[p.doc].meta.date, corpus.documents[q.doc].meta.date) {
                _ if p.doc == q.doc => 0,
                (Some(x), Some(y)) => x.days_between(y),
                _ => i64::MAX,
            };
            let key = if sp < sq { (sp.clone(), sq.clone()) } else { (sq.clone(), sp.clone()) };
            if best.get(&key).is_none_or(|(old, _, _)| gap < *old) {
                best.insert(key, (gap, first, second));
            }
        });
        let mut seen = BTreeSet::new();
        for (_, first, second) in best.into_values() {
            if !seen.insert((first, second)) {
                continue;
            }
            let (p, q) = (&corpus.people[first], &corpus.people[second]);
            let mut facts = base_facts(corpus, p, q);
            let role = p.mention.role.as_ref().map_or_else(String::new, |r| r.label.clone());
            facts.values.insert("role", role.clone());
            let mut primary = label(p, format!("{} named as {role}", p.mention.name));
            primary.primary = true;
            let other_role = q.mention.role.as_ref().map_or_else(String::new, |r| r.label.clone());
            facts.labels = vec![primary, label(q, format!("{} named as {other_role}", q.mention.name))];
            found.push(facts);
        }
    }
    found
}
