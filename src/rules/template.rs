//! Message templates: `{name}` placeholders filled from a finding's facts.
//! Each check offers a fixed set of names, so a typo in a rule file is an
//! error at load time, not a blank in a report.

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

/// The values a template is filled with, by placeholder name. A match has
/// a dozen at most, so a list looked through in order serves them, with
/// no tree to build per match.
#[derive(Debug, Default)]
pub struct Values(Vec<(&'static str, String)>);

impl Values {
    /// Sets a placeholder's value, replacing any it had.
    pub fn insert(&mut self, name: &'static str, value: String) {
        match self.0.iter_mut().find(|(known, _)| *known == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    /// A placeholder's value.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(known, _)| *known == name).map(|(_, value)| value.as_str())
    }
}

/// Fills a template; placeholders without a value read "unknown".
#[must_use]
pub fn render(template: &str, values: &Values) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    // Bytes, not characters: every finding's message is filled in, and a
    // search for a character sets up more than it searches here.
    while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let Some(close) = memchr::memchr(b'}', &rest.as_bytes()[open..]) else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(values.get(name).unwrap_or("unknown"));
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
        let mut values = Values::default();
        values.insert("left.name", "Grossu".to_string());
        values.insert("right.name", "Grosu".to_string());
        values.insert("right.name", "Grossu".to_string());
        assert_eq!(render("{left.name} vs {right.name} at {left.date}", &values), "Grossu vs Grossu at unknown");
    }
}
