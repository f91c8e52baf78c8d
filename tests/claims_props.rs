//! The first extraction pass skips sentences that cannot name a place to
//! learn: whatever the sentence, if the quick look at its raw text says
//! no, reading it in full teaches nothing.

use std::sync::LazyLock;

use gainsay::Pack;
use gainsay::claims::{Places, SentenceView};
use proptest::prelude::*;

static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::embedded().expect("the default pack loads"));

/// Words that teach places, nearly teach them, or have nothing to do with
/// them: place types, possessives, directions, known states, capitalised
/// names, and words that contain a place type ("report", "regional").
const WORDS: &[&str] = &[
    "the",
    "village",
    "of",
    "in",
    "near",
    "region",
    "Region",
    "air",
    "base",
    "airbase",
    "province",
    "district",
    "northern",
    "eastern",
    "Romania",
    "Moldova's",
    "Poland’s",
    "Kyiv",
    "Kivalin",
    "Torki",
    "Belulki",
    "Nowa",
    "Wies",
    "report",
    "reported",
    "regional",
    "support",
    "statement",
    "said",
    "officials",
    "a",
    "drone",
    "took",
    "off",
    "from",
    ",",
    ".",
    "'",
    "`",
    "\"",
    "“",
    "”",
    "-",
    "Zürich",
    "s",
    "Autonomous",
    "Republic",
    "port",
    "camp",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..16).prop_map(|words| words.join(" ") + ".")
}

proptest! {
    #[test]
    fn a_sentence_passed_over_teaches_no_place(text in sentence()) {
        let lexicon = &PACK.lexicon;
        if !lexicon.place_types.may_name_a_place(&text) {
            for open_quote in [false, true] {
                let view = SentenceView::new(&text, 0..text.len(), lexicon, open_quote);
                prop_assert!(Places::lessons(&view, &text, lexicon).is_empty(), "{text}");
            }
        }
    }
}

#[test]
fn sentences_that_teach_are_read() {
    let lexicon = &PACK.lexicon;
    for text in ["A drone hit the village of Kivalin in Moldova.", "It came from Moldova's Torki."] {
        let view = SentenceView::new(text, 0..text.len(), lexicon, false);
        assert!(!Places::lessons(&view, text, lexicon).is_empty(), "{text}");
        assert!(lexicon.place_types.may_name_a_place(text), "{text}");
    }
}
