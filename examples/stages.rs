//! Times each pipeline stage on a folder: `cargo run --release --example
//! stages -- DIR`. For finding where time goes; benches in `benches/` give
//! the reported figures.

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stages DIR");
    let pack = gainsay::Pack::embedded().expect("default pack");
    let start = Instant::now();
    let (documents, _) = gainsay::ingest::load(&[dir.into()], &pack.lexicon);
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    eprintln!("ingest: {:?} ({} documents, {bytes} bytes)", start.elapsed(), documents.len());
    let start = Instant::now();
    let corpus = gainsay::Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    eprintln!("extract: {:?} ({} claims, {} people)", start.elapsed(), corpus.claims.len(), corpus.people.len());
    let start = Instant::now();
    let pairs = gainsay::align::candidates(&corpus);
    eprintln!("align: {:?} ({} candidate pairs)", start.elapsed(), pairs.len());
    for rule in &pack.rules {
        let start = Instant::now();
        let findings = gainsay::rules::evaluate(&corpus, std::slice::from_ref(rule), &pairs);
        eprintln!("rule {}: {:?} ({} findings)", rule.id, start.elapsed(), findings.len());
    }
}
