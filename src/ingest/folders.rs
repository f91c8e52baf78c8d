//! Opening the articles of a corpus folder by folder. Opened by its full
//! path, each file has the system walk every folder above it again; on a
//! corpus of a hundred thousand small articles that walk was a quarter of
//! the time taken to read them. Each folder is opened once instead, and its
//! files by name within it.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use foldhash::HashMap;

/// At most this many folders are held open, each for the whole read.
const MAX_OPEN_FOLDERS: usize = 128;

/// A folder is opened only for at least this many of the files: for fewer,
/// opening it costs about what it saves.
const MIN_FILES_IN_FOLDER: usize = 16;

/// The folders of a list of files, the largest opened once, and which one
/// each file is in.
pub(super) struct Folders {
    /// `None` where the folder is not held open: its files are then opened
    /// by path, and fail (or not) as they would have.
    #[cfg(unix)]
    handles: Vec<Option<std::os::fd::OwnedFd>>,
    /// Per file, its folder's place in `handles`.
    #[cfg(unix)]
    of_file: Vec<usize>,
}

impl Folders {
    #[cfg(unix)]
    pub fn open(files: &[PathBuf]) -> Self {
        use rustix::fs::{Mode, OFlags};
        let mut place_of: HashMap<&Path, usize> = HashMap::default();
        let mut folders: Vec<(&Path, usize)> = Vec::new();
        let of_file = files
            .iter()
            .map(|file| {
                let folder = folder_of(file);
                let place = *place_of.entry(folder).or_insert_with(|| {
                    folders.push((folder, 0));
                    folders.len() - 1
                });
                folders[place].1 += 1;
                place
            })
            .collect();
        let allowed = open_folders_allowed();
        let mut opened = 0;
        let handles = folders
            .into_iter()
            .map(|(folder, file_count)| {
                if file_count < MIN_FILES_IN_FOLDER || opened >= allowed {
                    return None;
                }
                // Only a place to look names up in: no read permission is asked.
                let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                let handle = rustix::fs::open(folder, flags, Mode::empty()).ok();
                opened += usize::from(handle.is_some());
                handle
            })
            .collect();
        Self { handles, of_file }
    }

    #[cfg(not(unix))]
    pub fn open(_files: &[PathBuf]) -> Self {
        Self {}
    }

    /// Opens the `index`th file of the list, `path`, for reading.
    #[cfg(unix)]
    pub fn open_file(&self, index: usize, path: &Path) -> io::Result<File> {
        use rustix::fs::{Mode, OFlags};
        match (&self.handles[self.of_file[index]], path.file_name()) {
            (Some(folder), Some(name)) => {
                rustix::fs::openat(folder, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())
                    .map(File::from)
                    .map_err(io::Error::from)
            }
            _ => File::open(path),
        }
    }

    #[cfg(not(unix))]
    pub fn open_file(&self, _index: usize, path: &Path) -> io::Result<File> {
        File::open(path)
    }
}

/// How many folders may be held open. Each takes a descriptor, and held
/// folders take at most a quarter of the process's allowance, so that the
/// articles are never left without one; files in other folders are opened
/// by path.
#[cfg(unix)]
fn open_folders_allowed() -> usize {
    rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .map_or(MAX_OPEN_FOLDERS, |limit| usize::try_from(limit / 4).unwrap_or(usize::MAX))
        .min(MAX_OPEN_FOLDERS)
}

/// The folder a file is named in: "a/b.md" is in "a", "b.md" in ".".
#[cfg(unix)]
fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn files_open_within_their_folders_and_fail_as_by_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/x.md"), "x").unwrap();
        std::fs::write(dir.path().join("y.md"), "y").unwrap();
        let mut files = vec![
            dir.path().join("a/x.md"),
            dir.path().join("y.md"),
            dir.path().join("a/gone.md"),
            dir.path().join("b/z.md"),
        ];
        // Enough files named in "a" for it to be held open.
        files.extend((0..MIN_FILES_IN_FOLDER).map(|n| dir.path().join(format!("a/{n}.md"))));
        let folders = Folders::open(&files);
        assert!(folders.handles[folders.of_file[0]].is_some(), "\"a\" is held open");
        let read = |index: usize| std::io::read_to_string(folders.open_file(index, &files[index])?);
        assert_eq!(read(0).unwrap(), "x");
        assert_eq!(read(1).unwrap(), "y");
        for missing in [2, 3] {
            let by_path = File::open(&files[missing]).unwrap_err();
            assert_eq!(read(missing).unwrap_err().to_string(), by_path.to_string());
        }
    }

    /// `count` folders of `files_each` articles under `dir`, in order.
    fn folders_of_articles(dir: &Path, count: usize, files_each: usize) -> Vec<PathBuf> {
        (0..count)
            .flat_map(|folder| (0..files_each).map(move |file| (folder, file)))
            .map(|(folder, file)| {
                let folder = dir.join(folder.to_string());
                std::fs::create_dir_all(&folder).unwrap();
                let path = folder.join(format!("{file}.md"));
                std::fs::write(&path, path.display().to_string()).unwrap();
                path
            })
            .collect()
    }

    fn read_all(folders: &Folders, files: &[PathBuf]) {
        for (index, file) in files.iter().enumerate() {
            let text = std::io::read_to_string(folders.open_file(index, file).unwrap()).unwrap();
            assert_eq!(text, file.display().to_string());
        }
    }

    #[test]
    fn only_a_few_large_folders_are_held_open() {
        let dir = tempfile::tempdir().unwrap();
        let allowed = open_folders_allowed();
        assert!(allowed > 0 && allowed <= MAX_OPEN_FOLDERS, "{allowed}");
        let large = folders_of_articles(&dir.path().join("large"), allowed + 2, MIN_FILES_IN_FOLDER);
        let folders = Folders::open(&large);
        assert_eq!(folders.handles.iter().flatten().count(), allowed);
        read_all(&folders, &large);
        let small = folders_of_articles(&dir.path().join("small"), 40, MIN_FILES_IN_FOLDER - 1);
        let folders = Folders::open(&small);
        assert_eq!(folders.handles.iter().flatten().count(), 0, "small folders are read by path");
        read_all(&folders, &small);
    }

    #[test]
    fn a_bare_name_is_in_the_working_folder() {
        assert_eq!(folder_of(Path::new("b.md")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/b.md")), Path::new("a"));
        assert_eq!(folder_of(Path::new("/b.md")), Path::new("/"));
    }
}
