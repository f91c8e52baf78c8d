//! Checks over the people a corpus names: one person spelled two ways, and
//! two people named as holder of one role.

use std::collections::{BTreeMap, BTreeSet};

use super::{Facts, ends};
use crate::claims::{Corpus, LONG_NAME_CHARS, Person, names_match};
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

/// Blocking keys for a folded surname: itself and every form with one
/// letter deleted (two for names long enough that `names_match` allows two
/// edits). Two names within that many edits (a substitution, insertion or
/// transposition each) share a key, so no matching pair is missed, and a
/// common ending ("-enko", "-escu") does not make one huge block.
fn name_keys(folded: &str) -> BTreeSet<String> {
    let chars: Vec<char> = folded.chars().collect();
    let deletions = |word: &[char]| -> Vec<Vec<char>> {
        (0..word.len()).map(|i| word[..i].iter().chain(&word[i + 1..]).copied().collect()).collect()
    };
    let mut keys: BTreeSet<Vec<char>> = BTreeSet::from([chars.clone()]);
    for once in deletions(&chars) {
        if chars.len() >= LONG_NAME_CHARS {
            keys.extend(deletions(&once));
        }
        keys.insert(once);
    }
    keys.into_iter().map(|k| k.into_iter().collect()).collect()
}

/// What the people checks look a mention up by: the blocking keys of its
/// surname's spelling, and the role it is named in if that role is
/// compared. Mentions with a key in common may be compared; no others are.
#[must_use]
pub fn person_keys(corpus: &Corpus, person: &Person) -> Vec<String> {
    let spelling = corpus.fold_name(&normalise(&person.mention.surname));
    let mut keys: Vec<String> = name_keys(&spelling).into_iter().map(|k| format!("name {k}")).collect();
    keys.extend(compared_role(person).map(|role| format!("role {role}")));
    keys
}

/// The key of the role a mention names its person in, if roles like it
/// are compared: a named official post of a known state.
fn compared_role(person: &Person) -> Option<String> {
    let role = person.mention.role.as_ref()?;
    (!role.void && role.affiliation.is_some() && role.official).then(|| role.key())
}

/// Given names agree when one is missing or both fold the same.
fn given_compatible(a: Option<&String>, b: Option<&String>) -> bool {
    a.zip(b).is_none_or(|(x, y)| x == y)
}

fn same_role(a: &Person, b: &Person) -> bool {
    match (&a.mention.role, &b.mention.role) {
        (Some(x), Some(y)) => !x.void && !y.void && x.key() == y.key(),
        _ => false,
    }
}

/// One person's surname spelled two ways: one finding for each article
/// with the rarer spelling, pointing at the commoner one (in the same
/// article where it is there, else where the role or given name matches).
///
/// With a scope, only pairs of spellings with one spelled in a scoped
/// document are compared: a finding involves a document only through the
/// mentions of its two spellings, and each pair's findings are worked out
/// from that pair alone, so they are the ones the whole corpus gives.
pub(super) fn name_variants(corpus: &Corpus, scope: Option<&BTreeSet<DocId>>) -> Vec<Facts> {
    let mut spellings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, person) in corpus.people.iter().enumerate() {
        spellings.entry(normalise(&person.mention.surname)).or_default().push(index);
    }
    let spelled_in_scope: Option<BTreeSet<String>> = scope.map(|docs| {
        corpus.people.iter().filter(|p| docs.contains(&p.doc)).map(|p| normalise(&p.mention.surname)).collect()
    });
    let in_scope = |spelling: &str| spelled_in_scope.as_ref().is_none_or(|s| s.contains(spelling));
    let folded: BTreeMap<&str, String> = spellings.keys().map(|s| (s.as_str(), corpus.fold_name(s))).collect();
    let mut blocks: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (spelling, folded) in &folded {
        for key in name_keys(folded) {
            blocks.entry(key).or_default().push(spelling);
        }
    }
    let mut pairs = BTreeSet::new();
    for members in blocks.values() {
        let scoped: Vec<bool> = members.iter().map(|m| in_scope(m)).collect();
        if !scoped.contains(&true) {
            continue;
        }
        for (i, a) in members.iter().enumerate() {
            for (j, b) in members.iter().enumerate().skip(i + 1) {
                if (scoped[i] || scoped[j]) && names_match(&folded[a], &folded[b]) {
                    pairs.insert(if a < b { (*a, *b) } else { (*b, *a) });
                }
            }
        }
    }
    // Given names folded once per mention, not once per comparison.
    let given: BTreeMap<usize, Option<String>> = pairs
        .iter()
        .flat_map(|(a, b)| spellings[*a].iter().chain(&spellings[*b]))
        .map(|&m| (m, corpus.people[m].mention.given.as_ref().map(|g| corpus.fold_name(g))))
        .collect();
    let mut found = Vec::new();
    for (a, b) in pairs {
        let (rare, common) = if spellings[a].len() <= spellings[b].len() { (a, b) } else { (b, a) };
        let mut reported_docs = BTreeSet::new();
        for &variant in &spellings[rare] {
            let p = &corpus.people[variant];
            if reported_docs.contains(&p.doc) {
                continue;
            }
            let compatible = spellings[common]
                .iter()
                .filter(|q| given_compatible(given[&variant].as_ref(), given[q].as_ref()))
                .map(|&i| &corpus.people[i]);
            let same_doc = compatible.clone().find(|q| q.doc == p.doc);
            let same_person = || {
                compatible.clone().find(|q| same_role(p, q) || (p.mention.given.is_some() && q.mention.given.is_some()))
            };
            if let Some(q) = same_doc.or_else(same_person) {
                reported_docs.insert(p.doc);
                let mut facts = base_facts(corpus, p, q);
                let mut primary = label(p, format!("spelled `{}` here", p.mention.name));
                primary.primary = true;
                facts.labels = vec![primary, label(q, format!("spelled `{}` here", q.mention.name))];
                found.push(facts);
            }
        }
    }
    found
}

