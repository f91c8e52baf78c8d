//! Prints how gainsay reads sentences, one per line of standard input: the
//! dependency tree as CoNLL-U-like columns (word, tag, head, relation),
//! then what the sentence states, how firmly, and whose words they are.
//!
//! ```text
//! echo "Iran denied that its drones took off from Baku." | cargo run --release --example parse
//! ```

use std::io::BufRead;

fn main() {
    let pack = gainsay::Pack::embedded().expect("the embedded pack loads");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input is text");
        println!("{}", gainsay::claims::trace(&line, &pack.lexicon));
    }
}
