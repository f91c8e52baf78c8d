//! Quotation pairs: one statement quoted in two articles, attributed to
//! different people, or to one person in words that drifted.

use super::claim_pair::{close_in_time, other_source};
use super::texts::Texts;
use super::{Facts, common_values, ends};
use crate::rules::finding::Label;
use crate::rules::schema::SpeakerRelation;

/// Two quotations (by position among each claim's) that may be one
/// statement: they name the same people and places.
struct AlikeQuote {
    first: usize,
    second: usize,
    similarity: f64,
    /// One is a part of the other.
    excerpt: bool,
}

/// Words a window may have beyond the shorter quotation's.
const WINDOW_SLACK: usize = 2;

/// How alike the shorter of two quotations is to the stretch of the
/// longer that reads most like it: a remark quoted whole in one article
/// and inside a longer quotation in another ("all of this is an absolute
/// lie" and "... under a certain angle, and all of it is a complete lie").
fn best_window(a: &str, b: &str) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let long_words: Vec<&str> = long.split(' ').collect();
    let count = short.split(' ').count();
    if long_words.len() <= count {
        return 0.0;
    }
    let short_bigrams = crate::text::Bigrams::new(short);
    let mut best: f64 = 0.0;
    for width in count.saturating_sub(WINDOW_SLACK).max(1)..=(count + WINDOW_SLACK).min(long_words.len()) {
        for window in long_words.windows(width) {
            best = best.max(short_bigrams.dice(&crate::text::Bigrams::new(&window.join(" "))));
        }
    }
    best
}

/// The quotations two claims share, compared once: a candidate pair is
/// read in both directions by every quotation rule, and the comparison is
/// the same each time.
pub(super) struct AlikeQuotes {
    first: usize,
    alike: Vec<AlikeQuote>,
}

impl AlikeQuotes {
    /// The quotations of claims `first` and `second` that may be one
    /// statement. Quotations of one article are not compared.
    pub(super) fn of(texts: &Texts, first: usize, second: usize) -> Self {
        let mut alike = Vec::new();
        if texts.doc_of(first) != texts.doc_of(second) && texts.may_share_quotes(first, second) {
            for (i, fq) in texts.quotes(first).iter().enumerate() {
                for (j, sq) in texts.quotes(second).iter().enumerate() {
                    // Two statements that differ in a name are two
                    // statements; an excerpt may leave a name out.
                    let one_names_the_others =
                        fq.proper_nouns.is_subset(&sq.proper_nouns) || sq.proper_nouns.is_subset(&fq.proper_nouns);
                    if !one_names_the_others {
                        continue;
                    }
                    let excerpt = fq.normalised.contains(sq.normalised.as_str())
                        || sq.normalised.contains(fq.normalised.as_str());
                    let similarity = fq.bigrams.dice(&sq.bigrams).max(best_window(&fq.normalised, &sq.normalised));
                    alike.push(AlikeQuote { first: i, second: j, similarity, excerpt });
                }
            }
        }
        Self { first, alike }
    }

    /// The matches of a quotation rule with claim `l` on the left: alike
    /// quotations within the rule's similarity band, of speakers the rule
    /// relates, in articles of one story or close in time.
    pub(super) fn facts(
        &self,
        texts: &Texts,
        (l, r): (usize, usize),
        speakers: SpeakerRelation,
        (min_similarity, max_similarity): (f64, f64),
    ) -> Vec<Facts> {
        if self.alike.is_empty() {
            return Vec::new();
        }
        let corpus = texts.corpus;
        let (left, right) = (&corpus.claims[l], &corpus.claims[r]);
        // In the order the left claim's quotations come, then the right's.
        let mut ordered: Vec<(usize, usize, &AlikeQuote)> = self
            .alike
            .iter()
            .map(|q| if l == self.first { (q.first, q.second, q) } else { (q.second, q.first, q) })
            .collect();
        ordered.sort_by_key(|&(lq, rq, _)| (lq, rq));
        // Telling whether two speakers are one person folds both names.
        let mut related = None;
        let mut found = Vec::new();
        for (lq, rq, quote) in ordered {
            let drift_ok = speakers == SpeakerRelation::Different || !quote.excerpt;
            if quote.similarity < min_similarity || quote.similarity > max_similarity || !drift_ok {
                continue;
            }
            let related = *related.get_or_insert_with(|| {
                (texts.incidents.same(left.doc, right.doc) || close_in_time(corpus, left, right))
                    && corpus.same_speaker(&left.speaker.key, &right.speaker.key) == (speakers == SpeakerRelation::Same)
            });
            if !related {
                return Vec::new();
            }
            let (lq, rq) = (&texts.quotes(l)[lq].span, &texts.quotes(r)[rq].span);
            let mut facts = Facts { similarity: quote.similarity, ..Facts::default() };
            common_values(corpus, left, right, &mut facts);
            facts.values.insert("left.source", left.speaker.label.to_string());
            facts.values.insert("right.source", right.speaker.label.to_string());
            facts.values.insert("left.quote", corpus.documents[left.doc].text[lq.clone()].to_string());
            facts.values.insert("right.quote", corpus.documents[right.doc].text[rq.clone()].to_string());
            // The sentence, not the quotation alone: who it is attributed
            // to is part of what is compared.
            facts.labels = vec![
                Label {
                    doc: left.doc,
                    span: left.sentence.clone(),
                    text: format!("quoted as {}", left.speaker.label),
                    primary: true,
                },
                Label {
                    doc: right.doc,
                    span: right.sentence.clone(),
                    text: format!("quoted as {}", right.speaker.label),
                    primary: false,
                },
            ];
            facts.identity = (left.doc, right.doc, ends(lq), ends(rq));
            facts.dedupe = (left.doc, ends(lq), other_source(right));
            found.push(facts);
        }
        found
    }
}
