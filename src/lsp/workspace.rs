//! The server's state between messages: the rule pack, the corpus indexed
//! at start-up and kept current, and the articles open in the editor with
//! what their last check found.
//!
//! Checking is the library's: an open article's text (saved or not) goes
//! into the corpus with [`Corpus::replace_document`], and
//! [`crate::findings_involving`] compares only the pairs that involve it.
//! This module decides *which* articles to re-check when one changes: a
//! change to article A can only add or remove findings that involve A, so
//! another open article B is re-checked when its last findings involved A
//! or A's new findings involve B.
//!
//! Findings the configured baseline holds are not shown, as `gainsay
//! check` does not report them; the "add to baseline" action appends one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_types::Uri;

use super::convert::path_to_uri;
use super::settings::ServerSettings;
use crate::baseline::{self, BaselineError, BaselineFile, Entry};
use crate::ingest::{self, DocId, Document, InputError};
use crate::rules::Pack;
use crate::{Corpus, Finding};

/// An article open in the editor.
#[derive(Debug)]
pub struct OpenArticle {
    /// The URI the client knows the article by; diagnostics go back to it.
    pub uri: Uri,
    /// The text as the editor holds it, saved or not.
    pub text: String,
    /// The client's version of `text`.
    pub version: i32,
    /// Whether `text` changed since it was last put into the corpus.
    pub stale: bool,
    /// What the last check found; `None` before the first check.
    pub checked: Option<Checked>,
}

/// The outcome of checking one open article.
#[derive(Debug)]
pub struct Checked {
    /// The article's id in the corpus.
    pub doc: DocId,
    /// The client's version of the text that was checked.
    pub version: i32,
    /// Findings involving the article, in the library's order.
    pub findings: Vec<Finding>,
    /// Why its front matter could not be read, if it could not.
    pub problems: Vec<InputError>,
}

/// The corpus, the rules and the open articles.
#[derive(Debug)]
pub struct Workspace {
    pub pack: Pack,
    pub corpus: Corpus,
    /// Where the corpus comes from, to tell which changed files belong.
    roots: Vec<PathBuf>,
    /// The baseline file and what it holds (empty until first written).
    baseline: Option<(PathBuf, BaselineFile)>,
    /// Open articles by path (or by URI, for buffers that have no file).
    open: BTreeMap<PathBuf, OpenArticle>,
}

/// What indexing could not use: articles that cannot be read, and a
/// baseline that cannot (the server then runs without one).
#[derive(Debug, Default)]
pub struct IndexProblems {
    pub articles: Vec<InputError>,
    pub baseline: Option<BaselineError>,
}

impl Workspace {
    /// Indexes every article of the corpus and reads the baseline. What
    /// cannot be read is returned, never fatal.
    #[must_use]
    pub fn index(settings: ServerSettings) -> (Self, IndexProblems) {
        let ServerSettings { corpus: roots, pack, baseline, .. } = settings;
        let (documents, articles) = ingest::load(&roots, &pack.lexicon);
        let corpus = Corpus::build(documents, &pack.lexicon, &pack.segmenter);
        let mut problems = IndexProblems { articles, baseline: None };
        let baseline = baseline.and_then(|path| {
            if !path.exists() {
                return Some((path, BaselineFile { version: baseline::VERSION, findings: Vec::new() }));
            }
            match BaselineFile::read(&path) {
                Ok(file) => Some((path, file)),
                Err(error) => {
                    problems.baseline = Some(error);
                    None
                }
            }
        });
        (Self { pack, corpus, roots, baseline, open: BTreeMap::new() }, problems)
    }

    /// The baseline file, when one is configured and readable.
    #[must_use]
    pub fn baseline_path(&self) -> Option<&Path> {
        self.baseline.as_ref().map(|(path, _)| path.as_path())
    }

    /// A finding's fingerprint, as the baseline knows it.
    #[must_use]
    pub fn fingerprint(&self, finding: &Finding) -> String {
        baseline::fingerprint(&finding.rule, &baseline::sentences(&self.corpus, finding))
    }

    /// Adds the finding with this fingerprint, shown in an open article, to
    /// the baseline and writes it. Returns the open articles, all of which
    /// are to be re-checked.
    pub fn add_to_baseline(&mut self, path: &Path, fingerprint: &str) -> Result<Vec<PathBuf>, String> {
        let checked = self.open.get(path).and_then(|a| a.checked.as_ref()).ok_or("the article is not open")?;
        let finding = checked
            .findings
            .iter()
            .find(|f| self.fingerprint(f) == fingerprint)
            .ok_or("no such finding in the article (it may have changed)")?;
        let entry = Entry::new(&self.corpus, finding);
        let (file_path, file) = self.baseline.as_mut().ok_or("no baseline file is configured in gainsay.toml")?;
        let mut updated = file.clone();
        updated.findings.push(entry);
        updated.findings.sort();
        updated.write(file_path).map_err(|e| e.to_string())?;
        *file = updated;
        Ok(self.open_paths())
    }

    /// The open article at a path.
    #[must_use]
    pub fn article(&self, path: &Path) -> Option<&OpenArticle> {
        self.open.get(path)
    }

