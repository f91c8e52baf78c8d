//! Inputs that crashed or hung gainsay, found by the fuzz targets under
//! `fuzz/` (or by the adversarial tests) and cut down to the bytes that
//! matter. Each test is named after what broke and says which target found
//! it; each must end in a normal outcome with every span in its file.

use std::path::PathBuf;

use gainsay::ingest::Document;
use gainsay::{Limits, Pack, check_documents};

/// Reads `text` as an article and runs the whole check on it, asserting
/// that every span of the outcome lies inside the text.
fn check_text(text: &str) -> gainsay::Outcome {
    check_texts(&[text])
}

fn check_texts(texts: &[&str]) -> gainsay::Outcome {
    let pack = Pack::embedded().expect("the default pack loads");
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            Document::from_text(PathBuf::from(format!("outlet-{i}.txt")), (*text).to_string(), &pack.lexicon).0
        })
        .collect();
    let outcome = check_documents(documents, &pack, &Limits::default());
    gainsay::invariants::check_outcome(&outcome.corpus, &outcome.findings).expect("every span inside its file");
    outcome
}

/// fuzz target `ingest`: a line whose folded text has an even length and a
/// multi-byte character across its middle was split at a byte inside that
/// character when looking for a headline glued to itself (chrome.rs).
#[test]
fn doubled_line_check_splits_on_a_char_boundary() {
    check_text("Silk Road Times\n\u{FFFD}a\n© silk road \u{FFFD}\u{FFFD}times. all rights reserved.\n");
}
