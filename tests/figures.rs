//! Figures across outlets: when two figures for one thing disagree, and
//! when they only look different (rounding, units, another holder, a
//! story told months apart). Each case is a handful of short articles
//! about one invented incident, checked together.

mod common;

use common::{check_articles, expect, expect_none, side};
use gainsay::Severity;

const FERRY_A: &str = "---\noutlet: Lima Wire\ndate: 2025-03-02\n---\n\
Ferry sinks off Callao with 140 on board\n\n\
The ferry Santa Rosa capsized off the port of Callao on Saturday night, the Peruvian navy said. \
Of the 140 passengers, 57 were Peruvian, the navy said in a statement.\n";

const FERRY_B: &str = "---\noutlet: Andes Courier\ndate: 2025-03-03\n---\n\
Santa Rosa ferry disaster: navy names the dead\n\n\
The navy said the Santa Rosa ferry capsized off Callao late on Saturday. \
The dead included 55 Peruvians, according to the navy.\n";

#[test]
fn exact_counts_a_little_apart_disagree() {
    let outcome = check_articles(&[("ferry-a.txt", FERRY_A), ("ferry-b.txt", FERRY_B)]);
    expect(&outcome, "numeric-mismatch", side("ferry-a", "57 were Peruvian"), side("ferry-b", "55 Peruvians"));
}

/// A story's headline and the lead every outlet's article opens with.
type Story = (&'static str, &'static str);

/// One outlet's article of a story, named `name`, ending on `sentence`.
fn article(story: Story, name: &str, outlet: &str, date: &str, sentence: &str) -> (String, String) {
    let (headline, lead) = story;
    let text = format!("---\noutlet: {outlet}\ndate: {date}\n---\n{headline}\n\n{lead} {sentence}\n");
    (name.to_string(), text)
}

const TUNNEL: Story = (
    "Fire closes the Rennick tunnel under the Solent",
    "A lorry fire closed the Rennick tunnel under the Solent on Monday, police said.",
);

fn tunnel(name: &str, outlet: &str, date: &str, sentence: &str) -> (String, String) {
    article(TUNNEL, name, outlet, date, sentence)
}

#[test]
fn a_length_rounded_in_another_unit_agrees() {
    let outcome = check_articles(&[
        tunnel("a.txt", "Solent Post", "2025-05-05", "The 12-mile tunnel carries most freight to the island."),
        tunnel("b.txt", "Harbour Daily", "2025-05-06", "The 19-kilometre tunnel carries most freight to the island."),
    ]);
    expect_none(&outcome, "numeric-mismatch", side("a", "12-mile"), side("b", "19-kilometre"));
}

#[test]
fn a_length_in_the_wrong_unit_disagrees_even_months_later() {
    let outcome = check_articles(&[
        tunnel("a.txt", "Solent Post", "2025-05-05", "The 19-kilometre tunnel carries most freight to the island."),
        tunnel("b.txt", "Harbour Daily", "2025-08-20", "The 19-mile tunnel carries most freight to the island."),
    ]);
    let found = expect(&outcome, "numeric-mismatch", side("a", "19-kilometre"), side("b", "19-mile"));
    assert_eq!(found.severity, Severity::Warning, "a tunnel's length is not revised: {:?}", found.help);
}

#[test]
fn a_count_months_later_may_be_an_update() {
    let outcome = check_articles(&[
        tunnel("a.txt", "Solent Post", "2025-05-05", "Police said 14 people were taken to hospital."),
        tunnel("b.txt", "Harbour Daily", "2025-08-20", "Police said 19 people were taken to hospital."),
    ]);
    let found = expect(&outcome, "numeric-mismatch", side("a", "14 people"), side("b", "19 people"));
    assert!(found.severity < Severity::Warning, "months apart, a count may have been revised");
}

const CUP_FINAL: Story = (
    "Calder United win the Northern Cup final in Leeds",
    "Calder United beat Ashby Rovers 6-4 in the Northern Cup final in Leeds on Sunday.",
);

fn final_report(name: &str, outlet: &str, sentence: &str) -> (String, String) {
    article(CUP_FINAL, name, outlet, "2025-07-14", sentence)
}

#[test]
fn two_players_figures_are_not_one_quantity() {
    let outcome = check_articles(&[
        final_report(
            "a.txt",
            "Pennine Sport",
            "Ortiz was named man of the match, while Brennan finished with five goals.",
        ),
        final_report("b.txt", "Leeds Evening", "Tomas Ortiz scored three goals and lifted the cup."),
    ]);
    expect_none(&outcome, "numeric-mismatch", side("a", "five goals"), side("b", "three goals"));
}

#[test]
fn one_players_figures_are_compared() {
    let outcome = check_articles(&[
        final_report("a.txt", "Pennine Sport", "Brennan scored five goals in the second half."),
        final_report("b.txt", "Leeds Evening", "Kieran Brennan scored three goals and lifted the cup."),
    ]);
    expect(&outcome, "numeric-mismatch", side("a", "five goals"), side("b", "three goals"));
}

#[test]
fn a_date_deep_in_the_body_does_not_date_the_article() {
    // A wire dateline gives no year; the date in the body is the crash's,
    // years before the report. Read as the article's date, it would put
    // the two reports years apart, and the mismatch would be excused as a
    // revision.
    let wire = "ROTTERDAM, Nov 3 (North Sea Wire) - Investigators said on Thursday that the freighter Maren \
                Holt, which sank near the Dogger Bank, had been overloaded when it went down.\n\n\
                The Maren Holt sank in a storm on February 9, 2019. All 31 crew were lost, among them \
                12 Filipino sailors.\n";
    let later = "---\noutlet: Baltic Shipping Review\ndate: 2024-11-04\n---\nMaren Holt inquiry: freighter was \
                 overloaded, investigators say\n\n\
                 The Maren Holt sank near the Dogger Bank with the loss of all 31 crew, including 14 Filipino \
                 sailors, investigators said.\n";
    let outcome = check_articles(&[("wire.txt", wire), ("review.txt", later)]);
    let found = expect(&outcome, "numeric-mismatch", side("wire", "12 Filipino"), side("review", "14 Filipino"));
    assert_eq!(found.severity, Severity::Warning, "{:?}", found.help);
}

const FLOOD: Story =
    ("The Tisza floods the town of Szolnok", "The Tisza burst its banks at Szolnok on Tuesday, flooding the old town.");

fn flood(name: &str, outlet: &str, date: &str, sentence: &str) -> (String, String) {
    article(FLOOD, name, outlet, date, sentence)
}

#[test]
fn a_thousands_figure_is_no_year() {
    let outcome = check_articles(&[
        flood(
            "a.txt",
            "Alfold Wire",
            "2025-04-01",
            "The mayor said almost 2,000 people had been evacuated from the old town.",
        ),
        flood(
            "b.txt",
            "Pest Courier",
            "2025-04-01",
            "The mayor said 1,200 people had been evacuated from the old town.",
        ),
    ]);
    expect(&outcome, "numeric-mismatch", side("a", "2,000 people"), side("b", "1,200 people"));
    // Four bare digits after "in" are a year, and compare with nothing.
    let outcome = check_articles(&[
        flood("a.txt", "Alfold Wire", "2025-04-01", "The old town was last flooded in 2006, the mayor said."),
        flood("b.txt", "Pest Courier", "2025-04-01", "The old town was last flooded in 1970, the mayor said."),
    ]);
    assert!(outcome.findings.iter().all(|f| f.rule != "numeric-mismatch"), "{:?}", outcome.findings);
}
