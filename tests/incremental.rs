//! Checking one article against an extracted corpus gives the same findings
//! as checking everything and keeping those that involve the article.

mod common;

use std::collections::BTreeSet;

use common::root;
use gainsay::ingest::{Document, read_article};
use gainsay::{Corpus, Pack};

fn messages(findings: &[gainsay::Finding]) -> Vec<String> {
    let mut messages: Vec<String> = findings.iter().map(|f| format!("{} {}", f.rule, f.message)).collect();
    messages.sort();
    messages
}

#[test]
fn adding_an_article_to_a_corpus_matches_a_full_check() {
    let pack = Pack::embedded().unwrap();
    let full = gainsay::check(&[root().join("corpus")], &pack);
    let new_path = root().join("corpus/004_5bfa39607c08809c.txt");
    let new_doc = full.corpus.documents.iter().position(|d| d.path == new_path).unwrap();
    let expected: Vec<_> = full.findings.iter().filter(|f| f.involves(&BTreeSet::from([new_doc]))).cloned().collect();
    assert!(!expected.is_empty());

    let others: Vec<Document> = full.corpus.documents.iter().filter(|d| d.path != new_path).cloned().collect();
    let mut corpus = Corpus::build(others, &pack.lexicon, &pack.segmenter);
    let text = read_article(&new_path).unwrap();
    let (document, problems) = Document::from_text(new_path, text, &pack.lexicon);
    assert!(problems.is_empty());
    let id = corpus.replace_document(document, &pack.lexicon, &pack.segmenter);
    let incremental = gainsay::findings_involving(&corpus, &pack, &BTreeSet::from([id]));
    assert_eq!(messages(&incremental), messages(&expected));
}

#[test]
fn replacing_an_article_drops_its_old_claims() {
    let pack = Pack::embedded().unwrap();
    let full = gainsay::check(&[root().join("corpus")], &pack);
    let mut corpus = full.corpus;
    let path = corpus.documents[0].path.clone();
    let before = corpus.claims.len();
    let (edited, _) = Document::from_text(path, "Nothing to see here.\n".to_string(), &pack.lexicon);
    let id = corpus.replace_document(edited, &pack.lexicon, &pack.segmenter);
    assert_eq!(id, 0);
    assert!(corpus.claims.len() < before);
    assert_eq!(corpus.claims.iter().filter(|c| c.doc == 0).count(), 1);
    assert!(gainsay::findings_involving(&corpus, &pack, &BTreeSet::from([id])).is_empty());
}

/// Key of a finding that ignores the order findings come in.
fn keyed(outcome_docs: &[Document], findings: &[gainsay::Finding]) -> Vec<String> {
    let mut keys: Vec<String> = findings
        .iter()
        .map(|f| {
            let labels: Vec<String> = f
                .labels
                .iter()
                .map(|l| format!("{}:{}-{}", outcome_docs[l.doc].path.display(), l.span.start, l.span.end))
                .collect();
            format!("{} {:?} {} [{}]", f.rule, f.severity, f.message, labels.join(", "))
        })
        .collect();
    keys.sort();
    keys
}

/// The server re-checks one article with `findings_involving`, which
/// compares people only where the article names one; it must find exactly
/// what the full check finds for that article, on every bundled article.
#[test]
fn every_article_checked_alone_matches_the_full_check() {
    let pack = Pack::embedded().unwrap();
    let mut folders = vec![root().join("corpus")];
    for entry in std::fs::read_dir(root().join("tests/fixtures/events")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            folders.push(path);
        }
    }
    for folder in folders {
        let full = gainsay::check(std::slice::from_ref(&folder), &pack);
        for doc in 0..full.corpus.documents.len() {
            let only = BTreeSet::from([doc]);
            let expected: Vec<_> = full.findings.iter().filter(|f| f.involves(&only)).cloned().collect();
            let alone = gainsay::findings_involving(&full.corpus, &pack, &only);
            assert_eq!(
                keyed(&full.corpus.documents, &alone),
                keyed(&full.corpus.documents, &expected),
                "{}",
                full.corpus.documents[doc].path.display()
            );
        }
    }
}
