//! People across articles: one name spelled two ways, and two people
//! named as holder of one office, each told only where the two articles
//! can be speaking of one person at one time.

mod common;

use common::{check_articles, expect, expect_none, side};

const FLOOD: &str = "Floods cut off the river town of Tarnobrzeg\n\n\
    Floodwater cut off the river town of Tarnobrzeg on Sunday after the Vistula burst its banks. \
    Rescue crews evacuated hundreds of residents from the flooded streets of Tarnobrzeg overnight. ";

const TRADE: &str = "Poland signs a grain deal with Ukraine\n\n\
    Poland and Ukraine signed a deal on grain transit through the port of Gdansk on Thursday. \
    The agreement sets quotas for Ukrainian wheat moving through Polish terminals. ";

fn dated(date: &str, body: &str, sentence: &str) -> String {
    format!("---\noutlet: Vistula Daily\ndate: {date}\n---\n{body}{sentence}\n")
}

fn undated(body: &str, sentence: &str) -> String {
    format!("{body}{sentence}\n")
}

#[test]
fn an_undated_article_meets_a_rival_holder_only_in_the_same_incident() {
    let minister = "Poland's interior minister, Jacek Wolski, said the army would help with the rescue.";
    let rival = "Polish Interior Minister Marek Zielinski said more pumps were on their way.";
    let same_incident =
        check_articles(&[("a.txt", undated(FLOOD, minister)), ("b.txt", dated("2025-09-15", FLOOD, rival))]);
    expect(&same_incident, "role-conflict", side("a", "Jacek Wolski"), side("b", "Marek Zielinski"));

    // Years apart, as far as anyone can tell: the office may have changed hands.
    let trade = "Polish Interior Minister Marek Zielinski said border checks on grain lorries would continue.";
    let other_incident =
        check_articles(&[("a.txt", undated(FLOOD, minister)), ("b.txt", dated("2021-03-04", TRADE, trade))]);
    expect_none(&other_incident, "role-conflict", side("a", "Jacek Wolski"), side("b", "Marek Zielinski"));
}

const ARREST: &str = "Four men charged over the Tarnobrzeg depot blaze\n\n\
    A court in Rzeszow charged four men on Monday over the blaze that destroyed a fuel depot in Tarnobrzeg. ";

#[test]
fn a_given_name_spelled_two_ways_under_one_surname_is_a_variant() {
    let outcome = check_articles(&[
        (
            "a.txt",
            dated(
                "2025-09-15",
                ARREST,
                "The men were named as Aleksandr Petrenko, Bogdan Kuzma and Wladyslaw Nowicki.",
            ),
        ),
        ("b.txt", dated("2025-09-16", ARREST, "Prosecutors said Aleksander Petrenko had bought the petrol.")),
    ]);
    expect(&outcome, "name-variant", side("b", "Aleksander Petrenko"), side("a", "Aleksandr Petrenko"));
}

#[test]
fn relatives_and_strangers_sharing_a_surname_are_not_variants() {
    // Two given names a letter apart, short enough to be two names.
    let outcome = check_articles(&[
        ("a.txt", dated("2025-09-15", ARREST, "Among those charged was Marek Nowicki, a driver.")),
        ("b.txt", dated("2025-09-16", ARREST, "His brother Jarek Nowicki was questioned and released.")),
    ]);
    expect_none(&outcome, "name-variant", side("a", "Marek Nowicki"), side("b", "Jarek Nowicki"));
    // One given name a letter apart, but years apart and about other things.
    let outcome = check_articles(&[
        ("a.txt", dated("2025-09-15", ARREST, "Prosecutors said Aleksandr Petrenko had bought the petrol.")),
        ("b.txt", dated("2019-02-01", TRADE, "The deal was negotiated by Aleksander Petrenko, a trade envoy.")),
    ]);
    expect_none(&outcome, "name-variant", side("a", "Aleksandr Petrenko"), side("b", "Aleksander Petrenko"));
}

