//! Alignment keeps contradictions in reach when a state is named in more
//! claims than a block holds, in articles without dates (which the split
//! by month cannot separate).

use gainsay::ingest::Document;
use gainsay::{Limits, Pack};

/// Region names that appear nowhere else, so only the state links reports.
fn region(n: usize) -> String {
    const SYLLABLES: [&str; 12] = ["ka", "lo", "mar", "ten", "si", "vo", "ru", "dan", "pe", "zu", "gor", "ni"];
    let mut name = String::new();
    for digit in [n / 144, (n / 12) % 12, n % 12] {
        name.push_str(SYLLABLES[digit]);
    }
    let mut chars = name.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

fn undated_reports(count: usize, pack: &Pack) -> Vec<Document> {
    let mut documents: Vec<Document> = (0..count)
        .map(|n| {
            let text = format!(
                "Two military sources said the drone was launched from the {} district of Peru.\n\nThe drone hit a warehouse.\n",
                region(n)
            );
            Document::from_text(format!("reports/{n:03}.md").into(), text, &pack.lexicon).0
        })
        .collect();
    let denial = "Peru's defence ministry spokesperson, Rosa Quispe, said Peruvian territory had not been used for any launch.\n";
    documents.push(Document::from_text("denial.md".into(), denial.to_string(), &pack.lexicon).0);
    documents
}

fn origin_findings(count: usize) -> usize {
    let pack = Pack::embedded().unwrap();
    let outcome = gainsay::check_documents(undated_reports(count, &pack), &pack, &Limits::default());
    outcome.findings.iter().filter(|f| f.rule == "origin-vs-denial").count()
}

#[test]
fn a_denial_meets_every_report_about_its_state_in_a_small_corpus() {
    assert_eq!(origin_findings(20), 20);
}

#[test]
fn a_denial_meets_every_report_about_its_state_when_the_state_block_is_oversized() {
    // More than a block's 128 claims name the state, none is dated: the
    // block is paired across polarity instead of skipped.
    assert_eq!(origin_findings(200), 200);
}
