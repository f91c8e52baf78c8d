//! A readable dump of what extraction found, for rule authors: `gainsay
//! claims PATH` prints one JSON object per claim and per person.

use serde_json::json;

use super::{Corpus, Role};

fn names_key(role: &Role) -> String {
    role.key()
}

/// One JSON line per claim with frames, quantities or quotations, then one
/// per person mention.
#[must_use]
pub fn describe(corpus: &Corpus) -> Vec<String> {
    let place = |p: Option<usize>| p.map(|p| corpus.places.gazetteer.places[p].name.clone());
    let mut lines = Vec::new();
    for claim in &corpus.claims {
        if claim.frames.is_empty() && claim.quantities.is_empty() && claim.quotes.is_empty() {
            continue;
        }
        let doc = &corpus.documents[claim.doc];
        let text = |span: &std::ops::Range<usize>| doc.text[span.clone()].to_string();
        let frames: Vec<_> = claim
            .frames
            .iter()
            .map(|f| {
                json!({
                    "frame": corpus.frame_names[f.kind],
                    "cue": text(&f.cue),
                    "stance": f.stance.name(),
                    "speaker": f.speaker.label,
                    "agent": f.agent.as_ref().map(|a| text(&a.words)),
                    "agent_state": place(f.agent.as_ref().and_then(|a| a.place)),
                    "origin": place(f.origin),
                    "place": place(f.place),
                    "target": f.target.as_ref().map(text),
                    "event": f.event.as_ref().map(text),
                    "means": f.means.iter().map(|m| corpus.means_names[*m].clone()).collect::<Vec<_>>(),
                    "commitment": f.commitment,
                    "always": f.always,
                    "act": f.act.iter().map(|k| corpus.frame_names[*k].clone()).collect::<Vec<_>>(),
                    "gist": text(&f.gist),
                })
            })
            .collect();
        let quantities: Vec<_> = claim
            .quantities
            .iter()
            .map(|q| json!({"text": text(&q.span), "value": q.value, "measure": q.measure}))
            .collect();
        lines.push(
            json!({
                "path": doc.path.display().to_string(),
                "start": claim.sentence.start,
                "speaker": claim.speaker.label,
                "kind": claim.speaker.kind.name(),
                "affiliation": place(claim.speaker.affiliation),
                "body": claim.speaker.body.as_deref(),
                "stance": claim.stance.name(),
                "frames": frames,
                "quantities": quantities,
                "quotes": claim.quotes.iter().map(&text).collect::<Vec<_>>(),
                "sentence": text(&claim.sentence),
            })
            .to_string(),
        );
    }
    for person in &corpus.people {
        let doc = &corpus.documents[person.doc];
        let role = person.mention.role.as_ref();
        lines.push(
            json!({
                "path": doc.path.display().to_string(),
                "person": person.mention.name,
                "surname": person.mention.surname,
                "role": role.map(|r| r.label.clone()),
                "role_key": role.map(names_key),
                "affiliation": place(role.and_then(|r| r.affiliation)),
            })
            .to_string(),
        );
    }
    lines
}
