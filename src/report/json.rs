//! The JSON contract: `{"findings": [{"rule", "severity", "message",
//! "help", "locations": [{"path", "start", "end", "line", "column", "role",
//! "label"}]}]}`, byte offsets into the files as stored, 1-based lines and
//! columns (columns count characters).

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

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
        let findings = findings
            .iter()
            .map(|finding| JsonFinding {
                rule: finding.rule.clone(),
                severity: finding.severity,
                message: finding.message.clone(),
                help: finding.help.clone(),
                locations: finding
                    .labels
                    .iter()
                    .map(|label| {
                        let doc = &corpus.documents[label.doc];
                        let (line, column) = doc.line_column(label.span.start);
                        JsonLocation {
                            path: doc.path.display().to_string(),
                            start: label.span.start,
                            end: label.span.end,
                            line,
                            column,
                            role: if label.primary { "primary" } else { "related" }.to_string(),
                            label: label.text.clone(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Self { findings }
    }
}

pub fn write(corpus: &Corpus, findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &JsonReport::new(corpus, findings))?;
    writeln!(out)
}
