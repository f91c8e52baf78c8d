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
