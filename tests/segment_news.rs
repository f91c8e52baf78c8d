//! Pins sentence boundaries on real news text (short excerpts of the seed
//! articles, copied here) and on made-up articles built around the cases
//! news English gets wrong: datelines, titles and initials, quotations that
//! span sentences, glued words, bullets and headlines without punctuation.

use gainsay::segment::{Segmenter, segment_json_lines};

fn segmenter() -> Segmenter {
    Segmenter::from_toml(include_str!("../rules/lexicon/abbreviations.toml")).expect("abbreviations parse")
}

fn sentences(text: &str) -> Vec<&str> {
    segmenter().split(text).into_iter().map(|span| &text[span]).collect()
}

// Seed articles.

#[test]
fn headline_glued_to_its_repeat_is_two_sentences() {
    let text = "Azerbaijan Not Foreigners' Military Base\n\n\
                Azerbaijan Not Foreigners' Military BaseAzerbaijan Not Foreigners' Military Base\n\n\
                The Azeri Foreign Ministry spokesperson said on Friday its country will never be used as a military base for foreign countries.";
    assert_eq!(
        sentences(text),
        [
            "Azerbaijan Not Foreigners' Military Base",
            "Azerbaijan Not Foreigners' Military Base",
            "Azerbaijan Not Foreigners' Military Base",
            "The Azeri Foreign Ministry spokesperson said on Friday its country will never be used as a military base for foreign countries.",
        ]
    );
}

#[test]
fn glued_lowercase_words_do_not_split() {
    let text = "Ibrahim remarkedthat Israel’s incoming government, led by Likud Party leader Benjamin Netanyahu, will have no impact on Azeri relations with regional nations and its decision-making on UN-related votes.";
    assert_eq!(sentences(text), [text]);
}

#[test]
fn quotation_ending_the_sentence_keeps_its_attribution() {
    let text = "\"The Azeri nation and government strongly oppose the use of their country's soil by a third country,\" he asserted.\n\n\
                He touched on the cordial relations between the two nations and governments and said, \"We have issued various statements after hearing the rumors and denied all of them.\"";
    assert_eq!(
        sentences(text),
        [
            "\"The Azeri nation and government strongly oppose the use of their country's soil by a third country,\" he asserted.",
            "He touched on the cordial relations between the two nations and governments and said, \"We have issued various statements after hearing the rumors and denied all of them.\"",
        ]
    );
}

#[test]
fn quotation_of_two_sentences_is_one_sentence() {
    let text = "The US and Israel’s Mossad have admitted their involvement on the ground, with former US Secretary of State Mike Pompeo saying in a social media post, \"Happy New Year to every Iranian in the streets. Also, to every Mossad agent walking beside them.\"\nThe threat of a military confrontation between Iran and the US has de-escalated in recent days.";
    let found = sentences(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].ends_with("walking beside them.\""));
}

#[test]
fn curly_quotations_split_after_their_attribution() {
    let text = "“Azerbaijan is a very reliable international partner. It has very good relations with any country that wishes to have good relations,” he says. “I should underline that it has nothing to do with just one country. We are very proud that we do not have any foreign military bases on our soil.”";
    assert_eq!(
        sentences(text),
        [
            "“Azerbaijan is a very reliable international partner. It has very good relations with any country that wishes to have good relations,” he says.",
            "“I should underline that it has nothing to do with just one country. We are very proud that we do not have any foreign military bases on our soil.”",
        ]
    );
}

#[test]
fn curly_quotation_closed_by_a_straight_quote_holds_together() {
    let text = "“Never will Azerbaijanis be used against any other country. Probably there is someone who wants to spoil the relations between Azerbaijan and its allies, but that will never be the case,\" Ibrahimi said, saying he would not destroy Azerbaijan's reputation for Israeli interests. ";
    assert_eq!(sentences(text), [text.trim()]);
}

#[test]
fn scare_quoted_name_ending_a_sentence_splits() {
    let text = "Iran accused Azerbaijan of providing a base of intel operations for \"Israel.\" Tehran accused \"Tel Aviv\" of exploiting the Karabakh conflict to gain access to Iran's borders via Azerbaijan.";
    assert_eq!(
        sentences(text),
        [
            "Iran accused Azerbaijan of providing a base of intel operations for \"Israel.\"",
            "Tehran accused \"Tel Aviv\" of exploiting the Karabakh conflict to gain access to Iran's borders via Azerbaijan.",
        ]
    );
}

