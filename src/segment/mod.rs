//! Sentence segmentation with exact byte spans.
//!
//! UAX #29 sentence boundaries (from `unicode-segmentation`) are the base;
//! this module corrects them for news English. Abbreviations are data, read
//! from `rules/lexicon/abbreviations.toml`.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

/// Splits text into sentences; cheap to share across threads.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Lowercased abbreviations without their final period ("mr", "u.s").
    abbreviations: HashSet<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationFile {
    abbreviations: Vec<String>,
}

impl Segmenter {
    /// Builds a segmenter from the contents of an abbreviations file.
    pub fn from_toml(source: &str) -> Result<Self, toml::de::Error> {
        let file: AbbreviationFile = toml::from_str(source)?;
        let abbreviations = file
            .abbreviations
            .iter()
            .map(|a| a.trim_end_matches('.').to_lowercase())
            .collect();
        Ok(Self { abbreviations })
    }

    /// Sentence spans of `text`, in order, trimmed of surrounding whitespace.
    #[must_use]
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> = Vec::new();
        for (line_start, line) in lines_with_offsets(text) {
            let mut pending: Option<usize> = None;
            for (offset, piece) in line.split_sentence_bound_indices() {
                let start = line_start + offset;
                let end = start + piece.len();
                let begin = pending.unwrap_or(start);
                if self.ends_with_abbreviation(piece) {
                    pending = Some(begin);
                    continue;
                }
                pending = None;
                push_trimmed(text, begin..end, &mut spans);
            }
            if let Some(begin) = pending {
                push_trimmed(text, begin..line_start + line.len(), &mut spans);
            }
        }
        spans
    }

    fn ends_with_abbreviation(&self, piece: &str) -> bool {
        let trimmed = piece.trim_end();
        let Some(stem) = trimmed.strip_suffix('.') else { return false };
        let last_word = stem.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        !last_word.is_empty() && self.abbreviations.contains(&last_word.to_lowercase())
    }
}

fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

fn push_trimmed(text: &str, span: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let slice = &text[span.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = span.start + leading;
        spans.push(start..start + trimmed.len());
    }
}
