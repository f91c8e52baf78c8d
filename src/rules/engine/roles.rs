//! Two different people named as holder of one role: of all the mentions
//! of two holders, the pair of articles closest in date is reported.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::Facts;
use super::people::{alike_pairs, base_facts, compared_role, label};
use crate::align::incident::Incidents;
use crate::claims::Corpus;
use crate::ingest::DocId;
use crate::text::normalise;

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

/// Every dated mention of a role's holders, in date order: the rival
/// named nearest in time to a mention is found by looking outward from its
/// date, not by asking each of the role's holders in turn.
struct Timeline {
    /// (day, holder), sorted.
    entries: Vec<(i64, usize)>,
}

impl Timeline {
    fn new(holders: &[Holder]) -> Self {
        let mut entries: Vec<(i64, usize)> = holders
            .iter()
            .enumerate()
            .flat_map(|(index, holder)| holder.by_day.iter().map(move |&(day, _)| (day, index)))
            .collect();
        entries.sort_unstable();
        Self { entries }
    }

    /// The fewest days from `day` to a mention of a rival, and every
    /// rival with a mention that many days before or after.
    fn nearest(&self, day: i64, rival: &[bool]) -> Option<(i64, Vec<usize>)> {
        let at = self.entries.partition_point(|&(d, _)| d < day);
        let before = self.entries[..at].iter().rev().find(|(_, h)| rival[*h]).map(|&(d, _)| day - d);
        let after = self.entries[at..].iter().find(|(_, h)| rival[*h]).map(|&(d, _)| d - day);
        let gap = before.into_iter().chain(after).min()?;
        let on = |target: i64| {
            let start = self.entries.partition_point(|&(d, _)| d < target);
            self.entries[start..].iter().take_while(move |&&(d, _)| d == target)
        };
        let tied = on(day - gap).chain(on(day + gap)).map(|&(_, h)| h).filter(|&h| rival[h]).collect();
        Some((gap, tied))
    }
}

/// For each holder, the others whose surnames are one name spelled two
/// ways.
fn spelt_alike(corpus: &Corpus, holders: &[Holder]) -> Vec<BTreeSet<usize>> {
    let folded: Vec<String> = holders.iter().map(|h| h.folded.clone()).collect();
    let mut alike = vec![BTreeSet::new(); holders.len()];
    for (a, b) in alike_pairs(corpus, &folded, |_, _| true) {
        alike[a].insert(b);
        alike[b].insert(a);
    }
    alike
}

/// The rival holder whose mention is closest to `mention`: named in the
/// same article, else nearest in date; of several as close, the first in
/// surname order, as asking each holder in that order would find. `None`
/// when no rival is dated or named with it.
fn nearest_rival(
    corpus: &Corpus,
    timeline: &Timeline,
    named_in: &BTreeMap<DocId, Vec<usize>>,
    mention: usize,
    rival: &[bool],
) -> Option<usize> {
    let doc = corpus.people[mention].doc;
    let same_article = named_in.get(&doc).into_iter().flatten().copied().filter(|&h| rival[h]);
    let mut closest: Vec<usize> = same_article.collect();
    let gap = if closest.is_empty() { i64::MAX } else { 0 };
    if let Some((days, tied)) = corpus.documents[doc].meta.date.and_then(|d| timeline.nearest(d.days(), rival)) {
        if days < gap {
            closest = tied;
        } else if days == gap {
            closest.extend(tied);
        }
    }
    closest.into_iter().min()
}

/// Two different people named as holder of one role. Of all the mentions
/// of the two, the pair of articles closest in date is reported. With a
/// scope, only roles with a holder named in a scoped document are looked
/// at, each as a whole.
pub(super) fn role_conflicts(corpus: &Corpus, incidents: &Incidents, scope: Option<&BTreeSet<DocId>>) -> Vec<Facts> {
    let mut by_role: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let roles: Vec<Option<String>> = corpus.people.par_iter().map(compared_role).collect();
    for (index, role) in roles.into_iter().enumerate() {
        if let Some(role) = role {
            by_role.entry(role).or_default().push(index);
        }
    }
    let in_scope =
        |members: &&Vec<usize>| scope.is_none_or(|docs| members.iter().any(|&m| docs.contains(&corpus.people[m].doc)));
    let roles: Vec<&Vec<usize>> = by_role.values().filter(in_scope).collect();
    // Roles are independent: each is worked out on its own, in order.
    roles.into_par_iter().flat_map_iter(|members| conflicts_in_role(corpus, incidents, members)).collect()
}

