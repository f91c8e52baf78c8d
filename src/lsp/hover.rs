//! Hovering over a flagged sentence: for each finding there, its message,
//! the two claims side by side (the label and the whole sentence on each
//! side), its help, and then each rule's documentation once. Text from
//! articles is shown literally: a link or an image in an article must not
//! become a live one in the editor.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::convert::{Encoding, LineIndex};
use super::diagnostics::anchor;
use super::workspace::{Checked, Workspace};
use crate::rules::{Finding, Label};
use crate::visible::{Layout, escape};

/// The hover at a byte offset of an open article, if a finding is there.
#[must_use]
pub fn hover(
    workspace: &Workspace,
    checked: &Checked,
    offset: usize,
    encoding: Encoding,
    kind: MarkupKind,
) -> Option<Hover> {
    let document = workspace.corpus.documents.get(checked.doc)?;
    let here: Vec<(&Finding, &Label)> = checked
        .findings
        .iter()
        .filter_map(|f| Some((f, anchor(f, checked.doc)?)))
        .filter(|(_, label)| label.span.start <= offset && offset <= label.span.end)
        .collect();
    let (_, first) = here.first()?;
    let mut text = String::new();
    let mut rules: Vec<&str> = Vec::new();
    let mut last_help = None;
    for (finding, label) in &here {
        write_finding(&mut text, workspace, checked, finding, label);
        // Findings of one rule at one sentence mostly share their help.
        if let Some(help) = finding.help.as_ref().filter(|h| last_help != Some(*h)) {
            let _ = write!(text, "{help}\n\n");
            last_help = Some(help);
        }
        if !rules.contains(&finding.rule.as_str()) {
            rules.push(&finding.rule);
        }
    }
    for id in rules {
        if let Some(rule) = workspace.pack.rule(id) {
            let _ = write!(text, "---\n\n**{}**: {}\n\n{}\n\n", rule.id, rule.summary, rule.doc.trim());
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind, value: text.trim_end().to_string() }),
        range: Some(LineIndex::new(&document.text, encoding).range(&first.span)),
    })
}

fn write_finding(text: &mut String, workspace: &Workspace, checked: &Checked, finding: &Finding, here: &Label) {
    let corpus = &workspace.corpus;
    let _ = write!(text, "**{}** ({}): {}\n\n", finding.rule, finding.severity, literal(&finding.message));
    let this = corpus.documents[checked.doc].outlet();
    for other in finding.labels.iter().filter(|l| !std::ptr::eq(*l, here)) {
        let mut heading = corpus.documents[other.doc].outlet().to_string();
        if other.doc == checked.doc {
            heading.push_str(" (also this article)");
        }
        let _ = writeln!(text, "| {} (this article) | {} |", literal(this), literal(&heading));
        let _ = writeln!(text, "| --- | --- |");
        let _ = writeln!(text, "| *{}* | *{}* |", literal(&here.text), literal(&other.text));
        let _ =
            writeln!(text, "| {} | {} |\n", literal(sentence(workspace, here)), literal(sentence(workspace, other)));
    }
}

/// The whole sentence a label is in (a label may point at just a name or
/// a quotation), or the label's own text.
fn sentence<'w>(workspace: &'w Workspace, label: &Label) -> &'w str {
    let corpus = &workspace.corpus;
    let text = &corpus.documents[label.doc].text;
    let span = corpus.sentence_of(label.doc, &label.span);
    text.get(span).unwrap_or_default().trim()
}

/// Article text as Markdown that shows it as it is, on one line (so it
/// also fits in a table cell): invisible characters are made visible, and
/// every ASCII punctuation character is backslash-escaped, as Markdown
/// allows for all of them, so no link, image, HTML, emphasis or pipe in an
/// article is read as Markdown.
fn literal(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut shown = String::with_capacity(line.len() + 16);
    for c in escape(&line, Layout::Line).chars() {
        if c.is_ascii_punctuation() {
            shown.push('\\');
        }
        shown.push(c);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_one_line_with_pipes_escaped() {
        assert_eq!(literal("a | b\r\nc\n  d"), "a \\| b c d");
    }

    #[test]
    fn links_images_and_html_from_an_article_are_not_live() {
        let article =
            "See ![pixel](https://evil.example/p.png) and [click](javascript:x) <img src=x> *now* `code` # \\";
        assert_eq!(
            literal(article),
            r"See \!\[pixel\]\(https\:\/\/evil\.example\/p\.png\) and \[click\]\(javascript\:x\) \<img src\=x\> \*now\* \`code\` \# \\"
        );
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(literal("a\u{202e}b"), r"a\\u\{202e\}b");
    }
}
