//! How long `gainsay lsp` takes to re-check one edited article against an
//! indexed corpus of 1,000 articles: `cargo run --example lsp_recheck`
//! (`-- N` for another size; `--release` for the figure users see;
//! `BREAKDOWN=1` to time each stage). It prints timings and asserts none.
//!
//! The articles are generated, deterministically: 150 stories (a drone,
//! missile or rocket strike on a village), each covered by about seven
//! outlets with a report naming where it was launched from, an official
//! denial, casualty figures, quotations and background sentences. Stories
//! differ in countries, regions, people, figures and wording, so alignment
//! blocks as on real news: an article meets its own story, not every other.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use gainsay::lsp::{Workspace, path_to_uri, settings_for};

/// Stories in the corpus: at 1,000 articles, about seven outlets cover each.
const STORIES: usize = 150;

/// Countries from the default gazetteer: name, demonym, capital.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Armenia", "Armenian", "Yerevan"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Turkey", "Turkish", "Ankara"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Syria", "Syrian", "Damascus"),
    ("Jordan", "Jordanian", "Amman"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Libya", "Libyan", "Tripoli"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Poland", "Polish", "Warsaw"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Albania", "Albanian", "Tirana"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Algeria", "Algerian", "Algiers"),
    ("Austria", "Austrian", "Vienna"),
    ("Azerbaijan", "Azeri", "Baku"),
    ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Tel Aviv"),
];
const SYLLABLES: &[&str] = &["ka", "ro", "vel", "mar", "es", "tin", "do", "ral", "sa", "ber", "lu", "gan", "ni", "zor"];
const FIRST_NAMES: &[&str] = &["Ana", "Ion", "Mehmet", "Lena", "Omar", "Petra", "Yusuf", "Irina", "Karim", "Sofia"];
const WEAPONS: &[&str] = &["drone", "missile", "rocket"];
const ROLES: &[&str] = &["defence minister", "foreign ministry spokesman", "regional governor", "army spokesman"];
const NOUNS: &[&str] = &[
    "harvest",
    "bridge",
    "election",
    "pipeline",
    "school",
    "market",
    "hospital",
    "railway",
    "festival",
    "budget",
    "reservoir",
    "factory",
    "port",
    "museum",
    "stadium",
    "clinic",
    "highway",
    "library",
    "orchard",
    "tunnel",
];
const VERBS: &[&str] =
    &["opened", "delayed", "expanded", "inspected", "funded", "repaired", "closed", "praised", "reviewed", "planned"];
const ADJECTIVES: &[&str] =
    &["new", "old", "northern", "local", "regional", "main", "small", "central", "rural", "coastal"];
const QUOTE_WORDS: &[&str] =
    &["respond", "protect", "investigate", "defend", "rebuild", "remember", "pursue", "guarantee", "support", "answer"];

#[path = "../benches/support/generator.rs"]
#[allow(dead_code, reason = "only the generator's random numbers are used here")]
mod generator;

use generator::Rng;

/// Names and people for the stories, on the generator's random numbers.
trait Words {
    fn name(&mut self) -> String;
    fn person(&mut self) -> String;
}

impl Words for Rng {
    fn name(&mut self) -> String {
        let mut name: String = (0..2 + self.below(2)).map(|_| self.pick(SYLLABLES)).collect();
        name[..1].make_ascii_uppercase();
        name
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.pick(FIRST_NAMES), self.name())
    }
}

