//! Writing a file so that no crash leaves half of it.
//!
//! Baselines and caches are rewritten on every run; a run killed mid-write
//! (SIGKILL, power loss, a full disk) must leave either the previous file or
//! the new one, never a torn mix, and no temporary file beside it.
//! [`write_atomically`] writes a temporary file beside the target, flushes
//! it to disk and renames it over the target: on POSIX file systems a
//! rename within one directory is atomic.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of concurrent writes in one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces the contents of `path` with `bytes`, atomically: readers and
/// later runs see the old contents or the new ones, whole.
///
/// The new contents are fsynced before the rename, and the directory after
/// it so the rename itself survives a crash. On Linux they are written to a
/// file without a name (`O_TMPFILE`), which the kernel drops however the
/// process ends (Ctrl-C, SIGKILL, a crash), and named: as the target if
/// there is none yet, else `.NAME.PID.N.tmp` only for the rename; elsewhere that temporary file is written by name
/// and removed if any step fails. A target that is a symbolic link is
/// replaced by a regular file. An existing target's permissions are kept.
pub fn write_atomically(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    let (path, bytes) = (path.as_ref(), bytes.as_ref());
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, format!("{}: not a file path", path.display())))?;
    let name = name.to_string_lossy();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    #[cfg(target_os = "linux")]
    let unnamed = write_unnamed(dir, &name, path, bytes);
    #[cfg(not(target_os = "linux"))]
    let unnamed = None;
    unnamed.unwrap_or_else(|| write_named(dir, &name, path, bytes))?;
    sync_dir(dir);
    Ok(())
}

/// Writes the new contents to a file with no name, names it beside `path`
/// and renames it over `path`. `None` where the file system or the kernel
/// offers no unnamed files, or `/proc` is missing to name one.
#[cfg(target_os = "linux")]
fn write_unnamed(dir: &Path, name: &str, path: &Path, bytes: &[u8]) -> Option<io::Result<()>> {
    use std::os::fd::AsRawFd;

    use rustix::fs::{AtFlags, CWD, Mode, OFlags};
    let flags = OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC;
    let mode = Mode::RUSR | Mode::WUSR | Mode::RGRP | Mode::WGRP | Mode::ROTH | Mode::WOTH;
    let mut file = File::from(rustix::fs::open(dir, flags, mode).ok()?);
    if let Err(error) = fill(&mut file, path, bytes) {
        return Some(Err(error));
    }
    let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
    // A new file is named at once, as a whole: no temporary name exists
    // for a signal to leave behind.
    match rustix::fs::linkat(CWD, unnamed.as_str(), CWD, path, AtFlags::SYMLINK_FOLLOW) {
        Ok(()) => return Some(Ok(())),
        Err(rustix::io::Errno::EXIST) => {}
        Err(_) => return None,
    }
    let temp = loop {
        let temp = temp_path(dir, name);
        match rustix::fs::linkat(CWD, unnamed.as_str(), CWD, &temp, AtFlags::SYMLINK_FOLLOW) {
            Ok(()) => break temp,
            // Left behind by a killed process that had the same id.
            Err(rustix::io::Errno::EXIST) => {}
            Err(_) => return None,
        }
    };
    drop(file);
    Some(fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    }))
}

/// Writes the new contents to a temporary file by name beside `path` and
/// renames it over `path`.
fn write_named(dir: &Path, name: &str, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (temp, mut file) = create_temp(dir, name)?;
    let written = fill(&mut file, path, bytes).and_then(|()| {
        drop(file);
        fs::rename(&temp, path)
    });
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Writes `bytes` to the new file with the permissions of the old one at
/// `path`, if any, and flushes it to disk.
fn fill(file: &mut File, path: &Path, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Ok(metadata) = fs::metadata(path) {
        file.set_permissions(metadata.permissions())?;
    }
    file.sync_all()
}

/// A temporary file name beside the target, fresh within this process.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Creates a fresh temporary file in `dir`, never reusing an existing one.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    loop {
        let temp = temp_path(dir, name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            // Left behind by a killed process that had the same id.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
}

/// Flushes a directory's entries, so a rename in it is durable. Best
/// effort: some platforms and file systems cannot open or sync directories,
/// and the data itself is already on disk.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_existing_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["baseline.json"]);
    }

    /// The way taken where files without a name are not offered.
    #[test]
    fn a_named_temporary_file_replaces_contents_and_is_gone_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        fs::write(&path, "old").unwrap();
        write_named(dir.path(), "baseline.json", &path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.bin");
        write_atomically(&path, b"").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn failure_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // Renaming a file over a non-empty directory fails.
        let path = dir.path().join("taken");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        assert_eq!(write_atomically(Path::new("/"), b"x").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_of_the_old_file_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
