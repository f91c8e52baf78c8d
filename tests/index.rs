//! `gainsay index` and `check --index`: the same findings as checking
//! against the corpus folder, changed articles re-read, incompatible or
//! foreign indexes rejected with a message.

mod common;

use std::fs;

use assert_cmd::Command;
use common::root;

fn gainsay(dir: &std::path::Path) -> Command {
    let mut command = Command::cargo_bin("gainsay").unwrap();
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("archive")).unwrap();
    for name in
        ["000_3bbdc760ebf49d91.txt", "001_55187c37e6408f4f.txt", "002_301e08e2ee5a4c49.txt", "003_61fc8367c938c8f0.txt"]
    {
        fs::copy(root().join("corpus").join(name), dir.path().join("archive").join(name)).unwrap();
    }
    fs::copy(root().join("corpus/004_5bfa39607c08809c.txt"), dir.path().join("new.txt")).unwrap();
    dir
}

fn concise(command: &mut Command) -> (Option<i32>, String) {
    let output = command.args(["--format", "concise", "--no-config"]).output().unwrap();
    (output.status.code(), String::from_utf8(output.stdout).unwrap())
}

#[test]
fn checking_against_an_index_matches_checking_against_the_folder() {
    let dir = archive();
    let built = gainsay(dir.path()).args(["index", "archive", "-o", "archive.idx", "--no-config"]).output().unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    assert!(String::from_utf8_lossy(&built.stderr).contains("Indexed 4 articles"));
    let (indexed_code, indexed) = concise(gainsay(dir.path()).args(["check", "new.txt", "--index", "archive.idx"]));
    let (folder_code, folder) = concise(gainsay(dir.path()).args(["check", "new.txt", "--corpus", "archive"]));
    assert_eq!(indexed, folder);
    assert_eq!(indexed_code, folder_code);
    assert!(indexed.contains("origin-vs-denial") && indexed.contains("name-variant"), "{indexed}");
}

#[test]
fn an_article_changed_after_indexing_is_read_again() {
    let dir = archive();
    gainsay(dir.path()).args(["index", "archive", "-o", "archive.idx", "--no-config"]).assert().success();
    // The Press TV report is removed from the archive after indexing.
    let report = dir.path().join("archive/000_3bbdc760ebf49d91.txt");
    let text = fs::read_to_string(&report).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("Press TV")).collect();
    let kept = kept.join("\n") + "\n";
    fs::write(&report, kept).unwrap();
    let (_, indexed) = concise(gainsay(dir.path()).args(["check", "new.txt", "--index", "archive.idx"]));
    let (_, folder) = concise(gainsay(dir.path()).args(["check", "new.txt", "--corpus", "archive"]));
    assert_eq!(indexed, folder);
    assert!(!indexed.contains("Press TV"), "{indexed}");
}

#[test]
fn a_foreign_or_other_pack_index_is_rejected() {
    let dir = archive();
    fs::write(dir.path().join("junk.idx"), b"not an index at all").unwrap();
    let junk = gainsay(dir.path()).args(["check", "new.txt", "--index", "junk.idx", "--no-config"]).output().unwrap();
    assert_eq!(junk.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&junk.stderr).contains("not a gainsay index"));

    let pack = dir.path().join("pack");
    fs::create_dir(&pack).unwrap();
    let rule = fs::read_to_string(root().join("rules/name-variant.toml")).unwrap();
    fs::write(pack.join("name-variant.toml"), rule.replace("severity = \"warning\"", "severity = \"error\"")).unwrap();
    gainsay(dir.path())
        .args(["index", "archive", "-o", "archive.idx", "--no-config", "--rules", "pack"])
        .assert()
        .success();
    let other =
        gainsay(dir.path()).args(["check", "new.txt", "--index", "archive.idx", "--no-config"]).output().unwrap();
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("built with other rules"));
}

#[path = "../benches/support/generator.rs"]
#[allow(dead_code)]
mod generator;

/// Findings by rule, severity, message and labelled files and spans: what
/// a user sees, whatever ids the articles had inside.
fn seen(corpus: &gainsay::Corpus, findings: &[gainsay::Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            let labels: Vec<String> =
                f.labels.iter().map(|l| format!("{}:{:?}", corpus.documents[l.doc].path.display(), l.span)).collect();
            format!("{} {} {} {}", f.rule, f.severity, f.message, labels.join(" "))
        })
        .collect()
}

/// What checking `target` against the whole archive extracted in memory
/// gives: the archive read first, the target added to it.
fn against_whole_archive(archive: &std::path::Path, target: &std::path::Path, pack: &gainsay::Pack) -> Vec<String> {
    let (documents, _) = gainsay::ingest::load(&[archive.to_path_buf()], &pack.lexicon);
    let mut corpus = gainsay::Corpus::build(documents, &pack.lexicon, &pack.segmenter);
    let text = gainsay::ingest::read_article(target).unwrap();
    let (document, _) = gainsay::Document::from_text(target.to_path_buf(), text, &pack.lexicon);
    let id = corpus.replace_document(document, &pack.lexicon, &pack.segmenter);
    let mut findings = gainsay::findings_involving(&corpus, pack, &std::collections::BTreeSet::from([id]));
    for finding in &mut findings {
        finding.anchor(|l| l.doc == id);
    }
    gainsay::rules::sort(&corpus, &mut findings);
    seen(&corpus, &findings)
}

#[test]
fn an_index_loads_every_article_a_new_one_can_meet() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    generator::generate(600, 11, &archive);
    let new = dir.path().join("new");
    fs::create_dir(&new).unwrap();
    // One article of each of some events is taken out of the archive
    // before indexing, as news arriving after it was built; the other two
    // stay to contradict it.
    let mut targets = Vec::new();
    for event in 0..12 {
        let kind = ["report", "denial", "follow-up"][event % 3];
        let name = format!("event{event:06}-{kind}.md");
        fs::rename(archive.join("000").join(&name), new.join(&name)).unwrap();
        targets.push(new.join(&name));
    }
    // And one article that is in the index is checked again.
    targets.push(archive.join("000/event000020-report.md"));
    let pack = gainsay::Pack::embedded().unwrap();
    let index = dir.path().join("archive.idx");
    gainsay::index::build(std::slice::from_ref(&archive), &pack, &index).unwrap();

    let mut rules = std::collections::BTreeSet::new();
    for target in &targets {
        let indexed = gainsay::index::check(std::slice::from_ref(target), &index, &pack).unwrap();
        let expected = against_whole_archive(&archive, target, &pack);
        assert_eq!(seen(&indexed.corpus, &indexed.findings), expected, "{}", target.display());
        // Far fewer articles than the archive's 600 are loaded: a third at
        // most (those sharing a state, a story, a name or a target).
        assert!(indexed.corpus.documents.len() < 200, "{} loaded", indexed.corpus.documents.len());
        rules.extend(indexed.findings.iter().map(|f| f.rule.clone()));
    }
    for rule in ["origin-vs-denial", "name-variant", "role-conflict"] {
        assert!(rules.contains(rule), "no {rule} finding to compare: {rules:?}");
    }
}
