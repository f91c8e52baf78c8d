//! How well articles are told apart by incident: for folders of articles
//! named `EVENT-N-OUTLET.txt` (as the evaluation sets are), the similarity
//! of every pair of articles of one event and of two, and how many pairs
//! each threshold would join or split.
//!
//! ```text
//! cargo run --release --example incidents -- DIR [DIR...]
//! ```

use std::path::PathBuf;

use gainsay::align::incident::Incidents;

fn event_of(path: &std::path::Path) -> String {
    let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{folder}/{}", name.split('-').next().unwrap_or(&name))
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let pack = gainsay::Pack::embedded().expect("the embedded pack loads");
    let outcome = gainsay::check(&dirs, &pack);
    let corpus = &outcome.corpus;
    let incidents = Incidents::new(corpus);
    let events: Vec<String> = corpus.documents.iter().map(|d| event_of(&d.path)).collect();
    let mut same = Vec::new();
    let mut different = Vec::new();
    for a in 0..corpus.documents.len() {
        for b in a + 1..corpus.documents.len() {
            let similarity = incidents.similarity(a, b);
            let judged = incidents.same(a, b);
            let entry = (similarity, judged, a, b);
            if events[a] == events[b] { same.push(entry) } else { different.push(entry) }
        }
    }
    let name =
        |d: usize| corpus.documents[d].path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    same.sort_by(|x, y| x.0.total_cmp(&y.0));
    different.sort_by(|x, y| y.0.total_cmp(&x.0));
    println!("same event, least alike:");
    for (s, judged, a, b) in same.iter().take(12) {
        println!("  {s:.3} {} {} {}", if *judged { "joined" } else { "SPLIT " }, name(*a), name(*b));
    }
    println!("different events, most alike:");
    for (s, judged, a, b) in different.iter().take(12) {
        println!("  {s:.3} {} {} {}", if *judged { "JOINED" } else { "split " }, name(*a), name(*b));
    }
    if let Ok(prefix) = std::env::var("SHOW") {
        for (s, judged, a, b) in same.iter().chain(&different) {
            if name(*a).starts_with(&prefix) || name(*b).starts_with(&prefix) {
                let date = |d: usize| corpus.documents[d].meta.date.map(|d| d.to_string()).unwrap_or_default();
                println!("  {s:.3} {judged} {} {} {} {}", name(*a), date(*a), name(*b), date(*b));
            }
        }
    }
    let split = same.iter().filter(|e| !e.1).count();
    let joined = different.iter().filter(|e| e.1).count();
    println!(
        "same-event pairs split: {split} of {}; different-event pairs joined: {joined} of {}",
        same.len(),
        different.len()
    );
}
