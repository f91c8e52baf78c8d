//! Places learned from the text, with their part-of relations.
//!
//! News names sub-national places the gazetteer cannot list: "Moldova's
//! Gagauzia Autonomous Region", "the Ciocarlia air base in northern
//! Romania", "the village of Strzyżów in eastern Poland", "Strzelce, a town
//! in western Ukraine". Four patterns learn such a place and, where the
//! text says it, the place containing it.
//! What is learned in one article holds for the whole corpus.

use std::ops::Range;

use foldhash::{HashMap, HashMapExt};

use super::sentence::{PlaceMention, SentenceView};
use crate::lexicon::{Cue, Gazetteer, Lexicon, PlaceForm, PlaceId};
use crate::text::normalise;

/// Longest learned name, in tokens.
const MAX_NAME_TOKENS: usize = 5;

/// A place a sentence names: its name as written, the place containing it
/// where the text says, and the folded forms it is mentioned by.
#[derive(Debug, Clone)]
pub struct Lesson {
    name: String,
    /// The name folded, as the gazetteer keys it: folded where sentences
    /// are read side by side, not where lessons are learned one by one.
    folded_name: String,
    parent: Option<PlaceId>,
    forms: Vec<String>,
}

/// The gazetteer grown with the places learned from a corpus.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Places {
    pub gazetteer: Gazetteer,
    /// Folded token sequences of learned names.
    learned: HashMap<String, PlaceId>,
    /// Per first folded word of a learned name, the most words any such
    /// name has: most capitalised words start none, and are passed over
    /// without building the phrases that start at them.
    longest_from: HashMap<String, usize>,
}

impl Places {
    #[must_use]
    pub fn new(gazetteer: Gazetteer) -> Self {
        Self { gazetteer, learned: HashMap::new(), longest_from: HashMap::new() }
    }

    /// Learns the places one sentence names.
    pub fn learn_from(&mut self, view: &SentenceView, text: &str, lexicon: &Lexicon) {
        self.learn(Self::lessons(view, text, lexicon));
    }

    /// Learns places in the order given: the first parent given to a name,
    /// and the first place given to a form, stay.
    pub fn learn(&mut self, lessons: impl IntoIterator<Item = Lesson>) {
        for lesson in lessons {
            let id = self.gazetteer.learn(&lesson.name, lesson.folded_name, lesson.parent);
            for form in lesson.forms {
                let mut words = form.split(' ');
                let first = words.next().unwrap_or_default();
                let length = 1 + words.count();
                // Most forms start with a word seen before: looked up, not copied.
                if let Some(longest) = self.longest_from.get_mut(first) {
                    *longest = (*longest).max(length);
                } else {
                    self.longest_from.insert(first.to_string(), length);
                }
                self.learned.entry(form).or_insert(id);
            }
        }
    }

    /// The places one sentence names, to be learned later: reading needs
    /// nothing learned, so articles are read in parallel and only learning
    /// keeps their order.
    #[must_use]
    pub fn lessons(view: &SentenceView, text: &str, lexicon: &Lexicon) -> Vec<Lesson> {
        let mut lessons = Vec::new();
        for start in 0..view.tokens.len() {
            let Some(name) = Self::capitalised_run(view, start, lexicon) else {
                continue;
            };
            if start > 0 && view.tokens[start - 1].capitalised && view.place_at(start - 1).is_none() {
                // Only the start of a run; the run itself is tried from its start.
                continue;
            }
            let apposed = apposed_type(view, name.end);
            let typed = ends_with_place_type(view, &name) || followed_by_type(view, name.end) || apposed.is_some();
            let introduced_by_type =
                start >= 2 && view.is_word(start - 1, "of") && view.covered_by(start - 2, |c| c == Cue::PlaceType);
            let owner = possessive_owner(view, start);
            let container =
                container_after(view, name.end).or_else(|| apposed.and_then(|t| container_after(view, t + 1)));
            if owner.is_none() && !typed && !introduced_by_type {
                continue;
            }
            // A run cut short by a body's or an office's word is the start of
            // that body's name ("Iran's Civil Aviation Organization"), not a
            // place of the owner's.
            let next = view.tokens.get(name.end).filter(|t| t.is_word && t.capitalised);
            if !typed && next.is_some() && view.covered_by(name.end, blocks_name) {
                continue;
            }
            let mut forms = vec![fold(view, name.clone())];
            if typed && ends_with_place_type(view, &name) {
                let head = name.start..type_start(view, &name);
                if !head.is_empty() {
                    forms.push(fold(view, head));
                }
            }
            let name = view.text(text, name);
            lessons.push(Lesson {
                name: name.to_string(),
                folded_name: normalise(name),
                parent: owner.or(container),
                forms,
            });
        }
        lessons
    }

    /// A run of capitalised words starting at `start` that is not a known
    /// place, a role, an outlet or a function word: a candidate name.
    fn capitalised_run(view: &SentenceView, start: usize, lexicon: &Lexicon) -> Option<Range<usize>> {
        let ok = |i: usize| {
            let t = &view.tokens[i];
            t.is_word
                && t.capitalised
                && !t.all_caps
                && !lexicon.months.contains_key(t.norm.as_str())
                && view.place_at(i).is_none()
                && !view.covered_by(i, blocks_name)
        };
        if start >= view.tokens.len() || !ok(start) || view.quoted[start] {
            return None;
        }
        let mut end = start + 1;
        while end < view.tokens.len() && end - start < MAX_NAME_TOKENS && ok(end) && !view.tokens[end - 1].possessive {
            end += 1;
        }
        Some(start..end)
    }

