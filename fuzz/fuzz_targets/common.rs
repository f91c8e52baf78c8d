//! What every fuzz target shares: the default pack, loaded once, and
//! rendering of reports and diagnostics, which must not panic either.

#![allow(dead_code, reason = "each target uses a different part")]

use std::sync::LazyLock;

use gainsay::report::{self, Format, Style};
use gainsay::{Outcome, Pack};

pub static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::embedded().expect("the default pack loads"));

/// Renders a diagnostic the way the CLI does, discarding the text.
pub fn render(diagnostic: impl miette::Diagnostic + Send + Sync + 'static) {
    let _ = format!("{:?}", miette::Report::new(diagnostic));
}

/// Checks every span, then renders the report in every format.
pub fn check_and_render(outcome: Outcome) {
    if let Err(broken) = gainsay::invariants::check_outcome(&outcome.corpus, &outcome.findings) {
        panic!("{broken}");
    }
    let _ = gainsay::claims::describe(&outcome.corpus);
    let view = report::Report { corpus: &outcome.corpus, findings: &outcome.findings, rules: &[] };
    for format in [Format::Full, Format::Concise, Format::Json, Format::JsonLines, Format::Sarif, Format::Github] {
        let mut out = Vec::new();
        report::emit(format, Style { color: false, width: 80 }, &view, &mut out).expect("writing to memory");
    }
    for error in outcome.input_errors {
        render(error);
    }
}
