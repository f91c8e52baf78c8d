//! The first extraction pass skips sentences that cannot name a place to
//! learn: whatever the sentence, if the quick look at its raw text says
//! no, reading it in full teaches nothing, and whether it leaves a
//! quotation open is read from its characters as the full reading says.

use std::sync::LazyLock;

use gainsay::Pack;
use gainsay::claims::{Places, SentenceView, ends_inside_quote};
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

/// Words around quotation marks of every kind, with the characters that
/// change how a mark splits from its neighbours.
const QUOTE_WORDS: &[&str] = &[
    "\"", "\"", "“", "”", "„", "«", "»", "'", "said", "We", "will", "never", ",", ".", "it", "\u{301}", "\u{200D}",
    "א\"ב", "ש", "…", "’s", "x\"y", " ", "\n",
];

fn quoting_sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(QUOTE_WORDS), 0..14).prop_map(|words| {
        // Some words glued, some spaced: marks touch words both ways.
        words.iter().enumerate().map(|(i, w)| if i % 3 == 0 { format!("{w} ") } else { (*w).to_string() }).collect()
    })
}

proptest! {
    #[test]
    fn quote_state_from_characters_is_the_full_reading(text in quoting_sentence(), open_quote: bool) {
        let lexicon = &PACK.lexicon;
        if let Some(still_open) = ends_inside_quote(&text, open_quote) {
            let view = SentenceView::new(&text, 0..text.len(), lexicon, open_quote);
            prop_assert_eq!(still_open, view.ends_inside_quote(), "{:?}", text);
        }
    }
}

#[test]
fn quote_state_is_told_or_left_to_the_full_reading() {
    assert_eq!(ends_inside_quote("He said: \"We will", false), Some(true));
    assert_eq!(ends_inside_quote("He said: \"", false), Some(false));
    assert_eq!(ends_inside_quote("never leave.” Then", true), Some(false));
    assert_eq!(ends_inside_quote("and more", true), Some(true));
    assert_eq!(ends_inside_quote("צה\"ל אמר", false), None);
    assert_eq!(ends_inside_quote("\"\u{301}word", false), None);
}
