//! Code actions on a flagged sentence. "Ignore this rule in this article"
//! adds the rule to the article's `gainsay-ignore` front matter, merging
//! into the block that is there or adding one; the edit itself is the
//! library's ([`crate::ingest::ignore_rule`]), turned here into a
//! `WorkspaceEdit` that the client applies like any other change.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, NumberOrString, TextEdit, WorkspaceEdit};

use super::convert::{Encoding, LineIndex};
use super::diagnostics::{SOURCE, anchor};
use super::workspace::OpenArticle;
use crate::ingest;

/// The actions for a byte range of an open article: one per rule with a
/// finding shown there. `diagnostics` are the ones the client sent along,
/// attached to the action that resolves them.
#[must_use]
pub fn code_actions(
    article: &OpenArticle,
    span: &Range<usize>,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let Some(checked) = &article.checked else {
        return Vec::new();
    };
    let mut rules: Vec<&str> = Vec::new();
    for finding in &checked.findings {
        let touches =
            anchor(finding, checked.doc).is_some_and(|l| l.span.start <= span.end && span.start <= l.span.end);
        if touches && !rules.contains(&finding.rule.as_str()) {
            rules.push(&finding.rule);
        }
    }
    rules.into_iter().filter_map(|rule| ignore_in_article(article, rule, diagnostics, encoding)).collect()
}

/// Ignore `rule` in this article, if it is not ignored already.
#[expect(
    clippy::mutable_key_type,
    reason = "lsp-types keys `WorkspaceEdit::changes` by `Uri`, whose cached parse is never mutated through the key"
)]
fn ignore_in_article(
    article: &OpenArticle,
    rule: &str,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
) -> Option<CodeActionOrCommand> {
    let edit = ingest::ignore_rule(&article.text, rule)?;
    let range = LineIndex::new(&article.text, encoding).range(&edit.span);
    let changes = HashMap::from([(article.uri.clone(), vec![TextEdit { range, new_text: edit.text }])]);
    let resolved: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(SOURCE) && d.code == Some(NumberOrString::String(rule.to_string())))
        .cloned()
        .collect();
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("Ignore `{rule}` in this article (gainsay-ignore front matter)"),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: (!resolved.is_empty()).then_some(resolved),
        edit: Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }),
        ..CodeAction::default()
    }))
}
