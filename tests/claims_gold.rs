//! Scores claim extraction against a claim-level gold set written without
//! reading the extractor (`tests/fixtures/claims-gold/`), field by field.
//!
//! A field may only get better: `BEST` records, per field, the most
//! sentences read right so far; a change that reads fewer fails.

use std::path::PathBuf;

use gainsay::claims::gold;

/// The most annotated sentences each field has had right so far.
const BEST: [(&str, usize); 4] = [("speaker", 276), ("speaker_kind", 266), ("affiliation", 234), ("stance", 280)];

#[test]
fn claim_fields_do_not_fall_below_the_recorded_best() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claims-gold");
    let pack = gainsay::Pack::embedded().expect("the embedded pack loads");
    let outcome = gainsay::check(&[fixture.join("corpus")], &pack);
    let annotations = gold::read(include_str!("fixtures/claims-gold/claims.jsonl")).expect("claims.jsonl parses");
    assert!(annotations.len() >= 300, "the gold set holds {} sentences", annotations.len());
    let report = gold::score(&outcome.corpus, &annotations);
    print!("{}", report.table());
    let mut fallen = Vec::new();
    for (field, best) in BEST {
        let right = report.fields.get(field).map_or(0, |tally| tally.right);
        if right < best {
            fallen.push(format!("{field}: {right} right, fewer than the best, {best}"));
        }
    }
    assert!(fallen.is_empty(), "{}\n{}", fallen.join("\n"), report.table());
}
