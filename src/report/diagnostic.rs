//! Findings as miette diagnostics: the primary article is the diagnostic's
//! source; each other article is a related diagnostic with its own source,
//! which miette renders with that file's name and lines. They are shown
//! through [`Visible`], which escapes what the articles hold.

use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Emitter, Report, Style};
use crate::claims::Corpus;
use crate::rules::{Finding, Label, Severity};
use crate::visible::Visible;

/// One finding, ready for miette.
#[derive(Debug)]
pub struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    url: Option<String>,
    source: NamedSource<String>,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic>,
}

impl FindingDiagnostic {
    /// Builds the diagnostic for a finding.
    #[must_use]
    pub fn new(corpus: &Corpus, finding: &Finding) -> Self {
        let primary = finding.primary();
        let mut related: Vec<FindingDiagnostic> = Vec::new();
        for label in finding.labels.iter().filter(|l| l.doc != primary.doc) {
            match related.iter_mut().find(|r| r.source.name() == source_name(corpus, label)) {
                Some(existing) => existing.labels.push(labeled(label)),
                None => related.push(Self {
                    message: format!("the other side, in {}", corpus.documents[label.doc].outlet()),
                    code: String::new(),
                    severity: finding.severity,
                    help: None,
                    url: None,
                    source: source(corpus, label),
                    labels: vec![labeled(label)],
                    related: Vec::new(),
                }),
            }
        }
        Self {
            message: finding.message.clone(),
            code: format!("gainsay::{}", finding.rule),
            severity: finding.severity,
            help: finding.help.clone(),
            url: finding.url.clone(),
            source: source(corpus, primary),
            labels: finding.labels.iter().filter(|l| l.doc == primary.doc).map(labeled).collect(),
            related,
        }
    }
}

fn source_name(corpus: &Corpus, label: &Label) -> String {
    corpus.documents[label.doc].path.display().to_string()
}

fn source(corpus: &Corpus, label: &Label) -> NamedSource<String> {
    NamedSource::new(source_name(corpus, label), corpus.documents[label.doc].text.clone())
}

fn labeled(label: &Label) -> LabeledSpan {
    let span = (label.span.start, label.span.len());
    if label.primary {
        LabeledSpan::new_primary_with_span(Some(label.text.clone()), span)
    } else {
        LabeledSpan::new_with_span(Some(label.text.clone()), span)
    }
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url.as_ref().map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// The `full` format: every finding with miette's graphical handler.
pub struct Full {
    pub style: Style,
}

impl Emitter for Full {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let theme = if self.style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let handler = GraphicalReportHandler::new_themed(theme).with_width(self.style.width).with_links(false);
        for finding in report.findings {
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, &Visible::new(&FindingDiagnostic::new(report.corpus, finding)))
                .map_err(|e| io::Error::other(e.to_string()))?;
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }
}
