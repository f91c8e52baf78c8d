//! Measures how fast gainsay's segmenter runs next to the raw UAX #29
//! sentence boundaries it corrects, on the same several-megabyte English
//! text, so a slowdown in the corrections shows up as a falling ratio.
//!
//! The text is assembled deterministically from made-up news paragraphs,
//! headlines and bylines, so every run measures the same bytes.

use std::hint::black_box;
use std::ops::Range;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gainsay::segment::Segmenter;
use unicode_segmentation::UnicodeSegmentation;

/// Lines without final punctuation, as scraped pages put them between
/// paragraphs.
const HEADLINES: &[&str] = &[
    "Azerbaijan will not allow Israel to attack Iran from its soil",
    "By News Desk - December 16 2022",
    "Press release 04 October 2021",
    "Drone debris found near Cahul, officials say",
    "  • Politics\n  • Economy\n  • Sports",
    "Related News",
    "Azeri ambassador: We won't allow \"Israel\" to attack Iran from our base",
];

/// Paragraphs exercising what the segmenter corrects: abbreviations,
/// initials, numbers, quotations, ellipses, lists, addresses and datelines.
const PARAGRAPHS: &[&str] = &[
    "BAKU, Dec. 16 (Reuters) - Azerbaijan's ambassador to the U.S. said on Friday that his country would never be used as a base against Iran. \"We will never allow it,\" he said. The ministry did not respond to a request for comment.",
    "Hekmat Hajiev referred to the rumors about the use of Azeri soil by Israeli spy drones and said, \"We ensure the Iranian government that Azerbaijan will never be used as a military base for other countries.\" He made the remarks in a meeting with an Iranian media delegation, the Fars news agency reported.",
    "At 5 a.m. Gen. J. R. Smith of the U.S. Army briefed reporters. He said the drone had flown about 12.5 km before it crashed near the border at 6 p.m. Mr. Smith declined to say who launched it.",
    "“Azerbaijan is a very reliable international partner. It has very good relations with any country that wishes to have good relations,” he says. “I should underline that it has nothing to do with just one country.”",
    "The U.S.-based analyst, Dr. Anna Kowalski of Pitt, Briggs & Co., said the strike was \"deliberate.\" Others disagreed. Prof. Lee, who teaches at St. Michael's College, called it \"an accident... or worse.\" Was it? Nobody knows!",
    "No:367/21, Head of the Press Service Department of the Ministry of Foreign Affairs Leyla Abdullayeva answered a question from the local media. She said relations are at the highest level. More than 130 km of the border was under occupation for many years.",
    "The ministry listed its demands: 1) an inquiry into the incident 2) compensation for the families 3) guarantees that it will not happen again. Officials in Kyiv and Chisinau were informed on Oct. 3 at 11:40 a.m. local time.",
    "According to the statement (which was published in Russian and English.) the debris was found 3 km from the village. Police in Strzyzow, Poland, sealed off the area. Residents were told to stay indoors until 8 p.m. on Tuesday.",
    "Her email is press.office@example.gov.az. Readers can find the full text at https://www.example.50.com/new-site/release_367.html. The page was updated twice on Monday.",
    "Ibrahim remarkedthat Israel's incoming government, led by Likud Party leader Benjamin Netanyahu, will have no impact on Azeri relations with regional nations. Baku already has a Tourism Office and a Trade Representative Office.",
    "Israel and Azerbaijan have had relations for 30 years, and there has been an Israeli embassy in Baku since 1993. In a report in 2021, SIPRI said \"Israel\" accounted for 69% of Azerbaijan's total arms imports from 2016 to 2020. It's worth noting that sales rose during the conflict.",
    "The spokesman, Lt. Col. Ivan Petrov, told reporters in Moscow that \"no Russian aircraft was in the area.\" He added: \"It is over. We won.\" The claim could not be independently verified.",
    "Mr. Aliyev made the remarks on Friday during a meeting in Baku with Iran's Defense Minister, Brig. Gen. Aziz Nasirzadeh. The two sides discussed regional security. Aliyev stressed that Azerbaijan would not permit any action from its soil that could pose a threat to Iran.",
    "The report cited p. 55 of the U.N. assessment and Art. 5 of the treaty. It said the figures were \"preliminary . . . and subject to revision.\" The E.U. How it will respond is unclear.",
    "Witnesses described a loud explosion shortly after 2 a.m. Some said they saw a flash over the fields; others heard nothing. Local officials said the casualty count was 0.",
    "What began as peaceful protests late last month gradually turned violent?! Rioters rampaged through cities across the country. The U.S. and Israel's Mossad have admitted their involvement, with former U.S. Secretary of State Mike Pompeo saying in a post, \"Happy New Year to every Iranian in the streets. Also, to every Mossad agent walking beside them.\"",
    "Colombian troops in Catatumbo reported an attack on Sunday night. The army said seven soldiers were wounded. Defense Minister Pedro Sánchez said the ELN was responsible; the group denied it the next day.",
    "Kyrgyz border guards said a drone crossed into Batken from Tajikistan at 7:15 a.m. Tajik officials rejected the account, calling it \"a provocation.\" The two countries have clashed repeatedly over the border since 2021.",
];

/// Concatenates paragraphs and headlines in a fixed pseudo-random order
/// until the text reaches `min_bytes`.
fn news_corpus(min_bytes: usize) -> String {
    let mut text = String::with_capacity(min_bytes + 4096);
    // A linear congruential generator: deterministic, and varied enough that
    // paragraph pairs recur in many orders.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |bound: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % bound
    };
    while text.len() < min_bytes {
        if next(4) == 0 {
            text.push_str(HEADLINES[next(HEADLINES.len())]);
            text.push('\n');
        }
        for _ in 0..=next(3) {
            text.push_str(PARAGRAPHS[next(PARAGRAPHS.len())]);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    text
}

fn raw_uax29(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices().map(|(start, piece)| start..start + piece.len()).collect()
}

fn bench_segment(c: &mut Criterion) {
    let text = news_corpus(4 << 20);
    let segmenter =
        Segmenter::from_toml(include_str!("../rules/lexicon/abbreviations.toml")).expect("bundled abbreviations parse");
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("unicode-segmentation", |b| {
        b.iter(|| raw_uax29(black_box(&text)));
    });
    group.bench_function("gainsay", |b| {
        b.iter(|| segmenter.split(black_box(&text)));
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
