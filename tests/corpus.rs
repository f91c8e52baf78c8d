//! The bundled corpus: the findings the checker issue asks for, with and
//! without front matter, and none of the ones it must not report.

mod common;

use common::{at_least_warning, check_paths, copy_corpus, expect, expect_none, root, side, summary};
use gainsay::{Outcome, Severity};

const PRESS_TV: &str = "had taken off from an air base in Azerbaijan";
const ACCUSATION: &str = "Iran accused Azerbaijan of providing a base";

fn assert_corpus_findings(outcome: &Outcome) {
    let report = side("000", PRESS_TV);
    for denial in [
        side("000", "Azerbaijan will never be used as a military base for other countries"),
        // Ibrahim denies it twice in 002 ("would not allow Tel Aviv to attack
        // Iran from its soil", "prevent Israel from using its soil"); one
        // finding per source keeps the stronger.
        side("002", "its soil"),
        side("004", "which Ibrahim strongly rejected"),
    ] {
        let finding = expect(outcome, "origin-vs-denial", report, denial);
        assert!(at_least_warning(finding), "{denial:?}: {:?}", finding.severity);
        let accused = expect(outcome, "accusation-vs-denial", side("004", ACCUSATION), denial);
        assert!(at_least_warning(accused), "{denial:?}: {:?}", accused.severity);
    }

    let variant = expect(outcome, "name-variant", side("004", "Ibrahimi said"), side("004", "Khazar Ibrahim"));
    assert!(variant.message.contains("Ibrahimi"), "{}", variant.message);

    let role = expect(outcome, "role-conflict", side("000", "Elin Suleymanov"), side("00", "Khazar Ibrahim"));
    assert_eq!(role.severity, Severity::Info, "years apart or undated: downgraded");
    assert!(role.help.as_deref().unwrap_or("").contains("Severity lowered"), "the downgrade is explained");

    assert!(
        outcome.findings.iter().all(|f| f.rule != "numeric-mismatch"),
        "no numeric finding (30 years; 69% of arms imports against 40% of oil):\n{}",
        summary(outcome)
    );
    expect_none(
        outcome,
        "origin-vs-denial",
        side("001", "will not allow its territory to be used"),
        side("002", "Baku would not allow Tel Aviv"),
    );
    let denials_agree = outcome.findings.iter().any(|f| {
        let docs: Vec<&str> = f
            .labels
            .iter()
            .map(|l| outcome.corpus.documents[l.doc].path.file_name().unwrap().to_str().unwrap())
            .collect();
        docs.iter().any(|d| d.starts_with("001")) && docs.iter().any(|d| d.starts_with("002"))
    });
    assert!(!denials_agree, "the two denials in 001 and 002 agree:\n{}", summary(outcome));
}

#[test]
fn corpus_with_front_matter_reports_the_seed_contradictions() {
    let outcome = check_paths(&[root().join("corpus")]);
    assert!(outcome.input_errors.is_empty(), "{:?}", outcome.input_errors);
    assert_corpus_findings(&outcome);
}

#[test]
fn raw_seeds_without_front_matter_report_the_same() {
    let raw = copy_corpus(&root().join("corpus"), true);
    let outcome = check_paths(&[raw.path().to_path_buf()]);
    assert!(outcome.corpus.documents.iter().all(|d| d.body.start == 0), "front matter was stripped");
    assert_corpus_findings(&outcome);
}

#[test]
fn datelines_date_the_raw_seeds() {
    let raw = copy_corpus(&root().join("corpus"), true);
    let outcome = check_paths(&[raw.path().to_path_buf()]);
    let dates: Vec<String> =
        outcome.corpus.documents.iter().map(|d| d.meta.date.map_or("-".into(), |d| d.to_string())).collect();
    assert_eq!(dates, ["-", "-", "2022-12-16", "2021-10-04", "2022-12-16"]);
}

#[test]
fn every_label_lands_on_the_sentence_it_names() {
    let outcome = check_paths(&[root().join("corpus")]);
    for finding in &outcome.findings {
        for label in &finding.labels {
            let doc = &outcome.corpus.documents[label.doc];
            let text = &doc.text[label.span.clone()];
            assert!(!text.trim().is_empty() && text.trim() == text, "{}: label on {text:?}", finding.rule);
            assert!(!doc.is_chrome(label.span.start), "{}: label on web chrome: {text:?}", finding.rule);
            let claimed = outcome.corpus.claims.iter().any(|c| {
                c.doc == label.doc && c.sentence.start <= label.span.start && label.span.end <= c.sentence.end
            });
            assert!(claimed, "{}: label {text:?} is not inside a sentence", finding.rule);
        }
    }
}

#[test]
fn web_chrome_yields_no_claims() {
    let outcome = check_paths(&[root().join("corpus")]);
    let chrome_words =
        ["Most Read", "Related News", "Nicolas Maduro", "Taylor Swift", "Share this page", "Privacy Policy"];
    for claim in &outcome.corpus.claims {
        let text = &outcome.corpus.documents[claim.doc].text[claim.sentence.clone()];
        for word in chrome_words {
            assert!(!text.contains(word), "a claim was read from chrome: {text:?}");
        }
    }
}
