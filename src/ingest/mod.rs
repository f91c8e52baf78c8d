//! Reading articles: files and folders in, `Document`s out.
//!
//! A `Document` owns the file's text exactly as stored (BOM and CRLF kept),
//! so every byte span downstream points into the file on disk. Front matter
//! and web chrome are recorded as ranges to skip, never cut out.

mod chrome;
mod date;
mod folders;
mod front_matter;
mod suppress;
mod walk;

use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use rayon::prelude::*;
use thiserror::Error;

pub use date::Date;
pub use front_matter::{Meta, TextEdit, ignore_rule};
pub use suppress::Marker;
pub use walk::path_order_key;

use crate::lexicon::Lexicon;
use crate::limits::{Limits, describe_size};

/// Index of a document in a corpus.
pub type DocId = usize;

/// One article.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The path as the user gave it (or as found under a folder they gave).
    pub path: PathBuf,
    /// The file's full text as stored; every span indexes this. An index
    /// stores claims, not texts: a loaded index re-reads the text of the
    /// articles a finding touches.
    #[serde(skip)]
    pub text: String,
    /// Where the article body starts and ends (after BOM and front matter).
    pub body: Range<usize>,
    /// Title, outlet, date and URL, from front matter or the text.
    pub meta: Meta,
    /// Lines of page furniture that yield no claims.
    pub chrome: Vec<Range<usize>>,
    /// Inline `<!-- gainsay-ignore: rule -->` markers, in order.
    pub markers: Vec<Marker>,
}

impl Document {
    /// Builds a document from text already known to be valid UTF-8.
    #[must_use]
    pub fn from_text(path: PathBuf, text: String, lexicon: &Lexicon) -> (Self, Vec<InputError>) {
        let bom = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
        let mut problems = Vec::new();
        let (mut meta, body_start) = match front_matter::parse(&text, bom) {
            Ok(parsed) => parsed,
            Err(error) => {
                problems.push(InputError::front_matter(&path, &text, error.span, error.message));
                (Meta::default(), bom)
            }
        };
        let body = body_start..text.len();
        let chrome = chrome::find(&text, body.clone(), &lexicon.chrome);
        if meta.outlet.is_none() {
            meta.outlet = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        }
        if meta.date.is_none() {
            let is_chrome = |offset: usize| in_ranges(&chrome, body.start + offset);
            meta.date = date::find_dateline(&text[body.clone()], is_chrome, &lexicon.months);
        }
        if meta.title.is_none() {
            meta.title = first_content_line(&text, body.clone(), &chrome);
        }
        let markers = suppress::find(&text, body.clone());
        (Self { path, text, body, meta, chrome, markers }, problems)
    }

    /// Whether a byte offset falls in a chrome line.
    #[must_use]
    pub fn is_chrome(&self, offset: usize) -> bool {
        in_ranges(&self.chrome, offset)
    }

    /// Whether the article silences any rule anywhere: most silence none.
    #[must_use]
    pub fn silences_any_rule(&self) -> bool {
        !self.meta.ignore.is_empty() || !self.markers.is_empty()
    }

    /// Whether `rule` is silenced for the sentence at `sentence`: by the
    /// front matter's `gainsay-ignore` list, or by a marker right after it.
    #[must_use]
    pub fn suppresses(&self, rule: &str, sentence: Range<usize>) -> bool {
        // Markers are recorded when the file is read, so a document loaded
        // from an index without its text still knows them.
        self.meta.ignore.iter().any(|id| id == rule)
            || (!self.markers.is_empty()
                && sentence.end <= self.text.len()
                && suppress::after_sentence(&self.text, sentence, &self.markers).iter().any(|m| m.covers(rule)))
    }

    /// A sentence's text without its markers.
    #[must_use]
    pub fn sentence_text(&self, sentence: Range<usize>) -> String {
        suppress::without_markers(&self.text, sentence, &self.markers)
    }