#[test]
fn an_office_whose_state_is_only_presumed_is_not_compared() {
    // Under a Chisinau dateline "President" is presumed Moldova's, which
    // is enough to read whose side a statement takes, not to say that two
    // people hold one office: the second is the president of somewhere else.
    let article = |date: &str, name: &str| {
        format!(
            "---\noutlet: Dniester Daily\ndate: {date}\n---\nShelling near Dubova\n\n\
             CHISINAU, {date} (DD) - Shells hit the village of Dubova overnight, damaging a school. \
             President {name} said the shelling had to stop.\n"
        )
    };
    let outcome = check_articles(&[
        ("a.txt", article("2025-06-02", "Maia Sandu")),
        ("b.txt", article("2025-06-03", "Recep Tayyip Erdogan")),
    ]);
    expect_none(&outcome, "role-conflict", side("a", "Maia Sandu"), side("b", "Recep Tayyip Erdogan"));
    // Named as the state's, the office is compared.
    let stated = check_articles(&[
        ("a.txt", article("2025-06-02", "Maia Sandu").replace("President", "Moldovan President")),
        ("b.txt", article("2025-06-03", "Igor Dodon").replace("President", "Moldovan President")),
    ]);
    expect(&stated, "role-conflict", side("a", "Maia Sandu"), side("b", "Igor Dodon"));
}

/// Each person's role label, as the article's people give them.
fn roles(article: &str) -> Vec<(String, Option<String>)> {
    let outcome = check_articles(&[("a.txt", article)]);
    outcome
        .corpus
        .people
        .iter()
        .map(|p| (p.mention.name.clone(), p.mention.role.as_ref().map(|r| r.label.clone())))
        .collect()
}

#[test]
fn a_role_phrase_starts_at_its_title_and_stops_at_an_earlier_name() {
    let article = "The protest was directed at Interior Minister Jonas Valaitis and the commander of the \
        Border Guard, Rimas Petkus, whom the farmers blamed for the delays.";
    let found = roles(article);
    let role_of = |name: &str| found.iter().find(|(n, _)| n == name).and_then(|(_, r)| r.clone());
    assert_eq!(role_of("Jonas Valaitis").as_deref(), Some("Interior Minister"), "{found:?}");
    let second = role_of("Rimas Petkus");
    assert!(second.as_deref().is_some_and(|r| r.starts_with("commander") && !r.contains("Valaitis")), "{found:?}");
}

#[test]
fn an_abbreviated_rank_before_a_name_is_no_speaker() {
    for (article, name) in [
        ("The coast guard's spokesman, Lt. Cmdr. Aivar Tamm, said the trawler had been boarded.", "Aivar Tamm"),
        ("The ministry's press secretary, Brig. Gen. Ona Kask, said the reports were inaccurate.", "Ona Kask"),
        ("The navy's spokesman, Capt. Priit Saar, said the mine had been removed.", "Priit Saar"),
    ] {
        let outcome = check_articles(&[("a.txt", article)]);
        let speaker = &outcome.corpus.claims.last().expect("a claim").speaker.label;
        assert!(speaker.ends_with(name), "{article:?} is said by {speaker:?}");
        let people = roles(article);
        assert!(people.iter().all(|(n, _)| n.contains(name)), "{article:?}: people {people:?}");
    }
}

#[test]
fn an_abbreviated_rank_and_a_title_s_modifiers_stay_in_the_role() {
    let article = "---\noutlet: Baltic Desk\ndate: 2025-01-01\n---\nEstonian navy spokesman Lt. Cmdr. Aivar Tamm said \
        the trawler had been boarded. The regional border guard commander Rein Kask said the crew was detained.\n";
    let outcome = check_articles(&[("a.md", article)]);
    let key = |name: &str| {
        let person = outcome.corpus.people.iter().find(|p| p.mention.name == name);
        person.and_then(|p| p.mention.role.as_ref()).map(|r| r.title.clone())
    };
    assert_eq!(key("Aivar Tamm").as_deref(), Some("navy spokesman"));
    assert_eq!(key("Rein Kask").as_deref(), Some("regional border guard commander"));
}

#[test]
fn a_role_set_beside_a_name_in_a_clause_is_the_role() {
    let held = "Jan Malek, who is Poland's interior minister, said the army should help with the rescue.";
    let now = "Polish Interior Minister Marek Zielinski said more pumps were on their way.";
    let outcome =
        check_articles(&[("a.txt", dated("2025-09-15", FLOOD, held)), ("b.txt", dated("2025-09-15", FLOOD, now))]);
    expect(&outcome, "role-conflict", side("a", "Jan Malek"), side("b", "Marek Zielinski"));
}
