//! A deterministic synthetic news corpus for benchmarks and recall
//! measurement, shared by `examples/gen_corpus.rs` (the command line) and
//! the criterion benches.
//!
//! Each synthetic event (a drone, missile or rocket striking a village in
//! one country, reportedly launched from a region of another) is covered by
//! several outlets: a report, a denial by officials of the accused country,
//! a follow-up with figures and quotations. Contradictions are planted at a
//! known rate and listed in `DIR/ground-truth.json`; vocabulary, places,
//! names and sentence shapes vary so blocking works as on real news.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (SplitMix64): reproducible corpora from a
/// seed. Shared with `examples/lsp_recheck.rs`.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n fits in usize")
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn pick_string(&mut self, items: &[String]) -> String {
        items[self.below(items.len())].clone()
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
}

/// Countries the default gazetteer knows: name, demonym, capital.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Romania", "Romanian", "Bucharest"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Poland", "Polish", "Warsaw"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Kosovo", "Kosovar", "Pristina"),
    ("Colombia", "Colombian", "Bogota"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("Tajikistan", "Tajik", "Dushanbe"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Eritrea", "Eritrean", "Asmara"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Syria", "Syrian", "Damascus"),
    ("Mali", "Malian", "Bamako"),
    ("Niger", "Nigerien", "Niamey"),
    ("Cambodia", "Cambodian", "Phnom Penh"),
    ("Thailand", "Thai", "Bangkok"),
];

const SYLLABLES: &[&str] = &[
    "va", "ro", "mir", "tel", "ka", "sor", "bel", "dan", "ze", "lu", "tor", "an", "ki", "mo", "ra", "vel", "no", "gra",
    "shi", "der", "po", "lin", "ta", "bor", "es", "ul", "mer", "si", "ko", "ve",
];
const GIVEN: &[&str] = &[
    "Andrei", "Elena", "Mihai", "Ioana", "Pavel", "Olena", "Tomas", "Nadia", "Karim", "Leyla", "Rustam", "Aziz",
    "Marta", "Jonas", "Farid", "Sara", "Dmitri", "Ana", "Luis", "Rosa", "Omar", "Lina", "Viktor", "Maya",
];
const OUTLET_A: &[&str] =
    &["Northern", "Daily", "Evening", "Capital", "Border", "Central", "Morning", "Eastern", "Free", "National"];
const OUTLET_B: &[&str] =
    &["Ledger", "Courier", "Herald", "Monitor", "Dispatch", "Tribune", "Observer", "Gazette", "Wire", "Post"];
const NOUNS: &[&str] = &["drone", "missile", "rocket"];
const SUBTYPES: &[&str] = &["region", "province", "district"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The rate at which each kind of contradiction is planted in an event.
const PLANT_RATE: f64 = 0.5;

/// A larger corpus is a longer archive, not a denser world: events are
/// spread over one year per this many events (and ten years at least, which
/// is what 10,000 articles fill), so a state is accused as often a month at
/// 100k articles as at 10k, and the contradictions to find grow with the
/// corpus rather than with its square.
const EVENTS_PER_YEAR: usize = 334;

/// The last year events fall in.
const LAST_YEAR: usize = 2024;

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(rng.pick(SYLLABLES));
    }
    let mut chars = out.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// A new place name, never used before in this corpus.
fn unique_word(rng: &mut Rng, used: &mut std::collections::HashSet<String>, syllables: usize) -> String {
    // Longer names when shorter ones run out, so large corpora still end.
    for attempt in 0.. {
        let extra = rng.below(2) + attempt / 8;
        let name = word(rng, syllables + extra);
        if used.insert(name.clone()) {
            return name;
        }
    }
    unreachable!("some name length has room")
}

struct Person {
    given: &'static str,
    surname: String,
}

impl Person {
    fn new(rng: &mut Rng) -> Self {
        let syllables = 2 + rng.below(2);
        let surname = word(rng, syllables) + rng.pick(&["ov", "escu", "enko", "ic", "ani", "er", "ez"]);
        Self { given: rng.pick(GIVEN), surname }
    }

    fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

struct Event {
    victim: (&'static str, &'static str, &'static str),
    accused: (&'static str, &'static str, &'static str),
    region: String,
    subtype: &'static str,
    village: String,
    noun: &'static str,
    day: usize,
    month: usize,
    year: usize,
    spokesperson: Person,
    minister: Person,
    killed: usize,
    range_km: usize,
}

#[derive(Default)]
struct Truth {
    entries: Vec<String>,
}

impl Truth {
    fn plant(&mut self, rule: &str, a: &str, b: &str) {
        self.entries.push(format!("{{\"rule\": \"{rule}\", \"files\": [\"{a}\", \"{b}\"]}}"));
    }
}

fn chrome_top(rng: &mut Rng, outlet: &str) -> String {
    let mut out = format!("{outlet}\n\n");
    for item in ["World", "Politics", "Economy", "Sport", "Opinion"].iter().take(2 + rng.below(4)) {
        let _ = writeln!(out, "  • {item}");
    }
    out.push('\n');
    out
}

fn chrome_bottom(rng: &mut Rng) -> String {
    let mut out = String::from("\nMost Read\n\n");
    for _ in 0..3 {
        let _ = writeln!(out, "{} {} wins {} award\n", word(rng, 2), word(rng, 2), word(rng, 2));
    }
    out.push_str("Share this page\n");
    out
}

fn dateline(event: &Event, offset: usize) -> String {
    format!("{} {} {}", MONTHS[event.month], (event.day + offset).min(28), event.year)
}

fn report(rng: &mut Rng, event: &Event, outlet: &str) -> String {
    let (victim, _, _) = event.victim;
    let (accused, _, _) = event.accused;
    let opener = [
        format!(
            "A {} struck farmland near the village of {} in {victim}, killing {} people, police said.",
            event.noun, event.village, event.killed
        ),
        format!(
            "At least {} people were killed when a {} hit the village of {} in {victim}, officials said.",
            event.killed, event.noun, event.village
        ),
        format!(
            "A {} crashed near the village of {} in eastern {victim}, killing {} people, local officials said.",
            event.noun, event.village, event.killed
        ),
    ];
    let origin = [
        format!(
            "Two military sources said the {} was launched from the {} {} of {accused}.",
            event.noun, event.region, event.subtype
        ),
        format!(
            "Officials familiar with the investigation said the {} had been fired from {accused}'s {} {}.",
            event.noun, event.region, event.subtype
        ),
        format!(
            "According to unnamed sources, the {} took off from the {} {} of {accused}.",
            event.noun, event.region, event.subtype
        ),
    ];
    let range = format!("One of the sources said the {} had a range of {} kilometres.", event.noun, event.range_km);
    format!(
        "---\ntitle: {} strikes {victim} village\noutlet: {outlet}\ndate: {}-{:02}-{:02}\n---\n{}\n\n{}\n\n{range}\n\nInvestigators were still at the scene on {}.\n",
        capitalise(event.noun),
        event.year,
        event.month + 1,
        event.day,
        rng.pick_string(&opener),
        rng.pick_string(&origin),
        rng.pick(&["Tuesday", "Wednesday", "Thursday"]),
    )
}

fn denial(rng: &mut Rng, event: &Event, outlet: &str, contradicts: bool, variant: bool) -> String {
    let (accused, demonym, capital) = event.accused;
    let speaker = &event.spokesperson;
    let surname = if variant { format!("{}i", speaker.surname) } else { speaker.surname.clone() };
    let denial = if contradicts {
        [
            format!(
                "{accused}'s defence ministry spokesperson, {}, said {demonym} territory had not been used for any launch.",
                speaker.full()
            ),
            format!(
                "{demonym} defence ministry spokesperson {} said {accused} had never allowed its territory to be used for attacks on its neighbours.",
                speaker.full()
            ),
            format!(
                "{accused}'s defence ministry spokesperson, {}, denied that any {} had been launched from {demonym} territory.",
                speaker.full(),
                event.noun
            ),
        ]
    } else {
        [
            format!(
                "{accused}'s defence ministry spokesperson, {}, said the ministry would publish its annual report next month.",
                speaker.full()
            ),
            format!(
                "{demonym} defence ministry spokesperson {} said the army had finished its winter exercises.",
                speaker.full()
            ),
            format!(
                "{accused}'s defence ministry spokesperson, {}, said new barracks would open in the spring.",
                speaker.full()
            ),
        ]
    };
    let quotes = [
        format!("We have nothing to hide about {} and we will share our radar records", event.region),
        format!("Our air defences tracked nothing over {} that night", event.region),
        format!("The people of {} deserve the truth about what happened", event.village),
    ];
    let quote = format!("\"{},\" {surname} told reporters in {capital}.", rng.pick_string(&quotes));
    let chrome = rng.chance(0.3);
    format!(
        "{}By Staff - {}\n\n{}\n\n{quote}\n\nThe ministry gave no further details.\n{}",
        if chrome { chrome_top(rng, outlet) } else { String::new() },
        dateline(event, 1),
        rng.pick_string(&denial),
        if chrome { chrome_bottom(rng) } else { String::new() },
    )
}

fn follow_up(rng: &mut Rng, event: &Event, outlet: &str, mismatch: bool) -> String {
    let (victim, victim_demonym, _) = event.victim;
    let killed = if mismatch { event.killed + 5 + rng.below(10) } else { event.killed };
    let minister = &event.minister;
    format!(
        "---\noutlet: {outlet}\ndate: {}-{:02}-{:02}\n---\nThe {} that hit {} killed {killed} people, {victim_demonym} officials said.\n\n{victim}'s defence minister, {}, visited the village on {}.\n\nThe government promised compensation to the families.\n",
        event.year,
        event.month + 1,
        (event.day + 2).min(28),
        event.noun,
        event.village,
        minister.full(),
        rng.pick(&["Friday", "Saturday", "Sunday"]),
    )
}

/// One holder of each office per country and year, as in the world: two
/// articles from one year name the same person.
fn official_of(country: &str, office: &str, year: usize, seed: u64) -> Person {
    let mut hash = seed ^ (year as u64).wrapping_mul(0x0100_0000_01B3);
    for byte in country.bytes().chain(office.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
    }
    Person::new(&mut Rng(hash))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// Writes `articles` articles generated from `seed` under `out`, with
/// `out/ground-truth.json` listing the planted contradictions.
pub fn generate(articles: usize, seed: u64, out: &Path) {
    std::fs::create_dir_all(out).expect("create the output folder");
    let mut rng = Rng(seed);
    let mut truth = Truth::default();
    let mut written = 0;
    let mut event_index = 0;
    // Place names are unique: a real region name names one region.
    let mut used_names = std::collections::HashSet::new();
    let years = (articles.div_ceil(3) / EVENTS_PER_YEAR).max(10);
    while written < articles {
        let victim = rng.pick(COUNTRIES);
        let mut accused = rng.pick(COUNTRIES);
        while accused.0 == victim.0 {
            accused = rng.pick(COUNTRIES);
        }
        let year = LAST_YEAR + 1 - years + rng.below(years);
        let event = Event {
            victim,
            accused,
            region: unique_word(&mut rng, &mut used_names, 2),
            subtype: rng.pick(SUBTYPES),
            village: unique_word(&mut rng, &mut used_names, 3),
            noun: rng.pick(NOUNS),
            day: 1 + rng.below(26),
            month: rng.below(12),
            year,
            spokesperson: official_of(accused.0, "spokesperson", year, seed),
            minister: official_of(victim.0, "minister", year, seed),
            killed: 2 + rng.below(30),
            range_km: 100 + rng.below(400),
        };
        let folder = out.join(format!("{:03}", event_index / 1000));
        std::fs::create_dir_all(&folder).expect("create a shard folder");
        let name = |kind: &str| format!("{:03}/event{event_index:06}-{kind}.md", event_index / 1000);
        let outlet = |rng: &mut Rng| format!("{} {}", rng.pick(OUTLET_A), rng.pick(OUTLET_B));
        let contradicts = rng.chance(PLANT_RATE);
        let variant = rng.chance(PLANT_RATE / 2.0);
        let mismatch = rng.chance(PLANT_RATE / 2.0);
        let (report_name, denial_name, follow_name) = (name("report"), name("denial"), name("follow-up"));
        let o1 = outlet(&mut rng);
        let o2 = outlet(&mut rng);
        let o3 = outlet(&mut rng);
        let files = [
            (report_name.clone(), report(&mut rng, &event, &o1)),
            (denial_name.clone(), denial(&mut rng, &event, &o2, contradicts, variant)),
            (follow_name.clone(), follow_up(&mut rng, &event, &o3, mismatch)),
        ];
        for (file, text) in files.iter().take(articles - written) {
            std::fs::write(out.join(file), text).expect("write an article");
            written += 1;
        }
        if contradicts {
            truth.plant("origin-vs-denial", &report_name, &denial_name);
        }
        if variant {
            truth.plant("name-variant", &denial_name, &denial_name);
        }
        if mismatch {
            truth.plant("numeric-mismatch", &report_name, &follow_name);
        }
        event_index += 1;
    }
    let json = format!(
        "{{\n  \"articles\": {articles},\n  \"events\": {event_index},\n  \"seed\": {seed},\n  \"planted\": [\n    {}\n  ]\n}}\n",
        truth.entries.join(",\n    ")
    );
    std::fs::write(out.join("ground-truth.json"), json).expect("write the ground truth");
    eprintln!("wrote {articles} articles about {event_index} events to {}", out.display());
}
