//! The lint workflow end to end, as a newsroom runs it: a folder with
//! `gainsay.toml`, an archive of published articles (the corpus), a
//! baseline, and a draft checked before publication.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::root;

const EVENT: &str = "tests/fixtures/events/moldova-cahul-drone";
/// The draft's flagged sentence: a launch point the archive's officials deny.
const CLAIM: &str = "took off from the Ciocarlia air base in northern Romania";

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

fn gainsay(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gainsay"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("gainsay runs");
    Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A newsroom folder: `archive/` holds two published articles (which
/// contradict each other: a role conflict), `drafts/new.md` the article
/// about to be published, and `gainsay.toml` ties them together.
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let event = root().join(EVENT);
    std::fs::create_dir_all(dir.path().join("archive")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    for name in ["02_bucharest_bulletin.txt", "03_danube_dispatch.md"] {
        std::fs::copy(event.join(name), dir.path().join("archive").join(name)).unwrap();
    }
    std::fs::copy(event.join("01_black_sea_monitor.md"), dir.path().join("drafts/new.md")).unwrap();
    std::fs::write(
        dir.path().join("gainsay.toml"),
        "corpus = [\"archive\"]\nbaseline = \"gainsay-baseline.json\"\nfail-on = \"warning\"\n",
    )
    .unwrap();
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} is in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The findings of an all-against-all check that touch `path`, as
/// `(rule, sorted label places)`, from the JSON contract.
fn findings_touching(dir: &Path, args: &[&str], path: &str) -> Vec<(String, Vec<String>)> {
    let run = gainsay(dir, args);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{run:?}"));
    let mut found: Vec<(String, Vec<String>)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut places: Vec<String> = f["locations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| format!("{}:{}", l["path"].as_str().unwrap(), l["line"]))
                .collect();
            places.sort();
            (f["rule"].as_str().unwrap().to_string(), places)
        })
        .filter(|(_, places)| places.iter().any(|p| p.starts_with(path)))
        .collect();
    found.sort();
    found
}

#[test]
fn newsroom_checks_a_draft_against_its_archive_with_a_baseline() {
    let dir = newsroom();
    let root = dir.path();

    // The archive's own contradictions (a role conflict, a misattributed
    // quotation, a misspelt name) are accepted once.
    let accepted = gainsay(root, &["baseline", "archive"]);
    assert_eq!(accepted.code, 0, "{accepted:?}");
    assert_eq!(accepted.stdout, "Wrote 3 findings to gainsay-baseline.json.\n", "{accepted:?}");
    let archive = gainsay(root, &["check", "archive"]);
    assert_eq!(archive.code, 0, "{archive:?}");

    // The draft fails, with exactly its own findings.
    let draft = gainsay(root, &["check", "drafts/new.md", "--format", "json"]);
    assert_eq!(draft.code, 1, "{draft:?}");
    let expected =
        findings_touching(root, &["check", "--no-config", "archive", "drafts", "--format", "json"], "drafts/");
    assert!(expected.len() >= 4, "the draft's launch point is denied four times: {expected:?}");
    let mut got = findings_touching(root, &["check", "drafts/new.md", "--format", "json"], "");
    got.sort();
    assert_eq!(got, expected);
    let concise = gainsay(root, &["check", "drafts/new.md", "--format", "concise"]);
    let lines: Vec<&str> = concise.stdout.lines().filter(|l| l.contains("]: ")).collect();
    // One line for the draft's sentence, naming the first denial and how
    // many more there are.
    assert_eq!(lines.len(), 1, "{concise:?}");
    assert!(lines[0].ends_with(&format!(" and {} more)", expected.len() - 1)), "{concise:?}");
    assert!(lines.iter().all(|l| l.starts_with("drafts/new.md:")), "anchored in the draft: {concise:?}");
    assert!(!concise.stdout.contains("role-conflict"), "the archive's own finding is not shown: {concise:?}");

    // Accepting the draft's findings makes the check pass.
    let accepted = gainsay(root, &["baseline", "drafts/new.md"]);
    assert_eq!(accepted.code, 0, "{accepted:?}");
    let clean = gainsay(root, &["check", "drafts/new.md"]);
    assert_eq!(clean.code, 0, "{clean:?}");
    assert_eq!(clean.stdout, "No findings; 1 more in the baseline.\n", "the four pairs are one finding");

    // Paragraphs added above the flagged sentence shift every line: still accepted.
    let draft_path = root.join("drafts/new.md");
    edit(
        &draft_path,
        "CHISINAU, Sept 16 - ",
        "UPDATED with the police statement.\n\nEditor's note: this story was first published on Monday.\n\nCHISINAU, Sept 16 - ",
    );
    let shifted = gainsay(root, &["check", "drafts/new.md"]);
    assert_eq!(shifted.code, 0, "{shifted:?}");

    // The flagged sentence's claim changes: the finding is new again.
    edit(&draft_path, CLAIM, "took off from the Mihail Kogalniceanu air base in eastern Romania");
    let changed = gainsay(root, &["check", "drafts/new.md", "--format", "concise"]);
    assert_eq!(changed.code, 1, "{changed:?}");
    assert!(changed.stdout.contains("Mihail Kogalniceanu"), "{changed:?}");
    assert!(changed.stdout.contains("origin-vs-denial"), "{changed:?}");
}

#[test]
fn without_corpus_every_path_is_checked_against_every_other() {
    let dir = newsroom();
    let all = gainsay(dir.path(), &["check", "--no-config", "archive", "drafts", "--format", "concise"]);
    assert_eq!(all.code, 1, "{all:?}");
    assert!(all.stdout.contains("role-conflict"), "archive-only findings are shown: {all:?}");
}

#[test]
fn corpus_flag_replaces_the_config_key() {
    let dir = newsroom();
    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--corpus", "empty", "--no-baseline"]);
    assert_eq!(run.code, 0, "nothing to contradict the draft: {run:?}");
}

#[test]
fn a_missing_baseline_is_an_error_until_written() {
    let dir = newsroom();
    let run = gainsay(dir.path(), &["check", "drafts/new.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("gainsay-baseline.json"), "{run:?}");
    assert!(run.stderr.contains("gainsay baseline"), "the help says how to write one: {run:?}");
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline"]);
    assert_eq!(run.code, 1, "{run:?}");
}

#[test]
fn config_errors_point_into_the_file_and_exit_2() {
    let dir = newsroom();
    std::fs::write(dir.path().join("gainsay.toml"), "corpus = [\"archive\"]\nfail_on = \"warning\"\n").unwrap();
    let run = gainsay(dir.path(), &["check", "drafts/new.md"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("gainsay.toml:2:1"), "the report points at the line: {run:?}");
    assert!(run.stderr.contains("unknown field `fail_on`"), "{run:?}");
}

#[test]
fn config_is_found_from_a_subdirectory() {
    let dir = newsroom();
    let run = gainsay(&dir.path().join("drafts"), &["check", "new.md", "--no-baseline", "--format", "concise"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.lines().next().unwrap().starts_with("new.md:"), "{run:?}");
    assert!(run.stdout.contains("(see ../archive/"), "corpus paths are shown from the working directory: {run:?}");
}

#[test]
fn front_matter_ignore_silences_a_rule_for_the_article() {
    let dir = newsroom();
    edit(
        &dir.path().join("drafts/new.md"),
        "date: 2024-09-16\n",
        "date: 2024-09-16\ngainsay-ignore: [origin-vs-denial]\n",
    );
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--format", "concise"]);
    assert!(!run.stdout.contains("origin-vs-denial"), "{run:?}");
}

#[test]
fn inline_marker_silences_a_rule_for_one_sentence() {
    let dir = newsroom();
    let draft = dir.path().join("drafts/new.md");
    let before = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--format", "json"]);
    edit(
        &draft,
        "two people familiar with the investigation said on Monday.",
        "two people familiar with the investigation said on Monday. <!-- gainsay-ignore: origin-vs-denial -->",
    );
    let after = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--format", "json"]);
    assert!(before.stdout.contains("origin-vs-denial"), "{before:?}");
    assert!(!after.stdout.contains("origin-vs-denial"), "{after:?}");
    // Spans still point at the file's own bytes: the next sentence's
    // findings, if any, are unchanged.
    let report: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    let text = std::fs::read_to_string(&draft).unwrap();
    for location in report["findings"].as_array().unwrap().iter().flat_map(|f| f["locations"].as_array().unwrap()) {
        if location["path"] == "drafts/new.md" {
            let (start, end) = (location["start"].as_u64().unwrap(), location["end"].as_u64().unwrap());
            let span = &text[usize::try_from(start).unwrap()..usize::try_from(end).unwrap()];
            assert!(!span.contains("gainsay-ignore"), "{span}");
        }
    }
}

#[test]
fn marker_for_another_rule_does_not_silence_this_one() {
    let dir = newsroom();
    edit(
        &dir.path().join("drafts/new.md"),
        "two people familiar with the investigation said on Monday.",
        "two people familiar with the investigation said on Monday. <!-- gainsay-ignore: quote-drift -->",
    );
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--format", "concise"]);
    assert!(run.stdout.contains("origin-vs-denial"), "{run:?}");
}

#[test]
fn select_ignore_and_severity_from_the_config_apply() {
    let dir = newsroom();
    std::fs::write(
        dir.path().join("gainsay.toml"),
        "corpus = [\"archive\"]\nignore = [\"origin-vs-denial\"]\n[severity]\nrole-conflict = \"info\"\n",
    )
    .unwrap();
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--format", "concise"]);
    assert!(!run.stdout.contains("origin-vs-denial"), "{run:?}");
    let rules = gainsay(dir.path(), &["rules"]);
    assert!(!rules.stdout.contains("origin-vs-denial"), "`rules` lists only active rules: {rules:?}");
    assert!(
        rules.stdout.lines().any(|l| l.starts_with("role-conflict") && l.contains(" info ")),
        "`rules` shows the configured severity: {rules:?}"
    );
    let explain = gainsay(dir.path(), &["explain", "origin-vs-denial"]);
    assert_eq!(explain.code, 0, "{explain:?}");
    assert!(explain.stdout.contains("Not active"), "{explain:?}");
    // A flag replaces the config's list.
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--ignore", "name-variant", "--format", "concise"]);
    assert!(run.stdout.contains("origin-vs-denial"), "{run:?}");
}

#[test]
fn rules_and_explain_read_packs_named_in_the_config() {
    let dir = newsroom();
    let pack = dir.path().join("house-rules");
    std::fs::create_dir_all(&pack).unwrap();
    let drift = std::fs::read_to_string(root().join("rules/quote-drift.toml")).unwrap();
    let house = drift.replace("id = \"quote-drift\"", "id = \"house-quote-drift\"");
    std::fs::write(pack.join("house-quote-drift.toml"), house).unwrap();
    std::fs::write(dir.path().join("gainsay.toml"), "rules = [\"house-rules\"]\n").unwrap();
    let rules = gainsay(dir.path(), &["rules"]);
    assert!(rules.stdout.lines().any(|l| l.starts_with("house-quote-drift") && l.contains("house-rules")), "{rules:?}");
    let explain = gainsay(dir.path(), &["explain", "house-quote-drift"]);
    assert_eq!(explain.code, 0, "{explain:?}");
    assert!(explain.stdout.contains("Example (fires)"), "{explain:?}");
    let test = gainsay(dir.path(), &["rules", "test", "house-rules"]);
    assert_eq!(test.code, 0, "{test:?}");
    assert_eq!(test.stdout, "rule examples: 2 passed, 0 failed\n");
}

#[test]
fn quiet_prints_only_error_findings_and_keeps_the_exit_code() {
    let dir = newsroom();
    let args = ["check", "--no-config", "archive", "drafts", "--format", "concise"];
    let loud = gainsay(dir.path(), &args);
    let quiet = gainsay(dir.path(), &[&args[..], &["--quiet"]].concat());
    assert_eq!(loud.code, quiet.code);
    assert!(loud.stdout.contains("warning["), "{loud:?}");
    assert!(!quiet.stdout.is_empty(), "{quiet:?}");
    assert!(quiet.stdout.lines().all(|l| l.contains(": error[")), "{quiet:?}");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = newsroom();
    let args = ["check", "--no-config", "archive", "drafts"];
    let plain = gainsay(dir.path(), &args);
    assert!(!plain.stdout.contains('\u{1b}'), "not a terminal, NO_COLOR set: no escapes");
    let forced = gainsay(dir.path(), &[&args[..], &["--color", "always"]].concat());
    assert!(forced.stdout.contains("\u{1b}["), "--color always wins over NO_COLOR");
    let never = gainsay(dir.path(), &[&["--color", "never"][..], &args[..]].concat());
    assert!(!never.stdout.contains('\u{1b}'));
}

#[test]
fn baseline_without_a_configured_file_says_how_to_configure_one() {
    let dir = newsroom();
    let run = gainsay(dir.path(), &["baseline", "--no-config", "drafts"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--baseline FILE"), "{run:?}");
    assert!(!dir.path().join("gainsay-baseline.json").exists());
}

#[test]
fn baseline_file_lists_what_was_accepted() {
    let dir = newsroom();
    let run = gainsay(dir.path(), &["baseline", "drafts/new.md", "--baseline", "accepted.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("accepted.json")).unwrap()).unwrap();
    assert_eq!(file["version"], 1);
    let first = &file["findings"][0];
    assert_eq!(first["path"], "drafts/new.md");
    assert!(first["sentences"].as_array().unwrap().iter().any(|s| s.as_str().unwrap().contains("ciocarlia")));
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = newsroom();
    let run = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--statistics"]);
    assert_eq!(run.code, 1, "{run:?}");
    // Grouped as the report shows them: one sentence denied four times.
    assert_eq!(run.stdout, "    1  origin-vs-denial  1 error\n");
    let json = gainsay(dir.path(), &["check", "drafts/new.md", "--no-baseline", "--statistics", "--format", "json"]);
    let counts: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        counts,
        serde_json::json!([{"rule": "origin-vs-denial", "count": 4, "error": 4, "warning": 0, "info": 0}])
    );
}

#[test]
fn a_fingerprint_accepted_once_hides_one_finding() {
    // A story republished word for word has the same sentences, so the
    // same fingerprints; accepting the first copy does not hide the second.
    let dir = newsroom();
    let run = gainsay(dir.path(), &["baseline", "drafts/new.md"]);
    assert_eq!(run.code, 0, "{run:?}");
    std::fs::copy(dir.path().join("drafts/new.md"), dir.path().join("drafts/copy.md")).unwrap();
    let run = gainsay(dir.path(), &["check", "drafts", "--format", "concise"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with("1 finding (1 error); 1 more in the baseline.\n"), "{run:?}");
}

#[test]
fn a_draft_inside_the_corpus_folder_is_read_once_as_new() {
    let dir = newsroom();
    std::fs::rename(dir.path().join("drafts/new.md"), dir.path().join("archive/new.md")).unwrap();
    let pack = gainsay::Pack::embedded().unwrap();
    let outcome = gainsay::check_against(&[dir.path().join("archive/new.md")], &[dir.path().join("archive")], &pack);
    assert_eq!(outcome.corpus.documents.len(), 3, "the draft is not read twice");
    assert_eq!(outcome.targets.len(), 1);
    assert!(!outcome.findings.is_empty());
    for finding in &outcome.findings {
        assert!(outcome.is_target(finding.primary().doc), "anchored in the draft: {finding:?}");
        assert_eq!(finding.labels.iter().filter(|l| l.primary).count(), 1, "{finding:?}");
    }
}
