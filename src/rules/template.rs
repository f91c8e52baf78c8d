//! Message templates: `{name}` placeholders filled from a finding's facts.
//! Each check offers a fixed set of names, so a typo in a rule file is an
//! error at load time, not a blank in a report.

use std::collections::BTreeMap;

use super::schema::Check;

const CLAIM_PAIR: &[&str] = &[
    "left.source",
    "right.source",
    "left.gist",
    "right.gist",
    "left.place",
    "left.place.root",
    "right.place",
    "left.event",
    "left.cue",
    "left.agent",
    "left.outlet",
    "right.outlet",
    "left.date",
    "right.date",
];
const QUANTITY_PAIR: &[&str] = &[
    "left.source",
    "right.source",
    "left.quantity",
    "right.quantity",
    "measure",
    "left.outlet",
    "right.outlet",
    "left.date",
    "right.date",
];
const QUOTE_PAIR: &[&str] = &[
    "left.source",
    "right.source",
    "left.quote",
    "right.quote",
    "left.outlet",
    "right.outlet",
    "left.date",
    "right.date",
];
const NAME_PAIR: &[&str] = &["left.name", "right.name", "left.outlet", "right.outlet"];
const ROLE_PAIR: &[&str] =
    &["role", "left.name", "right.name", "left.outlet", "right.outlet", "left.date", "right.date"];

/// The placeholder names a check fills in.
#[must_use]
pub fn variables(check: &Check) -> &'static [&'static str] {
    match check {
        Check::ClaimPair { .. } => CLAIM_PAIR,
        Check::QuantityPair { .. } => QUANTITY_PAIR,
        Check::QuotePair { .. } => QUOTE_PAIR,
        Check::NamePair => NAME_PAIR,
        Check::RolePair => ROLE_PAIR,
    }
}

fn placeholders(template: &str) -> impl Iterator<Item = Result<&str, String>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        let open = rest.find('{')?;
        let Some(close) = rest[open..].find('}') else {
            rest = "";
            return Some(Err("a `{` is never closed".to_string()));
        };
        let name = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        Some(Ok(name))
    })
}

/// Checks that every placeholder is one the check fills in.
pub fn validate(template: &str, known: &[&str]) -> Result<(), String> {
    for name in placeholders(template) {
        let name = name?;
        if !known.contains(&name) {
            return Err(format!("unknown placeholder `{{{name}}}`; this check fills in: {}", known.join(", ")));
        }
    }
    Ok(())
}

/// Fills a template; placeholders without a value read "unknown".
#[must_use]
pub fn render(template: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(values.get(name).map_or("unknown", String::as_str));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_placeholder_is_named() {
        let error = validate("{left.sorce} says", CLAIM_PAIR).unwrap_err();
        assert!(error.contains("`{left.sorce}`"), "{error}");
    }

    #[test]
    fn render_fills_values() {
        let values = BTreeMap::from([("left.name", "Grossu".to_string())]);
        assert_eq!(render("{left.name} vs {right.name}", &values), "Grossu vs unknown");
    }
}
