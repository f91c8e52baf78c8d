//! Every output format, pinned on the bundled corpus with insta (fixed
//! width, no colour), and each machine format checked as its reader would:
//! SARIF against the SARIF 2.1.0 schema, the concise format with the
//! pattern editors use, JSON lines against the JSON report.
//!
//! `tests/sarif-schema-2.1.0.json` is the SARIF 2.1.0 schema as Microsoft
//! ships it in the npm package `@microsoft/sarif-multitool-linux` 5.7.0
//! (file `sarif-2.1.0.json`, MIT licence), unchanged.

use std::path::PathBuf;
use std::process::Command;

use gainsay::report::{self, Format, JsonFinding, JsonReport, Report, Style};
use gainsay::{Outcome, Pack};
use regex::Regex;

/// The pattern the VS Code problem matcher in README.md uses;
/// vim's `errorformat` there reads the same fields.
const CONCISE: &str = r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info)\[(?P<rule>[a-z0-9-]+)\]: (?P<message>.*)$";

fn corpus() -> (Outcome, Pack) {
    let pack = Pack::embedded().expect("the default pack loads");
    // Relative, so paths in the output read `corpus/...` on every machine.
    let outcome = gainsay::check(&[PathBuf::from("corpus")], &pack);
    assert!(outcome.input_errors.is_empty(), "{:?}", outcome.input_errors);
    (outcome, pack)
}

fn render(format: Format) -> String {
    render_at(format, 80)
}

