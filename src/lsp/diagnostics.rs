//! Findings as LSP diagnostics. A finding is shown in an open article at
//! its label there; every other label (in another article, or elsewhere in
//! this one) becomes `relatedInformation` with that file's URI and range.
//! The findings of one sentence under one rule are one diagnostic.
//! Only types are converted here: which findings exist is the library's.

use std::collections::BTreeMap;
use std::str::FromStr;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use super::convert::{Encoding, LineIndex};
use super::workspace::{Checked, Workspace};
use crate::ingest::{DocId, InputError};
use crate::rules::{Finding, Label, Severity};

/// The `source` of every diagnostic, so editors can tell whose it is.
pub const SOURCE: &str = "gainsay";

/// The code of a diagnostic about broken front matter.
pub const FRONT_MATTER_CODE: &str = "front-matter";

/// Where a finding is shown in one article: its primary label when that
/// is in the article, else its first label there.
#[must_use]
pub fn anchor(finding: &Finding, doc: DocId) -> Option<&Label> {
    let mut here = finding.labels.iter().filter(|l| l.doc == doc);
    let first = here.clone().next()?;
    Some(here.find(|l| l.primary).unwrap_or(first))
}

/// The diagnostics for an open article's last check.
#[must_use]
pub fn for_article(workspace: &Workspace, checked: &Checked, encoding: Encoding) -> Vec<Diagnostic> {
    let corpus = &workspace.corpus;
    let Some(document) = corpus.documents.get(checked.doc) else {
        return Vec::new();
    };
    let here = LineIndex::new(&document.text, encoding);
    let mut others: BTreeMap<DocId, LineIndex> = BTreeMap::new();
    let mut diagnostics: Vec<Diagnostic> = checked.problems.iter().filter_map(|p| front_matter(p, &here)).collect();
    // Grouped as the command line groups them, from this article's side.
    let anchored = checked.findings.iter().cloned().map(|mut finding| {
        finding.anchor(|l| l.doc == checked.doc);
        finding
    });
    for finding in &crate::rules::group(anchored.collect()) {
        let Some(anchor) = anchor(finding, checked.doc) else {
            continue;
        };
        let mut related = Vec::new();
        for label in finding.labels.iter().filter(|l| !std::ptr::eq(*l, anchor)) {
            let (Some(uri), Some(other)) = (workspace.uri_of(label.doc), corpus.documents.get(label.doc)) else {
                continue;
            };
            let index = if label.doc == checked.doc {
                &here
            } else {
                others.entry(label.doc).or_insert_with(|| LineIndex::new(&other.text, encoding))
            };
            related.push(related_information(label, other.outlet(), uri, index));
        }
        diagnostics.push(finding_diagnostic(finding, here.range(&anchor.span), related));
    }
    diagnostics
}

/// One finding, shown at `range`.
fn finding_diagnostic(
    finding: &Finding,
    range: lsp_types::Range,
    related: Vec<DiagnosticRelatedInformation>,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: finding
            .url
            .as_deref()
            .and_then(|url| Uri::from_str(url).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The other side of a finding: where it is and what it claims.
fn related_information(label: &Label, outlet: &str, uri: Uri, index: &LineIndex) -> DiagnosticRelatedInformation {
    DiagnosticRelatedInformation {
        location: Location::new(uri, index.range(&label.span)),
        message: format!("{outlet}: {}", label.text),
    }
}

/// Broken front matter, shown where it breaks.
fn front_matter(problem: &InputError, index: &LineIndex) -> Option<Diagnostic> {
    let InputError::FrontMatter { message, span, .. } = problem else {
        return None;
    };
    let span = span.offset()..span.offset() + span.len();
    Some(Diagnostic {
        range: index.range(&span),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(FRONT_MATTER_CODE.to_string())),
        source: Some(SOURCE.to_string()),
        message: format!("broken front matter: {message}; the article is checked without it"),
        ..Diagnostic::default()
    })
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(doc: DocId, primary: bool) -> Label {
        Label { doc, span: doc * 10..doc * 10 + 5, text: format!("doc {doc}"), primary }
    }

    fn finding(labels: Vec<Label>) -> Finding {
        Finding {
            rule: "origin-vs-denial".to_string(),
            severity: Severity::Error,
            message: "m".to_string(),
            help: None,
            reasons: Vec::new(),
            url: None,
            labels,
            similarity: 1.0,
        }
    }

    #[test]
    fn a_finding_is_anchored_at_its_primary_label_when_it_is_here() {
        let f = finding(vec![label(1, true), label(2, false), label(1, false)]);
        assert_eq!(anchor(&f, 1), Some(&f.labels[0]));
        assert_eq!(anchor(&f, 2), Some(&f.labels[1]));
        assert_eq!(anchor(&f, 3), None);
    }

    #[test]
    fn an_article_on_the_related_side_is_anchored_at_its_first_label() {
        let f = finding(vec![label(1, true), label(2, false), label(2, false)]);
        assert!(std::ptr::eq(anchor(&f, 2).unwrap(), &raw const f.labels[1]));
    }

    #[test]
    fn a_rule_url_becomes_the_code_description() {
        let mut f = finding(vec![label(1, true)]);
        f.url = Some("https://example.org/rules/origin-vs-denial".to_string());
        let diagnostic = finding_diagnostic(&f, lsp_types::Range::default(), Vec::new());
        assert_eq!(diagnostic.code, Some(NumberOrString::String("origin-vs-denial".to_string())));
        assert_eq!(diagnostic.code_description.unwrap().href.as_str(), "https://example.org/rules/origin-vs-denial");
        assert_eq!(diagnostic.source.as_deref(), Some(SOURCE));
        assert_eq!(diagnostic.severity, Some(DiagnosticSeverity::ERROR));
        assert!(diagnostic.related_information.is_none(), "no empty list");
    }

    #[test]
    fn a_rule_without_a_url_has_no_code_description() {
        let diagnostic = finding_diagnostic(&finding(vec![label(1, true)]), lsp_types::Range::default(), Vec::new());
        assert!(diagnostic.code_description.is_none());
    }

    #[test]
    fn severities_map_one_to_one() {
        assert_eq!(severity(Severity::Error), DiagnosticSeverity::ERROR);
        assert_eq!(severity(Severity::Warning), DiagnosticSeverity::WARNING);
        assert_eq!(severity(Severity::Info), DiagnosticSeverity::INFORMATION);
    }
}
