//! Properties every segmentation must have, whatever the text: spans in
//! order, not overlapping, on character boundaries, trimmed, and together
//! covering every byte that is not whitespace. Claims and diagnostics slice
//! the text by these spans, so a violation is a panic or a lost word.
//!
//! Texts are built from the pieces the segmenter treats specially
//! (abbreviations, quotes, dots, bullets, markers, line breaks), glued with
//! or without spaces, and from arbitrary Unicode.

use std::sync::LazyLock;

use gainsay::segment::{Segmenter, segment_json_lines};
use proptest::prelude::*;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(|| {
    Segmenter::from_toml(include_str!("../rules/lexicon/abbreviations.toml")).expect("abbreviations parse")
});

const PIECES: &[&str] = &[
    "the",
    "The",
    "He",
    "said",
    "U.S.",
    "U.S.-based",
    "Mr.",
    "Gen.",
    "a.m.",
    "P.M.",
    "I.",
    "J.",
    "Co.",
    "No.",
    "No:367/21",
    "p.",
    "55",
    "$100.00",
    "1.",
    "2.",
    "1)",
    "2)",
    "1.)",
    "(3)",
    "a.",
    "b.",
    "•",
    "⁃",
    "...",
    ". . .",
    ". . . .",
    "[...]",
    "…",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "!",
    "?",
    "!?",
    ".",
    ",",
    ":",
    "—",
    "Yahoo!",
    "Azerbaijan Not",
    "BaseAzerbaijan Not",
    "remarkedthat",
    "Przewodów",
    "é",
    "x@y.com.",
    "https://x.com/?q=1",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..40).prop_map(|pieces| {
        let mut text = String::new();
        for (piece, spaced) in pieces {
            text.push_str(piece);
            if spaced {
                text.push(' ');
            }
        }
        text
    })
}

/// Checks every property, returning the first one violated.
fn check(text: &str) -> Result<(), TestCaseError> {
    let spans = SEGMENTER.split(text);
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    for span in &spans {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(previous_end <= span.start, "span {span:?} overlaps or precedes {previous_end}");
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?} splits a char");
        let sentence = &text[span.clone()];
        prop_assert_eq!(sentence, sentence.trim(), "span {:?} is not trimmed", span);
        covered[span.clone()].iter_mut().for_each(|c| *c = true);
        previous_end = span.end;
    }
    for (i, c) in text.char_indices() {
        prop_assert!(c.is_whitespace() || covered[i], "{c:?} at {i} is in no sentence");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_ordered_trimmed_and_cover_news_like_text(text in news_like()) {
        check(&text)?;
    }

    #[test]
    fn spans_are_ordered_trimmed_and_cover_any_text(text in "\\PC{0,200}|[ a-zA-Z.!?\"“”()\n]{0,200}") {
        check(&text)?;
    }

    #[test]
    fn json_lines_text_is_the_spanned_text(text in news_like()) {
        let out = segment_json_lines("p.txt", &text, &SEGMENTER);
        prop_assert_eq!(out.lines().count(), SEGMENTER.split(&text).len());
        for line in out.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
            let start = usize::try_from(value["start"].as_u64().expect("start")).expect("fits");
            let end = usize::try_from(value["end"].as_u64().expect("end")).expect("fits");
            prop_assert_eq!(value["text"].as_str(), Some(&text[start..end]));
        }
    }
}

/// A scraped page can hold minified script: one endless word full of
/// `window.Foo` and stray brackets. Quadratic scans would hang here.
#[test]
fn endless_words_and_stray_brackets_segment_in_one_pass() {
    let text = "(window.Foo=a.Bc;(x.Yz[".repeat(20_000) + " (Mr. Smith. ".repeat(20_000).as_str();
    let spans = SEGMENTER.split(&text);
    assert!(check(&text).is_ok());
    assert!(spans.len() > 1);
}
