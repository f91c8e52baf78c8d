//! A saved corpus, for checking new articles against a large archive
//! without reading it again: `gainsay index DIR -o FILE` stores every
//! article's claims, people and learned places (not its text), each
//! article's share apart, and postings from every blocking key (and every
//! name and role key of the people checks) to the articles under it.
//! `gainsay check NEW --index FILE` extracts NEW, looks its keys up, and
//! decodes only the articles it can meet; articles changed on disk since
//! are extracted again, and the text of just the articles a finding
//! touches is read.
//!
//! What the new article is compared with is what it would meet in the
//! archive extracted in memory with the article added to it: every claim
//! of a block it is in (of its month, where the block is split by month),
//! every spelling near its people's names, every holder of their roles.
//! One difference from `check --corpus`: a place first named in the new
//! article is not learned back into the indexed articles.
//!
//! The file is versioned and stamped with the rule pack it was built with;
//! an index from another gainsay or another pack is rejected with a clear
//! message. It is written to a temporary file and renamed into place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use rayon::prelude::*;

use crate::claims::{Corpus, Part, Shared};
use crate::ingest::{self, DocId, Document, InputError};
use crate::rules::Pack;
use crate::{Outcome, align, rules};

const MAGIC: &str = "gainsay-index";
/// Bumped whenever what the index stores changes shape.
const VERSION: u32 = 6;

/// Read first, so a file from another version is told apart before its
/// body is decoded.
#[derive(Serialize, Deserialize)]
struct Header {
    magic: String,
    version: u32,
    /// `Pack::fingerprint` of the pack the claims were extracted with.
    pack: u64,
}

#[derive(Serialize, Deserialize)]
struct Body<'a> {
    shared: Shared,
    #[serde(borrow)]
    articles: Vec<Entry<'a>>,
    /// Sorted by key: the articles with a claim in a block, or a person
    /// under a name or role key. Checking a new article loads only the
    /// articles that share a key with it (and a month, in a block too
    /// large to pair across months).
    postings: Vec<(Key, Vec<Posting>)>,
}

/// An article under a key: which, its month, and how many of its claims
/// (or people) have the key.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Posting {
    article: u32,
    month: Option<i32>,
    count: u32,
}

