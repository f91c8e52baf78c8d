//! Trains the syntax model (tagger, parser, labeller) and writes it where
//! the rule pack embeds it:
//!
//! ```text
//! cargo run --release --example train_syntax -- EWT_DIR PUD_DIR [OUT]
//! ```
//!
//! - `EWT_DIR` holds the Universal Dependencies English Web Treebank's
//!   `en_ewt-ud-train.conllu`, `en_ewt-ud-dev.conllu` and
//!   `en_ewt-ud-test.conllu` (<https://github.com/UniversalDependencies/UD_English-EWT>;
//!   a copy without the train file can rebuild it by concatenating
//!   `not-to-release/sources/` in the order of
//!   `not-to-release/file-lists/files.train`).
//! - `PUD_DIR` holds `en_pud-ud-test.conllu` from the English Parallel UD
//!   treebank (<https://github.com/UniversalDependencies/UD_English-PUD>):
//!   1,000 sentences of news and encyclopedia prose, the register of the
//!   articles gainsay reads, which the web treebank has little of. Four in
//!   five of its sentences are trained on (three times each pass, to weigh
//!   the register), the fifth are held out to measure it.
//! - `OUT` defaults to `rules/syntax/english-ewt.model`.
//!
//! EWT's train and test parts are trained on; its dev part and the
//! held-out PUD sentences measure the model: the example prints tag
//! accuracy, attachment scores and speed on each. Training is
//! deterministic: the same treebanks give the same bytes.

use std::path::{Path, PathBuf};

use gainsay::claims::syntax::{StoredModel, Syntax, conllu, train};

/// Times each training PUD sentence is seen per pass.
const PUD_WEIGHT: usize = 3;
/// One PUD sentence in this many is held out for evaluation.
const PUD_HELD_OUT_EVERY: usize = 5;

fn read(path: &Path) -> Vec<conllu::GoldSentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    conllu::read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: train_syntax EWT_DIR PUD_DIR [OUT]";
    let ewt = PathBuf::from(args.next().expect(usage));
    let pud = PathBuf::from(args.next().expect(usage));
    let out = args.next().map_or_else(|| PathBuf::from("rules/syntax/english-ewt.model"), PathBuf::from);
    let (pud_held, pud_train): (Vec<_>, Vec<_>) = read(&pud.join("en_pud-ud-test.conllu"))
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % PUD_HELD_OUT_EVERY == 0);
    let pud_held: Vec<_> = pud_held.into_iter().map(|(_, s)| s).collect();
    // EWT's test part is trained on too: the model is measured downstream,
    // on claims, and every sentence of news-like prose counts.
    let mut training = read(&ewt.join("en_ewt-ud-train.conllu"));
    training.extend(read(&ewt.join("en_ewt-ud-test.conllu")));
    let ewt_sentences = training.len();
    for _ in 0..PUD_WEIGHT {
        training.extend(pud_train.iter().map(|(_, s)| s.clone()));
    }
    let words: usize = training.iter().map(|s| s.words.len()).sum();
    eprintln!("training on {} sentences, {words} words", training.len());
    let settings = train::Settings::default();
    let about = format!(
        "Trained by examples/train_syntax.rs on UD English EWT train and test ({ewt_sentences} sentences) and {} sentences \
         of UD English PUD ({PUD_WEIGHT} times each), {settings:?}",
        pud_train.len()
    );
    let model: StoredModel = train::train(&training, &settings, &about);
    let bytes = postcard::to_stdvec(&model).expect("a model serialises");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    let syntax = Syntax::from_bytes(&bytes).expect("the model just written reads back");
    let parts = [("EWT dev", read(&ewt.join("en_ewt-ud-dev.conllu"))), ("PUD held out", pud_held)];
    for (name, sentences) in parts {
        let scores = train::evaluate(&syntax, &sentences);
        println!(
            "{name}: {} words, UPOS {:.2}%, UAS {:.2}%, LAS {:.2}%, tagging {:.2}M words/s, tagging and parsing {:.2}M words/s",
            scores.words,
            scores.tags * 100.0,
            scores.unlabelled * 100.0,
            scores.labelled * 100.0,
            scores.tagged_per_second / 1e6,
            scores.parsed_per_second / 1e6,
        );
    }
}
