//! Rendering findings: miette's graphical report for people, one line per
//! finding for editors, and JSON, SARIF and GitHub workflow commands for
//! machines. Every format is one [`Emitter`] in its own module, reading
//! the same [`Report`]; byte offsets become lines and columns here, at the
//! edge ([`Position`]), and nowhere else.

mod concise;
mod diagnostic;
mod excerpt;
mod github;
mod json;
mod pretty_json;
mod sarif;
mod statistics;

use std::io::{self, Write};

pub use diagnostic::{FindingDiagnostic, MIN_WIDTH};
pub use json::{JsonFinding, JsonLocation, JsonReport};
pub use sarif::SCHEMA_URI as SARIF_SCHEMA_URI;
pub use statistics::{RuleCount, count, statistics, summary};

use crate::claims::Corpus;
use crate::rules::{Finding, Label, Rule};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical report.
    Full,
    /// One line per finding: `path:line:col: severity[rule]: message`.
    Concise,
    /// One JSON object with every finding.
    Json,
    /// One JSON object per finding, one per line.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands, which annotate pull requests.
    Github,
}

impl Format {
    /// Whether the format is read by people, who get a summary line.
    #[must_use]
    pub fn is_for_people(self) -> bool {
        matches!(self, Self::Full | Self::Concise)
    }

    /// Whether the format shows one finding per flagged sentence and rule,
    /// with every other side as a related location (see
    /// [`crate::rules::group`]). JSON keeps one finding per contradicting
    /// pair: its readers take any two locations of a finding to contradict
    /// each other, and two denials of one report do not.
    #[must_use]
    pub fn groups_findings(self) -> bool {
        !matches!(self, Self::Json | Self::JsonLines)
    }
}

/// How the graphical report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// The width to lay the report out for: `COLUMNS` if it holds a
    /// number, else the terminal's width, else 100.
    #[must_use]
    pub fn width(columns: Option<&str>, terminal: Option<usize>) -> usize {
        columns.and_then(|c| c.trim().parse().ok()).filter(|&c| c > 0).or(terminal).filter(|&w| w > 0).unwrap_or(100)
    }
}

/// What every format renders.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The articles, for paths, lines and the text of labelled spans.
    pub corpus: &'a Corpus,
    /// The findings to show, in order.
    pub findings: &'a [Finding],
    /// The active rules, for formats that describe them (SARIF).
    pub rules: &'a [Rule],
}

/// One output format.
pub trait Emitter {
    /// Writes the whole report.
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()>;
}

/// The emitter for a format.
#[must_use]
pub fn emitter(format: Format, style: Style) -> Box<dyn Emitter> {
    match format {
        Format::Full => Box::new(diagnostic::Full { style }),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json),
        Format::JsonLines => Box::new(json::JsonLines),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github),
    }
}

/// Writes a report in a format.
pub fn emit(format: Format, style: Style, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    emitter(format, style).emit(report, out)
}

/// Where a label is, for people and tools: its file as given, byte
/// offsets, and 1-based lines and columns (columns count characters; the
/// end is the position just after the span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Position {
    /// The position of a label.
    #[must_use]
    pub fn of(corpus: &Corpus, label: &Label) -> Self {
        let doc = &corpus.documents[label.doc];
        let (line, column) = doc.line_column(label.span.start);
        let (end_line, end_column) = doc.line_column(label.span.end);
        Self {
            // As `Path::display` writes it, without formatting valid UTF-8
            // a piece at a time.
            path: doc.path.to_string_lossy().into_owned(),
            start: label.span.start,
            end: label.span.end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// The first other place a finding points at, as `path:line:col`, and how
/// many more there are, for formats with room for one location only.
fn see_also(corpus: &Corpus, finding: &Finding) -> Option<String> {
    let first = Position::of(corpus, finding.labels.get(1)?);
    Some(match finding.labels.len() - 2 {
        0 => format!("(see {first})"),
        more => format!("(see {first} and {more} more)"),
    })
}

/// Text on one line: newlines and tabs become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::Style;

    #[test]
    fn the_width_is_columns_else_the_terminal_else_100() {
        assert_eq!(Style::width(Some("72"), Some(200)), 72);
        assert_eq!(Style::width(Some("wide"), Some(200)), 200);
        assert_eq!(Style::width(Some("0"), None), 100);
        assert_eq!(Style::width(None, None), 100);
    }
}
