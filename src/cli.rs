//! Command-line flags, turned into one validated settings value before any
//! work starts. The library does the work; this module only parses and
//! dispatches, and maps outcomes to exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use gainsay::report::{self, Format, Style};
use gainsay::{Pack, Severity};

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "gainsay", version, about = "Finds where news articles from different sources contradict each other")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles (files or folders of .txt/.md) for contradictions between sources.
    Check(CheckArgs),
    /// Print sentences with byte spans, one JSON object per line.
    Segment {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the claims extracted from articles, one JSON object per line.
    Claims {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// List the active rules, or test a rule pack's examples.
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// Print a rule's documentation and examples.
    Explain {
        rule: String,
        #[command(flatten)]
        packs: PackArgs,
    },
}

#[derive(Debug, Subcommand)]
enum RulesAction {
    /// Run every rule's own examples; with DIR, that pack's rules.
    Test { dir: Option<PathBuf> },
}

#[derive(Debug, clap::Args)]
struct PackArgs {
    /// Add a rule pack folder (its rules override default rules with the same id).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Articles or folders to check.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    packs: PackArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Full)]
    format: FormatArg,
    /// Exit with 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// When to use colour in the full format.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
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
}

impl LimitArgs {
    fn limits(&self) -> gainsay::Limits {
        gainsay::Limits {
            max_file_bytes: self.max_file_size,
            max_sentence_bytes: usize::try_from(self.max_sentence_length).unwrap_or(usize::MAX),
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Full,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// Runs the command and returns the exit code.
    pub fn run(self) -> io::Result<u8> {
        match self.command {
            Command::Check(args) => check(&args),
            Command::Segment { paths } => segment(&paths),
            Command::Claims { paths, packs } => claims(&paths, &packs),
            Command::Rules { action: None, packs } => list_rules(&packs),
            Command::Rules { action: Some(RulesAction::Test { dir }), packs } => test_rules(dir, &packs),
            Command::Explain { rule, packs } => explain(&rule, &packs),
        }
    }
}

fn load_pack(packs: &PackArgs) -> Option<Pack> {
    match Pack::load(&packs.rules) {
        Ok(pack) => Some(pack),
        Err(errors) => {
            for error in errors {
                eprintln!("{:?}", miette::Report::new(error));
            }
            None
        }
    }
}

fn check(args: &CheckArgs) -> io::Result<u8> {
    let Some(pack) = load_pack(&args.packs) else {
        return Ok(EXIT_ERROR);
    };
    let mut outcome = gainsay::check_with(&args.paths, &pack, &args.limits.limits());
    let input_failed = outcome.input_errors.iter().any(is_fatal);
    for error in outcome.input_errors.drain(..) {
        eprintln!("{:?}", miette::Report::new(error));
    }
    let stdout_tty = io::stdout().is_terminal();
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => stdout_tty && std::env::var_os("NO_COLOR").is_none(),
    };
    let format = match args.format {
        FormatArg::Full => Format::Full,
        FormatArg::Json => Format::Json,
    };
    let style = Style { color, width: if stdout_tty { terminal_width() } else { 100 } };
    let mut out = io::stdout().lock();
    report::emit(format, style, &outcome.corpus, &outcome.findings, &mut out)?;
    out.flush()?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| outcome.findings.iter().any(|f| f.severity >= t));
    Ok(if input_failed {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        0
    })
}

fn is_fatal(error: &gainsay::ingest::InputError) -> bool {
    error.is_fatal()
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100)
}

fn segment(paths: &[PathBuf]) -> io::Result<u8> {
    let Some(pack) = load_pack(&PackArgs { rules: Vec::new() }) else {
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    let mut status = 0;
    for path in paths {
        match gainsay::ingest::read_article(path) {
            Ok(text) => {
                for span in pack.segmenter.split(&text) {
                    let line = serde_json::json!({
                        "path": path.display().to_string(),
                        "start": span.start,
                        "end": span.end,
                        "text": &text[span],
                    });
                    writeln!(out, "{line}")?;
                }
            }
            Err(error) => {
                eprintln!("{:?}", miette::Report::new(error));
                status = EXIT_ERROR;
            }
        }
    }
    Ok(status)
}

fn claims(paths: &[PathBuf], packs: &PackArgs) -> io::Result<u8> {
    let Some(pack) = load_pack(packs) else {
        return Ok(EXIT_ERROR);
    };
    let mut outcome = gainsay::check(paths, &pack);
    let input_failed = outcome.input_errors.iter().any(is_fatal);
    for error in outcome.input_errors.drain(..) {
        eprintln!("{:?}", miette::Report::new(error));
    }
    let mut out = io::stdout().lock();
    for line in gainsay::claims::describe(&outcome.corpus) {
        writeln!(out, "{line}")?;
    }
    Ok(if input_failed { EXIT_ERROR } else { 0 })
}

fn list_rules(packs: &PackArgs) -> io::Result<u8> {
    let Some(pack) = load_pack(packs) else {
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    for rule in &pack.rules {
        writeln!(out, "{:<22} {:<8} {:<8} {}", rule.id, rule.severity, rule.origin, rule.summary)?;
    }
    Ok(0)
}

fn test_rules(dir: Option<PathBuf>, packs: &PackArgs) -> io::Result<u8> {
    let mut user = packs.rules.clone();
    user.extend(dir.clone());
    let Some(pack) = load_pack(&PackArgs { rules: user }) else {
        return Ok(EXIT_ERROR);
    };
    let origin = dir.map(|d| d.display().to_string());
    let mut failures = 0;
    let mut examples = 0;
    for rule in pack.rules.iter().filter(|r| origin.as_ref().is_none_or(|o| *o == r.origin)) {
        examples += rule.examples.len();
        for failure in gainsay::rules::run_examples(&pack, rule) {
            failures += 1;
            eprintln!(
                "{:?}",
                miette::miette!(code = "gainsay::rules::example", "{failure}").wrap_err(rule.path.clone())
            );
        }
    }
    writeln!(io::stdout(), "rule examples: {} passed, {failures} failed", examples - failures)?;
    Ok(if failures > 0 { EXIT_FINDINGS } else { 0 })
}

fn explain(id: &str, packs: &PackArgs) -> io::Result<u8> {
    let Some(pack) = load_pack(packs) else {
        return Ok(EXIT_ERROR);
    };
    let Some(rule) = pack.rule(id) else {
        eprintln!(
            "{:?}",
            miette::miette!(code = "gainsay::usage", help = "`gainsay rules` lists the rule ids", "no rule `{id}`")
        );
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{} ({}, from {})\n\n{}\n", rule.id, rule.severity, rule.path, rule.summary)?;
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
