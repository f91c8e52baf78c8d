//! One line per finding, `path:line:col: severity[rule]: message`, the
//! shape compilers print and editors parse: vim's quickfix (`%f:%l:%c: %m`)
//! and VS Code problem matchers. The other article's place follows the
//! message in parentheses.

use std::io::{self, Write};

use super::{Emitter, Position, Report, one_line, see_also};

/// The concise format.
pub struct Concise;

impl Emitter for Concise {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for finding in report.findings {
            let at = Position::of(report.corpus, finding.primary());
            write!(out, "{at}: {}[{}]: {}", finding.severity, finding.rule, one_line(&finding.message))?;
            match see_also(report.corpus, finding) {
                Some(also) => writeln!(out, " {also}")?,
                None => writeln!(out)?,
            }
        }
        Ok(())
    }
}
