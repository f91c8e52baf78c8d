//! The promises every span makes, checked. Claims, labels and diagnostics
//! slice documents by byte spans; a span outside its text, or inside a
//! character, is a panic waiting for the wrong article. Fuzz targets and
//! property tests call [`check_outcome`] after every run.

use std::ops::Range;

use crate::claims::Corpus;
use crate::rules::Finding;

/// Checks that every span of a corpus and its findings lies inside its
/// document, on character boundaries, and that the corpus's sentences are
/// in order without overlap. Returns the first broken promise.
pub fn check_outcome(corpus: &Corpus, findings: &[Finding]) -> Result<(), String> {
    for (id, doc) in corpus.documents.iter().enumerate() {
        let name = doc.path.display();
        span_in(&doc.text, &doc.body).map_err(|e| format!("{name}: body {e}"))?;
        let mut previous = 0;
        for range in &doc.chrome {
            span_in(&doc.text, range).map_err(|e| format!("{name}: chrome {e}"))?;
            if range.start < previous {
                return Err(format!("{name}: chrome {range:?} is out of order"));
            }
            previous = range.end;
        }
        for span in corpus.skipped_sentences(id) {
            span_in(&doc.text, span).map_err(|e| format!("{name}: skipped sentence {e}"))?;
        }
    }
    let mut previous: Option<(usize, Range<usize>)> = None;
    for claim in &corpus.claims {
        let doc = corpus.documents.get(claim.doc).ok_or_else(|| format!("claim in unknown document {}", claim.doc))?;
        let text = &doc.text;
        let name = doc.path.display();
        span_in(text, &claim.sentence).map_err(|e| format!("{name}: sentence {e}"))?;
        if let Some((doc, span)) = &previous {
            if *doc == claim.doc && span.end > claim.sentence.start {
                return Err(format!("{name}: sentence {:?} overlaps or precedes {span:?}", claim.sentence));
            }
        }
        previous = Some((claim.doc, claim.sentence.clone()));
        for frame in &claim.frames {
            span_in(text, &frame.cue).map_err(|e| format!("{name}: frame cue {e}"))?;
            span_in(text, &frame.gist).map_err(|e| format!("{name}: frame gist {e}"))?;
            if let Some(target) = &frame.target {
                span_in(text, target).map_err(|e| format!("{name}: frame target {e}"))?;
            }
            if let Some(agent) = &frame.agent {
                span_in(text, &agent.words).map_err(|e| format!("{name}: frame agent {e}"))?;
            }
            if let Some(event) = &frame.event {
                span_in(text, event).map_err(|e| format!("{name}: frame event {e}"))?;
            }
        }
        for quantity in &claim.quantities {
            span_in(text, &quantity.span).map_err(|e| format!("{name}: quantity {e}"))?;
        }
        for quote in &claim.quotes {
            span_in(text, quote).map_err(|e| format!("{name}: quotation {e}"))?;
        }
    }
    for person in &corpus.people {
        let doc =
            corpus.documents.get(person.doc).ok_or_else(|| format!("person in unknown document {}", person.doc))?;
        span_in(&doc.text, &person.mention.span).map_err(|e| format!("{}: person {e}", doc.path.display()))?;
        span_in(&doc.text, &person.mention.sentence).map_err(|e| format!("{}: person {e}", doc.path.display()))?;
    }
    for finding in findings {
        if finding.labels.is_empty() {
            return Err(format!("{}: a finding without labels", finding.rule));
        }
        for label in &finding.labels {
            let doc = corpus
                .documents
                .get(label.doc)
                .ok_or_else(|| format!("{}: label in unknown document {}", finding.rule, label.doc))?;
            span_in(&doc.text, &label.span).map_err(|e| format!("{}: label {e}", finding.rule))?;
        }
    }
    Ok(())
}

/// Whether `span` lies inside `text` with both ends on character boundaries.
fn span_in(text: &str, span: &Range<usize>) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!("{span:?} is outside a text of {} bytes", text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{span:?} splits a character"));
    }
    Ok(())
}
