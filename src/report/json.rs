//! The JSON contract: `{"findings": [{"rule", "severity", "message",
//! "help", "locations": [{"path", "start", "end", "line", "column", "role",
//! "label"}]}]}`, byte offsets into the files as stored, 1-based lines and
//! columns (columns count characters). `json-lines` writes the same
//! finding objects, one per line, with no wrapper.

use std::borrow::Cow;
use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Emitter, Report};
use crate::claims::Corpus;
use crate::rules::{Finding, Severity};

/// The whole report.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonReport<'a> {
    pub findings: Vec<JsonFinding<'a>>,
}

/// One finding. Its texts are borrowed from the finding when written, and
/// owned when read.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFinding<'a> {
    pub rule: Cow<'a, str>,
    pub severity: Severity,
    pub message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<Cow<'a, str>>,
    pub locations: Vec<JsonLocation<'a>>,
}

/// One labelled span.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonLocation<'a> {
    pub path: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// "primary" or "related".
    pub role: Cow<'a, str>,
    pub label: Cow<'a, str>,
}

impl<'a> JsonFinding<'a> {
    /// The JSON form of one finding.
    #[must_use]
    pub fn new(corpus: &'a Corpus, finding: &'a Finding) -> Self {
        Self {
            rule: Cow::Borrowed(&finding.rule),
            severity: finding.severity,
            message: Cow::Borrowed(&finding.message),
            help: finding.help.as_deref().map(Cow::Borrowed),
            locations: finding
                .labels
                .iter()
                .map(|label| {
                    // What `Position::of` gives, without the end, which
                    // this format does not carry.
                    let doc = &corpus.documents[label.doc];
                    let (line, column) = doc.line_column(label.span.start);
                    JsonLocation {
                        path: doc.path.to_string_lossy(),
                        start: label.span.start,
                        end: label.span.end,
                        line,
                        column,
                        role: Cow::Borrowed(if label.primary { "primary" } else { "related" }),
                        label: Cow::Borrowed(&label.text),
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

/// Findings one task renders into one buffer.
const CHUNK: usize = 64;

/// Each finding's JSON, rendered by `render` on every core a batch at a
/// time and written in order, `before_first` before the first finding and
/// `between` before each other.
fn render_in_batches(
    report: &Report<'_>,
    (before_first, between): (&[u8], &[u8]),
    render: impl Fn(&JsonFinding<'_>, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (batch_index, batch) in report.findings.chunks(BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(chunk_index, chunk)| {
                let mut json = Vec::new();
                for (index, finding) in chunk.iter().enumerate() {
                    let first = batch_index == 0 && chunk_index == 0 && index == 0;
                    json.extend_from_slice(if first { before_first } else { between });
                    render(&JsonFinding::new(report.corpus, finding), &mut json)?;
                }
                Ok(json)
            })
            .collect::<serde_json::Result<_>>()?;
        for json in rendered {
            out.write_all(&json)?;
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
        let nested_pretty = |finding: &JsonFinding<'_>, json: &mut Vec<u8>| {
            // A rendered finding breaks lines only between its parts: a
            // line break inside a string is written as an escape.
            for (index, line) in serde_json::to_vec_pretty(finding)?.split(|&b| b == b'\n').enumerate() {
                json.extend_from_slice(if index == 0 { &FINDING_INDENT[1..] } else { FINDING_INDENT });
                json.extend_from_slice(line);
            }
            Ok(())
        };
        render_in_batches(report, (b"\n", b",\n"), nested_pretty, out)?;
        out.write_all(b"\n  ]\n}\n")
    }
}

/// The `json-lines` format.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let line = |finding: &JsonFinding<'_>, json: &mut Vec<u8>| {
            serde_json::to_writer(&mut *json, finding)?;
            json.push(b'\n');
            Ok(())
        };
        render_in_batches(report, (b"", b""), line, out)
    }
}
