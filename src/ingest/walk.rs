//! Finding the articles under the paths given, in a stable order.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::InputError;

/// A path's place in the order `Path` itself compares in, component by
/// component, as bytes compared at once. Sorting a corpus's paths compares
/// them many times, and each `Path` comparison splits both into
/// components anew. Equal keys are equal paths.
#[must_use]
pub fn path_order_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        // Tags in the order of `Component`'s variants; a name ends in a
        // byte no name holds, so a name sorts before its own extensions.
        let (tag, name) = match component {
            Component::Prefix(prefix) => (1, prefix.as_os_str()),
            Component::RootDir => (2, "".as_ref()),
            Component::CurDir => (3, "".as_ref()),
            Component::ParentDir => (4, "".as_ref()),
            Component::Normal(name) => (5, name),
        };
        key.push(tag);
        key.extend_from_slice(name.as_encoded_bytes());
        key.push(0);
    }
    key
}

/// Every `.txt` and `.md` file under `dir`, in no particular order, and
/// the entries that could not be read, in path order.
pub(super) fn collect_articles(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut unreadable = Vec::new();
    // Unsorted: sorting each folder's entries by name splits every path
    // compared; the caller sorts all the files at once.
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        match entry {
            Ok(entry) => {
                let is_article = entry
                    .path()
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"));
                if entry.file_type().is_file() && is_article {
                    files.push(entry.into_path());
                }
            }
            Err(error) => {
                let path = error.path().unwrap_or(dir);
                unreadable.push((
                    path_order_key(path),
                    InputError::Unreadable {
                        path: path.display().to_string(),
                        reason: error.io_error().map_or_else(|| error.to_string(), ToString::to_string),
                    },
                ));
            }
        }
    }
    unreadable.sort_by(|(a, _), (b, _)| a.cmp(b));
    errors.extend(unreadable.into_iter().map(|(_, error)| error));
}

/// Sorts paths as `Path` compares them, dropping repeats.
pub(super) fn sort_paths(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut keyed: Vec<(Vec<u8>, PathBuf)> = files.into_par_iter().map(|file| (path_order_key(&file), file)).collect();
    // Stable: of one file named twice, the first named is kept.
    keyed.par_sort_by(|(a, _), (b, _)| a.cmp(b));
    keyed.dedup_by(|(a, _), (b, _)| a == b);
    keyed.into_iter().map(|(_, file)| file).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_paths_as_paths_do() {
        let paths = [
            "a", "a/b", "a.b", "a/b/c", "a-b/c", "a//b", "./a", "../a", "/a", "/a/b", "a/./b", "ab", "a/b.md", "a b",
            "a/", "b", "", "/", "éa", "z/é",
        ];
        for x in paths {
            for y in paths {
                let (x, y) = (Path::new(x), Path::new(y));
                assert_eq!(path_order_key(x).cmp(&path_order_key(y)), x.cmp(y), "{} vs {}", x.display(), y.display());
            }
        }
    }

    #[test]
    fn sorting_drops_paths_spelled_twice() {
        let sorted = sort_paths(["b/x.md", "a/y.md", "a//y.md", "a/x.md"].map(PathBuf::from).to_vec());
        assert_eq!(sorted, ["a/x.md", "a/y.md", "b/x.md"].map(PathBuf::from));
    }
}