    /// The outlet's name for messages.
    #[must_use]
    pub fn outlet(&self) -> &str {
        self.meta.outlet.as_deref().unwrap_or("an unnamed outlet")
    }

    /// 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        // Bytes, not characters: a newline is one byte, and counting bytes
        // runs on whole words at a time.
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

fn first_content_line(text: &str, body: Range<usize>, chrome: &[Range<usize>]) -> Option<String> {
    let mut offset = body.start;
    for line in crate::text::lines_with_ends(&text[body]) {
        let start = offset;
        offset += line.len();
        if !line.trim().is_empty() && !chrome.iter().any(|r| r.contains(&start)) {
            return Some(line.trim().to_string());
        }
    }
    None
}

/// A problem with one input; the other inputs are still checked.
#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    #[diagnostic(code(gainsay::input::missing))]
    Missing { path: String },

    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(gainsay::input::unreadable))]
    Unreadable { path: String, reason: String },

    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    #[diagnostic(code(gainsay::input::encoding), help("save the article as UTF-8"))]
    NotUtf8 { path: String, offset: usize },

    #[error("{path}: the file is {encoding} (it starts with a byte order mark), not UTF-8")]
    #[diagnostic(code(gainsay::input::encoding), help("save the article as UTF-8"))]
    WideEncoding { path: String, encoding: &'static str },

    #[error("{path}: looks like a binary file (it contains NUL bytes)")]
    #[diagnostic(code(gainsay::input::binary))]
    Binary { path: String },

    #[error("{path}: the file is empty")]
    #[diagnostic(code(gainsay::input::empty), severity(Warning))]
    Empty { path: String },

    #[error("{path}: no .txt or .md article in this folder{}", describe_others(*others))]
    #[diagnostic(code(gainsay::input::no_articles), severity(Warning))]
    NoArticles { path: String, others: usize },

    #[error("{path}: a symbolic link out of {root}; not followed")]
    #[diagnostic(code(gainsay::input::outside), severity(Warning))]
    Outside { path: String, root: String },

    #[error("{path}: the file is {size} bytes, over the limit of {}; it was skipped", describe_size(*limit))]
    #[diagnostic(
        code(gainsay::input::too_large),
        help("raise the limit with --max-file-size if this really is an article")
    )]
    TooLarge { path: String, size: u64, limit: u64 },

    #[error(
        "{path}:{line}:{column}: a sentence of {} bytes is over the limit of {}; it was not analysed",
        sentence.len(),
        describe_size(*limit as u64)
    )]
    #[diagnostic(
        code(gainsay::input::sentence_too_long),
        severity(Warning),
        help("raise the limit with --max-sentence-length, or check that the file is prose and not markup or data")
    )]
    SentenceTooLong {
        path: String,
        /// Bytes of the sentence in the file.
        sentence: Range<usize>,
        /// 1-based line and column (in characters) where it starts.
        line: usize,
        column: usize,
        limit: usize,
    },

    #[error("{path}: broken front matter: {message}")]
    #[diagnostic(
        code(gainsay::input::front_matter),
        help("front matter is a block of `key: value` lines between two `---` lines")
    )]
    FrontMatter {
        path: String,
        message: String,
        #[source_code]
        source_code: NamedSource<String>,
        #[label("here")]
        span: SourceSpan,
    },
}

impl InputError {
    /// One warning per sentence of `document` that was skipped for being
    /// over `limit` bytes; `spans` are in order. Lines and columns are
    /// counted in one pass, however many sentences there are.
    #[must_use]
    pub fn sentences_too_long(document: &Document, spans: &[Range<usize>], limit: usize) -> Vec<Self> {
        // Asked of every article; nearly all have none.
        if spans.is_empty() {
            return Vec::new();
        }
        let path = document.path.display().to_string();
        let (mut line, mut column, mut scanned) = (1, 1, 0);
        spans
            .iter()
            .map(|span| {
                let before = &document.text[scanned..span.start];
                if let Some(last) = before.rfind('\n') {
                    line += before.matches('\n').count();
                    column = before[last + 1..].chars().count() + 1;
                } else {
                    column += before.chars().count();
                }
                scanned = span.start;
                Self::SentenceTooLong { path: path.clone(), sentence: span.clone(), line, column, limit }
            })
            .collect()
    }

