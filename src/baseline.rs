//! Baselines: findings a newsroom has already seen and accepted, so a
//! check reports only new ones. A finding is known by its fingerprint: the
//! rule id and the normalised text of each sentence it labels, never byte
//! offsets, so it survives edits elsewhere in the articles (lines shifting,
//! paragraphs added) and comes back when one of its sentences changes.
//!
//! The file is JSON, sorted, one entry per finding, with the sentences
//! written out so a reviewer can read what was accepted:
//!
//! ```json
//! {"version": 1, "findings": [{"rule": "quote-drift", "fingerprint": "…",
//!   "path": "drafts/new.md", "message": "…", "sentences": ["…", "…"]}]}
//! ```
//!
//! It is written atomically: to a temporary file in the same folder, then
//! renamed over the old one, so a reader never sees half a baseline.

use std::collections::BTreeMap;
use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::claims::Corpus;
use crate::rules::Finding;
use crate::text::normalise;

/// The version of the file format this build reads and writes.
pub const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    /// What a finding is matched by: see [`fingerprint`].
    pub fingerprint: String,
    /// Where the finding was when accepted; for readers, not matching.
    pub path: String,
    /// The finding's message when accepted; for readers.
    pub message: String,
    /// The normalised sentences the fingerprint is made of, sorted.
    pub sentences: Vec<String>,
}

/// Why a baseline cannot be read or written.
#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    #[error("{path}: cannot read baseline: {reason}")]
    #[diagnostic(
        code(gainsay::baseline::unreadable),
        help("`gainsay baseline` writes it; `--no-baseline` checks without it")
    )]
    Unreadable { path: String, reason: String },

    #[error("{path}: not a gainsay baseline: {message}")]
    #[diagnostic(code(gainsay::baseline::invalid), help("`gainsay baseline` writes a new one"))]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        source_code: NamedSource<String>,
        #[label("{message}")]
        span: Option<SourceSpan>,
    },

    #[error("{path}: cannot write baseline: {reason}")]
    #[diagnostic(code(gainsay::baseline::unwritable))]
    Unwritable { path: String, reason: String },
}

/// The sorted, normalised sentences a finding labels, markers cut out.
#[must_use]
pub fn sentences(corpus: &Corpus, finding: &Finding) -> Vec<String> {
    let mut sentences: Vec<String> = finding
        .labels
        .iter()
        .map(|label| {
            let sentence = corpus.sentence_of(label.doc, &label.span);
            normalise(&corpus.documents[label.doc].sentence_text(sentence))
        })
        .collect();
    sentences.sort();
    sentences
}

/// A finding's fingerprint: 64-bit FNV-1a of the rule id and its sorted
/// normalised sentences, in hex. Sorting makes it indifferent to which
/// side is primary; paths and offsets are left out on purpose.
#[must_use]
pub fn fingerprint(rule: &str, sentences: &[String]) -> String {
    let hash = crate::text::fnv1a(std::iter::once(rule).chain(sentences.iter().map(String::as_str)));
    format!("{hash:016x}")
}

impl Entry {
    /// The entry for a finding.
    #[must_use]
    pub fn new(corpus: &Corpus, finding: &Finding) -> Self {
        let sentences = sentences(corpus, finding);
        Self {
            rule: finding.rule.clone(),
            fingerprint: fingerprint(&finding.rule, &sentences),
            path: corpus.documents[finding.primary().doc].path.display().to_string(),
            message: finding.message.clone(),
            sentences,
        }
    }
}

