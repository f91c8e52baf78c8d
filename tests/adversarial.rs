//! Inputs no newsroom means to send, and every one must end in a normal
//! report or a clear diagnostic: never a panic, never a hang, and in time
//! that grows with the input, not its square.
//!
//! Each case runs at a small scale in `cargo test` (debug build), with a
//! time bound and, where a hang would show, a check that four times the
//! input takes well under sixteen times as long. The sizes the robustness
//! issue names run as `#[ignore]`d tests in release, one at a time, by
//! `ci/adversarial.sh`, which also bounds their peak memory:
//! `cargo test --release --test adversarial -- --ignored --test-threads=1`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gainsay::ingest::{Document, InputError};
use gainsay::{Limits, Outcome, Pack, check_documents, check_with};

fn pack() -> Pack {
    Pack::embedded().expect("the default pack loads")
}

/// Checks texts as articles of different outlets, asserting every span of
/// the outcome lies inside its file.
fn check_texts(texts: &[&str], limits: &Limits) -> Outcome {
    let pack = pack();
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = PathBuf::from(format!("outlet-{i}.txt"));
            Document::from_text(path, (*text).to_string(), &pack.lexicon).0
        })
        .collect();
    let outcome = check_documents(documents, &pack, limits);
    gainsay::invariants::check_outcome(&outcome.corpus, &outcome.findings).expect("every span inside its file");
    outcome
}

/// Runs `f`, returning its result, the time it took and the process's
/// peak resident memory in MiB meanwhile. The peak is reset first where
/// Linux allows, to the memory the process holds then (including what the
/// allocator kept from earlier tests), so it is an upper bound, and only
/// the test's own when tests run one at a time.
fn measure<T>(f: impl FnOnce() -> T) -> (T, Duration, u64) {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let start = Instant::now();
    let value = f();
    let elapsed = start.elapsed();
    let peak_kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse::<u64>().ok()))
        .unwrap_or(0);
    (value, elapsed, peak_kib / 1024)
}

/// Runs a case, prints its figures, and checks its time (and, when run
/// alone, memory) bounds.
fn bounded<T>(name: &str, seconds: u64, mib: u64, f: impl FnOnce() -> T) -> (T, Duration) {
    let (value, elapsed, peak) = measure(f);
    eprintln!("{name}: {:.2} s, peak RSS {peak} MiB", elapsed.as_secs_f64());
    assert!(elapsed < Duration::from_secs(seconds), "{name} took {elapsed:?}, over {seconds} s");
    if alone() {
        assert!(peak < mib, "{name} peaked at {peak} MiB, over {mib} MiB");
    }
    (value, elapsed)
}

/// Whether this test runs alone in its process, so memory figures are its own.
fn alone() -> bool {
    std::env::args().any(|a| a == "--test-threads=1")
}

/// Runs `make(n)` and `make(4n)` through `run` and fails if the larger
/// took eight times as long: quadratic work takes sixteen.
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String, run: impl Fn(&str)) {
    let small = make(n);
    let large = make(4 * n);
    // Warm up, so the first run does not pay for loading the pack.
    run(&small);
    let time = |text: &str| {
        let start = Instant::now();
        run(text);
        start.elapsed()
    };
    let (mut t1, mut t4) = (time(&small).min(time(&small)), time(&large));
    let bound = |t1: Duration| t1 * 8 + Duration::from_millis(100);
    if t4 >= bound(t1) {
        // Other tests share the machine: measure once more before failing.
        (t1, t4) = (t1.min(time(&small)), t4.min(time(&large)));
    }
    eprintln!("{name}: n={n} {t1:?}, 4n {t4:?}");
    assert!(t4 < bound(t1), "{name}: 4x the input took {t4:?} against {t1:?}");
}

fn skipped_sentences(outcome: &Outcome) -> usize {
    outcome.input_errors.iter().filter(|e| matches!(e, InputError::SentenceTooLong { .. })).count()
}

// --- One huge line -------------------------------------------------------

const PROSE: &str = "The ministry said the drone that crashed near Cahul came from Ukraine. ";

fn write_no_newline(path: &Path, bytes: usize) {
    let text = PROSE.repeat(bytes / PROSE.len());
    std::fs::write(path, text).expect("write the input");
}

