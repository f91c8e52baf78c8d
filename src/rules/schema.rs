//! What a rule file says, read and checked. Every mistake in a rule file is
//! reported with a span inside it, like a compiler error.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::finding::Severity;
use super::template;
use crate::claims::{SourceKind, Stance};
use crate::lexicon::Lexicon;

/// A checked rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub check: Check,
    pub severity: Severity,
    /// One line for `gainsay rules`.
    pub summary: String,
    /// Message template; `{left.source}` and the like are filled in.
    pub message: String,
    pub help: Option<String>,
    pub url: Option<String>,
    /// What `gainsay explain` prints.
    pub doc: String,
    pub downgrades: Vec<Downgrade>,
    pub examples: Vec<Example>,
    /// Which pack the rule came from, and its file.
    pub origin: String,
    pub path: String,
}

/// The closed set of checks rule files pick from.
#[derive(Debug, Clone)]
pub enum Check {
    /// Two claims whose frames match the two patterns and the relations.
    ClaimPair { left: Box<ClaimPattern>, right: Box<ClaimPattern>, relations: Vec<Relation>, min_similarity: f64 },
    /// Two figures for the same measure that differ beyond a tolerance.
    /// Figures of a `stable` dimension (a bridge's length) are not revised
    /// as a story goes on: time apart does not excuse them.
    QuantityPair { tolerance: f64, min_similarity: f64, stable: Vec<String> },
    /// Two quotations alike enough, by the same or different speakers.
    QuotePair { speakers: SpeakerRelation, min_similarity: f64, max_similarity: f64 },
    /// One person's surname spelled two ways.
    NamePair,
    /// Two people named as holder of one role.
    RolePair,
}

/// Conditions on one side of a claim pair.
#[derive(Debug, Clone)]
pub struct ClaimPattern {
    /// Frame kind indices in the lexicon; a frame of any of them fits.
    pub frames: Vec<usize>,
    /// Allowed stances; empty allows all.
    pub stances: Vec<Stance>,
    /// Allowed kinds of source; empty allows all.
    pub sources: Vec<SourceKind>,
    /// Arguments the frame must have.
    pub requires: Vec<Argument>,
}

/// A frame argument a pattern can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Argument {
    Agent,
    Origin,
    Place,
    Means,
}

/// How the two sides of a claim pair must relate. Every claim pair is
/// also of one incident (see [`crate::align::incident`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The left frame's origin (or place) lies within the state the right
    /// side speaks for, or that its denial names.
    OriginWithinAffiliation,
    /// The left frame's actor is the right side's speaker (its state or
    /// body), and not the left side's own.
    AccusedIsAffiliation,
    /// The right frame is about the act the left one is: one of the acts
    /// an accusation names, a frame of the same or a kindred kind, a denial
    /// of the report as such, or a clause saying much the same.
    SameAct,
    /// Both frames have origins and neither lies within the other.
    OriginsDisjoint,
    /// Both frames are about the same thing: the same kind of means, the
    /// same target, or much the same words.
    SameEvent,
    /// Both frames name what was hit, and it is the same.
    SameTarget,
    /// The right frame speaks for the one the left frame blames, and blames
    /// the left frame's source instead.
    BlameShifted,
    /// The frames assert different means: a mine, a missile.
    MeansConflict,
}

/// Whether quotations must come from the same speaker or different ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerRelation {
    Same,
    Different,
}

/// A condition that lowers a finding's severity, and why.
#[derive(Debug, Clone)]
pub struct Downgrade {
    pub when: DowngradeWhen,
    pub to: Severity,
    pub because: String,
}

/// The closed set of downgrade conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DowngradeWhen {
    /// The related (right) side is a promise about the future.
    RightCommitment,
    /// Either side is hedged: alleged, rumoured.
    Hedged,
    /// Either side reports through unnamed sources.
    Reported,
    /// The articles' dates are at least this many days apart.
    DaysApart(i64),
    /// Either date is unknown, or they are at least this many days apart.
    NotContemporaneous(i64),
    /// Both sides are in one article, which reports the dispute.
    SameArticle,
}

/// An example a rule must fire on, or must not.
#[derive(Debug, Clone)]
pub struct Example {
    pub name: String,
    pub should_fire: bool,
    pub articles: Vec<ExampleArticle>,
}

