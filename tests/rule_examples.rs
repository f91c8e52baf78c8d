//! Every shipped rule file's own examples: those that must fire fire, those
//! that must pass pass. One test per rule, so a failing rule names itself.

use gainsay::Pack;

fn run(id: &str) {
    let pack = Pack::embedded().expect("the default pack loads");
    let rule = pack.rule(id).unwrap_or_else(|| panic!("no rule `{id}` in the default pack"));
    assert!(
        rule.examples.iter().any(|e| e.should_fire) && rule.examples.iter().any(|e| !e.should_fire),
        "{id} needs examples that fire and examples that pass"
    );
    let failures = gainsay::rules::run_examples(&pack, rule);
    assert!(failures.is_empty(), "{}", failures.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
}

macro_rules! rule_tests {
    ($($name:ident => $id:literal),* $(,)?) => {
        $(#[test] fn $name() { run($id); })*

        /// The list above covers every rule file shipped in `rules/`.
        #[test]
        fn every_shipped_rule_has_a_test() {
            let tested = [$($id),*];
            let pack = Pack::embedded().unwrap();
            let shipped: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(shipped, tested, "add a line to rule_tests! for each new rule file");
        }
    };
}

rule_tests! {
    accusation_vs_denial => "accusation-vs-denial",
    conflicting_cause => "conflicting-cause",
    conflicting_origin => "conflicting-origin",
    counter_accusation => "counter-accusation",
    name_variant => "name-variant",
    numeric_mismatch => "numeric-mismatch",
    origin_vs_denial => "origin-vs-denial",
    quote_attribution => "quote-attribution",
    quote_drift => "quote-drift",
    role_conflict => "role-conflict",
}
