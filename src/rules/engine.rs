//! Evaluates rules over a corpus. Each check kind has one evaluator; rule
//! files only choose and parameterise them. Findings are deduplicated (one
//! per rule, claim and other article) and sorted, so output never depends
//! on thread count or hash order.

mod claim_pair;
mod people;
mod quotes;
mod roles;
mod texts;

pub use people::person_keys;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::finding::{Finding, Label, Severity};
use super::schema::{Check, DowngradeWhen, Rule};
use super::template;
use crate::align::Candidate;
use crate::align::incident::Incidents;
use crate::claims::{Claim, Corpus};
use crate::ingest::{Date, DocId, Document, path_order_key};

/// A span as an orderable pair.
pub(super) fn ends(span: &std::ops::Range<usize>) -> (usize, usize) {
    (span.start, span.end)
}

/// Facts about a match, for the message and the severity.
#[derive(Debug, Default)]
pub(super) struct Facts {
    pub values: template::Values,
    pub labels: Vec<Label>,
    pub similarity: f64,
    pub right_commitment: bool,
    /// Time apart does not excuse the match: the right side's denial
    /// reaches back over the past ("has never"), or the figures are of a
    /// dimension that is not revised.
    pub covers_past: bool,
    pub hedged: bool,
    pub reported: bool,
    pub dates: (Option<Date>, Option<Date>),
    pub same_document: bool,
    /// Identity of what was compared (documents and spans), to drop the
    /// mirror image of a symmetric match.
    pub identity: (usize, usize, (usize, usize), (usize, usize)),
    /// The primary claim's document and span, and the other source (its
    /// document and speaker): one finding per claim and other source.
    pub dedupe: (usize, (usize, usize), String),
}

/// Runs every rule over the corpus.
#[must_use]
pub fn evaluate(corpus: &Corpus, rules: &[Rule], candidates: &[Candidate]) -> Vec<Finding> {
    evaluate_scoped(corpus, rules, candidates, None)
}

/// Runs every rule where it can touch the given documents: claim pairs
/// come from the candidates, and people are compared only where a name
/// spelled, or a role held, in those documents is involved. Every finding
/// that involves the documents is the one [`evaluate`] gives; some that do
/// not may come too. What re-checking an edited article needs, at the cost
/// of its own names rather than the corpus's.
#[must_use]
pub fn evaluate_involving(
    corpus: &Corpus,
    rules: &[Rule],
    candidates: &[Candidate],
    documents: &BTreeSet<DocId>,
) -> Vec<Finding> {
    evaluate_scoped(corpus, rules, candidates, Some(documents))
}

fn evaluate_scoped(
    corpus: &Corpus,
    rules: &[Rule],
    candidates: &[Candidate],
    scope: Option<&BTreeSet<DocId>>,
) -> Vec<Finding> {
    let ranks = path_ranks(corpus);
    // Per document, whether it silences any rule: asked of every label of
    // every match, and a document is too large for many to stay in cache.
    let silencing: Vec<bool> = corpus.documents.par_iter().map(Document::silences_any_rule).collect();
    let is_pair_rule = |rule: &Rule| {
        matches!(rule.check, Check::ClaimPair { .. } | Check::QuantityPair { .. } | Check::QuotePair { .. })
    };
    let pair_rules: Vec<&Rule> = rules.iter().filter(|r| is_pair_rule(r)).collect();
    // The folded texts are freed before the people checks run, which
    // need none of them: the run's memory peaks there.
    let incidents = Incidents::new(corpus);
    let mut pair_matches =
        claim_pair::matches(&texts::Texts::new(corpus, &incidents), &pair_rules, candidates).into_iter();
    let rule_matches: Vec<(&Rule, Option<Vec<Facts>>)> =
        rules.iter().map(|rule| (rule, if is_pair_rule(rule) { pair_matches.next() } else { None })).collect();
    // Rules are finished side by side, and the people checks (sequential
    // within) run beside the others rather than after them.
    let per_rule: Vec<Vec<Finding>> = rule_matches
        .into_par_iter()
        .map(|(rule, matches)| {
            let matches = matches.unwrap_or_else(|| match &rule.check {
                Check::NamePair => people::name_variants(corpus, &incidents, scope),
                Check::RolePair => roles::role_conflicts(corpus, &incidents, scope),
                Check::ClaimPair { .. } | Check::QuantityPair { .. } | Check::QuotePair { .. } => Vec::new(),
            });
            finish(corpus, (&ranks, &silencing), rule, matches)
        })
        .collect();
    let mut findings = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for rule_findings in per_rule {
        findings.extend(rule_findings);
    }
    sort_by_ranks(&ranks, &mut findings);
    findings
}