fn no_newline_file_over_the_limit(bytes: usize, limit: u64) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("scraped.txt");
    write_no_newline(&path, bytes);
    let limits = Limits { max_file_bytes: limit, ..Limits::default() };
    let (outcome, _) = bounded("no newline, over the file limit", 10, 300, || {
        check_with(std::slice::from_ref(&path), &pack(), &limits)
    });
    assert!(outcome.corpus.documents.is_empty());
    let [InputError::TooLarge { path: named, limit: reported, .. }] = outcome.input_errors.as_slice() else {
        panic!("expected one too-large diagnostic, got {:?}", outcome.input_errors);
    };
    assert!(named.ends_with("scraped.txt"));
    assert_eq!(*reported, limit);
}

#[test]
fn file_without_newline_over_the_size_limit_is_skipped_with_a_diagnostic() {
    no_newline_file_over_the_limit(2 << 20, 1 << 20);
}

#[test]
#[ignore = "full size (200 MB on disk): run in release by ci/adversarial.sh"]
fn full_size_200_mb_file_without_newline_is_skipped_with_a_diagnostic() {
    no_newline_file_over_the_limit(200_000_000, Limits::default().max_file_bytes);
}

#[test]
fn file_without_newline_under_the_limit_is_checked_in_linear_time() {
    assert_linear(
        "no newline",
        16 << 10,
        |n| PROSE.repeat(n / PROSE.len()),
        |text| {
            check_texts(&[text], &Limits::default());
        },
    );
}

#[test]
#[ignore = "full size: run in release by ci/adversarial.sh"]
fn full_size_16_mib_file_without_newline_is_checked() {
    let text = PROSE.repeat((16 << 20) / PROSE.len() - 1);
    let (outcome, _) = bounded("16 MiB without newline", 60, 1500, || check_texts(&[&text], &Limits::default()));
    assert!(!outcome.corpus.claims.is_empty());
}

// --- Many sentences, many files ----------------------------------------

fn one_word_sentences(n: usize) -> String {
    "Yes. ".repeat(n)
}

#[test]
fn one_word_sentences_are_checked_in_linear_time() {
    assert_linear("one-word sentences", 4_000, one_word_sentences, |text| {
        check_texts(&[text], &Limits::default());
    });
}

#[test]
#[ignore = "full size: run in release by ci/adversarial.sh"]
fn full_size_a_million_one_word_sentences() {
    let text = one_word_sentences(1_000_000);
    let (outcome, _) = bounded("1,000,000 one-word sentences", 30, 1200, || check_texts(&[&text], &Limits::default()));
    assert_eq!(outcome.corpus.claims.len(), 1_000_000);
}

fn many_small_files(count: usize, seconds: u64) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let places = ["Cahul", "Kyiv", "Minsk", "Warsaw", "Batken"];
    for i in 0..count {
        let place = places[i % places.len()];
        let text = format!(
            "Drone crash near {place}\n\nThe ministry said the drone that crashed near {place} came from Russia. \
             Officials said {} people were injured.\n",
            i % 7 + 2
        );
        std::fs::write(dir.path().join(format!("outlet_{i:05}.txt")), text).expect("write an article");
    }
    let (outcome, _) = bounded(&format!("{count} small files"), seconds, 600, || {
        check_with(&[dir.path().to_path_buf()], &pack(), &Limits::default())
    });
    assert_eq!(outcome.corpus.documents.len(), count);
    assert!(outcome.input_errors.is_empty(), "{:?}", outcome.input_errors);
}

#[test]
fn a_thousand_small_files_are_checked() {
    many_small_files(1_000, 60);
}

#[test]
#[ignore = "full size: run in release by ci/adversarial.sh"]
fn full_size_20_000_small_files_are_checked() {
    many_small_files(20_000, 60);
}

// --- One endless sentence ------------------------------------------------

/// A sentence of `words` words, every tenth opening or closing a quotation.
fn quoted_sentence(words: usize) -> String {
    let mut text = String::from("Officials said");
    for i in 0..words {
        text.push_str(if i % 10 == 0 { " \"word" } else { " word" });
    }
    text.push_str(".\n");
    text
}

