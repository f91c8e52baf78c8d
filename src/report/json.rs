//! The JSON contract: `{"findings": [{"rule", "severity", "message",
//! "help", "locations": [{"path", "start", "end", "line", "column", "role",
//! "label"}]}]}`, byte offsets into the files as stored, 1-based lines and
//! columns (columns count characters). `json-lines` writes the same
//! finding objects, one per line, with no wrapper.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Emitter, Report, pretty_json};
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
                        // `to_str` validates on the fast path; most paths are UTF-8.
                        path: doc.path.to_str().map_or_else(|| doc.path.to_string_lossy(), Cow::Borrowed),
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

/// About what one finding takes in pretty JSON, to size a run's buffer
/// once rather than grow it by doubling, copying it each time.
const FINDING_BYTES: usize = 1024;

/// Renders a run of findings into a buffer, told whether the run is the
/// report's first; returns the bytes of the buffer to write.
type RenderChunk<'r> = dyn Fn(&[JsonFinding<'_>], bool, &mut Vec<u8>) -> serde_json::Result<Range<usize>> + Sync + 'r;

/// Each finding's JSON, rendered by `render` on every core a batch at a
/// time and written in order: one batch is written while the next is
/// rendered.
fn render_in_batches(report: &Report<'_>, render: &RenderChunk<'_>, out: &mut dyn Write) -> io::Result<()> {
    let render_batch = |batch_index: usize, batch: &[Finding]| -> serde_json::Result<Vec<(Vec<u8>, Range<usize>)>> {
        batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(chunk_index, chunk)| {
                let findings: Vec<JsonFinding<'_>> =
                    chunk.iter().map(|finding| JsonFinding::new(report.corpus, finding)).collect();
                let mut json = Vec::with_capacity(chunk.len() * FINDING_BYTES);
                let to_write = render(&findings, batch_index == 0 && chunk_index == 0, &mut json)?;
                Ok((json, to_write))
            })
            .collect()
    };
    let write_out = |rendered: Vec<(Vec<u8>, Range<usize>)>, out: &mut dyn Write| {
        rendered.into_iter().try_for_each(|(json, to_write)| out.write_all(&json[to_write]))
    };
    let mut written: Option<Vec<(Vec<u8>, Range<usize>)>> = None;
    for (batch_index, batch) in report.findings.chunks(BATCH).enumerate() {
        let mut rendered = None;
        let mut wrote = Ok(());
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| rendered = Some(render_batch(batch_index, batch)));
            wrote = written.take().map_or(Ok(()), |json| write_out(json, &mut *out));
        });
        wrote?;
        written = rendered.transpose()?;
    }
    written.map_or(Ok(()), |json| write_out(json, out))
}

/// The `json` format: what `serde_json::to_writer_pretty` gives for a
/// [`JsonReport`], written a run of findings at a time (see
/// [`pretty_json`]).
pub struct Json;

/// How the report opens and closes around its findings.
const JSON_OPENING: &[u8] = b"{\n  \"findings\": [";
const JSON_CLOSING: &[u8] = b"\n  ]\n}";

impl Emitter for Json {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        if report.findings.is_empty() {
            return writeln!(out, "{{\n  \"findings\": []\n}}");
        }
        out.write_all(JSON_OPENING)?;
        let run = |findings: &[JsonFinding<'_>], first: bool, json: &mut Vec<u8>| {
            for (index, finding) in findings.iter().enumerate() {
                json.extend_from_slice(if first && index == 0 { b"\n    " } else { b",\n    " });
                pretty_json::write_finding(json, finding);
            }
            Ok(0..json.len())
        };
        render_in_batches(report, &run, out)?;
        out.write_all(JSON_CLOSING)?;
        out.write_all(b"\n")
    }
}

/// The `json-lines` format.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let lines = |findings: &[JsonFinding<'_>], _first: bool, json: &mut Vec<u8>| {
            for finding in findings {
                serde_json::to_writer(&mut *json, finding)?;
                json.push(b'\n');
            }
            Ok(0..json.len())
        };
        render_in_batches(report, &lines, out)
    }
}
