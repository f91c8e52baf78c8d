//! Runs a rule's own examples: each must fire or must pass, as its file
//! says. `cargo test` runs them for the default pack and `gainsay rules
//! test` for any pack.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::engine::evaluate;
use super::pack::Pack;
use super::schema::{Example, Rule};
use crate::align::candidates;
use crate::claims::Corpus;
use crate::ingest::Document;

/// An example that did not behave as its rule file says.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    pub rule: String,
    pub example: String,
    pub should_fire: bool,
    /// Messages of the findings the rule produced.
    pub findings: Vec<String>,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let expected = if self.should_fire { "fire" } else { "pass" };
        write!(f, "{}: example `{}` should {expected}, but ", self.rule, self.example)?;
        if self.findings.is_empty() {
            write!(f, "no finding was reported")
        } else {
            write!(f, "it reported: {}", self.findings.join(" | "))
        }
    }
}

/// The examples of `rule` that fail.
#[must_use]
pub fn run_examples(pack: &Pack, rule: &Rule) -> Vec<ExampleFailure> {
    rule.examples
        .iter()
        .filter_map(|example| {
            let messages = fire(pack, rule, example);
            (messages.is_empty() == example.should_fire).then(|| ExampleFailure {
                rule: rule.id.clone(),
                example: example.name.clone(),
                should_fire: example.should_fire,
                findings: messages,
            })
        })
        .collect()
}

fn fire(pack: &Pack, rule: &Rule, example: &Example) -> Vec<String> {
    let documents = example
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| {
            let mut text = String::from("---\n");
            if let Some(outlet) = &article.outlet {
                let _ = writeln!(text, "outlet: {outlet}");
            }
            if let Some(date) = &article.date {
                let _ = writeln!(text, "date: {date}");
            }
            text.push_str("---\n");
            text.push_str(&article.text);
            let path = PathBuf::from(format!("{}/example-{}.md", rule.id, index + 1));
            Document::from_text(path, text, &pack.lexicon).0
        })
        .collect();
    let corpus = Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    let pairs = candidates(&corpus);
    evaluate(&corpus, std::slice::from_ref(rule), &pairs).into_iter().map(|f| f.message).collect()
}
