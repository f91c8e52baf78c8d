//! The config file, `gainsay.toml`, and the one settings value every
//! command works from. Flags and the file meet here and nowhere else: a
//! flag replaces the key of the same name, relative paths in the file are
//! relative to the file, and every rule id named is checked against the
//! loaded packs. A mistake in the file is reported with a span inside it.
//!
//! ```toml
//! corpus = ["archive/"]             # articles new ones are checked against
//! rules = ["house-rules/"]          # extra rule packs
//! select = ["origin-vs-denial"]     # only these rules (default: all)
//! ignore = ["name-variant"]         # never these
//! fail-on = "warning"               # error, warning, info or never
//! baseline = "gainsay-baseline.json"
//!
//! [severity]
//! role-conflict = "error"
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::rules::{Pack, PackError, Rule, Severity};

/// The file name looked for in the working directory and its parents.
pub const FILE_NAME: &str = "gainsay.toml";

/// When a check fails: the least severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Error,
    #[default]
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least failing severity, if any fails.
    #[must_use]
    pub fn threshold(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Info => Some(Severity::Info),
            Self::Never => None,
        }
    }
}

/// Where to find the config file.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// Walk up from this directory to the first `gainsay.toml`.
    Discover(PathBuf),
    /// This file (`--config`); it must exist.
    File(PathBuf),
    /// No config file (`--no-config`).
    Isolated,
}

/// The flags that settings come from, as parsed; `None` leaves the config
/// file's key (or the default) in force.
#[derive(Debug, Clone)]
pub struct Flags {
    pub config: ConfigSource,
    /// The working directory, to show config-relative paths relative to it.
    pub cwd: PathBuf,
    pub corpus: Option<Vec<PathBuf>>,
    pub rules: Option<Vec<PathBuf>>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<FailOn>,
    pub baseline: Option<PathBuf>,
    /// Report findings the baseline holds as well.
    pub no_baseline: bool,
    /// Check against a saved index instead of reading a corpus.
    pub index: Option<PathBuf>,
    /// Show a progress bar on stderr (when it is a terminal).
    pub progress: bool,
    /// Largest file and sentence read.
    pub limits: crate::Limits,
}

impl Flags {
    /// Flags that change nothing: the config file found from `cwd`.
    #[must_use]
    pub fn discover(cwd: PathBuf) -> Self {
        Self {
            config: ConfigSource::Discover(cwd.clone()),
            cwd,
            corpus: None,
            rules: None,
            select: None,
            ignore: None,
            fail_on: None,
            baseline: None,
            no_baseline: false,
            index: None,
            progress: false,
            limits: crate::Limits::default(),
        }
    }
}

/// Everything a command needs before it reads an article, validated.
#[derive(Debug)]
pub struct Settings {
    /// The config file read, if any.
    pub config: Option<PathBuf>,
    /// Articles new ones are checked against; empty checks all against all.
    pub corpus: Vec<PathBuf>,
    /// User rule packs, in order, after the default pack.
    pub packs: Vec<PathBuf>,
    /// The default pack plus user packs, holding only the selected rules,
    /// each with its severity as configured.
    pub pack: Pack,
    /// Rules the packs define but the selection leaves out, for `explain`.
    pub deselected: Vec<Rule>,
    pub fail_on: FailOn,
    /// The baseline file, unless none is configured or `--no-baseline`.
    pub baseline: Option<PathBuf>,
    /// A saved index (`gainsay index`) to check against, instead of `corpus`.
    pub index: Option<PathBuf>,
    /// Show a progress bar on stderr while reading many articles.
    pub progress: bool,
    /// Largest file and sentence read.
    pub limits: crate::Limits,
}

