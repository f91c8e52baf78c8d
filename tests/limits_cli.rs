//! The limit flags of `gainsay check`: a file over `--max-file-size` is
//! skipped with an error naming it and the limit (exit 2); a sentence over
//! `--max-sentence-length` is skipped with a warning giving its line and
//! column, and the rest of the file is checked.

use assert_cmd::Command;

fn gainsay() -> Command {
    Command::cargo_bin("gainsay").expect("the binary")
}

#[test]
fn file_over_max_file_size_is_an_error_naming_file_and_limit() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "The ministry said the drone came from Russia. ".repeat(100)).expect("write");
    let output = gainsay().arg("check").arg(&path).args(["--max-file-size", "2K"]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("gainsay::input::too_large"), "{stderr}");
    assert!(stderr.contains("big.txt") && stderr.contains("2 KiB"), "{stderr}");
}

#[test]
fn sentence_over_max_sentence_length_is_a_warning_with_its_position() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("long.txt");
    let text = format!("A short sentence.\nThe minister said {} and more.\n", "very ".repeat(100));
    std::fs::write(&path, text).expect("write");
    let output = gainsay().arg("check").arg(&path).args(["--max-sentence-length", "200"]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("gainsay::input::sentence_too_long"), "{stderr}");
    assert!(stderr.contains("long.txt:2:1"), "{stderr}");
}

#[test]
fn sizes_that_do_not_parse_are_usage_errors() {
    let output = gainsay().args(["check", ".", "--max-file-size", "lots"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a size"));
}

/// `gainsay claims` used to drop input errors without a word.
#[test]
fn claims_reports_inputs_it_could_not_read() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("utf16.txt");
    std::fs::write(&path, [0xFF, 0xFE, b'H', 0]).expect("write");
    let output = gainsay().arg("claims").arg(&path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("UTF-16LE"), "{stderr}");
}
