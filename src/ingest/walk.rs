//! Finding the articles under the paths given, in a stable order.
//!
//! Symbolic links inside a folder are skipped, as ripgrep skips them: a
//! repository from many hands could plant `drafts/x.md -> ~/.config/...`
//! and have a CI log print its lines. Followed on request, a link still
//! never leads out of the folder given, loops are reported, and a file
//! reached by two ways is read once.

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
/// the entries that could not be read, in path order. Symbolic links are
/// skipped unless `follow_links`, and those that lead out of `dir` always.
pub(super) fn collect_articles(dir: &Path, follow_links: bool, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut unreadable = Vec::new();
    let mut outside = Vec::new();
    let root = if follow_links { dir.canonicalize().ok() } else { None };
    // Unsorted: sorting each folder's entries by name splits every path
    // compared; the caller sorts all the files at once.
    let walk = walkdir::WalkDir::new(dir).follow_links(follow_links).into_iter().filter_entry(|entry| {
        // The folder given is read even when it is itself a link.
        if entry.depth() == 0 || !entry.path_is_symlink() {
            return true;
        }
        let Some(root) = &root else { return false };
        match entry.path().canonicalize() {
            // A folder inside the root is walked by its own path; walked
            // again through a link it would only repeat, and links in a
            // chain would double the walk at every level.
            Ok(target) if target.starts_with(root) => !entry.file_type().is_dir(),
            Ok(_) => {
                outside.push(entry.path().to_path_buf());
                false
            }
            // A link that cannot be resolved is kept, so that reading it says why.
            Err(_) => true,
        }
    });
    let (mut articles, mut others) = (0, 0);
    for entry in walk {
        match entry {
            Ok(entry) => {
                let is_article = entry
                    .path()
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"));
                if entry.file_type().is_file() && is_article {
                    articles += 1;
                    files.push(entry.into_path());
                } else if entry.file_type().is_file() {
                    others += 1;
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
    for link in outside {
        let error = InputError::Outside { path: link.display().to_string(), root: dir.display().to_string() };
        unreadable.push((path_order_key(&link), error));
    }
    unreadable.sort_by(|(a, _), (b, _)| a.cmp(b));
    errors.extend(unreadable.into_iter().map(|(_, error)| error));
    if articles == 0 {
        errors.push(InputError::NoArticles { path: dir.display().to_string(), others });
    }
}

/// Sorted paths without those that resolve to a file named before them:
/// a file reached through a followed link and by its own path is read once.
pub(super) fn drop_aliases(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files.into_iter().filter(|file| seen.insert(file.canonicalize().unwrap_or_else(|_| file.clone()))).collect()
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
