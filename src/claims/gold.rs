//! Claim-level gold annotations and how the extractor does against them.
//!
//! A gold file holds one JSON object per annotated sentence, in the schema
//! of the evaluation set's `CLAIMS.md`: who makes the sentence's main claim
//! (`speaker`, `speaker_kind`, `affiliation`), how (`stance`), and what it
//! says happened (`event_type`, `agent`, `origin`, `target`). Scoring finds
//! each annotated sentence's claim and compares field by field, so that a
//! change to extraction is measured on text written without reading it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use super::{Claim, Corpus};
use crate::text::normalise;

/// One annotated sentence.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub file: String,
    pub sentence: String,
    /// The words naming who makes the claim, or `OUTLET` for the
    /// article's own voice.
    pub speaker: String,
    pub speaker_kind: String,
    pub affiliation: Option<String>,
    pub stance: String,
    pub event_type: String,
    pub agent: Option<String>,
    pub origin: Option<String>,
    pub target: Option<String>,
}

/// What the annotation calls the article's own voice.
const OWN_VOICE: &str = "OUTLET";

/// Reads a gold file: one JSON object a line.
pub fn read(text: &str) -> Result<Vec<GoldClaim>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| serde_json::from_str(line).map_err(|e| format!("line {}: {e}", number + 1)))
        .collect()
}

/// What extraction says of one sentence, in the annotation's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Who speaks: the label, or `OUTLET` for the article's own voice.
    pub speaker: String,
    pub speaker_kind: String,
    pub affiliation: Option<String>,
    pub stance: String,
}

/// A field's score: how many sentences had it right.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    /// The share right, from 0 to 1.
    #[must_use]
    pub fn share(self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

/// How extraction did on a gold set.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per field name, its tally.
    pub fields: BTreeMap<&'static str, Tally>,
    /// Per (gold stance, extracted stance), how many sentences.
    pub stance_confusion: BTreeMap<(String, String), usize>,
    /// Sentences whose text was not found among the claims.
    pub unmatched: usize,
    /// One line per wrong field, for reading what fails.
    pub mistakes: Vec<String>,
}

impl Report {
    /// The share right for a field.
    #[must_use]
    pub fn share(&self, field: &str) -> f64 {
        self.fields.get(field).copied().unwrap_or_default().share()
    }

    /// The recall of one gold stance: the share of its sentences read so.
    #[must_use]
    pub fn stance_recall(&self, stance: &str) -> f64 {
        let of_stance = self.stance_confusion.iter().filter(|((gold, _), _)| gold == stance);
        let (right, total) = of_stance
            .fold((0, 0), |(right, total), ((_, ours), n)| (right + if ours == stance { *n } else { 0 }, total + n));
        right as f64 / f64::from(u32::try_from(total).unwrap_or(u32::MAX)).max(1.0)
    }

    /// A table of the fields and the stance confusion, for people.
    #[must_use]
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (field, tally) in &self.fields {
            let _ = writeln!(out, "{field:<14} {:>6.1}%  ({} of {})", tally.share() * 100.0, tally.right, tally.total);
        }
        let stances = ["affirms", "denies", "hedged", "reports"];
        let _ = writeln!(out, "\nstance: gold (rows) against extracted (columns)");
        let _ = write!(out, "{:<10}", "");
        for ours in stances {
            let _ = write!(out, "{ours:>9}");
        }
        let _ = writeln!(out, "{:>9}", "recall");
        for gold in stances {
            let _ = write!(out, "{gold:<10}");
            for ours in stances {
                let n = self.stance_confusion.get(&(gold.to_string(), ours.to_string())).copied().unwrap_or(0);
                let _ = write!(out, "{n:>9}");
            }
            let _ = writeln!(out, "{:>8.1}%", self.stance_recall(gold) * 100.0);
        }
        let _ = writeln!(out, "\nsentences not found among the claims: {}", self.unmatched);
        out
    }
}

