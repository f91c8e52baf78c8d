//! Checks over the people a corpus names: one person spelled two ways, and
//! two people named as holder of one role.

use std::collections::{BTreeMap, BTreeSet};

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
    let mut blocks: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for spelling in spellings.keys() {
        for key in name_keys(&corpus.fold_name(spelling)) {
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
                if (scoped[i] || scoped[j]) && names_match(&corpus.fold_name(a), &corpus.fold_name(b)) {
                    pairs.insert(if a < b { (*a, *b) } else { (*b, *a) });
                }
            }
        }
    }
    let mut found = Vec::new();
    for (a, b) in pairs {
        let (rare, common) = if spellings[a].len() <= spellings[b].len() { (a, b) } else { (b, a) };
        let mut reported_docs = BTreeSet::new();
        for &variant in &spellings[rare] {
            let p = &corpus.people[variant];
            if reported_docs.contains(&p.doc) {
                continue;
            }
            let compatible =
                spellings[common].iter().map(|&i| &corpus.people[i]).filter(|q| given_compatible(corpus, p, q));
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

/// Of two people's mentions, the pair of articles closest in date: one
/// article naming both, else the smallest gap between dated articles, else
/// the first mentions. Returns the gap in days (`i64::MAX` if unknown).
fn closest_mentions(corpus: &Corpus, ps: &[usize], qs: &[usize]) -> (i64, usize, usize) {
    let doc = |m: usize| corpus.people[m].doc;
    if let Some((&p, &q)) = ps.iter().find_map(|p| qs.iter().find(|q| doc(**q) == doc(*p)).map(|q| (p, q))) {
        return (0, p, q);
    }
    let dated = |ms: &[usize]| {
        let mut days: Vec<(i64, usize)> =
            ms.iter().filter_map(|&m| corpus.documents[doc(m)].meta.date.map(|d| (d.days(), m))).collect();
        days.sort_unstable();
        days
    };
    let (dp, dq) = (dated(ps), dated(qs));
    let mut best = (i64::MAX, ps[0], qs[0]);
    let (mut i, mut j) = (0, 0);
    while i < dp.len() && j < dq.len() {
        let gap = (dp[i].0 - dq[j].0).abs();
        if gap < best.0 {
            best = (gap, dp[i].1, dq[j].1);
        }
        if dp[i].0 < dq[j].0 {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

/// Two different people named as holder of one role. Of all the mentions
/// of the two, the pair of articles closest in date is reported. With a
/// scope, only roles with a holder named in a scoped document are looked
/// at, each as a whole.
pub(super) fn role_conflicts(corpus: &Corpus, scope: Option<&BTreeSet<DocId>>) -> Vec<Facts> {
    let mut by_role: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, person) in corpus.people.iter().enumerate() {
        if let Some(role) = &person.mention.role {
            if !role.void && role.affiliation.is_some() && role.official {
                by_role.entry(role.key()).or_default().push(index);
            }
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
        let surnames: Vec<(&String, &Vec<usize>)> = by_surname.iter().collect();
        // One finding per article naming a holder, against the other holder
        // named closest in time: each article is told once, not once per
        // holder the role ever had.
        let mut best: Vec<(usize, usize)> = Vec::new();
        for (sp, ps) in &surnames {
            let rivals: Vec<&Vec<usize>> = surnames
                .iter()
                .filter(|(sq, _)| sq != sp && !names_match(&corpus.fold_name(sp), &corpus.fold_name(sq)))
                .map(|(_, qs)| *qs)
                .collect();
            let mut docs_done = BTreeSet::new();
            for &mention in *ps {
                if !docs_done.insert(corpus.people[mention].doc) {
                    continue;
                }
                let closest =
                    rivals.iter().map(|qs| closest_mentions(corpus, &[mention], qs)).min_by_key(|(gap, _, _)| *gap);
                if let Some((_, _, other)) = closest {
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
