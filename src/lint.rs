//! The lint workflow, as an editor or a newsroom's CI runs it: check new
//! articles against the corpus the settings name, with the selected rules,
//! then drop what the baseline accepts; or write a new baseline from the
//! findings of the same check.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::baseline::{BaselineError, BaselineFile};
use crate::config::{ConfigError, Settings};
use crate::{Finding, Outcome};

/// A finished check.
#[derive(Debug)]
pub struct Checked {
    /// The articles read and the findings left to report.
    pub outcome: Outcome,
    /// Findings the baseline accepted, not reported.
    pub baselined: Vec<Finding>,
}

impl Checked {
    /// Whether a finding reaches the settings' `fail-on` severity.
    #[must_use]
    pub fn fails(&self, settings: &Settings) -> bool {
        settings.fail_on.threshold().is_some_and(|t| self.outcome.findings.iter().any(|f| f.severity >= t))
    }
}

/// Why the workflow stopped before reporting.
#[derive(Debug, Error, miette::Diagnostic)]
pub enum LintError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Baseline(#[from] BaselineError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Index(#[from] crate::index::IndexError),
}

/// Checks `targets` against the settings' corpus and filters the findings
/// through the baseline, if one is configured (it must exist).
pub fn check(targets: &[PathBuf], settings: &Settings) -> Result<Checked, LintError> {
    let baseline = settings.baseline.as_deref().map(BaselineFile::read).transpose()?;
    let mut outcome = run(targets, settings)?;
    let mut baselined = Vec::new();
    if let Some(baseline) = baseline {
        let findings = std::mem::take(&mut outcome.findings);
        (outcome.findings, baselined) = baseline.filter(&outcome.corpus, findings);
    }
    Ok(Checked { outcome, baselined })
}

/// Checks `targets` as [`check`] does, without the old baseline, and writes
/// every finding to the settings' baseline file. Returns the check and the
/// file written.
pub fn write_baseline<'s>(targets: &[PathBuf], settings: &'s Settings) -> Result<(Checked, &'s Path), LintError> {
    let path = settings.baseline_to_write()?;
    let outcome = run(targets, settings)?;
    BaselineFile::new(&outcome.corpus, &outcome.findings).write(path)?;
    Ok((Checked { outcome, baselined: Vec::new() }, path))
}

/// The check itself: against the saved index if one is given, else against
/// the corpus paths (or all against all).
fn run(targets: &[PathBuf], settings: &Settings) -> Result<crate::Outcome, LintError> {
    Ok(match &settings.index {
        Some(index) => crate::index::check(targets, index, &settings.pack)?,
        None => crate::check_against_reporting(
            targets,
            &settings.corpus,
            &settings.pack,
            &settings.limits,
            &progress_bar(settings),
        ),
    })
}

/// A progress bar on stderr, for runs that show one: indicatif hides it when
/// stderr is not a terminal.
fn progress_bar(settings: &Settings) -> indicatif::ProgressBar {
    if !settings.progress {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("reading articles");
    bar
}