    /// The open article at a path, to edit its text.
    pub fn article_mut(&mut self, path: &Path) -> Option<&mut OpenArticle> {
        self.open.get_mut(path)
    }

    /// The paths of the open articles, sorted.
    #[must_use]
    pub fn open_paths(&self) -> Vec<PathBuf> {
        self.open.keys().cloned().collect()
    }

    /// Starts tracking an article the editor opened; check it next.
    pub fn open(&mut self, path: PathBuf, uri: Uri, text: String, version: i32) {
        self.open.insert(path, OpenArticle { uri, text, version, stale: true, checked: None });
    }

    /// Puts an open article's current text into the corpus (when it
    /// changed) and finds what involves it. Returns the other open
    /// articles whose findings may have changed with it.
    pub fn check(&mut self, path: &Path) -> Vec<PathBuf> {
        let Some(article) = self.open.get_mut(path) else {
            return Vec::new();
        };
        let (doc, problems, stale) = match article.checked.take() {
            Some(previous) if !article.stale => (previous.doc, previous.problems, false),
            _ => {
                let (document, problems) =
                    Document::from_text(path.to_path_buf(), article.text.clone(), &self.pack.lexicon);
                (self.corpus.replace_document(document, &self.pack.lexicon, &self.pack.segmenter), problems, true)
            }
        };
        article.stale = false;
        let version = article.version;
        let mut findings = crate::findings_involving(&self.corpus, &self.pack, &BTreeSet::from([doc]));
        if let Some((_, baseline)) = &self.baseline {
            findings = baseline.filter(&self.corpus, findings).0;
        }
        let affected = if stale { self.affected_by(doc, &findings, path) } else { Vec::new() };
        if let Some(article) = self.open.get_mut(path) {
            article.checked = Some(Checked { doc, version, findings, problems });
        }
        affected
    }

    /// An article on disk was created, changed or deleted. An open article
    /// is left alone (the editor's text wins); any other article of the
    /// corpus is read again, or emptied when it is gone. Returns the open
    /// articles to re-check.
    pub fn disk_changed(&mut self, path: &Path) -> Result<Vec<PathBuf>, InputError> {
        if self.open.contains_key(path) || !self.in_corpus(path) {
            return Ok(Vec::new());
        }
        let text = match ingest::read_article(path) {
            Ok(text) => text,
            // A deleted or emptied article has no claims; its id stays.
            Err(InputError::Empty { .. }) => String::new(),
            Err(_) if !path.exists() => String::new(),
            Err(error) => return Err(error),
        };
        if text.is_empty() && self.doc_id(path).is_none() {
            return Ok(Vec::new());
        }
        Ok(self.replace_from(path, text))
    }

    /// The editor closed an article: the corpus goes back to the file on
    /// disk (or drops it, for a buffer never saved). Returns the open
    /// articles to re-check.
    pub fn close(&mut self, path: &Path) -> Vec<PathBuf> {
        if self.open.remove(path).is_none() {
            return Vec::new();
        }
        let on_disk = if self.in_corpus(path) { ingest::read_article(path).unwrap_or_default() } else { String::new() };
        if self.doc_id(path).is_none() {
            return Vec::new();
        }
        self.replace_from(path, on_disk)
    }

    /// The URI to show for a document of the corpus: the client's own for
    /// an open article, else the file's.
    #[must_use]
    pub fn uri_of(&self, doc: DocId) -> Option<Uri> {
        let path = &self.corpus.documents.get(doc)?.path;
        match self.open.get(path) {
            Some(article) => Some(article.uri.clone()),
            None => path_to_uri(path),
        }
    }

    fn replace_from(&mut self, path: &Path, text: String) -> Vec<PathBuf> {
        let (document, _) = Document::from_text(path.to_path_buf(), text, &self.pack.lexicon);
        let doc = self.corpus.replace_document(document, &self.pack.lexicon, &self.pack.segmenter);
        let findings = crate::findings_involving(&self.corpus, &self.pack, &BTreeSet::from([doc]));
        self.affected_by(doc, &findings, path)
    }

    /// Open articles other than `path` whose last findings involve `doc`,
    /// or that `doc`'s new findings involve.
    fn affected_by(&self, doc: DocId, findings: &[Finding], path: &Path) -> Vec<PathBuf> {
        self.open
            .iter()
            .filter(|(other, _)| other.as_path() != path)
            .filter_map(|(other, article)| Some((other, article.checked.as_ref()?)))
            .filter(|(_, checked)| {
                checked.findings.iter().any(|f| f.involves(&BTreeSet::from([doc])))
                    || findings.iter().any(|f| f.involves(&BTreeSet::from([checked.doc])))
            })
            .map(|(other, _)| other.clone())
            .collect()
    }

    fn doc_id(&self, path: &Path) -> Option<DocId> {
        self.corpus.documents.iter().position(|d| d.path == path)
    }

    fn in_corpus(&self, path: &Path) -> bool {
        let is_article =
            path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("txt"));
        is_article && self.roots.iter().any(|root| path.starts_with(root))
    }
}
