//! Code actions on a flagged sentence. "Ignore this rule in this article"
//! adds the rule to the article's `gainsay-ignore` front matter, merging
//! into the block that is there or adding one; the edit itself is the
//! library's ([`crate::ingest::ignore_rule`]), turned here into a
//! `WorkspaceEdit` that the client applies like any other change. "Add
//! this finding to the baseline" (when `gainsay.toml` names a baseline
//! file) is a command the server runs: it appends the finding to the file,
//! as `gainsay baseline` would have written it, and re-publishes.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, NumberOrString, TextEdit, WorkspaceEdit,
};

use super::convert::{Encoding, LineIndex};
use super::diagnostics::{SOURCE, anchor};
use super::workspace::{OpenArticle, Workspace};
use crate::ingest;
use crate::rules::Finding;

/// The command that adds a finding to the baseline; its arguments are the
/// article's URI and the finding's fingerprint.
pub const ADD_TO_BASELINE: &str = "gainsay.addToBaseline";

/// The actions for a byte range of an open article: for each rule with a
/// finding shown there, ignore it in the article; with a baseline file
/// configured, for each finding there, add it to the baseline.
/// `diagnostics` are the ones the client sent along, attached to the
/// action that resolves them.
#[must_use]
pub fn code_actions(
    workspace: &Workspace,
    article: &OpenArticle,
    span: &Range<usize>,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let Some(checked) = &article.checked else {
        return Vec::new();
    };
    let here: Vec<&Finding> = checked
        .findings
        .iter()
        .filter(|f| anchor(f, checked.doc).is_some_and(|l| l.span.start <= span.end && span.start <= l.span.end))
        .collect();
    let mut rules: Vec<&str> = Vec::new();
    for finding in &here {
        if !rules.contains(&finding.rule.as_str()) {
            rules.push(&finding.rule);
        }
    }
    let mut actions: Vec<CodeActionOrCommand> =
        rules.into_iter().filter_map(|rule| ignore_in_article(article, rule, diagnostics, encoding)).collect();
    if let Some(baseline) = workspace.baseline_path() {
        let file = baseline.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        for finding in here {
            actions.push(add_to_baseline(workspace, article, finding, &file, diagnostics));
        }
    }
    actions
}

/// What a finding's other side says, to tell apart the findings one
/// diagnostic groups: each is accepted on its own.
fn other_side(finding: &Finding, article: &OpenArticle) -> String {
    let here = article.checked.as_ref().map(|c| c.doc);
    let other = finding.labels.iter().find(|l| Some(l.doc) != here).or_else(|| finding.labels.get(1));
    other.map_or_else(String::new, |l| format!("“{}”", l.text))
}

/// Accept this finding: the server appends it to the baseline file.
fn add_to_baseline(
    workspace: &Workspace,
    article: &OpenArticle,
    finding: &Finding,
    file: &str,
    diagnostics: &[Diagnostic],
) -> CodeActionOrCommand {
    let arguments = vec![article.uri.as_str().into(), workspace.fingerprint(finding).into()];
    let resolved: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(SOURCE) && d.message == finding.message)
        .cloned()
        .collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("Add `{}` against {} to the baseline ({file})", finding.rule, other_side(finding, article)),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: (!resolved.is_empty()).then_some(resolved),
        command: Some(Command {
            title: "Add to baseline".to_string(),
            command: ADD_TO_BASELINE.to_string(),
            arguments: Some(arguments),
        }),
        ..CodeAction::default()
    })
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
