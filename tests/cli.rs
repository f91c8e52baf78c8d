//! The binary as users run it: exit codes, colour, output formats, bad
//! input and bad rule packs. Output on the bundled corpus is pinned by
//! snapshots.

#![allow(
    clippy::cast_possible_truncation,
    clippy::naive_bytecount,
    reason = "offsets in test files are small; counting newlines in a few kilobytes needs no crate"
)]

mod common;

use std::fs;

use assert_cmd::Command;
use common::root;

fn gainsay() -> Command {
    let mut command = Command::cargo_bin("gainsay").unwrap();
    command.env_remove("NO_COLOR").env("COLUMNS", "100");
    command
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn check_corpus_from_another_directory_uses_the_embedded_rules() {
    let elsewhere = tempfile::tempdir().unwrap();
    let output = gainsay().current_dir(elsewhere.path()).arg("check").arg(root().join("corpus")).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "findings at warning or above exit 1");
    let out = stdout(&output);
    assert!(out.contains("gainsay::origin-vs-denial"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour when stdout is not a terminal");
}

#[test]
fn full_output_on_the_corpus() {
    let output = gainsay().current_dir(root()).args(["check", "corpus/"]).output().unwrap();
    insta::assert_snapshot!("check_corpus_full", stdout(&output));
}

fn full_output_at(columns: &str) -> String {
    let output = gainsay().current_dir(root()).env("COLUMNS", columns).args(["check", "corpus/"]).output().unwrap();
    stdout(&output)
}

#[test]
fn full_output_on_the_corpus_at_80_columns() {
    insta::assert_snapshot!("check_corpus_full_80", full_output_at("80"));
}

#[test]
fn full_output_on_the_corpus_at_120_columns() {
    insta::assert_snapshot!("check_corpus_full_120", full_output_at("120"));
}

#[test]
fn full_output_is_no_wider_than_columns_even_when_piped() {
    for columns in [60_usize, 80, 120] {
        let out = full_output_at(&columns.to_string());
        for line in out.lines() {
            let width = unicode_width::UnicodeWidthStr::width(line);
            assert!(width <= columns, "{width} > {columns} columns: {line}");
        }
    }
}

#[test]
fn colour_is_forced_with_color_always_and_off_with_no_color() {
    let coloured = gainsay().current_dir(root()).args(["check", "corpus/", "--color", "always"]).output().unwrap();
    assert!(stdout(&coloured).contains('\u{1b}'));
    let plain = gainsay()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["check", "corpus/", "--color", "auto"])
        .output()
        .unwrap();
    assert!(!stdout(&plain).contains('\u{1b}'));
}

#[test]
fn json_locations_are_byte_offsets_and_one_based_lines() {
    let output = gainsay().current_dir(root()).args(["check", "corpus/", "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        assert!(["error", "warning", "info"].contains(&finding["severity"].as_str().unwrap()));
        let locations = finding["locations"].as_array().unwrap();
        assert!(locations.len() >= 2, "a label in each article");
        assert_eq!(locations[0]["role"], "primary");
        for location in locations {
            let bytes = fs::read(root().join(location["path"].as_str().unwrap())).unwrap();
            let (start, end) =
                (location["start"].as_u64().unwrap() as usize, location["end"].as_u64().unwrap() as usize);
            let text = std::str::from_utf8(&bytes[start..end]).unwrap();
            assert!(!text.trim().is_empty());
            let line = bytes[..start].iter().filter(|b| **b == b'\n').count() + 1;
            assert_eq!(location["line"].as_u64().unwrap() as usize, line);
            let line_start = bytes[..start].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = std::str::from_utf8(&bytes[line_start..start]).unwrap().chars().count() + 1;
            assert_eq!(location["column"].as_u64().unwrap() as usize, column);
        }
    }
}

#[test]
fn fail_on_sets_the_exit_code() {
    let never = gainsay().current_dir(root()).args(["check", "corpus/", "--fail-on", "never"]).output().unwrap();
    assert_eq!(never.status.code(), Some(0));
    let clean = gainsay().current_dir(root()).args(["check", "corpus/001_55187c37e6408f4f.txt"]).output().unwrap();
    assert_eq!(clean.status.code(), Some(0), "one article alone contradicts nothing");
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["000_3bbdc760ebf49d91.txt", "002_301e08e2ee5a4c49.txt"] {
        fs::copy(root().join("corpus").join(name), dir.path().join(name)).unwrap();
    }
    fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 au lait.\n").unwrap();
    fs::write(dir.path().join("image.md"), b"\x89PNG\r\n\x1a\n\x00\x00\x00").unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    fs::write(dir.path().join("broken.md"), "---\ntitle: A\nnot a key value line\n---\nBody.\n").unwrap();
    let output = gainsay().arg("check").arg(dir.path()).arg(dir.path().join("missing.txt")).output().unwrap();
    let err = stderr(&output);
    for expected in [
        "latin1.txt: not valid UTF-8",
        "image.md: looks like a binary file",
        "empty.txt: the file is empty",
        "broken.md: broken front matter",
        "missing.txt: no such file or directory",
        "not a key value line",
    ] {
        assert!(err.contains(expected), "stderr lacks {expected:?}:\n{err}");
    }
    assert_eq!(output.status.code(), Some(2), "input errors exit 2");
    assert!(stdout(&output).contains("origin-vs-denial"), "the readable articles were still checked");
}

#[test]
fn a_malformed_rule_file_is_an_error_with_a_span() {
    let pack = tempfile::tempdir().unwrap();
    let rule = "id = \"my-rule\"\ncheck = \"claim-pair\"\nseverity = \"warning\"\nsummary = \"s\"\nmessage = \"m\"\ndoc = \"d\"\n\n[left]\nframe = \"launch-site\"\n\n[right]\nframe = \"origin\"\n";
    fs::write(pack.path().join("my-rule.toml"), rule).unwrap();
    fs::write(pack.path().join("broken.toml"), "id = \"x\"\ncheck = \n").unwrap();
    let output = gainsay().current_dir(root()).args(["check", "corpus/", "--rules"]).arg(pack.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("unknown frame `launch-site`"), "{err}");
    assert!(err.contains("my-rule.toml:9:"), "the span points into the rule file:\n{err}");
    assert!(err.contains("broken.toml"), "{err}");
}

#[test]
fn a_user_pack_overrides_a_default_rule_and_lists_it() {
    let pack = tempfile::tempdir().unwrap();
    let default = fs::read_to_string(root().join("rules/name-variant.toml")).unwrap();
    fs::write(pack.path().join("name-variant.toml"), default.replace("severity = \"warning\"", "severity = \"error\""))
        .unwrap();
    let listing = gainsay().args(["rules", "--rules"]).arg(pack.path()).output().unwrap();
    let line = stdout(&listing).lines().find(|l| l.starts_with("name-variant")).unwrap().to_string();
    assert!(line.contains("error") && line.contains(&pack.path().display().to_string()), "{line}");
    let json = gainsay()
        .current_dir(root())
        .args(["check", "corpus/", "--format", "json", "--rules"])
        .arg(pack.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let variant = report["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "name-variant").unwrap();
    assert_eq!(variant["severity"], "error");
}

#[test]
fn explain_prints_the_rule_doc_and_examples() {
    let output = gainsay().args(["explain", "origin-vs-denial"]).output().unwrap();
    let out = stdout(&output);
    assert!(out.contains("took off"), "{out}");
    assert!(out.contains("Example (fires)") && out.contains("Example (does not fire)"), "{out}");
    let unknown = gainsay().args(["explain", "no-such-rule"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn rules_test_runs_the_default_examples() {
    let output = gainsay().args(["rules", "test"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(" 0 failed"));
}

#[test]
fn segment_prints_exact_byte_spans() {
    let path = root().join("corpus/004_5bfa39607c08809c.txt");
    let output = gainsay().arg("segment").arg(&path).output().unwrap();
    let bytes = fs::read(&path).unwrap();
    let lines: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() > 15, "the article's sentences, its menus left out");
    for line in lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert_eq!(line["text"].as_str().unwrap().as_bytes(), &bytes[start..end]);
    }
}

// --- Untrusted articles and file names (issue 20) ------------------------

/// What an attacker plants: an escape sequence that erases the line and a
/// carriage return to print over it, an OSC title change, bidi overrides,
/// a zero-width space and a GitHub workflow command of its own.
const HOSTILE: &str = "\u{1b}[2K\rNo findings.\u{1b}]0;pwned\u{7}\u{202e}\u{2066}\u{200b}\u{9b}";
const FORGED_COMMAND: &str = "::error file=x.md,line=1::forged";

/// The characters that must never reach people raw: controls other than
/// newline, and invisible formatting characters.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .collect()
}

/// Two articles that contradict each other, under hostile names and with
/// hostile text in the body and the front matter.
#[cfg(unix)]
fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let first = fs::read_to_string(root().join("corpus/000_3bbdc760ebf49d91.txt")).unwrap();
    fs::write(dir.path().join(format!("a{HOSTILE}.txt")), first).unwrap();
    let second = fs::read_to_string(root().join("corpus/002_301e08e2ee5a4c49.txt")).unwrap();
    let second = second
        .replacen("date: 2022-12-16", &format!("date: 2022-12-16\noutlet: Evil{HOSTILE}"), 1)
        .replacen("Tel Aviv and", &format!("Tel Aviv{HOSTILE} and"), 1)
        .replacen("\n\nDespite", &format!("\n{FORGED_COMMAND}\n\nDespite"), 1);
    fs::write(dir.path().join("b.txt"), second).unwrap();
    fs::write(dir.path().join(format!("broken{HOSTILE}.md")), format!("---\ntitle: A\n{HOSTILE}\n---\nBody.\n"))
        .unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn escape_sequences_and_bidi_overrides_from_articles_never_reach_people_raw() {
    let corpus = hostile_corpus();
    for format in ["full", "concise", "github"] {
        let output = gainsay().arg("check").arg(corpus.path()).args(["--format", format]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "the broken front matter is an input error");
        let (out, err) = (stdout(&output), stderr(&output));
        assert!(out.contains("origin-vs-denial"), "the hostile articles are still checked ({format}):\n{out}");
        assert!(out.contains(r"\u{1b}[2K") && out.contains(r"\u{202e}"), "shown escaped ({format}):\n{out}");
        assert_eq!(raw_controls(&out), [], "{format} output:\n{out}");
        assert!(out.lines().all(|line| !line.starts_with(FORGED_COMMAND)), "{format} output:\n{out}");
        assert!(err.contains("broken front matter"), "{err}");
        assert_eq!(raw_controls(&err), [], "stderr with {format}:\n{err}");
    }
}

#[cfg(unix)]
#[test]
fn json_keeps_hostile_text_faithful() {
    let corpus = hostile_corpus();
    let output = gainsay().arg("check").arg(corpus.path()).args(["--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["locations"].as_array().unwrap().iter().map(|l| l["path"].as_str().unwrap()))
        .collect();
    assert!(paths.iter().any(|p| p.ends_with(&format!("a{HOSTILE}.txt"))), "{paths:?}");
}

/// A newline in a file name, followed by what an editor's problem matcher
/// reads as a finding of its own.
#[cfg(unix)]
const FORGED_NAME: &str = "a\nb.md:1:1: error[fake] x\r.md";

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_forges_no_line_in_concise_or_github_output() {
    let dir = tempfile::tempdir().unwrap();
    // Some file systems refuse such names; there is nothing to forge there.
    if fs::copy(root().join("corpus/000_3bbdc760ebf49d91.txt"), dir.path().join(FORGED_NAME)).is_err() {
        return;
    }
    fs::copy(root().join("corpus/002_301e08e2ee5a4c49.txt"), dir.path().join("b.txt")).unwrap();
    let run = |format: &str| {
        let output = gainsay().arg("check").arg(dir.path()).args(["--format", format]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        stdout(&output)
    };
    let concise = run("concise");
    let finding = regex::Regex::new(r"^[^\n]+:\d+:\d+: (error|warning|info)\[[a-z0-9-]+\]: ").unwrap();
    let lines: Vec<&str> = concise.lines().collect();
    let (summary, findings) = lines.split_last().unwrap();
    assert!(summary.contains(" findings ("), "{concise}");
    for line in findings {
        assert!(finding.is_match(line) && !line.contains(['\n', '\r']), "{line:?}");
        assert!(!line.starts_with("b.md:1:1"), "a forged line: {concise}");
    }
    assert!(concise.contains(r"a\nb.md:1:1: error[fake] x\r.md:"), "the name is shown escaped: {concise}");
    let github = run("github");
    for line in github.lines() {
        assert!(line.starts_with("::warning ") || line.starts_with("::notice "), "a forged line: {line:?}");
    }
}

/// Runs `check --format concise` on `dir`, with `--follow` if asked.
#[cfg(unix)]
fn check_folder(dir: &std::path::Path, follow: bool) -> std::process::Output {
    let mut command = gainsay();
    command.arg("check").arg(dir).args(["--format", "concise"]);
    if follow {
        command.arg("--follow");
    }
    command.output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_is_never_read() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "---\nSECRET-TOKEN-1234\n---\nBody.\n").unwrap();
    // An article that contradicts itself: read, it would be a finding.
    fs::copy(root().join("corpus/000_3bbdc760ebf49d91.txt"), outside.path().join("other.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join("corpus/001_55187c37e6408f4f.txt"), dir.path().join("a.txt")).unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    symlink(outside.path().join("secret.md"), dir.path().join("drafts/x.md")).unwrap();
    symlink(outside.path().join("other.txt"), dir.path().join("drafts/y.txt")).unwrap();
    symlink(outside.path(), dir.path().join("drafts/all")).unwrap();
    for follow in [false, true] {
        let output = check_folder(dir.path(), follow);
        let (out, err) = (stdout(&output), stderr(&output));
        assert_eq!(output.status.code(), Some(0), "follow: {follow}\n{out}\n{err}");
        assert!(!out.contains("SECRET") && !err.contains("SECRET"), "follow: {follow}\n{out}\n{err}");
        assert!(out.starts_with("No findings"), "follow: {follow}\n{out}");
        assert_eq!(err.contains("a symbolic link out of"), follow, "{err}");
    }
    // Named on the command line, a link is read as the user asked.
    let named = gainsay().arg("check").arg(dir.path().join("drafts/x.md")).output().unwrap();
    assert!(stderr(&named).contains("SECRET-TOKEN-1234"), "{}", stderr(&named));
}

#[cfg(unix)]
#[test]
fn a_folder_alias_followed_reports_each_finding_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("2024")).unwrap();
    for name in ["000_3bbdc760ebf49d91.txt", "002_301e08e2ee5a4c49.txt"] {
        fs::copy(root().join("corpus").join(name), dir.path().join("2024").join(name)).unwrap();
    }
    std::os::unix::fs::symlink("2024", dir.path().join("latest")).unwrap();
    let once = stdout(&check_folder(&dir.path().join("2024"), false));
    for follow in [false, true] {
        let out = stdout(&check_folder(dir.path(), follow));
        assert_eq!(out.lines().count(), once.lines().count(), "follow: {follow}\n{out}");
        assert!(!out.contains("latest"), "the alias is not the path read: {out}");
    }
}

/// The README's CI recipe passes changed files after `--`: a file named
/// like an option is an article there, not a flag.
#[test]
fn a_file_named_like_an_option_after_double_dash_is_read_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let name = "--fail-on never.md";
    fs::copy(root().join("corpus/000_3bbdc760ebf49d91.txt"), dir.path().join(name)).unwrap();
    let output = gainsay().current_dir(dir.path()).args(["check", "--format", "concise", "--", name]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "the findings count, not `--fail-on never`: {}", stderr(&output));
    assert!(stdout(&output).starts_with(&format!("{name}:36:1: warning[origin-vs-denial]")), "{}", stdout(&output));
}

/// Issue 20: a failed write to stderr panicked (exit 101). With nowhere to
/// tell of an error, the exit code still does.
#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_does_not_panic() {
    let full = || fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let mut missing = std::process::Command::new(assert_cmd::cargo::cargo_bin("gainsay"));
    let status = missing.args(["check", "nope.md"]).stderr(full()).status().unwrap();
    assert_eq!(status.code(), Some(2), "an input error");
    let dir = tempfile::tempdir().unwrap();
    let mut index = std::process::Command::new(assert_cmd::cargo::cargo_bin("gainsay"));
    let status = index
        .args(["index", "--no-config", "-o"])
        .arg(dir.path().join("index"))
        .arg(root().join("corpus/001_55187c37e6408f4f.txt"))
        .stderr(full())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0), "the index is written; only its summary line is lost");
}

#[test]
fn rules_lists_every_rule_in_aligned_columns() {
    let pack = tempfile::tempdir().unwrap();
    let default = fs::read_to_string(root().join("rules/name-variant.toml")).unwrap();
    fs::write(pack.path().join("name-variant.toml"), default).unwrap();
    let listing = gainsay().args(["rules", "--rules"]).arg(pack.path()).output().unwrap();
    let out = stdout(&listing);
    let rules: Vec<&str> = out.lines().collect();
    assert!(rules.len() >= 10, "{out}");
    // Each summary starts in the same column, whatever the rule's id,
    // severity and origin (a user pack's path is long).
    // Columns are set apart by two spaces or more; the fourth is the summary.
    let summary_column = |line: &str| {
        let chars: Vec<char> = line.chars().collect();
        let starts: Vec<usize> =
            (2..chars.len()).filter(|&i| chars[i] != ' ' && chars[i - 1] == ' ' && chars[i - 2] == ' ').collect();
        assert_eq!(starts.len(), 3, "four columns in {line:?}");
        starts[2]
    };
    let first = summary_column(rules[0]);
    assert!(rules.iter().all(|line| summary_column(line) == first), "{out}");
}

#[test]
fn segment_prints_the_sentences_a_check_reads_and_not_the_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    fs::write(&article, "---\ntitle: \"Storm\"\noutlet: Harbour Wire\n---\nThe port closed. Ferries stopped.\n")
        .unwrap();
    let output = gainsay().arg("segment").arg(&article).output().unwrap();
    let texts: Vec<String> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["The port closed.", "Ferries stopped."]);
}

#[test]
fn every_positional_argument_is_described() {
    for command in ["check", "baseline", "index", "segment", "claims", "explain"] {
        let help = stdout(&gainsay().args([command, "--help"]).output().unwrap());
        let arguments = help.split("Arguments:\n").nth(1).unwrap_or_else(|| panic!("{command}: {help}"));
        for line in arguments.lines().take_while(|l| !l.is_empty()) {
            assert!(
                line.trim_start().split_once("  ").is_some_and(|(_, d)| !d.trim().is_empty()),
                "{command}: {line:?}"
            );
        }
    }
    let help = stdout(&gainsay().args(["rules", "test", "--help"]).output().unwrap());
    assert!(help.contains("[DIR]  A rule pack folder"), "{help}");
    let check = stdout(&gainsay().args(["check", "--help"]).output().unwrap());
    assert!(check.contains("comma-separated"), "{check}");
}

#[test]
fn a_folder_with_no_article_is_named_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (empty, pages) = (dir.path().join("empty"), dir.path().join("pages"));
    fs::create_dir(&empty).unwrap();
    fs::create_dir(&pages).unwrap();
    fs::write(pages.join("story.html"), "<p>The port closed.</p>").unwrap();
    fs::write(pages.join("notes.docx"), "not an article").unwrap();
    let output = gainsay().arg("check").arg(&empty).arg(&pages).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "a warning, not a failure: {output:?}");
    let warnings = stderr(&output);
    assert!(warnings.contains("empty: no .txt or .md article in this folder"), "{warnings}");
    // The report wraps long lines; the count is read apart from the rest.
    assert!(warnings.contains("pages: no .txt or .md article in this folder (its 2 files"), "{warnings}");
    let with_article = dir.path().join("news");
    fs::create_dir(&with_article).unwrap();
    fs::write(with_article.join("a.txt"), "The port closed on Monday.").unwrap();
    let output = gainsay().arg("check").arg(&with_article).output().unwrap();
    assert!(!stderr(&output).contains("no .txt or .md article"), "{output:?}");
}

#[test]
fn check_dash_reads_one_article_from_stdin() {
    let seed = fs::read_to_string(root().join("corpus/000_3bbdc760ebf49d91.txt")).unwrap();
    let output = gainsay()
        .current_dir(root())
        .args(["check", "-", "--no-config", "--format", "concise", "--corpus", "corpus/001_55187c37e6408f4f.txt"])
        .write_stdin(seed)
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(out.lines().any(|l| l.starts_with("<stdin>:36:1: warning[origin-vs-denial]")), "{out}");
    let empty = gainsay().args(["check", "-", "--no-config"]).write_stdin("  \n").output().unwrap();
    assert!(stderr(&empty).contains("<stdin>: the file is empty"), "{empty:?}");
}