/// One surname's mentions in a role, arranged for finding the one
/// closest to another mention: by article, and by date.
struct Holder {
    folded: String,
    /// (article, mention), sorted: the first mention in each article.
    by_doc: Vec<(DocId, usize)>,
    /// (day, mention) of the dated mentions, sorted.
    by_day: Vec<(i64, usize)>,
    first: usize,
}

impl Holder {
    fn new(corpus: &Corpus, surname: &str, mentions: &[usize]) -> Self {
        let doc = |m: usize| corpus.people[m].doc;
        let mut by_doc: Vec<(DocId, usize)> = mentions.iter().map(|&m| (doc(m), m)).collect();
        by_doc.sort_unstable();
        let mut by_day: Vec<(i64, usize)> =
            mentions.iter().filter_map(|&m| corpus.documents[doc(m)].meta.date.map(|d| (d.days(), m))).collect();
        by_day.sort_unstable();
        Self { folded: corpus.fold_name(surname), by_doc, by_day, first: mentions[0] }
    }

    /// This holder's mention closest to `mention`: one in the same article,
    /// else the one in the dated article nearest in time (the earlier on a
    /// tie), else the first. Returns the gap in days (`i64::MAX` if unknown).
    fn closest_to(&self, corpus: &Corpus, mention: usize) -> (i64, usize) {
        let doc = corpus.people[mention].doc;
        let at = self.by_doc.partition_point(|&(d, _)| d < doc);
        if let Some(&(d, other)) = self.by_doc.get(at) {
            if d == doc {
                return (0, other);
            }
        }
        let Some(day) = corpus.documents[doc].meta.date.map(crate::ingest::Date::days) else {
            return (i64::MAX, self.first);
        };
        let after = self.by_day.partition_point(|&(d, _)| d <= day);
        let before = after.checked_sub(1).map(|i| {
            // The first mention of that day, as a walk in date order meets it.
            let first_of_day = self.by_day.partition_point(|&(d, _)| d < self.by_day[i].0);
            (day - self.by_day[i].0, self.by_day[first_of_day].1)
        });
        let later = self.by_day.get(after).map(|&(d, m)| (d - day, m));
        match (before, later) {
            (Some(b), Some(l)) => {
                if l.0 < b.0 {
                    l
                } else {
                    b
                }
            }
            (Some(found), None) | (None, Some(found)) => found,
            (None, None) => (i64::MAX, self.first),
        }
    }
}

/// Two different people named as holder of one role. Of all the mentions
/// of the two, the pair of articles closest in date is reported. With a
/// scope, only roles with a holder named in a scoped document are looked
/// at, each as a whole.
pub(super) fn role_conflicts(corpus: &Corpus, scope: Option<&BTreeSet<DocId>>) -> Vec<Facts> {
    let mut by_role: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, person) in corpus.people.iter().enumerate() {
        if let Some(role) = compared_role(person) {
            by_role.entry(role).or_default().push(index);
        }
    }
    let mut found = Vec::new();
    let in_scope =
        |members: &&Vec<usize>| scope.is_none_or(|docs| members.iter().any(|&m| docs.contains(&corpus.people[m].doc)));
    for members in by_role.values().filter(in_scope) {
        let mut by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &member in members {
            by_surname.entry(normalise(&corpus.people[member].mention.surname)).or_default().push(member);
        }
        let holders: Vec<Holder> = by_surname.iter().map(|(surname, ms)| Holder::new(corpus, surname, ms)).collect();
        // One finding per article naming a holder, against the other holder
        // named closest in time: each article is told once, not once per
        // holder the role ever had.
        let mut best: Vec<(usize, usize)> = Vec::new();
        for (index, (_, ps)) in by_surname.iter().enumerate() {
            let this = &holders[index];
            let rivals: Vec<&Holder> = holders
                .iter()
                .enumerate()
                .filter(|(other, h)| *other != index && !names_match(&this.folded, &h.folded))
                .map(|(_, h)| h)
                .collect();
            let mut docs_done = BTreeSet::new();
            for &mention in ps {
                if !docs_done.insert(corpus.people[mention].doc) {
                    continue;
                }
                let closest = rivals.iter().map(|h| h.closest_to(corpus, mention)).min_by_key(|(gap, _)| *gap);
                if let Some((_, other)) = closest {
                    best.push((mention, other));
                }
            }
        }
        let mut seen = BTreeSet::new();
        for (first, second) in best {
            let (p, q) = (&corpus.people[first], &corpus.people[second]);
            let sides = [(p.doc, normalise(&p.mention.surname)), (q.doc, normalise(&q.mention.surname))];
            let [x, y] = sides;
            if !seen.insert(if x <= y { (x, y) } else { (y, x) }) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn share_a_key(a: &str, b: &str) -> bool {
        !name_keys(a).is_disjoint(&name_keys(b))
    }

    #[test]
    fn a_long_name_misspelt_at_both_ends_still_meets_its_other_spelling() {
        assert!(names_match("abdurakhmanov", "obdurakhmanof"));
        assert!(share_a_key("abdurakhmanov", "obdurakhmanof"));
    }

    #[test]
    fn one_edit_of_any_kind_shares_a_key() {
        for variant in ["kowalsky", "kowalki", "kowalskii", "kowlaski"] {
            assert!(share_a_key("kowalski", variant), "{variant}");
        }
    }

    #[test]
    fn a_common_ending_alone_is_not_a_key() {
        assert!(!share_a_key("petrenko", "sydorenko"));
    }
}
