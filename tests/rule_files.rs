//! A broken rule file is reported like a compiler error: a miette
//! diagnostic whose label sits on the mistake inside the TOML. Each case
//! starts from a working rule (the default `quote-drift`) and breaks one
//! thing.

mod common;

use std::path::Path;
use std::process::Command;

use gainsay::Pack;
use gainsay::rules::PackError;

fn working_rule() -> String {
    std::fs::read_to_string(common::root().join("rules/quote-drift.toml"))
        .unwrap()
        .replace("id = \"quote-drift\"", "id = \"house-drift\"")
}

/// A pack folder holding one rule file with `from` replaced by `to`.
fn pack_with(from: &str, to: &str) -> tempfile::TempDir {
    let text = working_rule();
    assert!(text.contains(from), "{from:?} is in the rule");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("house-drift.toml"), text.replacen(from, to, 1)).unwrap();
    dir
}

/// The message of the one error loading the pack, and the text its label
/// points at.
fn error_in(dir: &Path) -> (String, String) {
    let errors = Pack::load(&[dir.to_path_buf()]).expect_err("the pack is broken");
    assert_eq!(errors.len(), 1, "{errors:?}");
    match &errors[0] {
        PackError::Invalid { message, source_code, span, path } => {
            assert!(path.ends_with("house-drift.toml"), "{path}");
            let span = span.unwrap_or_else(|| panic!("no span for {message}"));
            let text = miette::SourceCode::read_span(source_code, &span, 0, 0).unwrap();
            (message.clone(), String::from_utf8_lossy(text.data()).into_owned())
        }
        other @ PackError::Unreadable { .. } => panic!("expected an invalid rule, got {other:?}"),
    }
}

#[test]
fn the_unbroken_rule_loads() {
    let dir = pack_with("id = \"house-drift\"", "id = \"house-drift\"");
    let pack = Pack::load(&[dir.path().to_path_buf()]).unwrap();
    assert!(pack.rule("house-drift").is_some());
}

#[test]
fn bad_toml_points_at_the_syntax_error() {
    let dir = pack_with("severity = \"warning\"", "severity = \"warning");
    let errors = Pack::load(&[dir.path().to_path_buf()]).expect_err("the pack is broken");
    let PackError::Invalid { message, span: Some(span), source_code, .. } = &errors[0] else {
        panic!("expected a labelled error, got {errors:?}");
    };
    assert!(message.contains("expected `\"`"), "{message}");
    let text = source_code.inner();
    let line_end = text[..span.offset()].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(&text[line_end..span.offset()], "severity = \"warning", "the label sits where the quote is missing");
}

#[test]
fn unknown_field_points_at_the_key() {
    let dir = pack_with("severity = \"warning\"", "severity = \"warning\"\nseverty = \"error\"");
    let (message, at) = error_in(dir.path());
    assert!(message.contains("unknown field `severty`"), "{message}");
    assert_eq!(at, "severty");
}

#[test]
fn wrong_type_points_at_the_value() {
    let dir = pack_with("min-similarity = 0.5", "min-similarity = \"high\"");
    let (message, at) = error_in(dir.path());
    assert!(message.contains("invalid type"), "{message}");
    assert_eq!(at, "\"high\"");
}

#[test]
fn out_of_range_number_points_at_the_value() {
    let dir = pack_with("min-similarity = 0.5", "min-similarity = 5.0");
    let (message, at) = error_in(dir.path());
    assert!(message.contains("from 0 to 1"), "{message}");
    assert_eq!(at, "5.0");
}

#[test]
fn unknown_severity_lists_the_choices() {
    let dir = pack_with("severity = \"warning\"", "severity = \"fatal\"");
    let (message, at) = error_in(dir.path());
    assert!(message.contains("unknown severity `fatal`"), "{message}");
    assert!(message.contains("error, warning, info"), "{message}");
    assert_eq!(at, "\"fatal\"");
}

#[test]
fn condition_naming_an_unknown_frame_points_at_the_frame() {
    let text = std::fs::read_to_string(common::root().join("rules/conflicting-origin.toml")).unwrap();
    let frame = text.lines().find(|l| l.trim_start().starts_with("frame = ")).expect("a frame condition").trim();
    let dir = tempfile::tempdir().unwrap();
    let broken = text
        .replacen(frame, "frame = \"teleportation\"", 1)
        .replace("id = \"conflicting-origin\"", "id = \"house-drift\"");
    std::fs::write(dir.path().join("house-drift.toml"), broken).unwrap();
    let (message, at) = error_in(dir.path());
    assert!(message.contains("unknown frame `teleportation`"), "{message}");
    assert!(message.contains("the lexicon defines"), "{message}");
    assert_eq!(at, "\"teleportation\"");
}

#[test]
fn message_naming_an_unknown_field_points_at_the_message() {
    let dir = pack_with("{left.quote}", "{left.colour}");
    let (message, at) = error_in(dir.path());
    assert!(message.contains("left.colour"), "{message}");
    assert!(at.contains("{left.colour}"), "{at}");
}

#[test]
fn unknown_downgrade_condition_points_at_it() {
    let text = std::fs::read_to_string(common::root().join("rules/role-conflict.toml")).unwrap();
    let when = text.lines().find(|l| l.trim_start().starts_with("when = ")).expect("a downgrade").trim();
    let dir = tempfile::tempdir().unwrap();
    let broken =
        text.replacen(when, "when = \"on-tuesdays\"", 1).replace("id = \"role-conflict\"", "id = \"house-drift\"");
    std::fs::write(dir.path().join("house-drift.toml"), broken).unwrap();
    let (message, at) = error_in(dir.path());
    assert!(message.contains("unknown condition `on-tuesdays`"), "{message}");
    assert_eq!(at, "\"on-tuesdays\"");
}

#[test]
fn cli_reports_a_broken_rule_with_its_file_line_and_column() {
    let dir = pack_with("severity = \"warning\"", "severity = \"warning\"\nseverty = \"error\"");
    let output = Command::new(env!("CARGO_BIN_EXE_gainsay"))
        .args(["--color", "never", "rules", "--no-config", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("gainsay::rules::invalid"), "{stderr}");
    assert!(stderr.contains("house-drift.toml:4:1]"), "the report names file, line and column:\n{stderr}");
    assert!(stderr.contains("severty"), "{stderr}");
}