/// Scores extraction over `corpus` against gold annotations of its files,
/// `reading` saying what extraction makes of a claim.
#[must_use]
pub fn score(corpus: &Corpus, gold: &[GoldClaim]) -> Report {
    let mut report = Report::default();
    for annotation in gold {
        let Some(claim) = claim_of(corpus, annotation) else {
            report.unmatched += 1;
            for field in ["speaker", "speaker_kind", "affiliation", "stance"] {
                report.fields.entry(field).or_default().add(false);
            }
            continue;
        };
        let ours = reading(corpus, claim);
        let checks = [
            ("speaker", same_speaker(&annotation.speaker, &ours.speaker), &annotation.speaker, &ours.speaker),
            (
                "speaker_kind",
                annotation.speaker_kind == ours.speaker_kind,
                &annotation.speaker_kind,
                &ours.speaker_kind,
            ),
            ("stance", annotation.stance == ours.stance, &annotation.stance, &ours.stance),
        ];
        for (field, right, gold_value, our_value) in checks {
            report.fields.entry(field).or_default().add(right);
            if !right {
                report.mistakes.push(format!(
                    "{field}: gold {gold_value:?}, extracted {our_value:?} ({}: {})",
                    annotation.file, annotation.sentence
                ));
            }
        }
        let affiliation_right =
            same_affiliation(corpus, annotation.affiliation.as_deref(), ours.affiliation.as_deref());
        report.fields.entry("affiliation").or_default().add(affiliation_right);
        if !affiliation_right {
            report.mistakes.push(format!(
                "affiliation: gold {:?}, extracted {:?} ({}: {})",
                annotation.affiliation, ours.affiliation, annotation.file, annotation.sentence
            ));
        }
        *report.stance_confusion.entry((annotation.stance.clone(), ours.stance.clone())).or_default() += 1;
    }
    report
}

/// The claim whose sentence overlaps the annotated sentence most.
fn claim_of<'c>(corpus: &'c Corpus, annotation: &GoldClaim) -> Option<&'c Claim> {
    let doc = corpus
        .documents
        .iter()
        .position(|d| d.path.file_name().is_some_and(|name| name.to_string_lossy() == annotation.file))?;
    let start = corpus.documents[doc].text.find(&annotation.sentence)?;
    let end = start + annotation.sentence.len();
    let first = corpus.claims.partition_point(|c| c.doc < doc);
    corpus.claims[first..]
        .iter()
        .take_while(|c| c.doc == doc)
        .map(|c| (c, c.sentence.end.min(end).saturating_sub(c.sentence.start.max(start))))
        .filter(|(_, overlap)| *overlap > 0)
        .max_by_key(|(c, overlap)| (*overlap, std::cmp::Reverse(c.sentence.start)))
        .map(|(c, _)| c)
}

/// What extraction makes of a claim.
#[must_use]
pub fn reading(corpus: &Corpus, claim: &Claim) -> Reading {
    let doc = &corpus.documents[claim.doc];
    let own_voice = *claim.speaker.key == super::speaker::outlet_voice_key(doc.outlet());
    Reading {
        speaker: if own_voice { OWN_VOICE.to_string() } else { claim.speaker.label.to_string() },
        speaker_kind: claim.speaker.kind.name().to_string(),
        affiliation: claim
            .speaker
            .affiliation
            .map(|p| corpus.places.gazetteer.places[p].name.clone())
            .or_else(|| claim.speaker.body.as_deref().map(str::to_string)),
        stance: stance_name(claim.stance).to_string(),
    }
}

/// The annotation's name for a stance.
fn stance_name(stance: super::Stance) -> &'static str {
    match stance {
        super::Stance::Affirmed => "affirms",
        super::Stance::Denied => "denies",
        super::Stance::Hedged => "hedged",
        super::Stance::Reported => "reports",
    }
}

/// Words of a name or description that identify it: longer words and
/// capitalised ones, folded.
fn identifying_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .map(normalise)
        .collect()
}

/// Whether an extracted speaker is the annotated one: both the article's
/// own voice, or sharing a surname or most of their identifying words.
fn same_speaker(gold: &str, ours: &str) -> bool {
    if gold == OWN_VOICE || ours == OWN_VOICE {
        return gold == ours;
    }
    let (gold_words, our_words) = (identifying_words(gold), identifying_words(ours));
    if gold_words.is_empty() || our_words.is_empty() {
        return normalise(gold) == normalise(ours);
    }
    let shared = gold_words.iter().filter(|w| our_words.contains(w)).count();
    let surname = gold.split_whitespace().rev().find(|w| w.chars().next().is_some_and(char::is_uppercase));
    let shares_surname =
        surname.is_some_and(|s| our_words.contains(&normalise(s.trim_matches(|c: char| !c.is_alphanumeric()))));
    shares_surname || 2 * shared >= gold_words.len().max(our_words.len())
}

/// Whether an extracted affiliation is the annotated one: the same place
/// in the gazetteer, or the same name.
fn same_affiliation(corpus: &Corpus, gold: Option<&str>, ours: Option<&str>) -> bool {
    let (Some(gold), Some(ours)) = (gold, ours) else { return gold.is_none() && ours.is_none() };
    let first = gold.split(", ").next().unwrap_or(gold);
    let gazetteer = &corpus.places.gazetteer;
    if let (Some(a), Some(b)) = (gazetteer.find_by_name(first), gazetteer.find_by_name(ours)) {
        return a == b;
    }
    let (gold_words, our_words) = (identifying_words(first), identifying_words(ours));
    let shared = gold_words.iter().filter(|w| our_words.contains(w)).count();
    shared > 0 && 2 * shared >= gold_words.len().max(our_words.len())
}
