//! Two people named as holder of one office: a conflict only when the two
//! articles speak of one time, by their dates or, where one has none, by
//! reporting one incident.

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
