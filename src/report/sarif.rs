//! SARIF 2.1.0, the format code-scanning services read. One run; the tool's
//! driver lists every active rule (id, summary, doc, help, help URI,
//! default level); one result per finding, whose `locations` hold the
//! primary label and whose `relatedLocations` hold the other article's.
//! Columns count Unicode code points (`columnKind`), as ours do. Each
//! result carries the baseline fingerprint, so services can track a
//! finding across edits.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::{Emitter, Position, Report};
use crate::baseline;
use crate::claims::Corpus;
use crate::rules::{Finding, Label, Rule, Severity};

/// The schema the output declares (and is tested against).
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF format.
pub struct Sarif;

impl Emitter for Sarif {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &Log::new(report))?;
        writeln!(out)
    }
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: DescriptorProperties,
}

#[derive(Serialize)]
struct DescriptorProperties {
    /// The pack the rule came from.
    origin: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::struct_field_names, reason = "SARIF's own property names")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Log {
    fn new(report: &Report<'_>) -> Self {
        let rules = report.rules.iter().map(Descriptor::new).collect();
        let results = report.findings.iter().map(|f| SarifResult::new(report.corpus, report.rules, f)).collect();
        Self {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "gainsay",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        rules,
                    },
                },
                column_kind: "unicodeCodePoints",
                results,
            }],
        }
    }
}

impl Descriptor {
    fn new(rule: &Rule) -> Self {
        let doc = rule.doc.trim().to_string();
        Self {
            id: rule.id.clone(),
            short_description: Text { text: rule.summary.clone() },
            full_description: Text { text: doc.clone() },
            help: Text { text: rule.help.clone().unwrap_or(doc) },
            help_uri: rule.url.clone(),
            default_configuration: Configuration { level: level(rule.severity) },
            properties: DescriptorProperties { origin: rule.origin.clone() },
        }
    }
}

impl SarifResult {
    fn new(corpus: &Corpus, rules: &[Rule], finding: &Finding) -> Self {
        let sentences = baseline::sentences(corpus, finding);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str("\n\n");
            message.push_str(help);
        }
        Self {
            rule_id: finding.rule.clone(),
            rule_index: rules.iter().position(|r| r.id == finding.rule),
            level: level(finding.severity),
            message: Text { text: message },
            locations: vec![location(corpus, finding.primary(), None)],
            related_locations: finding.labels[1..]
                .iter()
                .enumerate()
                .map(|(i, label)| location(corpus, label, Some(i + 1)))
                .collect(),
            partial_fingerprints: BTreeMap::from([("gainsay/v1", baseline::fingerprint(&finding.rule, &sentences))]),
        }
    }
}

fn location(corpus: &Corpus, label: &Label, id: Option<usize>) -> Location {
    let at = Position::of(corpus, label);
    let text = &corpus.documents[label.doc].text;
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&at.path) },
            region: Region {
                start_line: at.line,
                start_column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
                byte_offset: at.start,
                byte_length: at.end - at.start,
                snippet: Text { text: text[label.span.clone()].to_string() },
            },
        },
        message: Text { text: label.text.clone() },
    }
}

/// A path as a URI reference: `/` separators, reserved bytes
/// percent-encoded, absolute paths as `file://` URIs.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/000_a.txt"), "corpus/000_a.txt");
        assert_eq!(uri("news desk/Przewodów.md"), "news%20desk/Przewod%C3%B3w.md");
        assert_eq!(uri("/srv/news/a.md"), "file:///srv/news/a.md");
    }
}
