//! Known places and their part-of hierarchy, as data.

use foldhash::HashMap;
use serde::Deserialize;

use super::Cue;
use crate::text::{Token, normalise};

/// Index of a place in the gazetteer (learned places are appended).
pub type PlaceId = usize;

/// How a place was named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum PlaceForm {
    /// Its name or an alias: "Moldova", "Republic of Moldova".
    Name,
    /// A demonym or adjective: "Moldovan", "Romanian".
    Demonym,
    /// Its capital, which in news English stands for its government.
    Capital,
}

/// The gazetteer file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFile {
    #[serde(default)]
    place: Vec<PlaceEntry>,
    #[serde(default)]
    body: Vec<BodyEntry>,
}

/// A body that is not a state but speaks for itself in the news: an
/// international organisation, an alliance.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PlaceEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    /// Seats of government that stand for it as its capital does: "the
    /// Kremlin", "the White House".
    #[serde(default)]
    seats: Vec<String>,
    /// The name of a place this one lies within, with its span in the
    /// file for errors.
    #[serde(default)]
    part_of: Option<toml::Spanned<String>>,
}

/// A `part-of` the gazetteer refuses: one naming no known place, or one
/// that would make a place lie within itself.
#[derive(Debug, PartialEq, Eq)]
pub struct PartOfError {
    /// Which of the files given the `part-of` is in.
    pub file: usize,
    /// The bytes of its value in that file.
    pub span: std::ops::Range<usize>,
    pub message: String,
}

/// A place: a country from the gazetteer or a sub-place learned from text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// The name messages use.
    pub name: String,
    /// The place this one lies within, if known.
    pub parent: Option<PlaceId>,
}

/// Places with their names and hierarchy.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Gazetteer {
    /// All places; `PlaceId` indexes this.
    pub places: Vec<Place>,
    /// Folded names to places, for lookups while learning.
    by_name: HashMap<String, PlaceId>,
    /// Every spelling with its place and form, as written.
    spellings: Vec<(String, PlaceId, PlaceForm)>,
    /// Bodies that are not states, by canonical name; `Cue::KnownBody`
    /// indexes this.
    pub bodies: Vec<String>,
    /// Every spelling of a body, with its index.
    body_spellings: Vec<(String, usize)>,
}

