//! One line per finding, `path:line:col: severity[rule]: message`, the
//! shape compilers print and editors parse: vim's quickfix (`%f:%l:%c: %m`)
//! and VS Code problem matchers. The other article's place follows the
//! message in parentheses. Each line is escaped whole, so neither an
//! article's text nor a file name can add a line or a terminal command.

use std::io::{self, Write};

use super::{Emitter, Position, Report, one_line, see_also};
use crate::visible::{Layout, escape};

/// The concise format.
pub struct Concise;

impl Emitter for Concise {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for finding in report.findings {
            let at = Position::of(report.corpus, finding.primary());
            let mut line = format!("{at}: {}[{}]: {}", finding.severity, finding.rule, one_line(&finding.message));
            if let Some(also) = see_also(report.corpus, finding) {
                line.push(' ');
                line.push_str(&also);
            }
            writeln!(out, "{}", escape(&line, Layout::Line))?;
        }
        Ok(())
    }
}