/// A reason settings cannot be made.
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    #[diagnostic(code(gainsay::config::invalid), help("the keys are listed in README.md, under Configuration"))]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        source_code: NamedSource<String>,
        #[label("{message}")]
        span: Option<SourceSpan>,
    },

    #[error("{path}: cannot read config: {reason}")]
    #[diagnostic(code(gainsay::config::unreadable))]
    Unreadable { path: String, reason: String },

    #[error("no rule `{id}` (from {flag})")]
    #[diagnostic(code(gainsay::config::unknown_rule), help("`gainsay rules` lists the rule ids"))]
    UnknownRule { id: String, flag: String },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(#[from] PackError),
}

/// What `gainsay.toml` says, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    corpus: Vec<Spanned<PathBuf>>,
    #[serde(default)]
    rules: Vec<Spanned<PathBuf>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<Severity>>,
    fail_on: Option<FailOn>,
    baseline: Option<Spanned<PathBuf>>,
}

/// A parsed config file with what is needed to point into it.
struct Loaded {
    /// The path to show: relative to the working directory if it can be.
    path: PathBuf,
    /// The folder the file is in, as the working directory joined with it.
    dir: PathBuf,
    text: String,
    file: ConfigFile,
}

impl Loaded {
    fn invalid(&self, message: String, span: Option<Range<usize>>) -> ConfigError {
        let name = self.path.display().to_string();
        ConfigError::Invalid {
            path: name.clone(),
            message,
            source_code: NamedSource::new(name, self.text.clone()).with_language("toml"),
            span: span.map(Into::into),
        }
    }

    /// A path from the file, relative to the file's folder, for the
    /// settings (shown relative to the working directory).
    fn resolve(&self, path: &Path, cwd: &Path) -> PathBuf {
        relative_to(&self.dir.join(path), cwd)
    }
}

/// The first `gainsay.toml` in `start` or its parents.
#[must_use]
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|path| path.is_file())
}

impl Settings {
    /// Reads the config file (if any), applies the flags over it, loads the
    /// rule packs and selects rules. Every problem found is returned.
    pub fn resolve(flags: &Flags) -> Result<Self, Vec<ConfigError>> {
        let path = match &flags.config {
            ConfigSource::Discover(start) => discover(start),
            ConfigSource::File(path) => Some(path.clone()),
            ConfigSource::Isolated => None,
        };
        let loaded = path.map(|p| read(&flags.cwd.join(p), &flags.cwd)).transpose().map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        if let Some(loaded) = &loaded {
            // Paths a flag replaces are not read, so not checked.
            let corpus = loaded.file.corpus.iter().filter(|_| flags.corpus.is_none());
            let rules = loaded.file.rules.iter().filter(|_| flags.rules.is_none());
            for path in corpus.chain(rules) {
                if !loaded.dir.join(path.get_ref()).exists() {
                    let message = format!("no such file or directory: {}", path.get_ref().display());
                    errors.push(loaded.invalid(message, Some(path.span())));
                }
            }
        }
        let from_file = |pick: fn(&ConfigFile) -> &Vec<Spanned<PathBuf>>| -> Vec<PathBuf> {
            loaded.iter().flat_map(|l| pick(&l.file).iter().map(|p| l.resolve(p.get_ref(), &flags.cwd))).collect()
        };
        let corpus = flags.corpus.clone().unwrap_or_else(|| from_file(|f| &f.corpus));
        let packs = flags.rules.clone().unwrap_or_else(|| from_file(|f| &f.rules));
        let mut pack = match Pack::load(&packs) {
            Ok(pack) => pack,
            Err(pack_errors) => {
                errors.extend(pack_errors.into_iter().map(ConfigError::from));
                return Err(errors);
            }
        };
        let selection = Selection::new(flags, loaded.as_ref(), &pack, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let deselected = selection.apply(&mut pack);
        let baseline = if flags.no_baseline {
            None
        } else {
            flags.baseline.clone().or_else(|| {
                loaded.as_ref().and_then(|l| l.file.baseline.as_ref().map(|b| l.resolve(b.get_ref(), &flags.cwd)))
            })
        };
        Ok(Self {
            config: loaded.as_ref().map(|l| l.path.clone()),
            corpus,
            packs,
            pack,
            deselected,
            fail_on: flags.fail_on.or_else(|| loaded.as_ref().and_then(|l| l.file.fail_on)).unwrap_or_default(),
            baseline,
            index: flags.index.clone(),
            progress: flags.progress,
            limits: flags.limits,
        })
    }

    /// The baseline file to write: the configured one, or an error saying
    /// how to configure one.
    pub fn baseline_to_write(&self) -> Result<&Path, ConfigError> {
        self.baseline.as_deref().ok_or_else(|| ConfigError::Unreadable {
            path: self.config.as_ref().map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string()),
            reason: "no baseline file is configured; pass `--baseline FILE` or add `baseline = \"FILE\"`".into(),
        })
    }
}

