//! Findings as miette diagnostics. A finding's labels can lie in several
//! articles; miette shows one source per diagnostic, so the diagnostic's
//! source is an [`Excerpts`]: a window of each labelled line, cropped to
//! the width, each shown under its own file header, the flagged sentence
//! first and the other article's after it, inside the same diagnostic.
//! Every string from an article or a rule goes through
//! [`escape`](crate::visible::escape) on its way in.

use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::excerpt::{Excerpts, Mark};
use super::{Emitter, Report, Style};
use crate::claims::Corpus;
use crate::rules::{Finding, Label, Severity};
use crate::visible::{Layout, escape};

/// The narrowest width the `full` format lays itself out for.
pub const MIN_WIDTH: usize = 40;

/// One finding, ready for miette, its strings escaped.
#[derive(Debug)]
pub struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    url: Option<String>,
    /// The windows of every labelled line, in the order they are shown.
    source: Excerpts,
    labels: Vec<LabeledSpan>,
}

impl FindingDiagnostic {
    /// Builds the diagnostic for a finding, laid out for `width` columns.
    #[must_use]
    pub fn new(corpus: &Corpus, finding: &Finding, width: usize) -> Self {
        let width = width.max(MIN_WIDTH);
        let primary = finding.primary();
        // miette writes ` 123 │ ` before each line: the widest line number
        // decides how much room the windows have.
        let digits = finding
            .labels
            .iter()
            .map(|l| corpus.documents[l.doc].line_column(l.span.start).0)
            .max()
            .unwrap_or(1)
            .to_string()
            .len();
        let gutter = digits + 4;
        let room = width.saturating_sub(gutter);
        let mut source = Excerpts::default();
        let mut labels = Vec::new();
        for group in groups(finding) {
            let doc = &corpus.documents[group[0].doc];
            let marks: Vec<Mark> = group
                .iter()
                .map(|l| Mark { span: l.span.clone(), label: l.text.clone(), primary: l.primary })
                .collect();
            labels.extend(source.add(&doc.path.display().to_string(), &doc.text, &marks, room, gutter, width));
        }
        debug_assert!(labels.iter().any(LabeledSpan::primary) || !primary.primary);
        Self {
            message: escape(&finding.message, Layout::Lines).into_owned(),
            code: escape(&format!("gainsay::{}", finding.rule), Layout::Line).into_owned(),
            severity: finding.severity,
            help: finding.help.as_deref().map(|h| escape(h, Layout::Lines).into_owned()),
            url: finding.url.as_deref().map(|u| escape(u, Layout::Line).into_owned()),
            source,
            labels,
        }
    }
}

/// The finding's labels in the order they are shown, each in a window of
/// its own (two labels on one line would put the second's text against the
/// right edge): the flagged sentence, then the rest of its article in
/// reading order, then each other article's.
fn groups(finding: &Finding) -> Vec<Vec<&Label>> {
    let primary = finding.primary();
    let mut docs = vec![primary.doc];
    for label in &finding.labels {
        if !docs.contains(&label.doc) {
            docs.push(label.doc);
        }
    }
    let mut groups: Vec<Vec<&Label>> = Vec::new();
    for doc in docs {
        let mut labels: Vec<&Label> = finding.labels.iter().filter(|l| l.doc == doc).collect();
        labels.sort_by_key(|l| (!std::ptr::eq(*l, primary), l.span.start, l.span.end));
        groups.extend(labels.into_iter().map(|l| vec![l]));
    }
    groups
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
}

/// The `full` format: every finding with miette's graphical handler, at
/// the style's width (no narrower than [`MIN_WIDTH`]), no context lines.
pub struct Full {
    pub style: Style,
}

impl Emitter for Full {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        let theme = if self.style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let width = self.style.width.max(MIN_WIDTH);
        let handler =
            GraphicalReportHandler::new_themed(theme).with_width(width).with_links(false).with_context_lines(0);
        for finding in report.findings {
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, &FindingDiagnostic::new(report.corpus, finding, width))
                .map_err(|e| io::Error::other(e.to_string()))?;
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }
}
