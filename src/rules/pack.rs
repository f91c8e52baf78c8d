//! Rule packs: the default pack embedded in the binary, and user packs
//! from folders. A pack holds rule files at its top level and language data
//! under `lexicon/`; a later pack's rule with the same id replaces an
//! earlier one, and its gazetteer adds places.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use super::schema::{Rule, RuleFile};
use crate::lexicon::{Gazetteer, GazetteerFile, Lexicon, LexiconFile};
use crate::segment::Segmenter;

include!(concat!(env!("OUT_DIR"), "/embedded_pack.rs"));

const LEXICON: &str = "lexicon/english.toml";
const GAZETTEER: &str = "lexicon/gazetteer.toml";
const ABBREVIATIONS: &str = "lexicon/abbreviations.toml";

/// Everything checking needs besides the articles.
#[derive(Debug)]
pub struct Pack {
    pub lexicon: Lexicon,
    pub segmenter: Segmenter,
    /// Active rules, sorted by id.
    pub rules: Vec<Rule>,
    /// A hash of every file the pack was read from: an index built with
    /// other rules or other cue words is stale.
    pub fingerprint: u64,
}

/// A rule pack that cannot be used, with the place in the file to fix.
#[derive(Debug, Error, Diagnostic)]
pub enum PackError {
    #[error("{path}: {message}")]
    #[diagnostic(code(gainsay::rules::invalid), help("see `gainsay explain` for a working rule, or README.md"))]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        source_code: NamedSource<String>,
        #[label("{message}")]
        span: Option<SourceSpan>,
    },

    #[error("{path}: cannot read rule pack: {reason}")]
    #[diagnostic(code(gainsay::rules::unreadable))]
    Unreadable { path: String, reason: String },
}

struct PackFile {
    origin: String,
    path: String,
    /// Path inside the pack, with `/` separators.
    relative: String,
    text: String,
}

impl PackFile {
    fn invalid(&self, message: String, span: Option<std::ops::Range<usize>>) -> PackError {
        PackError::Invalid {
            path: self.path.clone(),
            message,
            source_code: NamedSource::new(self.path.clone(), self.text.clone()).with_language("toml"),
            span: span.map(Into::into),
        }
    }
}

impl Pack {
    /// The default pack alone.
    pub fn embedded() -> Result<Self, Vec<PackError>> {
        Self::load(&[])
    }

    /// The default pack plus user packs, in order.
    pub fn load(user_packs: &[PathBuf]) -> Result<Self, Vec<PackError>> {
        let mut files = embedded_files();
        let mut errors = Vec::new();
        for dir in user_packs {
            read_dir(dir, &mut files, &mut errors);
        }
        Self::finish(&files, errors)
    }

    /// The default pack plus one user pack given as text: pairs of a path
    /// inside the pack (`my-rule.toml`, `lexicon/gazetteer.toml`) and its
    /// contents. For tests and fuzzing, which need no folder on disk.
    pub fn load_sources(origin: &str, sources: &[(&str, &str)]) -> Result<Self, Vec<PackError>> {
        let mut files = embedded_files();
        files.extend(sources.iter().map(|(relative, text)| PackFile {
            origin: origin.to_string(),
            path: format!("{origin}/{relative}"),
            relative: (*relative).to_string(),
            text: (*text).to_string(),
        }));
        Self::finish(&files, Vec::new())
    }

    fn finish(files: &[PackFile], mut errors: Vec<PackError>) -> Result<Self, Vec<PackError>> {
        let pack = Self::from_files(files, &mut errors);
        match pack {
            Some(pack) if errors.is_empty() => Ok(pack),
            _ => Err(errors),
        }
    }

