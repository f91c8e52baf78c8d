//! Limits that protect the user from inputs no newsroom means to check: a
//! 2 GB log file dropped in the corpus folder, a minified script that reads
//! as one endless sentence. Input over a limit is skipped and reported as a
//! diagnostic naming the file (and the sentence's span), never truncated in
//! silence; both limits are settings (`--max-file-size`,
//! `--max-sentence-length`). Symbolic links inside folders are not
//! followed unless asked (`--follow`), and never out of the folder given:
//! a repository must not make a run read the user's other files.

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
    fn sizes_are_described_in_the_largest_whole_unit() {
        assert_eq!(describe_size(16 << 20), "16 MiB");
        assert_eq!(describe_size(64 << 10), "64 KiB");
        assert_eq!(describe_size(1000), "1000 bytes");
    }
}
