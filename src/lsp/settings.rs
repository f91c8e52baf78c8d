//! What the server checks against, settled once from the workspace the
//! client opens, before any article is read: `gainsay.toml` (found from
//! the first workspace folder upwards, as the CLI finds it from its working
//! directory) where there is one, else every article under the workspace
//! folders with the default rules. Everything the server learns from its
//! surroundings meets here and nowhere else.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::Pack;
use crate::config::{ConfigError, Flags, Settings};

/// The server's validated settings.
#[derive(Debug)]
pub struct ServerSettings {
    /// Files and folders whose `.md` and `.txt` articles form the corpus an
    /// open article is checked against, indexed once at start-up; absolute.
    pub corpus: Vec<PathBuf>,
    /// The rules, selected and graded as `gainsay.toml` says.
    pub pack: Pack,
    /// The baseline file: findings it holds are not shown, and the
    /// "add to baseline" action writes to it. Absolute.
    pub baseline: Option<PathBuf>,
    /// The config file read, if any.
    pub config: Option<PathBuf>,
    /// How long an edited article must go unedited before it is checked.
    pub debounce: Duration,
}

/// The wait after the last keystroke before an edited article is checked:
/// long enough to skip the middle of a word, short enough to feel live.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(300);

/// The settings for a workspace. A broken `gainsay.toml` is returned with
/// the settings the server uses meanwhile (the workspace folders and the
/// default rules), so the editor can say what to fix.
///
/// # Panics
///
/// If the default rule pack built into the binary does not load, which
/// its own tests rule out.
#[must_use]
pub fn settings_for(workspace_folders: &[PathBuf]) -> (ServerSettings, Vec<ConfigError>) {
    let fallback = |errors| {
        let pack = Pack::embedded().expect("the default rule pack loads (its tests run at build)");
        let settings = ServerSettings {
            corpus: workspace_folders.to_vec(),
            pack,
            baseline: None,
            config: None,
            debounce: DEFAULT_DEBOUNCE,
        };
        (settings, errors)
    };
    let Some(root) = workspace_folders.first() else {
        return fallback(Vec::new());
    };
    match Settings::resolve(&Flags::discover(root.clone())) {
        Ok(resolved) => {
            let absolute = |p: PathBuf| absolute(root, p);
            let corpus = if resolved.corpus.is_empty() {
                workspace_folders.to_vec()
            } else {
                resolved.corpus.into_iter().map(absolute).collect()
            };
            let settings = ServerSettings {
                corpus,
                pack: resolved.pack,
                baseline: resolved.baseline.map(absolute),
                config: resolved.config.map(absolute),
                debounce: DEFAULT_DEBOUNCE,
            };
            (settings, Vec::new())
        }
        Err(errors) => fallback(errors),
    }
}

/// Config paths come relative to the folder they were resolved from.
fn absolute(root: &Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() { path } else { normalise_dots(&root.join(path)) }
}

/// `a/b/../c` as `a/c`, without touching the disk, so the corpus paths
/// match the paths editors send.
fn normalise_dots(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_config_the_workspace_folders_are_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let folders = [dir.path().join("desk"), dir.path().join("wires")];
        let (settings, errors) = settings_for(&folders);
        assert!(errors.is_empty());
        assert_eq!(settings.corpus, folders);
        assert_eq!(settings.baseline, None);
        assert_eq!(settings.debounce, DEFAULT_DEBOUNCE);
    }

    #[test]
    fn gainsay_toml_names_the_corpus_rules_and_baseline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("archive")).unwrap();
        std::fs::write(
            dir.path().join("gainsay.toml"),
            "corpus = [\"archive\"]\nignore = [\"name-variant\"]\nbaseline = \"accepted.json\"\n",
        )
        .unwrap();
        let (settings, errors) = settings_for(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(settings.corpus, [dir.path().join("archive")]);
        assert_eq!(settings.baseline, Some(dir.path().join("accepted.json")));
        assert_eq!(settings.config, Some(dir.path().join("gainsay.toml")));
        assert!(settings.pack.rule("name-variant").is_none(), "ignored rules do not run");
    }

    #[test]
    fn a_broken_config_is_reported_and_the_folders_are_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("gainsay.toml"), "corpus = 3\n").unwrap();
        let (settings, errors) = settings_for(&[dir.path().to_path_buf()]);
        assert_eq!(errors.len(), 1);
        assert_eq!(settings.corpus, [dir.path().to_path_buf()]);
    }

    #[test]
    fn dots_in_config_paths_are_resolved() {
        assert_eq!(normalise_dots(Path::new("/a/b/../c/./d")), PathBuf::from("/a/c/d"));
    }
}
