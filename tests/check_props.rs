//! Properties of a whole check, whatever the articles: every finding's
//! spans lie inside their files, the same input gives byte-identical output
//! on every run and every thread count (finding order included), no line
//! of the `full` format is wider than its width, and checking never writes
//! to an article. Segmentation's own properties are
//! in `segment_props.rs`.

use std::path::PathBuf;
use std::sync::LazyLock;

use gainsay::ingest::Document;
use gainsay::report::{self, Format, Style};
use gainsay::{Limits, Outcome, Pack, check_documents};
use proptest::prelude::*;

static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::embedded().expect("the default pack loads"));

/// Sentences and pieces that make the rules fire, or nearly: speakers,
/// places, frames, denials, numbers, quotations, names and chrome.
const PIECES: &[&str] = &[
    "CHISINAU, Sept 16 - An unmanned reconnaissance aircraft that crashed near the village of Valea Nouă in \
     Moldova's Cahul district took off from the Ciocarlia air base in northern Romania, two people familiar \
     with the investigation said.",
    "Romania's Defence Minister Elena Dumitrescu denied that any aircraft took off from Romanian bases \
     towards Moldova on the day a drone crashed near Cahul.",
    "Moldova's interior minister, Vasile Grosu, said investigators had recovered the navigation unit.",
    "Interior Minister Vasile Grossu said the drone that crashed near Cahul was Russian.",
    "\"We want to know exactly who sent this aircraft into our airspace and why,\" Grosu told reporters.",
    "\"We want to know exactly who sent this aircraft into our airspace,\" Grosu told reporters in Cahul.",
    "Officials said 12 people were injured in Cahul.",
    "Officials said at least 19 people were injured in Cahul.",
    "Kyiv denied that the drone came from Ukraine.",
    "Unnamed sources said the missile was Ukrainian.",
    "“It was not our missile,” he said.",
    "Share this article",
    "• Home",
    "Advertisement",
    "---\noutlet: Wire\ndate: 2024-09-16\n---",
    "U.S. Gen. Mark Milley said",
    "\u{FEFF}",
    "é",
    "\u{200D}",
    "\"",
    "\n",
    "\n\n",
    " ",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|pieces| pieces.join(" "))
}

fn check(texts: &[String]) -> Outcome {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document::from_text(PathBuf::from(format!("outlet-{i}.txt")), text.clone(), &PACK.lexicon).0)
        .collect();
    check_documents(documents, &PACK, &Limits::default())
}

/// The report in both formats, as bytes.
fn render(outcome: &Outcome) -> Vec<u8> {
    let mut out = Vec::new();
    for format in [Format::Json, Format::Full] {
        let view = report::Report { corpus: &outcome.corpus, findings: &outcome.findings, rules: &PACK.rules };
        report::emit(format, Style { color: false, width: 80 }, &view, &mut out).expect("writing to memory");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_span_lies_inside_its_file(texts in prop::collection::vec(article(), 1..4)) {
        let outcome = check(&texts);
        if let Err(broken) = gainsay::invariants::check_outcome(&outcome.corpus, &outcome.findings) {
            return Err(TestCaseError::fail(broken));
        }
    }

    #[test]
    fn no_line_of_the_full_format_is_wider_than_its_width(
        texts in prop::collection::vec(article(), 2..4),
        width in report::MIN_WIDTH..160,
    ) {
        let outcome = check(&texts);
        let view = report::Report { corpus: &outcome.corpus, findings: &outcome.findings, rules: &PACK.rules };
        let mut out = Vec::new();
        report::emit(Format::Full, Style { color: false, width }, &view, &mut out).expect("writing to memory");
        for line in String::from_utf8(out).expect("UTF-8").lines() {
            prop_assert!(unicode_width::UnicodeWidthStr::width(line) <= width, "wider than {}: {}", width, line);
        }
    }

    #[test]
    fn output_is_identical_on_every_run_and_thread_count(texts in prop::collection::vec(article(), 2..4)) {
        let expected = render(&check(&texts));
        prop_assert_eq!(&render(&check(&texts)), &expected);
        let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
        prop_assert_eq!(&one_thread.install(|| render(&check(&texts))), &expected);
        let four_threads = rayon::ThreadPoolBuilder::new().num_threads(4).build().expect("a pool");
        prop_assert_eq!(&four_threads.install(|| render(&check(&texts))), &expected);
    }
}

fn fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![root.join("corpus"), root.join("tests/fixtures/events")]
}

/// The binary on the bundled corpus and fixtures: the same bytes out with
/// one thread as with the default, run after run.
#[test]
fn cli_output_is_identical_with_one_thread_and_many() {
    let run = |threads: Option<&str>| {
        let mut command = assert_cmd::Command::cargo_bin("gainsay").expect("the binary");
        command.arg("check").arg("--format").arg("json").arg("--fail-on").arg("never").args(fixtures());
        match threads {
            Some(n) => command.env("RAYON_NUM_THREADS", n),
            None => command.env_remove("RAYON_NUM_THREADS"),
        };
        let output = command.output().expect("gainsay runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    let default = run(None);
    assert!(default.windows(6).any(|w| w == b"\"rule\""), "the fixtures yield findings");
    assert_eq!(run(Some("1")), default, "one thread");
    assert_eq!(run(Some("3")), default, "three threads");
    assert_eq!(run(None), default, "a second run");
}

/// Checking reads articles and never writes them: bytes and modification
/// times are unchanged, even for articles with findings and errors.
#[test]
fn checking_never_writes_to_an_article() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.md");
    std::fs::write(&a, PIECES[0]).expect("write");
    std::fs::write(&b, format!("---\ndate: not a date\n---\n{}", PIECES[1])).expect("write");
    let before: Vec<_> = [&a, &b]
        .iter()
        .map(|p| (std::fs::read(p).expect("read"), std::fs::metadata(p).and_then(|m| m.modified()).expect("mtime")))
        .collect();
    let outcome = gainsay::check(&[dir.path().to_path_buf()], &PACK);
    assert_eq!(outcome.corpus.documents.len(), 2);
    let after: Vec<_> = [&a, &b]
        .iter()
        .map(|p| (std::fs::read(p).expect("read"), std::fs::metadata(p).and_then(|m| m.modified()).expect("mtime")))
        .collect();
    assert_eq!(before, after);
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 2, "no file was added beside the articles: {names:?}");
}

/// The pieces above do make rules fire, so the properties are tested on
/// findings, not only on silence.
#[test]
fn the_pieces_yield_findings() {
    let texts: Vec<String> = [[0, 2, 4, 6], [1, 3, 5, 7]].iter().map(|ids| ids.map(|i| PIECES[i]).join(" ")).collect();
    let outcome = check(&texts);
    let rules: std::collections::BTreeSet<_> = outcome.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.len() >= 3, "{rules:?}");
}