impl BaselineFile {
    /// The baseline accepting every finding given.
    #[must_use]
    pub fn new(corpus: &Corpus, findings: &[Finding]) -> Self {
        let mut entries: Vec<Entry> = findings.iter().map(|f| Entry::new(corpus, f)).collect();
        entries.sort();
        Self { version: VERSION, findings: entries }
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self, BaselineError> {
        let name = path.display().to_string();
        let text = crate::limits::read_input_text(path, crate::limits::MAX_BASELINE_BYTES)
            .map_err(|e| BaselineError::Unreadable { path: name.clone(), reason: e.to_string() })?;
        let invalid = |message: String, span: Option<SourceSpan>| BaselineError::Invalid {
            path: name.clone(),
            message,
            source_code: NamedSource::new(name.clone(), text.clone()).with_language("json"),
            span,
        };
        let file: Self = serde_json::from_str(&text).map_err(|e| {
            let offset = offset_of(&text, e.line(), e.column());
            invalid(e.to_string(), Some((offset, 0).into()))
        })?;
        if file.version != VERSION {
            return Err(invalid(
                format!("version {} is not {VERSION}, the one this gainsay reads", file.version),
                None,
            ));
        }
        Ok(file)
    }

    /// Writes the file atomically: a temporary file in the same folder,
    /// flushed to disk, then renamed over `path`.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let unwritable = |reason: String| BaselineError::Unwritable { path: path.display().to_string(), reason };
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| unwritable(e.to_string()))?;
        bytes.push(b'\n');
        crate::atomic::write_atomically(path, bytes).map_err(|e| unwritable(e.to_string()))
    }

    /// How many times each fingerprint is accepted.
    #[must_use]
    pub fn counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for entry in &self.findings {
            *counts.entry(entry.fingerprint.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// Splits the findings into those to report and those the baseline
    /// accepts. A fingerprint accepted once hides one finding: a second
    /// finding with the same sentences (a story republished in full) is
    /// still shown.
    #[must_use]
    pub fn filter(&self, corpus: &Corpus, findings: Vec<Finding>) -> (Vec<Finding>, Vec<Finding>) {
        let mut left = self.counts();
        findings.into_iter().partition(|finding| {
            let print = fingerprint(&finding.rule, &sentences(corpus, finding));
            match left.get_mut(print.as_str()) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            }
        })
    }
}

/// The byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_which_side_came_first() {
        let a = ["x said one thing".to_string(), "y said another".to_string()];
        let mut b = a.clone();
        b.reverse();
        b.sort();
        assert_eq!(fingerprint("quote-drift", &a), fingerprint("quote-drift", &b));
    }

    #[test]
    fn fingerprint_depends_on_rule_and_every_sentence() {
        let s = ["one".to_string(), "two".to_string()];
        let base = fingerprint("quote-drift", &s);
        assert_ne!(base, fingerprint("name-variant", &s));
        assert_ne!(base, fingerprint("quote-drift", &["one".to_string(), "two!".to_string()]));
        // The separator keeps "ab" + "c" apart from "a" + "bc".
        assert_ne!(
            fingerprint("r", &["ab".to_string(), "c".to_string()]),
            fingerprint("r", &["a".to_string(), "bc".to_string()])
        );
    }

    #[test]
    fn fingerprint_is_stable_across_builds() {
        // Pinned: a change here invalidates every baseline users have.
        assert_eq!(fingerprint("quote-drift", &["a".to_string()]), "20c1e1d730865b1e");
    }

    #[test]
    fn write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "old").unwrap();
        let file = BaselineFile { version: VERSION, findings: Vec::new() };
        file.write(&path).unwrap();
        assert_eq!(BaselineFile::read(&path).unwrap(), file);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["baseline.json"]);
    }

    #[test]
    fn write_into_a_missing_folder_fails_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/baseline.json");
        let file = BaselineFile { version: VERSION, findings: Vec::new() };
        assert!(matches!(file.write(&path), Err(BaselineError::Unwritable { .. })));
    }

    #[test]
    fn broken_baseline_points_at_the_mistake() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "{\"version\": 1,\n \"findings\": [], \"extra\": 3}").unwrap();
        match BaselineFile::read(&path) {
            Err(BaselineError::Invalid { message, span: Some(span), .. }) => {
                assert!(message.contains("unknown field `extra`"), "{message}");
                assert_eq!(span.offset(), 38, "just after the unknown key");
            }
            other => panic!("expected an invalid baseline, got {other:?}"),
        }
    }

    #[test]
    fn other_versions_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "{\"version\": 2, \"findings\": []}").unwrap();
        assert!(matches!(BaselineFile::read(&path), Err(BaselineError::Invalid { .. })));
    }
}
