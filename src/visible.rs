//! Untrusted text made safe to show on a terminal or in a CI log.
//!
//! Articles, their front matter and their file names come from the open
//! web and from many hands. Written raw, an escape sequence in an article
//! could erase a finding's line and print "No findings." in its place, a
//! bidi override could make a quotation read backwards, and a newline in a
//! file name could print a forged `path:line:col: error` line that an
//! editor's problem matcher believes. Every human-facing format and every
//! diagnostic on stderr shows such text through [`escape`] (diagnostics
//! on stderr whole, through [`Visible`]; findings in the `full` format
//! piece by piece, as their excerpts are cut), the way ripgrep and git show
//! odd file names. JSON and SARIF stay faithful: their encoders escape what
//! their readers need.

use std::borrow::Cow;
use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};
use unicode_general_category::{GeneralCategory, get_general_category};

/// Which layout characters a place in the output shows as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One line (a file name, a line of the concise format): newlines,
    /// carriage returns and tabs are escaped too.
    Line,
    /// Text laid out in lines (an article shown under a finding, a message
    /// or help): newlines, tabs and CRLF line ends pass through.
    Lines,
}

/// `text` with every control character and every invisible formatting
/// character (Unicode's `Cf`, such as bidi overrides and zero-width
/// spaces, and the line and paragraph separators) written as a visible
/// escape, `\u{1b}` or `\u{202e}`; `\n`, `\r` and `\t` as in Rust when
/// `layout` does not let them through. Borrowed when nothing needs it.
#[must_use]
pub fn escape(text: &str, layout: Layout) -> Cow<'_, str> {
    let hidden = |&(at, c): &(usize, char)| is_hidden(c, &text[at + c.len_utf8()..], layout);
    let Some((first, _)) = text.char_indices().find(hidden) else {
        return Cow::Borrowed(text);
    };
    let mut shown = String::with_capacity(text.len() + 16);
    shown.push_str(&text[..first]);
    for (at, c) in text[first..].char_indices().map(|(at, c)| (first + at, c)) {
        if hidden(&(at, c)) {
            match c {
                '\n' | '\r' | '\t' => shown.extend(c.escape_default()),
                _ => shown.extend(c.escape_unicode()),
            }
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Whether `c`, followed by `rest`, must not reach the output raw.
fn is_hidden(c: char, rest: &str, layout: Layout) -> bool {
    match c {
        '\n' | '\t' => layout == Layout::Line,
        // A lone carriage return moves the cursor back over the line.
        '\r' => layout == Layout::Line || !rest.starts_with('\n'),
        _ => {
            c.is_control()
                || matches!(
                    get_general_category(c),
                    GeneralCategory::Format | GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
                )
        }
    }
}

/// A diagnostic with every string escaped: message, code, help, URL,
/// labels, the source's name and text (labels moved to match), related
/// diagnostics and causes. Owned, so miette's hook can render it as a
/// report, and built once, just before it is shown.
#[derive(Debug)]
pub struct Visible {
    message: String,
    code: Option<String>,
    severity: Option<miette::Severity>,
    help: Option<String>,
    url: Option<String>,
    source: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Visible>,
    cause: Option<Box<Visible>>,
    /// Whether the cause was a diagnostic, which miette renders in full,
    /// rather than an error, which it renders as a line of text.
    cause_is_diagnostic: bool,
}

/// A diagnostic's source as stored: its name and whole text.
struct Original {
    name: String,
    text: String,
}

impl Visible {
    /// The escaped copy of a diagnostic.
    #[must_use]
    pub fn new(diagnostic: &dyn Diagnostic) -> Self {
        Self::within(diagnostic, None)
    }

    /// The escaped copy of `diagnostic`, whose labels point into
    /// `inherited` when it has no source of its own (as miette reads a
    /// related diagnostic).
    fn within(diagnostic: &dyn Diagnostic, inherited: Option<&Original>) -> Self {
        let own = diagnostic.source_code().and_then(read_whole);
        let original = own.as_ref().or(inherited);
        let labels = diagnostic.labels().map_or_else(Vec::new, |labels| {
            labels.map(|label| moved(&label, original.map(|o| o.text.as_str()))).collect()
        });
        let diagnostic_cause = diagnostic.diagnostic_source().map(|cause| Self::within(cause, original));
        let cause_is_diagnostic = diagnostic_cause.is_some();
        let cause = diagnostic_cause.or_else(|| {
            let error: &dyn std::error::Error = diagnostic;
            error.source().map(Self::from_error)
        });
        Self {
            message: escape(&diagnostic.to_string(), Layout::Lines).into_owned(),
            code: diagnostic.code().map(|code| escape(&code.to_string(), Layout::Line).into_owned()),
            severity: diagnostic.severity(),
            help: diagnostic.help().map(|help| escape(&help.to_string(), Layout::Lines).into_owned()),
            url: diagnostic.url().map(|url| escape(&url.to_string(), Layout::Line).into_owned()),
            source: own
                .as_ref()
                .map(|o| NamedSource::new(escape(&o.name, Layout::Line), escape(&o.text, Layout::Lines).into_owned())),
            labels,
            related: diagnostic
                .related()
                .map_or_else(Vec::new, |related| related.map(|r| Self::within(r, original)).collect()),
            cause: cause.map(Box::new),
            cause_is_diagnostic,
        }
    }

    /// The escaped copy of a plain error and its causes.
    fn from_error(error: &(dyn std::error::Error + 'static)) -> Self {
        Self {
            message: escape(&error.to_string(), Layout::Lines).into_owned(),
            code: None,
            severity: None,
            help: None,
            url: None,
            source: None,
            labels: Vec::new(),
            related: Vec::new(),
            cause: error.source().map(|cause| Box::new(Self::from_error(cause))),
            cause_is_diagnostic: false,
        }
    }
}

/// The whole of a source, read as miette reads a span with unlimited lines
/// after it.
fn read_whole(source: &dyn SourceCode) -> Option<Original> {
    let contents = source.read_span(&SourceSpan::from(0..0), 0, usize::MAX).ok()?;
    Some(Original {
        name: contents.name().unwrap_or_default().to_string(),
        text: String::from_utf8_lossy(contents.data()).into_owned(),
    })
}

/// A label with its text escaped and its span moved to where the escaped
/// source has the same characters.
fn moved(label: &LabeledSpan, original: Option<&str>) -> LabeledSpan {
    let text = label.label().map(|t| escape(t, Layout::Line).into_owned());
    let (start, end) = (label.offset(), label.offset() + label.len());
    let span = match original {
        Some(original) => {
            let shown_start = escaped_len(original, start);
            (shown_start, escaped_len(original, end) - shown_start)
        }
        None => (start, label.len()),
    };
    if label.primary() {
        LabeledSpan::new_primary_with_span(text, span)
    } else {
        LabeledSpan::new_with_span(text, span)
    }
}

/// The length of `text[..offset]` once escaped for [`Layout::Lines`];
/// offsets past the end or inside a character stay as they are.
fn escaped_len(text: &str, offset: usize) -> usize {
    match (text.get(..offset), text.get(offset..)) {
        // The character after the prefix decides whether a final `\r` ends a line.
        (Some(before), Some(after)) if before.ends_with('\r') && after.starts_with('\n') => {
            escape(&before[..before.len() - 1], Layout::Lines).len() + 1
        }
        (Some(before), _) => escape(before, Layout::Lines).len(),
        (None, _) => offset,
    }
}

impl fmt::Display for Visible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Visible {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Diagnostic for Visible {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.as_ref().map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.severity
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url.as_ref().map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty()).then(|| Box::new(self.labels.iter().cloned()) as Box<dyn Iterator<Item = _>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        (!self.related.is_empty())
            .then(|| Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)) as Box<dyn Iterator<Item = _>>)
    }

    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.cause.as_deref().filter(|_| self.cause_is_diagnostic).map(|c| c as &dyn Diagnostic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(escape("The ministry said «no».", Layout::Line), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_and_bidi_overrides_become_visible() {
        assert_eq!(escape("a\x1b[2Kb\u{202e}c\u{200b}\u{9b}", Layout::Lines), r"a\u{1b}[2Kb\u{202e}c\u{200b}\u{9b}");
    }

    #[test]
    fn one_line_escapes_newlines_and_tabs_and_lines_keep_them() {
        assert_eq!(escape("a\nb.md:1:1: error\t\r\n", Layout::Line), r"a\nb.md:1:1: error\t\r\n");
        assert_eq!(escape("a\nb\tc\r\nd\re", Layout::Lines), "a\nb\tc\r\nd\\re");
    }

    #[test]
    fn causes_keep_their_kind_and_are_escaped() {
        let report = miette::miette!("inner \u{1b}[2K").wrap_err("outer");
        let shown = Visible::new(report.as_ref());
        assert_eq!(shown.diagnostic_source().is_some(), report.diagnostic_source().is_some());
        let cause = std::error::Error::source(&shown).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some(r"inner \u{1b}[2K"));
    }

    #[test]
    fn labels_move_with_the_escapes_before_them() {
        let text = "\u{202e}one\r\ntwo";
        let label = LabeledSpan::new_primary_with_span(Some("\x1bhere".into()), (text.find("two").unwrap(), 3));
        let shown = escape(text, Layout::Lines);
        let label = moved(&label, Some(text));
        assert_eq!(&shown[label.offset()..label.offset() + label.len()], "two");
        assert_eq!(label.label(), Some(r"\u{1b}here"));
    }
}
