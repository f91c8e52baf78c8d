//! Where a thing was launched from, across outlets: places the gazetteer
//! does not list, learned from how the text introduces them, and told
//! apart only when the text says enough to tell.

mod common;

use common::{check_articles, expect, expect_none, side};

fn report(outlet: &str, date: &str, sentence: &str) -> String {
    format!(
        "---\noutlet: {outlet}\ndate: {date}\n---\nRocket strikes the Dnipro river port of Nikopol\n\n\
         A rocket struck the river port of Nikopol early on Tuesday, damaging two grain barges. {sentence}\n"
    )
}

/// Two outlets' reports of the strike, a day apart, each ending on its own
/// sentence.
fn two_reports(a: &str, b: &str) -> gainsay::Outcome {
    check_articles(&[
        ("a.txt", report("Dnipro Wire", "2025-04-08", a)),
        ("b.txt", report("Steppe Courier", "2025-04-09", b)),
    ])
}

#[test]
fn two_villages_named_as_the_launch_site_conflict() {
    let outcome = two_reports(
        "The rocket was fired from Velyka Znamianka, a village across the river, officials said.",
        "Investigators said the rocket had been launched from the area of Vodiane, a village then held by the army.",
    );
    expect(&outcome, "conflicting-origin", side("a", "Velyka Znamianka"), side("b", "Vodiane"));
}

#[test]
fn a_village_in_no_known_state_may_lie_in_the_state_named() {
    // Nothing says which state the village is in: it may be in Russia.
    let outcome = two_reports(
        "The rocket was fired from Velyka Znamianka, a village across the river, officials said.",
        "Officials said the rocket was fired from Russia.",
    );
    expect_none(&outcome, "conflicting-origin", side("a", "Velyka Znamianka"), side("b", "fired from Russia"));
}

#[test]
fn an_apposition_says_which_state_holds_a_village() {
    let outcome = two_reports(
        "The rocket was fired from Velyka Znamianka, a village in southern Ukraine, officials said.",
        "Officials said the rocket was fired from Russia.",
    );
    expect(&outcome, "conflicting-origin", side("a", "Velyka Znamianka"), side("b", "fired from Russia"));
}

#[test]
fn an_office_in_apposition_makes_no_place() {
    let outcome = check_articles(&[(
        "a.txt",
        report(
            "Dnipro Wire",
            "2025-04-08",
            "Oleh Marchenko, a city councillor in Nikopol, said the port would reopen.",
        ),
    )]);
    let places = &outcome.corpus.places.gazetteer.places;
    assert!(places.iter().all(|p| p.name != "Oleh Marchenko"), "a councillor was learned as a place");
}

#[test]
fn a_place_inside_the_subject_is_not_where_its_base_is() {
    // The only state before "based" sits in the subject's relative clause;
    // it is not joined to the ending as in "Kenya-based".
    let outcome = two_reports(
        "The launcher that fired on the port over southern Ukraine belonged to the army's 12th Rocket Brigade, based in the city of Kursk, investigators said.",
        "Officials said the launcher had been driven into Ukraine from Russia.",
    );
    expect_none(&outcome, "conflicting-origin", side("a", "belonged"), side("b", "from Russia"));
}
