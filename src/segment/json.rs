//! Sentences as JSON lines, for `gainsay segment` and for anyone checking
//! boundaries with other tools: one object per sentence, with byte offsets
//! into the file's text and the sentence itself.

use serde::Serialize;

use super::Segmenter;

/// One sentence of one file.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Segments `text` and renders one JSON object per sentence, each on its
/// own line ending in `\n`: `{"path","start","end","text"}` where `text` is
/// `&text[start..end]`.
#[must_use]
pub fn segment_json_lines(path: &str, text: &str, segmenter: &Segmenter) -> String {
    let mut out = String::new();
    for span in segmenter.split(text) {
        let line = Line { path, start: span.start, end: span.end, text: &text[span] };
        // Serialising borrowed strings and integers cannot fail.
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sentence_is_one_line_with_its_offsets() {
        let out = segment_json_lines("a.txt", "Hi there. Bye.", &Segmenter::default());
        assert_eq!(
            out,
            "{\"path\":\"a.txt\",\"start\":0,\"end\":9,\"text\":\"Hi there.\"}\n\
             {\"path\":\"a.txt\",\"start\":10,\"end\":14,\"text\":\"Bye.\"}\n"
        );
    }
}
