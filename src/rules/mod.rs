//! The rule engine. Rules are data: each TOML file in a pack names one of a
//! small closed set of checks and parameterises it; adding a rule of an
//! existing shape touches no Rust, and no Rust code branches on a rule id.
//!
//! A pack also carries the lexicon and gazetteer (`lexicon/`), so a user
//! pack can teach gainsay new places and cue words as well as new rules.

mod engine;
mod examples;
mod finding;
mod group;
mod pack;
mod schema;
mod template;

pub use engine::{evaluate, evaluate_involving, person_keys, sort};
pub use examples::{ExampleFailure, run_examples};
pub use finding::{Finding, Label, Severity};
pub use group::group;
pub use pack::{Pack, PackError};
pub use schema::{Check, ClaimPattern, Downgrade, DowngradeWhen, Example, Relation, Rule, SpeakerRelation};
