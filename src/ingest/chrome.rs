//! Web chrome: the menus, share links, tickers and lists of other stories
//! that scraped pages carry around an article. Chrome lines are recorded as
//! byte ranges so they yield no claims while the text stays untouched.

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::ChromeCues;
use crate::text::{lines_with_ends, normalise_compact};

const BULLETS: &[char] = &['•', '·', '*', '-', '–', '—', '▪', '►', '■', '◦', '>'];
/// Lines up to this many words, without final punctuation, read as headlines.
const HEADLINE_WORDS: usize = 20;
/// A line this long ending in sentence punctuation is article text.
const ARTICLE_WORDS: usize = 15;
/// Lines up to this many words can be menu items or widgets.
const SHORT_WORDS: usize = 4;

struct Line {
    range: Range<usize>,
    /// Folded text without list bullets; inline when short, as menu items
    /// and the other lines chrome is made of mostly are.
    folded: CompactString,
    words: usize,
    bulleted: bool,
    blank: bool,
    /// Starts with whitespace.
    indented: bool,
    ends_sentence: bool,
}

/// The chrome lines of `text[body]`, as byte ranges in `text`.
#[must_use]
pub fn find(text: &str, body: Range<usize>, cues: &ChromeCues) -> Vec<Range<usize>> {
    let lines = split_lines(text, body);
    let mut chrome = vec![false; lines.len()];
    mark_single_lines(&lines, cues, &mut chrome);
    mark_repeats(&lines, &mut chrome);
    mark_blocks(&lines, cues, &mut chrome);
    spread_to_short_neighbours(&lines, &mut chrome);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (line, is_chrome) in lines.iter().zip(chrome) {
        if !is_chrome || line.blank {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if last.end == line.range.start => last.end = line.range.end,
            _ => ranges.push(line.range.clone()),
        }
    }
    ranges
}

fn split_lines(text: &str, body: Range<usize>) -> Vec<Line> {
    let mut offset = body.start;
    lines_with_ends(&text[body])
        .map(|raw| {
            let range = offset..offset + raw.len();
            offset += raw.len();
            let trimmed = raw.trim();
            let unbulleted = trimmed.trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace());
            let folded = normalise_compact(unbulleted);
            Line {
                range,
                // Folded text has single spaces between words and none
                // around them.
                words: if folded.is_empty() { 0 } else { folded.bytes().filter(|&b| b == b' ').count() + 1 },
                bulleted: unbulleted.len() < trimmed.len(),
                blank: trimmed.is_empty(),
                indented: raw.starts_with([' ', '\t']),
                ends_sentence: trimmed.ends_with(['.', '!', '?', '"', '\u{201D}', ':']),
                folded,
            }
        })
        .collect()
}

fn starts_with_cue(folded: &str, cue: &str) -> bool {
    folded.strip_prefix(cue).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
}

fn mark_single_lines(lines: &[Line], cues: &ChromeCues, chrome: &mut [bool]) {
    for (line, mark) in lines.iter().zip(chrome.iter_mut()) {
        let short = line.words <= SHORT_WORDS;
        let parenthetical = line.folded.starts_with('(') && line.folded.ends_with(')') && line.words <= 8;
        let prefixed = || line.words <= 8 && cues.prefixes.iter().any(|p| line.folded.starts_with(p.as_str()));
        // Searched last, and only when nothing cheaper has told.
        let widget = || line.words <= 10 && cues.widget_words.is_match(&line.folded);
        *mark |= cues.lines.contains(line.folded.as_str())
            || (line.bulleted && line.words <= 8)
            || (short && line.folded.chars().all(|c| !c.is_alphabetic()))
            || parenthetical
            || prefixed()
            || widget();
    }
}

/// A short line seen twice is a site name or menu; a longer line seen again
/// (or glued to itself by scraping) is a repeated headline.
fn mark_repeats(lines: &[Line], chrome: &mut [bool]) {
    // The non-blank lines in order of their text, then of place: lines of
    // one text sit together, the first of them first. One sort of a few
    // lines costs less than two hash tables per article.
    let mut by_text: Vec<usize> = (0..lines.len()).filter(|&index| !lines[index].blank).collect();
    by_text.sort_unstable_by(|&a, &b| lines[a].folded.cmp(&lines[b].folded).then(a.cmp(&b)));
    for same_text in by_text.chunk_by(|&a, &b| lines[a].folded == lines[b].folded) {
        for (nth, &index) in same_text.iter().enumerate() {
            let short_and_repeated = lines[index].words <= 6 && same_text.len() > 1;
            if short_and_repeated || nth > 0 {
                chrome[index] = true;
            }
        }
    }
    for (line, mark) in lines.iter().zip(chrome.iter_mut()) {
        let text = line.folded.as_str();
        let half = text.len() / 2;
        if !line.blank && text.len() % 2 == 0 && text.is_char_boundary(half) && text[..half] == text[half..] {
            *mark = true;
        }
    }
}

