//! One finding per flagged claim and rule. A report that five officials
//! deny is one contradiction with five answers, not five contradictions:
//! the findings a rule makes at one sentence become one, at the highest of
//! their severities, with every other side as a related location. An
//! answer that alone would have been reported lower says so in its label,
//! with its reasons, so no downgrade is lost.

use std::collections::HashMap;
use std::ops::Range;

use super::Finding;
use crate::ingest::DocId;

/// The findings grouped by rule and primary sentence, each group where its
/// first finding was. Run after a finding's primary side is chosen (a new
/// article's side, in a check against a corpus): grouping is by that side.
#[must_use]
pub fn group(findings: Vec<Finding>) -> Vec<Finding> {
    let mut groups: Vec<Vec<Finding>> = Vec::new();
    let mut by_claim: HashMap<(String, DocId, Range<usize>), usize> = HashMap::new();
    for finding in findings {
        let Some(primary) = finding.labels.first() else {
            groups.push(vec![finding]);
            continue;
        };
        let key = (finding.rule.clone(), primary.doc, primary.span.clone());
        if let Some(&at) = by_claim.get(&key) {
            groups[at].push(finding);
        } else {
            by_claim.insert(key, groups.len());
            groups.push(vec![finding]);
        }
    }
    groups.into_iter().map(merge).collect()
}

/// One finding of a claim's findings under one rule: the most severe (the
/// first of those, in report order) leads, and the others' related labels
/// follow it.
fn merge(mut members: Vec<Finding>) -> Finding {
    // Stable: equals keep their report order.
    members.sort_by_key(|member| std::cmp::Reverse(member.severity));
    let mut members = members.into_iter();
    let Some(mut head) = members.next() else { unreachable!("a group has a finding") };
    for member in members {
        let lower = (member.severity < head.severity).then(|| {
            let reasons =
                if member.reasons.is_empty() { String::new() } else { format!(": {}", member.reasons.join("; ")) };
            format!("; a {} on its own{reasons}", member.severity)
        });
        for mut label in member.labels.into_iter().skip(1) {
            if head.labels.iter().any(|l| l.doc == label.doc && l.span == label.span) {
                continue;
            }
            if let Some(lower) = &lower {
                label.text.push_str(lower);
            }
            head.labels.push(label);
        }
        if member.severity == head.severity {
            for reason in member.reasons {
                if !head.reasons.contains(&reason) {
                    head.add_reason(reason);
                }
            }
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Label, Severity};

    fn label(doc: DocId, start: usize, primary: bool) -> Label {
        Label { doc, span: start..start + 10, text: format!("side in {doc}"), primary }
    }

    fn finding(rule: &str, severity: Severity, other: DocId, reasons: &[&str]) -> Finding {
        let mut finding = Finding {
            rule: rule.into(),
            severity,
            message: format!("against {other}"),
            help: None,
            reasons: Vec::new(),
            url: None,
            labels: vec![label(0, 5, true), label(other, 40, false)],
            similarity: 0.5,
        };
        for reason in reasons {
            finding.add_reason((*reason).to_string());
        }
        finding
    }

    #[test]
    fn one_claims_findings_under_one_rule_become_one_at_the_highest_severity() {
        let grouped = group(vec![
            finding("origin-vs-denial", Severity::Warning, 1, &["a promise"]),
            finding("origin-vs-denial", Severity::Error, 2, &[]),
            finding("origin-vs-denial", Severity::Error, 3, &[]),
        ]);
        assert_eq!(grouped.len(), 1);
        let only = &grouped[0];
        assert_eq!(only.severity, Severity::Error);
        assert_eq!(only.message, "against 2");
        let sides: Vec<DocId> = only.labels.iter().map(|l| l.doc).collect();
        assert_eq!(sides, [0, 2, 3, 1]);
        assert_eq!(only.labels[3].text, "side in 1; a warning on its own: a promise");
        assert_eq!(only.labels[1].text, "side in 2");
        assert_eq!(only.help, None);
    }

    #[test]
    fn equal_severities_keep_every_reason_once() {
        let grouped = group(vec![
            finding("origin-vs-denial", Severity::Warning, 1, &["one article"]),
            finding("origin-vs-denial", Severity::Warning, 2, &["a promise", "one article"]),
        ]);
        assert_eq!(grouped[0].reasons, ["one article", "a promise"]);
        assert_eq!(
            grouped[0].help.as_deref(),
            Some("Severity lowered to warning: one article.\nSeverity lowered to warning: a promise.")
        );
        assert_eq!(grouped[0].labels.len(), 3);
    }

    #[test]
    fn other_rules_and_other_sentences_stay_apart_in_their_order() {
        let mut elsewhere = finding("origin-vs-denial", Severity::Error, 2, &[]);
        elsewhere.labels[0].span = 70..80;
        let grouped = group(vec![
            finding("origin-vs-denial", Severity::Error, 1, &[]),
            finding("accusation-vs-denial", Severity::Error, 1, &[]),
            elsewhere,
            finding("origin-vs-denial", Severity::Error, 3, &[]),
        ]);
        let shape: Vec<(&str, usize)> = grouped.iter().map(|f| (f.rule.as_str(), f.labels.len())).collect();
        assert_eq!(shape, [("origin-vs-denial", 3), ("accusation-vs-denial", 2), ("origin-vs-denial", 2)]);
    }

    #[test]
    fn a_side_two_findings_share_is_listed_once() {
        let grouped =
            group(vec![finding("quote-drift", Severity::Info, 1, &[]), finding("quote-drift", Severity::Info, 1, &[])]);
        assert_eq!(grouped[0].labels.len(), 2);
    }
}