#[test]
fn sentence_over_the_length_limit_is_reported_with_its_span_and_skipped() {
    let text = format!("Short one first.\n{}Short one last.\n", quoted_sentence(20_000));
    let outcome = check_texts(&[&text], &Limits::default());
    let [InputError::SentenceTooLong { sentence, line, column, limit, .. }] = outcome.input_errors.as_slice() else {
        panic!("expected one sentence-too-long diagnostic, got {:?}", outcome.input_errors);
    };
    assert!(text[sentence.clone()].starts_with("Officials said \"word"));
    assert_eq!((*line, *column, *limit), (2, 1, Limits::default().max_sentence_bytes));
    assert_eq!(outcome.corpus.claims.len(), 2, "the short sentences are still analysed");
    assert!(!outcome.input_errors[0].is_fatal());
}

#[test]
fn quoted_sentence_under_a_raised_limit_is_analysed_in_linear_time() {
    let limits = Limits { max_sentence_bytes: usize::MAX, ..Limits::default() };
    assert_linear("quoted sentence", 2_500, quoted_sentence, |text| {
        let outcome = check_texts(&[text], &limits);
        assert_eq!(skipped_sentences(&outcome), 0);
    });
}

/// Regression: each question about a token ("is it covered by a role
/// title?") scanned every cue of its sentence, so a long sentence full of
/// cues cost the square of its length (16 MiB of 60 KB sentences: ~40 s).
#[test]
fn sentence_full_of_cues_is_analysed_in_linear_time() {
    let limits = Limits { max_sentence_bytes: usize::MAX, ..Limits::default() };
    let cues = "Defence Minister John Smith said the drone from Russia was not 12 \"a\" ";
    assert_linear(
        "sentence full of cues",
        250,
        |n| format!("The ministry {}end.\n", cues.repeat(n)),
        |text| {
            check_texts(&[text], &limits);
        },
    );
}

#[test]
#[ignore = "full size: run in release by ci/adversarial.sh"]
fn full_size_sentence_of_100_000_words_and_10_000_quotation_marks() {
    let text = quoted_sentence(100_000);
    let (outcome, _) =
        bounded("100,000-word sentence, default limit", 10, 600, || check_texts(&[&text], &Limits::default()));
    assert_eq!(skipped_sentences(&outcome), 1);
    let limits = Limits { max_sentence_bytes: usize::MAX, ..Limits::default() };
    let (outcome, _) = bounded("100,000-word sentence, no limit", 30, 600, || check_texts(&[&text], &limits));
    assert_eq!(skipped_sentences(&outcome), 0);
}

/// Short distinct lines without punctuation, as a menu or a list of tags,
/// above one bulleted line that is chrome for sure.
fn menu_lines(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        writeln!(text, "Item {i}").expect("writing to a string");
    }
    text.push_str("• Home\n");
    text
}

/// Regression: chrome detection compared each line with every earlier one
/// and spread menu marking one line per pass (100,000 lines: 68 s).
#[test]
fn distinct_menu_lines_are_read_in_linear_time() {
    assert_linear("menu lines", 2_000, menu_lines, |text| {
        check_texts(&[text], &Limits::default());
    });
}

// --- Repetition ----------------------------------------------------------

fn repeated_names(n: usize) -> String {
    "Defence Minister John Smith said 12 drones hit Kyiv, Smith said. Minister Jon Smyth denied it. ".repeat(n)
}

fn repeated_numbers(n: usize) -> String {
    let mut text = "The ministry said ".to_string();
    text.push_str(&"12 ".repeat(n));
    text.push_str("drones hit Kyiv. Officials counted 14 drones in Kyiv.\n");
    text
}

/// Regression: the name-variant and role-conflict checks compared every
/// pair of mentions, and extraction searched all earlier mentions for each
/// new one (8,000 sentences: 93 s).
#[test]
fn repeated_names_are_checked_in_linear_time() {
    assert_linear("repeated names", 200, repeated_names, |text| {
        check_texts(&[text, text], &Limits::default());
    });
}

#[test]
fn repeated_numbers_are_checked_in_linear_time() {
    assert_linear("repeated numbers", 2_000, repeated_numbers, |text| {
        check_texts(&[text, text], &Limits::default());
    });
}

