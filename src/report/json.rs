//! The JSON contract: `{"findings": [{"rule", "severity", "message",
//! "help", "locations": [{"path", "start", "end", "line", "column", "role",
//! "label"}]}]}`, byte offsets into the files as stored, 1-based lines and
//! columns (columns count characters). `json-lines` writes the same
//! finding objects, one per line, with no wrapper.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Emitter, Position, Report};
use crate::claims::Corpus;
use crate::rules::{Finding, Severity};

/// The whole report.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonReport {
    pub findings: Vec<JsonFinding>,
}

/// One finding.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFinding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<String>,
    pub locations: Vec<JsonLocation>,
}

/// One labelled span.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonLocation {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// "primary" or "related".
    pub role: String,
    pub label: String,
}

impl JsonReport {
    /// The report for a set of findings.
    #[must_use]
    pub fn new(corpus: &Corpus, findings: &[Finding]) -> Self {
        // Lines and columns are counted per label: worth both cores on a
        // report of many findings.
        Self { findings: findings.par_iter().map(|f| JsonFinding::new(corpus, f)).collect() }
    }
}

impl JsonFinding {
    /// The JSON form of one finding.
    #[must_use]
    pub fn new(corpus: &Corpus, finding: &Finding) -> Self {
        Self {
            rule: finding.rule.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            help: finding.help.clone(),
            locations: finding
                .labels
                .iter()
                .map(|label| {
                    let at = Position::of(corpus, label);
                    JsonLocation {
                        path: at.path,
                        start: at.start,
                        end: at.end,
                        line: at.line,
                        column: at.column,
                        role: if label.primary { "primary" } else { "related" }.to_string(),
                        label: label.text.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// The `json` format.
pub struct Json;

impl Emitter for Json {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &JsonReport::new(report.corpus, report.findings))?;
        writeln!(out)
    }
}

/// The `json-lines` format.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for finding in JsonReport::new(report.corpus, report.findings).findings {
            serde_json::to_writer(&mut *out, &finding)?;
            writeln!(out)?;
        }
        Ok(())
    }
}
