//! Generates a deterministic synthetic news corpus: `cargo run --release
//! --example gen_corpus -- --articles N --seed S --out DIR`. See
//! `benches/support/generator.rs` for what it writes.

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;

fn main() {
    let mut articles = 1000usize;
    let mut seed = 1u64;
    let mut out = PathBuf::from("generated-corpus");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => articles = value.parse().expect("--articles takes a number"),
            "--seed" => seed = value.parse().expect("--seed takes a number"),
            "--out" => out = PathBuf::from(value),
            _ => panic!("unknown flag {flag}; expected --articles, --seed, --out"),
        }
    }
    generator::generate(articles, seed, &out);
}
