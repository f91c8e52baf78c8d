//! Inline suppression markers: an HTML comment right after a sentence,
//! `<!-- gainsay-ignore: quote-drift, name-variant -->`, silences those
//! rules for that one sentence; `<!-- gainsay-ignore -->` silences every
//! rule. Markdown renderers hide HTML comments, so the published article is
//! unchanged. Markers are only recorded here (byte ranges into the text as
//! stored); nothing is cut out, so every span still points at the file.

use std::ops::Range;

const OPEN: &str = "<!--";
const CLOSE: &str = "-->";
const KEYWORD: &str = "gainsay-ignore";

/// One `<!-- gainsay-ignore ... -->` comment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Marker {
    /// Bytes of the whole comment, `<!--` to `-->`.
    pub span: Range<usize>,
    /// The rule ids it names; empty means every rule.
    pub rules: Vec<String>,
}

impl Marker {
    /// Whether the marker silences `rule`.
    #[must_use]
    pub fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

/// Every marker in `text[body]`, in order. Other HTML comments are not
/// markers.
#[must_use]
pub fn find(text: &str, body: Range<usize>) -> Vec<Marker> {
    let mut markers = Vec::new();
    let mut at = body.start;
    while let Some(found) = text[at..body.end].find(OPEN) {
        let start = at + found;
        let Some(close) = text[start..body.end].find(CLOSE) else {
            break;
        };
        let end = start + close + CLOSE.len();
        if let Some(rules) = parse(&text[start + OPEN.len()..start + close]) {
            markers.push(Marker { span: start..end, rules });
        }
        at = end;
    }
    markers
}

/// The rule list of a comment's inside, if the comment is a marker.
fn parse(inside: &str) -> Option<Vec<String>> {
    let rest = inside.trim().strip_prefix(KEYWORD)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let list = rest.strip_prefix(':')?;
    let rules: Vec<String> =
        list.split([',', ' ']).map(str::trim).filter(|id| !id.is_empty()).map(str::to_string).collect();
    // `gainsay-ignore:` with nothing after it names no rule; it is not read
    // as "every rule", which must be asked for without the colon.
    (!rules.is_empty()).then_some(rules)
}

/// The markers that follow the sentence at `sentence`: inside its end or
/// after it on the same line, separated from its last word only by spaces
/// and other markers.
#[must_use]
pub fn after_sentence<'m>(text: &str, sentence: Range<usize>, markers: &'m [Marker]) -> Vec<&'m Marker> {
    let mut end = sentence.end.min(text.len());
    let mut found = Vec::new();
    // Markers the segmenter kept at the end of the sentence.
    loop {
        let trimmed = sentence.start + text[sentence.start..end].trim_end().len();
        let Some(marker) = markers.iter().find(|m| m.span.end == trimmed && m.span.start >= sentence.start) else {
            end = trimmed;
            break;
        };
        found.push(marker);
        end = marker.span.start;
    }
    // Markers the segmenter gave to the next sentence, or left alone.
    let mut end = found.iter().map(|m| m.span.end).max().unwrap_or(end);
    loop {
        let rest = &text[end..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let Some(marker) = markers.iter().find(|m| m.span.start == end + skipped) else {
            break;
        };
        found.push(marker);
        end = marker.span.end;
    }
    found
}

/// The sentence's text with its markers cut out, for fingerprints that do
/// not change when a marker is added.
#[must_use]
pub fn without_markers(text: &str, sentence: Range<usize>, markers: &[Marker]) -> String {
    let mut out = String::new();
    let mut at = sentence.start;
    for marker in markers.iter().filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end) {
        out.push_str(&text[at..marker.span.start]);
        at = marker.span.end;
    }
    out.push_str(&text[at..sentence.end]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_after(text: &str, sentence: &str) -> Vec<Vec<String>> {
        let markers = find(text, 0..text.len());
        let start = text.find(sentence).unwrap();
        after_sentence(text, start..start + sentence.len(), &markers).into_iter().map(|m| m.rules.clone()).collect()
    }

    #[test]
    fn marker_after_the_sentence_names_its_rules() {
        let text = "The drone came from Gagauzia. <!-- gainsay-ignore: origin-vs-denial, quote-drift --> Next.";
        assert_eq!(rules_after(text, "The drone came from Gagauzia."), [vec!["origin-vs-denial", "quote-drift"]]);
    }

    #[test]
    fn marker_kept_inside_the_sentence_span_still_counts() {
        let text = "The drone came from Gagauzia. <!-- gainsay-ignore --> Next.";
        let sentence = "The drone came from Gagauzia. <!-- gainsay-ignore -->";
        assert_eq!(rules_after(text, sentence), [Vec::<String>::new()]);
    }

    #[test]
    fn marker_before_a_sentence_does_not_cover_it() {
        let text = "First. <!-- gainsay-ignore: quote-drift --> Second sentence.";
        assert!(rules_after(text, "Second sentence.").is_empty());
        let text = "<!-- gainsay-ignore: quote-drift --> Second sentence.";
        assert!(rules_after(text, "<!-- gainsay-ignore: quote-drift --> Second sentence.").is_empty());
    }

    #[test]
    fn marker_on_the_next_line_does_not_cover_the_sentence() {
        let text = "First.\n<!-- gainsay-ignore: quote-drift --> Second.";
        assert!(rules_after(text, "First.").is_empty());
    }

    #[test]
    fn ordinary_comments_and_empty_lists_are_not_markers() {
        let text = "A. <!-- editor: check this --> B. <!-- gainsay-ignore: --> C. <!-- gainsay-ignored -->";
        assert!(find(text, 0..text.len()).is_empty());
    }

    #[test]
    fn unclosed_comment_is_not_a_marker() {
        assert!(find("A. <!-- gainsay-ignore", 0..22).is_empty());
    }

    #[test]
    fn markers_are_cut_from_fingerprint_text() {
        let text = "A claim. <!-- gainsay-ignore: x -->";
        let markers = find(text, 0..text.len());
        assert_eq!(without_markers(text, 0..text.len(), &markers), "A claim. ");
    }
}