fn read(path: &Path, cwd: &Path) -> Result<Loaded, ConfigError> {
    let shown = relative_to(path, cwd);
    let text = crate::limits::read_input_text(path, crate::limits::MAX_CONFIG_BYTES)
        .map_err(|e| ConfigError::Unreadable { path: shown.display().to_string(), reason: e.to_string() })?;
    let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut loaded = Loaded { path: shown, dir, text, file: ConfigFile::default() };
    match toml::from_str::<ConfigFile>(&loaded.text) {
        Ok(file) => {
            loaded.file = file;
            Ok(loaded)
        }
        Err(e) => Err(loaded.invalid(e.message().to_string(), e.span())),
    }
}

/// Which rules run, and at what severity.
struct Selection {
    select: Option<BTreeSet<String>>,
    ignore: BTreeSet<String>,
    severity: BTreeMap<String, Severity>,
}

impl Selection {
    /// The selection from flags over the file, with unknown rule ids
    /// reported where they are written.
    fn new(flags: &Flags, loaded: Option<&Loaded>, pack: &Pack, errors: &mut Vec<ConfigError>) -> Self {
        let known = |id: &str| pack.rule(id).is_some();
        let mut from_flag = |ids: &Vec<String>, flag: &str| -> BTreeSet<String> {
            for id in ids.iter().filter(|id| !known(id)) {
                errors.push(ConfigError::UnknownRule { id: id.clone(), flag: flag.to_string() });
            }
            ids.iter().cloned().collect()
        };
        let select_flag = flags.select.as_ref().map(|ids| from_flag(ids, "--select"));
        let ignore_flag = flags.ignore.as_ref().map(|ids| from_flag(ids, "--ignore"));
        let mut check = |loaded: &Loaded, id: &Spanned<String>| {
            if !known(id.get_ref()) {
                errors.push(loaded.invalid(format!("no rule `{}` in the loaded packs", id.get_ref()), Some(id.span())));
            }
            id.get_ref().clone()
        };
        let mut select = None;
        let mut ignore = BTreeSet::new();
        let mut severity = BTreeMap::new();
        if let Some(loaded) = loaded {
            select = loaded.file.select.as_ref().map(|ids| ids.iter().map(|id| check(loaded, id)).collect());
            ignore = loaded.file.ignore.iter().map(|id| check(loaded, id)).collect();
            for (id, level) in &loaded.file.severity {
                severity.insert(check(loaded, id), *level.get_ref());
            }
        }
        Self { select: select_flag.or(select), ignore: ignore_flag.unwrap_or(ignore), severity }
    }

    /// Keeps the selected rules in the pack, with their severities, and
    /// returns the others.
    fn apply(&self, pack: &mut Pack) -> Vec<Rule> {
        for rule in &mut pack.rules {
            if let Some(severity) = self.severity.get(&rule.id) {
                rule.severity = *severity;
            }
        }
        let selected =
            |rule: &Rule| self.select.as_ref().is_none_or(|s| s.contains(&rule.id)) && !self.ignore.contains(&rule.id);
        let (active, deselected) = std::mem::take(&mut pack.rules).into_iter().partition(selected);
        pack.rules = active;
        deselected
    }
}

