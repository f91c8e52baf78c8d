//! Runs the pragmatic segmenter's 48 English Golden Rules (as packaged by
//! pySBD, see `tests/fixtures/golden-rules/`) against gainsay's segmenter,
//! comparing whitespace-trimmed sentence texts in order.
//!
//! The count may only go up: `BEST` records the best reached so far.

use gainsay::segment::Segmenter;
use serde::Deserialize;

/// The best count reached so far; a change that passes fewer rules fails.
const BEST: usize = 48;

#[derive(Deserialize)]
struct Rule {
    id: u32,
    name: String,
    input: String,
    expected: Vec<String>,
}

#[test]
fn golden_rules_pass_at_the_recorded_count() {
    let rules: Vec<Rule> = serde_json::from_str(include_str!("fixtures/golden-rules/en.json")).expect("en.json parses");
    let segmenter =
        Segmenter::from_toml(include_str!("../rules/lexicon/abbreviations.toml")).expect("abbreviations parse");
    let mut failed = Vec::new();
    for rule in &rules {
        let got: Vec<&str> = segmenter.split(&rule.input).into_iter().map(|s| rule.input[s].trim()).collect();
        let expected: Vec<&str> = rule.expected.iter().map(|s| s.trim()).collect();
        if got != expected {
            failed.push(format!("  {} {}: got {got:?}, expected {expected:?}", rule.id, rule.name));
        }
    }
    let passed = rules.len() - failed.len();
    println!("golden rules: {passed} passed, {} failed", failed.len());
    for failure in &failed {
        println!("{failure}");
    }
    assert!(passed >= BEST, "golden rules: {passed} passed, fewer than the best, {BEST}:\n{}", failed.join("\n"));
}
