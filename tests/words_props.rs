//! The ASCII short cut for word boundaries gives exactly the pieces
//! `unicode-segmentation` gives: on texts built from the characters the
//! word-break rules single out (letters, digits, the marks that join
//! them, line breaks, spaces, tabs), and on the bundled articles.

mod common;

use gainsay::text::word_bound_indices;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn same_as_the_annex(text: &str) {
    let ours: Vec<(usize, &str)> = word_bound_indices(text).collect();
    let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    assert_eq!(ours, theirs, "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn ascii_pieces_are_the_annexs(text in "[aZ09 .,;:'\"_\t\r\n\u{0B}\u{0C}!?()/-]{0,24}") {
        same_as_the_annex(&text);
    }

    #[test]
    fn words_and_numbers_with_their_joiners(text in "([A-Za-z]{1,3}|[0-9]{1,3}|[.,;:'_]| |\r\n){0,12}") {
        same_as_the_annex(&text);
    }

    #[test]
    fn any_ascii(text in "[\u{0}-\u{7F}]{0,32}") {
        same_as_the_annex(&text);
    }
}

#[test]
fn the_bundled_articles_split_as_the_annex_splits_them() {
    let lines: Vec<String> = common::bundled_texts().iter().flat_map(|text| text.lines().map(String::from)).collect();
    let ascii = lines.iter().filter(|line| line.is_ascii()).count();
    assert!(ascii > 100, "the short cut was tried on {ascii} lines");
    for line in &lines {
        same_as_the_annex(line);
    }
}
