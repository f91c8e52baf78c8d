//! Throughput of extraction and alignment, end-to-end `check` at 1k and
//! 10k generated articles, and `check NEW --index` latency against 10k.
//! The 100k run is `benches/scale.sh`, which also reports peak memory.

#[path = "support/generator.rs"]
#[allow(dead_code, reason = "the bench uses only `generate`")]
mod generator;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gainsay::{Corpus, Pack};

fn corpus_dir(articles: usize) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let root = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder")).path();
    let dir = root.join(articles.to_string());
    if !dir.exists() {
        generator::generate(articles, 42, &dir);
    }
    dir
}

fn documents(dir: &Path, pack: &Pack) -> Vec<gainsay::Document> {
    gainsay::ingest::load(&[dir.to_path_buf()], &pack.lexicon).0
}

fn extraction_and_alignment(c: &mut Criterion) {
    let pack = Pack::embedded().expect("the default pack");
    let docs = documents(&corpus_dir(1000), &pack);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("stages-1k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| Corpus::build(docs.clone(), &pack.lexicon, &pack.segmenter));
    });
    let corpus = Corpus::build(docs, &pack.lexicon, &pack.segmenter);
    group.throughput(Throughput::Elements(corpus.claims.len() as u64));
    group.bench_function("align", |b| b.iter(|| gainsay::align::candidates(&corpus)));
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let pack = Pack::embedded().expect("the default pack");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for articles in [1000, 10_000] {
        let dir = corpus_dir(articles);
        let bytes: usize = documents(&dir, &pack).iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(articles), &dir, |b, dir| {
            b.iter(|| gainsay::check(std::slice::from_ref(dir), &pack));
        });
    }
    group.finish();
}

fn check_against_index(c: &mut Criterion) {
    let pack = Pack::embedded().expect("the default pack");
    let dir = corpus_dir(10_000);
    let index = dir.with_extension("idx");
    gainsay::index::build(std::slice::from_ref(&dir), &pack, &index).expect("the index is written");
    let new = std::fs::read_dir(dir.join("000"))
        .expect("the first shard")
        .map(|e| e.expect("an entry").path())
        .find(|p| p.to_string_lossy().ends_with("-report.md"))
        .expect("a report article");
    let mut group = c.benchmark_group("check-index");
    group.sample_size(10);
    group.bench_function("10k", |b| {
        b.iter(|| gainsay::index::check(std::slice::from_ref(&new), &index, &pack).expect("the check runs"));
    });
    group.finish();
}

criterion_group!(benches, extraction_and_alignment, end_to_end, check_against_index);
criterion_main!(benches);