    fn from_files(files: &[PackFile], errors: &mut Vec<PackError>) -> Option<Self> {
        let last = |name: &str| files.iter().rev().find(|f| f.relative == name);
        let lexicon_file = last(LEXICON)?;
        let lexicon: LexiconFile = parse(lexicon_file, errors)?;
        let segmenter = last(ABBREVIATIONS).and_then(|file| {
            Segmenter::from_toml(&file.text)
                .map_err(|e| errors.push(file.invalid(e.message().to_string(), e.span())))
                .ok()
        })?;
        let (gazetteer_files, gazetteers): (Vec<&PackFile>, Vec<GazetteerFile>) = files
            .iter()
            .filter(|f| f.relative == GAZETTEER)
            .filter_map(|f| parse(f, errors).map(|parsed| (f, parsed)))
            .unzip();
        let (gazetteer, refused) = Gazetteer::from_files(&gazetteers);
        for part_of in refused {
            errors.push(gazetteer_files[part_of.file].invalid(part_of.message, Some(part_of.span)));
        }
        let lexicon = Lexicon::compile(&lexicon, gazetteer, &segmenter.title_abbreviations());
        let mut rules: BTreeMap<String, Rule> = BTreeMap::new();
        let mut seen_in_pack: BTreeMap<(String, String), String> = BTreeMap::new();
        for file in files.iter().filter(|f| !f.relative.starts_with("lexicon/")) {
            let Some(rule_file) = parse::<RuleFile>(file, errors) else {
                continue;
            };
            match rule_file.check(&lexicon, &file.origin, &file.path) {
                Ok(rule) => {
                    let key = (file.origin.clone(), rule.id.clone());
                    if let Some(other) = seen_in_pack.insert(key, file.path.clone()) {
                        errors.push(file.invalid(format!("rule `{}` is also defined in {other}", rule.id), None));
                    }
                    rules.insert(rule.id.clone(), rule);
                }
                Err(error) => errors.push(file.invalid(error.message, Some(error.span))),
            }
        }
        let fingerprint = crate::text::fnv1a(
            std::iter::once(env!("CARGO_PKG_VERSION"))
                .chain(files.iter().flat_map(|f| [f.relative.as_str(), f.text.as_str()])),
        );
        Some(Self { lexicon, segmenter, rules: rules.into_values().collect(), fingerprint })
    }

    /// The rule with this id.
    #[must_use]
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The default pack's files, embedded at build time.
fn embedded_files() -> Vec<PackFile> {
    EMBEDDED_PACK
        .iter()
        .map(|(relative, text)| PackFile {
            origin: "default".to_string(),
            path: format!("rules/{relative}"),
            relative: (*relative).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

fn parse<T: serde::de::DeserializeOwned>(file: &PackFile, errors: &mut Vec<PackError>) -> Option<T> {
    toml::from_str(&file.text).map_err(|e| errors.push(file.invalid(e.message().to_string(), e.span()))).ok()
}

fn read_dir(dir: &Path, files: &mut Vec<PackFile>, errors: &mut Vec<PackError>) {
    let origin = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(PackError::Unreadable { path: origin, reason: e.to_string() });
            return;
        }
    };
    let mut paths: Vec<(PathBuf, String)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && name == "lexicon" {
            if let Ok(inner) = std::fs::read_dir(&path) {
                for file in inner.flatten() {
                    let file_name = file.file_name().to_string_lossy().into_owned();
                    paths.push((file.path(), format!("lexicon/{file_name}")));
                }
            }
        } else {
            paths.push((path, name));
        }
    }
    paths.sort();
    for (path, relative) in paths {
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        match crate::limits::read_input_text(&path, crate::limits::MAX_RULE_FILE_BYTES) {
            Ok(text) => {
                files.push(PackFile { origin: origin.clone(), path: path.display().to_string(), relative, text });
            }
            Err(e) => errors.push(PackError::Unreadable { path: path.display().to_string(), reason: e.to_string() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 20: a user gazetteer saying two known places each lie within
    /// the other was accepted, and every walk up the hierarchy went round
    /// the cycle (a run took 1.16 GB instead of 66 MB).
    #[test]
    fn a_part_of_cycle_is_refused_naming_the_cycle_with_a_span() {
        let text = "[[place]]\nname = \"Moldova\"\npart-of = \"Romania\"\n\n\
                    [[place]]\nname = \"Romania\"\npart-of = \"Moldova\"\n";
        let errors = Pack::load_sources("user", &[(GAZETTEER, text)]).expect_err("the cycle is refused");
        let [PackError::Invalid { path, message, span: Some(span), .. }] = &errors[..] else {
            panic!("expected one error with a span, got {errors:?}");
        };
        assert_eq!(path, "user/lexicon/gazetteer.toml");
        assert_eq!(message, "`part-of` makes a cycle: Romania is part of Moldova, which is part of Romania");
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "\"Moldova\"");
    }

    #[test]
    fn a_part_of_naming_no_known_place_points_at_the_name() {
        let text = "[[place]]\nname = \"Gagauzia\"\npart-of = \"Atlantis\"\n";
        let errors = Pack::load_sources("user", &[(GAZETTEER, text)]).expect_err("the name is refused");
        let [PackError::Invalid { message, span: Some(span), .. }] = &errors[..] else {
            panic!("expected one error with a span, got {errors:?}");
        };
        assert_eq!(message, "`part-of = \"Atlantis\"` names no known place");
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "\"Atlantis\"");
    }
}