/// Sorts findings by the primary label's file and position, then rule.
pub fn sort(corpus: &Corpus, findings: &mut [Finding]) {
    sort_by_ranks(&path_ranks(corpus), findings);
}

fn sort_by_ranks(ranks: &[usize], findings: &mut [Finding]) {
    // Rules compare by id; each id's place among them is compared instead,
    // so no key holds a copy of one.
    let ids: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    let rule_ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
    findings.par_sort_by_cached_key(|finding| order_key(ranks, &rule_ids, finding));
}

/// Each document's place in the order of paths (equal paths, equal
/// places). Output is ordered by paths and offsets, never document ids:
/// ids depend on how a corpus was assembled (all at once, or from an
/// index), output must not. Comparing two paths parses both, so each is
/// keyed once; findings compare them many times, and ranks are compared
/// instead.
fn path_ranks(corpus: &Corpus) -> Vec<usize> {
    let keys: Vec<Vec<u8>> = corpus.documents.par_iter().map(|d| path_order_key(&d.path)).collect();
    let mut order: Vec<usize> = (0..corpus.documents.len()).collect();
    order.par_sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut ranks = vec![0; order.len()];
    for (position, pair) in order.windows(2).enumerate() {
        ranks[pair[1]] = if keys[pair[0]] == keys[pair[1]] { ranks[pair[0]] } else { position + 1 };
    }
    ranks
}

/// `rule_ids` holds the findings' rule ids, sorted: a rule's rank is its
/// place among them.
fn order_key(ranks: &[usize], rule_ids: &[String], finding: &Finding) -> (usize, usize, usize, Vec<(usize, usize)>) {
    let primary = finding.primary();
    let rule_rank = rule_ids.binary_search(&finding.rule).unwrap_or_else(|place| place);
    (
        ranks[primary.doc],
        primary.span.start,
        rule_rank,
        finding.labels.iter().map(|l| (ranks[l.doc], l.span.start)).collect(),
    )
}

/// Turns matches into findings: dedupes, grades severity, fills messages.
/// `documents` holds each document's rank in path order and whether it
/// silences any rule.
fn finish(corpus: &Corpus, documents: (&[usize], &[bool]), rule: &Rule, matches: Vec<Facts>) -> Vec<Finding> {
    let (ranks, silencing) = documents;
    // Of a match and its mirror image, the one read from the earlier file
    // (and place in it) is kept: the message must not depend on the order
    // the articles were loaded in (a whole folder, or an index). Matches
    // read from the earlier side come first, in the order they were found.
    let read_backwards: Vec<bool> = matches
        .iter()
        .map(|facts| {
            let (a, b, x, y) = &facts.identity;
            (ranks[*a], x) > (ranks[*b], y)
        })
        .collect();
    let order =
        (0..matches.len()).filter(|&i| !read_backwards[i]).chain((0..matches.len()).filter(|&i| read_backwards[i]));
    // Messages are filled in on every core; which findings are kept is
    // decided after, in order. Findings stay where they were rendered,
    // and are named by their index until the end.
    let mut rendered: Vec<Rendered> =
        matches.into_par_iter().map(|facts| render(corpus, silencing, rule, facts)).collect();
    let mut mirrored = BTreeSet::new();
    let mut best: BTreeMap<(usize, (usize, usize), String), usize> = BTreeMap::new();
    for index in order {
        let (a, b, x, y) = rendered[index].identity;
        let unordered = if (a, x) <= (b, y) { (a, x, b, y) } else { (b, y, a, x) };
        if !mirrored.insert(unordered) {
            continue;
        }
        let dedupe = std::mem::take(&mut rendered[index].dedupe);
        let Some(finding) = &rendered[index].finding else {
            continue;
        };
        let better = |&old: &usize| {
            rendered[old]
                .finding
                .as_ref()
                .is_some_and(|old| (finding.severity, finding.similarity) > (old.severity, old.similarity))
        };
        if best.get(&dedupe).is_none_or(better) {
            best.insert(dedupe, index);
        }
    }
    best.into_values().filter_map(|index| rendered[index].finding.take()).collect()
}

