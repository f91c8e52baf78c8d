//! Excerpts that fit: the `full` format shows a window of the line each
//! label points into, cropped with an ellipsis to the width, rather than
//! the article. Articles keep a paragraph on one line of hundreds of
//! characters, and two labels of one finding can sit far apart or in two
//! articles; miette, handed whole articles, would print every paragraph
//! whole and every line between two labels.
//!
//! [`Excerpts`] is one small source holding, line by line, the windows of
//! one finding, each with the name, line and column it comes from: miette
//! reads each window as its own snippet, under its own file header, and the
//! header points at the real line and column (in characters) of the label.
//! Every piece of article text is escaped here, on its way in.

use std::ops::Range;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_width::UnicodeWidthChar;

use crate::visible::{Layout, escape};

/// Where a window was cut.
const ELLIPSIS: &str = "…";

/// One labelled span to show, in bytes of its article.
#[derive(Debug, Clone)]
pub struct Mark {
    pub span: Range<usize>,
    pub label: String,
    pub primary: bool,
}

/// One window: a piece of one line of one article.
#[derive(Debug)]
struct Window {
    /// The article's name, escaped.
    name: String,
    /// The 0-based line of the article the window shows.
    line: usize,
    /// Where the window's text is in [`Excerpts::text`].
    range: Range<usize>,
    /// Where each label starts in [`Excerpts::text`], with its 0-based
    /// column (in characters) in the article's line.
    starts: Vec<(usize, usize)>,
}

/// The windows of one finding, as one miette source.
#[derive(Debug, Default)]
pub struct Excerpts {
    /// The windows' text, one per line.
    text: String,
    windows: Vec<Window>,
}

impl Excerpts {
    /// Adds a window of the line of `article` where the first mark starts,
    /// at most `room` columns wide, around the marks (which must all start
    /// on that line); returns their labels, pointing into the window and
    /// wrapped so that no label line is wider than `width` once miette puts
    /// `gutter` columns before the window.
    pub fn add(
        &mut self,
        name: &str,
        article: &str,
        marks: &[Mark],
        room: usize,
        gutter: usize,
        width: usize,
    ) -> Vec<LabeledSpan> {
        let Some(first) = marks.first() else {
            return Vec::new();
        };
        let (line_start, line_end) = line_around(article, first.span.start);
        let line = &article[line_start..line_end];
        let shown = escape(line, Layout::Line);
        // An offset in the article, as an offset in the escaped line.
        let at = |offset: usize| escape(&line[..offset.clamp(line_start, line_end) - line_start], Layout::Line).len();
        let from = marks.iter().map(|m| at(m.span.start)).min().unwrap_or(0);
        let to = marks.iter().map(|m| at(m.span.end)).max().unwrap_or(from);
        // Leave the label room beside its corner, under the middle of the
        // underline: the span starts no further right than that allows.
        let wanted = marks.iter().map(|m| columns(&m.label).min(24)).max().unwrap_or(0);
        let under = columns(&shown[from..to]);
        let before = room.saturating_sub(4 + wanted + under / 2);
        let (a, b) = window(&shown, from..to, room, before);

        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let window_start = self.text.len();
        if a > 0 {
            self.text.push_str(ELLIPSIS);
        }
        let body_start = self.text.len();
        self.text.push_str(&shown[a..b]);
        let body_end = self.text.len();
        if b < shown.len() {
            self.text.push_str(ELLIPSIS);
        }
        let window_end = self.text.len();

        let mut starts = Vec::new();
        let labels = marks
            .iter()
            .map(|mark| {
                let (s, e) = (at(mark.span.start), at(mark.span.end));
                let start = body_start + s.clamp(a, b) - a;
                // A span cut at the right runs on into the ellipsis.
                let end = if e > b { window_end } else { body_start + e.clamp(a, b) - a }.max(start);
                let column = article[line_start..mark.span.start.clamp(line_start, line_end)].chars().count();
                starts.push((start, column));
                let before = columns(&self.text[window_start..start]);
                let under = columns(&self.text[start..end]);
                // miette puts the label's corner under the middle of its
                // underline and four columns of `╰── ` before the text.
                let middle = before + under.max(1) / 2;
                let room = width.saturating_sub(gutter + middle + 4).max(12);
                let text = wrap(&escape(&mark.label, Layout::Line), room);
                if mark.primary {
                    LabeledSpan::new_primary_with_span(Some(text), (start, end - start))
                } else {
                    LabeledSpan::new_with_span(Some(text), (start, end - start))
                }
            })
            .collect();
        debug_assert!(body_end <= window_end);
        let line = article[..line_start].matches('\n').count();
        // The header, `╭─[name:line:column]`, fits too: a long name loses
        // its start.
        let place = starts.iter().map(|&(_, column)| format!(":{}:{}]", line + 1, column + 1).len()).max().unwrap_or(0);
        let name = crop_start(&escape(name, Layout::Line), width.saturating_sub(gutter - 2 + 3 + place));
        self.windows.push(Window { name, line, range: window_start..window_end, starts });
        labels
    }
}