#[test]
#[ignore = "full size: run in release by ci/adversarial.sh"]
fn full_size_deeply_repeated_names_and_numbers() {
    let names = repeated_names(25_000);
    bounded("50,000 sentences of repeated names, twice", 60, 1500, || {
        check_texts(&[&names, &names], &Limits::default())
    });
    let numbers = repeated_numbers(20_000);
    bounded("20,000 repeated numbers, twice", 30, 600, || check_texts(&[&numbers, &numbers], &Limits::default()));
}

// --- Encodings and strange characters ------------------------------------

fn read_bytes(bytes: &[u8]) -> Outcome {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("odd.txt");
    std::fs::write(&path, bytes).expect("write the input");
    check_with(&[path], &pack(), &Limits::default())
}

#[test]
fn invalid_utf8_names_the_first_bad_byte() {
    let outcome = read_bytes(b"The minister said \xC3\x28 nothing.");
    assert!(matches!(outcome.input_errors.as_slice(), [InputError::NotUtf8 { offset: 18, .. }]));
}

#[test]
fn nul_bytes_mark_a_binary_file() {
    let outcome = read_bytes(b"The minister\0 said nothing.");
    assert!(matches!(outcome.input_errors.as_slice(), [InputError::Binary { .. }]));
}

#[test]
fn utf16_and_utf32_with_a_bom_are_named_as_such() {
    let text = "\u{FEFF}The minister said.";
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let wide: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
    for (bytes, name) in [(little, "UTF-16LE"), (big, "UTF-16BE"), (wide, "UTF-32LE")] {
        let outcome = read_bytes(&bytes);
        let [InputError::WideEncoding { encoding, .. }] = outcome.input_errors.as_slice() else {
            panic!("{name}: got {:?}", outcome.input_errors);
        };
        assert_eq!(*encoding, name);
    }
}

#[test]
fn right_to_left_text_and_joiners_are_read_with_spans_inside_the_file() {
    let text = "\u{FEFF}שלום \u{200F}\u{200D}👨\u{200D}👩\u{200D}👧 السلام. The minister\u{200D} said \u{202E}drone\u{202C} hit Kyiv.\n"
        .repeat(200);
    let outcome = check_texts(&[&text], &Limits::default());
    assert!(!outcome.corpus.claims.is_empty());
}

#[test]
fn long_runs_of_combining_marks_are_read_in_linear_time() {
    // Canonical reordering sorts each run of combining marks; a naive sort
    // is quadratic in the run's length.
    let limits = Limits { max_sentence_bytes: usize::MAX, ..Limits::default() };
    assert_linear(
        "combining marks",
        4_000,
        |n| format!("Zalgo a{} said the minister.\n", "\u{301}\u{300}\u{302}".repeat(n)),
        |text| {
            check_texts(&[text], &limits);
        },
    );
}

// --- The corpus folder ---------------------------------------------------

#[cfg(unix)]
#[test]
fn symlink_loops_followed_and_unreadable_files_are_reported_and_the_rest_checked() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::write(root.join("good.txt"), "The ministry said the drone came from Russia.\n").expect("write");
    std::fs::create_dir(root.join("nested")).expect("mkdir");
    symlink(root, root.join("nested/loop")).expect("symlink to an ancestor");
    symlink(root.join("self.txt"), root.join("self.txt")).expect("symlink to itself");
    symlink(root.join("missing.txt"), root.join("dangling.txt")).expect("dangling symlink");
    let locked = root.join("locked.txt");
    std::fs::write(&locked, "Secret.\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads any file, whatever its mode.
    let locked_is_unreadable = std::fs::read(&locked).is_err();
    // Not followed, links are skipped without a word, as ripgrep skips them.
    let skipped = check_with(&[root.to_path_buf()], &pack(), &Limits::default());
    let names: Vec<String> = skipped.input_errors.iter().map(ToString::to_string).collect();
    assert!(!names.iter().any(|n| n.contains("loop") || n.contains("self.txt") || n.contains("dangling")), "{names:?}");
    let follow = Limits { follow_links: true, ..Limits::default() };
    let (outcome, _) = bounded("symlink loops", 10, 100, || check_with(&[root.to_path_buf()], &pack(), &follow));
    let names: Vec<String> = outcome.input_errors.iter().map(ToString::to_string).collect();
    assert!(names.iter().any(|n| n.contains("loop")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("self.txt")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("dangling.txt")), "{names:?}");
    assert_eq!(names.iter().any(|n| n.contains("locked.txt")), locked_is_unreadable, "{names:?}");
    assert!(outcome.input_errors.iter().all(InputError::is_fatal));
    let read: Vec<_> = outcome.corpus.documents.iter().map(|d| d.path.file_name().unwrap().to_owned()).collect();
    assert!(read.iter().any(|n| n == "good.txt"), "{read:?}");
}

