//! A saved corpus, for checking new articles against a large archive
//! without reading it again: `gainsay index DIR -o FILE` stores every
//! article's claims, people and learned places (not its text);
//! `gainsay check NEW --index FILE` loads them, re-extracts only articles
//! changed on disk since, and re-reads the text of just the articles a
//! finding touches.
//!
//! The file is versioned and stamped with the rule pack it was built with;
//! an index from another gainsay or another pack is rejected with a clear
//! message. It is written to a temporary file and renamed into place.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::claims::Corpus;
use crate::ingest::{self, DocId, Document, InputError};
use crate::rules::Pack;
use crate::{Outcome, align, rules};

const MAGIC: &str = "gainsay-index";
/// Bumped whenever what the index stores changes shape.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct IndexFile {
    magic: String,
    version: u32,
    /// `Pack::fingerprint` of the pack the claims were extracted with.
    pack: u64,
    /// Per document, what its file looked like when it was read.
    stamps: Vec<Stamp>,
    corpus: Corpus,
}

/// A file's size and modification time: if either changed, its claims are
/// stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: Option<u128>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map(|d| d.as_nanos());
        Some(Self { len: meta.len(), modified })
    }
}

/// Why an index cannot be written or used.
#[derive(Debug, Error, Diagnostic)]
pub enum IndexError {
    #[error("{path}: cannot read the index: {reason}")]
    #[diagnostic(code(gainsay::index::unreadable))]
    Unreadable { path: String, reason: String },

    #[error("{path}: not a gainsay index, or one written by another version of gainsay")]
    #[diagnostic(code(gainsay::index::incompatible), help("rebuild it with `gainsay index DIR -o {path}`"))]
    Incompatible { path: String },

    #[error("{path}: the index was built with other rules or cue words than this run uses")]
    #[diagnostic(
        code(gainsay::index::stale_pack),
        help("rebuild it with `gainsay index DIR -o {path}` and the same --rules")
    )]
    OtherPack { path: String },

    #[error("{path}: cannot write the index: {reason}")]
    #[diagnostic(code(gainsay::index::unwritable))]
    Unwritable { path: String, reason: String },
}

/// What building an index produced.
#[derive(Debug)]
pub struct Built {
    pub documents: usize,
    pub claims: usize,
    /// Inputs that could not be read; the rest were indexed.
    pub input_errors: Vec<InputError>,
}

/// Reads `paths`, extracts their claims and writes the index to `out`.
pub fn build(paths: &[PathBuf], pack: &Pack, out: &Path) -> Result<Built, IndexError> {
    let (documents, input_errors) = ingest::load(paths, &pack.lexicon);
    let stamps = documents.iter().map(|d| Stamp::of(&d.path).unwrap_or(Stamp { len: 0, modified: None })).collect();
    let corpus = Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    let built = Built { documents: corpus.documents.len(), claims: corpus.claims.len(), input_errors };
    let file = IndexFile { magic: MAGIC.to_string(), version: VERSION, pack: pack.fingerprint, stamps, corpus };
    let bytes = postcard::to_stdvec(&file)
        .map_err(|e| IndexError::Unwritable { path: out.display().to_string(), reason: e.to_string() })?;
    crate::atomic::write_atomically(out, &bytes)
        .map_err(|e| IndexError::Unwritable { path: out.display().to_string(), reason: e.to_string() })?;
    Ok(built)
}

/// A loaded index: its corpus, and how many articles had changed on disk
/// and were extracted again.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub refreshed: usize,
    /// Per document, the file as it was read.
    stamps: Vec<Stamp>,
}

/// Loads an index built with `pack`, re-extracting articles changed since.
pub fn load(path: &Path, pack: &Pack) -> Result<Loaded, IndexError> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| IndexError::Unreadable { path: name.clone(), reason: e.to_string() })?;
    let file: IndexFile = postcard::from_bytes(&bytes).map_err(|_| IndexError::Incompatible { path: name.clone() })?;
    if file.magic != MAGIC || file.version != VERSION {
        return Err(IndexError::Incompatible { path: name });
    }
    if file.pack != pack.fingerprint {
        return Err(IndexError::OtherPack { path: name });
    }
    let mut corpus = file.corpus;
    let mut stamps = file.stamps;
    let mut refreshed = 0;
    for (doc, stamp) in stamps.iter_mut().enumerate() {
        let path = corpus.documents[doc].path.clone();
        let now = Stamp::of(&path).unwrap_or(Stamp { len: 0, modified: None });
        if now != *stamp {
            let text = ingest::read_article(&path).unwrap_or_default();
            *stamp = Stamp { len: text.len() as u64, ..now };
            let (document, _) = Document::from_text(path, text, &pack.lexicon);
            corpus.replace_document(document, &pack.lexicon, &pack.segmenter);
            refreshed += 1;
        }
    }
    Ok(Loaded { corpus, refreshed, stamps })
}

/// Checks `targets` against an index: findings that involve a target, as
/// `check --corpus` reports them.
pub fn check(targets: &[PathBuf], index: &Path, pack: &Pack) -> Result<Outcome, IndexError> {
    let Loaded { mut corpus, stamps, .. } = load(index, pack)?;
    let (documents, input_errors) = ingest::load(targets, &pack.lexicon);
    let new: BTreeSet<DocId> =
        documents.into_iter().map(|d| corpus.replace_document(d, &pack.lexicon, &pack.segmenter)).collect();
    let pairs = align::candidates_involving(&corpus, &new);
    let touched: BTreeSet<DocId> =
        pairs.iter().flat_map(|p| [corpus.claims[p.a].doc, corpus.claims[p.b].doc]).collect();
    read_texts(&mut corpus, &touched, &stamps, pack);
    let mut findings: Vec<_> = rules::evaluate_involving(&corpus, &pack.rules, &pairs, &new)
        .into_iter()
        .filter(|f| f.involves(&new))
        .collect();
    let labelled: BTreeSet<DocId> = findings.iter().flat_map(|f| f.labels.iter().map(|l| l.doc)).collect();
    read_texts(&mut corpus, &labelled, &stamps, pack);
    for finding in &mut findings {
        finding.anchor(|l| new.contains(&l.doc));
    }
    rules::sort(&corpus, &mut findings);
    Ok(Outcome { corpus, findings, input_errors, targets: new })
}

/// Re-reads the text of indexed articles that will be looked at.
fn read_texts(corpus: &mut Corpus, documents: &BTreeSet<DocId>, stamps: &[Stamp], pack: &Pack) {
    for &doc in documents {
        if corpus.documents[doc].text.is_empty() {
            let path = corpus.documents[doc].path.clone();
            let text = ingest::read_article(&path).unwrap_or_default();
            // Stamps were checked on load; a file changed since is read anew.
            if stamps.get(doc).is_none_or(|s| s.len != text.len() as u64) {
                let (document, _) = Document::from_text(path, text, &pack.lexicon);
                corpus.replace_document(document, &pack.lexicon, &pack.segmenter);
            } else {
                corpus.documents[doc].text = text;
            }
        }
    }
}