    /// Whether the input was left unchecked, as opposed to checked with a
    /// warning (an empty file, a sentence skipped for its length, a link
    /// out of its folder left alone).
    #[must_use]
    pub fn is_fatal(&self) -> bool {
        !matches!(
            self,
            Self::Empty { .. } | Self::SentenceTooLong { .. } | Self::Outside { .. } | Self::NoArticles { .. }
        )
    }

    fn front_matter(path: &Path, text: &str, span: Range<usize>, message: String) -> Self {
        let name = path.display().to_string();
        Self::FrontMatter {
            path: name.clone(),
            message,
            source_code: NamedSource::new(name, text.to_string()),
            span: span.into(),
        }
    }
}

/// How a folder with no article names the files it holds of other kinds.
fn describe_others(others: usize) -> String {
    match others {
        0 => String::new(),
        1 => " (its one file is of another kind)".to_string(),
        n => format!(" (its {n} files are of other kinds)"),
    }
}

/// Reads every `.txt` and `.md` article under the given paths, in a stable
/// (sorted) order, and reports the inputs that could not be read.
#[must_use]
pub fn load(paths: &[PathBuf], lexicon: &Lexicon) -> (Vec<Document>, Vec<InputError>) {
    load_with(paths, lexicon, &Limits::default())
}

/// [`load`], skipping (and reporting) files over `limits.max_file_bytes`.
#[must_use]
pub fn load_with(paths: &[PathBuf], lexicon: &Lexicon, limits: &Limits) -> (Vec<Document>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut from_stdin = None;
    for path in paths {
        // A symbolic link that leads nowhere (or in a loop) exists; reading
        // it reports why it cannot be read.
        if path.as_os_str() == STDIN_ARGUMENT {
            if from_stdin.is_none() {
                from_stdin = Some(
                    read_stdin(limits.max_file_bytes)
                        .map(|text| Document::from_text(PathBuf::from(STDIN_NAME), text, lexicon)),
                );
            }
        } else if !path.exists() && path.symlink_metadata().is_err() {
            errors.push(InputError::Missing { path: path.display().to_string() });
        } else if path.is_dir() {
            walk::collect_articles(path, limits.follow_links, &mut files, &mut errors);
        } else {
            files.push(path.clone());
        }
    }
    let mut files = walk::sort_paths(files);
    if limits.follow_links {
        files = walk::drop_aliases(files);
    }
    let folders = folders::Folders::open(&files);
    let read: Vec<_> = files
        .into_par_iter()
        .enumerate()
        .map(|(index, file)| {
            let opened = folders.open_file(index, &file);
            let text = read_opened(&file, opened, limits.max_file_bytes)?;
            Ok(Document::from_text(file, text, lexicon))
        })
        .collect();
    let mut documents = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok((document, problems)) => {
                errors.extend(problems);
                documents.push(document);
            }
            Err(error) => errors.push(error),
        }
    }
    match from_stdin {
        Some(Ok((document, problems))) => {
            errors.extend(problems);
            documents.push(document);
        }
        Some(Err(error)) => errors.push(error),
        None => {}
    }
    (documents, errors)
}

/// The path argument that reads an article from standard input.
const STDIN_ARGUMENT: &str = "-";

/// What an article read from standard input is called.
pub const STDIN_NAME: &str = "<stdin>";

