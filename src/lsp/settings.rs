//! What the server checks against, settled once from the workspace the
//! client opens, before any article is read. Everything the server learns
//! from its surroundings meets here and nowhere else.

use std::path::PathBuf;
use std::time::Duration;

/// The server's validated settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    /// Files and folders whose `.md` and `.txt` articles form the corpus an
    /// open article is checked against, indexed once at start-up.
    pub corpus: Vec<PathBuf>,
    /// Rule pack folders added to the default pack, in order.
    pub rule_packs: Vec<PathBuf>,
    /// How long an edited article must go unedited before it is checked.
    pub debounce: Duration,
}

/// The wait after the last keystroke before an edited article is checked:
/// long enough to skip the middle of a word, short enough to feel live.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(300);

/// The settings for a workspace: every article under its folders is the
/// corpus, checked with the default rules.
#[must_use]
pub fn settings_for(workspace_folders: &[PathBuf]) -> ServerSettings {
    ServerSettings { corpus: workspace_folders.to_vec(), rule_packs: Vec::new(), debounce: DEFAULT_DEBOUNCE }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_folders_are_the_corpus() {
        let folders = [PathBuf::from("/news/desk"), PathBuf::from("/news/wires")];
        let settings = settings_for(&folders);
        assert_eq!(settings.corpus, folders);
        assert!(settings.rule_packs.is_empty());
        assert_eq!(settings.debounce, DEFAULT_DEBOUNCE);
    }
}