/// One article of an example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleArticle {
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RuleFile {
    id: Spanned<String>,
    check: Spanned<String>,
    severity: Spanned<String>,
    summary: String,
    message: Spanned<String>,
    help: Option<String>,
    url: Option<String>,
    doc: String,
    left: Option<Spanned<PatternFile>>,
    right: Option<Spanned<PatternFile>>,
    #[serde(default)]
    relations: Vec<Spanned<String>>,
    min_similarity: Option<Spanned<f64>>,
    max_similarity: Option<Spanned<f64>>,
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    stable_dimensions: Vec<String>,
    speakers: Option<Spanned<String>>,
    #[serde(default)]
    downgrade: Vec<DowngradeFile>,
    #[serde(default)]
    examples: Vec<ExampleFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    frame: Option<Spanned<String>>,
    frames: Option<Vec<Spanned<String>>>,
    stance: Option<Spanned<String>>,
    stances: Option<Vec<Spanned<String>>>,
    sources: Option<Vec<Spanned<String>>>,
    requires: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DowngradeFile {
    when: Spanned<String>,
    to: Spanned<String>,
    because: String,
    days: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    name: String,
    expect: Spanned<String>,
    article: Vec<ExampleArticle>,
}

/// A mistake in a rule file: what and where.
#[derive(Debug)]
pub(super) struct SchemaError {
    pub message: String,
    pub span: Range<usize>,
}

fn error<T>(message: impl Into<String>, span: Range<usize>) -> Result<T, SchemaError> {
    Err(SchemaError { message: message.into(), span })
}

fn one_of<T: Copy>(value: &Spanned<String>, what: &str, choices: &[(&str, T)]) -> Result<T, SchemaError> {
    if let Some((_, choice)) = choices.iter().find(|(name, _)| name == value.get_ref()) {
        return Ok(*choice);
    }
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    error(format!("unknown {what} `{}`; expected one of: {}", value.get_ref(), names.join(", ")), value.span())
}

const SEVERITIES: &[(&str, Severity)] =
    &[("error", Severity::Error), ("warning", Severity::Warning), ("info", Severity::Info)];

impl RuleFile {
    /// Checks the file against the lexicon and turns it into a rule.
    pub(super) fn check(self, lexicon: &Lexicon, origin: &str, path: &str) -> Result<Rule, SchemaError> {
        let id = self.id.get_ref().clone();
        let kebab = !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !kebab {
            return error("a rule id is kebab-case: lowercase words joined by `-`", self.id.span());
        }
        let kind = self.check.get_ref().as_str();
        let pair_fields = [&self.left, &self.right];
        let check = self.check_kind(lexicon)?;
        if kind != "claim-pair" {
            if let Some(extra) = pair_fields.into_iter().flatten().next() {
                return error(format!("`left`/`right` apply to claim-pair rules, not {kind}"), extra.span());
            }
            if let Some(extra) = self.relations.first() {
                return error(format!("`relations` apply to claim-pair rules, not {kind}"), extra.span());
            }
        }
        let variables = template::variables(&check);
        template::validate(self.message.get_ref(), variables)
            .map_err(|message| SchemaError { message, span: self.message.span() })?;
        let downgrades = self.downgrade.iter().map(downgrade).collect::<Result<_, _>>()?;
        let examples = self
            .examples
            .into_iter()
            .map(|e| {
                let should_fire = one_of(&e.expect, "expectation", &[("fire", true), ("pass", false)])?;
                Ok(Example { name: e.name, should_fire, articles: e.article })
            })
            .collect::<Result<_, _>>()?;
        Ok(Rule {
            id,
            check,
            severity: one_of(&self.severity, "severity", SEVERITIES)?,
            summary: self.summary,
            message: self.message.into_inner(),
            help: self.help,
            url: self.url,
            doc: self.doc,
            downgrades,
            examples,
            origin: origin.to_string(),
            path: path.to_string(),
        })
    }

    /// The check the file names, with its parameters.
    fn check_kind(&self, lexicon: &Lexicon) -> Result<Check, SchemaError> {
        let kind = self.check.get_ref().as_str();
        Ok(match kind {
            "claim-pair" => {
                let (Some(left), Some(right)) = (&self.left, &self.right) else {
                    return error("a claim-pair rule needs `[left]` and `[right]` tables", self.check.span());
                };
                let relations = self
                    .relations
                    .iter()
                    .map(|r| {
                        one_of(
                            r,
                            "relation",
                            &[
                                ("origin-within-affiliation", Relation::OriginWithinAffiliation),
                                ("accused-is-affiliation", Relation::AccusedIsAffiliation),
                                ("same-act", Relation::SameAct),
                                ("origins-disjoint", Relation::OriginsDisjoint),
                                ("same-event", Relation::SameEvent),
                                ("same-target", Relation::SameTarget),
                                ("blame-shifted", Relation::BlameShifted),
                                ("means-conflict", Relation::MeansConflict),
                            ],
                        )
                    })
                    .collect::<Result<_, _>>()?;
                Check::ClaimPair {
                    left: Box::new(pattern(left, lexicon)?),
                    right: Box::new(pattern(right, lexicon)?),
                    relations,
                    min_similarity: similarity(self.min_similarity.as_ref(), 0.0)?,
                }
            }
            "quantity-pair" => Check::QuantityPair {
                tolerance: similarity(self.tolerance.as_ref(), 0.02)?,
                min_similarity: similarity(self.min_similarity.as_ref(), 0.0)?,
                stable: self.stable_dimensions.clone(),
            },
            "quote-pair" => {
                let Some(speakers) = &self.speakers else {
                    return error(
                        "a quote-pair rule needs `speakers = \"same\"` or `\"different\"`",
                        self.check.span(),
                    );
                };
                Check::QuotePair {
                    speakers: one_of(
                        speakers,
                        "speakers value",
                        &[("same", SpeakerRelation::Same), ("different", SpeakerRelation::Different)],
                    )?,
                    min_similarity: similarity(self.min_similarity.as_ref(), 0.8)?,
                    max_similarity: similarity(self.max_similarity.as_ref(), 1.0)?,
                }
            }
            "name-pair" => Check::NamePair,
            "role-pair" => Check::RolePair,
            _ => {
                return error(
                    format!(
                        "unknown check `{kind}`; expected claim-pair, quantity-pair, quote-pair, name-pair or role-pair"
                    ),
                    self.check.span(),
                );
            }
        })
    }
}

fn similarity(value: Option<&Spanned<f64>>, default: f64) -> Result<f64, SchemaError> {
    match value {
        None => Ok(default),
        Some(v) if (0.0..=1.0).contains(v.get_ref()) => Ok(*v.get_ref()),
        Some(v) => error("expected a number from 0 to 1", v.span()),
    }
}

fn pattern(file: &Spanned<PatternFile>, lexicon: &Lexicon) -> Result<ClaimPattern, SchemaError> {
    let span = file.span();
    let file = file.get_ref();
    let names: Vec<&Spanned<String>> = file.frame.iter().chain(file.frames.iter().flatten()).collect();
    if names.is_empty() {
        return error("a claim pattern needs `frame = \"...\"` or `frames = [...]`", span);
    }
    let frames = names
        .into_iter()
        .map(|name| {
            lexicon.frame_index(name.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = lexicon.frames.iter().map(|f| f.name.as_str()).collect();
                SchemaError {
                    message: format!("unknown frame `{}`; the lexicon defines: {}", name.get_ref(), known.join(", ")),
                    span: name.span(),
                }
            })
        })
        .collect::<Result<_, _>>()?;
    let stance_names: &[(&str, &[Stance])] = &[
        ("affirmed", &[Stance::Affirmed]),
        ("denied", &[Stance::Denied]),
        ("hedged", &[Stance::Hedged]),
        ("reported", &[Stance::Reported]),
        ("asserted", &[Stance::Affirmed, Stance::Hedged, Stance::Reported]),
    ];
    let mut stances = Vec::new();
    for name in file.stance.iter().chain(file.stances.iter().flatten()) {
        stances.extend_from_slice(one_of(name, "stance", stance_names)?);
    }
    let requires = file
        .requires
        .iter()
        .flatten()
        .map(|r| {
            one_of(
                r,
                "argument",
                &[
                    ("agent", Argument::Agent),
                    ("origin", Argument::Origin),
                    ("place", Argument::Place),
                    ("means", Argument::Means),
                ],
            )
        })
        .collect::<Result<_, _>>()?;
    let sources = file
        .sources
        .iter()
        .flatten()
        .map(|s| {
            one_of(
                s,
                "source kind",
                &[
                    ("official", SourceKind::Official),
                    ("outlet", SourceKind::Outlet),
                    ("unnamed", SourceKind::Unnamed),
                    ("person", SourceKind::Person),
                ],
            )
        })
        .collect::<Result<_, _>>()?;
    Ok(ClaimPattern { frames, stances, sources, requires })
}

fn downgrade(file: &DowngradeFile) -> Result<Downgrade, SchemaError> {
    let days = file.days.unwrap_or(365);
    let when = match file.when.get_ref().as_str() {
        "right-commitment" => DowngradeWhen::RightCommitment,
        "hedged" => DowngradeWhen::Hedged,
        "reported" => DowngradeWhen::Reported,
        "days-apart" => DowngradeWhen::DaysApart(days),
        "not-contemporaneous" => DowngradeWhen::NotContemporaneous(days),
        "same-article" => DowngradeWhen::SameArticle,
        other => {
            return error(
                format!(
                    "unknown condition `{other}`; expected right-commitment, hedged, reported, days-apart, not-contemporaneous or same-article"
                ),
                file.when.span(),
            );
        }
    };
    Ok(Downgrade { when, to: one_of(&file.to, "severity", SEVERITIES)?, because: file.because.clone() })
}
