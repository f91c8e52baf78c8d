//! How one sentence is read: who speaks, for whom, and how firmly, on
//! phrasings of the kinds news uses, each in both directions: a denial
//! and the same sentence affirming, a hedge and the same sentence stated.
//!
//! Each case is a short article; the last sentence is the one read, the
//! ones before it set the scene (who was named, where the article is
//! from), as they would in news.

mod common;

use gainsay::claims::gold::{self, Reading};

/// What extraction makes of an article's last sentence.
fn last_reading(article: &str) -> Reading {
    let outcome = common::check_articles(&[("article.txt", article)]);
    let claim = outcome.corpus.claims.last().expect("the article has claims");
    gold::reading(&outcome.corpus, claim)
}

/// Asserts each article's last sentence is read with `stance`, and, when
/// given, by a speaker whose label holds `speaker`.
fn assert_read(cases: &[(&str, &str, Option<&str>)]) {
    let mut wrong = Vec::new();
    for (article, stance, speaker) in cases {
        let reading = last_reading(article);
        let speaker_right = speaker.is_none_or(|s| reading.speaker.contains(s));
        if reading.stance != *stance || !speaker_right {
            wrong.push(format!(
                "{article:?}\n  expected {stance} by {speaker:?}, read {} by {:?} ({:?})",
                reading.stance, reading.speaker, reading.affiliation
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} read wrongly:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}

#[test]
fn a_denial_verb_scopes_over_the_reports_it_rejects() {
    assert_read(&[
        (
            "Lithuania on Friday denied reports that its airspace had been used for the raid.",
            "denies",
            Some("Lithuania"),
        ),
        (
            "Lithuania on Friday confirmed reports that its airspace had been used for the raid.",
            "affirms",
            Some("Lithuania"),
        ),
        ("The ministry rejected accusations that its troops had shelled the market.", "denies", Some("ministry")),
        ("The ministry repeated accusations that its rivals had shelled the market.", "affirms", Some("ministry")),
        (
            "Hungary dismissed as baseless claims that the drones had been launched from its soil.",
            "denies",
            Some("Hungary"),
        ),
        ("Hungary said the drones had been launched from its soil.", "affirms", Some("Hungary")),
        (
            "The head of Peru's Civil Aviation Authority on Monday dismissed reports that a missile had struck the airliner.",
            "denies",
            Some("Civil Aviation Authority"),
        ),
        (
            "The head of Peru's Civil Aviation Authority on Monday said that a missile had struck the airliner.",
            "affirms",
            Some("Civil Aviation Authority"),
        ),
    ]);
}

#[test]
fn untruth_and_unrelatedness_are_denials() {
    assert_read(&[
        ("It is untrue that our air bases were used for the attack, the minister said.", "denies", Some("minister")),
        ("It is true that our air bases were used for the attack, the minister said.", "affirms", Some("minister")),
        ("The defence ministry called the story pure invention.", "denies", Some("defence ministry")),
        ("The government said it had nothing to do with the explosion.", "denies", Some("government")),
        ("The government said it had a great deal to do with the recovery.", "affirms", Some("government")),
    ]);
}

#[test]
fn unasserted_content_is_hedged() {
    assert_read(&[
        ("Police are investigating whether the rockets were fired from the hills.", "hedged", Some("Police")),
        ("Police said the rockets were fired from the hills.", "affirms", Some("Police")),
        ("The army declined to say where the drones took off.", "hedged", Some("army")),
        ("Experts said they were doubtful that it came from Belarus.", "hedged", Some("Experts")),
        ("Experts said it came from Belarus.", "affirms", Some("Experts")),
        ("The missile probably came from the north, an analyst said.", "hedged", Some("analyst")),
        ("The missile came from the north, an analyst said.", "affirms", Some("analyst")),
    ]);
}

#[test]
fn a_state_owning_a_named_body_is_its_affiliation() {
    let reading = last_reading(
        "The head of Peru's Civil Aviation Authority on Monday dismissed reports that a missile had struck the airliner.",
    );
    assert_eq!(reading.affiliation.as_deref(), Some("Peru"));
    let reading = last_reading("The head of the World Meteorological Organization said the storm had weakened.");
    assert_eq!(reading.affiliation.as_deref(), Some("World Meteorological Organization"));
}

#[test]
fn evidence_cited_inside_a_statement_stays_the_speakers_word() {
    assert_read(&[
        (
            "Prime Minister Anna Vik said Friday that evidence from the wreck shows the ferry was struck by a torpedo.",
            "affirms",
            Some("Anna Vik"),
        ),
        ("The minister said the data show the ferry was struck by a torpedo.", "affirms", Some("minister")),
    ]);
}

/// "A said B told her X": the sentence is A's report, and X is B's word,
/// so the claim is A's and the frame of X is B's.
#[test]
fn a_report_of_what_another_said_is_the_reporters_and_its_frames_the_others() {
    let article = "The minister said the coast guard told her the ferry was struck by a torpedo.";
    assert_read(&[(article, "affirms", Some("minister"))]);
    assert_eq!(frame_speakers(article), [("was struck".to_string(), "coast guard".to_string())]);
    let article = "The minister said the coast guard denied that the ferry was struck by a torpedo.";
    assert!(last_reading(article).speaker.contains("minister"));
    assert_eq!(frame_speakers(article)[0], ("was struck".to_string(), "coast guard".to_string()));
    assert_frame_stances(&[(article, "struck", "Denied")]);
}

/// The speakers of the frames of an article's last sentence, by the text
/// of each frame's cue.
fn frame_speakers(article: &str) -> Vec<(String, String)> {
    let outcome = common::check_articles(&[("article.txt", article)]);
    let claim = outcome.corpus.claims.last().expect("the article has claims");
    let text = &outcome.corpus.documents[claim.doc].text;
    claim.frames.iter().map(|f| (text[f.cue.clone()].to_string(), f.speaker.label.to_string())).collect()
}

#[test]
fn a_second_speaker_in_a_coordinated_clause_owns_what_it_says() {
    let cases = [
        (
            "The port authority declined to comment on the cause, and a spokesman for Georgia's coast guard \
             suggested the blast may have been a sabotage staged by smugglers.",
            "staged",
            "spokesman",
        ),
        (
            "The ministry refused to discuss the incident, but an adviser to Chile's navy claimed the cable had \
             been attacked by a trawler.",
            "attacked",
            "adviser",
        ),
    ];
    for (article, cue, speaker) in cases {
        let speakers = frame_speakers(article);
        let found = speakers.iter().find(|(c, _)| c.contains(cue));
        assert!(
            found.is_some_and(|(_, s)| s.contains(speaker)),
            "{article:?}: the frame at {cue:?} is not said by the {speaker}: {speakers:?}"
        );
    }
}

#[test]
fn a_named_officials_later_mentions_keep_the_state_learned_from_the_dateline() {
    let article = "BANGKOK, 4 May (Chao Phraya Wire) - The government has blamed smugglers for the fire at the depot.\n\n\
        \"This was arson, plain and simple,\" government spokesman Somchai Rattanakul told reporters on Monday.\n\n\
        Rattanakul firmly rejected claims by Phnom Penh that Thai soldiers had set the depot alight.\n";
    let reading = last_reading(article);
    assert_eq!((reading.stance.as_str(), reading.affiliation.as_deref()), ("denies", Some("Thailand")), "{reading:?}");
    // Without a dateline nothing says whose spokesman he is.
    let undated = article.replace("BANGKOK, 4 May (Chao Phraya Wire) - ", "");
    assert_eq!(last_reading(&undated).affiliation, None);
}

#[test]
fn a_speaker_the_tagger_cut_off_its_verb_still_speaks() {
    // "official" after "An" is read as an adjective, and the parse hangs
    // the verb of saying from it.
    let reading = last_reading(
        "An official at the ministry told reporters that no shell had been fired from Moldovan territory.",
    );
    assert!(reading.speaker.contains("official"), "{reading:?}");
    assert_eq!(reading.stance, "denies");
}

#[test]
fn a_dateline_after_a_page_menu_still_says_where_the_article_is_from() {
    let article = "DNIESTER DAILY\n\nHome | News | Region | Economy | Sport\n\nHome > News > Region\n\n\
        Chisinau rejects the reports\n\n\
        CHISINAU (DD) - Moldova on Monday dismissed reports that its troops had shelled the village of Dubova overnight.\n\n\
        Foreign Ministry spokesman Daniel Vodă said the reports were false.\n";
    assert_eq!(last_reading(article).affiliation.as_deref(), Some("Moldova"));
    // Lines of a menu are no dateline, and nothing else says whose the ministry is.
    let without = article.replace("CHISINAU (DD) - Moldova on Monday dismissed", "The government on Monday dismissed");
    assert_eq!(last_reading(&without).affiliation, None);
}

#[test]
fn a_verb_that_introduces_a_quotation_is_one_of_saying() {
    for verb in ["summed it up", "put it bluntly"] {
        let reading = last_reading(&format!(
            "Ruiz, who was in tears at the final whistle, {verb}: \"Obviously I wanted to end my career with this.\""
        ));
        assert!(reading.speaker.contains("Ruiz"), "{verb}: {reading:?}");
    }
    // A quotation before the verb is said by whoever the attribution names.
    let reading = last_reading("\"Obviously I wanted to end my career with this,\" the coach added as Ruiz wept.");
    assert!(!reading.speaker.contains("Ruiz"), "{reading:?}");
}

/// The frames of an article's last sentence, as (frame, cue) pairs.
fn frames_read(article: &str) -> Vec<(String, String)> {
    let pack = gainsay::Pack::embedded().unwrap();
    let outcome = common::check_articles(&[("article.txt", article)]);
    let claim = outcome.corpus.claims.last().expect("the article has claims");
    let text = &outcome.corpus.documents[claim.doc].text;
    claim.frames.iter().map(|f| (pack.lexicon.frames[f.kind].name.clone(), text[f.cue.clone()].to_string())).collect()
}

#[test]
fn taking_on_the_prevention_of_an_act_is_no_part_in_it() {
    let pledges = [
        "Peru is committed to preventing any incursion from its territory, the ministry said.",
        "The coast guard was responsible for stopping the smuggling runs along the delta, officials said.",
    ];
    for article in pledges {
        let frames = frames_read(article);
        assert!(!frames.iter().any(|(frame, _)| frame == "responsibility"), "{article:?}: {frames:?}");
    }
    let parts = [
        "The coast guard was responsible for the smuggling runs along the delta, officials said.",
        "Officials said the rebels carried out the raid to prevent further shelling of the town.",
    ];
    for article in parts {
        let frames = frames_read(article);
        assert!(frames.iter().any(|(frame, _)| frame == "responsibility"), "{article:?}: {frames:?}");
    }
}

/// Asserts each article's last sentence is spoken for `affiliation`.
fn assert_affiliated(cases: &[(&str, Option<&str>)]) {
    let mut wrong = Vec::new();
    for (article, affiliation) in cases {
        let reading = last_reading(article);
        if reading.affiliation.as_deref() != *affiliation {
            wrong.push(format!(
                "{article:?}\n  expected {affiliation:?}, read {:?} by {:?}",
                reading.affiliation, reading.speaker
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} read wrongly:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}

#[test]
fn a_spokesperson_for_a_states_body_speaks_for_the_state() {
    assert_affiliated(&[
        ("A spokeswoman for the Chilean Interior Ministry said the convoy had not crossed the border.", Some("Chile")),
        ("A spokesman for the Kenyan Defence Ministry said the gunmen came from the north.", Some("Kenya")),
        ("The spokesman of the Indian Foreign Ministry said no troops had moved.", Some("India")),
        // The parse may cut the body off as a second subject.
        ("A spokesman for the U.S. National Security Council said the report was false.", Some("United States")),
        ("A spokeswoman for the Mexican National Security Council said the report was false.", Some("Mexico")),
        // A body of no state speaks for itself.
        (
            "A spokeswoman for the World Meteorological Organization said the storm had weakened.",
            Some("World Meteorological Organization"),
        ),
    ]);
}

/// The stance of the frame an article's last sentence reads at `cue`.
fn frame_stance(article: &str, cue: &str) -> Option<String> {
    let outcome = common::check_articles(&[("article.txt", article)]);
    let claim = outcome.corpus.claims.last().expect("the article has claims");
    let text = &outcome.corpus.documents[claim.doc].text;
    claim.frames.iter().find(|f| text[f.cue.clone()].contains(cue)).map(|f| format!("{:?}", f.stance))
}

/// Asserts each article's last sentence reads the frame at `cue` with
/// `stance` (as `Stance` prints it).
fn assert_frame_stances(cases: &[(&str, &str, &str)]) {
    let mut wrong = Vec::new();
    for (article, cue, stance) in cases {
        let read = frame_stance(article, cue);
        if read.as_deref() != Some(*stance) {
            wrong.push(format!("{article:?}: the frame at {cue:?} is {read:?}, not {stance}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn what_a_negated_noun_of_evidence_governs_is_denied() {
    let cases = [
        (
            "SOFIA — Bulgaria's government said on Monday it had seen no evidence that gunmen from the country \
             were involved in the raid on the depot.",
            "involved",
            "Denied",
        ),
        (
            "Chile's navy said it had found no evidence that fishermen from the port were involved in the \
             sabotage.",
            "involved",
            "Denied",
        ),
        ("The ministry dismissed reports that the missiles were launched from Moldova.", "launched", "Denied"),
        ("The ministry repeated reports that the missiles were launched from Moldova.", "launched", "Affirmed"),
    ];
    assert_frame_stances(&cases);
}

#[test]
fn a_report_called_false_denies_what_it_reports() {
    let cases = [
        (
            "A spokeswoman for the coast guard said reports that a ship-to-shore missile had struck the lighthouse \
             were inaccurate.",
            "struck",
            "Denied",
        ),
        ("The navy said claims that its ships had shelled the port were false.", "shelled", "Denied"),
        ("The navy said claims that its ships had shelled the port were accurate.", "shelled", "Affirmed"),
    ];
    assert_frame_stances(&cases);
}

#[test]
fn a_passive_verb_joined_to_another_does_not_take_its_subject_as_actor() {
    let article = "Finnish investigators have concluded that the helicopter carrying the governor was downed \
        by a deliberate blast, officials said.";
    let outcome = common::check_articles(&[("article.txt", article)]);
    let claim = outcome.corpus.claims.last().expect("the article has claims");
    let text = &outcome.corpus.documents[claim.doc].text;
    let downed = claim.frames.iter().find(|f| text[f.cue.clone()].contains("downed")).expect("a frame at 'downed'");
    let agent = downed.agent.as_ref().map(|a| &text[a.words.clone()]);
    assert!(agent.is_none_or(|a| !a.contains("investigators")), "the helicopter was downed by {agent:?}");
}

#[test]
fn a_negated_belief_denies_what_it_governs() {
    assert_read(&[
        ("\"We do not believe the drones came from Latvia,\" the minister added.", "denies", Some("minister")),
        ("\"We believe the drones came from Latvia,\" the minister added.", "hedged", Some("minister")),
        ("\"I do not think there was a mine on the hull,\" the ministry spokesman said.", "denies", Some("spokesman")),
        ("\"I think there was a mine on the hull,\" the ministry spokesman said.", "hedged", Some("spokesman")),
    ]);
}

/// A name, its apposition between commas, then the verb of saying: the
/// verb is the name's predicate, not a modifier of it; and a clause after
/// "said in an interview with X" is what was said, not a relative clause
/// on X.
#[test]
fn a_speaker_with_an_apposition_says_the_clause_after_a_phrase_of_where() {
    assert_read(&[
        (
            "Oleh Bondar, head of the Border Guard Service of Ukraine (BGS), confirmed in a radio interview with \
             the BBC that his service had fired the shots.",
            "affirms",
            Some("Oleh Bondar"),
        ),
        (
            "Maria Lind, a spokeswoman for the Swedish coast guard, denied in a post on Facebook that any vessel \
             had been boarded.",
            "denies",
            Some("Maria Lind"),
        ),
        (
            "Ruiz confirmed in a television interview with the BBC that his agency had launched the drones.",
            "affirms",
            Some("Ruiz"),
        ),
    ]);
    assert_frame_stances(&[(
        "Ana Ruiz, the navy's spokeswoman, denied in an interview with the BBC that her ships had fired the torpedo.",
        "fired",
        "Denied",
    )]);
}

/// A verb after an apposition that does not say anything stays the
/// predicate of the name without making it a speaker.
#[test]
fn a_name_with_an_apposition_and_no_verb_of_saying_speaks_in_the_outlets_voice() {
    let reading = last_reading("Ana Ruiz, the navy's spokeswoman, visited the port on Monday.");
    assert_eq!(reading.speaker, "OUTLET");
}

/// A day or a month before the one who speaks says when, not who, even
/// where the tree takes it for part of the subject.
#[test]
fn a_day_or_month_before_the_speaker_is_no_part_of_the_speaker() {
    for (article, speaker, time) in [
        ("On Thursday investigators said the rocket had been fired from the east.", "investigators", "Thursday"),
        ("On Friday Defence Minister Ana Ruiz said the rocket had been fired from the east.", "Ana Ruiz", "Friday"),
        ("In March Kremlin spokesman Ivan Orlov said the rocket had been fired from the east.", "Ivan Orlov", "March"),
    ] {
        let reading = last_reading(article);
        assert!(reading.speaker.contains(speaker) && !reading.speaker.contains(time), "{article:?}: read {reading:?}");
    }
}

/// "Norway's Investigation Board" is a body of Norway's, not a place in
/// it: later, "the board" is that body speaking again.
#[test]
fn a_state_owned_body_is_no_place_and_is_named_again_by_its_kind() {
    let article = "Norway's Investigation Board said the ferry had sunk within minutes.\n\n\
                   According to the board, the ferry was carrying 212 passengers.";
    let reading = last_reading(article);
    assert_eq!(reading.speaker, "Investigation Board", "{reading:?}");
    let article = "Chile's Maritime Authority said the ferry had sunk within minutes.\n\n\
                   The authority said the ferry was carrying 212 passengers.";
    let reading = last_reading(article);
    assert_eq!(reading.speaker, "Maritime Authority", "{reading:?}");
}

/// Saying an inquiry into an open question is under way asserts nothing
/// of it; checking a report or asking for something is no such inquiry.
#[test]
fn an_inquiry_into_whether_hedges_the_statement() {
    assert_read(&[
        (
            "Officials said investigators were still examining whether a bomb had been placed on the jet.",
            "hedged",
            Some("Officials"),
        ),
        ("The coast guard said it was investigating whether the ferry had been rammed.", "hedged", None),
        ("The army said it was checking the reports and later blamed a misfired rocket.", "affirms", None),
    ]);
}

/// A pronoun saying something inside what the sentence's speaker says is
/// that speaker: "Police said they were investigating whether ...".
#[test]
fn a_pronoun_inside_a_statement_is_its_speaker_again() {
    let earlier = "Witnesses said the rockets had been fired from a field.\n\n";
    let article =
        format!("{earlier}Police said they were investigating whether the rockets had been fired from the village.");
    let fired = |article: &str| frame_speakers(article).into_iter().find(|(cue, _)| cue == "had been fired");
    assert_eq!(fired(&article), Some(("had been fired".to_string(), "Police".to_string())));
    let article = format!("{earlier}Ana Ruiz said she had asked whether the rockets had been fired from the village.");
    assert_eq!(fired(&article), Some(("had been fired".to_string(), "Ana Ruiz".to_string())));
}

/// A titled name is one speaker however the tree hangs its words: the
/// name after a rank the tagger took for an adjective, and an abbreviated
/// title, which makes the speaker an official. Without a title the same
/// name is a person.
#[test]
fn a_titled_name_speaks_whole_and_officially() {
    let cases = [
        (
            "Rear Admiral Tomas Vell Orrin, head of the coastal fleet, said the ship had sunk.",
            "Tomas Vell Orrin",
            "official",
        ),
        (
            "Brigadier General Piet Oosterwal Mendes, commander of the garrison, said the depot burned.",
            "Piet Oosterwal Mendes",
            "official",
        ),
        ("Sen. Ana Ruiz said the bridge had been closed to traffic.", "Ana Ruiz", "official"),
        ("Ana Ruiz said the bridge had been closed to traffic.", "Ana Ruiz", "person"),
    ];
    for (article, speaker, kind) in cases {
        let reading = last_reading(article);
        assert!(reading.speaker.contains(speaker), "{article:?}: {reading:?}");
        assert_eq!(reading.speaker_kind, kind, "{article:?}: {reading:?}");
    }
}

/// A verb no list knows says what it governs when its subject could speak
/// and the clause is opened as a statement ("pointed out that", "ruled
/// that"); a thing as the subject says nothing, and the article states it.
#[test]
fn a_clause_opened_by_a_complementiser_is_said_by_a_subject_who_could_speak() {
    assert_read(&[
        (
            "Foreign Minister Tomas Vell pointed out that the convoy had crossed the border at dawn.",
            "affirms",
            Some("Tomas Vell"),
        ),
        ("The appeals court ruled that the tanker had been seized illegally.", "affirms", Some("appeals court")),
        ("The fire meant that the road through the valley was closed for hours.", "affirms", Some("OUTLET")),
        (
            "The defence ministry on Monday presented new evidence that the missile had belonged to the rebels.",
            "affirms",
            Some("defence ministry"),
        ),
        ("The army withdrew from the town so that the talks could go ahead.", "hedged", Some("OUTLET")),
    ]);
}

/// "The airline said" points back to a body the article named without its
/// speaking, whatever the inflection ("Tamsin Airlines"); a description no
/// body named earlier answers to stays the article's own.
#[test]
fn a_description_points_back_to_a_body_named_but_silent() {
    let article = "A Tamsin Airlines jet crashed near the coast on Monday.\n\n\
                   The airline said the aircraft had been serviced a week earlier.";
    let reading = last_reading(article);
    assert_eq!(reading.speaker, "Tamsin Airlines", "{reading:?}");
    assert_eq!(reading.speaker_kind, "official", "{reading:?}");
    let article = "A jet crashed near the coast on Monday.\n\n\
                   The airline said the aircraft had been serviced a week earlier.";
    assert_eq!(last_reading(article).speaker, "OUTLET");
}

/// Officials described by what they are, with a name after them, are
/// officials there, not a body called by that name.
#[test]
fn a_name_after_described_officials_is_where_they_are() {
    let reading = last_reading("Prosecutors in Varnholm said the two men had been charged with sabotage.");
    assert!(reading.speaker.starts_with("Prosecutors"), "{reading:?}");
    let reading = last_reading("A Tamsin Airlines official said the aircraft had been serviced a week earlier.");
    assert!(reading.speaker.contains("Tamsin Airlines"), "{reading:?}");
    assert_eq!(reading.speaker_kind, "official", "{reading:?}");
}

/// A participle set off by commas between a subject and its verb is no
/// predicate of the subject: the verb after it is, and a denial reaches it.
#[test]
fn a_participle_between_subject_and_verb_does_not_take_the_verbs_place() {
    assert_read(&[
        (
            "The ministry insisted that the decision to shut the port, announced the same day, had nothing to do with the blasts.",
            "denies",
            Some("ministry"),
        ),
        (
            "The ministry insisted that the decision to shut the port, announced the same day, was taken because of the blasts.",
            "affirms",
            Some("ministry"),
        ),
    ]);
}

/// "There were doubts about X" states a doubt, not X; "there was no doubt
/// about X" is sure of it; "there were no signs of X" denies it.
#[test]
fn an_existing_doubt_or_sign_hedges_and_its_absence_settles() {
    assert_read(&[
        ("Officials said there were serious doubts about the cause of the ferry fire.", "hedged", Some("Officials")),
        ("Officials said there was no doubt about the cause of the ferry fire.", "affirms", Some("Officials")),
        ("Officials said there were signs of sabotage on the ferry.", "hedged", Some("Officials")),
        ("Officials said there were no signs of sabotage on the ferry.", "denies", Some("Officials")),
        ("Officials said there were protests about the cause of the ferry fire.", "affirms", Some("Officials")),
    ]);
}

/// Stopping something denies what is stopped, not the stopping: "halted
/// use of the airstrip" denies the use and states the halt; "the roads
/// are blocked" states a blockage.
#[test]
fn stopping_denies_what_is_stopped_and_states_the_stop() {
    assert_read(&[
        ("Relief groups said the mountain roads into the valley were blocked by snow.", "affirms", None),
        ("The port authority said it had suspended all ferry crossings to the island.", "affirms", None),
    ]);
    assert_frame_stances(&[
        ("The air force halted the use of its airstrip by foreign drones, officials said.", "airstrip", "Denied"),
        ("The government stopped any attack being mounted from its soil, officials said.", "attack", "Denied"),
    ]);
}

/// "Not a single ..." denies its clause inside a quotation as outside it:
/// the quotation mark opening the phrase is no word of it.
#[test]
fn a_negative_subject_denies_inside_a_quotation() {
    assert_read(&[
        (
            "The ministry repeated its position: \"Not a single tank of the army has ever crossed the border.\"",
            "denies",
            Some("ministry"),
        ),
        (
            "The ministry repeated its position: \"A single tank of the army has crossed the border.\"",
            "affirms",
            Some("ministry"),
        ),
    ]);
}

/// A pronoun saying something in a relative clause on the object is the
/// subject of the verb over it: "presented what it described as evidence
/// that ...", "arrested a man who they said had ...". A named sayer there
/// is that sayer.
#[test]
fn a_pronoun_saying_in_a_relative_clause_on_the_object_is_the_subject() {
    assert_read(&[
        (
            "The interior ministry presented what it described as proof that the rebels had fired the shell.",
            "affirms",
            Some("interior ministry"),
        ),
        ("Police in the port city arrested a man who they said had planted the bomb.", "affirms", Some("Police")),
        (
            "The interior ministry rejected what the rebel commander described as proof that the army had fired the shell.",
            "denies",
            Some("interior ministry"),
        ),
    ]);
}

#[test]
fn an_aside_of_saying_after_a_stance_says_the_whole_sentence() {
    assert_read(&[
        // The aside speaks; the denial or inquiry it reports is its content.
        ("The port authority denied any wrongdoing, its spokesman told reporters.", "denies", Some("spokesman")),
        ("The coastguard would look into the sinking, a spokesman added.", "affirms", Some("spokesman")),
        // A root that says keeps its speaker when a second statement follows.
        (
            "Norland and Vesta said on Monday that the cable had been cut, and other governments said the damage looked deliberate.",
            "affirms",
            Some("Norland"),
        ),
        // A clause of saying that reaches back over the root's words is no aside.
        (
            "Norland has accused Vesta of attacking the cable with two submarines, an attack it says its navy repelled.",
            "affirms",
            Some("Norland"),
        ),
    ]);
}

#[test]
fn an_organ_of_a_state_the_text_does_not_name_serves_the_presumed_state() {
    let article = "KESTOVO, March 3 (Harbour Wire) - Colonel Amir Dastan, commander of the Coastal Guard Forces, said \
                   the patrol boat had been hit by a mine.";
    let reading = last_reading(article);
    assert_eq!(reading.speaker_kind, "official", "{reading:?}");
    assert_ne!(reading.affiliation.as_deref(), Some("Coastal Guard Forces"), "{reading:?}");
    // A body that is no organ of a state is whom its officer serves.
    let company =
        "Colonel Amir Dastan, director of the Dastan Shipping Company, said the patrol boat had been hit by a mine.";
    assert_eq!(last_reading(company).affiliation.as_deref(), Some("Dastan Shipping Company"));
}

#[test]
fn a_participle_after_its_noun_is_no_root() {
    assert_read(&[
        // The participle modifies the subject; the hedge is the predicate's.
        ("A clip circulating on messaging apps appeared to show the ferry listing badly.", "hedged", None),
        ("Footage spreading on messaging apps appeared to show the ferry listing badly.", "hedged", None),
        // A verb of stance right after its subject is the predicate itself.
        ("The ministry denied on Monday blocking the channel.", "denies", Some("ministry")),
    ]);
}

#[test]
fn a_body_named_with_its_acronym_in_brackets_is_the_verbs_subject() {
    assert_read(&[
        (
            "The Kestavian Election Commission (KEC) declared Ivo Maran the winner of the runoff.",
            "affirms",
            Some("Election Commission"),
        ),
        // Brackets on a word that is not the subject leave the subject as it is.
        (
            "Officials at the Harbour Safety Board (HSB) said the ferry had been overloaded.",
            "affirms",
            Some("Officials"),
        ),
    ]);
}

#[test]
fn a_word_for_an_office_right_before_a_name_is_a_title() {
    for article in [
        "Harbour Safety Board chief Ana Ruiz said the ferry had been overloaded.",
        "Chief prosecutor Tomas Vell said the captain would be charged.",
    ] {
        let reading = last_reading(article);
        assert_eq!(reading.speaker_kind, "official", "{article}: {reading:?}");
    }
    // An office named elsewhere in the phrase is no title of the name.
    let reading =
        last_reading("Ana Ruiz, a teacher who once worked at the ministry, said the ferry had been overloaded.");
    assert_eq!(reading.speaker_kind, "person", "{reading:?}");
}

#[test]
fn a_root_of_saying_whose_subject_cannot_speak_is_said_by_the_aside() {
    assert_read(&[
        (
            "An internal audit found that the depot was struck by a missile, city officials said.",
            "affirms",
            Some("city officials"),
        ),
        // A root whose subject speaks keeps it.
        (
            "The defence minister said the depot was struck by a missile, a spokesman told reporters.",
            "affirms",
            Some("defence minister"),
        ),
    ]);
}

#[test]
fn a_closing_aside_of_saying_is_no_relative_clause() {
    // Set off by a comma and opened by its subject, the aside says the
    // whole sentence, the strike included.
    let aside = frame_speakers("The drone struck the depot near the coast, army officers say.");
    assert_eq!(aside, [("struck".to_string(), "army officers".to_string())]);
    // Opened by a relative word, or with no comma, it is a relative clause
    // saying only what it holds; the strike is the outlet's.
    for relative in [
        "The drone struck the depot, which army officers say held fuel.",
        "The drone struck a depot that the army says held fuel.",
    ] {
        let speakers = frame_speakers(relative);
        assert!(speakers.iter().all(|(_, speaker)| !speaker.contains("army")), "{relative}: {speakers:?}");
    }
}

#[test]
fn a_bare_plural_saying_something_speaks_unnamed() {
    for (article, speaker) in [
        ("Grain silos were shelled on Tuesday, brokers said.", "brokers"),
        ("The depot was struck by a missile fired from the coast, shipping firms say.", "firms"),
    ] {
        let reading = last_reading(article);
        assert!(reading.speaker.contains(speaker) && reading.speaker_kind == "unnamed", "{article}: {reading:?}");
    }
    // A thing with its article is no speaker.
    assert_eq!(last_reading("The inquiry says the depot was struck by a missile.").speaker_kind, "outlet");
}

#[test]
fn a_word_for_people_left_unnamed_opening_a_sentence_is_no_name() {
    for article in ["Neighbours said the ferry was hit by a drone.", "Witnesses said the ferry was hit by a drone."] {
        let reading = last_reading(article);
        assert_eq!(reading.speaker_kind, "unnamed", "{article}: {reading:?}");
        assert_eq!(reading.affiliation, None, "{article}: {reading:?}");
    }
}

#[test]
fn a_word_after_an_honorific_or_a_surname_named_before_is_a_person() {
    assert_read(&[("Mr. Will said the ferry was hit by a drone.", "affirms", Some("Will"))]);
    assert_eq!(last_reading("Mr. Will said the ferry was hit by a drone.").speaker_kind, "person");
    // The tagger reads the surname opening the sentence as a common noun.
    let later = "The dredger ran aground off the cape, Coast Guard Capt. Lena Ryder said on Thursday. \
                 Ryder, the agency's press secretary, said on Friday the dredger had been hit by a mine.";
    let reading = last_reading(later);
    assert!(reading.speaker.contains("Ryder") && reading.speaker_kind != "unnamed", "{reading:?}");
}

#[test]
fn a_name_before_a_headline_colon_says_the_rest() {
    for (headline, speaker) in [
        ("Halvorsen: evidence shows a missile struck the ferry", "Halvorsen"),
        ("Harbour Board: ferry was struck by a missile", "Harbour Board"),
        ("Norwegian media: navy divers behind pipeline blast", "Norwegian media"),
        // A capital speaks for its government.
        ("Oslo: a missile struck the ferry", "Oslo"),
    ] {
        let reading = last_reading(headline);
        assert!(reading.speaker.contains(speaker), "{headline}: {reading:?}");
    }
    // A topic, or a place that is no capital, is what the story is about.
    for headline in [
        "Ferry disaster: a missile struck the ferry",
        "Fishermen gathered near the Norwegian town of Vardo on Monday. Vardo: a missile struck the ferry",
    ] {
        assert_eq!(last_reading(headline).speaker_kind, "outlet", "{headline}");
    }
}

#[test]
fn an_according_to_framing_the_sentence_names_its_speaker() {
    let earlier = "Army spokesman Rear Adm. Tal Orev said the rocket misfired. ";
    // Opening or closing the sentence, it names who says all of it, over a
    // subject that cannot speak or a verb that is no saying.
    for (sentence, speaker) in [
        ("According to Orev, an analysis showed that a rocket was fired from a cemetery.", "Orev"),
        ("Norway and Finland have refused to share their findings with Oslo, according to Orev.", "Orev"),
    ] {
        let reading = last_reading(&format!("{earlier}{sentence}"));
        assert!(reading.speaker.contains(speaker), "{sentence}: {reading:?}");
    }
    // Inside the clause of a speaker, it frames only that clause; after a
    // speaker saying it in their own words, it names who relays them.
    for (sentence, speaker) in [
        ("The ministry said that, according to early data, a rocket was fired from a cemetery.", "ministry"),
        ("\"The rocket misfired,\" said the army's spokesman Ben Arad, according to local media.", "Arad"),
    ] {
        let reading = last_reading(&format!("{earlier}{sentence}"));
        assert!(reading.speaker.contains(speaker), "{sentence}: {reading:?}");
    }
}

#[test]
fn a_name_goes_on_past_an_abbreviated_rank() {
    let reading = last_reading("Army spokesman Rear Adm. Tal Orev said a rocket was fired from a cemetery.");
    assert!(reading.speaker.contains("Tal Orev"), "{reading:?}");
}

#[test]
fn a_name_an_article_or_a_preposition_of_place_introduces_is_no_person() {
    // "he" is the person named last; a place named between is none.
    for middle in [
        "an analysis showed that the shells came from the Vorna Valley.",
        "an analysis showed that the shells landed in Kessel Ridge.",
    ] {
        let article = format!(
            "Army spokesman Tal Orev said the shelling began at dawn. According to Orev, {middle} \
             The shells were fired from inside the valley, he said."
        );
        let reading = last_reading(&article);
        assert!(reading.speaker.contains("Orev"), "{middle}: {reading:?}");
    }
    // A name the sentence gives a person is still one.
    let named = "Shelling began at dawn, residents said. Kessel Ridge told reporters the shells came from the north.";
    assert_eq!(last_reading(named).speaker_kind, "person");
}

#[test]
fn a_long_body_name_goes_on_past_a_connecting_word_and_its_article() {
    let reading = last_reading(
        "At least 300 people died in the floods, the Office for the Coordination of Relief Work said on Sunday.",
    );
    assert!(reading.speaker.contains("Coordination of Relief Work"), "{reading:?}");
    assert_eq!(reading.speaker_kind, "official");
}

#[test]
fn an_office_of_no_named_state_serves_the_datelines_state() {
    let article = "OTTAWA, March 4 (Northern Wire) - A foreign survey ship was tracked off the Arctic coast, \
                   the defence department said, and Foreign Minister Claire Dubois cancelled a trip to Oslo.\n\n\
                   \"A vessel entered our waters,\" defence department press secretary Brig. Gen. Paul Ridley said.\n\n";
    for (sentence, speaker, kind) in [
        // Named later by surname alone, with the office given when first named.
        ("Dubois told reporters the ship was a survey vessel.", "Dubois", "official"),
        // Behind an abbreviated rank, the office before it is still the person's.
        ("Ridley said the ship was a survey vessel.", "press secretary", "official"),
        // Officials left unnamed.
        ("The ship was sailing at eight knots, a senior defence official said.", "official", "unnamed"),
        ("The ship was sailing at eight knots, officials said.", "officials", "unnamed"),
        // A body speaking gives no later name its office.
        ("Ridley said the ship was a survey vessel.", "Ridley", "official"),
    ] {
        let reading = last_reading(&format!("{article}{sentence}"));
        assert!(reading.speaker.contains(speaker), "{sentence}: {reading:?}");
        assert_eq!(reading.speaker_kind, kind, "{sentence}: {reading:?}");
        assert_eq!(reading.affiliation.as_deref(), Some("Canada"), "{sentence}: {reading:?}");
    }
    // Without a dateline, no state is presumed; experts serve none.
    for article in [
        "Foreign Minister Claire Dubois cancelled a trip. Dubois told reporters the ship was a survey vessel.",
        "OTTAWA, March 4 (Northern Wire) - A ship was tracked. The ship was a survey vessel, experts said.",
    ] {
        assert_eq!(last_reading(article).affiliation, None, "{article}");
    }
    // The body that spoke first keeps its own label.
    let outcome = common::check_articles(&[("article.txt", article)]);
    let first = gold::reading(&outcome.corpus, &outcome.corpus.claims[0]);
    assert!(first.speaker.contains("defence department") && !first.speaker.contains("Ridley"), "{first:?}");
}

#[test]
fn a_closing_phrase_before_a_verb_of_saying_is_its_subject() {
    for (sentence, speaker) in [
        // A tagger reading "swept" as a noun makes the whole opening clause
        // the subject; a participle joined by a hyphen ("rebel-held") is no
        // clause of its own.
        (
            "A fire swept through the crowded central market in Lorvik on Friday night, killing dozens of \
             traders, the regional health department in the rebel-held province said.",
            "health department",
        ),
        ("The strike was launched from the coast, the army in the separatist-run territory said.", "army"),
        ("Dozens were hurt, the health ministry in the militia-held exclave said.", "health ministry"),
    ] {
        let reading = last_reading(sentence);
        assert!(reading.speaker.contains(speaker), "{sentence}: {reading:?}");
        assert_eq!(reading.speaker_kind, "official", "{sentence}: {reading:?}");
    }
    // A subject that is the verb's own keeps it, an apposition between
    // commas and all.
    let reading = last_reading("Officials in Lorvik, the regional capital, said the fire was deliberate.");
    assert!(reading.speaker.contains("Officials in Lorvik"), "{reading:?}");
}

#[test]
fn a_states_adjective_before_a_title_names_no_one() {
    let reading = last_reading(
        "Although the minister announced that Chile was the first state to open an embassy there, the Chilean \
         ambassador to Peru, Ana Rojas, stressed that the ties have nothing to do with the port dispute.",
    );
    assert!(reading.speaker.contains("Ana Rojas"), "{reading:?}");
    assert!(!reading.speaker.ends_with("Chilean"), "{reading:?}");
}

#[test]
fn having_nothing_to_do_with_what_is_no_act_denies_no_role() {
    let responsibility = |article: &str| frames_read(article).iter().any(|(kind, _)| kind == "responsibility");
    for article in [
        "The minister stressed that the trade ties have nothing to do with the old border dispute.",
        "The envoy said the embassy's opening had nothing to do with any one neighbour.",
    ] {
        assert!(!responsibility(article), "{article}: {:?}", frames_read(article));
    }
    // An act, named or pointed to, is one someone may have had a part in;
    // so is whatever someone is responsible for.
    for article in [
        "The minister stressed that Peru had nothing to do with the blast at the depot.",
        "The minister said Peru had nothing to do with it.",
        "The minister said Peru was not responsible for the week of cancelled ferries.",
    ] {
        assert!(responsibility(article), "{article}: {:?}", frames_read(article));
    }
}
