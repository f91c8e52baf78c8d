//! Sentence boundaries taken line by line, with the ASCII short cut, are
//! exactly the pieces `unicode-segmentation` gives for the whole text: on
//! texts built from the characters the sentence-break rules single out
//! (terminators, closing marks, spaces, letters of both cases, digits,
//! line breaks), on mixed ASCII and other lines, and on the bundled
//! articles.

mod common;

use gainsay::segment::sentence_bound_indices;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn same_as_the_annex(text: &str) {
    let ours: Vec<(usize, &str)> = sentence_bound_indices(text).collect();
    let theirs: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
    assert_eq!(ours, theirs, "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn ascii_pieces_are_the_annexs(text in "[aZ9 .!?\"')(\\],;:\\-\t\r\n\u{0B}#]{0,30}") {
        same_as_the_annex(&text);
    }

    #[test]
    fn sentences_with_their_marks(
        text in "([A-Z][a-z]{0,4}|[a-z]{1,4}|[0-9]{1,2}|[.!?]|[\"')]| {1,2}|\r?\n|[,;:-]){0,16}"
    ) {
        same_as_the_annex(&text);
    }

    #[test]
    fn ascii_lines_among_others(text in "([a-zA-Z .!?\"\n]|\u{201D}|\u{2019}|\u{85}|\u{2029}|é|\u{AD}){0,30}") {
        same_as_the_annex(&text);
    }

    #[test]
    fn any_ascii(text in "[\u{0}-\u{7F}]{0,40}") {
        same_as_the_annex(&text);
    }
}

#[test]
fn the_bundled_articles_split_as_the_annex_splits_them() {
    let texts = common::bundled_texts();
    assert!(texts.len() > 5, "the short cut was tried on {} articles", texts.len());
    for text in &texts {
        same_as_the_annex(text);
    }
}
