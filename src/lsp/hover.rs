//! Hovering over a flagged sentence: for each finding there, its message,
//! the two claims side by side (the label and the whole sentence on each
//! side), its help, and then each rule's documentation once.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::convert::{Encoding, LineIndex};
use super::diagnostics::anchor;
use super::workspace::{Checked, Workspace};
use crate::rules::{Finding, Label};

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
    let _ = write!(text, "**{}** ({}): {}\n\n", finding.rule, finding.severity, finding.message);
    let this = corpus.documents[checked.doc].outlet();
    for other in finding.labels.iter().filter(|l| !std::ptr::eq(*l, here)) {
        let mut heading = corpus.documents[other.doc].outlet().to_string();
        if other.doc == checked.doc {
            heading.push_str(" (also this article)");
        }
        let _ = writeln!(text, "| {} (this article) | {} |", cell(this), cell(&heading));
        let _ = writeln!(text, "| --- | --- |");
        let _ = writeln!(text, "| *{}* | *{}* |", cell(&here.text), cell(&other.text));
        let _ = writeln!(text, "| {} | {} |\n", cell(sentence(workspace, here)), cell(sentence(workspace, other)));
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

/// Text that fits in one cell of a Markdown table.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_one_line_with_pipes_escaped() {
        assert_eq!(cell("a | b\r\nc\n  d"), "a \\| b c d");
    }
}