/// What every article about one story shares.
struct Story {
    accused: (&'static str, &'static str, &'static str),
    target: (&'static str, &'static str, &'static str),
    region: String,
    village: String,
    weapon: &'static str,
    killed: usize,
    minister: String,
    denier: String,
    quote: String,
    day: usize,
}

impl Story {
    fn new(rng: &mut Rng) -> Self {
        let accused = COUNTRIES[rng.below(COUNTRIES.len())];
        let mut target = accused;
        while target == accused {
            target = COUNTRIES[rng.below(COUNTRIES.len())];
        }
        let words: Vec<&str> = (0..3).map(|_| rng.pick(QUOTE_WORDS)).collect();
        Self {
            accused,
            target,
            region: rng.name(),
            village: rng.name(),
            weapon: rng.pick(WEAPONS),
            killed: 2 + rng.below(30),
            minister: rng.person(),
            denier: rng.person(),
            quote: format!(
                "We will {} our people, {} every {} and {} those who attacked {}",
                words[0],
                words[1],
                rng.pick(NOUNS),
                words[2],
                rng.name()
            ),
            day: 1 + rng.below(28),
        }
    }
}

/// One outlet's article about a story: a report, a denial or a follow-up,
/// among background sentences.
fn article(story: &Story, outlet: usize, rng: &mut Rng) -> String {
    let (accused, accused_demonym, _) = story.accused;
    let (target, target_demonym, target_capital) = story.target;
    let mut text = format!(
        "---\ntitle: {} strike on {}\noutlet: Wire {outlet}\ndate: 2024-05-{:02}\n---\n",
        story.weapon,
        story.village,
        story.day + rng.below(2)
    );
    let mut sentences = vec![format!(
        "A {} struck the village of {} in {target} early on Tuesday, officials in {target_capital} said.",
        story.weapon, story.village
    )];
    match outlet % 3 {
        0 => sentences.push(format!(
            "State television quoted unnamed sources as saying that the {} had taken off from an air base in {accused}'s {} region.",
            story.weapon, story.region
        )),
        1 => sentences.push(format!(
            "{accused}'s defence ministry spokesman {} said that {accused_demonym} territory has never been used for attacks on its neighbours.",
            story.denier
        )),
        _ => sentences.push(format!(
            "At least {} people were killed in the attack, according to the {target_demonym} health ministry.",
            story.killed + rng.below(3)
        )),
    }
    sentences.push(format!(
        "\"{},\" {target_demonym} {} {} said.",
        story.quote,
        ROLES[outlet % ROLES.len()],
        story.minister
    ));
    for _ in 0..15 + rng.below(10) {
        let place = if rng.below(2) == 0 { story.village.clone() } else { rng.name() };
        sentences.push(format!(
            "The {} {} in {place} was {} on {}, {} said.",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(VERBS),
            ["Monday", "Wednesday", "Friday"][rng.below(3)],
            rng.person()
        ));
    }
    for sentence in sentences {
        let _ = writeln!(text, "{sentence}\n");
    }
    text
}

fn main() {
    let articles: usize = std::env::args().nth(1).map_or(1000, |n| n.parse().expect("a number of articles"));
    let mut rng = Rng(7);
    let stories: Vec<Story> = (0..STORIES).map(|_| Story::new(&mut rng)).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = 0;
    for i in 0..articles {
        let text = article(&stories[i % STORIES], i, &mut rng);
        bytes += text.len();
        fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
    }
    println!("profile: {}", if cfg!(debug_assertions) { "debug" } else { "release" });
    println!("corpus: {articles} articles, {} KiB", bytes / 1024);

    let started = Instant::now();
    let (settings, config_errors) = settings_for(&[dir.path().to_path_buf()]);
    assert!(config_errors.is_empty());
    let (mut workspace, problems) = Workspace::index(settings);
    assert!(problems.articles.is_empty());
    println!(
        "index at start-up: {:?} ({} documents, {} claims)",
        started.elapsed(),
        workspace.corpus.documents.len(),
        workspace.corpus.claims.len()
    );

    let mut open_times = Vec::new();
    let mut edit_times = Vec::new();
    let mut findings = BTreeMap::new();
    for i in (0..articles).step_by((articles / 20).max(1)) {
        let path = dir.path().join(format!("{i:04}.txt"));
        let text = fs::read_to_string(&path).unwrap();
        workspace.open(path.clone(), path_to_uri(&path).unwrap(), text, 1);
        let started = Instant::now();
        workspace.check(&path);
        open_times.push(started.elapsed());

        // A keystroke's worth of change, checked as after the debounce.
        let article = workspace.article_mut(&path).unwrap();
        article.text.push_str("Officials said the claims were baseless.\n");
        article.stale = true;
        let started = Instant::now();
        workspace.check(&path);
        edit_times.push(started.elapsed());
        if std::env::var_os("BREAKDOWN").is_some() {
            breakdown(&workspace, workspace.article(&path).unwrap().checked.as_ref().unwrap().doc);
        }
        for finding in &workspace.article(&path).unwrap().checked.as_ref().unwrap().findings {
            *findings.entry(finding.rule.clone()).or_insert(0_usize) += 1;
        }
    }
    println!("re-check on open, {} articles: {}", open_times.len(), summary(&mut open_times));
    println!("re-check after an edit, {} articles: {}", edit_times.len(), summary(&mut edit_times));
    let per_article: Vec<String> =
        findings.iter().map(|(rule, n)| format!("{rule} {:.1}", *n as f64 / edit_times.len() as f64)).collect();
    println!("findings per checked article, by rule: {}", per_article.join(", "));
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    format!("min {:?}, median {:?}, max {:?}", times[0], times[times.len() / 2], times[times.len() - 1])
}

/// Where one re-check's time goes: alignment, then each rule alone (with
/// `BREAKDOWN=1` in the environment).
fn breakdown(workspace: &Workspace, doc: usize) {
    let corpus = &workspace.corpus;
    let docs = std::collections::BTreeSet::from([doc]);
    let t = Instant::now();
    let pairs = gainsay::align::candidates_involving(corpus, &docs);
    println!("  align: {:?} ({} pairs)", t.elapsed(), pairs.len());
    for rule in &workspace.pack.rules {
        let t = Instant::now();
        let n = gainsay::rules::evaluate_involving(corpus, std::slice::from_ref(rule), &pairs, &docs).len();
        println!("  {}: {:?} ({n})", rule.id, t.elapsed());
    }
}