impl Gazetteer {
    /// Builds the gazetteer from one or more files, later files adding places.
    /// Returns the `part-of`s refused: a cycle is refused here, since every
    /// walk up the hierarchy would go round it.
    #[must_use]
    pub fn from_files(files: &[GazetteerFile]) -> (Self, Vec<PartOfError>) {
        let mut gazetteer = Self::default();
        let mut refused = Vec::new();
        for (file_index, file) in files.iter().enumerate() {
            for entry in &file.place {
                let id = gazetteer.find_by_name(&entry.name).unwrap_or_else(|| gazetteer.add(&entry.name, None));
                if let Some(part_of) = &entry.part_of {
                    match gazetteer.parent_named(id, part_of.get_ref()) {
                        Ok(parent) => gazetteer.places[id].parent = Some(parent),
                        Err(message) => refused.push(PartOfError { file: file_index, span: part_of.span(), message }),
                    }
                }
                let forms = [
                    (std::slice::from_ref(&entry.name), PlaceForm::Name),
                    (&entry.aliases[..], PlaceForm::Name),
                    (&entry.demonyms[..], PlaceForm::Demonym),
                    (&entry.capitals[..], PlaceForm::Capital),
                    (&entry.seats[..], PlaceForm::Capital),
                ];
                for (names, form) in forms {
                    for name in names {
                        gazetteer.spellings.push((name.clone(), id, form));
                    }
                }
            }
            for entry in &file.body {
                let id = gazetteer.bodies.iter().position(|b| *b == entry.name).unwrap_or_else(|| {
                    gazetteer.bodies.push(entry.name.clone());
                    gazetteer.bodies.len() - 1
                });
                for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                    gazetteer.body_spellings.push((name.clone(), id));
                }
            }
        }
        (gazetteer, refused)
    }

    /// The place named `name`, if `place` may lie within it.
    fn parent_named(&self, place: PlaceId, name: &str) -> Result<PlaceId, String> {
        let parent = self.find_by_name(name).ok_or_else(|| format!("`part-of = \"{name}\"` names no known place"))?;
        if !self.within(parent, place) {
            return Ok(parent);
        }
        // The place, up its would-be parents, back to itself.
        let names: Vec<&str> = std::iter::once(place)
            .chain(self.ancestors(parent).take_while(|&p| p != place))
            .chain(std::iter::once(place))
            .map(|p| self.places[p].name.as_str())
            .collect();
        let mut message = format!("`part-of` makes a cycle: {} is part of {}", names[0], names[1]);
        for name in &names[2..] {
            message.push_str(", which is part of ");
            message.push_str(name);
        }
        Err(message)
    }

    /// The place with this name (folded comparison), if known.
    #[must_use]
    pub fn find_by_name(&self, name: &str) -> Option<PlaceId> {
        self.by_name.get(&normalise(name)).copied()
    }

    fn add(&mut self, name: &str, parent: Option<PlaceId>) -> PlaceId {
        self.add_folded(name, normalise(name), parent)
    }

    fn add_folded(&mut self, name: &str, folded: String, parent: Option<PlaceId>) -> PlaceId {
        self.places.push(Place { name: name.to_string(), parent });
        let id = self.places.len() - 1;
        self.by_name.insert(folded, id);
        id
    }

    pub(super) fn add_phrases(&self, phrases: &mut Vec<(String, Cue)>) {
        for (spelling, id, form) in &self.spellings {
            phrases.push((spelling.clone(), Cue::Place(*id, *form)));
        }
        for (spelling, id) in &self.body_spellings {
            phrases.push((spelling.clone(), Cue::KnownBody(*id)));
        }
    }

    /// A place match must be a proper noun: a multi-word name needs its
    /// content words capitalised ("Islamic Republic", not "islamic republic").
    pub(super) fn accepts(tokens: &[Token]) -> bool {
        tokens.iter().filter(|t| t.is_word && t.norm.len() > 3).all(|t| t.capitalised)
    }

    /// Adds a place learned from text, given its name and the name folded
    /// (by [`normalise`]), and returns its id.
    pub fn learn(&mut self, name: &str, folded: String, parent: Option<PlaceId>) -> PlaceId {
        if let Some(&id) = self.by_name.get(&folded) {
            if self.places[id].parent.is_none() && parent != Some(id) {
                self.places[id].parent = parent;
            }
            return id;
        }
        self.add_folded(name, folded, parent)
    }

    /// Whether `inner` is `outer` or lies within it.
    #[must_use]
    pub fn within(&self, inner: PlaceId, outer: PlaceId) -> bool {
        self.ancestors(inner).any(|p| p == outer)
    }

    /// The place and every place containing it, innermost first.
    pub fn ancestors(&self, place: PlaceId) -> impl Iterator<Item = PlaceId> + '_ {
        let mut next = Some(place);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let current = next?;
            steps += 1;
            // A learned cycle ("A in B", "B in A") must not loop forever.
            next = if steps > self.places.len() { None } else { self.places[current].parent };
            Some(current)
        })
    }

    /// How deep a place sits in the hierarchy: a country is 0.
    #[must_use]
    pub fn depth(&self, place: PlaceId) -> usize {
        self.ancestors(place).count() - 1
    }

    /// The outermost place containing this one.
    #[must_use]
    pub fn root(&self, place: PlaceId) -> PlaceId {
        self.ancestors(place).last().unwrap_or(place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(text: &str) -> (Gazetteer, Vec<PartOfError>) {
        Gazetteer::from_files(&[toml::from_str(text).unwrap()])
    }

    #[test]
    fn two_places_each_within_the_other_are_refused_as_a_cycle() {
        let text = "[[place]]\nname = \"Moldova\"\n\n[[place]]\nname = \"Romania\"\npart-of = \"Moldova\"\n\n\
                    [[place]]\nname = \"Moldova\"\npart-of = \"Romania\"\n";
        let (gazetteer, refused) = gazetteer(text);
        let [refusal] = &refused[..] else { panic!("expected one refusal, got {refused:?}") };
        assert_eq!(refusal.message, "`part-of` makes a cycle: Moldova is part of Romania, which is part of Moldova");
        assert_eq!(&text[refusal.span.clone()], "\"Romania\"");
        let moldova = gazetteer.find_by_name("Moldova").unwrap();
        assert_eq!(gazetteer.ancestors(moldova).count(), 1, "the refused part-of is not kept");
    }

    #[test]
    fn a_place_within_itself_is_refused_as_a_cycle() {
        let (_, refused) = gazetteer("[[place]]\nname = \"Moldova\"\npart-of = \"Moldova\"\n");
        assert_eq!(refused[0].message, "`part-of` makes a cycle: Moldova is part of Moldova");
    }

    #[test]
    fn a_chain_of_places_is_no_cycle() {
        let text = "[[place]]\nname = \"Moldova\"\n\n[[place]]\nname = \"Gagauzia\"\npart-of = \"Moldova\"\n\n\
                    [[place]]\nname = \"Comrat\"\npart-of = \"Gagauzia\"\n";
        let (gazetteer, refused) = gazetteer(text);
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(gazetteer.depth(gazetteer.find_by_name("Comrat").unwrap()), 2);
    }
}
