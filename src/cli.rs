//! Command-line flags, turned into one validated settings value
//! ([`gainsay::Settings`], where the config file and flags meet) before
//! any work starts. The library does the work; this module only parses,
//! dispatches, prints and maps outcomes to exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use gainsay::config::{ConfigSource, FailOn, Flags};
use gainsay::lint::{self, Checked};
use gainsay::report::{self, Format, Report, Style};
use gainsay::visible::{Layout, Visible, escape};
use gainsay::{Pack, Settings, Severity};

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "gainsay", version, about = "Finds where news articles from different sources contradict each other")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to use colour: auto follows the terminal and `NO_COLOR`.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    color: ColorArg,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles (files or folders of .txt/.md) for contradictions between sources.
    Check(CheckArgs),
    /// Write the findings of a check to the baseline file; later checks report only new ones.
    Baseline(RunArgs),
    /// Extract the claims of a corpus once and save them, for `check --index`.
    Index {
        /// Articles or folders to index.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The index file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Print the sentences a check reads, with byte spans, one JSON object
    /// per line.
    Segment {
        /// Articles to split into sentences.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the claims extracted from articles, one JSON object per line.
    Claims {
        /// Articles or folders to read claims from.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// List the active rules, or test a rule pack's examples.
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Print a rule's documentation and examples.
    Explain {
        /// The rule's id, as `gainsay rules` lists it.
        rule: String,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Serve the Language Server Protocol on stdin/stdout, for editors.
    Lsp,
}

#[derive(Debug, Subcommand)]
enum RulesAction {
    /// Run every rule's own examples; with DIR, that pack's rules.
    Test {
        /// A rule pack folder; without it, the active rules.
        dir: Option<PathBuf>,
    },
}

/// Flags that replace keys of `gainsay.toml`.
#[derive(Debug, clap::Args)]
struct SettingsArgs {
    /// Read this config file instead of the `gainsay.toml` found from the working directory up.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// Read no config file.
    #[arg(long, conflicts_with = "config", global = true)]
    no_config: bool,
    /// Rule pack folders to add to the default one (replaces `rules` in the config).
    #[arg(long = "rules", value_name = "DIR", global = true)]
    rules: Vec<PathBuf>,
    /// Run only these rules, comma-separated or repeated (replaces `select`).
    #[arg(long, value_name = "RULE", value_delimiter = ',', global = true)]
    select: Vec<String>,
    /// Never run these rules, comma-separated or repeated (replaces `ignore`).
    #[arg(long, value_name = "RULE", value_delimiter = ',', global = true)]
    ignore: Vec<String>,
}

/// What `check` and `baseline` read.
#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Articles or folders to check; `-` reads one article from standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Check PATHS against these articles or folders and report only findings involving PATHS;
    /// repeat for more (replaces `corpus`).
    #[arg(long, value_name = "DIR")]
    corpus: Vec<PathBuf>,
    /// The baseline file (replaces `baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Check PATHS against a saved index (`gainsay index`) instead of a corpus.
    #[arg(long, value_name = "FILE", conflicts_with = "corpus")]
    index: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Report findings the baseline holds too.
    #[arg(long, conflicts_with = "baseline")]
    no_baseline: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Full)]
    format: FormatArg,
    /// Exit with 1 when a finding reaches this severity (replaces `fail-on`; default warning).
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Print counts per rule instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Print nothing but errors: error-severity findings and problems with inputs or settings.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Input limits: what is over them is skipped with a diagnostic.
#[derive(Debug, clap::Args)]
struct LimitArgs {
    /// Skip (and report) files larger than this: bytes, or with K, M, G.
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = gainsay::limits::parse_size)]
    max_file_size: u64,
    /// Skip (and report) sentences longer than this: bytes, or with K, M, G.
    #[arg(long, value_name = "SIZE", default_value = "64KiB", value_parser = gainsay::limits::parse_size)]
    max_sentence_length: u64,
    /// Follow symbolic links inside folders, never out of the folder given (by default they are
    /// skipped; a path given by name is always read).
    #[arg(long, short = 'L')]
    follow: bool,
}

