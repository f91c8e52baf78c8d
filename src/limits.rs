//! Limits that protect the user from inputs no newsroom means to check: a
//! 2 GB log file dropped in the corpus folder, a minified script that reads
//! as one endless sentence. Input over a limit is skipped and reported as a
//! diagnostic naming the file (and the sentence's span), never truncated in
//! silence; both limits are settings (`--max-file-size`,
//! `--max-sentence-length`). Symbolic links inside folders are not
//! followed unless asked (`--follow`), and never out of the folder given:
//! a repository must not make a run read the user's other files.
//!
//! The files that are not articles (config, rule files, baseline, index)
//! are read through [`read_input_file`]: each has a size limit of its own,
//! and one that is not a regular file is refused unread, since a FIFO would
//! wait for a writer forever and a device such as `/dev/zero` never ends.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// How much input one run reads and analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this many bytes are skipped with a diagnostic. Every
    /// file is held in memory whole, so this bounds memory per file.
    pub max_file_bytes: u64,
    /// Sentences longer than this many bytes are reported and not analysed:
    /// claim extraction compares words within a sentence, and real news
    /// sentences stay under a kilobyte.
    pub max_sentence_bytes: usize,
    /// Whether symbolic links found inside folders are followed, within
    /// the folder only. A path given by name is read whatever it is.
    pub follow_links: bool,
}

/// 16 MiB: a thousand times a long article.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 << 20;
/// 64 KiB: a hundred times the longest sentence in any corpus we have seen.
pub const DEFAULT_MAX_SENTENCE_BYTES: usize = 64 << 10;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_sentence_bytes: DEFAULT_MAX_SENTENCE_BYTES,
            follow_links: false,
        }
    }
}

/// 1 MiB: a config file is a few dozen lines.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;
/// 16 MiB: the largest rule file, the gazetteer, is a few dozen KiB.
pub const MAX_RULE_FILE_BYTES: u64 = 16 << 20;
/// 256 MiB: a baseline line per accepted finding, a million of them.
pub const MAX_BASELINE_BYTES: u64 = 256 << 20;
/// 4 GiB: an index of a million articles; it is read into memory whole.
pub const MAX_INDEX_BYTES: u64 = 4 << 30;

/// Why a file that is not an article was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputFileError {
    #[error("not a regular file but {0}")]
    NotARegularFile(&'static str),
    #[error("{} is larger than the {} allowed", describe_size(*.size), describe_size(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads a file that is not an article, if it is a regular file of at most
/// `limit` bytes. The file is opened without blocking (a FIFO would wait for
/// a writer) and what was opened is examined, so swapping the path for
/// something else after a check changes nothing; no more than `limit` + 1
/// bytes are read even from a file that grows meanwhile.
pub fn read_input_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputFileError> {
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(InputFileError::NotARegularFile(file_kind(metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(InputFileError::TooLarge { size: metadata.len(), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    let read = file.take(limit.saturating_add(1)).read_to_end(&mut bytes)? as u64;
    if read > limit {
        return Err(InputFileError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// [`read_input_file`] for a file that must be UTF-8 text.
pub fn read_input_text(path: &Path, limit: u64) -> Result<String, InputFileError> {
    String::from_utf8(read_input_file(path, limit)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e).into())
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK;
    Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a file that is not a regular file is, for messages.
fn file_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() { "a folder" } else { "another kind of file" }
}

/// Reads a size written as a number of bytes with an optional unit:
/// `65536`, `64K`, `64KiB`, `16M`, `16MB`, `1G` (units are powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 =
        number.parse().map_err(|_| format!("`{text}` is not a size; write e.g. 65536, 64KiB or 16MiB"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        other => return Err(format!("unknown unit `{other}`; use K, M or G (powers of 1024)")),
    };
    number.checked_mul(1 << shift).ok_or_else(|| format!("`{text}` is too large"))
}

/// A byte count for messages: `16 MiB`, `64 KiB`, `1000 bytes`.
#[must_use]
pub fn describe_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_binary_units() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64KiB"), Ok(64 << 10));
        assert_eq!(parse_size("16 MB"), Ok(16 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
    }

    #[test]
    fn bad_sizes_are_refused_with_a_reason() {
        assert!(parse_size("").unwrap_err().contains("not a size"));
        assert!(parse_size("ten").unwrap_err().contains("not a size"));
        assert!(parse_size("10 parsecs").unwrap_err().contains("unknown unit"));
        assert!(parse_size("99999999999999999999G").is_err());
        assert!(parse_size("99999999999G").unwrap_err().contains("too large"));
    }

    #[test]
    fn input_file_within_its_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gainsay.toml");
        std::fs::write(&path, "fail-on = \"error\"\n").unwrap();
        assert_eq!(read_input_text(&path, 64).unwrap(), "fail-on = \"error\"\n");
    }

    #[test]
    fn input_file_over_its_limit_is_refused_with_both_sizes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, [b' '; 2048]).unwrap();
        let error = read_input_file(&path, 1024).unwrap_err();
        assert_eq!(error.to_string(), "2 KiB is larger than the 1 KiB allowed");
    }

    #[test]
    fn input_file_that_is_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_input_file(dir.path(), 1024).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file but a folder");
    }

    #[cfg(unix)]
    #[test]
    fn input_file_that_is_a_device_is_refused_unread() {
        let error = read_input_file(Path::new("/dev/zero"), 1024).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file but a device");
    }

    #[test]
    fn sizes_are_described_in_the_largest_whole_unit() {
        assert_eq!(describe_size(16 << 20), "16 MiB");
        assert_eq!(describe_size(64 << 10), "64 KiB");
        assert_eq!(describe_size(1000), "1000 bytes");
    }
}