#[test]
fn headline_subhead_and_byline_end_at_their_line_breaks() {
    let text = "Azerbaijan will not allow Israel to attack Iran from its soil\n\
                The Azeri ambassador to the US said Israel's incoming government will not impact Baku's relations with other nations\n\
                By News Desk - December 16 2022\n\n(Photo Credit: AP)\n\n\
                Azeri Ambassador to the US Khazar Ibrahim informed Israeli media on 16 December that Baku would not allow Tel Aviv to attack Iran from its soil.";
    assert_eq!(
        sentences(text),
        [
            "Azerbaijan will not allow Israel to attack Iran from its soil",
            "The Azeri ambassador to the US said Israel's incoming government will not impact Baku's relations with other nations",
            "By News Desk - December 16 2022",
            "(Photo Credit: AP)",
            "Azeri Ambassador to the US Khazar Ibrahim informed Israeli media on 16 December that Baku would not allow Tel Aviv to attack Iran from its soil.",
        ]
    );
}

#[test]
fn press_release_number_with_colon_stays_in_its_sentence() {
    let text = "Press release 04 October 2021\n\n\
                No:367/21, Head of the Press Service Department of the Ministry of Foreign Affairs of the Republic of Azerbaijan Leyla Abdullayeva answers the question of the local media\n\n\
                Answer: First of all, we would like to emphasize that relations between our peoples are at the highest level. Relations between Azerbaijan and Iran are based on strong historical ties, friendship and cooperation.";
    let found = sentences(text);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[1].starts_with("No:367/21, Head") && found[1].ends_with("local media"));
}

