//! Scores claim extraction against a claim-level gold set (the schema of
//! the evaluation set's `CLAIMS.md`): per-field accuracy and a confusion
//! table for stance, then, with `--mistakes`, every wrong field.
//!
//! ```text
//! cargo run --release --example score_claims -- CORPUS_DIR CLAIMS.jsonl [--mistakes]
//! ```

use std::path::PathBuf;

use gainsay::claims::gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(corpus), Some(claims)) = (args.first(), args.get(1)) else {
        eprintln!("usage: score_claims CORPUS_DIR CLAIMS.jsonl [--mistakes]");
        std::process::exit(2);
    };
    let pack = gainsay::Pack::embedded().expect("the embedded pack loads");
    let outcome = gainsay::check(&[PathBuf::from(corpus)], &pack);
    let text = std::fs::read_to_string(claims).unwrap_or_else(|e| panic!("{claims}: {e}"));
    let annotations = gold::read(&text).unwrap_or_else(|e| panic!("{claims}: {e}"));
    let report = gold::score(&outcome.corpus, &annotations);
    if args.iter().any(|a| a == "--mistakes") {
        for mistake in &report.mistakes {
            println!("{mistake}");
        }
        println!();
    }
    print!("{}", report.table());
}