fn mark_blocks(lines: &[Line], cues: &ChromeCues, chrome: &mut [bool]) {
    let last_article = lines.iter().rposition(|l| l.words >= ARTICLE_WORDS && l.ends_sentence);
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        if line.blank || line.words > 6 {
            index += 1;
            continue;
        }
        if cues.tail.iter().any(|cue| starts_with_cue(&line.folded, cue)) {
            // Some sites put "Share this page" above the story: a marker
            // followed by article paragraphs ends nothing.
            let article_follows = last_article.is_some_and(|last| last > index);
            if !article_follows {
                chrome[index..].iter_mut().for_each(|m| *m = true);
                return;
            }
            chrome[index] = true;
        }
        if cues.sections.iter().any(|cue| starts_with_cue(&line.folded, cue)) {
            chrome[index] = true;
            index = mark_section(lines, index + 1, chrome);
            continue;
        }
        index += 1;
    }
}

/// Marks the stories listed after a section heading. A heading followed
/// straight away by lines (a ticker) covers that run; one followed by a
/// blank line covers the headline-like paragraphs after it.
fn mark_section(lines: &[Line], start: usize, chrome: &mut [bool]) -> usize {
    let mut index = start;
    if lines.get(start).is_some_and(|l| !l.blank) {
        while index < lines.len() && !lines[index].blank {
            chrome[index] = true;
            index += 1;
        }
        return index;
    }
    while index < lines.len() {
        let line = &lines[index];
        if !line.blank {
            let headline = line.words <= HEADLINE_WORDS && !line.ends_sentence;
            if !headline && !chrome[index] {
                break;
            }
            chrome[index] = true;
        }
        index += 1;
    }
    index
}

/// Menu items without bullets sit in runs with bulleted ones: a short line
/// with no final punctuation touching a chrome line is chrome too, and so
/// is the indented second line of a bulleted chrome item. Marking spreads
/// through a worklist, so a run of a million menu lines is read once per
/// line, not once per line per step of the spread.
fn spread_to_short_neighbours(lines: &[Line], chrome: &mut [bool]) {
    let menu_like = |l: &Line| !l.blank && l.words <= SHORT_WORDS && !l.ends_sentence;
    let spreads_to = |index: usize, chrome: &[bool]| {
        if chrome[index] || lines[index].blank {
            return false;
        }
        // The indented second line of a bulleted item belongs to it.
        let continues_item =
            index.checked_sub(1).is_some_and(|i| chrome[i] && lines[i].bulleted) && lines[index].indented;
        if continues_item {
            return true;
        }
        let before = index.checked_sub(1).is_some_and(|i| chrome[i] && !lines[i].blank);
        let after = lines.get(index + 1).is_some_and(|l| !l.blank) && chrome.get(index + 1) == Some(&true);
        menu_like(&lines[index]) && (before || after)
    };
    let mut pending: Vec<usize> = (0..lines.len()).rev().collect();
    while let Some(index) = pending.pop() {
        if spreads_to(index, chrome) {
            chrome[index] = true;
            if index + 1 < lines.len() {
                pending.push(index + 1);
            }
            if let Some(previous) = index.checked_sub(1) {
                pending.push(previous);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Pack;

    fn chrome_ranges(text: &str) -> Vec<Range<usize>> {
        let pack = Pack::embedded().expect("the default rule pack loads");
        find(text, 0..text.len(), &pack.lexicon.chrome)
    }

    /// The chrome lines of `text`, as text.
    fn chrome_of(text: &str) -> Vec<&str> {
        chrome_ranges(text).into_iter().map(|r| text[r].trim_end()).collect()
    }

    #[test]
    fn a_repeated_headline_is_chrome_where_it_comes_again() {
        let headline = "Floods close the northern border crossing for a second week running";
        let text = format!(
            "{headline}\n\nThe crossing at Vardo has been shut since Monday, the interior ministry said on Friday.\n\n{headline}\n"
        );
        let chrome = chrome_ranges(&text);
        assert_eq!(chrome.len(), 1, "{chrome:?}");
        assert_eq!(text[chrome[0].clone()].trim_end(), headline);
        assert!(chrome[0].start > headline.len(), "the first telling is the article's own: {chrome:?}");
    }

    #[test]
    fn a_short_line_seen_twice_is_chrome_both_times() {
        let text = "Northern Ledger\n\nThe crossing at Vardo has been shut since Monday, the interior ministry said on Friday.\n\nNorthern Ledger\n";
        assert_eq!(chrome_of(text), ["Northern Ledger", "Northern Ledger"]);
    }

    #[test]
    fn a_line_glued_to_itself_is_chrome() {
        let text =
            "The crossing at Vardo has been shut since Monday, the ministry said.\n\nBorder reopensBorder reopens\n";
        assert_eq!(chrome_of(text), ["Border reopensBorder reopens"]);
    }
}
