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

/// Runs `gainsay check` on one plain article with `flags`, stopping it if it
/// takes longer than a run on one article ever should: a FIFO once made it
/// wait for a writer forever.
#[cfg(unix)]
fn check_with(flags: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The ministry said the drone came from Russia.\n").expect("write");
    let output = gainsay()
        .current_dir(dir.path())
        .arg("check")
        .arg(&article)
        .args(flags)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Issue 20: `--baseline` naming an endless device read it until memory ran out.
#[cfg(unix)]
#[test]
fn baseline_that_is_a_device_is_refused_unread() {
    let (code, stderr) = check_with(&["--baseline".as_ref(), "/dev/zero".as_ref()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/dev/zero") && stderr.contains("not a regular file"), "{stderr}");
}

/// Issue 20: a config file that is a FIFO made a run wait for a writer forever.
#[cfg(unix)]
#[test]
fn config_that_is_a_fifo_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let fifo = dir.path().join("gainsay.toml");
    mkfifo(&fifo);
    let (code, stderr) = check_with(&["--config".as_ref(), fifo.as_os_str()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("gainsay.toml") && stderr.contains("not a regular file"), "{stderr}");
}

/// Issue 20: a rule file in a user pack that is a FIFO hung the run.
#[cfg(unix)]
#[test]
fn rule_file_that_is_a_fifo_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let fifo = dir.path().join("my-rule.toml");
    mkfifo(&fifo);
    let (code, stderr) = check_with(&["--rules".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("my-rule.toml") && stderr.contains("not a regular file"), "{stderr}");
}

/// Issue 20: an index that is a FIFO hung the run.
#[cfg(unix)]
#[test]
fn index_that_is_a_fifo_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let fifo = dir.path().join("corpus.idx");
    mkfifo(&fifo);
    let (code, stderr) = check_with(&["--index".as_ref(), fifo.as_os_str()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("corpus.idx") && stderr.contains("not a regular file"), "{stderr}");
}

/// A config file far larger than any config is refused before it is read:
/// the file here is sparse, so the test writes nothing to disk.
#[test]
fn config_over_its_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let config = dir.path().join("gainsay.toml");
    std::fs::File::create(&config).expect("create").set_len(8 << 30).expect("sparse file");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The ministry said the drone came from Russia.\n").expect("write");
    let output = gainsay()
        .arg("check")
        .arg(&article)
        .arg("--config")
        .arg(&config)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("gainsay.toml") && stderr.contains("larger than"), "{stderr}");
}