/// A match made a finding, with what deduplication needs to know of it.
struct Rendered {
    identity: (usize, usize, (usize, usize), (usize, usize)),
    dedupe: (usize, (usize, usize), String),
    /// `None` where an inline marker or the front matter silences the rule.
    finding: Option<Finding>,
}

fn render(corpus: &Corpus, silencing: &[bool], rule: &Rule, mut facts: Facts) -> Rendered {
    let ignored = facts.labels.iter().any(|l| silencing[l.doc] && corpus.suppresses(&rule.id, l.doc, &l.span));
    let (identity, dedupe) = (facts.identity, std::mem::take(&mut facts.dedupe));
    let finding = (!ignored).then(|| {
        let (severity, reasons) = grade(rule, &facts);
        let mut finding = Finding {
            rule: rule.id.clone(),
            severity,
            message: template::render(&rule.message, &facts.values),
            help: rule.help.clone(),
            reasons: Vec::with_capacity(reasons.len()),
            url: rule.url.clone(),
            labels: facts.labels,
            similarity: facts.similarity,
        };
        for reason in reasons {
            finding.add_reason(reason.to_string());
        }
        finding
    });
    Rendered { identity, dedupe, finding }
}

/// The rule's severity, lowered by every downgrade that applies.
fn grade<'r>(rule: &'r Rule, facts: &Facts) -> (Severity, Vec<&'r str>) {
    let mut severity = rule.severity;
    let mut reasons = Vec::new();
    let gap = match facts.dates {
        _ if facts.same_document => Some(0),
        (Some(a), Some(b)) => Some(a.days_between(b)),
        _ => None,
    };
    for downgrade in &rule.downgrades {
        let applies = match downgrade.when {
            DowngradeWhen::RightCommitment => facts.right_commitment,
            DowngradeWhen::Hedged => facts.hedged,
            DowngradeWhen::Reported => facts.reported,
            DowngradeWhen::DaysApart(days) => !facts.covers_past && gap.is_some_and(|g| g >= days),
            DowngradeWhen::NotContemporaneous(days) => gap.is_none_or(|g| g >= days),
            DowngradeWhen::SameArticle => facts.same_document,
        };
        if applies && downgrade.to < severity {
            severity = downgrade.to;
        }
        if applies && downgrade.to <= rule.severity {
            reasons.push(downgrade.because.as_str());
        }
    }
    if severity == rule.severity {
        reasons.clear();
    }
    (severity, reasons)
}

/// Values every check offers: outlets and dates of both sides.
pub(super) fn common_values(corpus: &Corpus, left: &Claim, right: &Claim, facts: &mut Facts) {
    let (l, r) = (&corpus.documents[left.doc], &corpus.documents[right.doc]);
    facts.values.insert("left.outlet", l.outlet().to_string());
    facts.values.insert("right.outlet", r.outlet().to_string());
    let date = |d: Option<Date>| d.map_or_else(|| "an unknown date".to_string(), |d| d.to_string());
    facts.values.insert("left.date", date(l.meta.date));
    facts.values.insert("right.date", date(r.meta.date));
    facts.dates = (l.meta.date, r.meta.date);
    facts.same_document = left.doc == right.doc;
}
