//! Optional front matter: a `---` block of `key: value` lines at the top.

use std::ops::Range;

use super::date::Date;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The headline, from front matter or the first content line.
    pub title: Option<String>,
    /// Who published it: front matter, else the file name.
    pub outlet: Option<String>,
    /// Publication date: front matter, else a dateline in the text.
    pub date: Option<Date>,
    /// Where it was published.
    pub url: Option<String>,
    /// Rule ids suppressed for this article (`gainsay-ignore: [rule, ...]`).
    pub ignore: Vec<String>,
}

/// Why front matter could not be read, and where.
#[derive(Debug)]
pub struct FrontMatterError {
    pub span: Range<usize>,
    pub message: String,
}

/// Parses front matter starting at `start` (after any BOM). Returns the
/// metadata and where the body begins; text without front matter has an
/// empty `Meta` and its body at `start`.
pub fn parse(text: &str, start: usize) -> Result<(Meta, usize), FrontMatterError> {
    let rest = &text[start..];
    let Some(after_open) = rest.strip_prefix("---").filter(|r| r.starts_with('\n') || r.starts_with("\r\n")) else {
        return Ok((Meta::default(), start));
    };
    let mut meta = Meta::default();
    let mut offset = start + (rest.len() - after_open.len());
    for line in after_open.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\r', '\n']);
        if content.trim() == "---" {
            return Ok((meta, offset));
        }
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let span = line_start..line_start + content.len();
        let Some((key, value)) = content.split_once(':') else {
            return Err(FrontMatterError { span, message: "expected `key: value`".into() });
        };
        let value = unquote(value.trim());
        match key.trim() {
            "title" => meta.title = Some(value.to_string()),
            "outlet" => meta.outlet = Some(value.to_string()),
            "url" => meta.url = Some(value.to_string()),
            "date" => {
                meta.date = Some(Date::parse_iso(value).ok_or_else(|| FrontMatterError {
                    span,
                    message: format!("`{value}` is not a date; write YYYY-MM-DD"),
                })?);
            }
            "gainsay-ignore" => {
                meta.ignore = value
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .split(',')
                    .map(|id| unquote(id.trim()).to_string())
                    .filter(|id| !id.is_empty())
                    .collect();
            }
            _ => {}
        }
    }
    Err(FrontMatterError { span: start..start + 3, message: "the `---` block is never closed".into() })
}

/// A change to an article's text: replace `span` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    /// Bytes to replace; empty to insert.
    pub span: Range<usize>,
    pub text: String,
}

/// The edit that adds `rule` to the article's `gainsay-ignore` list: into
/// the list when the key is there, as a new last key of the front matter
/// when it is not, or as a new front-matter block at the top (after any
/// BOM) when there is none. Other keys, comments and line endings are kept.
/// `None` when the rule is already ignored or the front matter is broken.
#[must_use]
pub fn ignore_rule(text: &str, rule: &str) -> Option<TextEdit> {
    let start = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let (meta, _) = parse(text, start).ok()?;
    if meta.ignore.iter().any(|id| id == rule) {
        return None;
    }
    let rest = &text[start..];
    let Some(after_open) = rest.strip_prefix("---").filter(|r| r.starts_with('\n') || r.starts_with("\r\n")) else {
        return Some(TextEdit {
            span: start..start,
            text: format!("---{newline}gainsay-ignore: [{rule}]{newline}---{newline}"),
        });
    };
    let mut offset = start + (rest.len() - after_open.len());
    for line in after_open.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\r', '\n']);
        if content.trim() == "---" {
            return Some(TextEdit { span: line_start..line_start, text: format!("gainsay-ignore: [{rule}]{newline}") });
        }
        if let Some((key, _)) = content.split_once(':').filter(|(key, _)| key.trim() == "gainsay-ignore") {
            let value_start = line_start + key.len() + 1;
            let mut ids = meta.ignore.clone();
            ids.push(rule.to_string());
            return Some(TextEdit {
                span: value_start..line_start + content.len(),
                text: format!(" [{}]", ids.join(", ")),
            });
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_finds_body() {
        let text = "---\ntitle: \"A: B\"\noutlet: Daily\ndate: 2022-12-16\n---\nBody.";
        let (meta, body) = parse(text, 0).unwrap();
        assert_eq!(meta.title.as_deref(), Some("A: B"));
        assert_eq!(meta.outlet.as_deref(), Some("Daily"));
        assert_eq!(meta.date, Date::parse_iso("2022-12-16"));
        assert_eq!(&text[body..], "Body.");
    }

    #[test]
    fn crlf_front_matter_is_read() {
        let text = "---\r\noutlet: Daily\r\n---\r\nBody.";
        let (meta, body) = parse(text, 0).unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("Daily"));
        assert_eq!(&text[body..], "Body.");
    }

    #[test]
    fn unclosed_block_is_an_error() {
        assert!(parse("---\ntitle: x\nBody.", 0).is_err());
    }

    #[test]
    fn bad_date_points_at_its_line() {
        let text = "---\ndate: yesterday\n---\n";
        let error = parse(text, 0).unwrap_err();
        assert_eq!(&text[error.span], "date: yesterday");
    }

    fn apply(text: &str, edit: &TextEdit) -> String {
        let mut out = text.to_string();
        out.replace_range(edit.span.clone(), &edit.text);
        out
    }

    #[test]
    fn ignoring_a_rule_in_an_article_without_front_matter_adds_a_block() {
        let text = "Body.\n";
        let edited = apply(text, &ignore_rule(text, "origin-vs-denial").unwrap());
        assert_eq!(edited, "---\ngainsay-ignore: [origin-vs-denial]\n---\nBody.\n");
    }

    #[test]
    fn ignoring_a_rule_keeps_the_bom_first_and_crlf_endings() {
        let text = "\u{FEFF}Body.\r\nMore.\r\n";
        let edited = apply(text, &ignore_rule(text, "quote-drift").unwrap());
        assert_eq!(edited, "\u{FEFF}---\r\ngainsay-ignore: [quote-drift]\r\n---\r\nBody.\r\nMore.\r\n");
        let (meta, _) = parse(&edited, 3).unwrap();
        assert_eq!(meta.ignore, ["quote-drift"]);
    }

    #[test]
    fn ignoring_a_rule_adds_the_key_to_existing_front_matter() {
        let text = "---\ntitle: \"A: B\"\n# a comment\n---\nBody.";
        let edited = apply(text, &ignore_rule(text, "name-variant").unwrap());
        assert_eq!(edited, "---\ntitle: \"A: B\"\n# a comment\ngainsay-ignore: [name-variant]\n---\nBody.");
    }

    #[test]
    fn ignoring_a_rule_merges_into_an_existing_list() {
        let text = "---\ngainsay-ignore: [\"quote-drift\"]\ntitle: x\n---\nBody.";
        let edited = apply(text, &ignore_rule(text, "name-variant").unwrap());
        assert_eq!(edited, "---\ngainsay-ignore: [quote-drift, name-variant]\ntitle: x\n---\nBody.");
        assert_eq!(ignore_rule(&edited, "name-variant"), None);
    }

    #[test]
    fn broken_front_matter_gets_no_ignore_edit() {
        assert_eq!(ignore_rule("---\ntitle: x\nBody.", "quote-drift"), None);
    }

    #[test]
    fn ignore_list_is_read() {
        let (meta, _) = parse("---\ngainsay-ignore: [quote-drift, name-variant]\n---\n", 0).unwrap();
        assert_eq!(meta.ignore, ["quote-drift", "name-variant"]);
    }
}