/// One finding per article naming a holder of one role, against the other
/// holder named closest in time: each article is told once, not once per
/// holder the role ever had.
fn conflicts_in_role(corpus: &Corpus, incidents: &Incidents, members: &[usize]) -> Vec<Facts> {
    let mut by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &member in members {
        by_surname.entry(normalise(&corpus.people[member].mention.surname)).or_default().push(member);
    }
    let holders: Vec<Holder> = by_surname.iter().map(|(surname, ms)| Holder::new(corpus, surname, ms)).collect();
    let timeline = Timeline::new(&holders);
    let mut named_in: BTreeMap<DocId, Vec<usize>> = BTreeMap::new();
    for (index, holder) in holders.iter().enumerate() {
        for &(doc, _) in &holder.by_doc {
            named_in.entry(doc).or_default().push(index);
        }
    }
    // (mention, its holder, the rival's mention, the rival); holders are
    // in surname order, so a holder's index orders as its surname does.
    let mut best: Vec<(usize, usize, usize, usize)> = Vec::new();
    let spelt_alike = spelt_alike(corpus, &holders);
    for (index, (_, ps)) in by_surname.iter().enumerate() {
        let rival: Vec<bool> =
            (0..holders.len()).map(|other| other != index && !spelt_alike[index].contains(&other)).collect();
        let mut docs_done = BTreeSet::new();
        for &mention in ps {
            let doc = corpus.people[mention].doc;
            if !docs_done.insert(doc) {
                continue;
            }
            // Without a date to go by, two holders may be the role's
            // holders at two times; only a report of the same incident
            // says they were named for one time.
            let chosen = nearest_rival(corpus, &timeline, &named_in, mention, &rival).or_else(|| {
                let same_incident = |h: usize| holders[h].by_doc.iter().any(|&(d, _)| incidents.same(doc, d));
                (0..holders.len()).find(|&h| rival[h] && same_incident(h))
            });
            let Some(chosen) = chosen else { continue };
            best.push((mention, index, holders[chosen].closest_to(corpus, mention).1, chosen));
        }
    }
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    for (first, holder, second, rival) in best {
        let (p, q) = (&corpus.people[first], &corpus.people[second]);
        let (x, y) = ((p.doc, holder), (q.doc, rival));
        if !seen.insert(if x <= y { (x, y) } else { (y, x) }) {
            continue;
        }
        let mut facts = base_facts(corpus, p, q);
        let role = p.mention.role.as_ref().map_or_else(String::new, |r| r.label.clone());
        facts.values.insert("role", role.clone());
        let mut primary = label(p, format!("{} named as {role}", p.mention.name));
        primary.primary = true;
        let other_role = q.mention.role.as_ref().map_or_else(String::new, |r| r.label.clone());
        facts.labels = vec![primary, label(q, format!("{} named as {other_role}", q.mention.name))];
        found.push(facts);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline(mentions: &[(i64, usize)]) -> Timeline {
        let mut entries = mentions.to_vec();
        entries.sort_unstable();
        Timeline { entries }
    }

    #[test]
    fn the_nearest_rival_skips_the_holder_itself_and_keeps_every_tie() {
        // Holder 0 is asked about day 10; 1 and 2 are two days off either side.
        let timeline = timeline(&[(10, 0), (11, 0), (12, 1), (8, 2), (30, 3)]);
        let (gap, mut tied) = timeline.nearest(10, &[false, true, true, true]).unwrap();
        tied.sort_unstable();
        assert_eq!((gap, tied), (2, vec![1, 2]));
    }

    #[test]
    fn no_dated_rival_means_no_nearest() {
        assert!(timeline(&[(10, 0)]).nearest(10, &[false, true]).is_none());
    }
}
