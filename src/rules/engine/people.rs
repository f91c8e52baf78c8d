//! Checks over the people a corpus names: one person spelled two ways
//! here, two people named as holder of one role in `roles`; and the keys
//! both look mentions up by.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;

use super::{Facts, ends};
use crate::align::incident::Incidents;
use crate::claims::{Corpus, LONG_NAME_CHARS, Person};
use crate::ingest::DocId;
use crate::rules::finding::Label;
use crate::text::{fnv1a_joined, normalise};

pub(super) fn label(person: &Person, text: String) -> Label {
    Label { doc: person.doc, span: person.mention.span.clone(), text, primary: false }
}

pub(super) fn base_facts(corpus: &Corpus, first: &Person, second: &Person) -> Facts {
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
/// common ending ("-enko", "-escu") does not make one huge block. Each key
/// is the form's FNV-1a hash, worked out without building the form: two
/// forms that hash alike are only compared once more, by `names_match`.
/// Sorted, each once.
fn name_keys(folded: &str) -> Vec<u64> {
    let bytes = folded.as_bytes();
    let letters: Vec<(usize, usize)> = folded.char_indices().map(|(at, c)| (at, at + c.len_utf8())).collect();
    let without = |cuts: &[(usize, usize)]| {
        let mut from = 0;
        let kept = cuts.iter().map(move |&(start, end)| {
            let piece = &bytes[from..start];
            from = end;
            piece
        });
        let last = cuts.last().map_or(0, |&(_, end)| end);
        fnv1a_joined(kept.chain([&bytes[last..]]))
    };
    let long = letters.len() >= LONG_NAME_CHARS;
    let mut keys = vec![without(&[])];
    for (index, &once) in letters.iter().enumerate() {
        keys.push(without(&[once]));
        if long {
            keys.extend(letters[index + 1..].iter().map(|&twice| without(&[once, twice])));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// What the people checks look a mention up by: the blocking keys of its
/// surname's spelling, and the role it is named in if that role is
/// compared. Mentions with a key in common may be compared; no others are.
#[must_use]
pub fn person_keys(corpus: &Corpus, person: &Person) -> Vec<String> {
    let spelling = corpus.fold_name(&normalise(&person.mention.surname));
    let mut keys: Vec<String> =
        blocking_keys(corpus, &spelling).into_iter().map(|k| format!("name {k:016x}")).collect();
    keys.extend(compared_role(person).map(|role| format!("role {role}")));
    keys
}

/// The key of the role a mention names its person in, if roles like it
/// are compared: a named official post of a known state.
pub(super) fn compared_role(person: &Person) -> Option<String> {
    let role = person.mention.role.as_ref()?;
    (!role.void && role.affiliation.is_some() && role.official).then(|| role.key())
}

/// A folded name's blocking keys: those of [`name_keys`], and its
/// skeleton's, so that names one skeleton apart meet too.
fn blocking_keys(corpus: &Corpus, folded: &str) -> Vec<u64> {
    let mut keys = name_keys(folded);
    keys.push(fnv1a_joined([b"skeleton ".as_slice(), corpus.skeleton(folded).as_bytes()]));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The pairs of folded names (as indices, in order) that are one name
/// spelled two ways, of those `wanted` lets through. Names are compared
/// only where they share a blocking key, and each pair once.
pub(super) fn alike_pairs(
    corpus: &Corpus,
    folded: &[String],
    wanted: impl Fn(usize, usize) -> bool,
) -> BTreeSet<(usize, usize)> {
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, name) in folded.iter().enumerate() {
        for key in blocking_keys(corpus, name) {
            by_key.entry(key).or_default().push(index);
        }
    }
    let mut compared = HashSet::new();
    let mut alike = BTreeSet::new();
    for members in by_key.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let pair = (a.min(b), a.max(b));
                if wanted(pair.0, pair.1) && compared.insert(pair) && corpus.names_match(&folded[a], &folded[b]) {
                    alike.insert(pair);
                }
            }
        }
    }
    alike
}

/// Given names agree when one is missing or both are one name spelled
/// one way or two ("Yevgeny" and "Evgueni").
fn given_compatible(corpus: &Corpus, a: Option<&String>, b: Option<&String>) -> bool {
    a.zip(b).is_none_or(|(x, y)| x == y || corpus.names_match(x, y) || corpus.skeleton(x) == corpus.skeleton(y))
}

fn same_role(a: &Person, b: &Person) -> bool {
    match (&a.mention.role, &b.mention.role) {
        // What `Role::key` holds, without building it.
        (Some(x), Some(y)) => !x.void && !y.void && x.affiliation == y.affiliation && x.title == y.title,
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
pub(super) fn name_variants(corpus: &Corpus, incidents: &Incidents, scope: Option<&BTreeSet<DocId>>) -> Vec<Facts> {
    let mut spellings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, person) in corpus.people.iter().enumerate() {
        spellings.entry(normalise(&person.mention.surname)).or_default().push(index);
    }
    let spelled_in_scope: Option<BTreeSet<String>> = scope.map(|docs| {
        corpus.people.iter().filter(|p| docs.contains(&p.doc)).map(|p| normalise(&p.mention.surname)).collect()
    });
    let in_scope = |spelling: &str| spelled_in_scope.as_ref().is_none_or(|s| s.contains(spelling));
    // In order, so that a pair of indices is a pair of spellings in order.
    let names: Vec<&str> = spellings.keys().map(String::as_str).collect();
    let scoped: Vec<bool> = names.iter().map(|n| in_scope(n)).collect();
    let folded: Vec<String> = names.iter().map(|n| corpus.fold_name(n)).collect();
    let pairs: BTreeSet<(&str, &str)> = alike_pairs(corpus, &folded, |i, j| scoped[i] || scoped[j])
        .into_iter()
        .map(|(i, j)| (names[i], names[j]))
        .filter(|(a, b)| typed_apart(a, b))
        .collect();
    // Each spelling in a pair is read once, not once per pair it is in: a
    // common surname is one edit away from many others. Its mentions'
    // given names are folded, and its mentions grouped by article.
    let involved: BTreeSet<&str> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    let read: HashMap<&str, Spelling> =
        involved.into_par_iter().map(|spelling| (spelling, Spelling::new(corpus, &spellings[spelling]))).collect();
    let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
    let mut found: Vec<Facts> = pairs
        .par_iter()
        .flat_map_iter(|&(a, b)| {
            let (rare, common) = if spellings[a].len() <= spellings[b].len() { (a, b) } else { (b, a) };
            variants_of(corpus, incidents, (&spellings[rare], &read[rare]), (&spellings[common], &read[common]))
        })
        .collect();
    let surnames: Vec<&Vec<usize>> =
        spellings.iter().filter(|(spelling, _)| in_scope(spelling)).map(|(_, mentions)| mentions).collect();
    found.par_extend(
        surnames.into_par_iter().flat_map_iter(|mentions| given_name_variants(corpus, incidents, mentions)),
    );
    found
}

/// One person's given name spelled two ways under one surname
/// ("Aleksandr Petrenko", "Aleksander Petrenko"): two people of one family
/// may share a surname, so the two mentions must be of one incident or one
/// office as well as one name spelled two ways.
fn given_name_variants(corpus: &Corpus, incidents: &Incidents, mentions: &[usize]) -> Vec<Facts> {
    let mut by_given: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &mention in mentions {
        if let Some(given) = corpus.people[mention].mention.given.as_deref() {
            by_given.entry(given).or_default().push(mention);
        }
    }
    if by_given.len() < 2 {
        return Vec::new();
    }
    // Given names that could be one are first grouped by their consonants.
    let mut by_skeleton: BTreeMap<Vec<char>, Vec<(&str, String)>> = BTreeMap::new();
    for &given in by_given.keys() {
        let folded = corpus.fold_name(given);
        let mut skeleton: Vec<char> = corpus.skeleton(&folded).chars().collect();
        skeleton.dedup();
        by_skeleton.entry(skeleton).or_default().push((given, folded));
    }
    let mut found = Vec::new();
    for group in by_skeleton.values() {
        for (i, (a, folded_a)) in group.iter().enumerate() {
            for (b, folded_b) in &group[i + 1..] {
                if typed_apart(a, b) && given_names_alike(folded_a, folded_b) {
                    found.extend(given_variant_facts(corpus, incidents, &by_given[a], &by_given[b]));
                }
            }
        }
    }
    found
}

/// Whether two folded given names with one consonant skeleton are one
/// name: the same once transliterated, or different only inside. Names
/// that differ in their first or last letter are as often two names
/// ("Marek", "Jarek"; "Daniel", "Daniela") as one.
fn given_names_alike(a: &str, b: &str) -> bool {
    a == b || a.chars().next() == b.chars().next() && a.chars().next_back() == b.chars().next_back()
}

/// One finding per article with the rarer spelling, against a mention of
/// the commoner in a report of the same incident or in the same office.
fn given_variant_facts(corpus: &Corpus, incidents: &Incidents, a: &[usize], b: &[usize]) -> Vec<Facts> {
    let (rare, common) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut found = Vec::new();
    let mut reported_docs = BTreeSet::new();
    for &variant in rare {
        let p = &corpus.people[variant];
        let one_time = |q: &&usize| {
            let q = &corpus.people[**q];
            incidents.same(p.doc, q.doc) || same_role(p, q)
        };
        if let Some(&q) = common.iter().find(one_time) {
            if reported_docs.insert(p.doc) {
                found.push(variant_facts(corpus, p, &corpus.people[q]));
            }
        }
    }
    found
}

/// Spellings that differ only in hyphens and spaces ("Nagorno-Karabakh",
/// "Nagorno Karabakh") are one name typed two ways, not misspelt.
fn typed_apart(a: &str, b: &str) -> bool {
    !a.replace(['-', ' '], "").eq(&b.replace(['-', ' '], ""))
}

/// The facts of one name spelled `p`'s way and `q`'s.
fn variant_facts(corpus: &Corpus, p: &Person, q: &Person) -> Facts {
    let mut facts = base_facts(corpus, p, q);
    let mut primary = label(p, format!("spelled `{}` here", p.mention.name));
    primary.primary = true;
    facts.labels = vec![primary, label(q, format!("spelled `{}` here", q.mention.name))];
    facts
}

/// What the name checks ask of one spelling's mentions, worked out once.
struct Spelling {
    /// Per mention, in order: its given name, folded.
    given: Vec<Option<String>>,
    /// Positions of its mentions in each article that has any, in order.
    in_article: HashMap<DocId, Vec<usize>>,
}

impl Spelling {
    fn new(corpus: &Corpus, mentions: &[usize]) -> Self {
        let given =
            mentions.iter().map(|&m| corpus.people[m].mention.given.as_ref().map(|g| corpus.fold_name(g))).collect();
        let mut in_article: HashMap<DocId, Vec<usize>> = HashMap::new();
        for (position, &mention) in mentions.iter().enumerate() {
            in_article.entry(corpus.people[mention].doc).or_default().push(position);
        }
        Self { given, in_article }
    }
}

/// The findings for one pair of spellings: one for each article with the
/// rarer, against the commoner in the same article if it is there, else
/// the first mention of it that could be the same person, in a report of
/// the same incident if one has it.
fn variants_of(
    corpus: &Corpus,
    incidents: &Incidents,
    rare: (&[usize], &Spelling),
    common: (&[usize], &Spelling),
) -> Vec<Facts> {
    let ((rare_mentions, rare), (common_mentions, common)) = (rare, common);
    let mut found = Vec::new();
    let mut reported_docs = BTreeSet::new();
    for (position, &variant) in rare_mentions.iter().enumerate() {
        let p = &corpus.people[variant];
        if reported_docs.contains(&p.doc) {
            continue;
        }
        let fits = |q: &usize| given_compatible(corpus, rare.given[position].as_ref(), common.given[*q].as_ref());
        let same_doc = common.in_article.get(&p.doc).and_then(|qs| qs.iter().copied().find(fits));
        let could_be = |q: &usize| {
            let q = &corpus.people[common_mentions[*q]];
            same_role(p, q) || (p.mention.given.is_some() && q.mention.given.is_some())
        };
        let in_incident = |q: &usize| incidents.same(p.doc, corpus.people[common_mentions[*q]].doc);
        let same_person = || {
            let candidates = || (0..common_mentions.len()).filter(fits).filter(could_be);
            candidates().find(in_incident).or_else(|| candidates().next())
        };
        if let Some(q) = same_doc.or_else(same_person) {
            reported_docs.insert(p.doc);
            found.push(variant_facts(corpus, p, &corpus.people[common_mentions[q]]));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share_a_key(a: &str, b: &str) -> bool {
        let theirs = name_keys(b);
        name_keys(a).iter().any(|key| theirs.binary_search(key).is_ok())
    }

    #[test]
    fn a_long_name_misspelt_at_both_ends_still_meets_its_other_spelling() {
        assert!(crate::claims::names_match("abdurakhmanov", "obdurakhmanof", str::to_string));
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
