//! Findings: what a rule reports, with labelled spans in every article
//! involved. Byte offsets inside; lines and columns are computed at the edge.

use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::ingest::DocId;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that a width in the format string lines it up.
        f.pad(match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// A labelled span in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub doc: DocId,
    /// Bytes of the sentence the label points at.
    pub span: Range<usize>,
    pub text: String,
    /// The claim the finding is about (the other side is related).
    pub primary: bool,
}

/// One reported contradiction.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's id, as written in its file.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The rule's help, plus why the severity was lowered, if it was.
    pub help: Option<String>,
    /// Why the severity was lowered, one reason each (also in `help`).
    pub reasons: Vec<String>,
    pub url: Option<String>,
    /// Primary label first, then related ones.
    pub labels: Vec<Label>,
    /// How alike the two sentences are (0 to 1), for ranking duplicates.
    pub similarity: f64,
}

impl Finding {
    /// The primary label.
    #[must_use]
    pub fn primary(&self) -> &Label {
        &self.labels[0]
    }

    /// Records why the severity was lowered, and says so in the help.
    pub fn add_reason(&mut self, reason: String) {
        let help = self.help.get_or_insert_with(String::new);
        if !help.is_empty() {
            help.push('\n');
        }
        let _ = write!(help, "Severity lowered to {}: {reason}.", self.severity);
        self.reasons.push(reason);
    }

    /// Whether any label points into one of the documents.
    #[must_use]
    pub fn involves(&self, documents: &std::collections::BTreeSet<DocId>) -> bool {
        self.labels.iter().any(|l| documents.contains(&l.doc))
    }

    /// Moves the first label that `wanted` accepts to the front, handing it
    /// the primary role if the front label had it: a finding about a new
    /// article is reported at that article's sentence, with the corpus side
    /// as the related location. Does nothing if the front label is wanted
    /// or no label is.
    pub fn anchor(&mut self, wanted: impl Fn(&Label) -> bool) {
        if wanted(&self.labels[0]) {
            return;
        }
        let Some(index) = self.labels.iter().position(wanted) else {
            return;
        };
        let moved = self.labels.remove(index);
        self.labels.insert(0, moved);
        if self.labels[1].primary {
            self.labels[1].primary = false;
            self.labels[0].primary = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(doc: DocId, primary: bool) -> Label {
        Label { doc, span: 0..1, text: format!("in {doc}"), primary }
    }

    fn finding(labels: Vec<Label>) -> Finding {
        Finding {
            rule: "origin-vs-denial".into(),
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            reasons: Vec::new(),
            url: None,
            labels,
            similarity: 1.0,
        }
    }

    #[test]
    fn anchoring_in_the_new_article_hands_it_the_primary_role() {
        let mut f = finding(vec![label(3, true), label(0, false)]);
        f.anchor(|l| l.doc == 0);
        assert_eq!(f.labels, [label(0, true), label(3, false)]);
    }

    #[test]
    fn anchoring_keeps_labels_that_were_all_related() {
        let mut f = finding(vec![label(3, false), label(0, false)]);
        f.anchor(|l| l.doc == 0);
        assert_eq!(f.labels, [label(0, false), label(3, false)]);
    }

    #[test]
    fn anchoring_a_finding_already_in_place_changes_nothing() {
        let mut f = finding(vec![label(0, true), label(3, false)]);
        f.anchor(|l| l.doc == 0);
        assert_eq!(f.labels, [label(0, true), label(3, false)]);
    }
}
