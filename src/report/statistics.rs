//! Counts: findings per rule (`--statistics`) and the one-line summary
//! people see under a report.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::rules::{Finding, Severity};

/// How many findings one rule produced, by severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub count: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Counts per rule, most findings first, then by rule id.
#[must_use]
pub fn count(findings: &[Finding]) -> Vec<RuleCount> {
    let mut by_rule: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for finding in findings {
        let entry = by_rule.entry(&finding.rule).or_insert_with(|| RuleCount {
            rule: finding.rule.clone(),
            count: 0,
            error: 0,
            warning: 0,
            info: 0,
        });
        entry.count += 1;
        match finding.severity {
            Severity::Error => entry.error += 1,
            Severity::Warning => entry.warning += 1,
            Severity::Info => entry.info += 1,
        }
    }
    let mut counts: Vec<RuleCount> = by_rule.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
    counts
}

/// Writes counts per rule: a table for people, or a JSON array.
pub fn statistics(findings: &[Finding], json: bool, out: &mut dyn Write) -> io::Result<()> {
    let counts = count(findings);
    if json {
        serde_json::to_writer_pretty(&mut *out, &counts)?;
        return writeln!(out);
    }
    let width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    for c in &counts {
        let detail = severities(c.error, c.warning, c.info);
        writeln!(out, "{:>5}  {:<width$}  {detail}", c.count, c.rule)?;
    }
    Ok(())
}

/// The line under a report: "3 findings (1 error, 2 warnings)", and how
/// many the baseline hid.
#[must_use]
pub fn summary(findings: &[Finding], baselined: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let mut line = match findings.len() {
        0 => "No findings".to_string(),
        n => format!(
            "{n} finding{} ({})",
            if n == 1 { "" } else { "s" },
            severities(count(Severity::Error), count(Severity::Warning), count(Severity::Info))
        ),
    };
    if baselined > 0 {
        let _ = write!(line, "; {baselined} more in the baseline");
    }
    line.push('.');
    line
}

fn severities(error: usize, warning: usize, info: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if error > 0 {
        parts.push(plural(error, "error"));
    }
    if warning > 0 {
        parts.push(plural(warning, "warning"));
    }
    if info > 0 {
        parts.push(format!("{info} info"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, severity: Severity) -> Finding {
        Finding {
            rule: rule.into(),
            severity,
            message: String::new(),
            help: None,
            reasons: Vec::new(),
            url: None,
            labels: Vec::new(),
            similarity: 0.0,
        }
    }

    #[test]
    fn rules_with_most_findings_come_first() {
        let findings = [
            finding("quote-drift", Severity::Warning),
            finding("role-conflict", Severity::Info),
            finding("role-conflict", Severity::Error),
        ];
        let mut out = Vec::new();
        statistics(&findings, false, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "    2  role-conflict  1 error, 1 info\n    1  quote-drift    1 warning\n"
        );
    }

    #[test]
    fn summary_names_counts_and_the_baseline() {
        assert_eq!(summary(&[], 0), "No findings.");
        assert_eq!(summary(&[], 2), "No findings; 2 more in the baseline.");
        let two = [finding("a", Severity::Warning), finding("b", Severity::Warning)];
        assert_eq!(summary(&two, 0), "2 findings (2 warnings).");
    }
}
