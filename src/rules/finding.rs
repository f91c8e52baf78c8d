//! Findings: what a rule reports, with labelled spans in every article
//! involved. Byte offsets inside; lines and columns are computed at the edge.

use std::fmt;
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
        f.write_str(match self {
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

    /// Whether any label points into one of the documents.
    #[must_use]
    pub fn involves(&self, documents: &std::collections::BTreeSet<DocId>) -> bool {
        self.labels.iter().any(|l| documents.contains(&l.doc))
    }
}