/// The bytes of the line holding `offset`, without its line end.
fn line_around(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    if text[..end].ends_with('\r') {
        end -= 1;
    }
    (start, end.max(start))
}

/// `text` cut to its last `room` columns, an ellipsis in front if cut.
fn crop_start(text: &str, room: usize) -> String {
    if columns(text) <= room {
        return text.to_owned();
    }
    let mut kept = 1;
    let mut start = text.len();
    for (at, c) in text.char_indices().rev() {
        kept += c.width().unwrap_or(0);
        if kept > room {
            break;
        }
        start = at;
    }
    format!("{ELLIPSIS}{}", &text[start..])
}

/// Terminal columns of a piece of text.
fn columns(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The window `a..b` of `line` to show around `span`, at most `room`
/// columns with the ellipses: the span's start always, at most `before`
/// columns in, then as much of the span and the text around it as fits,
/// cut at spaces where possible.
fn window(line: &str, span: Range<usize>, room: usize, before: usize) -> (usize, usize) {
    if columns(line) <= room && columns(&line[..span.start]) <= before {
        return (0, line.len());
    }
    let cost = |a: usize, b: usize| columns(&line[a..b]) + usize::from(a > 0) + usize::from(b < line.len());
    let (mut a, mut b) = (span.start, span.start);
    // The span, as far as it fits.
    for (i, c) in line[span.start..span.end].char_indices() {
        let next = span.start + i + c.len_utf8();
        if cost(a, next) > room {
            break;
        }
        b = next;
    }
    // Then the text around it, a character each side in turn.
    loop {
        let mut grew = false;
        if let Some(c) = line[..a].chars().next_back()
            && cost(a - c.len_utf8(), b) <= room
            && columns(&line[a - c.len_utf8()..span.start]) < before
        {
            a -= c.len_utf8();
            grew = true;
        }
        if b >= span.end
            && let Some(c) = line[b..].chars().next()
            && cost(a, b + c.len_utf8()) <= room
        {
            b += c.len_utf8();
            grew = true;
        }
        if !grew {
            break;
        }
    }
    // Cut at a space rather than inside a word; what the left loses, the
    // right may take.
    if a > 0
        && let Some(space) = line[a..span.start].find(' ')
    {
        a += space + 1;
        while b >= span.end
            && let Some(c) = line[b..].chars().next()
            && cost(a, b + c.len_utf8()) <= room
        {
            b += c.len_utf8();
        }
    }
    if b < line.len()
        && b > span.end
        && let Some(space) = line[span.end..b].rfind(' ')
    {
        b = span.end + space;
    } else if b < line.len()
        && b < span.end
        && let Some(space) = line[span.start..b].rfind(' ')
        && columns(&line[span.start + space..b]) < 16
    {
        // Inside the span, only when that loses a word or two.
        b = span.start + space;
    }
    (a, b)
}

/// `text` broken into lines of at most `room` columns, at spaces where
/// possible.
fn wrap(text: &str, room: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = columns(&current) + usize::from(!current.is_empty()) + columns(word);
        if !current.is_empty() && needed > room {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        for c in word.chars() {
            if columns(&current) + c.width().unwrap_or(0) > room && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    lines.push(current);
    lines.join("\n")
}

impl SourceCode for Excerpts {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        // A span across two windows is refused, so miette never joins two
        // windows into one snippet.
        let window = self
            .windows
            .iter()
            .find(|w| w.range.start <= start && end <= w.range.end)
            .ok_or(MietteError::OutOfBounds)?;
        let column = window.starts.iter().find(|(at, _)| *at == start).map_or(0, |&(_, column)| column);
        Ok(Box::new(MietteSpanContents::new_named(
            window.name.clone(),
            self.text[window.range.clone()].as_bytes(),
            SourceSpan::from(window.range.clone()),
            window.line,
            column,
            0,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "Intro line.\nThe Harbour Gazette on May 2 quoted unnamed sources as saying that the survey boat which sank off Tessa in April had sailed from a port in the north. Officials in Varn said nothing of the kind, and a spokesperson denied it the next day.\n";

    fn mark(article: &str, sentence: &str) -> Mark {
        let start = article.find(sentence).unwrap();
        Mark { span: start..start + sentence.len(), label: "says origin".into(), primary: true }
    }

    #[test]
    fn a_long_sentence_is_cut_to_the_room_with_an_ellipsis() {
        let mut excerpts = Excerpts::default();
        let m = mark(PARAGRAPH, "Officials in Varn said nothing of the kind");
        let labels = excerpts.add("a.txt", PARAGRAPH, &[m], 40, 6, 80);
        assert!(excerpts.text.starts_with('…'), "{}", excerpts.text);
        assert!(columns(&excerpts.text) <= 40, "{}", excerpts.text);
        let label = &labels[0];
        assert!(excerpts.text[label.offset()..].starts_with("Officials"));
        assert_eq!(excerpts.windows[0].line, 1);
        assert_eq!(excerpts.windows[0].starts[0].1, PARAGRAPH.lines().nth(1).unwrap().find("Officials").unwrap());
    }

    #[test]
    fn the_header_column_counts_characters_not_bytes() {
        let article = "«Déjà vu», écrit-il. Varn denied it.";
        let mut excerpts = Excerpts::default();
        excerpts.add("a.txt", article, &[mark(article, "Varn denied it.")], 80, 6, 80);
        let span = SourceSpan::from(excerpts.windows[0].starts[0].0..excerpts.windows[0].starts[0].0 + 4);
        let contents = excerpts.read_span(&span, 0, 0).unwrap();
        assert_eq!(contents.column(), "«Déjà vu», écrit-il. ".chars().count());
    }

    #[test]
    fn control_characters_in_the_article_are_escaped_and_labels_follow() {
        let article = "a\u{1b}[2K b\u{202e} Varn denied it.";
        let mut excerpts = Excerpts::default();
        let labels = excerpts.add("a\nb.txt", article, &[mark(article, "Varn denied it.")], 80, 6, 80);
        assert!(!excerpts.text.contains('\u{1b}') && !excerpts.text.contains('\u{202e}'));
        assert!(excerpts.text[labels[0].offset()..].starts_with("Varn"));
        assert_eq!(excerpts.windows[0].name, r"a\nb.txt");
    }

    #[test]
    fn a_span_across_two_windows_is_refused() {
        let mut excerpts = Excerpts::default();
        excerpts.add("a.txt", PARAGRAPH, &[mark(PARAGRAPH, "Intro line.")], 80, 6, 80);
        excerpts.add("b.txt", PARAGRAPH, &[mark(PARAGRAPH, "Officials")], 80, 6, 80);
        assert!(excerpts.read_span(&SourceSpan::from(0..excerpts.text.len()), 0, 0).is_err());
    }

    #[test]
    fn a_sentence_across_a_line_break_is_underlined_to_the_end_of_its_first_line() {
        let article = "Varn denied that its soil\nwas used.\n";
        let mut excerpts = Excerpts::default();
        let labels =
            excerpts.add("a.txt", article, &[mark(article, "Varn denied that its soil\nwas used.")], 80, 6, 80);
        assert_eq!(excerpts.text, "Varn denied that its soil");
        assert_eq!((labels[0].offset(), labels[0].len()), (0, excerpts.text.len()));
        assert_eq!(excerpts.windows[0].line, 0);
    }

    #[test]
    fn a_name_at_the_end_of_a_long_line_leaves_its_label_room() {
        let mut excerpts = Excerpts::default();
        let m = Mark { label: "spelled `Hrytsenko` here, as the envoy".into(), ..mark(PARAGRAPH, "next day") };
        let labels = excerpts.add("a.txt", PARAGRAPH, &[m], 60, 6, 66);
        let before = columns(&excerpts.text[..labels[0].offset()]);
        let middle = before + columns(&excerpts.text[labels[0].offset()..labels[0].offset() + labels[0].len()]) / 2;
        for line in labels[0].label().unwrap().lines() {
            assert!(6 + middle + 4 + columns(line) <= 66, "{line:?} at column {middle}");
        }
        assert!(excerpts.text.starts_with('…') && excerpts.text.ends_with("next day."), "{}", excerpts.text);
    }

    #[test]
    fn a_long_name_loses_its_start_to_fit_the_header() {
        assert_eq!(crop_start("corpus/000_3bbdc760ebf49d91.txt", 12), "…bf49d91.txt");
        assert_eq!(crop_start("a.txt", 12), "a.txt");
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(wrap("denies that its territory was used", 12), "denies that\nits\nterritory\nwas used");
        assert_eq!(wrap("abcdefghij", 4), "abcd\nefgh\nij");
    }
}