/// Issue 20: fifteen levels of two links each to the next folder read one
/// article 32,768 times.
#[cfg(unix)]
#[test]
fn chained_folder_links_followed_read_an_article_once() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let levels = 15;
    for level in 0..=levels {
        std::fs::create_dir(dir.path().join(format!("d{level}"))).expect("mkdir");
    }
    for level in 0..levels {
        for name in ["a", "b"] {
            let link = dir.path().join(format!("d{level}/{name}"));
            std::os::unix::fs::symlink(dir.path().join(format!("d{}", level + 1)), link).expect("symlink");
        }
    }
    std::fs::write(dir.path().join(format!("d{levels}/x.txt")), "The ministry said the drone came from Russia.\n")
        .expect("write");
    let follow = Limits { follow_links: true, ..Limits::default() };
    let (outcome, _) = bounded("chained links", 10, 100, || check_with(&[dir.path().to_path_buf()], &pack(), &follow));
    assert_eq!(outcome.corpus.documents.len(), 1, "{:?}", outcome.input_errors);
}

#[cfg(unix)]
#[test]
fn symlink_loop_given_by_name_is_reported_as_unreadable() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("self.txt");
    std::os::unix::fs::symlink(&path, &path).expect("symlink to itself");
    let outcome = check_with(std::slice::from_ref(&path), &pack(), &Limits::default());
    let [InputError::Unreadable { reason, .. }] = outcome.input_errors.as_slice() else {
        panic!("expected one unreadable-file diagnostic, got {:?}", outcome.input_errors);
    };
    assert!(reason.contains("symbolic links"), "{reason}");
}

// --- Rule files ----------------------------------------------------------

fn load_rule(text: &str) -> Result<Pack, Vec<gainsay::rules::PackError>> {
    Pack::load_sources("adversarial", &[("heavy.toml", text)])
}

#[test]
fn deeply_nested_rule_file_is_refused_with_a_diagnostic() {
    for nested in ["[".repeat(100_000) + &"]".repeat(100_000), "{a = ".repeat(100_000) + "1" + &"}".repeat(100_000)] {
        let (result, _) = bounded("deeply nested rule", 10, 200, || load_rule(&format!("x = {nested}\n")));
        let errors = result.expect_err("nesting is refused");
        assert!(errors[0].to_string().contains("heavy.toml"));
    }
}

#[test]
fn rule_with_heavily_repeated_conditions_loads_and_runs() {
    let frames = vec!["\"origin\""; 20_000].join(", ");
    let relations = vec!["\"same-event\""; 20_000].join(", ");
    let mut rule = format!(
        "id = \"heavy\"\ncheck = \"claim-pair\"\nseverity = \"warning\"\nsummary = \"s\"\n\
         message = \"{{left.outlet}} and {{right.outlet}}\"\ndoc = \"d\"\nrelations = [{relations}]\n\
         [left]\nframes = [{frames}]\n[right]\nframes = [{frames}]\nsources = [\"official\", \"official\"]\n"
    );
    for _ in 0..5_000 {
        rule.push_str("[[downgrade]]\nwhen = \"hedged\"\nto = \"info\"\nbecause = \"b\"\n");
    }
    let (pack, _) = bounded("rule with repeated conditions", 20, 300, || load_rule(&rule));
    let pack = pack.unwrap_or_else(|e| panic!("{e:?}"));
    let text = "The ministry said the drone that crashed near Cahul came from Ukraine.\n";
    let other = "Kyiv denied that the drone that crashed near Cahul came from Ukraine.\n";
    let documents = [text, other]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(PathBuf::from(format!("o{i}.txt")), (*t).to_string(), &pack.lexicon).0)
        .collect();
    bounded("rule with repeated conditions, checking", 20, 300, || {
        check_documents(documents, &pack, &Limits::default())
    });
}
