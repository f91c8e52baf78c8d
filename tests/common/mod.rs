//! Helpers shared by the integration tests: run the checker through the
//! library and find findings by the sentences they point at.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};

use gainsay::{Finding, Outcome, Pack, Severity};

/// The crate root, so tests run from any working directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of every file bundled with the crate as an article (the corpus
/// and the test fixtures) that reads as UTF-8.
pub fn bundled_texts() -> Vec<String> {
    ["corpus", "tests/fixtures"]
        .iter()
        .flat_map(|folder| walkdir::WalkDir::new(root().join(folder)).into_iter().flatten())
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect()
}

/// Checks paths (relative to the crate root) with the default pack.
pub fn check(paths: &[&str]) -> Outcome {
    let pack = Pack::embedded().expect("the default pack loads");
    let paths: Vec<PathBuf> = paths.iter().map(|p| root().join(p)).collect();
    gainsay::check(&paths, &pack)
}

/// Checks absolute paths with the default pack.
pub fn check_paths(paths: &[PathBuf]) -> Outcome {
    let pack = Pack::embedded().expect("the default pack loads");
    gainsay::check(paths, &pack)
}

/// Checks articles given as (file name, text), together, with the default
/// pack.
pub fn check_articles<N: AsRef<str>, T: AsRef<str>>(articles: &[(N, T)]) -> Outcome {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in articles {
        std::fs::write(dir.path().join(name.as_ref()), text.as_ref()).expect("the article is written");
    }
    check_paths(&[dir.path().to_path_buf()])
}

/// One side of an expected finding: a file name and a piece of the sentence
/// (or quotation, or name) its label must point at.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

pub fn side<'a>(file: &'a str, text: &'a str) -> Side<'a> {
    Side { file, text }
}

fn label_matches(outcome: &Outcome, label: &gainsay::rules::Label, side: Side) -> bool {
    let doc = &outcome.corpus.documents[label.doc];
    let file_name = doc.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let sentence = sentence_around(&doc.text, label.span.clone());
    file_name.starts_with(side.file)
        && (doc.text[label.span.clone()].contains(side.text) || sentence.contains(side.text))
}

/// The text of the label's span widened to its whole line, so a label on a
/// quotation or a name can be matched by a piece of its sentence.
fn sentence_around(text: &str, span: std::ops::Range<usize>) -> &str {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    &text[start..end]
}

/// The findings of `rule` with one label on each side (in either role).
pub fn between<'o>(outcome: &'o Outcome, rule: &str, a: Side, b: Side) -> Vec<&'o Finding> {
    outcome
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .filter(|f| {
            let has = |s: Side| f.labels.iter().any(|l| label_matches(outcome, l, s));
            has(a) && has(b) && f.labels.len() >= 2
        })
        .collect()
}

/// Asserts a finding of `rule` between the two sides and returns it.
#[track_caller]
pub fn expect<'o>(outcome: &'o Outcome, rule: &str, a: Side, b: Side) -> &'o Finding {
    let found = between(outcome, rule, a, b);
    assert!(!found.is_empty(), "expected {rule} between {a:?} and {b:?}; findings:\n{}", summary(outcome));
    found[0]
}

/// Asserts no finding of `rule` between the two sides.
#[track_caller]
pub fn expect_none(outcome: &Outcome, rule: &str, a: Side, b: Side) {
    let found = between(outcome, rule, a, b);
    assert!(found.is_empty(), "unexpected {rule} between {a:?} and {b:?}: {:?}", found[0].message);
}

/// At least warning.
pub fn at_least_warning(finding: &Finding) -> bool {
    finding.severity >= Severity::Warning
}

/// One line per finding, for failure messages.
pub fn summary(outcome: &Outcome) -> String {
    outcome
        .findings
        .iter()
        .map(|f| {
            let places: Vec<String> = f
                .labels
                .iter()
                .map(|l| {
                    let doc = &outcome.corpus.documents[l.doc];
                    let name = doc.path.file_name().unwrap().to_string_lossy().into_owned();
                    format!("{name}:{}", doc.line_column(l.span.start).0)
                })
                .collect();
            format!("  {} {} [{}] {}", f.rule, f.severity, places.join(", "), f.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Copies files into a fresh temporary folder, stripping front matter when
/// `raw` is set, and returns the folder.
pub fn copy_corpus(from: &Path, raw: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let body = if raw { strip_front_matter(&text) } else { &text };
        std::fs::write(dir.path().join(path.file_name().unwrap()), body).unwrap();
    }
    dir
}

pub fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    rest.find("\n---\n").map_or(text, |end| &rest[end + 5..])
}