/// An indexed article: where it is, what its file looked like, and its
/// [`Part`] of the corpus, decoded only when needed.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    path: PathBuf,
    stamp: Stamp,
    part: &'a [u8],
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
enum Key {
    Block(align::BlockKey),
    Person(String),
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

/// The keys a corpus's claims and people are looked up by, for one
/// article, with how many of its claims or people have each.
fn keys_of(corpus: &Corpus, doc: DocId) -> BTreeMap<Key, u32> {
    let blocks = corpus.claims_of(doc).iter().flat_map(|claim| align::block_keys(corpus, claim)).map(Key::Block);
    let first = corpus.people.partition_point(|p| p.doc < doc);
    let people = corpus.people[first..].iter().take_while(|p| p.doc == doc);
    let mut keys = BTreeMap::new();
    for key in blocks.chain(people.flat_map(|person| rules::person_keys(corpus, person)).map(Key::Person)) {
        *keys.entry(key).or_insert(0) += 1;
    }
    keys
}

/// Reads `paths`, extracts their claims and writes the index to `out`.
pub fn build(paths: &[PathBuf], pack: &Pack, out: &Path) -> Result<Built, IndexError> {
    let unwritable = |reason: String| IndexError::Unwritable { path: out.display().to_string(), reason };
    let (documents, input_errors) = ingest::load(paths, &pack.lexicon);
    let corpus = Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    let built = Built { documents: corpus.documents.len(), claims: corpus.claims.len(), input_errors };
    let parts: Vec<(Vec<u8>, BTreeMap<Key, u32>)> = (0..corpus.documents.len())
        .into_par_iter()
        .map(|doc| Ok((postcard::to_stdvec(&corpus.part(doc))?, keys_of(&corpus, doc))))
        .collect::<Result<_, postcard::Error>>()
        .map_err(|e| unwritable(e.to_string()))?;
    let shared = corpus.shared();
    let dated: Vec<(PathBuf, Option<i32>)> = (0..corpus.documents.len())
        .map(|doc| (corpus.documents[doc].path.clone(), align::month_of(&corpus, doc)))
        .collect();
    // Everything the index needs is taken: the corpus (several times the
    // index in memory) is let go before the index is put together.
    drop(corpus);
    let (blobs, keys): (Vec<Vec<u8>>, Vec<BTreeMap<Key, u32>>) = parts.into_iter().unzip();
    let mut postings: BTreeMap<Key, Vec<Posting>> = BTreeMap::new();
    let mut articles = Vec::with_capacity(blobs.len());
    for (doc, ((part, keys), (path, month))) in blobs.iter().zip(keys).zip(dated).enumerate() {
        let article = u32::try_from(doc).map_err(|_| unwritable("more articles than an index holds".to_string()))?;
        for (key, count) in keys {
            postings.entry(key).or_default().push(Posting { article, month, count });
        }
        let stamp = Stamp::of(&path).unwrap_or(Stamp { len: 0, modified: None });
        articles.push(Entry { path, stamp, part });
    }
    let header = Header { magic: MAGIC.to_string(), version: VERSION, pack: pack.fingerprint };
    let body = Body { shared, articles, postings: postings.into_iter().collect() };
    let mut bytes = postcard::to_stdvec(&header).map_err(|e| unwritable(e.to_string()))?;
    bytes.extend(postcard::to_stdvec(&body).map_err(|e| unwritable(e.to_string()))?);
    crate::atomic::write_atomically(out, &bytes).map_err(|e| unwritable(e.to_string()))?;
    Ok(built)
}

/// Checks `targets` against an index: findings that involve a target, as
/// `check --corpus` reports them.
///
/// Only the indexed articles that share a block, a name key or a role with
/// a target are loaded (and those changed on disk since, read again): every
/// claim in a target's blocks is then present, so alignment and the rules
/// see what they would see in the whole corpus.
pub fn check(targets: &[PathBuf], index: &Path, pack: &Pack) -> Result<Outcome, IndexError> {
    let name = index.display().to_string();
    let bytes = crate::limits::read_input_file(index, crate::limits::MAX_INDEX_BYTES)
        .map_err(|e| IndexError::Unreadable { path: name.clone(), reason: e.to_string() })?;
    let body = open(&bytes, &name, pack)?;
    let (documents, input_errors) = ingest::load(targets, &pack.lexicon);
    let target_paths: BTreeSet<PathBuf> = documents.iter().map(|d| d.path.clone()).collect();
    let changed: Vec<usize> = body
        .articles
        .par_iter()
        .enumerate()
        .filter(|(_, entry)| Stamp::of(&entry.path) != Some(entry.stamp))
        .map(|(id, _)| id)
        .collect();

    let mut corpus = Corpus::from_shared(body.shared);
    let mut stamps = Vec::new();
    // Articles changed since indexing may claim anything now: all are read.
    for &id in &changed {
        let path = body.articles[id].path.clone();
        if !target_paths.contains(&path) {
            let text = ingest::read_article(&path).unwrap_or_default();
            let now = Stamp::of(&path).unwrap_or(Stamp { len: 0, modified: None });
            stamps.push(Stamp { len: text.len() as u64, ..now });
            let (document, _) = Document::from_text(path, text, &pack.lexicon);
            corpus.replace_document(document, &pack.lexicon, &pack.segmenter);
        }
    }
    let new: BTreeSet<DocId> =
        documents.into_iter().map(|d| corpus.replace_document(d, &pack.lexicon, &pack.segmenter)).collect();
    stamps.resize(corpus.documents.len(), Stamp { len: u64::MAX, modified: None });

    // Indexed articles read again here (changed, or checked as targets)
    // count as they are now, not as indexed.
    let replaced: BTreeSet<usize> = changed
        .into_iter()
        .chain((0..body.articles.len()).filter(|&id| target_paths.contains(&body.articles[id].path)))
        .collect();
    for id in reachable(&body.postings, &corpus, &new, &replaced) {
        let entry = &body.articles[id];
        let part: Part =
            postcard::from_bytes(entry.part).map_err(|_| IndexError::Incompatible { path: name.clone() })?;
        corpus.add_part(part);
        stamps.push(entry.stamp);
    }

    let pairs = align::candidates_involving(&corpus, &new);
    let touched: BTreeSet<DocId> =
        pairs.iter().map(|p| p.claims()).flat_map(|(a, b)| [corpus.claims[a].doc, corpus.claims[b].doc]).collect();
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

/// The body of an index file built by this gainsay with `pack`.
fn open<'a>(bytes: &'a [u8], name: &str, pack: &Pack) -> Result<Body<'a>, IndexError> {
    let incompatible = || IndexError::Incompatible { path: name.to_string() };
    let (header, rest) = postcard::take_from_bytes::<Header>(bytes).map_err(|_| incompatible())?;
    if header.magic != MAGIC || header.version != VERSION {
        return Err(incompatible());
    }
    if header.pack != pack.fingerprint {
        return Err(IndexError::OtherPack { path: name.to_string() });
    }
    postcard::from_bytes(rest).map_err(|_| incompatible())
}

/// The indexed articles (other than `replaced`) that the `new` documents
/// of `corpus` can meet: under a key of theirs, and of their month where
/// the key's block, counted whole, is large enough to be split by month.
fn reachable(
    postings: &[(Key, Vec<Posting>)],
    corpus: &Corpus,
    new: &BTreeSet<DocId>,
    replaced: &BTreeSet<usize>,
) -> BTreeSet<usize> {
    let mut here: BTreeMap<Key, u32> = BTreeMap::new();
    let mut months: BTreeMap<Key, BTreeSet<Option<i32>>> = BTreeMap::new();
    for doc in 0..corpus.documents.len() {
        for (key, count) in keys_of(corpus, doc) {
            if new.contains(&doc) {
                months.entry(key.clone()).or_default().insert(align::month_of(corpus, doc));
            }
            *here.entry(key).or_insert(0) += count;
        }
    }
    let mut wanted = BTreeSet::new();
    for (key, target_months) in &months {
        let Ok(at) = postings.binary_search_by(|(k, _)| k.cmp(key)) else {
            continue;
        };
        let indexed: Vec<&Posting> =
            postings[at].1.iter().filter(|p| !replaced.contains(&(p.article as usize))).collect();
        let size = indexed.iter().map(|p| p.count as usize).sum::<usize>() + here[key] as usize;
        // People are compared across any span of time; claims in a large
        // block only within a month.
        let reaches = |p: &Posting| {
            matches!(key, Key::Person(_)) || target_months.iter().any(|&m| align::block_reaches(size, m, p.month))
        };
        wanted.extend(indexed.into_iter().filter(|p| reaches(p)).map(|p| p.article as usize));
    }
    wanted
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