    /// Learned place mentions in a sentence, longest first at each token.
    #[must_use]
    pub fn mentions(&self, view: &SentenceView) -> Vec<PlaceMention> {
        let mut found = Vec::new();
        let mut index = 0;
        while index < view.tokens.len() {
            let token = &view.tokens[index];
            let starts = token.capitalised.then(|| self.longest_from.get(token.norm.as_str())).flatten();
            let Some(&most_words) = starts else {
                index += 1;
                continue;
            };
            // The folded phrases starting here are prefixes of the longest:
            // it is joined once, and each length is looked up as a slice.
            let most = most_words.min(MAX_NAME_TOKENS).min(view.tokens.len() - index);
            let mut joined = String::new();
            let mut ends = Vec::with_capacity(most);
            for (position, token) in view.tokens[index..index + most].iter().enumerate() {
                if position > 0 {
                    joined.push(' ');
                }
                joined.push_str(&token.norm);
                ends.push(joined.len());
            }
            let longest =
                (1..=most).rev().find_map(|len| self.learned.get(&joined[..ends[len - 1]]).map(|id| (len, *id)));
            match longest {
                Some((len, place)) => {
                    found.push(PlaceMention { tokens: index..index + len, place, form: PlaceForm::Name });
                    index += len;
                }
                None => index += 1,
            }
        }
        found
    }
}

fn fold(view: &SentenceView, tokens: Range<usize>) -> String {
    view.tokens[tokens].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
}

fn is_type_at(view: &SentenceView, index: usize) -> bool {
    view.covered_by(index, |c| c == Cue::PlaceType)
}

fn type_start(view: &SentenceView, name: &Range<usize>) -> usize {
    (name.start..name.end).rev().take_while(|&i| is_type_at(view, i)).last().unwrap_or(name.end)
}

/// Cues no place name contains: offices, bodies, outlets, speech.
fn blocks_name(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::RoleTitle
            | Cue::Official
            | Cue::Body
            | Cue::Honorific
            | Cue::Outlet
            | Cue::Unnamed
            | Cue::NotName
            | Cue::Say
            | Cue::Deny
            | Cue::ThirdPerson
            | Cue::Own
    )
}

fn ends_with_place_type(view: &SentenceView, name: &Range<usize>) -> bool {
    name.len() > 1 && is_type_at(view, name.end - 1)
}

/// "Cernavoda nuclear plant": a type word within two words after the name.
fn followed_by_type(view: &SentenceView, end: usize) -> bool {
    (end..(end + 3).min(view.tokens.len()))
        .take_while(|&i| view.tokens[i].is_word && !view.tokens[i].capitalised)
        .any(|i| is_type_at(view, i))
}

/// "Strzelce, a town in western Ukraine": a place type in an apposition
/// right after a name, after an article and at most one other lowercase
/// word ("a small town"). Gives the type word's token. The type word must
/// end its phrase (followed by punctuation, "in", a direction or another
/// function word): "a city councillor" makes the name a person's.
fn apposed_type(view: &SentenceView, end: usize) -> Option<usize> {
    if !view.is_word(end, ",") || !view.covered_by(end + 1, |c| c == Cue::Article) {
        return None;
    }
    (end + 2..(end + 4).min(view.tokens.len()))
        .take_while(|&i| view.tokens[i].is_word && !view.tokens[i].capitalised)
        .find(|&i| is_type_at(view, i))
        .filter(|&i| {
            let next = view.tokens.get(i + 1);
            next.is_none_or(|t| !t.is_word)
                || view.covered_by(i + 1, |c| matches!(c, Cue::ContainerWord | Cue::Direction | Cue::NotName))
        })
}

/// "Moldova's Gagauzia": a named place in the possessive right before.
fn possessive_owner(view: &SentenceView, start: usize) -> Option<PlaceId> {
    let owner = view.place_at(start.checked_sub(1)?)?;
    let last = &view.tokens[owner.tokens.end - 1];
    (owner.tokens.end == start && last.possessive && owner.form != PlaceForm::Demonym).then_some(owner.place)
}

/// "... in (the) (western) Romania", "... region of Belarus" or ", Poland"
/// right after a name, with at most three lowercase words between.
fn container_after(view: &SentenceView, start: usize) -> Option<PlaceId> {
    let limit = (start + 4).min(view.tokens.len());
    let mut index = start;
    while index < limit && view.tokens[index].norm != "," && !view.covered_by(index, |c| c == Cue::ContainerWord) {
        let token = &view.tokens[index];
        if !token.is_word || token.capitalised {
            return None;
        }
        index += 1;
    }
    if index == limit {
        return None;
    }
    index += 1;
    while view.is_word(index, "the") || view.covered_by(index, |c| c == Cue::Direction) {
        index += 1;
    }
    let mention = view.place_at(index)?;
    (mention.tokens.start == index && mention.form == PlaceForm::Name).then_some(mention.place)
}
