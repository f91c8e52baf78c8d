//! Checks over the people a corpus names: one person spelled two ways, and
//! two people named as holder of one role.

use std::collections::{BTreeMap, BTreeSet};

use super::{Facts, ends};
use crate::claims::{Corpus, Person, names_match};
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

/// Surnames compared once per spelling rather than once per mention: a
/// name repeated fifty thousand times costs no more than one said twice.
struct Spellings {
    /// Per person: the index of their normalised surname in `folded`.
    id: Vec<usize>,
    /// Per spelling: the normalised surname and its transliteration fold.
    text: Vec<String>,
    folded: Vec<String>,
}

impl Spellings {
    fn new(corpus: &Corpus) -> Self {
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut text = Vec::new();
        let id = corpus
            .people
            .iter()
            .map(|person| {
                let spelling = normalise(&person.mention.surname);
                *ids.entry(spelling.clone()).or_insert_with(|| {
                    text.push(spelling);
                    text.len() - 1
                })
            })
            .collect();
        let folded = text.iter().map(|t| corpus.fold_name(t)).collect();
        Self { id, text, folded }
    }

    /// Pairs of people from `members` (indices in order) whose spellings
    /// differ and satisfy `compare`, in the order a scan of all pairs of
    /// `members` would meet them.
    fn pairs(&self, members: &[usize], compare: impl Fn(&str, &str) -> bool) -> Vec<(usize, usize)> {
        let mut by_spelling: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &member in members {
            by_spelling.entry(self.id[member]).or_default().push(member);
        }
        let groups: Vec<(&usize, &Vec<usize>)> = by_spelling.iter().collect();
        let mut pairs = Vec::new();
        for (i, (x, first)) in groups.iter().enumerate() {
            for (y, second) in &groups[i + 1..] {
                if compare(&self.folded[**x], &self.folded[**y]) {
                    pairs.extend(first.iter().flat_map(|&a| second.iter().map(move |&b| (a.min(b), a.max(b)))));
                }
            }
        }
        pairs.sort_unstable();
        pairs
    }
}

/// The first person of each set of mentions a check cannot tell apart, by
/// `class`; the first mention is the one a scan of all pairs reports.
fn representatives<K: Ord>(people: impl Iterator<Item = usize>, class: impl Fn(usize) -> K) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    people.filter(|&index| seen.insert(class(index))).collect()
}

/// One person's surname spelled two ways: one finding per pair of
/// spellings, on the rarer spelling, pointing at the commoner one.
pub(super) fn name_variants(corpus: &Corpus) -> Vec<Facts> {
    let spellings = Spellings::new(corpus);
    let mut spelling_count = vec![0usize; spellings.text.len()];
    for id in &spellings.id {
        spelling_count[*id] += 1;
    }
    // Mentions in one document with one spelling, given name and role
    // pair alike with every other mention.
    let distinct = representatives(0..corpus.people.len(), |index| {
        let mention = &corpus.people[index].mention;
        let role = mention.role.as_ref().map(|r| (r.void, r.key()));
        (corpus.people[index].doc, spellings.id[index], mention.given.clone(), role)
    });
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for index in distinct {
        for key in name_keys(&corpus.fold_name(&corpus.people[index].mention.surname)) {
            blocks.entry(key).or_default().push(index);
        }
    }
    let mut pairs: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for members in blocks.values() {
        for (a, b) in spellings.pairs(members, names_match) {
            let (p, q) = (&corpus.people[a], &corpus.people[b]);
            let evidence =
                p.doc == q.doc || same_role(p, q) || (p.mention.given.is_some() && q.mention.given.is_some());
            if !given_compatible(corpus, p, q) || !evidence {
                continue;
            }
            let (sp, sq) = (&spellings.text[spellings.id[a]], &spellings.text[spellings.id[b]]);
            let (ip, iq) = (spellings.id[a], spellings.id[b]);
            // The rarer spelling is the one to fix.
            let (rare, common) = if (spelling_count[ip], sq) < (spelling_count[iq], sp) { (a, b) } else { (b, a) };
            let key = (spellings.text[spellings.id[rare]].clone(), spellings.text[spellings.id[common]].clone());
            let prefer_same_doc =
                |old: (usize, usize)| corpus.people[old.0].doc != corpus.people[old.1].doc && p.doc == q.doc;
            match pairs.get(&key) {
                Some(old) if !prefer_same_doc(*old) => {}
                _ => {
                    pairs.insert(key, (rare, common));
                }
            }
        }
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
pub(super) fn role_conflicts(corpus: &Corpus) -> Vec<Facts> {
    let spellings = Spellings::new(corpus);
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
        // Mentions of one spelling in one document are a single candidate:
        // the date gap, all that ranks pairs, is the same for each.
        let distinct = representatives(members.iter().copied(), |i| (corpus.people[i].doc, spellings.id[i]));
        let mut best: BTreeMap<(String, String), (i64, usize, usize)> = BTreeMap::new();
        for (a, b) in spellings.pairs(&distinct, |x, y| !names_match(x, y)) {
            let (p, q) = (&corpus.people[a], &corpus.people[b]);
            let (sp, sq) = (&spellings.text[spellings.id[a]], &spellings.text[spellings.id[b]]);
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
        }
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
