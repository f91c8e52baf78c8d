//! GitHub Actions workflow commands: one `::warning file=…,line=…::message`
//! line per finding, which the runner turns into an annotation on the
//! pull request's diff. Info findings become notices. Property values and
//! messages are escaped as the runner expects (`%`, CR, LF; and `:` and `,`
//! in properties). Before that, control and invisible formatting
//! characters are made visible: the log shows them to people, and a file
//! name's newline is shown as `\n` rather than decoded by the runner.

use std::io::{self, Write};

use super::{Emitter, Position, Report, see_also};
use crate::rules::Severity;
use crate::visible::{Layout, escape};

/// The GitHub format.
pub struct Github;

impl Emitter for Github {
    fn emit(&self, report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
        for finding in report.findings {
            let at = Position::of(report.corpus, finding.primary());
            let level = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = finding.message.clone();
            if let Some(also) = see_also(report.corpus, finding) {
                message.push(' ');
                message.push_str(&also);
            }
            if let Some(help) = &finding.help {
                message.push_str("\n\n");
                message.push_str(help);
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&escape(&at.path, Layout::Line)),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                property(&format!("gainsay ({})", finding.rule)),
                data(&escape(&message, Layout::Lines)),
            )?;
        }
        Ok(())
    }
}

/// A message, escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value, escaped.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_colons_but_escape_newlines_and_percent() {
        assert_eq!(data("50%: a\nb"), "50%25: a%0Ab");
    }

    #[test]
    fn properties_escape_colons_and_commas() {
        assert_eq!(property("news/a,b:c.md"), "news/a%2Cb%3Ac.md");
    }
}
