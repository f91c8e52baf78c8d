//! Reading treebanks in the CoNLL-U format of Universal Dependencies: the
//! training and evaluation data of the tagger and the parser.

use super::labels::{Dep, Tag};
use super::words::Word;

/// One word of a treebank sentence, with its gold analysis.
#[derive(Debug, Clone)]
pub struct GoldWord {
    pub form: String,
    pub tag: Tag,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    pub dep: Dep,
}

/// A treebank sentence.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    pub words: Vec<GoldWord>,
}

impl GoldSentence {
    /// The words as the tagger sees them.
    #[must_use]
    pub fn words(&self) -> Vec<Word> {
        self.words.iter().map(|w| Word::new(&crate::text::normalise(&w.form), &w.form)).collect()
    }

    /// Gold heads, with the root as the index one past the last word.
    #[must_use]
    pub fn heads(&self) -> Vec<usize> {
        self.words.iter().map(|w| w.head.unwrap_or(self.words.len())).collect()
    }
}

/// A line that is not CoNLL-U, and where.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Reads a CoNLL-U text. Multiword-token lines ("3-4 don't") and empty
/// nodes ("5.1") are skipped: the analysis is over syntactic words.
pub fn read(text: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    for (number, line) in text.lines().enumerate() {
        let error = |message: &str| ConlluError { line: number + 1, message: message.to_string() };
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(error("expected 10 tab-separated fields"));
        }
        if fields[0].contains(['-', '.']) {
            continue;
        }
        let tag = Tag::from_name(fields[3]).ok_or_else(|| error("unknown UPOS tag"))?;
        let head: usize = fields[6].parse().map_err(|_| error("HEAD is not a number"))?;
        current.words.push(GoldWord {
            form: fields[1].to_string(),
            tag,
            head: head.checked_sub(1),
            dep: Dep::from_name(fields[7]),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_heads_and_labels_and_skips_multiword_lines() {
        let text = "# text = I don't.\n1\tI\tI\tPRON\t_\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    2\tdo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\t_\t_\t0\troot\t_\t_\n\n";
        let sentences = read(text).unwrap();
        assert_eq!(sentences.len(), 1);
        let words = &sentences[0].words;
        assert_eq!(words.len(), 3);
        assert_eq!(words[1].form, "do");
        assert_eq!(words[0].head, Some(2));
        assert_eq!(words[2].head, None);
        assert_eq!(words[0].dep, Dep::Nsubj);
        assert_eq!(sentences[0].heads(), [2, 2, 3]);
    }

    #[test]
    fn a_malformed_line_names_itself() {
        let error = read("1\tI\tI\n").unwrap_err();
        assert_eq!(error.line, 1);
    }
}
