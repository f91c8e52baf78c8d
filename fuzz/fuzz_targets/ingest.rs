//! Arbitrary bytes as one article: decoding, front matter, chrome,
//! segmentation and claim extraction must neither panic nor break a span.
//! Bytes that are not UTF-8 are refused by `decode`, then read lossily, so
//! every input reaches the later stages.

#![no_main]

mod common;

use std::path::{Path, PathBuf};

use gainsay::ingest::{Document, decode};
use gainsay::{Limits, check_documents};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pack = &*common::PACK;
    let text = match decode(Path::new("fuzz.txt"), data) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            common::render(error);
            String::from_utf8_lossy(data).into_owned()
        }
    };
    for span in pack.segmenter.split(&text) {
        assert!(text.get(span.clone()).is_some(), "sentence {span:?} is not a slice of the text");
    }
    let (document, problems) = Document::from_text(PathBuf::from("fuzz.txt"), text, &pack.lexicon);
    problems.into_iter().for_each(common::render);
    // A small sentence limit so the skipping path is taken too.
    let limits = Limits { max_sentence_bytes: 1024, ..Limits::default() };
    common::check_and_render(check_documents(vec![document], pack, &limits));
});