fn render_at(format: Format, width: usize) -> String {
    let (outcome, pack) = corpus();
    let view = Report { corpus: &outcome.corpus, findings: &outcome.findings, rules: &pack.rules };
    let mut out = Vec::new();
    report::emit(format, Style { color: false, width }, &view, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn no_line_of_the_full_format_is_wider_than_its_width() {
    for width in [report::MIN_WIDTH, 50, 64, 80, 100, 120, 160, 240] {
        for line in render_at(Format::Full, width).lines() {
            let columns = unicode_width::UnicodeWidthStr::width(line);
            assert!(columns <= width, "{columns} > {width} columns: {line}");
        }
    }
}

/// The findings of the `full` format, one block each (they are separated
/// by a blank line after the help).
fn full_blocks(width: usize) -> Vec<String> {
    let out = render_at(Format::Full, width);
    out.split("\ngainsay::").map(|b| b.trim_start_matches("gainsay::").to_owned()).collect()
}

#[test]
fn the_other_article_is_a_second_snippet_of_the_same_finding() {
    let blocks = full_blocks(100);
    assert_eq!(blocks.len(), corpus().0.findings.len());
    for block in &blocks {
        // The other side is no longer a separate, top-level diagnostic.
        assert!(
            !block.lines().any(|l| l.starts_with("Warning:") || l.starts_with("Error:") || l.starts_with("Advice:")),
            "{block}"
        );
        assert!(block.matches("╭─[").count() >= 2, "both sides are shown: {block}");
    }
}

#[test]
fn each_finding_opens_at_the_flagged_sentence_as_concise_places_it() {
    let concise = render(Format::Concise);
    let places: Vec<&str> = concise.lines().map(|l| l.split(": ").next().unwrap()).collect();
    let headers: Vec<String> = full_blocks(100)
        .iter()
        .map(|b| {
            let at = b.find("╭─[").unwrap() + "╭─[".len();
            b[at..at + b[at..].find(']').unwrap()].to_owned()
        })
        .collect();
    assert_eq!(headers, places);
}

#[test]
fn snippets_never_show_a_whole_paragraph_or_the_lines_between_labels() {
    let (outcome, _) = corpus();
    let labels: usize = outcome.findings.iter().map(|f| f.labels.len()).sum();
    let out = render_at(Format::Full, 100);
    // One text line per labelled line, each cut to fit: no context lines.
    let text_lines = out
        .lines()
        .filter(|l| l.trim_start().split_once(" │ ").is_some_and(|(n, _)| n.parse::<usize>().is_ok()))
        .count();
    assert!(text_lines <= labels, "{text_lines} text lines for {labels} labels");
    assert!(out.contains('…'), "long paragraphs are cut with an ellipsis");
}

#[test]
fn full_format() {
    insta::assert_snapshot!(render(Format::Full));
}

#[test]
fn concise_format() {
    insta::assert_snapshot!(render(Format::Concise));
}

#[test]
fn json_format() {
    insta::assert_snapshot!(render(Format::Json));
}

#[test]
fn json_lines_format() {
    insta::assert_snapshot!(render(Format::JsonLines));
}

#[test]
fn sarif_format() {
    insta::assert_snapshot!(render(Format::Sarif));
}

#[test]
fn github_format() {
    insta::assert_snapshot!(render(Format::Github));
}

#[test]
fn statistics() {
    let (outcome, _) = corpus();
    let mut out = Vec::new();
    report::statistics(&outcome.findings, false, &mut out).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("sarif-schema-2.1.0.json")).expect("the schema is JSON");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator.iter_errors(log).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let log: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let errors = schema_errors(&validator, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for result in results {
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], result["ruleId"], "ruleIndex points at the result's rule");
        assert_eq!(result["locations"].as_array().unwrap().len(), 1);
        assert!(!result["relatedLocations"].as_array().unwrap().is_empty(), "the other article is related");
    }
    for rule in rules {
        assert!(rule["shortDescription"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
    }
}

#[test]
fn schema_check_catches_broken_sarif() {
    // The validation above is only worth something if it can fail.
    let validator = sarif_validator();
    let log: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let mut wrong_level = log.clone();
    wrong_level["runs"][0]["results"][0]["level"] = "warn".into();
    assert!(!schema_errors(&validator, &wrong_level).is_empty());
    let mut no_version = log.clone();
    no_version.as_object_mut().unwrap().remove("version");
    assert!(!schema_errors(&validator, &no_version).is_empty());
    let mut zero_line = log;
    zero_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!schema_errors(&validator, &zero_line).is_empty());
}

#[test]
fn concise_lines_parse_back_with_an_editor_pattern() {
    let pattern = Regex::new(CONCISE).unwrap();
    let (outcome, _) = corpus();
    let concise = render(Format::Concise);
    let lines: Vec<&str> = concise.lines().collect();
    assert_eq!(lines.len(), outcome.findings.len());
    for (line, finding) in lines.iter().zip(&outcome.findings) {
        let caps = pattern.captures(line).unwrap_or_else(|| panic!("unparsed: {line}"));
        let doc = &outcome.corpus.documents[finding.primary().doc];
        let (l, c) = doc.line_column(finding.primary().span.start);
        assert_eq!(caps["file"], doc.path.display().to_string());
        assert_eq!(caps["line"].parse::<usize>().unwrap(), l);
        assert_eq!(caps["col"].parse::<usize>().unwrap(), c);
        assert_eq!(caps["severity"], finding.severity.to_string());
        assert_eq!(&caps["rule"], finding.rule);
        // The message, on one line: runs of whitespace become one space.
        let one_line = finding.message.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(caps["message"].starts_with(&one_line), "{line}");
        assert!(std::path::Path::new(&caps["file"]).is_file());
        // The position is the labelled sentence's first character.
        let labelled = &doc.text[finding.primary().span.clone()];
        let line_text = doc.text.lines().nth(l - 1).unwrap();
        let at: String = line_text.chars().skip(c - 1).take(labelled.chars().count().min(12)).collect();
        assert!(labelled.starts_with(&at), "{line}: {at:?} starts {labelled:?}");
    }
}

#[test]
fn json_lines_hold_the_json_report_findings() {
    let report: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let lines: Vec<serde_json::Value> =
        render(Format::JsonLines).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(report["findings"].as_array().unwrap(), &lines);
}

#[test]
fn github_commands_have_the_runner_shape() {
    let pattern = Regex::new(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=gainsay \([a-z-]+\)::[^\n]+$",
    )
    .unwrap();
    let github = render(Format::Github);
    assert!(!github.is_empty());
    for line in github.lines() {
        assert!(pattern.is_match(line), "{line}");
    }
}

#[test]
fn vim_quickfix_reads_the_concise_format() {
    // Runs vim itself where it is installed; the pattern test above covers
    // machines without it.
    if Command::new("vim").arg("--version").output().is_err() {
        eprintln!("vim is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let findings = dir.path().join("findings.txt");
    let listing = dir.path().join("quickfix.txt");
    let mut concise = render(Format::Concise);
    concise.push_str("14 findings (2 errors, 11 warnings, 1 info).\n");
    std::fs::write(&findings, &concise).unwrap();
    let script = dir.path().join("read.vim");
    std::fs::write(
        &script,
        format!(
            "set errorformat=%f:%l:%c:\\ %t%*[a-z][%*[^]]]:\\ %m,%-G%.%#\n\
             cgetfile {}\n\
             call writefile(map(getqflist(), {{_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|' . e.type}}), '{}')\n\
             qa!\n",
            findings.display(),
            listing.display()
        ),
    )
    .unwrap();
    let status = Command::new("vim")
        .args(["-N", "-u", "NONE", "-i", "NONE", "-es", "-S"])
        .arg(&script)
        .stdin(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let (outcome, _) = corpus();
    let expected: Vec<String> = outcome
        .findings
        .iter()
        .map(|f| {
            let doc = &outcome.corpus.documents[f.primary().doc];
            let (line, column) = doc.line_column(f.primary().span.start);
            let kind = f.severity.to_string().chars().next().unwrap();
            format!("{}|{line}|{column}|{kind}", doc.path.display())
        })
        .collect();
    assert_eq!(std::fs::read_to_string(&listing).unwrap().lines().collect::<Vec<_>>(), expected);
}

/// The JSON report is written a finding at a time, rendered in batches on
/// every core; it must read exactly as serde's pretty printer writes the
/// whole report, across batches and with no findings at all.
#[test]
fn json_written_in_batches_is_the_pretty_printed_report() {
    let (outcome, pack) = corpus();
    let many: Vec<_> = outcome.findings.iter().cycle().take(9000).cloned().collect();
    for findings in [&many[..], &[]] {
        let view = Report { corpus: &outcome.corpus, findings, rules: &pack.rules };
        let mut out = Vec::new();
        report::emit(Format::Json, Style { color: false, width: 80 }, &view, &mut out).unwrap();
        let whole = JsonReport { findings: findings.iter().map(|f| JsonFinding::new(&outcome.corpus, f)).collect() };
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&whole).unwrap() + "\n");
    }
}