impl LimitArgs {
    fn limits(&self) -> gainsay::Limits {
        gainsay::Limits {
            max_file_bytes: self.max_file_size,
            max_sentence_bytes: usize::try_from(self.max_sentence_length).unwrap_or(usize::MAX),
            follow_links: self.follow,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Full,
    Concise,
    Json,
    JsonLines,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// Runs the command and returns the exit code.
    pub fn run(self) -> io::Result<u8> {
        let color = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        if self.color != ColorArg::Auto {
            let _ =
                miette::set_hook(Box::new(move |_| Box::new(miette::MietteHandlerOpts::new().color(color).build())));
        }
        match self.command {
            Command::Check(args) => check(&args, color),
            Command::Baseline(args) => baseline(&args),
            Command::Index { paths, output, settings } => index(&paths, &output, &settings),
            Command::Segment { paths } => segment(&paths),
            Command::Claims { paths, settings } => claims(&paths, &settings),
            Command::Rules { action: None, settings } => list_rules(&settings),
            Command::Rules { action: Some(RulesAction::Test { dir }), settings } => test_rules(dir, &settings),
            Command::Explain { rule, settings } => explain(&rule, &settings),
            Command::Lsp => gainsay::lsp::serve_stdio(),
        }
    }
}

fn print_errors<E: miette::Diagnostic>(errors: impl IntoIterator<Item = E>) {
    for error in errors {
        print_diagnostic(&error);
    }
}

/// Prints a diagnostic on stderr, with what inputs put in it escaped.
fn print_diagnostic(diagnostic: &dyn miette::Diagnostic) {
    print_to_stderr(format_args!("{:?}", miette::Report::new(Visible::new(diagnostic))));
}

/// Writes a line to stderr. Stderr is where failures are told: when it
/// cannot be written (a full disk, a closed pipe), there is nowhere left
/// to tell, and the exit code still says what happened.
pub fn print_to_stderr(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// The settings from the config file and flags, or `None` after printing why not.
fn settings(args: &SettingsArgs, run: Option<&RunArgs>, check: Option<&CheckArgs>) -> io::Result<Option<Settings>> {
    let cwd = std::env::current_dir()?;
    let mut flags = Flags::discover(cwd);
    if args.no_config {
        flags.config = ConfigSource::Isolated;
    } else if let Some(path) = &args.config {
        flags.config = ConfigSource::File(path.clone());
    }
    let given = |v: &Vec<PathBuf>| (!v.is_empty()).then(|| v.clone());
    flags.rules = given(&args.rules);
    flags.select = (!args.select.is_empty()).then(|| args.select.clone());
    flags.ignore = (!args.ignore.is_empty()).then(|| args.ignore.clone());
    if let Some(run) = run {
        flags.corpus = given(&run.corpus);
        flags.baseline.clone_from(&run.baseline);
        flags.index.clone_from(&run.index);
    }
    if let Some(check) = check {
        flags.progress = !check.quiet;
        flags.limits = check.limits.limits();
        flags.no_baseline = check.no_baseline;
        flags.fail_on = check.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        });
    }
    match Settings::resolve(&flags) {
        Ok(settings) => Ok(Some(settings)),
        Err(errors) => {
            print_errors(errors);
            Ok(None)
        }
    }
}

/// Prints input errors; returns whether any was more than a warning.
fn print_input_errors(checked: &mut Checked) -> bool {
    let fatal = checked.outcome.input_errors.iter().any(is_fatal);
    print_errors(checked.outcome.input_errors.drain(..));
    fatal
}

fn check(args: &CheckArgs, color: bool) -> io::Result<u8> {
    let Some(settings) = settings(&args.run.settings, Some(&args.run), Some(args))? else {
        return Ok(EXIT_ERROR);
    };
    let mut checked = match lint::check(&args.run.paths, &settings) {
        Ok(checked) => checked,
        Err(error) => {
            print_errors([error]);
            return Ok(EXIT_ERROR);
        }
    };
    let input_failed = print_input_errors(&mut checked);
    let format = match args.format {
        FormatArg::Full => Format::Full,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::JsonLines => Format::JsonLines,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let style = Style { color, width: Style::width(std::env::var("COLUMNS").ok().as_deref(), terminal_width()) };
    let findings: std::borrow::Cow<[gainsay::Finding]> = if format.groups_findings() {
        gainsay::rules::group(checked.outcome.findings.clone()).into()
    } else {
        checked.outcome.findings.as_slice().into()
    };
    let shown = if args.quiet {
        findings.iter().filter(|f| f.severity == Severity::Error).cloned().collect()
    } else {
        findings
    };
    // Standard output flushes at every newline; a report of many findings
    // would be a write per line.
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.statistics {
        report::statistics(&shown, matches!(format, Format::Json | Format::JsonLines), &mut out)?;
    } else {
        let view = Report { corpus: &checked.outcome.corpus, findings: &shown, rules: &settings.pack.rules };
        report::emit(format, style, &view, &mut out)?;
        if format.is_for_people() && !args.quiet {
            // Counted as the findings shown are: grouped.
            let baselined = gainsay::rules::group(checked.baselined.clone()).len();
            writeln!(out, "{}", report::summary(&shown, baselined))?;
        }
    }
    out.flush()?;
    let code = if input_failed {
        EXIT_ERROR
    } else if checked.fails(&settings) {
        EXIT_FINDINGS
    } else {
        0
    };
    // The process ends next, and the system takes its memory back whole:
    // freeing a large corpus allocation by allocation only costs time.
    drop(shown);
    std::mem::forget(checked);
    Ok(code)
}

fn baseline(args: &RunArgs) -> io::Result<u8> {
    let Some(settings) = settings(&args.settings, Some(args), None)? else {
        return Ok(EXIT_ERROR);
    };
    let (mut checked, path) = match lint::write_baseline(&args.paths, &settings) {
        Ok(written) => written,
        Err(error) => {
            print_errors([error]);
            return Ok(EXIT_ERROR);
        }
    };
    let input_failed = print_input_errors(&mut checked);
    let n = checked.outcome.findings.len();
    let path = path.display().to_string();
    writeln!(io::stdout(), "Wrote {n} finding{} to {}.", if n == 1 { "" } else { "s" }, escape(&path, Layout::Line))?;
    Ok(if input_failed { EXIT_ERROR } else { 0 })
}

fn is_fatal(error: &gainsay::ingest::InputError) -> bool {
    error.is_fatal()
}

/// The width of the terminal on standard output, if it is one.
fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size_of(io::stdout()).map(|(terminal_size::Width(w), _)| usize::from(w))
}

fn segment(paths: &[PathBuf]) -> io::Result<u8> {
    let pack = match Pack::embedded() {
        Ok(pack) => pack,
        Err(errors) => {
            print_errors(errors);
            return Ok(EXIT_ERROR);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut status = 0;
    for path in paths {
        match gainsay::ingest::read_article(path) {
            Ok(text) => {
                let (doc, _) = gainsay::ingest::Document::from_text(path.clone(), text, &pack.lexicon);
                let max_bytes = gainsay::limits::Limits::default().max_sentence_bytes;
                for span in gainsay::claims::sentences_read(&doc, &pack.segmenter, max_bytes) {
                    let line = serde_json::json!({
                        "path": path.display().to_string(),
                        "start": span.start,
                        "end": span.end,
                        "text": &doc.text[span],
                    });
                    writeln!(out, "{line}")?;
                }
            }
            Err(error) => {
                print_errors([error]);
                status = EXIT_ERROR;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

fn index(paths: &[PathBuf], output: &std::path::Path, args: &SettingsArgs) -> io::Result<u8> {
    let Some(settings) = settings(args, None, None)? else {
        return Ok(EXIT_ERROR);
    };
    match gainsay::index::build(paths, &settings.pack, output) {
        Ok(built) => {
            let failed = built.input_errors.iter().any(is_fatal);
            print_errors(built.input_errors);
            let output = output.display().to_string();
            print_to_stderr(format_args!(
                "Indexed {} articles ({} claims) into {}.",
                built.documents,
                built.claims,
                escape(&output, Layout::Line)
            ));
            Ok(if failed { EXIT_ERROR } else { 0 })
        }
        Err(error) => {
            print_errors([error]);
            Ok(EXIT_ERROR)
        }
    }
}

fn claims(paths: &[PathBuf], args: &SettingsArgs) -> io::Result<u8> {
    let Some(settings) = settings(args, None, None)? else {
        return Ok(EXIT_ERROR);
    };
    let mut outcome = gainsay::check(paths, &settings.pack);
    let input_failed = outcome.input_errors.iter().any(is_fatal);
    print_errors(outcome.input_errors.drain(..));
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in gainsay::claims::describe(&outcome.corpus) {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if input_failed { EXIT_ERROR } else { 0 })
}

fn list_rules(args: &SettingsArgs) -> io::Result<u8> {
    let Some(settings) = settings(args, None, None)? else {
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    let rows: Vec<[String; 4]> = settings
        .pack
        .rules
        .iter()
        .map(|rule| [rule.id.clone(), rule.severity.to_string(), rule.origin.clone(), rule.summary.clone()])
        .collect();
    let width = |column: usize| rows.iter().map(|row| row[column].chars().count()).max().unwrap_or(0);
    let (id, severity, origin) = (width(0), width(1), width(2));
    for [rule, level, from, summary] in &rows {
        writeln!(out, "{rule:<id$}  {level:<severity$}  {from:<origin$}  {summary}")?;
    }
    Ok(0)
}

fn test_rules(dir: Option<PathBuf>, args: &SettingsArgs) -> io::Result<u8> {
    let Some(settings) = settings(args, None, None)? else {
        return Ok(EXIT_ERROR);
    };
    // DIR is tested as given, even when the config names it too.
    let same = |a: &PathBuf, b: &PathBuf| a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
    let mut packs: Vec<PathBuf> =
        settings.packs.iter().filter(|p| dir.as_ref().is_none_or(|d| !same(p, d))).cloned().collect();
    packs.extend(dir.clone());
    let pack = match Pack::load(&packs) {
        Ok(pack) => pack,
        Err(errors) => {
            print_errors(errors);
            return Ok(EXIT_ERROR);
        }
    };
    let origin = dir.map(|d| d.display().to_string());
    let mut failures = 0;
    let mut examples = 0;
    for rule in pack.rules.iter().filter(|r| origin.as_ref().is_none_or(|o| *o == r.origin)) {
        examples += rule.examples.len();
        for failure in gainsay::rules::run_examples(&pack, rule) {
            failures += 1;
            let report = miette::miette!(code = "gainsay::rules::example", "{failure}").wrap_err(rule.path.clone());
            print_diagnostic(report.as_ref());
        }
    }
    writeln!(io::stdout(), "rule examples: {} passed, {failures} failed", examples - failures)?;
    Ok(if failures > 0 { EXIT_FINDINGS } else { 0 })
}

fn explain(id: &str, args: &SettingsArgs) -> io::Result<u8> {
    let Some(settings) = settings(args, None, None)? else {
        return Ok(EXIT_ERROR);
    };
    let active = settings.pack.rule(id);
    let Some(rule) = active.or_else(|| settings.deselected.iter().find(|r| r.id == id)) else {
        print_diagnostic(
            miette::miette!(code = "gainsay::usage", help = "`gainsay rules` lists the rule ids", "no rule `{id}`")
                .as_ref(),
        );
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{} ({}, from {})\n\n{}\n", rule.id, rule.severity, rule.path, rule.summary)?;
    if active.is_none() {
        writeln!(out, "Not active: the config's or flags' `select`/`ignore` leave it out.\n")?;
    }
    writeln!(out, "{}", rule.doc.trim())?;
    for example in &rule.examples {
        let expect = if example.should_fire { "fires" } else { "does not fire" };
        writeln!(out, "\nExample ({expect}): {}", example.name)?;
        for article in &example.articles {
            let outlet = article.outlet.as_deref().unwrap_or("an outlet");
            writeln!(out, "  {outlet}: {}", article.text.trim())?;
        }
    }
    Ok(0)
}