/// One article from standard input, within the size limit.
fn read_stdin(max_bytes: u64) -> Result<String, InputError> {
    let path = Path::new(STDIN_NAME);
    let unreadable = |e: std::io::Error| InputError::Unreadable { path: STDIN_NAME.to_string(), reason: e.to_string() };
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { path: STDIN_NAME.to_string(), size: bytes.len() as u64, limit: max_bytes });
    }
    decode(path, &bytes).map(str::to_owned)
}

/// Reads one article, rejecting what is not UTF-8 text and files over the
/// default size limit.
pub fn read_article(path: &Path) -> Result<String, InputError> {
    read_article_limited(path, Limits::default().max_file_bytes)
}

/// Reads one article of at most `max_bytes`, rejecting what is not UTF-8
/// text. The limit holds while reading, so a file that grows (or a device
/// that never ends) is refused without being read whole.
pub fn read_article_limited(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    read_opened(path, std::fs::File::open(path), max_bytes)
}

/// [`read_article_limited`] for a file already opened (or not) from `path`.
fn read_opened(path: &Path, opened: std::io::Result<std::fs::File>, max_bytes: u64) -> Result<String, InputError> {
    // Named only when something is wrong: most files are read without.
    let name = || path.display().to_string();
    let unreadable = |e: std::io::Error| InputError::Unreadable { path: name(), reason: e.to_string() };
    let file = opened.map_err(unreadable)?;
    // Read into the thread's buffer, which has room for most articles: no
    // size need be asked of the file system first, and the text is copied
    // out at its length. Asking cost a third as much as the reading.
    READ_BUFFER.with_borrow_mut(|buffer| {
        let limit = usize::try_from(max_bytes.saturating_add(1)).unwrap_or(usize::MAX);
        let text = match read_up_to(&file, limit, buffer) {
            Err(error) => Err(unreadable(error)),
            Ok(read) if read as u64 > max_bytes => {
                // Reading stopped at the limit; the file system knows how far past.
                let size = file.metadata().map_or(read as u64, |m| m.len().max(read as u64));
                Err(InputError::TooLarge { path: name(), size, limit: max_bytes })
            }
            Ok(read) => decode(path, &buffer[..read]).map(str::to_owned),
        };
        // One huge file should not keep its room for the rest of the run.
        buffer.truncate(READ_BUFFER_BYTES);
        buffer.shrink_to(READ_BUFFER_BYTES);
        text
    })
}

/// Room for nearly every news article, so one read takes a whole file.
const READ_BUFFER_BYTES: usize = 64 * 1024;

thread_local! {
    /// Zeroed once: `read_to_end` would zero its spare room for every file.
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; READ_BUFFER_BYTES]);
}

/// Reads `file` into `buffer` until it ends or `limit` bytes are read,
/// growing the buffer as needed; returns the number of bytes read.
fn read_up_to(mut file: &std::fs::File, limit: usize, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    while read < limit {
        if read == buffer.len() {
            buffer.resize(buffer.len().saturating_mul(2).max(READ_BUFFER_BYTES).min(limit), 0);
        }
        let room = buffer.len().min(limit);
        match file.read(&mut buffer[read..room]) {
            Ok(0) => break,
            Ok(count) => read += count,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(read)
}

/// The encoding a byte order mark announces, for the encodings that are not
/// UTF-8. Spans point into the file as stored, so such files are refused
/// with a clear reason rather than transcoded.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32BE"),
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// Validates article bytes as UTF-8 text; an error names `path`.
pub fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, InputError> {
    let name = || path.display().to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: name() });
    }
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(InputError::WideEncoding { path: name(), encoding });
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary { path: name() });
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 { path: name(), offset: e.valid_up_to() })
}

/// Whether an offset falls in one of sorted, disjoint ranges: a page of a
/// million menu lines must not make this a scan per sentence.
fn in_ranges(ranges: &[Range<usize>], offset: usize) -> bool {
    let after = ranges.partition_point(|r| r.end <= offset);
    ranges.get(after).is_some_and(|r| r.contains(&offset))
}
