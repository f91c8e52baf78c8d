//! Rendering findings: miette's graphical report for people, JSON for
//! machines. Every emitter reads the same `Finding`s; byte offsets become
//! lines and columns here, at the edge, and nowhere else.

mod diagnostic;
mod json;

use std::io::{self, Write};

pub use diagnostic::FindingDiagnostic;
pub use json::{JsonLocation, JsonReport};

use crate::claims::Corpus;
use crate::rules::Finding;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical report.
    Full,
    /// One JSON object with every finding.
    Json,
}

/// How the graphical report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// Writes findings in a format.
pub fn emit(
    format: Format,
    style: Style,
    corpus: &Corpus,
    findings: &[Finding],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Full => diagnostic::write_all(style, corpus, findings, out),
        Format::Json => json::write(corpus, findings, out),
    }
}
