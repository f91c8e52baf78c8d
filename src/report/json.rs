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

/// Findings rendered side by side and written at a time: a report on a
/// large corpus runs to hundreds of megabytes, too much to hold twice in
/// memory, and too slow to render on one core.
const BATCH: usize = 4096;

/// Each finding's JSON, rendered on every core a batch at a time, handed
/// to `write` in order.
fn render_in_batches(
    report: &Report<'_>,
    render: impl Fn(&JsonFinding) -> serde_json::Result<Vec<u8>> + Sync,
    mut write: impl FnMut(usize, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    for (batch_index, batch) in report.findings.chunks(BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> =
            batch.par_iter().map(|f| render(&JsonFinding::new(report.corpus, f))).collect::<Result<_, _>>()?;
        for (index, json) in rendered.iter().enumerate() {
            write(batch_index * BATCH + index, json)?;
        }
    }
    Ok(())
}

/// The `json` format: what `serde_json::to_writer_pretty` gives for a
/// [`JsonReport`], written a finding at a time.
pub struct Json;

/// Where a finding's lines start in the report: inside the object and its
/// array, two levels of two spaces.
const FINDING_INDENT: &[u8] = b"\n    ";

impl Emitter for Json {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        if report.findings.is_empty() {
            return writeln!(out, "{{\n  \"findings\": []\n}}");
        }
        out.write_all(b"{\n  \"findings\": [")?;
        let pretty = |finding: &JsonFinding| {
            let json = serde_json::to_vec_pretty(finding)?;
            // A rendered finding breaks lines only between its parts: a
            // line break inside a string is written as an escape.
            let mut nested = Vec::with_capacity(json.len() + json.len() / 8);
            for (index, line) in json.split(|&b| b == b'\n').enumerate() {
                nested.extend_from_slice(if index == 0 { &FINDING_INDENT[1..] } else { FINDING_INDENT });
                nested.extend_from_slice(line);
            }
            Ok(nested)
        };
        render_in_batches(report, pretty, |index, json| {
            out.write_all(if index == 0 { b"\n" } else { b",\n" })?;
            out.write_all(json)
        })?;
        out.write_all(b"\n  ]\n}\n")
    }
}

/// The `json-lines` format.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        render_in_batches(report, serde_json::to_vec, |_, json| {
            out.write_all(json)?;
            writeln!(out)
        })
    }
}
