//! Arbitrary TOML as a user pack's file: a rule, or one of the lexicon
//! files, chosen by the first byte. Loading must end in a pack or in
//! diagnostics that render; a pack that loads runs its rules' examples.

#![no_main]

mod common;

use gainsay::Pack;
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 4] =
    ["fuzz-rule.toml", "lexicon/english.toml", "lexicon/abbreviations.toml", "lexicon/gazetteer.toml"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let relative = FILES[usize::from(which) % FILES.len()];
    let text = String::from_utf8_lossy(rest);
    match Pack::load_sources("fuzz", &[(relative, &text)]) {
        Ok(pack) => {
            for rule in pack.rules.iter().filter(|r| r.origin == "fuzz") {
                let _ = gainsay::rules::run_examples(&pack, rule);
            }
        }
        Err(errors) => errors.into_iter().for_each(common::render),
    }
});
