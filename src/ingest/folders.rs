//! Opening the articles of a corpus folder by folder. Opened by its full
//! path, each file has the system walk every folder above it again; on a
//! corpus of a hundred thousand small articles that walk was a quarter of
//! the time taken to read them. Each folder is opened once instead, and its
//! files by name within it.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use foldhash::HashMap;

/// The folders of a list of files, each opened once, and which one each
/// file is in.
pub(super) struct Folders {
    /// `None` where the folder could not be opened: its files are then
    /// opened by path, and fail (or not) as they would have.
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
        let mut places: HashMap<&Path, usize> = HashMap::default();
        let mut handles = Vec::new();
        let of_file = files
            .iter()
            .map(|file| {
                let folder = folder_of(file);
                *places.entry(folder).or_insert_with(|| {
                    // Only a place to look names up in: no read permission is asked.
                    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                    handles.push(rustix::fs::open(folder, flags, Mode::empty()).ok());
                    handles.len() - 1
                })
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
        let files = [
            dir.path().join("a/x.md"),
            dir.path().join("y.md"),
            dir.path().join("a/gone.md"),
            dir.path().join("b/z.md"),
        ];
        let folders = Folders::open(&files);
        let read = |index: usize| std::io::read_to_string(folders.open_file(index, &files[index])?);
        assert_eq!(read(0).unwrap(), "x");
        assert_eq!(read(1).unwrap(), "y");
        for missing in [2, 3] {
            let by_path = File::open(&files[missing]).unwrap_err();
            assert_eq!(read(missing).unwrap_err().to_string(), by_path.to_string());
        }
    }

    #[test]
    fn a_bare_name_is_in_the_working_folder() {
        assert_eq!(folder_of(Path::new("b.md")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/b.md")), Path::new("a"));
        assert_eq!(folder_of(Path::new("/b.md")), Path::new("/"));
    }
}