/// `path` relative to `base` when that is shorter to read ("corpus" rather
/// than "/home/desk/news/corpus"); otherwise unchanged. Both are taken as
/// written, without touching the file system.
#[must_use]
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if !path.is_absolute() || !base.is_absolute() {
        return path.to_path_buf();
    }
    let path: Vec<Component> = path.components().filter(|c| *c != Component::CurDir).collect();
    let base: Vec<Component> = base.components().filter(|c| *c != Component::CurDir).collect();
    let shared = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    if shared <= 1 {
        return path.iter().collect();
    }
    let mut out = PathBuf::new();
    for _ in shared..base.len() {
        out.push("..");
    }
    out.extend(&path[shared..]);
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn resolve_in(dir: &Path, flags: impl FnOnce(&mut Flags)) -> Result<Settings, Vec<ConfigError>> {
        let mut f = Flags::discover(dir.to_path_buf());
        flags(&mut f);
        Settings::resolve(&f)
    }

    /// The config error's message and the text its label points at.
    fn invalid(errors: &[ConfigError]) -> (String, String) {
        match &errors[0] {
            ConfigError::Invalid { message, source_code, span, .. } => {
                let span = span.expect("a labelled span");
                let text = miette::SourceCode::read_span(source_code, &span, 0, 0).unwrap();
                (message.clone(), String::from_utf8_lossy(text.data()).into_owned())
            }
            other => panic!("expected an invalid config, got {other:?}"),
        }
    }

    #[test]
    fn config_is_found_in_a_parent_directory() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "fail-on = \"error\"\n");
        std::fs::create_dir_all(dir.path().join("desk/today")).unwrap();
        let settings = resolve_in(&dir.path().join("desk/today"), |_| {}).unwrap();
        assert_eq!(settings.fail_on, FailOn::Error);
        assert_eq!(settings.config.unwrap(), PathBuf::from("../../gainsay.toml"));
    }

    #[test]
    fn paths_in_the_file_are_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "archive/a.md", "Text.");
        write(dir.path(), FILE_NAME, "corpus = [\"archive\"]\nbaseline = \"accepted.json\"\n");
        std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
        let settings = resolve_in(&dir.path().join("drafts"), |_| {}).unwrap();
        assert_eq!(settings.corpus, [PathBuf::from("../archive")]);
        assert_eq!(settings.baseline.unwrap(), PathBuf::from("../accepted.json"));
    }

    #[test]
    fn flags_replace_keys_of_the_same_name() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "archive/a.md", "Text.");
        write(dir.path(), FILE_NAME, "corpus = [\"archive\"]\nselect = [\"quote-drift\"]\nfail-on = \"error\"\n");
        let settings = resolve_in(dir.path(), |f| {
            f.corpus = Some(vec![PathBuf::from("elsewhere")]);
            f.select = Some(vec!["name-variant".into()]);
            f.fail_on = Some(FailOn::Never);
        })
        .unwrap();
        assert_eq!(settings.corpus, [PathBuf::from("elsewhere")]);
        let ids: Vec<&str> = settings.pack.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["name-variant"]);
        assert_eq!(settings.fail_on, FailOn::Never);
    }

    #[test]
    fn a_missing_path_replaced_by_a_flag_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "corpus = [\"archvie\"]\n");
        let settings = resolve_in(dir.path(), |f| f.corpus = Some(vec![PathBuf::from("archive")])).unwrap();
        assert_eq!(settings.corpus, [PathBuf::from("archive")]);
    }

    #[test]
    fn select_ignore_and_severity_shape_the_pack() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            FILE_NAME,
            "select = [\"quote-drift\", \"role-conflict\", \"name-variant\"]\nignore = [\"name-variant\"]\n\n[severity]\nrole-conflict = \"error\"\n",
        );
        let settings = resolve_in(dir.path(), |_| {}).unwrap();
        let rules: Vec<(&str, Severity)> = settings.pack.rules.iter().map(|r| (r.id.as_str(), r.severity)).collect();
        assert_eq!(rules, [("quote-drift", Severity::Warning), ("role-conflict", Severity::Error)]);
        assert!(settings.deselected.iter().any(|r| r.id == "name-variant"));
    }

    #[test]
    fn unknown_key_points_at_the_key() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "corpus = []\nfail_on = \"error\"\n");
        let (message, at) = invalid(&resolve_in(dir.path(), |_| {}).unwrap_err());
        assert!(message.contains("unknown field `fail_on`"), "{message}");
        assert_eq!(at, "fail_on");
    }

    #[test]
    fn bad_severity_points_at_the_value() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "[severity]\nquote-drift = \"fatal\"\n");
        let (message, at) = invalid(&resolve_in(dir.path(), |_| {}).unwrap_err());
        assert!(message.contains("fatal"), "{message}");
        assert_eq!(at, "\"fatal\"");
    }

    #[test]
    fn bad_fail_on_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "fail-on = \"sometimes\"\n");
        let (message, at) = invalid(&resolve_in(dir.path(), |_| {}).unwrap_err());
        assert!(message.contains("sometimes"), "{message}");
        assert_eq!(at, "\"sometimes\"");
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "corpus = \"archive\"\n");
        let (message, at) = invalid(&resolve_in(dir.path(), |_| {}).unwrap_err());
        assert!(message.contains("sequence") || message.contains("array"), "{message}");
        assert_eq!(at, "\"archive\"");
    }

    #[test]
    fn unknown_rule_ids_point_at_the_id() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            FILE_NAME,
            "ignore = [\"quote-drift\", \"quote-drfit\"]\n[severity]\nno-such-rule = \"info\"\n",
        );
        let errors = resolve_in(dir.path(), |_| {}).unwrap_err();
        assert_eq!(errors.len(), 2);
        let (message, at) = invalid(&errors);
        assert!(message.contains("no rule `quote-drfit`"), "{message}");
        assert_eq!(at, "\"quote-drfit\"");
        let (_, at) = invalid(&errors[1..]);
        assert_eq!(at, "no-such-rule");
    }

    #[test]
    fn missing_corpus_folder_points_at_the_path() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "corpus = [\"archvie\"]\n");
        let (message, at) = invalid(&resolve_in(dir.path(), |_| {}).unwrap_err());
        assert!(message.contains("no such file"), "{message}");
        assert_eq!(at, "\"archvie\"");
    }

    #[test]
    fn unknown_rule_from_a_flag_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let errors = resolve_in(dir.path(), |f| f.select = Some(vec!["nope".into()])).unwrap_err();
        assert!(matches!(&errors[0], ConfigError::UnknownRule { id, .. } if id == "nope"));
    }

    #[test]
    fn no_config_ignores_the_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "this is not toml");
        assert!(resolve_in(dir.path(), |_| {}).is_err());
        let settings = resolve_in(dir.path(), |f| f.config = ConfigSource::Isolated).unwrap();
        assert!(settings.config.is_none());
    }

    #[test]
    fn no_baseline_flag_drops_the_configured_one() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), FILE_NAME, "baseline = \"b.json\"\n");
        assert!(resolve_in(dir.path(), |_| {}).unwrap().baseline.is_some());
        assert!(resolve_in(dir.path(), |f| f.no_baseline = true).unwrap().baseline.is_none());
    }

    #[test]
    fn relative_paths_climb_out_of_the_working_directory() {
        let rel = relative_to(Path::new("/news/desk/corpus"), Path::new("/news/desk/drafts/today"));
        assert_eq!(rel, PathBuf::from("../../corpus"));
        assert_eq!(relative_to(Path::new("/news/desk"), Path::new("/news/desk")), PathBuf::from("."));
        assert_eq!(relative_to(Path::new("corpus"), Path::new("/news")), PathBuf::from("corpus"));
    }
}