#[test]
fn abbreviation_in_parentheses_ends_a_sentence_before_a_capital() {
    let text = "Azerbaijan is distinguished by its active position in the Organization of Islamic Cooperation (OIC). Over the past decades, our country has focused on the issue.";
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn menu_bullets_each_on_a_line_are_sentences() {
    let text = "Al Mayadeen English\n\n  • Ar\n  • Es\n  • x\n  • • LIVE\nNews\n  • Politics";
    assert_eq!(sentences(text), ["Al Mayadeen English", "• Ar", "• Es", "• x", "• • LIVE", "News", "• Politics"]);
}

#[test]
fn percentages_and_year_ranges_end_sentences_normally() {
    let text = "In a report in 2021 published by the Stockholm International Peace Research Institute (SIPRI), \"Israel\" accounted for 69% of Azerbaijan's total arms imports from 2016 to 2020. It's worth noting that the increase in arms sales took place during the escalation.";
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn headline_line_with_surrounding_spaces_is_trimmed() {
    let text = "He said so.\n\n  Support for Palestinian State   \n\nHe also referred to Azerbaijan's stance.";
    assert_eq!(
        sentences(text),
        ["He said so.", "Support for Palestinian State", "He also referred to Azerbaijan's stance."]
    );
}

// Made-up articles.

#[test]
fn dateline_with_abbreviated_month_and_agency_stays_in_the_first_sentence() {
    let text = "BAKU, Dec. 16 (Reuters) - Azerbaijan's ambassador to the U.S. said on Friday that his country would never be used as a base against Iran. \"We will never allow it,\" he said.";
    assert_eq!(
        sentences(text),
        [
            "BAKU, Dec. 16 (Reuters) - Azerbaijan's ambassador to the U.S. said on Friday that his country would never be used as a base against Iran.",
            "\"We will never allow it,\" he said.",
        ]
    );
}

#[test]
fn initialism_before_a_title_and_name_does_not_split() {
    let text = "WASHINGTON — U.S. Sen. Lindsey Graham said on Tuesday that Gen. J. R. Smith would testify.";
    assert_eq!(sentences(text), [text]);
}

#[test]
fn hyphenated_initialism_does_not_split() {
    let text = "The U.S.-based analyst said the strike was deliberate. A U.S.-Iran channel remained open.";
    assert_eq!(
        sentences(text),
        ["The U.S.-based analyst said the strike was deliberate.", "A U.S.-Iran channel remained open."]
    );
}

#[test]
fn time_abbreviation_ends_a_sentence_unless_the_sentence_is_only_a_fronted_phrase() {
    let text =
        "At 5 a.m. Gen. Smith briefed reporters. The drone crashed at 6 p.m. Officials said it came from the north.";
    assert_eq!(
        sentences(text),
        [
            "At 5 a.m. Gen. Smith briefed reporters.",
            "The drone crashed at 6 p.m.",
            "Officials said it came from the north."
        ]
    );
}

#[test]
fn month_abbreviation_before_a_day_does_not_split() {
    let text = "On Dec. 16 Azerbaijan said the talks would resume in Jan. The minister did not give a date.";
    assert_eq!(
        sentences(text),
        ["On Dec. 16 Azerbaijan said the talks would resume in Jan.", "The minister did not give a date."]
    );
}

#[test]
fn number_abbreviation_before_a_number_only() {
    let text = "Resolution No. 367 passed. Iran said no. Then talks resumed.";
    assert_eq!(sentences(text), ["Resolution No. 367 passed.", "Iran said no.", "Then talks resumed."]);
}

#[test]
fn quotation_spanning_two_sentences_then_a_new_sentence() {
    let text = "He said: \"It is over. We won.\" Then he left.";
    assert_eq!(sentences(text), ["He said: \"It is over. We won.\"", "Then he left."]);
}

#[test]
fn quotation_left_open_at_the_paragraph_end_does_not_join_sentences() {
    let text = "He said: \"It is over. We won.\n\n\"We will rebuild,\" he added.";
    assert_eq!(sentences(text), ["He said: \"It is over.", "We won.", "\"We will rebuild,\" he added."]);
}

#[test]
fn question_in_quotes_before_lowercase_attribution_does_not_split() {
    let text = "“Why would we attack?” he asked. “Because they lie,” she said. \"Who benefits?\" He did not answer.";
    assert_eq!(
        sentences(text),
        [
            "“Why would we attack?” he asked.",
            "“Because they lie,” she said.",
            "\"Who benefits?\"",
            "He did not answer."
        ]
    );
}

#[test]
fn email_and_url_with_query_stay_whole() {
    let text = "Write to press@mfa.gov.az. The statement is at https://mfa.gov.az/news?id=367&lang=en. It was updated.";
    assert_eq!(
        sentences(text),
        [
            "Write to press@mfa.gov.az.",
            "The statement is at https://mfa.gov.az/news?id=367&lang=en.",
            "It was updated."
        ]
    );
}

#[test]
fn decimals_and_money_do_not_split() {
    let text = "The drone flew 12.5 km and cost $1.2 million. It was shot down.";
    assert_eq!(sentences(text), ["The drone flew 12.5 km and cost $1.2 million.", "It was shot down."]);
}

#[test]
fn inline_list_after_a_colon_stays_one_sentence() {
    let text = "The ministry listed its demands: 1) an inquiry 2) compensation. Kyiv agreed.";
    assert_eq!(sentences(text), ["The ministry listed its demands: 1) an inquiry 2) compensation.", "Kyiv agreed."]);
}

#[test]
fn crlf_line_breaks_end_headlines() {
    let text = "Drone debris found near Cahul\r\nPolice sealed off the area. Residents stayed indoors.\r\n";
    assert_eq!(
        sentences(text),
        ["Drone debris found near Cahul", "Police sealed off the area.", "Residents stayed indoors."]
    );
}

#[test]
fn possessive_after_abbreviation_and_ellipsis_inside_quotation() {
    let text = "Smith Jr.'s office called it \"an accident... or worse.\" Nobody knows!";
    assert_eq!(sentences(text), ["Smith Jr.'s office called it \"an accident... or worse.\"", "Nobody knows!"]);
}

#[test]
fn json_lines_carry_exact_offsets_and_text() {
    let text = "Headline\n\nMr. Aliyev spoke. “We agree,” he said.";
    let out = segment_json_lines("news/a.txt", text, &segmenter());
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        let (start, end) = (line["start"].as_u64().unwrap(), line["end"].as_u64().unwrap());
        let (start, end) = (usize::try_from(start).unwrap(), usize::try_from(end).unwrap());
        assert_eq!(line["path"], "news/a.txt");
        assert_eq!(line["text"], &text[start..end]);
    }
    assert_eq!(lines[1]["text"], "Mr. Aliyev spoke.");
}

#[test]
fn period_glued_to_the_next_sentence_by_a_scraper_ends_it() {
    let text =
        "He made the remarks in a meeting, the agency reported.He added that Mrs.Smith wrote to Jane.Doe@example.com.";
    assert_eq!(
        sentences(text),
        [
            "He made the remarks in a meeting, the agency reported.",
            "He added that Mrs.Smith wrote to Jane.Doe@example.com."
        ]
    );
}

#[test]
fn unicode_ellipsis_before_a_capital_ends_a_sentence_like_three_dots() {
    let text = "“We are waiting… The government must act,” he said. Talks resumed… Then they stalled.";
    assert_eq!(
        sentences(text),
        ["“We are waiting… The government must act,” he said.", "Talks resumed…", "Then they stalled."]
    );
}

#[test]
fn year_before_a_year_starting_the_next_sentence_splits() {
    let text = "Relations improved in 2019. 2020 was worse. Resolution No. 5 was adopted on Dec. 16, 2022, in Baku.";
    assert_eq!(
        sentences(text),
        ["Relations improved in 2019.", "2020 was worse.", "Resolution No. 5 was adopted on Dec. 16, 2022, in Baku."]
    );
}
