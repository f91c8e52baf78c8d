//! The whole check on two arbitrary articles: the input is split at its
//! first 0xFF byte (never part of UTF-8) into two texts, each read lossily,
//! and checked as articles from two outlets. Findings must point inside
//! their files and every report format must render.

#![no_main]

mod common;

use std::path::PathBuf;

use gainsay::ingest::Document;
use gainsay::{Limits, check_documents};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pack = &*common::PACK;
    let (left, right) = match data.iter().position(|b| *b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let documents = [("one/first_outlet.md", left), ("two/second_outlet.txt", right)]
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let (document, problems) = Document::from_text(PathBuf::from(path), text, &pack.lexicon);
            problems.into_iter().for_each(common::render);
            document
        })
        .collect();
    common::check_and_render(check_documents(documents, pack, &Limits::default()));
});
