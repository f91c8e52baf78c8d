//! Times each pipeline stage on a folder and prints the counts the scale
//! table needs: `cargo run --release --example stages -- DIR`. The baseline
//! is raw `unicode-segmentation` sentence splitting over the same bytes,
//! single-threaded: once over the text already in memory, once reading
//! every file as well (what a program that only split sentences would do).

use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

// The allocator the binary uses, so stage times are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stages DIR");
    let pack = gainsay::Pack::embedded().expect("default pack");
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let (documents, _) = gainsay::ingest::load(&[dir.into()], &pack.lexicon);
    let ingest = start.elapsed();
    let ingest_cpu = cpu_seconds();
    let ingest_rss = resident_megabytes();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let start = Instant::now();
    let raw_sentences: usize = documents.iter().map(|d| d.text.split_sentence_bound_indices().count()).sum();
    let raw = start.elapsed();
    let start = Instant::now();
    let read_and_split: usize = documents
        .iter()
        .map(|d| std::fs::read_to_string(&d.path).map_or(0, |text| text.split_sentence_bound_indices().count()))
        .sum();
    let raw_with_reading = start.elapsed();
    assert_eq!(read_and_split, raw_sentences, "the files changed while they were read");
    let start = Instant::now();
    let extract_cpu_start = cpu_seconds();
    let corpus = gainsay::Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    let extract = start.elapsed();
    let extract_cpu = cpu_seconds();
    let extract_rss = resident_megabytes();
    let start = Instant::now();
    let pairs = gainsay::align::candidates(&corpus);
    let align = start.elapsed();
    let align_cpu = cpu_seconds();
    let align_rss = resident_megabytes();
    let start = Instant::now();
    let findings = gainsay::rules::evaluate(&corpus, &pack.rules, &pairs);
    let rules = start.elapsed();
    let rules_cpu = cpu_seconds();
    let rules_rss = resident_megabytes();
    let per_rule: Vec<(String, f64)> = pack
        .rules
        .iter()
        .map(|rule| {
            let start = Instant::now();
            let _ = gainsay::rules::evaluate(&corpus, std::slice::from_ref(rule), &pairs);
            (rule.id.clone(), start.elapsed().as_secs_f64())
        })
        .collect();
    let mb = bytes as f64 / 1e6;
    let pipeline = (ingest + extract + align + rules).as_secs_f64();
    println!("documents {}", corpus.documents.len());
    println!("megabytes {mb:.2}");
    println!("sentences {}", corpus.claims.len());
    println!("candidate_pairs {}", pairs.len());
    println!("findings {}", findings.len());
    println!("ingest_s {:.3}", ingest.as_secs_f64());
    println!("extract_s {:.3}", extract.as_secs_f64());
    println!("align_s {:.3}", align.as_secs_f64());
    println!("rules_s {:.3}", rules.as_secs_f64());
    let spent = |from: Option<(f64, f64)>, to: Option<(f64, f64)>| match (from, to) {
        (Some(from), Some(to)) => format!("{:.3} {:.3}", to.0 - from.0, to.1 - from.1),
        _ => "?".to_string(),
    };
    println!("ingest_cpu_user_sys_s {}", spent(cpu_start, ingest_cpu));
    println!("extract_cpu_user_sys_s {}", spent(extract_cpu_start, extract_cpu));
    println!("align_cpu_user_sys_s {}", spent(extract_cpu, align_cpu));
    println!("rules_cpu_user_sys_s {}", spent(align_cpu, rules_cpu));
    for (stage, rss) in [("ingest", ingest_rss), ("extract", extract_rss), ("align", align_rss), ("rules", rules_rss)] {
        println!("resident_mb_after_{stage} {rss}");
    }
    for (id, seconds) in per_rule {
        println!("rule_s[{id}] {seconds:.3}");
    }
    println!("pipeline_mb_per_s {:.2}", mb / pipeline);
    println!("raw_unicode_segmentation_s {:.3} ({raw_sentences} pieces)", raw.as_secs_f64());
    println!("raw_unicode_segmentation_mb_per_s {:.2}", mb / raw.as_secs_f64());
    println!("raw_read_and_segment_s {:.3}", raw_with_reading.as_secs_f64());
    println!("raw_read_and_segment_mb_per_s {:.2}", mb / raw_with_reading.as_secs_f64());
}

/// Clock ticks a second in `/proc` (`USER_HZ`, 100 on every Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// User and system CPU seconds of the whole process so far, where the
/// system says (Linux): with wall time, they tell idle cores from work.
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks.
    let ticks = |index: usize| fields.get(index)?.parse::<f64>().ok();
    Some((ticks(11)? / TICKS_PER_SECOND, ticks(12)? / TICKS_PER_SECOND))
}

/// Resident memory in MB, where the system says (Linux), else "?".
fn resident_megabytes() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or_else(|| "?".to_string(), |kb| (kb / 1024).to_string())
}
